"""The date columns of a block of records: where they come from (a second column of the same field, a
公开情况 column that writes the day, a 备注 that gives it) and how the shown text is bounded."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ..date1904 import shift_1904
from ..dates import MAX_CELL_TEXT, NOT_PUBLISHED, parse_dates
from .docnumbers import PLACEHOLDERS
from ..problems import problem
from .body import mapped_column
from .cells import cell_text
from .published_words import said_days

def two_date_columns(kept, mapping, sheet, name, dates, codes, shown, fill_blank=False, text=cell_text):
    """Two columns that are both field ``name`` (公示日期 and 上网公开日期): where both hold a date and
    they differ, the earlier day stays (the first publication) with both values shown, and the later is
    returned beside it (NaT elsewhere): classify judges by both, 数据有误 only where the verdict turns
    on which is right. Every other row keeps the first column's, except that with ``fill_blank`` a blank
    first cell takes the second's date (a publication date in either column: published, never "not yet")."""
    dates, codes, shown, second = _two_columns(kept, mapping, sheet, name, dates, codes, shown, fill_blank, text)
    differ = ~np.isnat(second)
    earlier = differ & (second < dates)
    later = np.where(earlier, dates, second)
    return np.where(earlier, second, dates), codes, shown, np.where(differ, later, np.datetime64("NaT"))


def two_decision_dates(kept, mapping, sheet, dates, codes, shown, text=cell_text):
    """Two decision-date columns (准予许可日期 and 发证日期): a blank first cell takes the second's date (the one
    decision date the row gives, not 数据有误 hiding its lateness); where both are dated and differ the first
    column's date stays, with both values shown, and the second's is returned beside it (NaT elsewhere):
    classify judges by both, 数据有误 only where the verdict turns on which is right (docs/rules.md §8)."""
    from .columns import first_grant  # the columns' own test of a 初次发证日期 (columns imports this module's peers)

    weigh = not first_grant(mapping.headers[mapping.alternates["decision_date"]])  # history fills a blank only
    return _two_columns(kept, mapping, sheet, "decision_date", dates, codes, shown, True, text, weigh)


def _two_columns(kept, mapping, sheet, name, dates, codes, shown, fill_blank, text, weigh=True):
    """(dates, codes, shown, the second column's date where both are dated and differ, NaT elsewhere): the
    blanks filled from the second column with ``fill_blank``, the differing rows' text showing both
    (with ``weigh``: else the second column only fills)."""
    other = mapping.alternates[name]
    second, _ = parse_dates(date_cells(kept, mapping, name, sheet, column=other))
    differ = ~np.isnat(dates) & ~np.isnat(second) & (dates != second) & weigh
    filled = (codes == "date-missing") & ~np.isnat(second) if fill_blank else np.zeros(len(dates), dtype=bool)
    dates, codes, shown = dates.copy(), codes.copy(), shown.copy()
    if filled.any():
        dates[filled], codes[filled] = second[filled], None
        shown[filled] = short_text(text(kept[other]).reset_index(drop=True)[filled])
    if differ.any():
        first_name, second_name = mapping.header_of(name), mapping.headers[other]
        shown[differ] = [f"{first_name} {a}，{second_name} {b}" for a, b in
                         zip(np.datetime_as_string(dates[differ], unit="D"),
                             np.datetime_as_string(second[differ], unit="D"))]
    return dates, codes, shown, np.where(differ, second, np.datetime64("NaT"))


def date_cells(kept, mapping, name, sheet, column: int | None = None) -> pd.Series:
    if column is not None:
        cells = (kept[column] if column in kept.columns else pd.Series([""] * len(kept), dtype=object))
        cells = cells.reset_index(drop=True)
    else:
        cells = mapped_column(kept, mapping, name).reset_index(drop=True)
    if getattr(sheet, "date1904", False):
        cells = shift_1904(cells)
    return cells


def dates_in_the_mark(frame, mapping, result, sheet, context, text):
    """No publication-date column, but a 公开情况 column that writes the day (已于2024年3月5日在区政府网站公开):
    that column is read as the publication date, and the sheet says so. A 是/否 column alone stays a mark
    (否 may mean 不予公开 there)."""
    if "published_date" in mapping.columns or "published_marked" not in mapping.columns:
        return mapping
    days, _ = parse_dates(text(mapped_column(frame, mapping, "published_marked")))
    if np.isnat(days).all():
        return mapping
    columns = {("published_date" if k == "published_marked" else k): v for k, v in mapping.columns.items()}
    result.notes.append(problem("published-in-mark-column", file=context.source_file, sheet=sheet.name,
                                header=mapping.header_of("published_marked")))
    return replace(mapping, columns=columns, scores={**mapping.scores, "published_date": 0})


def remark_dates(texts: list[pd.Series], published, codes, told, listed: bool = False):
    """The publication days that 备注 (or a 是否公开 cell: 已公开（2025年3月5日）) give, for the rows
    ``told``, the first text that gives one: (dates, codes, the rows that got one, the later day where
    the words give two: 已于4月30日在信用网站公示，5月6日在区政府网站公开; NaT elsewhere). ``listed``: the
    texts are date cells listing days (2025.4.8、2025.4.9)."""
    rows = np.flatnonzero(told)  # the few rows whose words say published beside a blank date
    first = np.full(len(rows), np.datetime64("NaT"), dtype="datetime64[D]")
    last = first.copy()
    for text in texts:
        earliest, latest = said_days(text.iloc[rows], listed)
        fill = np.isnat(first) & ~np.isnat(earliest)
        first[fill], last[fill] = earliest[fill], latest[fill]
    days = np.full(len(published), np.datetime64("NaT"), dtype=published.dtype)
    later = days.copy()
    days[rows], later[rows] = first, np.where(last != first, last, np.datetime64("NaT"))
    told = told & ~np.isnat(days)
    return np.where(told, days, published), np.where(told, None, codes), told, later


def short_text(text: pd.Series) -> np.ndarray:
    """Original date text, bounded: a date cell holding a pasted paragraph is kept in part."""
    out = text.to_numpy(object).copy()
    long = np.fromiter(map(len, out), dtype=np.int64, count=len(out)) > MAX_CELL_TEXT
    if long.any():
        out[long] = [s[:MAX_CELL_TEXT] for s in out[long]]
    return out


# Other kinds of administrative action (行政行为) than permits and penalties: out of this check's scope.


def taken_down(kept, mapping, text=cell_text) -> np.ndarray:
    """Per row: a day in 撤销公示日期 (taken down after 信用修复): the decision was online, its day unknown
    when the publication date is blank: a data problem to check, never 逾期未公开."""
    if "withdrawn_date" not in mapping.columns:
        return np.zeros(len(kept), dtype=bool)
    said = text(mapped_column(kept, mapping, "withdrawn_date")).str.replace(r"\s+", "", regex=True)
    # a day, a month, or 已撤销: taken down; 无, /, 未撤销, 否 say it never was
    return (said.ne("") & ~said.isin(NOT_TAKEN_DOWN)).to_numpy(bool)


NOT_TAKEN_DOWN = PLACEHOLDERS | NOT_PUBLISHED | {"未撤销", "未撤下", "未撤", "无撤销", "正常", "否", "不撤销", "（公式未计算）"}
