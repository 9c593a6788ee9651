"""compliance.toml as an engineer edits it over the years (probe 61): a rule change added above an earlier one,
a change that sets only days under the market rule, a confirmed exemption whose number another unit's decision
also bears, a unit declared twice. Through the real CLI, on workbooks built here; deadlines counted by hand
(March 2025 and 2024 have no holiday)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "文书号", "行政相对人名称", "决定日期", "上网公开日期", "类别", "处罚程序"]


def _check(tmp_path, config: str, rows: list[list], as_of: str = "2025-12-31", name: str = "区人社局_台账.xlsx"):
    return _run(tmp_path, write_xlsx(tmp_path / name, {"台账": [HEADER, *rows]}), config, "--as-of", as_of)


def _run(tmp_path, path, config: str, *options: str):
    """``check PATH --config`` (a file or a folder), no history: (the CLI's result, the records by number)."""
    toml = tmp_path / "compliance.toml"
    toml.write_text(config, encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--config", str(toml), "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out), *options])
    records = json.loads(out.read_text(encoding="utf-8"))["records"] if out.exists() else []
    return result, {r["document_number"]: r for r in records}


IN_ORDER = ('[rules]\npermit = 20\npenalty = 20\n\n[[rules.change]]\nfrom = "2024-07-01"\npermit = 10\npenalty = 10\n\n'
            '[[rules.change]]\nfrom = "2025-01-01"\npenalty = 5\n')
# the 2025 change written first, the 2024 one added below it later
OUT_OF_ORDER = ('[rules]\npermit = 20\npenalty = 20\n\n[[rules.change]]\nfrom = "2025-01-01"\npenalty = 5\n\n'
                '[[rules.change]]\nfrom = "2024-07-01"\npermit = 10\npenalty = 10\n')


@pytest.mark.parametrize("config", [IN_ORDER, OUT_OF_ORDER], ids=["in-order", "out-of-order"])
def test_a_change_keeps_what_it_does_not_set_from_the_rule_in_force_before_it(tmp_path, config):
    # 2025-03-03 (Mon): 10 working days end 03-17, 5 end 03-10; from 2025 permits keep 2024's 10 days (were 20)
    result, records = _check(tmp_path, config, [[1, "西人社许〔2025〕1号", "甲", D(2025, 3, 3), D(2025, 3, 18), "许可", ""],
                                                [2, "西人社罚〔2025〕2号", "乙", D(2025, 3, 3), D(2025, 3, 10), "处罚", ""]])
    assert result.exit_code == 1, result.output
    permit, penalty = records["西人社许〔2025〕1号"], records["西人社罚〔2025〕2号"]
    assert (permit["deadline"], permit["status"], permit["working_days_late"]) == ("2025-03-17", "late", 1), permit
    assert (penalty["deadline"], penalty["status"]) == ("2025-03-10", "on_time"), penalty


def test_a_change_that_sets_only_days_keeps_the_market_rules_exemptions(tmp_path):
    config = '[rules]\nprofile = "market"\n\n[[rules.change]]\nfrom = "2024-01-01"\npenalty = 7\n'
    result, records = _check(tmp_path, config, [
        [1, "西市监罚〔2024〕1号", "甲", D(2024, 3, 4), None, "处罚", "简易程序"],
        [2, "西市监罚〔2024〕2号", "乙", D(2024, 3, 4), D(2024, 3, 12), "处罚", "一般程序"],
        [3, "西市监罚〔2024〕3号", "丙", D(2024, 3, 4), D(2024, 3, 14), "处罚", "一般程序"]], name="区市场监管局_台账.xlsx")
    assert result.exit_code == 1, result.output
    # 2024-03-04 (Mon) + 7 working days: 03-13
    assert [records[f"西市监罚〔2024〕{i}号"]["status"] for i in (1, 2, 3)] == ["exempt", "on_time", "late"], records


def test_a_confirmed_number_another_units_decision_shares_leaves_that_decision_judged(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [HEADER, [1, "西安监罚〔2025〕7号", "甲", D(2025, 3, 3), "不予公开",
                                                                  "处罚", "一般程序"]]})
    write_xlsx(folder / "区环保局_处罚.xlsx", {"处罚": [HEADER, [1, "西安监罚〔2025〕7号", "乙", D(2025, 6, 2), None,
                                                                  "处罚", "一般程序"]]})
    result, _ = _run(tmp_path, folder, '[exempt]\nconfirmed = ["西安监罚〔2025〕7号"]\n', "--as-of", "2025-12-31")
    assert result.exit_code == 1, result.output
    statuses = {r["unit"]: r["status"]
                for r in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["records"]}
    assert statuses == {"区安监局": "exempt", "区环保局": "overdue"}, statuses


