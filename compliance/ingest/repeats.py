"""Each decision counted once, when the same decision comes in two files (issue 11).

A unit often resends its sheet, or two sheets overlap. The same (unit,
category, normalised 文书号) in two *files* is one decision:
- the copies agree on both dates: the later copy is left out, and listed;
- a later copy fills in the first's blank publication date (a cumulative
  ledger re-sent with the date filled in: 补公开) with a day after the first's
  ledger was written (its 填报日期, or the latest day it holds; an earlier day
  contradicts it: the copies disagree), or the date of a first
  copy marked 已公开 without one: one decision, published on that date; the
  filled copy is counted, the blank one listed; a copy marked 已公开 without
  a date after a dated one is the same;
- a copy on a hidden sheet (a draft left in the workbook) whose publication
  date is blank beside a dated visible one: the visible one counts, the
  hidden one is listed;
- a later copy marked a correction (…5号（更正）, 备注 更正后重新公示) published
  again after the first: the first publication counts, the correction is listed;
- they disagree otherwise: the later copy is left out, and the first
  carries both copies (conflict_with) and, where one copy disagrees, that
  copy's dates (copy_decision_date, copy_published_date). classify judges
  the decision by each copy: the same verdict by both stands, with a note;
  a verdict that turns on which copy is right is 数据有误 (the tool cannot
  know which one is, and a false "late" is an accusation).
A row whose party and decision date both differ from the first copy's (both
given) is another decision that shares the number, not a copy: each is
counted and judged, and flagged as a repeated number.
Inside one file, a row repeated with the same party and decision date (on a
全年汇总 sheet after the monthly ones, pasted twice into one sheet, or on a
later sheet of a cumulative ledger) is the same kind of copy: left out and
listed, and when its publication date differs, it is judged by both copies
as above. Other repeats inside one file stay as they are: flagged as duplicate
numbers, but each counted, since a typed number may be shared by two real
decisions.
Identical files (same SHA-256) are read once: see ``load.find_files``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE, iso_dates
from .docnumbers import normalise_document_numbers


def merge_repeats(records: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(records with each decision once, the copies left out with where their first copy is)."""
    empty = records.iloc[0:0].assign(first_copy=pd.Series(dtype=object))
    out = records  # a conflict_with column is added only when there is a conflict (8 MB at 1M records)
    # Only a repeated number can be a copy (load marks them in duplicate_of).
    repeated = records["duplicate_of"].notna().to_numpy(bool) if "duplicate_of" in records else np.ones(0, bool)
    if records.empty or not repeated.any():
        return out, empty
    files = pd.factorize(records["source_file"])[0].astype(np.int64)
    key = normalise_document_numbers(records["document_number"])
    # 新办 and 变更 of one licence share its number: two decisions, never copies (later_actions.py)
    action = records["business_action"].fillna("") if "business_action" in records else ""
    unit = records["unit"].astype(object)
    if "unit_problem" in records:  # a unit only guessed from a file name naming none (台账.xlsx from two senders):
        guessed = records["unit_problem"].astype(object).eq("unit-from-file-name").to_numpy(bool)  # no copies
        if guessed.any():  # across files, whose 2016001 may be two offices' numbers
            unit = unit.where(~guessed, unit.astype(str) + "\x00" + records["source_file"].astype(str))
    keys = pd.DataFrame({"u": unit, "c": records["category"].astype(object), "k": key, "a": action})
    group = keys.groupby(["u", "c", "k", "a"], sort=False, dropna=False).ngroup().to_numpy()
    if "number_from_licence" in records and "business_action" in records:  # a licence's own actions, told apart
        # one holder and several actions (新办, 延续 …) under the number: its own decisions, no repeat said; so
        # are rows each of its own action whatever the holder's name (变更 is most often of the name: probe p86)
        grouped = keys.assign(p=compared_parties(records["party"])).groupby(["u", "c", "k"], sort=False, dropna=False)
        told, size = grouped[["p", "a"]].transform("nunique"), grouped["a"].transform("size").to_numpy()
        actions = told["a"].to_numpy()
        alone = ((told["p"].to_numpy() == 1) | (actions == size)) & (actions > 1) & (action != "").to_numpy(bool) \
            & records["number_from_licence"].fillna(False).to_numpy(bool)
        if alone.any():
            out = out.assign(duplicate_of=records["duplicate_of"].mask(alone, None))
    # A hidden sheet's copy (a draft left in the workbook) never stands first where a visible one exists.
    hidden = records["hidden_sheet"].fillna(False).to_numpy(bool) if "hidden_sheet" in records else None
    first_row = _first_rows(group, hidden)
    # Another decision under the same number (two units' clerks typed one number, or a typo): party and
    # decision date both differ from the first copy's, both known. It is no copy: each is counted and
    # judged, flagged as a repeated number (the rule of the online match, docs/rules.md §9).
    party = compared_parties(records["party"])
    decided = records["decision_date"].to_numpy(DATE_DTYPE)
    known = (party != "") & ~np.isnat(decided)
    other = known & known[first_row] & (party != party[first_row]) & (decided != decided[first_row])
    # A licence number standing in for the 文书号 names the licence: its 变更 or 延续 is another decision on
    # another day under the same number, not a copy of the first.
    renewed = np.zeros(len(records), dtype=bool)
    if "number_from_licence" in records:  # (a copy re-sent with its decision date corrected is published alike)
        licence = records["number_from_licence"].fillna(False).to_numpy(bool)
        published = records["published_date"].to_numpy(DATE_DTYPE)
        dated = ~np.isnat(decided) & ~np.isnat(decided[first_row])
        elsewise = ~((published == published[first_row]) | (np.isnat(published) & np.isnat(published[first_row])))
        renewed = (licence | licence[first_row]) & dated & (decided != decided[first_row]) \
            & (elsewise | (party != party[first_row]))
        other |= renewed
        same_holder = renewed & (party == party[first_row])  # its 延续 or 补证: no repeated number said (the licence
        if same_holder.any():  # keeps its number); another holder under it is more likely a typo, and said so
            out = out.assign(duplicate_of=out["duplicate_of"].mask(same_holder, None))
    if other.any():  # such rows group among themselves: a resent copy of the other decision is still a copy
        group = pd.DataFrame({"g": group, "p": np.where(other, party, ""),
                              "d": np.where(other, decided.astype(np.int64), 0)}).groupby(
            ["g", "p", "d"], sort=False).ngroup().to_numpy()
        first_row = _first_rows(group, hidden)
    # a copy: a later row of the same decision, from another file than its first copy's, or from the same
    # file with the same party and decision date (a summary sheet's row, a row pasted twice, a later
    # sheet of a cumulative ledger that filled in the publication date: then the copies disagree)
    later = key.ne("").to_numpy(bool) & (first_row != np.arange(len(records)))  # (a hidden row before its first too)
    copy = later & (files != files[first_row])
    in_same_file = np.flatnonzero(later & ~copy)
    # the row's 文书号 is one merged cell with the row above: the same decision, another of its parties
    merged = records["merged_number"].fillna(False).to_numpy(bool) if "merged_number" in records \
        else np.zeros(len(records), dtype=bool)
    if len(in_same_file):
        firsts = first_row[in_same_file]
        # a party left out on one side (a 全年汇总 sheet without a 当事人 column) is not another party
        copy[in_same_file] = (_dates_equal(records, in_same_file, firsts, ("decision_date",))
                              & ((party[in_same_file] == party[firsts]) | (party[in_same_file] == "")
                                 | (party[firsts] == "")))
        # a merged 文书号's other rows: the same decision, their blank dates those of its first row
        copy[in_same_file] |= merged[in_same_file] & _dates_equal(records, in_same_file, firsts, ("decision_date",),
                                                                   blank_is_same=True)
        if merged.any():  # a 全年汇总 row of 李某, one of the parties merged under the first row's number
            copy[in_same_file] |= _a_merged_party(party, first_row, merged & later, in_same_file) \
                & _dates_equal(records, in_same_file, firsts, ("decision_date",))
        # one number, two parties (张三, 李四): a 汇总 row of 李四 copies the earlier 李四 row, not 张三's
        same_party_first = _first_rows(_party_groups(group, party, decided), hidden)[in_same_file]
        again = (same_party_first != in_same_file) & (party[in_same_file] != "") & ~np.isnat(decided[in_same_file]) \
            & ~copy[in_same_file]  # an earlier row of its group names the same party on the same day
        if again.any():
            first_row = first_row.copy()
            first_row[in_same_file[again]] = same_party_first[again]
            copy[in_same_file[again]] = True
    if not copy.any():
        return out, empty
    copies = np.flatnonzero(copy)
    firsts = first_row[copies]
    same = _dates_equal(records, copies, firsts, blank_is_same=merged[copies])
    kept = np.ones(len(records), dtype=bool)
    kept[copies] = False
    # 更正后重新公示: a later copy marked a correction, published again after the first copy's date: the
    # first publication is the decision's, the correction no conflict
    corrected = _corrections(records, firsts, copies, same)
    # a hidden copy whose publication date is blank (a draft not filled in) beside a dated visible one; a
    # hidden copy with another date, or a blank visible one, is no draft: dates differ, or a blank is filled
    drafts = np.zeros(len(copies), dtype=bool) if hidden is None else \
        ~same & hidden[copies] & ~hidden[firsts] & _dates_equal(records, copies, firsts, ("decision_date",)) \
        & records["published_date"].isna().to_numpy(bool)[copies] & records["published_date"].notna().to_numpy(bool)[firsts] \
        & records["published_problem"].isna().to_numpy(bool)[copies]
    same = same | corrected | drafts | _marked_copies(records, firsts, copies)
    # 补公开: a later copy fills in the first's blank publication date: one decision, published then
    firsts, copies, same, kind = _filled_later(records, firsts, copies, same, kept, party, hidden)
    kind[corrected & (kind == "same")] = "correction"
    kind[drafts & (kind == "same")] = "hidden"
    where = _where(records, np.union1d(copies, firsts), hidden)
    parties = merged[copies] & (party[copies] != party[firsts])
    # each party under the merged number published on its own day (甲 2026-09-10, 乙 2026-10-20): one decision,
    # published in full on the last of them, each party's day said (published-per-party); no conflict of copies
    apart = _published_apart(records, firsts, copies, parties & ~same)
    blank = _blank_party(records, firsts, copies, parties & same)  # 甲 09-10, 乙 left blank: 乙 not said online
    same = same | apart
    kind = np.where(apart, "same", kind)
    kind = np.where(parties & (kind == "same"), "party", kind).astype(object)
    if parties.any():  # the decision's record names every party (甲、乙), as written
        shown = _party_names(records)
        joined = pd.Series(shown[copies[parties]], dtype=object).groupby(firsts[parties]).agg("、".join)
        names = records["party"].astype(object).to_numpy(object, copy=True)
        names[joined.index.to_numpy()] = [f"{shown[i]}、{more}" if shown[i] else more
                                          for i, more in zip(joined.index, joined.to_numpy(object))]
        out = out.assign(party=names)
    if apart.any():
        out = _last_party_day(out, records, firsts[apart], copies[apart])
    if blank.any():  # classify weighs it (denied_marks.py): never on time with a party not said online
        said = pd.Series(_party_names(records)[copies[blank]], dtype=object).groupby(firsts[blank]).agg("、".join)
        column = np.full(len(out), None, dtype=object)
        column[said.index.to_numpy()] = said.to_numpy(object)
        out = out.assign(party_unpublished=column)
    left_out = records.iloc[copies].assign(first_copy=[where[i] for i in firsts], repeat_kind=kind)
    # The decision kept (a 补公开 copy) no longer repeats a number: its other copies are the same decision.
    stale = kept & records["duplicate_of"].isin([where[i] for i in copies]).to_numpy(bool)
    if stale.any():
        out = out.assign(duplicate_of=out["duplicate_of"].mask(stale, None))
    conflicts = firsts[~same]
    if len(conflicts):
        detail = _dates(records, copies[~same])
        text = [f"{where[i]}（{d}）" for i, d in zip(copies[~same], detail)]
        # several disagreeing copies of one decision: all of them are named
        named = pd.Series(text, dtype=object).groupby(conflicts).agg("；".join)
        column = np.full(len(records), None, dtype=object)
        column[named.index.to_numpy()] = named.to_numpy(object)
        # the months its copies say it was decided in: a --month run counts it if any copy falls in that month
        months = pd.Series(np.datetime_as_string(records["decision_date"].to_numpy("datetime64[M]")[copies[~same]]),
                           dtype=object).groupby(conflicts).agg(" ".join)
        month_column = np.full(len(records), None, dtype=object)
        month_column[months.index.to_numpy()] = months.to_numpy(object)
        out = out.assign(conflict_with=column, conflict_months=month_column, **_other_copy(records, conflicts,
                                                                                              copies[~same]))
    return out[kept].reset_index(drop=True), left_out.reset_index(drop=True)


