"""Issue 11: the monthly run and the unit self-check, as a clerk and 法制办 meet them.

Real files in tmp_path, the real CLI (CliRunner) and the real report (openpyxl reads it back).
"""

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.report.layout import display_width
from helpers import PENALTY_HEADER, write_xlsx

ROOT = Path(__file__).parent.parent
AS_OF = "2016-12-31"
D = dt.date


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="compliance")


def ledger(path, rows, unit="区安监局", start=1):
    """A penalty ledger; rows are (decision, published) pairs; numbers 西安监罚〔2016〕N号."""
    body = [[i, f"西安监罚〔2016〕{i}号", f"公司{i}", d, p, unit] for i, (d, p) in enumerate(rows, start=start)]
    return write_xlsx(Path(path), {"处罚": [PENALTY_HEADER] + body})


ON_TIME = (D(2016, 9, 1), D(2016, 9, 10))
LATE = (D(2016, 9, 1), D(2016, 11, 10))
OVERDUE = (D(2016, 9, 1), None)


def summary_rows(book):
    sheet = book["汇总"]
    rows = list(sheet.iter_rows(values_only=True))
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "排名")
    header = rows[header_at]
    out = []
    for r in rows[header_at + 1:]:
        if r[1] is None:
            break
        out.append(dict(zip(header, r)))
    return out


# -- 1. never lose a file ------------------------------------------------------------------

def test_a_file_the_tool_did_not_write_is_never_replaced(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME])
    mine = tmp_path / "reports" / "公开时限检查_2016-12-31.xlsx"
    mine.parent.mkdir()
    mine.write_bytes(b"the office's own notes")
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF)  # the tool's own default name: moved aside
    aside = mine.with_name("公开时限检查_2016-12-31(2).xlsx")
    assert result.exit_code == 0 and f"注意：{mine.relative_to(tmp_path)} 不是本工具生成的报告，没有覆盖；新报告另存为" \
        in result.stderr, result.stderr
    assert mine.read_bytes() == b"the office's own notes" and aside.exists()
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--out", str(mine))  # a name the user gave: refused
    assert result.exit_code == 2 and "拒绝覆盖" in result.stderr and "--out" in result.stderr
    assert mine.read_bytes() == b"the office's own notes"


def test_default_names_carry_the_scope_so_runs_do_not_collide(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME])
    for extra in ([], ["--month", "2016-09"], ["--rule", "national"], ["--days", "40"]):
        assert run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, *extra).exit_code == 0
    names = sorted(p.name for p in (tmp_path / "reports").iterdir() if p.suffix == ".xlsx")  # the monthly run's store too
    assert len(names) == 4, names
    assert "公开时限检查_2016-12-31.xlsx" in names
    assert any("2016-09月" in n for n in names) and any("7个工作日" in n for n in names)
    assert any("40个工作日" in n for n in names)


def test_a_report_of_ours_is_replaced_and_says_so_in_its_sheets(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME])
    assert run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF).exit_code == 0
    assert run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF).exit_code == 0  # ours: replaced


@pytest.mark.parametrize("out, written", [("r.csv", "r.csv.xlsx"), ("报告", "报告.xlsx"),
                                          ("输出/", "输出/公开时限检查_2016-12-31.xlsx")])
def test_out_gets_xlsx_and_a_folder_gets_the_default_name(tmp_path, out, written):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME])
    (tmp_path / "输出").mkdir()
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--out", out)
    assert result.exit_code == 0, result.output
    assert (tmp_path / written).is_file()
    assert openpyxl.load_workbook(tmp_path / written).sheetnames[0] == "汇总"


def test_template_refuses_to_overwrite_without_force_and_adds_xlsx(tmp_path):
    filled = ledger(tmp_path / "区人社局_2016年10月.xlsx", [ON_TIME])
    before = filled.read_bytes()
    result = run("template", "区人社局_2016年10月.xlsx")
    assert result.exit_code == 2 and "--force" in result.stderr and filled.read_bytes() == before
    assert run("template", "报送模板").exit_code == 0 and (tmp_path / "报送模板.xlsx").is_file()
    assert run("template", "区人社局_2016年10月.xlsx", "--force").exit_code == 0
    assert filled.read_bytes() != before