@pytest.mark.parametrize("units, words", [
    ('"区人社局" = ["西塞山区人力资源和社会保障局"]\n"区 人社局" = ["区人力资源和社会保障局"]\n',
     "“区 人社局”与“区人社局”是同一个单位"),
    ('"区人社局" = ["西塞山区人力资源和社会保障局"]\n"" = ["区人力资源和社会保障局"]\n', "单位的名称是空的")])
def test_a_unit_declared_twice_or_without_a_name_is_refused_with_its_line(tmp_path, units, words):
    result, _ = _check(tmp_path, "[units]\n" + units, [])
    assert result.exit_code == 2, result.output
    assert "第 3 行" in result.output and words in result.output, result.output
    assert "Traceback" not in result.output


def test_a_rule_given_on_the_command_line_says_it_sets_the_config_files_rules_aside(tmp_path):
    ledger = write_xlsx(tmp_path / "区人社局_台账.xlsx", {"台账": [HEADER, [1, "西人社许〔2025〕1号", "甲", D(2025, 3, 3),
                                                                         D(2025, 3, 18), "许可", ""]]})
    result, _ = _run(tmp_path, ledger, IN_ORDER, "--as-of", "2025-12-31", "--rule", "national")
    assert result.exit_code == 1, result.output
    path = tmp_path / "compliance.toml"
    assert f"--rule national 代替了配置文件 {path} 中 [rules] 的规则（含 2 个 change）" in result.output, result.output


def test_a_column_the_config_names_outright_is_read_and_its_built_in_look_alike_set_aside(tmp_path):
    """[columns] published_date = ["网站发布日"] beside a 公示日期 column holding another date (the notice board's):
    the configured column decides; both were weighed and each row they differed on was 数据有误."""
    header = ["序号", "文书号", "行政相对人名称", "决定日期", "网站发布日", "公示日期"]
    ledger = write_xlsx(tmp_path / "区人社局_处罚.xlsx", {"处罚": [header,
                        [1, "西人社罚〔2025〕1号", "甲", D(2025, 3, 3), D(2025, 3, 31), D(2025, 4, 10)],
                        [2, "西人社罚〔2025〕2号", "乙", D(2025, 3, 3), D(2025, 4, 1), D(2025, 3, 20)]]})
    result, records = _run(tmp_path, ledger, '[columns]\npublished_date = ["网站发布日"]\n', "--as-of", "2025-12-31")
    assert result.exit_code == 1, result.output
    got = {number: (r["status"], r["published_date"]) for number, r in records.items()}
    # 2025-03-03 + 20 working days: 03-31
    assert got == {"西人社罚〔2025〕1号": ("on_time", "2025-03-31"), "西人社罚〔2025〕2号": ("late", "2025-04-01")}, got


def test_a_misspelt_from_in_a_change_is_named_with_its_line(tmp_path):
    result, _ = _check(tmp_path, '[rules]\npermit = 10\n\n[[rules.change]]\nform = "2020-01-01"\npenalty = 5\n', [])
    assert result.exit_code == 2, result.output
    assert "第 5 行" in result.output and "没有“form”这一项" in result.output, result.output


@pytest.mark.parametrize("text, line", [('[units]\n"区人社局" = ["甲"]\n"区人社局" = ["乙"]\n', 3),
                                        ("[rules]\npermit = 10\n\n[rules]\npenalty = 5\n", 4)])
def test_a_unit_key_or_section_written_twice_is_said_to_be_a_repeat(tmp_path, text, line):
    result, _ = _check(tmp_path, text, [])
    assert result.exit_code == 2, result.output
    assert f"第 {line} 行" in result.output and "在前面已经写过一次" in result.output, result.output


def test_a_confirmed_number_no_record_bears_is_said_on_the_terminal_and_in_the_report(tmp_path):
    result, records = _check(tmp_path, '[exempt]\nconfirmed = ["西人社罚〔2025〕1号", "西人社罚〔2025〕11号"]\n',
                             [[1, "西人社罚〔2025〕1号", "甲", D(2025, 3, 3), "不予公开", "处罚", ""]])
    assert records["西人社罚〔2025〕1号"]["status"] == "exempt"
    said = "compliance.toml [exempt] confirmed 中的“西人社罚〔2025〕11号”在本次读到的台账中没有"
    assert said in result.output and "“西人社罚〔2025〕1号”在本次" not in result.output, result.output
    import openpyxl
    about = [v for _, v in openpyxl.load_workbook(tmp_path / "r.xlsx")["说明"].iter_rows(values_only=True) if v]
    assert any(said in v for v in about), about
