"""Towns' ledgers and roll-ups: a village in the unit column is no unit, and a town's own 中队 is the town's.
Real workbooks through the real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

HEADER = ["序号", "单位", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公开日期"]
DAY = dt.date(2026, 3, 2)


def run(tmp_path, *ledgers):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", *map(str, ledgers), "--as-of", "2026-06-30", "--json", str(out),
                                       "--out", str(tmp_path / "报告.xlsx")])
    assert result.exit_code in (0, 1), result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    return {(r["file"].rsplit("/", 1)[-1], r["row"]): r for r in payload["records"]}, payload


def codes(record) -> set[str]:
    return {i["code"] for i in record["issues"]}


def test_a_village_in_a_towns_unit_column_counts_under_the_town_never_as_a_unit(tmp_path):
    late = dt.date(2026, 5, 20)  # more than 20 working days after 3 March
    a = write_xlsx(tmp_path / "澄月街道.xlsx", {"处罚": [HEADER, [1, "澄月街道", "澄街罚〔2026〕1号", "张三", DAY, DAY],
                                                         [2, "村委会", "澄街罚〔2026〕2号", "李四", DAY, late],
                                                         [3, "新港村委会", "澄街罚〔2026〕3号", "王五", DAY, DAY],
                                                         [4, "团结社区", "澄街罚〔2026〕4号", "赵六", DAY, DAY]]})
    b = write_xlsx(tmp_path / "章山街道.xlsx", {"处罚": [HEADER, [1, "章山街道", "章街罚〔2026〕1号", "钱七", DAY, DAY],
                                                         [2, "村委会", "章街罚〔2026〕2号", "孙八", DAY, late]]})
    records, payload = run(tmp_path, a, b)
    assert {k: r["unit"] for k, r in records.items()} == {
        ("澄月街道.xlsx", 2): "澄月街道", ("澄月街道.xlsx", 3): "澄月街道", ("澄月街道.xlsx", 4): "澄月街道",
        ("澄月街道.xlsx", 5): "澄月街道", ("章山街道.xlsx", 2): "章山街道", ("章山街道.xlsx", 3): "章山街道"}
    assert [k for k, r in records.items() if "unit-village" in codes(r)] == [
        ("澄月街道.xlsx", 3), ("澄月街道.xlsx", 4), ("澄月街道.xlsx", 5), ("章山街道.xlsx", 3)]
    assert records[("章山街道.xlsx", 3)]["status"] == "late"  # the late decision is the town's
    assert "村委会" not in json.dumps(payload["unit_summary"], ensure_ascii=False)


def test_a_towns_squad_in_a_roll_up_is_the_towns_not_the_compilers(tmp_path):
    ledger = write_xlsx(tmp_path / "2026年行政处罚汇总.xlsx", {"汇总": [
        ["填报单位：区政府办"], HEADER, [1, "区市场监管局", "西市监罚〔2026〕1号", "张三", DAY, DAY],
        [2, "澄月街道综合执法中队", "澄街罚〔2026〕2号", "李四", DAY, DAY],
        [3, "章山镇城管中队", "章镇罚〔2026〕3号", "王五", DAY, DAY],
        [4, "章山镇人民政府综合执法中队", "章镇罚〔2026〕4号", "赵六", DAY, DAY],
        [5, "城镇管理科", "西政罚〔2026〕5号", "钱七", DAY, DAY]]})  # the compiler's own section
    records, _ = run(tmp_path, ledger)
    assert [r["unit"] for r in records.values()] == ["区市场监管局", "澄月街道", "章山镇", "章山镇", "区政府办"]


def test_a_village_in_a_roll_up_is_never_the_compilers_and_a_bureau_is_no_village(tmp_path):
    # review rev65 H1/H2: in 区政府办's roll-up the villages went to 区政府办, and the town's own late row after them
    late = dt.date(2026, 11, 20)
    ledger = write_xlsx(tmp_path / "2026年行政处罚汇总.xlsx", {"汇总": [
        ["填报单位：区政府办"], HEADER, [1, "区市场监管局", "西市监罚〔2026〕1号", "张三", DAY, DAY],
        [2, "章山镇新港村委会", "章镇罚〔2026〕2号", "李四", DAY, late],
        [3, "新港村委会", "章镇罚〔2026〕3号", "王五", DAY, DAY],
        [4, "章山镇人民政府", "章镇罚〔2026〕4号", "赵六", DAY, late],
        [5, "农业农村", "西农罚〔2026〕5号", "钱七", DAY, late]]})
    records, _ = run(tmp_path, ledger)
    units = [r["unit"] for r in records.values()]
    assert units[:4] == ["区市场监管局", "章山镇", "章山镇", "章山镇"] and units[4] != "区政府办", units
    # the bare 新港村委会 goes with the other rows of its 代字 章镇 (review rev66 #5: it ranked as a unit), said so
    assert [k for k, r in records.items() if "unit-village" in codes(r)] == [("2026年行政处罚汇总.xlsx", 5)]
    assert "区政府办" not in units


def test_a_village_in_a_roll_up_with_no_row_of_its_code_word_stays_and_is_said_never_silently(tmp_path):
    late = dt.date(2026, 11, 20)
    ledger = write_xlsx(tmp_path / "区政府办_2026年各单位行政处罚汇总.xlsx", {"汇总": [
        HEADER, [1, "区市场监管局", "西市监罚〔2026〕1号", "张三", DAY, DAY],
        [2, "新港村", "港村罚〔2026〕2号", "李四", DAY, late],
        [3, "河口镇", "河镇罚〔2026〕3号", "王五", DAY, DAY]]})
    records, _ = run(tmp_path, ledger)
    village = records[("区政府办_2026年各单位行政处罚汇总.xlsx", 3)]
    assert village["unit"] == "新港村" and village["status"] == "overdue"  # no town to give it to: no guess
    assert "unit-village-unplaced" in codes(village)
    assert [r["unit"] for r in records.values()] == ["区市场监管局", "新港村", "河口镇"]


def test_a_bureau_whose_name_holds_xiang_is_no_town(tmp_path):
    # review rev66 M4: 区乡村振兴局综合股 became a unit named 区乡
    ledger = write_xlsx(tmp_path / "2026年行政处罚汇总.xlsx", {"汇总": [
        HEADER, [1, "区乡村振兴局综合股", "西乡振罚〔2026〕1号", "张三", DAY, DAY],
        [2, "东乡镇城管中队", "东乡罚〔2026〕2号", "李四", DAY, DAY]]})
    records, _ = run(tmp_path, ledger)
    assert [r["unit"] for r in records.values()] == ["区乡村振兴局", "东乡镇"]


def test_a_town_named_with_shi_or_xian_keeps_its_squads(tmp_path):
    # review rev67 M4
    ledger = write_xlsx(tmp_path / "2026年行政处罚汇总.xlsx", {"汇总": [
        ["填报单位：区政府办"], HEADER, [1, "新市镇综合执法中队", "新市罚〔2026〕1号", "张三", DAY, DAY],
        [2, "老县镇城管中队", "老县罚〔2026〕2号", "李四", DAY, DAY]]})
    records, _ = run(tmp_path, ledger)
    assert [r["unit"] for r in records.values()] == ["新市镇", "老县镇"]
