"""Every date spelling met in unit spreadsheets -> a date, or a reason why not.

Scalar: ``parse_date(value)`` returns a ``ParsedDate``; it never raises.
Columns: ``parse_dates(series)`` returns dates plus problem codes, with a
vectorised fast path for real date cells and ISO strings; the slow path runs
once per *distinct* leftover spelling, not once per row.

One date shape in the frame, from the loader to the writers: ``datetime64[s]``
at midnight, ``NaT`` where there is no date (``DATE_DTYPE``). Decision,
publication, online and deadline dates all have it, and the working-day engine
takes and returns it. Why this one:
- memory: 8 bytes a record per date column, about 8 MB at 1,000,000 records
  (object columns of ``datetime.date`` would be a pointer plus an object each);
- speed: classify compares and subtracts whole columns with NumPy; it reads
  each column once as days (``as_days``: the same dates in ``datetime64[D]``,
  one division by 86,400), which the calendar takes as they are; there is no
  sentinel to forget, since NumPy's NaT never compares true;
- pandas keeps no coarser unit than seconds, so a frame column of days is
  ``datetime64[s]`` anyway: it needs no conversion on its way in or out;
- the writers need ``datetime.date`` cells (made once per distinct day at the
  writer's door, report/record_columns.dates_for_excel) and ISO text for JSON and
  messages (made by ``iso_dates``, the one place a date becomes text).
Dates outside the frame (the as-of date, the run date, a rule's start) are
``datetime.date``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
import sys
from typing import TYPE_CHECKING

import numpy as np

from .date_order import YEAR_LAST as _YEAR_LAST, settled_order
from .date_text import beside_the_date, unwrapped


if TYPE_CHECKING:
    import pandas as pd

# Dates outside this window are typing slips (1900-01-00, 2106) in practice.
MIN_YEAR = 1990
MAX_YEAR = 2100
# Excel's day 0 is 1899-12-30 (it keeps Lotus' phantom 1900-02-29).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_MIN = (dt.date(MIN_YEAR, 1, 1) - _EXCEL_EPOCH).days
SERIAL_MAX = (dt.date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days
MAX_CELL_TEXT = 200  # longer "dates" are pasted paragraphs; keep a bounded copy

DATE_DTYPE = "datetime64[s]"  # the one in-frame date shape (see above)
NO_DATE = np.datetime64("NaT", "s")

EXCEL_ERRORS = frozenset(
    {"#VALUE!", "#REF!", "#N/A", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!",
     "#GETTING_DATA", "#SPILL!", "#CALC!"}
)

# Put by the reader in a formula cell saved without its result (no cached value).
FORMULA_NO_VALUE = "（公式未计算）"

# Put by the reader before the value of a =TODAY() / =NOW() formula: the day the file was last saved.
FORMULA_TODAY = "（TODAY()公式）"

# What clerks write in a publication-date cell to say "not published yet" (a cross beside √ for 已公开).
NOT_PUBLISHED = frozenset({"未公开", "尚未公开", "暂未公开", "未上网", "尚未上网", "未公示", "尚未公示", "待公开", "待公示", "未发布",
                           "无", "否", "/", "-", "--", "—", "——", "－", "空", "未", "没有", "暂无", *"×✗✘XxNn", "NO", "No", "no"})

# Cell-level problem codes; their messages are declared in problems.py.
DATE_PROBLEMS = ("date-missing", "date-unparseable", "date-with-words", "date-no-year", "date-no-day", "date-impossible", "date-out-of-range", "date-formula-error",
                 "date-formula-uncached", "date-formula-today", "date-invalid-type", "date-weekday-mismatch",
                 "date-order-unclear")


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date | None
    problem: str | None = None  # kebab-case code from DATE_PROBLEMS

    @property
    def ok(self) -> bool:
        return self.date is not None


_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2,
              "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9} | dict(zip("壹贰叁肆伍陆柒捌玖", range(1, 10)))
_CN_DIGITS |= {str(k): k for k in range(10)}  # 二0一六年五月三日: 0 (or o) typed for 〇, digits and numerals mixed
_CN_CHARS = "".join(_CN_DIGITS) + "十廿卅拾"  # 贰零贰陆年贰月拾叁日: the financial forms too

# Separators: - / . and the dashes and hyphens a Chinese keyboard or a word processor gives
# (— – ― − ‐ ‒), which NFKC leaves as they are, and the full stop it types for . (2024。3。5).
_YMD = re.compile(
    r"^(?P<y>\d{4})\s*(?:[-/.—–―−‐‒。]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.—–―−‐‒。]|月)\s*(?P<d>\d{1,2})\s*[日号]?[.。]?"
)
# 16年10月8日: a two-digit year only with 年 and 月 written out, where it cannot be a day or a month.
_SHORT_YEAR = re.compile(r"^(?P<y>\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?")
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)")
# A date somewhere inside other words (区政府网站2016年11月15日, 2016-10-20（区政府网站）, two dates): which
# day is meant is not ours to pick, but the message says so rather than "not a date".
_DATE_INSIDE = re.compile(r"(?<!\d)\d{4}\s*(?:[-/.年])\s*\d{1,2}\s*(?:[-/.月])\s*\d{1,2}(?!\d)")
_CN_DATE = re.compile(
    rf"^(?P<y>[{_CN_CHARS}]{{4}})\s*年\s*(?P<m>[{_CN_CHARS}]{{1,3}})\s*月\s*(?P<d>[{_CN_CHARS}]{{1,3}})\s*[日号]?"
)
# What may follow a date: a time of day, in either notation (14:30, 下午2时30分, 下午3点半, or only 下午),
# and nothing else.
_TIME_TAIL = re.compile(
    r"^\s*(?:T|\s)?\s*(?:上午|下午|中午|晚上|早上|凌晨)?\s*"
    r"(?:\d{1,2}\s*[:时点]\s*(?:半|\d{1,2}\s*(?:[:分]\s*(?:\d{1,2}(?:\.\d+)?\s*秒?)?)?)?\s*分?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp]\.?[Mm]\.?))?)?\s*$"  # 2:30:00 PM: an English-language Excel's
)
# The weekday some systems write after the date (2016/09/28 星期三, 2016年9月28日（周三）): checked, not trusted.
_WEEKDAY_TAIL = re.compile(r"^\s*\(?\s*(?:星期|周|礼拜)(?P<w>[一二三四五六日天])\s*\)?")
_WEEKDAYS = {c: i for i, c in enumerate("一二三四五六日")} | {"天": 6}
# A timestamp with a UTC offset: 2016-10-07T16:00:00.000+0000 is Beijing's 2016-10-08.
_ZONED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$",
                    re.IGNORECASE)
BEIJING = dt.timezone(dt.timedelta(hours=8))
NUMBER_TEXT = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _cn_number(text: str) -> int | None:
    """二十 -> 20, 十一 -> 11, 三十一 -> 31, 〇九 -> 9; 廿五 -> 25, 卅一 -> 31 (the old forms of 二十, 三十)."""
    text = text.replace("廿", "二十").replace("卅", "三十").replace("拾", "十")
    if "十" in text:
        head, _, tail = text.partition("十")
        if "十" in tail or len(head) > 1 or len(tail) > 1:
            return None
        tens = _CN_DIGITS[head] if head else 1
        ones = _CN_DIGITS[tail] if tail else 0
        return tens * 10 + ones
    value = 0
    for ch in text:
        value = value * 10 + _CN_DIGITS[ch]
    return value


def _build(y: int, m: int, d: int, text: str) -> ParsedDate:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return ParsedDate(None, "date-out-of-range")
    try:
        return ParsedDate(dt.date(y, m, d))
    except ValueError:
        return ParsedDate(None, "date-impossible")


def _from_serial(number: float) -> ParsedDate:
    if 19000101 <= number <= 29991231 and float(number).is_integer():
        n = int(number)  # 20160503 typed as a number
        return _build(n // 10000, n // 100 % 100, n % 100, str(n))
    if SERIAL_MIN <= number <= SERIAL_MAX + 1:
        return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=math.floor(number)))
    if _year_month(number):
        return ParsedDate(None, "date-no-day")
    if 19000101000000 <= number <= 29991231235959 and float(number).is_integer():
        n = int(number)  # 20240305142311: a case system's compact time stamp, YYYYMMDDhhmmss
        hour, minute, second = n // 10000 % 100, n // 100 % 100, n % 100
        if hour < 24 and minute < 60 and second < 60:
            day = n // 1000000
            return _build(day // 10000, day // 100 % 100, day % 100, str(n))
    if _EPOCH_MS_MIN <= number <= _EPOCH_MS_MAX and float(number).is_integer():
        # 1685635200000: a data system's 数据更新时间戳 in milliseconds since 1970 (UTC); 13 digits are nothing else
        moment = dt.datetime.fromtimestamp(number / 1000, dt.timezone.utc).astimezone(BEIJING)
        return ParsedDate(moment.date())
    if 1 <= number < 13 and not float(number).is_integer():  # 3.05, 12.3: a month and a day, no year
        return ParsedDate(None, "date-no-year")
    # 230506, 2023506: no serial and no year of ours; 2026.1009, 2016.13 typed as decimals: dates badly typed
    typed = number > SERIAL_MAX + 1 or MIN_YEAR <= number < MAX_YEAR + 1
    return ParsedDate(None, "date-unparseable" if typed else "date-out-of-range")


_EPOCH_MS_MIN = dt.datetime(MIN_YEAR, 1, 1, tzinfo=dt.timezone.utc).timestamp() * 1000
_EPOCH_MS_MAX = dt.datetime(MAX_YEAR, 12, 31, tzinfo=dt.timezone.utc).timestamp() * 1000


def _year_month(number: float) -> bool:
    """2016.1 or 2016.10 typed into a number cell (Excel keeps 2016.5 as a number), 2016, or 201610:
    a year and perhaps a month, no day. As serials these would all be before 1990."""
    if MIN_YEAR <= number < MAX_YEAR + 1:
        hundredths = (number - math.floor(number)) * 100
        month = round(hundredths)
        return abs(hundredths - month) < 1e-6 and (month == 0 or 1 <= month <= 12 or month in range(10, 100, 10))
    return float(number).is_integer() and MIN_YEAR * 100 + 1 <= number <= MAX_YEAR * 100 + 12 and 1 <= number % 100 <= 12


# Characters a cell can hold without showing them (zero-width spaces, joiners, a BOM pasted from a web page):
# the clerk sees only the date, so neither can the reader see anything else.
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff\u00ad")


def normalise_text(text: str) -> str:
    """Full-width digits and punctuation -> ASCII, invisible characters out, and outer spaces off."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE).strip()


