"""Which XML part holds which worksheet, read from workbook.xml and its relationships.

These parts are small, so they are parsed as XML, whatever the writer's
prefixes, quotes and attribute order; only the sheets are streamed. A DTD is
cut out before parsing, so no entity is ever expanded (billion laughs) or
fetched (XXE): a reference to one is then an error, as it is for calamine.
"""

from __future__ import annotations

import posixpath
import re
from xml.etree import ElementTree

RELS = "xl/_rels/workbook.xml.rels"
_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.S)


def parse(data: bytes):
    """The element tree of a small part, its DTD (if any) left out."""
    return ElementTree.fromstring(_DOCTYPE.sub(b"", data, count=1))


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attribute(element, local: str) -> str | None:
    """An attribute by its local name, in whatever namespace (r:id is transitional or strict)."""
    for key, value in element.attrib.items():
        if _local(key) == local:
            return value
    return None


def sheet_parts(archive, names: set[str]) -> tuple[bool, dict[str, str]]:
    """(date1904, {sheet name: part path}) in the workbook's order."""
    book = parse(archive.read("xl/workbook.xml"))
    date1904 = any(_local(e.tag) == "workbookPr" and (_attribute(e, "date1904") or "").lower() in ("1", "true")
                   for e in book.iter())
    targets = {}
    if RELS in names:
        for rel in parse(archive.read(RELS)).iter():
            if _local(rel.tag) == "Relationship" and rel.get("Id") and rel.get("Target"):
                targets[rel.get("Id")] = rel.get("Target")
    by_lower = {n.lower(): n for n in names}  # Windows-made files: any case, backslashes
    parts = {}
    for sheet in book.iter():
        if _local(sheet.tag) != "sheet":
            continue
        name, target = sheet.get("name"), targets.get(_attribute(sheet, "id") or "")
        if name is None or not target:
            continue
        target = target.replace("\\", "/")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if path.lower() in by_lower:
            parts[name] = by_lower[path.lower()]
    return date1904, parts
