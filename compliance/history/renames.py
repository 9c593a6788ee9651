"""Which unit of this run a unit stored in the history goes by now: another spelling of its name
(区安监局, 西塞山区安全生产监督管理局), the name compliance.toml [units] declares for it, or a new name its
decisions' numbers are now filed under (区安监局 renamed 区应急管理局 sends its cumulative ledger under the
new name). Said on the terminal and in the report (report/parts/history.py), never silent."""

from __future__ import annotations

import pandas as pd

from ..fields import unit_names
from ..ingest.unit_spellings import other_districts, same_unit

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
