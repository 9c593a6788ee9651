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

import pyarrow as pa
import pyarrow.csv as pa_csv
from sqlalchemy import create_engine, exc, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from ..errors import library_reason
from .schema import APPLICATION, META_TABLE, SCHEMA_VERSION, create_statements, kind_of, quote

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
    """The guards of a store on a server; ``connect`` yields a Connection that database.Database reads and writes."""

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
        return self._fail_plain(code, reason=library_reason(reason), **values)

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
                version = self._check(conn)
                if not version and not create:
                    raise self._fail("store-missing")
                yield Connection(self, conn, version)
            except exc.DBAPIError as error:  # lost connection, lock wait too long, no permission
                raise self._fail("store-failed", error.orig) from error
            except self._driver_error as error:
                raise self._fail("store-failed", error) from error

    @staticmethod
    def _tables(conn) -> set[str]:
        found = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))
        return {row[0] for row in found}

    def _check(self, conn) -> int:
        """The schema version when the tables are ours and not newer; 0 for an empty database; StoreError otherwise."""
        tables = self._tables(conn)
        if META_TABLE not in tables:
            if tables:
                raise self._fail("store-not-ours", reason=f"库中已有其他表（{'、'.join(sorted(tables)[:5])}），"
                                                          f"却没有本工具的标记表 {META_TABLE}。")
            return 0
        marks = dict(conn.execute(text(f"SELECT key, value FROM {META_TABLE}")).all())
        if marks.get("application") != APPLICATION:
            raise self._fail("store-not-ours", reason=f"{META_TABLE} 表不是本工具写的。")
        version = marks.get("schema_version", "")
        if not version.isdigit():
            raise self._fail("store-not-ours", reason=f"{META_TABLE} 表没有可读的结构版本（{version}）。")
        version = int(version)
        if version > SCHEMA_VERSION:
            raise self._fail("store-newer", version=version, ours=SCHEMA_VERSION, reason="")
        return version


class Connection:
    """One connection to the store, as database.Database uses it (sqlite_file.Connection is the same for a
    file): SQL text with ``:name`` parameters, run through SQLAlchemy's text()."""

    dialect = "postgresql"

    def __init__(self, server: Server, conn, version: int):
        self._server = server
        self._conn = conn
        self.version = version

    def rows(self, sql: str, params: dict | None = None) -> list[tuple]:
        # plain tuples: pandas asks each SQLAlchemy Row for attributes it lacks, a slow miss apiece
        return [tuple(row) for row in self._conn.execute(text(sql), params or {}).all()]

    def run(self, sql: str, params: dict | None = None) -> None:
        self._conn.execute(text(sql), params or {})

    @contextmanager
    def transaction(self):
        """One write transaction, serialised with every other run's; the tables are made here on first use."""
        conn = self._conn
        conn.rollback()  # the check's reading transaction: the write is a transaction of its own
        with conn.begin():
            conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'"))
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            if not self._server._check(conn):  # checked again under the lock: another run may have made them
                for statement in create_statements(self.dialect):
                    conn.execute(text(statement))
                conn.execute(text(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"))
                conn.execute(text(f"INSERT INTO {META_TABLE} (key, value) VALUES (:key, :value)"),
                             [{"key": "application", "value": APPLICATION},
                              {"key": "schema_version", "value": str(SCHEMA_VERSION)}])
            yield

    def stored_version(self) -> int:
        """The schema version now (called under the lock: another run may have migrated it meanwhile)."""
        return self._server._check(self._conn)

    def set_version(self, version: int) -> None:
        self.run(f"UPDATE {META_TABLE} SET value = :value WHERE key = 'schema_version'", {"value": str(version)})

    @staticmethod
    def compact() -> None:
        """The server's autovacuum gives back the pages of the dropped rows."""

    @staticmethod
    def backup(version: int) -> None:
        """A server's store is migrated inside the recording transaction; its backups are the server's own."""
        return None

    def insert(self, table: str, columns: list[str], values: list[list]) -> None:
        """COPY the columns in as CSV written by Arrow (in C++) with psycopg 3; another driver: SQLAlchemy's
        executemany. Arrow quotes every string and leaves a null unquoted and empty, which is exactly how
        COPY's CSV tells an empty text from NULL."""
        raw = self._conn.connection.driver_connection
        if type(raw).__module__.split(".")[0] != "psycopg":
            marks = ", ".join(f":{c}" for c in columns)
            self._conn.execute(text(f"INSERT INTO {table} ({', '.join(map(quote, columns))}) VALUES ({marks})"),
                               [dict(zip(columns, row)) for row in zip(*values)])
            return
        arrow = pa.table({c: _arrow_column(v, kind_of(table, c)) for c, v in zip(columns, values)})
        buffer = pa.BufferOutputStream()
        pa_csv.write_csv(arrow, buffer, pa_csv.WriteOptions(include_header=False))
        with raw.cursor().copy(f"COPY {table} ({', '.join(map(quote, columns))}) FROM STDIN (FORMAT csv)") as copy:
            copy.write(buffer.getvalue().to_pybytes())


_ARROW = {"int": pa.int64(), "float": pa.float64(), "text": pa.string()}


def _arrow_column(values: list, kind: str) -> pa.Array:
    """One column of Python values (None for missing) as the Arrow type of its table column.
    Not pa.Table.from_pandas: under pandas 3 and pyarrow 26 it once gave a CLI run's followups as bytes
    of another table (COPY then refused a NUL), and a wrong row must never reach the store."""
    return pa.array(values, type=_ARROW[kind], from_pandas=True)
