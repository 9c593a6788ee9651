"""Classify records: deadline, status and lateness. Pure and column-wise (no I/O).

The deadline is computed here, once (``add_deadlines``): a run adds it before
the online check, which needs it for the list's span, and classify uses it.
The statuses are defined in status.py. A status that the covered days
already decide is decided: a publication inside the covered span with fewer
than N working days since the decision is on time even when the deadline
itself falls in an uncovered year. Dates are the frame's ``datetime64[s]``
columns (dates.py says why), each read once as days (``as_days``).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from .dates import DATE_DTYPE, as_days
from .denied_marks import weigh_denials
from .either_category import either_category, said_either
from .ingest.later_actions import keeps_grant_day
from .number_year import doubtful_rows, year_after_number, year_before_number
from .rules import RuleSet
from .written_months import written_elsewhere
from .status import STATUSES, Status
from .workcalendar import WorkCalendar


__all__ = ["Status", "add_deadlines", "classify", "select_scope", "summarise"]
NO_DAY = np.datetime64("NaT", "D")
DEADLINE_COLUMNS = ("deadline", "working_days", "rule", "rule_unknown", "deadline_missing_year")
GRANT_DAY_DOUBT_DAYS = 365  # a 变更 dated more than a year before it went online: likely the grant's day


def _has_text(records: pd.DataFrame, name: str) -> np.ndarray:
    """Per record: the column is filled (a text or a date)."""
    if name not in records.columns:
        return np.zeros(len(records), dtype=bool)
    return records[name].notna().to_numpy(bool)


def _dated_rows(records: pd.DataFrame, name: str) -> tuple[np.ndarray, np.ndarray]:
    """(the date column as days, the rows where it holds one); no rows when the column is absent."""
    if name not in records.columns:
        return np.full(len(records), NO_DAY), np.empty(0, dtype=np.int64)
    days = as_days(records[name])
    return days, np.flatnonzero(~np.isnat(days))


def select_scope(records: pd.DataFrame, month: str | None, as_of: dt.date,
                 run_date: dt.date) -> tuple[pd.DataFrame, dict[str, int], list[dict]]:
    """The records in scope, how many were left out and why, and where those left out as decided after the
    as-of date are whose 文书号 says an earlier year (number_year.doubtful_rows).

    Out of scope: decided in another month than ``month``, or after the as-of date (not after the run date:
    that is a data error, kept as invalid): not 未到期 then, it did not exist yet. So is a decision whose 类别
    names another kind of action (行政确认, 行政强制): the rules checked here are for permits and penalties.
    """
    decided = records["decision_date"]
    has = decided.notna().to_numpy(bool)
    days = as_days(decided)
    other_month = np.zeros(len(records), dtype=bool)
    if month:
        # A date after the run date is a data error in any month's run (docs/rules.md §8), and a decision
        # whose copies disagree on the date counts in each month a copy names (its 数据有误 is said once).
        impossible = has & (days > np.datetime64(run_date, "D"))
        named = records["conflict_months"].fillna("").str.contains(month, regex=False).to_numpy(bool) \
            if "conflict_months" in records else np.zeros(len(records), dtype=bool)
        sent_late = _has_text(records, "reported_month")  # 补报 (api.check): counted in the month it was sent
        other_month = has & (np.datetime_as_string(days, unit="M") != month) & ~impossible & ~named & ~sent_late
        other_month |= ~has & written_elsewhere(records, month)
    # not yet decided at the as-of date: out of scope, unless its publication date is impossible (§5: 数据有误)
    published, _ = _dated_rows(records, "published_date")  # NaT compares false
    after = has & ~other_month & (days > np.datetime64(as_of, "D")) & (days <= np.datetime64(run_date, "D")) \
        & ~((published > np.datetime64(run_date, "D")) | (published < days))
    other_kind = (records["category_problem"] == "category-other").to_numpy(bool) & ~other_month & ~after \
        if "category_problem" in records else np.zeros(len(records), dtype=bool)
    keep = ~(other_month | after | other_kind)
    counts = {"other_month": int(other_month.sum()), "after_as_of": int(after.sum()),
              "other_kind": int(other_kind.sum())}
    # left out, yet named where the number's year says the date's may be a typo (year_after_number)
    doubtful = doubtful_rows(records[after & year_after_number(records, days, as_of, after)]) if after.any() else []
    if keep.all():  # the usual case: no second copy of every column
        return records.reset_index(drop=True), counts, doubtful
    return records[keep].reset_index(drop=True), counts, doubtful


def add_deadlines(records: pd.DataFrame, calendar: WorkCalendar, rules: RuleSet) -> pd.DataFrame:
    """``records`` with each deadline, computed once: the N-th working day strictly after the
    decision under the rule in force that day (NaT where the decision date or the rule is unknown),
    the rule's days and name, and the year the deadline would need when no calendar covers it."""
    decision = as_days(records["decision_date"])
    days, rule_index, rule_known = rules.assign(records["category"].to_numpy(object), decision)
    deadline, missing = calendar.add_days(np.where(rule_known, decision, NO_DAY), days)
    out = records.copy(deep=False)  # copy-on-write: the columns are shared until one is changed
    out["deadline"] = deadline
    out["working_days"] = days
    out["rule"] = pd.Series(np.array([r.name for r in rules.rules], dtype=object)[rule_index] if len(records) else [],
                            index=out.index, dtype=object)  # objects: pandas 3 would store Arrow text
    out["rule_unknown"] = ~rule_known & ~np.isnat(decision)
    out["deadline_missing_year"] = missing.astype(np.int16)
    return out


