"""A government site's catalogue holds other items beside decisions (probe p89): a monthly 办理情况公示, a 关于公布…的
通知. They are no decision's publication: never 台账未登记, and they say nothing of what the list covers or of the
day it starts. A year typed wrong in one item's 发布日期 does not stretch the list back a year either. Real
workbooks through the real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
LEDGER = ["序号", "类别", "决定文书号", "行政相对人名称", "决定日期", "公开日期"]
CATALOGUE = ["索引号", "标题", "发布机构", "发布日期"]
UNIT = "西塞山区市场监督管理局"


def _run(tmp_path, ledger_rows, catalogue_rows, ledgers: dict | None = None, header=CATALOGUE) -> dict:
    """``ledgers``: file name -> rows, in place of the one ledger of ``ledger_rows``."""
    (tmp_path / "台账").mkdir()
    for name, rows in (ledgers or {"区市场监管局_行政许可和行政处罚.xlsx": ledger_rows}).items():
        write_xlsx(tmp_path / "台账" / name, {"台账": [LEDGER, *rows]})
    listed = write_xlsx(tmp_path / "区政府网站_信息公开目录.xlsx", {"目录": [header, *catalogue_rows]})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "台账"), "--online", str(listed), "--as-of", "2026-12-01",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")])
    assert result.exit_code in (0, 1), result.output
    return json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))


def _results(data) -> dict:
    return {r["document_number"]: (r["online"]["result"], r["status"]) for r in data["records"]}


def test_a_notice_on_permits_shows_no_permit_and_is_no_unregistered_decision(tmp_path):
    data = _run(tmp_path, [
        [1, "行政处罚", "西市监罚〔2026〕1号", "黄石甲商店", D(2026, 9, 1), D(2026, 9, 8)],
        [2, "行政许可", "西市监许〔2026〕5号", "黄石乙商店", D(2026, 9, 2), D(2026, 9, 9)],
        [3, "行政处罚", "西市监罚〔2026〕9号", "黄石丙商店", D(2026, 11, 10), D(2026, 11, 16)]], [
        [1, "行政处罚决定书（西市监罚〔2026〕1号）", UNIT, "2026-09-08"],
        [2, "2026年8月行政许可办理情况公示", UNIT, "2026-09-02"],
        [3, "关于公布2026年第三季度行政处罚情况的通知", UNIT, "2026-10-10"],
        [4, "关于公布西塞山区2026年行政处罚裁量基准的通知（西政办发〔2026〕3号）", UNIT, "2026-11-03"],
        [5, "行政处罚决定书（西市监罚〔2026〕9号）", UNIT, "2026-11-16"]])
    got = _results(data)
    assert got["西市监许〔2026〕5号"] == ("not-verifiable", "on_time"), got  # was 网站未见: 瞒报 of a published permit
    assert got["西市监罚〔2026〕1号"][0] == got["西市监罚〔2026〕9号"][0] == "confirmed"
    assert data["online_only"] == [] and data["verdict"]["exit_code"] == 0, data["online_only"]


def test_a_year_typed_wrong_in_one_items_date_does_not_stretch_the_list_back(tmp_path):
    data = _run(tmp_path, [
        [1, "行政处罚", "西市监罚〔2025〕88号", "黄石老商店", D(2025, 10, 10), D(2025, 10, 20)],
        [2, "行政处罚", "西市监罚〔2026〕173号", "黄石丙商店", D(2026, 9, 3), D(2026, 9, 10)],
        [3, "行政处罚", "西市监罚〔2026〕1号", "黄石锚点一有限公司", D(2026, 1, 5), D(2026, 1, 9)]], [
        [3, "行政处罚决定书（西市监罚〔2026〕173号）", UNIT, "2025-09-10"],  # 2025 for 2026
        [4, "行政处罚决定书（西市监罚〔2026〕1号）", UNIT, "2026-01-09"]])
    got = _results(data)
    # deadline 2025-11-06, before the list's first day 2026-01-09: the list could not have shown it (was 网站未见)
    assert got["西市监罚〔2025〕88号"] == ("not-verifiable", "on_time"), got


def test_a_decision_titled_as_a_notice_with_its_own_number_is_still_a_decision(tmp_path):
    # review rev64: 行政处罚结果公告（…号） was set aside with the notices: a missing record no longer 网站未见,
    # a decision missing from the ledger no longer 台账未登记
    data = _run(tmp_path, [
        [1, "行政处罚", "西市监罚〔2026〕1号", "黄石甲有限公司", D(2026, 3, 2), D(2026, 3, 9)],
        [2, "行政处罚", "西市监罚〔2026〕2号", "黄石乙有限公司", D(2026, 9, 1), D(2026, 9, 8)]], [
        [1, "行政处罚结果公告（西市监罚〔2026〕1号）", UNIT, "2026-03-09"],
        [3, "行政处罚结果公告（西市监罚〔2026〕3号）", UNIT, "2026-10-09"],
        [4, "行政处罚结果公告（西市监罚〔2026〕4号）", UNIT, "2026-11-20"]])
    got = _results(data)
    assert got["西市监罚〔2026〕1号"][0] == "confirmed" and got["西市监罚〔2026〕2号"][0] == "not-found", got
    assert sorted(e["document_number"] for e in data["online_only"]) == ["西市监罚〔2026〕3号", "西市监罚〔2026〕4号"]


def test_notices_still_limit_a_list_whose_decisions_name_no_unit(tmp_path):
    # review rev64: in a bureau's catalogue only the notices named the bureau; set aside, the list named no unit and
    # so covered every unit: another unit's permit became 网站未见
    data = _run(tmp_path, None, [[1, "准予行政许可决定书（西人社许〔2026〕5号）", "2026-11-20"],
                                 [2, "区人力资源和社会保障局关于公布2026年8月行政许可办理情况的通知", "2026-09-01"]],
                ledgers={"区人社局_行政许可.xlsx": [
                             [1, "行政许可", "西人社许〔2026〕5号", "黄石甲人力资源有限公司", D(2026, 11, 13), D(2026, 11, 20)]],
                         "区市场监管局_行政许可.xlsx": [
                             [1, "行政许可", "西市监许〔2026〕7号", "黄石乙商店", D(2026, 9, 2), D(2026, 9, 9)]]},
                header=["索引号", "标题", "发布日期"])
    assert data["verdict"]["exit_code"] == 0
    assert _results(data)["西市监许〔2026〕7号"] == ("not-verifiable", "on_time"), _results(data)


def test_a_category_whose_every_date_is_a_typo_takes_no_other_categorys_start(tmp_path):
    # review rev64: the only permit's 发布日期 typed a year early was set aside; permits then took the penalties'
    # start, and an older permit became 网站未见
    data = _run(tmp_path, [
        [1, "行政许可", "西市监许〔2025〕40号", "黄石丁商店", D(2025, 6, 2), D(2025, 6, 9)],
        [2, "行政处罚", "西市监罚〔2025〕3号", "黄石甲商店", D(2025, 3, 3), D(2025, 3, 10)],
        [3, "行政许可", "西市监许〔2026〕5号", "黄石丙商店", D(2026, 9, 2), D(2026, 9, 9)]], [
        [1, "行政处罚决定书（西市监罚〔2025〕3号）", UNIT, "2025-03-10"],
        [3, "准予行政许可决定书（西市监许〔2026〕5号）", UNIT, "2025-09-09"]])
    assert _results(data)["西市监许〔2025〕40号"] == ("not-verifiable", "on_time")


def test_a_title_closing_with_the_party_names_it(tmp_path):
    # review rev64: 准予行政许可公示 黄石甲有限公司 read "行政" as the party: the permit it shows was 网站未见
    data = _run(tmp_path, [[1, "行政许可", "西市监许〔2026〕1号", "黄石甲有限公司", D(2026, 3, 2), D(2026, 3, 9)]],
                [[1, "准予行政许可公示 黄石甲有限公司", UNIT, "2026-03-09"]])
    assert _results(data)["西市监许〔2026〕1号"][0] != "not-found"
