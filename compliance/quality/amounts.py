"""Amounts as written in ledgers (罚款金额 in 万元 or 元) and what 处罚类别 says of a fine: shared by the
quality checks (checks.py) and the market rule's 仅警告 exemption (exempt.py)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .columns import column, has_column

# 责令改正 is no penalty but the order 行政处罚法 第二十八条 joins to every penalty: beside a kind
# it is accepted, alone it is not a kind.
ALONGSIDE = ("责令改正", "责令限期改正", "责令立即改正")
SEPARATORS = r"[；;、，,/]"


def warning_only(records: pd.DataFrame) -> np.ndarray:
    """处罚类别 (else 处罚种类) says 警告 and no other penalty. 责令改正 beside it is no penalty (行政处罚法
    第二十八条: the order to correct goes with every penalty), so 警告；责令改正 is only a warning."""
    kind = column(records, "penalty_kind")
    kind = np.where(kind == "", column(records, "penalty_sort"), kind)
    codes, uniques = pd.factorize(pd.Series(kind, dtype=object))
    # 警告（责令限期改正）, 警告并责令改正: the order to correct written beside the warning another way
    parts = pd.Series(uniques, dtype=object).astype(str).str.replace(r"\s+", "", regex=True) \
        .str.replace(r"[（(]([^）)]*)[）)]", r"；\1", regex=True).str.replace(r"(?<=警告)[并和及](?=责令)", "；", regex=True) \
        .str.split(SEPARATORS)
    only = parts.map(lambda p: [x for x in p if x and x not in ALONGSIDE] == ["警告"]).to_numpy(bool)  # per distinct text
    return only[codes] if len(codes) else np.zeros(0, dtype=bool)


def fined(records) -> np.ndarray:
    """Per record: a fine above zero in 罚款金额 (万元 or 元): a decision with a fine is more than a warning."""
    out = np.zeros(len(records), dtype=bool)
    for name, in_yuan in (("fine", False), ("fine_yuan", True)):
        if has_column(records, name).any():
            amount = amount_numbers(column(records, name), in_yuan)
            out |= ~np.isnan(amount) & (amount > 0)
    return out


# A currency mark or unit written in the cell (¥12,345.00, 12,345元, 1.5万元): the number is what it says.
_CURRENCY = re.compile(r"^(?:罚款|罚金)?(?:¥|￥|RMB|人民币)?\s*|(?:元整|元)$", re.IGNORECASE)  # 罚款500元: the amount
_TEN_THOUSAND = re.compile(r"万元?$")


def amount_numbers(text: np.ndarray, in_yuan: bool = False) -> np.ndarray:
    """Amount cells as floats in the column's unit (元 where ``in_yuan``, else 万元; NaN: blank or not a
    number); plain numbers are converted in C, only the others (1,000, a stray space, ¥12,345.00,
    1.5万元) cleaned and tried again; 五千元 stays no number."""
    try:
        number = np.where(text == "", "nan", text).astype(float)
    except ValueError:
        number = pd.to_numeric(pd.Series(text, dtype=object), errors="coerce").to_numpy(float, copy=True)
    odd = np.isnan(number) & (text != "")
    if odd.any():
        # NFKC: ０.５ is 0.5 here as in numpy's float() above, which reads full-width digits (pandas' does not)
        clean = pd.Series(text[odd], dtype=object).astype(str).str.normalize("NFKC")
        clean = clean.str.replace(r"[,，\s]", "", regex=True)
        wan = clean.str.contains(_TEN_THOUSAND).to_numpy(bool)
        # ¥12,345.00, 人民币50000: a sum in 元 as the mark says, whatever the column's unit (probe p83 H3)
        yuan = ~wan & clean.str.contains(r"元(?:整)?$|^(?:罚款|罚金)?(?:¥|￥|RMB|人民币)", case=False).to_numpy(bool)
        clean = clean.str.replace(_TEN_THOUSAND, "", regex=True).str.replace(_CURRENCY, "", regex=True)
        value = pd.to_numeric(clean, errors="coerce").to_numpy(float)
        # a unit written against the column's: 1.5万元 in a 元 column is 15000, 12345元 in a 万元 one 1.2345
        value = np.where(wan & in_yuan, value * 1e4, np.where(yuan & ~in_yuan, value * 1e-4, value))
        number[odd] = value
    return number
