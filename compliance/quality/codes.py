"""Check digits of whole columns of codes, and the masking of ID numbers, with numpy.

- 统一社会信用代码, GB 32100-2015: 18 characters of ``USCC_ALPHABET`` (no I, O, Z, S, V);
  weights 3^(i-1) mod 31 over the first 17; check = (31 - sum mod 31) mod 31.
  A 个体工商户 without a code may fill 17 zeros and X (``USCC_NONE``).
- 公民身份号码, GB 11643-1999 (ISO 7064 MOD 11-2): weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
  over the first 17 digits; sum mod 11 -> "10X98765432"; digits 7-14 a real birth date.
  The region code is not checked: real codes (市辖区 ones) are missing from every list. Its first two
  digits, the province (GB/T 2260), are: they break the tie for an all-digit value that is valid both
  as an ID and as a 统一社会信用代码 (``PROVINCES``).

A column is turned into an (n, 18) array of character codes once; python-stdnum,
which checks one value per call, is the oracle of tests/test_quality_codes.py.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ..textscan import contains_any, searches
from .id_text import ID15_IN_TEXT, ID_HINT, ID_IN_TEXT, ID_PATTERN, PROVINCE_CODES, first_generation_id, mask_ids, plain_id

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_NONE = "0" * 17 + "X"
USCC_WEIGHTS = np.array([pow(3, i, 31) for i in range(17)], dtype=np.int64)
RIC_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
RIC_CHECK = np.frombuffer(b"10X98765432", dtype=np.uint8)

_USCC_VALUE = np.full(256, -1, dtype=np.int64)
_USCC_VALUE[np.frombuffer(USCC_ALPHABET.encode(), dtype=np.uint8)] = np.arange(len(USCC_ALPHABET))
PROVINCES = np.array(sorted(PROVINCE_CODES))
_DIGIT = np.full(256, -1, dtype=np.int64)
_DIGIT[np.frombuffer(b"0123456789", dtype=np.uint8)] = np.arange(10)


WIDTH = 19  # one more than a code: a longer value is seen as "longer than 18" without being copied whole


def _points(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(code points of each value's first WIDTH characters, (n, WIDTH) uint32; each value's length,
    capped at WIDTH): numpy's fixed-width strings, converted in C, viewed as numbers."""
    fixed = values.astype(f"U{WIDTH}")
    return fixed.view(np.uint32).reshape(len(values), WIDTH), np.char.str_len(fixed)


# 42020319880102100×: the check character X typed as × with a Chinese input method (after 17 digits: a mask
# replaces several characters, 420203××××××××1234)
_TIMES_X = re.compile(r"(?<=^[0-9]{17})[×╳✕✗]$")


def normalise_codes(values) -> np.ndarray:
    """Full-width to half-width, no spaces, upper case: what a code cell says. Values that are
    already plain (ASCII, no space, no lower case; the usual case) are left as they are, checked
    column-wise; only the others are normalised, once per distinct value."""
    out = pd.Series(values, dtype=object).fillna("").to_numpy(object, copy=True)
    if not len(out):
        return out
    points, lengths = _points(out)
    lower = (points >= ord("a")) & (points <= ord("z"))
    # '320102198001011238: the apostrophe Excel keeps a number as text by, left in by an export
    quoted = points[:, 0] == ord("'")
    plain = ((points < 128) & (points != ord(" ")) & ~lower).all(axis=1) & (lengths < WIDTH) & ~quoted
    if not plain.all():
        rest = out[~plain]
        codes, uniques = pd.factorize(rest)
        clean = np.array([_TIMES_X.sub("X", "".join(unicodedata.normalize("NFKC", str(u)).split()).upper().lstrip("'"))
                          for u in uniques], dtype=object)
        out[~plain] = clean[codes]
    return out


