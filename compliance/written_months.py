"""The month an unreadable decision date still names, for a --month run (docs/rules.md §8): a record whose
day is unknown but whose month is written (2016年10月, 2016-10-10 星期二 with the wrong weekday, 3月5日 with
the year only in a title) is out of every other month's run, its 数据有误 said in its own month's only.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["undated_every_month", "written_elsewhere"]

# One year and month in an unreadable decision date (2016年10月, 2016-10, 2016-10-10 星期二 with the wrong weekday):
# the month is known though the day is not. 2016.1 is left out: Excel keeps 2016.10 typed as that number.
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月|[-/－]\s*(\d{1,2})(?!\d)|\.\s*(\d{2})(?!\d))")


_MONTH_DAY = re.compile(r"^\s*(\d{1,2})\s*月\s*\d{1,2}\s*[日号]?\s*$")
_OTHER_MONTHS = {f"{m:02d}": [str(o) for o in range(1, 13) if o != m] + [f"{o:02d}" for o in range(1, 10) if o != m]
                 for m in range(1, 13)}


def _month_only(records: pd.DataFrame) -> np.ndarray:
    """Per record: the month number an unreadable, year-less decision date names (3月5日 → "3"), else ""."""
    if "decision_text" not in records or not len(records):
        return np.full(len(records), "", dtype=object)
    texts = records["decision_text"].astype(object).where(records["decision_date"].isna(), None)
    return texts.astype(str).str.extract(_MONTH_DAY, expand=False).fillna("").to_numpy(object)


def undated_every_month(selected: pd.DataFrame) -> int:
    """A --month run's records with no decision day and no month written either: in every month's run."""
    if not len(selected):
        return 0
    return int((selected["decision_date"].isna().to_numpy(bool) & (_written_months(selected) == "")
                & (_month_only(selected) == "")).sum())


def written_elsewhere(records: pd.DataFrame, month: str) -> np.ndarray:
    """Per record: no decision day, and the month its date text names is not ``month`` (YYYY-MM). A year-less
    3月5日 is not this month's whatever its year; in this month's run it is counted (its year may be another)."""
    undated = records["decision_date"].isna().to_numpy(bool)
    written = _written_months(records)
    other = (written != "") & (written != month)
    return undated & (other | ((written == "") & np.isin(_month_only(records), _OTHER_MONTHS[month[5:7]])))


def _written_months(records: pd.DataFrame) -> np.ndarray:
    """Per record: the one month (YYYY-MM) its unreadable decision-date text names, "" where none or two; a
    --month run of another month leaves it out (its 数据有误 is said in its own month's run, not in every one)."""
    written = pd.Series("", index=records.index, dtype=object)
    if "decision_text" not in records or not len(records):
        return written.to_numpy(object)
    texts = records["decision_text"].astype(object).where(records["decision_date"].isna(), None)
    found = texts.dropna().astype(str).str.extractall(_YEAR_MONTH)
    if len(found):
        months = found[0] + "-" + found[1].fillna(found[2]).fillna(found[3]).str.zfill(2)
        per_record = months.groupby(level=0).agg(lambda m: m.iloc[0] if m.nunique() == 1 else "")
        written.loc[per_record.index] = per_record.to_numpy(object)
    return written.to_numpy(object)
