"""逾期清单: the late and overdue records, by unit, the most working days late first."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from ...dates import iso_dates
from ...online.verify import CLAIMED_UNSEEN
from ...status import LATE
from ..layout import SheetSpec, say_empty
from ..record_columns import record_frame, record_specs
from .records import COLUMNS as ALL_COLUMNS

# Read on paper: what was late and by how much first, where it came from last.
HEADERS = ("单位", "文书号", "行政相对人", "决定日期", "公开日期", "应公开截止日期", "逾期工作日数", "状态",
           "类别", "来源文件", "工作表", "行号")
# Wider than on 全部记录: file names, sheet names and long 文书号 are printed whole (issue 21).
# Narrower than the longest file and sheet names: they wrap (printed whole on two lines), so that the list the clerk
# acts on prints at a readable size on one page width (probe 58 M5: 5.3 pt with 44 and 22).
WIDER = {"来源文件": 26, "工作表": 14, "文书号": 30, "状态": 26}  # 状态's explanations (AFTER_AS_OF, AT_LEAST) wrap
COLUMNS = tuple(replace(c, width_cap=WIDER.get(h, c.width_cap)) for h in HEADERS
                for c in ALL_COLUMNS if c.header == h)
AFTER_AS_OF = "逾期未公开（统计截止日后才公开）"
AT_LEAST = "（逾期工作日数是下限：缺节假日数据的年份未计入）"
NOT_FOUND = "逾期未公开（台账填了公开日期，网站清单中没有）"
NONE_LATE = "本次检查范围内没有逾期公开或逾期未公开的决定。"


def specs(sheet) -> list[SheetSpec]:
    run = sheet.run
    order = _kept(sheet, late_order(run.records, np.isin(sheet.statuses, LATE), ranked_units(run)))
    cells = record_frame(run.records.iloc[order], [run.issues[i] for i in order], COLUMNS)
    # A 公开日期 beside 逾期未公开: published after the as-of date (published-after-as-of); the row says so.
    after = (sheet.statuses[order] == "overdue") & run.records["published_date"].iloc[order].notna().to_numpy()
    # 逾期工作日数 only known at least (a year without holiday data): the printed figure is no exact count
    bound = run.records["late_lower_bound"].iloc[order].notna().to_numpy(bool) \
        if "late_lower_bound" in run.records else np.zeros(len(order), dtype=bool)
    # 逾期未公开 though the ledger gives a date: the website list does not hold it (网站未见), said on the row
    claimed = run.records["online_problem"].astype(object).iloc[order].isin(CLAIMED_UNSEEN).to_numpy(bool) \
        if "online_problem" in run.records else np.zeros(len(order), dtype=bool)
    if after.any() or bound.any() or claimed.any():  # (a long column is a Categorical: replaced whole, not set into)
        state = np.where(after, AFTER_AS_OF, cells["状态"].astype(object).to_numpy(object))
        state = np.where(claimed & ~after, _not_found(run.records.iloc[order]), state)
        cells["状态"] = np.where(bound, state + AT_LEAST, state)
    result = record_specs("逾期清单", cells, COLUMNS, sheet.statuses[order], sheet.footer, sheet.header,
                          wrap=("文书号", "行政相对人", "状态", "来源文件", "工作表"))
    if not len(order):  # printed, a bare header over a blank row reads as a failed export, not a clean result
        say_empty(result[0], "逾期清单", NONE_LATE)
    return result


def _not_found(rows: pd.DataFrame) -> np.ndarray:
    """NOT_FOUND with the ledger's date where it gave one (公开日期 is blank here: the list decided it)."""
    if "ledger_published_date" not in rows:
        return np.full(len(rows), NOT_FOUND, dtype=object)
    days = iso_dates(rows["ledger_published_date"], "")
    return np.where(days != "", "逾期未公开（台账填的公开日期 " + days.astype(object) + "，网站清单中没有）", NOT_FOUND)


def ranked_units(run) -> list[str]:
    """The units as 汇总 ranks them: the order the lists of a report follow."""
    return [u for u in run.unit_summary[0]["单位"].tolist() if isinstance(u, str)]


def unit_places(units, ranked: list[str]) -> np.ndarray:
    """Each unit's place in ``ranked`` (float; one after the last for a unit not in it, sorted by name after)."""
    places = pd.Series(units, dtype=object).map({u: k for k, u in enumerate(dict.fromkeys(ranked))})
    return places.fillna(len(ranked)).to_numpy(float)


def late_order(records: pd.DataFrame, late: np.ndarray, units: list[str] | None = None) -> np.ndarray:
    """Late and overdue rows, by unit (in ``units``' order: 汇总's ranking; others after, by name), then by
    working days late (most first)."""
    index = np.flatnonzero(late)
    if not len(index):
        return index
    unit = records["unit"].to_numpy(object)[index]
    sub = pd.DataFrame({"place": unit_places(unit, units or []), "unit": unit,
                        "late": records["working_days_late"].astype("Float64").to_numpy(float, na_value=-1)[index],
                        "i": index})
    return sub.sort_values(["place", "unit", "late"], ascending=[True, True, False], kind="stable")["i"].to_numpy()


def _kept(sheet, order: np.ndarray) -> np.ndarray:
    """At most the report shape's limit of rows: the most working days late (report/shape.py)."""
    limit = sheet.shape.list_limit
    if limit is None or len(order) <= limit:
        return order
    days = sheet.run.records["working_days_late"].astype("Float64").to_numpy(float, na_value=-1)[order]
    kept, total = sheet.shape.keep(order, order[np.argsort(-days, kind="stable")])
    sheet.cuts.append(("逾期清单", len(kept), total, "逾期工作日数最多的"))
    return kept
