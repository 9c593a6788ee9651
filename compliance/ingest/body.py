"""The sheet body below the header as a frame of cells, and headers repeated inside it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..dates import NOT_PUBLISHED, cell_types, parse_dates
from ..errors import FileFault
from ..textscan import contains_any
from .cells import cell_text, display_text, is_blank, quick_nonblank
from ..fields import FieldRules
from .columns import ColumnMap, map_columns
from .header import combine, grouped_pair, sheet_unit, spread_groups, strength
from .date_words import RANGE, SAME_DAY
from .published_words import said_published
from .rawsheet import RawSheet
from .docnumbers import said_above
from .text import csv_rows, formula_text, unclosed_quote_line


def frame_row_texts(frame: pd.DataFrame, position: int) -> list[str]:
    """One body row as header texts, at the original column positions (a CSV frame skips some)."""
    texts = [""] * (max(frame.columns) + 1 if len(frame.columns) else 0)
    for column, value in zip(frame.columns, frame.iloc[position]):
        texts[column] = display_text(value)
    return texts


def band_unit(frame: pd.DataFrame, position: int, height: int) -> str | None:
    """The 填报单位 a second table's header rows name (填报单位：区环保局 … 填报日期：… read with its header)."""
    return sheet_unit([frame_row_texts(frame, r) for r in range(position, position + height)], height)


# Words a header cell holds and a record's cell seldom does: the cheap sign of a header inside the body.
_HEADER_WORDS = ("日期", "时间", "文号", "文书号", "编号", "名称", "相对人", "当事人", "申请人", "被处罚", "被许可")


def _repeated_header(texts: list[str], frame: pd.DataFrame, position: int, mapping: ColumnMap) -> bool:
    """A header row inside the body that repeats the first header where it says anything (a printed
    page's header again, its 执法单位 cell left blank or covered by a unit merged down across it): the
    same table, not a new one without that column. A cell equal to the one above is a merged or carried
    value, not a header's word."""
    def squeezed(cells) -> list[str]:
        return [re.sub(r"\s+", "", str(cell or "")) for cell in cells]

    above, first = squeezed(frame_row_texts(frame, position - 1) if position else []), squeezed(mapping.headers)
    said = [(column, text) for column, text in enumerate(squeezed(texts))
            if text and not (column < len(above) and above[column] == text)]
    return len(said) >= 2 and all(column < len(first) and first[column] == text for column, text in said)


def inner_headers(frame: pd.DataFrame, mapping: ColumnMap, rules: FieldRules) -> list[tuple[int, int, ColumnMap]]:
    """Body rows that are headers themselves, in the first header's column order or in another (a
    second table under the first, 二、行政处罚 with its own columns): a header word in a mapped column
    is the cheap sign, then the row (or it and the row below, grouped) must name a date and a number or
    party as a header does. Returns (position, rows it takes, its column map) for each."""
    suspects = np.zeros(len(frame), dtype=bool)
    for name in ("decision_date", "document_number", "published_date", "party"):
        column = mapped_column(frame, mapping, name).to_numpy(object)
        is_text = cell_types(column) == str  # date cells cannot be headers
        if is_text.any():
            suspects[is_text] |= contains_any(column[is_text], _HEADER_WORDS)  # one C pass over the column
    found: list[tuple[int, int, ColumnMap]] = []
    for position in np.flatnonzero(suspects):
        if found and position < found[-1][0] + found[-1][1]:
            continue  # the second row of the header just found
        texts = frame_row_texts(frame, position)
        readings = [(1, map_columns(texts, rules))]
        if position + 1 < len(frame):  # a grouped header: 时间 over 作出决定 / 网上公示
            sub = frame_row_texts(frame, position + 1)
            if grouped_pair(texts, sub):
                readings.append((2, map_columns(combine(spread_groups(texts, sub), sub, rules), rules)))
        # two rows only when they name more fields: a text-only first record is never taken as a header
        height, inner = max(readings, key=lambda r: (strength(r[1]), -r[0]))
        if height == 1 and _repeated_header(texts, frame, position, mapping):
            inner = mapping  # the page's header printed again, one cell left blank: the same table goes on
        if strength(inner) >= 2 and "decision_date" in inner.columns \
                and ("document_number" in inner.columns or "party" in inner.columns):
            found.append((int(position), height, inner))
    return found


def mapped_column(frame: pd.DataFrame, mapping: ColumnMap, name: str) -> pd.Series:
    index = mapping.columns.get(name)
    if index is None or index not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[index]


