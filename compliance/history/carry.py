"""The follow-up of open items (整改跟踪): each item still open after the previous period gets one state.

States (docs/history.md):
- ``resolved`` (已整改/销号): it now has a publication date (补公开), or is found online; an item that was
  网站未见 only when this run's website list shows it;
- ``corrected``: it was 数据有误 and now has usable data; its new status applies;
- ``open`` (仍未整改): still unpublished, or absent while the unit's ledgers do not cover its month;
- ``dropped`` (台账中消失): absent, although a ledger of the unit this period holds other records of that
  category and month, no problem in the earlier submission (a 整改 sheet lists only problems); an item
  dropped before stays dropped while the unit sends no ledger of that month (nothing has explained it).

Items are looked for in **all** of the run's records, whatever their decision month (cumulative ledgers
repeat earlier months): locate.py says how.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..classify import classify
from ..exempt import apply_exemptions
from ..dates import iso_dates
from ..ingest.docnumbers import normalise_document_numbers
from ..issues import issues_column
from .labels import (ABSENT_NOTE, DROPPED_NOTE, SEEN_NOTE, STILL_DROPPED_NOTE, STILL_UNSEEN_NOTE,
                     UNVERIFIED_NOTE)
from .published_since import close_by_ledger_day, close_by_list, refute_claims, item_deadlines
from .locate import BY_NUMBER, now_other_kind, found_unpublished, held_unpublished, locate
from .months import latest_days, periods_open
from .renames import spelled_now
from .store import FOLLOWUP_COLUMNS, HistoryStore, masked_keys

# Statuses that keep an item open until it is judged and published (issue 23).
OPEN_STATUSES = ("overdue", "pending", "invalid", "undetermined")
PUBLISHED = ("on_time", "late")
ONLINE_FOUND = ("confirmed", "date-differs")  # the website list holds the decision (online/verify.py)
STATES = ("resolved", "corrected", "open", "dropped")


@dataclass
class FollowUp:
    """What one period's run found about earlier periods, and what it hands to the next one."""

    period: str
    previous_period: str | None
    store: str
    carried: pd.DataFrame  # the items carried over, with their state now (FOLLOWUP_COLUMNS)
    new_items: pd.DataFrame  # items first found open in this period (FOLLOWUP_COLUMNS)
    stored_rates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["period", "unit", "category",
                                                                                    "rate"]))
    spellings: dict = field(default_factory=dict)  # {a stored unit name: this run's name of the same unit}
    # per unit, the latest decision or publication day its ledgers hold, out-of-scope rows included (at most
    # the as-of date): what the next period compares a 补公开 date with (_unpublished_until)
    ledger_latest: dict = field(default_factory=dict)
    listed: tuple = ()  # positions in the list entries given that closed items (published_since.close_by_list)

    @property
    def previous_rates(self) -> pd.DataFrame:
        """(unit, category, rate) of the previous period, under this run's names of its units; a name two
        earlier units would both take (two districts' 区人社局) takes neither's rate."""
        rates = self.stored_rates
        rates = rates.loc[rates["period"].eq(self.previous_period), ["unit", "category", "rate"]]
        if not self.spellings:
            return rates
        rates = rates.assign(unit=rates["unit"].replace(self.spellings))
        return rates[~rates.duplicated(["unit", "category"], keep=False)]

    def unit_figures(self) -> pd.DataFrame:
        """Per unit and category: carried, resolved (销号: 已整改, and 已更正 no longer open), open (仍未整改, and
        已更正 whose new status is still open: the next period follows it), dropped."""
        c = self.carried
        corrected_open = c["state"].eq("corrected") & c["still_open"].astype(int).eq(1)
        frame = pd.DataFrame({"unit": c["unit"].astype(object), "category": c["category"].astype(object),
                              "carried": 1, "resolved": (c["state"].isin(["resolved", "corrected"]) & ~corrected_open
                                                         ).astype(int),
                              "open": (c["state"].eq("open") | corrected_open).astype(int),
                              "dropped": c["state"].eq("dropped").astype(int)})
        return frame.groupby(["unit", "category"], as_index=False, dropna=False)[
            ["carried", "resolved", "open", "dropped"]].sum()

    @property
    def first_said(self) -> str:
        """Why there is no previous period: the first month recorded, or one earlier than every month recorded
        (a month run after later ones: "首次记录" there was untrue, probe p80 L3)."""
        later = self.stored_rates["period"].astype(str).gt(self.period).any() if len(self.stored_rates) else False
        return "早于历史库中已记录的各期" if later else "为首次记录"

    @property
    def dropped(self) -> pd.DataFrame:
        return self.carried[self.carried["state"].eq("dropped")]

    def followups(self) -> pd.DataFrame:
        return pd.concat([self.carried, self.new_items], ignore_index=True)[FOLLOWUP_COLUMNS]


