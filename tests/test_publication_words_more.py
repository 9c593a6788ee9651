"""Words in a publication cell or 备注 that are not the day a decision went online (probe 59), and ranges,
marks and headers clerks write that were not read. Decided 2026-02-13: due 2026-03-19 (20 working days after
the Spring Festival holiday of 2026-02-15..23, with its make-up days 02-14 and 02-28)."""

from __future__ import annotations

import pytest

from helpers import cli_check, write_xlsx

DECIDED = "2026-02-13"
AS_OF = "2026-11-30"
HEADER = ["序号", "处罚决定书文号", "当事人", "处罚决定日期", "公示日期", "备注"]


def _judged(tmp_path, cells: list[tuple[object, object]], header=HEADER) -> list[dict]:
    rows = [[i, f"西安监罚〔2026〕{i}号", f"公司{i}", DECIDED, published, remark]
            for i, (published, remark) in enumerate(cells, start=1)]
    path = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": [header, *rows]})
    code, data, output = cli_check(tmp_path, path, AS_OF)
    assert code in (0, 1) and data, output
    by_number = {r["document_number"]: r for r in data["records"]}
    return [by_number[f"西安监罚〔2026〕{i}号"] for i in range(1, len(cells) + 1)]


def _codes(record: dict) -> list[str]:
    return [issue["code"] for issue in record["issues"]]


ENDS = ["公示至2026.6.18", "公示截止2026.6.18", "公示截止日期：2026.6.18", "公示结束：2026.6.18", "公示到期日2026.6.18",
        "2026.6.18公示期满", "公示期满2026年6月18日", "2026年6月18日公示结束"]


def test_the_end_of_the_publicity_period_is_never_taken_for_the_day_it_went_online(tmp_path):
    # a three-month period ending 06-18 began on time; read as the publication day it made a 62-day 逾期公开
    records = _judged(tmp_path, [(end, None) for end in ENDS] + [(None, end) for end in ENDS])
    assert [r["status"] for r in records] == ["invalid"] * len(records), [(r["status"], r["published_date"])
                                                                         for r in records]
    assert all(r["published_date"] is None for r in records)
    assert [_codes(r) for r in records[:len(ENDS)]] == [["date-with-words"]] * len(ENDS)
    # in 备注: online, since when not said
    assert [_codes(r) for r in records[len(ENDS):]] == [["published-marked-no-date"]] * len(ENDS)


def test_data_sent_to_a_credit_platform_is_not_published_on_it(tmp_path):
    records = _judged(tmp_path, [(None, "已于2026年3月19日报送信用中国"), (None, "已于2026.3.19推送至信用平台"),
                                 (None, "已于2026年3月19日上报信用平台"), ("2026.3.19上报信用平台", None),
                                 # a publication said after the sending is one
                                 (None, "报送后于2026年3月18日在信用中国公示")])
    assert [r["status"] for r in records] == ["overdue", "overdue", "overdue", "invalid", "on_time"], records
    assert records[3]["published_date"] is None and _codes(records[3]) == ["date-with-words"]
    assert records[4]["published_date"] == "2026-03-18"


def test_ranges_and_crosses_written_in_the_publication_cell(tmp_path):
    cells = ["2026.3.19-2027.3.18（公示期一年）", "自2026年3月20日至2027年3月19日", "20260319-20270318",
             "20260320-20270319", "2026.3.19-", "×", "✗", "X", "N", "暂无", "没有"]
    records = _judged(tmp_path, [(cell, None) for cell in cells])
    assert [(r["status"], r["published_date"]) for r in records] == [
        ("on_time", "2026-03-19"), ("late", "2026-03-20"), ("on_time", "2026-03-19"), ("late", "2026-03-20"),
        ("on_time", "2026-03-19")] + [("overdue", None)] * 6, records


@pytest.mark.parametrize("column, header", [(4, "公示网站及时间"), (4, "公开网站及日期"), (4, "公告日期"), (4, "公布时间"),
                                            (4, "公示日"), (3, "文书日期"), (3, "下达日期"), (3, "出具日期"),
                                            (3, "作出时间")])
def test_more_names_of_the_date_columns(tmp_path, column, header):
    named = HEADER[:column] + [header] + HEADER[column + 1:]
    [on_time, late] = _judged(tmp_path, [("2026-03-19", None), ("2026-03-20", None)], header=named)
    assert (on_time["status"], late["status"], late["working_days_late"]) == ("on_time", "late", 1), (on_time, late)


def test_a_remark_giving_the_whole_period_is_judged_by_its_first_day_only(tmp_path):
    # the period's end was weighed as a second publication day: 数据有误 (按较早按时、按较晚逾期) for an on-time record
    records = _judged(tmp_path, [(None, "公示期2026.3.19至2027.3.18"), (None, "2026年3月19日公示至2026年6月18日"),
                                 (None, "已于2026年3月20日公示，公示期至2026年6月18日"), (None, "公示时间至2026.6.18")])
    assert [(r["status"], r["published_date"]) for r in records] == [
        ("on_time", "2026-03-19"), ("on_time", "2026-03-19"), ("late", "2026-03-20"), ("invalid", None)], records
    assert all(not {"published-dates-turn", "published-dates-differ"} & set(_codes(r)) for r in records), records