class Evidence:
    """What every row holds, seen over *all* its columns, the same way for xlsx, xls and CSV.

    ``count``: non-blank cells (whitespace-only cells are blank); ``first``: the
    first non-blank cell's value, where 合计 / 制表人： / （必填） usually stand;
    ``over``: a CSV row's non-blank cells beyond its header (None: not looked at).
    """

    def __init__(self, count: np.ndarray, first: np.ndarray, over: np.ndarray | None = None,
                 merged_number: np.ndarray | None = None):
        self.count = count
        self.first = first
        self.over = over
        self.merged_number = merged_number  # the row's 文书号 cell continues a merge from the row above
        self.over_dated: np.ndarray | None = None  # a date among the cells beyond the header (CSV)

    @classmethod
    def of(cls, frame: pd.DataFrame) -> "Evidence":
        """Counted column-wise; whitespace-only cells are looked at only in the rows where they matter."""
        n = len(frame)
        count = np.zeros(n, dtype=np.int64)
        first = np.full(n, "", dtype=object)
        for column in frame.columns:
            filled = quick_nonblank(frame[column])
            take = filled & (count == 0)
            if take.any():
                first[take] = frame[column].to_numpy(object)[take]
            count += filled
        # A row of few cells, or one that starts with a space, may be blank or a footer: exactly, then.
        doubtful = np.flatnonzero((count <= 2) | _whitespace_only(pd.Series(first, dtype=object)))
        for position in doubtful:
            cells = [v for v in frame.iloc[position].to_numpy(object) if not is_blank(v)]
            count[position] = len(cells)
            first[position] = cells[0] if cells else ""
        return cls(count, first)

    @classmethod
    def concat(cls, parts: list["Evidence"]) -> "Evidence":
        over = None if any(p.over is None for p in parts) else np.concatenate([p.over for p in parts])
        out = cls(np.concatenate([p.count for p in parts]), np.concatenate([p.first for p in parts]), over)
        if all(p.over_dated is not None for p in parts):
            out.over_dated = np.concatenate([p.over_dated for p in parts])
        return out

    def slice(self, start: int, stop: int) -> "Evidence":
        out = Evidence(self.count[start:stop], self.first[start:stop],
                       None if self.over is None else self.over[start:stop],
                       None if self.merged_number is None else self.merged_number[start:stop])
        out.over_dated = None if self.over_dated is None else self.over_dated[start:stop]
        return out


def _whitespace_only(values: pd.Series) -> np.ndarray:
    try:
        return values.astype(object).str.isspace().eq(True).to_numpy(bool)
    except AttributeError:  # no text cells at all
        return np.zeros(len(values), dtype=bool)


def rows_body(body: list[list], header_width: int) -> tuple[pd.DataFrame, Evidence]:
    if not body:
        return pd.DataFrame(), Evidence(np.zeros(0, np.int64), np.zeros(0, object))
    width = max(header_width, max(len(r) for r in body))
    frame = pd.DataFrame([r + [""] * (width - len(r)) if len(r) < width else r for r in body], dtype=object)
    return frame, Evidence.of(frame)


CSV_CHUNK = 200_000


_A_DATE = r"\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}"  # a date's beginning, as CSV text holds one


def csv_body(sheet: RawSheet, header_index: int, header_width: int, wanted: set[int] | None,
             source_file: str) -> tuple[pd.DataFrame, Evidence]:
    """The CSV body below the header, parsed by pandas' C reader in chunks.

    Only the ``wanted`` columns are kept (None: all), which bounds memory on million-row
    files; the evidence of non-record rows (cell count, first cell: 合计 in
    column A) is taken from every column, as for a workbook.
    Lines with more fields than the head suggests fall back to the csv module.
    """
    width = max([header_width] + [len(r) for r in sheet.rows])
    kept, evidence = [], []
    try:
        buffer = io.BytesIO(sheet.data)
        buffer.seek(sheet.data_start)
        chunks = pd.read_csv(buffer, encoding="utf-8", sep=sheet.delimiter, header=None, names=range(width),
                             skiprows=header_index + 1, dtype=object, keep_default_na=False, na_filter=False,
                             skip_blank_lines=False, chunksize=CSV_CHUNK, engine="c", quotechar='"')
        formulas = b'="' in sheet.data  # Excel's text-as-text cells (text.formula_text): only then looked for
        for chunk in chunks:
            if formulas:
                chunk = chunk.apply(lambda column: column.map(formula_text))
            evidence.append(Evidence.of(chunk))
            kept.append(chunk if wanted is None else chunk[sorted(c for c in wanted if c < width)])
            # more fields than headers: an unquoted comma shifted the row's cells (or a wider second table)
            extra = range(header_width, width)  # a space is no cell; a date there was pushed out of its column
            zero = np.zeros(len(chunk), dtype=np.int64)
            evidence[-1].over = sum((chunk[c].str.strip() != "").to_numpy(np.int64) for c in extra) if extra else zero
            evidence[-1].over_dated = sum(chunk[c].str.match(_A_DATE).to_numpy(np.int64) for c in extra) > 0 \
                if extra else zero.astype(bool)
    except (pd.errors.ParserError, ValueError) as exc:
        if "EOF inside string" in str(exc):  # a quote never closed: the csv module would take every row after
            raise FileFault("csv-malformed", Path(source_file),  # it for one cell, and drop them unsaid
                            line=unclosed_quote_line(sheet.text, sheet.delimiter), detail=str(exc)) from exc
        body = csv_rows(sheet.text, sheet.delimiter, Path(source_file))[header_index + 1:]
        return rows_body(body, header_width)
    if not kept:
        return pd.DataFrame(), Evidence(np.zeros(0, np.int64), np.zeros(0, object))
    frame = pd.concat(kept, ignore_index=True)
    return frame, Evidence.concat(evidence)


