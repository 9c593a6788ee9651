"""`compliance deadline` and `compliance calendar` through the real CLI."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from compliance import WorkCalendar
from compliance.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("args, deadline", [
    (["2019-06-08"], "2019-07-05"),
    (["2017-09-29", "--days", "7"], "2017-10-16"),
    (["2016/9/28"], "2016-10-31"),
    (["2016年9月28日"], "2016-10-31"),
])
def test_deadline_json(args, deadline):
    result = run("deadline", *args, "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["deadline"] == deadline
    assert payload["working_days"] == (7 if "--days" in args else 20)
    assert payload["decision_date"] in ("2019-06-08", "2017-09-29", "2016-09-28")


def test_deadline_plain_text():
    result = run("deadline", "2019-06-08")
    assert result.exit_code == 0
    assert "2019-07-05" in result.stdout and "公开截止日期" in result.stdout


def test_explain_marks_make_up_days():
    result = run("deadline", "2016-09-28", "--explain")
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line[:4].isdigit()}
    assert "调休上班" in lines["2016-10-08"] and "调休上班" in lines["2016-10-09"]
    assert "国庆节" in lines["2016-10-03"]
    assert lines["2016-10-31"].split()[-1] == "20"


def test_a_decision_day_before_the_calendar_is_not_called_a_rest_day():
    """2003-12-31 (a Wednesday; the calendar starts in 2004) is not counted either way: not 否/休息日."""
    result = run("deadline", "2003-12-31", "--explain")
    assert result.exit_code == 0, result.output
    first = next(line for line in result.stdout.splitlines() if line.startswith("2003-12-31"))
    assert first.split()[2] == "—" and "日历不含 2003 年" in first and "休息日" not in first
    payload = json.loads(run("deadline", "2003-12-31", "--explain", "--json").stdout)
    assert payload["explain"][0]["is_workday"] is None and payload["deadline"] == "2004-02-03"


def test_uncovered_year_exits_2_without_traceback():
    if WorkCalendar().covers(2027):
        pytest.skip("the installed chinese-calendar already knows 2027")
    result = run("deadline", "2026-12-21")
    assert result.exit_code == 2
    assert "2027 年的节假日安排尚无数据" in result.stderr and "--calendar" in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_debug_shows_the_traceback():
    if WorkCalendar().covers(2027):
        pytest.skip("the installed chinese-calendar already knows 2027")
    proc = subprocess.run([sys.executable, "-m", "compliance", "deadline", "2026-12-21", "--debug"],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr and "CalendarNotCovered" in proc.stderr


def test_calendar_file_fills_2027(tmp_path):
    path = tmp_path / "2027.csv"
    path.write_text("2027-01-01,holiday,元旦\n", encoding="utf-8")
    result = run("deadline", "2026-12-21", "--calendar", str(path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["deadline"] == "2027-01-19"


def test_a_year_without_holiday_data_gives_json_that_says_so(tmp_path):
    """--json printed nothing on stdout (the message went to stderr only): a script read no answer (p75 F10)."""
    result = run("deadline", "2099-12-20", "--json")
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload["deadline"] is None and payload["decision_date"] == "2099-12-20"
    assert payload["error"]["code"] == "calendar-year-missing" and payload["error"]["year"] == 2099
    assert "2099 年的节假日安排尚无数据" in payload["error"]["message"]


def test_bad_calendar_file_exits_2_naming_file_and_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("2027-01-01,holiday,元旦\n2027-02-31,休,坏日期\n", encoding="utf-8")
    result = run("deadline", "2026-12-21", "--calendar", str(path))
    assert result.exit_code == 2
    assert str(path) in result.stderr and "第 2 行" in result.stderr


@pytest.mark.parametrize("args", [["deadline", "2016-02-30"], ["deadline"], ["deadline", "x", "--nope"],
                                  ["deadline", "2019-06-08", "--days", "0"],
                                  ["deadline", "43000"],  # a cell's serial number, not a date anyone types
                                  ["check", ".", "--as-of", "42735"]])
def test_usage_errors_are_chinese_and_exit_2(args):
    result = run(*args)
    assert result.exit_code == 2
    assert "用法错误" in result.stderr
    assert "Traceback" not in result.output


def test_calendar_command(tmp_path):
    path = tmp_path / "2031.csv"
    path.write_text("2031-01-01,休,元旦\n", encoding="utf-8")
    result = run("calendar", "--calendar", str(path), "--json")
    assert result.exit_code == 0
    info = json.loads(result.stdout)
    assert 2016 in info["covered_years"] and 2031 in info["covered_years"]
    assert info["files"] == [{"path": str(path), "years": [2031]}]
    text = run("calendar", "--calendar", str(path)).stdout
    lines = text.splitlines()
    # the year as covered and as the file's (the path alone already holds "2031")
    assert lines[0].startswith("法定节假日数据：chinese-calendar ")
    assert lines[1].startswith("可计算的年份：2004–") and lines[1].endswith("、2031")
    assert lines[2] == f"日历文件：{path}（2031 年）"


def test_every_command_has_chinese_help():
    for args in (["-h"], ["deadline", "-h"], ["calendar", "--help"]):
        result = run(*args)
        assert result.exit_code == 0
        assert "用法：" in result.stdout and "显示本帮助并退出" in result.stdout


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "compliance" in result.stdout


def test_explain_aligns_by_display_width():
    """调休上班（国庆节） is wider than 工作日 in characters and twice as wide on screen: columns still line up."""
    from compliance.report.layout import display_width

    lines = run("deadline", "2017-09-29", "--explain").output.splitlines()[:-1]
    assert any("调休上班" in line for line in lines)
    assert len({display_width(line) for line in lines[1:]}) == 1  # the count column ends at one place
    starts = {display_width(line[:line.index(mark)]) for line in lines[1:] for mark in ("是", "否") if
              f"  {mark}  " in line}
    assert len(starts) == 1
