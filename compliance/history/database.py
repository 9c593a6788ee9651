"""The history store's reading and writing: the same SQL text for both backends, a SQLite file
(sqlite_file.py, the standard library's sqlite3) or a PostgreSQL database (server.py, SQLAlchemy Core).
Each backend's Connection brings its own guards (whose tables these are, which schema version, damage),
its own write transaction (one per run, serialised with every other run's) and its own bulk insert.
Every method opens its own connection: a store is shared by several processes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from . import schema as t
from .columns import FOLLOWUP_COLUMNS, LEDGER_LATEST, RATE_COLUMNS, RULE_USED
from .sqlite_file import SqliteFile

if TYPE_CHECKING:  # `history list` reads no frame: pandas is imported where one is made (start-up time)
    import pandas as pd

# what records() reads back: the keys, and the dates that tell how far a period's ledgers went
_KEY_COLUMNS = ["unit", "category", "number_key", "party", "decision_date", "published_date", "status"]


def _names(columns) -> str:
    return ", ".join(map(t.quote, columns))


def _marks(prefix: str, values: list) -> tuple[str, dict]:
    """``:p0, :p1, …`` and their values: an IN list as named parameters."""
    params = {f"{prefix}{i}": v for i, v in enumerate(values)}
    return ", ".join(f":{name}" for name in params), params


class Database:
    """The reading and writing of one store; ``fail(code, exc=None, **values)`` makes its StoreError."""

    def __init__(self, target: str | Path, is_server: bool, fail):
        self.is_server = is_server
        self._fail = fail
        self.migrated: Path | str | None = None  # set by a write that migrated the store (its backup, or "")
        if is_server:
            from .server import Server  # SQLAlchemy, pandas and pyarrow: only for a server

            self._backend = Server(str(target), fail)
        else:
            self._backend = SqliteFile(Path(target), fail)
        self.label = self._backend.label

    def exists(self) -> bool:
        return self._backend.exists()

    def _connect(self, create: bool = False):
        return self._backend.connect(create)

    def check_readable(self) -> None:
        if self.exists():
            with self._connect():
                pass

    # -- reading ---------------------------------------------------------------------------------
    def previous_period(self, period: str) -> str | None:
        """The latest recorded period before ``period``."""
        if not self.exists():
            return None
        with self._connect() as c:
            return c.rows("SELECT max(period) FROM periods WHERE period < :period", {"period": period})[0][0]

    def followups(self, period: str, still_open: bool = False) -> pd.DataFrame:
        return _frame(FOLLOWUP_COLUMNS, self.followup_rows(period, still_open))

    def followup_rows(self, period: str, still_open: bool = False) -> list[tuple]:
        """One period's follow-up items as plain tuples of FOLLOWUP_COLUMNS (no pandas: `history open`)."""
        with self._connect() as c:
            stored = FOLLOWUP_COLUMNS if c.version >= 3 else FOLLOWUP_COLUMNS[:-1]  # not yet migrated: no 说明
            sql = f"SELECT {_names(stored)} FROM followups WHERE period = :period"
            if still_open:
                sql += " AND still_open = 1"
            rows = c.rows(sql, {"period": period})
        return rows if len(stored) == len(FOLLOWUP_COLUMNS) else [(*row, None) for row in rows]

    def records(self, periods: list[str], units: list[str]) -> pd.DataFrame:
        """Stored records of ``periods`` and ``units`` (keys, dates and status: what the follow-up needs)."""
        import pandas as pd  # start-up time (see the top)

        columns = ["period", *_KEY_COLUMNS]
        if not periods or not units:
            return pd.DataFrame(columns=columns)
        in_periods, params = _marks("p", periods)
        with self._connect() as c:
            if c.version < 2:  # a store not yet migrated (its next write does it): one row per record
                in_units, more = _marks("u", units)
                rows = c.rows(f"SELECT {_names(columns)} FROM records WHERE period IN ({in_periods}) "
                              f"AND unit IN ({in_units})", {**params, **more})
                return _frame(columns, rows)
            blobs = c.rows(f"SELECT period, format, data FROM period_records WHERE period IN ({in_periods}) "
                           "ORDER BY period", params)
        from . import blob  # pyarrow's Parquet reader: only the follow-up of a store's records needs it

        try:
            frames = [blob.decode(bytes(data), _KEY_COLUMNS, units).assign(period=period)
                      for period, _format, data in blobs]
        except blob.DamagedBlob as error:  # damage SQLite cannot see: inside a blob's bytes
            raise self._fail("store-corrupt", error) from error
        return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)

    def ledger_latest(self, period: str) -> dict[str, str]:
        """{unit: ISO day} recorded for ``period`` as unit_counts rows of status LEDGER_LATEST (count YYYYMMDD)."""
        if not self.exists():
            return {}
        with self._connect() as c:
            rows = c.rows(f"SELECT unit, {t.quote('count')} FROM unit_counts WHERE period = :period AND status = :status",
                          {"period": period, "status": LEDGER_LATEST})
        return {unit: f"{v // 10000:04d}-{v // 100 % 100:02d}-{v % 100:02d}" for unit, v in rows}

    def rule_used(self, period: str) -> str | None:
        """The rule ``period`` was recorded under (a unit_counts row of status RULE_USED); None when unknown."""
        if not self.exists():
            return None
        with self._connect() as c:
            rows = c.rows("SELECT unit FROM unit_counts WHERE period = :period AND status = :status",
                          {"period": period, "status": RULE_USED})
        return rows[0][0] if rows else None

    def rates(self, period: str | None = None) -> pd.DataFrame:
        """(period, unit, category, rate) of one period or of all."""
        return _frame(RATE_COLUMNS, self.rate_rows(period))

    def rate_rows(self, period: str | None = None) -> list[tuple]:
        """(period, unit, category, rate) tuples, by period (no pandas: `history trend`)."""
        if not self.exists():
            return []
        sql = f"SELECT {_names(RATE_COLUMNS)} FROM unit_rates"
        if period:
            sql += " WHERE period = :period"
        with self._connect() as c:
            return c.rows(sql + " ORDER BY period", {"period": period} if period else None)

    def periods(self) -> list[dict]:
        with self._connect() as c:
            rows = c.rows("SELECT period, revision, run_time, as_of, inputs, records, previous_period, stale "
                          "FROM periods ORDER BY period")
            earlier = c.rows("SELECT period, revision, run_time, records FROM revisions ORDER BY period, revision")
        out = []
        for period, revision, run_time, as_of, inputs, records, previous, stale in rows:
            out.append({"period": period, "revision": revision, "run_time": run_time, "as_of": as_of,
                        "inputs": json.loads(inputs), "records": records, "previous_period": previous,
                        "stale": bool(stale),
                        "earlier_revisions": [{"revision": rv, "run_time": tm, "records": n}
                                              for pd_, rv, tm, n in earlier if pd_ == period]})
        return out

    def latest_period(self) -> str | None:
        with self._connect() as c:
            return c.rows("SELECT max(period) FROM periods")[0][0]

    # -- writing ---------------------------------------------------------------------------------
    def record(self, period: dict, records: pd.DataFrame, counts: pd.DataFrame, rates: pd.DataFrame,
               followups: pd.DataFrame) -> int:
        """Record one period in one transaction, replacing an earlier run of it; returns its revision.

        ``period``: period, run_time, as_of, inputs (list), previous_period (the one its follow-up was
        built on). A replaced run is kept in ``revisions``. Every later period becomes stale: it was built
        on the run just replaced, or without this period at all (recorded out of order, or at the same
        moment). So does this one, when the period before it is no longer the one it was built on.
        """
        from . import blob  # pyarrow's Parquet writer: only a run that records

        name = period["period"]
        data = blob.encode(records)  # before the transaction: the lock is held for the writes alone
        tables = [("unit_counts", counts, ["unit", "category", "status", "count"]),
                  ("unit_rates", rates, ["unit", "category", "rate"]), ("followups", followups, FOLLOWUP_COLUMNS)]
        values = [(table, ["period", *names], _values(frame, names, name)) for table, frame, names in tables]
        with self._connect(create=True) as c:
            with c.transaction():
                revision = self._write(c, period, records, (blob.FORMAT, data), values)
            if self.migrated is not None:
                c.compact()
        return revision

    def _write(self, c, period: dict, records: pd.DataFrame, data: tuple[str, bytes], values: list) -> int:
        """record()'s statements, inside its transaction; ``data``: the records' (format, blob)."""
        name = period["period"]
        self._migrate(c)
        at = {"period": name}
        before = c.rows("SELECT max(period) FROM periods WHERE period < :period", at)[0][0]
        old = c.rows("SELECT revision, run_time, as_of, inputs, records FROM periods WHERE period = :period", at)
        revision = 1
        if old:
            revision = old[0][0] + 1
            c.run("DELETE FROM revisions WHERE period = :period AND revision = :revision",
                  {**at, "revision": old[0][0]})
            c.run("INSERT INTO revisions (period, revision, run_time, as_of, inputs, records) "
                  "VALUES (:period, :revision, :run_time, :as_of, :inputs, :records)",
                  {**at, **dict(zip(["revision", "run_time", "as_of", "inputs", "records"], old[0]))})
            self._delete(c, name)
        c.run("INSERT INTO periods (period, revision, run_time, as_of, inputs, records, previous_period, stale) "
              "VALUES (:period, :revision, :run_time, :as_of, :inputs, :records, :previous_period, :stale)",
              {**at, "revision": revision, "run_time": period["run_time"], "as_of": period["as_of"],
               "inputs": json.dumps(period["inputs"], ensure_ascii=False), "records": len(records),
               "previous_period": period["previous_period"], "stale": int(before != period["previous_period"])})
        c.run("INSERT INTO period_records (period, format, data) VALUES (:period, :format, :data)",
              {**at, "format": data[0], "data": data[1]})
        for table, names, columns in values:
            if columns:
                c.insert(table, names, columns)
        c.run("UPDATE periods SET stale = 1 WHERE period > :period", at)
        return revision

    def forget(self, name: str) -> bool:
        with self._connect() as c:
            with c.transaction():
                self._migrate(c)
                at = {"period": name}
                found = bool(c.rows("SELECT period FROM periods WHERE period = :period", at))
                self._delete(c, name)
                c.run("DELETE FROM revisions WHERE period = :period", at)
                if found:
                    c.run("UPDATE periods SET stale = 1 WHERE period > :period", at)
            if self.migrated is not None:
                c.compact()
        return found

    @staticmethod
    def _delete(c, name: str) -> None:
        for table in t.PERIOD_TABLES:
            c.run(f"DELETE FROM {table} WHERE period = :period", {"period": name})

    def _migrate(self, c) -> None:
        """An older store brought to this schema version, inside the write transaction (a killed run
        leaves it as it was); a SQLite file is first copied beside itself (Connection.backup)."""
        version = c.stored_version()  # under the write lock: another run may have migrated it meanwhile
        if version >= t.SCHEMA_VERSION:
            return
        backup = c.backup(version)
        if version < 2:
            self._migrate_from_1(c)
        if "note" not in _columns(c, "followups"):  # (a store made as version 1 by hand in a test may have it)
            for statement in t.MIGRATE_FROM_2:
                c.run(statement)
        c.set_version(t.SCHEMA_VERSION)
        self.migrated = backup if backup is not None else ""


    @staticmethod
    def _migrate_from_1(c) -> None:
        """Version 1's records, one row each, become one Parquet blob per period."""
        for table in t.MIGRATE_FROM_1_BEFORE:
            c.run(t.create_table(table, c.dialect))
        from . import blob  # pyarrow's Parquet writer: only a run that records

        for (period,) in c.rows("SELECT DISTINCT period FROM records ORDER BY period"):
            rows = c.rows(f"SELECT {_names(t.V1_RECORD_COLUMNS)} FROM records WHERE period = :period",
                          {"period": period})
            c.run("INSERT INTO period_records (period, format, data) VALUES (:period, :format, :data)",
                  {"period": period, "format": blob.FORMAT, "data": blob.encode(_frame(t.V1_RECORD_COLUMNS, rows))})
        for statement in t.MIGRATE_FROM_1_AFTER:
            c.run(statement)


def _columns(c, table: str) -> set[str]:
    """The columns ``table`` has now, in either backend."""
    if c.dialect == "sqlite":
        return {name for (name,) in c.rows(f"SELECT name FROM pragma_table_info('{table}')")}
    return {name for (name,) in c.rows("SELECT column_name FROM information_schema.columns "
                                       "WHERE table_name = :table AND table_schema = current_schema()", {"table": table})}


def _values(frame: pd.DataFrame, names: list[str], period: str) -> list[list]:
    """The period and ``names`` of ``frame`` as columns of Python values (None for missing)."""
    if not len(frame):
        return []
    return [[period] * len(frame)] + [frame[c].to_numpy(dtype=object, na_value=None).tolist() for c in names]


def _frame(columns: list[str], rows: list[tuple]) -> pd.DataFrame:
    """Rows as a frame, typed as pandas.read_sql would (numbers as numbers, None as missing)."""
    import pandas as pd  # start-up time (see the top)

    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=True)
