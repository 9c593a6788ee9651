"""A store on a PostgreSQL server (``--db postgresql://用户@主机/库``): one store shared by several offices.

The SQLite file's guards, in a server's terms:
- A database has no file header to mark it: the table ``compliance_meta`` says whose the tables are
  (``application``) and which schema version they hold (``schema_version``). A database that holds other
  tables and no such mark is refused and never written to; a newer schema version is refused.
- The tables are made by the first recording run, inside its own transaction, in an empty database only.
- Every run writes one transaction, which first takes a transaction-scoped advisory lock: a second run
  recording at the same moment waits for the first (up to ``LOCK_WAIT``) and then replaces the same
  period; a killed run's connection drops and the server rolls its transaction back.
- The password never leaves this module: ``label`` (messages, JSON ``history.store``) is the URL without it.
"""

from __future__ import annotations

from contextlib import contextmanager
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from sqlalchemy import Float, Integer, create_engine, exc, func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from .schema import APPLICATION, SCHEMA_VERSION, metadata, server_metadata, store_meta

LOCK_KEY = 0x434D504C  # pg_advisory_xact_lock's key: "CMPL", as the SQLite file's application_id
LOCK_WAIT = "120s"  # how long a run waits for another run that is recording
CONNECT_TIMEOUT = 10  # seconds: an unreachable server is said soon, not after the system's minutes


def url_label(url: str) -> str:
    """The URL as messages show it: without its password."""
    try:
        parsed = make_url(url)
        return URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database,
                          parsed.query).render_as_string(hide_password=False)
    except exc.ArgumentError:
        return url.split("://")[0] + "://…@" + url.split("@")[-1] if "@" in url else url


class Server:
    """The guards of a store on a server; HistoryStore does the reading and writing through ``engine``."""

    def __init__(self, url: str, fail):
        self._fail_plain = fail
        self.engine = None
        self._driver_error = exc.DBAPIError  # (the driver's own base class once it is loaded)
        self._password = None
        self._unusable = None  # (code, reason): said when the store is first used, so the report is still written
        self.label = url_label(url)
        try:
            parsed = make_url(url)
        except exc.ArgumentError as error:
            self._unusable = ("store-unreachable", str(error))
            return
        self._password = parsed.password
        if parsed.drivername == "postgresql":  # psycopg 3, the driver the postgres extra installs
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            self.engine = create_engine(parsed, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT})
            self._driver_error = self.engine.dialect.loaded_dbapi.Error  # COPY's errors come from the driver itself
        except (ImportError, exc.NoSuchModuleError) as error:
            self._unusable = ("store-driver-missing", str(error))

    def _fail(self, code: str, error: BaseException | None = None, **values):
        """A StoreError whose reason never holds the password (a driver may echo a connection string)."""
        reason = values.pop("reason", None) or (str(error).strip() if error else "")
        if self._password:
            reason = reason.replace(self._password, "***")
        return self._fail_plain(code, reason=reason, **values)

    def _connection(self):
        if self._unusable:
            code, reason = self._unusable
            raise self._fail(code, reason=reason)
        try:
            return self.engine.connect()
        except exc.DBAPIError as error:  # refused, wrong password, unknown database, timeout
            raise self._fail("store-unreachable", error.orig) from error

    def exists(self) -> bool:
        """Something is there: our tables, or tables that are not ours (which a use then refuses)."""
        with self._connection() as conn:
            try:
                return bool(self._tables(conn))
            except exc.DBAPIError as error:  # no permission to read the catalogue, a dropped connection
                raise self._fail("store-failed", error.orig) from error

    @contextmanager
    def connect(self, create: bool = False):
        with self._connection() as conn:
            try:
                if not self._check(conn) and not create:
                    raise self._fail("store-missing")
                yield conn
            except exc.DBAPIError as error:  # lost connection, lock wait too long, no permission
                raise self._fail("store-failed", error.orig) from error
            except self._driver_error as error:
                raise self._fail("store-failed", error) from error

    @staticmethod
    def _tables(conn) -> set[str]:
        found = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
        return {row[0] for row in found}

    def _check(self, conn) -> bool:
        """True when the tables are ours and not newer; False for an empty database; StoreError otherwise."""
        tables = self._tables(conn)
        if store_meta.name not in tables:
            if tables:
                raise self._fail("store-not-ours", reason=f"库中已有其他表（{'、'.join(sorted(tables)[:5])}），"
                                                          f"却没有本工具的标记表 {store_meta.name}。")
            return False
        marks = dict(conn.execute(select(store_meta.c.key, store_meta.c.value)).all())
        if marks.get("application") != APPLICATION:
            raise self._fail("store-not-ours", reason=f"{store_meta.name} 表不是本工具写的。")
        version = marks.get("schema_version", "")
        if not version.isdigit():
            raise self._fail("store-not-ours", reason=f"{store_meta.name} 表没有可读的结构版本（{version}）。")
        version = int(version)
        if version > SCHEMA_VERSION:
            raise self._fail("store-newer", version=version, ours=SCHEMA_VERSION, reason="")
        return True

    @contextmanager
    def transaction(self, conn):
        """One write transaction, serialised with every other run's; the tables are made here on first use."""
        conn.rollback()  # the check's reading transaction: the write is a transaction of its own
        with conn.begin():
            conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'"))
            conn.execute(select(func.pg_advisory_xact_lock(LOCK_KEY)))
            if not self._check(conn):  # checked again under the lock: another run may have made them
                metadata.create_all(conn)
                server_metadata.create_all(conn)
                conn.execute(store_meta.insert(), [{"key": "application", "value": APPLICATION},
                                                   {"key": "schema_version", "value": str(SCHEMA_VERSION)}])
            yield

    @staticmethod
    def insert(conn, table, frame: pd.DataFrame) -> bool:
        """COPY the frame in as CSV written by Arrow (columns, in C++); False when psycopg 3 is not the driver
        and the caller inserts it another way. Arrow quotes every string and leaves a null unquoted and
        empty, which is exactly how COPY's CSV tells an empty text from NULL."""
        raw = conn.connection.driver_connection
        if type(raw).__module__.split(".")[0] != "psycopg":
            return False
        arrow = pa.table({c: _arrow_column(frame[c], table.c[c].type) for c in frame.columns})
        buffer = pa.BufferOutputStream()
        pa_csv.write_csv(arrow, buffer, pa_csv.WriteOptions(include_header=False))
        names = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in frame.columns)
        with raw.cursor().copy(f"COPY {table.name} ({names}) FROM STDIN (FORMAT csv)") as copy:
            copy.write(buffer.getvalue().to_pybytes())
        return True


def _arrow_column(column: pd.Series, kind) -> pa.Array:
    """One column as the Arrow type of its table column, built from Python values (None for missing).
    Not pa.Table.from_pandas: under pandas 3 and pyarrow 26 it once gave a CLI run's followups as bytes
    of another table (COPY then refused a NUL), and a wrong row must never reach the store."""
    values = column.to_numpy(dtype=object, na_value=None)
    if isinstance(kind, Integer):
        return pa.array(values, type=pa.int64(), from_pandas=True)
    if isinstance(kind, Float):
        return pa.array(values, type=pa.float64(), from_pandas=True)
    return pa.array(values, type=pa.string(), from_pandas=True)
