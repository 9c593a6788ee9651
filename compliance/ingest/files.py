"""Which paths are files to read: folders expanded, and every entry that is not read said so, with why.

A folder entry that is not a regular file (a dangling symlink, a symlink
loop, a FIFO, a device, a socket, a symlink to a folder, which is not
followed) is never opened (opening a FIFO would block the run) and never
silently skipped: it is listed as not read with its reason.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
from pathlib import Path
from typing import Iterable

from ..errors import FileFault, os_reason
from ..problems import Problem, problem
from .readers import IMAGE_ADVICE, PDF_ADVICE, is_zip_workbook, sniff
from ..version import JSON_TOOL

_OWN_JSON = re.compile(rb'\A\s*\{\s*"tool"\s*:\s*"' + JSON_TOOL.encode() + rb'"')
SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".et", ".ett", ".xlsb", ".ods", ".xltx", ".xlt", ".parquet")


def find_files(paths: Iterable[str | Path], own=None) -> tuple[list[Path], list[tuple[Path, Problem | FileFault]]]:
    """(files to read, [(path, why it is not read: a problem, or a fault when it was meant to be read)]).

    ``own`` (load.OwnFiles) names the caller's own outputs, passed over without a word."""
    found: list[Path] = []
    skipped: list[tuple[Path, Problem | FileFault]] = []
    for raw in paths:
        path = Path(raw)
        special = not_regular(path)
        if path.is_dir():  # named on the command line: followed even when it is a symlink
            _walk(path, found, skipped, own)
        elif special is None and path.suffix.lower() == ".json":  # named or in a folder: never read as a CSV
            skipped.append((path, problem("own-json-skipped", file=path) if is_own_json(path)
                            else FileFault("wrong-form", path, reason=not_a_spreadsheet(path))))
        elif special is None:
            found.append(path)
        elif special == "missing":
            skipped.append((path, FileFault("file-not-found", path)))
        else:
            skipped.append((path, FileFault("not-regular-file", path, reason=special)))
    return list(dict.fromkeys(found)), skipped


def _walk(folder: Path, found: list[Path], skipped: list, own) -> None:
    for candidate in sorted(folder.rglob("*"), key=natural_order):  # 9月 before 10月: copies in the order made
        relative = candidate.relative_to(folder).parts
        if any(part.startswith((".", "~$")) for part in relative) or candidate.name.lower() in SYSTEM_FILES:
            continue
        special = not_regular(candidate)
        if special == "directory":
            continue  # rglob walks into it
        if special is not None:  # named, with its reason, in the terminal, the JSON and 说明
            skipped.append((candidate, FileFault("not-regular-file", candidate, reason=special)
                            if candidate.suffix.lower() in SUFFIXES
                            else problem("not-regular-file", file=candidate, reason=special)))
            continue
        # opened only now, a regular file: opening a FIFO would block the run
        if is_own_store(candidate) or (own is not None and own.skips_name(candidate.name) and (
                _OWN_PART.search(candidate.name) or own.is_report(zip_sheet_names(candidate)))):
            continue  # our history store, --records-out parts, a report by name and sheets (a ledger sharing the name is read)
        if candidate.suffix.lower() in BACKUP_SUFFIXES or candidate.name.endswith("~"):  # 台账.xlsx.bak: an old copy
            skipped.append((candidate, problem("backup-skipped", file=candidate, suffix=candidate.suffix or "~")))
            continue
        if candidate.name.lower() == "compliance.toml":  # `compliance check .` where the config lives: no ledger
            skipped.append((candidate, problem("config-skipped", file=candidate)))
            continue
        if candidate.suffix.lower() == ".json" and is_own_json(candidate):  # --json 报送/结果.json, then run again
            skipped.append((candidate, problem("own-json-skipped", file=candidate)))
            continue
        reason = None if candidate.suffix.lower() in SUFFIXES else not_a_spreadsheet(candidate)
        if reason is None:
            found.append(candidate)
        else:  # a unit's submission in the wrong form (a Word file, a scan, a note: 说明.txt, 报送通知.docx): a file
            # that cannot be read, listed on 数据问题 (under its unit when its name gives one) and kept at exit 1,
            # so that 法制办 sees it (issue 20.10)
            skipped.append((candidate, FileFault("wrong-form", candidate, reason=reason)))


def natural_order(path: Path) -> tuple:
    """Each part of the path with its runs of digits compared as numbers (2月, 9月, 10月; 九月, 十月, 十一月)."""
    return tuple(tuple((0, int(piece), "") if piece.isdigit() else (1, 0, piece)
                       for piece in _DIGITS.split(_CN_MONTH.sub(_cn_month, part)))
                 for part in path.parts)


_DIGITS = re.compile(r"(\d+)")
_CN_MONTH = re.compile(r"([一二三四五六七八九十]{1,3})(?=月|季|期|周|批)")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _cn_month(match: re.Match) -> str:
    """十一 -> 11, 九 -> 9, 十 -> 10 (what a month, a quarter or a batch is written with)."""
    head, ten, tail = match.group(1).partition("十")
    if not ten:
        return str(_CN_DIGIT[head]) if len(head) == 1 else match.group(1)
    if len(head) > 1 or len(tail) > 1 or "十" in tail:
        return match.group(1)
    return str((_CN_DIGIT[head] if head else 1) * 10 + (_CN_DIGIT[tail] if tail else 0))
