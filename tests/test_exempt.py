"""Status exempt (无需公开): the market rule's 简易程序 and 仅警告 (总局令第45号, from 2021-09-01), a unit's own
claim listed for confirmation, and [exempt] confirmed; the district rule exempts nothing."""

import datetime as dt
import json
import re

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚类别", "处罚程序", "处罚决定日期", "公示日期", "处罚机关"]
LATE = dt.date(2022, 6, 1)  # long after any 20-working-day deadline below
ROWS = [  # (number, 处罚类别, 处罚程序, decided, published)
    ("市监罚〔2022〕1号", "罚款", "简易程序", dt.date(2022, 3, 1), LATE),
    ("市监罚〔2022〕2号", "警告", "普通程序", dt.date(2022, 3, 2), None),
    ("市监罚〔2022〕3号", "警告；罚款", "普通程序", dt.date(2022, 3, 3), LATE),
    ("市监罚〔2021〕4号", "警告", "简易程序", dt.date(2021, 8, 31), LATE),  # before 总局令第45号
    ("市监罚〔2022〕5号", "罚款", "普通程序", dt.date(2022, 3, 4), dt.date(2022, 3, 8)),
]


def _check(tmp_path, *options):
    rows = [HEADER] + [[n, "某公司", kind, proc, d, p, "区市场监管局"] for n, kind, proc, d, p in ROWS]
    path = write_xlsx(tmp_path / "区市场监管局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31", "--json", "-", *options])
    payload = json.loads(result.stdout)
    return result, {r["document_number"]: r for r in payload["records"]}, payload


def test_market_rule_exempts_simple_procedure_and_warning_only(tmp_path):
    _, records, payload = _check(tmp_path, "--rule", "market")
    status = {n: r["status"] for n, r in records.items()}
    assert status == {"市监罚〔2022〕1号": "exempt", "市监罚〔2022〕2号": "exempt", "市监罚〔2022〕3号": "late",
                      "市监罚〔2021〕4号": "late", "市监罚〔2022〕5号": "on_time"}
    exempt = next(i for i in records["市监罚〔2022〕1号"]["issues"] if i["code"] == "exempt")
    assert exempt["message"].startswith("无需公开：适用简易程序的处罚")
    # the exemption's own basis: 企业信息公示暂行条例 第六条 sets the duty to publish, not the exemption (probe p79)
    assert "（国家市场监督管理总局令第45号）" in exempt["message"] and "第六条" not in exempt["message"], exempt
    assert records["市监罚〔2022〕1号"]["working_days_late"] is None
    assert payload["summary"]["exempt"] == 2
    # outside 及时公开率: 1 on time of 3 judged
    unit = payload["units"][0]
    assert unit["records"] == 5


def test_district_rule_judges_the_same_records_as_today(tmp_path):
    _, records, payload = _check(tmp_path)
    status = {n: r["status"] for n, r in records.items()}
    assert status == {"市监罚〔2022〕1号": "late", "市监罚〔2022〕2号": "overdue", "市监罚〔2022〕3号": "late",
                      "市监罚〔2021〕4号": "late", "市监罚〔2022〕5号": "on_time"}
    assert payload["summary"]["exempt"] == 0


def test_exempt_is_a_column_of_the_terminal_table(tmp_path):
    rows = [HEADER] + [[n, "某公司", kind, proc, d, p, "区市场监管局"] for n, kind, proc, d, p in ROWS]
    path = write_xlsx(tmp_path / "区市场监管局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31", "--rule", "market",
                                       "-o", str(tmp_path / "r.xlsx")])
    header = result.output.splitlines()[1].split()
    line = next(x for x in result.output.splitlines() if "区市场监管局" in x.split()[:2])
    assert dict(zip(header, line.split()))["无需公开"] == "2"
    assert header[-1] == "排名及时率" and line.split()[-1] == "33.3%"
    # the line of totals names every status, the exempt ones included, so that its parts add up
    [totals] = [x for x in result.output.splitlines() if x.startswith("共 ")]
    parts = [int(n) for n in re.findall(r"[\u4e00-\u9fff]+ (\d+)", totals.split("：", 1)[1])]
    assert totals.endswith("，无需公开 2。") and sum(parts) == int(re.match(r"共 (\d+) 条", totals).group(1))
    # nothing to do about an exempt record: not among the records to handle, and typed so in 数据问题
    exempt = [n for n in ("市监罚〔2022〕1号", "市监罚〔2022〕2号") if f" {n}：" in result.output]
    assert exempt == [] and "需要处理的记录：" in result.output
    kinds = {row[5]: row[0] for row in openpyxl.load_workbook(tmp_path / "r.xlsx")["数据问题"].iter_rows(values_only=True)}
    assert kinds["市监罚〔2022〕1号"] == kinds["市监罚〔2022〕2号"] == "无需公开" and "市监罚〔2021〕4号" not in kinds


