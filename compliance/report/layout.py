"""A writer-neutral description of one report sheet.

The report is built once as a list of ``SheetSpec`` and handed to a writer
backend (rustpy-xlsxwriter when present, xlsxwriter otherwise), so both
backends produce the same workbook.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..dates import cell_types
from ..textwidth import display_width

TEXT, DATE, INT, PERCENT = "text", "date", "int", "percent"
# A difference of two rates, in percentage points (81% -> 84% is +3.0, not +3.0%): the cell holds the points.
POINTS = "points"
HEADER_FILL = "#DDEBF7"
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.7, "bottom": 0.6}  # inches, as Excel's page setup takes them
A4_LANDSCAPE_MM = (297.0, 210.0)
MIN_ONE_PAGE_SCALE = 0.7  # below this a sheet squeezed onto one page prints under about 8 pt: hard to read
# Dark enough to tell apart on a black-and-white printer.
STATUS_FILLS = {"late": "#F8CBAD", "overdue": "#F4B084", "invalid": "#FFD966"}


@dataclass
class Chart:
    title: str
    categories: str  # column holding the labels
    values: str  # column holding the values
    row: int  # top-left anchor, 0-based sheet row
    col: int
    height: int = 300
    width: int = 760
    rows: int | None = None  # the chart's data rows, from the top of the table (default: all)
    axis_min: float = 0.0  # where the value axis starts: rates of 86% and 92% must look different
    mark_last: bool = False  # the last bar (合计) in another colour


@dataclass
class SheetSpec:
    name: str
    frame: pd.DataFrame  # text: str/None; date: date/None; int: int/None or float/NaN; percent: float/NaN
    kinds: list[str]
    widths: list[float]
    header_row: int = 0
    title: str | None = None  # merged over the columns above the header
    highlight: dict[int, str] = field(default_factory=dict)  # data row -> fill colour
    bold_rows: set[int] = field(default_factory=set)  # data rows
    landscape: bool = True
    repeat_header: bool = True
    autofilter: bool = True
    chart: Chart | None = None
    print_columns: int | None = None  # print only the first N columns
    footer: str = "&C第 &P 页，共 &N 页"
    page_header: str | None = None
    subtitle: str | None = None  # a plain line under the title
    fit_to_pages: tuple[int, int] = (1, 0)  # one page wide, as many long as needed
    repeat_columns: int = 0  # the first N columns printed again on each page across (a sheet two pages wide)
    print_gridlines: bool = True
    wrap_columns: set[str] = field(default_factory=set)  # long text wraps instead of being cut
    row_heights: dict[int, float] = field(default_factory=dict)  # data row -> points: wrapped text shows whole
    boxed: bool = False  # thin borders round every cell and centred headers: each figure sits under its header
    print_chart: bool = True  # False: the chart shows on screen only (it would be cut by a page break)
    # The title and subtitle span the printed columns, or only the first N: on a sheet two pages across,
    # the repeated columns, so that each page prints them whole (merged over both, each page got a slice).
    title_columns: int = 0

    @property
    def last_merged_col(self) -> int:
        """The title and subtitle span the printed columns (or title_columns): wider, a printout would cut them."""
        return (self.title_columns or self.print_columns or len(self.kinds)) - 1

    @property
    def subtitle_height(self) -> float:
        """Points for the subtitle, wrapped within its columns."""
        usable = max(sum(self.widths[:self.last_merged_col + 1]) - 1, 1)
        lines = sum(max(-(-int(display_width(line) * 1.1) // int(usable)), 1)  # ceil; Calibri runs a little wide
                    for line in (self.subtitle or "").split("\n"))
        spare = 1 if lines > 2 else 0  # wrapping at word ends loses part of each line: in a narrow span it adds up
        return LINE_HEIGHT * (max(lines, 1) + spare) + 2

    @property
    def freeze_row(self) -> int:
        return self.header_row + 1

    @property
    def last_printed_row(self) -> int:
        """The table's last row, or the chart's when it hangs below (rows of about 20 px)."""
        last = self.header_row + max(len(self.frame), 1)
        if self.chart and self.print_chart:
            last = max(last, self.chart.row + self.chart.height // 20 + 1)
        return last


def say_empty(spec: SheetSpec, title: str, sentence: str) -> None:
    """An empty list sheet gets a title and a sentence above its header: it has nothing to list."""
    spec.title, spec.subtitle, spec.header_row = title, sentence, 2


WIDE_FROM = 0x2E80  # from here on a character prints two columns wide (CJK, full-width forms)
# A CJK character prints 2.1 of Excel's width units (DengXian in Excel, Noto CJK in LibreOffice; a digit of
# Calibri is 1): measured at 2, a 文书号 sized to its column printed cut at its end.
WIDE_UNITS = 2.1


def column_widths(frame: pd.DataFrame, kinds: list[str], cap: int = 50,
                  header_lines: int = 1, wide: float = WIDE_UNITS) -> list[float]:
    """Sized to content (header and every value), within [6, cap]. With ``header_lines`` 2 a
    header may wrap onto two lines (the header row is 30 pt, two lines of 11 pt). ``wide``: the units a CJK
    character is counted as, as wrapped_heights counts it (汇总 keeps 2: at 2.1 a few units' table no longer
    fits one page wide). Every value, not a sample: sized to the first rows, a column wrapped most of the
    later ones for a fraction of a character (names numbered past 999)."""
    widths = []
    for name, kind in zip(frame.columns, kinds):
        text = str(name)
        half = -(-len(text) // header_lines)  # characters per line
        width = max(display_width(text[i:i + half]) for i in range(0, max(len(text), 1), max(half, 1)))
        if kind == DATE:
            width = max(width, 10)
        elif kind in (INT, PERCENT):
            width = max(width, 7)
        elif kind == POINTS:
            width = max(width, 12)  # +12.3个百分点
        else:
            shown, _ = measured(distinct_texts(frame[name]), wide)
            if len(shown):
                width = max(width, float(shown.max()))
        widths.append(float(min(math.ceil(max(width, 4)) + 2, cap)))
    return widths


def distinct_texts(values) -> list[str]:
    """The distinct non-blank values of a column, as the texts a cell shows (str of a number)."""
    uniques = pd.unique(np.asarray(values, dtype=object))
    uniques = uniques[~pd.isna(uniques)]
    types = cell_types(uniques)
    if (types == str).all():
        return list(uniques)
    return list({v if t is str else str(v) for v, t in zip(uniques, types)})


def measured(texts: list[str], wide: float = WIDE_UNITS) -> tuple[np.ndarray, np.ndarray]:
    """(printed width, line breaks) of each text: its length, a wide character counted ``wide`` times. Column-wise:
    the texts joined once and read as code points, not a regular expression per text (a Python call each)."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    joined = "".join(texts)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts = np.cumsum(lengths) - lengths
    filled = lengths > 0

    def per_text(mask: np.ndarray) -> np.ndarray:
        counts = np.zeros(len(texts), dtype=np.int64)
        if filled.any():  # an empty text's segment would be read as its neighbour's: only the others are summed
            counts[filled] = np.add.reduceat(mask.view(np.int8), starts[filled], dtype=np.int64)
        return counts

    breaks = per_text(points == 0x0A) if "\n" in joined else np.zeros(len(texts), dtype=np.int64)
    return lengths + (wide - 1) * per_text(points >= WIDE_FROM), breaks


