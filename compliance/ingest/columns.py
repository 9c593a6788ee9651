"""Which column holds which field: the table of compliance/fields.py applied to a header row.

Used by both readers (ledgers here, online lists in online/): a header goes to
the field it names most specifically; the scoring itself is ``FieldRules.score``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..fields import EXACT_BONUS, LABELS, WEAK_SCORE, FieldRules, category_from_text, normalise_header
from ..problems import Problem, problem
from .cells import cell_text
from .docnumbers import PLACEHOLDERS


@dataclass
class ColumnMap:
    """Which column holds which field, and what was noticed on the way."""

    columns: dict[str, int]
    headers: list[str]
    notes: list[Problem] = field(default_factory=list)  # without a place: the sheet adds it
    scores: dict[str, int] = field(default_factory=dict)  # field -> the score its column won with
    # field -> a second column that names it as well (the dates in ``compared``: rows where the two
    # disagree are data problems, the others are judged)
    alternates: dict[str, int] = field(default_factory=dict)
    # field -> a stand-in column beside the real one (许可证编号 beside 文书号): it fills that field's blank cells
    stand_ins: dict[str, int] = field(default_factory=dict)
    # A combined 双公示 sheet: 行政许可决定文书号 and 行政处罚决定书文号, each row filling one (kind -> column)
    number_kinds: dict[str, int] = field(default_factory=dict)

    def header_of(self, name: str) -> str | None:
        index = self.columns.get(name)
        return self.headers[index] if index is not None else None

    def header_again(self, texts: dict[str, pd.Series], rows: int) -> np.ndarray:
        """Of ``rows`` rows, those whose cell under a field is that field's own header: the header repeated
        inside the data (sheets or exported pages pasted one under another). ``texts``: field -> its cells."""
        again = np.zeros(rows, dtype=bool)
        for name, values in texts.items():
            label = self.header_of(name)
            if label and label.strip():
                again |= values.eq(label.strip()).to_numpy(bool)
        return again

    def kinds_of(self, name: str) -> dict[str, int]:
        """kind -> column when the field's column and its alternate name the two kinds (许可决定日期 |
        处罚决定日期); else empty."""
        used, other = self.columns.get(name), self.alternates.get(name)
        return {} if used is None or other is None else _by_kind(self.headers, used, other)

    def two_kinds(self) -> bool:
        """Columns of a permit's and a penalty's side by side: each row says its own kind."""
        return bool(self.number_kinds or self.kinds_of("decision_date") or self.kinds_of("published_date"))

    def is_weak(self, name: str) -> bool:
        """Mapped only by a stand-in (更新时间 for a publication date): weaker evidence."""
        return self.scores.get(name) == WEAK_SCORE


def map_columns(headers: list[str], rules: FieldRules, compared: tuple[str, ...] | None = None,
                hidden: frozenset[int] = frozenset()) -> ColumnMap:
    """Assign each field the header that names it most specifically.

    A header is given to the field it scores highest for; a header that names
    two fields equally is ambiguous and given to neither (with a note). Of two
    headers for one field, the more specific wins, then the leftmost; for the
    fields in ``compared`` (default: a ledger's two dates) the second is kept
    as an alternate, compared row by row. A ``hidden`` column (hidden in the sheet) comes after every
    visible one for its field and is never an alternate: what the sheet shows is what the unit reports
    (a hidden column of draft dates filled a blank publication date, and an overdue decision came out on
    time). It is used only when no visible column names the field, and both cases are said.
    """
    compared = TWO_COLUMNS if compared is None else compared
    notes: list[Problem] = []
    claims: dict[str, list[tuple[int, int]]] = {}
    for index, header in enumerate(headers):
        scores = rules.score(header)
        if not scores:
            continue
        top = max(scores.values())
        winners = [name for name, s in scores.items() if s == top]
        if len(winners) > 1:
            labels = "、".join(LABELS[w] for w in winners)
            notes.append(problem("column-ambiguous", header=header, labels=labels))
            continue
        claims.setdefault(winners[0], []).append((top, index))
    columns: dict[str, int] = {}
    scores: dict[str, int] = {}
    alternates: dict[str, int] = {}
    stand_ins: dict[str, int] = {}
    number_kinds: dict[str, int] = {}
    for name, found in claims.items():
        found.sort(key=lambda item: (item[1] in hidden, _first_grant(name, headers[item[1]]), -item[0], item[1]))
        columns[name] = found[0][1]
        scores[name] = found[0][0]
        used = found[0][1]
        if used in hidden:
            notes.append(problem("column-hidden-used", column=_letter(used), header=headers[used], label=LABELS[name]))
        for score, other in found[1:]:
            if other in hidden and used not in hidden:
                notes.append(problem("column-hidden-unused", column=_letter(other), header=headers[other],
                                     used=_letter(used), used_header=headers[used]))
                continue
            if score == WEAK_SCORE:  # a stand-in (数据来源单位, 更新时间) beside the real column: no doubt
                stand_ins.setdefault(name, other)
                continue
            at = dict(other=_letter(other), other_header=headers[other], used=_letter(used), used_header=headers[used])
            # a column compliance.toml [columns] names outright (2 x EXACT_BONUS) is the one: a built-in look-alike
            # beside it is set aside, not weighed row by row (every row it disagreed on was 数据有误; probe 61)
            if name in compared and name not in alternates and found[0][0] < 2 * EXACT_BONUS \
                    and (score >= ALTERNATE_MIN_SCORE[name] or _names_a_site(name, headers[other])
                         or _by_kind(headers, used, other)) \
                    and not _outranked(name, headers[used], headers[other]):
                alternates[name] = other
                notes.append(problem("decision-date-first-grant" if _first_grant(name, headers[other])
                                     else TWO_COLUMN_NOTES[name], **at))
            elif kinds := (_numbers_by_kind(headers, used, other) if name == "document_number" and not number_kinds else {}):
                number_kinds = kinds
                notes.append(problem("numbers-by-kind", **{key: value for kind, index in number_kinds.items() for key, value
                                                           in ((kind, _letter(index)), (f"{kind}_header", headers[index]))}))
            else:
                notes.append(problem("column-duplicate", **at, label=LABELS[name]))
    return ColumnMap(columns, [str(h) for h in headers], notes, scores, alternates, stand_ins, number_kinds)


# A decision document's number, not a licence's (许可证编号, 食品经营许可证号) nor an earlier one (原…文书号).
_DECISION_NUMBER = re.compile(r"^(?!.*(?:原|证|变更前)).*(?:文书号|文号|决定书号|决定书编号)")


def _numbers_by_kind(headers: list, used: int, other: int) -> dict[str, int]:
    """kind -> column when both are decision numbers, one naming each kind (行政许可决定文书号 |
    行政处罚决定书文号); else empty."""
    decided = all(_DECISION_NUMBER.search(normalise_header(headers[c])) for c in (used, other))
    return _by_kind(headers, used, other) if decided else {}


def one_cell_per_row(frame: pd.DataFrame, by_kind: dict[str, int], text=None) -> tuple[pd.Series, np.ndarray]:
    """(the cell each row fills of two columns, one per kind; the kind of the column it is in, None where
    neither or both are filled).
    ``text``: cells -> display text (default cells.cell_text)."""
    text = text or cell_text
    (kind_a, a), (kind_b, b) = by_kind.items()
    blank = pd.Series("", index=frame.index, dtype=object)
    first = (text(frame[a]) if a in frame.columns else blank).reset_index(drop=True)
    second = (text(frame[b]) if b in frame.columns else blank).reset_index(drop=True)
    has_a, has_b = first.ne("").to_numpy(bool), second.ne("").to_numpy(bool)
    kind = np.where(has_a & ~has_b, kind_a, np.where(has_b & ~has_a, kind_b, None)).astype(object)
    return first.where(has_a, second), kind


def kinds_of_rows(frame: pd.DataFrame, mapping: ColumnMap, text=None) -> tuple[pd.Series | None, np.ndarray | None]:
    """A combined sheet's (number per row or None, kind per row or None): the number column a row filled
    (行政许可决定文书号 | 行政处罚决定书文号), else the date column it filled where two name the two kinds
    (许可决定日期 | 处罚决定日期, then 许可公示日期 | 处罚公示日期)."""
    number, kind = one_cell_per_row(frame, mapping.number_kinds, text) if mapping.number_kinds else (None, None)
    for name in ("decision_date", "published_date"):
        named = mapping.kinds_of(name)
        if named and (kind is None or pd.isna(kind).any()):
            by_date = one_cell_per_row(frame, named, text)[1]
            kind = by_date if kind is None else np.where(pd.isna(kind), by_date, kind)
    return number, kind


# Fields whose second column is compared row by row rather than set aside: 批准日期 and 发证日期 are
# both the decision date; a doubt about some rows must not hide every row's lateness.
# So is a second publication date (公示日期 beside 上网公开日期): taking one silently made a decision the
# other column shows on time come out late.
TWO_COLUMNS = ("decision_date", "published_date")
TWO_COLUMN_NOTES = {"decision_date": "decision-date-two-columns", "published_date": "published-date-two-columns"}
# A second publication date must be named as one outright (公示日期, 上网日期): a column that only mentions it
# (决定及公开日期) is no witness against the first.
ALTERNATE_MIN_SCORE = {"decision_date": WEAK_SCORE + 1, "published_date": EXACT_BONUS}


# Where a decision went online. A second publication column that names its site (政府网站公开日期,
# 信用中国公示日期; under a grouped header 上网公开日期 over 区政府网站) is a witness as good as a bare
# 公示日期: read as a mere duplicate, a decision it shows published on time came out late or overdue.
_SITES = ("网站", "信用", "政府", "平台", "门户", "公示系统", "中国")
_NOT_WHEN_PUBLISHED = ("决定", "应公开", "应公示", "最迟", "要求", "计划", "拟")


def _names_a_site(name: str, header: object) -> bool:
    text = normalise_header(header)
    return name == "published_date" and any(site in text for site in _SITES) \
        and not any(word in text for word in _NOT_WHEN_PUBLISHED)


def _by_kind(headers: list, used: int, other: int) -> dict[str, int]:
    """kind -> column when one header names a permit's and the other a penalty's (许可公示日期 | 处罚公示日期);
    else empty."""
    kinds = {category_from_text(normalise_header(headers[c])): c for c in (used, other)}
    return kinds if None not in kinds and len(kinds) == 2 else {}


def _outranked(name: str, used: str, other: str) -> bool:
    """A column that names the decision outright (许可决定日期) beside one that is only its stand-in in
    licence ledgers (发证日期, 批准日期): the licence may be issued days later, which is no disagreement."""
    return name == "decision_date" and "决定" in normalise_header(used) and "决定" not in normalise_header(other)


def _first_grant(name: str, header: str) -> bool:
    return name == "decision_date" and first_grant(header)


def first_grant(header) -> bool:
    """初次发证日期, 首次登记日期 beside 发证日期 in a renewal (延续) ledger: the licence's history, years back,
    not this decision's day. The other column decides; this one only fills a row it leaves blank (a new
    licence dated only there), never weighed against it row by row."""
    return any(word in normalise_header(str(header or "")) for word in ("初次", "首次"))


def _letter(index: int) -> str:
    """0 -> A, 26 -> AA: the column as Excel labels it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Columns that only one category's sheets have (the 双公示 standards): a sheet with 处罚类别 or 违法事实
