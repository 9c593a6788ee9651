"""The fields a ledger (台账) or an online list (网站公开清单) holds, declared once.

Each ``Field`` says what it means, the rule or standard it comes from, and the
words its column headers use. Both readers, ingest/ for ledgers and online/ for
website lists, map headers with this table and score them one way:

- a header that *contains* a field's word names the field; the longest (most
  specific) word wins, and a header that *is* the word (before a note in
  brackets, 决定日期（必填）) beats one that only contains it;
- ``exact`` words are too short to be contained (单位, 类别): they count only
  as the whole header;
- ``weak`` words stand in only when nothing names the field better (更新时间
  for a publication date: an update is not the first publication);
- ``lesser`` words name the field, but any other word names it better (a
  catalogue's 生成日期 beside its 发布日期);
- ``exclude``: a header containing one of these is never the field, whatever
  else it holds (公示截止期 is no publication date, 行政相对人代码 no party);
- a ``compliance.toml`` [columns] synonym is the user's exact intent: it beats
  every word of the table and every exclusion, in ledgers and online lists alike.

A word that holds in one kind of file only goes in ``only`` under that reader
(a bare 名称 is a ledger's party but an online list's title). Adding a field is
one ``Field`` entry; adding a spelling is one word in a tuple.

Sources: 国家“双公示”数据标准 2016 版 and 2019 版 (行政许可、行政处罚信用信息
数据标准), what units write in their ledgers (docs/rules.md §8), and what credit
and government websites export (§9). docs/fields.md is generated from this table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd


LEDGER, ONLINE = "ledger", "online"


@dataclass(frozen=True)
class Words:
    contains: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    weak: tuple[str, ...] = ()
    lesser: tuple[str, ...] = ()


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # as messages name it
    meaning: str  # in Chinese: docs/fields.md shows it to users
    source: str
    words: Words
    exclude: tuple[str, ...] = ()
    only: dict[str, Words] = field(default_factory=dict)  # reader -> words met only in that kind of file
    readers: tuple[str, ...] = (LEDGER, ONLINE)


# 报送/上报/填报 … dates say when a sheet was sent, entered, reviewed or a case was filed or
# closed: never when a decision went online (a false "late" would accuse a unit; docs/rules.md §8).
NOT_PUBLICATION = ("报送", "上报", "填报", "录入", "审核", "送达", "签收", "立案", "办结", "结案", "受理")

TABLE: tuple[Field, ...] = (
    Field("document_number", "文书号", "决定文书的编号：判断重复报送、与网站清单对应的依据",
          "双公示数据标准 2016 版 行政许可/行政处罚决定书文号；2019 版 决定文书号",
          Words(contains=("行政许可决定书文号", "行政处罚决定书文号", "行政许可决定文书号", "行政处罚决定文书号",
                          "决定书文号", "决定文书号", "处罚文书号", "许可文书号", "决定书编号", "决定书号",
                          "文书号", "文号", "案号", "处罚决定书号", "文书编号", "决定书字号", "文书字号"),
                    # 双公示 standard: a licence's number stands in for a missing 文号, and only then
                    weak=("许可证编号", "许可证号", "证书编号", "许可编号", "证书号", "许可证书编号", "登记证号",
                          "证照编号", "登记编号", "登记号", "备案编号", "备案号")),  # a 登记 / 备案 ledger's own number
          exclude=("文书名称", "文书类型", "序号")),  # 序号 counts rows
    Field("party", "行政相对人", "决定针对的法人、其他组织或自然人",
          "双公示数据标准 行政相对人名称",
          Words(contains=("行政相对人名称", "相对人名称", "当事人名称", "被处罚人名称", "被许可人名称",
                          "申请人名称", "被处罚人", "被许可人", "当事人", "行政相对人", "相对人", "申请人",
                          "企业名称", "单位名称（相对人）", "被处罚单位", "被处罚对象", "申请单位", "被许可单位",
                          "持证人", "持证单位", "获证单位", "医疗机构名称", "经营者名称", "经营户名称", "商户名称",
                          "市场主体名称",
                          # a tax office's, a traffic police's, an inspection's words for the party
                          "纳税人", "违法主体", "违法行为人", "违法嫌疑人", "违法当事人", "违法单位", "违法人", "被检查单位",
                          "被检查人", "业户名称", "经营者姓名", "处罚对象", "驾驶人", "车主", "业主姓名", "市场主体",
                          "经营主体", "单位/个人名称", "单位或个人名称", "姓名/名称", "姓名或名称", "名称/姓名", "被处罚主体",
                          "被许可主体"),
                weak=("建设单位",)),  # a licence's holder, a 登记's business; 施工许可's builder
          exclude=("代码", "类别", "类型", "证件", "法定代表人", "负责人", "地址", "序号", "识别号", "号码", "电话", "编号",
                   "档案"),
          # in an online list a bare 名称 is the item's title; a ledger's 机构名称 is the 医疗机构 licensed (a
          # 发证机构名称 is excluded by the exact match)
          only={LEDGER: Words(exact=("名称", "机构名称", "经营者"))}),
    Field("decision_date", "决定日期", "作出决定的日期：公开期限从其次日起算",
          "双公示数据标准 许可决定日期 / 处罚决定日期；民法典 第二百零一条（当日不计入）",
          Words(contains=("许可决定日期", "处罚决定日期", "作出行政决定日期", "作出决定日期", "决定作出日期",
                          "行政决定日期", "决定日期", "决定时间", "处罚日期", "许可日期", "审批日期", "作出日期",
                          # what licence ledgers call the day the licence was granted
                          "准予许可日期", "批准日期", "核准日期", "发证日期", "登记日期", "批准时间", "核准时间",
                          "发证时间", "许可时间", "审批时间", "处罚时间", "核发日期", "核发时间", "颁证日期", "颁发日期",
                          "颁证时间", "取证日期",
                          # a licence's later decisions, dated on a row of its own ledger (变更, 延续, 注销)
                          "换证日期", "换发日期", "补证日期", "变更日期", "延续日期", "注销日期",
                          # the decision document's date (处罚决定书日期, 作出处罚决定的日期)
                          "决定书日期", "决定的日期", "决定作出时间", "决定书签发日期", "决定书签发时间", "决定下达日期", "决定书下达日期",
                          "决定书下发日期", "决定下发日期",
                          "签发日期", "签发时间", "文书日期", "下达日期", "出具日期", "作出时间", "下达时间", "发文日期",
                          "发文时间", "批复日期", "批复时间", "审批通过日期", "审批通过时间", "落款日期")),  # signed, issued
          # a reconsideration or a court's decision on it is another body's decision, with its own date
          # (a 变更决定 or 撤销决定 is the unit's own decision: a 变更 ledger is dated by it)
          exclude=("截止", "有效期", "公开", "公示", "上网", "发布", "更新", "入库", "复议", "诉讼",
                   # the penalty's own later steps, each a decision of its own that is not published as it:
                   # 延期（分期）缴纳罚款决定, 强制执行决定, 催告
                   "延期", "分期", "缴纳", "缴款", "执行", "催告",
                   # the application's day (收件登记日期, 申请登记日期), before any decision
                   "收件", "接件", "申请日期", "申请时间", "申请登记")
          + NOT_PUBLICATION,
          # a government site's catalogue: the day the decision document was signed
          only={ONLINE: Words(contains=("成文日期",))}),
    Field("published_date", "公开日期", "决定上网公开的日期；数据标准中没有这一项，"
          "各单位叫法不一", "西政办发〔2016〕55号（20 个工作日内上网公开）；国办发〔2015〕51号",
          Words(contains=("上网公开日期", "信息公开日期", "网上公开日期", "公开日期", "公示日期", "发布日期",
                          "上网日期", "公开时间", "公示时间", "发布时间", "上网时间", "公开发布日期", "公布日期",
                          "挂网日期", "挂网时间", "上线日期", "上线时间", "公开的日期", "公示的日期", "公布时间", "公告日期",
                          "公告时间", "网站及时间", "网站及日期", "网址及时间", "网址及日期",  # 公示网站及时间
                          # the day the notice period starts is the day it went online (its end is not)
                          "公示开始日期", "公示起始日期", "公示开始时间", "公示起始时间", "公开开始日期", "公开起始日期",
                          "公示期开始日期", "公示期起始日期", "公示期开始时间", "公示期起始时间",
                          "公示起止日期", "公示起止时间", "公开起止日期", "公开起止时间"),  # a range: its first day (date_words)
                weak=("数据更新时间戳", "入库时间", "更新时间", "入库日期", "更新日期"), exact=("公示日", "公开日", "公布日")),
          # taken down after 信用修复 (撤销公示日期); not 撤销许可决定公示日期, a revocation's own publication
          exclude=("截止", "有效期", "结束", "到期", "期满", "终止", "决定日期", "作出日期", "撤销公示", "撤销公开",
                   "撤回公示", "撤下", "撤除", "停止公示", "停止公开", "下线", "屏蔽",
                   # a notice before the decision (拟许可公示, 批前公示, 听证公告; 受理: NOT_PUBLICATION), not its publication
                   "拟", "批前", "事前", "预公示", "听证",
                   "计划", "预计", "预定", "应公开", "应公示", "截至", "公示撤销", "公开撤销", "移出", "撤出",
                   # the unit's own due date (最迟公开日期, 要求公开日期): a deadline, never the publication
                   "最迟", "最晚", "要求", "规定", "应于", "应当", "法定", "承诺") + NOT_PUBLICATION,
          # A government site's 信息公开 list dates an item by 生成日期 (in a ledger it is not publication);
          # an edit time stands in only there. Its 成文日期 is the day the document was signed: the decision's.
          # 生成日期 is when the catalogue entry was made: 发布日期 beside it is the publication.
          # a 公示期限 column holds the period (2025.11.06-2026.11.05: its first day, date_words.py) where no
          # publication-date column is there (lesser: it gives way to one); a credit export may have only it
          # and an update time, and the period's start is the better date (the update time only bounds it)
          only={ONLINE: Words(lesser=("生成日期", "公示期限", "公示期间", "公开期限", "公示期", "公开期"),
                              weak=("修改时间",)),
                LEDGER: Words(lesser=("公示期限", "公示期间", "公开期限", "公示期", "公开期"))}),
    # A 是否公开 / 状态 column: what the unit says, not when. A mark without a date is a data problem
    # (标注已公开，但没有公开日期), never a verdict of non-publication (docs/rules.md §8).
    Field("published_marked", "公开状态", "台账标注的是否已公开（已公开/是/未公开）：有标注而无公开日期时提示核实",
          "各单位台账的“是否公开”“公开状态”栏（数据标准中没有这一项）",
          Words(contains=("是否公开", "公开状态", "是否公示", "公示状态", "是否上网", "公开情况", "公示情况", "上网情况", "是否已公开",
                          "是否已公示", "是否按时公开", "是否按时公示", "是否及时公开", "是否及时公示"),
                exact=("状态",)),
          exclude=("日期", "时间", "网址", "链接"), readers=(LEDGER,)),
    # 撤销公示日期 (taken down after 信用修复): the decision was online, whatever the publication date says.
    Field("withdrawn_date", "撤销公示日期", "决定从网上撤下的日期（如信用修复后撤销公示）：有撤下日期而无公开日期时提示核实，不判为逾期未公开",
          "信用修复后撤销公示（各单位台账的“撤销公示日期”栏）",
          Words(contains=("撤销公示日期", "撤销公开日期", "撤销公示时间", "撤销公开时间", "撤下日期", "撤下时间",
                          "撤回公示日期", "停止公示日期", "撤除公示日期", "下线日期", "下线时间", "屏蔽日期",
                          "公示撤销日期", "公开撤销日期", "移出公示日期", "移出日期", "撤出公示日期")),
          readers=(LEDGER,)),
    # 备注 saying 已在区政府网站公开 or 不予公开 beside a blank date: the same claims as 是否公开's, in free text.
    Field("remarks", "备注", "台账的备注：写着已公开（如“已在区政府网站公开”）或不予公开而没有公开日期时提示核实",
          "双公示数据标准 备注",
          Words(contains=("备注",)), exclude=("日期", "时间"), readers=(LEDGER,)),
    # The national template's 当前状态 (正常 / 撤销 / 异议): a 撤销 or 作废 beside a blank date is the unit's claim.
    Field("decision_state", "当前状态", "决定的当前状态（正常/撤销/作废）：写着撤销、作废而没有公开日期时，列为单位自称无需公开，请法制办确认",
          "双公示数据标准 当前状态",
          Words(contains=("当前状态", "决定状态", "案件状态", "文书状态", "办理状态", "审批状态", "办件状态", "办理结果", "审批结果")),
          exclude=("日期", "时间"), readers=(LEDGER,)),
    # A licence ledger's 业务类型 (新办 / 变更 / 延续 / 注销): a 注销 row dated by 发证日期 may carry the original
    # grant's day, years before this decision (ingest/later_actions.py, docs/rules.md §8).
    Field("business_type", "业务类型", "许可证台账每一行办理的业务（新办、变更、延续、注销等）：注销、变更等行的决定日期取自发证日期时提示核实",
          "各单位许可证台账的“业务类型”“办理类型”栏（数据标准中没有这一项）",
          Words(contains=("业务类型", "办理类型", "申请类型", "办件类型", "业务类别", "办理类别", "发证类型", "申办类型")),
          exclude=("日期", "时间"), readers=(LEDGER,)),
    Field("unit", "单位", "作出决定的单位：报告按它分组、排名",
          "双公示数据标准 许可机关 / 处罚机关（2019 版另有 数据来源单位）",
          Words(contains=("作出决定机关", "处罚机关", "许可机关", "实施机关", "决定机关", "执法机关", "审批机关",
                          "实施单位", "执法单位", "审批单位", "所属单位", "执法部门", "审批部门", "实施部门",
                          "决定部门", "许可部门", "处罚部门", "发文机关", "发证机关", "发证单位", "许可单位",
                          "处罚单位", "执法机构", "处罚机构", "审批机构", "许可机构",
                          # 作出决定单位, 作出处罚决定的机关, 行政机关, 机关名称: a unit's own words for it
                          "决定单位", "决定的机关", "决定的单位", "行政机关", "机关名称",
                          # a 执法监督 summary's column for each bureau (not 办案单位 / 承办单位: a bureau's own squad)
                          "执法主体", "处罚主体", "实施主体", "许可主体", "决定主体"),
                exact=("单位", "机关", "部门"),
                # who sent the data, when no column names who decided
                # 单位名称 alone is either: the unit in a summary, the company in a penalty ledger (its
                # cells tell, ingest/unit_column.py), so it only stands in for a missing unit column
                weak=("填报单位", "报送单位", "数据来源单位", "单位名称",
                      # a 政务服务中心 export: the department each application went to (probe p86)
                      "办理部门", "受理部门", "办件部门", "主办部门", "部门名称")),
          exclude=("代码", "统一社会信用", "序号", "编码", "被处罚", "被许可", "被检查"),  # 被处罚主体: the party
          # On a website 发布机构 is who put the item online, which there is the deciding unit; a
          # ledger's 发布机构 may be the site's office, and the file's unit is the better guess.
          only={ONLINE: Words(contains=("发布机构", "公开单位", "公示机关", "公开机关", "发布机关", "公示单位", "发布单位"),
                             exact=("来源",), weak=("信息来源", "来源单位"))}),
    Field("category", "类别", "行政许可还是行政处罚：决定适用哪一个期限",
          "国办发〔2015〕51号（双公示：行政许可和行政处罚）",
          Words(contains=("信息类别", "信息类型", "公示类别", "公示类型", "决定类别", "决定类型", "数据类别", "数据类型",
                          "事项类型", "事项类别", "决定种类", "权力类别", "权力类型", "职权类别", "职权类型", "执法类别",
                          "执法类型", "执法种类", "行为类别", "行为类型", "行为种类", "权力种类", "职权种类"),  # 执法公示
                exact=("类别", "类型", "分类", "种类", "许可/处罚", "许可或处罚", "许可/处罚类别", "行政行为", "执法行为"),
                # an approval system's export: the matter's name says 许可, 备案 or 行政确认 where it says any
                weak=("事项名称", "办理事项", "审批事项", "权力事项名称")),
          exclude=("处罚类别", "审批类别", "相对人类别", "违法行为", "许可类别", "证件类型")),  # a kind within one
    Field("title", "标题", "网站信息的标题：文书号和行政相对人常写在其中",
          "政府网站信息公开目录（标题、索引号、发布机构、生成日期）",
          Words(contains=("标题", "信息名称", "信息标题", "公开信息名称", "文件名称", "题名"), exact=("名称",)),
          exclude=("相对人", "当事人", "企业", "法定代表人", "许可证"), readers=(ONLINE,)),
    Field("index", "索引号", "政府网站信息公开目录的索引号", "政府信息公开目录 索引号",
          Words(contains=("索引号",)), readers=(ONLINE,)),
    # In a ledger, a page's address beside a blank publication date says the decision is online
    # (标注已公开，但没有公开日期), never 逾期未公开 (ingest/published_words.page_links).
    Field("link", "链接", "信息在网站上的地址（台账中：有网页地址而无公开日期时提示核实）", "政府网站信息公开目录",
          Words(contains=("链接", "网址", "URL", "url", "网页地址"))),
)
BY_NAME = {f.name: f for f in TABLE}
FIELDS = tuple(BY_NAME)
LABELS = {f.name: f.label for f in TABLE}

EXACT_BONUS = 1000
WEAK_SCORE = 1
LESSER_SCORE = 2  # below every contained word (two characters or more), above a stand-in


# The 双公示 standard's field codes, which platform templates and exports use as headers (alone, or in a row
# under the names): each read as the standard's name, so that every word of the table applies to it.
_CODE_NAMES = {"XDR_MC": "行政相对人名称", "XDR_LB": "行政相对人类别", "XDR_SHXYM": "统一社会信用代码",
               "FRDB": "法定代表人", "FR_ZJLX": "法定代表人证件类型", "FR_ZJHM": "法定代表人证件号码",
               "XDR_ZJLX": "证件类型", "XDR_ZJHM": "证件号码", "JDRQ": "决定日期", "ZT": "当前状态",
               "SJLY": "数据来源单位", "LYDW": "数据来源单位", "SJLYDM": "数据来源单位统一社会信用代码",
               "LYDWDM": "数据来源单位统一社会信用代码"}
_PERMIT_CODES = {"XKWS": "行政许可决定文书名称", "WSH": "行政许可决定文书号", "XKLB": "许可类别", "XKZS": "许可证书名称",
                 "XKBH": "许可编号", "NR": "许可内容", "JDRQ": "许可决定日期", "YXQZ": "有效期自", "YXQZI": "有效期至",
                 "XKJG": "许可机关", "XKJGDM": "许可机关统一社会信用代码"}
_PENALTY_CODES = {"WSH": "行政处罚决定书文号", "WFXW": "违法行为类型", "SY": "违法事实", "WFSS": "违法事实",
                  "YJ": "处罚依据", "CFLB": "处罚类别", "NR": "处罚内容", "NR_FK": "罚款金额（万元）",
                  "NR_WFFF": "没收违法所得、没收非法财物的金额（万元）", "NR_ZKDX": "暂扣或吊销证照名称及编号",
                  "JDRQ": "处罚决定日期", "YXQ": "处罚有效期", "GSJZQ": "公示截止期", "CFJG": "处罚机关",
                  "CFJGDM": "处罚机关统一社会信用代码"}
STANDARD_CODES = {**{f"{p}_{c}": n for p in ("XK", "CF") for c, n in _CODE_NAMES.items()},
                  **{f"XK_{c}": n for c, n in _PERMIT_CODES.items()}, **{f"CF_{c}": n for c, n in _PENALTY_CODES.items()},
                  "BZ": "备注"}


def normalise_header(value: object) -> str:
    """Full-width to half-width, no spaces, no line breaks, no required-field stars, one bracket form;
    a standard field code (CF_WSH) as the standard's name (行政处罚决定书文号)."""
    text = unicodedata.normalize("NFKC", str(value if value is not None else ""))
    text = re.sub(r"\s+", "", text)
    text = text.strip("*＊").replace("(", "（").replace(")", "）")
    return STANDARD_CODES.get(text.upper(), text) if text.isascii() else text