# -- 2. count each decision once ------------------------------------------------------------

def test_an_identical_resubmitted_file_is_read_once(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    first = ledger(folder / "区编办_2016年行政处罚.xlsx", [ON_TIME] * 20)
    shutil.copy(first, folder / "区编办_2016年行政处罚（重报）.xlsx")
    result = run("check", folder, "--as-of", AS_OF, "--json", "结果.json")
    payload = json.loads((tmp_path / "结果.json").read_text(encoding="utf-8"))
    assert payload["summary"]["records"] == 20
    assert "内容完全相同" in result.stderr and "只读取一次" in result.stderr
    about = [r[1] for r in openpyxl.load_workbook(next((tmp_path / "reports").glob("*.xlsx")))["说明"]
             .iter_rows(values_only=True) if r[1]]
    assert sum(line.startswith("SHA-256：") for line in about) == 1  # the copy's hash is not listed again
    assert any("只读取一次" in line for line in about)


def test_the_same_decision_in_two_files_counts_once_and_a_conflict_is_invalid(tmp_path):
    ledger(tmp_path / "区安监局_处罚_9月.xlsx", [ON_TIME, ON_TIME])
    # 1号 again with the same dates (a copy), 2号 again published later (a conflict), 3号 new
    ledger(tmp_path / "区安监局_处罚_补报.xlsx", [ON_TIME, LATE, OVERDUE])
    result = run("check", "区安监局_处罚_9月.xlsx", "区安监局_处罚_补报.xlsx", "--as-of", AS_OF, "--json", "-")
    payload = json.loads(result.stdout)
    records = {r["document_number"]: r for r in payload["records"]}
    assert payload["summary"]["records"] == 3 and payload["summary"]["repeats"] == 2
    assert records["西安监罚〔2016〕1号"]["status"] == "on_time"
    conflict = records["西安监罚〔2016〕2号"]
    assert conflict["status"] == "invalid"
    [issue] = [i for i in conflict["issues"] if i["code"] == "duplicate-conflict"]
    assert "区安监局_处罚_补报.xlsx" in issue["message"] and "2016-11-10" in issue["message"]
    assert records["西安监罚〔2016〕3号"]["status"] == "overdue"
    book = openpyxl.load_workbook(next((tmp_path / "reports").glob("*.xlsx")))
    problems = [r for r in book["数据问题"].iter_rows(values_only=True)]
    assert sum(1 for r in problems if r[0] == "重复报送") == 2


def test_a_number_shared_by_two_decisions_in_two_files_is_two_decisions_each_judged(tmp_path):
    """西安监罚〔2016〕第8号 甲公司 in October's file, [2016]8号 乙公司 decided later and never published in
    November's: party and decision date both differ, so two decisions. Merged as copies, 乙公司's overdue
    decision was lost and 甲公司's on-time one became 数据有误. A resent copy of 乙公司's row still counts once;
    a copy that differs in one of the two (party or decision date) is still one decision's conflict."""
    row = lambda number, party, decided, published: [1, number, party, decided, published, "区安监局"]  # noqa: E731
    write_xlsx(tmp_path / "区安监局_10月.xlsx", {"处罚": [PENALTY_HEADER, row("西安监罚〔2016〕第8号", "甲公司", D(2016, 10, 10),
                                                                        D(2016, 10, 20)),
                                                       row("西安监罚〔2016〕9号", "丙公司", D(2016, 10, 11), D(2016, 10, 20))]})
    write_xlsx(tmp_path / "区安监局_11月.xlsx", {"处罚": [PENALTY_HEADER, row("西安监罚[2016]8号", "乙公司", D(2016, 11, 1), None),
                                                       row("西安监罚〔2016〕9号", "丙公司", D(2016, 10, 12), D(2016, 10, 20))]})
    write_xlsx(tmp_path / "区安监局_11月补报.xlsx", {"处罚": [PENALTY_HEADER, row("西安监罚〔2016〕8号", "乙公司", D(2016, 11, 1), None)]})
    payload = json.loads(run("check", "区安监局_10月.xlsx", "区安监局_11月.xlsx", "区安监局_11月补报.xlsx",
                             "--as-of", AS_OF, "--json", "-").stdout)
    got = sorted((Path(r["file"]).name, r["party"], r["status"]) for r in payload["records"])
    # 丙公司's copies say 10-11 and 10-12, both published 10-20: on time by either, said with both copies
    assert got == [("区安监局_10月.xlsx", "丙公司", "on_time"), ("区安监局_10月.xlsx", "甲公司", "on_time"),
                   ("区安监局_11月.xlsx", "乙公司", "overdue")]
    assert payload["summary"]["repeats"] == 2  # 乙公司's resent row, and 丙公司's disagreeing copy
    differing = next(r for r in payload["records"] if r["party"] == "丙公司")
    assert [i["code"] for i in differing["issues"]] == ["duplicate-dates-differ"]
    overdue = next(r for r in payload["records"] if r["party"] == "乙公司")
    assert "duplicate-document-number" in {i["code"] for i in overdue["issues"]}


def test_a_summary_sheet_repeating_the_monthly_sheets_counts_each_decision_once(tmp_path):
    """9月 and 10月 sheets, then 全年汇总 listing both again: the late one was counted late twice."""
    body = lambda start, rows: [[i, f"西安监罚〔2016〕{i}号", f"公司{i}", d, p, "区安监局"]  # noqa: E731
                                for i, (d, p) in enumerate(rows, start=start)]
    sheets = {"9月": [PENALTY_HEADER] + body(1, [ON_TIME]), "10月": [PENALTY_HEADER] + body(2, [LATE, ON_TIME]),
              # 2号 again as it is, 3号 with another party: the same number shared, not a copy; both counted
              "全年汇总": [PENALTY_HEADER] + body(1, [ON_TIME, LATE]) + [[3, "西安监罚〔2016〕3号", "别的公司", *ON_TIME,
                                                                    "区安监局"]]}
    write_xlsx(tmp_path / "区安监局_处罚.xlsx", sheets)
    payload = json.loads(run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--json", "-").stdout)
    assert payload["summary"]["repeats"] == 2 and payload["summary"]["records"] == 4
    assert payload["summary"]["late"] == 1
    kept = sorted((r["sheet"], r["document_number"]) for r in payload["records"])
    assert kept == [("10月", "西安监罚〔2016〕2号"), ("10月", "西安监罚〔2016〕3号"), ("9月", "西安监罚〔2016〕1号"),
                    ("全年汇总", "西安监罚〔2016〕3号")]


def test_a_row_repeated_in_one_sheet_counts_once_and_a_shared_number_twice(tmp_path):
    """The same row twice in one sheet (number, party, both dates): counted on time twice, inflating the
    unit's rate. The same number, party and decision date with another publication date (a cumulative
    ledger filled in later): one decision whose copies disagree, never 逾期未公开 and 按时公开 at once
    (late by both copies here: late, with both copies said).
    The same number with another party: two decisions, each counted, flagged."""
    body = lambda start, rows: [[i, f"西安监罚〔2016〕{i}号", f"公司{i}", d, p, "区安监局"]  # noqa: E731
                                for i, (d, p) in enumerate(rows, start=start)]
    rows = body(1, [ON_TIME]) + body(1, [ON_TIME]) + body(2, [LATE]) \
        + [[3, "西安监罚〔2016〕2号", "公司2", ON_TIME[0], None, "区安监局"],
           [4, "西安监罚（2016）3号", "别的公司", *ON_TIME, "区安监局"], [5, "西安监罚〔2016〕3号", "公司3", *LATE, "区安监局"]]
    write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + rows})
    payload = json.loads(run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--json", "-").stdout)
    assert payload["summary"]["repeats"] == 2 and payload["summary"]["records"] == 4
    got = sorted((r["row"], r["document_number"], r["status"]) for r in payload["records"])
    # 2号: published late by the first copy, never by the second: late either way, said with both copies
    assert got == [(2, "西安监罚〔2016〕1号", "on_time"), (4, "西安监罚〔2016〕2号", "late"),
                   (6, "西安监罚（2016）3号", "on_time"), (7, "西安监罚〔2016〕3号", "late")]
    [conflict] = [r for r in payload["records"] if r["row"] == 4]
    assert "duplicate-dates-differ" in {i["code"] for i in conflict["issues"]}


# -- 3. every unit accounted for --------------------------------------------------------------

def test_declared_units_unsent_units_and_unreadable_files_all_appear(tmp_path):
    (tmp_path / "compliance.toml").write_text(
        '[units]\n"区安监局" = ["西塞山区安全生产监督管理局"]\n"区环保局" = []\n"区编办" = []\n', encoding="utf-8")
    ledger(tmp_path / "安监.xlsx", [ON_TIME, LATE], unit="西塞山区安全生产监督管理局")
    ledger(tmp_path / "区编办_处罚.xlsx", [(D(2016, 9, 1), D(2016, 9, 2))], unit="区编办")
    (tmp_path / "区国土分局_2016年10月.xlsx").write_bytes(b"PK\x03\x04 broken")
    result = run("check", "安监.xlsx", "区编办_处罚.xlsx", "区国土分局_2016年10月.xlsx", "--as-of", AS_OF,
                 "--month", "2016-09")
    assert result.exit_code == 1
    rows = {r["单位"]: r for r in summary_rows(openpyxl.load_workbook(next((tmp_path / "reports").glob("*.xlsx"))))}
    # ranked best first; then the units with no rank, declared ones in the declared order
    assert list(rows)[:4] == ["区编办", "区安监局", "区环保局", "区国土分局"]
    assert [rows[u]["排名"] for u in ("区编办", "区安监局", "区环保局", "区国土分局")] == [1, 2, None, None]
    assert rows["区环保局"]["类别"] == "未报送" and rows["区环保局"]["决定总数"] == 0
    assert rows["区编办"]["决定总数"] == 1
    assert rows["区国土分局"]["类别"] == "文件无法读取"
    assert rows["合计"]["决定总数"] == 3
    assert "nan" not in result.stdout.lower()  # a line with no judged record shows —, never nan%
    # the unreadable file is repeated at the end of the results, where a clerk looks
    assert result.stdout.rstrip().splitlines()[-5:].__str__().count("区国土分局") >= 1


def test_a_unit_with_no_decisions_in_the_month_differs_from_a_unit_that_sent_nothing(tmp_path):
    (tmp_path / "compliance.toml").write_text('[units]\n"区安监局" = []\n"区环保局" = []\n', encoding="utf-8")
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME])  # decided in September
    assert run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--month", "2016-10").exit_code == 0
    rows = {r["单位"]: r for r in summary_rows(openpyxl.load_workbook(next((tmp_path / "reports").glob("*.xlsx"))))}
    assert rows["区环保局"]["类别"] == "未报送"
    assert rows["区安监局"]["类别"] == "本期无决定" and rows["区安监局"]["决定总数"] == 0
    # its sheet holds a September decision: said apart from a unit that wrote 本月无 (maybe the wrong ledger)
    assert rows["区安监局"]["备注"] == "报送的表格中有决定，但都不在统计范围内（其他月份，或晚于统计截止日）"


