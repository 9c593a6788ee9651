"""Check digits of whole columns of codes, and the masking of ID numbers, with numpy.

- 统一社会信用代码, GB 32100-2015: 18 characters of ``USCC_ALPHABET`` (no I, O, Z, S, V);
  weights 3^(i-1) mod 31 over the first 17; check = (31 - sum mod 31) mod 31.
  A 个体工商户 without a code may fill 17 zeros and X (``USCC_NONE``).
- 公民身份号码, GB 11643-1999 (ISO 7064 MOD 11-2): weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
  over the first 17 digits; sum mod 11 -> "10X98765432"; digits 7-14 a real birth date.
  The region code is not checked: real codes (市辖区 ones) are missing from every list.

A column is turned into an (n, 18) array of character codes once; python-stdnum,
which checks one value per call, is the oracle of tests/test_quality_codes.py.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_NONE = "0" * 17 + "X"
USCC_WEIGHTS = np.array([pow(3, i, 31) for i in range(17)], dtype=np.int64)
RIC_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
RIC_CHECK = np.frombuffer(b"10X98765432", dtype=np.uint8)

_USCC_VALUE = np.full(256, -1, dtype=np.int64)
_USCC_VALUE[np.frombuffer(USCC_ALPHABET.encode(), dtype=np.uint8)] = np.arange(len(USCC_ALPHABET))
_DIGIT = np.full(256, -1, dtype=np.int64)
_DIGIT[np.frombuffer(b"0123456789", dtype=np.uint8)] = np.arange(10)


def normalise_codes(values) -> np.ndarray:
    """Full-width to half-width, no spaces, upper case: what a code cell says, per distinct value."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object).fillna(""))
    clean = np.array(["".join(unicodedata.normalize("NFKC", str(u)).split()).upper() for u in uniques]
                     + [""], dtype=object)
    return clean[codes]


def _grid(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(rows of 18 ASCII character codes, which values are 18 ASCII characters long)."""
    n = len(values)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=n)
    ascii_ok = np.fromiter((v.isascii() for v in values), dtype=bool, count=n)
    shaped = (lengths == 18) & ascii_ok
    grid = np.zeros((n, 18), dtype=np.uint8)
    if shaped.any():
        joined = "".join(values[shaped].tolist()).encode("ascii")
        grid[shaped] = np.frombuffer(joined, dtype=np.uint8).reshape(-1, 18)
    return grid, shaped


def uscc_valid(values) -> np.ndarray:
    """Which values are valid 统一社会信用代码 (or 17 zeros and X), column-wise."""
    values = np.asarray(values, dtype=object)
    grid, shaped = _grid(values)
    numbers = _USCC_VALUE[grid]
    charset = shaped & (numbers >= 0).all(axis=1)
    check = (31 - (numbers[:, :17] * USCC_WEIGHTS).sum(axis=1) % 31) % 31
    return (charset & (check == numbers[:, 17])) | (values == USCC_NONE)


def ric_valid(values) -> np.ndarray:
    """Which values are valid 18-digit 身份证号: the check digit and a real birth date, column-wise."""
    values = np.asarray(values, dtype=object)
    grid, shaped = _grid(values)
    digits = _DIGIT[grid[:, :17]]
    shaped &= (digits >= 0).all(axis=1)
    check = RIC_CHECK[(digits * RIC_WEIGHTS).sum(axis=1) % 11]
    ok = shaped & (check == grid[:, 17])
    return ok & _birth_dates_real(grid, ok)


def _birth_dates_real(grid: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Digits 7-14 are a date that exists (no 30 February), from 1900 on."""
    out = np.zeros(len(grid), dtype=bool)
    if rows.any():
        d = _DIGIT[grid[rows, 6:14]]
        year = d[:, 0] * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3]
        month, day = d[:, 4] * 10 + d[:, 5], d[:, 6] * 10 + d[:, 7]
        real = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce").notna()
        out[rows] = real.to_numpy(bool) & (year >= 1900)
    return out


def id_shaped(values) -> np.ndarray:
    """17 digits and a digit or X: what an 18-digit 身份证号 looks like (valid or not)."""
    values = np.asarray(values, dtype=object)
    grid, shaped = _grid(values)
    digits = _DIGIT[grid[:, :17]]
    last = grid[:, 17]
    return shaped & (digits >= 0).all(axis=1) & ((_DIGIT[last] >= 0) | (last == ord("X")))


def mask_id(text: str) -> str:
    """An 18-digit ID number keeps its first 6 and last 4 characters (the tool's own choice:
    no national rule names the digits)."""
    return text[:6] + "*" * 8 + text[-4:] if len(text) == 18 else text


# An 18-digit ID number anywhere in a text (a party cell "张三 11010519491231002X").
ID_IN_TEXT = r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])"


def mask_ids_in_text(values: pd.Series) -> pd.Series:
    """Every 18-digit ID-shaped number inside a text column masked, per distinct text."""
    if not len(values):
        return values
    codes, uniques = pd.factorize(values.astype(object))
    unique = pd.Series(uniques, dtype=object)
    has = unique.astype(str).str.contains(r"\d{17}[0-9Xx]", regex=True)
    if not has.any():
        return values
    fixed = unique.where(~has, unique.astype(str).str.replace(ID_IN_TEXT, r"\1********\2", regex=True))
    out = np.where(codes >= 0, fixed.to_numpy(object)[np.maximum(codes, 0)], values.to_numpy(object))
    return pd.Series(out, index=values.index, dtype=object)


def exposed_ids(*texts: pd.Series) -> np.ndarray:
    """Per row, the first checksum-valid 18-digit ID number found in any of ``texts``, masked ("" where
    none): an online list that shows one has made personal data public."""
    n = len(texts[0]) if texts else 0
    out = np.full(n, "", dtype=object)
    for values in texts:
        codes, uniques = pd.factorize(values.astype(object).fillna(""))
        found = pd.Series(uniques, dtype=object).astype(str).str.extract(
            r"(?<![0-9A-Za-z])(\d{17}[0-9Xx])(?![0-9A-Za-z])", expand=False).fillna("").str.upper()
        candidates = found.to_numpy(object)
        valid = ric_valid(candidates)
        shown = np.array([mask_id(c) if v else "" for c, v in zip(candidates, valid)], dtype=object)  # distinct
        row = shown[codes] if len(codes) else np.zeros(0, dtype=object)
        out = np.where(out == "", row, out)
    return out