def classify(records: pd.DataFrame, calendar: WorkCalendar, rules: RuleSet,
             as_of: dt.date, run_date: dt.date) -> pd.DataFrame:
    """``records`` with the deadline, the status, the working days late or left, the rule applied, and
    what makes a record unjudgeable or needs a word (check_problem, published_after_as_of, missing_year,
    rule_unknown). The deadline columns come from ``add_deadlines``; a frame without them gets them here.
    """
    if not set(DEADLINE_COLUMNS) <= set(records.columns):
        records = add_deadlines(records, calendar, rules)
    # Each date column read once as days (as_days); the calendar takes them as they are.
    decision = as_days(records["decision_date"])
    published = as_days(records["published_date"])
    as_of_day, run_day = np.datetime64(as_of, "D"), np.datetime64(run_date, "D")
    either, either_days, either_deadline = either_category(records, calendar, rules, decision, published, as_of_day)
    rule_known = (~records["rule_unknown"].to_numpy(bool) | either) & ~np.isnat(decision)
    invalid, problem = _unjudgeable(records, decision, published, rule_known, run_day)
    # A publication after the as-of date is judged as "not yet published" then.
    after_as_of = (published > as_of_day) & ~invalid  # NaT compares false
    effective = np.where(after_as_of, NO_DAY, published)
    # the last day that counts: the publication, or the as-of date
    until = np.where(invalid, NO_DAY, np.where(np.isnat(effective), as_of_day, effective))
    # a publication date unreadable or impossible leaves the deadline known and shown; a doubtful decision
    # date (shifted cells, after the run day, copies that disagree, a publication before it) leaves none
    doubtful_decision = np.isin(problem, ["row-fields-shifted", "decision-after-run-date", "duplicate-conflict",
                                          "published-before-decision"])  # either date may be the wrong one
    deadline = np.where(invalid & doubtful_decision, NO_DAY, np.where(either, either_deadline, as_days(records["deadline"])))
    missing_deadline = records["deadline_missing_year"].to_numpy(np.int64)
    days = np.where(either, either_days, records["working_days"].to_numpy(np.int64))
    judged = _statuses(calendar, np.where(invalid, NO_DAY, decision), until, ~np.isnat(effective), days,
                       invalid, deadline, missing_deadline)
    # Marked published without a date, or no day to read: 未到期 (with the note) until the deadline, then
    # 数据有误, never 逾期未公开: the unit says it is online, or its day cannot be read (docs/rules.md §8).
    marked_overdue = _unknown_publication(records, published) & (judged["status"] == STATUSES.index("overdue"))
    judged["status"][marked_overdue] = STATUSES.index("invalid")
    # An update time standing in for the publication date is an upper bound of the first publication: on time
    # by it is on time, late by it says nothing (docs/rules.md §8): 数据有误, never 逾期公开.
    stand_in_late = _stand_in(records) & (judged["status"] == STATUSES.index("late"))
    judged["status"][stand_in_late] = STATUSES.index("invalid")
    problem = np.where(stand_in_late & (problem == None), "published-stand-in-late", problem)  # noqa: E711
    # Blank there, it says nothing either (a copy of the national layout leaves it empty): no 逾期未公开 but the list's
    checked = records["online_result"].isin(["not-found"]).to_numpy(bool) if "online_result" in records \
        else np.zeros(len(records), dtype=bool)
    stand_in_blank = _stand_in(records) & (judged["status"] == STATUSES.index("overdue")) & ~checked
    judged["status"][stand_in_blank] = STATUSES.index("invalid")
    problem = np.where(stand_in_blank & (problem == None), np.where(np.isnat(published), "published-stand-in-blank",  # noqa: E711
                                                                     "published-stand-in-after-as-of"), problem)
    struck_late = _struck(records) & np.isin(judged["status"], [STATUSES.index("late"), STATUSES.index("overdue")])
    judged["status"][struck_late] = STATUSES.index("invalid")
    problem = np.where(struck_late & (problem == None), "row-struck-late", problem)  # noqa: E711 - 删除线: maybe voided
    problem = weigh_denials(records, judged, problem)  # 是否公开 否 beside a date (denied_marks.py)
    # A 注销 / 变更 row of a licence ledger dated by its 发证日期 may carry the licence's first grant, years
    # before this decision: never late on that date alone (ingest/later_actions.py, docs/rules.md §8).
    grant_late = _dated_by_grant(records, decision, until) \
        & np.isin(judged["status"], [STATUSES.index("late"), STATUSES.index("overdue")])
    judged["status"][grant_late] = STATUSES.index("invalid")
    deadline = judged["deadline"] = np.where(grant_late, NO_DAY, deadline)  # from a doubtful date: none shown
    problem = np.where(grant_late & (problem == None), "later-action-dated-by-grant", problem)  # noqa: E711
    lateish = np.isin(judged["status"], [STATUSES.index("late"), STATUSES.index("overdue")])
    year_late = lateish & year_before_number(records, decision, lateish)
    judged["status"][year_late] = STATUSES.index("invalid")
    problem = np.where(year_late & (problem == None), "decision-year-before-number", problem)  # noqa: E711
    problem = _disagreeing_copy(records, calendar, rules, judged, as_of_day, run_day, problem)
    for column, prefix in OTHER_DECISION_DATES:
        problem = _other_decision_date(records, column, prefix, calendar, rules, judged, until, problem)
    problem = _published_before_last_check(records, published, judged, problem)
    problem = _second_published_date(records, judged, problem)
    problem = _renumbered(records, judged, as_of_day, problem)
    late = _lateness(calendar, judged, until, days)

    out = records.copy(deep=False)  # copy-on-write: the columns are shared until one is changed
    out["deadline"] = deadline.astype(DATE_DTYPE)
    said_either(out, either, days)
    out["status"] = pd.Categorical.from_codes(judged["status"], categories=list(STATUSES))
    for name, values in late.items():
        out[name] = _counts(values)
    out["check_problem"] = problem
    out["published_after_as_of"] = after_as_of
    out["missing_year"] = judged["missing_year"]
    out["beyond_year"] = judged["beyond_year"]
    return out