# -- 4. scope on every page -------------------------------------------------------------------

def test_month_and_rule_on_every_sheet(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME, LATE])
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--month", "2016-09", "--rule", "national",
                 "--out", "r.xlsx")
    assert result.exit_code == 1
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    # in the title, or (a 汇总 two pages across) in the rules under it, which both pages print whole
    top = book["汇总"]["A1"].value + (book["汇总"]["A2"].value or "")
    assert "2016-09" in top and "7 个工作日" in top
    for name in ("逾期清单", "数据问题", "全部记录"):
        header = book[name].oddHeader.center.text
        assert "2016-09" in header and "7 个工作日" in header, (name, header)


# -- 5. fair rates ---------------------------------------------------------------------------------

def test_unjudgeable_records_cannot_raise_the_rate_unseen(tmp_path):
    rows = [ON_TIME] + [("见附件", D(2016, 9, 10))] * 9
    ledger(tmp_path / "区安监局_处罚.xlsx", rows)
    ledger(tmp_path / "区环保局_处罚.xlsx", [ON_TIME, LATE, LATE], unit="区环保局")
    assert run("check", "区安监局_处罚.xlsx", "区环保局_处罚.xlsx", "--as-of", AS_OF).exit_code == 1
    rows = {r["单位"]: r for r in summary_rows(openpyxl.load_workbook(next((tmp_path / "reports").glob("*.xlsx"))))}
    anjian = rows["区安监局"]
    assert anjian["及时公开率"] == 1.0 and anjian["数据有误"] == 9
    assert anjian["合规率"] == pytest.approx(0.1)
    assert "9 条" in anjian["备注"] and "未计入" in anjian["备注"]
    # 1 of 10 on time once the 9 errors count as not on time (排名及时率), against 1 of 3: 区环保局 ranks first
    assert anjian["排名及时率"] == pytest.approx(0.1) and rows["区环保局"]["排名及时率"] == pytest.approx(1 / 3)
    assert [r["单位"] for r in rows.values()][:2] == ["区环保局", "区安监局"]
    assert rows["区环保局"]["排名"] == 1 and rows["区安监局"]["排名"] == 2


