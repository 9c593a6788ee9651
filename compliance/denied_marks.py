"""A 是否公开 mark of 否 (未公开, 不公开) beside a filled publication date: the mark or the date is wrong; and
likewise a party of one decision (its 文书号 merged over the parties' rows) whose publication cell is blank.
On time by the date is no answer then (the date may be a day planned, and the decision still not online):
数据有误. Late by the date is late whichever is right (not online by the deadline either way): it stays
late. Both say so (published-denied-with-date; docs/rules.md §8)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .status import STATUSES


# (the column that says so, the word): 是否公开 否 beside a date; a merged number's party left without a day
# (甲 2026-09-10, 乙 blank: 乙's part is not said to be online), ingest/repeats.py
DOUBTS = (("published_denied", "published-denied-with-date"), ("party_unpublished", "published-party-blank"))


def weigh_denials(records, judged: dict, problem: np.ndarray) -> np.ndarray:
    """``judged["status"]`` with the on-time ones turned 数据有误; the problem column with the word said."""
    for name, code in DOUBTS:
        if name not in records.columns:
            continue
        values = records[name].to_numpy(object)
        denied = pd.notna(values) & (values != False)  # noqa: E712 - a flag, or the parties' names
        on_time = denied & (judged["status"] == STATUSES.index("on_time"))
        judged["status"][on_time] = STATUSES.index("invalid")
        said = denied & np.isin(judged["status"], [STATUSES.index("invalid"), STATUSES.index("late")])
        problem = np.where(said & (problem == None), code, problem)  # noqa: E711
    return problem
