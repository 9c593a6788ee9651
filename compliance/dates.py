"""Every date spelling met in unit spreadsheets -> a date, or a reason why not.

Scalar: ``parse_date(value)`` returns a ``ParsedDate``; it never raises.
Columns: ``parse_dates(series)`` returns day numbers plus problem codes, with
a vectorised fast path for real date cells and ISO strings; the slow path runs
once per *distinct* leftover spelling, not once per row.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Dates outside this window are typing slips (1900-01-00, 2106) in practice.
MIN_YEAR = 1990
MAX_YEAR = 2100
_EPOCH = dt.date(1970, 1, 1)
# Excel's day 0 is 1899-12-30 (it keeps Lotus' phantom 1900-02-29).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_MIN = (dt.date(MIN_YEAR, 1, 1) - _EXCEL_EPOCH).days
_SERIAL_MAX = (dt.date(MAX_YEAR, 12, 31) - _EXCEL_EPOCH).days
MAX_CELL_TEXT = 200  # longer "dates" are pasted paragraphs; keep a bounded copy

NAT = np.iinfo(np.int64).min  # day-number sentinel for "no date"

EXCEL_ERRORS = frozenset(
    {"#VALUE!", "#REF!", "#N/A", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!",
     "#GETTING_DATA", "#SPILL!", "#CALC!"}
)

# Put by the reader in a formula cell saved without its result (no cached value).
FORMULA_NO_VALUE = "（公式未计算）"

# What clerks write in a publication-date cell to say "not published yet".
NOT_PUBLISHED = frozenset({"未公开", "尚未公开", "暂未公开", "未上网", "尚未上网", "未公示", "尚未公示", "待公开",
                           "待公示", "未发布", "无", "否", "/", "-", "--", "—", "——", "－", "空", "未"})

# Cell-level problem codes; their messages are declared in problems.py.
DATE_PROBLEMS = ("date-missing", "date-unparseable", "date-impossible", "date-out-of-range", "date-formula-error",
                 "date-formula-uncached", "date-invalid-type")


@dataclass(frozen=True)
class ParsedDate:
    date: dt.date | None
    problem: str | None = None  # kebab-case code from DATE_PROBLEMS

    @property
    def ok(self) -> bool:
        return self.date is not None


_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2,
              "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_CHARS = "".join(_CN_DIGITS) + "十"

_YMD = re.compile(
    r"^(?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*[日号]?\.?"
)
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)")
_CN_DATE = re.compile(
    rf"^(?P<y>[{_CN_CHARS}]{{4}})\s*年\s*(?P<m>[{_CN_CHARS}]{{1,3}})\s*月\s*(?P<d>[{_CN_CHARS}]{{1,3}})\s*[日号]?"
)
# What may follow a date: a time of day, in either notation, and nothing else.
_TIME_TAIL = re.compile(
    r"^\s*(?:T|\s)?\s*(?:(?:上午|下午|晚上)?\s*\d{1,2}\s*[:时]\s*\d{1,2}\s*(?:[:分]\s*\d{1,2}(?:\.\d+)?\s*秒?)?\s*分?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?\s*$"
)
# A timestamp with a UTC offset: 2016-10-07T16:00:00.000+0000 is Beijing's 2016-10-08.
_ZONED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$",
                    re.IGNORECASE)
BEIJING = dt.timezone(dt.timedelta(hours=8))
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def _cn_number(text: str) -> int | None:
    """二十 -> 20, 十一 -> 11, 三十一 -> 31, 〇九 -> 9."""
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
    if _SERIAL_MIN <= number <= _SERIAL_MAX + 1:
        return ParsedDate(_EXCEL_EPOCH + dt.timedelta(days=math.floor(number)))
    return ParsedDate(None, "date-out-of-range")


def normalise_text(text: str) -> str:
    """Full-width digits and punctuation -> ASCII, and outer spaces off."""
    return unicodedata.normalize("NFKC", text).strip()


_FORMULA_NO_VALUE_NFKC = unicodedata.normalize("NFKC", FORMULA_NO_VALUE)


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
    if not text:
        return ParsedDate(None, "date-missing")
    if text.upper() in EXCEL_ERRORS:
        return ParsedDate(None, "date-formula-error")
    if text == _FORMULA_NO_VALUE_NFKC:
        return ParsedDate(None, "date-formula-uncached")
    if _NUMBER.match(text):
        return _from_serial(float(text))
    zoned = _ZONED.match(text)
    if zoned:
        return _beijing_date(zoned, text)
    for pattern, convert in ((_YMD, int), (_COMPACT, int), (_CN_DATE, _cn_number)):
        match = pattern.match(text)
        if match is None:
            continue
        if not _TIME_TAIL.match(text[match.end():]):
            return ParsedDate(None, "date-unparseable")
        y, m, d = (convert(match.group(k)) for k in "ymd")
        if y is None or m is None or d is None:
            return ParsedDate(None, "date-unparseable")
        return _build(y, m, d, text)
    return ParsedDate(None, "date-unparseable")


def parse_date(value: object) -> ParsedDate:
    """Any cell value -> ParsedDate. Never raises."""
    try:
        if value is None or value is pd.NaT:
            return ParsedDate(None, "date-missing")
        if isinstance(value, bool) or isinstance(value, np.bool_):
            return ParsedDate(None, "date-invalid-type")
        if isinstance(value, (dt.datetime, pd.Timestamp)):
            return _build(value.year, value.month, value.day, str(value))
        if isinstance(value, dt.date):
            return _build(value.year, value.month, value.day, str(value))
        if isinstance(value, np.datetime64):
            if np.isnat(value):
                return ParsedDate(None, "date-missing")
            return parse_date(pd.Timestamp(value))
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


def days_from_datetimes(values) -> np.ndarray:
    """A datetime64 Series or array -> int64 day numbers, NAT where empty."""
    if isinstance(values, pd.Series):
        arr = values.to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
    else:
        arr = np.asarray(values).astype("datetime64[D]")
    return np.where(np.isnat(arr), NAT, arr.astype(np.int64))


def datetimes_from_days(days: np.ndarray, unit: str = "D") -> np.ndarray:
    """int64 day numbers (NAT where empty) -> datetime64 of ``unit``, NaT where empty."""
    out = days.astype("datetime64[D]")
    out[days == NAT] = np.datetime64("NaT")
    return out.astype(f"datetime64[{unit}]")


def to_day_number(day: dt.date) -> int:
    return (day - _EPOCH).days


def from_day_number(n: int) -> dt.date:
    return _EPOCH + dt.timedelta(days=int(n))


def parse_dates(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A column of cells -> (int64 day numbers with NAT, object array of codes).

    Codes are None where the date parsed. Real datetimes and ISO strings are
    converted column-wise; only the distinct leftover spellings are parsed
    one by one.
    """
    n = len(values)
    days = np.full(n, NAT, dtype=np.int64)
    codes = np.full(n, None, dtype=object)
    if n == 0:
        return days, codes
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        arr = values.to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
        good = ~np.isnat(arr)
        days[good] = arr[good].astype(np.int64)
        codes[~good] = "date-missing"
        _range_check(days, codes)
        return days, codes

    obj = values.astype(object).reset_index(drop=True)
    inferred = pd.api.types.infer_dtype(obj.to_numpy(object), skipna=False)
    if inferred == "string":
        is_ts, is_str = np.zeros(n, bool), np.ones(n, bool)
    else:
        kinds = obj.map(type).to_numpy(object)
        is_ts = (kinds == dt.date) | (kinds == dt.datetime) | (kinds == pd.Timestamp)
        is_str = kinds == str
    # Fast path 1: cells that already are timestamps (calamine/openpyxl give these).
    if is_ts.any():
        ts = pd.to_datetime(obj[is_ts], errors="coerce").to_numpy(dtype="datetime64[D]")
        ok = ~np.isnat(ts)
        idx = np.flatnonzero(is_ts)
        days[idx[ok]] = ts[ok].astype(np.int64)
    # Fast path 2: strings, once per distinct text (a few thousand days in a year of records):
    # ISO column-wise, the other spellings one by one.
    if is_str.any():
        idx = np.flatnonzero(is_str)
        codes_of, texts = pd.factorize(obj.to_numpy(object)[idx])
        text_days, text_codes = _parse_texts(np.asarray(texts, dtype=object))
        days[idx], codes[idx] = text_days[codes_of], text_codes[codes_of]
    # Slow path: the rest, once per distinct value.
    todo = np.flatnonzero((days == NAT) & ~is_str)
    if len(todo):
        leftovers = obj.iloc[todo]
        keys = leftovers.map(_hash_key)
        cache: dict = {}
        for key, value in zip(keys, leftovers):
            if key not in cache:
                cache[key] = parse_date(value)
        parsed = [cache[k] for k in keys]
        days[todo] = [to_day_number(p.date) if p.ok else NAT for p in parsed]
        codes[todo] = [p.problem for p in parsed]
    _range_check(days, codes)
    return days, codes


