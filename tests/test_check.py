"""Classification: every status, both rules, the as-of note, coverage, --month, reconciliation."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from compliance import WorkCalendar
from compliance.classify import STATUSES, classify, select_scope, summarise
from compliance.ingest.load import empty_records
from compliance.issues import issues_column
from compliance.rules import PROFILES, Rule, RuleSet, from_options, single
from compliance.api import ReconciliationError, check, reconcile_statuses
from helpers import PENALTY_HEADER, write_xlsx

DISTRICT = single(PROFILES["district"])
NATIONAL = single(PROFILES["national"])
RUN = dt.date(2026, 11, 26)


def records(*rows, category="penalty"):
    """rows: (decision, published) as ISO strings or None."""
    frame = empty_records()
    data = []
    for i, (decision, published) in enumerate(rows):
        data.append({"source_file": "t.xlsx", "sheet": "S", "row": i + 2, "category": category, "unit": "区安监局",
                     "document_number": f"N{i}", "party": "p", "decision_text": decision or "",
                     "published_text": published or "",
                     "decision_date": pd.Timestamp(decision) if decision else pd.NaT,
                     "published_date": pd.Timestamp(published) if published else pd.NaT,
                     "decision_problem": None if decision else "date-missing", "published_problem": None,
                     "category_problem": None, "notes": None, "duplicate_of": None})
    out = pd.concat([frame, pd.DataFrame(data)], ignore_index=True)
    for name in ("decision_date", "published_date"):
        out[name] = out[name].astype("datetime64[s]")
    return out


def one(decision, published, as_of="2016-12-31", rules=DISTRICT, calendar=None, run=RUN, category="penalty"):
    result = classify(records((decision, published), category=category), calendar or WorkCalendar(), rules,
                      dt.date.fromisoformat(as_of), run)
    return result.iloc[0]


# decision, published, as_of, status, deadline, working days late
CASES = [
    # 2016-09-28 + 20 working days = 2016-10-31 (10-08/10-09 are make-up days)
    ("2016-09-28", "2016-10-31", "2016-12-31", "on_time", "2016-10-31", None),
    ("2016-09-28", "2016-11-01", "2016-12-31", "late", "2016-10-31", 1),
    ("2016-09-28", "2016-11-07", "2016-12-31", "late", "2016-10-31", 5),
    # published on Saturday 11-05 after a Monday deadline: counts as Monday 11-07
    ("2016-09-28", "2016-11-05", "2016-12-31", "late", "2016-10-31", 5),
    ("2016-09-28", "2016-09-28", "2016-12-31", "on_time", "2016-10-31", None),
    ("2016-09-28", None, "2016-10-31", "pending", "2016-10-31", None),
    ("2016-09-28", None, "2016-11-01", "overdue", "2016-10-31", 1),
    ("2016-09-28", None, "2016-12-31", "overdue", "2016-10-31", 44),
    # 2019-06-08 (Sat, 端午) starts at 06-10 as day 1: deadline 07-05
    ("2019-06-08", "2019-07-05", "2019-12-31", "on_time", "2019-07-05", None),
    ("2019-06-08", "2019-07-08", "2019-12-31", "late", "2019-07-05", 1),
    # publication before the decision
    ("2016-09-28", "2016-09-27", "2016-12-31", "invalid", None, None),
    # no decision date
    (None, "2016-09-27", "2016-12-31", "invalid", None, None),
]


@pytest.mark.parametrize("decision, published, as_of, status, deadline, late", CASES)
def test_statuses(decision, published, as_of, status, deadline, late):
    row = one(decision, published, as_of)
    assert row["status"] == status
    assert (str(row["deadline"].date()) if pd.notna(row["deadline"]) else None) == deadline
    assert (None if pd.isna(row["working_days_late"]) else int(row["working_days_late"])) == late


def test_late_record_never_shows_zero_working_days():
    # deadline Friday 2016-11-04 (decision 2016-10-14 + 15); published Saturday and Sunday
    rules = single(Rule("15", 15, 15))
    for published in ("2016-11-05", "2016-11-06"):
        row = one("2016-10-14", published, rules=rules)
        assert row["status"] == "late" and row["working_days_late"] == 1
        assert row["calendar_days_late"] == (dt.date.fromisoformat(published) - dt.date(2016, 11, 4)).days


def test_pending_shows_working_days_left():
    row = one("2016-09-28", None, as_of="2016-10-10")
    # (09-28, 10-10]: 09-29, 09-30, 10-08, 10-09, 10-10 = 5 working days used
    assert row["status"] == "pending" and row["working_days_left"] == 15


@pytest.mark.parametrize("rules, status", [(DISTRICT, "on_time"), (NATIONAL, "late")])
def test_both_rules(rules, status):
    # 2017-09-29 + 7 = 2017-10-16; + 20 = 2017-11-02
    row = one("2017-09-29", "2017-10-20", as_of="2017-12-31", rules=rules)
    assert row["status"] == status
    assert row["rule"] == rules.rules[0].name


def test_rule_per_category_and_effective_date():
    rules = from_options(None, None, {"permit": 7, "penalty": 20,
                                      "change": [{"from": "2017-01-01", "permit": 20, "penalty": 7}]})
    calendar = WorkCalendar()
    # published 10 working days after the decision (2016-09-28 -> 2016-10-14)
    assert one("2016-09-28", "2016-10-14", rules=rules, category="permit")["status"] == "late"
    assert one("2016-09-28", "2016-10-14", rules=rules, category="penalty")["status"] == "on_time"
    later = {"as_of": "2017-12-31", "calendar": calendar}
    assert one("2017-03-01", "2017-03-15", rules=rules, category="permit", **later)["status"] == "on_time"
    assert one("2017-03-01", "2017-03-15", rules=rules, category="penalty", **later)["status"] == "late"


def test_unknown_category_is_judged_when_the_days_agree():
    frame = records(("2016-09-28", "2016-10-14"), category=None)
    frame["category_problem"] = "category-unknown"
    same = classify(frame, WorkCalendar(), DISTRICT, dt.date(2016, 12, 31), RUN).iloc[0]
    assert same["status"] == "on_time"
    split = RuleSet((Rule("x", 7, 20),))
    assert classify(frame, WorkCalendar(), split, dt.date(2016, 12, 31), RUN).iloc[0]["status"] == "invalid"


def test_publication_after_as_of_is_judged_unpublished_with_note():
    row = one("2016-09-28", "2016-11-15", as_of="2016-11-10", run=dt.date(2016, 11, 20))
    assert row["status"] == "overdue" and row["published_after_as_of"]
    frame = records(("2016-09-28", "2016-11-15"))
    result = classify(frame, WorkCalendar(), DISTRICT, dt.date(2016, 10, 20), dt.date(2016, 11, 20))
    assert result.iloc[0]["status"] == "pending"
    codes = [i.code for i in issues_column(result, "2016-10-20", "2016-11-20")[0]]
    assert "published-after-as-of" in codes


def test_publication_after_the_run_date_is_invalid():
    row = one("2016-09-28", "2016-12-01", as_of="2016-11-10", run=dt.date(2016, 11, 20))
    assert row["status"] == "invalid" and row["check_problem"] == "published-after-run-date"


@pytest.fixture()
def uncovered():
    calendar = WorkCalendar()
    if calendar.covers(2027):
        pytest.skip("the installed chinese-calendar already knows 2027")
    return calendar


def test_status_decided_by_covered_days(uncovered):
    # run in 2027: decision 2026-12-21, published 2026-12-30 -> on time with no 2027 data
    row = one("2026-12-21", "2026-12-30", as_of="2027-01-10", calendar=uncovered, run=dt.date(2027, 1, 10))
    assert row["status"] == "on_time" and pd.isna(row["deadline"])
    # unpublished, as of 2026-12-31: 8 working days used, still pending
    row = one("2026-12-21", None, as_of="2026-12-31", calendar=uncovered, run=dt.date(2027, 1, 10))
    assert row["status"] == "pending" and row["working_days_left"] == 12
    # a deadline inside 2026 and a publication in 2027: late, even without 2027 data
    row = one("2026-11-02", "2027-01-04", as_of="2027-01-10", calendar=uncovered, run=dt.date(2027, 1, 10))
    assert row["status"] == "late" and str(row["deadline"].date()) == "2026-11-30"


def test_status_that_needs_2027_is_undetermined(uncovered, tmp_path):
    frame = records(("2026-12-21", "2027-01-15"), ("2026-12-21", None))
    result = classify(frame, uncovered, DISTRICT, dt.date(2027, 1, 20), dt.date(2027, 1, 20))
    assert list(result["status"]) == ["undetermined", "undetermined"]
    assert list(result["missing_year"]) == [2027, 2027]
    issues = issues_column(result, "2027-01-20", "2027-01-20")
    assert all(any(i.code == "calendar-not-covered" and "2027 年" in i.message for i in items) for items in issues)
    path = tmp_path / "2027.csv"
    path.write_text("2027-01-01,休,元旦\n", encoding="utf-8")
    with_file = classify(frame, WorkCalendar([path]), DISTRICT, dt.date(2027, 1, 20), dt.date(2027, 1, 20))
    assert list(with_file["status"]) == ["on_time", "overdue"]  # deadline 2027-01-19
    assert str(with_file["deadline"].iloc[0].date()) == "2027-01-19"


def test_month_selection_keeps_unusable_dates():
    frame = records(("2016-09-28", None), ("2016-10-10", None), (None, None), ("2016-10-31", "2016-11-01"))
    picked, left_out, _ = select_scope(frame, "2016-10", dt.date(2016, 12, 31), dt.date(2016, 12, 31))
    assert list(picked["document_number"]) == ["N1", "N2", "N3"]
    assert left_out == {"other_month": 1, "after_as_of": 0, "other_kind": 0}


def test_counts_reconcile_on_a_real_file(tmp_path):
    rows = [PENALTY_HEADER,
            [1, "A1", "x", dt.date(2016, 9, 28), dt.date(2016, 10, 10), "区安监局"],
            [2, "A2", "x", dt.date(2016, 9, 28), dt.date(2016, 12, 1), "区安监局"],
            [3, "A3", "x", dt.date(2016, 9, 28), None, "区安监局"],
            [],
            [4, "A4", "x", "2016-02-30", None, "区安监局"],
            [5, "A5", "x", dt.date(2016, 12, 20), None, "区安监局"],
            ["制表人：张三"]]
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": rows})
    run = check([path], as_of=dt.date(2016, 12, 21), run_date=dt.date(2016, 12, 21))
    s = run.summary
    assert s == {"records": 5, "on_time": 1, "late": 1, "overdue": 1, "pending": 1, "invalid": 1,
                 "undetermined": 0, "exempt": 0, "skipped_rows": 2,
                 "out_of_scope": {"other_month": 0, "after_as_of": 0, "other_kind": 0}, "repeats": 0}
    assert s["records"] == sum(s[k] for k in STATUSES)
    sheet = run.inputs[0].sheets[0]
    assert sheet.rows_after_header == s["records"] + s["skipped_rows"]


def test_reconciliation_mismatch_is_caught():
    summary = summarise(classify(records(("2016-09-28", None)), WorkCalendar(), DISTRICT,
                                 dt.date(2016, 12, 31), RUN))
    reconcile_statuses(summary, 1)
    summary["overdue"] += 1
    with pytest.raises(ReconciliationError, match="不相等"):
        reconcile_statuses(summary, 1)


def test_classify_is_column_wise_on_large_input():
    # every day of 2016 with and without publication: statuses cover the lot and counts add up
    days = pd.date_range("2016-01-01", "2016-12-31").strftime("%Y-%m-%d")
    frame = records(*[(d, d) for d in days], *[(d, None) for d in days])
    result = classify(frame, WorkCalendar(), DISTRICT, dt.date(2016, 12, 31), RUN)
    counts = summarise(result)
    assert counts["records"] == 2 * len(days) == sum(counts[s] for s in STATUSES)
    assert counts["on_time"] == len(days) and counts["pending"] + counts["overdue"] == len(days)
    assert np.all(result["deadline"].notna())


def test_short_spans_into_an_uncovered_year_are_decided(uncovered):
    # 2026-12-30 -> 2027-01-02: at most 1 + 2 = 3 working days whatever 2027's holidays are
    rows = records(("2026-12-30", "2027-01-02"), ("2026-12-28", "2027-01-04"), ("2026-12-28", None),
                   ("2026-12-01", "2027-01-20"))
    result = classify(rows, uncovered, DISTRICT, dt.date(2027, 1, 5), dt.date(2027, 1, 25))
    # the last one's deadline (2026-12-29) is known: overdue as of 2027-01-05
    assert list(result["status"]) == ["on_time", "on_time", "pending", "overdue"]
    assert list(result["missing_year"]) == [0, 0, 0, 0]
    # a long span into 2027 still needs 2027's calendar
    long = classify(records(("2026-12-21", "2027-01-18")), uncovered, DISTRICT, dt.date(2027, 1, 20),
                    dt.date(2027, 1, 25))
    assert list(long["status"]) == ["undetermined"] and list(long["missing_year"]) == [2027]


def test_decisions_after_the_as_of_date_are_out_of_scope_not_pending(tmp_path):
    """Issue 11: a decision made after the as-of date did not exist then; it is counted as out of scope."""
    rows = [["序号", "文书号", "相对人", "处罚决定日期", "上网公开日期", "处罚机关"],
            [1, "A1", "x", dt.date(2016, 6, 1), dt.date(2016, 6, 3), "区安监局"],
            [2, "A2", "x", dt.date(2016, 7, 5), None, "区安监局"],
            [3, "A3", "x", dt.date(2016, 7, 6), dt.date(2016, 7, 8), "区安监局"]]
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": rows})
    run = check([path], as_of=dt.date(2016, 6, 30), run_date=dt.date(2016, 12, 1))
    assert run.summary["records"] == 1 and run.summary["on_time"] == 1 and run.summary["pending"] == 0
    assert run.summary["out_of_scope"] == {"other_month": 0, "after_as_of": 2, "other_kind": 0}


def test_a_decision_after_the_as_of_date_with_an_impossible_publication_date_is_a_data_error(tmp_path):
    # Out of scope as not yet made, it would hide its error in a count: published after the run date (A2), or
    # before its own decision (A3), is 数据有误 now (docs/rules.md §5); A4, possible, stays out of scope.
    rows = [["序号", "文书号", "相对人", "处罚决定日期", "上网公开日期", "处罚机关"],
            [1, "A1", "x", dt.date(2016, 6, 1), dt.date(2016, 6, 3), "区安监局"],
            [2, "A2", "x", dt.date(2016, 7, 5), dt.date(2016, 12, 9), "区安监局"],
            [3, "A3", "x", dt.date(2016, 7, 6), dt.date(2016, 7, 1), "区安监局"],
            [4, "A4", "x", dt.date(2016, 7, 6), dt.date(2016, 7, 8), "区安监局"]]
    path = write_xlsx(tmp_path / "处罚.xlsx", {"S": rows})
    run = check([path], as_of=dt.date(2016, 6, 30), run_date=dt.date(2016, 12, 1))
    assert run.summary["out_of_scope"] == {"other_month": 0, "after_as_of": 1, "other_kind": 0}
    problems = run.records["check_problem"].astype(object).where(run.records["check_problem"].notna(), None)
    judged = dict(zip(run.records["document_number"], zip(run.records["status"].astype(str), problems)))
    assert judged == {"A1": ("on_time", None), "A2": ("invalid", "published-after-run-date"),
                      "A3": ("invalid", "published-before-decision")}
