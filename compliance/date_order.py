"""Dates written day and month both under 13 (11/4/2024) read in the order the rest of their column shows.

A column exported from an English-locale system writes every date month first (9/30/2024, 11/4/2024). On its
own, 11/4/2024 could be 4 November or 11 April, and is a data problem (date-order-unclear). Where other dates
of the same column can only be read one way (9/30/2024: month first) and none of them the other way, the
doubtful ones are read that way too. A column that shows both orders, or neither, leaves them doubtful.
"""

from __future__ import annotations

import re
from typing import Callable

import numpy as np

UNCLEAR = "date-order-unclear"
# 9/30/2026 (a CSV from an English-language Excel) or 30/9/2026: the year last (dates.py reads it). Only one
# order gives a day when a number is over 12; 10/9/2026 may be either.
YEAR_LAST = re.compile(r"^(?P<a>\d{1,2})\s*[/.\-]\s*(?P<b>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})(?!\d)")


def settled_order(texts: np.ndarray, days: np.ndarray, codes: np.ndarray, normalise: Callable[[str], str],
                  build: Callable) -> tuple[np.ndarray, np.ndarray]:
    """(days, codes) of a column's distinct date ``texts``, the unclear ones read in the column's order;
    ``normalise`` and ``build`` (year, month, day, text -> ParsedDate): dates.py's own."""
    unclear = np.flatnonzero(codes == UNCLEAR)
    if not len(unclear):
        return days, codes
    month_first = day_first = False
    for text, code in zip(texts.tolist(), codes.tolist()):  # distinct texts of one column: a few hundred
        found = YEAR_LAST.search(normalise(text)) if isinstance(text, str) and code is None else None
        if found is not None:
            a, b = int(found.group("a")), int(found.group("b"))
            month_first |= a <= 12 < b
            day_first |= b <= 12 < a
    if month_first == day_first:  # both orders, or no evidence: still unclear
        return days, codes
    for i in unclear.tolist():
        found = YEAR_LAST.search(normalise(texts[i]))
        if found is None:
            continue
        a, b, year = int(found.group("a")), int(found.group("b")), int(found.group("y"))
        parsed = build(year, a, b, texts[i]) if month_first else build(year, b, a, texts[i])
        if parsed.ok:
            days[i], codes[i] = parsed.date, None
    return days, codes
