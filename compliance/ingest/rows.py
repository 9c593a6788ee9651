"""Which rows below a header are records, and which are not (docs/rules.md §8).

Decided from the same evidence in every format (the cell count and first
non-blank cell of each row, over all its columns): blank rows, footers and
totals (合计, 合  计, 制 表 人：, an Excel table's 汇总 row), hint rows
（必填）/（yyyy-mm-dd）, example rows (示例), repeated headers and section
rows (一、行政许可), which set the category of the rows below them.
A row that carries decision content (a party, or several cells) is a record
even with no number and no dates: it is judged invalid, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .action_kinds import kind_from_text
from .body import Evidence
from .cells import cell_text, per_distinct
from ..dates import FORMULA_NO_VALUE
from .columns import ColumnMap
from .docnumbers import PLACEHOLDERS
from .header import EXAMPLE, NON_RECORD, SECTION, SIGNATURE, STAMP_LINE
from .unit_column import SECTION as UNIT_SECTION
from .unit_text import unit_in_text
from ..textscan import contains_any, matches


@dataclass
class RowKinds:
    blank: np.ndarray
    header: np.ndarray
    note: np.ndarray
    example: np.ndarray
    section: np.ndarray  # category a section row sets for the rows below it (None elsewhere)
    labelled: np.ndarray  # records whose first cell says 小计/合计/注 (kept, and flagged)
    section_row: np.ndarray | None = None  # the section rows themselves (一、行政许可)
    unit_block: np.ndarray | None = None  # the unit a block row above names (一、区安监局), None before any

    @property
    def record(self) -> np.ndarray:
        return ~(self.blank | self.header | self.note | self.example)

    def trailing_section(self) -> str | None:
        """The category a section row after the last record sets (二、行政处罚 before the next header)."""
        sections = np.flatnonzero(self.section_row) if self.section_row is not None else []
        records = np.flatnonzero(self.record)
        if not len(sections) or (len(records) and records[-1] > sections[-1]):
            return None  # no section row since the last record: nothing new to say
        return self.section[sections[-1]]


def first_texts(evidence: Evidence) -> pd.Series:
    """Each row's first non-blank cell as text, with the spaces taken out (合  计 -> 合计)."""
    text = cell_text(pd.Series(evidence.first, dtype=object))
    return pd.Series(per_distinct(text.to_numpy(object), _no_spaces), dtype=object)


def _no_spaces(texts: np.ndarray) -> np.ndarray:
    # str.split() splits on exactly the characters that regex \s matches in str patterns.
    return np.array(["".join(t.split()) for t in texts], dtype=object)


_NOTE_OR_EXAMPLE = re.compile(f"(?:{NON_RECORD.pattern})|(?:{EXAMPLE.pattern})", re.IGNORECASE)


# A count (3, 3件) or a COUNTA formula saved without its value: what a total row holds. Small numbers
# only: a date serial (32874 and up for 1990 on) is no count. And what a 栏次 row under a header holds,
# numbering the columns: 1 2 3, （1）（2）, 甲 乙 丙.
COUNT_CELL = re.compile(rf"^(?:(?:共|计|合计|总计|累计)?\s*\d{{1,4}}(?:\.0)?\s*(?:件|条|项|宗|个|户|起)?|[（(]\d{{1,2}}[）)]|[甲乙丙丁戊己庚辛]|"
                    rf"{FORMULA_NO_VALUE})$")


def _counts_only(*columns: pd.Series) -> np.ndarray:
    """Rows whose number, party and dates hold nothing but counts: a total row, not a decision."""
    filled = np.zeros(len(columns[0]), dtype=bool)
    countish = np.ones(len(columns[0]), dtype=bool)
    for column in columns:
        texts = column.to_numpy(object)
        has = texts != ""
        filled |= has
        look = np.flatnonzero(has & countish)  # a row already ruled out needs no second look
        if len(look):
            countish[look] = per_distinct(texts[look], lambda t: matches(COUNT_CELL, t)).astype(bool)
    return filled & countish


