"""The history store's tables, once, as plain SQL: SQLite and PostgreSQL build the same tables from them.

Dates are ISO text (YYYY-MM-DD) in both, so that a store reads back the same whichever server holds it.
No SQLAlchemy here: a SQLite store is read and written with the standard library's sqlite3 alone.

Version 2 keeps each period's records as one Parquet blob (``period_records``, blob.py) instead of one row
per record (version 1's ``records`` table): a 100,000-record period is written in one statement.
``MIGRATE_FROM_1`` turns a version 1 store into a version 2 one (database.Database.migrate). Version 3 adds each
follow-up item's 说明 (``note``): ``MIGRATE_FROM_2``.
"""

from __future__ import annotations

from .columns import FOLLOWUP_COLUMNS

SCHEMA_VERSION = 3  # SQLite: PRAGMA user_version; PostgreSQL: the meta table's schema_version

# Column types as each backend spells them; "blob" is the one that differs
TYPES = {"sqlite": {"text": "TEXT", "int": "INTEGER", "float": "FLOAT", "blob": "BLOB"},
         "postgresql": {"text": "TEXT", "int": "INTEGER", "float": "FLOAT", "blob": "BYTEA"}}

_INTEGERS = {"row", "periods_open", "carried", "working_days_late", "still_open", "revision", "records", "stale",
             "count"}
_FOLLOWUP_REQUIRED = {"number_key", "first_period", "periods_open", "problem", "state", "carried", "still_open"}

# table -> [(column, type, NOT NULL)]; the first columns named in PRIMARY are its key
TABLES: dict[str, list[tuple[str, str, bool]]] = {
    "periods": [("period", "text", True), ("revision", "int", True), ("run_time", "text", True),
                ("as_of", "text", True), ("inputs", "text", True), ("records", "int", True),
                ("previous_period", "text", False), ("stale", "int", True)],
    "revisions": [("period", "text", True), ("revision", "int", True), ("run_time", "text", True),
                  ("as_of", "text", True), ("inputs", "text", True), ("records", "int", True)],
    # one row per period: its records as Parquet (blob.py); "format" names the encoding for later versions
    "period_records": [("period", "text", True), ("format", "text", True), ("data", "blob", True)],
    "unit_counts": [("period", "text", True), ("unit", "text", True), ("category", "text", True),
                    ("status", "text", True), ("count", "int", True)],
    "unit_rates": [("period", "text", True), ("unit", "text", True), ("category", "text", True),
                   ("rate", "float", False)],
    "followups": [("period", "text", True)] + [(c, "int" if c in _INTEGERS else "text", c in _FOLLOWUP_REQUIRED)
                                               for c in FOLLOWUP_COLUMNS],
}
PRIMARY = {"periods": ["period"], "revisions": ["period", "revision"], "period_records": ["period"]}
DEFAULTS = {("periods", "stale"): "0"}
INDEXES = {"followups_by_period": ("followups", "period")}

PERIOD_TABLES = ["periods", "period_records", "unit_counts", "unit_rates", "followups"]  # replaced together

# PostgreSQL only: a database has no file header to mark it, so a small table says whose it is and which
# schema version it holds (SQLite keeps both in the file header: application_id and user_version).
META_TABLE = "compliance_meta"
APPLICATION = "compliance-history"  # the meta table's "application" value: this tool made these tables


def kind_of(table: str, column: str) -> str:
    """"text", "int", "float" or "blob"."""
    return next(kind for name, kind, _ in TABLES[table] if name == column)


def quote(name: str) -> str:
    # "row" and "count" are words of SQL: every column name is quoted, in both backends alike
    return '"' + name.replace('"', '""') + '"'


def create_table(table: str, dialect: str) -> str:
    types = TYPES[dialect]
    columns = [f"{quote(name)} {types[kind]}{' NOT NULL' if required else ''}"
               + (f" DEFAULT {DEFAULTS[table, name]}" if (table, name) in DEFAULTS else "")
               for name, kind, required in TABLES[table]]
    if table in PRIMARY:
        columns.append(f"PRIMARY KEY ({', '.join(map(quote, PRIMARY[table]))})")
    return f"CREATE TABLE {table} ({', '.join(columns)})"


def create_statements(dialect: str) -> list[str]:
    """The DDL of an empty store of this version."""
    return ([create_table(t, dialect) for t in TABLES]
            + [f"CREATE INDEX {name} ON {table} ({quote(column)})" for name, (table, column) in INDEXES.items()])


# Version 1 -> 2: the records' rows become one blob per period (Database.migrate fills it between these)
V1_RECORD_COLUMNS = ["unit", "category", "number_key", "document_number", "party", "decision_date",
                     "published_date", "deadline", "status", "online_result", "problems", "source_file", "sheet",
                     "row"]
MIGRATE_FROM_1_BEFORE = ["period_records"]  # tables made before the blobs are written
MIGRATE_FROM_1_AFTER = ["DROP TABLE records"]  # its index goes with it
# Version 2 -> 3: each follow-up item keeps the 说明 its period said of it (history export, history open: probe p87)
MIGRATE_FROM_2 = ['ALTER TABLE followups ADD COLUMN "note" TEXT']
