"""Read any file a unit sends into raw sheets: lists of rows of cell values.

A file is recognised by its bytes, not its name: a zip with xl/workbook.xml is
a workbook, an OLE2 container is a real .xls (or an encrypted workbook), a
text file holding <table> is an office system's HTML export. File-level faults
raise ``FileFault`` with a stable code and a Chinese message naming the file.
"""

from __future__ import annotations

import codecs
import gc
import csv
import io
import zipfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..errors import FileFault, os_reason
from .sheetxml import WorkbookScan, patch_cells, scan_workbook

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
DEFAULT_MAX_UNCOMPRESSED = 1 << 30  # 1 GiB: past this a workbook is refused (zip bombs)
# Past this many cells (rows x columns of the populated extent) a sheet is refused before
# calamine allocates it: AZ1048576 is 54 million cells, 12 s and 2.3 GB for 3 records.
MAX_SHEET_CELLS = 30_000_000
MAX_CELL_CHARS = 32767  # Excel's own cell limit; longer text is cut


@dataclass
class RawSheet:
    name: str
    rows: list[list]  # row 0 is Excel row 1 (CSV: line 1)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    kind: str = "xlsx"
    data: bytes | None = None  # CSV only: the file as UTF-8 bytes; ``rows`` then holds just its head
    hidden: bool = False  # a hidden worksheet: still read, but said so
    delimiter: str = ","
    date1904: bool = False  # bare serial numbers count from 1904-01-01
    data_start: int = 0  # CSV: where the text starts in ``data`` (after a UTF-8 BOM)

    @property
    def text(self) -> str | None:
        """CSV only: the decoded file, made again when asked (the exact, slower path needs it).

        Not kept: a million-record file is 200 MB as bytes and as much again as text.
        """
        return None if self.data is None else str(self.data[self.data_start:], "utf-8")


def sniff(path: Path, head: bytes) -> str:
    """'xlsx', 'xls', 'encrypted', 'html', 'csv', 'empty' or 'zip'."""
    if not head.strip():
        return "empty"
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    text = _peek_text(head)
    lowered = text.lower()
    if "<table" in lowered or (lowered.lstrip().startswith(("<html", "<!doctype html", "<?xml"))
                               and "<table" in lowered):
        return "html"
    if "urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return "xml2003"
    return "text"


def _peek_text(head: bytes) -> str:
    for encoding in ("utf-8", "utf-16", "gb18030", "latin-1"):
        try:
            return head.decode(encoding)
        except UnicodeDecodeError:
            continue
    return ""


