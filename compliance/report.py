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
import xlsxwriter

from . import __version__
from .check import STATUS_LABELS, STATUS_MEANINGS, rates
from .problems import issues_column
from .rules import CATEGORY_LABELS
from .summary import unit_table

EXCEL_MAX_ROWS = 1_048_576
EXCEL_EPOCH_OFFSET = 25569  # days from 1899-12-30 to 1970-01-01
RECORD_HEADERS = ["来源文件", "工作表", "行号", "类别", "单位", "文书号", "行政相对人", "决定日期", "公开日期",
                  "应公开截止日期", "状态", "逾期工作日数", "问题说明", "逾期天数（日历日）", "剩余工作日",
                  "适用规则", "决定日期原文", "公开日期原文"]
DATE_COLUMNS = {7, 8, 9}
STATUS_FILLS = {"late": "#FCE4D6", "overdue": "#F8CBAD"}


class ReportError(Exception):
    pass


def record_table(records: pd.DataFrame, as_of: str, run_date: str) -> list[np.ndarray]:
    """The 全部记录 columns, as arrays (dates as Excel serials, NaN where empty)."""
    issues = issues_column(records, as_of, run_date)
    messages = np.array(["；".join(i["message"] for i in items) for items in issues], dtype=object)

    def serial(name):
        days = records[name].to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
        out = days.astype(np.int64).astype(float) + EXCEL_EPOCH_OFFSET
        out[np.isnat(days)] = np.nan
        return out

    def ints(name):
        return records[name].astype("Float64").to_numpy(dtype=float, na_value=np.nan)

    return [
        records["source_file"].to_numpy(object),
        records["sheet"].to_numpy(object),
        records["row"].to_numpy(float),
        records["category"].map(CATEGORY_LABELS).fillna("未知").to_numpy(object),
        records["unit"].to_numpy(object),
        records["document_number"].to_numpy(object),
        records["party"].to_numpy(object),
        serial("decision_date"),
        serial("published_date"),
        serial("deadline"),
        records["status"].astype(object).map(STATUS_LABELS).to_numpy(object),
        ints("working_days_late"),
        messages,
        ints("calendar_days_late"),
        ints("working_days_left"),
        records["rule"].to_numpy(object),
        records["decision_text"].to_numpy(object),
        records["published_text"].to_numpy(object),
    ]


