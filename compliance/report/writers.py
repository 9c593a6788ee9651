"""Report writer backends: rustpy-xlsxwriter (fast, Rust) and xlsxwriter (fallback).

Measured here (benchmarks/bench_writers.py, 100,000 rows x 13 columns):
rustpy-xlsxwriter 2.0 s, xlsxwriter 13.0 s, openpyxl (write-only) 28.1 s.
rustpy-xlsxwriter is a young project, so xlsxwriter stays as a tested
fallback, used automatically when the fast one is missing or fails.
Both write input text as string cells only, never as formulas.

Two gaps of rustpy-xlsxwriter 0.8 are repaired after it writes (repair.py).
When the fast writer is missing or fails, the fallback is used and the
report (说明), the JSON and the terminal name the writer that made the file.
"""

from __future__ import annotations

import io
import math
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .layout import DATE, HEADER_FILL, INT, MARGINS, PERCENT, POINTS, SheetSpec
from .native_stderr import native_stderr_kept
from .repair import CHART_PART, heights_after_writing, repair_rust_output

PAPER_A4 = 9
TITLE_SIZE = 12
NUMBER_FORMATS = {DATE: "yyyy-mm-dd", INT: "0", PERCENT: "0.0%;-0.0%;0.0%;* @", POINTS: '+0.0"个百分点";-0.0"个百分点";"持平"'}
BOLD_LABELS = {"小计", "合计"}  # a boxed sheet's bold rows, found again by their label (rust writer)


def write_rust(specs: list[SheetSpec], path: Path) -> None:
    from rustpy_xlsxwriter import FastExcel, Format  # here: when it is missing, the fallback writes

    cache: dict[tuple, object] = {}

    def fmt(fill=None, bold=False, num=None, size=None, wrap=False, boxed=False, top=True):
        key = (fill, bold, num, size, wrap, boxed, top)
        if key not in cache:
            # a tall row's figures at its top, not its foot (a 汇总 row tall for a 备注 printed on the next page:
            # probe p87 L2), as the fallback writer has them
            f = Format().set_align("top") if top else Format()
            f = f.set_background_color(fill) if fill else f
            f = f.set_bold() if bold else f
            f = f.set_num_format(num) if num else f
            f = f.set_font_size(size) if size else f
            f = f.set_border("thin") if boxed else f
            cache[key] = f.set_text_wrap() if wrap else f
        return cache[key]

    book = FastExcel(str(path))
    for spec in specs:
        book.freeze(row=spec.freeze_row, sheet=spec.name)
        book.sheet(spec.name, _plain_columns(spec.frame), **_rust_options(spec, fmt))
    book.format(datetime_format=NUMBER_FORMATS[DATE])
    with native_stderr_kept():  # a panic's English is kept for --debug; the failure is said in Chinese
        book.save()
    repair_rust_output(path, specs, _xlsxwriter_chart_parts(specs))


def _plain_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """rustpy-xlsxwriter 0.8 writes a categorical column as empty cells: such columns go as objects
    (the rows share the categories' objects, so this makes no string per row)."""
    categorical = [name for name, dtype in frame.dtypes.items() if isinstance(dtype, pd.CategoricalDtype)]
    if not categorical:
        return frame
    return frame.astype({name: object for name in categorical})


