"""What a ledger's words say about publication (probe 15). Real .xlsx files in tmp_path, the real CLI.

- 备注 that give the day without 已, or with an unrelated 未/尚 in another clause: the day counts;
- a publicity period after a label (公示期 2024.3.5-2024.6.5): its first day;
- two days in the words or the date cell: the earlier judges, both late is late (never 数据有误);
- 已公开（2025年3月5日） in 是否公开 beside a blank date: that day;
- a payment-deferral or enforcement decision's date is no second date of the penalty.
"""

import datetime as dt

from helpers import cli_check, write_xlsx

D = dt.date
DECIDED = D(2025, 3, 3)  # deadline 2025-03-31


def judged(tmp_path, header, rows):
    path = write_xlsx(tmp_path / "区住建局_2025年行政处罚.xlsx", {"处罚": [header, *rows]})
    code, data, output = cli_check(tmp_path, path, as_of="2025-12-31")
    assert code in (0, 1), output
    return [(r["status"], r["published_date"], [i["code"] for i in r["issues"]]) for r in data["records"]]


def test_a_remark_giving_the_day_counts_without_its_already_and_beside_other_clauses(tmp_path):
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期", "备注"]
    remarks = ["2025年3月5日在区政府网站公开", "于2025年3月5日在信用西塞山公示", "公开于2025-03-05",
               "已于2025年3月5日在区政府网站公开，当事人未申请行政复议", "已于2025年3月5日在“信用中国”网站公示，罚款尚未缴纳",
               "已于2025年4月8日在区政府网站公开，当事人不服已申请行政复议",
               # still no publication: a due date, a plan, a refusal
               "应于2025年3月31日前公开", "拟于2025年3月20日公开", "2025年3月5日作出决定，待公开", "不予公开"]
    rows = [[i, f"西住建罚〔2025〕{i}号", "甲", DECIDED, None, remark] for i, remark in enumerate(remarks, start=1)]
    got = [(status, published) for status, published, _ in judged(tmp_path, header, rows)]
    assert got == [("on_time", "2025-03-05")] * 5 + [("late", "2025-04-08")] + [("overdue", None)] * 3 \
        + [("overdue", None)]


def test_two_days_in_the_words_or_the_date_cell_are_judged_by_the_earlier(tmp_path):
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期", "备注"]
    rows = [[1, "西住建罚〔2025〕1号", "甲", DECIDED, None, "已于2025年4月30日在信用西塞山公示，2025年5月6日在区政府网站公开"],
            [2, "西住建罚〔2025〕2号", "乙", DECIDED, "2025.4.8、2025.4.9", None],
            [3, "西住建罚〔2025〕3号", "丙", DECIDED, "2025.3.20、2025.4.9", None]]
    assert judged(tmp_path, header, rows) == [
        ("late", "2025-04-30", ["published-dates-differ"]), ("late", "2025-04-08", ["published-dates-differ"]),
        ("invalid", "2025-03-20", ["published-dates-turn"])]


def test_two_days_one_under_the_other_or_a_space_apart_are_two_days_too(tmp_path):
    # probe p84: 2025.4.8⏎2025.4.9 (Alt+Enter: the credit site's day, then the government site's) and a space
    # apart were 数据有误 "不知道哪一天算数", hiding a lateness both days agree on
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    cells = ["2025.4.8\n2025.4.9", "2025.4.8\r\n2025.4.9", "2025.4.8 2025.4.9", "2025.3.20\n2025.3.21",
             "2025.3.20\n2025.4.9"]
    rows = [[i, f"西住建罚〔2025〕{i}号", "甲", DECIDED, cell] for i, cell in enumerate(cells, start=1)]
    assert judged(tmp_path, header, rows) == [("late", "2025-04-08", ["published-dates-differ"])] * 3 + [
        ("on_time", "2025-03-20", ["published-dates-differ"]), ("invalid", "2025-03-20", ["published-dates-turn"])]


def test_a_period_after_its_label_and_a_day_inside_the_mark(tmp_path):
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示起止日期", "是否公开"]
    rows = [[1, "西住建罚〔2025〕1号", "甲", DECIDED, "公示期 2025.3.5-2025.6.5", "是"],
            [2, "西住建罚〔2025〕2号", "乙", DECIDED, "公示期：2025年3月5日至2026年3月4日", "是"],
            [3, "西住建罚〔2025〕3号", "丙", DECIDED, "公示期限2025.4.5-2025.7.5", "是"],
            [4, "西住建罚〔2025〕4号", "丁", DECIDED, None, "已公开（2025年3月5日）"]]
    got = [(status, published) for status, published, _ in judged(tmp_path, header, rows)]
    assert got == [("on_time", "2025-03-05"), ("on_time", "2025-03-05"), ("late", "2025-04-05"),
                   ("on_time", "2025-03-05")]


