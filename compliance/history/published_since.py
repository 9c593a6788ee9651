"""Items not in this period's ledgers that are known to be published by now: closed (已整改), not 仍未整改.

A monthly ledger holds its own month only, so an earlier month's overdue item is usually not read again.
It is known published by now when
- the website list given this time (--online) shows it, by unit, category and number (the entries no
  ledger record matched, of earlier months: OnlineRun.set_aside), on or before this run's as-of date; or
- the unit's own ledger gave its publication date before, a day after that period's as-of (so it was
  逾期未公开 then) and on or before this one's: the day has come. Not for a 网站未见 item: its ledger date
  was there before and the list did not show it; only a list closes it (docs/history.md).
The earlier of the two days judges: 逾期公开 (or 按时公开) as any record, late by the working days from its
deadline to that day.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..classify import add_deadlines
from ..fields import unit_names

UNPUBLISHED = ("overdue", "pending")


def close_published(carried: pd.DataFrame, entries: pd.DataFrame | None, as_of, calendar, rules,
                    aliases=None) -> pd.DataFrame:
    """``carried`` (the follow-up's items, with ``state``) with the absent ones known published closed."""
    absent = carried["state"].eq("absent").to_numpy(bool) & carried["status"].isin(UNPUBLISHED).to_numpy(bool)
    if not absent.any():
        return carried
    day = np.datetime64(as_of, "D")
    stored = pd.to_datetime(carried["published_date"], errors="coerce").to_numpy("datetime64[D]")
    own = absent & ~carried["problem"].eq("not-found").to_numpy(bool) & (stored <= day)  # NaT compares false
    shown = _on_the_list(carried, entries, aliases)
    shown = np.where(absent & (shown <= day), shown, np.datetime64("NaT", "D"))
    published = np.where(own, stored, np.datetime64("NaT", "D"))
    published = np.where(np.isnat(published) | (shown < published), shown, published)
    rows = np.flatnonzero(~np.isnat(published))
    if not len(rows):
        return carried
    frame = carried.iloc[rows][["category"]].assign(
        decision_date=pd.to_datetime(carried["decision_date"].iloc[rows], errors="coerce").astype("datetime64[s]"))
    deadline = add_deadlines(frame.reset_index(drop=True), calendar, rules)["deadline"].to_numpy("datetime64[D]")
    when = published[rows]
    late = ~np.isnat(deadline) & (when > deadline)
    count, complete, _ = calendar.count(np.where(late, deadline, np.datetime64("NaT", "D")),
                                        np.where(late, when, np.datetime64("NaT", "D")))
    out = carried.copy()
    index = out.index[rows]
    out.loc[index, "state"] = "resolved"
    out.loc[index, "status"] = np.where(late, "late", "on_time")
    out.loc[index, "published_date"] = np.datetime_as_string(when, unit="D").astype(object)
    out.loc[index, "working_days_late"] = [int(max(n, 1)) if k and c else None
                                           for k, c, n in zip(late, complete, count)]  # the few closed
    listed = ~np.isnat(shown[rows]) & (shown[rows] == when)
    out.loc[index, "note"] = np.where(
        listed, "本期台账中没有这一条，网站清单显示已于 " + np.datetime_as_string(when, unit="D").astype(object) + " 公开",
        "本期台账中没有这一条；之前的台账所填公开日期 " + np.datetime_as_string(when, unit="D").astype(object) + " 已到")
    return out


def _on_the_list(carried: pd.DataFrame, entries: pd.DataFrame | None, aliases) -> np.ndarray:
    """Per item: the earliest day the list shows its number under its unit and category (NaT: not there)."""
    out = np.full(len(carried), np.datetime64("NaT", "D"), dtype="datetime64[D]")
    if entries is None or not len(entries):
        return out
    listed = entries[entries["number_key"].astype(object).fillna("").ne("").to_numpy(bool)
                     & entries["online_date"].notna().to_numpy(bool)]
    if not len(listed):
        return out
    theirs = pd.DataFrame({"unit": unit_names(listed["unit"].astype(object).fillna(""), aliases).to_numpy(object),
                           "category": listed["category"].astype(object).fillna("").to_numpy(object),
                           "number_key": listed["number_key"].to_numpy(object),
                           "day": pd.to_datetime(listed["online_date"]).to_numpy("datetime64[D]")})
    mine = pd.DataFrame({"unit": unit_names(carried["unit"].astype(object).fillna(""), aliases).to_numpy(object),
                         "category": carried["category"].astype(object).fillna("").to_numpy(object),
                         "number_key": carried["number_key"].astype(object).fillna("").to_numpy(object),
                         "item": np.arange(len(carried))})
    found = mine[mine["number_key"].ne("")].merge(theirs, on="number_key", suffixes=("", "_listed"))
    # its unit and kind, where the list names them (a list without a unit column is the district's own site)
    same = (found["unit_listed"].isin(["", "未知单位"]) | found["unit_listed"].eq(found["unit"])) \
        & (found["category_listed"].eq("") | found["category_listed"].eq(found["category"]))
    found = found[same.to_numpy(bool)].groupby("item", as_index=False)["day"].min()
    out[found["item"].to_numpy()] = found["day"].to_numpy("datetime64[D]")
    return out
