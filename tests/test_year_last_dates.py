"""Dates written with the year last (a CSV saved by an English-language Excel: 9/30/2026): where one number is
over 12 only one order gives a day, and it is read; 10/9/2026 may be 10 September or 9 October, and the
record is 数据有误 saying so, never guessed. Real CSV through the real CLI.

2026-09-03 + 20 working days = 2026-10-08 (国庆 Oct 1–7 off, Sep 20 and Oct 10 worked)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from compliance.cli import main


def test_year_last_dates_read_where_only_one_order_gives_a_day(tmp_path):
    lines = ["行政处罚决定书文号,当事人,处罚决定日期,公示日期",
             "西市监罚〔2026〕1号,甲,9/3/2026,9/30/2026",  # 9/3: either order? 9 March or 3 September
             "西市监罚〔2026〕2号,乙,30/9/2026,10/20/2026",
             "西市监罚〔2026〕3号,丙,9/15/2026,10/10/2026",
             "西市监罚〔2026〕4号,丁,9/15/2026 14:30,11/20/2026 2:30:00 PM",  # an English Excel's time
             # the weekday written after it: checked, and it tells 10/9 (a Friday) from 9/10 (a Thursday)
             "西市监罚〔2026〕5号,戊,9/3/2026 星期四,10/9/2026 星期五",
             "西市监罚〔2026〕6号,己,9/3/2026（周四）,10/9/2026 周四"]
    path = tmp_path / "区市场监管局_2026年行政处罚.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    got = {r["document_number"]: (r["decision_date"], r["published_date"], r["status"], [i["code"] for i in r["issues"]])
           for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert got["西市监罚〔2026〕1号"] == (None, "2026-09-30", "invalid", ["date-order-unclear"])
    assert got["西市监罚〔2026〕2号"][:3] == ("2026-09-30", "2026-10-20", "on_time")
    assert got["西市监罚〔2026〕3号"][:3] == ("2026-09-15", "2026-10-10", "on_time")
    assert got["西市监罚〔2026〕4号"][:3] == ("2026-09-15", "2026-11-20", "late")
    assert got["西市监罚〔2026〕5号"][:3] == ("2026-09-03", "2026-10-09", "late")  # deadline 2026-10-08
    assert got["西市监罚〔2026〕6号"][:3] == ("2026-09-03", "2026-09-10", "on_time")
    assert "可以是月/日/年，也可以是日/月/年" in result.output


def _dates(tmp_path, lines: list[str]) -> dict:
    path = tmp_path / "区市场监管局_2026年行政处罚.csv"
    path.write_text("\n".join(["行政处罚决定书文号,当事人,处罚决定日期,公示日期", *lines]) + "\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return {r["document_number"]: (r["decision_date"], r["published_date"], r["status"])
            for r in json.loads(out.read_text(encoding="utf-8"))["records"]}


def _notes(tmp_path) -> str:
    inputs = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["inputs"]
    return "\n".join(note for entry in inputs for sheet in entry["sheets"] for note in sheet["notes"])


def test_a_doubtful_order_is_read_as_the_rest_of_its_column_is_written(tmp_path):
    # an English-locale export writes every date month first: 9/30 and 10/20 say so, and 9/3, 10/9 follow (probe p79)
    got = _dates(tmp_path, ["西市监罚〔2026〕1号,甲,9/3/2026,9/30/2026",
                            "西市监罚〔2026〕2号,乙,9/15/2026,10/9/2026",  # deadline 2026-10-20: on time
                            "西市监罚〔2026〕3号,丙,9/3/2026,10/20/2026"])  # deadline 2026-10-08: late
    assert got["西市监罚〔2026〕1号"] == ("2026-09-03", "2026-09-30", "on_time")
    assert got["西市监罚〔2026〕2号"] == ("2026-09-15", "2026-10-09", "on_time")
    assert got["西市监罚〔2026〕3号"] == ("2026-09-03", "2026-10-20", "late")
    said = _notes(tmp_path)  # the reading is said on the sheet, never silent (review rev61 M5)
    assert "第 2、4 行的决定日期年份在最后、前两个数都不超过 12（如“9/3/2026”），按本列其他日期的写法读作月/日/年" \
           "（“9/3/2026”读作 2026-09-03）" in said, said
    assert "第 3 行的公开日期年份在最后" in said and "（如“10/9/2026”）" in said, said


def test_a_weekday_that_settles_the_order_is_no_reading_by_the_column(tmp_path):
    got = _dates(tmp_path, ["西市监罚〔2026〕1号,甲,9/3/2026 星期四,9/30/2026"])
    assert got["西市监罚〔2026〕1号"] == ("2026-09-03", "2026-09-30", "on_time")
    assert "按本列其他日期的写法" not in _notes(tmp_path)


def test_a_doubtful_order_stays_doubtful_where_its_column_shows_both_orders_or_neither(tmp_path):
    got = _dates(tmp_path, ["西市监罚〔2026〕1号,甲,9/3/2026,9/10/2026",  # neither column says its order
                            "西市监罚〔2026〕2号,乙,30/9/2026,10/9/2026",
                            "西市监罚〔2026〕3号,丙,9/15/2026,10/8/2026"])  # decisions: day first and month first
    assert got["西市监罚〔2026〕1号"] == (None, None, "invalid")
    assert got["西市监罚〔2026〕2号"][0] == "2026-09-30" and got["西市监罚〔2026〕2号"][2] == "invalid"  # 10/9 unclear
