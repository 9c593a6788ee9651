"""Calendar files (--calendar) in the forms offices send them: each form reads to the same days as the plain
``date,type,name`` CSV, and what cannot be read for sure is refused naming the line, never dropped or guessed.
Files are real CSV, UTF-16 text and .xlsx written in tmp_path; the calendar is the real one."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from click.testing import CliRunner

from compliance import WorkCalendar
from compliance.cli import main
from compliance.errors import CalendarFileError

# A 2027 schedule as a notice gives it (assumed for the tests: the package has no 2027 yet)
REST = {"元旦": ("2027-01-01", "2027-01-03"), "春节": ("2027-02-05", "2027-02-11"), "清明节": ("2027-04-03", "2027-04-05"),
        "劳动节": ("2027-05-01", "2027-05-05"), "端午节": ("2027-06-09", "2027-06-11"),
        "中秋节": ("2027-09-15", "2027-09-17"), "国庆节": ("2027-10-01", "2027-10-07")}
WORK = {"2027-01-31": "春节调休上班", "2027-02-20": "春节调休上班", "2027-04-25": "劳动节调休上班",
        "2027-09-26": "国庆节调休上班", "2027-10-09": "国庆节调休上班"}


def _days(first: str, last: str) -> list[str]:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(a + dt.timedelta(days=k)).isoformat() for k in range((b - a).days + 1)]


def _plain_rows(rest_word="休", work_word="班") -> list[tuple[str, str, str]]:
    rows = [(d, rest_word, name) for name, span in REST.items() for d in _days(*span)]
    return rows + [(d, work_word, name) for d, name in WORK.items()]


def _year(calendar: WorkCalendar) -> list[bool]:
    return [calendar.is_workday(dt.date(2027, 1, 1) + dt.timedelta(days=k)) for k in range(365)]


@pytest.fixture
def reference(tmp_path):
    if WorkCalendar().covers(2027):
        pytest.skip("the installed chinese-calendar already knows 2027")
    path = tmp_path / "plain.csv"
    path.write_text("date,type,name\n" + "".join(f"{d},{t},{n}\n" for d, t, n in _plain_rows()), encoding="utf-8")
    calendar = WorkCalendar([path])
    assert calendar.describe()["warnings"] == []
    return _year(calendar)


def _csv(rows, header="日期,类型,名称", sep=",", title=None, footer=()) -> str:
    lines = ([title] if title else []) + [header] + [sep.join(r) for r in rows] + list(footer)
    return "\n".join(lines) + "\n"


FORMS = {
    "columns in another order": lambda: _csv([(d, n, t) for d, t, n in _plain_rows()], header="日期,名称,类型"),
    "name first": lambda: _csv([(n, d, t) for d, t, n in _plain_rows()], header="名称,日期,类型"),
    "序号 first, no header": lambda: "\n".join(f"{k},{d},{t},{n}" for k, (d, t, n) in enumerate(_plain_rows(), 1)),
    "a 星期 column": lambda: _csv([(d, "星期" + "一二三四五六日"[dt.date.fromisoformat(d).weekday()], t, n)
                                for d, t, n in _plain_rows()], header="日期,星期,类型,名称"),
    "semicolons, a title without any": lambda: _csv(_plain_rows(), header="date;type;name", sep=";",
                                                   title="国务院办公厅关于2027年部分节假日安排的通知"),
    "the notice's words": lambda: _csv(_plain_rows("放假", "补班")),
    "other words": lambda: _csv(_plain_rows("节假日", "调休上班")),
    "the tool's own wording": lambda: _csv(_plain_rows("休（休息日）", "班（调休上班）")),
    "ranges and a list": lambda: _csv([(f"{a}至{b}", "休", n) for n, (a, b) in REST.items() if n != "春节"]
                                      + [("2027年2月5日至11日", "休", "春节"), ("2027-01-31、2027-02-20", "班", "春节调休上班"),
                                         ("2027.4.25", "班", "劳动节调休上班"), ("2027-09-26", "班", "国庆节调休上班"),
                                         ("2027年10月9日", "班", "国庆节调休上班")]),
    "a dash range": lambda: _csv([(f"{a.replace('-', '.')}-{b.replace('-', '.')}", "休", n) for n, (a, b) in REST.items()]
                                 + [(d, "班", n) for d, n in WORK.items()]),
    "notes under the table": lambda: _csv(_plain_rows(), footer=["注：根据国务院办公厅通知整理", "制表日期：2026年12月5日,,",
                                                                 "制表人：张三,审核人：李四,"]),
    "dates in numerals": lambda: _csv([(("二〇二七年一月三十一日" if d == "2027-01-31" else d), t, n) for d, t, n in _plain_rows()]),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_each_form_reads_to_the_same_days_as_the_plain_file(tmp_path, reference, form):
    path = tmp_path / "2027.csv"
    path.write_text(FORMS[form](), encoding="gbk" if form == "the notice's words" else "utf-8")
    calendar = WorkCalendar([path])
    assert _year(calendar) == reference
    assert calendar.describe()["warnings"] == []


def test_excels_unicode_text_and_a_workbook_after_an_instructions_sheet(tmp_path, reference):
    text = tmp_path / "2027.txt"
    text.write_bytes(_csv(_plain_rows(), header="日期\t类型\t名称", sep="\t").encode("utf-16"))
    assert _year(WorkCalendar([text])) == reference
    book = openpyxl.Workbook()
    book.active.title = "填表说明"
    book.active.append(["请按国务院通知填写 2027 年的放假和调休上班日"])
    sheet = book.create_sheet("2027")
    sheet.append(["日期", "类型", "名称"])
    for d, t, n in _plain_rows():
        sheet.append([dt.date.fromisoformat(d), t, n])  # date cells
    book.save(tmp_path / "2027.xlsx")
    assert _year(WorkCalendar([tmp_path / "2027.xlsx"])) == reference
    result = CliRunner().invoke(main, ["deadline", "2027-01-25", "--calendar", str(tmp_path / "2027.xlsx"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["deadline"] == "2027-02-25"  # 01-31 worked, 02-05..11 off


@pytest.mark.parametrize("row, line, fragment", [
    ("2027-01-31,休,春节调休上班", 5, "名称“春节调休上班”却是另一种日子"),  # a make-up day typed as rest
    ("2027-01-31,班,春节放假", 5, "名称“春节放假”却是另一种日子"),
    ("同上,班,春节调休上班", 5, "无法识别的日期“同上”"),  # a day never dropped without a word
    (",班,春节调休上班", 5, "无法识别的日期“（空）”"),
    ("1月31日,班,春节调休上班", 5, "无法识别的日期“1月31日”"),  # no year: not ours to guess
    ("2027-01-31,调休,春节", 5, "类型“调休”无效"),
])
def test_a_line_that_cannot_be_read_for_sure_is_refused_naming_it(tmp_path, reference, row, line, fragment):
    path = tmp_path / "2027.csv"
    path.write_text("日期,类型,名称\n2027-01-01,休,元旦\n2027-01-02,休,元旦\n2027-01-03,休,元旦\n" + row + "\n",
                    encoding="utf-8")
    with pytest.raises(CalendarFileError) as info:
        WorkCalendar([path])
    assert info.value.line == line and fragment in info.value.message, info.value.message
    result = CliRunner().invoke(main, ["deadline", "2027-01-25", "--calendar", str(path)])
    assert result.exit_code == 2 and fragment in result.output and "Traceback" not in result.output


def test_a_year_missing_its_make_up_days_or_a_holiday_is_said_and_two_files_are_judged_together(tmp_path, reference):
    rest_only = tmp_path / "放假.csv"
    rest_only.write_text(_csv([r for r in _plain_rows() if r[1] == "休"]), encoding="utf-8")
    warnings = {w["code"]: w["message"] for w in WorkCalendar([rest_only]).describe()["warnings"]}
    assert list(warnings) == ["calendar-year-no-workdays"], warnings
    assert "2027 年没有列出任何调休上班日" in warnings["calendar-year-no-workdays"]
    no_national_day = tmp_path / "无国庆.csv"
    no_national_day.write_text(_csv([r for r in _plain_rows() if "国庆" not in r[2]]), encoding="utf-8")
    warnings = {w["code"]: w["message"] for w in WorkCalendar([no_national_day]).describe()["warnings"]}
    assert list(warnings) == ["calendar-year-incomplete"] and "没有列出国庆节的放假日" in warnings["calendar-year-incomplete"]
    work_only = tmp_path / "调休.csv"
    work_only.write_text(_csv([r for r in _plain_rows() if r[1] == "班"]), encoding="utf-8")
    together = WorkCalendar([rest_only, work_only])  # holidays in one file, make-up days in the other: a whole year
    assert together.describe()["warnings"] == [] and _year(together) == reference


def test_a_ledger_judged_over_a_make_up_day_typed_as_rest_is_not_judged_at_all(tmp_path, reference):
    # Published 2027-02-25: on time only if 01-31 (a Sunday worked) is counted as a rest day. Refused, exit 2.
    ledger = tmp_path / "区安监局_行政处罚.csv"
    ledger.write_text("行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n西安监罚〔2027〕1号,甲,2027-01-25,2027-02-26\n",
                      encoding="utf-8")
    wrong = tmp_path / "2027.csv"
    wrong.write_text(_csv([(d, "休" if d == "2027-01-31" else t, n) for d, t, n in _plain_rows()]), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-12-06", "--calendar", str(wrong),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code == 2 and "春节调休上班" in result.output, result.output
    assert not (tmp_path / "r.xlsx").exists()


def test_records_counted_over_a_doubtful_year_say_so_each(tmp_path):
    # probe 57 M5: a 2027 file listing 3 days was warned about once, but the records whose deadline it set
    # carried no note: a pending (or later a late) status resting on it read as certain.
    ledger = tmp_path / "区司法局_行政处罚.csv"
    ledger.write_text("行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n"
                      "西司罚〔2026〕8号,甲,2026-12-04,\n西司罚〔2026〕9号,乙,2026-12-01,2026-12-03\n"
                      "西司罚〔2026〕10号,丙,2026-11-02,\n", encoding="utf-8")
    sparse = tmp_path / "2027少.csv"
    sparse.write_text("date,type,name\n2027-01-01,休,元旦\n2027-02-05,休,春节\n2027-02-08,休,春节\n", encoding="utf-8")
    whole = tmp_path / "2027.csv"
    whole.write_text(_csv(_plain_rows()), encoding="utf-8")
    for calendar, said in ((sparse, True), (whole, False)):
        out = tmp_path / f"{calendar.stem}.json"
        result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-12-06", "--calendar", str(calendar),
                                           "-o", str(tmp_path / f"{calendar.stem}.xlsx"), "--no-history", "--json", str(out)])
        assert result.exit_code == 1, result.output  # 10号 is overdue either way
        records = {r["document_number"]: r for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
        codes = {n: [i["code"] for i in r["issues"]] for n, r in records.items()}
        assert codes == {"西司罚〔2026〕8号": ["calendar-year-doubtful"] if said else [],
                         "西司罚〔2026〕9号": [], "西司罚〔2026〕10号": []}, calendar
        assert [r["status"] for r in records.values()] == ["pending", "on_time", "overdue"]
        if said:
            [note] = records["西司罚〔2026〕8号"]["issues"]
            assert "要数过 2027 年的日子" in note["message"] and "可能不全" in note["message"]
            assert "西司罚〔2026〕8号" not in result.output  # nothing the unit must do: not among the records to handle


def test_qingming_is_asked_of_years_since_2008_only(tmp_path):
    # 清明节 became a holiday in 2008: a whole 2003 schedule without it is complete, a 2027 one is not.
    def schedule(year: int) -> str:
        rest = [f"{year}-01-01"] + [f"{year}-{m:02d}-{d:02d}" for m in (2, 5, 10) for d in range(1, 8)]
        saturday = next(dt.date(year, 9, d) for d in range(1, 8) if dt.date(year, 9, d).weekday() == 5)
        return "date,type,name\n" + "".join(f"{d},休,假日\n" for d in rest) + f"{saturday},班,调休\n"
    said = {}
    for year in (2003, 2027):
        path = tmp_path / f"{year}.csv"
        path.write_text(schedule(year), encoding="utf-8")
        said[year] = [(w["code"], w["message"]) for w in WorkCalendar([path]).describe()["warnings"]]
    assert said[2003] == []
    [(code, text)] = said[2027]
    assert code == "calendar-year-incomplete" and "没有列出清明节的放假日" in text


def test_a_weekday_cell_that_contradicts_its_date_refuses_the_line(tmp_path, reference):
    """Probe 75 F1: 2027-10-18,星期五,休 (the clerk meant 10-08, a Friday) made 10-08 a working day and 10-18 a
    holiday, in silence: a 7-day deadline a day early."""
    rows = [(d, "星期" + "一二三四五六日"[dt.date.fromisoformat(d).weekday()], t, n) for d, t, n in _plain_rows()]
    rows = [(("2027-10-18", "星期五", t, n) if d == "2027-10-07" else (d, w, t, n)) for d, w, t, n in rows]
    path = tmp_path / "2027.csv"
    path.write_text(_csv(rows, header="日期,星期,类型,名称"), encoding="utf-8")
    result = CliRunner().invoke(main, ["deadline", "2027-09-28", "-d", "7", "--calendar", str(path)])
    assert result.exit_code == 2 and "2027-10-18 是星期一，这一行的星期却写的是星期五" in result.output, result.output
    assert f"{path}" in result.output
    # another column naming a weekday (the schedule a make-up day follows) is no line's own weekday (review 59b)
    rows = [(d, t, n, "星期五" if t == "班" else "") for d, t, n in _plain_rows()]
    path.write_text(_csv(rows, header="日期,类型,名称,按…作息"), encoding="utf-8")
    result = CliRunner().invoke(main, ["deadline", "2027-09-28", "-d", "7", "--calendar", str(path)])
    assert result.exit_code == 0, result.output
    # the weekday in the date's own cell (probe p75 F5): said as the same disagreement, not as an unread date
    rows = [("2027年2月20日（星期日）" if d == "2027-02-20" else d, t, n) for d, t, n in _plain_rows()]
    path.write_text(_csv(rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["deadline", "2027-09-28", "-d", "7", "--calendar", str(path)])
    assert result.exit_code == 2 and "2027-02-20 是星期六，这一行的星期却写的是星期日" in result.output, result.output
    assert "无法识别" not in result.output


def test_a_lone_line_of_a_year_no_notice_lists_is_no_calendar_of_that_year(tmp_path, reference):
    """Probe 75 F2: 2028-10-08,休 (a Sunday; 2027-10-08 typed wrong) made 2028 a known year, all working days:
    a decision of 2027-12-10 published 2028-01-10 was 逾期公开 instead of 无法判定."""
    rows = [("2028-10-08" if d == "2027-10-07" else d, t, n) for d, t, n in _plain_rows()]
    path = tmp_path / "2027.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    calendar = WorkCalendar([path])
    assert not calendar.covers(2028) and calendar.covers(2027)
    assert any(code == "calendar-year-ignored" for code, _ in calendar.doubts)
    said = CliRunner().invoke(main, ["calendar", "--calendar", str(path)]).output
    assert "2028 年只有 2028-10-08，没有一个工作日放假" in said, said


def test_records_counted_over_a_day_the_file_changed_in_a_notice_year_say_so_each(tmp_path):
    # probe p75 F4: a year typo (2026-10-08 休 for 2027's) moved a 2026 deadline from 10-30 to 11-02; 1号 went
    # from 逾期公开 to 按时 with no word on the record (one 注意 line on the terminal only).
    ledger = tmp_path / "区编办_行政处罚.csv"
    ledger.write_text("行政处罚决定书文号,行政相对人名称,处罚决定日期,上网公开日期\n"
                      "西编罚〔2026〕1号,甲,2026-09-28,2026-11-02\n西编罚〔2026〕2号,乙,2026-10-12,2026-10-20\n",
                      encoding="utf-8")
    typo = tmp_path / "2027.csv"
    typo.write_text(_csv(_plain_rows() + [("2026-10-08", "休", "国庆节")]), encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-12-06", "--calendar", str(typo),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history", "--json", str(out)])
    assert result.exit_code == 0, result.output
    records = {r["document_number"]: r for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert [(r["status"], r["deadline"]) for r in records.values()] == [("on_time", "2026-11-02"),
                                                                        ("on_time", "2026-11-09")]
    [note] = records["西编罚〔2026〕1号"]["issues"]
    assert note["code"] == "calendar-day-overridden" and "2026-10-08" in note["message"], note
    assert records["西编罚〔2026〕2号"]["issues"] == []  # counted after the changed day
    assert [i["code"] for i in records["西编罚〔2026〕1号"]["issues"]] == ["calendar-day-overridden"]


def test_a_table_of_every_day_of_the_year_is_read_without_a_warning(tmp_path, reference):
    """Probe p75 F6: a correct whole-year table (each day 工作日, 周末, 休 or 班) was warned about 243 weekdays
    'written as make-up days to no effect', on every command; 周末 as the type was refused."""
    special = {d: (t, n) for d, t, n in _plain_rows()}
    rows = []
    for day in _days("2027-01-01", "2027-12-31"):
        weekend = dt.date.fromisoformat(day).weekday() >= 5
        kind, name = special.get(day, ("周末" if weekend else "工作日", ""))
        rows.append((day, kind, name))
    path = tmp_path / "2027全年.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    calendar = WorkCalendar([path])
    assert calendar.describe()["warnings"] == [] and _year(calendar) == reference
    # a part-year list with a weekday written 班 is still told: the Saturday meant stays a rest day
    path.write_text(_csv(_plain_rows() + [("2027-03-05", "班", "")]), encoding="utf-8")
    warnings = [w["code"] for w in WorkCalendar([path]).describe()["warnings"]]
    assert warnings == ["calendar-workday-on-weekday"], warnings