_FORMULA_NO_VALUE_NFKC = unicodedata.normalize("NFKC", FORMULA_NO_VALUE)
_FORMULA_TODAY_NFKC = unicodedata.normalize("NFKC", FORMULA_TODAY)


def _beijing_date(match: re.Match, text: str) -> ParsedDate:
    """The day in Beijing time (UTC+8) of a timestamp written with its UTC offset."""
    y, m, d, hh, mm, ss = (int(g or 0) for g in match.groups()[:6])
    offset = match.group(7).upper()
    try:
        if offset == "Z":
            zone = dt.timezone.utc
        else:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            zone = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        moment = dt.datetime(y, m, d, hh, mm, ss, tzinfo=zone).astimezone(BEIJING)
    except ValueError:
        return ParsedDate(None, "date-impossible")
    return _build(moment.year, moment.month, moment.day, text)


def _parse_text(raw: str) -> ParsedDate:
    text = normalise_text(raw)
    if text.startswith("'"):  # '2024-03-01: the apostrophe Excel keeps a text cell by, left in by an export
        text = text[1:].strip()
    inner = unwrapped(text)
    if inner and inner != text:  # [2023-10-16], 2023-10-18 发布, 已于2024年3月5日在区政府网站公开
        parsed = _parse_text(inner)
        if parsed.ok or parsed.problem == "date-order-unclear":  # 10/9/2026 发布: the order is the doubt, not the words
            return parsed
    if not text:
        return ParsedDate(None, "date-missing")
    if text.upper() in EXCEL_ERRORS:
        return ParsedDate(None, "date-formula-error")
    if text == _FORMULA_NO_VALUE_NFKC:
        return ParsedDate(None, "date-formula-uncached")
    if text.startswith(_FORMULA_TODAY_NFKC):
        return ParsedDate(None, "date-formula-today")
    if "://" in text or "WWW." in text.upper() or "已" in text:
        text = beside_the_date(text)
    if _NO_DAY.match(text):
        return ParsedDate(None, "date-no-day")
    if NUMBER_TEXT.match(text):
        return _from_serial(float(text))
    zoned = _ZONED.match(text)
    if zoned:
        return _beijing_date(zoned, text)
    last = _YEAR_LAST.match(text)
    if last:
        rest, weekday = text[last.end():], _WEEKDAY_TAIL.match(text[last.end():])
        if _TIME_TAIL.match(rest[weekday.end():] if weekday else rest):
            return _year_last(last, text, _WEEKDAYS[weekday.group("w")] if weekday else None)
    for pattern, convert in ((_YMD, int), (_COMPACT, int), (_CN_DATE, _cn_number), (_SHORT_YEAR, int)):
        match = pattern.match(text)
        if match is None:
            continue
        rest, weekday = text[match.end():], _WEEKDAY_TAIL.match(text[match.end():])
        if weekday:
            rest = rest[weekday.end():]
        if not _TIME_TAIL.match(rest):
            return ParsedDate(None, _unreadable(text))
        y, m, d = (convert(match.group(k)) for k in "ymd")
        if y is None or m is None or d is None:
            return ParsedDate(None, "date-unparseable")
        if pattern is _SHORT_YEAR:  # 16年 is 2016; 99年 is 1999, never a year still to come
            y += 1900 if y >= MIN_YEAR % 100 else 2000
        parsed = _build(y, m, d, text)
        if weekday and parsed.date is not None and parsed.date.weekday() != _WEEKDAYS[weekday.group("w")]:
            return ParsedDate(None, "date-weekday-mismatch")  # the date or the weekday is wrong: not ours to pick
        return parsed
    return ParsedDate(None, _unreadable(text))


