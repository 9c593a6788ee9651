"""A template filled down with what is the same on every row (序号, 处罚机关, its code, 数据来源单位, 类别)
and only a few real decisions: every template row was a 数据有误 record (198 of 200), so the unit's rate
fell to nearly 0. Such rows hold no decision and are counted as skipped rows. Real .xlsx, the real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "类别", "处罚决定日期", "上网公开日期", "处罚机关",
          "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码"]
SAME = ["行政处罚", None, None, "区安监局", "11420203MB1234567X", "区安监局", "11420203MB1234567X"]


def row(k, number=None, party=None, decided=None, published=None):
    return [k, number, party, SAME[0], decided, published, *SAME[3:]]


def test_template_rows_filled_down_with_the_units_own_columns_are_no_records(tmp_path):
    rows = [row(1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), D(2024, 3, 8)),
            row(2, "西安监罚〔2024〕2号", "乙", D(2024, 3, 5), None)] + [row(k) for k in range(3, 51)]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [HEADER, *rows]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["document_number"], r["status"]) for r in data["records"]] == [
        ("西安监罚〔2024〕1号", "on_time"), ("西安监罚〔2024〕2号", "overdue")]
    assert data["inputs"][0]["sheets"][0]["skipped_rows"] == 48


def test_a_row_with_a_fact_but_no_number_party_or_date_is_still_a_record(tmp_path):
    # Filled-down columns aside, a row that says something of a decision is a record (数据有误, never dropped).
    header = HEADER + ["违法事实", "处罚依据", "处罚内容"]
    rows = [row(1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 5), D(2024, 3, 8)) + ["无证经营", "条例第九条", "罚款"],
            row(2) + ["未按规定培训", "安全生产法第九十四条", "罚款五千元"]]
    book = write_xlsx(tmp_path / "区安监局_2024年行政处罚.xlsx", {"行政处罚": [header, *rows]})
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "-o", str(tmp_path / "r.xlsx"),
                              "--json", str(out)])
    assert [r["status"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]] == ["on_time", "invalid"]


def test_a_row_with_only_a_penalty_kind_filled_down_is_a_template_row_and_one_with_content_a_record(tmp_path):
    header = ["序号", "处罚机关", "处罚类别", "行政处罚决定书文号", "行政相对人名称", "处罚内容", "处罚决定日期", "公开日期"]
    rows = [[1, "区安监局", "罚款", "西安监罚〔2024〕1号", "甲", "罚款1万元", D(2024, 3, 4), D(2024, 3, 8)],
            [2, "区安监局", "罚款", None, None, "罚款2000元", None, None],  # something of a decision: a record
            [3, "区安监局", "罚款", None, None, None, None, None]]  # the template's own cells only
    book = write_xlsx(tmp_path / "区安监局_处罚台账.xlsx", {"处罚": [header, *rows]})
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--no-history", "-o", str(tmp_path / "r.xlsx"),
                              "--json", str(out)])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [r["status"] for r in data["records"]] == ["on_time", "invalid"]
    assert data["inputs"][0]["sheets"][0]["skipped_rows"] == 1
