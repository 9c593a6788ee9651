"""Classify records: deadline, status and lateness. Pure and column-wise (no I/O).

The statuses are defined in status.py. A status that the covered days
already decide is decided: a publication inside the covered span with fewer
than N working days since the decision is on time even when the deadline
itself falls in an uncovered year.
"""

from __future__ import annotations

import datetime as dt
import numpy as np
import pandas as pd

from .dates import NAT, datetimes_from_days, days_from_datetimes, to_day_number
from .rules import RuleSet
from .status import STATUSES, Status
from .workcalendar import WorkCalendar


__all__ = ["Status", "classify", "select_scope", "summarise"]


def _has_text(records: pd.DataFrame, name: str) -> np.ndarray:
    if name not in records.columns:
        return np.zeros(len(records), dtype=bool)
    return records[name].notna().to_numpy(bool)


def select_scope(records: pd.DataFrame, month: str | None, as_of: dt.date,
                 run_date: dt.date) -> tuple[pd.DataFrame, dict[str, int]]:
    """The records in scope, and how many were left out and why.

    Out of scope: decided in another month than ``month``, or decided after
    the as-of date (but not after the run date, which is a data error and
    stays in as invalid). Such a decision is not 未到期 at the as-of date: it
    did not exist yet.
    """
    decided = records["decision_date"]
    has = decided.notna().to_numpy(bool)
    days = decided.to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
    other_month = np.zeros(len(records), dtype=bool)
    if month:
        other_month = has & (np.datetime_as_string(days, unit="M") != month)
    after = has & ~other_month & (days > np.datetime64(as_of, "D")) & (days <= np.datetime64(run_date, "D"))
    keep = ~(other_month | after)
    counts = {"other_month": int(other_month.sum()), "after_as_of": int(after.sum())}
    if keep.all():  # the usual case: no second copy of every column
        return records.reset_index(drop=True), counts
    return records[keep].reset_index(drop=True), counts


def classify(records: pd.DataFrame, calendar: WorkCalendar, rules: RuleSet,
             as_of: dt.date, run_date: dt.date) -> pd.DataFrame:
    """``records`` with the deadline, the status, the working days late or left, the rule applied, and
    what makes a record unjudgeable or needs a word (check_problem, published_after_as_of, missing_year,
    rule_unknown)."""
    decision = days_from_datetimes(records["decision_date"])
    published = days_from_datetimes(records["published_date"])
    days, rule_index, rule_known = rules.assign(records["category"].to_numpy(object), decision)
    invalid, problem = _unjudgeable(records, decision, published, rule_known, to_day_number(run_date))
    # A publication after the as-of date is judged as "not yet published" then.
    after_as_of = (published != NAT) & (published > to_day_number(as_of)) & ~invalid
    effective = np.where(after_as_of, NAT, published)
    # the last day that counts: the publication, or the as-of date
    until = np.where(invalid, NAT, np.where(effective != NAT, effective, to_day_number(as_of)))
    judged = _statuses(calendar, np.where(invalid, NAT, decision), until, effective != NAT, days, invalid)
    late = _lateness(calendar, judged, until, days)

    out = records.copy(deep=False)  # copy-on-write: the columns are shared until one is changed
    out["deadline"] = datetimes_from_days(judged["deadline"], "s")
    out["status"] = pd.Categorical.from_codes(judged["status"], categories=list(STATUSES))
    out["working_days"] = days
    out["rule"] = np.array([r.name for r in rules.rules], dtype=object)[rule_index] if len(records) else []
    for name, values in late.items():
        out[name] = _counts(values)
    out["check_problem"] = problem
    out["published_after_as_of"] = after_as_of
    out["missing_year"] = judged["missing_year"]
    out["rule_unknown"] = ~rule_known & (decision != NAT)
    return out


