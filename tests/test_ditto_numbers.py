"""同上 / 〃 in the number column: the decision of the row above with another party, counted once (as a
number merged over the parties' rows is), and said on the sheet. Real .xlsx through the real CLI."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "决定书文号", "当事人", "处罚决定日期", "公开日期"]


def _run(tmp_path, rows):
    book = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [HEADER, *rows]})
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    return result, json.loads(result.stdout)


def test_a_ditto_number_is_the_decision_above_counted_once(tmp_path):
    result, data = _run(tmp_path, [
        [1, "西安监罚〔2024〕411号", "甲", D(2024, 4, 1), D(2024, 6, 10)],  # late
        [2, "同上", "乙", "同上", "同上"],
        [3, " 〃 ", "丙", "同上", "同上"],
        [4, "西安监罚〔2024〕412号", "丁", D(2024, 5, 6), D(2024, 5, 10)],  # on time
        [5, "同上", "戊", D(2024, 5, 6), D(2024, 5, 10)],
    ])
    statuses = sorted((r["document_number"], r["status"]) for r in data["records"])
    assert statuses == [("西安监罚〔2024〕411号", "late"), ("西安监罚〔2024〕412号", "on_time")]
    assert data["summary"]["late"] == 1 and data["summary"]["repeats"] == 3
    said = json.dumps(data["inputs"], ensure_ascii=False)
    assert "第 3、4、6 行的文书号写作“同上”" in said or "第 3–4、6 行的文书号写作“同上”" in said, said
    assert "duplicate" not in json.dumps(data["records"], ensure_ascii=False)


def test_a_ditto_with_no_number_above_is_no_number(tmp_path):
    # never the number "同上": two such rows were flagged duplicates of each other, of different decisions
    _, data = _run(tmp_path, [[1, "同上", "甲", D(2024, 4, 1), D(2024, 4, 3)],
                              [2, "西安监罚〔2024〕2号", "乙", D(2024, 4, 1), D(2024, 4, 3)],
                              [3, None, "丙", D(2024, 4, 1), D(2024, 4, 3)], [4, "同上", "丁", D(2024, 4, 1), D(2024, 4, 3)]])
    records = {r["party"]: r for r in data["records"]}
    for party in ("甲", "丁"):
        assert records[party]["document_number"] == ""
        assert "document-number-missing" in [i["code"] for i in records[party]["issues"]]
        assert "duplicate-document-number" not in [i["code"] for i in records[party]["issues"]]


def test_a_ditto_under_a_row_with_no_number_takes_no_number_from_further_up(tmp_path):
    # 同上 under a blank number is that blank: taking 1号 from two rows up showed a late decision's
    # number on another decision.
    _, data = _run(tmp_path, [
        [1, "西安监罚〔2024〕1号", "甲公司", D(2024, 1, 5), D(2024, 1, 8)],
        [2, None, "丁公司", D(2024, 1, 20), D(2024, 2, 2)],
        [3, "同上", "戊公司", D(2024, 1, 20), None],
    ])
    numbers = [r["document_number"] for r in data["records"]]
    assert numbers.count("西安监罚〔2024〕1号") == 1, numbers