def test_a_unit_with_both_categories_gets_a_subtotal_and_the_chart_has_one_bar_per_unit(tmp_path):
    permit = [["序号", "行政许可决定书文号", "行政相对人名称", "许可决定日期", "上网公开日期", "许可机关"],
              [1, "西安监许〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5), "区安监局"]]
    write_xlsx(tmp_path / "区安监局_许可.xlsx", {"许可": permit})
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME, LATE])
    ledger(tmp_path / "区环保局_处罚.xlsx", [ON_TIME], unit="区环保局")
    assert run("check", "区安监局_许可.xlsx", "区安监局_处罚.xlsx", "区环保局_处罚.xlsx", "--as-of", AS_OF,
               "--out", "r.xlsx").exit_code == 1
    rows = summary_rows(openpyxl.load_workbook(tmp_path / "r.xlsx"))
    subtotal = [r for r in rows if r["类别"] == "小计"]
    assert len(subtotal) == 1 and subtotal[0]["单位"] == "区安监局" and subtotal[0]["决定总数"] == 3
    with __import__("zipfile").ZipFile(tmp_path / "r.xlsx") as book:
        chart = book.read("xl/charts/chart1.xml").decode("utf-8")
    assert chart.count("<c:pt idx=") >= 3 * 2  # 2 units + 合计, in categories and values
    assert re.search(r'<c:min val="0(\.0)?"/>', chart)  # from 0: a cut axis makes 84% look like half of 90%


