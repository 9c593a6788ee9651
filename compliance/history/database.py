"""The history store's reading and writing, on SQLAlchemy Core, the same statements for both backends:
a SQLite file (sqlite_file.py) or a PostgreSQL database (server.py). Each backend brings its own guards
(whose tables these are, which schema version, damage) and its own write transaction (one per run,
serialised with every other run's). Every method opens its own connection: a store is shared by several
processes. store.HistoryStore loads this module on first use, so a run without a store never imports SQLAlchemy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select, update

from . import schema as t
from .columns import FOLLOWUP_COLUMNS, RATE_COLUMNS, RECORD_COLUMNS
from .sqlite_file import SqliteFile

if TYPE_CHECKING:  # `history list` reads no frame: pandas is imported where one is made (start-up time)
    import pandas as pd


class Database:
    """The reading and writing of one store; ``fail(code, exc=None, **values)`` makes its StoreError."""

    def __init__(self, target: str | Path, is_server: bool, fail):
        self.is_server = is_server
        if is_server:
            from .server import Server  # pandas and pyarrow (its COPY path): only for a server

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
        with self._connect() as conn:
            return conn.execute(select(func.max(t.periods.c.period)).where(t.periods.c.period < period)).scalar()

    def followups(self, period: str, still_open: bool = False) -> pd.DataFrame:
        return _frame(FOLLOWUP_COLUMNS, self.followup_rows(period, still_open))

    def followup_rows(self, period: str, still_open: bool = False) -> list[tuple]:
        """One period's follow-up items as plain tuples of FOLLOWUP_COLUMNS (no pandas: `history open`)."""
        query = select(*(t.followups.c[c] for c in FOLLOWUP_COLUMNS)).where(t.followups.c.period == period)
        if still_open:
            query = query.where(t.followups.c.still_open == 1)
        with self._connect() as conn:
            return _rows(conn.execute(query))

    def records(self, periods: list[str], units: list[str]) -> pd.DataFrame:
        """Stored records of ``periods`` and ``units`` (keys and dates only: what coverage needs)."""
        columns = ["period", "unit", "category", "number_key", "party", "decision_date"]
        if not periods or not units:
            import pandas as pd  # start-up time (see the top)

            return pd.DataFrame(columns=columns)
        table = t.records
        query = select(*(table.c[c] for c in columns)).where(table.c.period.in_(periods), table.c.unit.in_(units))
        with self._connect() as conn:
            return _frame(columns, _rows(conn.execute(query)))

    def rates(self, period: str | None = None) -> pd.DataFrame:
        """(period, unit, category, rate) of one period or of all."""
        return _frame(RATE_COLUMNS, self.rate_rows(period))

    def rate_rows(self, period: str | None = None) -> list[tuple]:
        """(period, unit, category, rate) tuples, by period (no pandas: `history trend`)."""
        if not self.exists():
            return []
        table = t.unit_rates
        query = select(*(table.c[c] for c in RATE_COLUMNS)).order_by(table.c.period)
        if period:
            query = query.where(table.c.period == period)
        with self._connect() as conn:
            return _rows(conn.execute(query))

    def periods(self) -> list[dict]:
        p, r = t.periods, t.revisions
        with self._connect() as conn:
            rows = conn.execute(select(p.c.period, p.c.revision, p.c.run_time, p.c.as_of, p.c.inputs, p.c.records,
                                       p.c.previous_period, p.c.stale).order_by(p.c.period)).all()
            earlier = conn.execute(select(r.c.period, r.c.revision, r.c.run_time, r.c.records)
                                   .order_by(r.c.period, r.c.revision)).all()
        out = []
        for period, revision, run_time, as_of, inputs, records, previous, stale in rows:
            out.append({"period": period, "revision": revision, "run_time": run_time, "as_of": as_of,
                        "inputs": json.loads(inputs), "records": records, "previous_period": previous,
                        "stale": bool(stale),
                        "earlier_revisions": [{"revision": rv, "run_time": tm, "records": n}
                                              for pd_, rv, tm, n in earlier if pd_ == period]})
        return out

    def latest_period(self) -> str | None:
        with self._connect() as conn:
            return conn.execute(select(func.max(t.periods.c.period))).scalar()

    # -- writing ---------------------------------------------------------------------------------
    def record(self, period: dict, records: pd.DataFrame, counts: pd.DataFrame, rates: pd.DataFrame,
               followups: pd.DataFrame) -> int:
        """Record one period in one transaction, replacing an earlier run of it; returns its revision.

        ``period``: period, run_time, as_of, inputs (list), previous_period (the one its follow-up was
        built on). A replaced run is kept in ``revisions``. Every later period becomes stale: it was built
        on the run just replaced, or without this period at all (recorded out of order, or at the same
        moment). So does this one, when the period before it is no longer the one it was built on.
        """
        name = period["period"]
        p = t.periods
        with self._connect(create=True) as conn, self._backend.transaction(conn):
            before = conn.execute(select(func.max(p.c.period)).where(p.c.period < name)).scalar()
            old = conn.execute(select(p.c.revision, p.c.run_time, p.c.as_of, p.c.inputs, p.c.records)
                               .where(p.c.period == name)).first()
            revision = 1
            if old is not None:
                revision = old.revision + 1
                conn.execute(delete(t.revisions).where(t.revisions.c.period == name, t.revisions.c.revision ==
                                                       old.revision))
                conn.execute(insert(t.revisions).values(period=name, **old._asdict()))
                self._delete(conn, name)
            conn.execute(insert(p).values(period=name, revision=revision, run_time=period["run_time"],
                                          as_of=period["as_of"], inputs=json.dumps(period["inputs"], ensure_ascii=False),
                                          records=len(records), previous_period=period["previous_period"],
                                          stale=int(before != period["previous_period"])))
            self._insert(conn, t.records, records.assign(period=name)[["period", *RECORD_COLUMNS]])
            self._insert(conn, t.unit_counts, counts.assign(period=name)[["period", "unit", "category", "status",
                                                                          "count"]])
            self._insert(conn, t.unit_rates, rates.assign(period=name)[["period", "unit", "category", "rate"]])
            self._insert(conn, t.followups, followups.assign(period=name)[["period", *FOLLOWUP_COLUMNS]])
            conn.execute(update(p).where(p.c.period > name).values(stale=1))
        return revision

    def forget(self, name: str) -> bool:
        p = t.periods
        with self._connect() as conn, self._backend.transaction(conn):
            found = conn.execute(select(p.c.period).where(p.c.period == name)).first() is not None
            self._delete(conn, name)
            conn.execute(delete(t.revisions).where(t.revisions.c.period == name))
            if found:
                conn.execute(update(p).where(p.c.period > name).values(stale=1))
        return found

    @staticmethod
    def _delete(conn, name: str) -> None:
        for table in t.PERIOD_TABLES:
            conn.execute(delete(table).where(table.c.period == name))

    def _insert(self, conn, table, frame: pd.DataFrame) -> None:
        """The server's bulk path (COPY) when it has one; else column-wise to Python values (None for
        missing), then one executemany of the driver's own statement."""
        if not len(frame):
            return
        if self.is_server and self._backend.insert(conn, table, frame):
            return
        columns = [frame[c].to_numpy(dtype=object, na_value=None).tolist() for c in frame.columns]
        if self.is_server:  # another driver: SQLAlchemy's own executemany
            conn.execute(insert(table), [dict(zip(frame.columns, row)) for row in zip(*columns)])
            return
        names = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in frame.columns)
        marks = ", ".join("?" * len(frame.columns))
        conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", list(zip(*columns)))


def _rows(result) -> list[tuple]:
    # plain tuples: pandas asks each SQLAlchemy Row for attributes it lacks, a slow miss apiece
    return [tuple(row) for row in result.all()]


def _frame(columns: list[str], rows: list[tuple]) -> pd.DataFrame:
    """Rows as a frame, typed as pandas.read_sql would (numbers as numbers, None as missing)."""
    import pandas as pd  # start-up time (see the top)

    return pd.DataFrame.from_records(rows, columns=columns, coerce_float=True)

