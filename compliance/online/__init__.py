"""Verify ledgers against what is actually online (issue 12).

``apply_online(records, paths, ...)`` reads the online lists, matches them
against the ledger records (which carry their deadlines: classify.add_deadlines)
column-wise and returns the records with the online result applied (before
classification) plus an ``OnlineRun``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .ledger_copy import refuse_ledger_copies
from .read import OnlineList, read_online_lists
from ..problems import problem
from .units import online_unit_aliases, units_by_numbers
from .verify import RESULT_LABELS, RESULTS, UPDATE_AFTER_DEADLINE, OnlineRun, shown_results, site_decision_dates, verify

__all__ = ["OnlineList", "OnlineRun", "RESULTS", "RESULT_LABELS", "UPDATE_AFTER_DEADLINE", "apply_online", "select_online_only", "shown_results",
           "site_decision_dates"]


def apply_online(records: pd.DataFrame, paths, *, config=None, since: dt.date | None = None,
                 run_date: dt.date | None = None, own=None, as_of: dt.date | None = None
                 ) -> tuple[pd.DataFrame, OnlineRun]:
    """``own`` (ingest.load.OwnFiles): how the caller's reports are known; one given as a list is refused."""
    limit = getattr(config, "max_uncompressed", None)
    entries, lists = read_online_lists(paths, limit, getattr(config, "columns", None), own)
    refuse_ledger_copies(records, entries)
    aliases = getattr(config, "units", {}) or {}
    if not aliases:  # no declared units: a list's and the ledger's spellings of one unit are one unit
        aliases = online_unit_aliases(records, entries)
        for name, (unit, number) in units_by_numbers(records, entries, aliases).items():  # renamed: said
            aliases.setdefault(unit, []).append(name)
            for item in lists:
                if entries["unit"].eq(name).to_numpy(bool)[entries["list_file"].eq(item.path).to_numpy(bool)].any():
                    item.notes.append(problem("online-unit-by-numbers", file=item.path, listed=name, unit=unit,
                                              number=number))
    return verify(records, entries, lists, since=since, aliases=aliases, run_date=run_date, as_of=as_of)


def select_online_only(online: OnlineRun, month: str | None, as_of: dt.date | None = None,
                       records: pd.DataFrame | None = None) -> None:
    """Keep the 台账未登记 entries the check covers: not decided after ``as_of`` (no ledger holds them
    yet); with --month of that month (decision month, else publication month); without it, not of a
    year before every ledger record's (credit sites keep a penalty online for years: a 2026 ledger does not
    hold 2025's decisions)."""
    only = online.online_only
    online.set_aside = only.iloc[:0]
    if as_of is not None and len(only):
        later = (only["decision_date"] > pd.Timestamp(as_of)).to_numpy(bool)  # NaT compares false
        online.entries_after_as_of = int(later.sum())
        only = online.online_only = only[~later].reset_index(drop=True)
    if not len(only):
        return
    when = only["decision_date"].where(only["decision_date"].notna(), only["online_date"])
    if not month:
        first = records["decision_date"].min() if records is not None and len(records) else pd.NaT
        if pd.notna(first):
            earlier = (when.dt.year < first.year).to_numpy(bool)  # NaT compares false
            online.entries_before_ledgers = int(earlier.sum())
            online.ledgers_first_year = int(first.year)
            online.online_only = only[~earlier].reset_index(drop=True)
            online.set_aside = only[earlier].reset_index(drop=True)
        return
    keep = when.dt.strftime("%Y-%m").eq(month).to_numpy(bool)
    online.entries_other_months = int((~keep).sum())
    online.online_only = only[keep].reset_index(drop=True)
    online.set_aside = only[~keep].reset_index(drop=True)
