"""Reports kept for download under an unguessable id, for a limited time, then deleted.

Ids come from ``secrets.token_urlsafe``; a report is found only through the
table of ids this process issued, never by building a path from a request.
What is kept is bounded: at most ``max_bytes`` all together and MAX_REPORTS
reports; past either, the oldest go first (the newest is always kept).
"""

from __future__ import annotations

import secrets
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


MAX_REPORTS = 1000


@dataclass
class StoredReport:
    path: Path
    download_name: str
    expires: float
    size: int = 0
    units: tuple[str, ...] = ()  # the units of the upload: all that its history view may show


class ReportStore:
    def __init__(self, root: Path, ttl_seconds: float, clock: Callable[[], float] = time.monotonic,
                 max_bytes: int = 500 << 20, max_reports: int = MAX_REPORTS):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.ttl = ttl_seconds
        self.clock = clock
        self.max_bytes, self.max_reports = max_bytes, max_reports
        self._reports: dict[str, StoredReport] = {}
        self._lock = threading.Lock()

    def new_folder(self) -> tuple[str, Path]:
        """A fresh id and the folder its report goes in (not downloadable until ``keep``)."""
        token = secrets.token_urlsafe(24)
        folder = self.root / token
        folder.mkdir()
        return token, folder

    def keep(self, token: str, path: Path, download_name: str, units: tuple[str, ...] = ()) -> None:
        report = StoredReport(Path(path), download_name, self.clock() + self.ttl, Path(path).stat().st_size,
                              tuple(units))
        with self._lock:
            self._reports[token] = report  # insertion order is age order
            evicted = []
            while len(self._reports) > 1 and (len(self._reports) > self.max_reports or
                                              sum(r.size for r in self._reports.values()) > self.max_bytes):
                oldest = next(iter(self._reports))
                del self._reports[oldest]
                evicted.append(oldest)
        for old in evicted:
            shutil.rmtree(self.root / old, ignore_errors=True)

    @property
    def total_bytes(self) -> int:
        with self._lock:
            return sum(r.size for r in self._reports.values())

    def discard(self, token: str) -> None:
        with self._lock:
            self._reports.pop(token, None)
        shutil.rmtree(self.root / token, ignore_errors=True)

    def get(self, token: str) -> StoredReport | None:
        self.sweep()
        with self._lock:
            return self._reports.get(token)

    def sweep(self) -> int:
        """Delete every expired report; returns how many."""
        now = self.clock()
        with self._lock:
            expired = [t for t, r in self._reports.items() if r.expires <= now]
            for token in expired:
                del self._reports[token]
        for token in expired:
            shutil.rmtree(self.root / token, ignore_errors=True)
        return len(expired)

    def __len__(self) -> int:
        with self._lock:
            return len(self._reports)
