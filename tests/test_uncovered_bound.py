"""A deadline in a year no calendar covers yet (January, before the State Council's notice reaches the
package): a record is still judged when every possible calendar gives the same answer. Real .xlsx files,
the real chinese-calendar (it covers 2004–2026 here), the library's check with the run date set.

The bound counts every uncovered day as a working day. Fewer than N working days: on time (or pending).
Exactly N: the same, when the last day (the publication or the as-of date) counts as worked in the bound
(uncovered, or a known working day), since it is then the N-th working day at the latest; when it is a
known rest day, the N-th working day may have been before it, and the record stays 无法判定."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from compliance.api import check
from compliance.rules import from_options
from compliance.workcalendar import WorkCalendar
from helpers import PENALTY_HEADER, write_xlsx

D = dt.date
CALENDAR = WorkCalendar()


def statuses(tmp_path, rows, as_of: dt.date, days: int = 20) -> dict[int, str]:
    path = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + [
        [i, f"西安监罚〔{decided.year}〕{i}号", f"公司{i}", decided, published, "区安监局"]  # the number's year is the decision's
        for i, (decided, published) in enumerate(rows, start=1)]})
    run = check([path], as_of=as_of, run_date=D(2027, 2, 10), rules=from_options(days, None))
    return dict(zip(run.records["row"].tolist(), run.records["status"].astype(str).tolist()))


def bound(start: dt.date, end: dt.date) -> int:
    return int(CALENDAR.upper_bound(np.array([start], "datetime64[D]"), np.array([end], "datetime64[D]"))[0])


def test_the_bound_of_the_year_end_case_is_what_the_table_says():
    assert not CALENDAR.covers(2027) and CALENDAR.covers(2026)
    # (2026-12-10, 2026-12-31]: 15 working days; 2027-01-01..05 counted as worked: 5
    assert bound(D(2026, 12, 10), D(2027, 1, 5)) == 20 and bound(D(2026, 12, 10), D(2027, 1, 6)) == 21


@pytest.mark.parametrize("published, expected", [
    (D(2027, 1, 4), "on_time"),  # at most 19 working days: on time under any calendar (as before)
    (D(2027, 1, 5), "on_time"),  # at most 20, and 01-05 is the 20th working day at the latest (was 无法判定)
    (D(2027, 1, 6), "undetermined"),  # at most 21: late unless 2027 has a holiday in its first days
])
def test_a_publication_in_the_uncovered_year(tmp_path, published, expected):
    assert statuses(tmp_path, [(D(2026, 12, 10), published)], as_of=D(2027, 2, 1)) == {2: expected}


@pytest.mark.parametrize("as_of, expected", [(D(2027, 1, 5), "pending"), (D(2027, 1, 6), "undetermined")])
def test_an_unpublished_decision_as_of_the_uncovered_year(tmp_path, as_of, expected):
    assert statuses(tmp_path, [(D(2026, 12, 10), None)], as_of=as_of) == {2: expected}


def test_exactly_n_ending_on_a_known_rest_day_stays_undetermined(tmp_path):
    """Decided in 2003 (uncovered), published on Sunday 2004-01-11 (covered, a rest day): with N equal to
    the bound, the N-th working day may have been the Friday before, so it may be late by a day."""
    decided, sunday, friday = D(2003, 12, 25), D(2004, 1, 11), D(2004, 1, 9)
    n = bound(decided, sunday)
    assert bound(decided, friday) == n  # the weekend adds nothing: the Sunday is a known rest day
    assert statuses(tmp_path, [(decided, sunday), (decided, friday)], as_of=D(2004, 2, 1), days=n) == {
        2: "undetermined", 3: "on_time"}


def test_a_decision_in_a_year_before_the_calendar_is_late_when_the_covered_days_alone_prove_it(tmp_path):
    """2003 is not covered (chinese-calendar starts in 2004). Decided 2003-12-26, published 2004-02-04:
    2004 alone has 20 working days before that day (Jan 2 … Feb 3, the Spring Festival and its make-up
    weekend counted), so the 20th working day was 2004-02-03 at the latest: late by at least 1, whatever
    2003's calendar. Decided 2003-12-29, published 2004-01-30: at most 20 (the two 2003 days counted as
    worked), the last day a working day: on time. Unpublished since 2003-11-03: overdue."""
    assert not CALENDAR.covers(2003) and CALENDAR.covers(2004)
    path = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER,
        [1, "西安监罚〔2003〕1号", "甲", D(2003, 12, 26), D(2004, 2, 4), "区安监局"],
        [2, "西安监罚〔2003〕2号", "乙", D(2003, 11, 3), None, "区安监局"],
        [3, "西安监罚〔2003〕3号", "丙", D(2003, 12, 29), D(2004, 1, 30), "区安监局"],
        [4, "西安监罚〔2003〕4号", "丁", D(2003, 12, 26), D(2004, 2, 3), "区安监局"]]})
    run = check([path], as_of=D(2004, 6, 30), run_date=D(2004, 7, 1), rules=from_options(20, None))
    frame = run.records[["row", "status", "working_days_late", "late_lower_bound"]].astype(object)
    got = frame.where(frame.notna(), None).values.tolist()
    # row 5: 2004 alone has only 19 working days before 02-03: whether it was late depends on 2003
    assert got == [[2, "late", 1, 2003], [3, "overdue", 103, 2003], [4, "on_time", None, None],
                   [5, "undetermined", None, None]]


def _late(tmp_path, rows, as_of, days, run_date):
    path = write_xlsx(tmp_path / f"区安监局_处罚_{as_of}.xlsx", {"处罚": [PENALTY_HEADER] + [
        [i, f"西安监罚〔{decided.year}〕{i}号", f"公司{i}", decided, published, "区安监局"]  # the number's year is the decision's
        for i, (decided, published) in enumerate(rows, start=1)]})
    run = check([path], as_of=as_of, run_date=run_date, rules=from_options(days, None))
    frame = run.records[["status", "working_days_late"]].astype(object)
    return frame.where(frame.notna(), None).values.tolist()


def test_a_publication_in_the_uncovered_year_is_at_least_one_day_later_than_the_covered_days_say(tmp_path):
    """Decided 2026-12-21, 7 working days: deadline 2026-12-30. Published 2027-01-04 (uncovered): 12-31 is
    a known working day after the deadline, and the publication day is one more whatever 2027 holds (on a
    rest day it counts as the next working day): at least 2. Unpublished as of 2027-01-04: only 12-31 is
    certain (the uncovered days may all be rest days): at least 1."""
    got = _late(tmp_path, [(D(2026, 12, 21), D(2027, 1, 4)), (D(2026, 12, 21), None)], D(2027, 1, 4), 7,
                D(2027, 1, 5))
    assert got == [["late", 2], ["overdue", 1]]


@pytest.mark.parametrize("as_of", [D(2004, 3, 5), D(2004, 3, 6), D(2004, 3, 7)])
def test_an_as_of_rest_day_adds_no_day_to_what_is_proven_overdue(tmp_path, as_of):
    """Decided 2003-12-15 (uncovered), unpublished: as of Friday 2004-03-05 at least 23 working days late,
    and as of the Saturday or Sunday after it the same 23 (a rest day is no day more overdue)."""
    assert _late(tmp_path, [(D(2003, 12, 15), None)], as_of, 20, D(2004, 3, 8)) == [["overdue", 23]]


def test_the_late_list_says_a_lower_bound_is_one(tmp_path):
    """On paper 逾期清单's 2 must not read as exactly 2: its 状态 says the figure is a lower bound."""
    import openpyxl

    from compliance.api import write_outputs

    path = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER,
        [1, "西安监罚〔2026〕1号", "甲", D(2026, 12, 21), D(2027, 1, 4), "区安监局"],
        [2, "西安监罚〔2026〕2号", "乙", D(2026, 11, 2), D(2026, 12, 28), "区安监局"]]})
    run = check([path], as_of=D(2027, 1, 4), run_date=D(2027, 1, 5), rules=from_options(7, None))
    write_outputs(run, out=tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["逾期清单"]
    header = [c.value for c in sheet[2]] if sheet["A2"].value == "单位" else [c.value for c in sheet[1]]
    rows = {r[header.index("文书号")]: (r[header.index("逾期工作日数")], r[header.index("状态")])
            for r in sheet.iter_rows(values_only=True) if r[header.index("文书号")] and "号" in str(r[1])}
    assert rows["西安监罚〔2026〕1号"] == (2, "逾期公开（逾期工作日数是下限：缺节假日数据的年份未计入）")
    assert rows["西安监罚〔2026〕2号"][1] == "逾期公开"
