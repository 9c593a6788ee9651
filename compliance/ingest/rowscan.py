"""The sheet scan's byte patterns, its row-by-row reader and its exact (expat) reader.

``PartTags`` holds the patterns for one namespace prefix. ``row_scan`` reads
a part that is not in the canonical form (``t=`` before ``r=``, single quotes,
cells or rows without ``r``) one row at a time: per row, only the last cell
with content is located and placed, so the cost grows with rows, not cells.
``exact_scan`` parses with expat, for sheets whose data holds comments, CDATA,
processing instructions or namespace declarations.
"""

from __future__ import annotations

import re
from xml.parsers import expat

MAIN_NAMESPACES = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                   "http://purl.oclc.org/ooxml/spreadsheetml/main")  # transitional and strict
_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_A1 = re.compile(rb"([A-Za-z]{1,3})(\d{1,7})")  # calamine takes a5 as A5
_ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")


class ExactScanNeeded(Exception):
    """The part holds markup the byte scan does not model: parse the sheet with expat."""


def column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ch - 64
    return number


def last_row_start(data: bytes) -> int | None:
    """Where the last row start tag (any prefix) begins, or None."""
    at = len(data)
    while True:
        at = data.rfind(b"row", 0, at)
        if at < 0:
            return None
        lt = data.rfind(b"<", max(0, at - 64), at)
        if lt >= 0:
            m = _ROW_START.match(data, lt)
            if m and m.end() == at + 4:
                return lt


_ATTRIBUTES = {name: re.compile(rb"(?:^|\s)" + name + rb"""\s*=\s*(["'])(.*?)\1""", re.S) for name in (b"r", b"t", b"s", b"si")}


def exotic(part: bytes) -> bool:
    """A comment, CDATA, a processing instruction or a namespace declaration inside the sheet data.

    Each needs a rare byte ("!", "?") right after "<": found by memchr, and the "<" checked, which
    costs far less than a search for the pair; a namespace declaration names "xmlns".
    """
    for mark in (b"!", b"?"):
        at, seen = part.find(mark), 0
        while at >= 0:
            if part[at - 1:at] == b"<":
                return True
            seen += 1
            if seen > 64:
                return b"<" + mark in part
            at = part.find(mark, at + 1)
    return b"xmlns" in part


def attribute(attrs: bytes, name: bytes) -> bytes | None:
    """One attribute's value (r, t or s) from a start tag's attribute text, whatever the order and quotes."""
    m = _ATTRIBUTES[name].search(attrs)
    if m is None:
        return None
    if b"&" in m.group(2):
        raise ExactScanNeeded  # a character reference inside the value
    return m.group(2)


# A formula whose value is the day the file was opened or saved (=TODAY(), =IF(F2="是",TODAY(),"")): no
# publication date, whatever it shows.
CLOCK_FORMULA = re.compile(rb"(?<![A-Za-z_.])(?:TODAY|NOW)\s*\(", re.IGNORECASE)


