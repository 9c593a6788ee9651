"""ID numbers (公民身份号码) inside free text, masked to their first 6 and last 4 characters.
A module without numpy or pandas: `history open` masks its items with it and must start fast."""

from __future__ import annotations

import re

# 18 digits, the last may be X; typed with spaces, hyphens or dots between its 6-8-4 (or 6-4-4-4) groups (420203 19850612
# 3011) or in full-width digits (１１０１０５…) as often as plain
_D = "[0-9０-９]"
_SEP = "[ \u3000\\-－–—.·]{0,2}"  # only between the 6-4-4-4 groups: a phone number after a hyphen is no ID
ID_IN_TEXT = rf"(?<![0-9０-９A-Za-z])({_D}{{6}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{3}}[0-9０-９XxＸｘ])(?![0-9０-９A-Za-z])"
ID_PATTERN = _ID = re.compile(ID_IN_TEXT)
_PLAIN = str.maketrans("０１２３４５６７８９Ｘｘx", "0123456789XXX", " \u3000-－–—.·")


def plain_id(found: str) -> str:
    """An ID number as found in text, as 18 plain characters (half-width digits, X, no separators)."""
    return found.translate(_PLAIN)


def _masked(match: re.Match) -> str:
    number = plain_id(match.group(1))
    return number[:6] + "*" * 8 + number[14:]


def mask_ids(text):
    """``text`` with every 18-digit ID-shaped number masked (first 6, last 4 kept); anything not a
    string as it is."""
    return _ID.sub(_masked, text) if isinstance(text, str) else text
