"""Date cells that point elsewhere, read as the clerk meant them before the dates are parsed.

- 同上 / 〃 in a date column: the date of the row above in that column (a run of them, the last date
  above); at the top of a table there is none, and the cell stays as written (an unreadable date).
- 同日 / 当天 / 当日 in the publication column: published the day of the decision, the row's decision date.
- a range in the publication column (2024.3.5-2024.6.5, 2024年3月5日至2025年3月4日, 2024.3.5-3.8: the
  notice period, also after a label: 公示期 2024.3.5-2024.6.5), or one open at its end (2024.3.5至今,
  自2024年3月5日起公示三年): its first day, the day it went online.
- 0 in a date column: what Excel shows for a formula copying a blank cell (='1月'!E3 on a 汇总 sheet),
  never a date: blank. Formatted as a date it shows 1900-01-00 and is read as the time 00:00:00: blank too.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from ..date_text import PUBLISHED_WORDS
from ..dates import NO_DATE, cell_types
from ..textscan import matches
from .cells import per_distinct
from .docnumbers import said_above

MIDNIGHT = dt.time(0)  # a date-formatted 0: the reader has no day for it, only its time of day
SAME_DAY = frozenset({"同日", "当日", "当天", "同天", "即日", "同日公开", "当日公开", "当天公开", "即日公开"})


def with_date_words(decided: pd.Series, published: pd.Series,
                    rows: np.ndarray) -> tuple[pd.Series, pd.Series, np.ndarray, np.ndarray]:
    """(decision cells, publication cells, the rows where a word was read as a date, the rows whose publication
    cell was a range) with 0, 同日 and 同上 resolved, in that order (同上 under 当天 is the day above, not this
    row's decision date); by position. ``rows``: each cell's row in the sheet, so that 同上 never reaches past
    a row that is not a record."""
    decided, worded = _ditto(decided.where(~_zero(decided), None), rows)
    published = published.where(~_zero(published), None)
    published, ranged = range_start(published)
    same = _is_word(published, SAME_DAY)
    if same.any():
        published = published.where(~same, decided)
    published, above = _ditto(published, rows)
    return decided, published, worded | same | above | ranged, ranged


def _ditto(cells: pd.Series, rows: np.ndarray) -> tuple[pd.Series, np.ndarray]:
    """同上 takes the cell directly above (through a run of 同上): never across a blank or skipped row, nor
    from a blank cell, which would be a date two rows up that the clerk did not point at. As the
    document numbers' 同上 (docnumbers.numbers_said_above)."""
    ditto = said_above(cells)
    if not ditto.any():
        return cells, ditto
    values = cells.to_numpy(object)
    below = np.r_[False, np.diff(np.asarray(rows)) == 1]  # directly under the record before it
    head = ~ditto | ~below  # where a run starts: a written cell, or a 同上 with no record above it
    group = np.cumsum(head) - 1
    above = values[head][group]
    written = pd.notna(above) & (pd.Series(above, dtype=object).astype(str).str.strip() != "").to_numpy(bool)
    found = ditto & ~ditto[head][group] & written
    out = values.copy()
    out[found] = above[found]
    return pd.Series(out, index=cells.index, dtype=object), found


_DAY = (r"(?:(?:19|20)\d{2}\s*[年./\-－]\s*\d{1,2}\s*[月./\-－]\s*\d{1,2}\s*日?"
        r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))")  # or as a system exports it: 20260319
# its end as clerks shorten it: 2024.3.5-3.8, 2024年3月5日至3月8日, 2024年3月5日至8日
_MONTH, _DATE = r"(?:0?[1-9]|1[0-2])", r"(?:0?[1-9]|[12]\d|3[01])"  # a broken end (13.8, 3.48) is no range
_END = rf"(?:{_DAY}|{_MONTH}\s*[月./\-－]\s*{_DATE}\s*日?|{_DATE}\s*日)"
_LABEL = r"(?:(?:公示|公开)(?:期限?|期间|时间|日期|起止日期|起止时间)?\s*(?:为|是)?\s*[:：]?)?"  # 公示期：2024.3.5-…
# …and the period's length in brackets after it: 2026.3.19-2027.3.18（公示期一年）
_LENGTH = r"(?:[(（][^()（）]{0,10}期[^()（）]{0,10}[)）])?"
RANGE = re.compile(rf"^\s*{_LABEL}\s*自?\s*({_DAY})\s*(?:至|到|~|～|-|－|—|–)+\s*{_END}\s*{_LENGTH}\s*$")
# open-ended: 2025.9.10至今, 2025年9月10日起, 自2025年9月10日起公示三年: online from that day
# 2025.9.10- (its end not yet written)
OPEN_RANGE = re.compile(rf"^\s*{_LABEL}\s*自?\s*({_DAY})\s*(?:至今|起|以来|开始|[-－—~～]+)\s*(?:(?:公示|公开)[^\d]{{0,6}})?\s*$")


