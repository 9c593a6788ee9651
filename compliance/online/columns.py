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

import numpy as np
import pandas as pd

from ..ingest.docnumbers import _BRACKETS, normalise_document_numbers

_LATER_ACT = "撤销|撤回|更正|变更|纠正|废止"
# A decision number: an issuer's short name, the year in brackets, a serial and 号. Titles are first
# given one bracket form (〔〕), so （）[]() around the year all match. The act word just before it
# (关于撤销西安监罚〔2019〕15号…) and 决定 (not 决定书) just after it are caught to tell a later act on
# the decision from the decision's own publication.
# A batch lists more serials after the first (…12号、13号, …12、13号, …12-14号, …12号至14号); 号 may be
# left off (…〔2023〕11）), as in number cells, but not before a word of date or count (〔2023〕11月,
# （2023）15起, 〔2023〕3次会议). 12-1号 is one sub-number, not 12号 and 1号.
_SEPARATOR, _THROUGH = "、和及与", "\\-—–~～至到"
_NUMBER_IN_TITLE = re.compile(
    r"(?P<act>(?:" + _LATER_ACT + r")对?)?"
    r"(?P<number>(?P<issuer>(?:(?!" + _LATER_ACT + r")[^〔〕\s、，,：:；;“”\"《》的书对于]){1,16})"
    r"〔(?P<year>(?:19|20)\d{2})〕第?(?P<serial>\d+)(?:号|(?![\d月年日期份条件个元万起次会届批项.…])))"
    r"(?P<more>(?:[" + _SEPARATOR + _THROUGH + r"]第?\d+号?)*[" + _SEPARATOR + _THROUGH + r"]第?\d+号)?"
    r"(?P<decision>(?:行政)?(?:处罚|许可)?决定(?!书))?")
# The year first, the issuer after it (（2026）西综执罚字第18号): one number, never a batch.
_YEAR_FIRST_IN_TITLE = re.compile(
    r"(?P<act>(?:" + _LATER_ACT + r")对?)?"
    r"(?P<number>〔(?:19|20)\d{2}〕(?!第)(?:(?!" + _LATER_ACT + r")[^〔〕\s、，,：:；;“”\"《》的书对于\d]){1,16}第?\d+号)"
    r"(?P<decision>(?:行政)?(?:处罚|许可)?决定(?!书))?")
# The whole title a correction or a revocation: 西环罚〔2024〕41号行政处罚决定书（更正）, 【更正】…, …更正公告,
# （撤销） (brackets are 〔〕 here by then): every number in it is a later act's, never the decision's first publication.
_LATER_TITLE = re.compile(r"[（(【\[〔](?:更正|更正版|更正稿|更正后|已更正|撤销|已撤销|撤回|已撤回|废止|已废止|作废|已作废)[)）】\]〕]"
                          # 【更正公告】…, …41号更正公告, …决定书更正公告, …许可撤销公告（…）; not the words of a
                          # violation: 未按规定刊登更正启事的…, 未发布更正公告…, 擅自撤销公示牌的…
                          r"|(?<!刊登)(?<!发布)(?<!张贴)(?<!公布)(?<!登载)(?<!刊发)(?<!发出)(?<!擅自)(?<!未)(?<!不)"
                          r"(?:更正(?:公告|说明|声明|通知|启事|决定)|(?:撤销|撤回)(?:公告|公示|声明))(?!牌|栏)")
_MORE = re.compile(r"([" + _SEPARATOR + _THROUGH + r"])第?(\d+)")
LONGEST_RUN = 100  # …1-100号 at most: a longer "range" is more likely a typo than a batch
_PARTY_IN_TITLE = re.compile(r"(?:关于)?(?:对|准予|给予|同意)(.+?)(?:作出的|作出|的)?(?:行政)?(?:处罚|许可|准予|不予)")
# An office's words only: a title opening with 黄石某加油站, 康宁诊所, 仁和医院 or 某服务中心 opens with the party
# (黄石某加油站行政处罚决定书), whom a unit's name is never taken from.
_UNIT_IN_TITLE = re.compile(r"^(.{2,30}?(?:分局|局|办公室|办|委员会|委|大队|支队|厅|政府))(?:关于|对|行政)")


