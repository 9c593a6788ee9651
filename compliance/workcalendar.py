"""The working-day engine.

Counting rule (民法典 第二百零一条: the starting day is not counted): the
deadline is the N-th working day strictly after the decision date. A working
day is a weekday that is not a statutory holiday, or a weekend day that the
State Council's yearly notice makes a working day (调休上班). A decision on a
rest day therefore starts the count at the next working day, as day 1.

Days are held as one contiguous table from the first to the last covered
year: a working-day flag, a running count of working days and a coverage
flag. Every question is then an array lookup (``np.searchsorted`` on the
running count), never a day-by-day walk.

Columns come in and go out in the frame's one date shape (``dates.DATE_DTYPE``,
NaT for none); inside, a day is its number since 1970-01-01, read from the
same bytes (NaT's bits, the smallest int64, stand for "no day").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from . import holidays as holiday_sources
from .dates import DATE_DTYPE, as_days
from .errors import CalendarNotCovered
from .problems import message

WEEKDAYS = "一二三四五六日"
NO_DAY = np.datetime64("NaT", "D").view(np.int64)  # a day number's "no day": NaT's own bits
_EPOCH = dt.date(1970, 1, 1)


def to_day_number(day: dt.date) -> int:
    return (day - _EPOCH).days


def day_numbers(dates) -> np.ndarray:
    """A date column or datetime64 array (any unit) -> int64 day numbers, NO_DAY where empty."""
    return as_days(dates).view(np.int64)


def from_day_numbers(days: np.ndarray) -> np.ndarray:
    """int64 day numbers (NO_DAY where empty) -> the frame's date shape, NaT where empty."""
    return np.asarray(days, dtype=np.int64).view("datetime64[D]").astype(DATE_DTYPE)


@dataclass(frozen=True)
class ExplainRow:
    date: dt.date
    weekday: str  # 周一 … 周日
    is_workday: bool | None  # None: a decision day the calendar does not cover (not counted anyway)
    reason: str  # holiday name, 调休上班, 周末 or 工作日
    count: int  # working days counted so far (0 on the decision date)


@dataclass
class _Span:
    """What one calendar file (or chinese-calendar) contributed."""

    source: str
    years: list[int] = field(default_factory=list)


