"""Files that a process of this tool left behind when it was killed (kill -9, a power cut), and how they
are told from a live process's files.

Such files are named ``<prefix><host>-<pid>-<random>…`` (``tag()``). One is certainly dead when
- it was made on this computer (the host tag matches) by a process that is no longer running; a live
  process, even an unrelated one that reuses the id, keeps its files until it ends;
- it was made elsewhere (a folder on a network drive shared with another computer, whose processes
  cannot be seen from here) or named by an older version, and not modified for STALE_SECONDS (a day:
  no run takes that long).
Used for the report's temporary files, the web server's work folders and the readers' stderr files.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import sys
import time
from pathlib import Path
from typing import Callable

STALE_SECONDS = 24 * 3600
READER_PREFIX = "compliance-reader-"  # + tag(): a reader process's stderr, in the temp folder (ingest/isolate.py)
HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]
_OWNED = re.compile(r"(?P<host>[0-9a-f]{6})-(?P<pid>\d+)-")


def plain_file_mode() -> int:
    """The mode a plain new file gets here (0666 less the umask): mkstemp's 0600 would keep colleagues out of a
    report, JSON or store in a shared folder."""
    mask = os.umask(0o022)  # read it the only way there is, and put it back at once
    os.umask(mask)
    return 0o666 & ~mask


def tag() -> str:
    """``<host>-<pid>-``: who made a file, for the stale rule."""
    return f"{HOST}-{os.getpid()}-"


def sweep_dead(folder: Path, prefix: str, ours: Callable[[str], bool], delete: Callable[[Path], None]) -> list[Path]:
    """``delete`` each entry of ``folder`` named ``prefix<host>-<pid>-…`` (and ``ours(name)``) whose maker is
    certainly gone; returns what was deleted."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(prefix) and ours(entry.name)):
            continue
        try:
            modified = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if is_stale(entry.name[len(prefix):], modified, now):
            delete(Path(entry.path))
            removed.append(Path(entry.path))
    return removed


def is_stale(owned: str, modified: float, now: float) -> bool:
    """``owned``: a name after its prefix."""
    owner = _OWNED.match(owned)
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


def remove_readers_of(pid: int) -> None:
    """The reader stderr files of process ``pid``, just killed (supervise.py): nothing else would remove them."""
    import tempfile  # only on this rare path

    for path in Path(tempfile.gettempdir()).glob(f"{READER_PREFIX}{HOST}-{pid}-*"):
        path.unlink(missing_ok=True)
