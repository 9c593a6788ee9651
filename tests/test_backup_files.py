"""A backup beside a unit's ledger (区国土分局_处罚.xlsx.bak, an older copy) is passed over and said so:
read as a second submission, its blank publication date made the real on-time record 数据有误."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "文书号", "当事人", "决定日期", "公开日期"]


def test_a_backup_copy_in_the_folder_is_skipped_and_named(tmp_path):
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区国土分局_处罚.xlsx", {"处罚": [HEADER, [1, "西国土罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)]]})
    old = write_xlsx(tmp_path / "old.xlsx", {"处罚": [HEADER, [1, "西国土罚〔2024〕1号", "甲", D(2024, 3, 1), None]]})
    (folder / "区国土分局_处罚.xlsx.bak").write_bytes(old.read_bytes())
    (folder / "区国土分局_处罚.xlsx~").write_bytes(old.read_bytes())
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "已跳过" in result.output and "区国土分局_处罚.xlsx.bak backup-skipped" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["document_number"], r["status"], r["issues"]) for r in data["records"]] == [
        ("西国土罚〔2024〕1号", "on_time", [])]


def test_a_ledger_sent_back_with_its_header_only_is_the_units_nothing_to_report(tmp_path):
    """区国土分局 sends the template with no rows: the unit shows as 本期无决定, not as one that sent nothing."""
    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [HEADER, [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 3, 5)]]})
    write_xlsx(folder / "区国土分局_处罚.xlsx", {"处罚": [HEADER]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2024-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    columns = data["unit_summary"]["columns"]
    rows = {row[columns.index("单位")]: row for row in data["unit_summary"]["rows"]}
    assert "区国土分局" in rows and rows["区国土分局"][columns.index("决定总数")] in (0, None)
    assert rows["区国土分局"][columns.index("备注")] == "报送了表格，但统计范围内没有决定"
