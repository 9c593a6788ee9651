"""数据问题: the records to check, then the files and sheets that could not be read, the repeats,
and the tool's own notes, kept apart (the csvkit habit: clean rows there, problem rows here)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...problems import render_column
from ...status import UNJUDGEABLE
from ..layout import INT, TEXT, SheetSpec, column_widths, say_empty, tallest_rows
from ..record_columns import short_paths

NAME = "数据问题"
HEADERS = ["类型", "来源文件", "工作表", "行号", "单位", "文书号", "状态", "问题说明", "决定日期原文", "公开日期原文"]
KINDS = [TEXT, TEXT, TEXT, INT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT]
NONE_FOUND = "没有发现需要核实的数据问题，也没有读不了的文件或重复报送。"
CAPS = [10, 26, 14, 6, 24, 26, 10, 70, 16, 16]  # file and sheet names wrap (WRAPPED): printed whole, and larger
WRAPPED = ("来源文件", "工作表", "单位", "文书号", "问题说明", "决定日期原文", "公开日期原文")  # past their caps


def spec(sheet) -> SheetSpec:
    """The units' data errors first, then unreadable files, then the tool's own notes."""
    run, everything = sheet.run, sheet.everything
    flagged = np.flatnonzero(everything["问题说明"].notna().to_numpy(bool) | np.isin(sheet.statuses, UNJUDGEABLE))
    picked = everything.iloc[flagged]
    quality = run.records["quality_error"].to_numpy(bool)[flagged] if "quality_error" in run.records else False
    statuses = sheet.statuses[flagged]
    # 需核实 asks the unit something; 说明 only says how the record was judged (无法核对, 按台账判定), as the terminal counts
    asks = run.asks[flagged]
    kind = np.where(statuses == "invalid", "数据有误", np.where(statuses == "undetermined", "缺日历",
                    np.where(quality, "数据质量", np.where(statuses == "exempt", "无需公开",
                                                       np.where(asks, "需核实", "说明")))))
    record_rows = pd.DataFrame({"类型": kind, **{h: picked[h].to_numpy(object if h != "行号" else float)
                                               for h in HEADERS[1:]}})
    files, notes = [], []
    for entry in run.inputs:
        if entry.error is not None:
            unit = "、".join(run.unreadable_file_units(entry.path)) or None  # the unit 汇总 lists it under
            files.append(["读取失败", entry.path, None, np.nan, unit, None, "文件无法读取", entry.error.problem.message,
                          None, None])  # the file is its own column
        for note in entry.notes:
            notes.append(["工具提示", entry.path, None, np.nan, None, None, "提示", note.message, None, None])
        for found in entry.sheets:
            for item in found.problems:
                files.append(["工作表问题", entry.path, found.name, np.nan, None, None, "提示", item.message, None, None])
            for note in found.notes:
                notes.append(["工具提示", entry.path, found.name, np.nan, None, None, "提示", note.message, None, None])
    record_rows, repeat_rows = _kept(sheet, record_rows, _repeat_rows(run))
    # what asks nothing (说明: how a record was judged; 无需公开) after the unreadable files and the repeats: with a
    # website list, hundreds of 无法核对 notes pushed those to the last printed pages (probe 58 M6)
    quiet = record_rows["类型"].isin(["说明", "无需公开"]).to_numpy(bool)
    other = pd.concat([pd.DataFrame(files, columns=HEADERS), repeat_rows, pd.DataFrame(notes, columns=HEADERS)],
                      ignore_index=True)
    if len(other):
        other["来源文件"] = short_paths(other["来源文件"])  # the records' are short already
        before_notes = len(files) + len(repeat_rows)
        other = pd.concat([other[:before_notes], record_rows[quiet], other[before_notes:]], ignore_index=True)
        record_rows = record_rows[~quiet]
    table = pd.concat([record_rows, other], ignore_index=True) if len(other) else record_rows
    widths = [min(w, cap) for w, cap in zip(column_widths(table, KINDS, cap=60), CAPS)]
    result = SheetSpec(NAME, table, KINDS, widths, footer=sheet.footer, page_header=sheet.header,
                       print_columns=len(KINDS), wrap_columns=set(WRAPPED),  # long texts wrap, never cut
                       row_heights=tallest_rows(table, WRAPPED, widths))
    if table.empty:
        say_empty(result, NAME, NONE_FOUND)
    return result


# The worst first when the list is cut (report/shape.py): what hides or invents lateness, then the rest.
PRIORITY = {"数据有误": 0, "缺日历": 1, "需核实": 2, "数据质量": 3, "说明": 4, "无需公开": 5}


def _kept(sheet, record_rows: pd.DataFrame, repeat_rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """At most the report shape's limit of record and repeat rows together, the worst first."""
    limit, total = sheet.shape.list_limit, len(record_rows) + len(repeat_rows)
    if limit is None or total <= limit:
        return record_rows, repeat_rows
    rank = np.concatenate([record_rows["类型"].map(PRIORITY).fillna(len(PRIORITY)).to_numpy(float),
                           np.full(len(repeat_rows), len(PRIORITY) + 1.0)])
    rows, _ = sheet.shape.keep(np.arange(total), np.argsort(rank, kind="stable"))
    kept = np.zeros(total, dtype=bool)
    kept[rows] = True
    sheet.cuts.append(("数据问题", len(rows), total, "最要紧（数据有误在前）的"))
    return record_rows[kept[:len(record_rows)]], repeat_rows[kept[len(record_rows):]]


REPEAT_CODES = {"same": "repeat-counted-once", "filled": "repeat-blank-filled-later", "conflict": "repeat-conflict",
                "party": "repeat-other-party", "correction": "repeat-correction",
                "hidden": "repeat-hidden-copy"}


def _repeat_notes(repeats: pd.DataFrame) -> np.ndarray:
    """Why each copy is left out: the same dates, a blank date another copy filled in, or other dates."""
    kinds = repeats["repeat_kind"].to_numpy(object) if "repeat_kind" in repeats else np.full(len(repeats), "same")
    notes = np.full(len(repeats), None, dtype=object)
    for kind, code in REPEAT_CODES.items():
        rows = kinds == kind
        if rows.any():
            notes[rows] = render_column(code, first=repeats["first_copy"].to_numpy(object)[rows])
    return notes


def _repeat_rows(run) -> pd.DataFrame:
    """Copies of decisions already counted from another file or sheet: listed, not counted (ingest/repeats.py)."""
    repeats = run.repeats if run.repeats is not None else pd.DataFrame()
    if repeats.empty:
        return pd.DataFrame(columns=HEADERS)
    return pd.DataFrame({
        "类型": np.where(repeats["repeat_kind"].to_numpy(object) == "party", "其他当事人", "重复报送")
        if "repeat_kind" in repeats else "重复报送", "来源文件": repeats["source_file"].to_numpy(object), "工作表": repeats["sheet"].to_numpy(object),
        "行号": repeats["row"].to_numpy(float), "单位": repeats["unit"].to_numpy(object),
        "文书号": repeats["document_number"].to_numpy(object), "状态": "只计一次",
        "问题说明": _repeat_notes(repeats),
        "决定日期原文": repeats["decision_text"].to_numpy(object), "公开日期原文": repeats["published_text"].to_numpy(object)})