def numbers_from_titles(titles: pd.Series) -> pd.DataFrame:
    """Column-wise: every decision number each title holds, normalised, as rows (entry = the title's
    position, number, later); a batch notice (…5号、…6号、…7号) gives each of its numbers.

    A number a later act is about (关于撤销西安监罚〔2019〕15号行政处罚决定的决定, 关于对
    西安监罚〔2019〕15号行政处罚决定予以更正的决定) is flagged ``later``: that page is not the decision's
    publication, only a sign that the decision existed (verify.py). The word
    elsewhere is the decision's own matter (准予变更…许可的决定（西人社许〔2023〕5号）, 未按规定办理变更
    登记的行政处罚决定书), and its number counts.
    """
    text = titles.astype(object).where(titles.notna(), "").astype(str).reset_index(drop=True)
    text = text.str.normalize("NFKC").str.replace(r"\s+", "", regex=True).str.translate(_BRACKETS)
    found = text.str.extractall(_NUMBER_IN_TITLE)
    year_first = text.str.extractall(_YEAR_FIRST_IN_TITLE)
    if len(year_first):  # a number of either form is found by one pattern only (the year's place differs)
        found = pd.concat([found, year_first.reindex(columns=found.columns)]).sort_index()
    if not len(found):
        return pd.DataFrame({"entry": pd.Series(dtype=np.int64), "number": pd.Series(dtype=object),
                             "later": pd.Series(dtype=bool)})
    entry = found.index.get_level_values(0).to_numpy(np.int64)
    mentions_act = text.str.contains(_LATER_ACT).to_numpy(bool)[entry]
    later = found["act"].notna().to_numpy(bool) | (found["decision"].notna().to_numpy(bool) & mentions_act) \
        | text.str.contains(_LATER_TITLE).to_numpy(bool)[entry]
    number = found["number"].reset_index(drop=True)
    batch = found["more"].notna().to_numpy(bool)
    if batch.any():  # few titles: each batch's serials spelled out as whole numbers
        spelled = [_batch(*values) for values in found.loc[batch, ["issuer", "year", "serial", "more"]].itertuples(index=False)]
        counts = np.ones(len(found), dtype=np.int64)
        counts[batch] = [len(numbers) for numbers in spelled]
        number = pd.Series(np.repeat(number.to_numpy(object), counts), dtype=object)
        number[np.repeat(batch, counts)] = [n for numbers in spelled for n in numbers]
        entry, later = np.repeat(entry, counts), np.repeat(later, counts)
    numbers = normalise_document_numbers(number.reset_index(drop=True))
    out = pd.DataFrame({"entry": entry, "number": numbers.to_numpy(object), "later": later})
    return out.drop_duplicates().reset_index(drop=True)


def _batch(issuer: str, year: str, serial: str, more: str) -> list[str]:
    """西安监罚, 2023, 12 and 、13号至15号: the four numbers, each written out whole; 12-1号 is one number of
    its own (a sub-number of 12), in a list as anywhere."""
    serials: list[str] = [serial]
    for separator, digits in _MORE.findall(more):
        value, last = int(digits), int(serials[-1].split("-")[0])
        through = separator not in _SEPARATOR
        if through and value < last:
            serials[-1] = f"{serials[-1]}-{digits}"
        elif through and value - last <= LONGEST_RUN:
            serials.extend(str(k) for k in range(last + 1, value + 1))
        else:
            serials.append(digits)
    return [f"{issuer}〔{year}〕{k}号" for k in dict.fromkeys(serials)]


# What a business's name ends with; an office's name never does.
_BUSINESS = (r"(?:公司|厂|店|商店|商行|合作社|个体工商户|门市部|经营部|超市|酒店|饭店|宾馆|诊所|药房|药店"
             r"|农家乐|加油站|幼儿园|学校|医院|卫生院|工作室|养殖场|种植场)")
# A title that opens with the party (黄石戊商店行政处罚决定书（2024年3月8日）): a business's name, never an office's.
_PARTY_OPENS_TITLE = re.compile(r"^(.{2,40}?" + _BUSINESS + r")(?:的)?(?:行政)?(?:处罚|许可)决定")
# … and one that closes with it (准予行政许可公示 黄石甲有限公司, 行政处罚决定书公示：黄石乙商店): review rev64
_PARTY_CLOSES_TITLE = re.compile(r"(?:处罚|许可)(?:决定书?)?(?:信息)?(?:公示|公告|公开)[\s:：—\-－]*"
                                 r"([^\s:：〔〕（）()\[\]【】\d，,、。；;“”\"《》]{2,40}?" + _BUSINESS + r")$")
