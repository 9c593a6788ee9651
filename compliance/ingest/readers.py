"""Read any file a unit sends into raw sheets: lists of rows of cell values.

A file is recognised by its bytes, not its name: a zip with xl/workbook.xml is
a workbook, an OLE2 container is a real .xls (or an encrypted workbook), a
text file holding <table> is an office system's HTML export. File-level faults
raise ``FileFault`` with a stable code and a Chinese message naming the file.
"""

from __future__ import annotations

import gc
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Callable
from xml.etree import ElementTree
from xml.parsers import expat

from ..errors import FileFault, os_reason
from .limits import check_extent, check_strings
from .ods import patch_ods
from .parquet import MAGIC as PARQUET_MAGIC, read_parquet
from .rawsheet import RawSheet
from .sheetxml import WorkbookScan, patch_cells, scan_workbook
from .month_dates import show_month_only, xls_month_only_formats
from .struck import xls_row_marks, xls_struck_formats
from .text import csv_rows, decode_text, read_csv, read_html  # noqa: F401 - the readers' one entry point

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
# A scan or a photo sent in a table's place, whatever its name says: told as such, never as a table
# with "no header" or "characters in no encoding".
MEDIA_MAGICS = {b"%PDF": "pdf", b"\x89PNG\r\n": "image", b"\xff\xd8\xff": "image", b"GIF87a": "image",
                b"GIF89a": "image", b"II*\x00": "image", b"MM\x00*": "image",
                # a compressed file whatever its name (a .csv sent gzipped by an export: probe p90)
                b"\x1f\x8b": "archive", b"Rar!\x1a\x07": "archive", b"7z\xbc\xaf\x27\x1c": "archive",
                b"\xfd7zXZ\x00": "archive",
                # bzip2: its header, then a block's magic (1AY&SY) or, compressing nothing, the end's (probe rev67 #9)
                **{b"BZh" + bytes([48 + k]) + block: "archive" for k in range(1, 10) for block in (b"1AY&SY", b"\x17rE8P\x90")}}
PDF_ADVICE = "这是 PDF 文件（可能是盖章表格的扫描件），读不出其中的数据。请报送 Excel/WPS 表格文件（.xlsx）"
ARCHIVE_ADVICE = "这是压缩文件（gzip、rar、7z 等），不是表格。请解压后把其中的表格文件放进文件夹再检查"
IMAGE_ADVICE = "这是图片（可能是表格的照片或扫描件），读不出其中的数据。请报送 Excel/WPS 表格文件（.xlsx）"
DEFAULT_MAX_UNCOMPRESSED = 1 << 30  # 1 GiB: past this a workbook is refused (zip bombs)
MAX_CELL_CHARS = 32767  # Excel's own cell limit; longer text is cut


def sniff(path: Path, head: bytes) -> str:
    """'zip', 'ole', 'parquet', 'pdf', 'image', 'archive', 'fods', 'html', 'xml2003', 'text' or 'empty'."""
    if not head.strip():
        return "empty"
    for magic, kind in MEDIA_MAGICS.items():
        if head.startswith(magic):
            return kind
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(PARQUET_MAGIC):
        return "parquet"
    text = _peek_text(head)
    lowered = text.lower()
    if "urn:oasis:names:tc:opendocument:xmlns:office" in lowered:  # a flat .fods: <table:table> is no HTML table
        return "fods"
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


def read_file(path: Path, max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED,
              refused: Callable[[FileFault], None] | None = None) -> list[RawSheet]:
    """Every sheet of the file; ``refused(fault)`` is told at once when a workbook's shape is past a bound
    while calamine still parses it (a reader child ends there: isolate.finish_early)."""
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
    if kind in ("pdf", "image", "archive"):
        raise FileFault("wrong-form", path, reason={"pdf": PDF_ADVICE, "image": IMAGE_ADVICE}.get(kind, ARCHIVE_ADVICE))
    if kind == "parquet":
        return [read_parquet(path)]
    if suffix == ".parquet":
        raise FileFault("parquet-unreadable", path, detail="no PAR1 magic")
    if kind == "zip":
        return _read_zip_workbook(path, max_uncompressed, refused)
    if kind == "ole":
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in path.read_bytes():
            raise FileFault("encrypted-file", path)
        return _read_calamine(path, "xls")
    if kind == "html":
        return read_html(path)
    if kind == "fods":
        raise FileFault("unsupported-format", path,
                        reason="这是 LibreOffice 的单文件表格（.fods），请在 LibreOffice/WPS 中另存为 .xlsx 或 .ods 后再报送")
    if kind == "xml2003":
        raise FileFault("unsupported-format", path,
                        reason="这是 Excel 2003 XML 格式，请在 Excel/WPS 中另存为 .xlsx 后再报送")
    if suffix in (".xls", ".xlsx", ".xlsm"):
        try:  # an OA export: tab-separated text (GBK, GB18030, 「Unicode 文本」 UTF-16) named .xls, or a
            return [read_csv(path)]  # CSV renamed .xlsx: read by content, the name said wrong (load._misnamed)
        except FileFault:
            pass
    if suffix in (".xlsx", ".xlsm", ".xls"):
        looks = "（像是纯文本），请用 Excel/WPS 打开后另存为 .xlsx" if _text_like(path) else \
            "，也不是文本表格（可能是其他程序的文件，或已损坏），请重新导出或重新报送表格文件"
        raise FileFault("not-a-spreadsheet", path, reason=f"文件扩展名是 {suffix}，但内容不是 Excel 工作簿{looks}")
    return [read_csv(path)]