def test_config_rules_declare_exemptions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "compliance.toml").write_text('[rules]\npermit = 20\npenalty = 20\nexempt = ["仅警告"]\n',
                                              encoding="utf-8")
    _, records, _ = _check(tmp_path)
    status = {n: r["status"] for n, r in records.items()}
    # no date limit in the config: 仅警告 holds for every decision; 简易程序 was not declared
    assert status["市监罚〔2022〕2号"] == "exempt" and status["市监罚〔2021〕4号"] == "exempt"
    assert status["市监罚〔2022〕1号"] == "late"
    reason = next(i for i in records["市监罚〔2022〕2号"]["issues"] if i["code"] == "exempt")["message"]
    assert "总局令" not in reason, reason  # the config's own exemptions: cited as the config's rule


def test_config_refuses_an_unknown_exemption(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "compliance.toml").write_text('[rules]\nexempt = ["涉密"]\n', encoding="utf-8")
    path = write_xlsx(tmp_path / "a_行政处罚.xlsx", {"S": [HEADER]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31"])
    assert result.exit_code == 2
    assert "exempt 中没有“涉密”这种豁免，可用：\"简易程序\"、\"仅警告\"" in result.stderr  # a list, of a wrong word
    (tmp_path / "compliance.toml").write_text('[rules]\nexempt = "简易程序"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31"])
    assert result.exit_code == 2 and "exempt 应为列表，可用：" in result.stderr, result.stderr


def test_a_units_own_claim_is_listed_until_confirmed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公开日期", "处罚机关"],
            ["西安监罚〔2016〕7号", "某公司", dt.date(2016, 3, 1), "涉密，不予公开", "区安监局"]]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"S": rows})
    run = lambda: json.loads(CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-"]).stdout)  # noqa: E731
    before = run()["records"][0]
    # judged as not published, as the same words in a 是否公开 column are (no longer 数据有误: an unreadable date)
    assert before["status"] == "overdue"
    assert "exempt-claimed" in [i["code"] for i in before["issues"]]
    (tmp_path / "compliance.toml").write_text('[exempt]\nconfirmed = ["西安监罚[2016]7号"]\n', encoding="utf-8")
    after = run()["records"][0]
    assert after["status"] == "exempt"
    assert [i["code"] for i in after["issues"] if i["code"].startswith("exempt")] == ["exempt"]


def test_a_claim_in_the_is_it_public_column_is_listed_too(tmp_path, monkeypatch):
    """是否公开 says 不公开 beside a blank date: judged overdue as before, but no longer without a word."""
    monkeypatch.chdir(tmp_path)
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公开日期", "是否公开", "处罚机关"],
            ["西安监罚〔2016〕7号", "某公司", dt.date(2016, 3, 1), None, "不公开（涉及个人隐私）", "区安监局"],
            ["西安监罚〔2016〕8号", "某公司", dt.date(2016, 3, 1), None, "否", "区安监局"]]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"S": rows})
    payload = json.loads(CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-"]).stdout)
    records = {r["document_number"]: r for r in payload["records"]}
    claimed, plain = records["西安监罚〔2016〕7号"], records["西安监罚〔2016〕8号"]
    assert claimed["status"] == plain["status"] == "overdue"
    message = next(i["message"] for i in claimed["issues"] if i["code"] == "exempt-claimed")
    assert "是否公开：不公开（涉及个人隐私）" in message
    assert "exempt-claimed" not in [i["code"] for i in plain["issues"]]  # 否 is "not yet", no claim


def test_exemptions_hold_with_the_quality_checks_off(tmp_path):
    _, records, payload = _check(tmp_path, "--rule", "market", "--no-quality")
    assert payload["summary"]["exempt"] == 2
    assert records["市监罚〔2022〕2号"]["status"] == "exempt"


def test_a_warning_with_an_order_to_correct_is_only_a_warning(tmp_path):
    # 责令改正 goes with every penalty and is none itself (行政处罚法 第二十八条): 警告；责令改正 is 仅警告.
    # 警告、罚款 and 罚款；责令改正 are not; none is published, so the district rule finds all four overdue.
    rows = [HEADER] + [[n, "某公司", kind, "普通程序", dt.date(2022, 3, 2), None, "区市场监管局"] for n, kind in (
        ("市监罚〔2022〕11号", "警告；责令改正"), ("市监罚〔2022〕12号", "责令限期改正、警告"),
        ("市监罚〔2022〕13号", "警告、罚款"), ("市监罚〔2022〕14号", "罚款；责令改正"),
        # the order written in brackets or joined by 并 (a false 逾期未公开 under the market rule before)
        ("市监罚〔2022〕15号", "警告（责令限期改正）"), ("市监罚〔2022〕16号", "警告并责令改正"),
        ("市监罚〔2022〕17号", "警告（罚款）"))]
    path = write_xlsx(tmp_path / "区市场监管局_行政处罚.xlsx", {"行政处罚": rows})
    for rule, expected in (("market", ["exempt", "exempt", "overdue", "overdue", "exempt", "exempt", "overdue"]),
                           ("district", ["overdue"] * 7)):
        result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31", "--rule", rule, "--json", "-"])
        assert [r["status"] for r in json.loads(result.stdout)["records"]] == expected, rule


@pytest.mark.parametrize("where", ["date", "remark", "mark"])
@pytest.mark.parametrize("words", ["无需公开", "简易程序，无需公开", "否（无需公开）", "免于公开", "不需公开", "无需公示",
                                   "无须公开"])
def test_the_commonest_wordings_of_not_to_be_published_are_a_claim_to_confirm(tmp_path, where, words):
    # 无需公开 was 数据有误 in the date column and nothing at all in a 备注 / 是否公开 column: 法制办 never saw it.
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "是否公开", "备注"]
    cells = {"date": [words, None, None], "remark": [None, None, words], "mark": [None, words, None]}[where]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [
        header, ["西安监罚〔2024〕1号", "某公司", dt.date(2024, 4, 1), *cells]]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-12-31", "--json", "-"])
    record = json.loads(result.stdout)["records"][0]
    assert record["status"] == "overdue"  # judged as usual until 法制办 confirms it
    assert "exempt-claimed" in [i["code"] for i in record["issues"]], record["issues"]