LINE_HEIGHT = 15.0  # points per line of 11 pt text


def wrapped_heights(texts, width: float) -> dict[int, float]:
    """Row heights for text wrapped in a column ``width`` characters wide, for rows that need more
    than one line (column-wise). Neither writer computes them, and LibreOffice then shows only a
    cell's last line."""
    usable = max(width - 2, 1)  # measured as column_widths measures (measured): a text it fits takes one line
    # each distinct text measured once (a status, a file name, a party repeated): rows share the answer
    codes, uniques = pd.factorize(pd.Series(texts, dtype=object).reset_index(drop=True))
    uniques = np.asarray(uniques, dtype=object)
    is_text = cell_types(uniques) == str
    if not is_text.any():  # nothing to wrap
        return {}
    lines = np.ones(len(uniques))
    shown, breaks = measured(list(uniques[is_text]))
    lines[is_text] = np.ceil(shown / usable) + breaks
    per_row = np.append(lines, 1.0)[codes]  # -1 (a blank) takes the 1 appended
    tall = np.flatnonzero(per_row > 1)
    return {int(r): LINE_HEIGHT * float(per_row[r]) + 2 for r in tall}


def tallest_rows(frame: pd.DataFrame, names, widths: list[float]) -> dict[int, float]:
    """wrapped_heights over the columns ``names`` of ``frame`` (``widths`` in the frame's column order): per
    row, the tallest of its wrapped cells."""
    heights: dict[int, float] = {}
    columns = list(frame.columns)
    for name in names:
        for r, h in wrapped_heights(frame[name], widths[columns.index(name)]).items():
            heights[r] = max(h, heights.get(r, 0.0))
    return heights


def page_scales(widths: list[float], heights_pt: float, extra_px: float = 0.0) -> tuple[float, float]:
    """(width, height) scales, each at most 1, at which columns ``widths`` (Excel's character units)
    and rows of ``heights_pt`` points plus ``extra_px`` pixels (a chart) fit one landscape A4 page
    within MARGINS. An estimate from Excel's own conversions (7 px per column unit + 5; 96 px an inch)."""
    mm_per_px = 25.4 / 96
    page_w = A4_LANDSCAPE_MM[0] - (MARGINS["left"] + MARGINS["right"]) * 25.4
    page_h = A4_LANDSCAPE_MM[1] - (MARGINS["top"] + MARGINS["bottom"]) * 25.4
    width = sum(7 * w + 5 for w in widths if w) * mm_per_px
    height = heights_pt * 25.4 / 72 + extra_px * mm_per_px
    return min(1.0, page_w / max(width, 1e-9)), min(1.0, page_h / max(height, 1e-9))


def print_fit(widths: list[float], heights_pt: float, extra_px: float = 0.0,
              repeated: int = 0) -> tuple[int, bool]:
    """(pages across, whether all of it fits one page tall) for a sheet that should read on paper.

    Two pages across when one page's width alone would print it under MIN_ONE_PAGE_SCALE (the first
    ``repeated`` columns printed again on the second); one page tall when its height shrinks the
    print no further than its width already must, or than MIN_ONE_PAGE_SCALE (more pages help only
    when the height is the limit)."""
    wide, _ = page_scales(widths, heights_pt, extra_px)
    across = 1
    if wide < MIN_ONE_PAGE_SCALE:
        across = 2
        wide, _ = page_scales([w / 2 for w in widths] + widths[:repeated], heights_pt, extra_px)
    _, tall = page_scales([], heights_pt, extra_px)
    return across, tall >= min(wide, MIN_ONE_PAGE_SCALE)