def test_a_payment_deferral_or_enforcement_date_is_not_a_second_decision_date(tmp_path):
    for other in ("延期（分期）缴纳罚款决定日期", "强制执行决定日期"):
        header = ["文书号", "当事人", "处罚决定日期", "上网公开日期", other]
        rows = [["西罚〔2025〕1号", "甲", DECIDED, D(2025, 4, 15), D(2025, 3, 25)]]
        assert judged(tmp_path, header, rows) == [("late", "2025-04-15", [])], other


def test_a_sentence_with_two_days_in_the_date_cell_is_read_as_in_a_remark(tmp_path):
    """rules §8's own example, typed in the 公示日期 cell rather than 备注: 数据有误 hid a late publication."""
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    cells = ["已于2025年4月30日在信用西塞山公示，2025年5月6日在区政府网站公开", "信用中国2025-04-30；政府网站2025-05-06",
             "信用中国：2025-04-30；政府网站：2025-05-06"]
    rows = [[i, f"西住建罚〔2025〕{i}号", "甲", DECIDED, cell] for i, cell in enumerate(cells, start=1)]
    assert judged(tmp_path, header, rows) == [("late", "2025-04-30", ["published-dates-differ"])] * 3


def test_a_remark_naming_the_site_and_the_day_without_a_verb_gives_the_day(tmp_path):
    """备注 信用中国：2025.4.30 beside a blank date said nothing before: 逾期未公开, a false accusation. A page's
    address in 备注 says online, its day unknown: never 逾期未公开. 信用修复 is no site."""
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期", "备注"]
    remarks = ["信用中国：2025.4.30", "区政府网站2025年4月30日", "信用中国 2025-04-30",
               "详见 http://www.xss.gov.cn/xxgk/xzcf/202504/t20250430_31.html", "信用修复2025-04-30"]
    rows = [[i, f"西住建罚〔2025〕{i}号", "甲", DECIDED, None, remark] for i, remark in enumerate(remarks, start=1)]
    got = judged(tmp_path, header, rows)
    assert [(status, published) for status, published, _ in got] == [("late", "2025-04-30")] * 3 + [
        ("invalid", None), ("overdue", None)]
    assert "published-marked-no-date" in got[3][2]


def test_a_publicity_period_open_at_its_end_starts_on_its_first_day(tmp_path):
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    cells = ["2025.4.30至今", "2025年4月30日起", "自2025年4月30日起公示三年", "2025年3月5日起"]
    rows = [[i, f"西住建罚〔2025〕{i}号", "甲", DECIDED, cell] for i, cell in enumerate(cells, start=1)]
    assert [(s, p) for s, p, _ in judged(tmp_path, header, rows)] == [("late", "2025-04-30")] * 3 + [("on_time", "2025-03-05")]


def test_a_gongshi_qingkuang_sentence_column_and_a_gongshi_qixian_period_column_are_read(tmp_path):
    """公示情况 (as 公开情况 was) holds the sentence; 公示期限 holds the period, its first day the publication where no
    公示日期 column is there. Both were published-column-missing: 数据有误, a late publication hidden."""
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示情况"]
    rows = [[1, "西住建罚〔2025〕1号", "甲", DECIDED, "已于2025年4月30日在区政府网站公开"], [2, "西住建罚〔2025〕2号", "乙", DECIDED, "未公开"]]
    assert [(s, p) for s, p, _ in judged(tmp_path, header, rows)] == [("late", "2025-04-30"), ("overdue", None)]
    (tmp_path / "b").mkdir()
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示期限"]
    rows = [[1, "西住建罚〔2025〕3号", "丙", DECIDED, "2025.4.30-2026.4.29"]]
    assert [(s, p) for s, p, _ in judged(tmp_path / "b", header, rows)] == [("late", "2025-04-30")]


def test_a_single_day_under_a_notice_period_header_is_never_taken_for_the_publication(tmp_path):
    # probe: 公开期限 holding the unit's own due date (2025-03-31, the deadline) made unpublished decisions 按时公开,
    # exit 0, whatever 是否公开 said. One day there is no period: 数据有误 with the reason; a range still dates it,
    # under 公示期 too (that header was not read at all: 数据有误 for a late publication).
    header = ["序号", "行政许可决定书文号", "申请人", "许可决定日期", "公开期限", "是否公开"]
    rows = [[1, "西住建许〔2025〕1号", "甲", DECIDED, D(2025, 3, 31), "否"],
            [2, "西住建许〔2025〕2号", "乙", DECIDED, "2025-03-31", ""],
            [3, "西住建许〔2025〕3号", "丙", DECIDED, "2025.4.30-2026.4.29", "是"]]
    assert judged(tmp_path, header, rows) == [("invalid", None, ["published-period-single-day"]),
                                              ("invalid", None, ["published-period-single-day"]),
                                              ("late", "2025-04-30", [])]
    (tmp_path / "b").mkdir()
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示期"]
    rows = [[1, "西住建罚〔2025〕4号", "丁", DECIDED, "2025年4月1日至2028年3月31日"]]
    assert [(s, p) for s, p, _ in judged(tmp_path / "b", header, rows)] == [("late", "2025-04-01")]