def _rust_options(spec: SheetSpec, fmt) -> dict:
    """One sheet's options for rustpy-xlsxwriter's ``sheet``."""
    # A row that wraps (row_heights) of a sheet with fills wraps by its row format: a column's wrap format would
    # hide the row's fill. Wrapping the row's short cells too changes nothing on the page.
    # So does a bold row's format (汇总's 小计, 合计): its long 备注 was cut at the cell's edge in a tall row.
    wrapped = (set(spec.row_heights) if spec.highlight else set(spec.row_heights) & set(spec.bold_rows)) \
        if spec.wrap_columns else set()
    # A tall row of a sheet without dates (汇总) gets a format of its own, top-aligned; it takes the place of the
    # columns' wrap, so it wraps too (review rev63). Where a sheet has dates it would take the date format's
    # place as well (a serial number printed for a day): there the rows keep the columns' formats.
    tall = set(spec.row_heights) if DATE not in spec.kinds else set()
    wrapped |= tall if spec.wrap_columns else set()
    row_formats = {spec.header_row + 1 + r: fmt(spec.highlight.get(r), bold=r in spec.bold_rows, wrap=r in wrapped)
                   for r in set(spec.highlight) | set(spec.bold_rows) | wrapped | tall}
    # Only rates and their differences get a column format: a cell's own format hides the
    # row's fill, and whole numbers show as such in General anyway.
    column_formats = {name: fmt(num=NUMBER_FORMATS[kind]) for name, kind in zip(spec.frame.columns, spec.kinds)
                      if kind in (PERCENT, POINTS)}
    if not spec.highlight:  # a cell format would hide a row's fill
        column_formats.update({name: fmt(wrap=True) for name in spec.wrap_columns})
    conditional = {}
    if spec.boxed:  # borders by conditional formats: they cover the data rows only, and keep the row's bold away
        conditional = _boxed_rules(spec, fmt)
    page = {"landscape": spec.landscape, "paper_size": PAPER_A4, "fit_to_pages": spec.fit_to_pages,
            "footer": spec.footer, "margins": MARGINS, "print_gridlines": spec.print_gridlines}
    if spec.page_header:
        page["header"] = spec.page_header
    if spec.print_columns:
        page["print_area"] = (0, 0, spec.last_printed_row, spec.print_columns - 1)
    if spec.repeat_header:
        page["repeat_rows"] = spec.header_row
    if spec.repeat_columns:
        page["repeat_columns"] = (0, spec.repeat_columns - 1)
    options = dict(column_widths=spec.widths,
                   header_format=fmt(HEADER_FILL, bold=True, wrap=True, boxed=spec.boxed, top=False),
                   header_row=spec.header_row, row_formats=row_formats or None,
                   column_formats=column_formats or None, autofilter=spec.autofilter, page_setup=page,
                   row_heights={spec.header_row: 30, **({0: 26} if spec.title else {}),
                                **({1: spec.subtitle_height} if spec.subtitle else {}),
                                **({} if heights_after_writing(spec) else
                                   {spec.header_row + 1 + r: h for r, h in spec.row_heights.items()})})
    merges = []
    if spec.title:
        # 12 pt: rustpy-xlsxwriter 0.8 leaves a merged row at the default 15 pt height, where 14 pt is clipped
        merges.append((0, 0, 0, spec.last_merged_col, spec.title, fmt(bold=True, size=TITLE_SIZE, top=False)))
    if spec.subtitle:
        merges.append((1, 0, 1, spec.last_merged_col, spec.subtitle, fmt(wrap=True)))
    if merges:
        options["merge_ranges"] = merges
    if any(conditional.values()):
        options["conditional_formats"] = {k: v for k, v in conditional.items() if v}
    if spec.chart:
        c = spec.chart
        # A placeholder: repair_rust_output swaps in xlsxwriter's definition.
        options["charts"] = [{"type": "bar", "series": [{"values": c.values, "name": c.values}],
                              "categories": c.categories, "title": c.title, "row": c.row, "col": c.col,
                              "width": c.width, "height": c.height, "legend": False}]
    return options


def _boxed_rules(spec: SheetSpec, fmt) -> dict[str, list[dict]]:
    """Per printed column: its bold labels' rule first (LibreOffice applies only the first rule that
    holds), then one that holds for every cell, blank or not, giving it a thin border."""
    boxed, bold = fmt(boxed=True), fmt(bold=True, boxed=True)
    every = {"text": {"type": "text", "criteria": "does_not_contain", "value": "@@@@", "format": boxed}}
    rules = {}
    for c, (name, kind) in enumerate(zip(spec.frame.columns, spec.kinds)):
        if c >= (spec.print_columns or len(spec.kinds)):
            break
        labels = [{"type": "text", "criteria": "contains", "value": label, "format": bold}
                  for label in sorted(BOLD_LABELS) if kind == "text" and c < 3]
        number = {"type": "cell", "criteria": "between", "min": -1e15, "max": 1e15,
                  "format": boxed}
        rules[name] = labels + ([every["text"]] if kind == "text" else [number, every["text"]])  # a rate's "—"
    return rules