def test_terminal_ranking_uses_the_figures_of_the_summary_sheet(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME, LATE, LATE, LATE])
    ledger(tmp_path / "区环保局_处罚.xlsx", [ON_TIME, LATE], unit="区环保局")
    result = run("check", "区安监局_处罚.xlsx", "区环保局_处罚.xlsx", "--as-of", AS_OF, "--out", "r.xlsx")
    rows = {r["单位"]: r for r in summary_rows(openpyxl.load_workbook(tmp_path / "r.xlsx"))}
    for unit in ("区安监局", "区环保局"):
        assert f"{unit} 行政处罚：迟报率 {rows[unit]['迟报率']:.1%}" in result.stdout


def test_a_one_unit_run_names_no_worst_unit(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME, LATE])
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF)
    assert "迟报率最高" not in result.stdout


# -- 6. rules cited truthfully ------------------------------------------------------------

@pytest.mark.parametrize("args, toml, expected", [
    ([], None, "区通知：20 个工作日（西政办发〔2016〕55号）"),
    (["--rule", "national"], None, "国家“双公示”：7 个工作日（国办发〔2015〕51号）"),
    (["--days", "40"], None, "40 个工作日（命令行 --days）"),
    ([], "[rules]\npermit = 7\npenalty = 7\n", "7 个工作日（配置文件 compliance.toml）"),
])
def test_rules_are_cited_by_their_real_source(tmp_path, args, toml, expected):
    if toml:
        (tmp_path / "compliance.toml").write_text(toml, encoding="utf-8")
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME])
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, *args)
    assert f"规则：{expected}" in result.stdout
    assert result.stdout.count("个工作日：") <= 1 and "40 个工作日：40" not in result.stdout


