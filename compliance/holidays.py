"""Calendar data sources: chinese-calendar's statutory days and user CSV files.

This is the only module that imports chinese-calendar.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import chinese_calendar

from .calendar_file import (WEEKDAY_NAMES, columns_of, contradicts, days_of, file_rows, is_note, kind_of, weekday_column,
                            weekday_in_cell, weekday_said)
from .errors import CalendarFileError

# date -> (is working day, reason shown by `explain`)
DayTable = dict[dt.date, tuple[bool, str]]


@dataclass
class CalendarData:
    source: str
    version: str
    years: set[int] = field(default_factory=set)
    days: DayTable = field(default_factory=dict)
    lines: dict[dt.date, int] = field(default_factory=dict)  # a user file: the line each date is on


def _holiday_name(english: str) -> str:
    try:
        return chinese_calendar.Holiday(english).chinese
    except ValueError:
        return english


def statutory_days() -> CalendarData:
    """Holidays and make-up days from the State Council's yearly notices."""
    data = CalendarData("chinese-calendar", chinese_calendar.__version__)
    for day, name in chinese_calendar.holidays.items():
        data.days[day] = (False, _holiday_name(name))
    for day, name in chinese_calendar.workdays.items():
        data.days[day] = (True, _holiday_name(name))
    data.years = {d.year for d in data.days}
    return data


def plain_year(year: int) -> DayTable:
    """Every weekend of ``year`` as a rest day (the default for a user year)."""
    day = dt.date(year, 1, 1)
    table: DayTable = {}
    while day.year == year:
        if day.weekday() >= 5:
            table[day] = (False, "周末")
        day += dt.timedelta(days=1)
    return table


def read_calendar_file(path: str | Path) -> CalendarData:
    """Read a calendar file (calendar_file.py: the forms offices send). Errors name the file and the line."""
    path = str(path)
    data = CalendarData("file", path)
    rows = file_rows(path)
    date_at, type_at, name_at = columns_of(rows)
    weekday_at = weekday_column(rows)
    for line_no, cells in rows:
        if not any(cells) or cells[0].startswith("#"):
            continue
        cell = cells[date_at] if date_at < len(cells) else ""
        days = days_of(cell) if cell else None
        is_work = kind_of(cells[type_at]) if type_at < len(cells) else None
        if days is None and is_work is None and (not data.days or is_note(cells)):
            continue  # before the first day: a title or a header; after it, a line with no day (注：…, 制表人：…)
        mismatch = weekday_in_cell(cell) if days is None and cell else None
        if mismatch is not None:  # 2027年2月14日（星期六）: said as the disagreement it is, not as an unread date
            raise CalendarFileError(path, line_no, "calendar-file-weekday", date=mismatch[0].isoformat(),
                                    said=WEEKDAY_NAMES[mismatch[1]], actual=WEEKDAY_NAMES[mismatch[0].weekday()])
        if days is None:  # a day not read (同上, a blank, a serial number) is never dropped without a word
            raise CalendarFileError(path, line_no, "calendar-file-date", text=cell or "（空）")
        if is_work is None:
            if type_at >= len(cells) or not cells[type_at]:
                raise CalendarFileError(path, line_no, "calendar-file-columns")
            raise CalendarFileError(path, line_no, "calendar-file-type", text=cells[type_at])
        named = cells[name_at] if name_at is not None and name_at < len(cells) else ""
        if contradicts(is_work, named):
            raise CalendarFileError(path, line_no, "calendar-file-type-name", text=cells[type_at], name=named,
                                    kind="调休上班日" if is_work else "休息日")
        said = weekday_said(cells, weekday_at)
        if said is not None and len(days) == 1 and said != days[0].weekday():  # 2027-10-18,星期五: a day typed wrong
            raise CalendarFileError(path, line_no, "calendar-file-weekday", date=days[0].isoformat(),
                                    said=WEEKDAY_NAMES[said], actual=WEEKDAY_NAMES[days[0].weekday()])
        for day in days:
            if day in data.days and data.days[day][0] != is_work:  # the last line must not just win
                raise CalendarFileError(path, line_no, "calendar-file-conflict", date=day.isoformat(),
                                        first=data.lines[day], before=_kind(not is_work), now=_kind(is_work))
            data.days[day] = (is_work, named or ("调休上班" if is_work else "节假日"))
            data.lines[day] = line_no
            data.years.add(day.year)
    if not data.years:
        raise CalendarFileError(path, None, "calendar-file-empty")
    return data


def _said(is_work: bool) -> str:
    return "上班" if is_work else "放假"


def _kind(is_work: bool) -> str:
    return "班（调休上班）" if is_work else "休（休息日）"


def check_agreement(files: list[CalendarData]) -> None:
    """Two user files that give one date different types: refused, naming both (neither may silently win)."""
    first: dict[dt.date, CalendarData] = {}
    for data in files:
        for day, (is_work, _) in data.days.items():
            other = first.setdefault(day, data)
            if other.days[day][0] != is_work:
                raise CalendarFileError(data.version, data.lines.get(day), "calendar-files-disagree",
                                        date=day.isoformat(), now=_kind(is_work), other=other.version,
                                        other_line=other.lines.get(day), before=_kind(not is_work))


