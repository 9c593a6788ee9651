"""The history store: one SQLite file (stdlib sqlite3), created by the tool on first use.

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

import json
import os
import sqlite3
import tempfile
from contextlib import closing, contextmanager
from pathlib import Path

import pandas as pd

from ..errors import ComplianceError

APPLICATION_ID = 0x434D504C  # "CMPL"
SCHEMA_VERSION = 1
LOCK_WAIT = 120.0  # seconds a run waits for another run that is recording
DEFAULT_NAME = "公开时限历史.sqlite"

SCHEMA = """
CREATE TABLE periods (period TEXT PRIMARY KEY, revision INTEGER NOT NULL, run_time TEXT NOT NULL,
    as_of TEXT NOT NULL, inputs TEXT NOT NULL, records INTEGER NOT NULL, previous_period TEXT,
    stale INTEGER NOT NULL DEFAULT 0);
CREATE TABLE revisions (period TEXT NOT NULL, revision INTEGER NOT NULL, run_time TEXT NOT NULL,
    as_of TEXT NOT NULL, inputs TEXT NOT NULL, records INTEGER NOT NULL, PRIMARY KEY (period, revision));
CREATE TABLE records (period TEXT NOT NULL, unit TEXT, category TEXT, number_key TEXT NOT NULL,
    document_number TEXT, party TEXT, decision_date TEXT, published_date TEXT, deadline TEXT,
    status TEXT NOT NULL, online_result TEXT, problems TEXT, source_file TEXT, sheet TEXT, row INTEGER);
CREATE INDEX records_by_period ON records (period);
CREATE TABLE unit_counts (period TEXT NOT NULL, unit TEXT NOT NULL, category TEXT NOT NULL,
    status TEXT NOT NULL, count INTEGER NOT NULL);
CREATE TABLE unit_rates (period TEXT NOT NULL, unit TEXT NOT NULL, category TEXT NOT NULL, rate REAL);
CREATE TABLE followups (period TEXT NOT NULL, unit TEXT, category TEXT, number_key TEXT NOT NULL,
    document_number TEXT, party TEXT, decision_date TEXT, first_period TEXT NOT NULL,
    periods_open INTEGER NOT NULL, problem TEXT NOT NULL, state TEXT NOT NULL, carried INTEGER NOT NULL,
    published_date TEXT, working_days_late INTEGER, status TEXT, still_open INTEGER NOT NULL,
    source_file TEXT, sheet TEXT, row INTEGER);
