"""A licence ledger's later decisions on a licence (变更, 延续, 注销 …) dated by the licence's grant day.

A licence ledger often keeps one row per action with a 业务类型 (新办 / 变更 / 注销) and a single date column
headed 发证日期. On a 注销 row that cell may still hold the day the licence was first granted, years before
the 注销 decision: judged by it, the row is late by years (a false accusation). classify.py therefore never
calls such a row late on that date alone (docs/rules.md §8):
- 注销, 撤回, 撤销, 吊销 …: no new certificate is issued, so the grant day stays on the row;
- 变更, 延续, 换证, 补证 …: a new certificate usually carries the new day, so only a date more than a
  year before the publication (or the as-of day), or the licence's 新办 day, is doubted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .body import mapped_column
from .cells import per_distinct

NO_NEW_CERTIFICATE = ("注销", "撤回", "撤销", "吊销", "缴销")
# a replacement (补证) is printed anew too, usually dated the day it was issued
NEW_CERTIFICATE = ("变更", "延续", "换证", "换发", "延期", "续期", "更换", "补证", "补发", "补办", "遗失")
FIRST_GRANT = ("新办", "新申请", "首次", "初次", "设立", "新设", "新发", "核发")
# a decision-date header naming the grant of the licence, not the day of the row's own action
GRANT_HEADER = ("发证", "核发", "颁证", "颁发", "取证", "准予许可", "首次", "初次", "原证")
# a decision-date header naming a later action's own day (换证日期, 注销日期: fields.py)
ACTION_DATE = ("换证", "换发", "补证", "变更", "延续", "注销")


def _action_words(texts: np.ndarray) -> list:
    """The action each 业务类型 text names (注销 before 变更: 变更（注销） is a 注销), or None."""
    words = NO_NEW_CERTIFICATE + NEW_CERTIFICATE + FIRST_GRANT
    return [next((w for w in words if w in str(text)), None) for text in texts]


def business_actions(kept: pd.DataFrame, mapping, text) -> np.ndarray | None:
    """Each row's action by its 业务类型 (None where the cell names none); None when there is no such column."""
    if "business_type" not in mapping.columns:
        return None
    raw = text(mapped_column(kept, mapping, "business_type")).reset_index(drop=True)
    return per_distinct(raw.to_numpy(object), _action_words)


def _later(actions: np.ndarray) -> np.ndarray:
    return pd.Series(actions, dtype=object).isin(NO_NEW_CERTIFICATE + NEW_CERTIFICATE).to_numpy(bool)


def _grant(header: str | None) -> bool:
    return any(word in (header or "") for word in GRANT_HEADER)


def own_action_dates(actions: np.ndarray | None, mapping, decided: np.ndarray, second: np.ndarray):
    """A 发证日期 column beside a 换证日期 / 注销日期 one: a later action's row is dated by the action's own
    column, a 新办 row by the grant's (either column first). Returns (decided, second, the rows so dated),
    ``second`` without them: the two dates are no doubt there."""
    other = mapping.alternates.get("decision_date")
    none = np.zeros(len(decided), dtype=bool)
    if actions is None or other is None:
        return decided, second, none
    first, then = mapping.header_of("decision_date") or "", mapping.headers[other] or ""
    if _grant(first) and any(word in then for word in ACTION_DATE):
        dated = _later(actions) & ~np.isnat(second)  # the action's column is the second: take its date
        return np.where(dated, second, decided), np.where(dated, np.datetime64("NaT"), second), dated
    if _grant(then) and any(word in first for word in ACTION_DATE):
        dated = _later(actions) & ~np.isnat(decided)  # the first already: the grant's day is no doubt
        return decided, np.where(dated, np.datetime64("NaT"), second), dated
    return decided, second, none


def dated_by_grant(actions: np.ndarray | None, mapping, own: np.ndarray) -> np.ndarray | None:
    """The decision-date header beside each later action (注销, 变更 …) when that header names the grant
    (发证日期) and the row has no date of the action's own (``own``): the rows classify doubts. None when
    no row is such."""
    if actions is None or "decision_date" not in mapping.columns:
        return None
    header = mapping.header_of("decision_date")
    if not _grant(header):
        return None
    later = _later(actions) & ~own
    return np.where(later, header, None) if later.any() else None


def keeps_grant_day(actions: pd.Series) -> np.ndarray:
    """The actions that issue no new certificate: their row keeps the grant day."""
    return actions.isin(NO_NEW_CERTIFICATE).to_numpy(bool)
