"""Builders for real input files in tmp_path (no mocked readers)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from compliance.report.layout import display_width

PENALTY_HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"]


def write_xlsx(path: Path, sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None,
               text_cells: bool = False) -> Path:
    """Write rows as given; ``text_cells`` forces strings to stay strings (no formulas)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=r, column=c, value=value)
                if text_cells and isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"
        for ref in (merges or {}).get(name, []):
            sheet.merge_cells(ref)
    workbook.save(path)
    return path


def penalty_rows(count: int, start: int = 1, decision=dt.date(2016, 9, 1),
                 published=dt.date(2016, 9, 10)) -> list[list]:
    return [[i, f"西安监罚〔2016〕{i}号", f"公司{i}", decision, published, "区安监局"]
            for i in range(start, start + count)]


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8", newline: str = "\n") -> Path:
    text = newline.join(",".join(str(c) for c in row) for row in rows) + newline
    path.write_bytes(text.encode(encoding))
    return path


# One penalty filled in every column of the tool's own template (compliance template), valid throughout:
# the national standard's layout with real check digits. Rows are built by header: [row.get(h) for h in …].
TEMPLATE_PENALTY_ROW = {
    "行政处罚决定书文号": "西安监罚〔2016〕1号", "行政相对人名称": "黄石市新港建筑劳务有限公司",
    "行政相对人类别": "法人及非法人组织", "统一社会信用代码": "91420203MA4D4Q16JR", "法定代表人": "李某",
    "处罚类别": "罚款", "违法行为类型": "其他", "违法事实": "未按规定进行安全生产教育和培训",
    "处罚依据": "《中华人民共和国安全生产法》第九十四条", "处罚内容": "罚款人民币五千元", "罚款金额（万元）": "0.5",
    "处罚决定日期": dt.date(2016, 3, 1), "处罚有效期": dt.date(2019, 3, 1), "公示截止期": dt.date(2019, 3, 1),
    "处罚机关": "区安监局", "处罚机关统一社会信用代码": "91420203562017326X", "处罚程序": "普通程序",
    "数据来源单位": "区安监局", "数据来源单位统一社会信用代码": "91420203562017326X",
    "上网公开日期": dt.date(2016, 3, 7), "公示日期": dt.date(2016, 3, 7)}


def cli_check(tmp_path: Path, path: Path, as_of: str = "2016-12-31") -> tuple[int, dict, str]:
    """``compliance check PATH`` through the real CLI, no history, report and JSON in tmp_path:
    (exit code, the JSON, the terminal output)."""
    import json

    from click.testing import CliRunner

    from compliance.cli import main  # here, not at the top: most tests only build files

    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", as_of, "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return result.exit_code, data, result.output


def check_online(tmp_path: Path, ledger: Path, lists, as_of: str) -> dict:
    """``compliance check LEDGER --online L…`` through the real CLI, no history, report and JSON in tmp_path:
    the JSON (the run must end with a verdict, exit 0 or 1)."""
    import json

    out = tmp_path / "r.json"
    args = ["check", str(ledger), "--as-of", as_of, "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)]
    for online in lists:
        args += ["--online", str(online)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def printed_whole(sheet, header, column, text, width) -> bool:
    """The cell holding ``text`` shows it whole: its column is wide enough, or it wraps in a row tall enough
    for its lines (and its row's date cells still show as dates)."""
    if width >= display_width(text):
        return True
    cell = next(c for row in sheet.iter_rows(min_row=2) for c in row if c.value == text)
    lines = -(-display_width(text) // int(width - 2))
    height = sheet.row_dimensions[cell.row].height or 15
    dates = [c for c in sheet[cell.row] if header[c.column - 1] in ("决定日期", "应公开截止日期")]
    as_numbers = [c for c in dates if isinstance(c.value, (int, float)) and not c.is_date]  # 42614: a lost format
    return bool(cell.alignment.wrap_text) and height >= 15 * lines and not as_numbers


SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"


def check_sample_in(cwd: Path, *extra: str):
    """``compliance check sample_data/ --as-of 2016-12-31 --no-history`` run from ``cwd`` (its reports/ there)."""
    before = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", str(SAMPLE), "--as-of", "2016-12-31", "--no-history", *extra])
    finally:
        os.chdir(before)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
