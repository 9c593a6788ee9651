"""Header meaning for online lists (网站公开清单), and decision numbers inside titles.

Two shapes are met (docs/rules.md §9):
- a credit website's 双公示 export: 文书号, 行政相对人名称, 决定日期, a publication
  date (公示/发布/上线/公开日期), often an 更新时间/入库时间, and the 机关 or 数据来源单位;
- a government website's 信息公开 list: 索引号, 标题/信息名称, 发布机构,
  发布日期/生成日期, 文号 (often blank) and 链接; the number is inside the title.
"""

from __future__ import annotations

import re

import pandas as pd

from ..ingest.columns import KEYWORDS, normalise_header
from ..ingest.docnumbers import _BRACKETS, normalise_document_numbers

# Field -> keywords a header contains; the longest contained keyword wins.
ONLINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "number": KEYWORDS["document_number"] + ("文书编号",),
    "title": ("标题", "信息名称", "信息标题", "公开信息名称", "文件名称", "题名"),
    "party": tuple(k for k in KEYWORDS["party"]),
    "decision_date": KEYWORDS["decision_date"],
    # First publication: the date that proves when it went online.
    "first_date": ("公示日期", "发布日期", "上线日期", "公开日期", "上网日期", "生成日期", "信息公开日期",
                   "上网公开日期", "公布日期", "挂网日期", "公示时间", "发布时间", "上线时间", "公开时间",
                   "上网时间", "成文日期"),
    # An update is not the first publication: used only when nothing better exists.
    "update_date": ("更新时间", "更新日期", "入库时间", "入库日期", "数据更新时间戳", "修改时间", "更新时间戳"),
    "unit": ("处罚机关", "许可机关", "发布机构", "数据来源单位", "实施机关", "决定机关", "作出决定机关",
             "发文机关", "执法机关", "审批机关", "所属单位", "信息来源", "来源单位", "公开单位"),
    "category": ("信息类别", "信息类型", "公示类别", "公示类型", "决定类别", "决定类型", "数据类别", "数据类型"),
    "index": ("索引号",),
    "link": ("链接", "网址", "URL", "url", "网页地址"),
}
EXACT_ONLINE = {"unit": ("单位", "机关", "部门", "来源"), "title": ("名称",), "category": ("类别", "类型")}
EXCLUDE_ONLINE: dict[str, tuple[str, ...]] = {
    "number": ("文书名称", "文书类型"),
    "title": ("相对人", "当事人", "企业", "法定代表人", "许可证"),
    "party": ("代码", "类别", "类型", "证件", "法定代表人", "负责人", "地址"),
    "decision_date": ("截止", "有效期", "公开", "公示", "上网", "发布", "更新", "入库"),
    "first_date": ("截止", "有效期", "决定日期", "作出日期"),
    "unit": ("代码", "统一社会信用"),
    "category": ("处罚类别", "审批类别", "相对人类别", "违法行为类型", "许可类别", "证件类型"),
}
ONLINE_FIELDS = tuple(ONLINE_KEYWORDS)


def score_header(header: object) -> dict[str, int]:
    text = normalise_header(header)
    plain = re.sub(r"（[^）]*）", "", text) or text
    scores = {}
    for name in ONLINE_FIELDS:
        if any(x in plain for x in EXCLUDE_ONLINE.get(name, ())):
            continue
        best = max((len(w) + (100 if plain == w else 0) for w in ONLINE_KEYWORDS[name] if w in plain), default=0)
        if plain in EXACT_ONLINE.get(name, ()):
            best = max(best, 100)
        if best:
            scores[name] = best
    return scores


def map_online_columns(headers: list[str]) -> dict[str, int]:
    """Field -> column index; a header goes to the field it names most specifically."""
    claims: dict[str, tuple[int, int]] = {}
    for index, header in enumerate(headers):
        scores = score_header(header)
        if not scores:
            continue
        top = max(scores.values())
        winners = [n for n, s in scores.items() if s == top]
        if len(winners) != 1:
            continue
        name = winners[0]
        if name not in claims or top > claims[name][0]:
            claims[name] = (top, index)
    return {name: index for name, (_, index) in claims.items()}


def is_online_header(columns: dict[str, int]) -> bool:
    has_key = "number" in columns or "title" in columns or "party" in columns
    has_date = "first_date" in columns or "update_date" in columns
    return has_key and has_date


# A decision number: an issuer's short name, the year in brackets, a serial and 号.
# Titles are first given one bracket form (〔〕), so （）[]() around the year all match.
_NUMBER_IN_TITLE = re.compile(r"([^〔〕\s、，,：:；;“”\"《》的书对于]{1,16}〔(?:19|20)\d{2}〕第?\d+号)")
_PARTY_IN_TITLE = re.compile(r"(?:关于)?(?:对|准予|给予|同意)(.+?)(?:作出的|作出|的)?(?:行政)?(?:处罚|许可|准予|不予)")
_UNIT_IN_TITLE = re.compile(r"^(.{2,30}?(?:分局|局|办公室|办|委员会|委|院|所|队|站|中心|厅|政府))(?:关于|对|行政)")


def numbers_from_titles(titles: pd.Series) -> pd.Series:
    """Column-wise: the decision number inside each title, normalised; "" when none.

    Full-width digits and every bracket form are unified first (NFKC, then 〔〕).
    """
    text = titles.astype(object).where(titles.notna(), "").astype(str)
    text = text.str.normalize("NFKC").str.replace(r"\s+", "", regex=True).str.translate(_BRACKETS)
    found = text.str.extract(_NUMBER_IN_TITLE, expand=False)
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
