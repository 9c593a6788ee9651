"""Text files a unit sends: CSV (any of the encodings met in practice) and HTML tables saved as .xls.

Bounds come from ``limits``: a line, a field and a row's width are checked
as the file is parsed, so a hostile line costs its own length, not its
square; an HTML table's spans are bounded before the grid is built.
"""

from __future__ import annotations

import codecs
import datetime as dt
import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

from ..dates import parse_date
from ..errors import FileFault
from .limits import MAX_COLUMNS, MAX_HTML_CELLS, MAX_LINE_CHARS, MAX_SHEET_CELLS
from .rawsheet import RawSheet

HEAD_LINES = 40  # enough to find the header; the body is parsed column-wise later
_LINES_NAMED = 10


def _line_list(lines: list[int]) -> str:
    shown = "、".join(str(n) for n in lines[:_LINES_NAMED])
    return shown + (f" 等共 {len(lines)}" if len(lines) > _LINES_NAMED else "")  # the template says 行


def decode_text(raw: bytes, path: Path) -> tuple[str, str]:
    """Detect the encoding: BOMs, UTF-16 without BOM, UTF-8, then GB18030 (GBK is a subset).

    A file mixing UTF-8 and GBK lines is refused naming the lines: decoded
    as one encoding, the other lines would become mojibake (鍖虹幆淇濆眬).
    A NUL character (an export's stray byte) is dropped: invisible, it would keep 黄石甲化工\x00有限公司 from
    matching 黄石甲化工有限公司 and show as _x0000_ in the report.
    """
    text, encoding = _decode(raw, path)
    return (text.replace("\x00", "") if "\x00" in text else text), encoding


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif _utf16_without_bom(raw):
        candidates = [_utf16_without_bom(raw)]
    else:
        return _utf8_or_gb18030(raw, path)
    try:
        return raw.decode(candidates[0]), candidates[0]
    except UnicodeDecodeError as exc:
        if candidates[0] == "utf-8-sig":  # a UTF-8 mark before GBK text (an editor added it): the text decides
            return _utf8_or_gb18030(raw[len(codecs.BOM_UTF8):], path)
        line = raw[:exc.start].count(b"\n") + 1
        raise FileFault("undecodable-text", path, lines=str(line), detail=str(exc)) from exc


