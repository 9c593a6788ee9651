"""Formula cells that say nothing about a decision: =TODAY() / =NOW() (the day the file was saved) as a
date, and a failed VLOOKUP (#N/A) or a formula saved without its result as the 文书号. Workbooks written
by xlsxwriter with their cached results, one patched into Excel's shared-formula form; the real CLI."""

import datetime as dt
import re
import zipfile

import xlsxwriter

from helpers import PENALTY_HEADER, cli_check

D = dt.date


def _serial(day: dt.date) -> int:
    return (day - D(1899, 12, 30)).days


def _ledger(path, rows, shared: bool | str = False):
    """rows: (number, party, decision, publication) where a str publication starting with = is a formula
    whose cached result is the date after the '|' (=TODAY()|2016-11-20), and a number or party starting
    with = a formula cached as the text after the '|'."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("行政处罚")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, PENALTY_HEADER)
    for r, (number, party, decided, published) in enumerate(rows, start=1):
        sheet.write(r, 0, r)
        if number.startswith("="):
            formula, cached = number.split("|")
            sheet.write_formula(r, 1, formula, None, cached)
        else:
            sheet.write(r, 1, number)
        if party.startswith("="):
            formula, cached = party.split("|")
            sheet.write_formula(r, 2, formula, None, cached)
        else:
            sheet.write(r, 2, party)
        sheet.write_datetime(r, 3, dt.datetime.combine(decided, dt.time()), day)
        if isinstance(published, str):
            formula, cached = published.split("|")
            sheet.write_formula(r, 4, formula, day, _serial(D.fromisoformat(cached)))
        elif published is not None:
            sheet.write_datetime(r, 4, dt.datetime.combine(published, dt.time()), day)
        sheet.write(r, 5, "区安监局")
    book.close()
    if shared:  # as Excel saves a formula filled down: the text on the first cell only
        with zipfile.ZipFile(path) as zin:
            parts = {name: zin.read(name) for name in zin.namelist()}
        xml = parts["xl/worksheets/sheet1.xml"].decode()
        first = [True]

        def share(m):
            if first[0]:
                first[0] = False
                return f'<f t="shared" ref="E3:E4" si="0">{m.group(1)}</f>'
            return '<f t="shared" si="0"/>'
        xml = re.sub(r"<f>([^<]*TODAY[^<]*)</f>", share, xml)
        if shared == "exact":  # a comment among the cells: the sheet is read by the full XML parse
            xml = xml.replace("<sheetData>", "<sheetData><!-- filled down -->")
        parts["xl/worksheets/sheet1.xml"] = xml.encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for name, data in parts.items():
                zout.writestr(name, data)
    return path


def _by_row(data: dict) -> dict[int, dict]:
    return {r["row"]: r for r in data["records"]}


def test_a_date_that_is_todays_formula_is_no_publication_date(tmp_path):
    rows = [("西安监罚〔2016〕1号", "甲", D(2016, 10, 10), D(2016, 10, 12)),
            ("西安监罚〔2016〕2号", "乙", D(2016, 10, 10), "=TODAY()|2016-10-20"),  # would be on time
            ("西安监罚〔2016〕3号", "丙", D(2016, 10, 10), '=IF(C4<>"",TODAY(),"")|2016-12-20'),  # would be late
            ("西安监罚〔2016〕4号", "丁", D(2016, 10, 10), "=NOW()|2016-12-21")]
    for shared in (False, True, "exact"):
        folder = tmp_path / f"shared{shared}"
        folder.mkdir()
        _ledger(folder / "区安监局.xlsx", rows, shared)
        code, data, output = cli_check(folder, folder / "区安监局.xlsx")
        got = _by_row(data)
        assert got[2]["status"] == "on_time", output
        for row in (3, 4, 5):
            assert got[row]["status"] == "invalid", (shared, row, got[row])
            assert any("TODAY()" in i["message"] for i in got[row]["issues"]), got[row]["issues"]
        assert code == 1


def test_an_error_value_or_unsaved_formula_as_the_number_makes_no_two_rows_one_decision(tmp_path):
    rows = [(f"=VLOOKUP(A{r},台账!A:B,2,0)|#N/A", f"=VLOOKUP(A{r},台账!A:C,3,0)|#N/A", D(2016, 10, 10), published)
            for r, published in ((2, D(2016, 10, 12)), (3, D(2016, 11, 25)), (4, None))]
    path = _ledger(tmp_path / "区安监局.xlsx", rows)
    with zipfile.ZipFile(path) as zin:  # an error value, as Excel saves it: t="e"
        parts = {name: zin.read(name) for name in zin.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(r'<c r="([BC]\d)"([^>]*?) t="str">', r'<c r="\1"\2 t="e">', xml).encode()
    with zipfile.ZipFile(path, "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    code, data, output = cli_check(tmp_path, path)
    assert sorted(r["status"] for r in data["records"]) == ["late", "on_time", "overdue"], output
    assert data["summary"]["repeats"] == 0


def test_a_sheet_whose_numbers_and_dates_are_unsaved_formulas_is_unread_not_a_pass(tmp_path):
    """Rows linked to another workbook, saved by a program that keeps no results: nothing can be read, and
    the run says so and fails, instead of passing with 0 records. A template's pre-filled 序号 formulas under
    real rows change nothing."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "行政处罚"
    sheet.append(PENALTY_HEADER)
    for r in range(2, 5):  # openpyxl writes formulas without a cached result
        sheet.append([r - 1, f"='[台账原表.xlsx]Sheet1'!B{r}", f"='[台账原表.xlsx]Sheet1'!C{r}",
                      f"='[台账原表.xlsx]Sheet1'!D{r}", f"='[台账原表.xlsx]Sheet1'!E{r}", "区安监局"])
    book.save(tmp_path / "区安监局.xlsx")
    code, data, output = cli_check(tmp_path, tmp_path / "区安监局.xlsx")
    assert code == 1 and data["summary"]["records"] == 0, output
    assert "sheet-formulas-unsaved 第 2、3、4 行（3 行）" in output and "读不出决定" in output

    kept = openpyxl.Workbook()
    sheet = kept.active
    sheet.append(PENALTY_HEADER)
    sheet.append([1, "西安监罚〔2016〕1号", "甲", D(2016, 10, 10), D(2016, 10, 12), "区安监局"])
    sheet.append(["=ROW()-1", None, None, None, None, None])  # the template's next row, nothing typed
    kept.save(tmp_path / "kept.xlsx")
    code, data, output = cli_check(tmp_path, tmp_path / "kept.xlsx")
    assert code == 0 and data["summary"]["records"] == 1 and "sheet-formulas-unsaved" not in output, output
