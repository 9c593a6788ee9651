"""Field synonyms: the national 双公示 standard (2016 and 2019+) and what units write.

Headers are matched by meaning, not by exact string: a header that contains
决定日期 is a decision date. When several keywords match, the longest (most
specific) one wins, and an exact match beats a contained one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..problems import Problem, problem

FIELDS = ("document_number", "party", "decision_date", "published_date", "unit", "category")

FIELD_LABELS = {
    "document_number": "文书号",
    "party": "行政相对人",
    "decision_date": "决定日期",
    "published_date": "公开日期",
    "unit": "单位",
    "category": "类别",
}

# Keywords contained in a header. Sources: 国家“双公示”数据标准 (2016 版, 2019 版),
# and spreadsheets as units send them (docs/rules.md §8).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "document_number": (
        "行政许可决定书文号", "行政处罚决定书文号", "行政许可决定文书号", "行政处罚决定文书号",
        "决定书文号", "决定文书号", "处罚文书号", "许可文书号", "决定书编号", "决定书号",
        "文书号", "文号", "案号", "处罚决定书号",
    ),
    "party": (
        "行政相对人名称", "相对人名称", "当事人名称", "被处罚人名称", "被许可人名称",
        "申请人名称", "被处罚人", "被许可人", "当事人", "行政相对人", "相对人", "申请人",
        "企业名称", "单位名称（相对人）", "被处罚单位", "被处罚对象", "申请单位", "被许可单位",
    ),
    "decision_date": (
        "许可决定日期", "处罚决定日期", "作出行政决定日期", "作出决定日期", "决定作出日期",
        "行政决定日期", "决定日期", "决定时间", "处罚日期", "许可日期", "审批日期", "作出日期",
    ),
    "published_date": (
        "上网公开日期", "信息公开日期", "网上公开日期", "公开日期", "公示日期", "发布日期",
        "上网日期", "公开时间", "公示时间", "发布时间", "上网时间", "公开发布日期", "公布日期", "挂网日期",
    ),
    "unit": (
        "作出决定机关", "处罚机关", "许可机关", "实施机关", "决定机关", "执法机关", "审批机关",
        "实施单位", "执法单位", "审批单位", "所属单位",
        "执法部门", "审批部门", "实施部门", "决定部门", "许可部门", "处罚部门",
    ),
    "category": (
        "信息类别", "信息类型", "公示类别", "公示类型", "决定类别", "决定类型", "数据类别",
        "数据类型",
    ),
}

# Headers that must equal one of these to count (they are too short to contain).
EXACT: dict[str, tuple[str, ...]] = {
    "category": ("类别", "类型", "分类", "许可/处罚", "许可或处罚", "许可/处罚类别"),
    "unit": ("单位", "机关", "部门"),
    "party": ("名称",),
}

# Weak stand-ins, used only when a sheet has no better column for the field.
FALLBACK: dict[str, tuple[str, ...]] = {
    # 报送/上报 dates are when the sheet was sent, never publication (docs/rules.md §8): not even a fallback.
    "published_date": ("数据更新时间戳", "入库时间", "更新时间"),
    # the unit that decided (处罚机关/许可机关) is preferred over who sent the data
    "unit": ("填报单位", "报送单位", "数据来源单位"),
}

# A header containing one of these is never the field, whatever else it holds:
# 公示截止期 is not a publication date; 行政相对人代码 is not a party name.
# 序号 is a row counter: never a unit, a party or a number. A date of sending, entering,
# reviewing, serving, filing or closing a case is never a publication date (docs/rules.md §8).
NOT_PUBLICATION = ("报送", "上报", "填报", "录入", "审核", "送达", "签收", "立案", "办结", "结案", "受理")
EXCLUDE: dict[str, tuple[str, ...]] = {
    "document_number": ("文书名称", "文书类型", "序号"),
    "party": ("代码", "类别", "类型", "证件", "法定代表人", "负责人", "地址", "序号"),
    "decision_date": ("截止", "有效期", "公开", "公示", "上网", "发布"),
    "published_date": ("截止", "有效期", "决定日期", "作出日期") + NOT_PUBLICATION,
    "unit": ("代码", "统一社会信用", "序号"),
    "category": ("处罚类别", "审批类别", "相对人类别", "违法行为类型", "许可类别", "证件类型"),
}

EXACT_BONUS = 1000
FALLBACK_SCORE = 1


def normalise_header(value: object) -> str:
    """Full-width to half-width, no spaces, no line breaks, no required-field stars."""
    text = unicodedata.normalize("NFKC", str(value if value is not None else ""))
    text = re.sub(r"\s+", "", text)
    return text.strip("*＊").replace("(", "（").replace(")", "）")


def _strip_notes(text: str) -> str:
    # 许可决定日期（必填） / 公开日期(yyyy-mm-dd) -> the name itself
    return re.sub(r"（[^）]*）$", "", text) or text


@dataclass
class ColumnRules:
    """Keyword tables, extendable by the config file's [columns] section."""

    keywords: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(KEYWORDS))
    exact: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(EXACT))
    fallback: dict[str, tuple[str, ...]] = field(default_factory=lambda: dict(FALLBACK))
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def with_synonyms(self, synonyms: dict[str, list[str]]) -> "ColumnRules":
        extra = {k: tuple(normalise_header(s) for s in v) for k, v in synonyms.items()}
        return ColumnRules(self.keywords, self.exact, self.fallback, extra)

    def score(self, header: object) -> dict[str, int]:
        """Field -> how specifically this header names it (0 = not at all)."""
        text = normalise_header(header)
        if not text:
            return {}
        bare = _strip_notes(text)
        # Notes in brackets say nothing about the field: 公开（公示）日期, 上网公开日期（20个工作日内）.
        plain = re.sub(r"（[^）]*）", "", text) or text
        scores: dict[str, int] = {}
        for name in FIELDS:
            best = 0
            for word in self.extra.get(name, ()):  # a user's own synonym is exact intent
                if word and (bare == word or text == word):
                    best = max(best, 2 * EXACT_BONUS + len(word))
                elif word and word in text:
                    best = max(best, EXACT_BONUS + len(word))
            if best == 0 and any(x in plain for x in EXCLUDE.get(name, ())):
                continue
            for word in self.keywords.get(name, ()):
                if word in plain:
                    bonus = EXACT_BONUS if bare == word else 0
                    best = max(best, len(word) + bonus)
            for word in self.exact.get(name, ()):
                if bare == word:
                    best = max(best, EXACT_BONUS)
            if best == 0 and any(word in plain for word in self.fallback.get(name, ())):
                best = FALLBACK_SCORE
            if best:
                scores[name] = best
        return scores