def _utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" for UTF-16 text without a byte-order mark (some exporting systems write it):
    its ASCII characters (tabs, line ends, digits, dates) have a NUL on one side; a few Chinese characters
    (开 U+5F00, 一 U+4E00) have one on the other. A header of Chinese words first has no ASCII at the start,
    so a sample is counted, not the first characters."""
    sample = raw[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    least = max(2, len(sample) // 40)  # one character in twenty at least
    if odd >= least and odd >= 4 * even:
        return "utf-16-le"
    if even >= least and even >= 4 * odd:
        return "utf-16-be"
    return None


def _utf8_or_gb18030(raw: bytes, path: Path) -> tuple[str, str]:
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf8, neither, gb = [], [], 0
    for number, line in enumerate(io.BytesIO(raw), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(number)
            continue
        except UnicodeDecodeError:
            pass
        try:
            line.decode("gb18030")
            gb += 1
        except UnicodeDecodeError:
            neither.append(number)
    if neither:
        raise FileFault("undecodable-text", path, lines=_line_list(neither))
    if utf8:  # name the fewer lines: those are the ones to retype
        few, rest = ("UTF-8", "GBK/GB18030") if len(utf8) <= gb else ("GBK/GB18030", "UTF-8")
        lines = utf8 if len(utf8) <= gb else _gb_lines(raw)
        raise FileFault("mixed-encoding", path, lines=_line_list(lines), encoding=few, other=rest)
    return raw.decode("gb18030"), "gb18030"


def _gb_lines(raw: bytes) -> list[int]:
    out = []
    for number, line in enumerate(io.BytesIO(raw), start=1):
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                out.append(number)
    return out


def read_csv(path: Path) -> RawSheet:
    """Decode and sniff now; the body is parsed by pandas once the header is known."""
    raw = path.read_bytes()
    text, encoding = decode_text(raw, path)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:  # e.g. a bare title line first: take the most frequent candidate
        delimiter = max(",\t;|", key=sample.count)
    head = _csv_head(text, delimiter, path)
    # pandas parses bytes far faster than a text stream: hand it UTF-8 bytes (the file's own when they are).
    own = encoding in ("utf-8", "utf-8-sig") and b"\x00" not in raw  # a NUL dropped (decode_text): re-encoded
    data = raw if own else text.encode("utf-8")
    del text
    return RawSheet(path.stem, head, [], "csv", delimiter=delimiter, data=data,
                    data_start=3 if own and encoding == "utf-8-sig" else 0)


def _csv_head(text: str, delimiter: str, path: Path) -> list[list]:
    """The first HEAD_LINES rows, read from the first MiB when it holds them all (StringIO copies its text)."""
    if len(text) > 1 << 20:
        try:
            head = csv_rows(text[:1 << 20], delimiter, path, limit=HEAD_LINES + 1)
        except FileFault:
            head = []
        if len(head) > HEAD_LINES:  # the row after them started inside the cut: these are whole
            return head[:HEAD_LINES]
    return csv_rows(text, delimiter, path, limit=HEAD_LINES)


def _bounded_lines(text: str, path: Path):
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise FileFault("csv-line-too-long", path, line=number, chars=len(line), limit=MAX_LINE_CHARS)
        yield line


def csv_rows(text: str, delimiter: str, path: Path, limit: int | None = None) -> list[list]:
    """Rows by the csv module (the exact, slower path), each line, field and row width bounded."""
    csv.field_size_limit(MAX_LINE_CHARS)
    reader = csv.reader(_bounded_lines(text, path), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if len(row) > MAX_COLUMNS:
                raise FileFault("too-many-columns", path, where=f"第 {reader.line_num} 行", count=len(row),
                                limit=MAX_COLUMNS)
            rows.append([formula_text(cell) for cell in row] if '="' in "".join(row) else row)
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        raise FileFault("csv-malformed", path, line=reader.line_num, detail=str(exc)) from exc
    return rows


def unclosed_quote_line(text: str, delimiter: str) -> int:
    """The line where the row holding a never-closed quote starts (its cell runs to the end of the file)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = ended = 0
    for _ in reader:
        start, ended = ended + 1, reader.line_num
    return start


# How Excel and office systems keep text as text in a CSV (="0012", ="2016-10-10", ="区民许〔2016〕1号"):
# Excel shows what is inside the quotes, and so does this tool.
_FORMULA_TEXT = re.compile(r'^="(.*)"$', re.DOTALL)


def formula_text(cell):
    """``="…"`` -> the text inside (``""`` inside is one quote); any other cell as it is."""
    if isinstance(cell, str) and cell.startswith('="'):
        found = _FORMULA_TEXT.match(cell)
        if found:
            return found.group(1).replace('""', '"')
    return cell


# A date cell of a page Excel or LibreOffice saved (另存为网页) keeps its value beside what it shows: x:num="46085"
# (Excel), sdval="46085" (LibreOffice). Where what it shows is a day without its year (9月3日, 9-3) or with
# the year last and the order unclear (9/3/2026), the value is the day itself, as an .xlsx cell gives it; a
# full date shown (2026/9/3) is read as shown, and nothing else (a 文书号 2026-15) is touched. Excel's
# 1904 date system (x:Date1904 in the page's workbook options) counts from 1904-01-01: a day shown without
# its year becomes its ISO date here, in any column (有效期至 too), and the sheet says so (RawSheet.date1904),
# so that the date columns shift a bare serial shown as a number once, as an .xlsx's (probe 74: a General
# cell 44842 of a 1904 page was read 4 years early).
_SHOWN_AS_DAY = re.compile(r"\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日?|\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?)"
                           r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?\s*")  # 9/3/2026 6:00 PM
_SERIAL = re.compile(r"\d{4,5}(?:\.\d+)?")  # 1000-99999: 1902-2173
DAYS_1900_TO_1904 = 1462


def _shown_or_value(shown: str, value: str | None, date1904: bool) -> str:
    if not value or not _SERIAL.fullmatch(value.strip()) or not _SHOWN_AS_DAY.fullmatch(shown):
        return shown
    if parse_date(shown).date is not None:  # 9/30/2026: one order only, read as shown
        return shown
    if date1904:  # as ISO text: a serial would be shifted again with the column's bare serials
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(float(value.strip())) + DAYS_1900_TO_1904)
        return day.isoformat()
    return value.strip()


