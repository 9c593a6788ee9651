"""`compliance check` through the real CLI, on real files written in tmp_path.

Every run passes --as-of so that results do not depend on today's date, and
runs in tmp_path (no stray compliance.toml, default reports land there).
"""

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import PENALTY_HEADER, write_xlsx

AS_OF = "2016-12-31"
ROOT = Path(__file__).parent.parent
SAMPLE_DATA = ROOT / "sample_data"
PERMIT_HEADER = ["序号", "行政许可决定书文号", "行政相对人名称", "许可决定日期", "上网公开日期", "许可机关"]

# A decision on Tue 2016-11-01 (no holiday nearby) published 10 working days later.
DECIDED = dt.date(2016, 11, 1)
TEN_DAYS_LATER = dt.date(2016, 11, 15)
DEADLINE_7 = "2016-11-10"
DEADLINE_20 = "2016-11-29"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    """Run in tmp_path: relative inputs, compliance.toml and reports/ are all there."""
    monkeypatch.chdir(tmp_path)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="compliance")


def check(*args, as_of=AS_OF, out="report.xlsx"):
    extra = (["--as-of", as_of] if as_of else []) + (["--out", out] if out else [])
    return run("check", *args, *extra)


def check_json(*args, **kwargs):
    result = check(*args, "--json", "-", **kwargs)
    assert result.exit_code in (0, 1), result.stderr
    return result, json.loads(result.stdout)


def rows(decisions, unit="区安监局", start=1):
    """Penalty rows from (decision, published) pairs; document numbers 罚1, 罚2, …"""
    return [[i, f"罚{i}", f"公司{i}", decision, published, unit]
            for i, (decision, published) in enumerate(decisions, start=start)]


def penalty_file(path, decisions, **kwargs):
    return write_xlsx(Path(path), {"处罚": [PENALTY_HEADER] + rows(decisions, **kwargs)})


def by_document(payload):
    return {r["document_number"]: r for r in payload["records"]}


def no_traceback(result):
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


ON_TIME = (dt.date(2016, 9, 1), dt.date(2016, 9, 10))
LATE = (dt.date(2016, 9, 1), dt.date(2016, 11, 10))
OVERDUE = (dt.date(2016, 9, 1), None)
PENDING = (dt.date(2016, 12, 28), None)
INVALID = ("2016-02-30", dt.date(2016, 3, 9))


# -- exit codes ----------------------------------------------------------------

def test_on_time_and_pending_exit_0(tmp_path):
    penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME, PENDING])
    result, payload = check_json("安监_处罚.xlsx")
    assert result.exit_code == 0
    assert [r["status"] for r in payload["records"]] == ["on_time", "pending"]
    assert (tmp_path / "report.xlsx").is_file()


@pytest.mark.parametrize("record, status", [(LATE, "late"), (OVERDUE, "overdue"), (INVALID, "invalid")])
def test_a_problem_record_exits_1(tmp_path, record, status):
    penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME, record])
    result, payload = check_json("安监_处罚.xlsx")
    assert result.exit_code == 1
    assert [r["status"] for r in payload["records"]] == ["on_time", status]
    assert payload["summary"][status] == 1
    no_traceback(result)


def test_one_unreadable_file_exits_1_and_keeps_the_good_one(tmp_path):
    penalty_file(tmp_path / "good_处罚.xlsx", [ON_TIME, ON_TIME, PENDING])
    (tmp_path / "broken.xlsx").write_text("这不是工作簿", encoding="utf-8")
    result, payload = check_json("good_处罚.xlsx", "broken.xlsx")
    assert result.exit_code == 1
    assert "broken.xlsx" in result.stderr and "文件无法读取" in result.stderr
    assert [(r["file"], r["row"]) for r in payload["records"]] == [("good_处罚.xlsx", n) for n in (2, 3, 4)]
    errors = {Path(i["file"]).name: i["error"] for i in payload["inputs"]}
    assert errors["good_处罚.xlsx"] is None
    assert errors["broken.xlsx"]["code"] and "broken.xlsx" in errors["broken.xlsx"]["message"]
    no_traceback(result)


def only_a_broken_file(folder):
    (folder / "broken.xlsx").write_text("hello", encoding="utf-8")
    return "broken.xlsx"


