"""Sheets of a workbook that only list numbers its ledger sheet already holds: a 网站清单 sheet that a
VLOOKUP reads the publication dates from, a 文号登记 list. With no decision-date column, each of their rows
became a 数据有误 record repeating a real decision (one decision counted twice, the unit's rate lowered).
Such a sheet's rows are counted as skipped and the sheet is named, never read as decisions."""

from __future__ import annotations

import pandas as pd

from ..problems import problem
from .docnumbers import normalise_document_numbers
from .records import SheetResult


def unsaid_hidden(sheets: list[SheetResult]) -> None:
    """In place: a hidden sheet none of whose rows became a record (a 模板 sheet's example row) is not
    said to have its records counted."""
    for sheet in sheets:
        if not sheet.record_count:
            sheet.notes = [n for n in sheet.notes if getattr(n, "code", None) != "sheet-hidden"]


def skip_lookup_sheets(sheets: list[SheetResult], source_file: str) -> None:
    """In place: each sheet without a decision-date column whose every row repeats a record of another
    sheet of the file that has one (the same number, publication date and, where it has them, party and
    category) loses its records (counted as skipped rows) and is said on the file. A row that adds a
    publication date the ledger lacks, or names another decision, keeps the sheet read."""
    undated = [s for s in sheets if s.record_count and "decision_date" not in s.columns]
    dated = [s for s in sheets if s.record_count and "decision_date" in s.columns]
    if not dated or not undated:  # the usual case: no number is normalised for nothing
        return
    known = pd.concat([_keys(s.records) for s in dated], ignore_index=True)
    known = known[known["number"].ne("")]
    for sheet in undated:
        mine = _keys(sheet.records).assign(row=range(sheet.record_count))
        pairs = mine.merge(known, on="number", how="left", suffixes=("", "_ledger"))
        same = (pairs["published"].eq(pairs["published_ledger"]) | (pairs["published"].isna() & pairs["published_ledger"].isna())) \
            & (pairs["party"].eq("") | pairs["party"].eq(pairs["party_ledger"])) \
            & (pairs["category"].eq("") | pairs["category"].eq(pairs["category_ledger"])) & pairs["number"].ne("")
        repeat = same.groupby(pairs["row"]).any().reindex(range(sheet.record_count), fill_value=False).to_numpy(bool)
        if not repeat.any():
            continue
        if repeat.all():
            sheet.notes.append(problem("sheet-lookup", file=source_file, sheet=sheet.name, count=sheet.record_count))
            sheet.problems = []  # its missing decision-date column concerns no record now
        else:  # the rows that only repeat the ledger go; the others stay read (数据有误: no decision date)
            rows = sheet.records["row"].to_numpy()[repeat].tolist()
            sheet.notes.append(problem("rows-lookup", file=source_file, sheet=sheet.name,
                                       rows="、".join(map(str, rows[:10])) + (f" 等 {len(rows)} 行" if len(rows) > 10 else "")))
        sheet.skipped["note"] += int(repeat.sum())
        sheet.records = sheet.records[~repeat].reset_index(drop=True)


def _keys(records: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({"number": normalise_document_numbers(records["document_number"]).to_numpy(object),
                         "published": pd.to_datetime(records["published_date"], errors="coerce").to_numpy(),
                         "party": records["party"].astype(object).fillna("").astype(str).to_numpy(object),
                         "category": records["category"].astype(object).fillna("").astype(str).to_numpy(object)})
