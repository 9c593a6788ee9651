"""Temporary files of the tool's own naming, and how stale ones are found and removed.

A report (or the JSON) is written to ``.~compliance-<host>-<pid>-<random>.xlsx``
beside its target and renamed into place (repair.py briefly adds ``….xlsx.fix``). A run
killed with kill -9 (or a power cut) leaves them behind. Before writing, a run
removes the ones that are certainly dead, by a rule that cannot touch a
concurrent run's file (leftovers.py). The web server's work folder (uploads,
reports) follows the same rule.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..leftovers import HOST, plain_file_mode, sweep_dead, tag

PREFIX = ".~compliance-"
WEB_PREFIX = "compliance-web-"
__all__ = ["HOST", "PREFIX", "WEB_PREFIX", "announce_to", "companions", "new_temp", "new_web_folder", "remove",
           "sweep", "sweep_web_folders", "tag"]

_announce_fd: int | None = None


def announce_to(fd: int) -> None:
    """Tell ``fd`` (the supervisor's pipe, see supervise.py) each temporary report file made from now on."""
    global _announce_fd
    _announce_fd = fd


def new_temp(folder: Path, suffix: str) -> Path:
    """An empty, uniquely named temporary file in ``folder`` (same folder: the rename is atomic)."""
    fd, name = tempfile.mkstemp(prefix=PREFIX + tag(), suffix=suffix, dir=folder)
    os.close(fd)
    os.chmod(name, plain_file_mode())  # as any new file: the report and the JSON are for colleagues to read
    if _announce_fd is not None:
        os.write(_announce_fd, os.fsencode(os.path.abspath(name)) + b"\n")
    return Path(name)


def announce_written(path: Path) -> None:
    """Tell the supervisor that ``path`` is written and in place (marked "=", never to be removed): a
    worker that dies after it has still produced it, and the supervisor's message says so."""
    if _announce_fd is not None:
        os.write(_announce_fd, b"=" + os.fsencode(os.path.abspath(path)) + b"\n")


def companions(temp: Path) -> list[Path]:
    """Every file a write to ``temp`` may leave: itself and the repair's ``.fix``."""
    return [temp, temp.with_name(temp.name + ".fix")]


def remove(temp: Path) -> None:
    for path in companions(temp):
        path.unlink(missing_ok=True)


def sweep(folder: Path) -> list[Path]:
    """Remove stale ``.~compliance-*.xlsx``, ``*.xlsx.fix`` and ``*.json`` in ``folder``; returns what was removed."""
    return sweep_dead(folder, PREFIX, lambda name: name.endswith((".xlsx", ".xlsx.fix", ".json")),
                      lambda path: path.unlink(missing_ok=True))


def new_web_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix=WEB_PREFIX + tag()))


def sweep_web_folders(root: str | Path | None = None) -> list[Path]:
    """Remove the work folders (uploads, reports) that killed web servers left in the temp folder."""
    return sweep_dead(Path(root or tempfile.gettempdir()), WEB_PREFIX, lambda name: True,
                      lambda path: shutil.rmtree(path, ignore_errors=True))
