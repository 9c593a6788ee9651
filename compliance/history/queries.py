"""What the `history` commands, the JSON and the web page read from the store: open items and trends."""

from __future__ import annotations

import pandas as pd

from ..quality.codes import mask_ids_in_text
from .labels import PROBLEM_LABELS, STATE_LABELS
from .store import HistoryStore

ITEM_FIELDS = ["unit", "category", "document_number", "party", "first_period", "periods_open", "problem", "state",
               "published_date", "working_days_late", "status"]


def items_json(frame: pd.DataFrame) -> list[dict]:
    """The ``carried_over`` objects (and `history open`'s), column-wise; missing values are null."""
    if not len(frame):
        return []
    out = frame[ITEM_FIELDS].astype(object)
    out = out.where(out.notna(), None)
    out["document_number"] = out["document_number"].where(out["document_number"].astype(str).str.strip().ne(""), None)
    for name in ("party", "document_number"):  # masked at ingest; again here, for a store filled otherwise
        out[name] = mask_ids_in_text(out[name]).where(out[name].notna(), None)
    columns = {name: out[name].tolist() for name in ITEM_FIELDS}  # plain Python values: no per-cell boxing
    # whole numbers as ints (a column with a missing value reads back as floats)
    columns["periods_open"] = [int(v) for v in pd.to_numeric(frame["periods_open"]).to_numpy(float)]
    late = pd.to_numeric(frame["working_days_late"], errors="coerce").to_numpy(float)
    columns["working_days_late"] = [None if v != v else int(v) for v in late]
    return [dict(zip(ITEM_FIELDS, row)) for row in zip(*columns.values())]


def open_items(store: HistoryStore, units=()) -> list[dict]:
    """Items open after the latest recorded period (``units``: only these)."""
    latest = store.latest_period()
    if latest is None:
        return []
    frame = store.followups(latest, still_open=True)
    if units:
        frame = frame[frame["unit"].isin(list(units))]
    items = items_json(frame)
    for item in items:  # a few hundred at most: the labels are for people
        item["problem_label"] = PROBLEM_LABELS.get(item["problem"], item["problem"])
        item["state_label"] = STATE_LABELS.get(item["state"], item["state"])
    return items


def trend_frame(rates: pd.DataFrame, units=()) -> tuple[list[str], pd.DataFrame]:
    """(periods, one row per unit and category with one column per period) from (period, unit, category, rate)."""
    if units:
        rates = rates[rates["unit"].isin(list(units))]
    periods = sorted(rates["period"].unique().tolist())
    if not len(rates):
        return periods, pd.DataFrame(columns=periods, index=pd.MultiIndex.from_arrays([[], []]))
    rates = rates.drop_duplicates(["unit", "category", "period"], keep="last")
    table = rates.set_index(["unit", "category", "period"])["rate"].astype(float).unstack("period")
    return periods, table.reindex(columns=periods)


def trend(store: HistoryStore, units=()) -> dict:
    """``{"periods": [...], "units": [{"unit", "category", "rates": {period: rate}}]}``."""
    periods, table = trend_frame(store.rates(), units)
    out = []
    for (unit, category), row in table.iterrows():  # one row per unit: a few dozen
        out.append({"unit": unit, "category": category,
                    "rates": {p: (None if pd.isna(v) else float(v)) for p, v in row.items()}})
    return {"periods": periods, "units": out}
