"""整改跟踪 (every item carried over from earlier periods, with its state now) and 趋势 (each unit's
及时公开率 per recorded period, with a one-line text sparkline that prints in any writer)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...history.labels import LONG_OPEN, PROBLEM_LABELS, STATE_LABELS, problem_found
from ...rules import CATEGORY_LABELS
from ...status import STATUS_LABELS
from ..layout import DATE, INT, PERCENT, POINTS, TEXT, SheetSpec, column_widths, tallest_rows
from ..record_columns import dates_for_excel, short_paths

FOLLOWUP_HEADERS = ["单位", "类别", "文书号", "行政相对人", "决定日期", "首次发现", "已持续期数", "原问题", "现状",
                    "公开日期", "逾期工作日数", "当前状态", "说明", "来源文件", "工作表", "行号"]
FOLLOWUP_KINDS = [TEXT, TEXT, TEXT, TEXT, DATE, TEXT, INT, TEXT, TEXT, DATE, INT, TEXT, TEXT, TEXT, TEXT, INT]
STATE_ORDER = {"dropped": 0, "open": 1, "corrected": 2, "resolved": 3}
FILLS = {"dropped": "#F4B084", "long": "#F8CBAD"}  # dark enough for a black-and-white printer
BARS = "▁▂▃▄▅▆▇█"
WIDE_CAPS = {"行政相对人": 30, "文书号": 40, "说明": 40}
CATEGORY_NAMES = {**CATEGORY_LABELS, "all": "全部"}


def followup_frame(carried: pd.DataFrame) -> pd.DataFrame:
    c = carried.assign(order=carried["state"].map(STATE_ORDER)).sort_values(
        ["unit", "order", "periods_open"], ascending=[True, True, False], kind="stable")
    return pd.DataFrame({
        "单位": c["unit"], "类别": c["category"].map(CATEGORY_LABELS), "文书号": _numbers(c["document_number"]),
        "行政相对人": c["party"], "决定日期": _dates(c["decision_date"]), "首次发现": c["first_period"],
        "已持续期数": c["periods_open"].astype(float), "原问题": pd.Series([problem_found(p, s) for p, s in zip(c["problem"], c["state"])],
                                                                index=c.index).map(PROBLEM_LABELS),
        "现状": c["state"].map(STATE_LABELS), "公开日期": _dates(c["published_date"]),
        "逾期工作日数": pd.to_numeric(c["working_days_late"], errors="coerce").astype(float),
        "当前状态": c["status"].map(STATUS_LABELS),
        # why the item stands as it does this period (the record's own problems); stored with the period since
        # schema version 3, so `history export` shows it too (empty for periods recorded before)
        "说明": c["note"] if "note" in c else None, "来源文件": short_paths(c["source_file"].astype(object)),
        "工作表": c["sheet"],
        "行号": pd.to_numeric(c["row"], errors="coerce").astype(float), "_state": c["state"]}).reset_index(drop=True)


def _numbers(stored: pd.Series) -> pd.Series:
    """An item without a 文书号 says so, as the terminal does: a blank cell reads as a row left unfilled (p80 L5)."""
    text = stored.astype(object)
    return text.where(text.notna() & text.astype(str).str.strip().ne(""), "（无文书号）")


def _dates(stored: pd.Series) -> np.ndarray:
    """Stored ISO days as the report's date cells (sortable, as on every other sheet), None where none."""
    return dates_for_excel(pd.Series(pd.to_datetime(stored.astype(object), errors="coerce").to_numpy("datetime64[s]")))