CREATE INDEX followups_by_period ON followups (period);
"""
RECORD_COLUMNS = ["unit", "category", "number_key", "document_number", "party", "decision_date", "published_date",
                  "deadline", "status", "online_result", "problems", "source_file", "sheet", "row"]
FOLLOWUP_COLUMNS = ["unit", "category", "number_key", "document_number", "party", "decision_date", "first_period",
                    "periods_open", "problem", "state", "carried", "published_date", "working_days_late", "status",
                    "still_open", "source_file", "sheet", "row"]


class StoreError(ComplianceError):
    """The store cannot be used: not ours, corrupt, newer, or a database error. ``code``: a store-* code."""


def default_store_path() -> Path:
    return Path("reports") / DEFAULT_NAME


class HistoryStore:
    """One store file. Every method opens its own connection: a store is shared by several processes."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    @property
    def label(self) -> str:
        return str(self.path)

    # -- opening ---------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.exists()

    def _fail(self, code: str, exc: BaseException | None = None, **values) -> StoreError:
        reason = values.pop("reason", None) or (str(exc) if exc else "")
        return StoreError.of(code, path=self.label, reason=reason, **values)

    @contextmanager
    def _connect(self, create: bool = False):
        if not self.path.exists():
            if not create:
                raise self._fail("store-missing")
            self._create()
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, timeout=LOCK_WAIT,
                                   isolation_level=None)
        except sqlite3.Error as exc:
            raise self._fail("store-failed", exc) from exc
        with closing(conn):
            self._check(conn)
            try:
                yield conn
            except sqlite3.OperationalError as exc:  # locked too long, disk full, no permission
                raise self._fail("store-failed", exc) from exc
            except sqlite3.DatabaseError as exc:  # "database disk image is malformed": a damaged page was read
                raise self._fail("store-corrupt", exc) from exc

    def _check(self, conn: sqlite3.Connection) -> None:
        """Ours, not corrupt, not newer; raises StoreError naming the file otherwise."""
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:  # "file is not a database", a damaged header
            raise self._fail("store-not-database", exc) from exc
        if app_id != APPLICATION_ID:
            raise self._fail("store-not-ours")
        if version > SCHEMA_VERSION:
            raise self._fail("store-newer", version=version, ours=SCHEMA_VERSION)

    def _check_whole(self, conn: sqlite3.Connection) -> None:
        """Every page, before a write: a damaged store is never written to (reads meet damage as errors).
        About 0.05 s per 100,000 stored records, so only the write pays it."""
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise self._fail("store-corrupt", exc) from exc
        if verdict != "ok":
            raise self._fail("store-corrupt", reason=verdict)

    def _create(self) -> None:
        """A new store, built aside and linked into place: never over a file that appeared meanwhile."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".history-", suffix=".sqlite", dir=folder)
            os.close(handle)
        except OSError as exc:
            raise self._fail("store-failed", exc) from exc
        try:
            with closing(sqlite3.connect(temp, isolation_level=None)) as conn:
                conn.executescript(f"BEGIN; {SCHEMA} PRAGMA application_id = {APPLICATION_ID};"
                                   f" PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            try:
                os.link(temp, self.path)
            except FileExistsError:  # another run made it first: use theirs
                pass
        except (OSError, sqlite3.Error) as exc:
            raise self._fail("store-failed", exc) from exc
        finally:
            Path(temp).unlink(missing_ok=True)

    def check_readable(self) -> None:
        """Raise StoreError when the store exists but cannot be used (a missing store is fine)."""
        if self.path.exists():
            with self._connect():
                pass

    # -- reading ---------------------------------------------------------------------------------
    def previous_period(self, period: str) -> str | None:
        """The latest recorded period before ``period``."""
        if not self.path.exists():
            return None
        with self._connect() as conn:
            row = conn.execute("SELECT max(period) FROM periods WHERE period < ?", (period,)).fetchone()
        return row[0]

    def followups(self, period: str, still_open: bool = False) -> pd.DataFrame:
        where = " AND still_open = 1" if still_open else ""
        with self._connect() as conn:
            return pd.read_sql_query(f"SELECT {', '.join(FOLLOWUP_COLUMNS)} FROM followups WHERE period = ?{where}",
                                     conn, params=(period,))

    def records(self, periods: list[str], units: list[str]) -> pd.DataFrame:
        """Stored records of ``periods`` and ``units`` (keys and dates only: what coverage needs)."""
        columns = ["period", "unit", "category", "number_key", "party", "decision_date"]
        if not periods or not units:
            return pd.DataFrame(columns=columns)
        with self._connect() as conn:
            marks_p, marks_u = ",".join("?" * len(periods)), ",".join("?" * len(units))
            return pd.read_sql_query(f"SELECT {', '.join(columns)} FROM records WHERE period IN ({marks_p})"
                                     f" AND unit IN ({marks_u})", conn, params=[*periods, *units])

    def rates(self, period: str | None = None) -> pd.DataFrame:
        """(period, unit, category, rate) of one period or of all."""
        if not self.path.exists():
            return pd.DataFrame(columns=["period", "unit", "category", "rate"])
        with self._connect() as conn:
            where, params = ("WHERE period = ?", (period,)) if period else ("", ())
            return pd.read_sql_query(f"SELECT period, unit, category, rate FROM unit_rates {where}"
                                     " ORDER BY period", conn, params=params)

    def periods(self) -> list[dict]:
        with self._connect() as conn:
            rows = conn.execute("SELECT period, revision, run_time, as_of, inputs, records, previous_period, stale"
                                " FROM periods ORDER BY period").fetchall()
            earlier = conn.execute("SELECT period, revision, run_time, records FROM revisions"
                                   " ORDER BY period, revision").fetchall()
        out = []
        for period, revision, run_time, as_of, inputs, records, previous, stale in rows:
            out.append({"period": period, "revision": revision, "run_time": run_time, "as_of": as_of,
                        "inputs": json.loads(inputs), "records": records, "previous_period": previous,
                        "stale": bool(stale),
                        "earlier_revisions": [{"revision": r, "run_time": t, "records": n}
                                              for p, r, t, n in earlier if p == period]})
        return out

    def latest_period(self) -> str | None:
        with self._connect() as conn:
            return conn.execute("SELECT max(period) FROM periods").fetchone()[0]

    # -- writing ---------------------------------------------------------------------------------
    def record(self, period: dict, records: pd.DataFrame, counts: pd.DataFrame, rates: pd.DataFrame,
               followups: pd.DataFrame) -> int:
        """Record one period in one transaction, replacing an earlier run of it; returns its revision.

        ``period``: period, run_time, as_of, inputs (list), previous_period. A
        replaced run is kept in ``revisions``; later periods become stale.
        """
        name = period["period"]
        with self._connect(create=True) as conn:
            conn.execute("BEGIN IMMEDIATE")  # waits for a run that is recording
            try:
                self._check_whole(conn)
                old = conn.execute("SELECT revision, run_time, as_of, inputs, records FROM periods WHERE period = ?",
                                   (name,)).fetchone()
                revision = 1
                if old is not None:
                    revision = old[0] + 1
                    conn.execute("INSERT OR REPLACE INTO revisions VALUES (?, ?, ?, ?, ?, ?)", (name, *old))
                    self._delete(conn, name)
                conn.execute("INSERT INTO periods VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                             (name, revision, period["run_time"], period["as_of"],
                              json.dumps(period["inputs"], ensure_ascii=False), len(records),
                              period["previous_period"]))
                _insert(conn, "records", records.assign(period=name)[["period", *RECORD_COLUMNS]])
                _insert(conn, "unit_counts", counts.assign(period=name)[["period", "unit", "category", "status",
                                                                         "count"]])
                _insert(conn, "unit_rates", rates.assign(period=name)[["period", "unit", "category", "rate"]])
                _insert(conn, "followups", followups.assign(period=name)[["period", *FOLLOWUP_COLUMNS]])
                if old is not None:  # later periods were built on the run just replaced
                    conn.execute("UPDATE periods SET stale = 1 WHERE period > ?", (name,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return revision

    def forget(self, name: str) -> bool:
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                found = conn.execute("SELECT 1 FROM periods WHERE period = ?", (name,)).fetchone() is not None
                self._delete(conn, name)
                conn.execute("DELETE FROM revisions WHERE period = ?", (name,))
                if found:
                    conn.execute("UPDATE periods SET stale = 1 WHERE period > ?", (name,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return found

    @staticmethod
    def _delete(conn, name: str) -> None:
        for table in ("periods", "records", "unit_counts", "unit_rates", "followups"):
            conn.execute(f"DELETE FROM {table} WHERE period = ?", (name,))


def _insert(conn, table: str, frame: pd.DataFrame) -> None:
    """Column-wise to Python values (None for missing), then one executemany."""
    if not len(frame):
        return
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in frame.columns]
    marks = ",".join("?" * len(frame.columns))
    conn.executemany(f"INSERT INTO {table} ({', '.join(frame.columns)}) VALUES ({marks})", zip(*columns))
