"""A LibreOffice flat ODS (.fods) given by name: said to be that format, with what to do, never "网页文件中没有表格"
(its <table:table> is no web page's table)."""

from click.testing import CliRunner

from compliance.cli import main

FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Sheet1"><table:table-row>
<table:table-cell><text:p>文书号</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document>"""


def test_a_flat_ods_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "区市场监管局_2026年行政处罚.fods"
    path.write_text(FODS, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-11-30", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2, result.output
    assert "这是 LibreOffice 的单文件表格（.fods），请在 LibreOffice/WPS 中另存为 .xlsx 或 .ods 后再报送" in result.output
    assert "网页文件中没有表格" not in result.output and "Traceback" not in result.output
