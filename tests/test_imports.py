"""The import graph of compliance/: no cycles, no upward imports from ingest/, and every import inside a
function says why it is there. Imports inside functions count: they hide a cycle, they do not break it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "compliance"
# ingest/ turns files into records; what it needs from above (the column rules, how to recognise
# the tool's own reports) is passed in. These are above it.
ABOVE_INGEST = ("compliance.report", "compliance.config", "compliance.api", "compliance.cli", "compliance.web",
                "compliance.online", "compliance.params", "compliance.summary", "compliance.classify")


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


MODULES = _modules()


def _targets(node, name: str, is_package: bool) -> list[str]:
    """The package modules an import statement loads (``from .x import y``: y when it is a module, else x)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in MODULES]
    base = name if is_package else name.rsplit(".", 1)[0]
    if node.level:
        base = ".".join(base.split(".")[:len(base.split(".")) - node.level + 1])
        module = f"{base}.{node.module}" if node.module else base
    else:
        module = node.module or ""
    out = [f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module for a in node.names]
    return [t for t in out if t in MODULES]


def _graph() -> tuple[dict[str, set[str]], list[tuple[str, int, str]]]:
    """(module -> modules it imports, [(module, line, source) of each import inside a function])."""
    edges, inside = {}, []
    for name, (path, is_package) in MODULES.items():
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        edges[name] = {t for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                       for t in _targets(node, name, is_package) if t != name}
        lines = source.splitlines()
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for node in ast.walk(function):
                    if isinstance(node, (ast.Import, ast.ImportFrom)):
                        inside.append((name, node.lineno, lines[node.lineno - 1]))
    return edges, inside


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_imports_inside_functions():
    edges, inside = _graph()
    assert "compliance.web.server" in edges["compliance.cli"]  # imported inside `serve` only
    assert len(edges) == len(MODULES) > 50


def test_no_import_cycles():
    edges, _ = _graph()
    assert _cycles(edges) == []


def test_a_cycle_would_be_found():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_upward_imports_from_ingest():
    edges, _ = _graph()
    upward = {name: sorted(t for t in targets if t.startswith(ABOVE_INGEST))
              for name, targets in edges.items() if name.startswith("compliance.ingest")}
    assert {name: t for name, t in upward.items() if t} == {}


def test_every_import_inside_a_function_says_why():
    _, inside = _graph()
    unexplained = [f"{name}:{line}: {text.strip()}" for name, line, text in inside if "#" not in text]
    assert unexplained == []


def test_the_field_table_imports_nothing_of_the_package():
    """fields.py is read by ingest/, online/ and config.py alike: it stands below all of them."""
    edges, _ = _graph()
    assert edges["compliance.fields"] == set()
    assert "compliance.fields" in edges["compliance.ingest.columns"]  # the graph does see its users


def test_the_cli_and_the_history_commands_start_without_pandas(tmp_path):
    """pandas (with pyarrow) is a third of a second to import: `compliance --version`, `--help` and
    `history list`, `open` and `trend` answer without it; a check imports it when it starts."""
    import subprocess
    import sys

    import pandas as pd

    from compliance.history.store import FOLLOWUP_COLUMNS, RECORD_COLUMNS, HistoryStore

    db = tmp_path / "h.sqlite"
    records = pd.DataFrame({c: [None] for c in RECORD_COLUMNS}).assign(unit="区安监局", number_key="k", status="on_time",
                                                                      row=2)
    HistoryStore(db).record({"period": "2016-10", "run_time": "2016-11-25T09:00:00", "as_of": "2016-11-25",
                             "inputs": ["台账.xlsx"], "previous_period": None}, records,
                            pd.DataFrame(columns=["unit", "category", "status", "count"]),
                            pd.DataFrame({"unit": ["区安监局"], "category": ["all"], "rate": [0.5]}),
                            pd.DataFrame({c: [None] for c in FOLLOWUP_COLUMNS}).assign(
                                unit="区安监局", category="penalty", number_key="k", document_number="西安监罚〔2016〕1号",
                                first_period="2016-10", periods_open=1, problem="overdue", state="open", carried=0,
                                still_open=1))
    code = ("import sys\nfrom click.testing import CliRunner\nfrom compliance.cli import main\n"
            "assert 'pandas' not in sys.modules, 'import compliance.cli'\n"
            "for args in (['--version'], ['--help'], ['history', '--help'], ['history', 'list'], ['history', 'open'],\n"
            "             ['history', 'trend']):\n"
            "    db = ['--db', sys.argv[1]] if args[-1] in ('list', 'open', 'trend') else []\n"
            "    result = CliRunner().invoke(main, args + db)\n"
            "    assert result.exit_code == 0, (args, result.output)\n"
            "    assert 'pandas' not in sys.modules, args\n"
            "    print(result.output)\n")
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "2016-10" in done.stdout and "1 条记录" in done.stdout  # list
    assert "区安监局  西安监罚〔2016〕1号  自 2016-10 起（1 期）  逾期未公开  现状：本期发现，待整改" in done.stdout  # open (p66 F9)
    assert "区安监局（全部）  2016-10 50.0%" in done.stdout  # trend
