"""Which unit each sheet of a workbook is of, where its sheets are named after units (a compiled workbook)."""

from __future__ import annotations

import re

import pandas as pd

from ..fields import unit_name
from .docnumbers import normalise_document_numbers
from .unit_column import SECTION, code_words, own_parts
from .unit_spellings import bare_bureau, same_unit
from .unit_text import names_office, unit_forms, unit_in_text

_COMPILED = re.compile(r"汇总|各单位|各部门|全区")  # a file name that says it gathers several units' ledgers
_SEVERAL = re.compile(r"各单位|各部门|全区")  # …and not one office's own 汇总 of its year (区交通局_2016年行政许可汇总)


def sheet_units(raw_sheets, file_unit: str | None, stem: str = "") -> dict[str, str]:
    """{sheet: unit} where two or more sheets are named after different units (the file's own among them), or
    one is and the file name says it gathers units (区政府办_各单位汇总.xlsx with sheets 区安监局, 区环保局): a compiled workbook, whose file
    names who compiled it, not who decided. An office's sections (一中队, 法制科) are no units of their own."""
    named = {raw.name: unit_in_text(raw.name.strip()) for raw in raw_sheets}
    if _SEVERAL.search(stem):  # 区法制办_各单位台账: a sheet 安监 or 区人社 is a bureau written short (probe p78 H2);
        # in one office's own workbook such a word names a topic (区行政审批局's 交通, 卫生; review rev60b)
        named.update({raw.name: short for raw in raw_sheets if not named[raw.name]
                      and (short := bare_bureau(raw.name)) and not (file_unit and same_unit(short, file_unit))})
    own = file_unit is not None and file_unit in named.values()  # 区人社局_10月.xlsx: sheets 区人社局, 区卫健委
    named = {sheet: unit for sheet, unit in named.items()
             if unit and unit != file_unit and not SECTION.match(unit)}
    if file_unit and "政府" not in file_unit:  # 区市场监管局 with sheets 河口镇, 澄月街道: its areas, not units;
        named = {sheet: unit for sheet, unit in named.items() if not _PLACE.search(unit)}
    if file_unit and not _COMPILED.search(stem):  # nor, in its own workbook, its 所 and 大队 (黄石港所, 执法一大队,
        named = {sheet: unit for sheet, unit in named.items()  # 区市场监管局黄石港所): a compiled one lists offices
                 if not _PART_ALONE.search(unit) and not own_parts(pd.Series([unit], dtype=object), file_unit)[0]}
    units = set(named.values())
    return named if len(units) >= 2 or (units and (own or _COMPILED.search(stem))) else {}


_PLACE = re.compile(r"(?:街道|镇|乡)(?:办事处|人民政府|政府)?$")  # a street or town: a unit under a government office
# 黄石港所, 执法一大队: no office's name, and no district's (区交警大队, 县运管所 are offices)
_PART_ALONE = re.compile(r"^(?![区县市省])[^局委办院厅府心]{1,10}(?:所|大队|中队|分队)$")


def units_by_number(frames: list[pd.DataFrame], per_sheet: dict[str, str], file_unit: str) -> list[str]:
    """In a compiled workbook, a sheet that names no unit (汇总) repeats the unit sheets' rows: a record left
    with the file's unit takes the unit whose sheet holds its number (then it is a repeat, counted once).
    Returns the sheets with records still under the file's unit (人社, 综合执法: names that are no unit's)."""
    own = [f for f in frames if len(f) and f["sheet"].iloc[0] in per_sheet]
    if not own:
        return []
    numbers = pd.concat([f[["document_number", "unit"]] for f in own], ignore_index=True)
    numbers["key"] = normalise_document_numbers(numbers["document_number"]).to_numpy(object)
    numbers = numbers[numbers["key"].ne("")].drop_duplicates(["key", "unit"])
    numbers = numbers.drop_duplicates("key", keep=False)  # a number two units used: no guess
    lookup = numbers.set_index("key")["unit"]
    for frame in frames:
        if len(frame) and frame["sheet"].iloc[0] not in per_sheet:
            found = pd.Series(normalise_document_numbers(frame["document_number"]).to_numpy(object),
                              index=frame.index).map(lookup)
            take = frame["unit"].eq(file_unit) & found.notna()
            frame.loc[take, "unit"] = found[take]
            if "unit_problem" in frame:
                frame.loc[take, "unit_problem"] = None
    return list(dict.fromkeys(f["sheet"].iloc[0] for f in frames
                              if len(f) and f["sheet"].iloc[0] not in per_sheet and f["unit"].eq(file_unit).any()))


