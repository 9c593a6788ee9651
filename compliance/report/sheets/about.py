"""说明: what the report covers, the calendar and the inputs (with SHA-256), the parts' lines, the words used."""

from __future__ import annotations

import pandas as pd

from ...problems import message
from ...version import __version__
from ...status import STATUS_LABELS, STATUS_MEANINGS
from ...summary import RANK_RATE
from ..layout import TEXT, SheetSpec, wrapped_heights
from ..scope import out_of_scope_text

NAME = "说明"
CONTENT_WIDTH = 80.0


def spec(sheet, writer_label: str) -> SheetSpec:
    frame = pd.DataFrame(lines(sheet.run, writer_label, shape_lines(sheet)), columns=["项目", "内容"])
    return SheetSpec(NAME, frame, [TEXT, TEXT], [16.0, CONTENT_WIDTH], landscape=False, autofilter=False,
                     # portrait: the scope on the right ran into the page number; the sheet's rows say it
                     footer=sheet.footer.split("&R")[0], fit_to_pages=(1, 0), wrap_columns={"内容"},
                     page_header=sheet.header,  # the run's scope on top: a page printed apart is tied to its run
                     row_heights=wrapped_heights(frame["内容"], CONTENT_WIDTH))


def shape_lines(sheet) -> list[tuple[str, str]]:
    """What the report leaves out at scale (report/shape.py), and where the full lists are."""
    out = []
    if not sheet.shape.records_sheet:
        out.append(("全部记录", "未写入本报告（Dask 引擎默认不写；检查时加 --all-records 才写入）。" + sheet.shape.where_all()))
    for name, kept, total, which in sheet.cuts:
        out.append((name, f"共 {total} 条，超过 {sheet.shape.list_limit} 条，本报告只列{which} {kept} 条。"
                          + sheet.shape.where_all()))
    return out


def lines(run, writer_label: str, shaped: list | None = None) -> list[tuple[str, str]]:
    info = run.calendar.describe()
    out = [
        ("统计截止日", run.as_of.isoformat()),
        ("检查时间", run.run_time.strftime("%Y-%m-%d %H:%M")),
        ("规则", run.rules.name),
        ("统计月份", run.month or "全部"),
        ("日历来源", f"{info['source']} {info['version']}"),
        ("覆盖年份", f"{info['covered_years'][0]}–{info['covered_years'][-1]}" if info["covered_years"] else "无"),
    ]
    for item in info["files"]:
        out.append(("日历文件", f"{item['path']}（{'、'.join(map(str, item['years']))} 年）"))
    out += [("日历提示", warning["message"]) for warning in info["warnings"]]
    out += [("豁免确认", message("exempt-confirmed-unmatched", number=n)) for n in run.summary.get("exempt_unmatched", [])]
    s = run.summary
    out.append(("记录数", f"{s['records']} 条；跳过非记录行（空行、说明、表尾等）{s['skipped_rows']} 行"))
    scope = out_of_scope_text(run)
    if scope:
        out.append(("统计范围外", scope))
    out += shaped or []
    for entry in run.inputs:
        state = f"错误：{entry.error.problem.message}" if entry.error else f"未读取：{entry.not_read.message}" \
            if entry.not_read else f"记录 {entry.records} 条，跳过 {entry.skipped_rows} 行"
        out.append(("输入文件", f"{entry.path}；{state}"))
        if not entry.not_read:
            out.append(("", f"SHA-256：{entry.sha256 or '—'}"))
    for part in run.parts:
        out += part.about_lines()
    out.append(("工具版本", f"compliance {__version__}"))
    out.append(("报告生成程序", writer_label))
    out.append(("状态说明", "（下列各项）"))
    for key, label in STATUS_LABELS.items():
        out.append((label, STATUS_MEANINGS[key]))
    out.append(("逾期", "逾期公开 + 逾期未公开"))
    out.append(("及时公开率", "按时公开 ÷（按时公开 + 逾期）"))
    out.append(("迟报率", "逾期 ÷（按时公开 + 逾期）"))
    out.append((RANK_RATE, "按时公开 ÷（按时公开 + 逾期 + 数据有误）：数据有误按未按时计，填错日期不会让名次变好"))
    out.append(("排名", "按排名及时率从高到低，第1名最好，比率相同则名次相同（1、2、2、4）；"
                      "未到期、无法判定、无需公开不计入任何比率；没有按时公开、逾期或数据有误记录的单位（排名及时率无从计算）不排名，列在后面；"
                      "只有数据有误记录的单位排名及时率为 0，照常排名；既有许可又有处罚的单位按“小计”一行排名，名次写在小计行"))
    out.append(("逾期工作日数", "截止日期之后到公开日期（未公开的到统计截止日）的工作日数；"
                            "在休息日公开的按下一个工作日计"))
    return out