def _signature_date(blank, has_doc, has_date, party: pd.Series, evidence: Evidence) -> np.ndarray:
    """A lone date below the block's last row that names a decision (its number or party): the date of
    the signature block (落款 2016年11月5日), not a decision to judge as 逾期未公开. Higher up, the same
    row stays a record (judged invalid or by its date), never dropped unseen."""
    # The same block written into the party column: 区住建局 over 2024年6月5日 (or alone), one cell each, under
    # the last row with a number or a date: the signer and the day, not decisions with no number.
    judged = np.flatnonzero(~blank & (has_doc | has_date))
    after = np.arange(len(blank)) > (judged[-1] if len(judged) else len(blank))
    single = after & (evidence.count == 1) & ~has_doc & ~has_date
    signed = np.zeros(len(blank), dtype=bool)
    if single.any():
        texts = party.to_numpy(object)
        dated = single & matches(_DATE_ONLY, texts)
        signer = np.zeros(len(blank), dtype=bool)
        signer[:-1] = single[:-1] & dated[1:]
        signed = dated | ((signer | single) & matches(_AGENCY_NAME, texts))  # the office alone signs too, undated
    named = np.flatnonzero(~blank & (has_doc | party.ne("").to_numpy(bool)) & ~signed)  # the signer names none
    below = np.arange(len(blank)) > (named[-1] if len(named) else -1)
    return (below & ~blank & (evidence.count == 1) & has_date & ~has_doc) | signed


_DATE_ONLY = re.compile(r"^\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?$")
_AGENCY_NAME = re.compile(r"^\S{2,40}(?:局|委|办|委员会|办公室|中心|大队|支队|政府|办事处|管委会)$")
# The sign-off under a table, typed into the number column: （盖章）, 单位盖章, 区安监局（章）, 以上情况属实, 特此报告.
_SIGN_OFF = re.compile(r"^(?:\S{0,30}[（(](?:公章|盖章|印章|章)[)）]|\S{0,30}(?:盖章|签章|公章)(?:处)?|"
                       r"以上\S{0,6}(?:属实|无误|真实)\S{0,10}|特此(?:报告|说明|函告|报送)\S{0,4})$")


# A party's name that ran on to the next row (the clerk pressed Enter in 黄石市某某商贸 | 有限公司): only the
# legal form is left there, with no number and no date: the row above's name, continued, no decision.
# Only a company's legal form (个体工商户, 厂 or 合作社 may stand for a party whose name is unknown).
_NAME_TAIL = re.compile(r"(?:有限|有限责任|股份有限)?(?:公司|分公司)")


def _name_runs_on(bare: np.ndarray, party: pd.Series, evidence: Evidence) -> np.ndarray:
    out = bare & party.ne("").to_numpy(bool) & (evidence.count <= 2)  # the name, and the facts run on with it
    if out.any():
        out[out] = party[out].str.replace(r"\s+", "", regex=True).str.fullmatch(_NAME_TAIL).to_numpy(bool)
    return out


def _sign_off(blank, doc_arr: np.ndarray, party: pd.Series, evidence: Evidence) -> np.ndarray:
    """A number cell that holds the table's sign-off, not a number: a stamp or closing phrase anywhere; the
    unit's name or a lone date below the last decision (at most a date beside it). No party on the row."""
    n = len(doc_arr)
    candidate = (doc_arr != "") & party.eq("").to_numpy(bool) & ~blank
    out = np.zeros(n, dtype=bool)
    look = np.flatnonzero(candidate)
    if not len(look):
        return out
    texts = _no_spaces(doc_arr[look])
    out[look] = matches(_SIGN_OFF, texts)
    signer = matches(_DATE_ONLY, texts) | matches(_AGENCY_NAME, texts)
    decided = np.flatnonzero(~blank & ~out & ((doc_arr != "") | party.ne("").to_numpy(bool)))
    decided = decided[~np.isin(decided, look[signer])]
    last = decided[-1] if len(decided) else -1
    tail = look[signer & (look > last)]
    out[tail[evidence.count[tail] <= 2]] = True
    return out


# What a row holds when a unit fills a line to say it has nothing to report (无 / 无 / 无, 1 / / / /).
# 否: a template's 是否公开 formula (=IF(E5="","否","是")) on rows nobody filled in.
_NOTHING = PLACEHOLDERS | {"无此项", "没有", "N/A", "NA", "n/a", "暂无数据", "无案件", "无记录", "否"}
_COUNTER = re.compile(r"^\d{1,4}(?:\.0)?$")
# The same in a sentence: 本月无, 本季度无, 本月未发生, 本月未作出行政处罚决定, 暂无数据, 零报告, 无此类事项.
_SAYS_NONE = re.compile(r"^(?:本(?:月|期|季度?|年度?|周)份?内?(?:无|没有|未作出|未产生|未发生|暂无)\S{0,20}|暂无\S{0,12}|零报告|"
                        r"无此类\S{0,10}|无(?:相关)?(?:行政)?(?:许可|处罚)(?:决定|事项|案件|信息|数据|记录)|未发生\S{0,10})[。.！!]?$")


