"""The day a ledger says it was filled in (填报日期：2026年10月20日, 报送日期 | 2026/10/20), read from the lines
above its table or the signature lines below it. A copy of a decision that says it is not published, in a
ledger filled in on that day, is no older ledger that a later copy's earlier publication day fills in: the
two copies contradict each other (repeats.py)."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import parse_date

_LABEL = re.compile(r"(?:填报|报送|填表|制表|报表)(?:日期|时间)\s*[:：]?\s*")
_DAY = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?")
_EDGE = 15  # rows at the top and at the bottom of a sheet where such a line stands


def filed_day(sheets) -> dt.date | None:
    """The latest 填报日期 any sheet of the file gives, None where none does."""
    found = []
    for raw in sheets:
        rows = raw.rows if len(raw.rows) <= 2 * _EDGE else [*raw.rows[:_EDGE], *raw.rows[-_EDGE:]]
        for row in rows:  # a few dozen short rows per sheet
            cells = [c for c in row if c is not None and c != ""]
            for k, cell in enumerate(cells):
                label = _LABEL.search(cell) if isinstance(cell, str) else None
                if label is None:
                    continue
                rest = cell[label.end():].strip()
                value = (_DAY.match(rest).group(0) if _DAY.match(rest) else None) if rest else \
                    (cells[k + 1] if k + 1 < len(cells) else None)
                parsed = parse_date(value) if value is not None else None
                if parsed is not None and parsed.ok:
                    found.append(parsed.date)
    return max(found) if found else None
