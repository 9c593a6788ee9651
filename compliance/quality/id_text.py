"""ID numbers (公民身份号码) inside free text, masked to their first 6 and last 4 characters.
A module without numpy or pandas: `history open` masks its items with it and must start fast."""

from __future__ import annotations

import re

ID_IN_TEXT = r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])"
MASKED = r"\1********\2"
_ID = re.compile(ID_IN_TEXT)


def mask_ids(text):
    """``text`` with every 18-digit ID-shaped number masked; anything not a string as it is."""
    return _ID.sub(MASKED, text) if isinstance(text, str) else text