@pytest.mark.parametrize("remark", ["当事人为个人，不公示姓名", "不公开姓名和身份证号", "隐去住址后公开"])
def test_a_note_on_what_the_entry_leaves_out_is_no_claim_not_to_publish(tmp_path, remark):
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "备注"]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [
        header, ["西安监罚〔2024〕1号", "张某", dt.date(2024, 4, 1), None, remark]]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-12-31", "--json", "-"])
    record = json.loads(result.stdout)["records"][0]
    assert record["status"] == "overdue"
    assert "exempt-claimed" not in [i["code"] for i in record["issues"]]


def test_a_claim_beside_a_redaction_in_the_same_cell_is_still_a_claim(tmp_path):
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "备注"]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [
        header, ["西安监罚〔2024〕1号", "张某", dt.date(2024, 4, 1), None, "涉密不予公开；不公开个人信息"]]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2024-12-31", "--json", "-"])
    record = json.loads(result.stdout)["records"][0]
    assert "exempt-claimed" in [i["code"] for i in record["issues"]]


def _market_statuses(tmp_path, header: str, first: str, second: str) -> dict[str, str]:
    """Statuses under --rule market of two unpublished penalties whose ``header`` column says ``first``, ``second``."""
    rows = [["行政处罚决定书文号", "行政相对人名称", header, "处罚决定日期", "公示日期"],
            ["市监罚〔2022〕1号", "甲", first, dt.date(2022, 3, 1), None],
            ["市监罚〔2022〕2号", "乙", second, dt.date(2022, 3, 1), None]]
    path = write_xlsx(tmp_path / "区市场监管局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31", "--json", "-", "--rule", "market"])
    return {r["document_number"]: r["status"] for r in json.loads(result.stdout)["records"]}