@dataclass
class ColumnMap:
    """Which column holds which field, and what was noticed on the way."""

    columns: dict[str, int]
    headers: list[str]
    notes: list[Problem] = field(default_factory=list)  # without a place: the sheet adds it

    def header_of(self, name: str) -> str | None:
        index = self.columns.get(name)
        return self.headers[index] if index is not None else None


def map_columns(headers: list[str], rules: ColumnRules) -> ColumnMap:
    """Assign each field the header that names it most specifically.

    A header is given to the field it scores highest for; a header that names
    two fields equally is ambiguous and given to neither (with a note). Of two
    headers for one field, the more specific wins, then the leftmost.
    """
    notes: list[Problem] = []
    claims: dict[str, list[tuple[int, int]]] = {}
    for index, header in enumerate(headers):
        scores = rules.score(header)
        if not scores:
            continue
        top = max(scores.values())
        winners = [name for name, s in scores.items() if s == top]
        if len(winners) > 1:
            labels = "、".join(FIELD_LABELS[w] for w in winners)
            notes.append(problem("column-ambiguous", header=header, labels=labels))
            continue
        claims.setdefault(winners[0], []).append((top, index))
    columns: dict[str, int] = {}
    for name, found in claims.items():
        found.sort(key=lambda item: (-item[0], item[1]))
        columns[name] = found[0][1]
        used = found[0][1]
        for _, other in found[1:]:
            notes.append(problem("column-duplicate", other=_letter(other), other_header=headers[other],
                                 used=_letter(used), used_header=headers[used], label=FIELD_LABELS[name]))
    return ColumnMap(columns, [str(h) for h in headers], notes)


def _letter(index: int) -> str:
    """0 -> A, 26 -> AA: the column as Excel labels it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# The kinds of penalty in 行政处罚法 (2021) 第九条; 暂扣/吊销许可证件 name a 许可 but are penalties.
PENALTY_KINDS = ("警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "没收", "暂扣", "吊销",
                 "降低资质等级", "限制开展生产经营活动", "责令停产停业", "责令停产", "责令停业", "责令关闭",
                 "限制从业", "行政拘留", "拘留")

# Pinyin initials that 双公示 platforms use for the two categories.
_CODES = {"XK": "permit", "CF": "penalty"}
_CODE_IN_NAME = re.compile(r"(?:^|[^A-Za-z])(XK|CF)(?:$|[^A-Za-z])", re.IGNORECASE)


def category_from_text(text: str) -> str | None:
    """许可 -> permit, 处罚 -> penalty (also XK/CF); None when it says neither or both."""
    text = normalise_header(text)
    if any(kind in text for kind in PENALTY_KINDS):  # 吊销许可证 is a penalty, though it says 许可
        return "penalty"
    if text.upper() in _CODES:
        return _CODES[text.upper()]
    codes = {m.upper() for m in _CODE_IN_NAME.findall(text)}
    if len(codes) == 1 and "许可" not in text and "处罚" not in text:
        return _CODES[codes.pop()]
    permit = "许可" in text or "审批" in text
    penalty = "处罚" in text
    if permit and not penalty:
        return "permit"
    if penalty and not permit:
        return "penalty"
    return None
