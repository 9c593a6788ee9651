"""Two checks run at once in one folder: a report (or JSON) that another run saved while this one was
writing is never replaced. The rename replaces only the file that was checked before the write began;
the tool's own default name moves aside to 名称(2).xlsx and the run says so; a name the user gave is
refused and the other file stays. Real reports through the real CLI; the other run is played by a file
put in place at the moment this run's report is finished in its temporary file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compliance.errors import ComplianceError
from compliance.report import workbook
from compliance.report.paths import next_name, write_atomically
from helpers import check_sample_in, digest

NAME = "公开时限检查_2016-12-31.xlsx"
check = check_sample_in


@pytest.fixture
def other_report(tmp_path) -> Path:
    """A real report of another run (another period's), to be put in place mid-write."""
    folder = tmp_path / "other"
    folder.mkdir()
    made = check(folder, "-q", "--as-of", "2016-11-30")
    assert made.exit_code == 1, made.output
    return next((folder / "reports").glob("*.xlsx"))


def saved_meanwhile(monkeypatch, source: Path, target: Path) -> None:
    """When this run's report is complete in its temporary file, ``source`` is saved at ``target``."""
    stamp = workbook.stamp

    def stamp_then_other_run(temp: Path, origin: str | None = None) -> None:
        stamp(temp, origin)
        shutil.copyfile(source, target)

    monkeypatch.setattr(workbook, "stamp", stamp_then_other_run)


def test_a_default_named_report_saved_meanwhile_by_another_run_is_kept_and_this_one_goes_beside_it(
        tmp_path, monkeypatch, other_report):
    work = tmp_path / "work"
    (work / "reports").mkdir(parents=True)
    target = work / "reports" / NAME
    saved_meanwhile(monkeypatch, other_report, target)
    result = check(work)
    assert result.exit_code == 1, result.output
    beside = work / "reports" / "公开时限检查_2016-12-31(2).xlsx"
    assert digest(target) == digest(other_report)  # the other run's report, untouched
    assert beside.exists() and digest(beside) != digest(other_report)
    assert (f"注意：写报告期间 reports/{NAME} 由另一个程序（也可能是同时运行的另一次检查）写出，没有覆盖它；"
            f"本次报告另存为 reports/公开时限检查_2016-12-31(2).xlsx") in result.output
    assert "报告已保存：reports/公开时限检查_2016-12-31(2).xlsx" in result.output
    assert sorted(p.name for p in (work / "reports").iterdir()) == sorted([NAME, beside.name])  # no temp left


def test_a_report_of_ours_replaced_by_another_run_meanwhile_is_not_replaced_again(tmp_path, monkeypatch,
                                                                                 other_report):
    """Checked as our own untouched report before the write; another run's report by the time of the rename."""
    first = check(tmp_path, "-q")
    assert first.exit_code == 1, first.output
    target = tmp_path / "reports" / NAME
    saved_meanwhile(monkeypatch, other_report, target)
    again = check(tmp_path, "-q")
    assert again.exit_code == 1, again.output
    assert digest(target) == digest(other_report)
    assert (tmp_path / "reports" / "公开时限检查_2016-12-31(2).xlsx").exists()


def test_a_name_the_user_gave_that_another_run_took_meanwhile_is_refused_and_kept(tmp_path, monkeypatch,
                                                                                 other_report):
    target = tmp_path / "给法制办.xlsx"
    saved_meanwhile(monkeypatch, other_report, target)
    result = check(tmp_path, "-o", str(target))
    assert result.exit_code == 2, result.output
    assert digest(target) == digest(other_report)
    assert f"写入期间 {target} 被另一个程序（也可能是同时运行的另一次检查）新建或改写，没有覆盖它" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other", "给法制办.xlsx"]  # no temp, no second report


def test_a_json_written_meanwhile_by_someone_else_is_not_replaced(tmp_path):
    target = tmp_path / "结果.json"

    def write(temp: Path) -> str:
        target.write_text("同事刚存的文件", encoding="utf-8")  # appears while ours is written
        temp.write_text('{"tool": "compliance"}', encoding="utf-8")
        return "written"

    with pytest.raises(ComplianceError) as raised:
        write_atomically(target, write, ".json")
    assert raised.value.code == "output-taken-meanwhile"
    assert target.read_text(encoding="utf-8") == "同事刚存的文件"
    assert [p.name for p in tmp_path.iterdir()] == ["结果.json"]


def test_a_file_checked_before_the_write_and_unchanged_is_replaced_as_before(tmp_path):
    target = tmp_path / "结果.json"
    target.write_text('{"tool": "compliance", "old": 1}', encoding="utf-8")
    assert write_atomically(target, lambda temp: temp.write_text('{"tool": "compliance"}') and "ok", ".json") == "ok"
    assert target.read_text() == '{"tool": "compliance"}'


@pytest.mark.parametrize("taken, free", [
    ("报告.xlsx", "报告(2).xlsx"),
    ("报告(2).xlsx", "报告(3).xlsx"),
    ("报告(9).xlsx", "报告(10).xlsx"),
])
def test_the_next_name_counts_on_from_the_taken_one_and_skips_every_existing_file(tmp_path, taken, free):
    (tmp_path / taken).write_bytes(b"x")
    assert next_name(tmp_path / taken) == tmp_path / free
    (tmp_path / free).mkdir()  # a folder of that name is taken too
    assert next_name(tmp_path / taken).name not in (taken, free)
