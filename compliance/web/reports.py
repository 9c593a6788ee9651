"""Reports kept for download under an unguessable id, for a limited time, then deleted.

Ids come from ``secrets.token_urlsafe``; a report is found only through the
table of ids this process issued, never by building a path from a request.
"""

from __future__ import annotations

import secrets
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass
class StoredReport:
    path: Path
    download_name: str
    expires: float


class ReportStore:
    def __init__(self, root: Path, ttl_seconds: float, clock: Callable[[], float] = time.monotonic):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.ttl = ttl_seconds
        self.clock = clock
        self._reports: dict[str, StoredReport] = {}
        self._lock = threading.Lock()

    def new_folder(self) -> tuple[str, Path]:
        """A fresh id and the folder its report goes in (not downloadable until ``keep``)."""
        token = secrets.token_urlsafe(24)
        folder = self.root / token
        folder.mkdir()
        return token, folder

    def keep(self, token: str, path: Path, download_name: str) -> None:
        with self._lock:
            self._reports[token] = StoredReport(Path(path), download_name, self.clock() + self.ttl)

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
