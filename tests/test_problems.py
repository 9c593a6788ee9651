"""The problem registry: every code declared once with its level, message, meaning and action;
every code the package uses is declared; docs/problems.md is generated from the registry."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import compliance.errors
from compliance.dates import DATE_PROBLEMS
from compliance.errors import ComplianceError, FileFault
from compliance.problems import LEVELS, PROBLEMS, problem, render_column, where
from compliance.problems_doc import render

ROOT = Path(__file__).resolve().parent.parent
KEBAB = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Calls that take a problem code, and where: the argument's position.
CODE_CALLS = {"problem": 0, "message": 0, "FileFault": 0, "of": 0, "render_column": 0, "CalendarFileError": 2}


def test_every_entry_has_a_level_a_chinese_message_a_meaning_and_an_action():
    assert PROBLEMS
    for code, entry in PROBLEMS.items():
        assert code == entry.code and KEBAB.fullmatch(code), code
        assert entry.level in LEVELS, code
        assert CJK.search(entry.template) or entry.template == "{reason}", code
        assert CJK.search(entry.meaning) and CJK.search(entry.action), code


def test_the_problem_list_in_the_docs_is_generated_from_the_registry():
    """Regenerate with: python -m compliance.problems_doc docs/problems.md"""
    doc = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    assert doc == render(), "docs/problems.md is out of date: python -m compliance.problems_doc docs/problems.md"
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", doc, flags=re.M))
    assert listed == set(PROBLEMS)


def _codes_used_in_the_source() -> dict[str, str]:
    """Every string constant passed as the first argument of a call that takes a problem code."""
    used = {}
    for path in (ROOT / "compliance").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            at = CODE_CALLS.get(name)
            code = node.args[at] if at is not None and len(node.args) > at else None
            if isinstance(code, ast.Constant) and isinstance(code.value, str) and KEBAB.fullmatch(code.value):
                used[code.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return used


def test_every_code_the_package_uses_is_declared():
    used = _codes_used_in_the_source()
    assert len(used) > 40  # the scan finds the calls (it would pass vacuously if it found none)
    assert {code: at for code, at in used.items() if code not in PROBLEMS} == {}
    assert set(DATE_PROBLEMS) <= set(PROBLEMS)
    faults = [c for c in vars(compliance.errors).values() if isinstance(c, type) and issubclass(c, ComplianceError)]
    assert {c.code for c in faults if c.code != "error"} <= set(PROBLEMS)


def test_an_undeclared_code_fails_where_it_is_made():
    with pytest.raises(KeyError, match="not declared"):
        problem("no-such-problem")


def test_a_problem_is_structured_and_rendered_at_the_edge():
    found = problem("date-impossible", file="区安监局.xlsx", sheet="处罚", row=5, field="decision_date",
                    text="2016-02-30")
    assert (found.code, found.level, found.file, found.sheet, found.row) == \
        ("date-impossible", "cell", "区安监局.xlsx", "处罚", 5)
    assert found.message == "决定日期：不存在的日期：2016-02-30"
    assert found.to_json() == {"code": "date-impossible", "level": "cell", "field": "decision_date",
                               "message": "决定日期：不存在的日期：2016-02-30"}
    assert where(found.file, found.sheet, found.row) == "区安监局.xlsx:处罚:5"
    assert where("a.csv") == "a.csv" and where("a.xlsx", "S") == "a.xlsx:S"
    # a sheet named in a file's message comes from the problem's place
    fault = FileFault("sheet-too-sparse", "大.xlsx", sheet="Sheet1", cell="XFD1", cells=10**9)
    assert fault.message.startswith("大.xlsx：工作表“Sheet1”的单元格 XFD1") and fault.problem.file == "大.xlsx"


def test_a_fault_in_a_worker_process_travels_back_whole():
    import pickle

    fault = FileFault("undecodable-text", "x.csv", detail="UnicodeDecodeError: ...", lines="4")
    back = pickle.loads(pickle.dumps(fault))
    assert (back.code, back.path, back.message, back.problem, back.detail) == \
        (fault.code, fault.path, fault.message, fault.problem, fault.detail)


@pytest.mark.parametrize("code, columns", [
    ("repeat-counted-once", {"first": pd.Series(["a.xlsx / S / 第 3 行", "b.csv / b / 第 9 行"])}),
    ("online-ambiguous", {"candidates": np.array(["x 第2行", "y"], dtype=object)}),
    ("file-too-large", {"size_mb": [1234.5, 9.0], "limit_mb": 200}),  # a format spec: row by row
])
def test_a_message_column_is_each_rows_message(code, columns):
    rows = len(next(v for v in columns.values() if not isinstance(v, int)))
    expected = [PROBLEMS[code].message(**{k: (v if isinstance(v, int) else v[i]) for k, v in columns.items()})
                for i in range(rows)]
    assert list(render_column(code, **columns)) == expected