_NO_YEAR = re.compile(r"^\d{1,2}\s*月\s*\d{1,2}\s*[日号]?$")
# 2016年10月, 2016-10, 2016.10, 2016年: a month or a year is a span of days, not a decision's day.
_NO_DAY = re.compile(r"^(?:19|20|21)\d{2}\s*(?:年|(?:(?:年|[-/.—–―−‐‒])\s*(?:0?[1-9]|1[0-2])\s*月?))$")


def _year_last(match: re.Match, text: str, weekday: int | None = None) -> "ParsedDate":
    """9/30/2026 or 30/9/2026; 10/9/2026 only where the weekday written after it fits one order alone."""
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    readings = [(m, d) for m, d in {(a, b), (b, a)} if m <= 12]
    if weekday is not None and len(readings) > 1:
        fitting = [r for r in readings if (built := _build(year, *r, text)).ok and built.date.weekday() == weekday]
        if not fitting:  # neither order is that weekday: the weekday (or the date) is wrong, whichever order
            return ParsedDate(None, "date-weekday-mismatch")
        readings = fitting if len(fitting) == 1 else readings
    if len(readings) > 1:
        return ParsedDate(None, "date-order-unclear")
    parsed = _build(year, *readings[0], text) if readings else ParsedDate(None, "date-impossible")
    wrong_day = weekday is not None and parsed.ok and parsed.date.weekday() != weekday
    return ParsedDate(None, "date-weekday-mismatch") if wrong_day else parsed