# holds penalties whatever its file is called, one with 许可类别 or 许可内容 holds permits.
ONLY_IN = {"penalty": ("处罚类别", "处罚事由", "处罚依据", "处罚结果", "处罚内容", "处罚名称", "违法事实", "违法行为类型",
                       "罚款金额", "处罚种类"),
           "permit": ("许可类别", "审批类别", "许可内容", "许可证书名称", "许可截止期")}


def header_category(mapping: ColumnMap) -> str | None:
    """What the headers say about every row: 许可决定日期 -> permit, 行政处罚决定书文号 -> penalty; then a
    column only one category has (处罚类别, 许可内容), unless columns of both are there."""
    if mapping.two_kinds():  # a permit's column and a penalty's: each row says its own
        return None
    said = {kind for header in mapping.headers for kind, words in ONLY_IN.items()
            if any(word in normalise_header(header) for word in words)}
    for name in ("decision_date", "document_number", "published_date", "unit"):
        if name == "document_number" and _licence_beside_penalty(mapping, said):
            continue
        header = mapping.header_of(name)
        found = category_from_text(header) if header else None
        if found:
            return found
    return said.pop() if len(said) == 1 else None


def issue_day_category(mapping: ColumnMap) -> str | None:
    """Permit, for a sheet dated by a licence's issue day (发证日期, 颁证日期) with no column only penalties have
    (a 资质证书 ledger of 证书编号 and 发证日期): the last word, after the sheet's, title's and file's names."""
    if mapping.two_kinds() or any(word in normalise_header(h) for h in mapping.headers for word in ONLY_IN["penalty"]):
        return None
    issued = normalise_header(mapping.header_of("decision_date") or "")
    if any(word in issued for word in _ISSUE_WORDS):
        return "permit"
    # 批准 / 核准 / 登记日期 beside a licence's number and no 文号 (a penalty's 批准时间 sits beside its 文号): probe p86
    licence = mapping.is_weak("document_number") and "document_number" in mapping.columns
    return "permit" if licence and any(word in issued for word in _GRANT_WORDS) else None


