"""公开核对 (with --online): every record the website list does not confirm, and the 台账未登记 entries.

What needs action first, by unit, then what needs none; rows that need a unit's answer
are coloured. The dates stand in columns of their own, so each note is the
problem's short message (problems.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...dates import iso_dates
from ...online import RESULT_LABELS, UPDATE_AFTER_DEADLINE, shown_results, site_decision_dates
from ...online.verify import CLAIMED_UNSEEN
from ...problems import render_column
from ...rules import CATEGORY_LABELS
from ...status import STATUS_LABELS
from ..layout import DATE, TEXT, SheetSpec, column_widths, tallest_rows
from ..record_columns import dates_for_excel
from .late import ranked_units, unit_places

# Reading order: what needs action first. A full ID number on the website heads the sheet, whatever
# the unit: personal data already public is the gravest finding (id-number-online).
ORDER = {"id-exposed": -1, "not-found": 0, "date-differs": 1, "online-only": 2, "ambiguous": 3, "not-verifiable": 4}
FILLS = {"id-exposed": "#FF7C80", "not-found": "#F4B084", "date-differs": "#F8CBAD", "online-only": "#FFD966"}
HEADERS = ["单位", "核对结果", "类别", "文书号", "行政相对人", "决定日期", "台账公开日期", "网站公开日期",
           "应公开截止日期", "状态", "说明", "台账出处", "网站清单出处"]
KINDS = [TEXT, TEXT, TEXT, TEXT, TEXT, DATE, DATE, DATE, DATE, TEXT, TEXT, TEXT, TEXT]
WRAPPED = ("行政相对人", "说明")  # printed, a text running past its column is cut at the page edge: wrapped
CAPS = {"说明": 44, "行政相对人": 26, "文书号": 22, "台账出处": 40, "网站清单出处": 40, "单位": 28}
PRINTED = 11
DISCREPANCIES = (*CLAIMED_UNSEEN, "online-date-differs", "online-ambiguous", "online-number-differs")


def online_check_spec(run, source_names: pd.Series, footer: str, page_header: str) -> SheetSpec:
    """公开核对: every record not confirmed, plus the 台账未登记 entries, by unit in 汇总's order."""
    read = run.loaded.records["unit"].dropna().unique().tolist()  # every unit a ledger of this run holds
    table = pd.concat([_record_rows(run.records, source_names), _online_only_rows(run.online.online_only, read)],
                      ignore_index=True)
    table["order"] = table["key"].map(ORDER)
    table["later"] = table["key"].ne("id-exposed")
    table["place"] = unit_places(table["单位"], ranked_units(run))  # as 汇总 ranks them (as 逾期清单), others after
    # what needs no action (无法核对, 无法确定对应: judged by the ledger) after every unit's findings, not between
    # them: printed, a list of hundreds of those hid the few 网站未见 rows on its last pages (probe 58 M6)
    table["quiet"] = ~table["key"].isin(list(FILLS))
    table = table.sort_values(["later", "quiet", "place", "单位", "order", "文书号"], kind="stable",
                              na_position="last").reset_index(drop=True)
    # Colour only what needs action: a pending record not yet online is no fault.
    highlight = {int(i): FILLS[k] for i, (k, f) in enumerate(zip(table["key"], table["flag"])) if f and k in FILLS}
    table = table[HEADERS]
    widths = [min(w, CAPS.get(name, 40)) for name, w in zip(HEADERS, column_widths(table, KINDS))]
    counts = table["核对结果"].value_counts()
    subtitle = ("；".join(f"{label} {int(counts.get(label, 0))} 条" for label in
                         ("网站未见", "日期不符", RESULT_LABELS["decision-differs"], "台账未登记", "无法确定对应", "无法核对"))
                + "。网站未见：按未公开判定；日期不符：按网站日期判定；决定日期不同：公开日期一致，网站写的决定日期与台账的不同，"
                  "见说明；台账未登记：网站已公开、台账中没有；"
                  "无法核对、无法确定对应：按台账判定。有底色的行需要单位说明或更正")
    heights = tallest_rows(table, WRAPPED, widths)
    return SheetSpec("公开核对", table, KINDS, widths, highlight=highlight, footer=footer, header_row=2,
                     title="台账与网站公开清单核对（网站实际公开情况）", subtitle=subtitle,
                     page_header=page_header, print_columns=PRINTED, wrap_columns=set(WRAPPED),
                     row_heights=heights)