BACKUP_SUFFIXES = (".bak", ".old", ".orig", ".backup", ".tmp", ".swp")
# What Windows and macOS leave in every folder: never a unit's submission, passed over without a word.
SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "ehthumbs_vista.db", "desktop.ini", ".ds_store", "icon\r"})
# Advice that fits the file: a scan cannot be renamed into a table.
_FORMS = {(".pdf",): PDF_ADVICE,
          (".doc", ".docx", ".wps", ".rtf"): "这是 Word/WPS 文字文档，不是表格。请把表格放进 Excel/WPS 表格中，另存为 .xlsx 后报送",
          (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".heic"): IMAGE_ADVICE,
          (".zip", ".rar", ".7z"): "这是压缩包，请解压后把其中的表格文件放进文件夹再检查",
          (".ppt", ".pptx", ".dps"): "这是演示文稿，不是表格。请报送 Excel/WPS 表格文件（.xlsx）",
          (".json",): "这是 JSON 数据文件，不是表格。请从系统导出为 Excel（.xlsx）或 CSV 后再检查"}


def not_regular(path: Path) -> str | None:
    """None for a regular file (or a symlink to one); "directory", "missing", or why it is not a file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "符号链接形成循环"
        if os.path.islink(path):
            return "符号链接指向的文件不存在"
        return "missing" if exc.errno == errno.ENOENT else f"无法查看（{os_reason(exc)}）"
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "符号链接指向文件夹（不进入，以免重复或循环）" if os.path.islink(path) else "directory"
    if stat.S_ISFIFO(mode):
        return "这是命名管道（FIFO）"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "这是设备文件"
    if stat.S_ISSOCK(mode):
        return "这是套接字"
    return "这是特殊文件"


def not_a_spreadsheet(path: Path) -> str | None:
    """None when the bytes are a workbook whatever the name says (.et, .ods, a renamed .xlsx); else why not."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError as exc:
        return f"无法打开（{os_reason(exc)}）"
    kind = sniff(path, head)
    markup = head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<")  # an HTML table export, not a script
    if kind in ("ole", "parquet") or (kind == "html" and markup) or (kind == "zip" and is_zip_workbook(path)):
        return None
    suffix = path.suffix.lower() or "（无扩展名）"
    for suffixes, advice in _FORMS.items():
        if suffix in suffixes:
            return advice
    if kind == "text" and suffix == ".txt" and _tab_table(head):  # Excel's 「Unicode 文本」 / 文本文件（制表符分隔）
        return None  # read as the table it is, as when named (readers read text by content)
    if kind == "text":
        return f"扩展名 {suffix}，内容不是 Excel/WPS 工作簿，未读取；如是 CSV 表格，请把扩展名改为 .csv"
    return f"扩展名 {suffix}，内容不是 Excel/WPS 工作簿，读不出数据。请报送 Excel/WPS 表格文件（.xlsx）"


def _text_of(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[:len(head) - len(head) % 2].decode("utf-16", "ignore")
    return head.decode("utf-8", "ignore") if _utf8(head) else head.decode("gb18030", "ignore")


def _tab_table(head: bytes) -> bool:
    """The first lines are rows of a tab-separated table (three or more cells in two of the first five lines),
    not a note (说明.txt): what Excel saves as 「Unicode 文本」 (UTF-16) or 「文本文件（制表符分隔）」 (GBK)."""
    lines = [line for line in _text_of(head).splitlines() if line.strip()][:5]
    return sum(line.count("\t") >= 2 for line in lines) >= 2


def _utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a character cut at the end of the sample
    return True


_OWN_PART = re.compile(r"_记录_\d{5}\.parquet$")  # --records-out's parts (report/records_out.py PART_NAME)
_SQLITE = b"SQLite format 3\x00"
_STORE_ID = b"CMPL"  # the store's application_id (history/sqlite_file.py), bytes 68-71 of a SQLite header
_SIDECARS = ("-journal", "-wal", "-shm")


def is_own_store(path: Path) -> bool:
    """The history store this tool keeps (reports/公开时限历史.sqlite, and SQLite's files beside it):
    run again on a folder that holds it, it is no unit's submission that failed to read."""
    for sidecar in _SIDECARS:
        if path.name.endswith(sidecar):
            path = path.with_name(path.name[:-len(sidecar)])
            break
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError:
        return False
    return head.startswith(_SQLITE) and head[68:72] == _STORE_ID


def zip_sheet_names(path: Path) -> list[str]:
    """The sheet names an .xlsx lists in its workbook.xml (no cell parsed); none for any other file."""
    try:
        with zipfile.ZipFile(path) as archive:
            listing = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return []
    return re.findall(r'<sheet [^>]*name="([^"]+)"', listing)


def is_own_json(path: Path) -> bool:
    """A JSON file this tool wrote: it opens with ``{"tool": "compliance"`` (run_json writes that key first)."""
    try:
        with open(path, "rb") as handle:
            return bool(_OWN_JSON.match(handle.read(256)))
    except OSError:
        return False