def merged_header_spans(merged, header_index: int, headers: list[str]) -> list[tuple[int, list[int]]]:
    """(the column a header names, the blank header columns its merged cell also covers): 上网公开日期
    merged over F:G with no sub-headers under it. A clerk may type the date under either half."""
    spans = []
    for (r0, c0), (r1, c1) in merged:
        if r0 <= header_index <= r1 and c1 > c0 and c0 < len(headers) and headers[c0]:
            covered = [c for c in range(c0 + 1, min(c1, len(headers) - 1) + 1) if not headers[c]]
            if covered:
                spans.append((c0, covered))
    return spans


def fill_from_spans(frame: pd.DataFrame, spans: list[tuple[int, list[int]]], dates: set[int] = frozenset()) -> np.ndarray:
    """Column-wise: a blank cell under a merged header takes the one value typed under the rest of the
    merge (several values there: left as it is). Under a date's header (``dates``) only a date is taken: a
    note beside the dates (罚款已缴清) is no publication. Under another header, a column filled beside the
    named one in some row is a column of its own. Returns the rows filled."""
    filled = np.zeros(len(frame), dtype=bool)
    for named, covered in spans:
        if named not in frame.columns:
            continue
        own = quick_nonblank(frame[named])
        others = [c for c in covered if c in frame.columns
                  and (named in dates or not (own & quick_nonblank(frame[c])).any())]
        given = np.column_stack([_usable(frame[c], named in dates) for c in others]) if others \
            else np.zeros((len(frame), 0), bool)
        take = ~own & (given.sum(axis=1) == 1)
        if take.any():
            cells = np.column_stack([frame[c].to_numpy(object) for c in others])
            values = frame[named].to_numpy(object, copy=True)
            values[take] = cells[take, given[take].argmax(axis=1)]
            frame[named] = values
            filled |= take
    return filled


def _usable(cells: pd.Series, date: bool) -> np.ndarray:
    """Filled cells; under a date's header, those holding a date or saying one (同上, 当天, 已公开, 未公开):
    free text beside the dates (罚款已缴清) is no date of the decision's."""
    filled = quick_nonblank(cells)
    if date and filled.any():
        text = cell_text(cells).str.replace(r"\s+", "", regex=True)
        worded = text.isin(SAME_DAY | NOT_PUBLISHED).to_numpy(bool) | said_above(text) | said_published(text) \
            | text.str.match(RANGE).fillna(False).to_numpy(bool)
        filled &= ~np.isnat(parse_dates(cells)[0]) | worded
    return filled


def date_part_columns(headers: list[str]) -> list[tuple[int, str]]:
    """(first column, the date's header) for a date split over three columns 年 | 月 | 日 (under a grouped
    header: 处罚决定日期年, 处罚决定日期月, 处罚决定日期日)."""
    out = []
    for c in range(len(headers) - 2):
        first, second, third = (str(h or "").strip() for h in headers[c:c + 3])
        prefix = first[:-1]
        if first.endswith("年") and second == prefix + "月" and third == prefix + "日" and prefix:
            out.append((c, prefix))
    return out


def join_date_parts(frame: pd.DataFrame, parts: list[tuple[int, str]]) -> None:
    """Column-wise: the three cells of a split date as one text (2024年3月5日), read as any date is; a
    part left blank gives a date the reader calls incomplete, never a guessed one."""
    for c, _ in parts:
        if not all(k in frame.columns for k in (c, c + 1, c + 2)):
            continue
        # 2024 | 3 | 5, or 2024年 | 3月 | 5日 with the units typed in; a year alone (typed down the column, or
        # merged over the rows) is the template's, not a date
        year, month, day = (cell_text(frame[k]).str.replace(r"\.0$|\s*[年月日号]$", "", regex=True)
                            for k in (c, c + 1, c + 2))
        blank = month.eq("") & day.eq("")
        joined = year + "年" + month.where(month.ne(""), "") + "月" + day + "日"
        frame[c] = joined.where(~blank, "").to_numpy(object)


