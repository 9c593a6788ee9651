"""Voided numbers (作废, 空号) and revoked decisions (撤销, 撤回), on real files through the real CLI.

A row kept only to explain a gap in the numbering (西安监罚〔2016〕2号 …… 此号作废) was an invented 数据有误
that lowered the unit's rate; a decision marked 作废 or 撤销 came out 逾期未公开 with nothing said. Now the
first is a counted skipped row, said on the sheet; the second is judged as before and listed as the unit's
claim for 法制办 (exempt-claimed), like 不予公开."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "当前状态", "备注"]
ON_TIME = [D(2016, 10, 10), D(2016, 10, 20)]


def check(tmp_path: Path, folder: Path):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(out.read_text(encoding="utf-8"))


def test_a_voided_number_without_a_decision_is_a_skipped_row_not_a_data_error(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [
        HEADER,
        [1, "西安监罚〔2016〕1号", "甲公司", *ON_TIME, "正常", None],
        [2, "西安监罚〔2016〕2号", None, None, None, None, "此号作废"],
        [3, "西安监罚〔2016〕3号", "空号", None, None, None, None],
        [4, "西安监罚〔2016〕4号", "乙公司", *ON_TIME, "正常", None]]})
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "备注"]
    write_csv(folder / "区环保局_处罚.csv", [header, ["1", "西环罚〔2016〕1号", "丙公司", "2016-10-10", "2016-10-20", ""],
                                            ["2", "西环罚〔2016〕2号", "", "", "", "作废"]], encoding="gbk")
    result, data = check(tmp_path, folder)
    assert sorted((r["document_number"], r["status"]) for r in data["records"]) == [
        ("西安监罚〔2016〕1号", "on_time"), ("西安监罚〔2016〕4号", "on_time"), ("西环罚〔2016〕1号", "on_time")]
    assert data["summary"]["skipped_rows"] == 3 and result.exit_code == 0
    notes = {Path(e["file"]).name: e["sheets"][0]["notes"] for e in data["inputs"]}
    assert "第 3、4 行注明文书号作废（或空号），没有决定，已跳过" in notes["区安监局_处罚.xlsx"]
    assert "第 3 行注明文书号作废（或空号），没有决定，已跳过" in notes["区环保局_处罚.csv"]


def test_a_decision_marked_voided_or_revoked_is_judged_and_listed_as_the_units_claim(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [
        HEADER,
        [1, "西安监罚〔2016〕1号", "甲公司", D(2016, 10, 10), None, "已撤销", None],
        [2, "西安监罚〔2016〕2号（作废）", "乙公司", D(2016, 10, 11), None, None, None],
        [3, "西安监罚〔2016〕3号", "丙公司", D(2016, 10, 11), None, None, "行政复议撤销，不再公开"],
        [4, "西安监罚〔2016〕4号", "丁公司", D(2016, 10, 12), D(2016, 10, 14), "已撤销", None],  # published: no claim
        [5, "西安监罚〔2016〕5号", "戊公司", D(2016, 10, 12), None, "正常", None],
        # in the publication cell 已撤销 may say the entry was taken down after it went online: no verdict
        [6, "西安监罚〔2016〕6号", "己公司", D(2016, 10, 12), "已撤销", "正常", None]]})
    _, data = check(tmp_path, folder)
    got = {r["row"]: (r["status"], sorted(i["code"] for i in r["issues"] if i["code"] == "exempt-claimed"))
           for r in data["records"]}
    assert got == {2: ("overdue", ["exempt-claimed"]), 3: ("overdue", ["exempt-claimed"]),
                   4: ("overdue", ["exempt-claimed"]), 5: ("on_time", []), 6: ("overdue", []), 7: ("invalid", [])}
    claim = next(i for r in data["records"] if r["row"] == 2 for i in r["issues"] if i["code"] == "exempt-claimed")
    assert "当前状态：已撤销" in claim["message"]


def test_numbers_reserved_at_the_end_of_a_table_are_skipped_and_a_bare_number_among_decisions_is_not(tmp_path):
    """序号 and 文书号 filled in advance at the bottom (预留文号): each was 数据有误, six of them taking an
    on-time unit's rate from 100% to 25%. Said on the sheet and skipped; a bare number between decisions
    may be a decision with its data left out: it stays, 数据有误."""
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [
        HEADER,
        [1, "西安监罚〔2016〕1号", "甲公司", *ON_TIME, None, None],
        [2, "西安监罚〔2016〕2号", None, None, None, None, None],
        [3, "西安监罚〔2016〕3号", "乙公司", *ON_TIME, None, None],
        *[[i, f"西安监罚〔2016〕{i}号", None, None, None, None, None] for i in range(4, 10)]]})
    result, data = check(tmp_path, folder)
    assert [(r["document_number"], r["status"]) for r in data["records"]] == [
        ("西安监罚〔2016〕1号", "on_time"), ("西安监罚〔2016〕2号", "invalid"), ("西安监罚〔2016〕3号", "on_time")]
    notes = data["inputs"][0]["sheets"][0]["notes"]
    assert any(n.startswith("第 5、6、7、8、9、10 行在表格末尾，只有文书号") for n in notes), notes


def test_a_last_row_with_its_applicant_or_its_acceptance_day_is_a_record_not_a_reserved_number(tmp_path):
    # probe p86 F1: a licence ledger whose applicants are under 单位名称, the last licence not yet granted: the
    # row was skipped as a reserved number "没有当事人" and the run passed; so was one with only its 受理日期
    folder = tmp_path / "报送"
    folder.mkdir()
    header = ["序号", "许可证编号", "单位名称", "受理日期", "发证日期", "上网公开日期"]
    write_xlsx(folder / "区应急局_危化许可台账.xlsx", {"许可": [
        header, [1, "（鄂）WH安许证字〔2016〕0001", "黄石甲化工有限公司", D(2016, 9, 1), *ON_TIME],
        [2, "（鄂）WH安许证字〔2016〕0003", "黄石丙化工有限公司", D(2016, 10, 3), None, None],
        [3, "（鄂）WH安许证字〔2016〕0004", None, "2016-10-05", None, None],
        [4, "（鄂）WH安许证字〔2016〕0005", None, None, None, None]]})
    result, data = check(tmp_path, folder)
    assert result.exit_code == 1, result.output
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time"), (3, "invalid"), (4, "invalid")]
    notes = data["inputs"][0]["sheets"][0]["notes"]
    assert any(n.startswith("第 5 行在表格末尾，只有文书号") for n in notes), notes  # the bare one still is


def test_a_last_company_applicant_under_a_unit_name_column_is_a_record(tmp_path):
    # review rev63: with no other date on its row, a company (…有限公司: 公司 ends an office's name too) under
    # 单位名称 was still taken for a reserved number, and the run passed
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区应急局_危化许可台账.xlsx", {"许可": [
        ["序号", "许可证编号", "单位名称", "发证日期", "上网公开日期"],
        [1, "（鄂）WH安许证字〔2016〕0001", "黄石甲化工有限公司", *ON_TIME],
        [2, "（鄂）WH安许证字〔2016〕0003", "黄石丙化工有限公司", None, None]]})
    result, data = check(tmp_path, folder)
    assert result.exit_code == 1, result.output
    assert [(r["row"], r["status"]) for r in data["records"]] == [(2, "on_time"), (3, "invalid")]


def test_numbers_reserved_under_a_unit_name_column_filled_down_are_still_reserved(tmp_path):
    # review rev62: the 单位名称 column holding the deciding unit on every row, two numbers kept in advance at
    # the end: the unit's name is no applicant, and the rows stay skipped (not 数据有误)
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "处罚.xlsx", {"处罚": [
        ["序号", "单位名称", "处罚决定书文号", "作出决定日期", "公开日期"],
        [1, "区安监局", "西安监罚〔2016〕1号", *ON_TIME], [2, "区安监局", "西安监罚〔2016〕2号", *ON_TIME],
        [3, "区安监局", "西安监罚〔2016〕3号", None, None], [4, "区安监局", "西安监罚〔2016〕4号", None, None]]})
    result, data = check(tmp_path, folder)
    assert result.exit_code == 0, result.output
    assert [r["row"] for r in data["records"]] == [2, 3]


def test_numbers_reserved_at_the_end_stay_skipped_above_the_sign_off(tmp_path):
    # probe 16: the 落款日期 alone under the date column, or 主要负责人：… 经办人：…, below the reserved
    # number made it "among the decisions": 数据有误 (no date) against an office that had none to publish
    tails = {"date": [None, None, None, "2016年10月3日"], "names": ["主要负责人：", None, "经办人：张三"],
             "two": ["主要负责人：王五", None, "经办人：赵六", "复核人：钱七"]}
    for name, tail in tails.items():
        folder = tmp_path / name
        folder.mkdir()
        write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [
            HEADER, [1, "西安监罚〔2016〕1号", "甲公司", *ON_TIME, None, None],
            [2, "西安监罚〔2016〕2号", None, None, None, None, None], tail]})
        _, data = check(tmp_path / name, folder)
        assert [(r["document_number"], r["status"]) for r in data["records"]] == [
            ("西安监罚〔2016〕1号", "on_time")], name
        [sheet] = data["inputs"][0]["sheets"]
        assert sheet["skipped_rows"] == 2 and any("只有文书号" in n for n in sheet["notes"]), (name, sheet)


def test_a_notice_before_the_decision_is_a_skipped_row_and_a_penalty_called_warning_is_not(tmp_path):
    # 罚告 / 听告 / 告知书: notices before the decision, never published; judged, each was 逾期未公开.
    # 广告 (an advertising case) and 警告 (a warning: a penalty) are decisions.
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区市场监管局_处罚.xlsx", {"处罚": [
        HEADER,
        [1, "西市监罚告〔2016〕5号", "甲公司", D(2016, 9, 20), None, None, None],
        [2, "西市监罚〔2016〕5号", "甲公司", *ON_TIME, None, None],
        [3, "西市监听告〔2016〕2号", "乙公司", D(2016, 9, 21), None, None, None],
        [4, "行政处罚事先告知书", "丙", D(2016, 9, 22), None, None, None],
        [5, "西市监广告罚〔2016〕1号", "丁公司", D(2016, 9, 23), None, None, None],
        [6, "西市监警告〔2016〕3号", "戊", *ON_TIME, None, None]]})
    result, got = check(tmp_path, folder)
    assert {r["document_number"]: r["status"] for r in got["records"]} == {
        "西市监罚〔2016〕5号": "on_time", "西市监广告罚〔2016〕1号": "overdue", "西市监警告〔2016〕3号": "on_time"}
    notes = got["inputs"][0]["sheets"][0]["notes"]
    assert any(n.startswith("第 2、4、5 行的文书号是告知书的文号") for n in notes), notes
    assert got["summary"]["skipped_rows"] == 3


def test_a_sign_off_typed_under_the_number_column_at_the_end_is_no_reserved_number(tmp_path):
    # 制表人： | (unit) | 审核人： under the 文书号 column: a footer, skipped without calling 审核人： a 预留的文号
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"台账": [
        ["序号", "单位", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"],
        [1, "区安监局", "西安监罚〔2016〕1号", "甲", *ON_TIME], [], ["制表人：", None, "审核人："],
        ]})
    _, got = check(tmp_path, folder)
    [sheet] = got["inputs"][0]["sheets"]
    assert got["summary"]["records"] == 1 and sheet["skipped_rows"] == 2 and sheet["notes"] == [], sheet


def test_a_count_under_the_number_column_is_a_total_row_not_a_reserved_number(tmp_path):
    # probe 20: 合计 | 1件, 7月小计 | 2件 and 本页合计 | =COUNTA(…) were skipped rightly, but the sheet
    # told the clerk of 预留的文号 (numbers made ready and not yet used) that the unit never had
    folder = tmp_path / "报送"
    folder.mkdir()
    (folder / "区安监局_处罚.csv").write_text(
        "序号,行政处罚决定书文号,当事人,处罚决定日期,公示日期\n"
        "1,西安监罚〔2016〕7号,甲公司,2016-10-10,2016-10-20\n合计,1件,,,\n", encoding="utf-8")
    # probe 36: 合计 | 共1条, 总计 | 共 2 件 likewise
    (folder / "区司法局_处罚.csv").write_text(
        "序号,行政处罚决定书文号,当事人,处罚决定日期,公示日期\n"
        "1,西司罚〔2016〕7号,甲公司,2016-10-10,2016-10-20\n合计,共1条,,,\n总计,共 2 件,,,\n", encoding="utf-8")
    write_xlsx(folder / "区环保局_处罚.xlsx", {"7月": [
        HEADER, [1, "西环罚〔2016〕1号", "乙", *ON_TIME, None, None], ["7月小计", 2], ["本页合计", "=COUNTA(B2:B2)"]]})
    _, got = check(tmp_path, folder)
    assert got["summary"]["records"] == 3 and got["summary"]["skipped_rows"] == 5, got["summary"]
    for entry in got["inputs"]:
        [sheet] = entry["sheets"]
        assert not any("预留" in n for n in sheet["notes"]), (entry["path"], sheet["notes"])


def test_a_decisions_number_that_mentions_its_notice_is_a_decision(tmp_path):
    # review: a cell with the decision's number and its notice beside it, or a word about the 告知书, is the
    # decision's; so is a 告知承诺 permit's number
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [
        HEADER,
        [1, "西安监罚〔2016〕5号（告知书西安监罚告〔2016〕2号）", "甲公司", D(2016, 9, 20), None, None, None],
        [2, "西安监罚〔2016〕7号（已送达告知书）", "乙公司", *ON_TIME, None, None],
        [3, "西行审（告知承诺）〔2016〕6号", "丙", *ON_TIME, None, None],
        [4, "见告知书", "丁", *ON_TIME, None, None],
        # second review: a decision number without brackets beside its notice; a 告知承诺 permit's 审告 number;
        # a notice's number with its year first is a notice
        [5, "西安监罚2016第8号（告知书：西安监罚告〔2016〕5号）", "戊", *ON_TIME, None, None],
        [6, "西环审告〔2016〕5号", "己", *ON_TIME, None, None],
        [7, "（2016）西安监罚告字第3号", "庚", D(2016, 9, 20), None, None, None]]})
    _, got = check(tmp_path, folder)
    assert len(got["records"]) == 6 and got["summary"]["skipped_rows"] == 1


def test_two_decisions_numbers_in_one_cell_are_said_on_the_sheet(tmp_path):
    # probe: …31号 / …32号 in one cell (alt-enter) or 33号、34号 counted as one decision with nothing said
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [
        HEADER, [1, "西安监罚〔2016〕31号\n西安监罚〔2016〕32号", "甲、乙", *ON_TIME, None, None],
        [2, "西安监罚〔2016〕33号、34号", "丙", *ON_TIME, None, None],
        [3, "西安监罚〔2016〕35号（告知书西安监罚告〔2016〕9号）", "丁", *ON_TIME, None, None]]})
    _, got = check(tmp_path, folder)
    notes = got["inputs"][0]["sheets"][0]["notes"]
    assert "第 2、3 行的文书号一格写了不止一个文号，按一个决定检查；如是几个决定，请分行填写" in notes
    assert len(got["records"]) == 3


def test_notice_numbers_with_gaozhi_and_remarks_beside_one_number(tmp_path):
    # third review: 西安监告知〔2016〕2号 and 西环事先告知〔2016〕5号 are notices; a 案卷编号 or a 送达回证 beside a
    # decision's number is no second decision
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [
        HEADER, [1, "西安监告知〔2016〕2号", "甲", D(2016, 9, 20), None, None, None],
        [2, "西环事先告知〔2016〕5号", "乙", D(2016, 9, 20), None, None, None],
        [3, "西安监罚〔2016〕7号（案卷编号：2016第102号）", "丙", *ON_TIME, None, None],
        [4, "西安监罚〔2016〕8号（送达回证2016年9月5日第3号）", "丁", *ON_TIME, None, None]]})
    _, got = check(tmp_path, folder)
    assert [r["document_number"][:12] for r in got["records"]] == ["西安监罚〔2016〕7号", "西安监罚〔2016〕8号"]
    notes = got["inputs"][0]["sheets"][0]["notes"]
    assert not any("不止一个文号" in n for n in notes) and any("告知书的文号" in n for n in notes)
