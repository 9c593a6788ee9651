"""A file is a ledger or the online list (--online), never both.

Checked against itself, a ledger confirms every one of its records (一致), and
its blank publication dates beside a 数据更新时间戳 column turn overdue records
into 数据有误: a clean-looking answer that says nothing. So:

- the online list found again in a ledger folder (the same file, or a copy with
  the same bytes: the monthly folder with the site's export put in it) is
  passed over as a ledger, with a note saying why;
- a file named on its own as a ledger and also given as the online list (or
  two files with the same bytes) is refused: the run cannot tell which one the
  user meant, and guessing would judge the unit on a wrong footing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from ..errors import OnlineListError
from ..problems import Problem, problem
from .digest import file_sha256


def set_aside_online(files: list[Path], named: Iterable[str | Path], online: Iterable[str | Path]
                     ) -> tuple[list[Path], list[tuple[Path, Problem]]]:
    """(ledger files, [(an online list found in a ledger folder, why it is not read as a ledger)]).

    ``named``: the paths given as ledgers (a file named there is refused, not passed over)."""
    lists = [Path(p) for p in online]
    if not lists or not files:
        return files, []
    by_place = {_place(p): p for p in lists if os.path.isfile(p)}
    by_bytes = {}
    for path in lists:
        digest = file_sha256(path)
        if digest is not None:
            by_bytes.setdefault(digest, path)
    named_places = {_place(Path(p)) for p in named if os.path.isfile(p)}
    kept, passed = [], []
    for path in files:
        place = _place(path)
        same = by_place.get(place)
        copy_of = None if same is not None else by_bytes.get(file_sha256(path))
        if same is None and copy_of is None:
            kept.append(path)
        elif place in named_places:
            reason = "这个文件同时作为台账给出" if same is not None else f"与台账 {path} 内容完全相同"
            raise OnlineListError(same or copy_of, reason + "；网站清单应是从信用网站或政府网站导出的清单。"
                                  "台账与自身核对，每条都会“一致”，说明不了是否真的公开了")
        else:
            copy = "" if same is not None else f"（与 {copy_of} 内容完全相同）"
            passed.append((path, problem("online-list-not-ledger", file=path, copy=copy)))
    return kept, passed


def _place(path: Path) -> str:
    """One spelling per file on disk: resolved links and relative paths compare equal."""
    try:
        return str(path.resolve())
    except OSError:
        return os.path.abspath(path)
