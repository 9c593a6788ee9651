"""Sheets of a workbook that only list numbers its ledger sheet already holds: a 网站清单 sheet that a
VLOOKUP reads the publication dates from, a 文号登记 list. With no decision-date column, each of their rows
became a 数据有误 record repeating a real decision (one decision counted twice, the unit's rate lowered).
Such a sheet's rows are counted as skipped and the sheet is named, never read as decisions."""

from __future__ import annotations

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
    """In place: each sheet without a decision-date column whose every row's number is a record of another
    sheet of the file that has one loses its records (counted as skipped rows) and is said on the file."""
    undated = [s for s in sheets if s.record_count and "decision_date" not in s.columns]
    dated = [s for s in sheets if s.record_count and "decision_date" in s.columns]
    if not dated or not undated:  # the usual case: no number is normalised for nothing
        return
    known = set()
    for sheet in dated:
        known.update(normalise_document_numbers(sheet.records["document_number"]))
    known.discard("")
    for sheet in undated:
        numbers = normalise_document_numbers(sheet.records["document_number"])
        if numbers.eq("").any() or not numbers.isin(known).all():
            continue
        sheet.skipped["note"] += sheet.record_count
        sheet.records = sheet.records.iloc[0:0]
        sheet.problems = []  # its missing decision-date column concerns no record now
        sheet.notes.append(problem("sheet-lookup", file=source_file, sheet=sheet.name, count=len(numbers)))
