"""Records whose deadline counts days of a year the calendar files likely describe wrongly (holidays.year_doubts).

The run says such a year once (说明, the terminal); each record whose count from
its decision date to its deadline crosses that year says so too, so that a
status resting on a doubtful year is never read as certain.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .workcalendar import WorkCalendar

# the year-level doubts of holidays.year_doubts: the whole year may be counted wrong
YEAR_CODES = ("calendar-year-sparse", "calendar-year-incomplete", "calendar-year-no-workdays")


def doubtful_years(calendar: WorkCalendar) -> list[int]:
    return sorted({values["year"] for code, values in calendar.doubts if code in YEAR_CODES})


def doubtful_year(records: pd.DataFrame, calendar: WorkCalendar) -> np.ndarray | None:
    """Per record, the first doubtful year from its decision date to its deadline (0: none); None when the
    calendar has no doubtful year (the column is then left out)."""
    years = doubtful_years(calendar)
    if not years or "deadline" not in records:
        return None
    start = _years(records["decision_date"])
    end = _years(records["deadline"])
    out = np.zeros(len(records), dtype=np.int64)
    for year in reversed(years):  # a few years at most: the first one crossed wins
        out = np.where((start <= year) & (year <= end), year, out)
    return out


def _years(values: pd.Series) -> np.ndarray:
    """Each date's year; -1 where there is none (never within a span)."""
    days = values.to_numpy("datetime64[D]")
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970
    return np.where(np.isnat(days), -1, years)
