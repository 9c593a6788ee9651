"""Issue 21 items 1-2: 排名 best first, ties shared, and a data error never helps a unit.

Properties (hypothesis) on summary.unit_table, the one table the report, the terminal and the
page show; then the same rule through the real CLI on real workbooks.
"""

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.cli import main
from compliance.status import STATUSES
from compliance.summary import RANK_RATE, TOTAL, ranks, unit_table
from helpers import PENALTY_HEADER, write_xlsx

UNITS = ["甲局", "乙局", "丙局", "丁局", "戊局"]
D = dt.date


def records(statuses_by_unit: dict[str, list[str]]) -> pd.DataFrame:
    rows = [(unit, "penalty", status) for unit, statuses in statuses_by_unit.items() for status in statuses]
    return pd.DataFrame(rows, columns=["unit", "category", "status"])


def rank_of(table: pd.DataFrame) -> dict[str, float | None]:
    body = table[table["单位"] != TOTAL]
    return {u: (None if r is None or pd.isna(r) else int(r)) for u, r in zip(body["单位"], body["排名"])}


unit_statuses = st.lists(st.sampled_from(STATUSES), min_size=1, max_size=12)
tables = st.dictionaries(st.sampled_from(UNITS), unit_statuses, min_size=1, max_size=5)


@given(st.lists(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0, None]), min_size=1, max_size=8))
def test_a_rank_is_one_plus_the_number_of_better_rates(rates):
    got = ranks(pd.Series(rates, dtype=object))
    for rate, rank in zip(rates, got):
        if rate is None:
            assert pd.isna(rank)
        else:
            assert rank == 1 + sum(1 for other in rates if other is not None and other > rate)


def test_ties_share_a_rank_and_the_next_one_skips():
    table, _ = unit_table(records({"甲局": ["on_time"] * 2, "乙局": ["on_time", "late"],
                                   "丙局": ["late", "on_time"], "丁局": ["late"] * 2}))
    assert rank_of(table) == {"甲局": 1, "乙局": 2, "丙局": 2, "丁局": 4}
    # ties by name: an order anyone can reproduce, and no rank of its own
    assert list(table["单位"]) == ["甲局", *sorted(["乙局", "丙局"]), "丁局", TOTAL]


@settings(max_examples=150, deadline=None)
@given(tables)
def test_rows_are_in_rank_order_best_first_and_units_with_nothing_judged_follow(by_unit):
    table, _ = unit_table(records(by_unit))
    ranked = rank_of(table)
    order = [ranked[u] for u in dict.fromkeys(table.loc[table["单位"] != TOTAL, "单位"])]
    numbers = [r for r in order if r is not None]
    assert numbers == sorted(numbers) and order[:len(numbers)] == numbers  # no ranked unit after an unranked one
    for unit, statuses in by_unit.items():
        judged = sum(s in ("on_time", "late", "overdue", "invalid") for s in statuses)
        assert (ranked[unit] is None) == (judged == 0)
        if ranked[unit] is None:  # every unranked line says why (all 未到期 / 无需公开, or unjudged)
            assert table.loc[table["单位"] == unit, "备注"].iloc[0] is not None, statuses
        if judged:
            best = ranked[unit] == 1
            rate = statuses.count("on_time") / judged
            assert table.loc[table["单位"] == unit, RANK_RATE].iloc[0] == pytest.approx(rate)
            assert best == all(rate >= other.count("on_time") / max(1, sum(
                s in ("on_time", "late", "overdue", "invalid") for s in other)) for other in by_unit.values()
                if any(s in ("on_time", "late", "overdue", "invalid") for s in other))


@settings(max_examples=150, deadline=None)
@given(tables, st.sampled_from(UNITS), st.sampled_from(["on_time", "late", "overdue", "pending"]))
def test_a_data_error_never_ranks_a_unit_better(by_unit, unit, instead):
    """The unit's error against the same row judged (any status) and against another unit whose same row is late."""
    clean = {**by_unit, unit: by_unit.get(unit, []) + [instead]}
    erring = {**by_unit, unit: by_unit.get(unit, []) + ["invalid"]}
    before, after = rank_of(unit_table(records(clean))[0]), rank_of(unit_table(records(erring))[0])
    assert after[unit] is not None
    if before[unit] is not None:
        assert after[unit] >= before[unit]
    twin = "己局"  # the same unit, with that row late instead of wrong
    both = rank_of(unit_table(records({**erring, twin: clean[unit][:-1] + ["late"]}))[0])
    assert both[unit] >= both[twin]


@settings(max_examples=100, deadline=None)
@given(tables, st.sampled_from(UNITS), st.integers(1, 5))
def test_records_no_unit_could_help_stay_out_of_every_rate(by_unit, unit, count):
    base, _ = unit_table(records(by_unit))
    more, _ = unit_table(records({**by_unit, unit: by_unit.get(unit, []) + ["undetermined"] * count}))
    rates = [RANK_RATE, "及时公开率", "迟报率", "合规率", "完整率"]
    assert rank_of(base) == {u: r for u, r in rank_of(more).items() if u in rank_of(base)}
    for name in ("合计", *by_unit):
        row = lambda t: t.loc[t["单位"] == name, rates].iloc[-1].astype(float).tolist()  # noqa: E731
        assert row(base) == pytest.approx(row(more), nan_ok=True)


