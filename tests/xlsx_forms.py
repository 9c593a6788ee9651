"""Raw .xlsx files written in any valid XML form, for the readers' tests.

openpyxl and xlsxwriter always write ``<c r="A1" t="s">``; other writers put
``t=`` first, leave ``r`` out (it is optional), quote with ', or prefix every
element (``<x:c>``). ``Form`` says how; ``workbook`` writes the zip.
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from compliance.ingest.sheetxml import column_letters

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Form:
    prefix: str = ""  # "" or "x"
    t_first: bool = False  # t= before r=
    quote: str = '"'
    row_r: bool = True  # <row r="5">
    cell_r: bool = True  # <c r="B5">; without it, a cell is the one after the previous cell
    shared: bool = False  # strings in sharedStrings.xml, else inline
    spaces: bool = False  # r = "A1", newlines between elements


class _Writer:
    def __init__(self, form: Form, rng: random.Random | None):
        self.form, self.rng = form, rng
        self.strings: list[str] = []

    def pick(self, value: bool) -> bool:
        """A form's choice, or a random one per element when the form is mixed."""
        return self.rng.random() < 0.5 if self.rng is not None else value

    def tag(self, local: str) -> str:
        return f"{self.form.prefix}:{local}" if self.form.prefix else local

    def attr(self, name: str, value: str) -> str:
        q = self.form.quote if self.rng is None else self.rng.choice(['"', "'"])
        eq = " = " if self.form.spaces else "="
        return f" {name}{eq}{q}{value}{q}"

    def cell(self, row: int, column: int, value, with_r: bool) -> str:
        if isinstance(value, (int, float)):
            kind, body = None, f"<{self.tag('v')}>{value}</{self.tag('v')}>"
        elif self.pick(self.form.shared):
            self.strings.append(value)
            kind, body = "s", f"<{self.tag('v')}>{len(self.strings) - 1}</{self.tag('v')}>"
        else:
            t = self.tag("t")
            kind, body = "inlineStr", f"<{self.tag('is')}><{t}>{escape(value)}</{t}></{self.tag('is')}>"
        ref = self.attr("r", f"{column_letters(column)}{row}") if with_r else ""
        typed = self.attr("t", kind) if kind else ""
        attrs = typed + ref if self.pick(self.form.t_first) else ref + typed
        return f"<{self.tag('c')}{attrs}>{body}</{self.tag('c')}>"

    def sheet(self, cells: dict[tuple[int, int], object]) -> str:
        rows: dict[int, dict[int, object]] = {}
        for (r, c), value in cells.items():
            rows.setdefault(r, {})[c] = value
        out, previous = [], 0
        for r in sorted(rows):
            with_r = self.pick(self.form.row_r) or r != previous + 1  # a gap needs its number
            row_attrs = self.attr("r", str(r)) if with_r else ""
            parts, last = [], 0
            for c in sorted(rows[r]):
                cell_r = self.pick(self.form.cell_r) or c != last + 1
                parts.append(self.cell(r, c, rows[r][c], cell_r))
                last = c
            sep = "\n  " if self.form.spaces else ""
            out.append(f"<{self.tag('row')}{row_attrs}>{sep}{sep.join(parts)}</{self.tag('row')}>")
            previous = r
        xmlns = f'xmlns:{self.form.prefix}="{MAIN}"' if self.form.prefix else f'xmlns="{MAIN}"'
        data = ("\n" if self.form.spaces else "").join(out)
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{self.tag("worksheet")} {xmlns}>'
                f"<{self.tag('sheetData')}>{data}</{self.tag('sheetData')}></{self.tag('worksheet')}>")


def workbook(path: Path, sheets: dict[str, dict[tuple[int, int], object]], form: Form = Form(),
             mixed_seed: int | None = None) -> Path:
    """``sheets``: name -> {(row, column) 1-based: value}. ``mixed_seed`` mixes the forms element by element."""
    writer = _Writer(form, random.Random(mixed_seed) if mixed_seed is not None else None)
    xmlns = f'xmlns:{form.prefix}="{MAIN}"' if form.prefix else f'xmlns="{MAIN}"'
    t = writer.tag
    entries = "".join(f"<{t('sheet')}{writer.attr('name', escape(name))}{writer.attr('sheetId', str(i))}"
                      f"{writer.attr('r:id', f'rId{i}')}/>" for i, name in enumerate(sheets, start=1))
    book = (f'<?xml version="1.0" encoding="UTF-8"?><{t("workbook")} {xmlns} xmlns:r="{RELS}">'
            f"<{t('sheets')}>{entries}</{t('sheets')}></{t('workbook')}>")
    parts = {f"xl/worksheets/sheet{i}.xml": writer.sheet(cells) for i, cells in enumerate(sheets.values(), start=1)}
    rels = "".join(f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    overrides = "".join(f'<Override PartName="/{name}" ContentType="application/vnd.openxmlformats-'
                        f'officedocument.spreadsheetml.worksheet+xml"/>' for name in parts)
    if writer.strings:
        items = "".join(f"<{t('si')}><{t('t')}>{escape(s)}</{t('t')}></{t('si')}>" for s in writer.strings)
        parts["xl/sharedStrings.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><{t("sst")} {xmlns}>{items}</{t("sst")}>'
        rels += f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                      'officedocument.spreadsheetml.sharedStrings+xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            f'main+xml"/>{overrides}</Types>'))
        archive.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="r1" '
                                        f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{PKG}">{rels}'
                                                       "</Relationships>")
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def grid(rows: list[list], first_row: int = 1) -> dict[tuple[int, int], object]:
    """A table as {(row, column): value}, blanks left out."""
    return {(first_row + r, c + 1): v for r, row in enumerate(rows) for c, v in enumerate(row)
            if v is not None and v != ""}