_ISSUE_WORDS = ("发证", "核发", "颁证", "颁发", "取证", "换证", "准予许可")
_GRANT_WORDS = ("批准", "核准", "登记")


def _licence_beside_penalty(mapping: ColumnMap, said: set) -> bool:
    """A licence number standing in for the 文号 (食品经营许可证号) in a sheet whose columns only penalties
    have (违法事实, 处罚种类): the party's licence, which says nothing of the category."""
    return mapping.is_weak("document_number") and said == {"penalty"}


def decision_numbers(numbers: pd.Series, category, mapping: ColumnMap,
                     licences: pd.Series | None = None) -> tuple[pd.Series, np.ndarray]:
    """(the 文书号 column as records take it, where a licence number filled a blank 文书号).

    A licence number stands in for permits only (双公示 standard: the 许可编号 where a permit has no
    文号): as the whole column when there is no 文书号 column, else in the rows whose 文书号 is blank."""
    permit = np.asarray(category, dtype=object) != "penalty"
    if mapping.is_weak("document_number"):
        return numbers.where(permit, ""), np.zeros(len(numbers), dtype=bool)
    if licences is None:
        return numbers, np.zeros(len(numbers), dtype=bool)
    blank = numbers.eq("").to_numpy(bool) | numbers.isin(PLACEHOLDERS).to_numpy(bool)
    filled = blank & (np.asarray(category, dtype=object) == "permit") & licences.ne("").to_numpy(bool) & ~licences.isin(PLACEHOLDERS).to_numpy(bool)
    return numbers.where(~filled, licences), filled