# -- through the CLI --------------------------------------------------------------------------------

def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="compliance")


def ledger(path: Path, unit: str, rows: list[tuple]) -> Path:
    body = [[i, f"西罚〔2016〕{i}号", f"公司{i}", d, p, unit] for i, (d, p) in enumerate(rows, start=1)]
    return write_xlsx(path, {"处罚": [PENALTY_HEADER] + body})


def summary_ranks(path: Path) -> list[tuple]:
    rows = list(openpyxl.load_workbook(path)["汇总"].iter_rows(values_only=True))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "排名")
    header = rows[at]
    out = []
    for r in rows[at + 1:]:
        if r[1] in (None, TOTAL):
            break
        out.append((r[header.index("单位")], r[0], r[header.index("及时公开率")], r[header.index(RANK_RATE)]))
    return out


ON_TIME = (D(2016, 9, 1), D(2016, 9, 5))
LATE = (D(2016, 9, 1), D(2016, 11, 30))
BEFORE_DECISION = (D(2016, 9, 1), D(2016, 8, 1))  # 数据有误: published before the decision


def test_through_the_cli_the_unit_with_a_wrong_date_ranks_with_the_late_one_not_above_it(tmp_path):
    ledger(tmp_path / "甲局.xlsx", "甲局", [ON_TIME, ON_TIME, BEFORE_DECISION])  # 2 judged, both on time
    ledger(tmp_path / "乙局.xlsx", "乙局", [ON_TIME, ON_TIME, LATE])
    ledger(tmp_path / "丙局.xlsx", "丙局", [ON_TIME, ON_TIME, ON_TIME])
    ledger(tmp_path / "丁局.xlsx", "丁局", [LATE, LATE])
    result = run("check", tmp_path, "--as-of", "2016-12-31", "--out", tmp_path / "r.xlsx")
    assert result.exit_code == 1, result.output
    rows = summary_ranks(tmp_path / "r.xlsx")
    assert {u: r for u, r, _, _ in rows} == {"丙局": 1, "甲局": 2, "乙局": 2, "丁局": 4}
    assert [r for _, r, _, _ in rows] == [1, 2, 2, 4]
    jia = next(row for row in rows if row[0] == "甲局")
    assert jia[2] == pytest.approx(1.0) and jia[3] == pytest.approx(2 / 3)  # 及时公开率 100%, ranked on 2 of 3
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("排名"))
    assert [line.split()[:2] for line in lines[header + 2:header + 6]] == [[str(int(r)), u] for u, r, _, _ in rows]
    assert any("排名按排名及时率从高到低" in line for line in lines)


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(["on_time", "late"]), min_size=1, max_size=4))
def test_through_the_cli_fixing_a_wrong_date_never_lowers_the_rank(tmp_path_factory, others):
    """A unit's wrong date, then the same file with the date fixed (on time or late): the rank never improves."""
    rows = {"on_time": ON_TIME, "late": LATE}
    placed = []
    for fixed in (BEFORE_DECISION, ON_TIME, LATE):
        folder = tmp_path_factory.mktemp("run")
        ledger(folder / "甲局.xlsx", "甲局", [rows[s] for s in others] + [fixed])
        ledger(folder / "乙局.xlsx", "乙局", [rows[s] for s in reversed(others)] + [LATE])
        assert run("check", folder, "--as-of", "2016-12-31", "--out", folder / "r.xlsx").exit_code in (0, 1)
        placed.append(dict((u, r) for u, r, _, _ in summary_ranks(folder / "r.xlsx"))["甲局"])
    wrong, on_time, late = placed
    assert wrong >= on_time and wrong >= late


def test_a_unit_of_two_kinds_is_ranked_on_its_subtotal_line_only():
    """区市场监管局 处罚 50.0% and 许可 60.0% under one place beside 区人社局's 50.0% read as two rates ranked
    differently: the kinds' lines carry no place, the 小计 line does, and no kind's line is called unranked."""
    frame = pd.DataFrame([("市场监管局", "penalty", s) for s in ["on_time", "late"]]
                         + [("市场监管局", "permit", s) for s in ["on_time", "on_time", "late"]]
                         + [("人社局", "permit", s) for s in ["on_time", "late"]], columns=["unit", "category", "status"])
    table, _ = unit_table(frame)
    body = table[table["单位"] != TOTAL]
    places = {(u, c): (None if pd.isna(r) else int(r)) for u, c, r in zip(body["单位"], body["类别"], body["排名"])}
    assert places == {("市场监管局", "行政处罚"): None, ("市场监管局", "行政许可"): None, ("市场监管局", "小计"): 1,
                      ("人社局", "行政许可"): 2}
    assert body["备注"].isna().all()
