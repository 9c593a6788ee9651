"""Match ledger records against online entries, column-wise (merges, no per-record loop).

By number first: the normalised 文书号 (ingest/docnumbers.py), unless the
category differs, or both party and decision date differ (another decision
under the same number); of the entries left, those agreeing most with the
record, and those that only say less about it (no party or date, nothing
against it), are one decision published in several places, and the earliest
date counts; one entry is never the publication of two records (the one agreeing
most takes it; equals are ambiguous). Otherwise by normalised party name plus
decision date, and the unit and category where both sides name one (after the
``[units]`` aliases); a masked name (张*三) with the same surname and date is
only a candidate. More than one such candidate, one entry that several
records could be, or a pair whose numbers both exist and differ, is
``ambiguous``: the tool does not guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE
from ..fields import unit_names
from ..ingest.docnumbers import normalise_document_numbers, split_numbers
from ..quality.codes import valid_codes
from .columns import party_keys, without_legal_form


@dataclass
class Matches:
    """Per record: the entry it matched (-1 none), and the ambiguity candidates."""

    entry: np.ndarray  # int64 entry index per record, -1 when not matched
    ambiguous: np.ndarray  # bool per record
    candidates: pd.DataFrame  # rec, ent: pairs of every ambiguous record
    entry_state: np.ndarray  # per entry: 0 online only, 1 matched, 2 part of an ambiguity
    renumbered: np.ndarray | None = None  # bool per record: ambiguous only with entries under another number
    later_only: np.ndarray | None = None  # bool per record: online only as a later act on it (撤销, 更正)
    maybe: pd.DataFrame | None = None  # rec, ent: entries left over that an unmatched record may still be


def record_keys(records: pd.DataFrame, aliases) -> pd.DataFrame:
    return pd.DataFrame({
        "rec": np.arange(len(records), dtype=np.int64),
        "number_key": normalise_document_numbers(records["document_number"]).to_numpy(object),
        "party_key": party_keys(records["party"]).to_numpy(object),
        "decision": records["decision_date"].to_numpy(DATE_DTYPE),
        "unit_key": unit_names(records["unit"], aliases).to_numpy(object),
        "category": records["category"].astype(object).fillna("").to_numpy(object),
        "code": valid_codes(records["q_party_code"].to_numpy(object)) if "q_party_code" in records
        else np.full(len(records), "", dtype=object),
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
        "code": entries["party_code"].fillna("").to_numpy(object) if "party_code" in entries
        else np.full(len(entries), "", dtype=object),
        "licence_key": entries["licence_key"].fillna("").to_numpy(object) if "licence_key" in entries
        else np.full(len(entries), "", dtype=object),
    })


# The year and serial that end a decision number: 〔2016〕42号.
_CORE = r"(〔(?:19|20)\d{2}〕\d+号)$"


def _by_number_in_text(rec: pd.DataFrame, ent: pd.DataFrame, chosen: np.ndarray, state: np.ndarray) -> None:
    """1b. A number read out of a title carries what stood before it (行政许可决定西人社许〔2016〕42号:
    no separator tells where the issuer's name begins): an unmatched record whose whole number ends that
    text is its decision; of several such records (人社许〔2016〕42号 and 西人社许〔2016〕42号) the longest."""
    free_rec = rec[rec["number_key"].ne("")]  # a matched record too: the title may be its first publication
    free_ent = ent[(state == 0) & ent["number_key"].ne("").to_numpy(bool)]
    if not len(free_rec) or not len(free_ent):
        return
    left = free_rec.assign(core=free_rec["number_key"].str.extract(_CORE, expand=False))
    right = free_ent.assign(core=free_ent["number_key"].str.extract(_CORE, expand=False))
    pairs = left.dropna(subset=["core"]).merge(right.dropna(subset=["core"]), on="core", suffixes=("", "_e"))
    if not len(pairs):
        return
    pairs = _same_decision(pairs).reset_index(drop=True)  # a permit's number in a penalty's title is not it
    ends = np.fromiter((e.endswith(r) for r, e in zip(pairs["number_key"], pairs["number_key_e"])), bool, len(pairs))
    pairs = pairs[ends].assign(length=pairs["number_key"].str.len()[ends])
    if not len(pairs):
        return
    pairs = pairs[pairs["length"].eq(pairs.groupby("ent")["length"].transform("max"))]
    matched = chosen[pairs["rec"].to_numpy()] >= 0
    pairs = pairs[~matched | pairs["consistent"].to_numpy(bool)]  # beside a match, only what agrees with it
    recs = pairs["rec"].unique()
    recs = recs[chosen[recs] >= 0]
    current = pd.DataFrame({"rec": recs, "ent": chosen[recs], "decision": rec["decision"].to_numpy()[recs],
                            "online_date": ent["online_date"].to_numpy()[chosen[recs]]})
    _choose_earliest(pd.concat([pairs[["rec", "ent", "decision", "online_date"]], current], ignore_index=True),
                     chosen, state)


def _by_several_numbers(rec: pd.DataFrame, ent: pd.DataFrame, chosen: np.ndarray, state: np.ndarray) -> None:
    """1c. A ledger cell holding several numbers (…501号、502号) is checked as one decision (rules §8):
    an entry under any of them, agreeing with the record and claimed by no other, is its publication
    (the earliest counts), and none of them is 台账未登记."""
    several = rec[(chosen < 0) & rec["number_key"].str.count("号").gt(1).to_numpy(bool)]
    free_ent = ent[(state == 0) & ent["number_key"].ne("").to_numpy(bool)]
    if not len(several) or not len(free_ent):
        return
    parts = several.assign(number_key=several["number_key"].map(split_numbers)).explode("number_key").dropna(subset=["number_key"])
    pairs = parts.merge(free_ent, on="number_key", suffixes=("", "_e"))
    if not len(pairs):
        return
    pairs = _same_decision(pairs)
    pairs = pairs[pairs["consistent"].to_numpy(bool)]
    pairs = pairs[pairs.groupby("ent")["rec"].transform("nunique").eq(1).to_numpy(bool)]
    if len(pairs):
        _choose_earliest(pairs[["rec", "ent", "decision", "online_date"]], chosen, state)


def _by_licence(records: pd.DataFrame, rec: pd.DataFrame, ent: pd.DataFrame, chosen: np.ndarray, state: np.ndarray) -> None:
    """1d. A list keyed by the licence (食品经营许可证 JY1420…, no 文号) finds the ledger's record by the 许可证编号
    beside its 文书号: agreeing with it (party, decision date) and claimed by no other record (a licence's 新办
    and 变更 share it)."""
    if "licence_number" in records:
        licence = normalise_document_numbers(records["licence_number"].astype(object).fillna("")).to_numpy(object)
        free = rec[(chosen < 0) & (licence != "")].assign(number_key=licence[(chosen < 0) & (licence != "")])
        _licence_pairs(free, ent[(state == 0) & ent["number_key"].ne("").to_numpy(bool)], chosen, state)
    # …and the other way: a ledger keyed by the licence alone (排污许可证编号, no 文号) finds an export's entry by
    # the 许可编号 beside its 文书号 (ent licence_key), where the numbers themselves differ
    if "number_from_licence" in records and "licence_key" in ent:
        own = records["number_from_licence"].fillna(False).to_numpy(bool)
        free = rec[(chosen < 0) & own & rec["number_key"].ne("").to_numpy(bool)]
        entries = ent[(state == 0) & ent["licence_key"].ne("").to_numpy(bool)]
        _licence_pairs(free, entries.drop(columns="number_key").rename(columns={"licence_key": "number_key"}),
                       chosen, state)


def _licence_pairs(free: pd.DataFrame, free_ent: pd.DataFrame, chosen: np.ndarray, state: np.ndarray) -> None:
    """Records and entries paired by a licence number: the ones that agree (party, decision date), each entry
    claimed by one record only (a licence's 新办 and 变更 share it), chosen."""
    if not len(free) or not len(free_ent):
        return
    pairs = free.merge(free_ent, on="number_key", suffixes=("", "_e"))
    if len(pairs):
        pairs = _same_decision(pairs)
        pairs = pairs[pairs["consistent"].to_numpy(bool) & pairs["decision"].notna().to_numpy(bool)]
        pairs = pairs[pairs.groupby("ent")["rec"].transform("nunique").eq(1).to_numpy(bool)]
    if len(pairs):
        _choose_earliest(pairs[["rec", "ent", "decision", "online_date"]], chosen, state)


_MASKED = r"[*＊×Ｘ某]"  # 张**, 王某 : a natural person's name masked on the website says nothing either way


def _same_decision(pairs: pd.DataFrame) -> pd.DataFrame:
    """Number pairs that can be one decision, scored by how much they agree: the same number is not
    always the same decision (reused by another unit or for another party, or a permit's and a penalty's).

    A pair is another decision when the categories differ, or when both the party and the decision date
    are known on both sides and both differ. Of the rest, a record takes the entries that agree with it
    most (party, then decision date, then unit); several of those are one decision in several lists."""
    def known(a, b):
        return pairs[a].ne("").to_numpy(bool) & pairs[b].ne("").to_numpy(bool)

    category_differs = known("category", "category_e") & pairs["category"].ne(pairs["category_e"]).to_numpy(bool)
    party_known = known("party_key", "party_key_e")
    # 黄石乙贸易有限公司 on one side, 黄石乙贸易公司 on the other: one party (the legal form written short)
    # ... and 黄石市辛子建材 / 黄石辛子建材: the place before the name written or not
    party_same = party_known & (pairs["party_key"].eq(pairs["party_key_e"]).to_numpy(bool)
                                | without_legal_form(pairs["party_key"]).eq(without_legal_form(pairs["party_key_e"])).to_numpy(bool)
                                | _same_without_place(pairs["party_key"], pairs["party_key_e"]))
    differ = np.flatnonzero(party_known & ~party_same)  # a masked name (张某, 张**) on either side says nothing
    party_known[differ] = ~(pairs["party_key_e"].iloc[differ].str.contains(_MASKED).to_numpy(bool)
                            | pairs["party_key"].iloc[differ].str.contains(_MASKED).to_numpy(bool))
    date_known = pairs["decision"].notna().to_numpy(bool) & pairs["decision_e"].notna().to_numpy(bool)
    date_same = date_known & pairs["decision"].eq(pairs["decision_e"]).to_numpy(bool)
    unit_known = known("unit_key", "unit_key_e")
    unit_same = unit_known & pairs["unit_key"].eq(pairs["unit_key_e"]).to_numpy(bool)
    # another unit's decision for another party under the same number lends nothing (西罚〔2023〕8号 twice)
    other = category_differs | (party_known & ~party_same & ((date_known & ~date_same) | (unit_known & ~unit_same)))
    score = party_same * 4 + date_same * 2 + unit_same * 1
    # nothing known on both sides differs: an entry that only lacks a party or a date is not a lesser match
    consistent = ~(party_known & ~party_same) & ~(date_known & ~date_same) & ~(unit_known & ~unit_same)
    return pairs.assign(score=score, consistent=consistent)[~other]


def _without_place(names: pd.Series) -> pd.Series:
    """The name without 省/市/区/县 and punctuation (黄石市辛子建材 -> 黄石辛子建材): "" for a name of those only."""
    return names.str.replace(PLACE, "", regex=True)


def _same_without_place(a: pd.Series, b: pd.Series) -> np.ndarray:
    bare_a, bare_b = _without_place(a), _without_place(b)
    return (bare_a.ne("") & bare_a.eq(bare_b)).to_numpy(bool)


def _by_code(cand: pd.DataFrame, rec: pd.DataFrame, ent: pd.DataFrame, chosen: np.ndarray, state: np.ndarray,
             shared: pd.DataFrame) -> pd.DataFrame:
    """2b. The party's valid 统一社会信用代码 on both sides stands for its name (黄石丁人力资源有限公司 and
    黄石市丁人力资源有限公司, one company): pairs of the same code and decision date join the candidates."""
    free_rec = rec[(chosen[rec["rec"].to_numpy()] < 0) & rec["code"].ne("") & rec["decision"].notna()
                   & ~rec["rec"].isin(shared["rec"])]
    free_ent = ent[(state == 0) & ent["code"].ne("").to_numpy(bool) & ent["decision"].notna().to_numpy(bool)]
    if not len(free_rec) or not len(free_ent):
        return cand
    by_code = free_rec.merge(free_ent.drop(columns=["online_date", "party_key"]), on=["code", "decision"],
                             suffixes=("", "_e"))
    return pd.concat([cand, by_code], ignore_index=True).drop_duplicates(["rec", "ent"]).reset_index(drop=True)


def _choose_earliest(pairs: pd.DataFrame, chosen: np.ndarray, state: np.ndarray) -> None:
    """Several entries, one record: the same decision in several lists; the earliest counts, but not an
    entry dated before the decision while another is not (a mistyped year on the site is not the first
    publication)."""
    impossible = (pairs["online_date"] < pairs["decision"]).to_numpy(bool)  # NaT compares false
    pairs = pairs.assign(impossible=impossible).sort_values(["rec", "impossible", "online_date", "ent"],
                                                            na_position="last", kind="stable")
    first = pairs.drop_duplicates("rec")
    chosen[first["rec"].to_numpy()] = first["ent"].to_numpy()
    state[pairs["ent"].to_numpy()] = 1


def _also_published(pairs: pd.DataFrame, best: pd.DataFrame) -> pd.DataFrame:
    """Entries under a matched record's number that say less about it (a catalogue title with no party
    or date) but nothing against it: the same decision in another list, whose date may be the first
    publication (rules: the earliest counts). Only an entry no other record could be, and not one
    another record took."""
    taken = set(best["ent"].tolist())
    extra = pairs[pairs["consistent"].to_numpy(bool) & pairs["rec"].isin(best["rec"]).to_numpy(bool)
                  & ~pairs["ent"].isin(taken).to_numpy(bool)]
    claimants = pairs.groupby("ent")["rec"].nunique()
    return extra[extra["ent"].map(claimants).eq(1).to_numpy(bool)]


def _one_record_per_entry(best: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(pairs kept, pairs of records left ambiguous). Two ledger rows under one number (a typo, or two
    parties of one case) cannot both be published by one entry: it goes to the record that agrees with
    it most; a record that agrees less has no entry by this number (网站未见 unless found otherwise);
    records that agree equally are ambiguous, and none borrows the entry's date."""
    top = best.groupby("ent")["score"].transform("max")
    best = best[best["score"].eq(top)]
    claimants = best.groupby("ent")["rec"].transform("nunique")
    torn = best.loc[claimants.gt(1).to_numpy(bool), "rec"].unique()
    left = best["rec"].isin(torn).to_numpy(bool)
    return best[~left], best.loc[left, ["rec", "ent"]]


def match(records: pd.DataFrame, entries: pd.DataFrame, aliases=None) -> Matches:
    rec = record_keys(records, aliases)
    ent = entry_keys(entries, aliases)
    if "acted_on" in entries.columns:  # a correction's or revocation's entry publishes no decision: matched by
        acts = entries["acted_on"].to_numpy(object) != ""  # its number only, as a later act (_later_acts)
        ent.loc[acts, "party_key"] = ""
    chosen = np.full(len(rec), -1, dtype=np.int64)
    state = np.zeros(len(ent), dtype=np.int8)
    # -- 1. by number ---------------------------------------------------------
    pairs = rec[rec["number_key"].ne("")].merge(ent[ent["number_key"].ne("").to_numpy(bool)], on="number_key",
                                                suffixes=("", "_e"))
    by_number_shared = pd.DataFrame({"rec": pd.Series(dtype=np.int64), "ent": pd.Series(dtype=np.int64)})
    if len(pairs):
        pairs = _same_decision(pairs)
        state[pairs["ent"].to_numpy()] = 1  # the same decision: never 台账未登记, even where not chosen
        best, by_number_shared = _one_record_per_entry(pairs[pairs["score"].eq(pairs.groupby("rec")["score"].transform("max"))])
        _choose_earliest(pd.concat([best, _also_published(pairs, best)], ignore_index=True), chosen, state)
    _by_number_in_text(rec, ent, chosen, state)
    _by_several_numbers(rec, ent, chosen, state)
    _by_licence(records, rec, ent, chosen, state)
    # -- 2. by party name and decision date, where either side lacks a number --
    free_rec = rec[(chosen[rec["rec"].to_numpy()] < 0) & rec["party_key"].ne("") & rec["decision"].notna()
                   & ~rec["rec"].isin(by_number_shared["rec"])]
    free_ent = ent[(state == 0) & ent["party_key"].ne("").to_numpy(bool) & ent["decision"].notna().to_numpy(bool)]
    # 黄石乙贸易有限公司 / 黄石乙贸易公司: one party, its legal form written short (p82 H1: 网站未见 and 台账未登记)
    cand = free_rec.assign(form=without_legal_form(free_rec["party_key"])).merge(free_ent.drop(columns="online_date").assign(
        form=without_legal_form(free_ent["party_key"])), on=["form", "decision"], suffixes=("", "_e")).drop(columns="form")
    cand = _by_code(cand, rec, ent, chosen, state, by_number_shared)
    cand = cand[_no_contradiction(cand)]
    weak = pd.concat([_masked_candidates(free_rec[~free_rec["rec"].isin(cand["rec"])], free_ent),
                      _undated_candidates(rec, ent, chosen, state)], ignore_index=True)
    sizes = cand.groupby("rec")["ent"].transform("size") if len(cand) else pd.Series(dtype=np.int64)
    # One entry, several records (乙 fined twice that day, one entry online): which one it is cannot be told.
    shared = cand.groupby("ent")["rec"].transform("size") if len(cand) else pd.Series(dtype=np.int64)
    # Both numbered, and the numbers differ (市监罚 and 西市监罚字, a dropped 号, or a typo; or two decisions
    # on one party that day): neither 一致 nor 网站未见, but ambiguous, showing the entry.
    renumbered = (cand["number_key"].ne("") & cand["number_key_e"].ne("")).to_numpy(bool)
    # Several entries, one record, and no other record: the same decision listed twice (a duplicated
    # export row, or two sites); the earliest counts, as for numbered entries.
    repeated = _one_decision_listed_again(cand, shared, renumbered, entries["list_file"].to_numpy(object),
                                          ent["online_date"].to_numpy())
    if repeated.any():
        again = cand[repeated][["rec", "ent", "decision"]]
        _choose_earliest(again.assign(online_date=ent["online_date"].to_numpy()[again["ent"].to_numpy()]), chosen, state)
    single = cand[(sizes.eq(1) & shared.eq(1)).to_numpy(bool) & ~renumbered]
    several = cand[((sizes.gt(1) | shared.gt(1)).to_numpy(bool) | renumbered) & ~repeated][["rec", "ent"]]
    only_renumbered = np.zeros(len(rec), dtype=bool)
    only_renumbered[cand["rec"].to_numpy()[renumbered]] = True
    only_renumbered[cand["rec"].to_numpy()[~renumbered]] = False
    several = pd.concat([several, by_number_shared, weak], ignore_index=True)
    chosen[single["rec"].to_numpy()] = single["ent"].to_numpy()
    ambiguous = np.zeros(len(rec), dtype=bool)
    ambiguous[several["rec"].to_numpy()] = True
    in_ambiguity = np.zeros(len(ent), dtype=bool)
    in_ambiguity[several["ent"].to_numpy()] = True
    state[(state == 0) & in_ambiguity] = 2
    state[single["ent"].to_numpy()] = 1
    only_renumbered[by_number_shared["rec"].to_numpy()] = False
    later_only, acts = _later_acts(rec, entries, chosen, ambiguous, state)
    several = pd.concat([several, acts], ignore_index=True)  # named in the record's message
    maybe = _plausible(rec, ent, chosen, state)
    found = chosen[maybe["rec"].to_numpy()] >= 0
    # no entry that may be a found record published once more (its city bureau's list) is 台账未登记
    state[maybe["ent"].to_numpy()[found]] = 1
    return Matches(chosen, ambiguous, several, state, only_renumbered & ambiguous, later_only, maybe[~found])


def doubt_not_found(found: Matches, not_found: np.ndarray) -> np.ndarray:
    """The records about to be 网站未见 (``not_found``) that an entry nothing else matched may still be
    (``Matches.maybe``): made ambiguous, with those entries as candidates; returns which records."""
    maybe = found.maybe if found.maybe is not None else pd.DataFrame({"rec": [], "ent": []}, dtype=np.int64)
    pick = maybe[not_found[maybe["rec"].to_numpy()]]
    doubted = np.zeros(len(not_found), dtype=bool)
    doubted[pick["rec"].to_numpy()] = True
    found.ambiguous[doubted] = True
    found.candidates = pd.concat([found.candidates, pick], ignore_index=True)
    entry = pick["ent"].to_numpy()
    found.entry_state[entry[found.entry_state[entry] == 0]] = 2
    return doubted


def _one_decision_listed_again(cand: pd.DataFrame, shared: pd.Series, renumbered: np.ndarray,
                               files: np.ndarray, dates: np.ndarray) -> np.ndarray:
    """Per candidate pair: its record has several entries, none another record could be, they name no
    two different numbers, and no list gives two dates (one list with two dates for one party that day
    may hold two decisions: which one the record is cannot be told)."""
    if not len(cand):
        return np.zeros(0, dtype=bool)
    entry = cand["ent"].to_numpy()
    frame = pd.DataFrame({"rec": cand["rec"].to_numpy(), "alone": shared.eq(1).to_numpy(bool) & ~renumbered,
                          "number": cand["number_key_e"].replace("", np.nan).to_numpy(object),
                          "file": files[entry], "date": dates[entry]})
    by_record = frame.groupby("rec")
    one_date_per_list = frame.groupby(["rec", "file"])["date"].transform("nunique").le(1)
    return (by_record["rec"].transform("size").gt(1) & by_record["alone"].transform("all")
            & by_record["number"].transform("nunique").le(1)
            & one_date_per_list.groupby(frame["rec"]).transform("all")).to_numpy(bool)


def _no_contradiction(pairs: pd.DataFrame) -> pd.Series:
    """Unit and category the same where both sides name one: a permit is never confirmed by a penalty
    list's entry, whatever the names and dates."""
    return (pairs["unit_key"].eq("") | pairs["unit_key_e"].eq("") | pairs["unit_key"].eq(pairs["unit_key_e"])) & (pairs["category"].eq("") | pairs["category_e"].eq("") | pairs["category"].eq(pairs["category_e"]))


def _masked_candidates(free_rec: pd.DataFrame, free_ent: pd.DataFrame) -> pd.DataFrame:
    """An entry with a masked name (张*三, 王某) and the record's decision date, surname, unit and category:
    maybe this record, maybe another; the tool does not guess, but neither is the record 网站未见."""
    masked = free_ent[free_ent["party_key"].str.contains(_MASKED).to_numpy(bool)]
    if not len(free_rec) or not len(masked):
        return pd.DataFrame({"rec": pd.Series(dtype=np.int64), "ent": pd.Series(dtype=np.int64)})
    pairs = free_rec.merge(masked.drop(columns="online_date"), on="decision", suffixes=("", "_e"))
    keep = pairs["party_key"].str[0].eq(pairs["party_key_e"].str[0]) & _no_contradiction(pairs)
    return pairs.loc[keep.to_numpy(bool), ["rec", "ent"]]


def _undated_candidates(rec: pd.DataFrame, ent: pd.DataFrame, chosen, state) -> pd.DataFrame:
    """A catalogue title naming the party (关于对黄石丙餐饮公司的行政处罚决定书) with no number and no decision
    date: maybe this record's publication, maybe another decision on the same party; not guessed, but
    the record is not 网站未见 either."""
    free_rec = rec[(chosen[rec["rec"].to_numpy()] < 0) & rec["party_key"].ne("")]
    bare = ent[(state == 0) & ent["party_key"].ne("").to_numpy(bool) & ent["number_key"].eq("").to_numpy(bool)
               & ent["decision"].isna().to_numpy(bool)]
    if not len(free_rec) or not len(bare):
        return pd.DataFrame({"rec": pd.Series(dtype=np.int64), "ent": pd.Series(dtype=np.int64)})
    pairs = free_rec.assign(form=without_legal_form(free_rec["party_key"])).merge(bare.drop(columns=[
        "online_date", "decision", "number_key"]).assign(form=without_legal_form(bare["party_key"])), on="form", suffixes=("", "_e"))
    keep = _no_contradiction(pairs)
    return pairs.loc[keep.to_numpy(bool), ["rec", "ent"]]


def _later_acts(rec: pd.DataFrame, entries: pd.DataFrame, chosen, ambiguous, state):
    """Records found nowhere but in a later act on them (关于撤销西人社许〔2023〕16号…的决定: the decision's own
    page is often taken down once it is revoked): not 网站未见, which the list cannot say. Such entries are
    not 台账未登记 either."""
    later_only = np.zeros(len(rec), dtype=bool)
    acted = entries["acted_on"].to_numpy(object) if "acted_on" in entries.columns else np.zeros(0, dtype=object)
    if not (acted != "").any():
        return later_only, pd.DataFrame({"rec": pd.Series(dtype=np.int64), "ent": pd.Series(dtype=np.int64)})
    acts = pd.DataFrame({"ent": np.flatnonzero(acted != ""), "number_key": acted[acted != ""]})
    # an act on a decision the ledgers hold, found online or not, is no 台账未登记 of its own
    on_ours = acts["ent"][acts["number_key"].isin(rec["number_key"][rec["number_key"].ne("")])].to_numpy()
    state[on_ours[state[on_ours] == 0]] = 1
    free = rec[(chosen[rec["rec"].to_numpy()] < 0) & ~ambiguous[rec["rec"].to_numpy()] & rec["number_key"].ne("")]
    pairs = free[["rec", "number_key"]].merge(acts, on="number_key")[["rec", "ent"]]
    later_only[pairs["rec"].to_numpy()] = True
    state[pairs["ent"].to_numpy()] = 1
    return later_only, pairs


# What one side writes and the other may leave out: the place (黄石 / 黄石市) and punctuation.
PLACE = r"[省市区县·.,，、。:：;；\-—_]"


def _plausible(rec: pd.DataFrame, ent: pd.DataFrame, chosen, state) -> pd.DataFrame:
    """The last look before a record is 网站未见 or an entry 台账未登记: entries nothing matched that could
    still be a record's publication, whatever the unit names say (the city bureau's name on a credit site,
    the district branch's in the ledger): the same party written a little otherwise (黄石 / 黄石市) on the
    decision date (or an entry without one); a masked name on either side (李某, 张*) with its surname on
    the decision date; or the same number without its leading characters (人社许〔2025〕11号 for
    西人社许〔2025〕11号). Pairs (rec, ent): never a match; doubt_not_found makes them ambiguous."""
    none = pd.DataFrame({"rec": pd.Series(dtype=np.int64), "ent": pd.Series(dtype=np.int64)})
    recs, ents = rec.copy(), ent[state == 0].copy()
    if not len(recs) or not len(ents):
        return none
    for side in (recs, ents):
        side["masked"] = side["party_key"].str.contains(_MASKED).to_numpy(bool)
        side["loose"] = _without_place(without_legal_form(side["party_key"])).where(~side["masked"], "")
        side["surname"] = side["party_key"].str[:1]
        side["core"], side["issuer"] = (side["number_key"].str.extract(p, expand=False).fillna("") for p in (_CORE, "^(.+?)〔"))
    found = []
    by_party = recs[recs["loose"].ne("")].merge(ents[ents["loose"].ne("")], on="loose", suffixes=("", "_e"))
    found.append(by_party[(by_party["decision"].eq(by_party["decision_e"]) | by_party["decision_e"].isna()).to_numpy(bool)])
    # joined on the day too, and with a masked name on one side: a surname alone would pair thousands
    dated = recs["decision"].notna() & recs["surname"].ne("")
    for left, right in ((recs[dated & recs["masked"]], ents[ents["surname"].ne("")]),
                        (recs[dated], ents[ents["masked"] & ents["surname"].ne("")])):
        found.append(left.merge(right.dropna(subset=["decision"]), on=["surname", "decision"], suffixes=("", "_e")))
    # numbers: only records nothing matched (every unit's 〔2025〕11号 shares a core)
    free = recs[(chosen[recs["rec"].to_numpy()] < 0) & recs["core"].ne("")]
    by_number = free.merge(ents[ents["core"].ne("")], on="core", suffixes=("", "_e"))
    shorter = by_number["number_key"].str.len().to_numpy() > by_number["number_key_e"].str.len().to_numpy()
    long = np.where(shorter, by_number["number_key"], by_number["number_key_e"])
    short = np.where(shorter, by_number["number_key_e"], by_number["number_key"])
    # (one number on both sides was weighed by number already: another unit's or party's decision)
    suffix = np.fromiter((a != b and a.endswith(b) for a, b in zip(long, short)), dtype=bool, count=len(by_number))
    other = (by_number["loose"].ne("") & by_number["loose_e"].ne("") & by_number["loose"].ne(by_number["loose_e"])) \
        | (by_number["decision"].notna() & by_number["decision_e"].notna() & by_number["decision"].ne(by_number["decision_e"]))
    found.append(by_number[suffix & ~other.to_numpy(bool)])
    pairs = pd.concat(found, ignore_index=True)
    if not len(pairs):
        return none
    kinds = pairs["category"].eq("") | pairs["category_e"].eq("") | pairs["category"].eq(pairs["category_e"])
    kinds &= np.array([not (a and b) or a.endswith(b) or b.endswith(a)  # 西市监罚, 港市监罚: two offices' decisions
                       for a, b in pairs[["issuer", "issuer_e"]].to_numpy(object)], dtype=bool)
    return pairs.loc[kinds.to_numpy(bool), ["rec", "ent"]].drop_duplicates()
