"""Workbooks in the 1904 date system (old Mac Excel, some WPS exports): their bare serial numbers count
from 1904-01-01, and are shifted to the 1900 system every other reader uses."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dates import NUMBER_TEXT, SERIAL_MAX, SERIAL_MIN, cell_types, normalise_text

# A 1904 workbook (old Mac Excel, some WPS exports) counts days from 1904-01-01:
# its serial 0 is the 1900 system's 1462.
DAYS_1904 = 1462


def shift_1904(cells: pd.Series) -> pd.Series:
    """Bare serial numbers of a 1904 workbook -> the 1900 system, also those kept as text ("43590": a date
    column turned into text shows the workbook's own serial); other cells untouched."""
    values = cells.to_numpy(object)
    kinds = cell_types(values)
    numeric = (kinds == int) | (kinds == float)
    texts = np.flatnonzero(kinds == str)
    if len(texts):  # each distinct text once: a column of text dates holds a few thousand days
        codes, distinct = pd.factorize(values[texts])
        as_number = np.array([float(n) if NUMBER_TEXT.match(n := normalise_text(t)) else np.nan for t in distinct], float)
        in_range = (as_number >= SERIAL_MIN - DAYS_1904) & (as_number <= SERIAL_MAX)  # NaN compares false
        serial_text = in_range[codes]
        if serial_text.any():
            values = values.copy()
            values[texts[serial_text]] = as_number[codes[serial_text]]
            numeric[texts[serial_text]] = True
    if not numeric.any():
        return cells
    numbers = values[numeric].astype(float)
    serial = (numbers >= SERIAL_MIN - DAYS_1904) & (numbers <= SERIAL_MAX)
    shifted = values.copy()
    shifted[np.flatnonzero(numeric)[serial]] = numbers[serial] + DAYS_1904
    return pd.Series(shifted, index=cells.index, dtype=object)