def _unjudgeable(records, decision, published, rule_known, run_day) -> tuple[np.ndarray, np.ndarray]:
    """(invalid, the problem code that made it so): the first reason wins."""
    has_decision = ~np.isnat(decision)
    shifted = records["fields_over"].fillna(0).to_numpy(np.int64) > 0 if "fields_over" in records \
        else np.zeros(len(records), dtype=bool)
    checks = [
        (shifted, "row-fields-shifted"),  # a CSV row with more cells than headers: none of its cells is sure
        (decision > run_day, "decision-after-run-date"),  # NaT compares false
        (published > run_day, "published-after-run-date"),
        (published < decision, "published-before-decision"),
        # the same decision sent again with other dates, its copy not judgeable by its own (ingest/repeats.py)
        (_has_text(records, "conflict_with") & ~_has_text(records, "copy_decision_date"), "duplicate-conflict"),
    ]
    problem_code = np.zeros(len(records), dtype=np.int8)  # 0 = none, k = checks[k - 1]
    for k, (mask, _) in reversed(list(enumerate(checks, start=1))):
        problem_code[mask] = k
    problem_names = np.array([None] + [code for _, code in checks], dtype=object)
    bad_published = records["published_problem"].notna().to_numpy(bool) & ~_unknown_publication(records, published)
    invalid = ~has_decision | bad_published | ~rule_known | (problem_code != 0)
    return invalid, problem_names[problem_code]


def _stand_in(records) -> np.ndarray:
    if "published_stand_in" not in records.columns:
        return np.zeros(len(records), dtype=bool)
    return records["published_stand_in"].notna().to_numpy(bool)


