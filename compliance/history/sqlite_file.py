"""The default store: one SQLite file (the standard library's sqlite3, no SQLAlchemy), created on first use.

Why these guards:
- The file is recognised by its ``application_id`` (PRAGMA): a database the
  tool did not create is refused by name, never written to.
- A damaged store is refused: SQLite reports a damaged page when a read meets it, and a run checks
  every page (PRAGMA quick_check) before it writes; records are one blob per period, so the file is small.
- ``user_version`` is the schema version: a store made by a newer version is
  refused rather than misread; an older one is migrated in place by the next write, after a backup copy.
- Every run writes one transaction (BEGIN IMMEDIATE): a killed run leaves the
  store as it was, and a second run recording at the same moment waits for
  the first (up to ``LOCK_WAIT`` seconds) and then replaces the same period.
- A new store is built in a temporary file and linked into place, so two runs
  that create it at once cannot both believe they made it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ..leftovers import plain_file_mode
from .schema import SCHEMA_VERSION, create_statements, quote

APPLICATION_ID = 0x434D504C  # "CMPL"
LOCK_WAIT = 120.0  # seconds a run waits for another run that is recording


class SqliteFile:
    """The guards of a store file; ``connect`` yields a Connection that database.Database reads and writes."""

    dialect = "sqlite"

    def __init__(self, path: Path, fail):
        self.path = path
        self.label = str(path)
        self._fail = fail  # (code, exc=None, **values) -> StoreError naming the store

    def _open(self) -> sqlite3.Connection:
        # mode=rw: never creates a file (creation is _create's, aside); isolation_level=None: the
        # transactions are this module's own BEGIN IMMEDIATE / COMMIT, not the driver's implicit ones
        return sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, timeout=LOCK_WAIT, isolation_level=None)

    def exists(self) -> bool:
        return self.path.exists()

    @contextmanager
    def connect(self, create: bool = False):
        if self.path.is_dir():  # sqlite3 says only "unable to open database file"
            raise self._fail("store-is-folder")
        if not self.path.exists():
            if not create:
                raise self._fail("store-missing")
            self._create()
        try:
            raw = self._open()
        except sqlite3.Error as error:
            raise self._fail("store-failed", error) from error
        try:
            yield Connection(self, raw, self._check(raw))
        except sqlite3.OperationalError as error:  # locked too long, disk full, no permission
            raise self._fail("store-failed", error) from error
        except sqlite3.DatabaseError as error:  # "database disk image is malformed"
            raise self._fail("store-corrupt", error) from error
        finally:
            raw.close()  # an open transaction is rolled back

    def _check(self, raw: sqlite3.Connection) -> int:
        """Ours, not corrupt, not newer: its schema version; raises StoreError naming the file otherwise."""
        try:
            app_id = raw.execute("PRAGMA application_id").fetchone()[0]
            version = raw.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:  # "file is not a database", a damaged header
            raise self._fail("store-not-database", error) from error
        if app_id != APPLICATION_ID:  # an empty file reads as an empty database: emptied, never another's
            raise self._fail("store-empty" if self.path.stat().st_size == 0 else "store-not-ours")
        if version > SCHEMA_VERSION:
            raise self._fail("store-newer", version=version, ours=SCHEMA_VERSION)
        return version

    def check_whole(self, raw: sqlite3.Connection) -> None:
        """Every page, before a write: a damaged store is never written to (reads meet damage as errors).
        The records are one blob per period, so this reads a few MB, not the rows of every period."""
        try:
            verdict = raw.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as error:
            raise self._fail("store-corrupt", error) from error
        if verdict != "ok":
            raise self._fail("store-corrupt", reason=verdict)

    def backup(self, version: int) -> Path:
        """A copy of the file before it is migrated from ``version``: beside it, never over another file.
        Called under the write lock (no other run can change the file meanwhile)."""
        folder = self.path.parent
        handle, temp = tempfile.mkstemp(prefix=".history-", suffix=".sqlite", dir=folder)
        os.close(handle)
        try:
            shutil.copyfile(self.path, temp)
            shutil.copymode(self.path, temp)  # the backup as readable as the store it copies
            for n in range(1, 1000):
                target = folder / f"{self.path.stem}.v{version}-backup{'' if n == 1 else f'-{n}'}{self.path.suffix}"
                try:
                    os.link(temp, target)
                    return target
                except FileExistsError:  # an earlier backup: kept
                    continue
            raise FileExistsError(f"{folder}: too many backups of {self.path.name}")
        finally:
            Path(temp).unlink(missing_ok=True)

    def _create(self) -> None:
        """A new store, built aside and linked into place: never over a file that appeared meanwhile."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".history-", suffix=".sqlite", dir=folder)
            os.close(handle)
            os.chmod(temp, plain_file_mode())
        except OSError as error:
            raise self._fail("store-failed", error) from error
        try:
            aside = sqlite3.connect(temp, isolation_level=None)
            try:
                aside.execute("BEGIN")
                for statement in create_statements(self.dialect):
                    aside.execute(statement)
                aside.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                aside.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                aside.execute("COMMIT")
            finally:
                aside.close()
            try:
                os.link(temp, self.path)
            except FileExistsError:  # another run made it first: use theirs
                pass
        except (OSError, sqlite3.Error) as error:
            raise self._fail("store-failed", error) from error
        finally:
            Path(temp).unlink(missing_ok=True)


