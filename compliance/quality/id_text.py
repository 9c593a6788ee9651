"""ID numbers (公民身份号码) inside free text, masked to their first 6 and last 4 characters.
A module without numpy or pandas: `history open` masks its items with it and must start fast."""

from __future__ import annotations

import datetime as dt
import re

# 18 digits, the last may be X (or ×, as a Chinese input method types it); typed with spaces, hyphens or dots between
# its 6-8-4 (or 6-4-4-4) groups (420203 19850612 3011) or in full-width digits (１１０１０５…) as often as plain
_D = "[0-9０-９]"
_SEP = "[ \u3000\\-－–—.·]{0,2}"  # only between the 6-4-4-4 groups: a phone number after a hyphen is no ID
# (张三ID420203…, 身份证号No.420203…: a letter before the number does not hide it; one after it does, as in a code)
_LAST = "[0-9０-９XxＸｘ×╳✕✗]"
# or in fours, as a card's number is read out (4202 0319 8501 0130 16: probe p93)
ID_IN_TEXT = (rf"(?<![0-9０-９])({_D}{{6}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{3}}{_LAST}"
              rf"|{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{_LAST})(?![0-9０-９A-Za-z])")
# The first-generation number (before 1999, still met in old files): 6-digit area, YYMMDD, 3 digits; the date is
# checked where it is found (_masked), so a 15-digit 注册号 rarely matches
ID15_IN_TEXT = rf"(?<![0-9０-９])({_D}{{15}})(?![0-9０-９A-Za-z])"
ID_PATTERN = _ID = re.compile(f"{ID_IN_TEXT}|{ID15_IN_TEXT}")
# how the shapes begin (no phone number does): a quick test before the pattern
ID_HINT = re.compile(f"{_D}{{6}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}|{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}{_SEP}{_D}{{4}}")
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


# GB/T 2260's provinces, and 83 (台湾居民居住证): an ID's first two digits. A 统一社会信用代码's first two
# are its registering authority and kind (91 an enterprise, 92 个体工商户, 93 a co-operative): no province.
PROVINCE_CODES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
                            50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83})


def first_generation_id(number) -> bool:
    """15 digits that are a first-generation ID: a province, a real 19YYMMDD, and no 工商注册号 (whose last
    digit checks by GB/T 17710 MOD 11,10; an ID passes it by chance 1 time in 10: missed, never accused)."""
    if not (isinstance(number, str) and len(number) == 15 and number.isascii() and number.isdigit()):
        return False
    try:
        dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return False
    return int(number[:2]) in PROVINCE_CODES and not _registration_number(number)


def _registration_number(number: str) -> bool:
    """The 15-digit 工商注册号's check digit (GB/T 17710, ISO 7064 MOD 11,10) holds."""
    p = 10
    for digit in number[:14]:
        p = (((p % 11) + int(digit)) % 10 or 10) * 2
    return (p % 11 + int(number[14])) % 10 == 1
