"""WorkCalendar: the day-walk oracle, properties, coverage and user files."""

import datetime as dt
import json

import chinese_calendar
from click.testing import CliRunner
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import CalendarNotCovered, ComplianceError, WorkCalendar
from compliance.cli import main
from compliance.errors import CalendarFileError


def walk(start: dt.date, n: int) -> dt.date:
    """The plain day walk a careful clerk would do with a paper calendar."""
    day, count = start, 0
    while count < n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            count += 1
    return day


@pytest.mark.parametrize("n", [1, 7, 20])
def test_matches_day_walk_for_every_day_2004_to_2026(calendar, n):
    days = pd.date_range("2004-01-01", "2026-11-30", freq="D")
    got = calendar.add_working_days(days.to_numpy(dtype="datetime64[D]"), n)
    expected = np.array([walk(d.date(), n) for d in days], dtype="datetime64[D]")
    mismatch = np.flatnonzero(got != expected)
    assert mismatch.size == 0, [(str(days[i].date()), str(got[i]), str(expected[i]))
                                for i in mismatch[:5]]


covered_days = st.dates(min_value=dt.date(2004, 1, 1), max_value=dt.date(2026, 10, 31))


@settings(max_examples=300, deadline=None)
@given(covered_days, st.integers(min_value=1, max_value=40))
def test_result_is_a_working_day_n_days_later(calendar, start, n):
    result = calendar.add_working_days(start, n)
    assert result > start
    assert calendar.is_workday(result)
    assert calendar.working_days_between(start, result) == n
    # and it is the first such day
    assert calendar.working_days_between(start, result - dt.timedelta(days=1)) == n - 1


@settings(max_examples=300, deadline=None)
@given(covered_days, covered_days, st.integers(min_value=1, max_value=30))
def test_later_decision_never_gets_earlier_deadline(calendar, a, b, n):
    early, late = sorted((a, b))
    assert calendar.add_working_days(early, n) <= calendar.add_working_days(late, n)


def test_shapes_are_preserved(calendar):
    series = pd.Series(pd.to_datetime(["2019-06-08", None, "2017-09-29"]), index=[5, 6, 7])
    out = calendar.add_working_days(series, 20)
    assert list(out.index) == [5, 6, 7]
    assert out.iloc[0] == pd.Timestamp("2019-07-05") and pd.isna(out.iloc[1])
    arr = np.array(["2019-06-08", "2017-09-29"], dtype="datetime64[D]")
    assert list(calendar.add_working_days(arr, 7).astype(str)) == ["2019-06-18", "2017-10-16"]
    assert calendar.add_working_days(dt.date(2019, 6, 8), 20) == dt.date(2019, 7, 5)
    assert calendar.add_working_days(dt.datetime(2019, 6, 8, 15, 30), 20) == dt.date(2019, 7, 5)


def test_working_days_between_is_half_open(calendar):
    # (2016-09-30, 2016-10-10]: 10-08 and 10-09 are make-up days, then 10-10.
    assert calendar.working_days_between(dt.date(2016, 9, 30), dt.date(2016, 10, 10)) == 3
    assert calendar.working_days_between(dt.date(2016, 10, 10), dt.date(2016, 10, 10)) == 0
    assert calendar.working_days_between(dt.date(2016, 10, 10), dt.date(2016, 10, 1)) == 0


def test_is_workday_knows_make_up_days_and_holidays(calendar):
    assert calendar.is_workday(dt.date(2016, 10, 8))  # Saturday, 调休上班
    assert not calendar.is_workday(dt.date(2016, 10, 3))  # Monday, 国庆节
    assert not calendar.is_workday(dt.date(2016, 10, 15))  # ordinary Saturday


def test_uncovered_year_raises_named_error(calendar, first_uncovered_year):
    late_december = dt.date(first_uncovered_year - 1, 12, 21)
    with pytest.raises(CalendarNotCovered) as info:
        calendar.add_working_days(late_december, 20)
    assert info.value.year == first_uncovered_year
    assert str(first_uncovered_year) in info.value.message
    assert isinstance(info.value, ComplianceError)
    with pytest.raises(CalendarNotCovered) as info:
        calendar.is_workday(dt.date(first_uncovered_year, 3, 1))
    assert info.value.year == first_uncovered_year
    with pytest.raises(CalendarNotCovered) as info:
        calendar.add_working_days(dt.date(2003, 6, 1), 1)
    assert info.value.year == 2003


def test_user_year_is_fully_described(tmp_path, first_uncovered_year):
    year = first_uncovered_year
    path = tmp_path / f"{year}.csv"
    path.write_text(f"date,type,name\n{year}-01-01,holiday,元旦\n", encoding="utf-8")
    cal = WorkCalendar([path])
    assert year in cal.covered_years
    assert not cal.is_workday(dt.date(year, 1, 1))
    first_saturday = next(dt.date(year, 1, d) for d in range(1, 8) if dt.date(year, 1, d).weekday() == 5)
    assert not cal.is_workday(first_saturday)  # weekends rest unless listed
    assert cal.describe()["files"] == [{"path": str(path), "years": [year]}]


