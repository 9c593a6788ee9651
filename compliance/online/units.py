"""Which list unit is which ledger unit, where no compliance.toml [units] says (apply_online).

A bare 区安监局 in the ledger is 西塞山区安全生产监督管理局 on the site, by the spelling rule (ingest/
unit_spellings.py). But a city platform's list may hold another district's office (黄石港区安全生产监督管理局),
alone or beside ours: by spelling alone the first is taken for ours (our decisions 网站未见, theirs our
台账未登记), and with both the bare name merges with neither (our 网站未见 hidden as 无法核对). The decision
numbers tell: each office's numbers carry its issuer's short name (西安监罚, 港安监罚). Where both sides have
numbers, a ledger unit is the list unit whose issuers it shares, one only (or several spellings of one
office: two lists spell it two ways); none shared, none is it.
"""

from __future__ import annotations

import pandas as pd

from ..ingest.docnumbers import normalise_document_numbers
from ..ingest.unit_spellings import other_districts, same_unit, spelling_aliases
from .columns import party_keys

_ISSUER = r"^(.+?)〔(?:19|20)\d{2}〕"  # a normalised number's issuer: 西安监罚 of 西安监罚〔2024〕5号


def online_unit_aliases(records: pd.DataFrame, entries: pd.DataFrame) -> dict[str, list[str]]:
    """[units]-style aliases between the ledgers' units and the lists' (spelling, then numbers)."""
    aliases = spelling_aliases(records["unit"], entries["unit"])
    ours = _issuers(records["unit"], normalise_document_numbers(records["document_number"]))
    theirs = _issuers(entries["unit"], entries["number_key"].fillna(""))
    ledger = [u for u in pd.unique(records["unit"].astype(object)) if isinstance(u, str) and u]
    listed = [u for u in pd.unique(entries["unit"].astype(object)) if isinstance(u, str) and u and u not in set(ledger)]
    decided: dict[str, list[str]] = {}
    for unit in ledger:  # a few dozen names
        candidates = [name for name in listed if same_unit(unit, name) and theirs.get(name)]
        if candidates and ours.get(unit):
            shared = [name for name in candidates if theirs[name] & ours[unit]]
            # one office spelled two ways on two lists (黄石市西塞山区市场监督管理局, 西塞山区市场监督管理局) is one
            one = all(same_unit(a, b) and not other_districts(a, b) for a in shared for b in shared)
            decided[unit] = shared if one else []
    if decided:
        touched = set(decided) | {name for name in listed if any(same_unit(unit, name) for unit in decided)}
        aliases = {kept: others for kept, others in aliases.items() if kept not in touched and not set(others) & touched}
        aliases.update({unit: names for unit, names in decided.items() if names})
    return aliases


def units_by_numbers(records: pd.DataFrame, entries: pd.DataFrame, aliases: dict[str, list[str]]) -> dict[str, tuple]:
    """{list unit: (ledger unit, a number both hold)} for the list's units no spelling ties to a ledger unit
    that hold decision numbers of exactly one ledger unit, of this district (黄石市生态环境局西塞山区分局 holding
    西环罚〔2026〕5号 of 区环保局, renamed since): one office, whose other decisions the list then speaks for.
    Said on the list (online-unit-by-numbers), never silent: [units] in compliance.toml overrides it."""
    named = set(aliases) | {n for names in aliases.values() for n in names}
    ledger = set(pd.unique(records["unit"].astype(object))) - {None, ""}
    keys = normalise_document_numbers(records["document_number"])
    # one decision on both sides: its number and its party (西罚〔2023〕8号 of two offices names two parties)
    ours = pd.DataFrame({"unit": records["unit"].astype(object).to_numpy(object), "number_key": keys.to_numpy(object),
                         "party_key": party_keys(records["party"]).to_numpy(object)})
    ours = ours[ours["number_key"].astype(str).str.match(_ISSUER).to_numpy(bool)].drop_duplicates()
    theirs = entries[["unit", "number_key", "party_key"]].astype(object).dropna().drop_duplicates()
    theirs = theirs[theirs["unit"].ne("").to_numpy(bool) & theirs["party_key"].ne("").to_numpy(bool)]  # nothing to tell
    # each list unit once (a list holds thousands of rows, a few units): spelled as a ledger unit, it is that unit
    spelled = {n for n in pd.unique(theirs["unit"]) if n in named | ledger or any(same_unit(n, u) for u in ledger)}
    theirs = theirs[~theirs["unit"].isin(spelled).to_numpy(bool)]
    both = theirs.merge(ours, on=["number_key", "party_key"], suffixes=("", "_ledger"))
    out = {}
    ours_by = _issuers(ours["unit"], ours["number_key"])
    theirs_by = _issuers(entries["unit"], entries["number_key"].fillna(""))
    for name, group in both.groupby("unit"):  # a few list units
        owners = group["unit_ledger"].unique()
        # the city bureau's list holding one of our cases beside its own 黄市监罚 numbers is not our office
        if len(owners) == 1 and not other_districts(name, owners[0]) and theirs_by.get(name, set()) <= ours_by[owners[0]]:
            out[name] = (owners[0], group["number_key"].iloc[0])
    return out


def _issuers(units: pd.Series, numbers: pd.Series) -> dict[str, set[str]]:
    """{unit: the issuers of its decision numbers}."""
    issuer = numbers.astype(object).fillna("").astype(str).str.extract(_ISSUER, expand=False)
    frame = pd.DataFrame({"unit": units.astype(object).to_numpy(object), "issuer": issuer.to_numpy(object)}).dropna()
    return {unit: set(group) for unit, group in frame.groupby("unit")["issuer"]}