class _TableParser(HTMLParser):
    """Cells of every <table>, honouring rowspan and colspan; a date cell by its value (x:num, sdval)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[tuple[str, tuple[int, int]]]]] = []
        self._stack: list[list] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._value: str | None = None
        self.date1904 = False  # set by read_html from the page's workbook options

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._stack.append([])
        elif not self._stack:
            return
        elif tag == "tr":
            self._stack[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
            self._span = (_int(attrs.get("rowspan")), _int(attrs.get("colspan")))
            self._value = attrs.get("x:num") or attrs.get("sdval")
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if not self._stack:
            return
        if tag in ("td", "th") and self._cell is not None:
            rows = self._stack[-1]
            if not rows:
                rows.append([])
            rows[-1].append((_shown_or_value("".join(self._cell).strip(), self._value, self.date1904), self._span))
            self._cell = None
        elif tag == "table":
            self.tables.append(self._stack.pop())

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _int(value) -> int:
    try:
        return max(1, min(int(value), 1000))
    except (TypeError, ValueError):
        return 1


def _fill_spans(rows: list[list], path: Path) -> tuple[list[list[str]], list]:
    """The grid a spreadsheet shows, and its colspans as merges (a group label over its sub-headers);
    a span past the table's last row stops there.

    Refused before anything is built when the spans would make more than
    MAX_HTML_CELLS cells or more than MAX_COLUMNS columns.
    """
    height = len(rows)
    if all(span == (1, 1) for cells in rows for _, span in cells):  # the usual export: no grid needed
        width = max(map(len, rows), default=0)
        _check_width(width, height, path)
        return [[text for text, _ in cells] + [""] * (width - len(cells)) for cells in rows], []
    spanned = sum(min(rs, height - r) * cs for r, cells in enumerate(rows) for _, (rs, cs) in cells)
    if spanned > MAX_HTML_CELLS:
        raise FileFault("html-spans-too-large", path, cells=spanned, limit=MAX_HTML_CELLS)
    grid: dict[tuple[int, int], str] = {}
    merges = []
    for r, cells in enumerate(rows):
        c = 0
        for text, (rowspan, colspan) in cells:
            while (r, c) in grid:
                c += 1
            for dr in range(min(rowspan, height - r)):
                for dc in range(colspan):
                    # as for xlsx merges: a value spanning rows belongs to each row, not to each column
                    grid[(r + dr, c + dc)] = text if dc == 0 else ""
            if colspan > 1:
                merges.append(((r, c), (r, c + colspan - 1)))
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    _check_width(width, height, path)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)], merges


def _check_width(width: int, height: int, path: Path) -> None:
    if width > MAX_COLUMNS:
        raise FileFault("too-many-columns", path, where="网页表格", count=width, limit=MAX_COLUMNS)
    if width * height > MAX_SHEET_CELLS:
        raise FileFault("sheet-too-large", path, sheet="网页表格", rows=height, columns=width,
                        cells=width * height, limit=MAX_SHEET_CELLS)


def read_html(path: Path) -> list[RawSheet]:
    raw = path.read_bytes()
    head = raw[:4096].lower()
    encoding = None
    for marker in (b"charset=", b"encoding="):
        at = head.find(marker)
        if at >= 0:
            encoding = head[at + len(marker):].strip(b"\"' ").split(b'"')[0].split(b"'")[0] \
                .split(b";")[0].split(b">")[0].strip().decode("ascii", "ignore") or None
            break
    try:
        text = raw.decode(encoding) if encoding else decode_text(raw, path)[0]
    except (LookupError, UnicodeDecodeError):
        text = decode_text(raw, path)[0]
    parser = _TableParser()
    parser.date1904 = "x:date1904" in text[:200_000].lower()  # in the head's <x:ExcelWorkbook> options
    parser.feed(text)
    parser.close()
    tables = [_fill_spans(t, path) for t in parser.tables if t]
    tables = [t for t in tables if t[0]]
    if not tables:
        raise FileFault("not-a-spreadsheet", path, reason="网页文件中没有表格")
    if len(tables) == 1:
        return [RawSheet(path.stem, tables[0][0], tables[0][1], "html", date1904=parser.date1904)]
    return [RawSheet(f"表{i}", t, merges, "html", date1904=parser.date1904) for i, (t, merges) in enumerate(tables, start=1)]
