"""The columns a text takes where it is shown in a fixed grid (a terminal, a spreadsheet column): a Chinese or
full-width character takes two. Kept free of pandas: `--help` must start fast."""

from __future__ import annotations


def display_width(text: str) -> int:
    """Columns ``text`` needs: CJK characters (and everything from U+2E80 on) take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
