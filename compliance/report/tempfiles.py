"""Temporary files of the tool's own naming, and how stale ones are found and removed.

A report (or the JSON) is written to ``.~compliance-<host>-<pid>-<random>.xlsx``
beside its target and renamed into place (repair.py briefly adds ``….xlsx.fix``). A run
killed with kill -9 (or a power cut) leaves them behind. Before writing, a run
removes the ones that are certainly dead, by a rule that cannot touch a
concurrent run's file:
- made on this computer (the host tag matches) by a process that is no longer
  running; a live process, even an unrelated one that reuses the id, keeps
  its files until it ends;
- made elsewhere (a folder on a network drive shared with another computer,
  whose processes cannot be seen from here) or named by an older version:
  not modified for STALE_SECONDS (a day: no run takes that long).
The web server's work folder (uploads, reports) follows the same rule.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

PREFIX = ".~compliance-"
WEB_PREFIX = "compliance-web-"
STALE_SECONDS = 24 * 3600
HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]
_OWNED = re.compile(r"(?P<host>[0-9a-f]{6})-(?P<pid>\d+)-")


def tag() -> str:
    """``<host>-<pid>-``: who made a temporary file, for the stale rule."""
    return f"{HOST}-{os.getpid()}-"


_announce_fd: int | None = None


def announce_to(fd: int) -> None:
    """Tell ``fd`` (the supervisor's pipe, see supervise.py) each temporary report file made from now on."""
    global _announce_fd
    _announce_fd = fd


def new_temp(folder: Path, suffix: str) -> Path:
    """An empty, uniquely named temporary file in ``folder`` (same folder: the rename is atomic)."""
    fd, name = tempfile.mkstemp(prefix=PREFIX + tag(), suffix=suffix, dir=folder)
    os.close(fd)
    if _announce_fd is not None:
        os.write(_announce_fd, os.fsencode(os.path.abspath(name)) + b"\n")
    return Path(name)


def companions(temp: Path) -> list[Path]:
    """Every file a write to ``temp`` may leave: itself and the repair's ``.fix``."""
    return [temp, temp.with_name(temp.name + ".fix")]


def remove(temp: Path) -> None:
    for path in companions(temp):
        path.unlink(missing_ok=True)


def sweep(folder: Path) -> list[Path]:
    """Remove stale ``.~compliance-*.xlsx``, ``*.xlsx.fix`` and ``*.json`` in ``folder``; returns what was removed."""
    return _sweep(folder, lambda name: name.startswith(PREFIX) and name.endswith((".xlsx", ".xlsx.fix", ".json")),
                  lambda path: path.unlink(missing_ok=True))


def new_web_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix=WEB_PREFIX + tag()))


def sweep_web_folders(root: str | Path | None = None) -> list[Path]:
    """Remove the work folders (uploads, reports) that killed web servers left in the temp folder."""
    return _sweep(Path(root or tempfile.gettempdir()), lambda name: name.startswith(WEB_PREFIX),
                  lambda path: shutil.rmtree(path, ignore_errors=True))


def _sweep(folder: Path, ours, delete) -> list[Path]:
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not ours(entry.name):
            continue
        try:
            modified = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if is_stale(entry.name, modified, now):
            delete(Path(entry.path))
            removed.append(Path(entry.path))
    return removed


def is_stale(name: str, modified: float, now: float) -> bool:
    owner = _OWNED.match(name.removeprefix(PREFIX).removeprefix(WEB_PREFIX))
    if owner is None or owner["host"] != HOST:
        return now - modified > STALE_SECONDS  # an older naming, or another computer: only age can tell
    return int(owner["pid"]) != os.getpid() and not pid_running(int(owner["pid"]))


def pid_running(pid: int) -> bool:
    """Whether a process with this id exists (on Windows os.kill would end it, so it is asked instead)."""
    if sys.platform == "win32":
        return _windows_pid_running(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has ended but not been reaped yet (Linux: its state in /proc is Z or X)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False  # no /proc (macOS): an ended process is reaped by init soon enough
    return stat[stat.rfind(")") + 2:][:1] in ("Z", "X")


def _windows_pid_running(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes  # Windows only: nothing else needs it

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists; anything else: it does not
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)
