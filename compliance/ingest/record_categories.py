"""Permit or penalty, per record: what the sheet says of each row, nearest first (docs/rules.md §8)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..fields import categories
from .action_kinds import OTHER, kind_from_text, other_actions
from .body import mapped_column
from .cells import per_distinct, shared_objects
from .columns import header_category, issue_day_category


def record_categories(kept, mapping, sheet_name, context, text, sections, kind_of_row, numbers):
    """(category per record, "category-unknown" where none): its own column, the column it filled of a
    permit's and a penalty's (kinds_of_rows), its section row, then column names, sheet name, title row,
    file name."""
    fallback = header_category(mapping) or kind_from_text(sheet_name) or context.title \
        or context.fallback_category or issue_day_category(mapping)
    default = pd.Series(sections, dtype=object)
    if kind_of_row is not None:
        default = pd.Series(kind_of_row, dtype=object).where(pd.notna(kind_of_row), default)
    if fallback is not None:
        default = default.where(default.notna(), fallback)
    # 二、行政确认 above the rows, or a sheet, title or file named for it: out of scope, as a category cell says
    other = default.eq(OTHER).to_numpy(bool, copy=True)
    default = default.where(~other, None)
    # rows whose category only the sheet gave (its column names, name, title or file): their own 代字 may say more
    given = pd.Series(sections, dtype=object).notna().to_numpy(bool) if kind_of_row is None else \
        pd.Series(sections, dtype=object).notna().to_numpy(bool) | pd.notna(kind_of_row)
    if "category" in mapping.columns:
        raw = text(mapped_column(kept, mapping, "category")).reset_index(drop=True)
        mapped = pd.Series(categories(raw), dtype=object)
        if mapping.is_weak("category"):  # 事项名称 (未取得…许可从事…: a penalty's matter) decides only where nothing else
            rows = np.flatnonzero(mapped.notna().to_numpy(bool) & default.isna().to_numpy(bool))  # does, nor the 代字
            keep = np.zeros(len(mapped), dtype=bool)
            keep[rows] = pd.isna(per_distinct(numbers.to_numpy(object)[rows], category_of_numbers))
            mapped = mapped.where(keep, None)
        # 行政确认, 行政强制 …: the cell says what it is, and it is neither; never the file's category
        other = (mapped.isna().to_numpy(bool) & other_actions(raw)) | (other & mapped.isna().to_numpy(bool))
        category = mapped.where(mapped.notna() | other, default)
        # a 类别 cell 行政许可 yields to a 罚 in the row's 代字 (a 汇总 sheet's copy of 西文旅罚 typed 行政许可 after
        # the sheet it was pasted in: one decision counted twice); a 许 never overrides the cell (许可证吊销决定书)
        cell = mapped.notna().to_numpy(bool)
        penalties = np.zeros(len(mapped), dtype=bool)
        penalties[cell] = np.asarray(per_distinct(numbers.to_numpy(object)[cell], category_of_numbers),
                                     dtype=object) == "penalty"
        given = (given | cell) & ~(cell & penalties & mapped.eq("permit").to_numpy(bool))
    else:
        category = default
    if other.any():  # 西综执罚〔2024〕3号 under 其他权力: the number's 罚 says penalty, judged as one
        by_number = np.asarray(per_distinct(numbers.to_numpy(object)[other], category_of_numbers), dtype=object)
        said = pd.notna(by_number)
        rows = np.flatnonzero(other)[said]
        category = category.copy()
        category.iloc[rows] = by_number[said]
        other[rows] = False
    # 西交通许 in a file named 行政处罚, 西文旅罚 in a sheet named 行政许可: the row's number names its kind, and a
    # deadline of the other kind would invent lateness (or hide it)
    sheet_only = np.flatnonzero(~given & ~other & category.notna().to_numpy(bool))
    by_number = np.asarray(per_distinct(numbers.to_numpy(object)[sheet_only], category_of_numbers), dtype=object)
    turn = pd.notna(by_number) & (by_number != category.to_numpy(object)[sheet_only])
    flip = sheet_only[turn]
    if len(flip):
        category = category.copy()
        category.iloc[flip] = by_number[turn]
    unknown = category.isna().to_numpy(bool)
    if unknown.any():  # 西工商许〔2016〕21号 / 西工商罚〔2016〕21号 in a file of both: the number's 代字 tells
        category = category.copy()
        category[unknown] = per_distinct(numbers.to_numpy(object)[unknown], category_of_numbers)
    problem = np.where(other, "category-other", np.where(category.isna(), "category-unknown", None))
    problem[flip] = "category-by-number"
    return shared_objects(category.to_numpy(object)), problem


# the 代字 before the year: 西综执罚, and 西公(治)行罚决字 / 西公（交）行罚决字 with a short word in brackets
CODE_WORD = re.compile(r"^(?:[^〔\[［(（【\d]|[(（][^()（）\d〔〕]{1,4}[)）])*")


_REVOKED = re.compile(r"吊销|暂扣|吊字|扣字")  # 注销, 撤销 of a permit are permit decisions


def category_of_numbers(numbers: np.ndarray) -> list:
    """The category a document number's 代字 names: 罚 (penalty) or 许 (permit), not both; else None."""
    out = []
    for number in numbers:
        prefix = CODE_WORD.match(number).group()
        # 许可证吊销决定书, 西公(许)吊字: a licence revoked, which is a penalty's word, not a permit's
        penalty, permit = "罚" in prefix, "许" in prefix and _REVOKED.search(prefix) is None
        out.append("penalty" if penalty and not permit else "permit" if permit and not penalty else None)
    return out