_PERIOD_END = re.compile(r"（(?:止|至|讫|截止|截至|结束|到期|期满|届满|终止)(?:日期|时间|日)?）")
_DAYS_OF_DECISION = ("decision_date", "published_date")


def _strip_notes(text: str) -> str:
    # 许可决定日期（必填） / 公开日期(yyyy-mm-dd) -> the name itself
    return re.sub(r"（[^）]*）$", "", text) or text


@dataclass(frozen=True)
class _Scored:
    """One field's words as a reader sees them."""

    name: str
    contains: tuple[str, ...]
    exact: tuple[str, ...]
    weak: tuple[str, ...]
    lesser: tuple[str, ...]
    exclude: tuple[str, ...]


def _for_reader(reader: str) -> tuple[_Scored, ...]:
    out = []
    for f in TABLE:
        if reader not in f.readers:
            continue
        extra = f.only.get(reader, Words())
        out.append(_Scored(f.name, f.words.contains + extra.contains, f.words.exact + extra.exact,
                           f.words.weak + extra.weak, f.words.lesser + extra.lesser, f.exclude))
    return tuple(out)


_READERS = {reader: _for_reader(reader) for reader in (LEDGER, ONLINE)}


@dataclass(frozen=True)
class FieldRules:
    """The table as one reader scores it, with the config file's [columns] synonyms."""

    reader: str = LEDGER
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (field, normalised words)
    quality: bool = True  # also read the columns the quality checks need (quality/columns.py)

    def with_synonyms(self, synonyms: dict[str, list[str]]) -> "FieldRules":
        words = tuple((name, tuple(normalise_header(s) for s in values)) for name, values in synonyms.items())
        return FieldRules(self.reader, words, self.quality)

    def for_reader(self, reader: str) -> "FieldRules":
        """The same synonyms, scored for another kind of file (LEDGER or ONLINE)."""
        return FieldRules(reader, self.synonyms, self.quality)

    def score(self, header: object) -> dict[str, int]:
        """Field -> how specifically this header names it (absent: not at all)."""
        text = normalise_header(header)
        if not text:
            return {}
        bare = _strip_notes(text)
        # Notes in brackets say nothing about the field: 公开（公示）日期, 上网公开日期（20个工作日内）.
        plain = re.sub(r"（[^）]*）", "", text) or text
        # …except one that says the period's end: 公示日期（止） is when the publicity period ends, months
        # after it went online (read as a second publication date, every on-time row became 数据有误)
        period_end = _PERIOD_END.search(text) is not None
        extra = dict(self.synonyms)
        scores: dict[str, int] = {}
        for f in _READERS[self.reader]:
            best = 0
            for word in extra.get(f.name, ()):  # a user's own synonym is exact intent
                if word and (bare == word or text == word):
                    best = max(best, 2 * EXACT_BONUS + len(word))
                elif word and word in text:
                    best = max(best, EXACT_BONUS + len(word))
            if best == 0 and (any(x in plain for x in f.exclude) or (period_end and f.name in _DAYS_OF_DECISION)):
                continue
            for word in f.contains:
                if word in plain:
                    best = max(best, len(word) + (EXACT_BONUS if bare == word else 0))
            if bare in f.exact:
                best = max(best, EXACT_BONUS)
            if best == 0 and any(word in plain for word in f.lesser):
                best = LESSER_SCORE
            if best == 0 and any(word in plain for word in f.weak):
                best = WEAK_SCORE
            if best:
                scores[f.name] = best
        return scores