# -- 7. a self-check a clerk can follow --------------------------------------------------------

def test_one_line_per_problem_record_with_deadline_and_days_late(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME, LATE, OVERDUE, ("2016-02-30", None)])
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF)
    lines = [line.strip() for line in result.stdout.splitlines()]
    late = next(line for line in lines if "西安监罚〔2016〕2号" in line)
    # ruff-style: 文件:工作表:行 代码 文书号：状态 — 说明
    assert late.startswith("区安监局_处罚.xlsx:处罚:3 late 西安监罚〔2016〕2号：逾期公开 — 截止 2016-09-30，逾期 ")
    assert "个工作日" in late
    assert any(line.startswith("区安监局_处罚.xlsx:处罚:4 overdue 西安监罚〔2016〕3号：逾期未公开") for line in lines)
    assert "区安监局_处罚.xlsx:处罚:5 date-impossible 西安监罚〔2016〕4号：数据有误 — 决定日期：不存在的日期：2016-02-30" in lines
    assert not any("西安监罚〔2016〕1号：" in line for line in lines)  # on time: nothing to fix
    assert "“逾期清单”" in result.stdout and "“数据问题”" in result.stdout


def test_problem_lines_are_capped_and_all_lifts_the_cap(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [OVERDUE] * 30)
    capped = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF)
    assert sum("逾期未公开 — " in line for line in capped.stdout.splitlines()) == 20
    assert "另有 10 条未列出" in capped.stdout and "--all" in capped.stdout
    everything = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--all")
    assert sum("逾期未公开 — " in line for line in everything.stdout.splitlines()) == 30


def test_results_on_stdout_diagnostics_on_stderr_and_the_table_fits_100_columns(tmp_path):
    ledger(tmp_path / "黄石市西塞山区工商行政管理分局_处罚.xlsx", [ON_TIME, LATE],
           unit="黄石市西塞山区工商行政管理分局城关工商所执法大队")
    (tmp_path / "坏.xlsx").write_bytes(b"PK\x03\x04 broken")
    result = run("check", "黄石市西塞山区工商行政管理分局_处罚.xlsx", "坏.xlsx", "--as-of", AS_OF)
    assert "报告已保存" in result.stdout and "单位" in result.stdout
    assert "文件无法读取" in result.stderr
    table = [line for line in result.stdout.splitlines() if line.startswith(("单位", "合计", "---", "黄石"))]
    assert table and max(display_width(line) for line in table) <= 100


def test_quiet_prints_only_the_report_path_and_a_verdict(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME, LATE])
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "-q")
    assert result.stdout.splitlines() == ["reports/公开时限检查_2016-12-31.xlsx",
                                          "未通过：共 2 条记录，逾期 1 条。"]


def test_the_tools_own_template_passes_its_own_check(tmp_path):
    assert run("template", "模板.xlsx").exit_code == 0
    result = run("check", "模板.xlsx", "--as-of", AS_OF, "--json", "-")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert all(not s["notes"] for e in payload["inputs"] for s in e["sheets"])
    assert payload["records"] == []


# -- 8. print-ready: late and overdue differ in black and white --------------------------------

