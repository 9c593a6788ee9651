"""A history store built by the real CLI (check --month, three months) for `serve --db` tests.

December's folder also holds 区城管局's ledger, whose overdue row names its party with an ID number,
so that the page's masking is seen on an item that came through the store.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx
from history_ledgers import RUNS, make_monthly, write_month

FULL_ID = "620201198510101231"
MASKED_ID = "620201********1231"
CHENGGUAN = "区城管局_2016-12_行政处罚.xlsx"


def build_store(root: Path) -> tuple[Path, Path]:
    """(store, ledger folder): October to December recorded in ``root``/h.sqlite by `compliance check`."""
    store, ledgers = root / "h.sqlite", root / "ledgers"
    for folder, month, as_of in RUNS:
        target = write_month(ledgers / folder, month)
        if month == "2016-12":
            write_xlsx(target / CHENGGUAN, {"行政处罚": [
                make_monthly.PENALTY,
                ["西城管罚〔2016〕1号", f"李四（身份证号 {FULL_ID}）", dt.date(2016, 12, 1), None, "区城管局"],
                ["西城管罚〔2016〕2号", "某公司", dt.date(2016, 12, 1), dt.date(2016, 12, 2), "区城管局"]]})
        result = CliRunner().invoke(main, ["check", str(target), "--month", month, "--as-of", as_of, "--db", str(store),
                                           "--out", str(root / f"report-{month}.xlsx")])
        assert result.exit_code in (0, 1), result.output
    return store, ledgers


def cli_history(store: Path, command: str, *units: str) -> dict:
    """`compliance history COMMAND --unit … --json -`, as a maintainer runs it."""
    args = ["history", command, "--db", str(store), "--json", "-"]
    for unit in units:
        args += ["--unit", unit]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload.pop("tool") == "compliance"  # a JSON document's mark; the page's answer nests these parts
    return payload