def _says_nothing(texts: np.ndarray) -> np.ndarray:
    """Per text: 无, /, 空 … or a sentence saying there is nothing (each distinct text looked at once)."""
    out = pd.Series(texts, dtype=object).isin(_NOTHING).to_numpy(bool, copy=True)  # written into below
    rest = np.flatnonzero(~out & (texts != ""))
    if len(rest):
        distinct = pd.unique(texts[rest])
        said = {t for t in distinct if isinstance(t, str) and _SAYS_NONE.match(t)}
        if said:
            out[rest] = pd.Series(texts[rest], dtype=object).isin(said).to_numpy(bool)
    return out


def nothing_rows(frame: pd.DataFrame, keys: list[pd.Series], text) -> np.ndarray:
    """Rows whose every filled cell says "nothing" (无, /, 空 …), a row counter aside: not a decision.

    ``keys``: the mapped columns' texts, a date column first. Looked at cell by cell only where they
    hold nothing else (a few rows)."""
    n = len(frame)
    look = np.arange(n)  # the rows still in question: after the first column (a date: few distinct), few
    said = np.zeros(n, dtype=bool)
    for column in keys:  # texts are stripped already: a hash lookup per cell, no Python call
        texts = column.to_numpy(object)[look]
        nothing = _says_nothing(texts)
        said[look[nothing]] = True
        look = look[nothing | (texts == "")]
    rows = look[said[look]]
    out = np.zeros(n, dtype=bool)
    for i in rows:  # the few candidates only
        cells = ["".join(c.split()) for c in text(frame.iloc[i]).tolist()]
        filled = [c for c in cells if c and c != FORMULA_NO_VALUE]  # a template's formula, nothing typed
        counters = sum(bool(_COUNTER.match(c)) for c in filled)
        out[i] = counters <= 1 and all(c in _NOTHING or _COUNTER.match(c) or _SAYS_NONE.match(c) for c in filled)
    return out