def test_overdue_rows_are_bold_as_well_as_filled(tmp_path):
    ledger(tmp_path / "区安监局_处罚.xlsx", [LATE, OVERDUE])
    assert run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--out", "r.xlsx").exit_code == 1
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["逾期清单"]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["单位", "文书号", "行政相对人"] and header[-3:] == ["来源文件", "工作表", "行号"]
    status = header.index("状态")
    bold = {row[status].value: sheet.row_dimensions[row[0].row].font is not None
            and bool(sheet.row_dimensions[row[0].row].font.b) for row in sheet.iter_rows(min_row=2)}
    assert bold == {"逾期公开": False, "逾期未公开": True}


# -- 9. Chinese everywhere ----------------------------------------------------------------------

def test_click_messages_are_chinese():
    unknown = run("chek")
    assert unknown.exit_code == 2 and "没有命令“chek”" in unknown.stderr and "check" in unknown.stderr
    bare = run()
    assert "用法： compliance [选项] 命令 [参数]..." in bare.stderr and "用法错误" not in bare.stderr
    help_text = run("deadline", "-h").stdout
    assert "[默认：20]" in help_text and "日期" in help_text.splitlines()[0]
    for text in (unknown.stderr, bare.stderr, help_text):
        assert not re.search(r"\b(Usage|Options|default|No such|Did you mean|DATE)\b", text), text


def test_no_files_found_mentions_xlsm(tmp_path):
    (tmp_path / "空").mkdir()
    assert "没有找到表格文件（.xlsx、.xlsm、.xls、.et、.ods、.csv、.parquet）" in run("check", "空", "--as-of", AS_OF).stderr


def test_word_documents_and_lock_files_get_accurate_messages(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "报告.docx", "w") as docx:
        docx.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "~$区安监局.xlsx").write_bytes(b"\x06zhangsan" + b"\x00" * 150)
    result = run("check", "报告.docx", "~$区安监局.xlsx", "--as-of", AS_OF)
    assert "这是 Word 文档，不是表格" in result.stderr
    assert "临时锁定文件" in result.stderr and "“区安监局.xlsx”" in result.stderr
    assert "压缩包" not in result.stderr and "纯文本" not in result.stderr


def test_os_errors_are_translated(tmp_path):
    from compliance.errors import os_reason

    assert os_reason(PermissionError(13, "Permission denied")) == "没有权限"
    assert os_reason(OSError(28, "No space left on device")) == "磁盘空间不足"


# -- 10. README for the real desk -------------------------------------------------------------------

def test_readme_has_powershell_and_offline_install():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "```powershell" in text and r".venv\Scripts\Activate.ps1" in text
    assert "pip download -d wheelhouse" in text and "--no-index --find-links wheelhouse" in text


def test_a_report_marked_read_only_is_never_replaced(tmp_path):
    """chmod 444 on last month's report (probe p77 M6): the next run replaced it silently, writable again."""
    ledger(tmp_path / "区安监局_处罚.xlsx", [ON_TIME])
    assert run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF).exit_code == 0
    mine = tmp_path / "reports" / "公开时限检查_2016-12-31.xlsx"
    before = mine.read_bytes()
    mine.chmod(0o444)
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF)  # the default name: the new one moves aside
    assert result.exit_code == 0 and "是只读文件，没有覆盖；新报告另存为" in result.stderr, result.stderr
    assert mine.read_bytes() == before and mine.with_name("公开时限检查_2016-12-31(2).xlsx").exists()
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--out", str(mine))  # named: refused
    assert result.exit_code == 2 and "是只读文件，拒绝覆盖" in result.stderr, result.stderr
    assert mine.read_bytes() == before and not mine.stat().st_mode & 0o222
    answer = tmp_path / "结果.json"  # the same for a JSON marked read-only (review rev60)
    assert run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--json", str(answer)).exit_code == 0
    answer.chmod(0o444)
    kept = answer.read_bytes()
    result = run("check", "区安监局_处罚.xlsx", "--as-of", AS_OF, "--json", str(answer))
    assert result.exit_code == 2 and "是只读文件，拒绝覆盖。请用 --json" in result.stderr, result.stderr
    assert answer.read_bytes() == kept