# The State Council's notices of 2015-2026 each give 16-19 weekdays off. A user year with fewer than 12 is
# a few days added (元旦 and 春节 typed in December, before the rest is known), not a whole year.
PLAUSIBLE_WEEKDAYS_OFF = 12
# The holidays on fixed days of every notice, each with the days a notice's rest days fall within (a clerk who
# lists only the weekdays off still lists one of them): 元旦, 清明 (4–6 April), 劳动节, 国庆节.
_FIXED_HOLIDAYS = (("元旦", ((1, 1), (1, 2), (1, 3))), ("清明节", tuple((4, d) for d in range(2, 8))),
                   ("劳动节", ((4, 29), (4, 30), *((5, d) for d in range(1, 6)))),
                   ("国庆节", tuple((10, d) for d in range(1, 9))))


def described_nothing(users: list[CalendarData], statutory: CalendarData) -> set[int]:
    """Years not in chinese-calendar whose lines give no weekday off (one line 2028-10-08,休, a Sunday: 2027
    typed wrong): no year's notice, so never taken as that year's calendar (probe 75: 2028 counted as known
    turned a 无法判定 into 逾期公开); its deadlines stay unknown."""
    years = set().union(*(u.years for u in users)) - statutory.years
    off = {day.year for u in users for day, (work, _) in u.days.items() if not work and day.weekday() < 5}
    return years - off


def year_doubts(users: list[CalendarData], statutory: CalendarData) -> list[tuple[str, dict]]:
    """(code, values) for a year not in chinese-calendar that the files (together: holidays in one file,
    make-up days in another) are likely to describe wrongly, each said and never refused. Such a year is
    taken as wholly described: a holiday left out counts as working days, a make-up day left out as rest."""
    out = []
    ignored = described_nothing(users, statutory)
    for year in sorted(set().union(*(u.years for u in users)) - statutory.years):
        where = "、".join(u.version for u in users if year in u.years)
        if year in ignored:
            lines = "、".join(sorted({d.isoformat() for u in users for d in u.days if d.year == year}))
            out.append(("calendar-year-ignored", {"where": where, "year": year, "days": lines}))
            continue
        days = {day: work for u in users for day, (work, _) in u.days.items() if day.year == year}
        off = sum(1 for day, work in days.items() if not work and day.weekday() < 5)
        missing = [name for name, dates in _FIXED_HOLIDAYS if year >= 2008 or name != "清明节"  # a holiday since 2008
                   if not any(days.get(dt.date(year, month, day)) is False for month, day in dates)]
        if off < PLAUSIBLE_WEEKDAYS_OFF:
            out.append(("calendar-year-sparse", {"where": where, "year": year, "count": off}))
            continue
        if missing:  # a whole year typed, a holiday left out: its days would count as working days
            out.append(("calendar-year-incomplete", {"where": where, "year": year, "names": "、".join(missing)}))
        if not any(work and day.weekday() >= 5 for day, work in days.items()):  # every notice of 2004–2026 has some
            out.append(("calendar-year-no-workdays", {"where": where, "year": year}))
    return out


def _statutory_kinds(user: CalendarData, statutory: CalendarData) -> dict:
    """The notice's (is working day, word) for each day of ``user`` in a year the notice covers."""
    return {day: statutory.days.get(day, (day.weekday() < 5, "工作日" if day.weekday() < 5 else "周末"))
            for day in user.days if day.year in statutory.years}


def overridden(user: CalendarData, statutory: CalendarData, known: dict | None = None) -> list:
    """The days of ``user`` in a year the notice covers that it makes otherwise (a rest day a working day or
    the reverse): a listed holiday or make-up day, or an ordinary weekday or weekend."""
    known = _statutory_kinds(user, statutory) if known is None else known
    return sorted(day for day, (work, _) in user.days.items() if day in known and known[day][0] != work)


def doubts(user: CalendarData, statutory: CalendarData) -> list[tuple[str, dict]]:
    """(code, values) for days of one user file that are likely a mistake, each said and never refused."""
    out = []
    # A day of a year the notice covers that the file makes otherwise: a listed holiday or make-up day,
    # or an ordinary weekday or weekend (a typo in the year moves deadlines of a year already known).
    known = _statutory_kinds(user, statutory)
    changed = overridden(user, statutory, known)
    listed = Counter(day.year for day in user.days)
    whole = {year for year, n in listed.items() if n >= (dt.date(year, 12, 31) - dt.date(year, 1, 1)).days + 1}
    no_op = sorted(day for day, (work, _) in user.days.items()  # a table of every day lists weekdays as 班 too
                   if work and day.weekday() < 5 and day.year not in statutory.years and day.year not in whole)
    if no_op:  # 班 on a Friday: already a working day, and the Saturday meant is left a rest day
        out.append(("calendar-workday-on-weekday", {"where": user.version, "count": len(no_op),
                                                    "days": "、".join(d.isoformat() for d in no_op[:5])}))
    if changed:
        # the notice's kind and word for the day, then the file's: 2026-10-10（通知中上班：国庆节；文件改为放假）
        listed = "、".join(f"{d.isoformat()}（通知中{_said(known[d][0])}：{known[d][1]}；文件改为{_said(user.days[d][0])}）"
                          for d in changed[:5])
        out.append(("calendar-file-overrides", {"where": user.version, "days": listed, "count": len(changed),
                                                "version": statutory.version}))
    return out