def row_kinds(evidence: Evidence, mapping: ColumnMap, doc: pd.Series, decision_text: pd.Series,
              published_text: pd.Series, party: pd.Series, start_category: str | None,
              nothing: np.ndarray | None = None, constant: np.ndarray | None = None,
              start_unit: str | None = None, header_follows: bool = False, signed_as: str | None = None) -> RowKinds:
    """``nothing``: rows that say there is nothing to report (nothing_rows), notes rather than records;
    ``constant``: per row, its filled cells that are the same on every row of a unit's sheet (序号, the unit,
    its code, the category): a template row filled down with them holds no decision. ``start_category``
    and ``start_unit``: what a section row or a unit row before this block set."""
    blank = evidence.count == 0
    first = first_texts(evidence)
    first_arr, doc_arr = first.to_numpy(object), doc.to_numpy(object)
    has_doc = doc_arr != ""
    has_date = decision_text.ne("").to_numpy(bool) | published_text.ne("").to_numpy(bool)
    bare = ~has_doc & ~has_date
    # Most first cells are neither: one pattern for both finds the few that need a closer look.
    either = per_distinct(first_arr, lambda t: matches(_NOTE_OR_EXAMPLE, t)).astype(bool)
    says_so, example = np.zeros(len(doc_arr), dtype=bool), np.zeros(len(doc_arr), dtype=bool)
    if either.any():
        says_so[either] = matches(NON_RECORD, first_arr[either])
        example[either] = matches(EXAMPLE, first_arr[either])
    example = (example | _placeholder_rows(doc_arr, party.to_numpy(object))) & ~blank
    doc_says = says_so & (doc_arr == first_arr)
    # The number is usually the first cell: match it again only where it is another text.
    other = np.flatnonzero(doc_arr != first_arr)
    if len(other):
        doc_says[other] = matches(NON_RECORD, _no_spaces(doc_arr[other]))
        says_so[other] |= doc_says[other]
    # 小计 in the first cell, yet a document number (not a count) and a date: a decision in a row someone
    # labelled, or a total row; never dropped unseen. It stays a record, flagged for the unit to look at.
    labelled = says_so & ~doc_says & has_doc & has_date
    if labelled.any():  # 主要负责人： 王五 … 经办人： 赵六: names in the number and date columns, no decision
        labelled[labelled] = ~matches(SIGNATURE, first_arr[labelled])
    if labelled.any():
        labelled[labelled] = ~per_distinct(doc_arr[labelled], lambda t: matches(COUNT_CELL, t)).astype(bool)
    # Decision content: a party named, or several cells filled (party, reason, result, unit …).
    # ... but not when every filled cell is one a template fills down (序号, the unit, its code): any other keeps it
    varying = evidence.count - (constant if constant is not None else 0)
    content = party.ne("").to_numpy(bool) | ((evidence.count >= 3) & (varying > 0))
    stamp = ~blank & (evidence.count <= 2)
    if stamp.any():
        stamp[stamp] = matches(STAMP_LINE, first_arr[stamp]) | matches(_SIGN_OFF, first_arr[stamp])
    says_so |= stamp & ~has_doc
    is_section = ~blank & (evidence.count == 1)
    if is_section.any():  # only rows of one cell can be section rows
        is_section[is_section] = matches(SECTION, first_arr[is_section])
    # A header row repeated inside the data (sheets pasted one under another).
    header = mapping.header_again({"document_number": doc, "decision_date": decision_text}, len(doc)) & ~blank
    labelled &= ~blank & ~header & ~example
    signed = _sign_off(blank, doc_arr, party, evidence)
    worded = says_so & ~labelled  # notes by their words (注：, 此表…, 审核意见：): no decision a sign-off is under
    runs_on = _name_runs_on(bare, party, evidence)  # 有限公司 under 黄石市某某商贸: no record, and no unit's name
    note = ~blank & ~header & ~example & ~labelled & (says_so | (bare & ~content) | is_section | _counts_only(
        doc, decision_text, published_text, party) | signed | runs_on
        | _signature_date(blank, has_doc & ~signed & ~worded, has_date & ~worded, party.where(~worded, ""), evidence))
    if nothing is not None:
        note |= nothing & ~blank
    sections = np.full(len(doc), None, dtype=object)
    if is_section.any():
        sections[is_section] = [kind_from_text(t) for t in first[is_section]]
    section = pd.Series(sections, dtype=object)
    if start_category is not None and len(section):
        section.iloc[0] = section.iloc[0] or start_category
    return RowKinds(blank, header, note, example, section.ffill().to_numpy(object), labelled, section_row=is_section,
                    unit_block=_unit_blocks(first_arr, note & ~runs_on & ((evidence.count <= 2) | _signed_rows(first_arr)), header,
                                            ~(blank | header | note | example), start_unit, header_follows,
                                            signed_as))


# A template's example row left in: 西××罚〔20××〕×号 (a placeholder year: no decision's number) whoever its
# party, or a placeholder number beside 示例公司. 西市监罚〔2024〕XX号 or 西市监罚XX号 (typed before the number
# was known) for a real or a masked party (张××, XX便利店) is a decision's.
_PLACEHOLDER = re.compile(r".*?(?:[×xXＸｘ*＊○〇□]{2,}|[〔\[［(（【]\s*(?:19|20)?[×xXＸｘ*＊○〇□]{2})")  # matched at the start
_PLACEHOLDER_MARKS = tuple("×xXＸｘ*＊○〇□")  # what _PLACEHOLDER needs at least one of
_PLACEHOLDER_YEAR = re.compile(r".*?(?:[〔\[［(（【]\s*(?:19|20)?[×xXＸｘ*＊○〇□]{2}|20[×xXＸｘ*＊○〇□]{2})")
_EXAMPLE_PARTY = re.compile(r".*?(?:示例|样例|范例)")
_EXAMPLE_WORDS = ("示例", "样例")
_EXAMPLE_NAMED = re.compile(r"[\s（(【\[]*(?:示例|样例)")


def _placeholder_rows(doc: np.ndarray, party: np.ndarray) -> np.ndarray:
    out = contains_any(doc, _PLACEHOLDER_MARKS)  # one C pass; the patterns only where they can match
    rows = np.flatnonzero(out)
    out[rows] = matches(_PLACEHOLDER, doc[rows])
    rows = np.flatnonzero(out)
    if len(rows):
        out[rows] = matches(_PLACEHOLDER_YEAR, doc[rows]) | matches(_EXAMPLE_PARTY, party[rows])
    # 示例公司 / 样例企业 beside a real-looking number (a 模板 sheet's row): no party's name starts so
    maybe = np.flatnonzero(contains_any(party, _EXAMPLE_WORDS))
    out[maybe] |= matches(_EXAMPLE_NAMED, party[maybe])
    return out


