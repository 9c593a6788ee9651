"""OpenDocument spreadsheets (.ods): merged cells, error values, hidden columns and rows are read as in an
.xlsx. calamine leaves them out: a 公示日期 merged over three batch-published decisions read as blanks
(逾期未公开), and #N/A from a VLOOKUP read as a blank (逾期未公开 again). The .ods is written here by hand."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"')


def _text(value: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="string" {extra}><text:p>{value}</text:p></table:table-cell>'


def _date(day: str, extra: str = "") -> str:
    return f'<table:table-cell office:value-type="date" office:date-value="{day}" {extra}><text:p>{day}</text:p></table:table-cell>'


def write_ods(path: Path, rows: list[str], columns: str, automatic: str = "", named: str = "", settings: str = "") -> Path:
    """``automatic``: content.xml's automatic styles; ``named``: styles.xml's named styles; ``settings``: the
    spreadsheet's table:calculation-settings (its null date)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
               f'<office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:spreadsheet>{settings}'
               '<table:table table:name="行政许可">' + columns
               + "".join(rows) + "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("META-INF/manifest.xml", manifest)
        book.writestr("content.xml", content)
        if named:
            book.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_NS}>'
                                        f'<office:styles>{named}</office:styles></office:document-styles>')
    return path


def test_merged_dates_error_values_and_hidden_columns_and_rows_of_an_ods(tmp_path):
    row = "<table:table-row{}>{}</table:table-row>".format
    header = row("", "".join(_text(t) for t in ("许可决定文书号", "申请人", "许可决定日期", "公示日期", "上网公开日期")))
    merged = 'table:number-rows-spanned="3" table:number-columns-spanned="1"'
    error = 'calcext:value-type="error" table:formula="of:=NA()"'
    rows = [header,
            row("", _text("西人社许〔2024〕1号") + _text("甲") + _date("2024-04-01") + _date("2024-04-10", merged)
                + _date("2024-09-30")),
            row("", _text("西人社许〔2024〕2号") + _text("乙") + _date("2024-04-02")
                + '<table:covered-table-cell/>' + _date("2024-09-30")),
            row(' table:visibility="collapse"', _text("西人社许〔2024〕3号") + _text("丙") + _date("2024-04-03")
                + '<table:covered-table-cell/>' + _date("2024-09-30")),
            row("", _text("西人社许〔2024〕4号") + _text("丁") + _date("2024-04-08")
                + f'<table:table-cell office:value-type="string" {error}><office:annotation><text:p>待核</text:p>'
                  '</office:annotation><text:p>#N/A</text:p></table:table-cell>'
                + _date("2024-09-30")),
            '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="5"/></table:table-row>']
    columns = ('<table:table-column table:number-columns-repeated="4"/>'
               '<table:table-column table:visibility="collapse"/>')  # E: a draft column, hidden
    book = write_ods(tmp_path / "区人社局_2024年行政许可.ods", rows, columns)
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    data = json.loads(result.stdout)
    statuses = {r["document_number"][-2:]: r["status"] for r in data["records"]}
    assert statuses == {"1号": "on_time", "2号": "on_time", "3号": "on_time", "4号": "invalid"}, data["records"]
    issues = {r["document_number"][-2:]: [i["code"] for i in r["issues"]] for r in data["records"]}
    assert "date-formula-error" in issues["4号"]
    said = json.dumps(data["inputs"], ensure_ascii=False)
    assert "column-hidden-unused" in said or "隐藏列" in said, said
    assert "rows-hidden" in said or "被隐藏" in said, said


def _month_style(name: str, day: bool = False) -> str:
    return (f'<number:date-style style:name="{name}"><number:year number:style="long"/><number:text>年</number:text>'
            '<number:month/><number:text>月</number:text>' + ("<number:day/>" if day else "") + "</number:date-style>")


def test_a_month_typed_into_a_date_cell_of_an_ods_has_no_day(tmp_path):
    """2016年9月 typed into a date cell (LibreOffice keeps 09-01, shows year and month): as 09-01 the decision
    of 1号 would be a false 逾期公开, and 3号's publication on 11-01 would hide its lateness. The month
    display comes from a cell's own style, from its parent named style (styles.xml), or from the column's
    default cell style; 2号's full-date style (year, month and day) stands."""
    row = "<table:table-row>{}</table:table-row>".format
    header = row("".join(_text(t) for t in ("许可决定文书号", "申请人", "许可决定日期", "公示日期")))
    automatic = (_month_style("N1") + _month_style("N2", day=True)
                 + '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
                 + '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>'
                 + '<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="年月"/>')
    named = _month_style("N9") + '<style:style style:name="年月" style:family="table-cell" style:data-style-name="N9"/>'
    rows = [header,
            row(_text("西人社许〔2016〕1号") + _text("甲") + _date("2016-09-01", 'table:style-name="ce1"')
                + _date("2016-10-20", 'table:style-name="ce2"')),
            row(_text("西人社许〔2016〕2号") + _text("乙") + _date("2016-09-05", 'table:style-name="ce2"')
                + _date("2016-09-10", 'table:style-name="ce2"')),
            row(_text("西人社许〔2016〕3号") + _text("丙") + _date("2016-10-10", 'table:style-name="ce2"')
                + _date("2016-11-01", 'table:style-name="ce3"')),
            row(_text("西人社许〔2016〕4号") + _text("丁") + _date("2016-10-12", 'table:style-name="ce2"')
                + _date("2016-10-01"))]  # no style of its own: the column's default (年月)
    columns = '<table:table-column table:number-columns-repeated="3"/><table:table-column table:default-cell-style-name="年月"/>'
    book = write_ods(tmp_path / "区人社局_2016年行政许可.ods", rows, columns, automatic, named)
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2016-12-31", "--json", "-"])
    data = json.loads(result.stdout)
    seen = {r["document_number"][-2:]: (r["status"], [i["code"] for i in r["issues"] if i["code"].startswith("date")])
            for r in data["records"]}
    assert seen == {"1号": ("invalid", ["date-no-day"]), "2号": ("on_time", []), "3号": ("invalid", ["date-no-day"]),
                    "4号": ("invalid", ["date-no-day"])}, data["records"]


def test_a_1904_workbook_saved_as_ods_counts_its_bare_serial_numbers_from_1904(tmp_path):
    # probe p90: an old Mac Excel / WPS workbook (1904 dates) saved as .ods keeps its null date 1904-01-01; its
    # serial numbers in General format were read 4 years and a day early (a pending decision 984 days overdue)
    row = "<table:table-row>{}</table:table-row>".format

    def serial(n: int) -> str:
        return f'<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>'

    rows = [row("".join(_text(t) for t in ("许可决定文书号", "申请人", "许可决定日期", "公示日期"))),
            row(_text("西人社许〔2024〕1号") + _text("甲") + serial(43921) + serial(43930)),  # 2024-04-01, 04-10
            row(_text("西人社许〔2024〕2号") + _text("乙") + serial(44184) + _text(""))]  # 2024-12-20, not yet
    null_date = '<table:calculation-settings><table:null-date table:date-value="1904-01-01"/></table:calculation-settings>'
    book = write_ods(tmp_path / "区人社局_2024年行政许可.ods", rows, '<table:table-column table:number-columns-repeated="4"/>',
                     settings=null_date)
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2024-12-31", "--json", "-"])
    data = json.loads(result.stdout)
    got = {r["document_number"]: (r["decision_date"], r["status"]) for r in data["records"]}
    assert got == {"西人社许〔2024〕1号": ("2024-04-01", "on_time"), "西人社许〔2024〕2号": ("2024-12-20", "pending")}, got