class PartTags:
    """The byte patterns of one prefix ("" or "x:") for cells, rows, values and formulas."""

    def __init__(self, prefix: bytes):
        p = prefix + b":" if prefix else b""
        e = re.escape(p)
        self.open_c, self.canonical_c = b"<" + p + b"c", b"<" + p + b'c r="'
        self.open_row, self.canonical_row = b"<" + p + b"row", b"<" + p + b'row r="'
        self.close_c, self.close_data = b"</" + p + b"c>", b"</" + p + b"sheetData>"
        self.ref = re.compile(rb'([A-Za-z]{1,3})(\d{1,7})"')
        self.number = re.compile(rb'(\d{1,7})"')
        self.row_number = re.compile(b"<" + e + rb'row r="(\d{1,7})"')
        self.wide = re.compile(b"<" + e + rb'c r="([A-Z]{2,3})(\d{1,7})"[^>]*?(/?)>')
        self._narrow_cell = b"<" + e + rb'c r="([%s-Z])(\d{1,7})"[^>/]*>'
        # r in any place and either quote (a literal first: a leading \s would cost ten times more)
        self.wide_any = re.compile(rb"""r=["']([A-Z]{2,3})(\d{1,7})["'][^>]*?(/?)>""")
        self.irregular_cell = re.compile(b"<" + e + rb'c(?! r=")')  # not r="… first: read row by row
        self.row_tag = re.compile(b"<" + e + rb"row(?=[\s/>])([^>]*)>")
        self.cell_tag = re.compile(b"<" + e + rb"c(?=[\s/>])([^>]*)>")
        self.formula = re.compile(b"<" + e + rb"f[\s/>]")
        self.formula_tag = re.compile(b"<" + e + rb"f(?=[\s/>])([^>]*?)(/?)>([^<]*)")
        self.shared_today: dict[bytes, bool] = {}  # a shared formula's si -> its text reads the clock
        self.value = re.compile(b"<" + e + rb"v(?:\s[^>]*)?>([^<]+)</" + e + b"v>")
        self.is_open, self.v_open = b"<" + p + b"is", b"<" + p + b"v"

    def placed(self, data: bytes, start: int) -> tuple[int, int] | None:
        """(row, column), 1-based, of the cell starting at ``start`` from its own r; None without one."""
        r = attribute(self.cell_tag.match(data, start).group(1), b"r")
        m = _A1.fullmatch(r) if r is not None else None
        if r is not None and m is None:
            raise ExactScanNeeded
        return None if m is None else (int(m.group(2)), column_number(m.group(1)))

    def narrow_cells(self, part: bytes, columns: int):
        """(row, column), 1-based, of cells within A:Z ever further right than ``columns`` (self-closing
        cells are empty and left out). The last cell gives the last row, not the widest (a short last
        row is common); each search costs one pass over the part, and one or two are usual."""
        while columns < 26:
            found = re.search(self._narrow_cell % bytes([65 + columns]), part)
            if found is None:
                return
            columns = found.group(1)[0] - 64
            yield int(found.group(2)), columns

    def has_content(self, element: bytes) -> bool:
        """What calamine turns into a cell: a value, an inline string, a formula (patched if it has no
        value), or an empty value of a type other than shared string or number (t="str", t="d")."""
        if self.value.search(element) or self.is_open + b">" in element or self.is_open + b" " in element \
                or self.formula.search(element):
            return True
        tag = self.cell_tag.match(element)
        return self.v_open in element and attribute(tag.group(1), b"t") in (b"str", b"d")

    def last_content(self, data: bytes) -> int:
        """The start of the last cell element with content in ``data``, or -1."""
        end = len(data)
        while True:
            close = data.rfind(self.close_c, 0, end)
            if close < 0:
                return -1
            start = self.cell_start(data, close)
            if start < 0:
                return -1
            if self.has_content(data[start:close]):
                return start
            end = start

    def cell_start(self, data: bytes, before: int) -> int:
        at = before
        while True:
            at = data.rfind(self.open_c, 0, at)
            if at < 0 or self.cell_tag.match(data, at):
                return at

    def element(self, data: bytes, start: int) -> bytes:
        end = data.find(self.close_c, start)
        return data[start:end if end >= 0 else len(data)]

    def fast_details(self, part: bytes, scan) -> None:
        """Error values and formulas with no result, in a canonical part (every cell has r first)."""
        def position(start):
            return self.canonical_position(part, start)

        at = part.find(b">#")  # every error value starts with # (#N/A, #REF!): a cheap find, not a regex
        while at >= 0:
            self._detail(part, self.cell_start(part, at), scan, position)
            at = part.find(b">#", at + 2)
        for m in self.formula.finditer(part):
            self._detail(part, self.cell_start(part, m.start()), scan, position)

    def canonical_position(self, part: bytes, start: int) -> tuple[int, int]:
        m = self.ref.match(part, start + len(self.canonical_c))
        if m is None:
            raise ExactScanNeeded
        return int(m.group(2)) - 1, column_number(m.group(1)) - 1

    def _detail(self, data: bytes, start: int, scan, position) -> None:
        if start < 0:
            return
        element = self.element(data, start)
        tag = self.cell_tag.match(element)
        value = self.value.search(element)
        if attribute(tag.group(1), b"t") == b"e" and value:
            scan.errors[position(start)] = value.group(1).decode("ascii", "replace")
        elif self.formula.search(element) and not value \
                and not (attribute(tag.group(1), b"t") == b"str" and self.v_open in element):  # "" cached: <v/>
            scan.uncached.append(position(start))  # a cell met twice is patched once (patch_cells)
        if value and self.reads_clock(element):
            scan.clock.add(position(start))

    def reads_clock(self, element: bytes) -> bool:
        """The cell's formula gives today's date (TODAY(), NOW()), directly or as a shared formula's copy."""
        m = self.formula_tag.search(element)
        if m is None:
            return False
        si = attribute(m.group(1), b"si") if attribute(m.group(1), b"t") == b"shared" else None
        if m.group(2) or not m.group(3):  # <f t="shared" si="0"/>: the text is on the shared formula's first cell
            return self.shared_today.get(si, False) if si is not None else False
        today = bool(CLOCK_FORMULA.search(m.group(3)))
        if si is not None:
            self.shared_today[si] = today
        return today