def _signed_rows(first: np.ndarray) -> np.ndarray:
    """Rows that start with 填报单位（盖章）：X (a 填报人、联系电话 may share the row)."""
    out = contains_any(first, ("填报", "报送", "填表"))
    rows = np.flatnonzero(out)
    out[rows] = matches(_SIGNED_ROW, first[rows])
    return out


def signed_layout(evidence: Evidence, starts: list[int], stops: list[int], above: bool) -> str | None:
    """Where a sheet of several pasted tables has 填报单位（盖章）：X lines (a roll-up of the units' signed
    sheets): "below" where every table's tail (its rows after its last wide row) has one, the nearest
    naming the rows above it (a compiler's 填报单位 line over the first table changes nothing); "above"
    where such a line is over the first table's header (``above``), some later table has one over its
    header and the last table has none under it; else None: they stay stamps, no guess which table is whose."""
    first = first_texts(evidence).to_numpy(object)
    count = np.asarray(evidence.count)
    signed = _signed_rows(first)
    tails = []
    for start, stop in zip(starts, stops):
        rows = np.arange(start, stop)
        wide = rows[(count[start:stop] > 2) & ~signed[start:stop]]  # a sign-off with 填报人、电话 beside it is no record
        tail = rows[rows > (wide[-1] if len(wide) else start - 1)]
        # a plain 填报单位：X line counts as a sign-off only where no such line is over the first header: there,
        # such lines over the later headers are those tables' titles
        tails.append({_unit_row(first[r]) for r in tail if _SIGNED_ROW.match(first[r])
                      or (not above and _SENDER_LABEL.match(first[r]) and _UNIT_LABEL_ROW.match(first[r]))} - {None})
    if all(tails):  # the nearest below names the rows (a compiler's sign-off may follow the last)
        return "below"
    if above and not tails[-1] and any(tails[:-1]):  # a table without its own line goes on with the one above
        return "above"
    return None


def _unit_blocks(first: np.ndarray, candidates: np.ndarray, header: np.ndarray, record: np.ndarray,
                 start: str | None, header_follows: bool = False, signed_as: str | None = None) -> np.ndarray:
    """Per row, the unit a unit row names for it: a roll-up of several units' decisions without a unit
    column, each unit's rows under a row naming it (一、区安监局, 二、区环保局行政处罚, 区城管局（2件）), or under a
    填报单位：区环保局 line or the unit's name just above a table's repeated header; or, where names come only
    after decisions (区安监局（1件）under its rows), each name for the rows above it. Only skipped rows whose
    text starts with the unit's name (after an ordinal or a 填报单位 label); a note that mentions a unit
    (注：…, 以下为…), a sign-off (区安监局（盖章）) or an office's own section (法制科) is none."""
    units = np.full(len(first), None, dtype=object)
    rows = np.flatnonzero(candidates)
    if len(rows):
        named = np.array([_unit_row(t) for t in first[rows]], dtype=object)
        labelled = np.array([bool(_UNIT_LABEL_ROW.match(t)) for t in first[rows]], dtype=bool)
        # who sent the sheet (填报单位：X): over a header, a title; under rows, a sign-off naming the rows above
        sender = labelled & np.array([bool(_SENDER_LABEL.match(t)) for t in first[rows]], dtype=bool)
        signed = np.array([bool(_SIGNED_ROW.match(t)) for t in first[rows]], dtype=bool)
        # a line that looks like a sign-off but was not read as one (审核人、电话 beside it): no layout to trust
        stray = contains_any(first, _SIGNOFF_WORDS) & ~candidates
        closing = _closing_signoffs(rows, named, signed | sender, record) if signed_as is None and not stray.any() else None
        if closing is not None:  # one table, each unit's rows closed by its sign-off: each names the rows above it
            units[rows[closing]] = named[closing]
            return pd.Series(units, dtype=object).bfill().to_numpy(object)
        if signed_as == "above":  # over each table's header, as over the first: a title, as a 填报单位 line
            labelled, signed = labelled | signed, np.zeros_like(signed)
        elif signed_as == "below":  # only the sign-offs name units (a later table's title in the tail does not),
            found = pd.notna(named) & (signed | sender)  # each the rows above it
            units[rows[found]] = named[found]
            return pd.Series(units, dtype=object).bfill().to_numpy(object)
        else:  # under some tables only: a stamp, no guess which table is whose
            named[signed] = None
        ordinal = np.array([bool(_ORDINAL.match(t)) for t in first[rows]], dtype=bool)  # a total has none
        below = np.flatnonzero(~(record | candidates | (first == "")))  # the next row that is neither: a header?
        nxt = np.searchsorted(below, rows)
        above_header = np.where(nxt < len(below), header[below[np.minimum(nxt, len(below) - 1)]] if len(below) else False,
                                header_follows)  # past the last: the next table's header
        records = np.flatnonzero(record)
        # a 填报单位 line over a table's header; or between records where the blocks are titled above their rows
        # (区住建局 … 单位：区交通运输局 …): a title before the first record, or an ordinal one (三、区应急管理局),
        # says so; else it may be a sign-off naming the rows above it, and names none
        first_record = records[0] if len(records) else len(first)
        known = pd.notna(named)
        if not (known & ((rows < first_record) | (ordinal & ~labelled))).any():
            named[labelled & ~above_header] = None
        named[sender & labelled & ~above_header] = None
        found = pd.notna(named)
        titled = (ordinal | above_header | labelled) & found & ~signed
        if found.any() and not titled.any() and len(records) and rows[found][0] > records[0]:
            units[rows[found]] = named[found]  # names only under their rows: each for the rows above it
            return pd.Series(units, dtype=object).bfill().to_numpy(object)
        units[rows] = named
    if start is not None and len(units):
        units[0] = units[0] or start
    return pd.Series(units, dtype=object).ffill().to_numpy(object)


