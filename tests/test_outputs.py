"""Outputs: one library call writes them for the CLI and the web page, and the JSON follows the report's rules
(issue 17 item 5): never over a file the tool did not write, never over an input, an --online list or the
report, a folder refused in Chinese, written atomically; every refusal before anything is written."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.api import check as run_check, write_outputs
from compliance.cli import main
from compliance.errors import ComplianceError
from compliance.report.paths import is_own_json, write_atomically
from helpers import PENALTY_HEADER, penalty_rows, write_csv, write_xlsx

AS_OF = "2016-12-31"
CREDIT_HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A ledger and an online list in tmp_path, which is also the working directory."""
    monkeypatch.chdir(tmp_path)
    write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(2)})
    write_csv(tmp_path / "网站.csv", [CREDIT_HEADER, ["西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-10", "区安监局"]])
    return tmp_path


def check(*args):
    return CliRunner().invoke(main, ["check", "区安监局_处罚.xlsx", "--as-of", AS_OF, *map(str, args)],
                              prog_name="compliance")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: what a refused run must leave exactly as it was."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(result, before, folder, *words):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    for word in words:
        assert word in result.stderr, result.stderr
    assert snapshot(folder) == before  # nothing written, nothing replaced, no temporary file left


def test_json_over_a_file_the_tool_did_not_write_is_refused(work):
    (work / "结果.json").write_text('{"mine": "a file someone needs"}', encoding="utf-8")
    before = snapshot(work)
    refused(check("-o", "r.xlsx", "--json", "结果.json"), before, work, "结果.json 已存在", "不是本工具生成的 JSON 文件",
            "拒绝覆盖", "--json")


def test_json_on_the_report_itself_is_refused_before_anything_is_written(work):
    before = snapshot(work)
    refused(check("-o", "r.xlsx", "--json", "r.xlsx"), before, work, "与 Excel 报告是同一个文件")
    # also when the report's name is completed with .xlsx
    refused(check("-o", "r", "--json", "r.xlsx"), before, work, "与 Excel 报告是同一个文件")


def test_json_over_an_input_is_refused(work):
    before = snapshot(work)
    refused(check("-o", "r.xlsx", "--json", "区安监局_处罚.xlsx"), before, work, "是输入文件之一", "--json")


def test_json_over_an_online_list_is_refused(work):
    before = snapshot(work)
    refused(check("--online", "网站.csv", "-o", "r.xlsx", "--json", "网站.csv"), before, work, "是输入文件之一")


def test_report_over_an_online_list_is_refused(work):
    write_xlsx(work / "网站.xlsx", {"S": [CREDIT_HEADER, ["西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-10", "区安监局"]]})
    before = snapshot(work)
    refused(check("--online", "网站.xlsx", "-o", "网站.xlsx"), before, work, "是输入文件之一", "--out")


def test_json_path_that_is_a_folder_gets_a_chinese_message(work):
    (work / "结果").mkdir()
    before = snapshot(work)
    refused(check("-o", "r.xlsx", "--json", "结果"), before, work, "--json 的路径 结果 是一个文件夹", "结果.json")


def test_a_json_file_the_tool_wrote_is_replaced(work):
    first = check("-o", "r.xlsx", "--json", "结果.json")
    assert first.exit_code == 0, first.output
    assert is_own_json(work / "结果.json")
    old = json.loads((work / "结果.json").read_text(encoding="utf-8"))
    again = CliRunner().invoke(main, ["check", "区安监局_处罚.xlsx", "--as-of", "2016-11-30", "-o", "r.xlsx",
                                      "--json", "结果.json"])
    assert again.exit_code == 0, again.output
    new = json.loads((work / "结果.json").read_text(encoding="utf-8"))
    assert (old["as_of"], new["as_of"]) == ("2016-12-31", "2016-11-30")
    assert list(new)[:2] == ["tool", "version"] and new["tool"] == "compliance"
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".~")) == []


def test_the_json_names_the_writer_of_the_report(work):
    result = check("-o", "r.xlsx", "--json", "-")
    payload = json.loads(result.stdout)
    book = openpyxl.load_workbook(work / "r.xlsx", read_only=True)
    about = {row[0]: row[1] for row in book["说明"].iter_rows(values_only=True)}
    book.close()
    assert payload["report_writer"]["name"] in ("rustpy-xlsxwriter", "xlsxwriter")
    assert about["报告生成程序"].startswith(payload["report_writer"]["name"])