def _unreadable(text: str) -> str:
    if _NO_YEAR.match(text):
        return "date-no-year"  # 10月8日: the year is in a title or the file name, which a cell cannot be sure of
    return "date-with-words" if _DATE_INSIDE.search(text) else "date-unparseable"


def parse_date(value: object) -> ParsedDate:
    """Any cell value -> ParsedDate. Never raises."""
    pandas = sys.modules.get("pandas")  # not imported by the CLI's start: then no value can be its NaT
    try:
        if value is None or (pandas is not None and value is pandas.NaT):
            return ParsedDate(None, "date-missing")
        if isinstance(value, bool) or isinstance(value, np.bool_):
            return ParsedDate(None, "date-invalid-type")
        if isinstance(value, dt.datetime):  # pandas' Timestamp too
            return _build(value.year, value.month, value.day, str(value))
        if isinstance(value, dt.date):
            return _build(value.year, value.month, value.day, str(value))
        if isinstance(value, np.datetime64):
            if np.isnat(value):
                return ParsedDate(None, "date-missing")
            return _parse_text(str(value.astype("datetime64[D]")))
        if isinstance(value, (int, float, np.integer, np.floating)):
            if isinstance(value, (float, np.floating)) and math.isnan(value):
                return ParsedDate(None, "date-missing")
            if not math.isfinite(float(value)):
                return ParsedDate(None, "date-out-of-range")
            return _from_serial(float(value))
        if isinstance(value, str):
            return _parse_text(value[: MAX_CELL_TEXT * 5])
        return ParsedDate(None, "date-invalid-type")
    except Exception:  # a parser for hostile input must answer, not crash
        return ParsedDate(None, "date-unparseable")


def as_days(values) -> np.ndarray:
    """A date column (Series or datetime64 array, any unit) as ``datetime64[D]``, NaT where empty:
    the same dates, read as day numbers (no copy when they already are)."""
    import pandas as pd  # in each column function: the CLI starts without pandas (start-up time)

    if isinstance(values, pd.Series):
        return values.to_numpy(dtype="datetime64[D]", na_value=NO_DATE)
    return np.asarray(values).astype("datetime64[D]", copy=False)


