"""Parquet input (the credit platforms' export): the same records as the same table in a workbook."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from compliance.cli import main
from tests.helpers import PENALTY_HEADER, write_xlsx

pq = pytest.importorskip("pyarrow.parquet")

ROWS = [
    [1, "西安监罚〔2016〕1号", "公司1", dt.date(2016, 9, 1), "2016-09-10", "区安监局"],
    [2, "西安监罚〔2016〕2号", "公司2\n（分公司）", dt.date(2016, 9, 1), "2016-11-30", "区安监局"],  # late
    [3, "西安监罚〔2016〕3号", "公司3", None, "2016-09-10", "区安监局"],  # no decision date: invalid
    [4, "西安监罚〔2016〕4号", "公司4", dt.date(2016, 10, 8), "", "区安监局"],  # overdue
    [5, "西安监罚〔2016〕5号", "公司5", dt.date(2016, 2, 29), "2016年3月3日", "区安监局"],
]


def _check(path) -> dict:
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-",
                                       "--out", str(path.parent / "报告.xlsx")])
    assert result.exit_code in (0, 1), result.output + result.stderr
    return json.loads(result.stdout)


def _records(payload: dict) -> list[dict]:
    keep = ("row", "document_number", "party", "decision_date", "published_date", "deadline", "status",
            "working_days_late", "unit", "category")
    return [{k: r[k] for k in keep} | {"codes": [i["code"] for i in r["issues"]]} for r in payload["records"]]


def test_parquet_gives_the_records_of_the_same_table_in_a_workbook(tmp_path):
    frame = pd.DataFrame(ROWS, columns=PENALTY_HEADER)
    frame["处罚决定日期"] = pd.to_datetime(frame["处罚决定日期"])  # a Parquet timestamp column
    (tmp_path / "pq").mkdir()
    (tmp_path / "xl").mkdir()
    frame.to_parquet(tmp_path / "pq" / "区安监局_2016年行政处罚.parquet")
    write_xlsx(tmp_path / "xl" / "区安监局_2016年行政处罚.xlsx", {"行政处罚": [PENALTY_HEADER] + ROWS})
    from_parquet = _records(_check(tmp_path / "pq"))
    from_workbook = _records(_check(tmp_path / "xl"))
    assert [r["status"] for r in from_parquet] == ["on_time", "late", "invalid", "overdue", "on_time"]
    assert [r["row"] for r in from_parquet] == [2, 3, 4, 5, 6]  # the header is row 1, as in a sheet
    assert from_parquet == from_workbook


def test_a_utc_timestamp_counts_on_its_day_in_beijing(tmp_path):
    """2016-10-09T16:30Z is 10-10 in Beijing: read as the UTC date, the decision moved a day earlier and a
    publication on the deadline's evening (UTC) became a day late."""
    frame = pd.DataFrame({"行政处罚决定书文号": ["西安监罚〔2016〕1号", "西安监罚〔2016〕2号"], "行政相对人名称": ["甲", "乙"],
                          "处罚决定日期": pd.to_datetime(["2016-10-09T16:30:00Z", "2016-10-10T01:00:00Z"]),
                          "上网公开日期": pd.to_datetime(["2016-11-06T17:00:00Z", "2016-11-07T15:59:00Z"]),
                          "处罚机关": ["区安监局", "区安监局"]})
    frame.to_parquet(tmp_path / "区安监局.parquet")
    records = _records(_check(tmp_path / "区安监局.parquet"))
    assert [(r["decision_date"], r["published_date"], r["deadline"], r["status"]) for r in records] == [
        ("2016-10-10", "2016-11-07", "2016-11-07", "on_time"), ("2016-10-10", "2016-11-07", "2016-11-07", "on_time")]


def test_a_damaged_parquet_file_is_named_and_the_others_are_read(tmp_path):
    frame = pd.DataFrame(ROWS, columns=PENALTY_HEADER)
    frame.to_parquet(tmp_path / "区安监局_2016年行政处罚.parquet")
    whole = (tmp_path / "区安监局_2016年行政处罚.parquet").read_bytes()
    (tmp_path / "区环保局_截断.parquet").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "区编办_改名.parquet").write_bytes("序号,文号\n1,2\n".encode())
    payload = _check(tmp_path)
    errors = {e["file"].rsplit("/", 1)[-1]: e["error"] for e in payload["inputs"]}
    assert errors["区环保局_截断.parquet"]["code"] == "parquet-unreadable"
    assert errors["区编办_改名.parquet"]["code"] == "parquet-unreadable"
    assert errors["区安监局_2016年行政处罚.parquet"] is None
    assert payload["summary"]["records"] == len(ROWS)
    assert "Parquet" in errors["区环保局_截断.parquet"]["message"]