def _notes(picked: pd.DataFrame) -> np.ndarray:
    """Each row's short message: its problem's, or 网站未见 when the ledger claimed nothing."""
    code = picked["online_problem"].astype(object).to_numpy(object)
    unclaimed = picked["online_result"].astype(object).eq("not-found").to_numpy(bool) & pd.isna(code)
    code = np.where(unclaimed, "online-not-found", code)
    note = np.full(len(picked), None, dtype=object)
    for name in pd.unique(code[pd.notna(code)]):
        rows = code == name
        ambiguous = name in ("online-ambiguous", "online-number-differs", "online-later-act-only")
        values = {"candidates": picked["online_candidates"].to_numpy(object)[rows]} if ambiguous else {}
        note[rows] = render_column(name, short=True, **values)
    # found online, no date in the ledger: the record's own problem says why it is 数据有误
    own = picked["published_problem"].astype(object).to_numpy(object)
    for name in ("online-published-undated", *UPDATE_AFTER_DEADLINE):
        rows = pd.isna(note) & (own == name)
        if rows.any():
            note[rows] = render_column(name, short=True,
                                       column=picked["online_date_column"].astype(str).to_numpy(object)[rows])
    checked = picked["check_problem"].astype(object).to_numpy(object) if "check_problem" in picked \
        else np.full(len(picked), None, dtype=object)
    for name in ("online-decision-date-turns", "online-decision-date-differs"):
        rows = checked == name
        if rows.any():
            text = render_column(name, site_decision=iso_dates(site_decision_dates(picked)[rows], ""))
            note[rows] = [t if pd.isna(n) else f"{n}；{t}" for n, t in zip(note[rows], text)]
    update = picked["online_update_only"].to_numpy(bool)
    if update.any():
        weak = render_column("online-update-date-only", short=True,
                             column=picked["online_date_column"].astype(str).to_numpy(object)[update])
        note[update] = np.where(pd.isna(note[update]), "", note[update]) + weak
    return note


def _bound_deadline(picked: pd.DataFrame) -> pd.Series:
    after = picked["published_problem"].astype(object).isin(UPDATE_AFTER_DEADLINE)
    return picked["online_limit"].where(after, None)


def _exposed(values) -> np.ndarray:
    """The masked ID number an entry shows in full ("" where none; online/read.py)."""
    return pd.Series(values, dtype=object).fillna("").to_numpy(object)


def _with_id_note(note: np.ndarray, exposed: np.ndarray) -> np.ndarray:
    has = exposed != ""
    if has.any():
        said = render_column("id-number-online", label="网站清单", value=exposed[has])
        note = note.copy()
        note[has] = said + np.where(pd.isna(note[has]), "", "；" + note[has].astype(str).astype(object))
    return note