def an_empty_folder(folder):
    (folder / "空文件夹").mkdir()
    return "空文件夹"


@pytest.mark.parametrize("make_input, message", [
    (only_a_broken_file, "没有读到任何可检查的文件"),
    (an_empty_folder, "空文件夹 中没有找到表格文件（.xlsx、.xlsm、.xls、.et、.ods、.csv、.parquet）"),  # named (p77 M5)
])
def test_nothing_readable_exits_2(tmp_path, make_input, message):
    given = make_input(tmp_path)
    result = check(given, out=None)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "reports").exists()
    no_traceback(result)
    # with --json - a script still reads the answer the web page gets: nothing read, exit 2 (probe p97 L5)
    result = check(given, "--json", "-", out=None)
    assert result.exit_code == 2 and json.loads(result.stdout)["verdict"]["exit_code"] == 2, result.stdout
    assert message in result.stderr and not (tmp_path / "reports").exists()


USAGE_ERRORS = {
    "days-0": ["--days", "0"],
    "days-and-rule": ["--days", "5", "--rule", "national"],
    "month-13": ["--month", "2016-13"],
    "unknown-rule": ["--rule", "provincial"],
}
ENGLISH_PHRASE = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")  # e.g. "is not in the range"


@pytest.mark.parametrize("name", list(USAGE_ERRORS))
def test_wrong_arguments_exit_2_in_chinese(tmp_path, name):
    penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME])
    result = check("安监_处罚.xlsx", *USAGE_ERRORS[name])
    assert result.exit_code == 2
    assert result.stderr.startswith("用法错误：")
    assert "compliance check -h" in result.stderr
    assert not (tmp_path / "report.xlsx").exists()
    no_traceback(result)
    assert not ENGLISH_PHRASE.search(result.stderr), result.stderr


@pytest.mark.parametrize("name, option", [
    ("days-0", "--days"), ("days-and-rule", "--days"), ("month-13", "--month"), ("unknown-rule", "--rule"),
])
def test_wrong_argument_message_names_the_option_as_typed(tmp_path, name, option):
    penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME])
    result = check("安监_处罚.xlsx", *USAGE_ERRORS[name])
    assert result.exit_code == 2
    assert option in result.stderr, result.stderr


def test_unknown_rule_lists_the_rules(tmp_path):
    penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME])
    result = check("安监_处罚.xlsx", "--rule", "provincial")
    assert "district" in result.stderr and "national" in result.stderr


# -- JSON ----------------------------------------------------------------------

TOP_KEYS = {"as_of", "run_date", "rule", "calendar", "inputs", "summary", "records"}
CALENDAR_KEYS = {"source", "version", "covered_years", "files"}
INPUT_KEYS = {"file", "sha256", "sheets", "error"}
SHEET_KEYS = {"name", "records", "skipped_rows"}
SUMMARY_KEYS = {"records", "on_time", "late", "overdue", "pending", "invalid", "undetermined", "skipped_rows"}
RECORD_KEYS = {"file", "sheet", "row", "category", "unit", "document_number", "party", "decision_date",
               "published_date", "deadline", "status", "working_days_late", "working_days_late_at_least", "issues"}
DATE_KEYS = ("decision_date", "published_date", "deadline")
STATUSES = ("on_time", "late", "overdue", "pending", "invalid", "undetermined")


@pytest.fixture
def mixed_file(tmp_path):
    """One record of each judged status, plus a blank row and a footer (skipped rows)."""
    body = rows([ON_TIME, LATE, OVERDUE]) + [[]] + rows([PENDING, INVALID], start=4) + [["制表人：张三"]]
    return write_xlsx(tmp_path / "安监_处罚.xlsx", {"处罚": [PENALTY_HEADER] + body})


