"""The terminal text of a check run: the per-unit table, one line per problem record, the closing lines.

Everything here is results, printed to stdout; progress and errors go to
stderr (cli.py). The table fits 100 columns. The figures are the ones the
report's 汇总 shows (summary.unit_table), never recomputed; the verdict is
the run's (status.Verdict). Problem lines are ruff-style: 文件:工作表:行 代码 说明.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import iso_date
from ..ingest.records import UNSAVED_FORMULAS
from ..problems import Problem, message, problem, where
from ..status import FLAGGED, LATE, STATUS_LABELS, UNJUDGEABLE
from ..summary import COUNTED_ELSEWHERE, NO_DECISIONS, NOT_SENT, RANK_RATE, RANK_RULE, UNREADABLE, unit_rows
from .layout import display_width
from .record_columns import short_paths

# The words of README "排名规则和用词", unabridged; 逾期 (逾期公开 + 逾期未公开) and no 总数 (their sum) keep the table within 100 columns.
COLUMNS = ["按时公开", "逾期", "未到期", "数据有误", "无法判定"]
UNIT_WIDTH = 30
ABSENT = (NOT_SENT, NO_DECISIONS, UNREADABLE, COUNTED_ELSEWHERE)  # units without records: named in a line, not a row
DEFAULT_PROBLEM_LINES = 20


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def aligned(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    """Columns padded by display width (a CJK character takes two), so 调休 rows line up."""
    widths = [max(display_width(r[c]) for r in [headers, *rows]) for c in range(len(headers))]

    def line(cells):
        return "  ".join(" " * (w - display_width(v)) + v if c in right else _pad(v, w)
                         for c, (v, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(headers)] + [line(r) for r in rows]


def _cut(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    while display_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def _percent(rate) -> str:
    return "—" if rate is None or pd.isna(rate) else f"{rate:.1%}"


def terminal_summary(run) -> list[str]:
    table, _ = run.unit_summary
    # 无需公开 only when a rule exempted something (the district rule never does); names are cut
    # shorter then, so that the table still fits 100 columns.
    columns = COLUMNS + (["无需公开"] if table["无需公开"].iloc[-1] else [])
    unit_width = UNIT_WIDTH - 10 * (len(columns) - len(COLUMNS))
    headers = ["排名", "单位", "类别", *columns, RANK_RATE]
    rows = []
    absent = table[(table["决定总数"] == 0) & table["类别"].isin(ABSENT)]  # one line each, under the table
    for record in table.drop(absent.index).to_dict("records"):
        rank = record["排名"]
        counts = {label: record[label] for label in STATUS_LABELS.values()}
        counts["逾期"] = sum(record[STATUS_LABELS[s]] for s in LATE)
        rows.append(["" if rank is None or pd.isna(rank) else str(int(rank)),
                     _cut(str(record["单位"]), unit_width), str(record["类别"]).replace("行政", "")]
                    + [str(counts[c]) for c in columns] + [_percent(record[RANK_RATE])])
    widths = [max(display_width(r[c]) for r in rows + [headers]) for c in range(len(headers))]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths)).rstrip() for r in rows]
    elsewhere = [row["单位"] for row in absent.to_dict("records")
                 if row["备注"] is not None and row["备注"].code == "unit-none-in-scope"]
    for kind, units in absent.groupby("类别", sort=False)["单位"]:
        lines.append(f"{kind}：{'、'.join(units)}")
        if elsewhere and kind == NO_DECISIONS:  # sent decisions, none of this period: maybe last month's ledger
            lines.append(f"  其中报送的决定都不在统计范围内（可能报错了月份的台账）：{'、'.join(elsewhere)}")
    partly = [row["单位"] for row in table.to_dict("records") if row["备注"] is not None
              and row["备注"].code.startswith("unit-partly-unreadable")]
    if partly:  # a rank that stands on part of what the unit sent
        lines.append(f"部分文件无法读取（名次只按读到的记录）：{'、'.join(dict.fromkeys(partly))}")
    exempt = "无需公开不计入任何比率。" if len(columns) > len(COLUMNS) else ""
    lines.append(f"逾期 = 逾期公开 + 逾期未公开。{exempt}{RANK_RULE}。")
    return lines


def worst_units(run, count: int = 5) -> list[str]:
    """Lines naming the units with the highest 迟报率, as 汇总 shows them; none for a single unit."""
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
    """One line per record to fix, ruff-style: 文件:工作表:行 代码 文书号：状态 — 说明."""
    records = run.records
    statuses = records["status"].astype(object).to_numpy(object)
    picked = np.flatnonzero(np.isin(statuses, FLAGGED) | run.asks)
    if not len(picked):
        return []
    sub = records.iloc[picked]
    order = np.lexsort((sub["row"].to_numpy(), sub["sheet"].astype(str).to_numpy(),
                        sub["source_file"].astype(str).to_numpy()))
    picked = picked[order]
    shown = picked if limit is None else picked[:limit]
    files = short_paths(records["source_file"].iloc[shown]).to_numpy(object)
    lines = [_record_line(records.iloc[i], run.issues[i], files[k]) for k, i in enumerate(shown)]
    if len(shown) < len(picked):
        lines.append(f"……另有 {len(picked) - len(shown)} 条未列出，加 --all 显示全部，或看报告的“逾期清单”和“数据问题”")
    return lines


# Said of a record, but nothing to do about it: what the registry's advice calls 无需处理 (无需公开 by rule,
# an online list that cannot cover the record, a repeat counted once …); and the unit taken from the
# folder, said once per file above. Listed, they pushed the records to fix out of the first screenful.


def _record_line(row, issues, file: str) -> str:
    status = row["status"]
    found = list(issues)
    if status in LATE and pd.notna(row["deadline"]):  # the status itself is the first thing to say
        late = row["working_days_late"]
        at_least = any(p.code == "late-days-lower-bound" for p in found)  # the count is said there, as 至少 N
        found.insert(0, problem(status, deadline=iso_date(row["deadline"]),
                                days=None if pd.isna(late) or at_least else int(late)))
    reasons = [p.short if p.code in LATE and p.value("days") is None else p.message for p in found]
    codes = ",".join(dict.fromkeys(p.code for p in found)) or status
    number = row["document_number"] or "（无文书号）"
    reason = f" — {'；'.join(reasons)}" if reasons else ""
    return f"{where(file, row['sheet'], int(row['row']))} {codes} {number}：{STATUS_LABELS[status]}{reason}"


def problem_line(found: Problem) -> str:
    """A problem of a file or a sheet, ruff-style: 文件:工作表 代码 说明."""
    return f"{where(found.file, found.sheet, found.row)} {found.code} {found.message}"


def input_lines(run) -> list[str]:
    """The files that could not be or were not read, and our own reports passed over (for stderr)."""
    lines = []
    for entry in run.inputs:
        if entry.error is not None:
            lines.append(f"文件无法读取：{problem_line(entry.error.problem)}")
        elif entry.doubtful:  # read, but not as the file says (ingest/readers._agree)
            lines += [f"注意：{problem_line(note)}" for note in entry.notes if note.code == "sheet-read-mismatch"]
        elif entry.not_read:
            said = "已跳过" if entry.not_read.code in ("own-json-skipped", "online-list-not-ledger", "backup-skipped") else "未读取"
            lines.append(f"{said}：{problem_line(entry.not_read)}")
        elif entry.is_report:
            lines += [f"已跳过：{problem_line(note)}" for note in entry.notes if note.code == "own-report-skipped"]
        lines += [f"注意：{problem_line(note)}" for note in said_up_front(entry)]
        lines += [f"未读出：{problem_line(found)}" for sheet in entry.sheets for found in sheet.problems
                  if found.code == UNSAVED_FORMULAS]
    return lines


# Sheet notes that change whose records these are, or how sure their dates are: said where the clerk
# looks, not only in the report's 说明 and the JSON.
SAID_ON_THE_TERMINAL = frozenset({"unit-line-differs", "published-column-stand-in", "column-hidden-unused",
                                  "column-hidden-used", "rows-hidden", "sheet-hidden", "header-merged-span",
                                  "unit-from-sheet-names", "unit-compiled-sheet", "unit-from-folder", "unit-file-several",
                                  "row-dates-merged-across", "published-from-comment"})


def said_up_front(entry) -> list[Problem]:
    """A file's notes in SAID_ON_THE_TERMINAL: the terminal's 注意 lines, and the web page's (JSON ``attention``)."""
    return [note for note in entry.notes if note.code in SAID_ON_THE_TERMINAL] \
        + [note for sheet in entry.sheets for note in sheet.notes if note.code in SAID_ON_THE_TERMINAL]


