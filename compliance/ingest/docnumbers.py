"""Document numbers (文书号) compared after normalisation (docs/rules.md §8).

西安监罚〔2016〕7号, 西安监罚[2016]7号, 西安监罚（２０１６）７号, 西安监罚〔2016〕第7号,
西安监罚字〔2016〕7号, 西安监罚〔2016〕7 (no 号) and stray spaces are one number; 无, /, - and 空 mean "no number". Used by duplicate
detection and by matching a ledger against the online list.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ..dates import EXCEL_ERRORS, FORMULA_NO_VALUE, cell_types

# Every bracket form around the year, unified to 〔〕.
_OPEN = "〔［[（(【〖｛{"
_CLOSE = "〕］]）)】〗｝}"
_BRACKETS = str.maketrans({**{c: "〔" for c in _OPEN}, **{c: "〕" for c in _CLOSE}})
# str.translate is slow on CJK text: translate only the numbers holding another bracket.
_OTHER_BRACKET = re.compile("[" + re.escape("".join(sorted(set(_OPEN + _CLOSE) - {"〔", "〕"}))) + "]")
# After the year or after the issuer's 字 when the year comes first: （2026）西综执罚字第18号.
_ORDINAL = re.compile(r"([〕字])第(\d)").sub
_LEADING_ZEROS = re.compile(r"([〕字])0+(\d)").sub
# A note in brackets after the 号 (…601号（已送达）, …603号（案卷号：2026-045）) is not part of the number.
_ZI_BEFORE_YEAR = re.compile(r"字+〔").sub
# The year first, as case numbers and credit platforms write it: （2024）西城管罚字第306号 is 西城管罚〔2024〕306号
# (the platform rewrote it so, and a unit's two ledgers may differ): one number. Only an issuer's letters then a
# serial (〔2024〕鄂0203行初12号, a court's, is left as it is).
_YEAR_FIRST = re.compile(r"(?:(?<=\x00)|^)〔((?:19|20)\d{2})〕([^\x00〔〕\d]+?)字*(\d+号)(?=\x00|$)").sub
_NOTE_AFTER = re.compile(r"(〕[^\x00]*?\d号)〔[^〔〕\x00]*〕(?=\x00|\Z)").sub
PLACEHOLDERS = frozenset({"无", "/", "-", "--", "—", "——", "－", "空", "暂无", "无文号", "\\", "／", "0"})


def normalise_document_numbers(values: pd.Series) -> pd.Series:
    """Column-wise: NFKC (full-width to half-width), no whitespace, one bracket form.

    A placeholder (无, /, -, 空 …) or a blank becomes "" (no number). The
    column is joined into one string with a separator no number holds and
    each step runs once over it in C (``normalise_one`` is the same rule
    for one number, and the definition the tests hold this to).
    """
    text = values.to_numpy(object)
    text = np.where(pd.isna(text), "", text)
    if pd.api.types.infer_dtype(text, skipna=False) not in ("string", "empty"):  # numbers typed as numbers
        text = np.array([str(t) for t in text], dtype=object)  # rare: not all text is no ledger's number column
    texts = text.tolist()
    joined = _SEPARATOR.join(texts)
    if len(texts) < 2 or joined.count(_SEPARATOR) != len(texts) - 1:  # a cell holding the separator itself
        out = [normalise_one(t) for t in texts]
    else:
        out = _normalise_joined(joined).split(_SEPARATOR)
        out = ["" if t in PLACEHOLDERS else t for t in out]
    return pd.Series(out, index=values.index, dtype=object)


# NUL: never in a number, a starter that composes with nothing, so NFKC of the joined column is
# the joined NFKC of its cells, and no pattern below can match across two cells.
_SEPARATOR = "\x00"
_SPACES = re.compile(r"[^\S\x00]+").sub
_ANY_OTHER_BRACKET = re.compile(_OTHER_BRACKET.pattern + "+")
_NO_HAO = re.compile(r"(〕[^\x00]*\d)(?=\x00|\Z)").sub
CORRECTION_TAG = re.compile(r"〔(?:更正|更正版|更正稿|更正后|已更正)〕")  # brackets in one form by then
_CORRECTION_TAG = CORRECTION_TAG.sub


# Excel's text mark that a system's CSV export writes into the cell ('西城管罚〔2025〕150号): no part of the number.
_TEXT_MARK = re.compile(r"(?:(?<=\x00)|^)['‘’`]+").sub


def _normalise_joined(joined: str) -> str:
    joined = _SPACES("", unicodedata.normalize("NFKC", joined))
    if "'" in joined or "‘" in joined or "’" in joined or "`" in joined:
        joined = _TEXT_MARK("", joined)
    if not unicodedata.is_normalized("NFKC", joined):  # a mark that followed a space composes now (Ａ ̄ -> Ā)
        joined = _SPACES("", unicodedata.normalize("NFKC", joined))
    if _OTHER_BRACKET.search(joined):  # translate only the brackets: str.translate is slow on CJK text
        joined = _ANY_OTHER_BRACKET.sub(lambda m: m.group().translate(_BRACKETS), joined)
    if "第" in joined:  # 〔2016〕第44号 and 〔2016〕44号: one number, two common spellings
        joined = _ORDINAL(r"\1\2", joined)
    if "〕0" in joined or "字0" in joined:  # 〔2019〕007号 and 〔2019〕7号 too
        joined = _LEADING_ZEROS(r"\1\2", joined)
    if "字〔" in joined:  # 西市监罚字〔2023〕4号: the 字 some issuers write before the year (字字〔: typed twice)
        joined = _ZI_BEFORE_YEAR("〔", joined)
    if "更正" in joined:  # …5号（更正）, 【更正】…5号: a correction of 5号, under 5号's number (repeats.py)
        joined = _CORRECTION_TAG("", joined)
    if "号〔" in joined:
        joined = _NOTE_AFTER(r"\1", joined)
    joined = _NO_HAO(r"\1号", joined)  # 西市监罚〔2023〕3: the 号 left off
    return _YEAR_FIRST(r"\2〔\1〕\3", joined) if "〕" in joined else joined


def normalise_one(t: str) -> str:
    """One number, as ``normalise_document_numbers`` makes it."""
    t = "".join(unicodedata.normalize("NFKC", t).split())
    if not unicodedata.is_normalized("NFKC", t):
        t = "".join(unicodedata.normalize("NFKC", t).split())
    t = t.lstrip("'‘’`")
    if _OTHER_BRACKET.search(t):
        t = t.translate(_BRACKETS)
    if "第" in t:
        t = _ORDINAL(r"\1\2", t)
    if "〕0" in t or "字0" in t:
        t = _LEADING_ZEROS(r"\1\2", t)
    if "字〔" in t:
        t = _ZI_BEFORE_YEAR("〔", t)
    if "更正" in t:
        t = _CORRECTION_TAG("", t)
    if "号〔" in t:
        t = _NOTE_AFTER(r"\1", t)
    if t[-1:].isdigit() and "〕" in t:
        t += "号"
    t = _YEAR_FIRST(r"\2〔\1〕\3", t)
    return "" if t in PLACEHOLDERS else t


# An error value (a failed VLOOKUP's #N/A) or a formula saved without its result names no decision: never
# two rows' shared number, which would make them one decision.
PLACEHOLDERS = PLACEHOLDERS | EXCEL_ERRORS | {normalise_one(t) for t in EXCEL_ERRORS | {FORMULA_NO_VALUE}}


# "As the row above", typed in the number column for a decision's further parties (张三 / 同上 / 同上),
# and in unit and date columns: the marks as typed in either input mode, read without spaces, without a
# full stop after them (同上。), a mark typed twice (〃〃) as once, Latin ones in any case (-do-, Ditto).
SAID_ABOVE = frozenset({"同上", "〃", "\"", "”", "“", "''", "同前", "仝上", "同上栏", "同上行", "同上单位", "＂", "″",
                        "々", "-do-", "do", "ditto"})
_ABOVE_SPACES = re.compile(r"\s+")
_ABOVE_STOP = re.compile(r"[。.，,；;]+$")
_ABOVE_TWICE = re.compile(r"^([〃\"”“＂″々])\1+$")


def said_above(cells: pd.Series) -> np.ndarray:
    """Per cell: it says "as the row above" (``SAID_ABOVE``, however typed); short cells only, each
    distinct one looked at once."""
    texts = cells.to_numpy(object)
    out = np.zeros(len(texts), dtype=bool)
    series = pd.Series(texts, dtype=object)
    strings = cell_types(texts) == str  # a date or a number cell says nothing of the kind
    strings[strings] = series[strings].str.len().to_numpy() <= 8
    if not strings.any():
        return out
    short = pd.Series(texts[strings], dtype=object)
    codes, uniques = pd.factorize(short)
    plain = [_ABOVE_TWICE.sub(r"\1", _ABOVE_STOP.sub("", _ABOVE_SPACES.sub("", u))).lower() for u in uniques]
    out[strings] = np.array([p in SAID_ABOVE for p in plain], dtype=bool)[codes]
    return out


def numbers_said_above(doc: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """(the numbers with 同上 / 〃 read as the number of the row directly above, the rows so read); by
    position. A 同上 under a row with no number is no number."""
    said = said_above(doc)  # 同 上: a number is longer
    if not said.any():
        return doc, said
    # the nearest row above that is no 同上 itself, blank or not: a blank number is no number to repeat
    positions = pd.Series(np.where(said, np.nan, np.arange(len(doc), dtype=float))).ffill().to_numpy()
    has_above = said & ~np.isnan(positions)
    above = np.full(len(doc), "", dtype=object)
    above[has_above] = doc.to_numpy(object)[positions[has_above].astype(np.int64)]
    resolved = has_above & (above != "")
    # a 同上 with no number above it is no number (document-number-missing), never the number "同上"
    numbers = np.where(resolved, above, np.where(said, "", doc.to_numpy(object)))
    return pd.Series(numbers, index=doc.index, dtype=object), resolved


# In a normalised key: a whole number (西市监罚〔2026〕501号), or one written short after it (、502号).
_WHOLE_OR_SHORT = re.compile(r"([^〔〕号]*?〔(?:19|20)\d{2}〕)(\d+号)|(?<=号)[、，,；;/和及]?(\d+号)")


def split_numbers(key: str) -> list[str]:
    """The numbers one normalised cell holds (西市监罚〔2026〕501号、502号 -> …501号, …502号): a number
    written short takes the issuer and year of the one before it. One number or none: []."""
    found, prefix = [], ""
    for whole_prefix, serial, short in _WHOLE_OR_SHORT.findall(key):
        if whole_prefix:
            prefix = whole_prefix.lstrip("、，,；;/和及")
            found.append(prefix + serial)
        elif prefix:
            found.append(prefix + short)
    return found if len(found) > 1 else []