def _published_apart(records: pd.DataFrame, firsts: np.ndarray, copies: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Per copy: a merged number's other party, decided the same day (or left blank under the merge), and
    published on a day of its own, as its first row is (both readable)."""
    published, clean = _publication(records)
    readable = ~np.isnat(published) & clean
    return candidates & readable[copies] & readable[firsts] \
        & _dates_equal(records, copies, firsts, ("decision_date",), blank_is_same=True)


def _publication(records: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(each record's publication date, whether its cell was read without a problem)."""
    clean = records["published_problem"].isna().to_numpy(bool) if "published_problem" in records \
        else np.ones(len(records), dtype=bool)
    return records["published_date"].to_numpy(DATE_DTYPE), clean


def _party_names(records: pd.DataFrame) -> np.ndarray:
    """Each record's party as written (trimmed), "" where none: as a decision's parties are listed."""
    return records["party"].astype(object).fillna("").astype(str).str.strip().to_numpy(object)


def _blank_party(records: pd.DataFrame, firsts: np.ndarray, copies: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Per copy: a merged number's other party whose publication cell is blank (or says 未公开) while its
    first row's has a day, on a row with its own decision date (typed, or a merged cell's): the dates were
    written row by row. A row with both dates blank has them on the first row only, as the same."""
    published, clean = _publication(records)
    decided = records["decision_date"].to_numpy(DATE_DTYPE)
    return candidates & np.isnat(published[copies]) & clean[copies] & ~np.isnat(published[firsts]) \
        & ~np.isnat(decided[copies])


def _last_party_day(out: pd.DataFrame, records: pd.DataFrame, firsts: np.ndarray, copies: np.ndarray) -> pd.DataFrame:
    """The decision's record published on its parties' last day, with each party's day (party_published)."""
    published, names = records["published_date"].to_numpy(DATE_DTYPE), _party_names(records)
    heads = np.unique(firsts)
    rows, owner = np.concatenate([heads, copies]), np.concatenate([heads, firsts])
    days = pd.DataFrame({"first": owner, "day": published[rows],
                         "said": [f"{names[r] or '（未写当事人）'} {d}" for r, d in zip(rows, iso_dates(published[rows], "空"))]})
    last = days.groupby("first")["day"].max()
    said = days.groupby("first", sort=False)["said"].agg("；".join)
    day = out["published_date"].to_numpy(DATE_DTYPE, copy=True)
    day[last.index.to_numpy()] = last.to_numpy(DATE_DTYPE)
    each = np.full(len(out), None, dtype=object)
    each[said.index.to_numpy()] = said.to_numpy(object)
    notes = out["notes"].to_numpy(object, copy=True) if "notes" in out else np.full(len(out), None, dtype=object)
    at = said.index.to_numpy()
    notes[at] = np.where(pd.isna(notes[at]), "published-per-party", notes[at])
    return out.assign(published_date=day, party_published=each, notes=notes)


def _other_copy(records: pd.DataFrame, firsts: np.ndarray, copies: np.ndarray) -> dict[str, np.ndarray]:
    """The dates of a first copy's one disagreeing copy, for classify to judge the decision by each copy
    (copy_decision_date, copy_published_date); none where several copies disagree, or the copy's own
    dates are not both readable: that decision stays 数据有误."""
    decided = np.full(len(records), np.datetime64("NaT"), dtype=DATE_DTYPE)
    published = decided.copy()
    alone = pd.Series(firsts).map(pd.Series(firsts).value_counts()).to_numpy() == 1
    clean = records["published_problem"].isna().to_numpy(bool)[copies] if "published_problem" in records \
        else np.ones(len(copies), dtype=bool)
    usable = alone & clean
    decided[firsts[usable]] = records["decision_date"].to_numpy(DATE_DTYPE)[copies[usable]]
    published[firsts[usable]] = records["published_date"].to_numpy(DATE_DTYPE)[copies[usable]]
    return {"copy_decision_date": decided, "copy_published_date": published}


def _corrections(records: pd.DataFrame, firsts: np.ndarray, copies: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Per copy: a correction (records' ``correction``) of its first copy, decided the same day and
    published again on or after the first copy's own publication date."""
    if "correction" not in records:
        return np.zeros(len(copies), dtype=bool)
    flagged = records["correction"].fillna(False).to_numpy(bool)
    published = records["published_date"].to_numpy(DATE_DTYPE)
    return ~same & flagged[copies] & ~flagged[firsts] & ~np.isnat(published[firsts]) \
        & ~(published[copies] < published[firsts]) & _dates_equal(records, copies, firsts, ("decision_date",))


# Written in one copy and not the other: full/half width, spaces, brackets, and the place's 省/市/区/县
# (黄石PP诊所 on a 全年汇总 sheet, 黄石市PP诊所 on the quarter's).
_NOT_COMPARED = r"[\s()（）\[\]【】<>《》“”\"'‘’·.,，、。:：;；\-—_省市区县]"


def compared_parties(parties: pd.Series) -> np.ndarray:
    """The party as compared between copies (per distinct name), "" where none is given."""
    codes, names = pd.factorize(parties.astype(object).fillna("").astype(str))
    keys = pd.Series(names, dtype=object).str.normalize("NFKC").str.replace(_NOT_COMPARED, "", regex=True)
    return keys.to_numpy(object)[codes] if len(names) else np.full(len(parties), "", dtype=object)


MARKED = "published-marked-no-date"  # 已公开 / 是 with no date: a copy with the date says the same


def _marked_copies(records: pd.DataFrame, firsts: np.ndarray, copies: np.ndarray) -> np.ndarray:
    """Per copy: it says 已公开 with no date where its first copy gives the date, on the same decision date
    (a cumulative ledger's later sheet leaving the date out): the same, not a conflict. The other way
    round, a dated copy after a marked first, is a 补公开 (_filled_later)."""
    marked = records["published_problem"].eq(MARKED).to_numpy(bool) if "published_problem" in records \
        else np.zeros(len(records), dtype=bool)
    dated = records["published_date"].notna().to_numpy(bool)
    return marked[copies] & dated[firsts] & _dates_equal(records, copies, firsts, ("decision_date",))


def _party_groups(group: np.ndarray, party: np.ndarray, decided: np.ndarray) -> np.ndarray:
    return pd.DataFrame({"g": group, "p": party, "d": decided.astype(np.int64)}).groupby(
        ["g", "p", "d"], sort=False).ngroup().to_numpy()


def _a_merged_party(party: np.ndarray, first_row: np.ndarray, continued: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Per row of ``rows``: its party is one of those merged under its first row's number (column-wise)."""
    merged = pd.DataFrame({"first": first_row[continued], "party": party[continued], "found": True}).drop_duplicates()
    asked = pd.DataFrame({"first": first_row[rows], "party": party[rows]})
    return asked.merge(merged, on=["first", "party"], how="left")["found"].fillna(False).to_numpy(bool)


def _first_rows(group: np.ndarray, hidden: np.ndarray | None = None) -> np.ndarray:
    """Each row's first row of its group, in reading order; its first visible row where ``hidden`` says
    which rows come from hidden sheets and the group has a visible one."""
    groups, first_at = np.unique(group, return_index=True)
    first = first_at[np.searchsorted(groups, group)]
    if hidden is None or not hidden.any() or hidden.all():
        return first
    visible = np.flatnonzero(~hidden)
    seen, at = np.unique(group[visible], return_index=True)
    pos = np.minimum(np.searchsorted(seen, group), len(seen) - 1)
    return np.where(seen[pos] == group, visible[at[pos]], first)


def _filled_later(records, firsts, copies, same, kept, party, hidden=None):
    """Where the first copy's publication date is blank and later copies with the same decision date (and
    the same party, or one side naming none: 甲's blank row is no blank of 乙's published one) fill
    in one and the same date (and no copy disagrees otherwise), the earliest filling copy is the decision
    (kept) and every other copy, the first included, is left out: (firsts, copies, same, kind) again,
    with kind per left-out copy: "same", "filled" (a blank copy of a decision published later) or
    "conflict". A hidden sheet's date beside a visible blank is no 补公开 (a hidden sheet is no later
    sending, more likely an old version): the copies disagree, and classify judges by both."""
    published = records["published_date"].to_numpy(DATE_DTYPE)
    unread = (records["published_problem"].notna() & records["published_problem"].ne(MARKED)).to_numpy(bool) \
        if "published_problem" in records else np.zeros(len(records), dtype=bool)
    blank = np.isnat(published) & ~unread
    fills = ~same & blank[firsts] & ~np.isnat(published[copies]) & ~unread[copies] \
        & _dates_equal(records, copies, firsts, ("decision_date",)) \
        & ((party[copies] == party[firsts]) | (party[copies] == "") | (party[firsts] == ""))
    if hidden is not None:
        fills &= ~(hidden[copies] & ~hidden[firsts])
    said_unpublished = blank & (records["published_problem"].ne(MARKED).to_numpy(bool) if "published_problem" in records
                                else True)  # 已公开 without a day is no contradiction of a day
    # (published that very day may be after it was written: no contradiction, review rev61 M3)
    if fills.any():  # (the sheets' latest days: worked out only where a blank copy is filled)
        fills &= ~(said_unpublished[firsts] & (published[copies] < _written_by(records)[firsts]))  # NaT: false
    kind = np.where(same, "same", "conflict").astype(object)
    if not fills.any():
        return firsts, copies, same, kind
    pairs = pd.DataFrame({"first": firsts, "copy": copies, "fill": fills, "same": same,
                          "date": published[copies]})
    by_first = pairs.groupby("first")
    whole = by_first["fill"].transform("any") & (pairs["fill"] | pairs["same"]).groupby(pairs["first"]).transform("all") \
        & pairs["date"].where(pairs["fill"]).groupby(pairs["first"]).transform("nunique").eq(1)
    if not whole.any():
        return firsts, copies, same, kind
    chosen = pairs[whole & pairs["fill"]].groupby("first")["copy"].min()  # the earliest filling copy
    new_first = pairs["first"].map(chosen).where(whole, pairs["first"]).to_numpy(np.int64)
    swap = np.flatnonzero(whole.to_numpy(bool) & (copies == new_first))  # the chosen one: now the first
    copies, firsts = copies.copy(), new_first
    copies[swap] = pairs["first"].to_numpy(np.int64)[swap]  # ... and the old first left out in its place
    kept[chosen.to_numpy()] = True
    kept[chosen.index.to_numpy()] = False
    date_now = published[firsts]
    same = np.where(whole.to_numpy(bool), True, same)
    kind = np.where(whole.to_numpy(bool), np.where(blank[copies] | (published[copies] != date_now), "filled", "same"),
                    kind).astype(object)
    return firsts, copies, same, kind


def _written_by(records: pd.DataFrame) -> np.ndarray:
    """Per record: a day its sheet was written on or after (its file's 填报日期, or the latest decision or
    publication day the sheet holds). A copy saying a decision is unpublished, beside another published by
    then, is no older ledger that a later one filled in (补公开): it said unpublished after the day the other
    says published, and the copies disagree (probe p81 H1: a back-dated day made an overdue decision 按时公开,
    without a word). The sheet's, not the file's: a 全年汇总 sheet written later says nothing of the 9月 one."""
    days = pd.concat([records["decision_date"], records["published_date"]], ignore_index=True)
    sheet = records["source_file"].astype(str) + "\x00" + records["sheet"].astype(str)
    latest = days.groupby(np.concatenate([sheet.to_numpy(object)] * 2)).max()
    bound = sheet.map(latest).to_numpy(DATE_DTYPE)
    if "filed_date" in records:
        filed = records["filed_date"].to_numpy(DATE_DTYPE)
        bound = np.where(np.isnat(bound) | (filed > bound), filed, bound)
    return bound


def _dates_equal(records: pd.DataFrame, a: np.ndarray, b: np.ndarray,
                 names: tuple[str, ...] = ("decision_date", "published_date"), blank_is_same=False) -> np.ndarray:
    """Rows ``a`` date as rows ``b`` do; ``blank_is_same`` (one flag, or one per row): a blank date of
    ``a``, the cell left empty under a merge, agrees with any."""
    same = np.ones(len(a), dtype=bool)
    for name in names:
        values = records[name].to_numpy(DATE_DTYPE)
        x, y = values[a], values[b]
        same &= (x == y) | (np.isnat(x) & np.isnat(y)) | (np.isnat(x) & blank_is_same)
    return same


def _dates(records: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    def text(name):
        return iso_dates(records[name].to_numpy(DATE_DTYPE)[rows], "空")

    return "决定 " + text("decision_date") + "，公开 " + text("published_date")


def _where(records: pd.DataFrame, rows: np.ndarray, hidden: np.ndarray | None = None) -> dict[int, str]:
    """file / sheet / 第 N 行 for the few rows involved in a repeat."""
    files = records["source_file"].to_numpy(object)
    sheets = records["sheet"].to_numpy(object)
    numbers = records["row"].to_numpy()
    shown = file_names(records["source_file"])
    return {int(i): f"{shown[files[i]]} / {sheets[i]}{'（隐藏的工作表）' if hidden is not None and hidden[i] else ''}"
                    f" / 第 {numbers[i]} 行"
            for i in rows}


def file_names(source_files: pd.Series) -> dict[str, str]:
    """Each file as a location shows it: its name, and its folder too where two files share a name
    (10月/区安监局_台账.xlsx and 11月/区安监局_台账.xlsx)."""
    paths = {f: Path(f) for f in pd.unique(source_files)}
    shared = {name for name, count in pd.Series([p.name for p in paths.values()], dtype=object).value_counts().items()
              if count > 1}
    return {f: f"{p.parent.name}/{p.name}" if p.name in shared else p.name for f, p in paths.items()}
