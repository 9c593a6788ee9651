"""汇总: each unit's figures and rates, a bar chart of 及时公开率, on one landscape A4 page when it
reads there (else one page wide, as many long as needed).

The figures are summary.unit_table's, the same the terminal and the web page
show; the run's parts add their count columns before 备注.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ...summary import COUNT_HEADERS, RANK_RULE, RATE_HEADERS
from ..layout import INT, PERCENT, TEXT, Chart, SheetSpec, column_widths, print_fit, tallest_rows
from ..scope import scope_text

NAME = "汇总"
TITLE = "行政许可、行政处罚公开时限检查汇总"
NOT_APPLICABLE = "—"
RATE_NOTE = "及时公开率 = 按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开）"


def summary_table(run) -> tuple[pd.DataFrame, list[str], list[str]]:
    """(汇总 with every part's columns before 备注, those columns, their kinds): the report's and the page's."""
    table, _ = run.unit_summary
    extra: list[str] = []
    extra_kinds: list[str] = []
    for part in run.parts:
        table, headers = part.summary_columns(table)
        extra += headers
        extra_kinds += part.summary_kinds(headers)
    return table[[c for c in table.columns if c not in extra and c != "备注"] + extra + ["备注"]], extra, extra_kinds


def spec(sheet) -> SheetSpec:
    run = sheet.run
    _, chart_rows = run.unit_summary
    table, extra, extra_kinds = summary_table(run)
    frame = table.copy()
    frame["备注"] = [None if note is None else note.message for note in frame["备注"]]
    for name in ["排名", *COUNT_HEADERS, *RATE_HEADERS, *extra]:
        frame[name] = frame[name].astype(float)
    for name in RATE_HEADERS:  # a rate with nothing to count is "—", as the terminal and 说明 say, not a blank
        frame[name] = frame[name].astype(object).where(frame[name].notna(), NOT_APPLICABLE)
    # The chart's data: one bar per unit and the 合计, top-down in two columns that do not print.
    labels = np.full(len(frame), None, dtype=object)
    rates = np.full(len(frame), np.nan)
    labels[:len(chart_rows)] = chart_rows["label"].to_numpy(object)
    rates[:len(chart_rows)] = chart_rows["rate"].to_numpy(float)
    # An empty column first: Excel's sort and filter take the table without the chart's helpers.
    frame[" "], frame["图表单位"], frame["图表排名及时率"] = None, labels, rates
    kinds = [INT, TEXT, TEXT] + [INT] * len(COUNT_HEADERS) + [PERCENT] * len(RATE_HEADERS) + extra_kinds \
        + [TEXT, TEXT, TEXT, PERCENT]
    widths = [min(w, 40) for w in column_widths(frame, kinds, header_lines=2, wide=2.0)]  # narrow: more fits a page
    widths[-3:] = [2.0, 0.0, 0.0]
    bar = 26 if len(chart_rows) <= 15 else 16  # a district's 40 units: the chart stays within a page
    chart = Chart("各单位排名及时率（排名依据；灰色为合计）", "图表单位", "图表排名及时率", row=2 + len(frame) + 3, col=1,
                  height=max(260, bar * len(chart_rows) + 100), rows=len(chart_rows),
                  axis_min=0.0, mark_last=True)  # from 0: a cut axis makes 84% look like half of 90%
    made = f"制表日期：{run.run_date.isoformat()}"
    title = f"{TITLE}（{scope_text(run)}）"
    subtitle = (f"规则：{run.rules.name}。{RANK_RULE}；{RATE_NOTE}；合规率 = 日期和各项数据都无误的记录 ÷ 决定总数"
                f"（不含无法判定）；完整率 = 已填的必填项 ÷ 应填的必填项（按国家数据标准格式填报的表格）。{made}")
    bold = {i for i, c in enumerate(frame["类别"]) if c == "小计"} | {len(frame) - 1}
    # One page when it reads there; a district with many units flows over pages as wide as one page,
    # the header on each (squeezed onto one page, 40 units printed at a quarter of their size). The
    # chart then shows on screen only: a page break would cut it, and 排名 says the same in the table.
    # With the history and quality columns a few units' table is too wide for one page: two across,
    # 排名, 单位 and 类别 on both.
    result = SheetSpec(NAME, frame, kinds, widths, header_row=2, title=title, subtitle=subtitle,
                       bold_rows=bold, chart=chart, print_columns=len(kinds) - 3,
                       footer=sheet.footer.replace("&L&A", f"&L{made}"), print_gridlines=False, boxed=True,
                       autofilter=False,  # a filter over 合计 and the helpers would sort them in
                       wrap_columns={"备注"}, row_heights=tallest_rows(frame, ("备注",), widths))  # cut at the page edge
    across, _ = print_fit(widths[:len(kinds) - 3], 0.0, repeated=3)
    if across > 1:
        # The title and subtitle span only the columns both pages print (merged over the whole width, each
        # page printed a slice of every line): the title is shortened to fit there, its scope goes below.
        result.title_columns = result.repeat_columns = 3
        # … in three narrow columns: the scope and the rule only (the rates' definitions, 7 to 12 lines there,
        # are on 说明, as they are for every report)
        result.title = TITLE
        # one sentence a line: wrapped as one run in that narrow span it broke inside a date (2016-↵12-26: p87 L1)
        result.subtitle = f"{scope_text(run, rule=False)}。\n规则：{run.rules.name}。\n各比率的算法见“说明”工作表。\n{made}"
        result.chart = replace(chart, width=560, col=3)  # narrower, right of 排名, 单位, 类别
    rows_pt = 26 + result.subtitle_height + 30 + 15 * (len(frame) + 3)  # title, subtitle, header, rows, the gap
    _, one_page = print_fit(widths[:len(kinds) - 3], rows_pt, chart.height, repeated=3)
    result.repeat_header, result.print_chart = not one_page, one_page
    result.fit_to_pages = (across, 1 if one_page else 0)
    return result
