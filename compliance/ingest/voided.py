"""Rows that are no decision: document numbers voided (作废, 空号), which a clerk keeps to explain a gap in the
numbering; and applications not yet decided (审批中, 办理中), which a case system lists with its decisions.

A row that says its number was voided and names no decision (no party, no
decision date) is no decision: a skipped row, said on the sheet. Judged as a
record, it was an invented 数据有误 (决定日期为空) that lowered the unit's rate.
A row that names a decision and says 作废 or 撤销 stays a record, judged as
any other: the word is the unit's claim, listed for 法制办 with the other
claims not to publish (exempt.py, ``exempt-claimed``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

import numpy as np
import pandas as pd

from ..textscan import contains_any, matches
from .header import NON_RECORD
from .rows import COUNT_CELL
from .unit_column import APPLICANT_LIKE
from .unit_text import unit_in_text

# What a clerk writes beside a number that was never used for a decision.
VOID_WORDS = ("作废", "空号", "废号")
# The columns besides the number and the party where the word is written.
NOTE_FIELDS = ("remarks", "decision_state")


def _says_void(texts: np.ndarray) -> np.ndarray:
    return contains_any(texts, VOID_WORDS)


def void_rows(doc: pd.Series, party: pd.Series, decision_text: pd.Series, *notes: pd.Series) -> np.ndarray:
    """Rows whose number, party or a note column (备注, 当前状态) says voided, with no decision date and
    no party other than the word itself (party cell 空号, （作废）)."""
    said = np.zeros(len(doc), dtype=bool)
    for column in (doc, party, *notes):
        texts = column.to_numpy(object)
        filled = np.flatnonzero(texts != "")
        if len(filled):
            said[filled] |= _says_void(texts[filled])
    party_texts = party.to_numpy(object)
    no_party = (party_texts == "") | _says_void(party_texts)
    return said & no_party & (decision_text.to_numpy(object) == "")


# What a decision-date cell, or a whole status cell, says of an application still under way: no decision yet.
UNDECIDED_WORDS = ("审批中", "办理中", "待审批", "未作出决定", "尚未作出决定", "受理中", "未办结", "待决定", "正在办理",
                   "正在审批", "尚未审批")
UNDECIDED_STATES = frozenset(UNDECIDED_WORDS) | {"在办", "审查中", "未决定", "办理", "审批", "待办"}
# 一窗受理 stages before a decision, and applications no decision will come of (withdrawn, not taken in): said
# so only on a row without a decision number, since 撤回, 中止, 审查 also name what befalls a decision issued
# (a permit withdrawn under 行政许可法 第八条, enforcement suspended)
BEFORE_DECISION_STATES = frozenset({"受理", "已受理", "待受理", "审核中", "待审核", "初审", "复审", "审查", "补正", "补正材料",
                                    "待补正", "补正中", "退回补正", "挂起", "暂停", "中止", "撤回", "已撤回", "申请人撤回",
                                    "撤回申请", "主动撤回", "不予受理"})


# In a 备注, only these say plainly that an application came to no decision (probe p86: 申请人撤回 in 备注 was
# 数据有误, and a claim of not publishing too); 撤回 alone may be a decision withdrawn (行政许可法 第八条)
WITHDRAWN_REMARKS = re.compile(r"^(?:申请人|企业)?(?:主动)?(?:撤回申请|申请撤回|申请已撤回)$|^申请人(?:主动)?已?撤回$"
                               r"|^(?:申请)?不予受理$")  # an application's words only: a bare 撤回 is judged (exempt)


def undecided_rows(decision_text: pd.Series, published_text: pd.Series, state: pd.Series | None = None,
                   doc: pd.Series | None = None, remarks: pd.Series | None = None) -> np.ndarray:
    """Rows with no decision date and no publication whose date cell says the application is still under way
    (审批中), or whose status column (当前状态, 办理状态) says only that (办理中): no decision to publish yet.
    Judged as a record it was 数据有误 (fill in a date that does not exist) every month until decided. A 备注
    is never read for it: 已在办事大厅公示 or 已办结，之前审批中 say nothing of the kind."""
    dates = decision_text.to_numpy(object)
    no_date = dates == ""
    said = ~no_date & contains_any(dates, UNDECIDED_WORDS)
    if state is not None:
        states = state.to_numpy(object)
        rows = np.flatnonzero(no_date & (states != ""))  # the state read only where no date is
        words = pd.Series(states[rows], dtype=object).str.replace(r"\s+", "", regex=True)
        numbered = (doc.to_numpy(object)[rows] != "") if doc is not None else np.zeros(len(rows), dtype=bool)
        said[rows] = words.isin(UNDECIDED_STATES).to_numpy(bool) | (words.isin(BEFORE_DECISION_STATES).to_numpy(bool)
                                                                    & ~numbered)
    if remarks is not None and doc is not None:  # 备注 申请人撤回 / 不予受理, no date, no number: no decision
        rows = np.flatnonzero(no_date & ~said & (doc.to_numpy(object) == "") & (remarks.to_numpy(object) != ""))
        words = remarks.to_numpy(object)[rows]
        said[rows] = np.fromiter((WITHDRAWN_REMARKS.match(re.sub(r"[\s，。,.；;]", "", w)) is not None for w in words),
                                 bool, len(rows))
    return said & (published_text.to_numpy(object) == "")


def reserved_rows(doc, party, decision_text, published_text, *notes, elsewhere=None) -> np.ndarray:
    """Rows at the end of a table holding a number and nothing else (序号 and 文书号 filled in advance,
    预留文号): no decision yet, and each was 数据有误 (no date), pulling an on-time unit's rate down. A bare
    number among the decisions stays a record: it may be one with its data left out; so does one with words
    in another column (``elsewhere``: rows -> filled there; 违法事实 虚开发票 under a party column not read)."""
    filled = (party.to_numpy(object) != "") | (decision_text.to_numpy(object) != "") \
        | (published_text.to_numpy(object) != "")
    for note in notes:
        filled |= note.to_numpy(object) != ""
    bare = (doc.to_numpy(object) != "") & ~filled
    if elsewhere is not None and bare.any():
        rows = np.flatnonzero(bare)
        bare[rows] = ~elsewhere(rows)
    if not bare.any():
        return bare
    # What follows them may be the sign-off, no decision: a date alone under the date column (the
    # 落款日期), 主要负责人：… 经办人：… A decision has its number, or two of party and dates.
    cells = [c.to_numpy(object) for c in (party, decision_text, published_text)]
    decided = filled & ((doc.to_numpy(object) != "") | (sum((c != "").astype(int) for c in cells) >= 2))
    # Only a decision after the first bare number can make it one "among the decisions": the sign-off
    # labels are looked for there alone (a whole column of regex matches cost 0.1 s at 100,000 rows).
    decided[:np.argmax(bare)] = False
    for c in cells:
        rows = np.flatnonzero(decided & (c != ""))
        decided[rows] &= ~matches(NON_RECORD, c[rows])
    last = np.flatnonzero(decided)
    reserved = bare & (np.arange(len(bare)) > (last[-1] if len(last) else -1))
    # a number has digits: 审核人： typed under the number column is a sign-off line (rows.py), no number;
    # and a count (合计 | 6件, 7月小计 | 2) is a total row's (rows.py), no number either
    rows = np.flatnonzero(reserved)
    texts = doc.iloc[rows]
    reserved[rows] = texts.str.contains(r"\d", regex=True).to_numpy(bool) & ~matches(COUNT_CELL, texts.to_numpy(object))
    return reserved


# A number in a cell: up to its 号, with a year (〔2024〕, （2024）, 2024年 or bare 2024) somewhere before it.
_NUMBER = re.compile(r"[^\s，,；;、/：:]*?(?:[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]|(?:19|20)\d{2}\s*年?)"
                     r"[^\s，,；;、/：:〔\[［【]*?\d+\s*号")
# A penalty's notice before the decision (事先告知书, 听证告知书): 罚告, 听告, 处告, 告字, 告知. 审告, 告知承诺 (permits),
# 广告, 警告 (a penalty), 公告, 通告, 报告, 预告 are none.
_NOTICE_NUMBER = re.compile(r"(?:罚|听|处)告|先告|(?<![广公警报通预])告字|(?<![审广])告知(?!承诺)")
# a cell that is only a notice's name, with no number: 行政处罚事先告知书, 听证告知书
_NOTICE_NAME = re.compile(r"^(?:行政)?(?:处罚)?(?:事先|听证|陈述申辩)?(?:权利)?告知书$")


def _notice(text: str) -> bool:
    """The cell is a notice's number, or a notice's name alone: every number in it is a notice's
    (西安监罚〔2024〕5号（告知书西安监罚告〔2024〕2号） is the decision's, with its notice beside it; so is
    …7号（已送达告知书））."""
    numbers = _NUMBER.findall(text)
    if not numbers:
        return _NOTICE_NAME.match(text.strip()) is not None
    return all(_NOTICE_NUMBER.search(n) for n in numbers)


def notice_rows(doc: pd.Series) -> np.ndarray:
    """Rows whose number is a 告知书's: judged as decisions, each became 逾期未公开 (a notice is not published)."""
    texts = doc.to_numpy(object)
    out = contains_any(texts, ("告",))  # one C pass: the pattern only where it can match
    rows = np.flatnonzero(out)
    out[rows] = np.fromiter((_notice(x) for x in texts[rows]), bool, len(rows))
    return out


def read_columns(mapping, *others) -> tuple[set, object]:
    """(the columns read as fields, and ``others``, whose cells ``words_elsewhere`` passes over; a bare 单位名称
    column beside no party column, which may hold the applicants: unit_column.record_units reads it so). A name
    there that names no office is a party's, so the row is no number kept in advance (probe p86: 黄石丙化工有限公司
    on a row whose 发证日期 was still blank); the unit's own name filled down the sheet is not (review rev62)."""
    used = {*mapping.columns.values(), *mapping.number_kinds.values(), *mapping.stand_ins.values(), *others}
    applicants = None
    if mapping.is_weak("unit") and "单位名称" in (mapping.header_of("unit") or "") and "party" not in mapping.columns:
        applicants = mapping.columns["unit"]
    return used, applicants


def words_elsewhere(frame: pd.DataFrame, used: set, applicants=None) -> Callable[[np.ndarray], np.ndarray]:
    """rows -> whether each holds words (Chinese, four characters or more: 虚开发票, 未按规定…) or a date (受理日期,
    有效期) in a column outside ``used`` (the number's, the fields read), or a name that is no office's in the
    ``applicants`` column: a decision's, or an application's, not a number kept in advance."""
    def said(rows: np.ndarray) -> np.ndarray:
        out = np.zeros(len(rows), dtype=bool)
        for column in (c for c in frame.columns if c not in used):
            cells = frame[column].to_numpy(object)[rows]
            out |= np.fromiter((isinstance(v, (dt.date, dt.datetime)) or isinstance(v, str) and (
                len(_WORDS.findall(v)) >= 4 and not _NUMBER.search(v) or _DATE_TEXT.match(v.strip()) is not None)
                for v in cells), bool, len(rows))  # another number (案件编号) is no facts
        if applicants is not None and applicants in frame.columns:
            cells = frame[applicants].to_numpy(object)[rows]
            out |= np.fromiter((isinstance(v, str) and len(_WORDS.findall(v)) >= 2 and (
                APPLICANT_LIKE.search(v.strip()) is not None or unit_in_text(v.strip()) is None)  # 公司 ends an office's
                for v in cells), bool, len(rows))                                                # name too (rev63)
        return out
    return said


_WORDS = re.compile(r"[\u4e00-\u9fff]")
_DATE_TEXT = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def not_decisions(doc, party, decision_text, published_text, *notes, kinds: pd.Series | None = None,
                  elsewhere=None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """(the rows that are no decision, {note code: the rows it tells of} for the codes that have any);
    ``notes``: the NOTE_FIELDS columns, 备注 then 当前状态; ``kinds``: a 文书名称 column, if the sheet has one."""
    voided = void_rows(doc, party, decision_text, *notes)
    undecided = undecided_rows(decision_text, published_text, notes[-1] if notes else None, doc,
                               notes[0] if len(notes) > 1 else None) & ~voided
    reserved = reserved_rows(doc, party, decision_text, published_text, *notes, elsewhere=elsewhere) \
        & ~voided & ~undecided
    notice = notice_rows(doc) & ~voided & ~undecided & ~reserved
    if kinds is not None:  # 文书名称: 行政处罚事先告知书 (the notice before the decision, never published)
        named = kinds.astype(str).str.replace(r"\s+", "", regex=True).str.match(_NOTICE_NAME).to_numpy(bool)
        notice |= named & ~voided & ~undecided & ~reserved
    several = several_numbers(doc) & ~voided & ~undecided & ~reserved & ~notice  # records still: said only
    told = {code: rows for code, rows in (("rows-voided", voided), ("rows-undecided", undecided),
                                          ("rows-reserved", reserved), ("rows-notice", notice),
                                          ("rows-several-numbers", several)) if rows.any()}
    return voided | undecided | reserved | notice, told


_TWO = re.compile(r".*?号.*?\d+\s*号", re.S)  # matched at the start: a second 号 after the first


def several_numbers(doc: pd.Series) -> np.ndarray:
    """Rows whose number cell holds two decisions' numbers (…31号\n…32号, 33号、34号; a notice beside its
    decision is one): counted as one decision, which the sheet must say (it may hide another)."""
    texts = doc.to_numpy(object)
    out = np.zeros(len(texts), dtype=bool)
    rows = np.flatnonzero(matches(_TWO, texts))
    out[rows] = [_two_decisions(texts[r]) for r in rows]
    return out


def _two_decisions(text: str) -> bool:
    numbers = _NUMBER.findall(text)
    if len(numbers) == 1:  # 33号、34号: the second written short
        return _MORE.search(text) is not None
    return sum(bool(_DECISION_NUMBER.match(n)) and not _NOTICE_NUMBER.search(n) for n in numbers) >= 2


# a decision's number: an issuer's abbreviation right before a bracketed year (西安监罚〔2024〕31号); a file's
# 案卷编号 2024第102号 or a 送达回证's date beside it is none
_DECISION_NUMBER = re.compile(r".*?[\u4e00-\u9fff]{2,}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]")


# 西安监罚〔2024〕33号、34号: the second number written short, after the first's year
_MORE = re.compile(r"号\s*[、，,；;/和及\n]\s*(?:第\s*)?\d+\s*号")