def _closing_signoffs(rows: np.ndarray, named: np.ndarray, offs: np.ndarray, record: np.ndarray) -> np.ndarray | None:
    """The sign-offs (填报单位：X, 填报单位（盖章）：X) of one table whose every unit's rows end with one: two or
    more, each naming a unit, each after records of its own, the last under the last record, and no unit
    named above any rows. None where the table is not so laid out."""
    records = np.flatnonzero(record)
    if offs.sum() < 2 or not len(records) or pd.isna(named[offs]).any() or (pd.notna(named) & ~offs).any():
        return None
    ends = rows[offs]
    before = np.searchsorted(records, ends)  # records above each sign-off
    fresh = np.diff(before, prepend=0) > 0
    # a line with no records of its own after the last sign-off: the compiler's (区政府办), naming no rows
    compiler = ~fresh & (before == len(records))
    if ends[0] < records[0] or (~fresh & ~compiler).any() or before[fresh][-1] < len(records) or fresh.sum() < 2:
        return None
    out = offs.copy()
    out[np.flatnonzero(offs)[compiler]] = False
    return out


_ORDINAL = re.compile(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]")
_SENDER_LABEL = re.compile(r"^(?:填报|报送|填表)")
_SIGNOFF_WORDS = ("填报单位", "报送单位", "填表单位", "填报部门", "报送部门")
_UNIT_LABEL_ROW = re.compile(r"^(?:填报|报送|填表|实施|执法|决定|作出决定|处罚|许可)?(?:单位|部门|机关)(?:名称)?[:：]"
                             r"(?P<unit>[^（(盖章]+)$")
# What a note starts with: the unit it names is not the rows' unit (以下为区城管局…, 数据来源：…).
# 填报单位（盖章）：区安监局 under a table: its sign-off, naming the rows above it (a roll-up of pasted tables).
_STAMP = r"[（(](?:盖章|签章|公章)[)）]"
_SIGNED_ROW = re.compile(rf"^(?:填报|报送|填表)(?:单位|部门)(?:{_STAMP}[:：](?P<unit>[^（(]+)|[:：](?P<named>[^（(]+){_STAMP})$")
_NOT_A_TITLE = re.compile(r"^(?:以下|以上|其中|含|包括|说明|注|备注|数据来源|来源|附|另|共|合计|小计|本表|本局|制表|审核|负责人|经办)")


def _unit_row(text: str) -> str | None:
    """The unit a skipped row names as its title (spaces already out), else None."""
    signed = _SIGNED_ROW.match(text)
    label = _UNIT_LABEL_ROW.match(text)
    rest = signed.group("unit") or signed.group("named") if signed else label.group("unit") if label \
        else _ORDINAL.sub("", text)
    if _NOT_A_TITLE.match(rest) or "盖章" in rest:
        return None
    unit = unit_in_text(rest)
    return unit if unit and rest.startswith(unit) and not re.search(r"[:：]", unit) \
        and not UNIT_SECTION.match(unit) else None
