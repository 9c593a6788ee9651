"""The history store's tables, once, as SQLAlchemy Core metadata: SQLite and PostgreSQL build the same tables.

Dates are ISO text (YYYY-MM-DD) in both, so that a store reads back the same whichever server holds it.
A SQLite file made before the port (the same tables, written as SQL) reads and writes unchanged.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, MetaData, Table, Text

from .columns import FOLLOWUP_COLUMNS, RECORD_COLUMNS

SCHEMA_VERSION = 1  # SQLite: PRAGMA user_version; PostgreSQL: the meta table's schema_version

_INTEGERS = {"row", "periods_open", "carried", "working_days_late", "still_open", "revision", "records", "stale",
             "count"}

metadata = MetaData()


def _columns(names: list[str], required: set[str]) -> list[Column]:
    return [Column(n, Integer if n in _INTEGERS else Text, nullable=n not in required) for n in names]


periods = Table("periods", metadata,
                Column("period", Text, primary_key=True), Column("revision", Integer, nullable=False),
                Column("run_time", Text, nullable=False), Column("as_of", Text, nullable=False),
                Column("inputs", Text, nullable=False), Column("records", Integer, nullable=False),
                Column("previous_period", Text), Column("stale", Integer, nullable=False, server_default="0"))
revisions = Table("revisions", metadata,
                  Column("period", Text, primary_key=True), Column("revision", Integer, primary_key=True),
                  Column("run_time", Text, nullable=False), Column("as_of", Text, nullable=False),
                  Column("inputs", Text, nullable=False), Column("records", Integer, nullable=False))
records = Table("records", metadata, Column("period", Text, nullable=False), *_columns(RECORD_COLUMNS, {"number_key", "status"}),
                Index("records_by_period", "period"))
unit_counts = Table("unit_counts", metadata,
                    Column("period", Text, nullable=False), Column("unit", Text, nullable=False),
                    Column("category", Text, nullable=False), Column("status", Text, nullable=False),
                    Column("count", Integer, nullable=False))
unit_rates = Table("unit_rates", metadata,
                   Column("period", Text, nullable=False), Column("unit", Text, nullable=False),
                   Column("category", Text, nullable=False), Column("rate", Float))
followups = Table("followups", metadata, Column("period", Text, nullable=False),
                  *_columns(FOLLOWUP_COLUMNS, {"number_key", "first_period", "periods_open", "problem", "state",
                                               "carried", "still_open"}),
                  Index("followups_by_period", "period"))

PERIOD_TABLES = [periods, records, unit_counts, unit_rates, followups]  # a period's rows, replaced together

# PostgreSQL only: a database has no file header to mark it, so a small table says whose it is and which
# schema version it holds (SQLite keeps both in the file header: application_id and user_version).
server_metadata = MetaData()
store_meta = Table("compliance_meta", server_metadata,
                   Column("key", Text, primary_key=True), Column("value", Text, nullable=False))
APPLICATION = "compliance-history"  # store_meta's "application" value: this tool made these tables