# -- permit or penalty ------------------------------------------------------------------
# The kinds of penalty in 行政处罚法 (2021) 第九条; 暂扣/吊销许可证件 name a 许可 but are penalties.
PENALTY_KINDS = ("警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "没收", "暂扣", "吊销",
                 "降低资质等级", "限制开展生产经营活动", "责令停产停业", "责令停产", "责令停业", "责令关闭",
                 "限制从业", "行政拘留", "拘留")
# Pinyin initials that 双公示 platforms use for the two categories.
_CODES = {"XK": "permit", "CF": "penalty"}
_CODE_IN_NAME = re.compile(r"(?:^|[^A-Za-z])(XK|CF)(?:$|[^A-Za-z])", re.IGNORECASE)


def categories(texts) -> np.ndarray:
    """Column-wise: 许可 -> "permit", 处罚 -> "penalty" (also XK/CF, and the kinds of penalty);
    None when a text says neither or both. The one guesser for cells, headers, sheet and file names
    and online titles; each distinct text is looked at once."""
    codes, uniques = _distinct(texts)
    text = pd.Series(uniques, dtype=object).map(normalise_header)
    penalty_kind = text.str.contains("|".join(PENALTY_KINDS)).to_numpy(bool)  # 吊销许可证 says 许可
    says_permit = text.str.contains("许可", regex=False).to_numpy(bool)
    permit = says_permit | text.str.contains("审批|执业登记", regex=True).to_numpy(bool)  # 医疗机构执业登记: a licence
    penalty = text.str.contains("处罚", regex=False).to_numpy(bool)
    code = text.str.upper().map(_CODES).to_numpy(object)  # the whole text is XK or CF
    found = text.str.findall(_CODE_IN_NAME).map(lambda c: {m.upper() for m in c})
    named = found.map(lambda c: _CODES[next(iter(c))] if len(c) == 1 else None).to_numpy(object)
    # Weakest first, each later rule overriding: 许可/处罚 words, one code inside a name, the whole
    # text a code, a kind of penalty.
    out = np.full(len(text), None, dtype=object)
    out[permit & ~penalty] = "permit"
    out[penalty & ~permit] = "penalty"
    use = pd.notna(named) & ~says_permit & ~penalty
    out[use] = named[use]
    out[pd.notna(code)] = code[pd.notna(code)]
    out[penalty_kind] = "penalty"
    # 关于准予黄石安全警告标志有限公司…许可的决定: a grant, whatever words the party's name holds
    grant = text.str.contains(_GRANT).to_numpy(bool) & ~penalty & ~text.str.contains("吊销|暂扣").to_numpy(bool)
    out[grant] = "permit"
    return out[codes] if len(codes) else np.zeros(0, dtype=object)


