"""Items not in this period's ledgers that are known to be published by now: closed (已整改), not 仍未整改.

A monthly ledger holds its own month only, so an earlier month's overdue item is usually not read again.
A false 已整改 hides a problem from 法制办, so an item is closed only on firm evidence:

- ``close_by_list``: the website list given this time (--online) holds an entry no ledger record of this
  run matched, of the item's unit (or a list without a unit column), its kind (where the list says), its
  number, its party (where both give one) and its decision date (where the list gives one) (an item without
  a number: the entry of its unit, party and decision date, all three given), first
  published (not an update time) on a day from its decision date to this run's as-of date; and that entry
  fits no other item. The entries are those set aside as other months' and this month's 台账未登记 ones
  (a catalogue without decision dates files an August decision published in September under September).
- ``close_by_ledger_day``: without a list this time, an item the unit's earlier ledger gave a publication
  day after that period's as-of (so it was 逾期未公开 then) that is on or before this one's, and that is
  still open after the 台账中消失 test (a row deleted from a cumulative ledger stays 台账中消失). Never a
  网站未见 item: its ledger date was there before and the list did not show it.
- ``refute_claims``: with a list this time, an item's earlier ledger day that the list could have shown
  and does not is taken away (never closing the item later).

The day judges: 逾期公开 (or 按时公开) as any record, late by the working days from its deadline to it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..classify import add_deadlines
from ..fields import unit_names
from ..online.columns import party_keys, without_legal_form

UNPUBLISHED = ("overdue", "pending")
NAT = np.datetime64("NaT", "D")


def close_by_list(carried: pd.DataFrame, entries: pd.DataFrame | None, as_of, calendar, rules,
                  aliases=None) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """(``carried`` with the absent items the list shows published closed (see the module's rules), the
    positions in ``entries`` of the entries that closed them: no 台账未登记, an earlier month's ledger held them)."""
    absent = carried["state"].eq("absent").to_numpy(bool) & carried["status"].isin(UNPUBLISHED).to_numpy(bool)
    if not absent.any() or entries is None or not len(entries):
        return carried, ()
    day, used = _listed_days(carried, absent, entries, np.datetime64(as_of, "D"), aliases)
    return _closed(carried, day, calendar, rules, "本期台账中没有这一条，网站清单显示已于 {} 公开"), used


def close_by_ledger_day(carried: pd.DataFrame, unread: np.ndarray, as_of, calendar, rules) -> pd.DataFrame:
    """``carried`` with the items left open and not read this time (``unread``) whose earlier ledger day has come."""
    stored = pd.to_datetime(carried["published_date"], errors="coerce").to_numpy("datetime64[D]")
    due = carried["state"].eq("open").to_numpy(bool) & carried["status"].isin(UNPUBLISHED).to_numpy(bool) \
        & unread & ~carried["problem"].eq("not-found").to_numpy(bool) \
        & (stored <= np.datetime64(as_of, "D"))  # NaT compares false
    return _closed(carried, np.where(due, stored, NAT), calendar, rules,
                   "本期台账中没有这一条；之前的台账所填公开日期 {} 已到")


def refute_claims(carried: pd.DataFrame, absent: np.ndarray, covers, calendar, rules) -> pd.DataFrame:
    """``carried`` without the publication days earlier ledgers gave to the items not read this time (``absent``)
    and still open, where this run's lists could have shown the item by that day and do not (close_by_list
    found no entry): that day is no publication, and closes nothing later (close_by_ledger_day); said.
    ``covers``: the lists' coverage test (online.verify.OnlineRun.covers)."""
    stored = pd.to_datetime(carried["published_date"], errors="coerce").to_numpy("datetime64[D]")
    rows = np.flatnonzero(absent & carried["state"].isin(["open", "dropped"]).to_numpy(bool)
                          & carried["status"].isin(UNPUBLISHED).to_numpy(bool) & ~np.isnat(stored))
    if covers is None or not len(rows):
        return carried
    items = pd.DataFrame({
        "unit": carried["unit"].astype(object).fillna("").to_numpy(object)[rows],
        "category": carried["category"].astype(object).to_numpy(object)[rows],
        "decision_date": pd.to_datetime(carried["decision_date"].iloc[rows], errors="coerce").to_numpy("datetime64[s]"),
        "published_date": stored[rows].astype("datetime64[s]"),
        "deadline": item_deadlines(carried, rows, calendar, rules).astype("datetime64[s]")})
    refuted = rows[np.asarray(covers(items), dtype=bool)]
    if not len(refuted):
        return carried
    out = carried.copy()
    index = out.index[refuted]
    days = np.datetime_as_string(stored[refuted], unit="D")
    out.loc[index, "note"] = [f"{note or '本期未读到这一条'}；网站清单中也没有它：之前的台账所填公开日期 {day} 未见于网站，不算公开"
                              for note, day in zip(out.loc[index, "note"], days)]
    out.loc[index, "published_date"] = None
    return out


def _closed(carried: pd.DataFrame, published: np.ndarray, calendar, rules, note: str) -> pd.DataFrame:
    rows = np.flatnonzero(~np.isnat(published))
    if not len(rows):
        return carried
    deadline = item_deadlines(carried, rows, calendar, rules)
    when = published[rows]
    late = ~np.isnat(deadline) & (when > deadline)
    count, complete, _ = calendar.count(np.where(late, deadline, NAT), np.where(late, when, NAT))
    out = carried.copy()
    index = out.index[rows]
    shown = np.datetime_as_string(when, unit="D").astype(object)
    out.loc[index, "state"] = "resolved"
    out.loc[index, "status"] = np.where(late, "late", "on_time")
    out.loc[index, "published_date"] = shown
    out.loc[index, "working_days_late"] = [int(max(n, 1)) if k and c else None
                                           for k, c, n in zip(late, complete, count)]  # the few closed
    out.loc[index, "note"] = [note.format(d) for d in shown]
    return out


def item_deadlines(carried: pd.DataFrame, rows: np.ndarray, calendar, rules) -> np.ndarray:
    """The deadlines of the items at ``rows`` (positions), from their category and stored decision date."""
    frame = carried.iloc[rows][["category"]].assign(
        decision_date=pd.to_datetime(carried["decision_date"].iloc[rows], errors="coerce").astype("datetime64[s]"))
    return add_deadlines(frame.reset_index(drop=True), calendar, rules)["deadline"].to_numpy("datetime64[D]")


def _listed_days(carried: pd.DataFrame, absent: np.ndarray, entries: pd.DataFrame, as_of,
                 aliases) -> tuple[np.ndarray, tuple[int, ...]]:
    """(per item: the day the one entry that fits it (and no other item) was first published, NaT elsewhere;
    the positions of the entries so used)."""
    out = np.full(len(carried), NAT, dtype="datetime64[D]")
    first = ~entries["update_only"].astype(bool).to_numpy(bool) if "update_only" in entries \
        else np.ones(len(entries), dtype=bool)  # an update time bounds the publication, it does not date it
    dated = entries["online_date"].notna().to_numpy(bool) & first
    if not dated.any():
        return out, ()
    listed = entries[dated]
    theirs = pd.DataFrame({
        "entry": np.flatnonzero(dated),
        "number_key": listed["number_key"].astype(object).fillna("").to_numpy(object),
        "unit_listed": unit_names(listed["unit"].astype(object).fillna(""), aliases).to_numpy(object),
        "category_listed": listed["category"].astype(object).fillna("").to_numpy(object),
        "party_listed": without_legal_form(party_keys(listed["party"].astype(object).fillna(""))).to_numpy(object),
        "decided_listed": pd.to_datetime(listed["decision_date"], errors="coerce").to_numpy("datetime64[D]"),
        "day": pd.to_datetime(listed["online_date"]).to_numpy("datetime64[D]")})
    mine = pd.DataFrame({
        "item": np.flatnonzero(absent),
        "number_key": carried["number_key"].astype(object).fillna("").to_numpy(object)[absent],
        "unit": unit_names(carried["unit"].astype(object).fillna(""), aliases).to_numpy(object)[absent],
        "category": carried["category"].astype(object).fillna("").to_numpy(object)[absent],
        "party": without_legal_form(party_keys(carried["party"].astype(object).fillna(""))).to_numpy(object)[absent],
        "decided": pd.to_datetime(carried["decision_date"], errors="coerce").to_numpy("datetime64[D]")[absent]})
    pairs = mine[mine["number_key"].ne("")].merge(theirs[theirs["number_key"].ne("")], on="number_key")
    # an item without a number: the list's entry of its unit, its party and its decision date, all three given
    # (p80 M4: the list showed it published and it stayed 仍未整改); the kind where the list says
    numberless = mine[mine["number_key"].eq("") & mine["party"].ne("") & mine["unit"].ne("")
                      & ~np.isnat(mine["decided"].to_numpy("datetime64[D]"))].merge(
        theirs[~np.isnat(theirs["decided_listed"].to_numpy("datetime64[D]"))], left_on=["party", "unit", "decided"], right_on=["party_listed", "unit_listed", "decided_listed"],
        suffixes=("", "_listed_number"))
    # ... and of its kind, said by the list: a penalty entry never closes a permit item of that party and day
    numberless = numberless[numberless["category_listed"].eq(numberless["category"]).to_numpy(bool)]
    pairs = pd.concat([pairs, numberless.drop(columns=["number_key_listed_number"])], ignore_index=True)
    unit_ok = pairs["unit_listed"].isin(["", "未知单位"]) | pairs["unit_listed"].eq(pairs["unit"])
    kind_ok = pairs["category_listed"].eq("") | pairs["category_listed"].eq(pairs["category"])
    both_named = pairs["party_listed"].ne("") & pairs["party"].ne("")
    party_ok = ~both_named | pairs["party_listed"].eq(pairs["party"])
    dated = ~np.isnat(pairs["decided_listed"].to_numpy("datetime64[D]"))
    same_day = pairs["decided_listed"].to_numpy("datetime64[D]") == pairs["decided"].to_numpy("datetime64[D]")
    # a list without the party must give the day, one without a unit must give the party: some second proof
    day_ok = np.where(dated, same_day, both_named.to_numpy(bool))
    unit_ok &= ~pairs["unit_listed"].isin(["", "未知单位"]) | both_named
    in_time = (pairs["day"].to_numpy("datetime64[D]") >= pairs["decided"].to_numpy("datetime64[D]")) \
        & (pairs["day"].to_numpy("datetime64[D]") <= as_of)
    fit = pairs[(unit_ok & kind_ok & party_ok).to_numpy(bool) & day_ok & in_time]
    # one entry proves one decision: an entry two items fit closes neither (the same decision on two
    # sites may give one item two entries: its first day)
    fit = fit[~fit.duplicated("entry", keep=False).to_numpy(bool)]
    used = tuple(int(e) for e in fit["entry"])
    fit = fit.groupby("item", as_index=False)["day"].min()
    out[fit["item"].to_numpy()] = fit["day"].to_numpy("datetime64[D]")
    return out, used
