"""Where each carried item is among this period's records (carry.py's follow-up), by pandas merges on keys.

Unit + category + normalised 文书号 (+ party first, for a number typed for two decisions); without a
number, unit + category + party + decision date (among records still without one, then among those that
have one now: a number filled in); a number corrected (〔2023〕6号 last month, 〔2024〕6号 now) is found the
same way. An item without a number may match on unit + category + party alone: a 数据有误 item (its
decision date was the problem), or one whose decision date moved by less than a month (a typo put right).
One item and one record, or no guess: never a false 台账中消失. Party names are compared as the online
check compares them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..online.columns import party_keys
from ..online.match import PLACE

KEY = ["unit", "category"]
BY_NUMBER = KEY + ["number_key"]
BY_PARTY = KEY + ["party", "decision_date"]
BY_PARTY_ONLY = KEY + ["party"]
SAME_DECISION_DAYS = 31  # a decision date retyped (3-05 for 3-06): a typo put right, not another decision


def match_keys(frame: pd.DataFrame, decided, names=("unit", "category", "number_key", "party", "decision_date")
               ) -> pd.DataFrame:
    """The match columns ``names``, as plain text (unit, category, number, party) and a day (decision date).
    Only those asked for: 100,000 records' party and date are needed only for the few without a number."""
    out = {}
    for name in names:
        if name == "decision_date":
            out[name] = pd.to_datetime(decided, errors="coerce").astype("datetime64[s]")
        else:
            text = frame[name].astype(object).fillna("").astype(str)
            # （分公司） = (分公司), 张 三 = 张三: a party retyped is the same party, never a 台账中消失
            out[name] = party_keys(text).to_numpy(object) if name == "party" else text
    return pd.DataFrame(out, index=frame.index)


def locate(carried: pd.DataFrame, records: pd.DataFrame, known: pd.DataFrame | None = None
           ) -> tuple[np.ndarray, np.ndarray]:
    """(each carried item's row in ``records`` or -1, the items whose number is there but not theirs alone).

    pandas merges: unit + category + number + party first, so that two decisions sharing a number (a
    typing slip) each find their own row; then unit + category + number where the number has one record
    left and one item looking for it. Several either way is no guess: the item is "seen" (仍未整改),
    never 台账中消失. Without a number: party + decision date. Then party + decision date among numbered
    records (a number filled in, or an item's number corrected). Last, without a number, the party alone
    when only one record of the unit has it: for a 数据有误 item, or a decision date moved by days within
    its month. ``known``: the decisions the store already holds for those units and months (unit,
    category, number_key, party, decision_date): a record stored before under its own number or day is
    another decision, never a corrected one."""
    at = np.full(len(carried), -1, dtype=np.int64)
    seen = np.zeros(len(carried), dtype=bool)
    if not len(carried):
        return at, seen
    items = match_keys(carried, carried["decision_date"]).assign(item=np.arange(len(carried)),
                                                            problem=carried["problem"].to_numpy(object))
    mine = records[records["unit"].isin(items["unit"].unique())]  # only the carried units' records
    number = mine["number_key"].astype(object).fillna("")
    rec_numbered = number.ne("").to_numpy(bool)
    # only the records whose number an item has: among a few thousand, not 100,000
    numbered_rec = mine[rec_numbered & number.isin(items["number_key"].unique()).to_numpy(bool)]
    other_rec = mine[~rec_numbered]
    exact = BY_NUMBER + ["party", "decision_date"]
    full = match_keys(numbered_rec, numbered_rec["decision_date"], exact).assign(row=numbered_rec["history_row"].to_numpy())
    by_number = full.drop(columns="decision_date").drop_duplicates(BY_NUMBER + ["party"])  # a repeat of one decision: its first
    by_party = match_keys(other_rec, other_rec["decision_date"], BY_PARTY).assign(row=other_rec["history_row"].to_numpy())
    stored = match_keys(known, known["decision_date"]) if known is not None and len(known) else None
    numbered = items["number_key"].ne("").to_numpy(bool)
    # number, party and day first: two decisions that share all but the day (one number typed for both, or
    # two certificates whose holder's ID numbers look alike once masked) each find their own row; rows
    # alike in all of it are no guess
    _merge_into(at, items[numbered], full.drop_duplicates(exact, keep=False), exact)
    twice = items[numbered & (at < 0)].duplicated(BY_NUMBER + ["party"], keep=False).to_numpy(bool)
    _merge_into(at, items[numbered & (at < 0)][~twice], by_number[~by_number["row"].isin(at[at >= 0])],
                BY_NUMBER + ["party"])
    left = items[numbered & (at < 0)]
    if len(left):
        free = by_number[~by_number["row"].isin(at[at >= 0])]
        if stored is not None:  # stored before under this number and its own party: another decision
            free = free[~_in(free, stored, BY_NUMBER + ["party"])]
        records_per = free.groupby(BY_NUMBER)["row"].transform("size")
        items_per = left.groupby(BY_NUMBER)["item"].transform("size")
        _merge_into(at, left[items_per.eq(1).to_numpy(bool)], free[records_per.eq(1).to_numpy(bool)], BY_NUMBER)
        taken = items[numbered].merge(by_number[BY_NUMBER].drop_duplicates(), on=BY_NUMBER)["item"].to_numpy()
        seen[taken] = at[taken] < 0
    # its number's every record taken by the other decisions that shared it: this one may be renumbered
    still_free = by_number[~by_number["row"].isin(at[at >= 0])]
    elsewhere = seen & ~_in(items, still_free, BY_NUMBER)
    _merge_into(at, items[~numbered], by_party.drop_duplicates(BY_PARTY), BY_PARTY)
    _place_left_out(at, items[~numbered], by_party)
    # a number filled in (无 last month), or corrected (its old number is nowhere now): never 台账中消失
    numbered_now = mine[rec_numbered]
    if stored is not None:  # its number stored before: another decision, not this one renumbered
        numbered_now = numbered_now[~_in(match_keys(numbered_now, None, BY_NUMBER), stored, BY_NUMBER)]
    _number_filled_in(at, items[~numbered | ~seen | elsewhere], numbered_now, set(items["number_key"]))
    retry = items[(at < 0) & ~numbered & items["party"].ne("").to_numpy(bool)]
    if len(retry):
        unique = by_party.drop_duplicates(BY_PARTY_ONLY, keep=False)  # an ambiguous party: no guess
        unique = unique[~unique["row"].isin(at[at >= 0])]
        if stored is not None:  # that party's decision of that day stored before: another decision
            unique = unique[~_in(unique, stored, BY_PARTY)]
        pairs = retry.merge(unique, on=BY_PARTY_ONLY, suffixes=("", "_now"))
        moved = (pairs["decision_date"] - pairs["decision_date_now"]).abs()
        month = pairs["decision_date"].dt.to_period("M") == pairs["decision_date_now"].dt.to_period("M")
        # a 数据有误 item: its decision date was the problem; another, a date retyped by days in its month
        pairs = pairs[pairs["problem"].eq("invalid") | ((moved <= pd.Timedelta(days=SAME_DECISION_DAYS)) & month)]
        pairs = pairs.drop_duplicates("row", keep=False)  # two items for one record: no guess
        at[pairs["item"].to_numpy()] = pairs["row"].to_numpy()
    return at, seen