def test_2026_december_into_2027_with_a_file(tmp_path):
    cal = WorkCalendar()
    if cal.covers(2027):
        pytest.skip("the installed chinese-calendar already knows 2027")
    path = tmp_path / "2027.csv"
    path.write_text("2027-01-01,holiday,元旦\n", encoding="utf-8")
    assert WorkCalendar([path]).add_working_days(dt.date(2026, 12, 21), 20) == dt.date(2027, 1, 19)


def test_gbk_file_with_chinese_types(tmp_path, first_uncovered_year):
    year = first_uncovered_year
    path = tmp_path / "gbk.csv"
    text = f"日期,类型,名称\n{year}-01-01,休,元旦\n{year}-01-02,班,调休上班\n"
    path.write_bytes(text.encode("gbk"))
    cal = WorkCalendar([path])
    assert not cal.is_workday(dt.date(year, 1, 1))
    assert cal.is_workday(dt.date(year, 1, 2))
    assert [r.reason for r in cal.explain(dt.date(year, 1, 1), 1)][0] == "元旦"


def test_utf8_bom_file(tmp_path, first_uncovered_year):
    path = tmp_path / "bom.csv"
    path.write_bytes(f"date,type,name\r\n{first_uncovered_year}-05-03,holiday,劳动节\r\n".encode("utf-8-sig"))
    assert not WorkCalendar([path]).is_workday(dt.date(first_uncovered_year, 5, 3))


def test_a_title_line_and_tabs_as_a_clerk_saves_them(tmp_path, first_uncovered_year):
    # Typed in Excel and saved as tab-separated text, with the notice's title above the header.
    year = first_uncovered_year
    path = tmp_path / "tabs.txt"
    path.write_bytes(f"{year}年节假日安排\n日期\t类型\t名称\n{year}-01-01\t休\t元旦\n{year}-01-04\t班\t调休上班\n".encode("gbk"))
    cal = WorkCalendar([path])
    assert not cal.is_workday(dt.date(year, 1, 1)) and cal.is_workday(dt.date(year, 1, 4))


def test_override_inside_covered_year(tmp_path):
    path = tmp_path / "local.csv"
    # A local extra holiday on an ordinary Wednesday, and a local make-up Saturday.
    path.write_text("2019-06-12,休,地方节日\n2019-06-15,班,调休上班\n", encoding="utf-8")
    cal = WorkCalendar([path])
    assert not cal.is_workday(dt.date(2019, 6, 12))
    assert cal.is_workday(dt.date(2019, 6, 15))
    assert cal.is_workday(dt.date(2019, 6, 13))  # the rest of the year is untouched
    assert not cal.is_workday(dt.date(2019, 6, 7))  # 端午 stays a holiday
    # One day lost, one gained: 20 working days from 2019-06-08 still end on 07-05.
    assert cal.add_working_days(dt.date(2019, 6, 8), 20) == dt.date(2019, 7, 5)
    assert cal.add_working_days(dt.date(2019, 6, 11), 1) == dt.date(2019, 6, 13)


@pytest.mark.parametrize("content, line, fragment", [
    ("date,type,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,坏\n", 3, "2027-13-01"),
    ("2027-01-01,vacation,元旦\n", 1, "vacation"),
    ("2027-01-01\n", 1, "日期,类型,名称"),
])
def test_bad_line_names_file_and_line(tmp_path, content, line, fragment):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CalendarFileError) as info:
        WorkCalendar([path])
    assert info.value.line == line
    assert str(path) in info.value.message and f"第 {line} 行" in info.value.message
    assert fragment in info.value.message


def test_missing_or_undecodable_file_is_named(tmp_path):
    with pytest.raises(CalendarFileError, match="nope.csv"):
        WorkCalendar([tmp_path / "nope.csv"])
    empty = tmp_path / "empty.csv"
    empty.write_text("date,type,name\n", encoding="utf-8")
    with pytest.raises(CalendarFileError, match="没有任何日期"):
        WorkCalendar([empty])


def test_explain_marks_make_up_days(calendar):
    rows = calendar.explain(dt.date(2016, 9, 28), 20)
    by_date = {r.date: r for r in rows}
    for d in (dt.date(2016, 10, 8), dt.date(2016, 10, 9)):
        assert by_date[d].is_workday and by_date[d].reason.startswith("调休上班")
    assert by_date[dt.date(2016, 10, 3)].reason == "国庆节"
    assert by_date[dt.date(2016, 10, 15)].reason == "周末"
    assert rows[0].count == 0 and rows[-1].count == 20
    assert rows[-1].date == calendar.add_working_days(dt.date(2016, 9, 28), 20)


