"""A 是否公开 mark of 否 (未公开, 不公开) beside a filled publication date: the mark or the date is wrong.
On time by the date is no answer then (the date may be a day planned, and the decision still not online):
数据有误. Late by the date is late whichever is right (not online by the deadline either way): it stays
late. Both say so (published-denied-with-date; docs/rules.md §8)."""

from __future__ import annotations

import numpy as np

from .status import STATUSES


def weigh_denials(records, judged: dict, problem: np.ndarray) -> np.ndarray:
    """``judged["status"]`` with the on-time ones turned 数据有误; the problem column with the word said."""
    if "published_denied" not in records.columns:
        return problem
    denied = records["published_denied"].fillna(False).to_numpy(bool)
    on_time = denied & (judged["status"] == STATUSES.index("on_time"))
    judged["status"][on_time] = STATUSES.index("invalid")
    said = denied & np.isin(judged["status"], [STATUSES.index("invalid"), STATUSES.index("late")])
    return np.where(said & (problem == None), "published-denied-with-date", problem)  # noqa: E711
