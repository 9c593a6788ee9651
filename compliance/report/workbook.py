"""The Excel report handed to 法制办.

Sheets: 汇总, 逾期清单, 数据问题, 全部记录 (continued on 全部记录(2) … past
Excel's row limit), 说明. Input text is always written as a string cell,
never as a formula. The file is written to a temporary name in the target
folder and renamed into place, so a failed run leaves no half-written report.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from .. import __version__
from ..status import LATE, STATUS_LABELS, STATUS_MEANINGS, UNJUDGEABLE
from ..problems import issues_column
from ..rules import CATEGORY_LABELS
from .layout import DATE, INT, PERCENT, STATUS_FILLS, TEXT, Chart, SheetSpec, column_widths, dates_for_excel
from ..summary import COUNT_HEADERS, unit_table
from .writers import write_workbook

EXCEL_MAX_ROWS = 1_048_576
RECORD_HEADERS = ["来源文件", "工作表", "行号", "类别", "单位", "文书号", "行政相对人", "决定日期", "公开日期",
                  "应公开截止日期", "状态", "逾期工作日数", "问题说明", "逾期天数（日历日）", "剩余工作日",
                  "适用规则", "决定日期原文", "公开日期原文"]
RECORD_KINDS = [TEXT, TEXT, INT, TEXT, TEXT, TEXT, TEXT, DATE, DATE, DATE, TEXT, INT, TEXT, INT, INT,
                TEXT, TEXT, TEXT]
# Printing all 18 columns on one A4 width makes the type unreadably small; the
# first 13 (the ones the 法制办 reads) print, the rest stay on screen.
PRINTED_COLUMNS = 13
WIDTH_CAPS = {"来源文件": 28, "工作表": 12, "文书号": 24, "行政相对人": 24, "问题说明": 36, "适用规则": 16,
              "决定日期原文": 18, "公开日期原文": 18, "单位": 16}
FILLS = STATUS_FILLS


def short_paths(paths: pd.Series) -> pd.Series:
    """Input paths relative to the folder they share: usually just the file name."""
    unique = [p for p in paths.unique() if isinstance(p, str)]
    if not unique:
        return paths
    try:
        root = Path(os.path.commonpath([str(Path(p).parent.resolve()) for p in unique]))
        names = {p: str(Path(p).resolve().relative_to(root)) for p in unique}
    except ValueError:
        names = {p: Path(p).name for p in unique}
    return paths.map(names)


def record_frame(records: pd.DataFrame, as_of: str, run_date: str) -> pd.DataFrame:
    """The 全部记录 table, column-wise."""
    issues = issues_column(records, as_of, run_date)
    messages = ["；".join(i["message"] for i in items) or None for items in issues]

    def floats(name):
        return records[name].astype("Float64").to_numpy(dtype=float, na_value=np.nan)

    def text(name):
        values = records[name].astype(object)
        return values.where(values.notna() & values.ne(""), None).to_numpy(object)

    return pd.DataFrame({
        "来源文件": short_paths(records["source_file"]).to_numpy(object),
        "工作表": text("sheet"),
        "行号": records["row"].to_numpy(float),
        "类别": records["category"].map(CATEGORY_LABELS).fillna("未知").to_numpy(object),
        "单位": text("unit"),
        "文书号": text("document_number"),
        "行政相对人": text("party"),
        "决定日期": dates_for_excel(records["decision_date"]),
        "公开日期": dates_for_excel(records["published_date"]),
        "应公开截止日期": dates_for_excel(records["deadline"]),
        "状态": records["status"].astype(object).map(STATUS_LABELS).to_numpy(object),
        "逾期工作日数": floats("working_days_late"),
        "问题说明": np.array(messages, dtype=object),
        "逾期天数（日历日）": floats("calendar_days_late"),
        "剩余工作日": floats("working_days_left"),
        "适用规则": text("rule"),
        "决定日期原文": text("decision_text"),
        "公开日期原文": text("published_text"),
    })


def record_specs(base_name: str, frame: pd.DataFrame, statuses: np.ndarray, footer: str,
                 as_of: str) -> list[SheetSpec]:
    """One sheet per EXCEL_MAX_ROWS - 1 records: 全部记录, 全部记录(2), …"""
    widths = [min(w, WIDTH_CAPS.get(name, 50)) for name, w in
              zip(frame.columns, column_widths(frame, RECORD_KINDS))]
    per_sheet = EXCEL_MAX_ROWS - 1
    specs = []
    for part, start in enumerate(range(0, max(len(frame), 1), per_sheet), start=1):
        stop = min(start + per_sheet, len(frame))
        chunk = frame.iloc[start:stop].reset_index(drop=True)
        part_status = statuses[start:stop]
        highlight = {}
        for status, color in FILLS.items():
            for r in np.flatnonzero(part_status == status):
                highlight[int(r)] = color
        specs.append(SheetSpec(base_name if part == 1 else f"{base_name}({part})", chunk, RECORD_KINDS, widths,
                               highlight=highlight, print_columns=PRINTED_COLUMNS, footer=footer,
                               page_header=page_header(as_of)))
    return specs


def page_header(as_of: str) -> str:
    """Every printed page says which list it is and for which date."""
    return f'&C&"-,Bold"&A（统计截止 {as_of}）'


def summary_spec(records: pd.DataFrame, title: str, subtitle: str, footer: str) -> SheetSpec:
    table, _ = unit_table(records)
    frame = table.copy()
    for name in ("及时公开率", "迟报率"):
        frame[name] = frame[name].astype(float)
    for name in COUNT_HEADERS:
        frame[name] = frame[name].astype(float)
    # The chart's labels: unit and category, in a column that does not print.
    frame["图表标签"] = (frame["单位"] + " " + frame["类别"]).str.strip()
    kinds = [TEXT, TEXT] + [INT] * len(COUNT_HEADERS) + [PERCENT, PERCENT, TEXT]
    widths = column_widths(frame, kinds)
    widths[-1] = 0.0
    chart = Chart("各单位及时公开率", "图表标签", "及时公开率", row=2 + len(frame) + 3, col=0,
                  height=max(260, 26 * len(frame) + 100))
    return SheetSpec("汇总", frame, kinds, widths, header_row=2, title=title, subtitle=subtitle,
                     bold_rows={len(frame) - 1}, chart=chart, repeat_header=False, footer=footer,
                     fit_to_pages=(1, 1), print_gridlines=False)


def problems_spec(run, records: pd.DataFrame, frame: pd.DataFrame, footer: str, as_of: str) -> SheetSpec:
    """Invalid and undetermined records, other record problems, unreadable files, skipped sheets."""
    rows: list[list] = []
    for entry in run.inputs:
        if entry.error is not None:
            rows.append([entry.path, None, np.nan, None, None, None, None, "文件无法读取", entry.error.message])
        for sheet in entry.sheets:
            for note in ([sheet.problem] if sheet.problem else []) + sheet.notes:
                rows.append([entry.path, sheet.name, np.nan, None, None, None, None, "提示", note])
    statuses = records["status"].astype(object).to_numpy(object)
    flagged = np.flatnonzero(frame["问题说明"].notna().to_numpy(bool) | np.isin(statuses, UNJUDGEABLE))
    headers = ["来源文件", "工作表", "行号", "单位", "文书号", "决定日期原文", "公开日期原文", "状态", "问题说明"]
    file_rows = pd.DataFrame(rows, columns=headers)
    file_rows["来源文件"] = short_paths(file_rows["来源文件"]) if len(file_rows) else file_rows["来源文件"]
    picked = frame.iloc[flagged]
    record_rows = pd.DataFrame({"来源文件": picked["来源文件"].to_numpy(object), "工作表": picked["工作表"].to_numpy(object),
                                "行号": picked["行号"].to_numpy(float), "单位": picked["单位"].to_numpy(object),
                                "文书号": picked["文书号"].to_numpy(object),
                                "决定日期原文": picked["决定日期原文"].to_numpy(object),
                                "公开日期原文": picked["公开日期原文"].to_numpy(object),
                                "状态": picked["状态"].to_numpy(object), "问题说明": picked["问题说明"].to_numpy(object)})
    table = pd.concat([file_rows, record_rows], ignore_index=True) if len(file_rows) else record_rows
    kinds = [TEXT, TEXT, INT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT]
    widths = [min(w, WIDTH_CAPS.get(name, 60)) for name, w in zip(table.columns, column_widths(table, kinds, cap=60))]
    return SheetSpec("数据问题", table, kinds, widths, footer=footer, page_header=page_header(as_of),
                     print_columns=len(kinds))


def about_spec(run, footer: str) -> SheetSpec:
    lines = about_lines(run)
    frame = pd.DataFrame(lines, columns=["项目", "内容"])
    return SheetSpec("说明", frame, [TEXT, TEXT], [16.0, 80.0], landscape=False, autofilter=False,
                     repeat_header=False, footer=footer, fit_to_pages=(1, 1))


def about_lines(run) -> list[tuple[str, str]]:
    info = run.calendar.describe()
    lines = [
        ("统计截止日", run.as_of.isoformat()),
        ("检查时间", run.run_time.strftime("%Y-%m-%d %H:%M")),
        ("规则", run.rules.name),
        ("统计月份", run.month or "全部"),
        ("日历来源", f"{info['source']} {info['version']}"),
        ("覆盖年份", f"{info['covered_years'][0]}–{info['covered_years'][-1]}" if info["covered_years"] else "无"),
    ]
    for item in info["files"]:
        lines.append(("日历文件", f"{item['path']}（{'、'.join(map(str, item['years']))} 年）"))
    s = run.summary
    lines.append(("记录数", f"{s['records']} 条；跳过非记录行（空行、说明、表尾等）{s['skipped_rows']} 行"))
    for entry in run.inputs:
        state = f"错误：{entry.error.message}" if entry.error else f"未读取：{entry.not_read}" \
            if entry.not_read else f"记录 {entry.records} 条，跳过 {entry.skipped_rows} 行"
        lines.append(("输入文件", f"{entry.path}；{state}"))
        lines.append(("", f"SHA-256：{entry.sha256 or '—'}"))
    lines.append(("工具版本", f"compliance {__version__}"))
    lines.append(("状态说明", "（下列各项）"))
    for key, label in STATUS_LABELS.items():
        lines.append((label, STATUS_MEANINGS[key]))
    lines.append(("及时公开率", "按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开）"))
    lines.append(("迟报率", "（逾期公开 + 逾期未公开）÷（按时公开 + 逾期公开 + 逾期未公开）"))
    lines.append(("逾期工作日数", "截止日期之后到公开日期（未公开的到统计截止日）的工作日数；"
                              "在休息日公开的按下一个工作日计"))
    return lines


def write_report(run, out_path: str | Path, backend: str | None = None) -> Path:
    """Write the report atomically: a temporary file in the same folder, then a rename."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    records = run.records
    as_of, run_date = run.as_of.isoformat(), run.run_date.isoformat()
    frame = record_frame(records, as_of, run_date)
    statuses = records["status"].astype(object).to_numpy(object)
    footer = f"&L&A&C第 &P 页，共 &N 页&R统计截止 {as_of}"
    late = np.isin(statuses, LATE)
    order = _late_order(records, late)
    specs = [summary_spec(records, f"行政许可、行政处罚公开时限检查汇总（统计截止 {as_of}，{run.rules.short_name}）",
                          f"规则：{run.rules.name}。及时公开率 = 按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开）", footer)]
    specs += record_specs("逾期清单", frame.iloc[order].reset_index(drop=True), statuses[order], footer, as_of)
    specs.append(problems_spec(run, records, frame, footer, as_of))
    specs += record_specs("全部记录", frame, statuses, footer, as_of)
    specs.append(about_spec(run, footer))
    fd, temp_name = tempfile.mkstemp(prefix=".~compliance-", suffix=".xlsx", dir=out_path.parent)
    os.close(fd)
    try:
        run.report_backend = write_workbook(specs, Path(temp_name), backend)
        os.replace(temp_name, out_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return out_path


def _late_order(records: pd.DataFrame, late: np.ndarray) -> np.ndarray:
    """Late and overdue rows, by unit, then by working days late (most first)."""
    index = np.flatnonzero(late)
    if not len(index):
        return index
    sub = pd.DataFrame({"unit": records["unit"].to_numpy(object)[index],
                        "late": records["working_days_late"].astype("Float64").to_numpy(float, na_value=-1)[index],
                        "i": index})
    return sub.sort_values(["unit", "late"], ascending=[True, False], kind="stable")["i"].to_numpy()
