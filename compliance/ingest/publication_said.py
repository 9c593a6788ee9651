"""What a row's words say about its publication, beside its date cell: a 是否公开 mark (已公开, 是, √), a
备注 (已于2025年3月5日在区政府网站公开), a 公示网址, a 撤销公示日期, or 已公开 written in the date cell.

A claim of publication with no day is a data problem (published-marked-no-date), never 逾期未公开; the
day the words give, when the date cell is blank, is the publication date (said on the sheet); two days
in the words (已于4月30日在信用网站公示，5月6日在区政府网站公开): the earlier judges, the later is weighed
by classify like a second publication-date column (docs/rules.md §8).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..date_text import WEB_ADDRESS
from ..problems import problem
from ..textscan import contains_any
from .cells import row_list
from .body import mapped_column
from .cells import per_distinct
from .date_columns import remark_dates, taken_down
from .published_words import page_links, republished, said_published, unpublished_words

# 备注 …2025年11月3日撤下公示 (after 信用修复): it was online, its day unknown, as a 撤销公示日期 column says
_TAKEN_DOWN = ("撤下", "撤销公示", "撤除公示", "停止公示", "公示已撤", "已下线")
_A_DAY = r"(?:19|20)\d{2}\s*[年.\-－]\s*\d{1,2}"  # 已公开（2024-4-3）has a date; a page's address (/2016/10/) is none


def words_on_publication(kept, mapping, text, published, pub_codes, published_text: pd.Series):
    """(published, pub_codes, the rows whose day the words gave, the later day where they (or a date cell
    listing days) give two, the 是否公开 texts, the 备注 texts)."""
    mark_text = text(mapped_column(kept, mapping, "published_marked"))
    remark_text = text(mapped_column(kept, mapping, "remarks"))
    remarked = said_published(remark_text, free_text_only=True)
    marked = said_published(mark_text) | remarked | taken_down(kept, mapping, text) \
        | page_links(text(mapped_column(kept, mapping, "link"))) \
        | page_links(remark_text, within=True) \
        | contains_any(remark_text.to_numpy(object), _TAKEN_DOWN)  # a page's address, or taken down: online once
    blank = published_text.to_numpy(object) == ""
    told = (remarked | said_published(mark_text, free_text_only=True)) & np.isnat(published) & blank
    later = np.full(len(published), np.datetime64("NaT"), dtype=published.dtype)
    if told.any():
        published, pub_codes, told, later = remark_dates([remark_text, mark_text], published, pub_codes, told)
    listing = (pub_codes == "date-with-words") & np.isnat(published)  # 2025.4.8、2025.4.9 in the date cell
    if listing.any():
        published, pub_codes, listed, other = remark_dates([published_text], published, pub_codes, listing, listed=True)
        later = np.where(listed, other, later)
        # a sentence in the date cell (已于4月30日在信用网站公示，5月6日在区政府网站公开): read as a 备注 is
        sentence = (pub_codes == "date-with-words") & np.isnat(published)
        sentence[sentence] = said_published(published_text[sentence], free_text_only=True)
        if sentence.any():
            published, pub_codes, said, other = remark_dates([published_text], published, pub_codes, sentence)
            # 2026-10-08（2026-10-20更正后重新公示）: the later day is a correction published again, not a doubt
            again = said & republished(published_text)
            later = np.where(said & ~again, other, later)
    pub_codes = np.where(marked & (pub_codes == None) & np.isnat(published),  # noqa: E711
                         "published-marked-no-date", pub_codes)
    written = np.array(said_published(published_text), dtype=bool)  # 已公开 / 是 / √ in the date column:
    # a claim with no day but the one in a page's address (…/2026-09-03/…): no bad date, a claim
    written[written] = ~published_text[written].str.replace(WEB_ADDRESS, " ", regex=True).str.contains(_A_DAY).to_numpy(bool)
    pub_codes = np.where(written & np.isnat(published), "published-marked-no-date", pub_codes)
    return published, pub_codes, told, later, mark_text, remark_text


def without_a_date_column(mapping, mark_text: pd.Series, published, pub_codes) -> np.ndarray:
    """pub_codes for a sheet with no publication-date column: published-column-missing (unknown), unless
    the row itself says: 未公开, or 否 under 是否已公开 (under 是否公开 it may be 不予公开), or 不公开 (the
    unit's claim) is not published, by the unit's own word; 是 with no day is published-marked-no-date;
    a day in its words is that day."""
    known = (pub_codes == "published-marked-no-date") | ~np.isnat(published)
    if len(mark_text) and "published_marked" in mapping.columns:
        marks = mark_text.to_numpy(object)
        not_yet, claims = unpublished_words(marks).T
        if "已" not in mapping.header_of("published_marked"):
            not_yet &= ~np.isin(marks, ("否", "无"))
        known |= not_yet | claims
    return np.where(known, pub_codes, "published-column-missing").astype(object)


_DENIED = ("否", "×", "✗", "无", "N", "NO", "No", "no")


def denied_with_date(mark_text: pd.Series, published: np.ndarray, mapping) -> np.ndarray:
    """Per row: its 是否公开 mark says not published (否, 未公开, 不公开) while its date cell gives a day: the
    two disagree, and classify weighs it (docs/rules.md §8)."""
    if not len(mark_text) or "published_marked" not in mapping.columns or "published_date" not in mapping.columns:
        return np.zeros(len(published), dtype=bool)
    said = per_distinct(mark_text.to_numpy(object),
                        lambda marks: unpublished_words(marks).any(axis=1) | np.isin(marks, _DENIED)).astype(bool)
    return said & ~np.isnat(published)


def remarks_notes(file: str, sheet: str, rows: np.ndarray, told: np.ndarray, mapping) -> list:
    """The sheet's note of the rows whose blank publication date a 备注 gave (已于2024年3月5日在区政府网站公开)."""
    if not told.any():
        return []
    return [problem("published-from-remarks", file=file, sheet=sheet, rows=row_list(rows[told].tolist()),
                    header=mapping.header_of("remarks") or mapping.header_of("published_marked"))]
