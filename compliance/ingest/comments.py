"""Cell comments (批注) of an .xlsx sheet: a clerk who did not fill in the publication date often says in a
comment on that very cell that it was published (已公开 2026-10-28, 已于2026年11月5日在区政府网站公开). Excel
and WPS show it with a red triangle. A blank publication cell is read by its comment's text, and the sheet
says so (docs/rules.md §8); comments elsewhere are not read.

Found through the sheet's relationships (xl/worksheets/_rels/sheetN.xml.rels -> ../commentsN.xml).
"""

from __future__ import annotations

import posixpath
import re
from xml.etree import ElementTree

import numpy as np
import pandas as pd

from .workbookxml import parse

_COMMENTS_TYPE = "/comments"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
# Excel prefixes a comment with its author's name and a colon on a line of its own ("张三:\n已公开")
_AUTHOR = re.compile(r"^[^\n:：]{1,30}[:：]\s*\n")
MOST = 10_000  # comments read per sheet: a note, never a second table


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def sheet_comments(archive, names: set[str], part: str) -> dict[tuple[int, int], str]:
    """{(row, column) 0-based: the comment's text} of the sheet at ``part``; {} when it has none."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    by_lower = {n.lower(): n for n in names}
    if rels.lower() not in by_lower:
        return {}
    try:
        targets = [r.get("Target") for r in parse(archive.read(by_lower[rels.lower()])).iter()
                   if _local(r.tag) == "Relationship" and (r.get("Type") or "").endswith(_COMMENTS_TYPE)
                   and r.get("Target")]
        found: dict[tuple[int, int], str] = {}
        for target in targets:
            target = target.replace("\\", "/")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if path.lower() in by_lower:
                found.update(_comments(parse(archive.read(by_lower[path.lower()]))))
        return found
    except (ElementTree.ParseError, ValueError, KeyError):
        return {}  # a broken comments part hides a comment, never the sheet


def _comments(root) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    for comment in root.iter():
        if _local(comment.tag) != "comment" or len(found) >= MOST:
            continue
        ref = _REF.match((comment.get("ref") or "").split(":")[0].strip())
        if ref is None:
            continue
        text = "".join(t.text or "" for t in comment.iter() if _local(t.tag) == "t")
        text = _AUTHOR.sub("", text.strip(), count=1).strip()
        if text:
            found[(int(ref.group(2)) - 1, _column(ref.group(1)))] = text
    return found


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number - 1


def fill_from_comments(frame: pd.DataFrame, comments: dict[tuple[int, int], str], header_index: int,
                       column: int | None) -> list[int]:
    """In place: the blank cells of ``column`` (the publication date's) with a comment hold its text.
    Returns the Excel row numbers filled so."""
    if not comments or column is None or column not in frame.columns:
        return []
    filled = []
    values = frame[column].to_numpy(object, copy=True)  # copy-on-write frames hand out read-only views
    for (row, c), text in comments.items():
        at = row - header_index - 1
        if c != column or not 0 <= at < len(values):
            continue
        value = values[at]
        if value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, float) and np.isnan(value)):
            values[at] = text
            filled.append(row + 1)
    if filled:
        frame[column] = values
    return sorted(filled)