def add_history_keys(records: pd.DataFrame) -> pd.DataFrame:
    """``records`` with ``number_key`` (the normalised 文书号, "" for none) and ``history_row`` (its
    position among all the run's records): added once, before the month is chosen, so that the in-scope
    records carry them too."""
    keys = normalise_document_numbers(records["document_number"])
    # a certificate numbered by its holder's ID number: the store never holds it, only its masked form (the
    # holder and the day tell two alike apart, as for records without a number)
    return records.assign(number_key=masked_keys(keys), history_row=np.arange(len(records)))


def earlier_decision_dates(store: HistoryStore, period: str, records: pd.DataFrame,
                           aliases: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """``records`` (with the history keys) plus ``earlier_decision_date`` and ``earlier_period``: where an
    item the previous period left open is found by its number and the ledger now gives it another decision
    date, the date it was recorded with. classify judges by both and chooses neither when the verdict turns
    on it: re-dating a decision is how its lateness would vanish from one month to the next."""
    previous = store.previous_period(period)
    carried = store.followups(previous, still_open=True) if previous else pd.DataFrame(columns=FOLLOWUP_COLUMNS)
    if not len(carried):
        return records
    stored_units = carried["unit"].copy()  # the names the store knows them by
    spelled = spelled_now(store, previous, carried, records, aliases)
    if spelled:
        carried["unit"] = carried["unit"].replace(spelled)
    at, _ = locate(carried, records, _known(store, carried, spelled))
    unpublished, unpublished_period = _unpublished_until(store, previous, carried, records, at, stored_units)
    before = pd.to_datetime(carried["decision_date"], errors="coerce").to_numpy("datetime64[s]")
    numbered = carried["number_key"].astype(object).fillna("").ne("").to_numpy(bool)
    # without a number, found by its party with the date retyped (locate.py): as re-datable as one with
    # a number; a 数据有误 item's earlier date may be the very error corrected
    retyped = ~numbered & carried["problem"].astype(object).ne("invalid").to_numpy(bool)
    pick = np.flatnonzero((at >= 0) & (numbered | retyped) & ~np.isnat(before))
    now = records["decision_date"].to_numpy("datetime64[s]")[at[pick]]
    changed = pick[~np.isnat(now) & (now != before[pick])]
    earlier = np.full(len(records), np.datetime64("NaT"), dtype="datetime64[s]")
    earlier[at[changed]] = before[changed]
    told = ~np.isnat(earlier) | ~np.isnat(unpublished)
    said = np.where(~np.isnat(unpublished), unpublished_period, np.where(told, previous, None))
    return records.assign(earlier_decision_date=earlier, unpublished_until=unpublished,
                          earlier_period=pd.Series(said, dtype=object, index=records.index))


def _unpublished_until(store: HistoryStore, previous: str, carried: pd.DataFrame, records: pd.DataFrame,
                       at: np.ndarray, stored_units: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per record: the last day the latest earlier ledgers of its unit recorded (a decision or a publication
    of that day; at most that period's as-of date), where the item was still 逾期未公开 and the website has
    not shown it since; NaT elsewhere. A publication day before it now contradicts the earlier ledgers,
    which were written after it and did not have it (classify). Those ledgers are the latest that held the
    item unpublished: older than the previous period where the unit skipped a month or its last ledger did
    not cover the item's month; the store knows the unit by its earlier name.
    Returns (those days, the period whose ledgers each comes from)."""
    out = np.full(len(records), np.datetime64("NaT"), dtype="datetime64[s]")
    periods = np.full(len(records), None, dtype=object)
    # 网站未见 (the ledger had a date the website did not show) is no unpublished ledger row; nor is a row
    # the previous period's ledgers did not hold (台账中消失 then): they say nothing of its publication
    # an item a contradiction (or a bad date) left 数据有误 last time is compared again: the ledger that held
    # it unpublished still says what it said
    pick = np.flatnonzero((at >= 0) & carried["status"].isin(["overdue", "invalid"]).to_numpy(bool)
                          & carried["problem"].astype(object).isin(["overdue", "pending"]).to_numpy(bool)
                          & carried["state"].astype(object).ne("dropped").to_numpy(bool))
    if not len(pick):
        return out, periods
    units = stored_units.iloc[pick].to_numpy(object)
    items = carried.iloc[pick].assign(unit=units)
    last = np.full(len(pick), np.datetime64("NaT"), dtype="datetime64[s]")
    found_in = np.full(len(pick), None, dtype=object)
    settled = ~pd.Series(units).map(lambda u: isinstance(u, str)).to_numpy(bool)
    oldest = items["first_period"].astype(object).fillna("").astype(str).min()
    earlier = sorted((p for p in store.periods() if oldest <= p["period"] <= previous), key=lambda p: p["period"],
                     reverse=True)
    for period in earlier:  # until each item's latest ledger that held it unpublished: a month it was not in
        if settled.all():  # (a ledger of later decisions only) says nothing of its publication
            break
        stored = store.records([period["period"]], sorted(set(units[~settled])))
        # a period stores its own month's decisions only: an earlier month's item its ledger still listed
        # unpublished is known from that period's follow-up, found in one of its files
        followed = ~settled & found_unpublished(store.followups(period["period"]), period["inputs"], items,
                                                period["as_of"])
        if not len(stored) and not followed.any():
            continue
        held = ~settled & (held_unpublished(items, stored, period["as_of"]) | followed) if len(stored) else followed
        days = pd.concat([pd.to_datetime(stored[name], errors="coerce") for name in ("decision_date", "published_date")])
        days = days.mask(days > pd.Timestamp(period["as_of"]))  # a day after the as-of date: a typo, or no day yet
        known = days.groupby(pd.concat([stored["unit"]] * 2).to_numpy(object)).max().dropna() if len(stored) \
            else pd.Series(dtype="datetime64[ns]")
        # the ledgers' rows outside that period's scope count too (a cumulative ledger's later months)
        recorded = pd.to_datetime(pd.Series(store.ledger_latest(period["period"]), dtype=object), errors="coerce")
        if len(recorded):
            known = pd.concat([known, recorded]).groupby(level=0).max()
        bound = np.datetime64(period["as_of"], "s")
        # mapped through a dict: a Series map with nothing known (no record of that period) failed to cast NaN
        day = pd.to_datetime(pd.Series(units[held], dtype=object).map(dict(known.items())),
                             errors="coerce").to_numpy("datetime64[s]")
        last[held], found_in[held] = np.where(day > bound, bound, day), period["period"]  # NaT stays
        settled |= held
    rows = at[pick]
    keep = ~np.isnat(last)
    if "online_result" in records.columns:  # the website's own date stands (online/verify.py)
        keep &= ~np.isin(records["online_result"].astype(object).to_numpy(object)[rows], ONLINE_FOUND)
    out[rows[keep]] = last[keep]
    periods[rows[keep]] = found_in[keep]
    return out, periods


def _known(store: HistoryStore, carried: pd.DataFrame, spelled: dict[str, str]) -> pd.DataFrame:
    """The decisions the store holds for the carried items' units and decision months (locate.py), under
    whichever name they were stored (``spelled``: stored name -> the run's), named as the run names them."""
    if not len(carried):
        return None
    recorded = {p["period"] for p in store.periods()}
    months = sorted(set(carried["decision_date"].astype(object).dropna().astype(str).str[:7]) & recorded)
    units = set(carried["unit"].dropna())
    units |= {name for name, now in spelled.items() if now in units}
    if not (months and units):
        return None
    known = store.records(months, sorted(units))
    return known.assign(unit=known["unit"].astype(object).replace(spelled)) if spelled else known


def follow_up(store: HistoryStore, period: str, records: pd.DataFrame, scoped: pd.DataFrame, *, calendar, rules,
              as_of, run_date, confirmed_exempt: tuple[str, ...] = (), aliases: dict[str, list[str]] | None = None,
              online_entries: pd.DataFrame | None = None, online_covers=None,
              unreadable_units: list[str] = ()) -> FollowUp:
    """Carry the previous period's open items into ``period``.

    ``records``: every record the run read (before the month was chosen), with deadlines, the online
    result and the history keys (``add_history_keys``); ``scoped``: the classified records in scope,
    which open this period's new items; ``confirmed_exempt``: the numbers 法制办 confirmed need not be
    published (compliance.toml), judged as the run judges them (exempt.py); ``aliases``: compliance.toml
    [units], whose names hold for the names stored before they were declared (run_spellings);
    ``online_entries``: the list's entries of other months, ``online_covers`` its coverage test
    (published_since.py). """
    previous = store.previous_period(period)
    carried = store.followups(previous, still_open=True) if previous else pd.DataFrame(columns=FOLLOWUP_COLUMNS)
    rates = store.rates()  # (a unit with no open item keeps its rate too)
    spelled = spelled_now(store, previous, carried, records, aliases, rates, unreadable_units)
    if spelled:  # 区安监局 last month, 西塞山区安全生产监督管理局 now: the run's name, so that its items are found
        carried["unit"] = carried["unit"].replace(spelled)
    at, seen = locate(carried, records, _known(store, carried, spelled))
    seen |= now_other_kind(carried, records)
    now = classify(records.iloc[at[at >= 0]], calendar, rules, as_of, run_date) if (at >= 0).any() else None
    if now is not None:  # an item now exempt (无需公开) is closed, as the run itself judges the record
        now, _ = apply_exemptions(now, rules, confirmed_exempt)
    # 台账中消失 last time: a unit that then sends nothing (or no ledger of that month) has not explained it
    was_dropped = carried["state"].astype(object).eq("dropped").to_numpy(bool)
    carried = _states(carried, at, now)
    carried["note"] = None  # this period's word on each item (the found record's problems …): 整改跟踪's 说明
    if now is not None:
        said = issues_column(now, as_of.isoformat(), run_date.isoformat())
        found = carried.index[at >= 0]
        # found under another number (a typo put right, matched by party and day: locate.py): which row closed it
        renumbered = [f"本期台账中的文书号是 {number}（按相对人和决定日期对应）" if key != then and number else None
                      for key, then, number in zip(now["number_key"], carried.loc[found, "number_key"].fillna(""),
                                                   now["document_number"].astype(object).fillna(""))]
        # 网站未见 before: only a list closes it, whatever day the ledger gives now (_states); said, with that day
        waits = [(UNVERIFIED_NOTE if online_covers is None else STILL_UNSEEN_NOTE).format(
                 f"填了公开日期 {d}" if d else "仍没有填公开日期") if u else None
                 for u, d in zip(carried.loc[found, "unverified"].fillna(False), iso_dates(now["published_date"]))]
        carried.loc[found, "note"] = ["；".join([n for n in [r, w] if n] + [p.message for p in ps]) or None
                                      for r, w, ps in zip(renumbered, waits, said)]
    carried, listed = close_by_list(carried, online_entries, as_of, calendar, rules, aliases)  # not read, shown online
    covered = _covered(store, carried, records, at, period, spelled)
    months = carried["decision_date"].astype(object).fillna("").str[:7]
    pairs = (carried["unit"].astype(object).fillna("").astype(str) + "|"
             + carried["category"].astype(object).fillna("").astype(str) + "|" + months)
    absent = carried["state"].eq("absent").to_numpy(bool)
    unseen = ~seen[absent]  # seen: its number is there
    dropped = pairs[absent].isin(covered).to_numpy(bool) & unseen
    kept = ~dropped & was_dropped[absent] & unseen
    dropped |= kept
    carried.loc[absent, "state"] = np.where(dropped, "dropped", "open")
    # an item not read this time (the unit sent nothing, or its ledger no longer holds that month) keeps its
    # state; said, so that an item still 数据有误 with a date shown is not read as unexplained
    carried.loc[carried.index[absent], "note"] = np.where(dropped, np.where(kept, STILL_DROPPED_NOTE, DROPPED_NOTE),
                                                          np.where(unseen, ABSENT_NOTE, SEEN_NOTE))
    if online_entries is None:  # no list this time: a day an earlier ledger gave that has come closes it
        carried = close_by_ledger_day(carried, carried["note"].eq(ABSENT_NOTE).to_numpy(bool), as_of, calendar, rules)
    else:  # a list: an earlier ledger's day it could have shown, and does not, is none
        carried = refute_claims(carried, absent, online_covers, calendar, rules)
    # a 网站未见 item the ledger still claims, with no list this time to show it online: late to this as-of too
    unchecked = absent | carried["unverified"].fillna(False).to_numpy(bool)
    carried["status"], carried["working_days_late"] = _lapsed(carried, unchecked, calendar, rules, as_of)
    carried["still_open"] = (carried["state"].isin(["open", "dropped"])
                             | (carried["state"].eq("corrected") & carried["status"].isin(OPEN_STATUSES))).astype(int)
    carried["periods_open"] = periods_open(carried, period)
    carried["carried"] = 1
    new = _new_items(scoped, period, at[at >= 0])
    return FollowUp(period, previous, store.label, carried[FOLLOWUP_COLUMNS].reset_index(drop=True), new,
                    rates, spelled, latest_days(records, as_of), listed)


def _lapsed(carried: pd.DataFrame, absent: np.ndarray, calendar, rules, as_of) -> tuple[np.ndarray, np.ndarray]:
    """(statuses, working days late) of the items not in this run's ledgers (or only claimed published there, as
    网站未见 before, with no list this time), as of ``as_of``: one that was
    未到期 and has passed its deadline is 逾期未公开, as an absent overdue item stays (nothing shows it
    published), never 未到期; and each overdue one is late by the working days up to ``as_of``, as the
    items found are (the earlier period's figure would mix two as-of dates in one column)."""
    status = carried["status"].astype(object).to_numpy(object).copy()
    late = carried["working_days_late"].astype(object).to_numpy(object).copy()
    rows = np.flatnonzero(absent & np.isin(status, ["pending", "overdue"]))
    if len(rows):
        deadline = item_deadlines(carried, rows, calendar, rules)
        day = np.datetime64(as_of, "D")
        lapsed = deadline < day  # NaT (no calendar) compares false
        status[rows[lapsed]] = "overdue"
        count, complete, _ = calendar.count(np.where(lapsed, deadline, np.datetime64("NaT", "D")),
                                            np.where(lapsed, day, np.datetime64("NaT", "D")))
        known = lapsed & complete  # past the calendar's last year: the earlier figure stays
        late[rows[known]] = [int(n) for n in np.maximum(count[known], 1)]  # at least one, as classify says; plain
        # ints: a database driver takes no numpy integer
    return status, late


def _states(carried: pd.DataFrame, at: np.ndarray, now: pd.DataFrame | None) -> pd.DataFrame:
    """resolved / corrected / open for the items found; "absent" (decided by coverage) for the others."""
    out = carried.astype(object)  # stored columns may come back as float: values of any kind are set below
    found = at >= 0
    out["state"] = "absent"
    out["unverified"] = False
    if now is None:
        return out
    status = now["status"].astype(str).to_numpy(object)
    was_invalid = out["problem"].eq("invalid").to_numpy(bool)[found]
    state = np.where(was_invalid, np.where(status != "invalid", "corrected", "open"),
                     np.where(np.isin(status, PUBLISHED + ("exempt",)), "resolved", "open"))
    # 网站未见 is closed by the website list alone: the ledger's date was there before, and was not online.
    # Without --online this time, or still not found, it stays open as it was.
    online = now["online_result"].astype(object).to_numpy(object) if "online_result" in now \
        else np.full(len(now), None, dtype=object)
    unverified = out["problem"].eq("not-found").to_numpy(bool)[found] & ~np.isin(online, ONLINE_FOUND)
    state = np.where(unverified, "open", state)
    idx = np.flatnonzero(found)
    out.loc[idx, "state"] = state
    out.loc[idx[unverified], "unverified"] = True
    now, idx = now[~unverified], idx[~unverified]  # an unverified item keeps what was known of it
    status, late = status[~unverified], now["working_days_late"]
    out.loc[idx, "status"] = status
    # corrected, still unpublished: from now on followed as what it is (逾期未公开 …), by its decision date
    fixed = (out["problem"].to_numpy(object)[idx] == "invalid") & (status != "invalid")  # its date known now
    out.loc[idx[fixed], "decision_date"] = iso_dates(now["decision_date"][fixed])
    still = fixed & np.isin(status, ("overdue", "pending"))
    out.loc[idx[still], "problem"] = status[still]
    out.loc[idx, "published_date"] = iso_dates(now["published_date"])
    # Re-dated (earlier_decision_dates): the recorded date stays, whether or not the verdict turns on it now,
    # until the ledgers agree (a wrong earlier date is corrected by re-running that period with the ledger put
    # right): followed by the new date, an item re-dated while unpublished (overdue either way) and published
    # the next month would be on time by it alone.
    out.loc[idx, "working_days_late"] = late.astype(object).where(late.notna(), None).to_numpy(object)
    for name, source in (("source_file", "source_file"), ("sheet", "sheet"), ("row", "row")):
        out.loc[idx, name] = now[source].to_numpy(object)
    return out


def _covered(store: HistoryStore, carried: pd.DataFrame, records: pd.DataFrame, at: np.ndarray,
             period: str, spelled: dict[str, str]) -> set[str]:
    """"unit|YYYY-MM" pairs a ledger of this run covers: it holds records of that unit and month that were
    recorded in an earlier period, copied as they were recorded, and it is not a file of carried items only
    (a 整改 sheet), and it holds most of that month's other rows.
    ``spelled``: the stored names this run spells otherwise (run_spellings)."""
    absent = carried["state"].eq("absent")
    if not absent.any():
        return set()
    units = sorted(set(carried.loc[absent, "unit"]))
    stored_names = units + [name for name, now in spelled.items() if now in units]
    # the periods that recorded the items, and their decision months' (a 补报 is stored in the period it was sent)
    months = carried.loc[absent, "decision_date"].astype(object).fillna("").astype(str).str[:7]
    every = store.records(sorted(set(carried.loc[absent, "first_period"]) | set(months[months.ne("")])), stored_names)
    every = every[(every["period"] < period) & every["number_key"].ne("")]
    if spelled:
        every = every.assign(unit=every["unit"].astype(object).replace(spelled))
    # a decision that was no problem in its month (按时/逾期公开): a cumulative 整改 sheet lists problems only
    stored = every[every["status"].isin(PUBLISHED + ("exempt",)).to_numpy(bool)]
    if not len(stored):
        return set()
    # Only other records of that month are evidence: an item listed again says nothing of the items left out.
    is_carried = np.zeros(len(records), dtype=bool)
    is_carried[at[at >= 0]] = True
    theirs = records["unit"].isin(units).to_numpy(bool)
    mine = records[theirs & ~is_carried & records["number_key"].ne("").to_numpy(bool)]
    evidence = mine[BY_NUMBER + ["party", "decision_date", "published_date"]].astype(
        {"unit": object, "category": object}).merge(stored.drop_duplicates(BY_NUMBER), on=BY_NUMBER, how="inner",
                                                     suffixes=("", "_then"))
    # ... a copy of the row as recorded, as a cumulative ledger carries it: a row listed again with its party or
    # a date corrected is what a monthly ledger re-sends, and says nothing of that month's other rows
    copied = ((_spaceless(evidence["party"]) == _spaceless(evidence["party_then"]))
              & (_iso(evidence["decision_date"]) == _iso(evidence["decision_date_then"]))
              & (_iso(evidence["published_date"]) == _iso(evidence["published_date_then"])))
    pairs = set(_month_keys(evidence[copied]))
    # ... in a ledger that holds most of that month's other rows: a monthly ledger listing one row of a month
    # of twenty again is no cumulative ledger (2 × rows held > rows recorded less the items missing now)
    # (carried items, found or not, count on neither side: a monthly ledger re-lists the ones it put right)
    # (numbered rows on both sides, as ``every`` holds)
    numbered = records["number_key"].ne("").to_numpy(bool)
    held = pd.Series(_month_keys(records[theirs & ~is_carried & numbered]), dtype=object).value_counts()
    recorded = pd.Series(_month_keys(every.drop_duplicates(BY_NUMBER)), dtype=object).value_counts()
    items = pd.Series(_month_keys(carried[carried["number_key"].astype(object).fillna("").ne("").to_numpy(bool)]),
                      dtype=object).value_counts()
    rest = recorded.sub(items.reindex(recorded.index, fill_value=0))
    most = recorded.index[(2 * held.reindex(recorded.index, fill_value=0) > rest).to_numpy(bool)]
    return pairs & set(most)


def _month_keys(rows: pd.DataFrame) -> list[str]:
    """"unit|category|YYYY-MM" of each row (the month of its decision date)."""
    months = pd.Series(_iso(rows["decision_date"]), dtype=object).str[:7].to_numpy(object)
    unit, category = (rows[c].astype(object).fillna("").astype(str).to_numpy(object) for c in ("unit", "category"))
    return (unit + "|" + category + "|" + months).tolist()


def _iso(dates: pd.Series) -> np.ndarray:
    """Dates (or stored ISO text) as ISO text, "" where none."""
    if dates.dtype == object or pd.api.types.is_string_dtype(dates):
        return dates.astype(object).where(dates.notna(), "").astype(str).str[:10].to_numpy(object)
    return pd.Series(iso_dates(dates), dtype=object).fillna("").to_numpy(object)


def _spaceless(texts: pd.Series) -> np.ndarray:
    return texts.astype(object).where(texts.notna(), "").astype(str).str.replace(r"\s+", "", regex=True).to_numpy(object)


def _new_items(scoped: pd.DataFrame, period: str, carried_rows: np.ndarray) -> pd.DataFrame:
    """This period's records still open (OPEN_STATUSES, or not found online), not already carried."""
    online = scoped["online_result"].astype(object) if "online_result" in scoped else pd.Series(None, index=scoped.index)
    status = scoped["status"].astype(str)
    not_found = online.eq("not-found").to_numpy(bool)
    is_open = status.isin(OPEN_STATUSES).to_numpy(bool) | not_found
    number = scoped["number_key"]
    pick = is_open & ~np.isin(scoped["history_row"].to_numpy(), carried_rows)
    rows = scoped[pick]
    late = rows["working_days_late"]
    return pd.DataFrame({
        "unit": rows["unit"].astype(object).to_numpy(object), "category": rows["category"].astype(object).to_numpy(object),
        "number_key": number[pick].to_numpy(object), "document_number": rows["document_number"].to_numpy(object),
        "party": rows["party"].to_numpy(object), "decision_date": iso_dates(rows["decision_date"]),
        "first_period": period, "periods_open": 1,
        "problem": np.where(not_found[pick], "not-found", status[pick].to_numpy(object)),
        "state": "open", "carried": 0, "published_date": iso_dates(rows["published_date"]),
        "working_days_late": late.astype(object).where(late.notna(), None).to_numpy(object),
        "status": status[pick].to_numpy(object), "still_open": 1,
        "source_file": rows["source_file"].to_numpy(object), "sheet": rows["sheet"].to_numpy(object),
        "row": rows["row"].to_numpy(object)}, columns=FOLLOWUP_COLUMNS)