class Connection:
    """One open store file, as database.Database uses it (server.Connection is the same for PostgreSQL).
    SQL is text with ``:name`` parameters, which sqlite3 and SQLAlchemy's text() both read."""

    dialect = "sqlite"

    def __init__(self, file: SqliteFile, raw: sqlite3.Connection, version: int):
        self._file = file
        self._raw = raw
        self.version = version  # the schema version when it was opened

    def rows(self, sql: str, params: dict | None = None) -> list[tuple]:
        return self._raw.execute(sql, params or {}).fetchall()

    def run(self, sql: str, params: dict | None = None) -> None:
        self._raw.execute(sql, params or {})

    def insert(self, table: str, columns: list[str], values: list[list]) -> None:
        """Columns of Python values (None for missing), one executemany."""
        marks = ", ".join("?" * len(columns))
        self._raw.executemany(f"INSERT INTO {table} ({', '.join(map(quote, columns))}) VALUES ({marks})",
                              zip(*values))

    @contextmanager
    def transaction(self):
        """One write transaction: it waits for a run that is recording, and checks every page first."""
        self._raw.execute("BEGIN IMMEDIATE")
        try:
            self._file.check_whole(self._raw)
            yield
            self._raw.execute("COMMIT")
        except BaseException:
            if self._raw.in_transaction:  # SQLite may have rolled it back itself (a full disk)
                self._raw.execute("ROLLBACK")
            raise

    def compact(self) -> None:
        """After a migration: the pages of the dropped rows given back (VACUUM, a transaction of its own).
        The store is already written; a VACUUM that cannot run now (another run, a full disk) leaves
        the free pages for later, and the store as it was."""
        try:
            self._raw.execute("PRAGMA busy_timeout = 2000")  # not LOCK_WAIT: this can wait for a later run
            self._raw.execute("VACUUM")
        except sqlite3.OperationalError:
            pass

    def stored_version(self) -> int:
        """The schema version now (under the write lock: another run may have migrated it meanwhile)."""
        return self._raw.execute("PRAGMA user_version").fetchone()[0]

    def set_version(self, version: int) -> None:
        self._raw.execute(f"PRAGMA user_version = {int(version)}")

    def backup(self, version: int) -> Path:
        try:
            return self._file.backup(version)
        except OSError as error:
            raise self._file._fail("store-failed", error) from error