def _parse_texts(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct date texts -> (day numbers, codes): ISO column-wise, the rest one by one."""
    days = np.full(len(texts), NAT, dtype=np.int64)
    codes = np.full(len(texts), None, dtype=object)
    iso = pd.to_datetime(pd.Series(texts, dtype=object).str.strip(), format="%Y-%m-%d",
                         errors="coerce").to_numpy(dtype="datetime64[D]")
    ok = ~np.isnat(iso)
    days[ok] = iso[ok].astype(np.int64)
    for i in np.flatnonzero(~ok):
        parsed = parse_date(texts[i])
        days[i] = to_day_number(parsed.date) if parsed.ok else NAT
        codes[i] = parsed.problem
    return days, codes


def _hash_key(value: object) -> object:
    # NaN != NaN, and 1 == True: key by type as well as value.
    if isinstance(value, float) and math.isnan(value):
        return ("nan",)
    return (type(value).__name__, value)


_MIN_DAY = to_day_number(dt.date(MIN_YEAR, 1, 1))
_MAX_DAY = to_day_number(dt.date(MAX_YEAR, 12, 31))


def _range_check(days: np.ndarray, codes: np.ndarray) -> None:
    bad = (days != NAT) & ((days < _MIN_DAY) | (days > _MAX_DAY))
    days[bad] = NAT
    codes[bad] = "date-out-of-range"


# A 1904 workbook (old Mac Excel, some WPS exports) counts days from 1904-01-01:
# its serial 0 is the 1900 system's 1462.
DAYS_1904 = 1462


def shift_1904(cells: pd.Series) -> pd.Series:
    """Bare serial numbers of a 1904 workbook -> the 1900 system; other cells untouched."""
    values = cells.to_numpy(object)
    kinds = pd.Series(values).map(type).to_numpy(object)
    numeric = (kinds == int) | (kinds == float)
    if not numeric.any():
        return cells
    numbers = values[numeric].astype(float)
    serial = (numbers >= _SERIAL_MIN - DAYS_1904) & (numbers <= _SERIAL_MAX)
    shifted = values.copy()
    shifted[np.flatnonzero(numeric)[serial]] = numbers[serial] + DAYS_1904
    return pd.Series(shifted, index=cells.index, dtype=object)