class ReportWriter:
    def __init__(self, path: Path):
        self.book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                                    "strings_to_urls": False, "strings_to_numbers": False})
        f = self.book.add_format
        self.title = f({"bold": True, "font_size": 14})
        self.head = f({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                       "valign": "vcenter", "align": "center"})
        self.text = f({"num_format": "@"})
        self.date = f({"num_format": "yyyy-mm-dd"})
        self.number = f({"num_format": "0"})
        self.percent = f({"num_format": "0.0%"})
        self.bold = f({"bold": True})
        self.bold_percent = f({"bold": True, "num_format": "0.0%"})
        self.fills = {}
        for status, color in STATUS_FILLS.items():
            self.fills[status] = {
                "text": f({"bg_color": color, "num_format": "@"}),
                "date": f({"bg_color": color, "num_format": "yyyy-mm-dd"}),
                "number": f({"bg_color": color, "num_format": "0"}),
            }

    # -- record sheets -----------------------------------------------------
    def record_sheets(self, base_name: str, columns: list[np.ndarray], statuses: np.ndarray,
                      landscape: bool = True) -> list[str]:
        n = len(statuses)
        per_sheet = EXCEL_MAX_ROWS - 1
        names = []
        for part, start in enumerate(range(0, max(n, 1), per_sheet), start=1):
            name = base_name if part == 1 else f"{base_name}({part})"
            stop = min(start + per_sheet, n)
            self._record_sheet(name, [c[start:stop] for c in columns], statuses[start:stop], landscape)
            names.append(name)
        return names

    def _record_sheet(self, name, columns, statuses, landscape):
        sheet = self.book.add_worksheet(name)
        widths = [_width(h) for h in RECORD_HEADERS]
        for c, column in enumerate(columns):
            if c in DATE_COLUMNS:
                widths[c] = max(widths[c], 11)
            elif column.dtype == object and len(column):
                widths[c] = max(widths[c], _column_width(column))
            elif len(column):
                widths[c] = max(widths[c], 6)
        for c, width in enumerate(widths):
            sheet.set_column(c, c, min(width + 2, 60))
        sheet.set_row(0, 30)
        sheet.write_row(0, 0, RECORD_HEADERS, self.head)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(statuses), 1), len(RECORD_HEADERS) - 1)
        self._print_setup(sheet, landscape)
        sheet.repeat_rows(0)
        rows = len(statuses)
        plain = {"text": self.text, "date": self.date, "number": self.number}
        kinds = ["date" if c in DATE_COLUMNS else ("text" if col.dtype == object else "number")
                 for c, col in enumerate(columns)]
        for r in range(rows):
            formats = self.fills.get(statuses[r], plain)
            excel_row = r + 1
            for c, column in enumerate(columns):
                value = column[r]
                fmt = formats[kinds[c]]
                if kinds[c] == "text":
                    if value is None or value == "":
                        if formats is not plain:
                            sheet.write_blank(excel_row, c, None, fmt)
                        continue
                    sheet.write_string(excel_row, c, str(value), fmt)
                elif value != value:  # NaN: no date / no number
                    if formats is not plain:
                        sheet.write_blank(excel_row, c, None, fmt)
                else:
                    sheet.write_number(excel_row, c, value, fmt)

    def _print_setup(self, sheet, landscape=True):
        sheet.set_paper(9)  # A4
        if landscape:
            sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.set_footer("&C第 &P 页，共 &N 页")

    # -- 汇总 ----------------------------------------------------------------
    def summary_sheet(self, table: pd.DataFrame, by_unit: pd.DataFrame, title: str):
        sheet = self.book.add_worksheet("汇总")
        headers = list(table.columns)
        sheet.merge_range(0, 0, 0, len(headers) - 1, title, self.title)
        sheet.set_row(0, 24)
        header_row = 2
        sheet.write_row(header_row, 0, headers, self.head)
        sheet.set_row(header_row, 30)
        last = header_row
        for r, values in enumerate(table.itertuples(index=False), start=header_row + 1):
            is_total = values[0] == "合计"
            for c, value in enumerate(values):
                percent = headers[c] in ("及时公开率", "迟报率")
                fmt = (self.bold_percent if percent else self.bold) if is_total else \
                    (self.percent if percent else None)
                if isinstance(value, str):
                    sheet.write_string(r, c, value, fmt)
                elif value is None or value != value:
                    sheet.write_string(r, c, "—", fmt)
                else:
                    sheet.write_number(r, c, float(value), fmt)
            last = r
        widths = [max(_width(h), _column_width(table[h].to_numpy(object))) for h in headers]
        for c, width in enumerate(widths):
            sheet.set_column(c, c, min(width + 2, 40))
        sheet.freeze_panes(header_row + 1, 0)
        sheet.autofilter(header_row, 0, last - 1 if last > header_row + 1 else last, len(headers) - 1)
        # Per-unit rates for the chart, under the table.
        chart_top = last + 3
        sheet.write_string(chart_top - 1, 0, "各单位及时公开率（许可、处罚合并）", self.bold)
        sheet.write_row(chart_top, 0, ["单位", "及时公开率"], self.head)
        for i, (unit, rate) in enumerate(by_unit.itertuples(index=False), start=chart_top + 1):
            sheet.write_string(i, 0, unit)
            if rate is None or rate != rate:
                sheet.write_string(i, 1, "—")
            else:
                sheet.write_number(i, 1, float(rate), self.percent)
        if len(by_unit):
            chart = self.book.add_chart({"type": "bar"})
            chart.add_series({
                "name": "及时公开率",
                "categories": ["汇总", chart_top + 1, 0, chart_top + len(by_unit), 0],
                "values": ["汇总", chart_top + 1, 1, chart_top + len(by_unit), 1],
                "data_labels": {"value": True, "num_format": "0.0%"},
                "fill": {"color": "#4472C4"},
            })
            chart.set_title({"name": "各单位及时公开率"})
            chart.set_x_axis({"min": 0, "max": 1, "num_format": "0%", "major_gridlines": {"visible": True}})
            chart.set_y_axis({"reverse": True})
            chart.set_legend({"none": True})
            chart.set_size({"width": 720, "height": max(240, 28 * len(by_unit) + 90)})
            sheet.insert_chart(chart_top, 3, chart)
        self._print_setup(sheet, landscape=True)
        return sheet

    # -- 数据问题 --------------------------------------------------------------
    def problems_sheet(self, rows: list[list]):
        sheet = self.book.add_worksheet("数据问题")
        headers = ["来源文件", "工作表", "行号", "单位", "文书号", "决定日期原文", "公开日期原文", "状态", "问题说明"]
        sheet.write_row(0, 0, headers, self.head)
        sheet.set_row(0, 30)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, value, self.text)
                else:
                    sheet.write_number(r, c, value, self.number)
        widths = [max([_width(h)] + [_width(str(row[c])) for row in rows[:5000]]) for c, h in enumerate(headers)]
        for c, width in enumerate(widths):
            sheet.set_column(c, c, min(width + 2, 60))
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
        self._print_setup(sheet, landscape=True)
        sheet.repeat_rows(0)

    # -- 说明 ------------------------------------------------------------------
    def about_sheet(self, lines: list[tuple[str, str]]):
        sheet = self.book.add_worksheet("说明")
        sheet.write_row(0, 0, ["项目", "内容"], self.head)
        for r, (key, value) in enumerate(lines, start=1):
            sheet.write_string(r, 0, key, self.bold if key else None)
            sheet.write_string(r, 1, value, self.text)
        sheet.set_column(0, 0, 18)
        sheet.set_column(1, 1, 100)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(len(lines), 1), 1)
        self._print_setup(sheet, landscape=False)

    def close(self):
        self.book.close()


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _column_width(column: np.ndarray) -> int:
    sample = pd.Series(column[:20000], dtype=object).dropna().astype(str)
    if sample.empty:
        return 0
    wide = sample.str.count(r"[^\x00-\u2e7f]")
    return int((sample.str.len() + wide).max())