@pytest.mark.parametrize("header", ["程序", "办案程序", "案件类型", "事项类型", "类别"])
def test_simple_procedure_counts_in_whichever_column_the_unit_wrote_it(tmp_path, header):
    """A unit's own column name for the procedure (程序, 办案程序) or the kind of case (案件类型, 类别): a
    cell saying 简易程序 is the same fact, exempt under the market rule; 一般程序 beside it is judged."""
    status = _market_statuses(tmp_path, header, "简易程序", "一般程序")
    assert status == {"市监罚〔2022〕1号": "exempt", "市监罚〔2022〕2号": "overdue"}


def test_a_yes_or_no_simple_procedure_column_counts(tmp_path):
    """是否适用简易程序 | 是: the same fact as 简易程序 written out; 否 beside it is judged."""
    status = _market_statuses(tmp_path, "是否适用简易程序", "是", "否")
    assert status == {"市监罚〔2022〕1号": "exempt", "市监罚〔2022〕2号": "overdue"}


def test_a_warning_with_a_fine_beside_it_is_no_warning_only_and_is_said(tmp_path):
    """处罚类别 警告 with 罚款金额 0.1 (万元) or 1000 (元): one of the two is miswritten; writing 警告 must not take
    a fined decision out of the timeliness count (market rule). No fine (blank, 0, 无) stays 仅警告."""
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚类别", "罚款金额（万元）", "处罚决定日期", "公示日期", "处罚机关"]
    rows = [header] + [[n, "某公司", "警告", fine, dt.date(2022, 3, 2), None, "区市场监管局"] for n, fine in (
        ("市监罚〔2022〕21号", 0.1), ("市监罚〔2022〕22号", "1000元"), ("市监罚〔2022〕23号", None),
        ("市监罚〔2022〕24号", 0), ("市监罚〔2022〕25号", "无"), ("市监罚〔2022〕26号", "罚款500元"))]
    path = write_xlsx(tmp_path / "区市场监管局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31", "--rule", "market", "--json", "-"])
    records = json.loads(result.stdout)["records"]
    assert [r["status"] for r in records] == ["overdue", "overdue", "exempt", "exempt", "exempt", "overdue"]
    said = [[i["message"] for i in r["issues"] if i["code"] == "amount-for-warning"] for r in records]
    assert said == [["处罚类别只有“警告”，但罚款金额（万元）为 0.1"], ["处罚类别只有“警告”，但罚款金额（万元）为 1000元"], [], [], [],
                    ["处罚类别只有“警告”，但罚款金额（万元）为 罚款500元"]]


def test_a_warning_with_the_order_in_brackets_is_a_valid_kind_as_well(tmp_path):
    """警告（责令限期改正） and 警告并责令改正 are 仅警告 for the exemption; the kind check reads them the same
    way (it called them 不是数据标准的取值, an error, while exempting them)."""
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚类别", "处罚决定日期", "公示日期", "处罚机关"]
    rows = [header] + [[n, "某公司", kind, dt.date(2022, 3, 2), None, "区市场监管局"] for n, kind in (
        ("市监罚〔2022〕31号", "警告（责令限期改正）"), ("市监罚〔2022〕32号", "警告并责令改正"),
        ("市监罚〔2022〕33号", "警告（罚款）"))]
    path = write_xlsx(tmp_path / "区市场监管局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2022-12-31", "--rule", "market", "--json", "-"])
    records = json.loads(result.stdout)["records"]
    assert [(r["status"], [i["code"] for i in r["issues"] if i["code"] == "enum-invalid"]) for r in records] == [
        ("exempt", []), ("exempt", []), ("overdue", ["enum-invalid"])]
