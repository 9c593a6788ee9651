"""The README's quick start stays true: two blocks, and the first one's job really runs."""

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / ".ci"))
from readme_blocks import quick_start_blocks  # noqa: E402


def blocks():
    return quick_start_blocks((ROOT / "README.md").read_text(encoding="utf-8"))


def test_quick_start_has_exactly_two_self_contained_blocks():
    first, second = blocks()
    for block in (first, second):
        assert "python3 -m venv" in block and "pip install -e" in block
    assert "compliance check sample_data/" in first
    assert "pytest" in second and "'.[test]'" in second


def test_first_block_writes_a_report_under_reports(tmp_path):
    first = blocks()[0]
    command = shlex.split(first.split("&&")[-1].strip())
    assert command[0] == "compliance"
    shutil.copytree(ROOT / "sample_data", tmp_path / "sample_data")
    proc = subprocess.run([sys.executable, "-m", "compliance", *command[1:]], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr  # the sample has late records on purpose
    reports = list((tmp_path / "reports").glob("公开时限检查_*.xlsx"))
    assert len(reports) == 1 and reports[0].stat().st_size > 0
    assert "报告已保存" in proc.stdout and "Traceback" not in proc.stderr


def test_ci_runs_the_readme_test_command_then_the_lower_bounds():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f'TEST_COMMAND="{blocks()[1]}"' in script
    lines = script.splitlines()
    assert blocks()[1] in lines  # run as written, on a line of its own
    after = lines[lines.index(blocks()[1]) + 1:]
    assert any(".ci/lower_bounds.py" in line for line in after)
    assert after[-1].endswith("-m pytest")  # the suite again, on the lower bounds


def test_readme_usage_blocks_equal_help():
    """Every command has a usage block in the README, and it is exactly its --help."""
    from compliance.cli import main
    from compliance.readme_usage import blocks, help_text

    found = blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    assert set(found) == set(main.commands), "run: python -m compliance.readme_usage README.md"
    for name, text in found.items():
        assert text == help_text(name), f"README usage of {name} differs from --help; " \
                                        "run: python -m compliance.readme_usage README.md"


def test_first_command_terminal_output_is_pinned(tmp_path):
    """The README's first command prints exactly this (tests/data/readme_first_command.txt), as sqlite-utils pins
    its CLI output. If a change to the output is intended, regenerate the file and read the diff."""
    first = blocks()[0]
    command = shlex.split(first.split("&&")[-1].strip())
    shutil.copytree(ROOT / "sample_data", tmp_path / "sample_data")
    proc = subprocess.run([sys.executable, "-m", "compliance", *command[1:]], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8")
    expected = (ROOT / "tests" / "data" / "readme_first_command.txt").read_text(encoding="utf-8")
    assert proc.returncode == 1
    assert proc.stdout == expected
    assert proc.stderr == ""  # sample_data/ holds nothing but ledgers: no warnings
