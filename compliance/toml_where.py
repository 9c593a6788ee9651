"""Where a setting is written in a TOML file, so that a message can name the line.

tomllib returns values without positions. The lines are found again here by
reading the text: a ``[table]`` or ``[[table]]`` header, then ``key = …``
(bare, "quoted" or 'quoted'). A setting written another way (an inline table,
a dotted key) has no line found, and the message names only the file.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")


def _key_pattern(key: str) -> re.Pattern:
    escaped = re.escape(key)
    return re.compile(rf"""\s*(?:"{escaped}"|'{escaped}'|{escaped})\s*=""")


def key_line(text: str, table: str, key: str | None = None, occurrence: int = 1) -> int | None:
    """The 1-based line of ``key`` in ``[table]`` (in the ``occurrence``-th ``[[table]]``);
    with no key, the line of that table's header. None when it is not written that way."""
    current, seen = None, 0
    pattern = _key_pattern(key) if key is not None else None
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            current = header.group(2).replace(" ", "")
            if current == table:
                seen += 1
                if pattern is None and seen == occurrence:
                    return number
            continue
        if pattern is not None and current == table and seen == occurrence and pattern.match(line):
            return number
    return None


def where(path, line: int | None) -> str:
    """配置文件 X 第 N 行 — or just the file when the line is unknown."""
    return f"配置文件 {path} 第 {line} 行" if line else f"配置文件 {path}"