# The usual catalogue wording without 对: 区市场监管局关于黄石市宏远餐饮有限公司的行政处罚决定书, 关于张三的行政处罚决定书
# (cut off as …的行政处罚… too). Only a business's name or a person's short name (张三, 李某某, 王*) is a party:
# 关于公布2023年第三季度行政处罚决定的通知 and 关于规范行政处罚裁量权的通知 name none.
_PARTY_AFTER_ABOUT = re.compile(r"关于(?!" + _LATER_ACT + r")([^关〔〕（）()\[\]【】\d，,、。；;：:“”\"《》]{2,40}?" + _BUSINESS
                                + r"|(?!公布|公开|印发|发布|规范|调整|加强|开展|做好|落实|实施|进一步)"
                                r"[\u4e00-\u9fff]{1,3}?[某*＊×Xx]{0,2})的?(?:行政)?(?:处罚|许可)")


# What a permit grant's title names after the business (关于准予黄石壬餐饮店食品经营许可的决定: 食品经营), never the
# party's; a penalty's title (关于对黄石市酒店用品批发的…) keeps the name whole.
_ITEM_AFTER_BUSINESS = re.compile(r"^(.{2,40}" + _BUSINESS + r")[\u4e00-\u9fff]{0,6}?(?:经营|生产|资质|办学|执业|排污|排水"
                                  r"|取水|卫生|开业|设立|新办|换证)$")


def parties_from_titles(titles: pd.Series) -> pd.Series:
    text = titles.astype(object).where(titles.notna(), "").astype(str).str.normalize("NFKC")
    said = text.str.extract(_PARTY_CLOSES_TITLE, expand=False)  # first: 准予行政许可公示 X would give "行政"
    said = said.fillna(text.str.extract(_PARTY_IN_TITLE, expand=False))
    said = said.fillna(text.str.extract(_PARTY_AFTER_ABOUT, expand=False))
    said = said.fillna(text.str.extract(_PARTY_OPENS_TITLE, expand=False)).fillna("")
    return said.where(~text.str.contains("准予", regex=False), said.str.replace(_ITEM_AFTER_BUSINESS, r"\1", regex=True))


def units_from_titles(titles: pd.Series) -> pd.Series:
    text = titles.astype(object).where(titles.notna(), "").astype(str).str.normalize("NFKC")
    return text.str.extract(_UNIT_IN_TITLE, expand=False).fillna("")


# A legal form after the name, written on one side only: 张三职业介绍所（个体工商户）, 乙诊所（普通合伙）.
_LEGAL_FORM = r"〔(?:个体工商户|个体户|普通合伙|特殊普通合伙|有限合伙|个人独资企业|个人独资)〕$"  # brackets as _BRACKETS made them


def without_legal_form(keys: pd.Series) -> pd.Series:
    """Party keys without 有限责任, 股份有限 or 有限: 黄石乙贸易有限公司 and 黄石乙贸易公司 are one party."""
    return keys.str.replace(r"有限责任|股份有限|有限", "", regex=True)


def party_keys(names: pd.Series) -> pd.Series:
    """Party names compared without width, spaces, bracket differences (（分公司） = (分公司)) or a
    legal form in brackets at the end."""
    text = names.astype(object).where(names.notna(), "").astype(str)
    keys = text.str.normalize("NFKC").str.replace(r"[\s　]+", "", regex=True).str.translate(_BRACKETS)
    return keys.str.replace(_LEGAL_FORM, "", regex=True)


# A document's own number (西政办发〔2026〕3号, 西政办函〔2026〕5号): a notice's or a letter's, no decision's
_ISSUED_NUMBER = re.compile(r"[发函]〔")


def not_decisions(entries: pd.DataFrame) -> np.ndarray:
    """Entries that are no decision's publication: a catalogue's other items. Neither 许可 nor 处罚, with no number
    and no party (部门预算) or titled without 决定; or titled without 决定, naming no party, with no number or a
    document's own (西政办发〔2026〕3号): 关于公布2026年第三季度行政处罚情况的通知; 2026年8月行政许可办理情况公示 is no
    permit the list shows (probe p89); 行政处罚结果公告（西市监罚〔2026〕5号） is a decision (review rev64). They are no
    台账未登记, and add nothing to what the list covers or since when (verify.coverage)."""
    undecided = entries["category"].astype(object).fillna("").eq("")
    title = entries["title"].astype(object).fillna("")
    no_number, no_party = entries["number_key"].eq(""), entries["party_key"].eq("")
    untitled = title.ne("") & ~title.str.contains("决定", regex=False)
    issued = entries["number_key"].astype(object).fillna("").str.contains(_ISSUED_NUMBER)
    return ((undecided & ((no_number & no_party) | untitled)) | (untitled & no_party & (no_number | issued))) \
        .to_numpy(bool)