def _place_left_out(at: np.ndarray, items: pd.DataFrame, rows: pd.DataFrame) -> None:
    """Items without a number whose party is written with or without its place this time (黄石市丙商贸 then,
    黄石丙商贸 now), on the same day: one item and one record by the looser name, or no guess."""
    items = items[(at[items["item"].to_numpy()] < 0) & items["party"].ne("").to_numpy(bool)]
    rows = rows[~rows["row"].isin(at[at >= 0])]
    if not len(items) or not len(rows):
        return
    loose = [frame.assign(party=frame["party"].str.replace(PLACE, "", regex=True)).drop_duplicates(BY_PARTY, keep=False)
             for frame in (items, rows)]
    _merge_into(at, loose[0][loose[0]["party"].ne("").to_numpy(bool)], loose[1], BY_PARTY)


def _number_filled_in(at: np.ndarray, items: pd.DataFrame, numbered: pd.DataFrame, held: set[str]) -> None:
    """Items recorded without a number, found now with one (无 last month, 西安监罚〔2024〕5号 now), or with
    another (〔2023〕6号 last month, 〔2024〕6号 now, the old number nowhere): filling in or correcting it is
    the correction asked for, never a 台账中消失. Unit, category, party and decision date must single out
    one numbered record not already taken, whose number no item ``held``, and one item: no guess."""
    items = items[(at[items["item"].to_numpy()] < 0) & items["party"].ne("").to_numpy(bool)
                  & items["decision_date"].notna().to_numpy(bool)]
    if not len(items):
        return
    decided = numbered["decision_date"].to_numpy("datetime64[s]")
    numbered = numbered[np.isin(decided, items["decision_date"].to_numpy("datetime64[s]"))
                        & ~np.isin(numbered["history_row"].to_numpy(), at[at >= 0])
                        & ~numbered["number_key"].astype(object).isin(held).to_numpy(bool)]
    if not len(numbered):
        return
    rows = match_keys(numbered, numbered["decision_date"], BY_PARTY).assign(row=numbered["history_row"].to_numpy())
    _merge_into(at, items.drop_duplicates(BY_PARTY, keep=False), rows.drop_duplicates(BY_PARTY, keep=False),
                BY_PARTY)


