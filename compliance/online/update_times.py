"""Which of a record's entries decides when one list has only an update time (the credit platform's 入库时间)
and another a publication date (docs/rules.md §9): an update time bounds the first publication from above.
By the deadline it vouches for the ledger's date against a later 发布日期; after the deadline it proves
nothing, and another list's 发布日期 stands even where it is later."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE, NO_DATE
from ..ingest.docnumbers import normalise_document_numbers
from .match import Matches


def choose_by_update_times(records: pd.DataFrame, entries: pd.DataFrame, found: Matches) -> None:
    """In place on ``found.entry``."""
    if not len(entries) or not entries["update_only"].any():
        return
    update_only = entries["update_only"].to_numpy(bool)
    has = found.entry >= 0
    online = np.full(len(records), NO_DATE)
    online[has] = entries["online_date"].to_numpy(DATE_DTYPE)[found.entry[has]]
    update = has.copy()
    update[has] = update_only[found.entry[has]]
    ledger = records["published_date"].to_numpy(DATE_DTYPE)
    deadline = records["deadline"].to_numpy(DATE_DTYPE)
    decided = records["decision_date"].to_numpy(DATE_DTYPE)

    # A dated entry later than the ledger's date: an update time by the deadline, not before the ledger's date.
    at, pairs = _agreeing(records, entries, has & ~update & ~np.isnat(ledger) & (ledger < online), update_only)
    bound = pairs["online_date"].to_numpy(DATE_DTYPE)
    _take_earliest(found, pairs[(bound >= ledger[at]) & (bound <= deadline[at])])

    # An update time after the deadline: another list's publication date (not before the decision) decides.
    at, pairs = _agreeing(records, entries, update & (online > deadline), ~update_only)
    dated = pairs["online_date"].to_numpy(DATE_DTYPE)
    _take_earliest(found, pairs[~np.isnat(dated) & (dated >= decided[at])])


def _agreeing(records: pd.DataFrame, entries: pd.DataFrame, which: np.ndarray, kind: np.ndarray):
    """(record positions, pairs i/ent/online_date): entries of ``kind`` under the number of each record in
    ``which`` whose category, party and decision date are not against the record's."""
    at = np.flatnonzero(which)
    mine = records.iloc[at]
    keys = pd.DataFrame({"i": at, "number_key": normalise_document_numbers(mine["document_number"]).to_numpy(object),
                         "category": mine["category"].astype(object).fillna("").to_numpy(object),
                         "party": mine["party"].astype(object).fillna("").astype(str).to_numpy(object),
                         "decided": mine["decision_date"].to_numpy(DATE_DTYPE)})
    others = entries.loc[kind, ["number_key", "online_date", "category", "party", "decision_date"]]
    pairs = keys[keys["number_key"].ne("")].merge(others.reset_index(names="ent"), on="number_key", suffixes=("", "_e"))

    def differs(mine_: str, theirs: str) -> np.ndarray:
        text = pairs[theirs].fillna("").astype(str)
        return (pairs[mine_].ne("") & text.ne("") & pairs[mine_].ne(text)).to_numpy(bool)

    decided_e = pairs["decision_date"].to_numpy(DATE_DTYPE)
    keep = ~differs("category", "category_e") & ~differs("party", "party_e") \
        & ~(~np.isnat(decided_e) & (decided_e != pairs["decided"].to_numpy(DATE_DTYPE)))
    pairs = pairs[keep].reset_index(drop=True)
    return pairs["i"].to_numpy(np.int64), pairs


def _take_earliest(found: Matches, pairs: pd.DataFrame) -> None:
    if len(pairs):
        first = pairs.sort_values(["i", "online_date", "ent"]).drop_duplicates("i")
        found.entry[first["i"].to_numpy()] = first["ent"].to_numpy(np.int64)
