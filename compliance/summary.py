"""Counts per unit and category, with 及时公开率 and 迟报率 (DOMAIN.md)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .status import JUDGED, LATE, STATUS_LABELS, STATUSES
from .rules import CATEGORY_LABELS

COUNT_HEADERS = ["决定总数"] + [STATUS_LABELS[s] for s in STATUSES]


def _rates(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    judged = frame[list(JUDGED)].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        on_time = (frame["on_time"] / judged).where(judged > 0)
        late = (frame[list(LATE)].sum(axis=1) / judged).where(judged > 0)
    return on_time, late


def status_counts(records: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    keys = records[by].astype(object).fillna("未知")
    status = records["status"].astype(object)
    counts = pd.crosstab([keys[c] for c in by], status).reindex(columns=list(STATUSES), fill_value=0)
    counts.columns = list(STATUSES)
    return counts.reset_index()


def unit_table(records: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows per unit and category plus a 合计 row, 及时公开率 per unit)."""
    columns = ["单位", "类别"] + COUNT_HEADERS + ["及时公开率", "迟报率"]
    if records.empty:
        total = pd.DataFrame([["合计", ""] + [0] * len(COUNT_HEADERS) + [None, None]], columns=columns)
        return total, pd.DataFrame(columns=["单位", "及时公开率"])
    counts = status_counts(records, ["unit", "category"])
    counts["category"] = counts["category"].map(CATEGORY_LABELS).fillna("未知")
    totals = counts[list(STATUSES)].sum()
    total_row = {"unit": "合计", "category": "", **totals.to_dict()}
    table = pd.concat([counts, pd.DataFrame([total_row])], ignore_index=True)
    table["records"] = table[list(STATUSES)].sum(axis=1)
    on_time, late = _rates(table)
    out = pd.DataFrame({"单位": table["unit"], "类别": table["category"], "决定总数": table["records"]})
    for s in STATUSES:
        out[STATUS_LABELS[s]] = table[s].astype(int)
    out["及时公开率"] = on_time.astype(object).where(on_time.notna(), None)
    out["迟报率"] = late.astype(object).where(late.notna(), None)
    per_unit = status_counts(records, ["unit"])
    unit_rate, _ = _rates(per_unit)
    by_unit = pd.DataFrame({"单位": per_unit["unit"], "及时公开率": unit_rate.astype(object).where(unit_rate.notna(), None)})
    return out[columns], by_unit
