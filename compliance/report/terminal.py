"""The terminal text of a check run: the per-unit table, one line per problem record, the verdict.

Everything here is results, printed to stdout; progress and errors go to
stderr (cli.py). The table fits 100 columns. The figures are the ones the
report's 汇总 shows (summary.unit_table), never recomputed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import iso_date
from ..status import FLAGGED, STATUS_LABELS, STATUSES
from ..summary import unit_rows
from .layout import display_width
from .record_columns import short_paths

# Short headers so that the table fits 100 columns; the legend line says what they mean.
SHORT = {"on_time": "按时", "late": "迟报", "overdue": "未公开", "pending": "未到期", "invalid": "有误",
         "undetermined": "待定"}
LEGEND = ("迟报 = 逾期公开，未公开 = 逾期未公开，有误 = 数据有误，待定 = 无法判定；"
          "及时率 = 按时 ÷（按时 + 迟报 + 未公开）")
UNIT_WIDTH = 30
DEFAULT_PROBLEM_LINES = 20


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _cut(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    while display_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def terminal_summary(run) -> list[str]:
    table, _ = run.unit_summary
    headers = ["单位", "类别", "总数"] + [SHORT[s] for s in STATUSES] + ["及时率"]
    rows = []
    for record in table.to_dict("records"):
        rate = record["及时公开率"]
        rows.append([_cut(str(record["单位"]), UNIT_WIDTH), str(record["类别"]).replace("行政", ""),
                     str(record["决定总数"])] + [str(record[STATUS_LABELS[s]]) for s in STATUSES]
                    + ["—" if rate is None or pd.isna(rate) else f"{rate:.1%}"])
    widths = [max(display_width(r[c]) for r in rows + [headers]) for c in range(len(headers))]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(LEGEND)
    return lines


def worst_units(run, count: int = 5) -> list[str]:
    """The rows of the table with the highest 迟报率, as 汇总 shows them; None for a single row."""
    table, _ = run.unit_summary
    rows = unit_rows(table)
    if len(rows) < 2:
        return []
    rate = rows["迟报率"].astype(float)
    worst = rows.assign(rate=rate)[rate > 0].sort_values("rate", ascending=False, kind="stable").head(count)
    if not len(worst):
        return []
    return ["迟报率最高（同汇总表）："] + [
        f"  {u}{'' if c == '小计' else ' ' + c}：迟报率 {r:.1%}，逾期 {int(a) + int(b)} 条" for u, c, r, a, b in
        zip(worst["单位"], worst["类别"], worst["rate"], worst["逾期公开"], worst["逾期未公开"])]


def problem_lines(run, limit: int | None = DEFAULT_PROBLEM_LINES) -> list[str]:
    """One line per record to fix, like a linter: 文件 工作表 第N行 文书号：状态 — 原因."""
    records = run.records
    statuses = records["status"].astype(object).to_numpy(object)
    has_issue = np.fromiter((bool(i) for i in run.issues), dtype=bool, count=len(records))
    picked = np.flatnonzero(np.isin(statuses, FLAGGED) | has_issue)
    if not len(picked):
        return []
    sub = records.iloc[picked]
    order = np.lexsort((sub["row"].to_numpy(), sub["sheet"].astype(str).to_numpy(),
                        sub["source_file"].astype(str).to_numpy()))
    picked = picked[order]
    shown = picked if limit is None else picked[:limit]
    files = short_paths(records["source_file"].iloc[shown]).to_numpy(object)
    lines = []
    for k, i in enumerate(shown):
        row = records.iloc[i]
        status = row["status"]
        number = row["document_number"] or "（无文书号）"
        reasons = [item["message"] for item in run.issues[i]]
        if status in ("late", "overdue") and pd.notna(row["deadline"]):
            late = row["working_days_late"]
            days = f"，逾期 {int(late)} 个工作日" if pd.notna(late) else ""
            reasons.insert(0, f"截止 {iso_date(row['deadline'])}{days}")
        reason = f" — {'；'.join(reasons)}" if reasons else ""
        lines.append(f"{files[k]} {row['sheet']} 第{int(row['row'])}行 {number}：{STATUS_LABELS[status]}{reason}")
    if len(shown) < len(picked):
        lines.append(f"……另有 {len(picked) - len(shown)} 条未列出，加 --all 显示全部，或看报告的“逾期清单”和“数据问题”")
    return lines


def scope_line(run) -> str:
    month = f"{run.month} 月作出的决定，" if run.month else ""
    return f"{month}统计截止 {run.as_of.isoformat()}，规则：{run.rules.name}"


def verdict(run, unreadable: int, online_discrepancies: bool = False) -> str:
    s = run.summary
    late = s["late"] + s["overdue"]
    bad = s["invalid"] + s["undetermined"]
    if not late and not bad and not unreadable and not online_discrepancies:
        return f"通过：{s['records']} 条记录全部按时公开或未到期。"
    parts = [f"逾期 {late} 条" if late else "", f"数据有误或无法判定 {bad} 条" if bad else "",
             f"{unreadable} 个文件无法读取" if unreadable else "",
             "台账与网站清单有不一致（见“公开核对”）" if online_discrepancies else ""]
    return f"未通过：共 {s['records']} 条记录，" + "，".join(p for p in parts if p) + "。"


def closing_lines(run, report_path) -> list[str]:
    s = run.summary
    late = s["late"] + s["overdue"]
    flagged = sum(1 for i in run.issues if i) + 0
    lines = []
    if late:
        lines.append(f"逾期的 {late} 条见报告的“逾期清单”工作表。")
    if s["invalid"] + s["undetermined"] or flagged:
        lines.append(f"需核实的 {flagged} 条（数据有误 {s['invalid']} 条）见报告的“数据问题”工作表。")
    lines.append(f"报告已保存：{report_path}")
    return lines
