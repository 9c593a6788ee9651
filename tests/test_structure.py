"""The package's shape: config rules honoured by the library, typed reconciliation, one vocabulary."""

import ast
import datetime as dt
import importlib
import json
import pkgutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import compliance
from compliance.cli import main
from compliance.config import load_config
from compliance.errors import ConfigError
from compliance.problems import LEVELS, PROBLEMS
from compliance.status import EXIT_CANNOT_RUN, EXIT_OK, EXIT_PROBLEMS, Verdict
from helpers import PENALTY_HEADER, write_xlsx

ROOT = Path(__file__).parent.parent
# 2016-11-01 (Tue) published 2016-11-15: 10 working days, late under 7, on time under 20.
ROW = [1, "西安监罚〔2016〕1号", "甲公司", dt.date(2016, 11, 1), dt.date(2016, 11, 15), "区安监局"]


@pytest.fixture
def ledger(tmp_path):
    return write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER, ROW]})


def test_library_and_cli_agree_on_config_rules(tmp_path, ledger, monkeypatch):
    config_path = tmp_path / "compliance.toml"
    config_path.write_text('[rules]\nprofile = "national"\n', encoding="utf-8")
    run = compliance.check([ledger], config=load_config(config_path), as_of=dt.date(2016, 12, 31),
                           run_date=dt.date(2016, 12, 31))
    assert run.records["status"].tolist() == ["late"]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "--json", "-"])
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert [r["status"] for r in payload["records"]] == ["late"]
    assert payload["rules"][0]["permit_days"] == 7
    # --days still overrides the config
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "--days", "20", "--json", "-"])
    assert [r["status"] for r in json.loads(result.stdout[result.stdout.index("{"):])["records"]] == ["on_time"]


@pytest.mark.parametrize("text, named", [
    ("[rulez]\npermit = 7\n", "rulez"),
    ("[rules]\npermits = 7\n", "permits"),
    ("[limits]\nmax_mb = 3\n", "max_uncompressed_mb"),
    ("[rules]\npermit = 7\n[[rules.change]]\nfrom = \"2019-01-01\"\npenalty_days = 7\n", "penalty_days"),
])
def test_unknown_config_keys_are_errors_that_name_them(tmp_path, text, named):
    path = tmp_path / "compliance.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert named in caught.value.message


def test_toml_syntax_error_is_chinese_with_line_number(tmp_path):
    path = tmp_path / "compliance.toml"
    path.write_text("[columns]\ndecision_date = [\"签发日期\"]\n[rules\npermit = 7\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "第 3 行" in caught.value.message
    assert "Expected" not in caught.value.message


def test_config_rules_are_cited_as_the_config_file(tmp_path):
    path = tmp_path / "compliance.toml"
    path.write_text("[rules]\npermit = 7\npenalty = 7\n", encoding="utf-8")
    name = load_config(path).rules.name
    assert name == "7 个工作日（配置文件 compliance.toml）"
    assert "西政办发" not in name


RECONCILE_SCRIPT = """
import sys
import compliance.ingest.records as records
from compliance.cli import main

original = records._records

def lossy(*args, **kwargs):  # a counting bug: one record vanishes without being counted as skipped
    out, skipped = original(*args, **kwargs)
    return out.iloc[1:].reset_index(drop=True), skipped

records._records = lossy
sys.argv = ["compliance", "check", sys.argv[1], "--as-of", "2016-12-31", "--out", sys.argv[2]]
main()
"""


@pytest.mark.parametrize("optimise", [[], ["-O"]])
def test_reconciliation_mismatch_in_loader_exits_2_without_report(tmp_path, ledger, optimise):
    out = tmp_path / "报告.xlsx"
    done = subprocess.run([sys.executable, *optimise, "-c", RECONCILE_SCRIPT, str(ledger), str(out)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "内部核对失败" in done.stderr and "文件无法读取" not in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def _declared_codes(path: Path, class_name: str) -> list[str]:
    """The code of every ``class_name("code", …)`` call in the module's source, in order."""
    calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)]
    return [call.args[0].value for call in calls
            if getattr(call.func, "id", getattr(call.func, "attr", None)) == class_name
            and call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)]


def test_every_problem_code_is_declared_once_with_a_level_and_chinese_text():
    # PROBLEMS is a dict, so it cannot show a code declared twice (the later entry wins): read the source.
    kind = type(next(iter(PROBLEMS.values()))).__name__
    declared = [code for path in sorted((ROOT / "compliance").glob("problem_codes*.py"))
                for code in _declared_codes(path, kind)]
    twice = sorted(code for code, n in Counter(declared).items() if n > 1)
    assert twice == [] and set(declared) == set(PROBLEMS), (twice, set(declared) ^ set(PROBLEMS))
    for code, problem in PROBLEMS.items():
        assert code == problem.code and problem.level in LEVELS
        assert not problem.template.isascii() or problem.template.startswith("{"), code


def test_exit_code_and_verdict_come_from_one_decision():
    clear = Verdict.of({"records": 5, "on_time": 3, "pending": 2}, 0)
    assert (clear.exit_code, clear.text) == (EXIT_OK, "通过：5 条记录全部按时公开或未到期。")
    late = Verdict.of({"records": 4, "on_time": 3, "late": 1}, 0)
    assert (late.exit_code, late.text) == (EXIT_PROBLEMS, "未通过：共 4 条记录，逾期 1 条。")
    assert Verdict.of({"records": 1, "invalid": 1}, 0).exit_code == EXIT_PROBLEMS
    unreadable = Verdict.of({"records": 1, "on_time": 1}, 1)
    assert (unreadable.exit_code, unreadable.text) == (EXIT_PROBLEMS, "未通过：共 1 条记录，1 个文件无法读取。")
    found = Verdict.of({"records": 1, "on_time": 1}, 0, ["台账与网站清单有不一致（见“公开核对”）"])
    assert found.exit_code == EXIT_PROBLEMS and found.text.endswith("台账与网站清单有不一致（见“公开核对”）。")
    nothing = Verdict.of({}, 0, nothing_read="nothing-read")
    assert (nothing.exit_code, nothing.text) == (EXIT_CANNOT_RUN, "没有读到任何可检查的文件。")


def test_no_module_shadows_a_public_name():
    """`import compliance.check` must never hand back a function (the old clash)."""
    modules = {m.name.rsplit(".", 1)[-1] for m in pkgutil.walk_packages(compliance.__path__, "compliance.")}
    assert not modules & set(compliance.__all__), modules & set(compliance.__all__)
    assert importlib.import_module("compliance.classify").__name__ == "compliance.classify"


def test_no_private_zipfile_internals():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "compliance").rglob("*.py"))
    for name in ("_didModify", "NameToInfo", "start_dir"):
        assert name not in text


def test_modules_stay_small():
    for path in (ROOT / "compliance").rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 450, f"{path.relative_to(ROOT)} has {lines} lines"