def _text_like(path: Path) -> bool:
    """The file's start is text, not a program's or random bytes (no NUL, few control characters)."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" not in head and controls <= len(head) // 100


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


def _read_zip_workbook(path: Path, max_uncompressed: int, refused=None) -> list[RawSheet]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            total = sum(info.file_size for info in infos)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileFault("corrupt-file", path, detail=f"{type(exc).__name__}: {exc}") from exc
    is_ods = "mimetype" in names and "content.xml" in names
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names and not is_ods:
        if "word/document.xml" in names or "ppt/presentation.xml" in names:
            raise FileFault("office-document", path, kind="Word 文档" if "word/document.xml" in names else "演示文稿")
        inner = [n for n in names if n.lower().endswith((".xlsx", ".xls", ".csv"))]
        hint = f"：里面有 {len(inner)} 个表格文件，请解压后检查这些文件" if inner else "，里面也没有表格文件"
        raise FileFault("no-workbook-in-zip", path, hint=hint)
    if total > max_uncompressed:
        raise FileFault("file-too-large", path, size_mb=total / (1 << 20),
                        limit_mb=max_uncompressed / (1 << 20))
    return _read_calamine(path, "ods" if is_ods and "xl/workbook.xml" not in names else "xlsx", refused)


def _read_calamine(path: Path, kind: str, refused=None) -> list[RawSheet]:
    import python_calamine as calamine  # start-up time: only a workbook needs it

    # The guard (the shape bounds), then the full scan (error cells, the exact extent), run on the other
    # core while calamine parses, which releases the GIL: the guard costs no wall time. Its word is
    # awaited before any cell becomes a Python object, and before calamine's own error is reported.
    pool = ThreadPoolExecutor(1) if kind == "xlsx" else None
    guard = pool.submit(_guard, path, refused) if pool else None
    details = pool.submit(_scan, path) if pool else None
    try:
        sheets = _parse_calamine(calamine, path, kind, guard, details)
    finally:
        if pool:
            if guard.exception() is not None:  # refused: the full scan is not needed
                details.cancel()
            pool.shutdown(wait=True)
    if kind == "xls":
        _patch_xls(path, sheets)
    elif kind == "ods":
        patch_ods(path, sheets)  # merges, error values, hidden columns and rows (ods.py)
    return sheets


def _scan(path: Path, details: bool = True) -> WorkbookScan:
    """The full scan (details), or the guard's look: shared strings past any cell's size, then each extent."""
    try:
        if not details:
            check_strings(path)
        return scan_workbook(path, details)
    except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
        code = "zip-size-mismatch" if "larger than" in str(exc) else "corrupt-file"
        raise FileFault(code, path, detail=f"{type(exc).__name__}: {exc}") from exc
    except (expat.ExpatError, ElementTree.ParseError, ValueError, KeyError) as exc:
        raise FileFault("xml-malformed", path, detail=f"{type(exc).__name__}: {exc}") from exc


# The names calamine reads each kind by; any other name (a swapped extension, .et) is read by content.
NAMED_AS = {"xls": (".xls", ".xla"), "xlsx": (".xlsx", ".xlsm", ".xlam"), "ods": (".ods",)}


def _guard(path: Path, refused) -> None:
    """The shape bounds (limits.py) from the cheap look; ``refused(fault)`` first when one is passed."""
    try:
        check_extent(path, _scan(path, details=False))
    except FileFault as fault:
        if refused is not None:
            refused(fault)
        raise


def guard_workbook(path: Path) -> FileFault | None:
    """The guard alone, for a workbook whose reader died before the guard could speak (calamine aborts
    at once when one character at XFD1048576 asks it for 512 GiB): the bound it passes, or None."""
    if not is_zip_workbook(path):
        return None
    try:
        _guard(path, None)
    except FileFault as fault:
        return fault
    return None


def _parse_calamine(calamine, path: Path, kind: str, guard, details) -> list[RawSheet]:
    scan = WorkbookScan()
    try:
        if path.suffix.lower() in NAMED_AS[kind]:
            workbook = calamine.CalamineWorkbook.from_path(str(path))
        else:  # an .xlsx named .xls, or the other way round: calamine goes by the name, so give it the bytes
            with open(path, "rb") as handle:
                workbook = calamine.CalamineWorkbook.from_filelike(handle)
        sheets = []
        for meta in workbook.sheets_metadata:
            if str(meta.typ) not in ("SheetTypeEnum.WorkSheet",):
                continue  # chart sheets hold no rows
            sheet = workbook.get_sheet_by_name(meta.name)
            if guard is not None:  # a file past a bound is refused before its cells cost anything more
                guard, _ = None, guard.result()
            with _no_gc():  # a list per row: the collector would walk them again and again, finding no cycle
                rows = sheet.to_python(skip_empty_area=False)
            if details is not None:  # the exact extent and the error cells, found while calamine worked
                scan, details = details.result(), None
            hidden = str(meta.visible).rsplit(".", 1)[-1] != "Visible"
            raw = RawSheet(meta.name, rows, list(sheet.merged_cell_ranges or []), kind, hidden=hidden,
                           date1904=scan.date1904)
            _agree(raw, scan.sheets.get(meta.name))
            raw.hidden_columns = getattr(scan.sheets.get(meta.name), "hidden_columns", frozenset())
            raw.struck_rows = getattr(scan.sheets.get(meta.name), "struck_rows", frozenset())
            raw.hidden_rows = getattr(scan.sheets.get(meta.name), "hidden_rows", frozenset())
            raw.comments = getattr(scan.sheets.get(meta.name), "comments", {})
            sheets.append(raw)
        if guard is not None:  # no worksheet at all: the guard's word still stands
            guard.result()
        workbook.close()
    except calamine.PasswordError as exc:
        raise FileFault("encrypted-file", path) from exc
    except FileFault:
        raise
    except Exception as exc:  # calamine reports corruption as several error types
        if guard is not None:
            guard.result()  # the guard's fault (a zip or XML fault, a bound) is the one to report
        raise _calamine_fault(path, exc) from exc
    return sheets


def _agree(raw: RawSheet, sheet_scan) -> None:
    """Patch the cells calamine leaves blank; then the rows read must reach the last row with content."""
    if sheet_scan is None:
        return
    patch_cells(raw.rows, sheet_scan)
    if len(raw.rows) != sheet_scan.rows:
        raw.doubt = (sheet_scan.rows, len(raw.rows))


def _calamine_fault(path: Path, exc: Exception) -> FileFault:
    """The library's words become the registry's (kept as the detail for --debug)."""
    text = str(exc)
    lowered = text.lower()
    detail = f"{type(exc).__name__}: {text}"
    if "password" in lowered or "encrypt" in lowered:
        return FileFault("encrypted-file", path, detail=detail)
    if "cfb" in lowered or "ole" in lowered:
        return FileFault("ole-damaged", path, detail=detail)
    if "zip" in lowered or "eocd" in lowered:
        return FileFault("corrupt-file", path, detail=detail)
    if "xml" in lowered or "entity" in lowered or "tag" in lowered or "attribute" in lowered:
        return FileFault("xml-malformed", path, detail=detail)
    return FileFault("workbook-unreadable", path, detail=detail)


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
    """Error values (#REF!) and the 1904 date system of a BIFF .xls, which calamine reads as blank; and
    the columns and rows hidden or struck through, as the .xlsx scan finds them (struck.py)."""
    import xlrd  # start-up time: only an .xls needs it

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, formatting_info=True)
    except Exception:  # noqa: BLE001 - calamine read it; the patch is a refinement
        try:
            book = xlrd.open_workbook(str(path), on_demand=True, formatting_info=False)
        except Exception:  # noqa: BLE001
            return
    try:
        struck, month_only = xls_struck_formats(book), xls_month_only_formats(book)
        by_name = {s.name: s for s in sheets}
        for name in book.sheet_names():
            raw = by_name.get(name)
            if raw is None:
                continue
            raw.date1904 = bool(book.datemode)
            sheet = book.sheet_by_name(name)
            month_cells = set()
            for r in range(min(sheet.nrows, len(raw.rows))):
                types = sheet.row_types(r)
                for c, kind in enumerate(types):
                    if kind == xlrd.XL_CELL_ERROR and c < len(raw.rows[r]):
                        raw.rows[r][c] = xlrd.error_text_from_code.get(sheet.cell_value(r, c), "#VALUE!")
                    elif kind == xlrd.XL_CELL_DATE and month_only and sheet.cell_xf_index(r, c) in month_only:
                        month_cells.add((r, c))
            show_month_only(raw.rows, frozenset(month_cells))  # as the .xlsx scan does (month_dates.py)
            raw.hidden_columns, raw.hidden_rows, raw.struck_rows = xls_row_marks(sheet, struck)
            book.unload_sheet(name)
    finally:
        book.release_resources()


