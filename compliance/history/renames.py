"""Which unit of this run a unit stored in the history goes by now: another spelling of its name
(区安监局, 西塞山区安全生产监督管理局), the name compliance.toml [units] declares for it, or a new name its
decisions' numbers are now filed under (区安监局 renamed 区应急管理局 sends its cumulative ledger under the
new name). Said on the terminal and in the report (report/parts/history.py), never silent."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..fields import unit_names
from ..ingest.unit_spellings import other_districts, same_unit

if TYPE_CHECKING:
    from .store import HistoryStore

ISSUER = r"[^\d〔\[(（【]"  # a normalised number that starts with its issuer's short name (西安监罚〔2026〕2号)


def run_spellings(stored: pd.Series, present: pd.Series, aliases: dict[str, list[str]] | None = None,
                  numbers: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> dict[str, str]:
    """{a stored unit name: this run's spelling of the same unit}, for the names this run does not use: the
    name compliance.toml [units] declares for it (``aliases``; declared at a rename, 区安监局 -> 区应急管理局,
    after months stored under the old name), else the one unit of the run that is another spelling
    (unit_spellings.same_unit): never a guess between two offices (西塞山区人社局 and 黄石港区人社局 both spell
    区人社局). Without [units], a run names a unit by the spelling its records use most, which may change
    from month to month. ``numbers``: (stored, present) rows with unit, category and number_key; a name
    neither spelling nor [units] explains goes by the one unit of the run whose records hold its numbers."""
    units = [u for u in pd.unique(present.astype(object)) if isinstance(u, str) and u]
    known = set(units)
    names = [n for n in pd.unique(stored.astype(object)) if isinstance(n, str) and n and n not in known]
    declared = unit_names(pd.Series(names, dtype=object), aliases).tolist() if aliases else names
    out = {}
    for name, as_declared in zip(names, declared):  # a few dozen names
        if as_declared != name and as_declared in aliases:
            out[name] = as_declared
            continue
        matches = [u for u in units if same_unit(name, u)]
        if len(matches) == 1:
            out[name] = matches[0]
    left = [n for n in names if n not in out]
    if left and numbers is not None:
        out.update(_filed_under(numbers[0], numbers[1], left, known))
    return out


def _filed_under(stored: pd.DataFrame, present: pd.DataFrame, names: list[str], units: set[str]) -> dict[str, str]:
    """{stored unit: the one unit of this run holding its numbers}: a number that names its issuer is one
    decision wherever it is filed. Numbers found under two units (a ledger copying another's rows) are no guess,
    and an office of another district (西塞山区人社局, 黄石港区人社局) is never the one renamed."""
    on = ["category", "number_key"]
    stored = stored[stored["unit"].isin(names).to_numpy(bool)]
    stored = stored[stored["number_key"].astype(object).fillna("").str.match(ISSUER).to_numpy(bool)]
    if not len(stored):
        return {}
    now = present[present["unit"].isin(units).to_numpy(bool)][["unit", *on]].astype(object).drop_duplicates()
    found = stored[["unit", *on]].astype(object).drop_duplicates().merge(now, on=on, suffixes=("", "_now"))
    owners = found.groupby("unit")["unit_now"].unique()
    return {old: str(nows[0]) for old, nows in owners.items() if len(nows) == 1 and not other_districts(old, nows[0])}


def spelled_now(store: HistoryStore, previous: str | None, carried: pd.DataFrame, records: pd.DataFrame,
                 aliases: dict[str, list[str]] | None, rates: pd.DataFrame | None = None,
                 unreadable: list[str] = ()) -> dict[str, str]:
    """{a stored unit name: this run's name for that unit} (renames.run_spellings), for the names of the previous
    period and of every period behind the carried items (their first period, their decision month): a unit
    renamed last month has its earlier months stored under the old name, which this run must find too (probe
    p80 H1: a row deleted then was looked for under the new name only, and closed as 已整改). ``unreadable``: the
    units of this run's unreadable files, the run's names too (p80 M3: a renamed unit's broken file left its items
    under the old name, 未报送)."""
    rates = store.rates() if rates is None else rates
    behind = _periods_behind(store, previous, carried)
    names = pd.concat([carried["unit"], rates.loc[rates["period"].isin(behind), "unit"]], ignore_index=True)
    present = pd.concat([records["unit"], pd.Series(list(unreadable), dtype=object)], ignore_index=True)
    return run_spellings(names, present, aliases, numbers=(_stored_numbers(store, behind, carried, records, rates), records))


def _periods_behind(store: HistoryStore, previous: str | None, carried: pd.DataFrame) -> list[str]:
    """The previous period, the carried items' first periods and their decision months, as recorded."""
    if previous is None:
        return []
    recorded = {p["period"] for p in store.periods()}
    months = set(carried["decision_date"].astype(object).dropna().astype(str).str[:7])
    return sorted(({previous} | set(carried["first_period"].dropna().astype(str)) | months) & recorded)


def _stored_numbers(store: HistoryStore, periods: list[str], carried: pd.DataFrame,
                    records: pd.DataFrame, rates: pd.DataFrame) -> pd.DataFrame:
    """The numbers ``periods`` recorded, and the carried items', of units this run does not name
    (renames.run_spellings looks for them under another name)."""
    named = set(records["unit"].dropna())
    gone = sorted({u for u in carried["unit"].dropna() if u not in named}
                  | {u for u in rates.loc[rates["period"].isin(periods), "unit"].dropna() if u not in named})
    stored = store.records(periods, gone) if gone and periods else carried.iloc[:0]
    return pd.concat([carried[["unit", "category", "number_key"]], stored[["unit", "category", "number_key"]]],
                     ignore_index=True)