def assert_schema(payload, input_file):
    assert TOP_KEYS <= set(payload)
    assert payload["as_of"] == AS_OF
    dt.date.fromisoformat(payload["run_date"])
    assert CALENDAR_KEYS <= set(payload["calendar"])
    assert 2016 in payload["calendar"]["covered_years"]
    [entry] = payload["inputs"]
    assert INPUT_KEYS <= set(entry)
    assert entry["error"] is None
    assert entry["sha256"] == hashlib.sha256(input_file.read_bytes()).hexdigest()
    [sheet] = entry["sheets"]
    assert SHEET_KEYS <= set(sheet)
    assert (sheet["name"], sheet["records"], sheet["skipped_rows"]) == ("处罚", 5, 2)
    summary = payload["summary"]
    assert SUMMARY_KEYS <= set(summary)
    assert summary["records"] == sum(summary[s] for s in STATUSES) == len(payload["records"]) == 5
    assert summary["skipped_rows"] == 2
    assert Counter(r["status"] for r in payload["records"]) == {s: summary[s] for s in STATUSES if summary[s]}
    for record in payload["records"]:
        assert RECORD_KEYS <= set(record)
        assert record["status"] in STATUSES
        for key in DATE_KEYS:
            value = record[key]
            assert value is None or dt.date.fromisoformat(value).isoformat() == value
        for issue in record["issues"]:
            assert set(issue) >= {"code", "message"}


def test_json_to_stdout_has_the_schema(mixed_file):
    result, payload = check_json(mixed_file.name)
    assert_schema(payload, mixed_file)
    records = by_document(payload)
    assert [r["status"] for r in records.values()] == ["on_time", "late", "overdue", "pending", "invalid"]
    assert {k: records["罚1"][k] for k in RECORD_KEYS} == {
        "file": "安监_处罚.xlsx", "sheet": "处罚", "row": 2, "category": "penalty", "unit": "区安监局",
        "document_number": "罚1", "party": "公司1", "decision_date": "2016-09-01",
        "published_date": "2016-09-10", "deadline": "2016-09-30", "status": "on_time",
        "working_days_late": None, "working_days_late_at_least": False, "issues": []}
    assert records["罚5"]["decision_date"] is None and records["罚5"]["deadline"] is None
    assert [i["code"] for i in records["罚5"]["issues"]] == ["date-impossible"]
    assert records["罚2"]["working_days_late"] > 0 and records["罚2"]["working_days_late_at_least"] is False


def test_json_to_file(tmp_path, mixed_file):
    result = check(mixed_file.name, "--json", "结果.json")
    assert result.exit_code == 1
    assert "{" not in result.stdout and "报告已保存" in result.stdout  # the summary on screen, the JSON in the file
    payload = json.loads((tmp_path / "结果.json").read_text(encoding="utf-8"))
    assert_schema(payload, mixed_file)
    _, on_screen = check_json(mixed_file.name)
    assert payload["records"] == on_screen["records"] and payload["summary"] == on_screen["summary"]


# -- rules -------------------------------------------------------------------

@pytest.fixture
def ten_days_file(tmp_path, calendar):
    assert calendar.add_working_days(DECIDED, 10) == TEN_DAYS_LATER
    return penalty_file(tmp_path / "安监_处罚.xlsx", [(DECIDED, TEN_DAYS_LATER)])


@pytest.mark.parametrize("options, status, deadline", [
    ([], "on_time", DEADLINE_20),
    (["--rule", "district"], "on_time", DEADLINE_20),
    (["--rule", "national"], "late", DEADLINE_7),
    (["--days", "7"], "late", DEADLINE_7),
    (["--days", "10"], "on_time", "2016-11-15"),
    (["--days", "9"], "late", "2016-11-14"),
])
def test_rule_options(ten_days_file, options, status, deadline):
    _, payload = check_json(ten_days_file.name, *options)
    [record] = payload["records"]
    assert (record["status"], record["deadline"]) == (status, deadline)


def test_days_7_judges_like_the_national_rule(ten_days_file, tmp_path):
    # numbers from 罚2 on: 罚1 is ten_days_file's, and the same number in two files is one decision (issue 11)
    penalty_file(tmp_path / "more_处罚.xlsx", [ON_TIME, LATE, OVERDUE, PENDING, INVALID], start=2)
    keys = ("status", "deadline", "working_days_late")
    files = (ten_days_file.name, "more_处罚.xlsx")
    judged = [[{k: r[k] for k in keys} for r in check_json(*files, *options)[1]["records"]]
              for options in (["--days", "7"], ["--rule", "national"])]
    assert judged[0] == judged[1]
    assert Counter(r["status"] for r in judged[0])["late"] == 2


