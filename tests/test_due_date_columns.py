"""A unit's own due date (最迟公开日期) beside the real publication date, and a take-down date in other
word orders (公示撤销日期). Real .xlsx files in tmp_path, the real CLI."""

import datetime as dt

import pytest

from helpers import cli_check, write_xlsx

D = dt.date


def judged(tmp_path, path):
    code, data, output = cli_check(tmp_path, path, as_of="2025-12-31")
    assert code in (0, 1), output
    return [(r["document_number"][-4:], r["status"], r["published_date"]) for r in data["records"]]


@pytest.mark.parametrize("due", ["最迟公开日期", "最晚公开日期", "要求公开日期", "规定公开日期", "应于何日公开", "承诺公示日期"])
def test_a_due_date_column_is_never_the_publication_date(tmp_path, due):
    """最迟公开日期 was read as the publication date: every record came out 按时公开, 通过."""
    path = write_xlsx(tmp_path / "区城管局_2025年行政处罚.xlsx", {"处罚": [
        ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", due, "实际公开日期"],
        # deadline 2025-07-29 (20 working days after 07-01)
        [1, "西城管罚〔2025〕201号", "甲", D(2025, 7, 1), D(2025, 7, 29), D(2025, 7, 10)],
        [2, "西城管罚〔2025〕202号", "乙", D(2025, 7, 1), D(2025, 7, 29), D(2025, 8, 19)],
        [3, "西城管罚〔2025〕203号", "丙", D(2025, 7, 1), D(2025, 7, 29), None]]})
    assert judged(tmp_path, path) == [("201号", "on_time", "2025-07-10"), ("202号", "late", "2025-08-19"),
                                      ("203号", "overdue", None)]


@pytest.mark.parametrize("header", ["公示撤销日期", "移出公示日期"])
def test_a_take_down_date_in_another_word_order_says_the_decision_was_online(tmp_path, header):
    path = write_xlsx(tmp_path / "区城管局_2025年行政处罚.xlsx", {"处罚": [
        ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期", header],
        [1, "西城管罚〔2025〕201号", "甲", D(2025, 7, 1), None, D(2025, 11, 1)]]})
    assert judged(tmp_path, path) == [("201号", "invalid", None)]


@pytest.mark.parametrize("start, end", [("公示日期（起）", "公示日期（止）"), ("公示日期(起)", "公示日期(截止)"),
                                        ("公示时间（开始）", "公示时间（至）"), ("公示期起始日期", "公示期截止日期")])
def test_the_end_of_the_publicity_period_is_no_second_publication_date(tmp_path, start, end):
    """公示日期（止）: the day the publicity period ends, months after the decision went online. Read as a
    second publication date, every on-time record became 数据有误 (published-dates-turn); 公示期起始日期
    was no publication date at all, and every record was 数据有误."""
    path = write_xlsx(tmp_path / "区城管局_2025年行政处罚.xlsx", {"处罚": [
        ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", start, end],
        [1, "西城管罚〔2025〕201号", "甲", D(2025, 7, 1), D(2025, 7, 10), D(2025, 10, 10)],
        [2, "西城管罚〔2025〕202号", "乙", D(2025, 7, 1), D(2025, 8, 19), D(2025, 11, 19)]]})
    assert judged(tmp_path, path) == [("201号", "on_time", "2025-07-10"), ("202号", "late", "2025-08-19")]