class WorkCalendar:
    """Statutory holidays and make-up days, plus the user's own calendar files.

    >>> cal = WorkCalendar()
    >>> cal.add_working_days(dt.date(2019, 6, 8), 20)
    datetime.date(2019, 7, 5)
    """

    def __init__(self, calendar_files: Iterable[str | Path] = ()):
        base = holiday_sources.statutory_days()
        self.source = base.source
        self.version = base.version
        self.statutory_years = sorted(base.years)
        self.files: list[_Span] = []
        days = dict(base.days)  # date -> (is_workday, reason)
        years = set(base.years)
        calendar_files = list(calendar_files)
        users = [holiday_sources.read_calendar_file(path) for path in calendar_files]
        holiday_sources.check_agreement(users)
        # what in the files is likely a mistake: told wherever the calendar is (describe), never refused
        # a year that may be counted wrong as a whole (too few holidays, none of some, no make-up days): said
        # on every record whose count crosses it too (doubtful_year)
        ignored = holiday_sources.described_nothing(users, base)
        doubted = holiday_sources.year_doubts(users, base)
        self.year_doubts = [d for d in doubted if d[0] != "calendar-year-ignored"]  # an ignored year is no year counted
        self.doubts = doubted + [doubt for user in users for doubt in holiday_sources.doubts(user, base)]
        # days of the notice's years that a file changed: said on every record whose count crosses one too
        self._overridden = np.array(sorted({to_day_number(day) for user in users
                                            for day in holiday_sources.overridden(user, base)}), dtype=np.int64)
        for path, user in zip(calendar_files, users):
            self.files.append(_Span(str(path), sorted(user.years)))  # an ignored year: said in the warnings
            for year in user.years - years - ignored:
                # A year first described by a user file: weekends rest unless listed.
                days.update(holiday_sources.plain_year(year))
            years |= user.years - ignored
            days.update({day: kind for day, kind in user.days.items() if day.year not in ignored})
        self.covered_years = sorted(years)
        self._build(days, years)

    # -- table ---------------------------------------------------------------
    def _build(self, days: dict, years: set[int]) -> None:
        first, last = min(years), max(years)
        self._start = to_day_number(dt.date(first, 1, 1))
        end = to_day_number(dt.date(last, 12, 31))
        size = end - self._start + 1
        ordinal = np.arange(size, dtype=np.int64) + self._start
        # 1970-01-01 was a Thursday: weekday 0 = Monday.
        weekday = (ordinal + 3) % 7
        is_work = weekday < 5
        reasons = np.full(size, "", dtype=object)
        for day, (work, reason) in days.items():
            i = to_day_number(day) - self._start
            if 0 <= i < size:
                is_work[i] = work
                reasons[i] = reason
        year_of = ordinal.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        covered = np.isin(year_of, list(years))
        is_work &= covered
        self._is_work = is_work
        self._covered = covered
        self._reasons = reasons
        self._year_of = year_of
        # Padded running counts: position p stands for the day start + p - 1, so
        # p = 0 is "the day before the table" and _cum[p] counts working days
        # up to and including that day; _gaps counts uncovered days the same way.
        self._cum = np.concatenate(([0], np.cumsum(is_work, dtype=np.int64)))
        self._gaps = np.concatenate(([0], np.cumsum(~covered, dtype=np.int64)))
        self._size = size
        self._last_year = last

    def _position(self, days: np.ndarray) -> np.ndarray:
        return days - self._start + 1

    def _gap_year_after(self, pos: np.ndarray) -> np.ndarray:
        """Year of the first uncovered day after position ``pos``."""
        inside = (pos >= 0) & (pos <= self._size)
        safe = np.clip(pos, 0, self._size)
        q = np.searchsorted(self._gaps, self._gaps[safe] + 1, side="left")
        in_table = np.where(q <= self._size, self._year_of[np.clip(q - 1, 0, self._size - 1)],
                            self._last_year + 1)
        outside = self._year_from_day(self._start + pos)  # the day after pos
        return np.where(inside, in_table, outside)

    @staticmethod
    def _year_from_day(day: np.ndarray) -> np.ndarray:
        return np.asarray(day).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970

    def doubtful_year(self, start, end) -> np.ndarray | None:
        """Per span from ``start`` to ``end`` (date columns), the first year of ``year_doubts`` it touches (0:
        none; a missing date touches none); None when no year is doubtful."""
        years = sorted({values["year"] for _, values in self.year_doubts})
        if not years:
            return None
        start, end = as_days(start), as_days(end)
        first, last = self._year_from_day(start), self._year_from_day(end)
        dated = ~np.isnat(start) & ~np.isnat(end)
        out = np.zeros(len(first), dtype=np.int64)
        for year in reversed(years):  # a few at most: the earliest one touched wins
            out = np.where(dated & (first <= year) & (year <= last), year, out)
        return out

    def overridden_day(self, start, end) -> np.ndarray | None:
        """Per span (``start``, ``end``] (date columns), the first day in it that a calendar file made otherwise
        than the notice (NaT: none; a missing date touches none); None when the files change no such day."""
        if not len(self._overridden):
            return None
        start, end = day_numbers(start), day_numbers(end)
        at = np.minimum(np.searchsorted(self._overridden, start, side="right"), len(self._overridden) - 1)
        first = self._overridden[at]
        crossed = (start != NO_DAY) & (end != NO_DAY) & (first > start) & (first <= end)
        return from_day_numbers(np.where(crossed, first, NO_DAY))

    # -- vectorised, date columns in and out --------------------------------------
    def add_days(self, dates, n) -> tuple[np.ndarray, np.ndarray]:
        """The N-th working day strictly after each date (NaT for none): (deadlines in the frame's
        shape, NaT where unknown; the year it would need, or 0). Never raises."""
        out, missing = self._add_numbers(day_numbers(dates), n)
        return from_day_numbers(out), missing

    def count(self, start, end) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Working days in (start, end] for date columns: see ``_count_numbers``."""
        return self._count_numbers(day_numbers(start), day_numbers(end))

    def upper_bound(self, start, end) -> np.ndarray:
        """At most this many working days in (start, end] for date columns: see ``_upper_bound_numbers``."""
        return self._upper_bound_numbers(day_numbers(start), day_numbers(end))

    def lower_bound(self, start, end) -> np.ndarray:
        """At least this many working days lie in (start, end]: the covered working days alone, as if
        every uncovered day were a rest day."""
        start, end = day_numbers(start), day_numbers(end)
        known = (start != NO_DAY) & (end != NO_DAY) & (end > start)
        ps = np.clip(self._position(np.where(known, start, 0)), 0, self._size)
        pe = np.clip(self._position(np.where(known, end, 0)), 0, self._size)
        return np.where(known, self._cum[pe] - self._cum[ps], 0)

    def workdays(self, dates) -> tuple[np.ndarray, np.ndarray]:
        """(is working day, covered) for a date column."""
        return self._workday_numbers(day_numbers(dates))

    # -- core, day numbers in and out -------------------------------------------
    def _add_numbers(self, days: np.ndarray, n) -> tuple[np.ndarray, np.ndarray]:
        """N-th working day strictly after each day number.

        Returns (result day numbers with NO_DAY, missing year or 0). Never raises:
        a result that needs an uncovered year is NO_DAY with that year named.
        """
        days = np.asarray(days, dtype=np.int64)
        n = np.broadcast_to(np.asarray(n, dtype=np.int64), days.shape)
        valid = days != NO_DAY
        pos = np.where(valid, self._position(days), 0)
        inside = (pos >= 0) & (pos <= self._size)
        safe = np.clip(pos, 0, self._size)
        res = np.searchsorted(self._cum, self._cum[safe] + n, side="left")
        res = np.maximum(res, safe)  # n = 0 means the day itself
        res_c = np.minimum(res, self._size)
        # every day in (d, result] must exist in the table and be covered
        ok = valid & inside & (res <= self._size) & (self._gaps[res_c] == self._gaps[safe]) & (n >= 0)
        out = np.where(ok, res_c + self._start - 1, NO_DAY)
        missing = np.zeros(days.shape, dtype=np.int64)
        bad = valid & ~ok
        if bad.any():
            missing[bad] = self._gap_year_after(pos[bad])
        return out, missing

    def _count_numbers(self, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Working days in (start, end] over the covered prefix of that span.

        Returns (count, complete, missing year). Where the span runs into an
        uncovered day, ``count`` holds the working days before that gap and
        ``complete`` is False, so a caller can still decide "more than N".
        """
        start = np.asarray(start, dtype=np.int64)
        end = np.asarray(end, dtype=np.int64)
        known = (start != NO_DAY) & (end != NO_DAY)  # NO_DAY spans count as empty
        ps = self._position(np.where(known, start, self._start))
        pe = self._position(np.where(known, end, self._start))
        empty = pe <= ps
        inside = (ps >= 0) & (ps <= self._size)
        s_c = np.clip(ps, 0, self._size)
        e_c = np.clip(pe, 0, self._size)
        complete = empty | (inside & (pe <= self._size) & (self._gaps[e_c] == self._gaps[s_c]))
        # the last position before the first gap after start
        first_gap = np.searchsorted(self._gaps, self._gaps[s_c] + 1, side="left")
        stop = np.maximum(np.minimum(e_c, first_gap - 1), s_c)
        count = np.where(inside & ~empty, self._cum[stop] - self._cum[s_c], 0)
        missing = np.zeros(ps.shape, dtype=np.int64)
        if not complete.all():
            missing[~complete] = self._gap_year_after(ps[~complete])
        return count, complete, missing

    def _upper_bound_numbers(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """At most this many working days lie in (start, end]: covered working
        days plus every uncovered day, as if each of those were worked."""
        start = np.asarray(start, dtype=np.int64)
        end = np.asarray(end, dtype=np.int64)
        known = (start != NO_DAY) & (end != NO_DAY) & (end > start)
        s = np.where(known, start, 0)
        e = np.where(known, end, 0)
        ps = np.clip(self._position(s), 0, self._size)
        pe = np.clip(self._position(e), 0, self._size)
        covered_days = (pe - ps) - (self._gaps[pe] - self._gaps[ps])
        covered_work = self._cum[pe] - self._cum[ps]
        return np.where(known, covered_work + (e - s) - covered_days, 0)

    def _workday_numbers(self, days: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(is working day, covered) for each day number."""
        days = np.asarray(days, dtype=np.int64)
        idx = days - self._start
        inside = (idx >= 0) & (idx < self._size) & (days != NO_DAY)
        safe = np.clip(idx, 0, self._size - 1)
        covered = inside & self._covered[safe]
        return covered & self._is_work[safe], covered

    # -- public API: dates in, dates out --------------------------------------
    def covers(self, year: int) -> bool:
        return year in self.covered_years

    def is_workday(self, date) -> bool:
        day = to_day_number(_as_date(date))
        work, covered = self._workday_numbers(np.array([day]))
        if not covered[0]:
            raise CalendarNotCovered(_as_date(date).year)
        return bool(work[0])

    def add_working_days(self, dates, n):
        """The N-th working day strictly after each date; same shape as given.

        Accepts a date, a numpy datetime64 array or a pandas Series.
        Raises CalendarNotCovered naming the first year it would need.
        """
        days, rebuild = _to_days(dates)
        out, missing = self._add_numbers(days, n)
        _raise_missing(missing)
        return rebuild(out)

    def working_days_between(self, start, end):
        """Working days in (start, end]; 0 where end <= start."""
        s, rebuild = _to_days(start)
        e, _ = _to_days(end)
        count, complete, missing = self._count_numbers(s, e)
        _raise_missing(np.where(complete, 0, missing))
        return rebuild(count, counts=True)

    def explain(self, date, n: int) -> list[ExplainRow]:
        """The day-by-day walk from the decision date to its deadline."""
        start = _as_date(date)
        deadline = self.add_working_days(start, n)
        rows = []
        count = 0
        day = start
        while day <= deadline:
            i = to_day_number(day) - self._start
            known = 0 <= i < self._size
            work = bool(self._is_work[i]) if known else False
            if day > start and work:
                count += 1
            # only the decision day can lie outside the calendar (2003-12-31): it is not counted either way
            reason = self._reason(i, day, work) if known else f"决定日期（不计；日历不含 {day.year} 年）"
            rows.append(ExplainRow(day, "周" + WEEKDAYS[day.weekday()], work if known else None, reason, count))
            day += dt.timedelta(days=1)
        return rows

    def _reason(self, i: int, day: dt.date, work: bool) -> str:
        given = self._reasons[i] if 0 <= i < self._size else ""
        if work and day.weekday() >= 5:
            return "调休上班" + (f"（{given}）" if given else "")
        if not work and given:
            return given
        return "周末" if day.weekday() >= 5 else ("工作日" if work else "休息日")

    def describe(self) -> dict:
        return {
            "source": self.source,
            "version": self.version,
            "covered_years": self.covered_years,
            "files": [{"path": f.source, "years": f.years} for f in self.files],
            "warnings": [{"code": code, "message": message(code, **values)} for code, values in self.doubts],
        }


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (np.datetime64, pd.Timestamp, str)):
        return pd.Timestamp(value).date()
    raise TypeError(f"not a date: {value!r}")


def _to_days(value):
    """Any supported date container -> (int64 day numbers, rebuild function)."""
    if isinstance(value, pd.Series):
        def rebuild(out, counts=False):
            data = out if counts else from_day_numbers(out)
            return pd.Series(data, index=value.index, name=value.name)
        return day_numbers(value), rebuild
    if isinstance(value, np.ndarray):
        def rebuild(out, counts=False):  # an array keeps its own unit
            return out if counts else from_day_numbers(out).astype(value.dtype)
        return day_numbers(value), rebuild
    day = to_day_number(_as_date(value))

    def rebuild(out, counts=False):
        return int(out[0]) if counts else _EPOCH + dt.timedelta(days=int(out[0]))
    return np.array([day], dtype=np.int64), rebuild


def _raise_missing(missing: np.ndarray) -> None:
    nonzero = missing[missing != 0]
    if nonzero.size:
        raise CalendarNotCovered(int(nonzero.min()))