def test_month_keeps_that_month_and_unusable_decision_dates(tmp_path):
    decisions = [(dt.date(2016, 9, 30), None), (dt.date(2016, 10, 8), None), (dt.date(2016, 10, 31), None),
                 (dt.date(2016, 11, 1), None), INVALID, (None, dt.date(2016, 10, 20))]
    penalty_file(tmp_path / "安监_处罚.xlsx", decisions)
    _, payload = check_json("安监_处罚.xlsx", "--month", "2016-10")
    # 罚5's 2016-02-30 names February: February's run holds it (docs/rules.md), not every month's; 罚6 has no
    # decision date at all, so it stays in every month's run
    assert list(by_document(payload)) == ["罚2", "罚3", "罚6"]
    assert payload["summary"]["records"] == 3
    assert [r["status"] for r in payload["records"]] == ["overdue", "overdue", "invalid"]
    _, payload = check_json("安监_处罚.xlsx", "--month", "2016-02")
    assert list(by_document(payload)) == ["罚5", "罚6"]


def two_categories(path):
    permit = [[1, "许1", "甲", DECIDED, TEN_DAYS_LATER, "区编办"]]
    penalty = [[1, "罚1", "乙", DECIDED, TEN_DAYS_LATER, "区编办"]]
    return write_xlsx(path, {"行政许可": [PERMIT_HEADER] + permit, "行政处罚": [PENALTY_HEADER] + penalty})


def test_config_rule_per_category(tmp_path):
    (tmp_path / "compliance.toml").write_text("[rules]\npermit = 7\npenalty = 20\n", encoding="utf-8")
    two_categories(tmp_path / "编办.xlsx")
    _, payload = check_json("编办.xlsx")
    judged = {r["category"]: (r["status"], r["deadline"]) for r in payload["records"]}
    assert judged == {"permit": ("late", DEADLINE_7), "penalty": ("on_time", DEADLINE_20)}


def test_without_config_both_categories_get_20_days(tmp_path):
    two_categories(tmp_path / "编办.xlsx")
    _, payload = check_json("编办.xlsx")
    assert {r["status"] for r in payload["records"]} == {"on_time"}


def test_config_rule_change_judges_each_decision_by_its_own_rule(tmp_path):
    (tmp_path / "compliance.toml").write_text(
        '[[rules.change]]\nfrom = "2016-07-01"\npermit = 7\npenalty = 7\n', encoding="utf-8")
    # Both published 10 working days after the decision: on time under 20 days, late under 7.
    before, after = (dt.date(2016, 3, 1), dt.date(2016, 3, 15)), (DECIDED, TEN_DAYS_LATER)
    penalty_file(tmp_path / "安监_处罚.xlsx", [before, after])
    _, payload = check_json("安监_处罚.xlsx")
    judged = [(r["decision_date"], r["status"], r["deadline"]) for r in payload["records"]]
    assert judged == [("2016-03-01", "on_time", "2016-03-29"), ("2016-11-01", "late", DEADLINE_7)]
    assert [r["effective_from"] for r in payload["rules"]] == [None, "2016-07-01"]
    assert "2016-07-01" in payload["rule"]


# -- where the report goes ------------------------------------------------------

@pytest.mark.parametrize("given", ["file", "folder"])
def test_refuses_to_write_the_report_over_an_input(tmp_path, given):
    folder = tmp_path / "报送"
    folder.mkdir()
    source = penalty_file(folder / "安监_处罚.xlsx", [ON_TIME, LATE])
    before = source.read_bytes()
    result = check(source if given == "file" else folder, out=source)
    assert result.exit_code == 2
    assert "拒绝覆盖" in result.stderr
    assert source.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["安监_处罚.xlsx"]  # no temporary file left behind
    no_traceback(result)


def test_refuses_to_write_the_json_over_an_input(tmp_path):
    source = penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME, LATE])
    before = source.read_bytes()
    result = check(source.name, "--json", source.name)
    assert source.read_bytes() == before
    assert result.exit_code == 2


def test_default_report_path(tmp_path):
    penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME, PENDING])
    result = check("安监_处罚.xlsx", out=None)
    assert result.exit_code == 0
    report = Path("reports") / f"公开时限检查_{AS_OF}.xlsx"
    assert (tmp_path / report).is_file()
    assert str(report) in result.stdout
    # Checking the whole folder again does not read the report back as input.
    _, payload = check_json(".", out=None)
    assert [Path(i["file"]).name for i in payload["inputs"]] == ["安监_处罚.xlsx"]


