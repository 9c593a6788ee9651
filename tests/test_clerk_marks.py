"""Marks clerks type instead of a value: never a unit of their own, never a date taken from a web address.

- A unit cell of marks only (/, —, …, ――) names no unit: like a blank cell, the unit above holds; ditto
  marks however typed (＂ in full-width mode, ″, 同上。, 〃〃, 仝上, -do-) are "as above" in unit and
  date columns alike. Before, each became a unit of its own in 汇总, its overdue decisions taken from
  the real unit's line, with no word on the record.
- 已公示 beside a page's address whose path holds a date (…/uploadfile/2026/09/03/…, an upload folder):
  the words say published, no day: 数据有误 after the deadline, never 按时公开 on the folder's date.
Real files through the real CLI; deadlines counted by hand (2026-08-03 + 20 working days = 2026-08-31;
2026-09-03 + 20 = 2026-10-08 over 国庆, Oct 1–7 off)."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

HEADER = ["行政处罚决定书文号", "当事人", "处罚机关", "处罚决定日期", "公示日期"]
MARKS = ["/", "—", "…", "――", "＂", "″", "同上。", "〃〃", "仝上", "-do-", "Ditto"]


def check(tmp_path, path):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return result, json.loads(out.read_text(encoding="utf-8"))


def test_marks_in_the_unit_column_are_the_unit_above_never_a_unit_of_their_own(tmp_path):
    day = dt.date(2026, 8, 3)
    rows = [HEADER, ["西市监罚〔2026〕1号", "甲公司", "区市场监管局", day, None]]
    rows += [[f"西市监罚〔2026〕{k}号", f"乙{k}公司", mark, day, None] for k, mark in enumerate(MARKS, start=2)]
    ledger = write_xlsx(tmp_path / "区市场监管局_处罚.xlsx", {"行政处罚": rows})
    _, payload = check(tmp_path, ledger)
    assert {r["unit"] for r in payload["records"]} == {"区市场监管局"}
    assert [r["status"] for r in payload["records"]] == ["overdue"] * (1 + len(MARKS))
    assert [u["unit"] for u in payload["units"] if u["unit"] != "合计"] == ["区市场监管局"]


def test_a_ditto_mark_in_a_date_column_is_the_date_above_and_a_csv_follows_the_unit_above(tmp_path):
    lines = ["行政处罚决定书文号,当事人,处罚机关,处罚决定日期,公示日期",
             "西综执罚〔2026〕1号,甲,区综合执法局,2026-09-03,2026-09-10",
             "西综执罚〔2026〕2号,乙,/,″,",
             "西综执罚〔2026〕3号,丙,同上,＂,2026-10-09",
             "西综执罚〔2026〕4号,丁,〃,2026-09-04,2026-09-10"]
    ledger = tmp_path / "区综合执法局_处罚.csv"
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, payload = check(tmp_path, ledger)
    got = {r["document_number"]: (r["unit"], r["decision_date"], r["status"]) for r in payload["records"]}
    assert got == {"西综执罚〔2026〕1号": ("区综合执法局", "2026-09-03", "on_time"),
                   "西综执罚〔2026〕2号": ("区综合执法局", "2026-09-03", "overdue"),
                   "西综执罚〔2026〕3号": ("区综合执法局", "2026-09-03", "late"),
                   "西综执罚〔2026〕4号": ("区综合执法局", "2026-09-04", "on_time")}


def test_a_date_in_a_web_address_beside_yi_gongshi_is_no_publication_date(tmp_path):
    day = dt.date(2026, 9, 3)
    rows = [HEADER,
            ["西安监罚〔2026〕1号", "甲", "区安监局", day, "已公示 http://www.xss.gov.cn/uploadfile/2026/09/03/cf7.pdf"],
            ["西安监罚〔2026〕2号", "乙", "区安监局", day, "已上网 www.xss.gov.cn/2026-09-03/cf7.html"],
            ["西安监罚〔2026〕3号", "丙", "区安监局", day, "http://www.xss.gov.cn/art/2026/10/9/art_9.html 已公示"],
            ["西安监罚〔2026〕4号", "丁", "区安监局", day, "2026-10-08 http://www.xss.gov.cn/art/2026/10/9/art_9.html"],
            ["西安监罚〔2026〕5号", "戊", "区安监局", day, "已于2026年10月9日公示，详见 http://www.xss.gov.cn/art/2026/9/5/a.html"]]
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": rows})
    _, payload = check(tmp_path, ledger)
    got = {r["row"]: (r["status"], r["published_date"], [i["code"] for i in r["issues"]]) for r in payload["records"]}
    for row in (2, 3, 4):  # published, by the words; the day only in the address
        assert got[row] == ("invalid", None, ["published-marked-no-date"]), got[row]
    assert got[5][:2] == ("on_time", "2026-10-08")  # the written date, not the address's 10-09
    assert got[6][:2] == ("late", "2026-10-09")  # the words' day, not the address's 9-5


def test_a_publication_cell_that_says_not_yet_with_a_day_beside_is_not_published(tmp_path):
    """未公开（2026.10.8报送信用办）: the day is when it was sent elsewhere; 拟于…公开: a plan. Both say not
    online: 逾期未公开 after the deadline (2026-10-08), never 数据有误 for "which day counts"."""
    day = dt.date(2026, 9, 3)
    rows = [HEADER,
            ["西安监罚〔2026〕1号", "甲", "区安监局", day, "未公开（2026.10.8报送信用办）"],
            ["西安监罚〔2026〕2号", "乙", "区安监局", day, "拟于2026年10月8日公开"],
            ["西安监罚〔2026〕3号", "丙", "区安监局", day, "计划10月8日公示"],
            ["西安监罚〔2026〕4号", "丁", "区安监局", day, "未公开（已于10月8日公开）"]]  # says both: not ours to pick
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": rows})
    _, payload = check(tmp_path, ledger)
    got = {r["row"]: r["status"] for r in payload["records"]}
    assert got == {2: "overdue", 3: "overdue", 4: "overdue", 5: "invalid"}


def test_a_due_date_written_in_the_publication_cell_is_not_a_publication(tmp_path):
    """应于2026.10.8前公开, 最迟2026年10月8日公示: the day it was due, not the day it went online: not
    published, so 逾期未公开 after the deadline (2026-10-08); 截止2026.10.8 alone may be a publicity period's
    end as well as a due date: 数据有误, never a verdict either way."""
    day = dt.date(2026, 9, 3)
    rows = [HEADER,
            ["西安监罚〔2026〕1号", "甲", "区安监局", day, "应于2026.10.8前公开"],
            ["西安监罚〔2026〕2号", "乙", "区安监局", day, "最迟2026年10月8日公示"],
            ["西安监罚〔2026〕3号", "丙", "区安监局", day, "须于10月8日之前公开"],
            ["西安监罚〔2026〕4号", "丁", "区安监局", day, "截止2026.10.8"],
            ["西安监罚〔2026〕5号", "戊", "区安监局", day, "应于2026.10.8前公开，已于2026.10.9公开"]]
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": rows})
    _, payload = check(tmp_path, ledger)
    got = {r["row"]: (r["status"], r["published_date"]) for r in payload["records"]}
    assert got == {2: ("overdue", None), 3: ("overdue", None), 4: ("overdue", None), 5: ("invalid", None),
                   6: ("late", "2026-10-09")}, got


def test_a_party_name_run_on_to_the_next_row_is_no_record(tmp_path):
    """黄石市西塞山区某某商贸 | 有限公司 on the next row (the clerk pressed Enter): the legal form alone, no
    number, no date, is the name continued, a skipped row; not a 数据有误 record charged to the unit."""
    header = ["行政处罚决定书文号", "当事人", "违法事实", "处罚决定日期", "公示日期"]
    rows = [header,
            ["西安监罚〔2026〕1号", "黄石市西塞山区某某商贸", "未按规定开展安全", dt.date(2026, 9, 3), dt.date(2026, 9, 10)],
            [None, "有限公司", "生产教育培训", None, None],
            ["西安监罚〔2026〕2号", "张三", "无证经营", dt.date(2026, 9, 4), None],
            [None, "个体工商户", None, dt.date(2026, 9, 4), None]]  # a date: a record, as ever
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": rows})
    _, payload = check(tmp_path, ledger)
    assert [(r["row"], r["status"]) for r in payload["records"]] == [(2, "on_time"), (4, "overdue"), (5, "overdue")]
    assert payload["summary"]["skipped_rows"] == 1
    assert {r["unit"] for r in payload["records"]} == {"区安监局"}  # the skipped 有限公司 names no unit block


def test_a_correction_published_again_in_the_date_cell_leaves_the_first_publication_to_judge(tmp_path):
    """2026-10-08（2026-10-20更正后重新公示）: online on the deadline day, corrected and published again
    later: 按时公开, not 数据有误 for two dates (a correction is not a doubt about the first day)."""
    rows = [HEADER,
            ["西安监罚〔2026〕1号", "甲", "区安监局", dt.date(2026, 9, 3), "2026-10-08（2026-10-20更正后重新公示）"],
            ["西安监罚〔2026〕2号", "乙", "区安监局", dt.date(2026, 9, 3), "已于2026年10月8日公示，2026年10月20日在区政府网站公开"]]
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": rows})
    _, payload = check(tmp_path, ledger)
    got = {r["row"]: (r["status"], r["published_date"]) for r in payload["records"]}
    assert got == {2: ("on_time", "2026-10-08"), 3: ("invalid", "2026-10-08")}  # two sites, two days: a doubt


def test_a_plan_beside_the_real_day_and_an_address_without_http_are_read_as_written(tmp_path):
    """预计…公开，实际10月8日公开 says it went online, never "not yet"; the day in an address written
    without http:// or www. (xss.gov.cn/2026/10/08/…, xxgk/2026/10/08/…) is no publication date either."""
    day = dt.date(2026, 9, 3)
    rows = [HEADER,
            ["西安监罚〔2026〕1号", "甲", "区安监局", day, "预计10月8日公开，实际10月8日公开"],
            ["西安监罚〔2026〕2号", "乙", "区安监局", day, "计划10月8日公示，实际10月9日公示"],
            ["西安监罚〔2026〕3号", "丙", "区安监局", day, "未公开（报送信用办后于2026年10月9日在信用中国公示）"],
            ["西安监罚〔2026〕4号", "丁", "区安监局", day, "已公示 xss.gov.cn/2026/10/08/a.html"],
            ["西安监罚〔2026〕5号", "戊", "区安监局", day, "已公示（xxgk/2026/10/08/t20261008_1.html）"],
            ["西安监罚〔2026〕6号", "己", "区安监局", day, "2026-10-09（http://www.xss.gov.cn/art/2026/10/8/a.html）"]]
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": rows})
    _, payload = check(tmp_path, ledger)
    got = {r["row"]: r["status"] for r in payload["records"]}
    # the words say online (a day without its year, or two days): never 逾期未公开; a doubt, 数据有误
    assert [got[row] for row in (2, 3, 4)] == ["invalid"] * 3
    assert got[5] == got[6] == "invalid"  # published, no day but the address's
    assert got[7] == "late"  # the written day, not the address's


def test_a_clerks_on_time_column_marks_a_publication_without_its_day(tmp_path):
    # probe p91 F6: 是否按时公开 = 是 beside a blank publication date was 逾期未公开 with no word: the unit says it
    # published, the day is missing (数据有误, said), as for 是否公开 = 是
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公开日期", "是否按时公开"]
    path = write_xlsx(tmp_path / "区城管局_处罚.xlsx", {"处罚": [header,
        [1, "西罚〔2026〕1号", "甲", dt.date(2026, 9, 1), dt.date(2026, 9, 8), "是"],
        [2, "西罚〔2026〕2号", "乙", dt.date(2026, 9, 1), None, "是"],
        [3, "西罚〔2026〕3号", "丙", dt.date(2026, 9, 1), None, "否"]]})
    got = {r["row"]: (r["status"], [i["code"] for i in r["issues"]]) for r in check(tmp_path, path)[1]["records"]}
    assert got == {2: ("on_time", []), 3: ("invalid", ["published-marked-no-date"]), 4: ("overdue", [])}, got
