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


__all__ = ["Status", "classify", "select_month", "select_scope", "summarise"]


def select_month(records: pd.DataFrame, month: str | None) -> pd.DataFrame:
    """Records decided in YYYY-MM, plus every record with no usable decision date."""
    last = dt.date(9999, 12, 31)
    return select_scope(records, month, last, last)[0]


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
    """Return ``records`` with deadline, status and lateness columns added."""
    out = records.copy(deep=False)  # copy-on-write: the columns are shared until one is changed
    decision = days_from_datetimes(records["decision_date"])
    published = days_from_datetimes(records["published_date"])
    as_of_day = to_day_number(as_of)
    run_day = to_day_number(run_date)
    n_records = len(records)
    categories = records["category"].to_numpy(object)
    days, rule_index, rule_known = rules.assign(categories, decision)

    # -- what makes a record impossible to judge (first reason wins) ---------
    has_decision = decision != NAT
    has_published = published != NAT
    bad_published = records["published_problem"].notna().to_numpy(bool)
    checks = [
        (has_decision & (decision > run_day), "decision-after-run-date"),
        (has_published & (published > run_day), "published-after-run-date"),
        (has_published & has_decision & (published < decision), "published-before-decision"),
        # the same decision sent again in another file with other dates (ingest/repeats.py)
        (_has_text(records, "conflict_with"), "duplicate-conflict"),
    ]
    problem_code = np.zeros(n_records, dtype=np.int8)  # 0 = none, k = checks[k - 1]
    for k, (mask, _) in reversed(list(enumerate(checks, start=1))):
        problem_code[mask] = k
    problem_names = np.array([None] + [code for _, code in checks], dtype=object)
    invalid = ~has_decision | bad_published | ~rule_known | (problem_code != 0)

    # A publication after the as-of date is judged as "not yet published" then.
    after_as_of = has_published & (published > as_of_day) & ~invalid
    effective = np.where(after_as_of, NAT, published)
    is_published = effective != NAT

    deadline, missing_deadline = calendar.add_days_numbers(np.where(invalid, NAT, decision), days)
    known = deadline != NAT
    # the last day that counts: the publication, or the as-of date
    until = np.where(invalid, NAT, np.where(is_published, effective, as_of_day))
    span_count, span_complete, span_missing = calendar.count_numbers(np.where(invalid, NAT, decision), until)

    # Status as small integer codes (index into STATUSES): cheap on millions of rows.
    code = {s: np.int8(i) for i, s in enumerate(STATUSES)}
    status = np.full(n_records, code["invalid"], dtype=np.int8)
    valid = ~invalid
    late_side = until > deadline
    status[valid & known & is_published] = code["on_time"]
    status[valid & known & is_published & late_side] = code["late"]
    status[valid & known & ~is_published] = code["pending"]
    status[valid & known & ~is_published & late_side] = code["overdue"]
    # Deadline in an uncovered year: decided when fewer than N working days can
    # have passed, counting every uncovered day as if it were worked.
    at_most = calendar.count_upper_bound(np.where(valid & ~known, decision, NAT), np.where(valid & ~known, until, NAT))
    decided = valid & ~known & (span_complete | (at_most < days))
    status[decided & is_published] = code["on_time"]
    status[decided & ~is_published] = code["pending"]
    undetermined = valid & ~known & ~decided
    status[undetermined] = code["undetermined"]
    missing_year = np.where(undetermined, np.where(missing_deadline != 0, missing_deadline, span_missing), 0)

    # -- lateness: working days after the deadline up to the publication date;
    # a publication on a rest day counts as made on the next working day, so a
    # late record never shows 0 (DOMAIN.md). Overdue: up to the as-of date.
    is_late = status == code["late"]
    lateish = is_late | (status == code["overdue"])
    late_count, late_complete, _ = calendar.count_numbers(np.where(lateish, deadline, NAT),
                                                          np.where(lateish, until, NAT))
    until_work, _ = calendar.is_workday_numbers(np.where(lateish, until, NAT))
    working_late = np.where(is_late, late_count + (~until_work).astype(np.int64),
                            np.maximum(late_count, 1))  # overdue: working days so far, at least one
    working_late = np.where(lateish & late_complete, working_late, -1)
    calendar_late = np.where(lateish, until - deadline, -1)
    left = np.where((status == code["pending"]) & span_complete, days - span_count, -1)

    out["deadline"] = datetimes_from_days(deadline, "s")
    out["status"] = pd.Categorical.from_codes(status, categories=list(STATUSES))
    out["working_days"] = days
    out["rule"] = np.array([r.name for r in rules.rules], dtype=object)[rule_index] if n_records else []
    out["working_days_late"] = pd.array(np.where(working_late >= 0, working_late, 0), dtype="Int64")
    out.loc[working_late < 0, "working_days_late"] = pd.NA
    out["calendar_days_late"] = pd.array(calendar_late, dtype="Int64")
    out.loc[calendar_late < 0, "calendar_days_late"] = pd.NA
    out["working_days_left"] = pd.array(left, dtype="Int64")
    out.loc[left < 0, "working_days_left"] = pd.NA
    out["check_problem"] = problem_names[problem_code]
    out["published_after_as_of"] = after_as_of
    out["missing_year"] = missing_year
    out["rule_unknown"] = ~rule_known & has_decision
    return out


def summarise(classified: pd.DataFrame) -> dict[str, int]:
    counts = classified["status"].value_counts()
    return {"records": int(len(classified)), **{s: int(counts.get(s, 0)) for s in STATUSES}}