# Other sources of a record's decision date: the website's own record (--online), the date the same
# decision had when an earlier period was recorded (history/carry.py), and a second decision-date column of
# the ledger (ingest/date_columns.two_decision_dates): (column, its problem codes' prefix).
OTHER_DECISION_DATES = (("online_decision_date", "online-decision-date"),
                        ("earlier_decision_date", "history-decision-date"),
                        ("second_decision_date", "second-decision-date"))  # a ledger's second column (发证日期)


def _other_decision_date(records, column, prefix, calendar, rules, judged, until, problem) -> np.ndarray:
    """Another source gives another decision date. Where the verdict turns on which date is right (late by
    one, on time by the other), neither is chosen: 数据有误 with both dates (a later date in the ledger is
    how lateness hides; an earlier one would accuse). Otherwise a note (docs/rules.md §9)."""
    site, rows = _dated_rows(records, column)
    if not len(rows):
        return problem
    judged_rows, late_by_ledger = _judged_and_late(judged["status"][rows])
    other_deadline = _other_deadlines(records, rows, site[rows], calendar, rules)
    late_by_site = until[rows] > other_deadline  # NaT (no calendar for that year) compares false
    turns = judged_rows & ~np.isnat(other_deadline) & (late_by_site != late_by_ledger)
    # (数据有误 for another reason: said there)
    return _weighed(judged, problem, rows, turns, judged_rows, f"{prefix}-turns", f"{prefix}-differs")


