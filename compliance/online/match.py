"""Match ledger records against online entries, column-wise (merges, no per-record loop).

By number first: the normalised 文书号 (ingest/docnumbers.py). Entries sharing
a number are one decision published in several places; the earliest date
counts. Otherwise, when either side lacks a number: by normalised party name
plus decision date, and the unit and category where both sides name one (after
the ``[units]`` aliases). More than one such candidate, or one entry that
several records could be, is ``ambiguous``: the tool does not guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE
from ..fields import unit_names
from ..ingest.docnumbers import normalise_document_numbers
from .columns import party_keys


@dataclass
class Matches:
    """Per record: the entry it matched (-1 none), and the ambiguity candidates."""

    entry: np.ndarray  # int64 entry index per record, -1 when not matched
    ambiguous: np.ndarray  # bool per record
    candidates: pd.DataFrame  # rec, ent: pairs of every ambiguous record
    entry_state: np.ndarray  # per entry: 0 online only, 1 matched, 2 part of an ambiguity


def record_keys(records: pd.DataFrame, aliases) -> pd.DataFrame:
    return pd.DataFrame({
        "rec": np.arange(len(records), dtype=np.int64),
        "number_key": normalise_document_numbers(records["document_number"]).to_numpy(object),
        "party_key": party_keys(records["party"]).to_numpy(object),
        "decision": records["decision_date"].to_numpy(DATE_DTYPE),
        "unit_key": unit_names(records["unit"], aliases).to_numpy(object),
        "category": records["category"].astype(object).fillna("").to_numpy(object),
    })


def entry_keys(entries: pd.DataFrame, aliases) -> pd.DataFrame:
    return pd.DataFrame({
        "ent": np.arange(len(entries), dtype=np.int64),
        "number_key": entries["number_key"].to_numpy(object),
        "party_key": entries["party_key"].to_numpy(object),
        "decision": entries["decision_date"].to_numpy(DATE_DTYPE),
        "unit_key": unit_names(entries["unit"], aliases).to_numpy(object),
        "online_date": entries["online_date"].to_numpy(DATE_DTYPE),
        "category": entries["category"].astype(object).fillna("").to_numpy(object),
    })


# The year and serial that end a decision number: 〔2016〕42号.
_CORE = r"(〔(?:19|20)\d{2}〕\d+号)$"


def _by_number_in_text(rec: pd.DataFrame, ent: pd.DataFrame, chosen: np.ndarray, state: np.ndarray) -> None:
    """1b. A number read out of a title carries what stood before it (行政许可决定西人社许〔2016〕42号:
    no separator tells where the issuer's name begins): an unmatched record whose whole number ends that
    text is its decision; of several such records (人社许〔2016〕42号 and 西人社许〔2016〕42号) the longest."""
    free_rec = rec[(chosen[rec["rec"].to_numpy()] < 0) & rec["number_key"].ne("")]
    free_ent = ent[(state == 0) & ent["number_key"].ne("").to_numpy(bool)]
    if not len(free_rec) or not len(free_ent):
        return
    left = free_rec.assign(core=free_rec["number_key"].str.extract(_CORE, expand=False))
    right = free_ent.assign(core=free_ent["number_key"].str.extract(_CORE, expand=False))
    pairs = left.dropna(subset=["core"]).merge(right.dropna(subset=["core"])[["ent", "number_key", "core", "online_date"]],
                                               on="core", suffixes=("", "_e"))
    if not len(pairs):
        return
    ends = np.fromiter((e.endswith(r) for r, e in zip(pairs["number_key"], pairs["number_key_e"])), bool, len(pairs))
    pairs = pairs[ends].assign(length=pairs["number_key"].str.len()[ends])
    if not len(pairs):
        return
    _choose_earliest(pairs[pairs["length"].eq(pairs.groupby("ent")["length"].transform("max"))], chosen, state)


def _choose_earliest(pairs: pd.DataFrame, chosen: np.ndarray, state: np.ndarray) -> None:
    """Several entries, one record: the same decision in several lists; the earliest counts."""
    pairs = pairs.sort_values(["rec", "online_date", "ent"], na_position="last", kind="stable")
    first = pairs.drop_duplicates("rec")
    chosen[first["rec"].to_numpy()] = first["ent"].to_numpy()
    state[pairs["ent"].to_numpy()] = 1


def match(records: pd.DataFrame, entries: pd.DataFrame, aliases=None) -> Matches:
    rec = record_keys(records, aliases)
    ent = entry_keys(entries, aliases)
    chosen = np.full(len(rec), -1, dtype=np.int64)
    state = np.zeros(len(ent), dtype=np.int8)
    # -- 1. by number ---------------------------------------------------------
    numbered = rec.loc[rec["number_key"].ne(""), ["rec", "number_key"]]
    pairs = numbered.merge(ent.loc[ent["number_key"].ne(""), ["ent", "number_key", "online_date"]],
                           on="number_key", how="inner")
    if len(pairs):
        _choose_earliest(pairs, chosen, state)
    _by_number_in_text(rec, ent, chosen, state)
    # -- 2. by party name and decision date, where either side lacks a number --
    free_rec = rec[(chosen[rec["rec"].to_numpy()] < 0) & rec["party_key"].ne("") & rec["decision"].notna()]
    free_ent = ent[(state == 0) & ent["party_key"].ne("").to_numpy(bool) & ent["decision"].notna().to_numpy(bool)]
    cand = free_rec.merge(free_ent.drop(columns="online_date"), on=["party_key", "decision"], suffixes=("", "_e"))
    cand = cand[(cand["number_key"].eq("") | cand["number_key_e"].eq(""))
                & (cand["unit_key"].eq("") | cand["unit_key_e"].eq("") | cand["unit_key"].eq(cand["unit_key_e"]))
                # a permit is never confirmed by a penalty list's entry, whatever the names and dates
                & (cand["category"].eq("") | cand["category_e"].eq("") | cand["category"].eq(cand["category_e"]))]
    sizes = cand.groupby("rec")["ent"].transform("size") if len(cand) else pd.Series(dtype=np.int64)
    # One entry, several records (乙 fined twice that day, one entry online): which one it is cannot be told.
    shared = cand.groupby("ent")["rec"].transform("size") if len(cand) else pd.Series(dtype=np.int64)
    single = cand[(sizes.eq(1) & shared.eq(1)).to_numpy(bool)]
    several = cand[(sizes.gt(1) | shared.gt(1)).to_numpy(bool)][["rec", "ent"]].reset_index(drop=True)
    chosen[single["rec"].to_numpy()] = single["ent"].to_numpy()
    ambiguous = np.zeros(len(rec), dtype=bool)
    ambiguous[several["rec"].to_numpy()] = True
    in_ambiguity = np.zeros(len(ent), dtype=bool)
    in_ambiguity[several["ent"].to_numpy()] = True
    state[(state == 0) & in_ambiguity] = 2
    state[single["ent"].to_numpy()] = 1
    return Matches(chosen, ambiguous, several, state)
