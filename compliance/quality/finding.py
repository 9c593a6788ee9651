"""One quality finding: the rows a check flags and the values its message needs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .codes import mask_ids_in_text
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
    # a cell's text quoted by a message (处罚类别“罚款4202…”, an ID pasted into an amount) never shows a full ID
    # number, whichever check quotes it (probe p93 H2)
    picked = {k: (mask_ids_in_text(pd.Series(v, dtype=object)).to_numpy(object)
                  if isinstance(v, np.ndarray) and v.dtype == object else v) for k, v in picked.items()}
    return Finding(code, field, rows, picked)
