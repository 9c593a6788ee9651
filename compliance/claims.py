"""A unit's own claim, in words, that a decision is not to be published (不予公开, 涉密, 无需公开 …), which
exempt.py lists for 法制办 to confirm; and the words that only say what a published entry leaves out."""

from __future__ import annotations

import re

import numpy as np

from .textscan import contains_any

# A unit's own claim that a decision is not to be published (exempt.py: listed for 法制办 to confirm).
NOT_TO_BE_PUBLISHED = ("不予公开", "不公开", "涉密", "免予公开", "不再公开", "暂缓公开", "隐私",
                       # 无需公开 (简易程序无需公开) is the commonest wording of the same claim
                       "无需公开", "无须公开", "不需公开", "不需要公开", "免于公开", "不予公示", "不公示", "无需公示",
                       "无须公示", "不需公示", "免予公示", "免于公示",
                       # the grounds 政府信息公开条例 第十四、十五、十六条 give: secrets, internal matters; and
                       # 依申请公开 (given on request only, not published)
                       "涉及国家秘密", "涉及商业秘密", "涉及工作秘密", "属于国家秘密", "属于商业秘密", "属于工作秘密",
                       "属于内部管理信息", "属于内部事务信息", "属于过程性信息", "依申请公开")  # 侵犯商业秘密案 is a case
# In a 备注, 当前状态 or 文号 cell, a number voided or a decision revoked is such a claim too. Not in the
# publication-date cell: there 已撤销 may say the entry was taken down after it went online.
VOIDED_OR_REVOKED = ("作废", "空号", "撤销", "撤回")


def says_not_to_be_published(texts, voided: bool = False) -> np.ndarray:
    """Per text: the unit's own claim that the decision is not to be published (不公开, 涉密 …; with
    ``voided``, 作废 and 撤销 too)."""
    words = NOT_TO_BE_PUBLISHED + VOIDED_OR_REVOKED if voided else NOT_TO_BE_PUBLISHED
    claims = contains_any(texts, words)
    redacted = np.flatnonzero(claims)
    if len(redacted):  # 不公示姓名 is published with a name hidden: the claim is what is left without it
        cells = np.asarray(texts, dtype=object)[redacted]
        hiding = contains_any(cells, REDACTED)
        if hiding.any():
            left = np.array([_REDACTED.sub("", t) for t in cells[hiding]], dtype=object)  # the few cells that say so
            claims[redacted[hiding]] = contains_any(left, words)
    return claims


# What a published entry leaves out (个人信息保护), not whether the decision is published.
REDACTED = tuple(f"{verb}{what}" for verb in ("不公开", "不公示", "隐去", "不显示")
                 for what in ("姓名", "身份证", "证件号", "个人信息", "住址", "联系方式", "电话"))
_REDACTED = re.compile("|".join(REDACTED))
