"""ID numbers (公民身份号码) inside free text, masked to their first 6 and last 4 characters.
A module without numpy or pandas: `history open` masks its items with it and must start fast."""

from __future__ import annotations

import re

# 18 digits, the last may be X (or ×, as a Chinese input method types it); typed with spaces, hyphens or dots between its 6-8-4 (or 6-4-4-4) groups (420203 19850612
# 3011) or in full-width digits (１１０１０５…) as often as plain
_D = "[0-9０-９]"
_SEP = "[ \u3000\\-－–—.·]{0,2}"  # only between the 6-4-4-4 groups: a phone number after a hyphen is no ID
# (张三ID420203…, 身份证号No.420203…: a letter before the number does not hide it; one after it does, as in a code)
ID_IN_TEXT = rf"(?<![0-9０-９])({_D}{{6}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{3}}[0-9０-９XxＸｘ×╳✕✗])(?![0-9０-９A-Za-z])"
# The first-generation number (before 1999, still met in old files): 6-digit area, YYMMDD, 3 digits; the date is
# checked where it is found (_masked), so a 15-digit 注册号 rarely matches
_ID15_IN_TEXT = rf"(?<![0-9０-９])({_D}{{15}})(?![0-9０-９A-Za-z])"
ID_PATTERN = _ID = re.compile(f"{ID_IN_TEXT}|{_ID15_IN_TEXT}")
_PLAIN = str.maketrans("０１２３４５６７８９Ｘｘx×╳✕✗", "0123456789XXXXXXX", " \u3000-－–—.·")


def plain_id(found: str) -> str:
    """An ID number as found in text, as 18 plain characters (half-width digits, X, no separators)."""
    return found.translate(_PLAIN)


def _masked(match: re.Match) -> str:
    if match.group(1) is None:  # 15 digits: an ID of the first generation if its YYMMDD is a date
        number = plain_id(match.group(2))
        month, day = int(number[8:10]), int(number[10:12])
        return number[:6] + "*" * 6 + number[12:] if 1 <= month <= 12 and 1 <= day <= 31 else match.group(2)
    number = plain_id(match.group(1))
    return number[:6] + "*" * 8 + number[14:]


def mask_ids(text):
    """``text`` with every ID-shaped number masked: 18 digits keep their first 6 and last 4, the old
    15 their first 6 and last 3; anything not a string as it is."""
    return _ID.sub(_masked, text) if isinstance(text, str) else text
