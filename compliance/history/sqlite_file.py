"""The default store: one SQLite file (stdlib sqlite3 under SQLAlchemy), created by the tool on first use.

Why these guards:
- The file is recognised by its ``application_id`` (PRAGMA): a database the
  tool did not create is refused by name, never written to.
- A damaged store is refused: SQLite reports a damaged page when a read meets it, and a run checks
  every page (PRAGMA quick_check) before it writes.
- ``user_version`` is the schema version: a store made by a newer version is
  refused rather than misread; an older one can be migrated in place later.
- Every run writes one transaction (BEGIN IMMEDIATE): a killed run leaves the
  store as it was, and a second run recording at the same moment waits for
  the first (up to ``LOCK_WAIT`` seconds) and then replaces the same period.
- A new store is built in a temporary file and linked into place, so two runs
  that create it at once cannot both believe they made it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, exc
from sqlalchemy.pool import NullPool

from .schema import SCHEMA_VERSION, metadata

APPLICATION_ID = 0x434D504C  # "CMPL"
LOCK_WAIT = 120.0  # seconds a run waits for another run that is recording


class SqliteFile:
    """The guards of a store file; HistoryStore does the reading and writing through ``engine``."""

    def __init__(self, path: Path, fail):
        self.path = path
        self.label = str(path)
        self._fail = fail  # (code, exc=None, **values) -> StoreError naming the store
        self.engine = create_engine("sqlite://", poolclass=NullPool, creator=self._open)

    def _open(self) -> sqlite3.Connection:
        # mode=rw: never creates a file (creation is _create's, aside); isolation_level=None: the
        # transactions are this module's own BEGIN IMMEDIATE / COMMIT, not the driver's implicit ones
        return sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, timeout=LOCK_WAIT, isolation_level=None)

    def exists(self) -> bool:
        return self.path.exists()

    @contextmanager
    def connect(self, create: bool = False):
        if not self.path.exists():
            if not create:
                raise self._fail("store-missing")
            self._create()
        try:
            conn = self.engine.connect()
        except exc.DBAPIError as error:
            raise self._fail("store-failed", error.orig) from error
        with conn:
            self._check(conn)
            try:
                yield conn
            except exc.DBAPIError as error:
                if isinstance(error.orig, sqlite3.OperationalError):  # locked too long, disk full, no permission
                    raise self._fail("store-failed", error.orig) from error
                if isinstance(error.orig, sqlite3.DatabaseError):  # "database disk image is malformed"
                    raise self._fail("store-corrupt", error.orig) from error
                raise

    def _check(self, conn) -> None:
        """Ours, not corrupt, not newer; raises StoreError naming the file otherwise."""
        try:
            app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
            version = conn.exec_driver_sql("PRAGMA user_version").scalar()
        except exc.DBAPIError as error:  # "file is not a database", a damaged header
            raise self._fail("store-not-database", error.orig) from error
        if app_id != APPLICATION_ID:
            raise self._fail("store-not-ours")
        if version > SCHEMA_VERSION:
            raise self._fail("store-newer", version=version, ours=SCHEMA_VERSION)

    @contextmanager
    def transaction(self, conn):
        """One write transaction: it waits for a run that is recording, and checks every page first."""
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            self._check_whole(conn)
            yield
            conn.exec_driver_sql("COMMIT")
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise

    def _check_whole(self, conn) -> None:
        """Every page, before a write: a damaged store is never written to (reads meet damage as errors).
        About 0.05 s per 100,000 stored records, so only the write pays it."""
        try:
            verdict = conn.exec_driver_sql("PRAGMA quick_check").scalar()
        except exc.DBAPIError as error:
            raise self._fail("store-corrupt", error.orig) from error
        if verdict != "ok":
            raise self._fail("store-corrupt", reason=verdict)

    def _create(self) -> None:
        """A new store, built aside and linked into place: never over a file that appeared meanwhile."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".history-", suffix=".sqlite", dir=folder)
            os.close(handle)
        except OSError as error:
            raise self._fail("store-failed", error) from error
        try:
            aside = create_engine("sqlite://", poolclass=NullPool,
                                  creator=lambda: sqlite3.connect(temp, isolation_level=None))
            with aside.connect() as conn:
                conn.exec_driver_sql("BEGIN")
                metadata.create_all(conn)
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.exec_driver_sql("COMMIT")
            aside.dispose()
            try:
                os.link(temp, self.path)
            except FileExistsError:  # another run made it first: use theirs
                pass
        except (OSError, exc.SQLAlchemyError) as error:
            raise self._fail("store-failed", getattr(error, "orig", None) or error) from error
        finally:
            Path(temp).unlink(missing_ok=True)

