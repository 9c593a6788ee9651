"""A header merged across two columns (上网公开日期 over F:G) with the dates typed under its right half:
the dates were lost, and decisions published on time came out 逾期未公开. Real .xlsx through the real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date


def run(tmp_path, book):
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    return result, json.loads(out.read_text(encoding="utf-8"))


def test_dates_typed_under_the_right_half_of_a_merged_header_are_read_and_said(tmp_path):
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", None, "上网公开日期", None]
    rows = [[1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), None, None, D(2024, 3, 20)],   # under G
            [2, "西安监罚〔2024〕2号", "乙", None, D(2024, 3, 6), D(2024, 4, 3), None],   # decided under E
            [3, "西安监罚〔2024〕3号", "丙", D(2024, 3, 5), None, None, None],              # not published
            [4, "西安监罚〔2024〕4号", "丁", D(2024, 3, 5), None, D(2024, 3, 8), "见网址"]]  # F wins over a note
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [header, *rows]},
                      merges={"行政处罚": ["D1:E1", "F1:G1"]})
    result, data = run(tmp_path, book)
    assert [(r["decision_date"], r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-05", "2024-03-20", "on_time"), ("2024-03-06", "2024-04-03", "on_time"),
        ("2024-03-05", None, "overdue"), ("2024-03-05", "2024-03-08", "on_time")]
    said = "表头“处罚决定日期、上网公开日期”合并了几列，第 2、3 行的内容写在合并格右边的列中，已按这一栏读取，请核对"
    assert data["inputs"][0]["sheets"][0]["notes"] == [said]
    assert said in result.output  # where the clerk looks


def test_a_date_split_into_year_month_and_day_columns_is_one_date(tmp_path):
    # 处罚决定日期 and 上网公开日期 each merged over 年 | 月 | 日: every row was 数据有误 ("2024" has no day),
    # hiding a late and an overdue decision. A part left blank stays 数据有误.
    top = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", None, None, "上网公开日期", None, None]
    sub = [None, None, None, "年", "月", "日", "年", "月", "日"]
    rows = [[1, "西安监罚〔2024〕1号", "甲", 2024, 3, 5, 2024, 3, 20], [2, "西安监罚〔2024〕2号", "乙", 2024, 3, 5, 2024, 4, 3],
            [3, "西安监罚〔2024〕3号", "丙", 2024, 3, 5, None, None, None], [4, "西安监罚〔2024〕4号", "丁", 2024, 3, None, None, None, None]]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [top, sub, *rows]},
                      merges={"行政处罚": ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:I1"]})
    result, data = run(tmp_path, book)
    assert [(r["decision_date"], r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-05", "2024-03-20", "on_time"), ("2024-03-05", "2024-04-03", "late"),
        ("2024-03-05", None, "overdue"), (None, None, "invalid")]


def test_one_decision_with_a_party_per_row_under_one_merged_number_counts_once(tmp_path):
    # 1号 fined 张某 and 李某 together: its 文书号 and dates are merged over two rows, a party on each.
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    rows = [[1, "西安监罚〔2024〕1号", "张某", D(2024, 3, 5), D(2024, 4, 10)], [None, None, "李某", None, None],
            [2, "西安监罚〔2024〕2号", "黄石甲公司", D(2024, 3, 5), D(2024, 3, 8)]]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [header, *rows]},
                      merges={"行政处罚": ["A2:A3", "B2:B3", "D2:D3", "E2:E3"]})
    result, data = run(tmp_path, book)
    assert [(r["document_number"], r["party"], r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]] == [
        ("西安监罚〔2024〕1号", "张某、李某", "late", []), ("西安监罚〔2024〕2号", "黄石甲公司", "on_time", [])]
    assert data["summary"]["repeats"] == 1


def test_notes_beside_the_dates_under_a_merged_header_are_no_dates(tmp_path):
    # 上网公开日期 over E:F, F used for short notes beside the date (and once for a date): a note is never a
    # publication date; the unpublished decisions stay 逾期未公开, not 数据有误.
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期", None]
    rows = [[1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), D(2024, 3, 20), "区政府网站"],
            [2, "西安监罚〔2024〕2号", "乙", D(2024, 4, 10), None, "罚款已缴清"],
            [3, "西安监罚〔2024〕3号", "丙", D(2024, 6, 3), None, D(2024, 6, 20)]]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [header, *rows]},
                      merges={"行政处罚": ["E1:F1"]})
    _, data = run(tmp_path, book)
    assert [(r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-20", "on_time"), (None, "overdue"), ("2024-06-20", "on_time")]


def test_date_parts_typed_with_their_units_and_a_year_typed_down_alone(tmp_path):
    top = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", None, None, "上网公开日期", None, None]
    sub = [None, None, None, "年", "月", "日", "年", "月", "日"]
    rows = [[1, "西环罚〔2024〕1号", "甲", "2024年", "3月", "5日", "2024年", "3月", "20日"],
            [2, "西环罚〔2024〕2号", "乙", 2024, 4, 10, 2024, None, None]]  # the year typed down the template
    book = write_xlsx(tmp_path / "区环保局_2024年行政处罚.xlsx", {"行政处罚": [top, sub, *rows]},
                      merges={"行政处罚": ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:I1"]})
    _, data = run(tmp_path, book)
    assert [(r["decision_date"], r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-05", "2024-03-20", "on_time"), ("2024-04-10", None, "overdue")]


def test_a_merged_numbers_other_rows_with_blank_dates_and_a_summary_copy_are_the_same_decision(tmp_path):
    # 1号's number merged over 张某 and 李某, the dates typed on the first row only; a 全年汇总 sheet lists it
    # again with the number typed on each party's row. One decision, late; never 数据有误, never two.
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]
    month = [[1, "西安监罚〔2024〕1号", "张某", D(2024, 3, 5), D(2024, 4, 10)], [None, None, "李某", None, None]]
    summary = [[1, "西安监罚〔2024〕1号", "张某", D(2024, 3, 5), D(2024, 4, 10)],
               [2, "西安监罚〔2024〕1号", "李某", D(2024, 3, 5), D(2024, 4, 10)]]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"3月": [header, *month], "全年汇总": [header, *summary]},
                      merges={"3月": ["A2:A3", "B2:B3"]})
    _, data = run(tmp_path, book)
    assert [(r["sheet"], r["party"], r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]] == [
        ("3月", "张某、李某", "late", [])]
    assert data["summary"]["repeats"] == 3


def test_date_words_and_marks_under_the_right_half_of_a_merged_date_header_are_kept(tmp_path):
    header = ["序号", "行政处罚决定书文号", "处罚决定日期", "上网公开日期", None]
    rows = [[1, "西安监罚〔2024〕1号", D(2024, 3, 5), D(2024, 3, 8), None],
            [2, "西安监罚〔2024〕2号", D(2024, 3, 5), None, "同上"],
            [3, "西安监罚〔2024〕3号", D(2024, 3, 6), None, "当天"],
            [4, "西安监罚〔2024〕4号", D(2024, 3, 6), None, "已公开"]]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [header, *rows]},
                      merges={"行政处罚": ["D1:E1"]})
    _, data = run(tmp_path, book)
    assert [(r["published_date"], r["status"]) for r in data["records"]] == [
        ("2024-03-08", "on_time"), ("2024-03-08", "on_time"), ("2024-03-06", "on_time"), (None, "invalid")]
