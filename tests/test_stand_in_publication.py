"""A ledger whose only publication column is an update time (数据更新时间戳, 入库时间): the time is an upper
bound of the first publication, so on time by it is on time and late by it is not 逾期公开 but 数据有误
(published-stand-in-late), with a note on the sheet. Real xlsx and CSV files through the real CLI."""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv, write_xlsx

D = dt.date
ROWS = [["西安监罚〔2016〕1号", "甲", D(2016, 10, 10), D(2016, 10, 20)],  # on time by the update time: on time
        ["西安监罚〔2016〕2号", "乙", D(2016, 10, 10), D(2016, 11, 30)],  # deadline 2016-11-07: late by it
        ["西安监罚〔2016〕3号", "丙", D(2016, 10, 10), None]]  # blank there: says nothing, 数据有误
HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期"]


def _check(path, tmp_path):
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--out", str(tmp_path / "r.xlsx"),
                                       "--json", "-", "-q"])
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def _write(tmp_path, kind: str, header: list[str], rows: list[list]):
    if kind == "xlsx":
        return write_xlsx(tmp_path / "区安监局_2016年行政处罚.xlsx", {"Sheet1": [header] + rows})
    text = [["" if c is None else c.isoformat() if isinstance(c, dt.date) else c for c in row] for row in rows]
    return write_csv(tmp_path / "区安监局_2016年行政处罚.csv", [header] + text)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("column", ["数据更新时间戳", "入库时间"])
def test_late_by_an_update_time_is_not_an_accusation(tmp_path, kind, column):
    payload = _check(_write(tmp_path, kind, HEADER + [column], ROWS), tmp_path)
    by_number = {r["document_number"]: r for r in payload["records"]}
    assert by_number["西安监罚〔2016〕1号"]["status"] == "on_time"
    late = by_number["西安监罚〔2016〕2号"]
    assert late["status"] == "invalid" and late["deadline"] == "2016-11-07"
    [issue] = [i for i in late["issues"] if i["code"] == "published-stand-in-late"]
    assert issue["message"].startswith(f"“{column}”2016-11-30 已过截止日 2016-11-07")
    blank = by_number["西安监罚〔2016〕3号"]
    assert blank["status"] == "invalid" and [i["code"] for i in blank["issues"]] == ["published-stand-in-blank"]
    assert blank["issues"][0]["message"].startswith(f"“{column}”一栏为空")
    assert payload["summary"]["late"] == 0 and payload["summary"]["invalid"] == 2 and payload["summary"]["overdue"] == 0
    [sheet] = payload["inputs"][0]["sheets"]
    assert any(f"公开日期取自“{column}”列" in note for note in sheet["notes"])


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_real_publication_column_beside_an_update_time_is_judged_as_before(tmp_path, kind):
    rows = [row + [D(2016, 12, 1)] for row in ROWS]
    payload = _check(_write(tmp_path, kind, HEADER + ["上网公开日期", "数据更新时间戳"], rows), tmp_path)
    statuses = {r["document_number"]: r["status"] for r in payload["records"]}
    assert statuses == {"西安监罚〔2016〕1号": "on_time", "西安监罚〔2016〕2号": "late", "西安监罚〔2016〕3号": "overdue"}
    assert not any("公开日期取自" in note for note in payload["inputs"][0]["sheets"][0]["notes"])


def test_a_blank_update_time_before_the_deadline_is_pending(tmp_path):
    rows = [["西安监罚〔2016〕9号", "丁", D(2016, 12, 20), None]]  # deadline 2017-01-18 (20 working days)
    path = _write(tmp_path, "xlsx", HEADER + ["数据更新时间戳"], rows)
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--out", str(tmp_path / "r.xlsx"),
                                       "--json", "-", "-q"])
    [record] = json.loads(result.stdout)["records"]
    assert result.exit_code == 0 and record["status"] == "pending", result.output


def test_an_update_time_after_the_as_of_date_is_said_as_such_not_as_blank(tmp_path):
    # review: 2017-01-05, after the as-of date: judged as not yet published then, yet the first publication
    # may be earlier: 数据有误, said with the time it has (not "一栏为空")
    rows = [["西安监罚〔2016〕9号", "丁", D(2016, 10, 10), D(2017, 1, 5)]]
    path = _write(tmp_path, "xlsx", HEADER + ["数据更新时间戳"], rows)
    [record] = _check(path, tmp_path)["records"]
    assert record["status"] == "invalid"
    assert record["issues"][0]["code"] == "published-stand-in-after-as-of"
    assert record["issues"][0]["message"].startswith("“数据更新时间戳”2017-01-05 晚于统计截止日")


def test_an_unreadable_publication_date_leaves_the_deadline_shown(tmp_path):
    # probe: 4/3/2024 (day or month first?) or 公示栏公示 in the date column: 数据有误, and the clerk still sees
    # by when it had to be online (the decision date is sound)
    rows = [["西安监罚〔2016〕1号", "甲", D(2016, 10, 10), "4/11/2016"], ["西安监罚〔2016〕2号", "乙", D(2016, 10, 10), "公示栏公示"]]
    path = _write(tmp_path, "xlsx", HEADER + ["上网公开日期"], rows)
    records = _check(path, tmp_path)["records"]
    assert [(r["status"], r["deadline"]) for r in records] == [("invalid", "2016-11-07"), ("invalid", "2016-11-07")]
