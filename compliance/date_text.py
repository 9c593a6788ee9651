"""The words clerks and web pages put round a date (brackets, 发布时间：, 已于…在…公开, （补公开）), taken off
before the date is read (dates.py), and the words that say a date is when a decision went online."""

from __future__ import annotations

import re

# What may stand beside a publication date without making the day doubtful: the page's address (a
# 公开网址及公开日期 column holds both, often on two lines) and the status word in brackets, 2023-3-10（已公开）.
# with its scheme or www., or a site's name (xss.gov.cn/…) or a path (xxgk/2026/10/08/…) without: a word of
# Latin letters with a slash after it (a date, 2026/10/08, starts with a digit and is none)
WEB_ADDRESS = _ADDRESS = re.compile(r"(?:https?://|www\.|(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*/)"
                                    r"[^\s，,；;、（）()]*", re.IGNORECASE)
_STATUS_MARK = re.compile(r"\(\s*已?(?:经)?(?:公开|公示|上网|发布|挂网)\s*\)")


_WRAPPED = re.compile(r"^[\[【(（〔]\s*(.+?)\s*[\]】)）〕]$")
# before the date: 发布时间：, 已于, 已公开, 已在门户网站公开, 公开于; after it: 在区政府网站已公开, 已在信用中国公示,
# （已公开）, （补公开）. The words are the same whichever side of the date a clerk puts them.
_PUBLISHED_WORD = r"(?:公开|公示|发布|上网|挂网)"
_SAID_BEFORE = re.compile(r"^(?:(?:发布|公开|公示|上网|更新)(?:时间|日期)\s*[:：]\s*|已?于\s*|(?:是|√|✓)\s*[:：，,]?\s*"
                          rf"|已?(?:在[^\d]{{0,30}}?)?{_PUBLISHED_WORD}(?:于|时间|日期)?\s*[:：]?\s*)")
_SAID_AFTER = re.compile(rf"\s*(?:[(（]\s*)?已?(?:在[^\d]{{0,30}}?)?(?:已|补)?{_PUBLISHED_WORD}了?(?:\s*[)）])?$")


# The words a publication date is said with (已公开 2024-03-08): beside a date in a decision-date column,
# the day named is when it went online, not when it was decided (ingest/records.py).
PUBLISHED_WORDS = re.compile(r"[\s\S]*?(?:公开|公示|发布|上网|挂网)")  # matched at the start (textscan.matches)
# Words that turn 公开 round (未公示, 待公开, 暂不公开, 撤下公示): the date beside them is no publication.
_NEGATED = re.compile(r"未(?:能|曾|经|予)?(?:公开|公示|发布|上网|挂网)|待(?:公开|公示|发布|上网)|撤[下销回除]|暂不|不予|"
                      r"不(?:公开|公示|发布|上网)|没有|尚未|^否")


# A short note in brackets after the date naming where it went online or the procedure (2026-10-09（信用中国）,
# 2026-09-03（简易程序）): the day is the day. Any other note stays, the day doubtful: it may name another step's
# day (立案, 送达, 报送, 审核中, 退回) or doubt it (拟, 待定); so does a site's note with such a word in it.
_NOTE_AFTER = re.compile(r"(?<=\d)\s*[日号]?\s*[(（]\s*([\u4e00-\u9fff]{1,12})\s*[)）]\s*$")
_PLACE_OR_PROCEDURE = re.compile(r"网|信用|门户|政务|政府|平台|公众号|公示栏|简易|一般程序|普通程序|当场")
_DOUBT = re.compile(r"拟|预|计划|待|约|暂|未|不|否|或|至|到|前|后|左右|估|可能|撤|删|下架|作废|错|误|更正|重新|补|改|审|报|退|驳|败|故障|截止")


def unwrapped(text: str) -> str:
    """A date in the words web pages and clerks put round it: brackets, 发布时间：, 已于…在…公开 (not 未公开), a
    short note in brackets after it (简易程序)."""
    bare = _WRAPPED.sub(r"\1", text)
    if _NEGATED.search(bare):
        return bare
    bare = _SAID_AFTER.sub("", _SAID_BEFORE.sub("", bare))
    note = _NOTE_AFTER.search(bare)
    benign = note is not None and _PLACE_OR_PROCEDURE.search(note.group(1)) and not _DOUBT.search(note.group(1))
    return bare[:note.start()] if benign else bare


def beside_the_date(text: str) -> str:
    """``text`` without a web address and a bracketed 已公开, when a date is left (else as it was)."""
    rest = _STATUS_MARK.sub("", _ADDRESS.sub(" ", text)).replace("（ ）", "").replace("( )", "").strip(" \t\r\n，,；;、:：")
    return rest if rest and rest[0].isdigit() else text