def _xlsxwriter_chart_parts(specs: list[SheetSpec]) -> dict[str, bytes]:
    """xlsxwriter's chart parts for the sheets that have charts, in the same order."""
    chart_specs = [s for s in specs if s.chart and len(s.frame)]
    if not chart_specs:
        return {}
    buffer = io.BytesIO()
    write_xlsxwriter(chart_specs, buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as mini:
        return {n: mini.read(n) for n in mini.namelist() if CHART_PART.fullmatch(n)}


def write_xlsxwriter(specs: list[SheetSpec], target) -> None:
    """Write with xlsxwriter; ``target`` is a path or a binary stream."""
    import xlsxwriter  # start-up time: needed only for the fallback and the chart parts

    in_memory = not isinstance(target, (str, os.PathLike))
    book = xlsxwriter.Workbook(target if in_memory else str(target),
                               {"constant_memory": not in_memory, "in_memory": in_memory,
                                "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
    header = book.add_format({"bold": True, "bg_color": HEADER_FILL, "text_wrap": True, "valign": "vcenter"})
    boxed_header = book.add_format({"bold": True, "bg_color": HEADER_FILL, "text_wrap": True, "valign": "vcenter",
                                    "border": 1})
    title = book.add_format({"bold": True, "font_size": TITLE_SIZE})
    subtitle = book.add_format({"text_wrap": True, "valign": "top"})
    cache: dict[tuple, object] = {}

    def fmt(kind, fill=None, bold=False, wrap=False, boxed=False):
        key = (kind, fill, bold, wrap, boxed)
        if key not in cache:
            props = {"num_format": NUMBER_FORMATS.get(kind, "General"), "valign": "top"}
            if boxed:
                props["border"] = 1
            if fill:
                props["bg_color"] = fill
            if bold:
                props["bold"] = True
            if wrap:
                props["text_wrap"] = True
            cache[key] = book.add_format(props)
        return cache[key]

    for spec in specs:
        sheet = book.add_worksheet(spec.name)
        for c, width in enumerate(spec.widths):
            sheet.set_column(c, c, width)
        if spec.title:
            sheet.set_row(0, 26)
            sheet.merge_range(0, 0, 0, spec.last_merged_col, spec.title, title)
        if spec.subtitle:
            sheet.set_row(1, spec.subtitle_height)
            sheet.merge_range(1, 0, 1, spec.last_merged_col, spec.subtitle, subtitle)
        sheet.set_row(spec.header_row, 30)
        sheet.write_row(spec.header_row, 0, list(spec.frame.columns), boxed_header if spec.boxed else header)
        _xlsxwriter_cells(sheet, spec, fmt)
        _xlsxwriter_page(sheet, spec)
        if spec.chart and len(spec.frame):
            sheet.insert_chart(spec.chart.row, spec.chart.col, _xlsxwriter_chart(book, spec))
    book.close()


def _xlsxwriter_cells(sheet, spec: SheetSpec, fmt) -> None:
    """The data cells, one by one (the fallback writer; the fast one takes whole columns)."""
    columns = [spec.frame[c].to_numpy(object) for c in spec.frame.columns]
    wraps = [name in spec.wrap_columns for name in spec.frame.columns]
    for r in range(len(spec.frame)):
        fill = spec.highlight.get(r)
        bold = r in spec.bold_rows
        excel_row = spec.header_row + 1 + r
        if r in spec.row_heights:  # before the row's cells: constant_memory writes rows in order
            sheet.set_row(excel_row, spec.row_heights[r])
        for c, (kind, column, wrap) in enumerate(zip(spec.kinds, columns, wraps)):
            value = column[r]
            boxed = spec.boxed and c < (spec.print_columns or len(spec.kinds))
            cell_format = fmt(kind, fill, bold, wrap, boxed) if (fill or bold or wrap or boxed or kind != "text") \
                else None
            # "" is a blank, as the fast writer has it (xlsxwriter would store an empty string cell)
            if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
                if fill or bold or boxed:
                    sheet.write_blank(excel_row, c, None, cell_format)
            elif kind == DATE:
                sheet.write_datetime(excel_row, c, value.to_pydatetime() if hasattr(value, "to_pydatetime")
                                     else value, cell_format)
            elif isinstance(value, str):
                sheet.write_string(excel_row, c, value, cell_format)
            else:
                sheet.write_number(excel_row, c, float(value), cell_format)


def _xlsxwriter_page(sheet, spec: SheetSpec) -> None:
    """Freeze, filter and print settings, the same as the fast writer's page_setup."""
    sheet.freeze_panes(spec.freeze_row, 0)
    if spec.autofilter:
        sheet.autofilter(spec.header_row, 0, spec.header_row + max(len(spec.frame), 1), len(spec.kinds) - 1)
    sheet.set_paper(PAPER_A4)
    if spec.landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(*spec.fit_to_pages)
    sheet.set_margins(**MARGINS)
    sheet.set_footer(spec.footer)
    if spec.page_header:
        sheet.set_header(spec.page_header)
    if spec.print_gridlines:
        sheet.hide_gridlines(0)  # print them: rows are hard to follow across a wide page
    if spec.print_columns:
        sheet.print_area(0, 0, spec.last_printed_row, spec.print_columns - 1)
    if spec.repeat_header:
        sheet.repeat_rows(spec.header_row)
    if spec.repeat_columns:
        sheet.repeat_columns(0, spec.repeat_columns - 1)


def _xlsxwriter_chart(book, spec: SheetSpec):
    c = spec.chart
    names = list(spec.frame.columns)
    count = c.rows if c.rows is not None else len(spec.frame)
    first, stop = spec.header_row + 1, spec.header_row + count
    chart = book.add_chart({"type": "bar"})
    points = [None] * (count - 1) + [{"fill": {"color": "#7F7F7F"}}] if c.mark_last and count else None
    chart.add_series({
        "name": c.values,
        "categories": [spec.name, first, names.index(c.categories), stop, names.index(c.categories)],
        "values": [spec.name, first, names.index(c.values), stop, names.index(c.values)],
        "data_labels": {"value": True, "num_format": "0.0%", "position": "outside_end",
                        "font": {"bold": True}},
        "fill": {"color": "#4472C4"},
        "points": points,
        "gap": 60,
    })
    chart.set_title({"name": c.title})
    chart.set_legend({"none": True})
    # The axis starts just below the lowest rate, so that 86% and 92% look different; it says where it starts.
    chart.set_x_axis({"min": c.axis_min, "max": 1, "num_format": "0%", "major_gridlines": {"visible": True}})
    chart.set_y_axis({"reverse": True})  # the first unit at the top, as in the table
    chart.set_size({"width": c.width, "height": c.height})
    chart.show_hidden_data()  # the labels live in a column that is hidden from print
    return chart


BACKENDS = {"rust": write_rust, "xlsxwriter": write_xlsxwriter}
WRITER_NAMES = {"rust": "rustpy-xlsxwriter", "xlsxwriter": "xlsxwriter"}


@dataclass
class WriterUsed:
    """Which backend wrote the report, and why the fast one was not used."""

    backend: str
    fallback_reason: str | None = None

    @property
    def name(self) -> str:
        return WRITER_NAMES[self.backend]

    @property
    def label(self) -> str:
        """For 说明 and the terminal: the writer, and why the fallback was needed."""
        if self.fallback_reason:
            return f"{self.name}（后备；rustpy-xlsxwriter 不可用：{self.fallback_reason}）"
        return self.name


def write_workbook(specs_for: Callable[[str], list[SheetSpec]], path: Path,
                   backend: str | None = None) -> WriterUsed:
    """Write with the chosen backend, or the fast one with an automatic fallback.

    ``specs_for(label)`` builds the sheets; ``label`` names the writer, so the
    report itself says which one made it (说明).
    """
    try:
        used = WriterUsed(backend or "rust")
        BACKENDS[used.backend](specs_for(used.label), path)
        return used
    except BaseException as exc:  # missing, or failed on this input: the fallback must still deliver
        if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
            raise  # Ctrl-C, SIGTERM, exit; a Rust panic (pyo3 derives it from BaseException) is a failure
        disk = disk_error(exc)
        if disk is not None:  # a full or read-only disk: the fallback would meet it too
            raise disk from exc
        if backend:
            raise
        used = WriterUsed("xlsxwriter", "未安装" if isinstance(exc, ImportError) else f"{type(exc).__name__}: {exc}")
        try:
            BACKENDS["xlsxwriter"](specs_for(used.label), path)
        except Exception as again:
            raise (disk_error(again) or again) from again
        return used


_RUST_OS_ERROR = re.compile(r"\(os error (\d+)\)|Os \{ code: (\d+)")


def disk_error(exc: BaseException) -> OSError | None:
    """The OSError (with its errno) behind a writer's failure, if the file system caused it.

    rustpy-xlsxwriter raises OSError without an errno ("… No space left on device
    (os error 28)"), or panics ("Couldn't write to xml file: Os { code: 28, … }");
    xlsxwriter wraps the OSError in its FileCreateError.
    """
    for candidate in (exc, *exc.args[:1], exc.__cause__, exc.__context__):
        if isinstance(candidate, OSError) and candidate.errno is not None:
            return candidate
        if isinstance(candidate, BaseException) and (isinstance(candidate, OSError) or
                                                     type(candidate).__name__ == "PanicException"):
            found = _RUST_OS_ERROR.search(str(candidate))
            if found:
                number = int(found.group(1) or found.group(2))
                return OSError(number, os.strerror(number))
    return None
