"""Records whose category is unknown where a permit's and a penalty's deadlines differ (a config with
许可 7, 处罚 20 working days): judged where both deadlines give the same answer, since the answer does
not hang on the category (docs/rules.md §7). On time by the earlier deadline is on time under both, and
unpublished before it is 未到期 under both (told by it: the day to publish by); past the later one, published
or not, is late under both, and is measured from the later, the lenient one.
Between the two the answer hangs on the category: 数据有误 as before (category-unknown)."""

from __future__ import annotations

import numpy as np

NO_DAY = np.datetime64("NaT", "D")


def either_category(records, calendar, rules, decision: np.ndarray, published: np.ndarray,
                    as_of_day: np.datetime64) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(the records judged so, their working days, their deadline) for records whose rule is unknown."""
    unknown = records["rule_unknown"].to_numpy(bool) & ~np.isnat(decision)
    n = len(decision)
    if not unknown.any():
        return unknown, np.zeros(n, np.int64), np.full(n, NO_DAY)
    _, permit, penalty = rules.in_force(decision)
    short, long = np.minimum(permit, penalty), np.maximum(permit, penalty)
    dated = np.where(unknown, decision, NO_DAY)
    early, _ = calendar.add_days(dated, short)
    late, _ = calendar.add_days(dated, long)
    seen = np.where(published > as_of_day, NO_DAY, published)  # after the as-of date: not yet published then
    on_time = ~np.isnat(seen) & (seen <= early)  # NaT compares false: an uncovered deadline decides nothing
    past = np.where(np.isnat(seen), as_of_day, seen) > late
    waiting = np.isnat(seen) & (as_of_day <= early)  # unpublished, and neither deadline has come: 未到期 under both
    sooner = on_time | waiting  # told by the earlier deadline: the one to publish by
    judged = unknown & ~np.isnat(early) & ~np.isnat(late) & (sooner | past)
    return judged, np.where(sooner, short, long).astype(np.int64), np.where(sooner, early, late)


def said_either(out, either: np.ndarray, days: np.ndarray) -> None:
    """The records judged so carry the days they were judged by, and say why (category-unknown-either)."""
    if either.any():
        out["working_days"] = days
        before = out["category_problem"].to_numpy(object) if "category_problem" in out else None
        out["category_problem"] = np.where(either, "category-unknown-either", before)
