"""Header words met in 登记 / 备案 ledgers and 医疗机构 licences (real .xlsx, the real CLI)."""

import datetime as dt

from helpers import cli_check, write_xlsx

D = dt.date


def records(tmp_path, path):
    code, data, output = cli_check(tmp_path, path)
    assert code in (0, 1), output
    return [(r["document_number"], r["party"], r["status"]) for r in data["records"]]


def test_a_registration_ledger_numbers_its_rows_by_the_registration_number(tmp_path):
    """登记号 and 经营者名称 were read as nothing: every row lost its number (no repeat could be told)."""
    path = write_xlsx(tmp_path / "区市场监管局_登记.xlsx", {"登记": [
        ["序号", "登记号", "经营者名称", "登记日期", "公示日期"],
        [1, "DJ2016001", "甲商行", D(2016, 9, 1), D(2016, 9, 10)],
        [2, "DJ2016002", "乙商行", D(2016, 9, 5), D(2016, 11, 10)]]})
    assert records(tmp_path, path) == [("DJ2016001", "甲商行", "on_time"), ("DJ2016002", "乙商行", "late")]


def test_an_institution_name_is_the_holder_and_the_issuing_body_is_not(tmp_path):
    path = write_xlsx(tmp_path / "区卫健局_许可.xlsx", {"许可": [
        ["序号", "许可文书号", "发证机构名称", "机构名称", "许可决定日期", "公示日期"],
        [1, "西卫许〔2016〕1号", "区卫健局", "甲诊所", D(2016, 9, 1), D(2016, 9, 10)]]})
    assert records(tmp_path, path) == [("西卫许〔2016〕1号", "甲诊所", "on_time")]