def _judged_and_late(status: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per status: judged (on time, late, pending, overdue), and late or overdue."""
    return (np.isin(status, [STATUSES.index(s) for s in ("on_time", "late", "pending", "overdue")]),
            np.isin(status, [STATUSES.index("late"), STATUSES.index("overdue")]))


def _other_deadlines(records, rows, decided, calendar, rules) -> np.ndarray:
    """The deadlines of ``rows`` had they been decided on ``decided`` instead (NaT where no calendar)."""
    return as_days(add_deadlines(records.iloc[rows][["category"]].assign(decision_date=decided), calendar,
                                 rules)["deadline"])


def _weighed(judged, problem, rows, turns, noted, turned: str, differs: str) -> np.ndarray:
    """Rows whose verdict ``turns`` on which of two dates is right become 数据有误 (``turned``); the others
    where ``noted`` keep their verdict with the note ``differs``; a problem already said stays."""
    judged["status"][rows[turns]] = STATUSES.index("invalid")
    problem = problem.copy()
    free = problem[rows] == None  # noqa: E711
    problem[rows[turns & free]] = turned
    problem[rows[~turns & free & noted]] = differs
    return problem


def _disagreeing_copy(records, calendar, rules, judged, as_of_day, run_day, problem) -> np.ndarray:
    """The same decision sent twice with other dates (ingest/repeats.py), judged by each copy's own dates.
    Where the verdict turns on which copy is right (late by one, on time by the other), or the copy's dates
    cannot be judged: 数据有误 with both copies, no deadline shown. Otherwise the counted copy's verdict
    stands, with a note naming the other copy (docs/rules.md §8)."""
    decided, rows = _dated_rows(records, "copy_decision_date")
    if not len(rows):
        return problem
    decided = decided[rows]
    published = as_days(records["copy_published_date"])[rows]
    other = _other_deadlines(records, rows, decided, calendar, rules)
    until = np.where(np.isnat(published) | (published > as_of_day), as_of_day, published)
    judged_rows, late_by_first = _judged_and_late(judged["status"][rows])
    unsure = np.isnat(other) | (decided > run_day) | (published > run_day) | (published < decided)
    turns = judged_rows & (unsure | ((until > other) != late_by_first))
    judged["deadline"][rows[turns]] = NO_DAY  # either copy's decision date may be the wrong one
    return _weighed(judged, problem, rows, turns, judged_rows, "duplicate-conflict", "duplicate-dates-differ")


def _second_published_date(records, judged, problem) -> np.ndarray:
    """Two publication-date columns that differ, judged by the earlier day (ingest/date_columns.py): on
    time by it and late by the later day, the verdict turns on which is right: 数据有误, both days said.
    Otherwise the verdict stands, with a note (docs/rules.md §8)."""
    later, rows = _dated_rows(records, "second_published_date")
    if not len(rows):
        return problem
    status = judged["status"][rows]
    turns = (status == STATUSES.index("on_time")) & (later[rows] > judged["deadline"][rows])  # NaT: false
    return _weighed(judged, problem, rows, turns, np.ones(len(rows), dtype=bool), "published-dates-turn",
                    "published-dates-differ")


def _renumbered(records, judged, as_of_day, problem) -> np.ndarray:
    """A row that may be one decision with a row of another file under another number (ingest/renumbered.py),
    judged by that row's publication date too (the decision date is the same): where the verdict turns, 数据有误."""
    if "renumbered_with" not in records.columns:
        return problem
    rows = np.flatnonzero(records["renumbered_with"].notna().to_numpy(bool))
    other = as_days(records["renumbered_published_date"])[rows]
    until = np.where(np.isnat(other) | (other > as_of_day), as_of_day, other)
    decided, late = _judged_and_late(judged["status"][rows])
    decided &= judged["status"][rows] != STATUSES.index("pending")  # not due yet: neither row is late
    turns = decided & ((until > judged["deadline"][rows]) != late)  # NaT deadline compares false
    return _weighed(judged, problem, rows, turns, np.ones(len(rows), dtype=bool), "renumbered-turns", "renumbered-differs")


def _published_before_last_check(records, published, judged, problem) -> np.ndarray:
    """An item the previous period's ledgers left unpublished, given a publication date now before the last
    day those ledgers recorded (history/carry.earlier_decision_dates: ``unpublished_until``), and on time
    by it: the two ledgers disagree, and the verdict turns on which is right. Not taken on the new
    ledger's word: 数据有误, both days said. Late either way, the verdict stands, with a note."""
    if "unpublished_until" not in records.columns:
        return problem
    checked = as_days(records["unpublished_until"])
    on_time = judged["status"] == STATUSES.index("on_time")
    published_late = judged["status"] == STATUSES.index("late")
    rows = np.flatnonzero((on_time | published_late) & (published < checked) & (problem == None))  # noqa: E711 - NaT
    # late by either ledger: the verdict stands, the days late do not, and the disagreement is said (probe 73)
    return _weighed(judged, problem, rows, on_time[rows], published_late[rows], "history-published-before-check-turns",
                    "history-published-before-check")


def _struck(records) -> np.ndarray:
    return (records["notes"] == "row-struck-through").to_numpy(bool)


def _dated_by_grant(records, decision, until) -> np.ndarray:
    """Later actions dated by the grant header: those issuing no new certificate (注销), and the others
    (变更, 延续) when the date is more than a year before the publication or the as-of day."""
    if "action_dated_by" not in records.columns:
        return np.zeros(len(records), dtype=bool)
    dated = records["action_dated_by"].notna().to_numpy(bool)
    stale = (until - decision) > np.timedelta64(GRANT_DAY_DOUBT_DAYS, "D")  # NaT compares false
    # the licence's 新办 row (or another action of it) on the same day: the grant's day, copied
    copied = records.groupby(["unit", "document_number", "decision_date"], sort=False)["business_action"] \
        .transform("nunique").to_numpy() > 1  # (a row without a date is in no group: NaN, never copied)
    return dated & (keeps_grant_day(records["business_action"]) | stale | copied)


def _unknown_publication(records, published: np.ndarray) -> np.ndarray:
    """No publication day to read (标注已公开 without one, a cell unreadable, a formula saved without its
    value, no column): judged as not published until the deadline (未到期: whatever the day, nothing is late
    yet), 数据有误 after it, never 逾期未公开; the problem said on the record either way."""
    return records["published_problem"].notna().to_numpy(bool) & np.isnat(published)


def _statuses(calendar, decision, until, is_published, days, invalid, deadline,
              missing_deadline) -> dict[str, np.ndarray]:
    """Status codes (index into STATUSES: cheap on millions of rows) and missing years."""
    code = {s: np.int8(i) for i, s in enumerate(STATUSES)}
    span_count, span_complete, span_missing = calendar.count(decision, until)
    known = ~np.isnat(deadline)
    valid = ~invalid
    late_side = until > deadline
    status = np.full(len(decision), code["invalid"], dtype=np.int8)
    status[valid & known & is_published] = code["on_time"]
    status[valid & known & is_published & late_side] = code["late"]
    status[valid & known & ~is_published] = code["pending"]
    status[valid & known & ~is_published & late_side] = code["overdue"]
    # Deadline in an uncovered year: decided when fewer than N working days can
    # have passed, counting every uncovered day as if it were worked; or exactly N when the
    # last day (the publication, or as-of) counts as worked in that bound (uncovered, or a known
    # working day): then it is the N-th working day at the latest, never a rest day after it.
    unknown = valid & ~known
    at_most = calendar.upper_bound(np.where(unknown, decision, NO_DAY), np.where(unknown, until, NO_DAY))
    worked, covered = calendar.workdays(np.where(unknown, until, NO_DAY))
    decided = unknown & (span_complete | (at_most < days) | ((at_most == days) & (worked | ~covered)))
    status[decided & is_published] = code["on_time"]
    status[decided & ~is_published] = code["pending"]
    # Late for certain: the covered working days alone, before the last day, already reach N (a 2003
    # decision published in March 2004: 2004 alone holds more than 20 working days before it).
    at_least = calendar.lower_bound(np.where(unknown, decision, NO_DAY),
                                    np.where(unknown, until - np.timedelta64(1, "D"), NO_DAY))
    proven_late = unknown & ~decided & (at_least >= days)
    status[proven_late & is_published] = code["late"]
    status[proven_late & ~is_published] = code["overdue"]
    undetermined = unknown & ~decided & ~proven_late
    status[undetermined] = code["undetermined"]
    missing = np.where(undetermined, np.where(missing_deadline != 0, missing_deadline, span_missing), 0)
    left = np.where((status == code["pending"]) & span_complete, days - span_count, -1)
    # the late days known at least (the deadline itself is in the uncovered year): _lateness says so. The
    # last day adds one when it was a publication (on a rest day it counts as the next working day) or a
    # known working day; an as-of date that is a rest day adds none (a Saturday is no day more overdue)
    last_counts = is_published | (worked & covered)
    late_floor = np.where(proven_late, np.maximum(at_least - days + last_counts, 1), -1)
    floor_year = np.where(proven_late, np.where(missing_deadline != 0, missing_deadline, span_missing), 0)
    # pending, its deadline in a year no calendar covers yet: nothing is late, but the day cannot be told
    beyond = np.where(decided & ~is_published, np.where(missing_deadline != 0, missing_deadline, span_missing), 0)
    return {"status": status, "deadline": deadline, "missing_year": missing, "working_days_left": left,
            "late_floor": late_floor, "floor_year": floor_year, "beyond_year": beyond}


def _lateness(calendar, judged: dict, until: np.ndarray, days) -> dict[str, np.ndarray]:
    """Working days after the deadline up to the publication date (-1: none).

    A publication on a rest day counts as made on the next working day, so a
    late record never shows 0 (docs/rules.md §4). Overdue: up to the as-of date.
    """
    status, deadline = judged["status"], judged["deadline"]
    is_late = status == STATUSES.index("late")
    lateish = is_late | (status == STATUSES.index("overdue"))
    late_count, late_complete, late_gap = calendar.count(np.where(lateish, deadline, NO_DAY),
                                                         np.where(lateish, until, NO_DAY))
    until_work, until_covered = calendar.workdays(np.where(lateish, until, NO_DAY))
    working_late = np.where(is_late, late_count + (~until_work).astype(np.int64),
                            np.maximum(late_count, 1))  # overdue: working days so far, at least one
    span = np.where(lateish, until - deadline, np.timedelta64(0, "D"))  # NaT only where not late
    calendar_late = span.astype("timedelta64[D]").astype(np.int64)
    # Past the last covered day: the working days before the gap, at least one, said as a lower bound
    # (late_lower_bound holds the missing year; issues.py: late-days-lower-bound).
    partial = lateish & ~late_complete
    # late for certain although the deadline is in an uncovered year: at least so many (_statuses)
    floor = (judged["late_floor"] >= 0) & lateish
    # a publication day past the last covered one is one more working day at least (a rest day counts as
    # the next working day); an as-of day there may be a rest day, and adds none
    partial_count = late_count + (is_late & ~until_covered)
    return {"working_days_late": np.where(floor, judged["late_floor"], np.where(lateish & late_complete, working_late,
                                          np.where(partial, np.maximum(partial_count, 1), -1))),
            "calendar_days_late": np.where(lateish & ~floor, calendar_late, -1),
            "working_days_left": judged["working_days_left"],
            "late_lower_bound": np.where(floor, judged["floor_year"], np.where(partial, late_gap, -1))}


def _counts(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Day counts as nullable integers: -1 means none."""
    return pd.arrays.IntegerArray(np.where(values >= 0, values, 0).astype(np.int64), values < 0)


def summarise(classified: pd.DataFrame) -> dict[str, int]:
    counts = classified["status"].value_counts()
    return {"records": int(len(classified)), **{s: int(counts.get(s, 0)) for s in STATUSES}}
