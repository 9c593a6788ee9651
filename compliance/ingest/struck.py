"""Rows a clerk struck through (删除线) in an .xlsx: the usual way to void a line without deleting it;
and rows hidden in the sheet (by hand or a filter), which are read but said.

A struck row is still read as a record (the tool does not decide that a decision was voided), but it
says so; and a struck row that would be 逾期 is not called late (classify.py): a false accusation
weighs more than a missed one, and the unit is asked to confirm (docs/rules.md §8).

Cost: styles.xml is small and parsed as XML; the sheet's cells are looked at only when some cell
style uses a struck font, which most workbooks never do.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import numpy as np

from ..problems import problem
from .rowscan import PartTags, attribute
from .workbookxml import parse

STYLES = "xl/styles.xml"
_ROW_R = re.compile(rb"""(?:^|\s)r\s*=\s*["'](\d{1,7})["']""")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def styles_part(archive, names: set[str]):
    """The parsed styles part (xl/styles.xml), or None where there is none or it is broken: the cells are
    then read without their styles, which only hides strikes and month-only formats."""
    by_lower = {n.lower(): n for n in names}
    if STYLES not in by_lower:
        return None
    try:
        return parse(archive.read(by_lower[STYLES]))
    except (ElementTree.ParseError, ValueError):
        return None


def struck_styles(root) -> frozenset[int]:
    """The cell formats (``s`` indexes into cellXfs) whose font is struck through (``root``: styles_part)."""
    if root is None:
        return frozenset()
    struck_fonts: set[int] = set()
    formats: list[str | None] = []
    for element in root:
        if _local(element.tag) == "fonts":
            for k, font in enumerate(e for e in element if _local(e.tag) == "font"):
                if any(_local(p.tag) == "strike" and (p.get("val") or "1").lower() not in ("0", "false")
                       for p in font):
                    struck_fonts.add(k)
        elif _local(element.tag) == "cellXfs":
            formats = [xf.get("fontId") for xf in element if _local(xf.tag) == "xf"]
    if not struck_fonts:
        return frozenset()
    return frozenset(k for k, font in enumerate(formats) if font is not None and font.isdigit()
                     and int(font) in struck_fonts)


def struck_strings(archive, names: set[str]) -> frozenset[int]:
    """The shared strings (their indexes) struck through by their own text runs (<r><rPr><strike/>), as a
    clerk strikes a cell's text rather than its font: every run with text struck. Parsed only where the
    part has a strike at all."""
    name = next((n for n in names if n.lower() == "xl/sharedstrings.xml"), None)
    if name is None:
        return frozenset()
    data = archive.read(name)
    if b"strike" not in data:
        return frozenset()
    try:
        root = parse(data)
    except (ElementTree.ParseError, ValueError):
        return frozenset()
    return frozenset(k for k, item in enumerate(e for e in root if _local(e.tag) == "si") if _runs_struck(item))


def _runs_struck(item) -> bool:
    """An <si> or <is> whose text is all in runs, each run with text struck through."""
    runs = [r for r in item if _local(r.tag) == "r"]
    texted = [r for r in runs if "".join(t.text or "" for t in r if _local(t.tag) == "t").strip()]
    if not texted or any(_local(e.tag) == "t" and (e.text or "").strip() for e in item):
        return False
    return all(any(_local(p.tag) == "rPr" and any(_local(q.tag) == "strike" and (q.get("val") or "1").lower()
                                                  not in ("0", "false") for q in p) for p in r) for r in texted)


_SHARED_INDEX = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>\s*(\d{1,9})\s*<")
_INLINE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?is[\s>].*?</(?:[A-Za-z_][\w.-]*:)?is>", re.S)


def struck_in_part(part: bytes, tags: PartTags, formats: frozenset[int], last_row: int,
                   strings: frozenset[int] = frozenset()) -> tuple[set[int], int]:
    """(0-based rows of ``part`` struck through, the part's last row number). A row is struck when at
    least half of its cells with content are, by the cell's font (``formats``) or by the runs of its text
    (``strings``: struck shared strings; an inline string's runs are looked at in place); cells without
    content (``<c …/>``) do not count."""
    struck: set[int] = set()
    starts = list(tags.row_tag.finditer(part))
    for k, row in enumerate(starts):
        number = _ROW_R.search(row.group(1))
        last_row = int(number.group(1)) if number else last_row + 1
        if row.group(1).endswith(b"/"):
            continue  # <row …/>: no cells
        end = starts[k + 1].start() if k + 1 < len(starts) else len(part)
        cells = crossed = 0
        found = list(tags.cell_tag.finditer(part, row.end(), end))
        for j, cell in enumerate(found):
            attrs = cell.group(1)
            if attrs.endswith(b"/"):
                continue
            cells += 1
            style = attribute(attrs, b"s")
            stop = found[j + 1].start() if j + 1 < len(found) else end  # the cell's body: up to the next cell
            if style is not None and style.isdigit() and int(style) in formats:
                crossed += 1
            elif part.find(b"strike", cell.end(), stop) >= 0:  # an inline string's own runs
                crossed += _text_struck(part[cell.end():stop], attribute(attrs, b"t"), strings)
            elif strings and attribute(attrs, b"t") == b"s":
                index = _SHARED_INDEX.search(part, cell.end(), stop)
                crossed += index is not None and int(index.group(1)) in strings
        if cells and crossed * 2 >= cells:
            struck.add(last_row - 1)
    return struck, last_row


def _text_struck(body: bytes, kind: bytes | None, strings: frozenset[int]) -> bool:
    """A cell's body with a strike in it: an inline string whose runs are all struck."""
    inline = _INLINE.search(body)
    if kind != b"inlineStr" or inline is None:
        index = _SHARED_INDEX.search(body)
        return kind == b"s" and index is not None and int(index.group(1)) in strings
    try:
        return _runs_struck(parse(inline.group(0)))
    except (ElementTree.ParseError, ValueError):
        return False


_HIDDEN = re.compile(rb"""(?:^|\s)hidden\s*=\s*["'](?:1|true)["']""")


def hidden_in_part(part: bytes, tags: PartTags, last_row: int) -> set[int]:
    """0-based rows of ``part`` hidden in the sheet (<row hidden="1">: hidden by hand or by a filter);
    ``last_row``: the number of the row before the part."""
    hidden: set[int] = set()
    for row in tags.row_tag.finditer(part):
        number = _ROW_R.search(row.group(1))
        last_row = int(number.group(1)) if number else last_row + 1
        if _HIDDEN.search(row.group(1)):
            hidden.add(last_row - 1)
    return hidden


def row_notes(labelled: np.ndarray, rows: np.ndarray, struck: frozenset[int]) -> np.ndarray:
    """Each record's note code: a struck row says so first; else a row labelled 合计 that holds a decision."""
    notes = np.where(labelled, "row-labelled-as-total", None)
    if struck:
        notes[np.isin(np.asarray(rows) - 1, np.fromiter(struck, dtype=np.int64))] = "row-struck-through"
    return notes


def hidden_rows_note(hidden: frozenset[int], header_index: int, counts: np.ndarray, at: dict) -> list:
    """The sheet's word on its hidden rows with content below the header: read like the others, but a
    person opening the file sees fewer rows than the report counts (a filter left on, rows hidden by hand)."""
    if not hidden:
        return []
    below = np.fromiter(sorted(r - header_index - 1 for r in hidden if r > header_index), dtype=np.int64)
    below = below[below < len(counts)]
    rows = below[counts[below] > 0] + header_index + 2  # as Excel numbers them
    if not len(rows):
        return []
    shown = "、".join(str(r) for r in rows[:5]) + ("等" if len(rows) > 5 else "")
    return [problem("rows-hidden", **at, count=len(rows), rows=shown)]


def xls_struck_formats(book) -> frozenset[int]:
    """A BIFF .xls (xlrd, opened with formatting_info): the cell formats whose font is struck through."""
    fonts = getattr(book, "font_list", None) or []
    return frozenset(k for k, xf in enumerate(getattr(book, "xf_list", None) or [])
                     if xf.font_index < len(fonts) and fonts[xf.font_index].struck_out)


def xls_row_marks(sheet, struck: frozenset[int]) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """(hidden columns, hidden rows, struck rows), 0-based, of an xlrd sheet: as ``struck_in_part`` and
    the .xlsx scan judge them (a row is struck when at least half its cells with content are)."""
    columns = frozenset(c for c, info in getattr(sheet, "colinfo_map", {}).items() if info.hidden)
    rows = frozenset(r for r, info in getattr(sheet, "rowinfo_map", {}).items() if info.hidden)
    crossed_rows = set()
    if struck:
        for r in range(sheet.nrows):
            kinds = sheet.row_types(r)
            filled = [c for c, kind in enumerate(kinds) if kind not in (0, 6)]  # XL_CELL_EMPTY, XL_CELL_BLANK
            crossed = sum(sheet.cell_xf_index(r, c) in struck for c in filled)
            if filled and crossed * 2 >= len(filled):
                crossed_rows.add(r)
    return columns, rows, frozenset(crossed_rows)
