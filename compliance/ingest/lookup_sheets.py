"""Sheets of a workbook that only list numbers its ledger sheet already holds: a 网站清单 sheet that a
VLOOKUP reads the publication dates from, a 文号登记 list. With no decision-date column, each of their rows
became a 数据有误 record repeating a real decision (one decision counted twice, the unit's rate lowered).
Such a sheet's rows are counted as skipped and the sheet is named, never read as decisions."""

from __future__ import annotations

import pandas as pd

from ..problems import problem
from .docnumbers import normalise_document_numbers
from .cells import row_list
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
    category) loses its records (counted as skipped rows) and is said on the file. A row that only gives
    the publication date a ledger row left blank fills that date, said on the ledger's sheet (as a date
    taken from a 备注 is). A row that gives another date, or names another decision, keeps the sheet read;
    a sheet with no publication column gives none."""
    undated = [s for s in sheets if s.record_count and "decision_date" not in s.columns]
    dated = [s for s in sheets if s.record_count and "decision_date" in s.columns]
    if not dated or not undated:  # the usual case: no number is normalised for nothing
        return
    known = pd.concat([_keys(s.records).assign(ledger=i, at=range(s.record_count)) for i, s in enumerate(dated)],
                      ignore_index=True)
    known = known[known["number"].ne("")]
    single = ~known["number"].duplicated(keep=False)  # a date goes only to a number the ledger holds once
    for sheet in undated:
        mine = _keys(sheet.records).assign(row=range(sheet.record_count))
        pairs = mine.merge(known, on="number", how="left", suffixes=("", "_ledger"))
        alike = (pairs["party"].eq("") | pairs["party"].eq(pairs["party_ledger"])) \
            & (pairs["category"].eq("") | pairs["category"].eq(pairs["category_ledger"])) & pairs["number"].ne("")
        # a sheet with no publication column at all (案件登记: 立案, 结案 and the decision's number) says no
        # other date: its rows repeat the ledger's whatever the ledger's publication
        dateless = "published_date" not in sheet.columns
        same = alike & (pairs["published"].eq(pairs["published_ledger"])
                        | (pairs["published"].isna() & (pairs["published_ledger"].isna() | dateless)))
        fills = alike & pairs["published"].notna() & pairs["blank_ledger"].eq(True) \
            & pairs["number"].map(single.groupby(known["number"]).all()).eq(True)
        dates = pairs[fills].groupby(["ledger", "at"])["published"].transform("nunique")
        fills[fills] = dates.eq(1).to_numpy(bool)  # two rows here giving two dates: neither is taken
        _fill_dates(dated, pairs[fills].drop_duplicates(["ledger", "at"]), source_file, sheet.name)
        repeat = (same | fills).groupby(pairs["row"]).any().reindex(range(sheet.record_count), fill_value=False) \
            .to_numpy(bool)
        if not repeat.any():
            continue
        if repeat.all():
            sheet.notes.append(problem("sheet-lookup", file=source_file, sheet=sheet.name, count=sheet.record_count))
            sheet.problems = []  # its missing decision-date column concerns no record now
        else:  # the rows that only repeat the ledger go; the others stay read (数据有误: no decision date)
            rows = sheet.records["row"].to_numpy()[repeat].tolist()
            sheet.notes.append(problem("rows-lookup", file=source_file, sheet=sheet.name,
                                       rows=row_list(rows)))
        sheet.skipped["note"] += int(repeat.sum())
        sheet.records = sheet.records[~repeat].reset_index(drop=True)


def _fill_dates(dated: list[SheetResult], fills: pd.DataFrame, source_file: str, lookup: str) -> None:
    """The lookup's publication dates into the ledger rows that left theirs blank, said per ledger sheet."""
    for ledger, group in fills.groupby("ledger"):
        target = dated[int(ledger)]
        at = group["at"].to_numpy(int)
        records = target.records.copy()
        column = records.columns.get_loc("published_date")
        records.iloc[at, column] = group["published"].to_numpy()
        records["published_text"] = records["published_text"].astype(object)
        records.iloc[at, records.columns.get_loc("published_text")] = \
            pd.to_datetime(group["published"]).dt.strftime("%Y-%m-%d").to_numpy(object)
        target.records = records
        rows = records["row"].to_numpy()[at].tolist()
        target.notes.append(problem("published-from-lookup", file=source_file, sheet=target.name, sheet_name=lookup,
                                    rows=row_list(rows)))


def _keys(records: pd.DataFrame) -> pd.DataFrame:
    published_text = records["published_text"].astype(object).fillna("").astype(str).str.strip() \
        if "published_text" in records else pd.Series("", index=records.index)
    return pd.DataFrame({"number": normalise_document_numbers(records["document_number"]).to_numpy(object),
                         "published": pd.to_datetime(records["published_date"], errors="coerce").to_numpy(),
                         # a blank publication cell (not 未公开, not a bad date): a date found elsewhere may fill it
                         "blank": (published_text.eq("") & records["published_problem"].isna()
                                   & records["published_date"].isna()).to_numpy(bool),
                         "party": records["party"].astype(object).fillna("").astype(str).to_numpy(object),
                         "category": records["category"].astype(object).fillna("").astype(str).to_numpy(object)})