def test_as_of_decides_overdue_or_pending(tmp_path):
    penalty_file(tmp_path / "安监_处罚.xlsx", [(DECIDED, None)])
    for as_of, status in ((DEADLINE_20, "pending"), ("2016-11-30", "overdue")):
        _, payload = check_json("安监_处罚.xlsx", as_of=as_of)
        assert payload["as_of"] == as_of
        assert payload["records"][0]["status"] == status


# -- the committed sample set ------------------------------------------------------

# tools/samples/README.md: the 合计 row (20 working days), and the 7-working-day counts below the table.
SAMPLE_COUNTS = {
    20: {"on_time": 320, "late": 25, "overdue": 17, "pending": 11, "invalid": 5},
    7: {"on_time": 263, "late": 82, "overdue": 20, "pending": 8, "invalid": 5},
}


@pytest.fixture(scope="module")
def expected():
    data = json.loads((ROOT / "tools" / "samples" / "expected.json").read_text(encoding="utf-8"))
    assert data["as_of"] == AS_OF and data["rule_days"] == [20, 7]
    return {(r["file"], r["sheet"], r["row"]): r for r in data["records"]}


@pytest.fixture(scope="module")
def sample_runs(tmp_path_factory):
    """The sample set checked once per rule: {working days: (result, payload)}."""
    out = tmp_path_factory.mktemp("sample")
    runs = {}
    for days, options in ((20, []), (7, ["--rule", "national"])):
        result = CliRunner().invoke(main, ["check", str(SAMPLE_DATA), "--as-of", AS_OF, *options,
                                           "--out", str(out / f"{days}.xlsx"), "--json", "-"])
        runs[days] = (result, json.loads(result.stdout))
    return runs


def located(payload):
    return {(Path(r["file"]).name, r["sheet"], r["row"]): r for r in payload["records"]}


@pytest.mark.parametrize("days", [20, 7])
def test_sample_data_counts(sample_runs, expected, days):
    result, payload = sample_runs[days]
    assert result.exit_code == 1
    assert Counter(r[f"status_{days}"] for r in expected.values()) == SAMPLE_COUNTS[days]
    summary = payload["summary"]
    assert summary["records"] == len(expected) == 378
    assert {s: summary[s] for s in SAMPLE_COUNTS[days]} == SAMPLE_COUNTS[days]
    assert summary["undetermined"] == 0
    read = [i for i in payload["inputs"] if not i["not_read"]]
    assert len(read) == 9 and all(i["error"] is None for i in payload["inputs"])
    # sample_data/ holds only ledgers (the generator and its notes live in tools/samples/): nothing is left unread
    assert [i["file"] for i in payload["inputs"] if i["not_read"]] == []


@pytest.mark.parametrize("days", [20, 7])
def test_sample_data_every_record(sample_runs, expected, days):
    got = located(sample_runs[days][1])
    assert set(got) == set(expected)
    wrong = {k: (got[k]["status"], e[f"status_{days}"]) for k, e in expected.items()
             if got[k]["status"] != e[f"status_{days}"]}
    assert wrong == {}
    # where expected.json pins a unit (the 序号 + 填报单位-line sheet), every record has it
    wrong = {k: (got[k]["unit"], e["unit"]) for k, e in expected.items() if "unit" in e and got[k]["unit"] != e["unit"]}
    assert wrong == {} and any("unit" in e for e in expected.values())
    if days == 20:
        wrong = {k: (got[k]["deadline"], e["deadline_20"]) for k, e in expected.items()
                 if e["status_20"] != "invalid" and got[k]["deadline"] != e["deadline_20"]}
        assert wrong == {}


def test_as_of_after_today_is_refused(tmp_path):
    penalty_file(tmp_path / "安监_处罚.xlsx", [ON_TIME])
    result = CliRunner().invoke(main, ["check", str(tmp_path / "安监_处罚.xlsx"), "--as-of", "2099-01-01"])
    assert result.exit_code == 2 and "晚于今天" in result.stderr
