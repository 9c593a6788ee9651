"""Decisions read now of a month already recorded that its record did not hold: sent after their month was
recorded (补报). api.check counts them in the month they were sent; cli_history says so."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .locate import SAME_DECISION_DAYS, match_keys
from .renames import ISSUER, run_spellings
from .store import HistoryStore


def late_reported(store: HistoryStore, period: str, records: pd.DataFrame,
                  aliases: dict[str, list[str]] | None = None) -> np.ndarray:
    """Per record: the earlier recorded month it was decided in, where that month's record did not hold it
    (sent late: 补报), else None. A --month run counts such a record in ``period`` (api.check), or it would be
    in no month's figures and no follow-up: an overdue decision first listed a month late would pass unseen.
    Only what that month's run would have counted: decided by its as-of date, a permit or a penalty. A number
    any recorded month holds is no 补报 (a decision re-dated since); one without a number is compared by
    party and day in its month. ``records`` carry the history keys (carry.add_history_keys)."""
    records = records.reset_index(drop=True)  # positions: the answer is per record
    out = np.full(len(records), None, dtype=object)
    as_of = {p["period"]: p["as_of"] for p in store.periods() if p["period"] < period}
    decided = records["decision_date"].to_numpy("datetime64[D]")
    months = decided.astype("datetime64[M]").astype(str)
    limit = np.array([as_of.get(m, "0001-01-01") for m in months], dtype="datetime64[D]")
    other = records["category_problem"].eq("category-other").to_numpy(bool) if "category_problem" in records \
        else np.zeros(len(records), dtype=bool)
    earlier = np.isin(months, sorted(as_of)) & (decided <= limit) & ~other
    if not earlier.any():
        return out
    mine = records[earlier].assign(month=months[earlier])
    units = set(mine["unit"].dropna()) | {u for m in as_of for u in store.rates(m)["unit"].dropna()}  # earlier names too
    stored = store.records(sorted(as_of), sorted(units))
    if not len(stored):
        out[mine.index.to_numpy()] = mine["month"].to_numpy(object)
        return out
    # by the month it was decided in: a 补报 is stored in the period it was sent, and is no 补报 again later
    stored = stored.assign(month=stored["decision_date"].astype(object).fillna("").astype(str).str[:7])
    # 区安监局 then, 西塞山区安全生产监督管理局 now; a renamed unit is known by its numbers too
    spelled = run_spellings(stored["unit"], records["unit"], aliases, numbers=(stored, records))
    if spelled:
        stored["unit"] = stored["unit"].replace(spelled)
    with_number = mine["number_key"].ne("").to_numpy(bool)
    on = ["unit", "category", "number_key"]
    known = mine[with_number][on].merge(stored[on].drop_duplicates(), on=on, how="left", indicator=True)["_merge"].eq("both")
    # ... or under another unit's name, where the number names its issuer (西安监罚〔2026〕2号): a unit renamed
    # (区安监局 -> 区应急管理局) without [units] sends its cumulative ledger under the new name, no 补报
    # (only a unit this run does not name: two districts' 区人社局 may both number 区人社许〔2026〕N号)
    gone = ~stored["unit"].isin(set(records["unit"].dropna())).to_numpy(bool)
    issued = stored[gone & stored["number_key"].str.match(ISSUER).to_numpy(bool)][on[1:]].drop_duplicates()
    known |= mine[with_number][on[1:]].merge(issued, how="left", indicator=True)["_merge"].eq("both").to_numpy(bool)
    missing = pd.concat([_without_number_missing(mine[with_number][~known.to_numpy(bool)], stored, mine),
                         _without_number_missing(mine[~with_number], stored, mine)])
    out[missing.index.to_numpy(np.int64)] = missing.to_numpy(object)
    return out


def _without_number_missing(mine: pd.DataFrame, stored: pd.DataFrame, everything: pd.DataFrame) -> pd.Series:
    """The month of each record of ``mine`` that no stored record of its month stands for: same unit,
    category, party and decision date, or the party's one decision of that month dated a few days
    apart that ``everything`` read now no longer holds (a date corrected since, as the follow-up
    matches it: locate.py); one still there is another decision, and this one is sent late (补报)."""
    if not len(mine):
        return pd.Series(dtype=object)
    names = ("unit", "category", "party", "decision_date")
    left = match_keys(mine, mine["decision_date"], names).assign(month=mine["month"], mine=np.arange(len(mine)))
    right = match_keys(stored, stored["decision_date"], names).assign(month=stored["month"]).drop_duplicates()
    # only a stored decision gone from the records now can have been re-dated: one still there is another
    now = match_keys(everything, everything["decision_date"], names).assign(month=everything["month"])
    still = right.merge(now.drop_duplicates(), how="left", indicator=True)["_merge"]
    gone = right[still.eq("left_only").to_numpy(bool)]
    pairs = left.merge(gone.drop_duplicates(["unit", "category", "party", "month"], keep=False),
                       on=["unit", "category", "party", "month"], suffixes=("", "_then"))
    near = (pairs["decision_date"] - pairs["decision_date_then"]).abs() <= pd.Timedelta(days=SAME_DECISION_DAYS)
    found = left.merge(right, how="left", indicator=True)["_merge"].eq("both").to_numpy(bool, copy=True)
    found[pairs.loc[near, "mine"].to_numpy()] = True
    # …or the party's decision recorded with a date that could not be read (见附件), dated now: the month held
    # it, and counted it (数据有误); the follow-up finds it as corrected (probe 62: 补报 and counted twice)
    who = ["unit", "category", "party"]
    blank = stored[stored["decision_date"].isna().to_numpy(bool)]
    if len(blank):  # recorded in the decision's month or later (a month recorded before it cannot hold it)
        undated = match_keys(blank, None, who).assign(recorded=blank["period"].astype(str).to_numpy(object))
        still_undated = now[now["decision_date"].isna().to_numpy(bool)][who].drop_duplicates()
        fixed = undated.merge(still_undated, how="left", indicator=True)
        fixed = fixed[fixed["_merge"].eq("left_only").to_numpy(bool)][who + ["recorded"]]
        held = left[who + ["month", "mine"]].merge(fixed, on=who)
        found[held.loc[(held["recorded"] >= held["month"]).to_numpy(bool), "mine"].to_numpy()] = True
    return mine["month"][~found]