def row_scan(part: bytes, tags: PartTags, scan, details: bool, last_row: int) -> int:
    """A part in any valid form, row by row; returns the number of its last row."""
    matches = list(tags.row_tag.finditer(part))
    for i, m in enumerate(matches):
        attrs = m.group(1)
        r = attribute(attrs, b"r")
        if r is not None and not r.isdigit():
            raise ExactScanNeeded
        number = int(r) if r is not None else last_row + 1
        last_row = number
        if attrs.endswith(b"/"):
            continue
        segment = part[m.end():matches[i + 1].start() if i + 1 < len(matches) else len(part)]
        if tags.close_c not in segment:
            continue
        scan.cells += segment.count(tags.close_c)
        start = tags.last_content(segment)
        if start >= 0:
            scan.note_cell(*(tags.placed(segment, start) or (number, _column(segment, start, tags) + 1)))
        if details and (_ERROR_TYPE.search(segment) or tags.formula.search(segment)):
            _row_details(segment, number, tags, scan)
    return last_row


def _column(segment: bytes, start: int, tags: PartTags) -> int:
    """0-based column of the cell starting at ``start``: its r, or counted from the last cell with an r."""
    r = attribute(tags.cell_tag.match(segment, start).group(1), b"r")
    if r is not None:
        m = _A1.fullmatch(r)
        if m is None:
            raise ExactScanNeeded
        return column_number(m.group(1)) - 1
    column = -1
    for m in tags.cell_tag.finditer(segment):
        if m.start() > start:
            break
        ref = attribute(m.group(1), b"r")
        column = column + 1 if ref is None else column_number(_A1.fullmatch(ref).group(1)) - 1
    return column


def _row_details(segment: bytes, number: int, tags: PartTags, scan) -> None:
    starts = {tags.cell_start(segment, m.start()) for m in _ERROR_TYPE.finditer(segment)}
    starts |= {tags.cell_start(segment, m.start()) for m in tags.formula.finditer(segment)}
    for start in sorted(starts):
        tags._detail(segment, start, scan, lambda s: (number - 1, _column(segment, s, tags)))


def exact_scan(stream, details: bool, scan) -> None:
    """Every cell by expat (namespace-aware): the reference reading of any valid sheet."""
    state = {"row": 0, "column": 0, "cell": None, "shared": {}}

    def start(name, attrs):
        local = name.rpartition(" ")[2]  # by local name, whatever the namespace: as calamine reads
        if local == "row":
            state["row"] = int(attrs["r"]) if "r" in attrs else state["row"] + 1
            state["column"] = 0
        elif local == "c":
            ref = attrs.get("r")
            m = _A1.fullmatch(ref.encode()) if ref else None
            state["column"] = column_number(m.group(1)) if m else state["column"] + 1
            state["cell"] = {"t": attrs.get("t"), "v": [], "in_v": False, "is": False, "f": False, "saw_v": False,
                             "f_text": [], "si": None, "reads_clock": False}
        elif state["cell"] is not None and local in ("v", "is", "f"):
            state["cell"]["in_v" if local == "v" else local] = True
            state["cell"]["saw_v"] |= local == "v"
            if local == "f" and attrs.get("t") == "shared":
                state["cell"]["si"] = attrs.get("si")

    def end(name):
        cell = state["cell"]
        if cell is None:
            return
        local = name.rpartition(" ")[2]
        if local == "v":
            cell["in_v"] = False
        elif local == "f":  # TODAY() / NOW(): its own text, or its shared formula's (first cell's) text
            formula = "".join(cell["f_text"])
            if formula:
                state["shared"][cell["si"]] = cell["reads_clock"] = bool(CLOCK_FORMULA.search(formula.encode()))
            else:
                cell["reads_clock"] = state["shared"].get(cell["si"], False) if cell["si"] is not None else False
        elif local == "c":
            state["cell"] = None
            _exact_cell(cell, state["row"], state["column"], details, scan)

    def text(data):
        if state["cell"] is not None and state["cell"]["in_v"]:
            state["cell"]["v"].append(data)
        elif state["cell"] is not None and state["cell"]["f"] and not state["cell"]["saw_v"]:
            state["cell"]["f_text"].append(data)

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    # With a default handler, expat passes entity references through instead of expanding them: a DTD's
    # entities are never expanded (billion laughs) nor fetched (XXE); calamine refuses such references.
    parser.DefaultHandler = lambda _data: None
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.ParseFile(stream)


def _exact_cell(cell: dict, row: int, column: int, details: bool, scan) -> None:
    value = "".join(cell["v"])
    if not (value or cell["is"] or cell["f"] or (cell["saw_v"] and cell["t"] in ("str", "d"))):
        return
    scan.cells += 1
    scan.note_cell(row, column)
    if not details:
        return
    if cell["t"] == "e" and value:
        scan.errors[(row - 1, column - 1)] = value
    if value and cell["f"] and cell["reads_clock"]:
        scan.clock.add((row - 1, column - 1))
    elif cell["f"] and not value and not (cell["saw_v"] and cell["t"] == "str"):  # Excel's cached "": t="str", <v/>
        scan.uncached.append((row - 1, column - 1))