def _in(rows: pd.DataFrame, stored: pd.DataFrame, on: list[str]) -> np.ndarray:
    """Per row of ``rows``: its ``on`` keys are among ``stored``'s."""
    found = rows[on].merge(stored[on].drop_duplicates(), on=on, how="left", indicator=True)
    return found["_merge"].eq("both").to_numpy(bool)


def _merge_into(at: np.ndarray, items: pd.DataFrame, rows: pd.DataFrame, on: list[str]) -> None:
    found = items[on + ["item"]].merge(rows[on + ["row"]], on=on, how="inner")
    at[found["item"].to_numpy()] = found["row"].to_numpy()


def held_unpublished(items: pd.DataFrame, stored: pd.DataFrame, as_of: str | None = None) -> np.ndarray:
    """Per item (unit, category, number or party and decision date): whether ``stored`` (one period's
    records) holds it unpublished: 未到期 or 逾期未公开 there, never a date unread (数据有误); a date after
    that period's ``as_of`` was no publication by then (probe 73: 2026-12-03 in October's ledger)."""
    blank = _unpublished_by(stored["published_date"], as_of) & stored["status"].isin(["pending", "overdue"]).to_numpy(bool)
    rows = stored[blank]
    mine = match_keys(items, items["decision_date"]).reset_index(drop=True)
    theirs = match_keys(rows, rows["decision_date"])
    numbered = mine["number_key"].ne("").to_numpy(bool)
    by_number = pd.MultiIndex.from_frame(mine[BY_NUMBER]).isin(pd.MultiIndex.from_frame(theirs[BY_NUMBER]))
    by_party = pd.MultiIndex.from_frame(mine[BY_PARTY]).isin(
        pd.MultiIndex.from_frame(theirs.loc[theirs["number_key"].eq(""), BY_PARTY]))
    return np.where(numbered, by_number, by_party)


def found_unpublished(followed: pd.DataFrame, inputs: list, items: pd.DataFrame, as_of: str | None = None) -> np.ndarray:
    """Per item (unit, category, number): whether one period's follow-up (``followed``) found it in that
    period's own files (``inputs``) still unpublished: 未到期 or 逾期未公开 there, no date (or one after ``as_of``)."""
    if not len(followed) or not len(items):
        return np.zeros(len(items), dtype=bool)
    blank = _unpublished_by(pd.Series(followed["published_date"], dtype=object), as_of)
    seen = followed[blank & followed["status"].isin(["pending", "overdue"]).to_numpy(bool)
                    & followed["source_file"].isin(list(inputs)).to_numpy(bool)
                    & followed["number_key"].astype(object).fillna("").ne("").to_numpy(bool)]
    keys = pd.MultiIndex.from_frame(seen[["unit", "category", "number_key"]].astype(object))
    mine = pd.MultiIndex.from_frame(items[["unit", "category", "number_key"]].astype(object).fillna(""))
    return mine.isin(keys) & items["number_key"].astype(object).fillna("").ne("").to_numpy(bool)


def now_other_kind(carried: pd.DataFrame, records: pd.DataFrame) -> np.ndarray:
    """Per carried item: its unit's ledger still holds its number, on a row now read as another kind of
    action (其他事项, 行政确认: out of scope). It has not vanished (台账中消失); it stays open for 法制办."""
    if "category_problem" not in records or not len(carried):
        return np.zeros(len(carried), dtype=bool)
    other = records["category_problem"].astype(object).eq("category-other").to_numpy(bool)
    if not other.any():
        return np.zeros(len(carried), dtype=bool)
    held = set(zip(records["unit"].astype(object).to_numpy(object)[other], records["number_key"].to_numpy(object)[other]))
    keys = zip(carried["unit"].astype(object), carried["number_key"].astype(object).fillna(""))
    return np.array([key != "" and (unit, key) in held for unit, key in keys], dtype=bool)


def _unpublished_by(published: pd.Series, as_of: str | None) -> np.ndarray:
    """Per stored publication date: none, or one after ``as_of`` (ISO; None: only none)."""
    days = pd.to_datetime(published.astype(object).replace("", None), errors="coerce")
    later = (days > pd.Timestamp(as_of)).to_numpy(bool) if as_of else False
    return days.isna().to_numpy(bool) | later
