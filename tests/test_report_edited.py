"""A report 法制办 has written on (a 法制办意见 column, a 考核打分 sheet) or saved again in Excel/WPS is no
longer only the tool's: the next run never replaces it. Without --out (or with a folder) the new report goes
beside it as 名称(2).xlsx and the run says so; with --out naming it, the run refuses before writing anything.
A report exactly as the tool wrote it is replaced as before. Real reports through the real CLI."""

from __future__ import annotations

import os
import re
import shutil
import zipfile

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from helpers import SAMPLE, check_sample_in, digest

NAME = "公开时限检查_2016-12-31.xlsx"
check = check_sample_in


def test_a_report_left_as_written_is_replaced_and_an_edited_one_is_kept(tmp_path):
    first = check(tmp_path, "-q")
    assert first.exit_code == 1, first.output
    report = tmp_path / "reports" / NAME
    again = check(tmp_path, "-q")  # untouched: replaced in place, no second file
    assert again.exit_code == 1 and sorted(p.name for p in (tmp_path / "reports").iterdir()) == [NAME]
    book = openpyxl.load_workbook(report)
    book["逾期清单"]["N1"] = "法制办意见"
    book.create_sheet("考核打分")["A1"] = "区安监局 扣2分"
    book.save(report)
    edited = digest(report)
    third = check(tmp_path)
    assert third.exit_code == 1, third.output
    beside = tmp_path / "reports" / "公开时限检查_2016-12-31(2).xlsx"
    assert digest(report) == edited and beside.exists()
    assert f"注意：reports/{NAME} 生成后被修改过（或在 Excel/WPS 中保存过），没有覆盖；新报告另存为 reports/" \
           f"公开时限检查_2016-12-31(2).xlsx" in third.output
    assert f"报告已保存：reports/公开时限检查_2016-12-31(2).xlsx" in third.output
    fourth = check(tmp_path, "-q")  # (2) is the tool's, untouched: replaced; the edited one still kept
    assert fourth.exit_code == 1 and digest(report) == edited
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == sorted([NAME, "公开时限检查_2016-12-31(2).xlsx"])


def test_out_naming_an_edited_report_is_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "给法制办.xlsx"
    assert check(tmp_path, "-q", "-o", str(out)).exit_code == 1
    book = openpyxl.load_workbook(out)
    book.save(out)  # opened and saved again, nothing changed: still not the tool's bytes
    saved = digest(out)
    result = check(tmp_path, "-q", "-o", str(out), "--json", str(tmp_path / "r.json"))
    assert result.exit_code == 2 and digest(out) == saved and not (tmp_path / "r.json").exists()
    assert f"{out} 是本工具生成的报告，但生成后被修改过（或在 Excel/WPS 中保存过），拒绝覆盖" in result.output


def test_a_report_of_an_earlier_version_left_as_written_is_still_replaced(tmp_path):
    # review: reports written before the stamp have no zip comment; unsaved since, their core properties
    # are still the writer's, so a monthly script's fixed --out keeps working after the upgrade
    import zipfile

    out = tmp_path / "月报.xlsx"
    assert check(tmp_path, "-q", "-o", str(out)).exit_code == 1
    with zipfile.ZipFile(out, "a") as archive:
        archive.comment = b""  # as an earlier version wrote it
    assert check(tmp_path, "-q", "-o", str(out)).exit_code == 1
    with zipfile.ZipFile(out) as archive:
        assert archive.comment.startswith(b"compliance-report")


def test_a_report_made_from_another_folders_files_is_kept_and_the_same_folder_again_replaces_it(tmp_path):
    # probe p87 M3: the district's report (sample_data, 9 units) was replaced without a word by one unit's
    # self-check run in the same working folder (same --as-of, so the same default name)
    district = check(tmp_path, "-q")
    assert district.exit_code == 1, district.output
    report = tmp_path / "reports" / NAME
    kept = digest(report)
    unit = tmp_path / "单位 自查"
    unit.mkdir()
    shutil.copy(next(SAMPLE.glob("*.xlsx")), unit)
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        self_check = CliRunner().invoke(main, ["check", str(unit), "--as-of", "2016-12-31", "--no-history"])
    finally:
        os.chdir(before)
    assert self_check.exit_code in (0, 1), self_check.output
    assert digest(report) == kept, "the district's report was replaced"
    assert f"注意：reports/{NAME} 是检查别的文件或文件夹时生成的报告，没有覆盖；新报告另存为 reports/" \
           f"公开时限检查_2016-12-31(2).xlsx" in self_check.output, self_check.output
    again = check(tmp_path, "-q")  # the district's folder again: its own report replaced, as before
    assert again.exit_code == 1 and "没有覆盖" not in again.output, again.output
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == sorted([NAME, "公开时限检查_2016-12-31(2).xlsx"])


def _check_in(cwd, *args):
    before = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, ["check", *map(str, args), "--as-of", "2016-12-31", "--no-history"])
    finally:
        os.chdir(before)


def test_the_same_folder_grown_replaces_its_report_and_one_of_its_files_does_not(tmp_path):
    # review rev62: the origin was the deepest folder of the files read: a second unit's subfolder arriving made
    # the same folder "another"; one file of the district's folder, checked alone, replaced the district's report
    district = tmp_path / "2016-12"
    files = sorted(SAMPLE.glob("*.xlsx"))
    (district / "a").mkdir(parents=True)
    shutil.copy(files[0], district / "a")
    assert _check_in(tmp_path, district).exit_code in (0, 1)
    (district / "b").mkdir()
    shutil.copy(files[1], district / "b")
    grown = _check_in(tmp_path, district)
    assert grown.exit_code in (0, 1) and "没有覆盖" not in grown.output, grown.output
    report = tmp_path / "reports" / NAME
    kept = digest(report)
    alone = _check_in(tmp_path, district / "a" / files[0].name)
    assert "是检查别的文件或文件夹时生成的报告，没有覆盖" in alone.output, alone.output
    assert digest(report) == kept


def test_the_zip_comment_stays_as_earlier_versions_compare_it(tmp_path):
    # review rev62: the origin appended to the zip comment made an earlier version take every new report for an
    # edited one (refused with --out, saved aside without): it lives in an entry's own comment instead
    assert check(tmp_path, "-q").exit_code == 1
    with zipfile.ZipFile(tmp_path / "reports" / NAME) as archive:
        assert re.fullmatch(rb"compliance-report sha256=[0-9a-f]{64}", archive.comment), archive.comment
        assert re.fullmatch(rb"[0-9a-f]{16}", archive.getinfo("[Content_Types].xml").comment)