def range_start(cells: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Text cells that are a range of two days, or from one day on: their first day (as text, parsed like
    any date)."""
    values = cells.to_numpy(object)
    text = cell_types(values) == str  # text cells only; dates and numbers stay as they are
    found = np.zeros(len(values), dtype=bool)
    if not text.any():
        return cells, found
    texts = pd.Series(values[text], dtype=object)
    first = texts.str.extract(RANGE, expand=False).fillna(texts.str.extract(OPEN_RANGE, expand=False)).to_numpy(object)
    found[text] = pd.notna(first)
    out = values.copy()
    out[found] = first[pd.notna(first)]
    return pd.Series(out, index=cells.index, dtype=object), found


def _zero(cells: pd.Series) -> np.ndarray:
    """Cells that are the number 0 (compared in one pass: text, dates and blanks are never equal to 0);
    FALSE equals 0 too, and is no date: it stays, to be told as one."""
    values = cells.to_numpy(object)
    zero = ((values == 0) | (values == MIDNIGHT)) if len(values) else np.zeros(0, dtype=bool)
    if zero.any():
        kinds = cell_types(values[zero])
        zero[zero] = ~np.isin(kinds, np.array([bool, np.bool_], dtype=object))
    return zero


def _is_word(cells: pd.Series, words: frozenset) -> np.ndarray:
    """Cells that are one of ``words`` (hashed in one pass), written with or without spaces around."""
    spellings = set(words) | {f"{left}{w}{right}" for w in words for left, right in ((" ", ""), ("", " "), (" ", " "))}
    return cells.isin(spellings).to_numpy(bool)


# A column for the notice period (公示期限, 公开期限, 公示期间, 公示期), read as the publication date where none is
# there (fields.py: lesser): its range starts the day it went online. Under the same header a single day is
# more likely the unit's own due date (应公开的期限) than a publication: never taken as one (docs/rules.md §8).
PERIOD_HEADER = re.compile(r"(?:公示|公开)(?:期限|期间|期)$")


def is_period_header(header: str | None) -> bool:
    """A 公示期限 / 公开期限 / 公示期间 / 公示期 column (a line break inside the header cell aside)."""
    return bool(header) and PERIOD_HEADER.search("".join(str(header).split())) is not None


def period_single_days(ranged: np.ndarray, published: np.ndarray,
                       codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(publication days, their problem codes) of a period column (is_period_header) with each single day,
    not a range (with_date_words says which were), taken out and said."""
    single = ~ranged & ~np.isnat(published)
    if not single.any():
        return published, codes
    return np.where(single, NO_DATE, published), np.where(single, "published-period-single-day", codes)


# The words before a date's first digit say what the day is (已公开 2024-03-08, 发布日期：…, 公开于…), or
# 已于 / 于 before it with 公开 after it (已于2026年11月5日公开); a word after the date alone is a mark.
_WORDS_FIRST = re.compile(r"[^\d]*?(?:公开|公示|发布|上网|挂网)|[^\d]*于\s*\d[\s\S]*?(?:公开|公示|发布|上网|挂网)")


def says_published(decisions: np.ndarray, published: np.ndarray) -> np.ndarray:
    """Per decision-date cell: it names the day the decision went online, not the decision's (docs/rules.md
    §8). With the publication column blank, any such words (2024-03-08 已公开 too); beside the row's own
    publication date, only words before the date (probe 74: 已于2026年11月5日公开 was taken as the decision
    date, on time): a word after it (2026-10-09 已公示, 2026-10-09（已公示）) only marks it online (review 59b)."""
    def worded(texts: np.ndarray) -> np.ndarray:
        return np.stack([matches(PUBLISHED_WORDS, texts), matches(_WORDS_FIRST, texts)], axis=1)

    said = per_distinct(decisions, worded).astype(bool).reshape(len(decisions), 2)
    return said[:, 0] & ((published == "") | said[:, 1])