def missing_year_lines(run) -> list[str]:
    """A line per year that no calendar covers, with how to supply it."""
    lines = []
    for column, code in (("missing_year", "calendar-years-missing"), ("beyond_year", "calendar-years-ahead")):
        if column in run.records:
            years = run.records[column]
            lines += [message(code, count=int((years == year).sum()), year=year)
                      for year in sorted({int(y) for y in years.unique() if y})]
    return lines


def scope_line(run) -> str:
    month = f"{run.month} 月作出的决定，" if run.month else ""
    return f"{month}统计截止 {run.as_of.isoformat()}，规则：{run.rules.name}"


def closing_lines(run, report_path) -> list[str]:
    s = run.summary
    late = s["late"] + s["overdue"]
    flagged = int(run.asks.sum())
    # as many as the sheet lists: every record with a word on it (无法核对 … only say how it was judged)
    status = run.records["status"].astype(object).to_numpy(object) if len(run.records) else np.zeros(0, dtype=object)
    listed = int(sum(1 for i, st in zip(run.issues, status) if i or st in UNJUDGEABLE))
    lines = []
    if late:
        lines.append(f"逾期的 {late} 条见报告的“逾期清单”工作表。")
    if s["invalid"] + s["undetermined"] or flagged:
        rest = f"；该表另列出 {listed - flagged} 条（类型“说明”）只说明判定依据，无需处理" if listed > flagged else ""
        lines.append(f"需核实的 {flagged} 条（数据有误 {s['invalid']} 条）见报告的“数据问题”工作表{rest}。")
    lines.append(f"报告已保存：{report_path}")
    return lines