class CodeColumn:
    """A column of normalised codes seen once as an (n, 18) grid of character codes; the checks
    below share it (a value that is not 18 characters has a row of zeros, which no table accepts).

    With ``inverse`` the grid holds distinct values only and every answer is given per row
    (``inverse[i]``: row i's value), so a column that repeats (an agency's own code) is checked
    once per value."""

    def __init__(self, values, inverse: np.ndarray | None = None):
        distinct = np.asarray(values, dtype=object)
        self._inverse = inverse
        points, lengths = _points(distinct) if len(distinct) else (np.zeros((0, WIDTH), np.uint32),
                                                                    np.zeros(0, np.int64))
        shaped = lengths == 18
        grid = np.where(points[:, :18] < 256, points[:, :18], 0).astype(np.uint8)
        grid[~shaped] = 0
        self._grid, self._shaped, self._distinct = grid, shaped, distinct
        self._uscc = self._ric = self._first = None  # worked out when first asked
        self._lengths = lengths
        self.values = self._rows(distinct)
        self.lengths = self._rows(lengths)
        self.shaped = self._rows(shaped)
        self.has_star = self._rows((points == ord("*")).any(axis=1))
        self.masked = self.has_star | self._rows(_x_masked(points, lengths))

    def _rows(self, answer: np.ndarray) -> np.ndarray:
        return answer if self._inverse is None else answer[self._inverse]

    def uscc_valid(self) -> np.ndarray:
        return self._rows(self._uscc_valid())

    def id_shaped(self) -> np.ndarray:
        """17 digits and a digit or X: what an 18-digit 身份证号 looks like (valid or not)."""
        return self._rows(self._id_shaped())

    def ric_check_ok(self) -> np.ndarray:
        return self._rows(self._ric_check_ok())

    def ric_valid(self) -> np.ndarray:
        ok = self._ric_check_ok()
        return self._rows(ok & _birth_dates_real(self._grid, ok))

    def born_after(self, day) -> np.ndarray:
        """Valid-looking IDs whose birth date is after ``day`` (per row, datetime64): a person not yet
        born when the decision was made is a mistyped number."""
        ok = self._ric_check_ok()
        born = self._rows(_births(self._grid, ok))
        return born > np.asarray(day, dtype="datetime64[s]")  # NaT on either side compares false

    def id_like(self) -> np.ndarray:
        """Shaped as an ID, a province's first two digits and a real birth date (valid or not): what a mistyped
        ID looks like, and an all-digit credit code almost never does (124202038606689242: no date)."""
        return self.province() & self._rows(_birth_dates_real(self._grid, self._id_shaped()))

    def province(self) -> np.ndarray:
        """The first two characters are digits naming a province (``PROVINCES``)."""
        first = _DIGIT[self._grid[:, :2]]
        return self._rows(self._shaped & (first >= 0).all(axis=1) & np.isin(first[:, 0] * 10 + first[:, 1], PROVINCES))

    def person(self, legal: np.ndarray | bool = False, natural: np.ndarray | bool = False) -> np.ndarray:
        """Valid IDs that are a person's: valid only as an ID, or valid both ways (about 3 % of IDs, and
        all-digit codes such as 911101198001011769) and the party a natural person, or not a legal one
        and the first two digits a province."""
        ric, uscc = self.ric_valid(), self.uscc_valid()
        return ric & (~uscc | natural | (~np.asarray(legal, dtype=bool) & self.province()))

    def first_generation(self) -> np.ndarray:
        """15 digits whose 7th-12th are a date (YYMMDD): a first-generation ID number, still met in old files."""
        if self._first is None:  # asked for each column check: worked out once, on the 15-character values
            self._first = np.zeros(len(self._distinct), dtype=bool)
            fifteen = np.flatnonzero(self._lengths == 15)
            self._first[fifteen] = _first_generation(self._distinct[fifteen])
        return self._rows(self._first)

    def _uscc_valid(self) -> np.ndarray:
        if self._uscc is not None:  # person() asks again what _party_code asked: not worked out twice
            return self._uscc
        numbers = _USCC_VALUE[self._grid]
        charset = self._shaped & (numbers >= 0).all(axis=1)
        check = (31 - (numbers[:, :17] * USCC_WEIGHTS).sum(axis=1) % 31) % 31
        self._uscc = (charset & (check == numbers[:, 17])) | (self._distinct == USCC_NONE)
        return self._uscc

    def _id_shaped(self) -> np.ndarray:
        last = self._grid[:, 17]
        return self._shaped & (_DIGIT[self._grid[:, :17]] >= 0).all(axis=1) & ((_DIGIT[last] >= 0) | (last == ord("X")))

    def _ric_check_ok(self) -> np.ndarray:
        if self._ric is not None:  # (as _uscc_valid)
            return self._ric
        digits = _DIGIT[self._grid[:, :17]]
        self._ric = self._id_shaped() & (RIC_CHECK[(digits * RIC_WEIGHTS).sum(axis=1) % 11] == self._grid[:, 17])
        return self._ric


