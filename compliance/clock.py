"""Today, as the offices that wrote the dates count it: China Standard Time (UTC+8), whatever the machine's zone.

Every date in a ledger is a Beijing date, and "today" bounds them (a decision or a
publication after today is a typo, and --as-of may not pass it). A server left on
UTC, as containers usually are, would call 2026-12-06 a date in the future until
08:00 in Beijing. China keeps no daylight saving time, so a fixed offset is exact.
"""

from __future__ import annotations

import datetime as dt

CHINA = dt.timezone(dt.timedelta(hours=8), "UTC+8")


def china_now() -> dt.datetime:
    """The wall-clock time in China, naive (as the reports print it)."""
    return dt.datetime.now(CHINA).replace(tzinfo=None)
