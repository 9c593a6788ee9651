"""The website check (--online) as a part of the outputs: 公开核对, columns on 全部记录, counts on 汇总,
lines on 说明, the JSON's ``online`` fields, a terminal line, and its finding for the verdict.

A run without --online has no such part, so its outputs are the same as before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...dates import iso_date, iso_dates
from ...online import RESULT_LABELS, shown_results, site_decision_dates
from ...problems import problem
from ...rules import CATEGORY_LABELS
from ..layout import DATE, TEXT, SheetSpec
from ..record_columns import RecordColumn
from ..sheets.online_check import DISCREPANCIES, ORDER, online_check_spec
from .base import Part

SUMMARY_HEADERS = ["网站未见", "日期不符", "台账未登记"]
# On 全部记录: the ledger's and the website's dates and the check's result, after 公开日期.
COLUMNS = (
    RecordColumn("台账公开日期", DATE, 12, "ledger_published_date"),
    RecordColumn("网站公开日期", DATE, 12, "online_published_date"),
    RecordColumn("核对结果", TEXT, 15, shown_results, labels=RESULT_LABELS),  # 决定日期不同, 无法确定对应 whole
)


class OnlinePart(Part):
    name_suffix = "_网站核对"

    def __init__(self, run):
        self.run = run
        self.online = run.online

    @classmethod
    def of(cls, run) -> "OnlinePart | None":
        return cls(run) if run.online is not None else None

    def record_columns(self) -> list[tuple[str, RecordColumn]]:
        return [("公开日期", column) for column in COLUMNS]

    def summary_columns(self, table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        return add_online_counts(table, self.run.records, self.online), SUMMARY_HEADERS

    def sheets(self, sheet) -> list[SheetSpec]:
        return [online_check_spec(self.run, sheet.everything["来源文件"], sheet.footer, sheet.header)]

    def about_lines(self) -> list[tuple[str, str]]:
        return about_lines(self.online)

    def add_json(self, payload: dict, rows: list[dict]) -> None:
        add_online_json(payload, rows, self.run)

    def terminal_lines(self) -> list[str]:
        result = shown_results(self.run.records).value_counts()
        parts = [f"{RESULT_LABELS[k]} {int(result.get(k, 0))}" for k in ORDER
                 if k not in ("online-only", "id-exposed")]
        parts.insert(0, f"一致 {int(result.get('confirmed', 0))}")
        if result.get("decision-differs", 0):  # as 公开核对 and 全部记录 show them
            parts.insert(1, f"{RESULT_LABELS['decision-differs']} {int(result['decision-differs'])}")
        return [f"网站核对：{'，'.join(parts)}，台账未登记 {len(self.online.online_only)}。详见报告的“公开核对”工作表。"]

    def findings(self) -> list[str]:
        """网站未见 with a claimed date, 日期不符, 无法确定对应, or 台账未登记: problems found in the data."""
        found = bool(len(self.online.online_only)) or bool(self.run.records["online_problem"].isin(DISCREPANCIES).any())
        return ["台账与网站清单有不一致（见“公开核对”）"] if found else []


def add_online_counts(table: pd.DataFrame, records: pd.DataFrame, online) -> pd.DataFrame:
    """汇总 with 网站未见, 日期不符 and 台账未登记 per row (a 小计 sums its unit; units only online are added)."""
    result = records["online_result"].astype(object)
    mine = pd.DataFrame({"单位": records["unit"].astype(object).fillna("未知"),
                         "类别": records["category"].map(CATEGORY_LABELS).fillna("未知"),
                         "网站未见": result.eq("not-found").astype(int), "日期不符": result.eq("date-differs").astype(int),
                         "台账未登记": 0})
    only = online.online_only
    theirs = pd.DataFrame({"单位": only["unit"].astype(object), "类别": only["category"].map(CATEGORY_LABELS).fillna("未知"),
                           "网站未见": 0, "日期不符": 0, "台账未登记": 1})
    both = pd.concat([mine, theirs], ignore_index=True)
    by_row = both.groupby(["单位", "类别"])[SUMMARY_HEADERS].sum()
    by_unit = both.groupby("单位")[SUMMARY_HEADERS].sum()
    out = table.copy()
    keys = pd.MultiIndex.from_arrays([out["单位"], out["类别"]])
    for name in SUMMARY_HEADERS:
        values = by_row[name].reindex(keys).to_numpy(dtype=float, copy=True)
        subtotal = out["类别"].eq("小计").to_numpy()
        values[subtotal] = by_unit[name].reindex(out.loc[subtotal, "单位"]).to_numpy(dtype=float)
        values[-1] = both[name].sum()  # 合计
        out[name] = np.nan_to_num(values).astype(int)
    known = set(out["单位"])
    extra = by_row[[u not in known for u in by_row.index.get_level_values(0)]].reset_index()
    if len(extra):
        rows = extra.reindex(columns=out.columns)
        for name in out.columns:
            if name not in ("排名", "单位", "类别", "备注", "及时公开率", "迟报率", "合规率", "完整率", *SUMMARY_HEADERS):
                rows[name] = 0
        rows["备注"] = [problem("unit-online-only")] * len(rows)
        out = pd.concat([out.iloc[:-1], rows, out.iloc[-1:]], ignore_index=True)
    return out


def about_lines(online) -> list[tuple[str, str]]:
    """说明: each online list (file, SHA-256, rows, date column, span) and how matching works."""
    lines = []
    for item in online.lists:
        span = f"{iso_date(item.first)} 至 {iso_date(item.last)}" if item.first is not None else "无日期"
        column = "、".join(dict.fromkeys(item.date_columns))
        weak = "（只有更新时间，不一定是首次公开日期，证明力较弱）" if item.update_only else ""
        lines.append(("网站清单", f"{item.path}；{_rows(item)}；日期列：{column}{weak}；日期范围：{span}"))
        lines.append(("", f"SHA-256：{item.sha256}"))
        kinds = "、".join({"permit": "行政许可", "penalty": "行政处罚"}.get(c, c) for c in item.categories) or "许可和处罚（清单未区分）"
        units = "、".join(item.units) if item.units else "清单中没有单位列，也没有从标题中认出单位，视为覆盖所核对台账的全部单位"
        stated = f"（清单写明导出于 {iso_date(item.exported)}）" if getattr(item, "exported", None) else ""
        period = getattr(item, "decided_within", None)
        said = {"decision": "决定日期", "published": "公开日期", "either": "决定日期和公开日期"}
        window = f"；{said[period[2]]} {iso_date(period[0])} 至 {iso_date(period[1])}（清单写明的统计期间）" if period else ""
        lines.append(("", f"覆盖：类别 {kinds}；单位 {units}{window}；截至 {iso_date(item.last_seen, '—')}（含更新时间）{stated}。"
                          "不在覆盖范围内的记录不核对（无法核对），不会判为网站未见"))
        if item.skipped:
            lines.append(("", f"另有 {item.skipped} 行不是公开信息（导出时附带的脚注、说明等），未使用"))
        lines += [("", note.message) for note in item.notes]
    start = iso_date(online.span_start, "—")
    since = f"；--online-since {online.since.isoformat()}" if online.since else ""
    lines.append(("核对范围", f"网站清单最早日期 {start}{since}。应公开截止日期早于此的记录网站可能已撤下，不核对（无法核对）"))
    lines.append(("核对方法", "先按文书号（统一全角半角、空格和括号写法）对应；一方没有文书号时，按行政相对人名称 + 决定日期"
                          "（双方都有单位时还须单位相同）对应；有多条候选的不猜测，列为“无法确定对应”"))
    lines.append(("核对结果", "一致：网站公开日期与台账相同（或台账未填）；决定日期不同：公开日期一致，网站写的决定日期与台账的不同；"
                          "日期不符：按网站日期判定；网站未见：按未公开判定；"
                          "无法核对、无法确定对应：按台账判定；台账未登记：网站已公开但台账中没有"))
    if online.entries_followed:
        lines.append(("", f"另有 {online.entries_followed} 条网站信息是以前月份的决定，对应了整改跟踪中的遗留事项（已整改），不算台账未登记"))
    if online.entries_other_months:
        lines.append(("", f"另有 {online.entries_other_months} 条网站信息是所选月份以外的决定，本次读入的台账中没有"
                          "（可能在其他月份的台账中），不列为台账未登记"))
    if online.entries_not_decisions:
        lines.append(("", f"另有 {online.entries_not_decisions} 条网站信息没有文书号和相对人，标题也看不出是许可或处罚决定"
                          "（如部门预算、工作情况），不列为台账未登记"))
    if online.entries_before_ledgers:
        lines.append(("", f"另有 {online.entries_before_ledgers} 条台账未登记的网站信息是 {online.ledgers_first_year} 年以前的决定"
                          f"（台账中最早的决定在 {online.ledgers_first_year} 年；信用网站的信息要公示几年），不在本次检查的台账范围，未列出"))
    if online.entries_after_as_of:
        lines.append(("", f"另有 {online.entries_after_as_of} 条台账未登记的网站信息决定日期晚于检查截止日期，不在本次检查范围，未列出"))
    return lines


def add_online_json(payload: dict, rows: list[dict], run) -> None:
    """Each record's ``online`` and the top-level ``online_only`` and ``online_lists``."""
    records = run.records
    result = records["online_result"].astype(object).tolist()
    dates = iso_dates(records["online_published_date"]).tolist()
    files = records["online_source_file"].tolist()
    sheets = records["online_source_sheet"].tolist()
    source_rows = records["online_source_row"].astype(object).where(records["online_source_row"].notna(), None).tolist()
    # the site's decision date where it is not the ledger's ("result" stays the publication's: confirmed)
    decided = iso_dates(site_decision_dates(records), None).tolist()
    for row, r, d, f, s, n, dd in zip(rows, result, dates, files, sheets, source_rows, decided):
        row["online"] = {"result": r, "published_date": d, "site_decision_date": dd,
                         "source": None if n is None else {"file": f, "sheet": s, "row": int(n)}}
    only = run.online.online_only
    payload["online_only"] = [
        {"unit": u, "category": _text(c), "document_number": _text(num), "party": _text(p), "title": _text(t),
         "decision_date": dd, "published_date": od, "source": {"file": f, "sheet": s, "row": int(n)}}
        for u, c, num, p, t, dd, od, f, s, n in zip(
            only["unit"], only["category"], only["number"], only["party"], only["title"],
            iso_dates(only["decision_date"]), iso_dates(only["online_date"]), only["list_file"], only["sheet"],
            only["row"])]
    payload["online_lists"] = [
        {"file": x.path, "sha256": x.sha256, "rows": x.rows, "entries": x.entries, "date_columns": x.date_columns,
         "update_only": x.update_only, "first": iso_date(x.first, None), "last": iso_date(x.last, None),
         "skipped_rows": x.skipped, "notes": [note.message for note in x.notes]}
        for x in run.online.lists]


def _text(value) -> str | None:
    """A list cell as JSON: its text, or null (never NaN, which is no JSON: a reader's parse fails on it)."""
    return value if isinstance(value, str) and value else None


def _rows(item) -> str:
    """7 行, or 7 行（10 条信息） where a row's title lists several decisions."""
    return f"{item.rows} 行" + (f"（{item.entries} 条信息）" if item.entries != item.rows else "")
