"""What a ledger's words say about publication: 已公开 / 是 / √ in a 是否公开 column, 已在区政府网站公开 in a
备注, 未公开 or 不公开 in the date column."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..claims import says_not_to_be_published
from ..date_text import WEB_ADDRESS
from ..dates import NOT_PUBLISHED, normalise_text, parse_date
from ..textscan import contains_any
from .cells import per_distinct


# Not yet online, in other words: 待公开（预计2024-04-10） (a plan, not a publication), 审核中 (awaiting sign-off).
# 待公开（预计…）, 未公开（2026.10.8报送信用办）: not yet, whatever the brackets add (a day sent elsewhere, a
# plan); 拟于2026年10月8日公开, 计划10月8日公示: a plan, not yet online. Unless the words also say it went
# online (已公开, 实际10月9日公开, 报送后于10月9日在信用中国公示): a publishing verb not after 拟/计划/预计/将/待.
# 应于2026.3.19前公开, 最迟3月19日公示: the due date, written where the day it went online belongs.
_PLANNED = re.compile(r"^(?:待|未|尚未|暂未)(?:公开|公示|上网|发布)[（(](?P<inner>[^）)]*)[）)]$"
                      r"|^(?:拟|计划|预计|将)于?(?P<plan>[^，,；;。]{0,24})(?:公开|公示|上网|发布)$"
                      r"|^(?:应当?|须|需|必须|最迟|要求)(?:于|在)?(?P<due>[^，,；;。]{0,24}?)(?:之前|以前|前)?(?:公开|公示|上网|发布)$")
_DONE_VERB = re.compile(r"(?<!拟)(?<!计划)(?<!预计)(?<!将)(?<!待)(?<!拟于)(?<!将于)(?:公开|公示|上网|发布|挂网)")


def _planned(text: str) -> bool:
    match = _PLANNED.match(text)
    if match is None:
        return False
    words = next(w for w in match.group("inner", "plan", "due") if w is not None)
    return _DONE_VERB.search(re.sub(r"(?:19|20)?\d{0,4}\s*[年./\-－]?\s*\d{1,2}\s*[月./\-－]\s*\d{1,2}\s*日?", "", words)) is None \
        and "已" not in words and "实际" not in words


_IN_REVIEW = frozenset({"审核中", "待审核", "报审中", "送审中"})


# How a database or pandas export writes an empty cell: a blank publication date, not an unreadable one.
_EMPTY_EXPORT = frozenset({"null", "none", "nan", "nat", "(null)", "<null>", "[null]", "nil"})


def _not_yet(text: str) -> bool:
    t = normalise_text(text)
    return t in NOT_PUBLISHED or t in _IN_REVIEW or _planned(t) or t.lower() in _EMPTY_EXPORT


def unpublished_words(texts: np.ndarray) -> np.ndarray:
    """Per text: (says not yet published: 未公开, 无, 待公开（预计…）; the unit's own 不公开 claim), each text once."""
    claims = says_not_to_be_published(texts)
    return np.array([(_not_yet(t), c) for t, c in zip(texts, claims)], dtype=bool).reshape(-1, 2)


# What a 是否公开 / 状态 cell says when the decision is online: a blank or 否 is no such claim.
PUBLISHED_MARKS = frozenset({"已公开", "是", "已公示", "已上网", "已发布", "公开", "公示", "已", "√", "✓", "Y", "YES",
                             "已挂网", "已网上公开", "已上网公开"})


# In words, clause by clause: 已在区政府网站公开, 已于9月公示, 2025年3月5日在区政府网站公开, 公开于2025-03-05 —
# a publishing verb after 已 or in a clause with a date, and no 未/不/待/应 … before the verb in that clause
# (当事人未申请复议 in the next clause turns nothing round; 应于3月31日前公开 is a due date).
_CLAUSES = re.compile(r"[，,。；;!！?？\n]")
_VERB = re.compile(r"公开|公示|上网|发布|挂网")
_NOT_DONE = re.compile(r"[未不没待尚否撤应需须拟将]|计划|预计|要求|最迟|截止|前$")
_YEAR_MONTH = re.compile(r"(?:19|20)\d{2}\s*[年./\-－]\s*\d{1,2}")
_FULL_DAY = re.compile(r"(?:19|20)\d{2}\s*[年./\-－]\s*\d{1,2}\s*[月./\-－]\s*\d{1,2}\s*日?")


# A site named beside a full day, with no verb (信用中国：2025.10.20, 区政府网站2025年10月20日): where it went
# online and when; 信用修复 / 信用承诺 … are no site.
_SITE = re.compile(r"信用中国|信用(?!修复|承诺|等级|评价|代码|记录|报告)[\u4e00-\u9fff]{2,5}(?=[:：\s\d（(]|网|$)"
                   r"|网站|政府网|门户网|政务网|公示系统|公示平台")


# Data sent to a platform is not published on it (已于…报送信用中国, 2026.3.19推送信用平台): the platform publishes
# later, or not; docs/rules.md §8.
_SENT = re.compile(r"报送|推送|上报|报至|报给|提交|送至|送交|移送")


# Posted in the office, not online (已在办事大厅公示, 窗口公示栏张贴): the rule asks for publication on a website
# (政务公开栏 and a site's 公示栏目 may be a website's: not offline words)
_OFFLINE = re.compile(r"大厅|窗口|公示栏(?!目)|公告栏(?!目)|宣传栏(?!目)|张贴|橱窗|电子屏|显示屏|经营场所|上墙")
_ONLINE = re.compile(r"网|平台|信用|系统|门户|栏目|公众号|微信|微博|APP|客户端|小程序|HTTP|WWW", re.I)


def _publishing_clauses(text: str) -> list[str]:
    """The clauses of ``text`` that say the decision went online."""
    found = []
    for clause in _CLAUSES.split(text):
        if _OFFLINE.search(clause) and not _ONLINE.search(clause):
            continue
        verb = _VERB.search(clause)
        if verb is None:
            if _SITE.search(clause) and _FULL_DAY.search(clause) and _NOT_DONE.search(clause) is None \
                    and _SENT.search(clause) is None:
                found.append(clause)
            continue
        before = clause[:verb.start()].strip()
        if _NOT_DONE.search(before) is None and ("已" in before or _YEAR_MONTH.search(clause)):
            found.append(clause)
    return found


# The day a publicity period ends is not the day it went online (公示至2026.6.18, 公示截止日期：…, 2026.6.18公示期满,
# a range's second day): taken out before the days are read, a false 逾期 if read as one. The clause still
# says the decision was online: with no other day, a claim without its day.
_TO = r"(?:至|到|截止|截至|结束|到期|期满|届满|~|～|—|–|－|-{1,2})"
_END_DAY = re.compile(rf"(?:{_VERB.pattern})?\s*(?:期限?|期间|时间|日期)?\s*(?:为|是)?\s*[:：]?\s*{_TO}\s*(?:日期|时间|日|期)?"
                      rf"\s*(?:为|是)?\s*[:：]?\s*(?:{_FULL_DAY.pattern})"
                      rf"|(?:{_FULL_DAY.pattern})\s*(?:{_VERB.pattern})?\s*期?\s*(?:期满|结束|到期|届满|截止|止|已满|终止)")


# 2025.4.8、2025.4.9; also one under the other in the cell (Alt+Enter) or a space apart (probe p84)
_LISTED = re.compile(rf"^(?:{_FULL_DAY.pattern})(?:(?:\s*[、，,;；/和及]\s*|\s+)(?:{_FULL_DAY.pattern}))+$")


def said_days(texts: pd.Series, listed: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Cell-wise: (the earliest, the latest) full day written in the clauses that say the decision went
    online (已于2025年4月30日在信用网站公示，2025年5月6日在区政府网站公开); NaT where none.
    ``listed``: the days of a date cell that lists two or more and nothing else (2025.4.8、2025.4.9)."""
    def clauses(text):
        return ([text] if _LISTED.match(text) else []) if listed \
            else [_END_DAY.sub(" ", clause) for clause in _publishing_clauses(text)]

    def judge(values):
        out = []
        for raw in values:
            # a day in a page's address (…/art/2026/10/8/…, an upload folder) is no day the words say
            days = sorted({d.date for clause in clauses(WEB_ADDRESS.sub(" ", normalise_text(raw)))
                           for d in map(parse_date, _FULL_DAY.findall(clause)) if d.date is not None})
            out.append((days[0], days[-1]) if days else (None, None))
        return out
    if not len(texts):
        return np.zeros(0, dtype="datetime64[D]"), np.zeros(0, dtype="datetime64[D]")
    found = per_distinct(texts.to_numpy(object), judge)
    return np.array(found[:, 0], dtype="datetime64[D]"), np.array(found[:, 1], dtype="datetime64[D]")


_LINK = re.compile(r"^(?:HTTPS?://|WWW\.)\S+$")  # the published page's address in place of its date
# A publicity period under way or over: 公示中, 正在公示, 公示期内, 公示期满, 公示结束, 已过公示期 — all were online.
_PERIOD = re.compile(r"^(?:正在|已在)?(?:网上)?(?:公示|公开)(?:中|期内|期满|已满|期已满|结束|已结束|完毕)$"
                     r"|^正在(?:网上)?(?:公示|公开)$|^已过公示期$")


def said_published(marks: pd.Series, free_text_only: bool = False) -> np.ndarray:
    """Cell-wise: the unit marked this decision as published (已公开, 是, √, 已在区政府网站公开); in a
    备注 (``free_text_only``) only the words say so, not a bare 是 or √."""
    def judge(texts):
        out = []
        for raw in texts:
            t = normalise_text(raw).upper()
            mark = not free_text_only and (t in PUBLISHED_MARKS or _LINK.match(t) is not None  # a page's address
                                           or _PERIOD.match(t) is not None)
            out.append(mark or bool(_publishing_clauses(t)))
        return out
    return per_distinct(marks.to_numpy(object), judge).astype(bool)


# A correction published again: 备注 更正罚款金额，更正后重新公示; or the number tagged …5号（更正）.
# (更正后为10月30日 corrects the ledger's own date: no republication, and not matched)
_REPUBLISHED = re.compile(r"更正.{0,20}(?:重新|再次)(?:公示|公开|发布|上网)|(?:重新|再次)(?:公示|公开|发布|上网).{0,10}更正")
_TAGGED = re.compile(r"[（(【\[〔](?:更正|更正版|更正稿|更正后|已更正)[)）】\]〕]")


def _says(texts: pd.Series, pattern: re.Pattern) -> np.ndarray:
    values = texts.to_numpy(object)
    out = np.zeros(len(values), dtype=bool)
    maybe = np.flatnonzero(contains_any(values, ("更正",)))  # a few rows at most
    if len(maybe):
        out[maybe] = [bool(pattern.search(v)) for v in values[maybe]]
    return out


def republished(texts: pd.Series) -> np.ndarray:
    """Cell-wise: the words say a correction was published again (更正后重新公示)."""
    return _says(texts, _REPUBLISHED)


def corrections(numbers: pd.Series, remarks: pd.Series) -> np.ndarray:
    """Row-wise: a correction of a decision, published again (its first publication is the decision's)."""
    return _says(numbers, _TAGGED) | republished(remarks)


# A page under a site (…/t20251015_3.html, …/detail?id=12): not the bare site or a folder, which a ledger
# may write on every row as where decisions go, published or not.
_PAGE = re.compile(r"^(?:HTTPS?://)?[^/\s]+\.[^/\s]+/\S*[^/\s]$", re.I)


def page_links(cells: pd.Series, within: bool = False) -> np.ndarray:
    """Cell-wise: a 公示网址 cell holding a page's address (the decision is online, its date aside);
    ``within``: a 备注 giving one among its words (详见 http://…/t20251020_31.html)."""
    def judge(texts):
        if within:
            return [_PAGE_WITHIN.search(normalise_text(t)) is not None for t in texts]
        return [_PAGE.match(normalise_text(t)) is not None for t in texts]
    return per_distinct(cells.to_numpy(object), judge).astype(bool)


_PAGE_WITHIN = re.compile(r"(?:HTTPS?://|WWW\.)[^/\s]+\.[^/\s]+/[^\s，,；;。）)]*[^/\s，,；;。）)]", re.I)
