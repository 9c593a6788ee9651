"""The month-over-month history (issue 23) as a part of the outputs: 汇总's columns (上期及时公开率 and its
change, 上期遗留, 本期销号, 仍未整改, 台账中消失), the sheets 整改跟踪 and 趋势, the terminal's block, the
JSON's ``history`` and the finding that makes a 台账中消失 item exit 1.

A run that is not recorded (no --month, no --record, or --no-history) has no such part.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...history.queries import items_json, trend_frame
from ...history.renames import run_spellings
from ...history.record import CATEGORY_KEYS, unit_rates
from ...summary import COUNT_HEADERS as COUNT_COLUMNS, SUBTOTAL, TOTAL
from ..layout import INT, PERCENT, POINTS, SheetSpec
from ..sheets.history import followup_spec, trend_spec
from .base import Part

RATE_HEADERS = ["上期及时公开率", "较上期"]
COUNT_HEADERS = ["上期遗留", "本期销号", "仍未整改", "台账中消失"]
FIGURES = dict(zip(COUNT_HEADERS, ["carried", "resolved", "open", "dropped"]))


class HistoryPart(Part):
    def __init__(self, run):
        self.run = run
        self.follow = run.history

    @classmethod
    def of(cls, run) -> "HistoryPart | None":
        return cls(run) if getattr(run, "history", None) is not None else None

    def summary_columns(self, table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        out = table.copy()
        unit = out["单位"].astype(object)
        key = out["类别"].map(CATEGORY_KEYS).where(unit.ne(TOTAL), "all")
        previous = self.follow.previous_rates.set_index(["unit", "category"])["rate"]
        previous = previous[~previous.index.duplicated()]
        rows = pd.MultiIndex.from_arrays([unit, key.fillna("")])
        before = previous.reindex(rows).to_numpy(float)
        now = pd.to_numeric(out["及时公开率"], errors="coerce").to_numpy(float)
        out["上期及时公开率"] = before
        out["较上期"] = ((now - before) * 100).round(6)  # percentage points, without float noise (7.142857142857145)
        figures = self.follow.unit_figures()
        out = _rows_for_unplaced(out, figures)
        unit = out["单位"].astype(object)
        rows = pd.MultiIndex.from_arrays([unit, out["类别"].map(CATEGORY_KEYS).where(unit.ne(TOTAL), "all").fillna("")])
        by_row = figures.set_index(["unit", "category"])
        by_unit = figures.groupby("unit")[list(FIGURES.values())].sum()
        # a unit's own line: its 小计, or the line of a unit with nothing in scope (未报送, 本期无决定, 文件无法读取)
        whole = (out["类别"].eq(SUBTOTAL) | ~out["类别"].isin(list(CATEGORY_KEYS))).to_numpy(bool) \
            & unit.ne(TOTAL).to_numpy(bool)
        for header, name in FIGURES.items():
            values = by_row[name].reindex(rows).to_numpy(float, copy=True) if len(by_row) else \
                np.full(len(out), np.nan)
            values[whole] = by_unit[name].reindex(unit[whole]).to_numpy(float) if len(by_unit) else np.nan
            values[unit.eq(TOTAL).to_numpy(bool)] = figures[name].sum()
            out[header] = np.nan_to_num(values).astype(int)
        if self.follow.previous_period is None:  # the first period: nothing before it, not "0 left, all fixed"
            for header in COUNT_HEADERS:
                out[header] = None
        return out, RATE_HEADERS + COUNT_HEADERS

    def summary_kinds(self, headers: list[str]) -> list[str]:
        return [POINTS if h == "较上期" else PERCENT if h in RATE_HEADERS else INT for h in headers]

    def sheets(self, sheet) -> list[SheetSpec]:
        periods, table = self.trend()
        return [followup_spec(self.follow, sheet.footer, sheet.header),
                trend_spec(periods, table, self.follow.period, sheet.footer, sheet.header)]

    def trend(self):
        """The recorded periods' rates before this one, and this run's (not recorded until the report is out)."""
        stored = self.follow.stored_rates
        stored = stored[stored["period"] < self.follow.period]
        mine = unit_rates(self.run.unit_summary[0]).assign(period=self.follow.period)
        # a unit renamed since (区卫健委 -> 西塞山区卫生健康委员会): one line, as 汇总 has it; the names of every
        # period, not only the previous one's (follow.spellings): a line that moved once must not split later
        spellings = {**run_spellings(stored["unit"], mine["unit"], self.run.unit_aliases), **self.follow.spellings}
        if spellings:
            stored = stored.assign(unit=stored["unit"].replace(spellings))
        both = pd.concat([stored, mine], ignore_index=True)
        return trend_frame(both[both["category"].eq("all")])  # one line per unit, and 合计

    def about_lines(self) -> list[tuple[str, str]]:
        f = self.follow
        return [("历史库", f"{f.store}；本期 {f.period}，上期 {f.previous_period or '无（本期' + f.first_said + '）'}"),
                ("整改跟踪", "上期仍未整改的事项在本次读入的全部台账中查找（不限决定月份）：按单位、类别和文书号对应，"
                         "没有文书号的按行政相对人和决定日期对应。已整改：已补公开或网站可见；已更正：原数据有误，现可判定；"
                         "仍未整改：仍未公开，或本期台账不含该月份；台账中消失：本期台账含该月份的其他记录，却没有这一条")]

    def add_json(self, payload: dict, rows: list[dict]) -> None:
        f = self.follow
        table = self.run.unit_summary[0]
        units = unit_rates(table)
        units = units[units["category"].isin(["permit", "penalty"])]
        previous = f.previous_rates.set_index(["unit", "category"])["rate"]
        figures = f.unit_figures().set_index(["unit", "category"])
        # a unit or category with open items and nothing in scope this period (未报送, permits carried
        # beside this month's penalties) is listed too: the units' figures add up to the whole
        placed = set(zip(units["unit"], units["category"]))
        extra = [(u, c) for u, c in figures.index if (u, c) not in placed]
        units = pd.concat([units, pd.DataFrame({"unit": [u for u, _ in extra], "category": [c for _, c in extra],
                                                "rate": np.nan})], ignore_index=True)
        out = []
        for unit, category, rate in zip(units["unit"], units["category"], units["rate"]):  # one per unit
            counts = figures.loc[(unit, category)] if (unit, category) in figures.index else None
            before = previous.get((unit, category))
            out.append({"unit": unit, "category": category, "rate": None if pd.isna(rate) else float(rate),
                        "previous_rate": None if before is None or pd.isna(before) else float(before),
                        **{name: 0 if counts is None else int(counts[name]) for name in FIGURES.values()}})
        payload["history"] = {"period": f.period, "previous_period": f.previous_period, "store": f.store,
                              "carried_over": items_json(f.carried), "units": out}

    def terminal_lines(self) -> list[str]:
        f = self.follow
        if f.previous_period is None:
            return [f"历史：本期 {f.period} {f.first_said}，下期起跟踪本期未整改的 {len(f.new_items)} 条。"]
        states = f.carried["state"]
        # Each state apart, as 整改跟踪 lists them: 已更正 is not 已整改 (its new status may still be open).
        corrected_open = int((states.eq("corrected") & f.carried["still_open"].astype(int).eq(1)).sum())
        still = f"（其中 {corrected_open} 条仍未公开，下期继续跟踪）" if corrected_open else ""
        lines = [f"上期（{f.previous_period}）遗留 {len(states)} 条：已整改 {int(states.eq('resolved').sum())}，"
                 f"已更正 {int(states.eq('corrected').sum())}{still}，"
                 f"仍未整改 {int(states.eq('open').sum())}，台账中消失 {int(states.eq('dropped').sum())}。"
                 "详见报告的“整改跟踪”工作表。"]
        for old, new in getattr(f, "spellings", {}).items():  # said: the unit is followed under its new name
            lines.append(f"  单位名称与上期不同，按同一单位跟踪：{old} → {new}")
        for unit, number, party, month in zip(*(f.dropped[c] for c in ("unit", "document_number", "party",
                                                                     "decision_date"))):
            lines.append(f"  台账中消失：{unit} {number or party or ''}（决定日期 {month or '未知'}）")
        return lines

    def findings(self) -> list[str]:
        """What keeps a run from passing: items that vanished, and earlier periods' decisions still unpublished
        past their deadline (a month whose own decisions are all on time does not pass while those stay so)."""
        f = self.follow
        dropped = len(f.dropped)
        out = [f"{dropped} 条上期遗留问题在台账中消失（见“整改跟踪”）"] if dropped else []
        if f.previous_period is not None and len(f.carried):  # an item not yet due (未到期) fails nothing
            open_now = f.carried["still_open"].astype(int).eq(1) & f.carried["state"].ne("dropped")
            status = f.carried["status"].astype(object)
            overdue = int((open_now & status.eq("overdue")).sum())
            doubtful = int((open_now & status.isin(["invalid", "undetermined"])).sum())
            if overdue or doubtful:
                said = "，".join(p for p in (f"{overdue} 条至今逾期未公开" if overdue else "",
                                            f"{doubtful} 条数据仍有误或无法判定" if doubtful else "") if p)
                out.append(f"上期遗留事项中 {said}（见“整改跟踪”）")
        return out


def _rows_for_unplaced(table: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """``table`` with a line for each unit and category that has open items from the previous period but
    no line of its own (a unit with penalties this month and permits carried over): the units' lines
    then add up to 合计. Such a line has no decision this period: its counts are 0, its rates empty."""
    unit = table["单位"].astype(object)
    has = set(zip(unit, table["类别"].map(CATEGORY_KEYS)))
    own_line = set(unit[~table["类别"].isin(list(CATEGORY_KEYS))])  # 未报送 and the like: counted there
    missing = [(u, c) for u, c in zip(figures["unit"], figures["category"])
               if (u, c) not in has and u in set(unit) and u not in own_line]
    if not missing:
        return table
    labels = {key: label for label, key in CATEGORY_KEYS.items() if key != "all"}
    out = table
    for u, c in missing:
        line = pd.DataFrame([{"单位": u, "类别": labels.get(c, c)}]).reindex(columns=table.columns).astype(object)
        line = line.where(line.notna(), None)
        for name in COUNT_COLUMNS:
            line[name] = 0
        at = int(np.flatnonzero(out["单位"].astype(object).eq(u).to_numpy(bool))[-1]) + 1
        out = pd.concat([out.iloc[:at], line, out.iloc[at:]], ignore_index=True)
    return out

