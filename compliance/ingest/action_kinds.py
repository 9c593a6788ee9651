"""A category cell that names another kind of administrative action (行政确认, 备案, 其他行政权力): neither a
permit nor a penalty, so out of this check's scope (docs/rules.md, 类别一栏写的是其他行政行为)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..fields import category_from_text
from .cells import per_distinct

OTHER_ACTIONS = r"行政(?:确认|强制|检查|征收|征用|给付|奖励|裁决|备案|指导|监督|复议)|^(?:其他|其它)(?:行政行为|行政权力|权力|职权|事项|行政事项|权力事项)$" \
    r"|^公共服务|^(?:确认|备案|强制|检查|征收|征用|给付|奖励|裁决)类?$|备案$"
_OTHER_ACTIONS = re.compile(OTHER_ACTIONS)
# A bare 其他 is another kind of action only in a column of kinds of action (许可 / 处罚 / 确认 / 其他); in a
# 许可类别 or 处罚类别 column (普通 / 核准 / 罚款 / 其他) it is a kind of permit or penalty (the standard's).
_ACTION_KIND = re.compile(r"^(?:行政)?(?:许可|处罚|确认|备案|强制|检查|征收|征用|给付|奖励|裁决)(?:类|决定)?$")
_BARE_OTHER = frozenset({"其他", "其它", "其他类", "其它类"})


def _other_actions(texts: np.ndarray) -> list[bool]:
    search = _OTHER_ACTIONS.search
    return [search(t) is not None for t in texts]


def other_actions(raw: pd.Series) -> np.ndarray:
    """Per cell of a category column: it names another kind of action (each distinct text looked at once)."""
    other = per_distinct(raw.to_numpy(object), _other_actions).astype(bool)
    kinds = set(pd.unique(raw.to_numpy(object)))
    if kinds & _BARE_OTHER and any(isinstance(k, str) and _ACTION_KIND.match(k) for k in kinds):
        other |= raw.isin(_BARE_OTHER).to_numpy(bool)
    return other


OTHER = "other"  # what a section row, a sheet name, a title or a file name sets where it names another action
_NAMED_OTHER = re.compile(r"行政(?:确认|强制|检查|征收|征用|给付|奖励|裁决|备案)|(?:其他|其它)(?:行政)?(?:权力|行为|职权)"
                          r"|^(?:确认|备案|强制|检查|征收|征用|给付|奖励|裁决)类?$")


def kind_from_text(text: str) -> str | None:
    """A sheet name's, title's, section row's or file name's category: permit or penalty; OTHER where it
    names another kind of action (二、行政确认, a sheet 行政确认, 特种设备使用登记（行政确认）台账) and neither."""
    found = category_from_text(text)
    if found is None and isinstance(text, str) and _NAMED_OTHER.search(re.sub(r"\s+", "", text)):
        return OTHER
    return found