def read_file(path: Path, max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED) -> list[RawSheet]:
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError as exc:
        raise FileFault("file-unreadable", path, reason=os_reason(exc)) from exc
    if path.name.startswith("~$"):  # Excel/WPS hold one of these while the real file is open
        raise FileFault("lock-file", path, name=path.name[2:])
    kind = sniff(path, head)
    suffix = path.suffix.lower()
    if kind == "empty":
        raise FileFault("empty-file", path)
    if kind == "zip":
        return _read_zip_workbook(path, max_uncompressed)
    if kind == "ole":
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in path.read_bytes():
            raise FileFault("encrypted-file", path)
        return _read_calamine(path, "xls")
    if kind == "html":
        return _read_html(path)
    if kind == "xml2003":
        raise FileFault("unsupported-format", path,
                        reason="这是 Excel 2003 XML 格式，请在 Excel/WPS 中另存为 .xlsx 后再报送")
    if suffix in (".xlsx", ".xlsm", ".xls"):
        raise FileFault("not-a-spreadsheet", path,
                        reason=f"文件扩展名是 {suffix}，但内容不是 Excel 工作簿（像是纯文本），"
                        "请用 Excel/WPS 打开后另存为 .xlsx")
    return [_read_csv(path)]


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def is_zip_workbook(path: Path) -> bool:
    """An .xlsx/.xlsm/.xlsb/.et (zip) or an OpenDocument spreadsheet, by its contents."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            return bool({"xl/workbook.xml", "xl/workbook.bin"} & names) or \
                ("mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False


def _read_zip_workbook(path: Path, max_uncompressed: int) -> list[RawSheet]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            total = sum(info.file_size for info in infos)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileFault("corrupt-file", path, reason="文件已损坏或不完整（可能没有传完），请重新导出") from exc
    is_ods = "mimetype" in names and "content.xml" in names
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names and not is_ods:
        if "word/document.xml" in names or "ppt/presentation.xml" in names:
            raise FileFault("office-document", path, kind="Word 文档" if "word/document.xml" in names else "演示文稿")
        inner = [n for n in names if n.lower().endswith((".xlsx", ".xls", ".csv"))]
        hint = f"（压缩包内有 {len(inner)} 个表格文件，请解压后再检查）" if inner else ""
        raise FileFault("no-workbook-in-zip", path, hint=hint)
    if total > max_uncompressed:
        raise FileFault("file-too-large", path, size_mb=total / (1 << 20),
                        limit_mb=max_uncompressed / (1 << 20))
    return _read_calamine(path, "ods" if is_ods and "xl/workbook.xml" not in names else "xlsx")


def _read_calamine(path: Path, kind: str) -> list[RawSheet]:
    import python_calamine as calamine  # start-up time: only a workbook needs it

    extent = scan_workbook(path, details=False) if kind == "xlsx" else WorkbookScan()
    for name, sheet_scan in extent.sheets.items():
        if sheet_scan.rows * sheet_scan.columns > MAX_SHEET_CELLS:
            raise FileFault("sheet-too-sparse", path, sheet=name, cell=sheet_scan.far_cell,
                            cells=sheet_scan.rows * sheet_scan.columns)
    # The error cells are looked for on the other core while calamine parses (it releases the GIL).
    pool = ThreadPoolExecutor(1) if kind == "xlsx" else None
    details = pool.submit(scan_workbook, path) if pool else None
    try:
        sheets = _parse_calamine(calamine, path, kind, extent, details)
    finally:
        if pool:
            pool.shutdown(wait=True)
    if kind == "xls":
        _patch_xls(path, sheets)
    return sheets


def _parse_calamine(calamine, path: Path, kind: str, extent: WorkbookScan, details) -> list[RawSheet]:
    scan = extent
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
        sheets = []
        for meta in workbook.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet",):
                continue  # chart sheets hold no rows
            sheet = workbook.get_sheet_by_name(meta.name)
            if details is not None:
                scan, details = details.result(), None  # the extent again, with the error cells
            sheet_scan = scan.sheets.get(meta.name)
            # The populated extent, not the styled one: bordered empty rows to 1,048,576 are not read.
            nrows = sheet_scan.rows if sheet_scan is not None else None
            with _no_gc():  # a list per row: the collector would walk them again and again, finding no cycle
                rows = sheet.to_python(skip_empty_area=False, nrows=nrows) if nrows != 0 else []
            if sheet_scan is not None:
                patch_cells(rows, sheet_scan)
            merged = list(sheet.merged_cell_ranges or [])
            hidden = str(meta.visible).rsplit(".", 1)[-1] != "Visible"
            sheets.append(RawSheet(meta.name, rows, merged, kind, hidden=hidden, date1904=scan.date1904))
        workbook.close()
    except calamine.PasswordError as exc:
        raise FileFault("encrypted-file", path) from exc
    except Exception as exc:  # calamine reports corruption as several error types
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise FileFault("encrypted-file", path) from exc
        raise FileFault("corrupt-file", path, reason=f"文件已损坏，无法读取（{str(exc)[:120]}）") from exc
    return sheets


@contextmanager
def _no_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _patch_xls(path: Path, sheets: list[RawSheet]) -> None:
    """Error values (#REF!) and the 1904 date system of a BIFF .xls, which calamine reads as blank."""
    import xlrd  # start-up time: only an .xls needs it

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, formatting_info=False)
    except Exception:  # noqa: BLE001 - calamine read it; the patch is a refinement
        return
    try:
        by_name = {s.name: s for s in sheets}
        for name in book.sheet_names():
            raw = by_name.get(name)
            if raw is None:
                continue
            raw.date1904 = bool(book.datemode)
            sheet = book.sheet_by_name(name)
            for r in range(min(sheet.nrows, len(raw.rows))):
                types = sheet.row_types(r)
                for c, kind in enumerate(types):
                    if kind == xlrd.XL_CELL_ERROR and c < len(raw.rows[r]):
                        raw.rows[r][c] = xlrd.error_text_from_code.get(sheet.cell_value(r, c), "#VALUE!")
            book.unload_sheet(name)
    finally:
        book.release_resources()