def units_by_code_word(records: pd.DataFrame, units: list[str], first: str) -> None:
    """A file named for several units (区人社局、区医保局_台账) whose sheet has no unit column: a row left under the
    first takes the one unit its 文书号's 代字 abbreviates (西医保许: 区医保局); the rest stay, each said
    (unit-file-several-row). In place: the sheet's frame is the file's."""
    left = records["unit"].eq(first).to_numpy(bool)
    cores = {name: forms for name in dict.fromkeys(unit_name(u) for u in units) if (forms := unit_forms(name))}
    if not left.any() or len(cores) < 2:
        return
    words = code_words(records["document_number"])

    def pick(word: str):
        hits = [name for name, forms in cores.items() if word and any(names_office(word, form) for form in forms)]
        return hits[0] if len(hits) == 1 else None
    picked = pd.Series(words, dtype=object).map({w: pick(w) for w in set(words)}).to_numpy(object)  # few words
    take = left & pd.notna(picked)
    records.loc[records.index[take], "unit"] = picked[take]
    undecided = left & pd.isna(picked)
    if "unit_problem" not in records:
        records["unit_problem"] = None
    free = records["unit_problem"].isna().to_numpy(bool)
    records.loc[records.index[undecided & free], "unit_problem"] = "unit-file-several-row"


def continued_units(sheets, continued: set[str]) -> None:
    """A 续表 (``continued``: sheets read under the header of the sheet before them) takes that sheet's unit;
    unless its 文书号's 代字 are none of that unit's decisions' and all of one other unit's own sheet: then
    that unit's, said on its records (review rev66 #7: 西环罚 rows after the sheet 区城管局 accused 区城管局 of
    区环保局's late decisions). Where its 代字 are neither the unit's nor one other's, the unit stays, said too."""
    if not continued:  # the common case: nothing to compare (a workbook's 代字 cost 30 MB at 100,000 rows)
        return
    own: dict[str, set] = {}
    for sheet in sheets:
        if sheet.record_count and sheet.name not in continued:
            pairs = pd.DataFrame({"unit": sheet.records["unit"].astype(object).to_numpy(),
                                  "number": sheet.records["document_number"].astype(object).to_numpy()}).drop_duplicates()
            for unit, word in zip(pairs["unit"], code_words(pairs["number"])):
                if word and isinstance(unit, str):
                    own.setdefault(unit, set()).add(word)
    for sheet in sheets:
        if not (sheet.record_count and sheet.name in continued):
            continue
        records = sheet.records
        words = set(code_words(records["document_number"])) - {""}
        units = set(records["unit"].dropna())
        if not words or len(units) != 1:
            continue
        unit = units.pop()
        if not own.get(unit) or words & own[unit]:  # nothing to compare with, or its own 代字 among them
            continue
        others = [other for other, theirs in own.items() if other != unit and words <= theirs]
        if "unit_problem" not in records:
            records["unit_problem"] = None
        free = records["unit_problem"].isna()
        if len(others) == 1:
            records["unit"] = records["unit"].mask(records["unit"].eq(unit), others[0])
            records.loc[free, "unit_problem"] = "unit-continued-by-number"
        else:
            records.loc[free, "unit_problem"] = "unit-continued-number-differs"