# A 文书号 split in two: 决定书字 (西人社劳许〔2024〕) beside 决定书号 (1号). Alone, 1号 of two series
# would be one number repeated, and match nothing online.
_ISSUER_HEADER = re.compile(r"^(?:决定书|文书|文号|决定文书|许可决定书|处罚决定书|行政许可决定书|行政处罚决定书)?(?:字|代字|字号)$")


def issuer_column(mapping: ColumnMap) -> int | None:
    """The unmapped column just left of the 文书号 column that holds the number's issuer and year."""
    number = mapping.columns.get("document_number")
    if number is None or number == 0 or (number - 1) in mapping.columns.values():
        return None
    return number - 1 if _ISSUER_HEADER.match(normalise_header(mapping.headers[number - 1])) else None


# The serial cell already names its issuer (西安监罚〔2024〕3号, 西安监罚2024-3号): two characters or more
# before any digit or bracket. 1号, 第1号 and 〔2024〕1号 do not.
_OWN_ISSUER = r"^\s*[^\d〔\[（(【\s第]{2,}"


_YEAR_FIRST = r"^\s*[〔\[［（(【]\s*\d{4}\s*[〕\]］）)】]"  # 〔2024〕1号: the year before the serial
_WHOLE = r"\d\s*号?\s*$"  # 西安监罚〔2024〕1号 (or …1): a number already whole