def problem_rows(run, records: pd.DataFrame, columns: list[np.ndarray]) -> list[list]:
    """Invalid and undetermined records, other record problems, unreadable files, skipped sheets."""
    rows: list[list] = []
    for entry in run.inputs:
        if entry.error is not None:
            rows.append([entry.path, "", None, "", "", "", "", "文件无法读取", entry.error.message])
        for sheet in entry.sheets:
            for note in ([sheet.problem] if sheet.problem else []) + sheet.notes:
                rows.append([entry.path, sheet.name, sheet.header_row, "", "", "", "", "提示", note])
    messages = columns[12]
    statuses = records["status"].astype(object).to_numpy(object)
    flagged = np.flatnonzero((messages != "") | np.isin(statuses, ["invalid", "undetermined"]))
    for i in flagged:
        rows.append([columns[0][i], columns[1][i], int(columns[2][i]), columns[4][i], columns[5][i],
                     columns[16][i], columns[17][i], STATUS_LABELS[statuses[i]], messages[i]])
    return rows


def about_lines(run, out_path: Path) -> list[tuple[str, str]]:
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
        state = f"错误：{entry.error.message}" if entry.error else \
            f"记录 {entry.records} 条，跳过 {entry.skipped_rows} 行"
        lines.append(("输入文件", f"{entry.path}；{state}；SHA-256 {entry.sha256 or '—'}"))
    lines.append(("工具版本", f"compliance {__version__}"))
    lines.append(("", ""))
    lines.append(("状态说明", ""))
    for key, label in STATUS_LABELS.items():
        lines.append((label, STATUS_MEANINGS[key]))
    lines.append(("及时公开率", "按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开）"))
    lines.append(("迟报率", "（逾期公开 + 逾期未公开）÷（按时公开 + 逾期公开 + 逾期未公开）"))
    lines.append(("逾期工作日数", "截止日期之后到公开日期（未公开的到统计截止日）的工作日数；"
                              "在休息日公开的按下一个工作日计"))
    return lines


def write_report(run, out_path: str | Path) -> Path:
    """Write the report atomically: a temporary file in the same folder, then a rename."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    records = run.records
    as_of, run_date = run.as_of.isoformat(), run.run_date.isoformat()
    columns = record_table(records, as_of, run_date)
    statuses = records["status"].astype(object).to_numpy(object)
    fd, temp_name = tempfile.mkstemp(prefix=".~compliance-", suffix=".xlsx", dir=out_path.parent)
    os.close(fd)
    try:
        writer = ReportWriter(Path(temp_name))
        table, by_unit = unit_table(records)
        writer.summary_sheet(table, by_unit, f"行政许可、行政处罚决定上网公开时限检查汇总（统计截止 {as_of}；"
                                             f"规则：{run.rules.name}）")
        late = np.isin(statuses, ["late", "overdue"])
        order = _late_order(records, late)
        writer.record_sheets("逾期清单", [c[order] for c in columns], statuses[order])
        writer.problems_sheet(problem_rows(run, records, columns))
        writer.record_sheets("全部记录", columns, statuses)
        writer.about_sheet(about_lines(run, out_path))
        writer.close()
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
