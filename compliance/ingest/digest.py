"""The SHA-256 of a file, as 说明 and the JSON show it: one definition for ledgers and online lists."""

from __future__ import annotations

import hashlib
from pathlib import Path


def file_sha256(path: str | Path) -> str | None:
    """Hex SHA-256 of the file's bytes, read in blocks; None when it cannot be opened or read."""
    try:
        with open(path, "rb") as handle:
            if hasattr(hashlib, "file_digest"):  # Python 3.11+
                return hashlib.file_digest(handle, "sha256").hexdigest()
            digest = hashlib.sha256()  # Python 3.10
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
            return digest.hexdigest()
    except OSError:
        return None
