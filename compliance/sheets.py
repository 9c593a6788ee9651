"""One raw sheet -> records with provenance, plus counted skipped rows.

Finds the header row among the first rows, maps its columns to fields, and
splits the rows below it into records and skipped non-record rows (blank
rows, notes, footers such as 制表人/审核人/注：, repeated headers). The
accounting rows-after-header = records + skipped is asserted here.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .columns import ColumnMap, ColumnRules, category_from_text, map_columns
from .dates import MAX_CELL_TEXT, NOT_PUBLISHED, datetimes_from_days, normalise_text, parse_dates
from .readers import MAX_CELL_CHARS, RawSheet

HEADER_SCAN_ROWS = 20
# A non-record line below or inside the data: notes, signatures, totals.
# Footers, totals and notes. Kept specific: 注销〔2016〕1号 is a real permit number.
FOOTER = re.compile(r"^\s*(注\s*[:：\d（(、.]|注意|备注[:：]|说明[:：]|附注|制表人|制表[:：]|制表日期|审核人|审核[:：]|"
                    r"审批人[:：]|填表人|填表[:：]|填表说明|填报人|填报日期|报送日期|负责人|单位负责人|分管领导|联系人|"
                    r"联系电话|电话[:：]|合计|总计|小计|签字|盖章|以下空白|以下无|本表|数据截至|统计时间)")
# Lines some templates put under the header: 必填 / 字符型(128) / 日期型.
ANNOTATION = re.compile(r"^\s*(必填|选填|非必填|可选|可不填|字符型|日期型|数值型|数字型|文本型|字符串|格式[:：]|示例|例[:：])")
NON_RECORD = re.compile(f"(?:{FOOTER.pattern})|(?:{ANNOTATION.pattern})")
UNIT_LINE = re.compile(r"(?:填报单位|报送单位|填表单位|单位名称)\s*(?:[（(][^）)]{0,8}[）)])?\s*[:：]\s*([^\s:：,，;；（(]+)")

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


def fill_merged(sheet: RawSheet) -> dict[int, bool]:
    """Copy a vertically merged cell's value down the rows it covers.

    Only downwards, in its first column: a unit merged over many records
    belongs to each of them, but a title or a 注： line merged across a row
    is one cell of text, not a value for every column.
    Returns, for each row a merge touched, whether it held anything of its own
    before the fill: a blank row inside a merged unit column stays blank.
    """
    rows = sheet.rows
    touched: dict[int, bool] = {}
    for (r0, c0), (r1, _c1) in sheet.merged:
        c1 = c0
        if r0 >= len(rows) or r1 == r0:
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if r not in touched:
                touched[r] = any(not _is_blank(v) for v in row)
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = value
    return touched


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or \
        (isinstance(value, float) and np.isnan(value))


def _looks_like_date(value) -> bool:
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    return isinstance(value, str) and bool(re.match(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}", value))


def find_header(rows: list[list], rules: ColumnRules, merged=()) -> tuple[int, list[str]] | None:
    """(index of the last header row, header texts), or None.

    A header is one row, or two: group labels over sub-headers (行政处罚决定
    over 文书号/日期). Each candidate is scored by the distinct fields its
    columns name; it must name a decision date or a document number.
    """
    best: tuple[int, int, list[str]] | None = None  # (strength, last row index, headers)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        candidates = [(index, [_text(c) for c in row])]
        if index + 1 < len(rows) and _looks_like_subheaders(rows[index + 1]) \
                and sum(1 for c in row if not _is_blank(c)) >= 2:
            top = _with_spans(rows, index, merged)
            candidates.append((index + 1, _combine(top, [_text(c) for c in rows[index + 1]], rules)))
        for last, headers in candidates:
            mapping = map_columns(headers, rules)
            if "decision_date" not in mapping.columns and "document_number" not in mapping.columns:
                continue
            strength = len(mapping.columns)
            if best is None or strength > best[0]:
                best = (strength, last, headers)
    if best is None or best[0] < 2:
        return None
    return best[1], best[2]


def _looks_like_subheaders(row: list) -> bool:
    """Several short labels and no dates; a note under the header is one long line."""
    filled = [c for c in row if not _is_blank(c)]
    return len(filled) >= 2 and all(isinstance(c, str) and len(c.strip()) <= 20 and not NON_RECORD.match(c)
                                    for c in filled) and not any(_looks_like_date(c) for c in row)


def _with_spans(rows: list[list], index: int, merged) -> list[str]:
    """A header row's texts with horizontally merged group labels repeated across their span."""
    texts = [_text(c) for c in rows[index]]
    for (r0, c0), (r1, c1) in merged:
        if r0 <= index <= r1 and c1 > c0 and r0 < len(rows):
            label = _text(rows[r0][c0]) if c0 < len(rows[r0]) else ""
            texts.extend([""] * (c1 + 1 - len(texts)))
            for c in range(c0, c1 + 1):
                texts[c] = texts[c] or label
    return texts


