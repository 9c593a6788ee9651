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
    if not decided:
        return aliases
    touched = set(decided) | {name for name in listed if any(same_unit(unit, name) for unit in decided)}
    out = {kept: others for kept, others in aliases.items() if kept not in touched and not set(others) & touched}
    out.update({unit: names for unit, names in decided.items() if names})
    return out


def _issuers(units: pd.Series, numbers: pd.Series) -> dict[str, set[str]]:
    """{unit: the issuers of its decision numbers}."""
    issuer = numbers.astype(object).fillna("").astype(str).str.extract(_ISSUER, expand=False)
    frame = pd.DataFrame({"unit": units.astype(object).to_numpy(object), "issuer": issuer.to_numpy(object)}).dropna()
    return {unit: set(group) for unit, group in frame.groupby("unit")["issuer"]}