def _unjudgeable(records, decision, published, rule_known, run_day) -> tuple[np.ndarray, np.ndarray]:
    """(invalid, the problem code that made it so): the first reason wins."""
    has_decision, has_published = decision != NAT, published != NAT
    checks = [
        (has_decision & (decision > run_day), "decision-after-run-date"),
        (has_published & (published > run_day), "published-after-run-date"),
        (has_published & has_decision & (published < decision), "published-before-decision"),
        # the same decision sent again in another file with other dates (ingest/repeats.py)
        (_has_text(records, "conflict_with"), "duplicate-conflict"),
    ]
    problem_code = np.zeros(len(records), dtype=np.int8)  # 0 = none, k = checks[k - 1]
    for k, (mask, _) in reversed(list(enumerate(checks, start=1))):
        problem_code[mask] = k
    problem_names = np.array([None] + [code for _, code in checks], dtype=object)
    bad_published = records["published_problem"].notna().to_numpy(bool)
    invalid = ~has_decision | bad_published | ~rule_known | (problem_code != 0)
    return invalid, problem_names[problem_code]


def _statuses(calendar, decision, until, is_published, days, invalid) -> dict[str, np.ndarray]:
    """Status codes (index into STATUSES: cheap on millions of rows), deadline and missing years."""
    code = {s: np.int8(i) for i, s in enumerate(STATUSES)}
    deadline, missing_deadline = calendar.add_days_numbers(decision, days)
    span_count, span_complete, span_missing = calendar.count_numbers(decision, until)
    known = deadline != NAT
    valid = ~invalid
    late_side = until > deadline
    status = np.full(len(decision), code["invalid"], dtype=np.int8)
    status[valid & known & is_published] = code["on_time"]
    status[valid & known & is_published & late_side] = code["late"]
    status[valid & known & ~is_published] = code["pending"]
    status[valid & known & ~is_published & late_side] = code["overdue"]
    # Deadline in an uncovered year: decided when fewer than N working days can
    # have passed, counting every uncovered day as if it were worked.
    unknown = valid & ~known
    at_most = calendar.count_upper_bound(np.where(unknown, decision, NAT), np.where(unknown, until, NAT))
    decided = unknown & (span_complete | (at_most < days))
    status[decided & is_published] = code["on_time"]
    status[decided & ~is_published] = code["pending"]
    undetermined = unknown & ~decided
    status[undetermined] = code["undetermined"]
    missing = np.where(undetermined, np.where(missing_deadline != 0, missing_deadline, span_missing), 0)
    left = np.where((status == code["pending"]) & span_complete, days - span_count, -1)
    return {"status": status, "deadline": deadline, "missing_year": missing, "working_days_left": left}


def _lateness(calendar, judged: dict, until: np.ndarray, days) -> dict[str, np.ndarray]:
    """Working days after the deadline up to the publication date (-1: none).

    A publication on a rest day counts as made on the next working day, so a
    late record never shows 0 (docs/rules.md §4). Overdue: up to the as-of date.
    """
    status, deadline = judged["status"], judged["deadline"]
    is_late = status == STATUSES.index("late")
    lateish = is_late | (status == STATUSES.index("overdue"))
    late_count, late_complete, _ = calendar.count_numbers(np.where(lateish, deadline, NAT),
                                                          np.where(lateish, until, NAT))
    until_work, _ = calendar.is_workday_numbers(np.where(lateish, until, NAT))
    working_late = np.where(is_late, late_count + (~until_work).astype(np.int64),
                            np.maximum(late_count, 1))  # overdue: working days so far, at least one
    return {"working_days_late": np.where(lateish & late_complete, working_late, -1),
            "calendar_days_late": np.where(lateish, until - deadline, -1),
            "working_days_left": judged["working_days_left"]}


def _counts(values: np.ndarray) -> pd.arrays.IntegerArray:
    """Day counts as nullable integers: -1 means none."""
    return pd.arrays.IntegerArray(np.where(values >= 0, values, 0).astype(np.int64), values < 0)


def summarise(classified: pd.DataFrame) -> dict[str, int]:
    counts = classified["status"].value_counts()
    return {"records": int(len(classified)), **{s: int(counts.get(s, 0)) for s in STATUSES}}
