"""Reading a user's calendar file (--calendar): the days of a year the State Council's notice gives, as an
office types them.

The documented form is a CSV of ``date,type,name`` (2027-01-01,休,元旦). Offices also send the same table
with its columns in another order or beside a 序号 or 星期 column (found by the header, else by what the
first day's cells hold), as an Excel workbook, as Excel's "Unicode text" (UTF-16), separated by tabs or
semicolons, with a holiday's days as one range (2027-02-05至2027-02-11), the notice's other words for the
two kinds (补班, 调休上班, 休假, 节假日…), and a title or a 注：… line around the table.

What cannot be read for sure is refused, naming the line: a date without its year, a type that is neither
kind (调休 names both the make-up day and the rest day it pays for), and a type its own name contradicts
(休 beside 春节调休上班: one of the two was mistyped, and a make-up day taken as a rest day moves every
deadline over it).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

from .dates import parse_date
from .errors import CalendarFileError, os_reason

# The notice's words for the two kinds, and the tool's own (休/班, holiday/workday).
REST_WORDS = frozenset({"holiday", "rest", "off", "休", "休息", "放假", "假", "休假", "节假日", "休息日", "假日",
                        "法定节假日", "放假日", "周末", "双休日", "公休日", "weekend"})  # a whole-year table's weekends
WORK_WORDS = frozenset({"workday", "work", "班", "上班", "补班", "调休上班", "工作日", "上班日", "调班"})
_BRACKETED = re.compile(r"^(?P<core>[^（(]*)[（(](?P<inner>[^）)]*)[）)]$")
# A name that says the other kind: 休 beside 春节调休上班, 班 beside 国庆节放假
_SAYS_WORK = re.compile(r"上班|补班|调班")
_SAYS_REST = re.compile(r"放假|休息|休假")
# A cell that means to be a date: digits then a date separator then digits (2027-1-1, 1月1日), or 8 digits
_DATE_LIKE = re.compile(r"\d{1,4}\s*[-/.．年月]\s*\d|(?<!\d)\d{8}(?!\d)")
_RANGE = re.compile(r"^(?P<first>.+?)\s*(?:至|到|~|～|－－|--|—+)\s*(?P<last>.+)$")
_HEADERS = {"date": re.compile(r"^(?:日期|date|时间|日子)$", re.I),
            "type": re.compile(r"^(?:类型|type|kind|性质|安排|状态|放假/上班|休/班|放假或上班|上班/放假|休息/上班)$", re.I),
            "name": re.compile(r"^(?:名称|name|节日|节假日|节日名称|节假日名称|假日名称|说明|备注)$", re.I)}
_LIST = re.compile(r"[、，；;]")
_DASH = re.compile(r"\s*[-－—–]\s*")
# A footer line saying when the table was made: 制表日期：2026年12月5日
_MADE_ON = re.compile(r"^(?:制表|填表|编制|打印|导出|更新|发布|整理)(?:日期|时间)[:：]")
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_LONGEST_RANGE = 31  # days: the longest holiday run of a notice is 8–9; a month is a typo in a year or a month


def kind_of(text: str) -> bool | None:
    """True for a working day, False for a rest day, None when ``text`` names neither (or both)."""
    word = re.sub(r"\s+", "", text).lower()
    if word in WORK_WORDS or word in REST_WORDS:
        return word in WORK_WORDS
    bracketed = _BRACKETED.match(word)  # 休（休息日）, 班（调休上班）: both parts must say the same
    if bracketed:
        kinds = {kind_of(bracketed.group("core")), kind_of(bracketed.group("inner"))}
        return kinds.pop() if len(kinds) == 1 else None
    return None


def file_rows(path: str) -> list[tuple[int, list[str]]]:
    """(line or row number, its cells as text) of a calendar file: a CSV or text export, or a workbook."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CalendarFileError(path, None, "calendar-file-unreadable", reason=os_reason(exc)) from exc
    if raw.startswith(_WORKBOOK_MAGIC):
        return _workbook_rows(path)
    text = _decode(raw, path)
    head = "\n".join([line for line in text.splitlines() if line.strip()][:10])  # a title line may have none
    delimiter = max(("\t", ",", ";"), key=head.count)
    delimiter = "，" if not head.count(delimiter) and "，" in head else delimiter
    return [(n, [c.strip() for c in row]) for n, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter),
                                                                  start=1)]


