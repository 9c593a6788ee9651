"""Which paths are files to read: folders expanded, and every entry that is not read said so, with why.

A folder entry that is not a regular file (a dangling symlink, a symlink
loop, a FIFO, a device, a socket, a symlink to a folder, which is not
followed) is never opened (opening a FIFO would block the run) and never
silently skipped: it is listed as not read with its reason.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable

from ..errors import FileFault, os_reason
from ..problems import Problem, problem
from .readers import is_zip_workbook, sniff

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
        elif special is None:
            found.append(path)
        elif special == "missing":
            skipped.append((path, FileFault("file-not-found", path)))
        else:
            skipped.append((path, FileFault("not-regular-file", path, reason=special)))
    return list(dict.fromkeys(found)), skipped


def _walk(folder: Path, found: list[Path], skipped: list, own) -> None:
    for candidate in sorted(folder.rglob("*")):
        relative = candidate.relative_to(folder).parts
        if any(part.startswith((".", "~$")) for part in relative) or (own is not None and own.skips_name(candidate.name)):
            continue
        special = not_regular(candidate)
        if special == "directory":
            continue  # rglob walks into it
        if special is not None:  # named, with its reason, in the terminal, the JSON and 说明
            skipped.append((candidate, FileFault("not-regular-file", candidate, reason=special)
                            if candidate.suffix.lower() in SUFFIXES
                            else problem("not-regular-file", file=candidate, reason=special)))
            continue
        reason = None if candidate.suffix.lower() in SUFFIXES else not_a_spreadsheet(candidate)
        if reason is None:
            found.append(candidate)
        else:
            skipped.append((candidate, problem("file-not-read", file=candidate, reason=reason)))


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
    return f"扩展名 {suffix}，内容不是 Excel/WPS 工作簿，未读取；如是 CSV 表格，请把扩展名改为 .csv"
