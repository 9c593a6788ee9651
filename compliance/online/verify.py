"""The online result of every ledger record, applied before classification.

Results (issue 12):
- confirmed:      found online; same date as the ledger, or the ledger had none;
- date-differs:   found online with another date; judged on the online date;
- not-found:      nothing online; judged as not published (a problem when the
                  ledger claimed a date);
- not-verifiable: the list cannot speak for it (deadline before the list's
                  span or --online-since, or the entry has no date); judged on the ledger;
- ambiguous:      more than one candidate; judged on the ledger, candidates listed.
Online entries that match no record are 台账未登记 (online only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE, NO_DATE, iso_dates
from ..errors import ReconciliationError
from ..fields import unit_names
from .match import Matches, doubt_not_found, match
from .columns import not_decisions
from .read import OnlineList, span_dates
from .update_times import choose_by_update_times

RESULTS = ("confirmed", "date-differs", "not-found", "not-verifiable", "ambiguous")
RESULT_LABELS = {"confirmed": "一致", "date-differs": "日期不符", "not-found": "网站未见",
                 "not-verifiable": "无法核对", "ambiguous": "无法确定对应", "online-only": "台账未登记",
                 "decision-differs": "决定日期不同"}
# The online list decides the publication date for these; the others keep the ledger's.
DECIDED = ("confirmed", "date-differs", "not-found")
# 网站未见 where the ledger gave a publication date (a possible 瞒报), that date possible or not
CLAIMED_UNSEEN = ("online-not-found-claimed", "online-not-found-claimed-impossible")
# 数据有误: online by an update time after the deadline, the first publication unknown (_results)
UPDATE_AFTER_DEADLINE = ("online-update-after-deadline", "online-update-before-ledger")


@dataclass
class OnlineRun:
    lists: list[OnlineList]
    online_only: pd.DataFrame  # entries no ledger record matched, with their unit
    since: dt.date | None = None
    span_start: dt.date | None = None  # records whose deadline is before it are not verifiable
    counts: dict[str, int] = field(default_factory=dict)  # result -> records
    entries: int = 0
    entries_matched: int = 0
    entries_ambiguous: int = 0
    entries_other_months: int = 0  # 台账未登记 entries left out by --month
    entries_after_as_of: int = 0  # 台账未登记 entries decided after --as-of, left out
    entries_before_ledgers: int = 0  # 台账未登记 entries of a year before every ledger record's, left out
    ledgers_first_year: int | None = None
    entries_repeated: int = 0  # 台账未登记 entries that another list's entry already stands for
    entries_not_decisions: int = 0  # a catalogue's other items (部门预算): no number, no party, no category
    # entries no ledger record matched, left out of 台账未登记 as another month's or year's (select_online_only):
    # what the website shows of earlier months' decisions, for the items still followed up (history)
    set_aside: pd.DataFrame | None = None
    entries_followed: int = 0  # 台账未登记 entries that closed an earlier month's item instead (api.py)
    # items -> whether the lists could have shown each (``coverage``): an earlier ledger's day for an item not
    # read this time, that the lists do not show, is no publication (history/published_since.refute_claims)
    covers: Callable[[pd.DataFrame], np.ndarray] | None = None


def verify(records: pd.DataFrame, entries: pd.DataFrame, lists: list[OnlineList], *,
           since: dt.date | None = None, aliases=None, run_date: dt.date | None = None,
           as_of: dt.date | None = None) -> tuple[pd.DataFrame, OnlineRun]:
    """(``records`` with the online result columns and published_date replaced where the list decides,
    the ``OnlineRun`` that 说明, 公开核对 and the JSON describe).

    ``records`` carry their deadline already (classify.add_deadlines): the span test needs it.
    """
    found = match(records, entries, aliases)
    choose_by_update_times(records, entries, found)
    dated = span_dates(entries)
    start = dated.min().date() if len(dated) else None
    deadline = records["deadline"].to_numpy(DATE_DTYPE)
    covered = coverage(records, entries, lists, deadline, aliases, run_date, since)
    result, online_date = _results(records, entries, found, deadline, start, since, as_of)
    result[(result == "not-found") & ~covered] = "not-verifiable"  # the lists could not have shown it
    # An entry left over may be it: also where the lists could not show it (not-verifiable), lest that entry
    # be 台账未登记 for the same decision. A record found only by a later act on it keeps its result.
    unseen = (found.entry < 0) & np.isin(result, ("not-found", "not-verifiable"))
    if found.later_only is not None:
        unseen &= ~found.later_only
    result[doubt_not_found(found, unseen)] = "ambiguous"
    out = _apply(records, entries, found, result, online_date, start, since)
    online_only, repeated, other = _online_only(entries, found.entry_state, aliases, records)
    run = OnlineRun(lists, online_only, since, start, entries=len(entries), entries_repeated=repeated,
                    entries_not_decisions=other, covers=lambda items: coverage(
                        items, entries, lists, items["deadline"].to_numpy(DATE_DTYPE), aliases, run_date, since))
    run.counts = {r: int((result == r).sum()) for r in RESULTS}
    run.entries_matched = int((found.entry_state == 1).sum())
    run.entries_ambiguous = int((found.entry_state == 2).sum())
    reconcile(run, len(records), result)
    return out, run


def _results(records, entries, found: Matches, deadline, start, since, as_of=None) -> tuple[np.ndarray, np.ndarray]:
    n = len(records)
    has_entry = found.entry >= 0
    online = np.full(n, NO_DATE)
    if len(entries):
        online[has_entry] = entries["online_date"].to_numpy(DATE_DTYPE)[found.entry[has_entry]]
    # Online before the decision was made: a typo in the list (docs/rules.md §9), no date to judge by.
    online[online < records["decision_date"].to_numpy(DATE_DTYPE)] = NO_DATE
    ledger = records["published_date"].to_numpy(DATE_DTYPE)
    # no date in the ledger, or no publication column at all: the site's date is the only one, not a second
    ledger_says_none = np.isnat(ledger) & records["published_problem"].isin(
        [None, "published-column-missing", "published-marked-no-date"]).to_numpy(bool)  # 已公开 with no date: no date either
    limit = _limit(start, since)
    outside = deadline < np.datetime64(limit, "s") if limit else np.zeros(n, dtype=bool)  # NaT: false
    result = np.full(n, "not-found", dtype=object)
    result[outside] = "not-verifiable"
    result[found.ambiguous] = "ambiguous"
    if found.later_only is not None:  # only a revocation or correction of it is online: the list cannot say
        result[found.later_only] = "not-verifiable"
    dated = has_entry & ~np.isnat(online)
    result[has_entry & ~dated] = "not-verifiable"  # found, but the entry has no date
    same = (online == ledger) | ledger_says_none
    # A list with only an update time bounds the first publication from above: a ledger date on or before
    # it agrees with it, and decides (an update after the deadline is no proof of a late publication).
    update = np.zeros(n, dtype=bool)
    if len(entries):
        update[has_entry] = entries["update_only"].to_numpy(bool)[found.entry[has_entry]]
    bounded = dated & update & ~np.isnat(ledger) & (ledger <= online)
    online[bounded] = ledger[bounded]
    same |= bounded
    result[dated & same] = "confirmed"
    result[dated & ~same] = "date-differs"
    # No ledger date, or one after the update time (the site had it by then: the ledger is wrong), and an
    # update time after the deadline: online by then, perhaps long before. Neither late nor on time can
    # be said (a false 逾期 is an accusation): 数据有误 like an undated entry (_apply).
    # Not yet due at the as-of date, it is 未到期 whenever it went online (as a 公示日期 after as-of is).
    due = deadline <= np.datetime64(as_of, "s") if as_of is not None else np.ones(n, dtype=bool)
    result[dated & update & (ledger_says_none | (ledger > online)) & (online > deadline) & due] = "not-verifiable"
    return result, online


def _apply(records, entries, found: Matches, result, online, start, since) -> pd.DataFrame:
    out = records.copy()
    decided = np.isin(result, DECIDED)
    # a date, or a cell the unit filled (an unreadable date, 已公开): not a missing column
    ledger_claimed = records["published_date"].notna().to_numpy(bool) | \
        (records["published_problem"].notna() & records["published_problem"].ne("published-column-missing")).to_numpy(bool)
    out["ledger_published_date"] = records["published_date"]
    out["online_published_date"] = online
    out["published_date"] = np.where(decided, online, records["published_date"].to_numpy(DATE_DTYPE))
    # The ledger's own cell no longer decides; its text stays in 公开日期原文.
    out["published_problem"] = records["published_problem"].where(~decided, None)
    # Found online, no date on either side: never 逾期未公开 — 数据有误, 网站已公开，日期不明.
    ledger_none = records["published_date"].isna().to_numpy(bool) & records["published_problem"].isna().to_numpy(bool)
    src, has = np.maximum(found.entry, 0), found.entry >= 0
    update = has & (entries["update_only"].to_numpy(bool)[src] if len(entries) else False)
    # a ledger date after the update time the deadline is before (_results): no date to judge by either
    ledger_later = update & (records["published_date"].to_numpy(DATE_DTYPE) > online)
    undated_both = (result == "not-verifiable") & has & (ledger_none | ledger_later)
    out.loc[undated_both, "published_problem"] = np.where(
        np.isnat(online[undated_both]), "online-published-undated",
        np.where(ledger_later[undated_both], "online-update-before-ledger", "online-update-after-deadline"))
    out["online_result"] = pd.Categorical(result, categories=list(RESULTS))
    for name, column in (("online_source_file", "list_file"), ("online_source_sheet", "sheet")):
        values = entries[column].to_numpy(object)[src] if len(entries) else np.full(len(out), None, object)
        out[name] = np.where(has, values, None)
    rows = entries["row"].to_numpy(np.int64)[src] if len(entries) else np.zeros(len(out), np.int64)
    out["online_source_row"] = pd.array(np.where(has, rows, 0), dtype="Int64")
    out.loc[~has, "online_source_row"] = pd.NA
    out["online_update_only"] = update & decided
    date_columns = entries["date_column"].to_numpy(object)[src] if len(entries) else np.full(len(out), None, object)
    out["online_date_column"] = np.where(has, date_columns, None)
    exposed = entries["id_exposed"].to_numpy(object)[src] if len(entries) else np.full(len(out), "", object)
    out["online_id_exposed"] = np.where(has, exposed, "")  # the masked ID the website shows in full
    decided_online = entries["decision_date"].to_numpy(DATE_DTYPE)[src] if len(entries) else np.full(len(out), None, DATE_DTYPE)
    # the site's own decision date where it differs from the ledger's: classify.py weighs it
    ledger_decided = records["decision_date"].to_numpy(DATE_DTYPE)
    # (a ledger without a decision date is 数据有误 for that already: no "either date gives the same")
    differs = has & ~np.isnat(decided_online) & ~np.isnat(ledger_decided) & (decided_online != ledger_decided)
    out["online_decision_date"] = np.where(differs, decided_online, np.datetime64("NaT"))
    listed = entries["list_date"].to_numpy(DATE_DTYPE)[src] if len(entries) else np.full(len(out), None, DATE_DTYPE)
    out["online_list_date"] = np.where(has, listed, np.datetime64("NaT"))  # the list's own date of the entry
    out["online_problem"], out["online_limit"], out["online_candidates"] = _problems(out, result, ledger_claimed,
                                                                                   start, since, found, entries)
    return out


def _problems(out, result, ledger_claimed, start, since, found, entries):
    """One problem code per record that needs a word, and the values its message needs (issues.py renders it)."""
    code = np.full(len(out), None, dtype=object)
    code[(result == "not-found") & ledger_claimed] = "online-not-found-claimed"
    # the ledger's day before the decision: impossible, said too (without the list it is 数据有误 for that)
    before = out["ledger_published_date"].to_numpy(DATE_DTYPE) < out["decision_date"].to_numpy(DATE_DTYPE)
    code[(result == "not-found") & ledger_claimed & before] = "online-not-found-claimed-impossible"
    # found online, the ledger's date blank: judged by the site's date, and the ledger should say it
    blank = np.isnat(out["ledger_published_date"].to_numpy(DATE_DTYPE)) & out["published_problem"].isna().to_numpy(bool)
    code[(result == "confirmed") & blank] = "online-date-from-list"
    code[result == "date-differs"] = "online-date-differs"
    code[result == "ambiguous"] = "online-ambiguous"
    if found.renumbered is not None:
        code[(result == "ambiguous") & found.renumbered] = "online-number-differs"
    code[(result == "not-verifiable") & (found.entry < 0)] = "online-not-covered"
    # no deadline (a decision date 2016-02-30, #VALUE!): that is the one reason, not the list's span (probe p77 M3)
    code[(result == "not-verifiable") & (found.entry < 0) & np.isnat(out["deadline"].to_numpy(DATE_DTYPE))] = \
        "online-no-deadline"
    if found.later_only is not None:
        code[(result == "not-verifiable") & found.later_only] = "online-later-act-only"
    code[(result == "not-verifiable") & (found.entry < 0) & _before(out, start, since)] = "online-outside-span"
    # Where the ledger has no date either, the record's own problem says it all (not "judged on the ledger").
    undated = out["published_problem"].isin(("online-published-undated", *UPDATE_AFTER_DEADLINE)).to_numpy(bool)
    code[(result == "not-verifiable") & (found.entry >= 0) & ~undated] = "online-undated"
    limit = _limit(start, since)
    outside = code == "online-outside-span"
    limits = np.full(len(out), NO_DATE, dtype=DATE_DTYPE)
    if limit is not None:
        limits[outside] = np.datetime64(limit, "s")
    # the deadline the update time is after: the status (数据有误) leaves the record's own deadline blank
    after = out["published_problem"].isin(UPDATE_AFTER_DEADLINE).to_numpy(bool)
    limits[after] = out["deadline"].to_numpy(DATE_DTYPE)[after]
    candidates = np.full(len(out), None, dtype=object)
    for i, text in _candidate_texts(found, entries).items():
        candidates[i] = text
    return code, limits, candidates


def _before(out, start, since) -> np.ndarray:
    limit = _limit(start, since)
    deadline = out["deadline"].to_numpy(DATE_DTYPE)
    return deadline < np.datetime64(limit, "s") if limit else np.zeros(len(out), dtype=bool)


def coverage(records: pd.DataFrame, entries: pd.DataFrame, lists: list[OnlineList], deadline, aliases,
             run_date: dt.date | None = None, since: dt.date | None = None) -> np.ndarray:
    """Whether some list could have shown each record: it holds the record's category and unit, was
    exported on or after the record's deadline and after the date the ledger says it was published (its
    latest date, update times included), still holds items as old as the deadline (its earliest date:
    older items are taken down), and holds decisions as late as the record's (its latest decision date). A list with no category or no unit at all covers every category or every
    ledger unit (said in 说明). 网站未见 is the gravest finding: it must never come from a list that could
    not have shown the record."""
    covered = np.zeros(len(records), dtype=bool)
    if not len(entries):
        return covered
    category = records["category"].to_numpy(object)
    claimed = records["published_date"].to_numpy(DATE_DTYPE)
    decided = records["decision_date"].to_numpy(DATE_DTYPE)
    unit = unit_names(records["unit"], aliases).to_numpy(object)
    notice = not_decisions(entries)
    for item in lists:
        listed = entries["list_file"].to_numpy(object) == item.path
        everything, mine = entries[listed], entries[listed & ~notice]
        if not len(mine):
            continue
        # a catalogue's notices (办理情况公示) add no category or unit to its decisions': a notice on permits shows
        # no permit (probe p89). Where the decisions name none, what the notices name still limits the list, lest
        # "no category, no unit" make it cover every one (review rev64)
        kinds = set(mine["category"].dropna())
        if not kinds - {""}:
            kinds |= set(everything["category"].dropna()) - {""}
        units = (set(unit_names(mine["unit"], aliases)) - {""}) or (set(unit_names(everything["unit"], aliases)) - {""})
        item.categories = sorted(kinds)
        item.units = sorted(units)
        if item.partial:  # one page of an export of several: what it lacks may be on the next (said on it)
            continue
        # its own word on when it was taken (导出时间 above the header, or an 导出时间 column) dates it too
        stated = pd.Series([pd.Timestamp(item.exported)] if item.exported else [], dtype="datetime64[s]")
        stated = pd.concat([stated, everything["list_date"].dropna().astype("datetime64[s]")]) \
            if "list_date" in everything else stated
        dated = pd.concat([everything["seen_until"].dropna().astype("datetime64[s]"), stated])
        if run_date is not None:  # 2032 for 2023 on the site: a typo, not the day the list was exported
            dated = dated[dated <= pd.Timestamp(run_date)]
            stated = stated[stated <= pd.Timestamp(run_date)]
        if not len(dated):
            continue
        end = np.datetime64(dated.max(), "s")
        item.last_seen = dated.max().date()
        # no deadline (no readable decision date, or no calendar for its year): where the list's span stands
        # to it is unknown, so it is no 网站未见 (a 2025-02-30 decision against a list of 2026 was counted one)
        holds = ~(deadline > end) & ~np.isnat(deadline)
        holds &= ~(claimed > end)  # published (the ledger says) after the list was exported: not in it yet
        # Its earliest date, per category: a list that still shows 2020 permits may hold penalties
        # from 2023 only (taken down when their publicity ended). Two lists: each from its own start.
        # Published (the ledger says) before that, or decided before its earliest decision (a list
        # exported for May's decisions): the list cannot show it either, unless --online-since says
        # what it holds from.
        spans = mine.loc[span_dates(mine).index]
        by_kind = spans.groupby(spans["category"].astype(object).fillna(""))
        if since is not None:
            holds &= ~(claimed < np.datetime64(since, "s"))
        # a period of decisions the list says it holds (统计期间：…（处罚决定日期）) replaces the one its entries suggest
        stated = item.decided_within is not None and item.decided_within[2] in ("decision", "either")
        for column, dates in (("online_date", (deadline,) if since else (deadline, claimed)),
                              ("decision_date", () if since or stated else (decided,))):
            starts = by_kind[column].min().dropna()
            if len(starts):
                start = starts.reindex(category if kinds else np.full(len(category), "", object))
                start = start.fillna(starts.min()).to_numpy("datetime64[s]")
                for day in dates:
                    holds &= ~(day < start)
                if column == "online_date" and kinds:  # a category whose every date was a typo: where the list
                    # starts for it is unknown, never another category's start (review rev64)
                    holds &= ~np.isin(category, list(set(mine["category"].dropna()) - set(starts.index)))
        # Decided after its latest decision (a list exported for May's decisions holds no June one,
        # though a late May entry dates it into July): the list cannot show it either. An export stamp
        # or update times do not say the export was not filtered so.
        ends = by_kind["decision_date"].max().dropna()
        if len(ends) and not stated:
            last = ends.reindex(category if kinds else np.full(len(category), "", object))
            holds &= ~(decided > last.fillna(ends.max()).to_numpy("datetime64[s]"))
        if item.decided_within:  # the period it says it was exported for: of decisions, of publications, or unsaid
            first, last, kind = item.decided_within
            first, last = np.datetime64(first, "s"), np.datetime64(last, "s")
            if kind in ("decision", "either"):
                holds &= ~(decided < first) & ~(decided > last)
            if kind in ("published", "either"):
                holds &= ~(claimed < first) & ~(claimed > last) & ~(deadline > last)
        if kinds:
            holds &= np.isin(category, list(kinds))
        if units:
            holds &= np.isin(unit, list(units))
        covered |= holds
    return covered


def _candidate_texts(found: Matches, entries: pd.DataFrame) -> dict[int, str]:
    if not len(found.candidates):
        return {}
    pick = entries.iloc[found.candidates["ent"].to_numpy()]
    dates = iso_dates(pick["online_date"], "")
    text = (pd.Series(pick["list_file"].map(_name).to_numpy(object)) + " 第" + pick["row"].astype(str).to_numpy(object)
            + "行" + pd.Series(np.where(pick["number"].ne("").to_numpy(bool), "（" + pick["number"].astype(str) + "）", ""))
            + " " + pd.Series(dates, dtype=object))
    grouped = pd.Series(text.to_numpy(object)).groupby(found.candidates["rec"].to_numpy()).agg("；".join)
    return grouped.to_dict()


def _name(path: str) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def _limit(start: dt.date | None, since: dt.date | None) -> dt.date | None:
    """The first day the lists can speak for: their earliest date, or --online-since if later."""
    return max([d for d in (start, since) if d is not None], default=None)


def _online_only(entries: pd.DataFrame, state: np.ndarray, aliases,
                 records: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """Entries no ledger record matched: published, but missing from the unit's ledger (台账未登记)."""
    only = entries[state == 0]
    # 部门预算, 政府信息公开工作情况: a catalogue's other items, neither 许可 nor 处罚, with no number and no
    # party, or titled as no decision at all (关于…的通知 under 西政办发〔2026〕3号: a catalogue is mostly these)
    other = not_decisions(only)
    only = only[~other].copy()
    keys = unit_names(only["unit"], aliases)
    # Show the unit as the ledgers name it when an alias says they are the same.
    ledger_names = pd.Series(records["unit"].to_numpy(object), index=unit_names(records["unit"], aliases).to_numpy(object))
    ledger_names = ledger_names[~ledger_names.index.duplicated()]
    shown = pd.Series(keys.to_numpy(object)).map(ledger_names)
    only["unit"] = np.where(shown.notna(), shown.to_numpy(object), only["unit"].to_numpy(object))
    only["unit"] = only["unit"].where(only["unit"].ne(""), "未知单位")
    # One decision on two sites (信用中国 and the province's platform): one 台账未登记 item, its first publication.
    only = only.assign(_key=keys.to_numpy(object)).sort_values("online_date", kind="stable", na_position="last")
    numbered = only["number_key"].ne("").to_numpy(bool)
    again = numbered & only.duplicated(["number_key", "_key", "category"]).to_numpy(bool)
    return only[~again].drop(columns="_key").sort_index().reset_index(drop=True), int(again.sum()), int(other.sum())


