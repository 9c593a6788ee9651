"""One raw sheet -> records with provenance, plus counted skipped rows.

Finds the header row among the first rows, maps its columns to fields, and
splits the rows below it into records and skipped non-record rows (blank
rows, notes, footers such as 制表人/审核人/注：, repeated headers). The
accounting rows-after-header = records + skipped is checked here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..dates import MAX_CELL_TEXT, NOT_PUBLISHED, datetimes_from_days, normalise_text, parse_dates
from ..errors import ReconciliationError
from ..problems import message
from .body import csv_body, frame_row_texts, inner_headers, mapped_column, rows_body
from .cells import cell_text, display_text
from .columns import category_from_text, map_columns
from .header import NON_RECORD, fill_merged, find_header, sheet_unit
from .readers import RawSheet

RECORD_COLUMNS = ["source_file", "sheet", "row", "category", "unit", "document_number", "party",
                  "decision_text", "published_text", "decision_date", "published_date",
                  "decision_problem", "published_problem", "category_problem", "notes"]


@dataclass
class SheetResult:
    name: str
    records: pd.DataFrame | None
    rows_after_header: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: {"blank": 0, "note": 0, "header": 0})
    header_row: int | None = None  # 1-based, as Excel shows it
    columns: dict[str, str] = field(default_factory=dict)  # field -> header text
    notes: list[str] = field(default_factory=list)
    problem: str | None = None  # sheet-level problem, e.g. no decision-date column

    @property
    def skipped_rows(self) -> int:
        return sum(self.skipped.values())

    @property
    def record_count(self) -> int:
        return 0 if self.records is None else len(self.records)


def read_sheet(sheet: RawSheet, source_file: str, rules: ColumnRules,
               fallback_category: str | None, fallback_unit: str) -> SheetResult:
    had_content = fill_merged(sheet)
    rows = sheet.rows
    result = SheetResult(sheet.name, None)
    if sheet.hidden:
        result.notes.append(message("sheet-hidden"))
    found = find_header(rows, rules, sheet.merged)
    if found is None:
        result.notes.append(message("sheet-no-header"))
        return result
    header_index, headers = found
    result.header_row = header_index + 1
    mapping = map_columns(headers, rules)
    result.notes.extend(mapping.notes)
    result.columns = {name: mapping.header_of(name) for name in mapping.columns}
    if sheet.text is not None:
        frame, nonblank = csv_body(sheet, header_index, len(headers), set(mapping.columns.values()), source_file)
    else:
        frame, nonblank = rows_body(rows[header_index + 1:], len(headers))
    result.rows_after_header = len(frame)
    if not len(frame):
        return result
    missing = [(name, label) for name, label in (("decision_date", "决定日期"), ("published_date", "公开日期"))
               if name not in mapping.columns]
    if missing:
        seen = "、".join(h for h in headers if h) or "（空）"
        result.problem = message("sheet-columns-missing", labels="、".join(label for _, label in missing), seen=seen,
                                 fields="、".join(name for name, _ in missing))
    own_content = {r - header_index - 1: v for r, v in had_content.items() if r > header_index}
    for position, had in own_content.items():
        nonblank[position] = had
    unit_line = sheet_unit(rows, header_index)
    # A second table under the first (许可 block, then 处罚 block): each block by its own header.
    boundaries = inner_headers(frame, mapping, rules)
    starts = [0] + [b + 1 for b in boundaries]
    stops = boundaries + [len(frame)]
    mappings = [mapping] + [map_columns(frame_row_texts(frame, b), rules) for b in boundaries]
    parts, skipped = [], {"blank": 0, "note": 0, "header": len(boundaries)}
    for start, stop, block_mapping in zip(starts, stops, mappings):
        if stop <= start:
            continue
        records, block_skipped = _records(frame.iloc[start:stop], nonblank[start:stop], block_mapping, result,
                                          sheet, source_file, fallback_category, fallback_unit, unit_line)
        parts.append(records)
        for kind, count in block_skipped.items():
            skipped[kind] += count
    if boundaries:
        result.notes.append(message("sheet-several-tables", count=len(boundaries) + 1,
                                    rows="、".join(str(result.header_row + 1 + b) for b in boundaries)))
    result.records = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    result.skipped = skipped
    check_accounting(result, source_file)
    return result


def _records(frame, nonblank, mapping, result, sheet, source_file, fallback_category, unit_default, unit_line):
    doc = cell_text(mapped_column(frame, mapping, "document_number"))
    decision_text = cell_text(mapped_column(frame, mapping, "decision_date"))
    published_text = cell_text(mapped_column(frame, mapping, "published_date"))
    has_doc = doc.ne("").to_numpy(bool)
    has_date = decision_text.ne("").to_numpy(bool) | published_text.ne("").to_numpy(bool)
    bare = ~has_doc & ~has_date  # neither a number nor a date: a non-record row (DOMAIN.md)
    doc_index = mapping.columns.get("document_number")
    first = frame.columns[0] if len(frame.columns) else None
    first_column = doc if first is None or first == doc_index else cell_text(frame[first])
    says_so = doc.str.match(NON_RECORD).to_numpy(bool) | first_column.str.match(NON_RECORD).to_numpy(bool)
    # The few rows that may be notes, totals or blanks are looked at cell by cell.
    is_note = np.zeros(len(frame), dtype=bool)
    for position in np.flatnonzero(nonblank & (bare | says_so)):
        texts = [t for t in map(display_text, frame.iloc[position]) if t]
        if bare[position]:
            # A CSV frame holds only the mapped columns: its blank flag already saw them all.
            has_text = bool(texts) or sheet.text is not None
            nonblank[position] = has_text
            is_note[position] = has_text
        else:  # 合计 | 12 …, 单位负责人：王五 … 2016年12月5日, 必填 | 必填 …
            is_note[position] = bool(texts) and bool(NON_RECORD.match(texts[0]))
    # A header row repeated inside the data (sheets pasted one under another).
    repeated = np.zeros(len(frame), dtype=bool)
    for name, texts in (("document_number", doc), ("decision_date", decision_text)):
        header = mapping.header_of(name)
        if header:
            repeated |= texts.eq(header.strip()).to_numpy(bool)
    blank = ~nonblank
    header_again = repeated & ~blank
    note = ~blank & ~header_again & is_note
    keep = ~(blank | header_again | note)
    skipped = {"blank": int(blank.sum()), "note": int(note.sum()), "header": int(header_again.sum())}

    rows = frame.index.to_numpy()[keep] + result.header_row + 1
    kept = frame[keep]
    n = len(kept)
    out = pd.DataFrame(index=pd.RangeIndex(n))
    out["source_file"] = source_file
    out["sheet"] = sheet.name
    out["row"] = rows.astype(np.int64)
    dec_days, dec_codes = parse_dates(mapped_column(kept, mapping, "decision_date").reset_index(drop=True))
    pub_days, pub_codes = parse_dates(mapped_column(kept, mapping, "published_date").reset_index(drop=True))
    # Blank, or a word such as 未公开, means not yet published: not a data error.
    said_unpublished = published_text[keep].map(normalise_text).isin(NOT_PUBLISHED).to_numpy(bool)
    pub_codes = np.where((pub_codes == "date-missing") | said_unpublished, None, pub_codes)
    if "decision_date" not in mapping.columns:
        dec_codes = np.full(n, "decision-column-missing", dtype=object)
    if "published_date" not in mapping.columns:  # not "unpublished": unknown
        pub_codes = np.full(n, "published-column-missing", dtype=object)
    out["category"], out["category_problem"] = _categories(kept, mapping, sheet.name,
                                                           fallback_category)
    unit = cell_text(mapped_column(kept, mapping, "unit")).reset_index(drop=True)
    # A blank unit cell is the sheet's own unit: its 填报单位 line, else the unit most
    # of its rows name, else the one in the file name (区安监局_2016年10月.xlsx).
    named = unit[unit.ne("")]
    usual = named.mode().iloc[0] if len(named) else None
    out["unit"] = unit.where(unit.ne(""), unit_line or usual or unit_default)
    out["document_number"] = doc[keep].reset_index(drop=True)
    out["party"] = cell_text(mapped_column(kept, mapping, "party")).reset_index(drop=True)
    out["decision_text"] = _short(decision_text[keep])
    out["published_text"] = _short(published_text[keep])
    out["decision_date"] = datetimes_from_days(dec_days, "s")
    out["published_date"] = datetimes_from_days(pub_days, "s")
    out["decision_problem"] = dec_codes
    out["published_problem"] = pub_codes
    out["notes"] = None
    return out[RECORD_COLUMNS], skipped


def _short(text: pd.Series) -> np.ndarray:
    """Original date text, bounded: a date cell holding a pasted paragraph is kept in part."""
    out = text.to_numpy(object).copy()
    long = text.str.len().to_numpy() > MAX_CELL_TEXT
    if long.any():
        out[long] = [s[:MAX_CELL_TEXT] for s in out[long]]
    return out


def _categories(kept, mapping, sheet_name, fallback_category):
    """Category per record: its own column, then column names, sheet name, file name."""
    n = len(kept)
    by_columns = None
    for name in ("decision_date", "document_number", "published_date", "unit"):
        header = mapping.header_of(name)
        if header:
            by_columns = category_from_text(header)
            if by_columns:
                break
    default = by_columns or category_from_text(sheet_name) or fallback_category
    if "category" in mapping.columns:
        raw = cell_text(mapped_column(kept, mapping, "category")).reset_index(drop=True)
        mapped = raw.map({v: category_from_text(v) for v in raw.unique()})
        category = mapped.where(mapped.notna(), default)
    else:
        category = pd.Series([default] * n, dtype=object)
    problem = np.where(category.isna(), "category-unknown", None)
    return category.to_numpy(object), problem


def check_accounting(result: SheetResult, source_file: str) -> None:
    """rows after the header = records + skipped rows, or a ReconciliationError (never an assert)."""
    if result.record_count + result.skipped_rows != result.rows_after_header:
        raise ReconciliationError(f"{source_file} 工作表 {result.name}：读入 {result.rows_after_header} 行，"
                                  f"但记录 {result.record_count} 条 + 跳过 {result.skipped_rows} 行不相等")
