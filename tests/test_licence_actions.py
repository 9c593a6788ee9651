"""A licence ledger's 业务类型 (新办 / 变更 / 延续 / 注销): a later action dated only by the licence's
发证日期 is never called late on that date (it may be the original grant's day), and the 新办 and 变更 of
one licence are two decisions, never copies. Real workbooks and CSV files through the real CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date
HEADER = ["序号", "许可证编号", "持证人", "业务类型", "发证日期", "公示日期"]


def run(tmp_path: Path, path: Path, as_of: str = "2025-12-31") -> dict:
    out = tmp_path / "result.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", as_of, "--json", str(out),
                                       "-o", str(tmp_path / "report.xlsx"), "--all"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def verdicts(data: dict) -> dict[int, tuple]:
    return {r["row"]: (r["status"], r["deadline"], sorted(i["code"] for i in r["issues"])) for r in data["records"]}


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_cancellation_dated_by_the_grant_day_is_never_late_on_it(tmp_path, kind):
    rows = [HEADER,
            [1, "JY001", "黄石甲餐饮店", "新办", D(2025, 8, 1), D(2025, 8, 20)],
            # the 注销 of 2025-08 on a row still dated 2020-06-01: 1,284 working days "late" by it
            [2, "JY002", "黄石乙餐饮店", "注销", D(2020, 6, 1), D(2025, 8, 20)],
            [3, "JY003", "黄石丙超市", "注销登记", D(2025, 7, 1), None],  # not online, its own day unknown
            [4, "JY004", "黄石丁超市", "补证", D(2025, 3, 3), D(2025, 3, 10)],  # on time by it: nothing to doubt
            [5, "JY005", "黄石戊店", "新办", D(2024, 1, 5), D(2025, 9, 1)]]  # a new licence: late is late
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "区市场监管局_许可证台账.xlsx", {"台账": rows})
    else:
        path = write_csv(tmp_path / "区市场监管局_许可证台账.csv",
                         [[c.isoformat() if isinstance(c, D) else ("" if c is None else c) for c in r] for r in rows],
                         encoding="gbk")
    got = verdicts(run(tmp_path, path))
    assert got == {2: ("on_time", "2025-08-29", []),
                   3: ("invalid", None, ["later-action-dated-by-grant"]),
                   4: ("invalid", None, ["later-action-dated-by-grant"]),
                   5: ("on_time", "2025-03-31", []),
                   6: ("late", "2024-02-02", [])}
    [message] = [i["message"] for r in run(tmp_path, path)["records"] if r["row"] == 3 for i in r["issues"]]
    assert "“注销”" in message and "2020-06-01" in message and "“发证日期”" in message


def test_a_change_is_doubted_only_when_its_date_is_stale(tmp_path):
    path = write_xlsx(tmp_path / "区卫健局_许可证台账.xlsx", {"台账": [
        ["序号", "许可证号", "持证单位", "办理类型", "发证日期", "上网公开日期"],
        [1, "WS01", "甲诊所", "变更", D(2022, 3, 1), D(2025, 9, 1)],   # more than a year before: the old day
        [2, "WS02", "乙诊所", "变更", D(2025, 7, 1), D(2025, 9, 1)],   # a new certificate's day: late by it
        [3, "WS03", "丙诊所", "延续", D(2025, 7, 1), D(2025, 7, 10)],  # on time
        [4, "WS04", "丁诊所", "延续", D(2024, 10, 8), None],          # not online for over a year: doubted
        # a replacement certificate is dated the day it is issued (probe 11): overdue by it is overdue
        [5, "WS05", "戊诊所", "补证", D(2025, 6, 3), None]]})
    assert verdicts(run(tmp_path, path)) == {
        2: ("invalid", None, ["later-action-dated-by-grant"]),
        3: ("late", "2025-07-29", []),
        4: ("on_time", "2025-07-29", []),
        5: ("invalid", None, ["later-action-dated-by-grant"]),
        6: ("overdue", "2025-07-01", [])}


def test_a_licences_new_and_changed_rows_are_two_decisions(tmp_path):
    path = write_xlsx(tmp_path / "区市场监管局_食品经营许可.xlsx", {"台账": [
        HEADER,
        [1, "JY001", "黄石甲餐饮店", "新办", D(2025, 8, 1), D(2025, 8, 20)],
        # the 变更 keeps the 新办's 发证日期: a copied grant day, not the change's (late by 3 on it)
        [2, "JY001", "黄石甲餐饮店", "变更", D(2025, 8, 1), D(2025, 9, 3)],
        [3, "JY002", "黄石乙餐饮店", "新办", D(2025, 6, 3), D(2025, 6, 10)],
        [4, "JY002", "黄石乙餐饮店", "变更", D(2025, 9, 1), D(2025, 9, 5)]]})
    data = run(tmp_path, path)
    assert verdicts(data) == {2: ("on_time", "2025-08-29", []),
                              3: ("invalid", None, ["later-action-dated-by-grant"]),
                              4: ("on_time", "2025-07-01", []),  # 端午 (5-31 to 6-2)
                              5: ("on_time", "2025-09-28", [])}  # Sunday 9-28: a make-up working day
    assert data["summary"]["repeats"] == 0


def test_a_change_of_the_holders_name_is_no_repeated_number(tmp_path):
    # probe p86 F4: the commonest 变更 is of the holder's name: its row was told 文书号重复 (需核实)
    path = write_xlsx(tmp_path / "区市场监管局_食品经营许可变更台账.xlsx", {"台账": [
        HEADER, [1, "JY14202030000009", "西塞山区甲餐馆", "新办", D(2025, 3, 3), D(2025, 3, 10)],
        [2, "JY14202030000009", "黄石甲餐饮管理有限公司", "变更", D(2025, 9, 1), D(2025, 9, 5)],
        [3, "JY14202030000010", "西塞山区乙餐馆", "新办", D(2025, 3, 3), D(2025, 3, 10)],
        [4, "JY14202030000010", "黄石丙餐饮有限公司", "新办", D(2025, 4, 1), D(2025, 4, 3)]]})  # two grants: doubted
    codes = {row: issues for row, (_, _, issues) in verdicts(run(tmp_path, path)).items()}
    assert codes[2] == [] and codes[3] == [], codes
    assert codes[5] == ["duplicate-document-number"], codes


def test_the_same_licence_sent_twice_is_still_one_decision(tmp_path):
    rows = [HEADER, [1, "JY001", "黄石甲餐饮店", "新办", D(2025, 8, 1), D(2025, 8, 20)],
            [2, "JY001", "黄石甲餐饮店", "变更", D(2025, 9, 1), D(2025, 9, 5)]]
    (tmp_path / "in").mkdir()
    write_xlsx(tmp_path / "in" / "区市场监管局_9月.xlsx", {"台账": rows})
    write_xlsx(tmp_path / "in" / "区市场监管局_10月.xlsx",  # the cumulative ledger re-sent with a row more
               {"台账": rows + [[3, "JY002", "黄石乙餐饮店", "新办", D(2025, 10, 9), D(2025, 10, 20)]]})
    data = run(tmp_path, tmp_path / "in")
    assert data["summary"]["repeats"] == 2 and data["summary"]["records"] == 3
    assert {r["status"] for r in data["records"]} == {"on_time"}


@pytest.mark.parametrize("order", ["grant first", "action first"])
def test_a_later_action_with_its_own_date_column_is_judged_by_it(tmp_path, order):
    grant, own = ("发证日期", "注销日期") if order == "grant first" else ("注销日期", "发证日期")
    rows = [["序号", "许可证编号", "持证人", "业务类型", grant, own, "公示日期"],
            [1, "JY1", "甲", "新办", D(2025, 8, 1), None, D(2025, 8, 20)],
            [2, "JY2", "乙", "注销", D(2020, 6, 1), D(2025, 8, 15), D(2025, 8, 20)],
            [3, "JY3", "丙", "注销", D(2020, 6, 1), D(2025, 6, 2), D(2025, 8, 20)]]  # late by its own day
    if order == "action first":  # the same rows, the two date columns swapped
        rows = [rows[0]] + [r[:4] + [r[5], r[4]] + r[6:] for r in rows[1:]]
    got = verdicts(run(tmp_path, write_xlsx(tmp_path / "区市场监管局_许可证.xlsx", {"台账": rows})))
    assert got == {2: ("on_time", "2025-08-29", []), 3: ("on_time", "2025-09-12", []),
                   4: ("late", "2025-06-30", [])}


def test_a_ledger_dated_by_its_decision_is_judged_as_before(tmp_path):
    # 许可决定日期 is the row's own decision, whatever its 业务类型
    path = write_xlsx(tmp_path / "区交通局_许可.xlsx", {"台账": [
        ["序号", "许可编号", "申请人", "业务类型", "许可决定日期", "公示日期"],
        [1, "JT1", "甲", "注销", D(2025, 6, 3), D(2025, 8, 20)]]})
    assert verdicts(run(tmp_path, path)) == {2: ("late", "2025-07-01", [])}