_GRANT = r"准予\S*许可|许可的决定|许可决定书"


def _distinct(values) -> tuple[np.ndarray, list[str]]:
    """(codes, distinct texts): a blank cell (None, NaN) is the text "", listed last for code -1."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    return codes, [str(u) for u in uniques] + [""]


def category_from_text(text: str) -> str | None:
    """One text's category (see ``categories``)."""
    return categories([text])[0]


# -- unit names -------------------------------------------------------------------------
def unit_names(values: pd.Series, aliases: dict[str, list[str]] | None = None) -> pd.Series:
    """Unit names column-wise: full-width to half-width, whitespace dropped; then every name a unit
    goes by (compliance.toml [units]) -> the name declared there. Once per distinct name.
    The one normaliser for ledger units, online-list units and the keys that match them."""
    codes, uniques = _distinct(values.to_numpy(object))
    spelled = pd.Series([unit_name(t) for t in uniques], dtype=object)
    if aliases:
        spelled = spelled.map(alias_table(aliases)).fillna(spelled)
    out = spelled.to_numpy(object)[codes] if len(codes) else np.zeros(0, dtype=object)
    return pd.Series(out, index=values.index, dtype=object)


# A stamp note after a unit's name (区安监局（盖章）) or before it (盖章：区安监局, （公章）区安监局) is where
# the seal goes, never part of the name.
_STAMP_NOTE = re.compile(r"\((?:加?盖?公?章|签章|印章|签字盖章|盖章处)\)$|^(?:\((?:加?盖?公?章|签章|印章|签字盖章|盖章处)\)"
                         r"|(?:加?盖?公?章|签章|印章|签字盖章|盖章处):)")


