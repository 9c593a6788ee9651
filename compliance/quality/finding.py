"""One quality finding: the rows a check flags and the values its message needs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .columns import BY_NAME


@dataclass
class Finding:
    code: str
    field: str
    rows: np.ndarray  # record positions
    values: dict[str, object]  # message values: arrays over ``rows`` or one value


def finding(code, field, mask, label=None, **values) -> Finding:
    """The rows ``mask`` flags; a value (the label too) given as a function is worked out for those rows only."""
    rows = np.flatnonzero(mask)
    values = {"label": BY_NAME[field].label if label is None else label, **values}
    picked = {k: (v(rows) if callable(v) else v[rows] if isinstance(v, np.ndarray) else v) for k, v in values.items()}
    return Finding(code, field, rows, picked)
