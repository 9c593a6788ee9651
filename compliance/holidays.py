"""Calendar data sources: chinese-calendar's statutory days and user CSV files.

This is the only module that imports chinese-calendar.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import chinese_calendar

from .dates import parse_date
from .errors import CalendarFileError, os_reason

# date -> (is working day, reason shown by `explain`)
DayTable = dict[dt.date, tuple[bool, str]]

# 放假 and 上班 are the notice's own words; 调休 is refused: it names a make-up day and the rest day it pays for
_TYPES = {"holiday": False, "休": False, "rest": False, "休息": False, "放假": False, "假": False,
          "workday": True, "班": True, "work": True, "上班": True}


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


def _decode(raw: bytes, path: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CalendarFileError(path, None, "calendar-file-encoding")


def read_calendar_file(path: str | Path) -> CalendarData:
    """Read a ``date,type,name`` CSV. Errors name the file and the line."""
    path = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CalendarFileError(path, None, "calendar-file-unreadable", reason=os_reason(exc)) from exc
    data = CalendarData("file", path)
    text = _decode(raw, path)
    first = next((line for line in text.splitlines() if "\t" in line or "," in line), "")  # the first line of cells
    rows = csv.reader(io.StringIO(text), delimiter="\t" if "\t" in first and "," not in first else ",")
    for line_no, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        # before the first day: a title line (2027年节假日安排) or a header (日期, 类型, 名称), not a day
        if not data.days and parse_date(cells[0]).date is None \
                and (len([c for c in cells if c]) == 1 or len(cells) < 2 or cells[1].lower() not in _TYPES):
            continue
        if len(cells) < 2:
            raise CalendarFileError(path, line_no, "calendar-file-columns")
        parsed = parse_date(cells[0])
        if parsed.date is None:
            raise CalendarFileError(path, line_no, "calendar-file-date", text=cells[0])
        kind = cells[1].lower()
        if kind not in _TYPES:
            raise CalendarFileError(path, line_no, "calendar-file-type", text=cells[1])
        is_work = _TYPES[kind]
        name = cells[2] if len(cells) > 2 and cells[2] else ("调休上班" if is_work else "节假日")
        if parsed.date in data.days and data.days[parsed.date][0] != is_work:  # the last line must not just win
            raise CalendarFileError(path, line_no, "calendar-file-conflict", date=parsed.date.isoformat(),
                                    first=data.lines[parsed.date], before=_kind(not is_work), now=_kind(is_work))
        data.days[parsed.date] = (is_work, name)
        data.lines[parsed.date] = line_no
        data.years.add(parsed.date.year)
    if not data.years:
        raise CalendarFileError(path, None, "calendar-file-empty")
    return data


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


def doubts(user: CalendarData, statutory: CalendarData) -> list[tuple[str, dict]]:
    """(code, values) for what in a user file is likely a mistake, each said and never refused: a year
    not in chinese-calendar with too few weekdays off (that year is taken as wholly described by the
    file: the missing holidays would count as working days), and days that contradict the notice."""
    out = []
    for year in sorted(user.years - statutory.years):
        off = sum(1 for day, (work, _) in user.days.items() if day.year == year and not work and day.weekday() < 5)
        if off < PLAUSIBLE_WEEKDAYS_OFF:
            out.append(("calendar-year-sparse", {"where": user.version, "year": year, "count": off}))
    # A day of a year the notice covers that the file makes otherwise: a listed holiday or make-up day,
    # or an ordinary weekday or weekend (a typo in the year moves deadlines of a year already known).
    known = {day: statutory.days.get(day, (day.weekday() < 5, "工作日" if day.weekday() < 5 else "周末"))
             for day in user.days if day.year in statutory.years}
    changed = sorted(day for day, (work, _) in user.days.items() if day in known and known[day][0] != work)
    no_op = sorted(day for day, (work, _) in user.days.items()
                   if work and day.weekday() < 5 and day.year not in statutory.years)
    if no_op:  # 班 on a Friday: already a working day, and the Saturday meant is left a rest day
        out.append(("calendar-workday-on-weekday", {"where": user.version, "count": len(no_op),
                                                    "days": "、".join(d.isoformat() for d in no_op[:5])}))
    if changed:
        # the notice's word for the day, then the file's: 2026-03-02（通知中为工作日，文件改为放假）
        listed = "、".join(f"{d.isoformat()}（通知中为{known[d][1]}，文件改为{'上班' if user.days[d][0] else '放假'}）"
                          for d in changed[:5])
        out.append(("calendar-file-overrides", {"where": user.version, "days": listed, "count": len(changed),
                                                "version": statutory.version}))
    return out
