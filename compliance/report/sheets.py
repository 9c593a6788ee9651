"""The report's summary sheets: 汇总, 数据问题 and 说明, each as a SheetSpec."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import __version__
from ..status import STATUS_LABELS, STATUS_MEANINGS, UNJUDGEABLE
from ..problems import message
from ..summary import COUNT_HEADERS, RATE_HEADERS
from .layout import INT, PERCENT, TEXT, Chart, SheetSpec, column_widths
from .record_columns import short_paths

RATE_NOTE = "及时公开率 = 按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开）"


def scope_text(run) -> str:
    """What a page covers: the month or the as-of date, and the rule when it is not the default."""
    scope = f"{run.month} 月作出的决定，统计截止 {run.as_of.isoformat()}" if run.month \
        else f"统计截止 {run.as_of.isoformat()}"
    return f"{scope}，{run.rules.short_name}"


def out_of_scope_text(run) -> str | None:
    """Decisions read but not counted, and why; None when there are none."""
    counts = run.summary.get("out_of_scope", {})
    parts = []
    if counts.get("other_month"):
        parts.append(f"{counts['other_month']} 条决定日期不在 {run.month}")
    if counts.get("after_as_of"):
        parts.append(f"{counts['after_as_of']} 条决定日期晚于统计截止日 {run.as_of.isoformat()}（当时尚未作出，不算未到期）")
    sentences = ["另有 " + "，".join(parts) + "，不在统计范围内，未计入"] if parts else []
    if run.summary.get("repeats"):
        sentences.append(f"{run.summary['repeats']} 条与其他文件中的记录是同一决定（单位、类别、文书号相同），"
                         "只计一次，见“数据问题”")
    return "；".join(sentences) or None


def summary_spec(run, footer: str) -> SheetSpec:
    table, chart_rows = run.unit_summary
    extra = []
    if getattr(run, "online", None) is not None:  # --online: 网站未见, 日期不符, 台账未登记 per unit
        from .online_sheet import SUMMARY_HEADERS, add_online_counts

        table, extra = add_online_counts(table, run.records, run.online), SUMMARY_HEADERS
        table = table[[c for c in table.columns if c not in extra and c != "备注"] + extra + ["备注"]]
    frame = table.copy()
    for name in ["排名", *COUNT_HEADERS, *RATE_HEADERS, *extra]:
        frame[name] = frame[name].astype(float)
    # The chart's data: one bar per unit and the 合计, top-down in two columns that do not print.
    labels = np.full(len(frame), None, dtype=object)
    rates = np.full(len(frame), np.nan)
    labels[:len(chart_rows)] = chart_rows["label"].to_numpy(object)
    rates[:len(chart_rows)] = chart_rows["rate"].to_numpy(float)
    frame["图表单位"], frame["图表及时公开率"] = labels, rates
    kinds = [INT, TEXT, TEXT] + [INT] * len(COUNT_HEADERS) + [PERCENT] * len(RATE_HEADERS) + [INT] * len(extra) \
        + [TEXT, TEXT, PERCENT]
    widths = [min(w, 40) for w in column_widths(frame, kinds)]
    widths[-2:] = [0.0, 0.0]
    lowest = np.nanmin(rates) if np.isfinite(rates).any() else 0.0
    chart = Chart("各单位及时公开率（灰色为合计）", "图表单位", "图表及时公开率", row=2 + len(frame) + 3, col=1,
                  height=max(260, 26 * len(chart_rows) + 100), rows=len(chart_rows),
                  axis_min=max(0.0, np.floor(lowest * 10 - 0.5) / 10), mark_last=True)
    made = f"制表日期：{run.run_date.isoformat()}"
    title = f"行政许可、行政处罚公开时限检查汇总（{scope_text(run)}）"
    subtitle = f"规则：{run.rules.name}。{RATE_NOTE}；数据合格率 = 数据无误的记录 ÷ 决定总数。{made}"
    bold = {i for i, c in enumerate(frame["类别"]) if c == "小计"} | {len(frame) - 1}
    return SheetSpec("汇总", frame, kinds, widths, header_row=2, title=title, subtitle=subtitle,
                     bold_rows=bold, chart=chart, repeat_header=False, print_columns=len(kinds) - 2,
                     footer=footer.replace("&L&A", f"&L{made}"), fit_to_pages=(1, 1), print_gridlines=False)


PROBLEM_HEADERS = ["类型", "来源文件", "工作表", "行号", "单位", "文书号", "状态", "问题说明", "决定日期原文", "公开日期原文"]
PROBLEM_KINDS = [TEXT, TEXT, TEXT, INT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT]
PROBLEM_CAPS = [10, 28, 12, 6, 24, 22, 10, 70, 16, 16]


def problems_spec(run, everything: pd.DataFrame, footer: str, header: str) -> SheetSpec:
    """The units' data errors first, then unreadable files, then the tool's own notes, kept apart."""
    statuses = run.records["status"].astype(object).to_numpy(object)
    flagged = np.flatnonzero(everything["问题说明"].notna().to_numpy(bool) | np.isin(statuses, UNJUDGEABLE))
    picked = everything.iloc[flagged]
    kind = np.where(np.isin(statuses[flagged], UNJUDGEABLE), "数据有误", "需核实")
    record_rows = pd.DataFrame({"类型": kind, **{h: picked[h].to_numpy(object if h != "行号" else float)
                                               for h in PROBLEM_HEADERS[1:]}})
    files, notes = [], []
    for entry in run.inputs:
        if entry.error is not None:
            files.append(["读取失败", entry.path, None, np.nan, None, None, "文件无法读取", entry.error.message, None, None])
        for note in entry.notes:
            notes.append(["工具提示", entry.path, None, np.nan, None, None, "提示", note, None, None])
        for sheet in entry.sheets:
            if sheet.problem:
                files.append(["工作表问题", entry.path, sheet.name, np.nan, None, None, "提示", sheet.problem, None, None])
            for note in sheet.notes:
                notes.append(["工具提示", entry.path, sheet.name, np.nan, None, None, "提示", note, None, None])
    other = pd.concat([pd.DataFrame(files, columns=PROBLEM_HEADERS), _repeat_rows(run),
                       pd.DataFrame(notes, columns=PROBLEM_HEADERS)], ignore_index=True)
    if len(other):
        other["来源文件"] = short_paths(other["来源文件"])
    table = pd.concat([record_rows, other], ignore_index=True) if len(other) else record_rows
    widths = [min(w, cap) for w, cap in zip(column_widths(table, PROBLEM_KINDS, cap=60), PROBLEM_CAPS)]
    return SheetSpec("数据问题", table, PROBLEM_KINDS, widths, footer=footer, page_header=header,
                     print_columns=len(PROBLEM_KINDS))


def _repeat_rows(run) -> pd.DataFrame:
    """Copies of decisions already counted from another file: listed, not counted (ingest/repeats.py)."""
    repeats = run.repeats if run.repeats is not None else pd.DataFrame()
    if repeats.empty:
        return pd.DataFrame(columns=PROBLEM_HEADERS)
    template = message("repeat-counted-once", first="\x00")
    before, after = template.split("\x00")
    return pd.DataFrame({
        "类型": "重复报送", "来源文件": repeats["source_file"].to_numpy(object), "工作表": repeats["sheet"].to_numpy(object),
        "行号": repeats["row"].to_numpy(float), "单位": repeats["unit"].to_numpy(object),
        "文书号": repeats["document_number"].to_numpy(object), "状态": "只计一次",
        "问题说明": (before + repeats["first_copy"] + after).to_numpy(object),
        "决定日期原文": repeats["decision_text"].to_numpy(object), "公开日期原文": repeats["published_text"].to_numpy(object)})


def about_spec(run, footer: str, writer_label: str) -> SheetSpec:
    frame = pd.DataFrame(about_lines(run, writer_label), columns=["项目", "内容"])
    return SheetSpec("说明", frame, [TEXT, TEXT], [16.0, 80.0], landscape=False, autofilter=False,
                     repeat_header=False, footer=footer, fit_to_pages=(1, 0), wrap_columns={"内容"})


def about_lines(run, writer_label: str) -> list[tuple[str, str]]:
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
    scope = out_of_scope_text(run)
    if scope:
        lines.append(("统计范围外", scope))
    for entry in run.inputs:
        state = f"错误：{entry.error.message}" if entry.error else f"未读取：{entry.not_read}" \
            if entry.not_read else f"记录 {entry.records} 条，跳过 {entry.skipped_rows} 行"
        lines.append(("输入文件", f"{entry.path}；{state}"))
        if not entry.not_read:
            lines.append(("", f"SHA-256：{entry.sha256 or '—'}"))
    if getattr(run, "online", None) is not None:
        from .online_sheet import about_lines as online_lines

        lines += online_lines(run.online)
    lines.append(("工具版本", f"compliance {__version__}"))
    lines.append(("报告生成程序", writer_label))
    lines.append(("状态说明", "（下列各项）"))
    for key, label in STATUS_LABELS.items():
        lines.append((label, STATUS_MEANINGS[key]))
    lines.append(("及时公开率", "按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开）"))
    lines.append(("迟报率", "（逾期公开 + 逾期未公开）÷（按时公开 + 逾期公开 + 逾期未公开）"))
    lines.append(("逾期工作日数", "截止日期之后到公开日期（未公开的到统计截止日）的工作日数；"
                              "在休息日公开的按下一个工作日计"))
    return lines