# An office's section after its name (区人社局政策法规科, 区城管局执法一中队): who in the office filled it in; the
# office is the unit (as a section in the unit column, ingest/unit_column.SECTION).
# So is a town's, and a village or community under its name (澄月街道综合执法中队, 章山镇城管中队, 章山镇新港村委会:
# the town, probe p91 F2); not a 城镇, 乡镇 or 乡村 inside an office's or a section's own name (城镇管理科, 乡镇企业股,
# 区乡村振兴局综合股: review rev66 M4).
_SECTION_AFTER = re.compile(r"(?:(?<=[局委办厅])[\u4e00-\u9fff\d]{1,8}?(?:科|股|中队)"
                            r"|(?:(?<=街道)|(?<=[^城乡]镇)|(?<=[^城乡区县市]乡)(?![镇村])|(?<=[^\W城区县市]乡镇))"
                            r"[\u4e00-\u9fff\d]{1,8}?"
                            r"(?:科|股|中队|村民委员会|村委会|居民委员会|居委会|社区|(?<!农)村))$")


# Its former names after an office's (区应急管理局（原安监局）, 区市场监管局（原工商局、质监局）): the office named first.
FORMER_NAME = re.compile(r"(?<=[局委办厅府队所])[(（](?:原|即原|曾用名|前身为?)[^()（）]{1,20}[)）]$")


def alias_table(aliases: dict[str, list[str]]) -> dict[str, str]:
    """{every name compliance.toml [units] gives a unit, spelled as unit_name spells it: the name declared};
    区发改局（区物价局） declared: a ledger naming either is that unit, unless another is declared so."""
    table = {unit_name(alias): name for name, others in aliases.items() for alias in [name, *others]}
    for name in aliases:
        for parts in _BRACKETED.findall(unit_name(name)):
            for part in parts:
                table.setdefault(part, name)
    return table


_BRACKETED = re.compile(r"^(.+?)\((.+)\)$")  # unit_name writes brackets half-width


def unit_name(name: str) -> str:
    """One unit name as ``unit_names`` spells it (区（东）局 = 区(东) 局; 区安监局 = 区安监局（盖章） = 区安监局法规科)."""
    return _SECTION_AFTER.sub("", FORMER_NAME.sub("", _STAMP_NOTE.sub("", "".join(unicodedata.normalize("NFKC", name).split()))))