def merged_continuations(merged, header_index: int, column: int | None, rows: int) -> np.ndarray | None:
    """Per body row: its 文书号 cell is one merged cell with the row above (one decision, a party per row:
    two parties fined together); None when no such merge."""
    if column is None:
        return None
    out = np.zeros(rows, dtype=bool)
    for (r0, c0), (r1, _c1) in merged:
        if c0 == column and r1 > r0 and r0 > header_index:
            out[max(r0 + 1 - header_index - 1, 0):max(r1 - header_index, 0)] = True
    return out if out.any() else None


def merged_sequence_parties(merged, header_index: int, headers: list, frame: pd.DataFrame, mapping) -> np.ndarray | None:
    """Per body row: under a 序号 merged with the row above, with no 文书号 and no decision date of its own
    but a party: the decision above's other party (two parties, one 序号). Its number is filled in from the
    merge's first row, as a merged 文书号's is (its blank dates are the first row's); None when there is none."""
    number, decided, party = (mapping.columns.get(n) for n in ("document_number", "decision_date", "party"))
    sequence = sequence_column(headers)
    if None in (number, decided, party, sequence) or not len(frame):
        return None
    out = np.zeros(len(frame), dtype=bool)
    for (r0, c0), (r1, _c1) in merged:
        if c0 != sequence or r1 <= r0 or r0 <= header_index:
            continue
        first, rows = r0 - header_index - 1, np.arange(r0 - header_index, min(r1 - header_index, len(frame)))
        if first < 0 or not len(rows):
            continue
        alone = np.array([is_blank(frame.iat[r, number]) and is_blank(frame.iat[r, decided])
                          and not is_blank(frame.iat[r, party]) for r in rows], dtype=bool)  # the merge's few rows
        frame.iloc[rows[alone], number] = frame.iat[first, number]
        out[rows[alone]] = True
    return out if out.any() else None


# Columns whose cells are the same on every row of one unit's sheet: a clerk fills them down the template.
_SAME_ON_EVERY_ROW = ("unit", "category")
_SAME_QUALITY = ("agency_code", "source_unit", "source_code", "penalty_kind", "permit_kind", "party_type", "procedure",
                 "simple_procedure")
_SEQUENCE = frozenset({"序号", "编号", "序", "顺序号"})


def _is_sequence(header) -> bool:
    return re.sub(r"\s+", "", str(header or "")) in _SEQUENCE


def sequence_column(headers: list) -> int | None:
    """The 序号 column (the first), None where the sheet has none."""
    return next((c for c, h in enumerate(headers) if _is_sequence(h)), None)


def constant_cells(frame: pd.DataFrame, mapping: ColumnMap) -> np.ndarray:
    """Per row: its filled cells in columns that say nothing of one decision (序号, the unit, its code,
    the data source, the category). Rows of the template filled down with them alone are no records."""
    from ..quality.columns import quality_columns  # quality reads the ingest layer: imported when used

    found = quality_columns(mapping.headers)
    columns = {mapping.columns[name] for name in _SAME_ON_EVERY_ROW if name in mapping.columns}
    columns |= {i for name in _SAME_QUALITY for i in found.get(name, [])}
    columns |= {i for i, header in enumerate(mapping.headers) if _is_sequence(header)}
    out = np.zeros(len(frame), dtype=np.int64)
    for column in columns:
        if column in frame.columns:
            out += quick_nonblank(frame[column])
    return out


def fill_dates_across(frame: pd.DataFrame, merged, header_index: int, dated: set[int]) -> list[int]:
    """A data row's cell merged across the decision and the publication date columns (D2:E2 holding one
    date): printed, the date stands under both headers, so both take it. Returns the frame rows filled
    (said on the sheet: a reader of the printout sees it, a reader of the file saw one blank)."""
    filled = []
    for (r0, c0), (r1, c1) in merged:
        covered = dated & set(range(c0 + 1, c1 + 1))
        if r0 <= header_index or c0 not in dated or not covered:
            continue
        for r in range(r0 - header_index - 1, min(r1 - header_index - 1, len(frame) - 1) + 1):
            for c in covered:
                frame.iat[r, frame.columns.get_loc(c)] = frame.iat[r, frame.columns.get_loc(c0)]
            filled.append(r)
    return filled