def test_the_cli_and_the_library_write_the_same_outputs(work):
    cli = check("-o", "cli.xlsx", "--json", "cli.json")
    run = run_check(["区安监局_处罚.xlsx"], as_of=dt.date(2016, 12, 31), run_date=dt.date.today())
    outputs = write_outputs(run, out="lib", json="lib.json")
    assert outputs.report == Path("lib.xlsx") and outputs.json_path == Path("lib.json")
    assert (cli.exit_code, cli.stdout.strip().splitlines()[-1]) == (outputs.verdict.exit_code, outputs.verdict.text)
    from_cli = json.loads((work / "cli.json").read_text(encoding="utf-8"))
    from_lib = json.loads((work / "lib.json").read_text(encoding="utf-8"))
    assert from_cli["records"] == from_lib["records"] and from_cli["report_writer"] == from_lib["report_writer"]
    assert from_lib == json.loads(outputs.json_text)


def test_nothing_is_written_when_nothing_could_be_read(work):
    (work / "空.csv").write_bytes(b"")
    run = run_check([work / "空.csv"], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    outputs = write_outputs(run, out="r.xlsx", json="r.json")
    assert outputs.report is None and outputs.writer is None and outputs.payload["report_writer"] is None
    assert outputs.verdict.exit_code == 2 and not (work / "r.xlsx").exists() and not (work / "r.json").exists()


def test_an_atomic_write_that_fails_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "结果.json"
    target.write_text("old", encoding="utf-8")

    def broken(temp: Path):
        temp.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_atomically(target, broken, ".json")
    assert [p.name for p in tmp_path.iterdir()] == ["结果.json"] and target.read_text(encoding="utf-8") == "old"


def test_a_json_path_inside_a_file_is_refused_before_anything_is_written(work):
    before = snapshot(work)
    refused(check("-o", "r.xlsx", "--json", Path("区安监局_处罚.xlsx") / "结果.json"), before, work,
            "无法写入 JSON 文件", "区安监局_处罚.xlsx 不是文件夹")


def test_refusal_is_a_compliance_error_with_its_code(work):
    run = run_check(["区安监局_处罚.xlsx"], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    with pytest.raises(ComplianceError) as caught:
        write_outputs(run, out="r.xlsx", json="r.xlsx")
    assert caught.value.code == "output-json-is-report"


def test_the_json_and_the_report_are_readable_by_colleagues_as_any_new_file(work):
    # A shared folder: the report was 0644 and the JSON 0600 (its temporary file's mode), so colleagues could
    # open the report but not the JSON. Both take the mode any new file takes under the umask.
    old = os.umask(0o022)
    try:
        result = check("-o", "r.xlsx", "--json", "r.json")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert {name: (work / name).stat().st_mode & 0o777 for name in ("r.xlsx", "r.json")} == {"r.xlsx": 0o644,
                                                                                              "r.json": 0o644}


def test_the_json_carries_the_verdict_the_terminal_ends_with(work):
    result = check("--json", "-", "-q")
    payload = json.loads(result.stdout)
    assert payload["verdict"] == {"passed": True, "exit_code": result.exit_code, "text": "通过：2 条记录全部按时公开或未到期。"}
    assert result.exit_code == 0


def test_a_report_written_into_a_folder_that_did_not_exist_says_it_made_the_folder(work):
    # probe 40: -o with a typo in the folder made the folder without a word
    result = check("-o", work / "新建" / "子目录" / "r.xlsx")
    assert (work / "新建" / "子目录" / "r.xlsx").is_file()
    assert f"已新建文件夹：{work / '新建'}" in result.output
    again = check("-o", work / "新建" / "子目录" / "r2.xlsx")
    assert "已新建文件夹" not in again.output


def test_a_report_without_its_all_records_sheet_is_still_the_tools_own(tmp_path):
    """--engine dask leaves 全部记录 out: such a report was refused as another's on the next run to its name
    (拒绝覆盖), and read back as a ledger when left in the input folder (its 逾期清单 rows became records)."""
    import shutil

    from compliance.report.shape import ReportShape
    from helpers import PENALTY_HEADER, cli_check, penalty_rows, write_xlsx

    folder = tmp_path / "报送"
    folder.mkdir()
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(4)})
    run = run_check([folder], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    write_outputs(run, out=tmp_path / "r.xlsx", shape=ReportShape.for_engine("dask"))  # as the dask engine writes it
    assert "全部记录" not in openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True).sheetnames
    shutil.copy(tmp_path / "r.xlsx", folder / "上月检查结果.xlsx")
    code, payload, said = cli_check(tmp_path, folder)
    assert code in (0, 1) and "拒绝覆盖" not in said, said
    assert payload["summary"]["records"] == 4  # the copy in the folder is skipped as a report, not read
    assert any(e["file"].endswith("上月检查结果.xlsx") and e["sheets"] == [] for e in payload["inputs"])