def _record_rows(records: pd.DataFrame, source_names: pd.Series) -> pd.DataFrame:
    exposed_all = _exposed(records["online_id_exposed"]) if "online_id_exposed" in records.columns \
        else np.full(len(records), "", dtype=object)
    # confirmed records too where the site says something the ledger should take up: its decision date (the
    # verdict may turn on it), or a publication date the ledger left blank
    said = records["online_problem"].notna().to_numpy(bool) | site_decision_dates(records).notna().to_numpy(bool)
    wanted = records["online_result"].astype(object).ne("confirmed").to_numpy(bool) | (exposed_all != "") | said
    picked = records[wanted]
    exposed = exposed_all[wanted]
    names = source_names[picked.index]
    code = picked["online_problem"].astype(object)
    online_where = pd.Series(_place(picked["online_source_file"].astype(str).map(_file_name), picked["online_source_sheet"],
                                    picked["online_source_row"], "网站清单 "), index=picked.index
                             ).where(picked["online_source_file"].notna(), None)
    return _frame({
        "key": np.where(exposed != "", "id-exposed", picked["online_result"].astype(object).to_numpy(object)),
        "flag": code.isin(DISCREPANCIES).to_numpy(bool) | (exposed != ""),
        "单位": picked["unit"].to_numpy(object),
        "核对结果": _labels(shown_results(picked)),
        "类别": picked["category"].map(CATEGORY_LABELS).fillna("未知").to_numpy(object),
        "文书号": picked["document_number"].where(picked["document_number"].ne(""), None).to_numpy(object),
        "行政相对人": picked["party"].where(picked["party"].ne(""), None).to_numpy(object),
        "决定日期": dates_for_excel(picked["decision_date"]),
        "台账公开日期": dates_for_excel(picked["ledger_published_date"]),
        "网站公开日期": dates_for_excel(picked["online_published_date"]),
        # 数据有误 leaves a record's deadline blank; the one an update time came after is still worth seeing
        "应公开截止日期": dates_for_excel(picked["deadline"].where(picked["deadline"].notna(), _bound_deadline(picked))),
        "状态": picked["status"].astype(object).map(STATUS_LABELS).to_numpy(object),
        "说明": _with_id_note(_notes(picked), exposed),
        "台账出处": _place(pd.Series(names.to_numpy(object), index=picked.index), picked["sheet"], picked["row"]),
        "网站清单出处": online_where.to_numpy(object),
    })


def _online_only_rows(only: pd.DataFrame, units_read=()) -> pd.DataFrame:
    """The 台账未登记 entries; ``units_read``: the units whose ledgers this run read. An entry of another unit
    is no 本单位台账中没有 (probe p82 M1: a district-wide list beside some units' ledgers accused the rest)."""
    titled = (only["title"].astype(object).ne("") & only["number"].eq("")).to_numpy(bool)
    unit = only["unit"].astype(object).fillna("")
    unread = (unit.ne("") & unit.ne("未知单位") & ~unit.isin(list(units_read))).to_numpy(bool) if len(units_read) \
        else np.zeros(len(only), dtype=bool)
    note = np.full(len(only), None, dtype=object)
    note[~titled] = render_column("online-only")
    note[titled] = render_column("online-only-titled", title=only["title"].astype(object).to_numpy(object)[titled])
    note[unread] = render_column("online-only-unit-unread")
    exposed = _exposed(only["id_exposed"]) if "id_exposed" in only.columns else np.full(len(only), "", dtype=object)
    note = _with_id_note(note, exposed)
    return _frame({
        "key": np.where(exposed != "", "id-exposed", "online-only") if len(only) else "online-only",
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
        "说明": note,
        "台账出处": None,
        "网站清单出处": _place(only["list_file"].map(_file_name), only["sheet"], only["row"], "网站清单 "),
    })


def _labels(results: pd.Series) -> np.ndarray:
    return results.astype(object).map(RESULT_LABELS).to_numpy(object)


def _frame(columns: dict) -> pd.DataFrame:
    """Object columns kept as object: pandas would turn a column of Timestamps and None into NaT."""
    n = max((len(v) for v in columns.values() if not isinstance(v, str) and v is not None), default=0)
    return pd.DataFrame({name: pd.Series([v] * n if isinstance(v, str) or v is None else np.asarray(v, dtype=object),
                                         dtype=object) for name, v in columns.items()})


def _place(files: pd.Series, sheets: pd.Series, rows: pd.Series, prefix: str = "") -> np.ndarray:
    """文件 工作表 第 N 行, the same on every row: the sheet left out where it is only the file's own name (a CSV's);
    matched entries had no sheet and 台账未登记 ones a CSV's name twice (probe p96 L2)."""
    stems = files.astype(str).map(_file_name).str.rsplit(".", n=1).str[0]  # either separator (Windows too)
    sheet = sheets.astype(object).where(sheets.notna(), "").astype(str)
    named = sheet.ne("") & sheet.ne(stems)
    return (prefix + files.astype(str) + np.where(named, " " + sheet, "") + " 第 " + rows.astype(object).astype(str)
            + " 行").to_numpy(object)


def _file_name(path) -> str:
    return str(path).replace("\\", "/").rsplit("/", 1)[-1]