_MASK_POINTS = np.array([ord("X"), ord("×"), ord("*"), ord("＊")], dtype=np.uint32)


def _x_masked(points: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """An ID masked with X or × instead of * (420203XXXXXXXX3011, 420203××××××××3011, the 15-digit
    420203xxxxxx123): digits, then four or more masking characters, then at most four digits or X. No
    统一社会信用代码 has such a run: its last characters carry the organisation code and a check."""
    out = np.zeros(len(points), dtype=bool)
    run = np.isin(points, _MASK_POINTS)
    maybe = (lengths >= 15) & (lengths <= 18) & (run.sum(axis=1) >= 4)
    for row in np.flatnonzero(maybe):  # the few values with four masking characters or more
        text = "".join(map(chr, points[row, :lengths[row]]))
        out[row] = _X_MASKED.fullmatch(text) is not None
    return out


_X_MASKED = re.compile(r"[0-9]{3,10}[X×*＊]{4,12}[0-9]{0,4}[0-9X]?")


def _first_generation(values: np.ndarray) -> np.ndarray:
    text = pd.Series(values, dtype=object).astype(str)
    shaped = text.str.fullmatch(r"[0-9]{15}").to_numpy(bool)
    out = np.zeros(len(values), dtype=bool)
    if shaped.any():
        picked = text[shaped]
        born = pd.to_datetime("19" + picked.str.slice(6, 12), format="%Y%m%d", errors="coerce")
        out[shaped] = born.notna().to_numpy(bool)
    return out


_ID_SEPARATORS = re.compile(r"[\-－–—.·]")
_SEPARATOR_CHARACTERS = ("-", "－", "–", "—", ".", "·")


def without_id_separators(cells: np.ndarray) -> np.ndarray:
    """An ID column's cells with the hyphens and dots people type between its groups taken out
    (420203-19901111-2227) where that leaves an ID's digits; other values as they are."""
    text = pd.Series(cells, dtype=object).astype(str)
    has = contains_any(text.to_numpy(object), _SEPARATOR_CHARACTERS)  # one C search over the column
    if not has.any():
        return cells
    out = np.asarray(cells, dtype=object).copy()
    joined = text[has].astype(str).str.replace(_ID_SEPARATORS, "", regex=True).str.strip()
    digits = joined.str.fullmatch(r"[0-9０-９]{17}[0-9０-９XxＸｘ×╳✕✗]|[0-9０-９]{15}").to_numpy(bool)
    out[np.flatnonzero(has)[digits]] = joined.to_numpy(object)[digits]
    return out


def column_codes(cells) -> CodeColumn:
    """Code cells (text, "" where blank) normalised and gridded; once per distinct value when the
    column repeats (judged on a sample, as ingest's per_distinct does: hashing a column of distinct
    codes would cost more than it saves)."""
    # 420203-19740708-1173: a person's ID typed in groups is that ID (an error of the code else, shown whole)
    cells = without_id_separators(np.asarray(cells, dtype=object))
    n = len(cells)
    sample = cells[::max(1, n // 1000)][:1000]
    if n < 64 or len(set(sample.tolist())) >= 0.5 * len(sample):
        return CodeColumn(normalise_codes(cells))
    inverse, uniques = pd.factorize(pd.Series(cells, dtype=object).fillna(""))
    return CodeColumn(normalise_codes(np.asarray(uniques, dtype=object)), inverse)


def uscc_valid(values) -> np.ndarray:
    """Which values are valid 统一社会信用代码 (or 17 zeros and X), column-wise."""
    return CodeColumn(values).uscc_valid()


def valid_codes(values) -> np.ndarray:
    """Each value as a normalised 统一社会信用代码 where it is a valid one, "" elsewhere (a key to match by)."""
    codes = normalise_codes(values)
    return np.where(uscc_valid(codes), codes, "").astype(object) if len(codes) else codes


def ric_valid(values) -> np.ndarray:
    """Which values are valid 18-digit 身份证号: the check digit and a real birth date, column-wise."""
    return CodeColumn(values).ric_valid()


def id_shaped(values) -> np.ndarray:
    return CodeColumn(values).id_shaped()


def _birth_dates_real(grid: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Digits 7-14 are a date that exists (no 30 February), in 1900-2099."""
    return ~np.isnat(_births(grid, rows))


def _births(grid: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The birth date digits 7-14 give, for ``rows`` (datetime64[s]); NaT elsewhere, and where they are
    no date or one outside 1900-2099 (no one living was born earlier, and a year such as 7000 is a
    mistyped number; the bound also keeps every pandas version on nanosecond-safe dates)."""
    out = np.full(len(grid), np.datetime64("NaT"), dtype="datetime64[s]")
    if rows.any():
        d = _DIGIT[grid[rows, 6:14]]
        year = d[:, 0] * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3]
        month, day = d[:, 4] * 10 + d[:, 5], d[:, 6] * 10 + d[:, 7]
        plausible = (year >= 1900) & (year <= 2099)
        year = np.where(plausible, year, 2000)  # out-of-range years never reach the date parser
        born = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce")
        out[rows] = np.where(plausible, born.to_numpy("datetime64[s]"), np.datetime64("NaT"))
    return out


def mask_id(text: str) -> str:
    """An 18-digit ID number keeps its first 6 and last 4 characters, a first-generation one of 15
    its first 6 and last 3 (the tool's own choice: no national rule names the digits)."""
    if len(text) == 15:
        return text[:6] + "*" * 6 + text[-3:]
    return text[:6] + "*" * 8 + text[-4:] if len(text) == 18 else text


def id_shaped_texts(distinct) -> np.ndarray:
    """Positions in ``distinct`` (texts) of those holding an ID-shaped number: one C-level search over them all
    (textscan), after a quicker one for how both shapes begin (a regex call per text cost 0.1 s on 100,000
    unique names)."""
    distinct = list(distinct)
    if not distinct or ID_HINT.search("\x00".join(distinct)) is None:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(searches(ID_PATTERN, distinct))


def mask_ids_in_text(values: pd.Series) -> pd.Series:
    """Every 18-digit ID-shaped number inside a text column (a party cell "张三 11010519491231002X")
    masked, per distinct text; id_text.mask_ids does one text."""
    if not len(values):
        return values
    codes, uniques = pd.factorize(values.astype(object))
    unique = pd.Series(uniques, dtype=object)
    has = np.zeros(len(unique), dtype=bool)
    has[id_shaped_texts(unique.astype(str).tolist())] = True
    if not has.any():
        return values
    fixed = unique.where(~has, unique.astype(str).map(mask_ids))
    out = np.where(codes >= 0, fixed.to_numpy(object)[np.maximum(codes, 0)], values.to_numpy(object))
    return pd.Series(out, index=values.index, dtype=object)


def exposed_ids(*texts: pd.Series, numbers: tuple[pd.Series, ...] = ()) -> np.ndarray:
    """Per row, the first checksum-valid 18-digit ID number found in any of ``texts`` or ``numbers``, or a
    first-generation one (15 digits) in ``texts``, masked ("" where none): an online list that shows one has made
    personal data public. A 文书号 (``numbers``) of 15 digits is a number of its own (交警 420203100111947)."""
    n = len((texts or numbers)[0]) if texts or numbers else 0
    out = np.full(n, "", dtype=object)
    for values in (*texts, *numbers):
        only_18 = any(values is number for number in numbers)
        codes, uniques = pd.factorize(values.astype(object).fillna(""))
        distinct = pd.Series(uniques, dtype=object).astype(str)
        found = distinct.str.extract(ID_IN_TEXT, expand=False) \
            .fillna("").map(plain_id)  # 420203 19850612 3011, full-width digits: one plain number
        candidates = found.to_numpy(object)
        valid = CodeColumn(candidates).person()  # a company's all-digit code is no ID (911101198001011769)
        old = distinct.str.extract(ID15_IN_TEXT, expand=False).fillna("").map(plain_id).to_numpy(object)
        first = ~valid & np.fromiter(map(first_generation_id, old), dtype=bool, count=len(old)) & (not only_18)  # p83
        candidates, valid = np.where(first, old, candidates), valid | first
        shown = np.array([mask_id(c) if v else "" for c, v in zip(candidates, valid)], dtype=object)  # distinct
        row = shown[codes] if len(codes) else np.zeros(0, dtype=object)
        out = np.where(out == "", row, out)
    return out


ID_COLUMNS = ("q_party_code", "q_id_number", "q_legal_id")


class CodeColumns:
    """The records' code columns (``q_party_code`` …), each normalised and checked once per run:
    the quality checks and the masking after them share one."""

    def __init__(self, records: pd.DataFrame):
        self.records = records
        self._made: dict[str, CodeColumn] = {}
        self._document_ids: tuple[np.ndarray, np.ndarray] | None = None

    def document_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """(per record: its 文书号 is a person's ID number, as a 从业资格证 numbered by its holder's is; the
        number as plain digits there, "" elsewhere). Only numbers of 15 to 18 digits are looked at."""
        if self._document_ids is None:
            numbers = self.records["document_number"] if "document_number" in self.records.columns \
                else pd.Series([""] * len(self.records), dtype=object)
            self._document_ids = ids_among(numbers)
        return self._document_ids


    def __getitem__(self, name: str) -> CodeColumn:
        if name not in self._made:
            cells = self.records[f"q_{name}"].to_numpy(object)
            cells = np.where(pd.isna(cells), "", cells)
            self._made[name] = column_codes(cells)  # (420203-19901111-2227: an ID number as typed, in any of them)
        return self._made[name]


def ids_among(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(per 文书号: a person's ID number in full (``id_numbers``); the number as plain digits there, ""
    elsewhere). Only values of 15 to 18 digits are looked at: a 文书号 in words is none."""
    n = len(values)
    found, plain = np.zeros(n, dtype=bool), np.full(n, "", dtype=object)
    text = values.astype(object).fillna("").astype(str)
    lengths = text.str.len().to_numpy()
    maybe = (lengths >= 15) & (lengths <= 20)  # an ID's 15 or 18, and a space or two around: few numbers are
    if maybe.any():
        maybe[maybe] = text[maybe].str.fullmatch(r"\s*[0-9０-９]{15,17}[0-9０-９XxＸｘ×╳✕✗]?\s*").to_numpy(bool)
    if maybe.any():
        column = column_codes(text[maybe].to_numpy(object))
        found[maybe] = id_numbers(column)
        plain[maybe] = column.values
    return found, plain


def id_numbers(column: CodeColumn) -> np.ndarray:
    """A person's ID number, valid, in full, as a certificate is numbered by it: 18 digits with their check
    and a province (an all-digit 统一社会信用代码 has no province's first two digits). Not 15 digits whose
    middle reads as a date: a traffic police 简易程序 决定书编号 (420203100111947) is one, masked it made two
    tickets one; a certificate is numbered by its holder's ID of today."""
    return column.ric_valid() & column.province()


_ID18 = re.compile(ID_IN_TEXT)
_WHOLE_NUMBER = re.compile(r"\s*[0-9０-９]{15,17}[0-9０-９XxＸｘ×╳✕✗]?\s*")


def masked_numbers(numbers: np.ndarray, whole: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """文书号 with an ID number in them masked: one that is the number (``whole``: ``ids_among``'s answer when
    known) or one among other characters (西食药许〔2026〕42022219710213531X号, 从业资格证420203…号: probe p83 H2,
    p93 H1); ``numbers`` itself where none is."""
    numbered, plain = whole if whole is not None else ids_among(pd.Series(numbers, dtype=object))
    texts = numbers if pd.api.types.infer_dtype(numbers, skipna=False) in ("string", "empty") else \
        pd.Series(numbers, dtype=object).fillna("").astype(str).to_numpy(object)
    inside = searches(_ID18, texts) & ~numbered
    for i in np.flatnonzero(inside):  # the few hits
        inside[i] = _WHOLE_NUMBER.fullmatch(texts[i]) is None
    if numbered.any() or inside.any():
        numbers = numbers.copy()
        numbers[numbered] = [mask_id(v) for v in plain[numbered]]  # the few
        numbers[inside] = [mask_ids(v) for v in numbers[inside]]
    return numbers


def mask_id_columns(records: pd.DataFrame, codes: CodeColumns | None = None) -> pd.DataFrame:
    """The quality columns that may hold ID numbers, masked once the checks have read them: whatever
    later keeps or exports the records (a history store) never holds a full number. ``codes``: the
    checks' own, when they ran."""
    present = [c for c in ID_COLUMNS if c in records.columns]
    codes = codes if codes is not None and codes.records is records else CodeColumns(records)
    numbers = records["document_number"].to_numpy(object)
    masked = masked_numbers(numbers, codes.document_ids())
    if not present and masked is numbers:
        return records
    out = records.copy(deep=False)
    if masked is not numbers:  # the ID a certificate is numbered by: masked as any ID
        out["document_number"] = masked
    for name in present:
        column = codes[name[2:]]
        ids, old = column.id_shaped(), column.first_generation()
        if ids.any() or old.any():
            values = column.values.copy()
            shown = pd.Series(values[ids], dtype=object)
            values[ids] = (shown.str.slice(0, 6) + "********" + shown.str.slice(14)).to_numpy(object)
            shown = pd.Series(values[old], dtype=object)
            values[old] = (shown.str.slice(0, 6) + "******" + shown.str.slice(12)).to_numpy(object)
            out[name] = np.where(pd.isna(out[name].to_numpy(object)), None, values)
    return out


def digits_not_an_id(codes: CodeColumn) -> np.ndarray:
    """Digits only (the last may be X), 14 to 20 of them, not 18 (and 15 only where no first-generation ID)."""
    out = np.zeros(len(codes.values), dtype=bool)
    near = np.flatnonzero(np.isin(codes.lengths, [14, 15, 16, 17, 19, 20]))
    if len(near):
        out[near] = pd.Series(codes.values[near], dtype=object).astype(str).str.fullmatch(r"[0-9]{13,19}[0-9X]") \
            .to_numpy(bool) & ~codes.first_generation()[near]
    return out


def wrong_length(values: np.ndarray):
    """The reason an ID of digits is none, for the flagged rows (quality/finding.py)."""
    def reason(rows):
        lengths = np.char.str_len(values[rows].astype(str))
        return np.where(lengths == 15, "15 位的一代身份证号中的出生日期不存在",
                        "应为 18 位，现为 " + lengths.astype(str).astype(object) + " 位").astype(object)
    return reason
