"""A report 法制办 has written on (a 法制办意见 column, a 考核打分 sheet) or saved again in Excel/WPS is no
longer only the tool's: the next run never replaces it. Without --out (or with a folder) the new report goes
beside it as 名称(2).xlsx and the run says so; with --out naming it, the run refuses before writing anything.
A report exactly as the tool wrote it is replaced as before. Real reports through the real CLI."""

from __future__ import annotations

import openpyxl

from helpers import check_sample_in, digest

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
