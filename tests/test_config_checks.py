"""Configuration mistakes that used to become 内部错误 or a silent merge: each is one Chinese line
naming the file and the line, through the real CLI (issue 19, item 12)."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.config import load_config
from compliance.errors import CalendarFileError, ConfigError
from compliance.workcalendar import WorkCalendar
from helpers import PENALTY_HEADER, write_xlsx


def run_with_config(tmp_path, text: str):
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER]})
    config = tmp_path / "compliance.toml"
    config.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(ledger), "--config", str(config), "-o", str(tmp_path / "r.xlsx")])
    return result, config


@pytest.mark.parametrize("text, line, words", [
    ("[limits]\nmax_uncompressed_mb = nan\n", 2, "max_uncompressed_mb 应为正数"),
    ("# 上限\n[limits]\nmax_uncompressed_mb = inf\n", 3, "现为“inf”"),
    ("[limits]\nmax_uncompressed_mb = 0\n", 2, "现为“0”"),
    ("[limits]\nmax_uncompressed_mb = -5\n", 2, "现为“-5”"),
    ("[web]\nmax_files = 3\nmax_upload_mb = nan\n", 3, "max_upload_mb 应为正数"),
    ("[web]\nmax_upload_mb = inf\n", 2, "现为“inf”"),
    ("[web]\nmax_upload_mb = 0\n", 2, "现为“0”"),
    ("[web]\nreport_ttl_minutes = -1\n", 2, "report_ttl_minutes"),
    ("[web]\nmax_files = 0\n", 2, "max_files 应为正整数"),
    ("[web]\nmax_reports_mb = nan\n", 2, "max_reports_mb"),
])
def test_limits_that_are_not_positive_finite_numbers_are_refused_with_the_line(tmp_path, text, line, words):
    result, config = run_with_config(tmp_path, text)
    assert result.exit_code == 2
    assert f"错误：配置文件 {config} 第 {line} 行：" in result.output
    assert words in result.output
    assert "内部错误" not in result.output and "Traceback" not in result.output


def test_circular_unit_aliases_are_refused_not_merged(tmp_path):
    result, config = run_with_config(tmp_path, '[units]\n"区人社局" = ["区安监局"]\n"区安监局" = ["区人社局"]\n')
    assert result.exit_code == 2
    assert f"配置文件 {config} 第 2 行：" in result.output
    assert "“区人社局”的别名“区安监局”本身也是一个单位" in result.output


def test_an_alias_that_names_another_declared_unit_in_another_spelling_is_refused(tmp_path):
    path = tmp_path / "compliance.toml"
    path.write_text('[units]\n"甲局" = ["甲 局"]\n"乙局" = ["甲局"]\n', encoding="utf-8")  # 甲 局 is 甲局: allowed
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "第 3 行" in caught.value.message and "“乙局”的别名“甲局”本身也是一个单位" in caught.value.message


def test_ordinary_unit_aliases_still_work(tmp_path):
    path = tmp_path / "compliance.toml"
    path.write_text('[units]\n"区人社局" = ["西塞山区人力资源和社会保障局", "区人社局"]\n', encoding="utf-8")
    assert load_config(path).units == {"区人社局": ["西塞山区人力资源和社会保障局", "区人社局"]}


def test_two_rule_changes_on_one_date_are_refused(tmp_path):
    text = ('[rules]\npermit = 20\n\n[[rules.change]]\nfrom = "2019-01-01"\npermit = 7\n\n'
            '[[rules.change]]\nfrom = "2019/1/1"\npermit = 5\n')
    result, config = run_with_config(tmp_path, text)
    assert result.exit_code == 2
    assert f"错误：配置文件 {config} 第 9 行：[rules] 第 2 个 change 的 from 2019-01-01 与第 1 个 change 相同" \
        in result.output


def test_two_rule_changes_on_different_dates_are_fine(tmp_path):
    path = tmp_path / "compliance.toml"
    path.write_text('[[rules.change]]\nfrom = "2019-01-01"\npermit = 7\n[[rules.change]]\nfrom = "2020-01-01"\n'
                    'permit = 5\n', encoding="utf-8")
    assert [r.permit_days for r in load_config(path).rules.rules] == [20, 7, 5]


def test_a_bad_rule_value_names_its_line(tmp_path):
    path = tmp_path / "compliance.toml"
    path.write_text('[rules]\npermit = 7\n[[rules.change]]\nfrom = "2019-01-01"\npenalty = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.message.startswith(f"配置文件 {path} 第 5 行：[rules] 第 1 个 change 中 penalty")


def test_one_calendar_file_with_a_date_as_both_rest_and_work_is_refused(tmp_path):
    calendar = tmp_path / "2027.csv"
    calendar.write_text("date,type,name\n2027-01-01,休,元旦\n2027-02-06,班,春节调休\n2027-01-01,班,\n",
                        encoding="utf-8")
    result = CliRunner().invoke(main, ["deadline", "2027-01-04", "--calendar", str(calendar)])
    assert result.exit_code == 2
    assert f"日历文件 {calendar} 第 4 行：2027-01-01 在第 2 行是休（休息日），这里是班（调休上班）" in result.output


def test_two_calendar_files_that_disagree_are_refused_naming_both(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("2027-01-01,休,元旦\n2027-02-06,班,春节调休\n", encoding="utf-8")
    second.write_text("date,type,name\n2027-01-01,休,元旦\n2027-02-06,休,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["deadline", "2027-01-04", "--calendar", str(first), "--calendar", str(second)])
    assert result.exit_code == 2
    assert (f"日历文件 {second} 第 3 行：2027-02-06 在这里是休（休息日），在日历文件 {first} 第 2 行是班（调休上班）"
            in result.output)


def test_calendar_files_that_repeat_the_same_days_agree(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("2027-01-01,休,元旦\n2027-01-01,holiday,元旦\n", encoding="utf-8")
    second.write_text("2027-01-01,休,元旦\n", encoding="utf-8")
    assert not WorkCalendar([first, second]).is_workday(dt.date(2027, 1, 1))
    with pytest.raises(CalendarFileError):
        WorkCalendar([first, tmp_path / "missing.csv"])
