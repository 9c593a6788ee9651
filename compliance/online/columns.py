"""What the titles of online lists (网站公开清单) hold: decision numbers, parties and units.

Two shapes are met (docs/rules.md §9):
- a credit website's 双公示 export: 文书号, 行政相对人名称, 决定日期, a publication
  date (公示/发布/上线/公开日期), often an 更新时间/入库时间, and the 机关 or 数据来源单位;
- a government website's 信息公开 list: 索引号, 标题/信息名称, 发布机构,
  发布日期/生成日期, 文号 (often blank) and 链接; the number is inside the title.
Their headers are mapped by the one field table (compliance/fields.py), as ledgers' are.
"""

from __future__ import annotations

import re

import pandas as pd

from ..ingest.docnumbers import _BRACKETS, normalise_document_numbers

# A decision number: an issuer's short name, the year in brackets, a serial and 号.
# Titles are first given one bracket form (〔〕), so （）[]() around the year all match.
_NUMBER_IN_TITLE = re.compile(r"([^〔〕\s、，,：:；;“”\"《》的书对于]{1,16}〔(?:19|20)\d{2}〕第?\d+号)")
_PARTY_IN_TITLE = re.compile(r"(?:关于)?(?:对|准予|给予|同意)(.+?)(?:作出的|作出|的)?(?:行政)?(?:处罚|许可|准予|不予)")
_UNIT_IN_TITLE = re.compile(r"^(.{2,30}?(?:分局|局|办公室|办|委员会|委|院|所|队|站|中心|厅|政府))(?:关于|对|行政)")


_LATER_ACT = "撤销|撤回|更正|变更|纠正|废止"


def numbers_from_titles(titles: pd.Series) -> pd.Series:
    """Column-wise: the decision number inside each title, normalised; "" when none.

    Full-width digits and every bracket form are unified first (NFKC, then 〔〕).
    """
    text = titles.astype(object).where(titles.notna(), "").astype(str)
    text = text.str.normalize("NFKC").str.replace(r"\s+", "", regex=True).str.translate(_BRACKETS)
    found = text.str.extract(_NUMBER_IN_TITLE, expand=False)
    # 关于撤销西安监罚〔2019〕15号行政处罚决定的决定: a later act on the decision, not its publication
    found = found.where(~text.str.contains(_LATER_ACT).to_numpy(bool), None)
    return normalise_document_numbers(found)


def parties_from_titles(titles: pd.Series) -> pd.Series:
    text = titles.astype(object).where(titles.notna(), "").astype(str).str.normalize("NFKC")
    return text.str.extract(_PARTY_IN_TITLE, expand=False).fillna("")


def units_from_titles(titles: pd.Series) -> pd.Series:
    text = titles.astype(object).where(titles.notna(), "").astype(str).str.normalize("NFKC")
    return text.str.extract(_UNIT_IN_TITLE, expand=False).fillna("")


def party_keys(names: pd.Series) -> pd.Series:
    """Party names compared without width, spaces or bracket differences: （分公司） = (分公司)."""
    text = names.astype(object).where(names.notna(), "").astype(str)
    return text.str.normalize("NFKC").str.replace(r"[\s　]+", "", regex=True).str.translate(_BRACKETS)
