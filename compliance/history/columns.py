"""The columns a period's records and follow-up items are stored with (schema.py builds the tables from them).
A module of its own, without SQLAlchemy: what reads these lists (carry, record, export) needs no database."""

from __future__ import annotations

RECORD_COLUMNS = ["unit", "category", "number_key", "document_number", "party", "decision_date", "published_date",
                  "deadline", "status", "online_result", "problems", "source_file", "sheet", "row"]
FOLLOWUP_COLUMNS = ["unit", "category", "number_key", "document_number", "party", "decision_date", "first_period",
                    "periods_open", "problem", "state", "carried", "published_date", "working_days_late", "status",
                    "still_open", "source_file", "sheet", "row", "note"]  # note: 整改跟踪's 说明 (schema version 3)
RATE_COLUMNS = ["period", "unit", "category", "rate"]

# A unit_counts row of this status holds, in its count, the latest day (YYYYMMDD) the unit's ledgers of the
# period held in any row, in scope or not (history/months.latest_days): no status of a record has this name.
LEDGER_LATEST = "ledger-latest"
# A unit_counts row of this status holds, in its unit column, the rule the period was judged by (RuleSet.name;
# count 0): a month recorded under one rule is never replaced by a run under another (record.py). Periods
# recorded before this row existed have none: their rule is unknown, and nothing is compared.
RULE_USED = "rule"
