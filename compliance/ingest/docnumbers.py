"""Document numbers (文书号) compared after normalisation (DOMAIN.md).

西安监罚〔2016〕7号, 西安监罚[2016]7号, 西安监罚（２０１６）７号 and stray spaces
are one number; 无, /, - and 空 mean "no number". Used by duplicate
detection and by matching a ledger against the online list.
"""

from __future__ import annotations

import pandas as pd

# Every bracket form around the year, unified to 〔〕.
_OPEN = "〔［[（(【〖｛{"
_CLOSE = "〕］]）)】〗｝}"
_BRACKETS = str.maketrans({**{c: "〔" for c in _OPEN}, **{c: "〕" for c in _CLOSE}})
PLACEHOLDERS = frozenset({"无", "/", "-", "--", "—", "——", "－", "空", "暂无", "无文号", "\\", "／", "0"})


def normalise_document_numbers(values: pd.Series) -> pd.Series:
    """Column-wise: NFKC (full-width to half-width), no whitespace, one bracket form.

    A placeholder (无, /, -, 空 …) or a blank becomes "" (no number).
    """
    text = values.astype(object).where(values.notna(), "").astype(str)
    text = text.str.normalize("NFKC").str.replace(r"\s+", "", regex=True).str.translate(_BRACKETS)
    return text.where(~text.isin(PLACEHOLDERS), "")
