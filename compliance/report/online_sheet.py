"""What --online adds to the outputs: 公开核对 sheet, columns on 全部记录, counts on 汇总, lines on 说明.

Nothing here runs without --online, so a run without it writes the same report as before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import iso_date
from ..online import RESULT_LABELS
from ..rules import CATEGORY_LABELS
from ..status import STATUS_LABELS
from .layout import DATE, TEXT, SheetSpec, column_widths
from .record_columns import dates_for_excel

SUMMARY_HEADERS = ["网站未见", "日期不符", "台账未登记"]
# Reading order on 公开核对: what needs action first.
ORDER = {"not-found": 0, "date-differs": 1, "online-only": 2, "ambiguous": 3, "not-verifiable": 4}
FILLS = {"not-found": "#F4B084", "date-differs": "#F8CBAD", "online-only": "#FFD966"}
CHECK_HEADERS = ["单位", "核对结果", "类别", "文书号", "行政相对人", "决定日期", "台账公开日期", "网站公开日期",
                 "应公开截止日期", "状态", "说明", "台账出处", "网站清单出处"]
CHECK_KINDS = [TEXT, TEXT, TEXT, TEXT, TEXT, DATE, DATE, DATE, DATE, TEXT, TEXT, TEXT, TEXT]
CHECK_CAPS = {"说明": 70, "行政相对人": 26, "文书号": 22, "台账出处": 40, "网站清单出处": 40, "单位": 28}
# On this sheet the dates stand in their own columns: the note says only what was decided.
SHORT_NOTES = {"online-not-found-claimed": "台账填写已公开，网站未见，按未公开判定",
               "online-date-differs": "日期不符，按网站公开日期判定",
               "online-undated": "网站清单中这条没有发布日期，按台账判定"}
DISCREPANCIES = ("online-not-found-claimed", "online-date-differs", "online-ambiguous")


def has_discrepancies(run) -> bool:
    """网站未见 with a claimed date, 日期不符, 无法确定对应, or 台账未登记: problems found in the data."""
    return bool(len(run.online.online_only)) or bool(run.records["online_problem"].isin(DISCREPANCIES).any())


def _labels(results: pd.Series) -> np.ndarray:
    return results.astype(object).map(RESULT_LABELS).to_numpy(object)


def _record_rows(records: pd.DataFrame, source_names: pd.Series) -> pd.DataFrame:
    picked = records[records["online_result"].astype(object).ne("confirmed").to_numpy(bool)]
    names = source_names[picked.index]
    code = picked["online_problem"].astype(object)
    note = code.map(SHORT_NOTES).where(code.isin(list(SHORT_NOTES)), picked["online_note"].astype(object))
    note = note.where(~code.eq("online-outside-span"), "截止日期早于网站清单起始日，网站可能已撤下，按台账判定")
    unclaimed = picked["online_result"].astype(object).eq("not-found") & code.isna()
    note = note.where(~unclaimed, "网站未见，台账未填公开日期，按未公开判定")
    update = picked["online_update_only"].to_numpy(bool)
    note = note.where(~update, note.fillna("") + "（网站清单只有" + picked["online_date_column"].astype(str) + "，证明力较弱）")
    online_where = ("网站清单 " + picked["online_source_file"].astype(str).map(_file_name) + " 第"
                    + picked["online_source_row"].astype(str) + " 行").where(picked["online_source_file"].notna(), None)
    return _frame({
        "key": picked["online_result"].astype(object).to_numpy(object),
        "flag": code.isin(DISCREPANCIES).to_numpy(bool),
        "单位": picked["unit"].to_numpy(object),
        "核对结果": _labels(picked["online_result"]),
        "类别": picked["category"].map(CATEGORY_LABELS).fillna("未知").to_numpy(object),
        "文书号": picked["document_number"].where(picked["document_number"].ne(""), None).to_numpy(object),
        "行政相对人": picked["party"].where(picked["party"].ne(""), None).to_numpy(object),
        "决定日期": dates_for_excel(picked["decision_date"]),
        "台账公开日期": dates_for_excel(picked["ledger_published_date"]),
        "网站公开日期": dates_for_excel(picked["online_published_date"]),
        "应公开截止日期": dates_for_excel(picked["deadline"]),
        "状态": picked["status"].astype(object).map(STATUS_LABELS).to_numpy(object),
        "说明": note.to_numpy(object),
        "台账出处": (names.to_numpy(object) + " " + picked["sheet"].astype(str).to_numpy(object) + " 第"
                   + picked["row"].astype(str).to_numpy(object) + " 行"),
        "网站清单出处": online_where.to_numpy(object),
    })


def _online_only_rows(only: pd.DataFrame) -> pd.DataFrame:
    title = only["title"].astype(object)
    note = pd.Series("网站已公开，本单位台账中没有这条记录", index=only.index, dtype=object)
    note = note.where(title.eq("") | only["number"].ne(""), note + "（标题：" + title + "）")
    return _frame({
        "key": "online-only",
        "flag": np.ones(len(only), dtype=bool),
        "单位": only["unit"].to_numpy(object),
        "核对结果": RESULT_LABELS["online-only"],
        "类别": only["category"].map(CATEGORY_LABELS).fillna("未知").to_numpy(object),
        "文书号": only["number"].where(only["number"].ne(""), None).to_numpy(object),
        "行政相对人": only["party"].where(only["party"].ne(""), None).to_numpy(object),
        "决定日期": dates_for_excel(only["decision_date"]),
        "台账公开日期": None,
        "网站公开日期": dates_for_excel(only["online_date"]),
        "应公开截止日期": None,
        "状态": None,
        "说明": note.to_numpy(object),
        "台账出处": None,
        "网站清单出处": ("网站清单 " + only["list_file"].map(_file_name) + " " + only["sheet"].astype(str) + " 第"
                   + only["row"].astype(str) + " 行").to_numpy(object),
    })


def _frame(columns: dict) -> pd.DataFrame:
    """Object columns kept as object: pandas would turn a column of Timestamps and None into NaT."""
    n = max((len(v) for v in columns.values() if not isinstance(v, str) and v is not None), default=0)
    return pd.DataFrame({name: pd.Series([v] * n if isinstance(v, str) or v is None else np.asarray(v, dtype=object),
                                         dtype=object) for name, v in columns.items()})


def _file_name(path) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]


def online_check_spec(run, source_names: pd.Series, footer: str, page_header: str) -> SheetSpec:
    """公开核对: every record not confirmed, plus the 台账未登记 entries, sorted by unit."""
    table = pd.concat([_record_rows(run.records, source_names), _online_only_rows(run.online.online_only)],
                      ignore_index=True)
    table["order"] = table["key"].map(ORDER)
    table = table.sort_values(["单位", "order", "文书号"], kind="stable", na_position="last").reset_index(drop=True)
    # Colour only what needs action: a pending record not yet online is no fault.
    highlight = {int(i): FILLS[k] for i, (k, f) in enumerate(zip(table["key"], table["flag"])) if f and k in FILLS}
    table = table[CHECK_HEADERS]
    widths = [min(w, CHECK_CAPS.get(name, 40)) for name, w in zip(CHECK_HEADERS, column_widths(table, CHECK_KINDS))]
    counts = table["核对结果"].value_counts()
    subtitle = ("；".join(f"{label} {int(counts.get(label, 0))} 条" for label in
                         ("网站未见", "日期不符", "台账未登记", "无法确定对应", "无法核对"))
                + "。网站未见：按未公开判定；日期不符：按网站日期判定；台账未登记：网站已公开、台账中没有；"
                  "无法核对、无法确定对应：按台账判定。有底色的行需要单位说明或更正")
    return SheetSpec("公开核对", table, CHECK_KINDS, widths, highlight=highlight, footer=footer, header_row=2,
                     title="台账与网站公开清单核对（网站实际公开情况）", subtitle=subtitle,
                     page_header=page_header, print_columns=11)


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
            if name not in ("排名", "单位", "类别", "备注", "及时公开率", "迟报率", "数据合格率", *SUMMARY_HEADERS):
                rows[name] = 0
        rows["备注"] = "只见于网站清单，台账中没有该单位"
        out = pd.concat([out.iloc[:-1], rows, out.iloc[-1:]], ignore_index=True)
    return out


def about_lines(online) -> list[tuple[str, str]]:
    """说明: each online list (file, SHA-256, rows, date column, span) and how matching works."""
    lines = []
    for item in online.lists:
        span = f"{iso_date(item.first)} 至 {iso_date(item.last)}" if item.first is not None else "无日期"
        column = "、".join(dict.fromkeys(item.date_columns))
        weak = "（只有更新时间，不一定是首次公开日期，证明力较弱）" if item.update_only else ""
        lines.append(("网站清单", f"{item.path}；{item.rows} 条；日期列：{column}{weak}；日期范围：{span}"))
        lines.append(("", f"SHA-256：{item.sha256}"))
    start = iso_date(online.span_start, "—")
    since = f"；--online-since {online.since.isoformat()}" if online.since else ""
    lines.append(("核对范围", f"网站清单最早日期 {start}{since}。应公开截止日期早于此的记录网站可能已撤下，不核对（无法核对）"))
    lines.append(("核对方法", "先按文书号（统一全角半角、空格和括号写法）对应；一方没有文书号时，按行政相对人名称 + 决定日期"
                          "（双方都有单位时还须单位相同）对应；有多条候选的不猜测，列为“无法确定对应”"))
    lines.append(("核对结果", "一致：网站公开日期与台账相同（或台账未填）；日期不符：按网站日期判定；网站未见：按未公开判定；"
                          "无法核对、无法确定对应：按台账判定；台账未登记：网站已公开但台账中没有"))
    if online.entries_other_months:
        lines.append(("", f"另有 {online.entries_other_months} 条台账未登记的网站信息不在所选月份，未列出"))
    return lines


def terminal_lines(run) -> list[str]:
    result = run.records["online_result"].astype(object).value_counts()
    parts = [f"{RESULT_LABELS[k]} {int(result.get(k, 0))}" for k in ORDER if k != "online-only"]
    parts.insert(0, f"一致 {int(result.get('confirmed', 0))}")
    return [f"网站核对：{'，'.join(parts)}，台账未登记 {len(run.online.online_only)}。详见报告的“公开核对”工作表。"]