def join_mask(issuer: pd.Series, numbers: pd.Series) -> pd.Series:
    """Where the issuer's half and the serial's half make one number: both given, the serial no placeholder
    and without its own issuer, the issuer's half not already a whole number."""
    return issuer.ne("") & numbers.ne("") & ~numbers.isin(PLACEHOLDERS) \
        & ~numbers.str.contains(_OWN_ISSUER, regex=True) & ~issuer.str.contains(_WHOLE, regex=True)


def joined_numbers(issuer: pd.Series, numbers: pd.Series) -> pd.Series:
    """西人社劳许〔2024〕 + 1号, 西人社劳许 + 〔2024〕1号: the whole number, where the serial does not carry it
    (the year written in both halves counts once)."""
    issuer, numbers = issuer.reset_index(drop=True), numbers.reset_index(drop=True)
    join = join_mask(issuer, numbers)
    twice = issuer.str.contains(r"[〕\]］）)】]\s*$", regex=True) & numbers.str.contains(_YEAR_FIRST, regex=True)
    serial = numbers.where(~twice, numbers.str.replace(_YEAR_FIRST, "", regex=True))
    return (issuer + serial).where(join, numbers)

# 决定数, 已公开数, 许可决定数, 案件数量: a count per row, what a statistics table holds, never a decision's field
_COUNT_HEADER = re.compile(r"^\S{0,8}(?:数|件数|数量|个数|总数|条数)$")


# Excel's and WPS's pivot tables: 行标签 | 求和项:罚款金额 | 计数项:行政相对人名称 | 最大值项:处罚决定日期 (and
# the English names): a summary of a ledger, its rows totals or the ledger's rows again, never decisions.
_PIVOT = re.compile(r"^(?:行标签|列标签|ROWLABELS|COLUMNLABELS)$"
                    r"|^(?:求和项|计数项|最大值项|最小值项|平均值项|乘积项|数值计数项|标准偏差项|方差项)[:：]"
                    r"|^(?:SUMOF|COUNTOF|MAXOF|MINOF|AVERAGEOF)", re.I)


def pivot_table(headers: list) -> bool:
    """A header of a pivot table (行标签, 计数项:…, 最大值项:…)."""
    return any(_PIVOT.match(re.sub(r"\s+", "", str(h or ""))) for h in headers)


def statistics_table(headers: list, rules: FieldRules, body: list[list] | None = None) -> bool:
    """A table of counts (类别 | 决定数 | 已公开数 | 最早决定日期 …): dates, but no number and no party column.
    Its rows are totals, not decisions: read as a ledger they became late decisions with no number.
    A single count column holding 1 on every row (``body``: the rows under the header) beside a column only
    a decision has (案由, 罚款金额) is a ledger's 处罚件数, one decision a row."""
    mapping = map_columns(list(headers), rules)
    if "document_number" in mapping.columns or "party" in mapping.columns:
        return False
    texts = [re.sub(r"\s+", "", str(h or "")) for h in headers]
    counted = [c for c, t in enumerate(texts) if _COUNT_HEADER.match(t) and not _COMPUTED.search(t)]
    # a ledger's computed column (间隔天数, 份数) is no count; a label column (类别, 月份) makes one count enough
    if len(counted) == 1 and body is not None and any(_PER_DECISION.search(t) for t in texts) \
            and _one_each(body, counted[0]):
        return False
    return len(counted) >= 2 or (len(counted) == 1 and any(t in _LABELS for t in texts))


def _one_each(body: list[list], column: int) -> bool:
    """At least two rows count, and every count is 1 (a 合计 row's sum aside)."""
    values = [row[column] for row in body if column < len(row) and str(row[column]).strip() not in ("", "None")
              and not any(_TOTAL_WORD.search(str(cell)) for cell in row if isinstance(cell, str))]
    return len(values) >= 2 and all(str(v).strip() in ("1", "1.0") for v in values)


_TOTAL_WORD = re.compile(r"[合小总累共]计")
_PER_DECISION = re.compile(r"案由|违法|罚款|金额|事由|处罚内容|处罚依据|许可内容|许可事项|法定代表人|地址")
_COMPUTED = re.compile(r"天数|日数|份数|页数|次数|期数|年数|月数")
_LABELS = frozenset({"类别", "月份", "项目", "类型", "统计项目", "统计项", "事项类别", "时间段", "季度", "分类"})
