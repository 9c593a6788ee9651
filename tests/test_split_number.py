"""A 文书号 written in two columns, 决定书字 (西人社劳许〔2024〕) and 决定书号 (1号): read alone, 1号 of two
series was one number sent twice, and it matched nothing on a website list. Real .xlsx, the real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date
HEADER = ["序号", "决定书字", "决定书号", "行政相对人名称", "许可决定日期", "上网公开日期"]


def test_the_issuer_column_and_the_serial_column_make_one_number(tmp_path):
    (tmp_path / "in").mkdir()
    write_xlsx(tmp_path / "in" / "区人社局_劳动许可.xlsx", {"许可": [HEADER,
        [1, "西人社劳许〔2024〕", "1号", "黄石甲公司", D(2024, 1, 8), D(2024, 1, 20)],
        [2, "西人社劳许〔2024〕", "西人社劳许〔2024〕2号", "黄石丁公司", D(2024, 1, 8), D(2024, 1, 20)]]})
    write_xlsx(tmp_path / "in" / "区人社局_民办学校许可.xlsx", {"许可": [HEADER,
        [1, "西人社民许〔2024〕", "1号", "黄石乙学校", D(2024, 2, 5), None]]})
    online = write_csv(tmp_path / "信用西塞山_行政许可.csv", [
        ["行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期", "许可机关"],
        ["西人社民许〔2024〕1号", "黄石乙学校", "2024-02-05", "2024-02-20", "区人社局"]])
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--online", str(online), "--as-of", "2024-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert sorted((r["document_number"], r["status"], [i["code"] for i in r["issues"]]) for r in records) == [
        ("西人社劳许〔2024〕1号", "on_time", ["online-outside-span"]),  # due before the list's first day
        ("西人社劳许〔2024〕2号", "on_time", ["online-outside-span"]),
        # the website shows it published on 02-20; the ledger left the date blank: said, to be filled in
        ("西人社民许〔2024〕1号", "on_time", ["online-date-from-list"])]


def test_an_issuer_alone_before_a_bracketed_year_and_a_serial_with_its_own_issuer(tmp_path):
    (tmp_path / "in").mkdir()
    write_xlsx(tmp_path / "in" / "区人社局_许可.xlsx", {"许可": [HEADER,
        [1, "西人社劳许", "〔2024〕1号", "黄石甲公司", D(2024, 3, 5), D(2024, 3, 8)],
        [2, "西人社职许", "〔2024〕1号", "黄石乙公司", D(2024, 3, 5), None],
        [3, "西人社劳许〔2024〕", "西人社劳许2024-3号", "黄石丙公司", D(2024, 3, 5), D(2024, 3, 8)],
        [4, "西人社劳许〔2024〕", "无", "黄石丁公司", D(2024, 3, 5), D(2024, 3, 8)],  # no number: none made
        [5, "西人社劳许〔2024〕", "〔2024〕5号", "黄石戊公司", D(2024, 3, 5), D(2024, 3, 8)]]})  # the year once
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--as-of", "2024-12-31", "--no-history",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["document_number"], r["status"]) for r in records] == [
        ("西人社劳许〔2024〕1号", "on_time"), ("西人社职许〔2024〕1号", "overdue"), ("西人社劳许2024-3号", "on_time"),
        ("", "on_time"), ("西人社劳许〔2024〕5号", "on_time")]


def test_a_number_header_merged_over_the_issuer_and_the_serial(tmp_path):
    header = ["序号", "行政处罚决定书文号", None, "当事人", "处罚决定日期", "上网公开日期"]
    rows = [[1, "西安监罚〔2024〕", "1号", "甲", D(2024, 3, 5), D(2024, 3, 8)],
            [2, "西安监罚〔2024〕", "2号", "甲", D(2024, 3, 5), None],
            [3, None, "西安监罚〔2024〕3号", "乙", D(2024, 3, 5), D(2024, 3, 8)],
            [4, "西安监罚〔2024〕4号", "无", "丙", D(2024, 3, 5), D(2024, 3, 8)]]  # a whole number beside 无
    (tmp_path / "in").mkdir()
    write_xlsx(tmp_path / "in" / "区安监局_处罚.xlsx", {"处罚": [header, *rows]}, merges={"处罚": ["B1:C1"]})
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--as-of", "2024-12-31", "--no-history",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["document_number"], r["status"]) for r in records] == [
        ("西安监罚〔2024〕1号", "on_time"), ("西安监罚〔2024〕2号", "overdue"), ("西安监罚〔2024〕3号", "on_time"),
        ("西安监罚〔2024〕4号", "on_time")]