def reconcile(run: OnlineRun, n_records: int, result: np.ndarray) -> None:
    """Every record exactly one result; every entry matched, online only, or in an ambiguity."""
    if sum(run.counts.values()) != n_records or len(result) != n_records:
        raise ReconciliationError(f"网站核对结果 {sum(run.counts.values())} 条与台账记录 {n_records} 条不相等")
    parts = (run.entries_matched + run.entries_ambiguous + len(run.online_only) + run.entries_repeated
             + run.entries_not_decisions)
    if parts != run.entries:  # (before select_online_only)
        raise ReconciliationError(f"网站清单 {run.entries} 条，但已对应 {run.entries_matched} + 无法确定 "
                                  f"{run.entries_ambiguous} + 台账未登记 {len(run.online_only)} + 另一清单已列 "
                                  f"{run.entries_repeated} + 不是决定 {run.entries_not_decisions} = {parts}")


def shown_results(records: pd.DataFrame) -> pd.Series:
    """The check's result as the outputs show it: 一致 was the publication's, and a site decision date of its
    own is no agreement (probe p82 M2), so such a record shows 决定日期不同 wherever its result is shown
    (probe p96 L1). Made when shown: exempt.py may still turn a result after verify."""
    result = records["online_result"].astype(object)
    return result.mask(result.eq("confirmed") & site_decision_dates(records).notna(), "decision-differs")


def site_decision_dates(records: pd.DataFrame) -> pd.Series:
    """The site's decision date where it differs from the ledger's (NaT elsewhere, or without the column)."""
    if "online_decision_date" in records:
        return records["online_decision_date"]
    return pd.Series(pd.NaT, index=records.index, dtype="datetime64[s]")