def _decode(raw: bytes, path: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode 文本": UTF-16 with its byte-order mark
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise CalendarFileError(path, None, "calendar-file-encoding") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CalendarFileError(path, None, "calendar-file-encoding")


def _workbook_rows(path: str) -> list[tuple[int, list[str]]]:
    """The first sheet's rows; a date cell as its ISO day, a whole number without its .0."""
    from python_calamine import CalamineWorkbook  # start-up time: only a workbook calendar needs it

    try:
        book = CalamineWorkbook.from_path(path)
        sheets = [book.get_sheet_by_index(k).to_python() for k in range(len(book.sheet_names))]
    except Exception as exc:  # the reader's own errors: a damaged or encrypted workbook
        raise CalendarFileError(path, None, "calendar-file-unreadable", reason=f"{type(exc).__name__}: {exc}") from exc
    tables = [[(n, [_cell_text(c) for c in row]) for n, row in enumerate(sheet, start=1)] for sheet in sheets]
    # the first sheet holding a day beside its type (a 填表说明 sheet may come first)
    return next((t for t in tables if any(_a_day(cells) for _, cells in t)), tables[0] if tables else [])


def _a_day(cells: list[str]) -> bool:
    return any(c and days_of(c) for c in cells) and any(c and kind_of(c) is not None for c in cells)


def _cell_text(value) -> str:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def days_of(text: str) -> list[dt.date] | None:
    """The day a date cell names, every day of a range (2027-02-05至2027-02-11, 2027年2月5日至11日,
    2027.2.5-2027.2.11), or the days of a list (2027-01-31、2027-02-20); None when any part is not read."""
    day = parse_date(text).date
    if day is not None:
        return [day]
    parts = [p for p in _LIST.split(text) if p.strip()]
    if len(parts) > 1:
        days = [days_of(p.strip()) for p in parts]
        return None if any(d is None for d in days) else [d for some in days for d in some]
    found = _RANGE.match(text)
    if found is not None:
        return _span(parse_date(found.group("first")).date, found.group("last").strip())
    for dash in _DASH.finditer(text):  # 2027.2.5-2027.2.11: the dash between two whole dates
        spanned = _span(parse_date(text[:dash.start()]).date, text[dash.end():].strip())
        if spanned is not None:
            return spanned
    return None


def _span(first: dt.date | None, last_text: str) -> list[dt.date] | None:
    """Every day from ``first`` to the day ``last_text`` names (whole, or without its year or month)."""
    if first is None:
        return None
    last = parse_date(last_text).date
    if last is None and re.fullmatch(r"\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*[日号]?", last_text):  # 至2月11日, 至02-11
        month, day = re.findall(r"\d+", last_text)
        last = parse_date(f"{first.year}年{month}月{day}日").date
    if last is None and re.fullmatch(r"\d{1,2}\s*[日号]?", last_text):  # 至11日
        last = parse_date(f"{first.year}年{first.month}月{last_text}").date
    if last is None or not 0 < (last - first).days <= _LONGEST_RANGE:
        return None
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


def columns_of(rows: list[tuple[int, list[str]]]) -> tuple[int, int, int | None]:
    """(date, type, name) columns: by a header row above the first day, else by the first day's cells
    (its date, its type word, then its first other cell that is not a weekday), else 0, 1, 2."""
    for _, cells in rows:
        found = {field: next((i for i, c in enumerate(cells) if pattern.match(c)), None)
                 for field, pattern in _HEADERS.items()}
        if found["date"] is not None and found["type"] is not None:
            return found["date"], found["type"], found["name"]
        date_at = next((i for i, c in enumerate(cells) if c and days_of(c)), None)
        if date_at is None:
            continue
        type_at = next((i for i, c in enumerate(cells) if i != date_at and c and kind_of(c) is not None), None)
        if type_at is None:
            break
        name_at = next((i for i, c in enumerate(cells) if i not in (date_at, type_at) and c
                        and not re.fullmatch(r"(?:星期|周|礼拜)[一二三四五六日天]", c)), None)
        return date_at, type_at, name_at
    return 0, 1, 2


def is_note(cells: list[str]) -> bool:
    """A line that holds no day and means none: a title (2027年节假日安排), 注：根据…整理, 制表人：…"""
    return not any(c and not _MADE_ON.match(c) and (days_of(c) or _DATE_LIKE.search(unicodedata.normalize("NFKC", c)))
                   for c in cells)


def contradicts(is_work: bool, name: str) -> bool:
    """The day's name says only the other kind (休 beside 春节调休上班; a note saying both, or naming other days
    as 春节（1月31日、2月20日上班） does, is no contradiction)."""
    if re.search(r"\d", name):
        return False
    says_work, says_rest = bool(_SAYS_WORK.search(name)), bool(_SAYS_REST.search(name))
    return says_rest and not says_work if is_work else says_work and not says_rest


WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAY_CELL = re.compile(r"(?:星期|周|礼拜)([一二三四五六日天])")


def weekday_column(rows: list[tuple[int, list[str]]]) -> int | None:
    """The column headed 星期 (星期几, 周, 周几, 礼拜) in the header row above the first day; None without one
    (another column naming a weekday, 按星期五作息 beside a make-up day, is no day's own weekday)."""
    for _, cells in rows:
        if any(c and days_of(c) for c in cells):
            return None
        at = next((i for i, c in enumerate(cells) if re.fullmatch(r"(?:星期|周|礼拜)几?", c.strip())), None)
        if at is not None:
            return at
    return None


def weekday_in_cell(text: str) -> tuple[dt.date, int] | None:
    """2027年2月14日（星期六): the day and the weekday written beside it, when they disagree (parse_date refuses
    such a cell: the date or the weekday is wrong); None otherwise."""
    found = _WEEKDAY_CELL.search(text)
    if found is None or parse_date(text).problem != "date-weekday-mismatch":
        return None
    day = parse_date(re.sub(r"[(（]\s*[)）]", "", text[:found.start()] + text[found.end():]).strip()).date
    said = "一二三四五六日天".index(found.group(1)) if found.group(1) != "天" else 6
    return (day, said) if day is not None and day.weekday() != said else None


def weekday_said(cells: list[str], at: int | None) -> int | None:
    """The weekday the line's 星期 cell names (星期五: 4), None without one."""
    found = _WEEKDAY_CELL.fullmatch(cells[at].strip()) if at is not None and at < len(cells) else None
    if found:
        return "一二三四五六日天".index(found.group(1)) if found.group(1) != "天" else 6
    return None