def followup_spec(follow, footer: str, page_header: str, sheet_name: str = "整改跟踪", title: str | None = None,
                  with_new: bool = False) -> SheetSpec:
    """The carried items with their states; ``with_new`` (the 整改台账 of `history export`): the items first
    found in the period after them, counted apart (they are no 遗留 of the period before)."""
    carried = len(follow.carried)
    frame = followup_frame(pd.concat([follow.carried, follow.new_items], ignore_index=True) if with_new
                           else follow.carried)
    state = frame.pop("_state")
    long_open = frame["已持续期数"].to_numpy(float) >= LONG_OPEN
    highlight = {int(i): FILLS["dropped"] for i in np.flatnonzero(state.eq("dropped").to_numpy(bool))}
    for i in np.flatnonzero(long_open & state.isin(["open"]).to_numpy(bool)):
        highlight.setdefault(int(i), FILLS["long"])
    frame = frame.astype(object).where(frame.notna(), None)
    for name in ("已持续期数", "逾期工作日数", "行号"):
        frame[name] = frame[name].astype(float)
    counts = follow.carried["state"].value_counts()
    # the first recorded period has no previous one: not "0 left over, all fixed"
    first = (f"本期 {follow.period} {follow.first_said}，没有上期，下期起跟踪本期未整改的事项" if follow.previous_period is None
             else f"上期（{follow.previous_period}）遗留 {carried} 条："
             + "，".join(f"{STATE_LABELS[s]} {int(counts.get(s, 0))}" for s in STATE_ORDER))
    subtitle = (first
                + (f"；{follow.period} 新发现未整改 {len(frame) - carried} 条（首次发现为 {follow.period}）" if with_new else "")
                + f"。深色底：台账中消失（上期台账中有、本期同一台账中被删除）；浅色底：已持续 {LONG_OPEN} 期及以上仍未整改")
    # a company's full name is often 20 CJK characters or more, and a 说明 a sentence or two: they wrap
    caps = [WIDE_CAPS.get(name, 30) for name in frame.columns]
    widths = [min(w, cap) for w, cap in zip(column_widths(frame, FOLLOWUP_KINDS), caps)]
    heights = tallest_rows(frame, WRAPPED, widths)
    return SheetSpec(sheet_name, frame, FOLLOWUP_KINDS, widths, header_row=2, highlight=highlight,
                     title=title or f"整改跟踪（{follow.period}，上期遗留问题的整改情况）", subtitle=subtitle,
                     footer=footer, page_header=page_header, print_columns=13, wrap_columns=set(WRAPPED),
                     row_heights=heights)


WRAPPED = ("行政相对人", "说明")  # printed, a text running past its column is cut at the page edge


SPARK_SPAN = 0.10  # the least range a sparkline spans: 0.2 points of change must not look like a fall


def sparkline(values: np.ndarray) -> str:
    """One bar per period in eight steps, over the row's own range (at least ``SPARK_SPAN`` wide, within
    0%–100%): on a fixed 0–100% scale 81%, 84%, 86% were three equal bars. A period without a rate is a space."""
    known = values[~np.isnan(values)]
    if not len(known):
        return " " * len(values)
    span = max(float(known.max() - known.min()), SPARK_SPAN)
    base = max(0.0, min(float(known.min()), 1.0 - span))
    levels = np.clip((values - base) / span * len(BARS), 0, len(BARS) - 1)
    return "".join(" " if np.isnan(v) else BARS[int(v)] for v in levels)


def trend_spec(periods: list[str], table: pd.DataFrame, period: str, footer: str, page_header: str) -> SheetSpec:
    """``table``: one row per (unit, category key), one column per period (rates, NaN where none)."""
    values = table.to_numpy(float) if len(table) else np.zeros((0, len(periods)))
    frame = pd.DataFrame({"单位": [u for u, _ in table.index], "类别": [CATEGORY_NAMES.get(c, c) for _, c in table.index]})
    for k, p in enumerate(periods):
        frame[p] = values[:, k]
    last = values[:, -1] if len(periods) else np.zeros(0)
    before = values[:, -2] if len(periods) > 1 else np.full(len(frame), np.nan)
    frame["较上期"] = ((last - before) * 100).round(6)  # percentage points, without float noise
    frame["走势"] = [sparkline(row) for row in values]  # one per unit: a few dozen
    kinds = [TEXT, TEXT] + [PERCENT] * len(periods) + [POINTS, TEXT]
    widths = column_widths(frame, kinds)
    widths[-1] = max(widths[-1], 2.0 * len(periods) + 4)
    bold = {i for i, u in enumerate(frame["单位"]) if u == "合计"}
    return SheetSpec("趋势", frame, kinds, widths, header_row=2, bold_rows=bold,
                     title=f"各单位及时公开率趋势（截至 {period}）",
                     subtitle="较上期 = 本期 − 上期（百分点）；走势：每期一格，按本行高低缩放",
                     footer=footer, page_header=page_header)