# -- text files --------------------------------------------------------------
def decode_text(raw: bytes, path: Path) -> tuple[str, str]:
    """Detect the encoding: BOMs, UTF-16 without BOM, UTF-8, then GB18030."""
    if raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif len(raw) >= 4 and raw[1:4:2] == b"\x00\x00" and raw[0:1] != b"\x00":
        candidates = ["utf-16-le"]
    elif len(raw) >= 4 and raw[0:4:2] == b"\x00\x00":
        candidates = ["utf-16-be"]
    else:
        candidates = ["utf-8", "gb18030"]
    first_error = None
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
    position = first_error.start if first_error else 0
    line = raw[:position].count(b"\n") + 1
    raise FileFault("undecodable-text", path, line=line)


HEAD_LINES = 40  # enough to find the header; the body is parsed column-wise later


def _read_csv(path: Path) -> RawSheet:
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
    data = raw if encoding in ("utf-8", "utf-8-sig") else text.encode("utf-8")
    del text
    return RawSheet(path.stem, head, [], "csv", delimiter=delimiter, data=data,
                    data_start=3 if encoding == "utf-8-sig" else 0)


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


def csv_rows(text: str, delimiter: str, path: Path, limit: int | None = None) -> list[list]:
    """Rows by the csv module (the exact, slower path)."""
    csv.field_size_limit(1 << 24)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        raise FileFault("corrupt-file", path, reason=f"CSV 第 {reader.line_num} 行格式有误：{exc}") from exc
    return rows


class _TableParser(HTMLParser):
    """Cells of every <table>, honouring rowspan and colspan."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._stack: list[dict] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self._stack.append({"rows": [], "pending": {}})
        elif not self._stack:
            return
        elif tag == "tr":
            self._stack[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self._cell = []
            self._span = (_int(attrs.get("rowspan")), _int(attrs.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if not self._stack:
            return
        if tag in ("td", "th") and self._cell is not None:
            self._place("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            table = self._stack.pop()
            self.tables.append(_fill_spans(table))

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def _place(self, text: str):
        table = self._stack[-1]
        if not table["rows"]:
            table["rows"].append([])
        table["rows"][-1].append((text, self._span))


def _int(value) -> int:
    try:
        return max(1, min(int(value), 1000))
    except (TypeError, ValueError):
        return 1


def _fill_spans(table: dict) -> list[list[str]]:
    grid: dict[tuple[int, int], str] = {}
    for r, cells in enumerate(table["rows"]):
        c = 0
        for text, (rowspan, colspan) in cells:
            while (r, c) in grid:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    # as for xlsx merges: a value spanning rows belongs to each row, not to each column
                    grid[(r + dr, c + dc)] = text if dc == 0 else ""
            c += colspan
    height = len(table["rows"])
    width = max((c for _, c in grid), default=-1) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def _read_html(path: Path) -> list[RawSheet]:
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
    parser.feed(text)
    parser.close()
    tables = [t for t in parser.tables if t]
    if not tables:
        raise FileFault("not-a-spreadsheet", path, reason="网页文件中没有表格")
    if len(tables) == 1:
        return [RawSheet(path.stem, tables[0], [], "html")]
    return [RawSheet(f"表{i}", t, [], "html") for i, t in enumerate(tables, start=1)]