@settings(max_examples=200, deadline=None)
@given(covered_days, st.integers(min_value=0, max_value=60))
def test_upper_bound_is_exact_inside_covered_years(calendar, start, span):
    end = min(start + dt.timedelta(days=span), dt.date(2026, 12, 31))
    s = np.array([start], dtype="datetime64[s]")  # the frame's date shape
    e = np.array([end], dtype="datetime64[s]")
    assert calendar.upper_bound(s, e)[0] == calendar.working_days_between(start, end)


def test_upper_bound_counts_uncovered_days_as_worked(calendar, first_uncovered_year):
    s = np.array([f"{first_uncovered_year - 1}-12-30"], dtype="datetime64[s]")
    e = np.array([f"{first_uncovered_year}-01-10"], dtype="datetime64[s]")
    covered = calendar.working_days_between(dt.date(first_uncovered_year - 1, 12, 30),
                                            dt.date(first_uncovered_year - 1, 12, 31))
    assert calendar.upper_bound(s, e)[0] == covered + 10


def test_a_calendar_file_that_is_likely_a_mistake_is_said_everywhere_and_still_used(tmp_path):
    """One line for a year chinese-calendar lacks makes that year's 春节 working days; a line that turns a
    statutory holiday into a working day changes every deadline across it. Both are used (the file may be
    right) and said: by `calendar`, `deadline`, `check` (even with -q) and in the JSON."""
    sparse = tmp_path / "2027.csv"
    sparse.write_text("date,type,name\n2027-01-01,休,元旦\n", encoding="utf-8")
    override = tmp_path / "2016.csv"
    override.write_text("date,type,name\n2016-10-03,班,本地安排\n", encoding="utf-8")
    calendar = WorkCalendar([sparse, override])
    codes = [w["code"] for w in calendar.describe()["warnings"]]
    assert codes == ["calendar-year-sparse", "calendar-file-overrides"]
    assert calendar.add_working_days(dt.date(2016, 9, 30), 1) == dt.date(2016, 10, 3)  # used as given
    said = CliRunner().invoke(main, ["calendar", "--calendar", str(sparse)]).output
    assert f"注意：日历文件 {sparse}：2027 年只列了 1 个工作日放假" in said
    deadline = CliRunner().invoke(main, ["deadline", "2016-09-30", "--calendar", str(override)])
    assert f"注意：日历文件 {override}：1 天与国务院节假日安排" in deadline.stderr \
        and "2016-10-03（通知中放假：国庆节；文件改为上班）" in deadline.stderr
    ledger = tmp_path / "区安监局_行政处罚.csv"
    ledger.write_text("行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n西安监罚〔2016〕1号,甲,2016-09-01,2016-09-05\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "-q", "--calendar", str(override),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0 and "注意：日历文件" in result.stderr
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [w["code"] for w in payload["calendar"]["warnings"]] == ["calendar-file-overrides"]


def test_a_whole_user_year_raises_no_doubt(tmp_path):
    path = tmp_path / "2027.csv"
    days = ["2027-01-01", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12", "2027-04-05",
            "2027-05-03", "2027-06-09", "2027-09-15", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"]
    path.write_text("date,type,name\n" + "".join(f"{d},休,假日\n" for d in days) + "2027-02-07,班,调休\n",
                    encoding="utf-8")
    assert WorkCalendar([path]).describe()["warnings"] == []


def test_a_calendar_files_likely_typos_are_said(tmp_path):
    """The notice's own word 放假 is read; 元旦 and 春节 alone are a partial year; a day of a year the package
    covers that the file changes, even an ordinary weekday (a year typed wrong), is said; and 班 on a
    weekday (a make-up day typed on the Friday before the Saturday) changes nothing, which is said too."""
    cal = WorkCalendar()
    if cal.covers(2027):
        pytest.skip("the installed chinese-calendar already knows 2027")
    path = tmp_path / "2027.csv"
    days = ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-02-12"]
    path.write_text("日期,类型,名称\n" + "".join(f"{d},放假,春节\n" for d in days) + "2027-02-19,班,调休上班\n"
                    "2026-02-06,放假,春节\n", encoding="utf-8")
    calendar = WorkCalendar([path])
    assert not calendar.is_workday(dt.date(2027, 2, 5)) and not calendar.is_workday(dt.date(2026, 2, 6))
    warnings = {w["code"]: w["message"] for w in calendar.describe()["warnings"]}
    assert set(warnings) == {"calendar-year-sparse", "calendar-workday-on-weekday", "calendar-file-overrides"}
    assert "2027 年只列了 7 个工作日放假" in warnings["calendar-year-sparse"]
    assert "2027-02-19 本来就是工作日" in warnings["calendar-workday-on-weekday"]
    assert "2026-02-06（通知中上班：工作日；文件改为放假）" in warnings["calendar-file-overrides"]