def _combine(top: list[str], sub: list[str], rules: ColumnRules) -> list[str]:
    out = []
    for c in range(max(len(top), len(sub))):
        upper = top[c] if c < len(top) else ""
        lower = sub[c] if c < len(sub) else ""
        if not lower or lower == upper:
            out.append(upper)
        elif not upper or rules.score(lower):
            out.append(lower)
        else:
            out.append(upper + lower)  # 上网公开 + 日期 -> 上网公开日期
    return out


def _text(value) -> str:
    if _is_blank(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "TRUE" if value else "FALSE"  # as Excel and WPS show it
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if (value.hour or value.minute or value.second) \
            else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()[:MAX_CELL_CHARS]


def cell_text(values: pd.Series) -> pd.Series:
    """Cells -> trimmed display text, column-wise by kind of cell.

    Text cells are stripped with pandas' string methods, date cells are
    formatted by numpy; only the rare other cells (numbers, booleans) go
    through ``_text`` one by one.
    """
    arr = values.to_numpy(object)
    inferred = pd.api.types.infer_dtype(arr, skipna=False)
    if inferred == "string":  # the common case: every cell is text
        return pd.Series(_strip_bounded(pd.Series(arr, dtype=object)), index=values.index, dtype=object)
    kinds = pd.Series(arr).map(type).to_numpy(object)
    out = np.full(len(arr), "", dtype=object)
    is_str = kinds == str
    if is_str.any():
        out[is_str] = _strip_bounded(pd.Series(arr[is_str], dtype=object))
    is_date = (kinds == dt.date) | (kinds == dt.datetime) | (kinds == pd.Timestamp)
    if is_date.any():
        stamps = pd.to_datetime(pd.Series(arr[is_date], dtype=object), errors="coerce")
        has_time = (stamps - stamps.dt.normalize()).to_numpy() != np.timedelta64(0)
        text = stamps.to_numpy("datetime64[D]").astype(str).astype(object)
        if has_time.any():
            text[has_time] = stamps[has_time].dt.strftime("%Y-%m-%d %H:%M:%S").to_numpy(object)
        out[is_date] = text
    other = ~is_str & ~is_date
    if other.any():
        out[other] = [_text(v) for v in arr[other]]
    return pd.Series(out, index=values.index, dtype=object)


def _strip_bounded(text: pd.Series) -> np.ndarray:
    """Strip, and cut the rare over-long cell to Excel's limit."""
    out = text.str.strip().to_numpy(object)
    long = text.str.len().to_numpy() > MAX_CELL_CHARS
    if long.any():
        out[long] = [s[:MAX_CELL_CHARS] for s in out[long]]
    return out


def _quick_nonblank(values: pd.Series) -> np.ndarray:
    """Non-empty cells; whitespace-only text is refined later for the few rows that matter."""
    arr = values.to_numpy(object)
    return ~((arr == "") | pd.isna(arr))


UNIT_LABEL = re.compile(r"^\s*(?:填报单位|报送单位|填表单位|单位名称)\s*(?:[（(][^）)]{0,8}[）)])?\s*[:：]?\s*$")


def sheet_unit(rows: list[list], header_index: int) -> str | None:
    """The 填报单位 named above the header: 填报单位：区安监局, or the label and the name in two cells."""
    for row in rows[:header_index]:
        for position, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            match = UNIT_LINE.search(cell)
            if match:
                return match.group(1)
            if UNIT_LABEL.match(cell):
                following = next((_text(c) for c in row[position + 1:] if not _is_blank(c)), "")
                if following and len(following) <= 40:
                    return following
    return None


def read_sheet(sheet: RawSheet, source_file: str, rules: ColumnRules,
               fallback_category: str | None, fallback_unit: str) -> SheetResult:
    had_content = fill_merged(sheet)
    rows = sheet.rows
    result = SheetResult(sheet.name, None)
    if sheet.hidden:
        result.notes.append("这是一个隐藏的工作表，其中的记录也已计入；如不应计入，请删除该工作表")
    found = find_header(rows, rules, sheet.merged)
    if found is None:
        result.notes.append("未找到表头（不含文书号、决定日期等列），已跳过此工作表")
        return result
    header_index, headers = found
    result.header_row = header_index + 1
    mapping = map_columns(headers, rules)
    result.notes.extend(mapping.notes)
    result.columns = {name: mapping.header_of(name) for name in mapping.columns}
    if sheet.text is not None:
        frame, nonblank = csv_body(sheet, header_index, len(headers), set(mapping.columns.values()), source_file)
    else:
        frame, nonblank = _rows_body(rows[header_index + 1:], len(headers))
    result.rows_after_header = len(frame)
    if not len(frame):
        return result
    missing = [(name, label) for name, label in (("decision_date", "决定日期"), ("published_date", "公开日期"))
               if name not in mapping.columns]
    if missing:
        seen = "、".join(h for h in headers if h) or "（空）"
        result.problem = (f"找不到{'、'.join(label for _, label in missing)}列，这些记录无法判定。看到的列名：{seen}。"
                          f"可在 compliance.toml 的 [columns] 中为 {'、'.join(name for name, _ in missing)} 补充同义词")
    own_content = {r - header_index - 1: v for r, v in had_content.items() if r > header_index}
    for position, had in own_content.items():
        nonblank[position] = had
    unit_line = sheet_unit(rows, header_index)
    # A second table under the first (许可 block, then 处罚 block): each block by its own header.
    boundaries = _inner_headers(frame, mapping, rules)
    starts = [0] + [b + 1 for b in boundaries]
    stops = boundaries + [len(frame)]
    mappings = [mapping] + [map_columns(_frame_row_texts(frame, b), rules) for b in boundaries]
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
        result.notes.append(f"工作表中有 {len(boundaries) + 1} 个表格（第 "
                            + "、".join(str(result.header_row + 1 + b) for b in boundaries)
                            + " 行是另一个表头），各按自己的表头读取")
    result.records = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    result.skipped = skipped
    assert result.record_count + result.skipped_rows == result.rows_after_header, \
        (sheet.name, result.record_count, result.skipped, result.rows_after_header)
    return result


def _frame_row_texts(frame: pd.DataFrame, position: int) -> list[str]:
    """One body row as header texts, at the original column positions (a CSV frame skips some)."""
    texts = [""] * (max(frame.columns) + 1 if len(frame.columns) else 0)
    for column, value in zip(frame.columns, frame.iloc[position]):
        texts[column] = _text(value)
    return texts


def _inner_headers(frame: pd.DataFrame, mapping: ColumnMap, rules: ColumnRules) -> list[int]:
    """Body rows that are headers themselves: a decision-date cell saying 日期/时间 is the cheap sign."""
    column = _column(frame, mapping, "decision_date").to_numpy(object)
    is_text = pd.Series(column).map(type).to_numpy(object) == str  # date cells cannot be headers
    suspects = np.zeros(len(column), dtype=bool)
    if is_text.any():
        suspects[is_text] = pd.Series(column[is_text], dtype=object).str.contains("日期|时间", regex=True).to_numpy(bool)
    found = []
    for position in np.flatnonzero(suspects):
        texts = _frame_row_texts(frame, position)
        inner = map_columns(texts, rules)
        if len(inner.columns) >= 2 and "decision_date" in inner.columns:
            found.append(int(position))
    return found


def _column(frame: pd.DataFrame, mapping: ColumnMap, name: str) -> pd.Series:
    index = mapping.columns.get(name)
    if index is None or index not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[index]


def _rows_body(body: list[list], header_width: int) -> tuple[pd.DataFrame, np.ndarray]:
    if not body:
        return pd.DataFrame(), np.zeros(0, bool)
    width = max(header_width, max(len(r) for r in body))
    frame = pd.DataFrame([r + [""] * (width - len(r)) if len(r) < width else r for r in body], dtype=object)
    nonblank = np.zeros(len(frame), dtype=bool)
    for column in frame.columns:
        nonblank |= _quick_nonblank(frame[column])
    return frame, nonblank


CSV_CHUNK = 200_000


def csv_body(sheet: RawSheet, header_index: int, header_width: int, wanted: set[int],
             source_file: str) -> tuple[pd.DataFrame, np.ndarray]:
    """The CSV body below the header, parsed by pandas' C reader in chunks.

    Only the mapped columns are kept, which bounds memory on million-row
    files; whether a row holds anything at all is noted from every column.
    Lines with more fields than the head suggests fall back to the csv module.
    """
    from .readers import csv_rows

    width = max([header_width] + [len(r) for r in sheet.rows])
    kept, nonblank = [], []
    try:
        chunks = pd.read_csv(io.BytesIO(sheet.data), encoding="utf-8", sep=sheet.delimiter, header=None, names=range(width),
                             skiprows=header_index + 1, dtype=object, keep_default_na=False, na_filter=False,
                             skip_blank_lines=False, chunksize=CSV_CHUNK, engine="c", quotechar='"')
        for chunk in chunks:
            nonblank.append(chunk.ne("").to_numpy(bool).any(axis=1) & chunk.notna().to_numpy(bool).any(axis=1))
            kept.append(chunk[sorted(c for c in wanted if c < width)])
    except (pd.errors.ParserError, ValueError):
        body = csv_rows(sheet.text, sheet.delimiter, Path(source_file))[header_index + 1:]
        return _rows_body(body, header_width)
    if not kept:
        return pd.DataFrame(), np.zeros(0, bool)
    frame = pd.concat(kept, ignore_index=True)
    return frame, np.concatenate(nonblank)


def _records(frame, nonblank, mapping, result, sheet, source_file, fallback_category, unit_default, unit_line):
    doc = cell_text(_column(frame, mapping, "document_number"))
    decision_text = cell_text(_column(frame, mapping, "decision_date"))
    published_text = cell_text(_column(frame, mapping, "published_date"))
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
        texts = [t for t in map(_text, frame.iloc[position]) if t]
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
    dec_days, dec_codes = parse_dates(_column(kept, mapping, "decision_date").reset_index(drop=True))
    pub_days, pub_codes = parse_dates(_column(kept, mapping, "published_date").reset_index(drop=True))
    # Blank, or a word such as 未公开, means not yet published: not a data error.
    said_unpublished = published_text[keep].map(normalise_text).isin(NOT_PUBLISHED).to_numpy(bool)
    pub_codes = np.where((pub_codes == "date-missing") | said_unpublished, None, pub_codes)
    if "decision_date" not in mapping.columns:
        dec_codes = np.full(n, "decision-column-missing", dtype=object)
    if "published_date" not in mapping.columns:  # not "unpublished": unknown
        pub_codes = np.full(n, "published-column-missing", dtype=object)
    out["category"], out["category_problem"] = _categories(kept, mapping, sheet.name,
                                                           fallback_category)
    unit = cell_text(_column(kept, mapping, "unit")).reset_index(drop=True)
    # A blank unit cell is the sheet's own unit: its 填报单位 line, else the unit most
    # of its rows name, else the one in the file name (区安监局_2016年10月.xlsx).
    named = unit[unit.ne("")]
    usual = named.mode().iloc[0] if len(named) else None
    out["unit"] = unit.where(unit.ne(""), unit_line or usual or unit_default)
    out["document_number"] = doc[keep].reset_index(drop=True)
    out["party"] = cell_text(_column(kept, mapping, "party")).reset_index(drop=True)
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
        raw = cell_text(_column(kept, mapping, "category")).reset_index(drop=True)
        mapped = raw.map({v: category_from_text(v) for v in raw.unique()})
        category = mapped.where(mapped.notna(), default)
    else:
        category = pd.Series([default] * n, dtype=object)
    problem = np.where(category.isna(), "category-unknown", None)
    return category.to_numpy(object), problem