def iso_dates(values, missing=None) -> np.ndarray:
    """Dates as ISO text (2016-09-28), ``missing`` where there is none: the one place a date becomes
    text, for the JSON, the messages and the terminal. Takes a column, an array or a list of
    datetime64 values, ``datetime.date`` or ``pd.Timestamp``."""
    import pandas as pd  # start-up time (see as_days)

    days = as_days(values if isinstance(values, (pd.Series, np.ndarray)) else np.array(values, dtype="datetime64[D]"))
    text = days.astype(str).astype(object)
    text[np.isnat(days)] = missing
    return text


def iso_date(value, missing: str = "") -> str:
    """One date as ISO text (see ``iso_dates``); ``missing`` when it is None or NaT."""
    import pandas as pd  # start-up time (see as_days)

    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return missing
    return iso_dates([value], missing)[0]


def cell_types(values) -> np.ndarray:
    """Each cell's exact type, as an object array: ``Series.map(type)`` costs ten times as much."""
    values = np.asarray(values, dtype=object)
    return np.fromiter(map(type, values), dtype=object, count=len(values))


def parse_dates(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A column of cells -> (dates in the frame's shape, ``DATE_DTYPE``, NaT where none; an object
    array of problem codes, None where the date parsed).

    Real datetimes and ISO strings are converted column-wise; only the distinct
    leftover spellings are parsed one by one.
    """
    import pandas as pd  # start-up time (see as_days)

    n = len(values)
    days = np.full(n, NO_DATE, dtype="datetime64[D]")
    codes = np.full(n, None, dtype=object)
    if n == 0:
        return days.astype(DATE_DTYPE), codes
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        days = as_days(values)
        codes[np.isnat(days)] = "date-missing"
        return _range_checked(days, codes), codes

    obj = values.astype(object).reset_index(drop=True)
    inferred = pd.api.types.infer_dtype(obj.to_numpy(object), skipna=False)
    if inferred == "string":
        is_ts, is_str = np.zeros(n, bool), np.ones(n, bool)
    else:
        kinds = cell_types(obj.to_numpy(object))
        is_ts = (kinds == dt.date) | (kinds == dt.datetime) | (kinds == pd.Timestamp)
        is_str = kinds == str
    # Fast path 1: cells that already are timestamps (calamine/openpyxl give these).
    if is_ts.any():
        days[is_ts] = pd.to_datetime(obj[is_ts], errors="coerce").to_numpy(dtype="datetime64[D]")
    # Fast path 2: strings, once per distinct text (a few thousand days in a year of records):
    # ISO column-wise, the other spellings one by one.
    if is_str.any():
        idx = np.flatnonzero(is_str)
        codes_of, texts = pd.factorize(obj.to_numpy(object)[idx])
        text_days, text_codes = _parse_texts(np.asarray(texts, dtype=object))
        days[idx], codes[idx] = text_days[codes_of], text_codes[codes_of]
    # Slow path: the rest, once per distinct value.
    todo = np.flatnonzero(np.isnat(days) & ~is_str)
    if len(todo):
        leftovers = obj.iloc[todo]
        keys = leftovers.map(_hash_key)
        cache: dict = {}
        for key, value in zip(keys, leftovers):
            if key not in cache:
                cache[key] = parse_date(value)
        parsed = [cache[k] for k in keys]
        days[todo] = [p.date if p.ok else NO_DATE for p in parsed]
        codes[todo] = [p.problem for p in parsed]
    return _range_checked(days, codes), codes


def _parse_texts(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct date texts -> (datetime64[D] days, codes): ISO column-wise, the rest one by one."""
    import pandas as pd  # start-up time (see as_days)

    codes = np.full(len(texts), None, dtype=object)
    days = pd.to_datetime(pd.Series(texts, dtype=object).str.strip(), format="%Y-%m-%d",
                          errors="coerce").to_numpy(dtype="datetime64[D]")
    for i in np.flatnonzero(np.isnat(days)):
        parsed = parse_date(texts[i])
        days[i] = parsed.date if parsed.ok else NO_DATE
        codes[i] = parsed.problem
    return settled_order(texts, days, codes, normalise_text, _build)  # 11/4/2024 beside 9/30/2024: month first


def _hash_key(value: object) -> object:
    # NaN != NaN, and 1 == True: key by type as well as value.
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)


_FIRST_DAY = np.datetime64(f"{MIN_YEAR}-01-01", "D")
_LAST_DAY = np.datetime64(f"{MAX_YEAR}-12-31", "D")


def _range_checked(days: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """``days`` in the frame's shape, with dates outside MIN_YEAR..MAX_YEAR made a problem."""
    bad = (days < _FIRST_DAY) | (days > _LAST_DAY)  # NaT compares false
    days[bad] = NO_DATE
    codes[bad] = "date-out-of-range"
    return days.astype(DATE_DTYPE)
