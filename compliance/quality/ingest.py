"""At ingest: a sheet's quality columns carried on its records, and its standard-layout counts."""

from __future__ import annotations

import numpy as np

from ..fields import normalise_header
from ..ingest.cells import row_list
from ..rules import CATEGORY_LABELS
from ..problems import problem
from .codes import exposed_ids, mask_ids_in_text
import pandas as pd

from .columns import PRESENCE_ONLY, quality_columns, quality_texts
from .required import absent_labels, required_counts, required_items, standard_layout
from .text_ids import TEXT_ID, TEXT_ID_HEADER, ids_in_columns

CORE = ("party", "document_number", "decision_date", "unit")


# What exemptions read (exempt.py): kept even with the quality checks off.
EXEMPT_FIELDS = ("procedure", "simple_procedure", "penalty_kind", "penalty_sort")


def _found(headers: list[str], checks: bool) -> dict[str, list[int]]:
    found = {k: v for k, v in quality_columns(headers).items() if k != "list_date"}  # an online list's own
    return found if checks else {k: v for k, v in found.items() if k in EXEMPT_FIELDS}


def quality_wanted(headers: list[str], checks: bool = True) -> set[int]:
    """The columns a CSV body must keep for the quality checks (``checks`` off: for exemptions only): with
    the checks, every column, which _text_ids reads for full ID numbers (as a workbook's are read)."""
    every = set(range(len(headers))) if checks else set()
    return every | {i for found in _found(headers, checks).values() for i in found}


CELL_TEXTS = ("decision_text", "published_text")  # the date cells' own text, quoted by messages and the report
PARTY_ID = "party_id_exposed"  # the (masked) ID number a party cell holds in full (checks.py tells it)


def _party_ids(original: pd.Series, masked: pd.Series) -> pd.Series:
    """Per record: the first valid ID number its party cell holds, masked; None elsewhere. Only the
    cells masking changed are looked at (张三（320102198001011238）)."""
    rows = np.flatnonzero(masked.to_numpy(object) != original.to_numpy(object))
    out = np.full(len(original), None, dtype=object)
    found = exposed_ids(original.iloc[rows].reset_index(drop=True))
    out[rows] = np.where(found == "", None, found)
    return pd.Series(out, index=original.index, dtype=object)


# Read for IDs by their own checks (party, the code columns, the 文书号), or not published text (the unit); a
# date cell's words are (已公开，当事人身份证…: probe p93 M3)
_OWN_CHECKS = ("party", "document_number", "unit")
_ID_FIELDS = ("party_code", "id_number", "legal_id", "agency_code", "source_code")


def _text_ids(out, kept, mapping) -> list[str]:
    """TEXT_ID and TEXT_ID_HEADER on ``out`` where any other column holds a full ID number (text_ids.py)."""
    skipped = {mapping.columns[f] for f in _OWN_CHECKS if f in mapping.columns}
    skipped |= {i for f, found in quality_columns(mapping.headers).items() if f in _ID_FIELDS for i in found}
    columns = [(str(mapping.headers[i]).strip() or f"第 {i + 1} 列", kept[i].reset_index(drop=True))
               for i in kept.columns if isinstance(i, int) and i not in skipped and i < len(mapping.headers)]
    found = ids_in_columns(columns, len(out))
    if found is None:
        return []
    out[TEXT_ID], out[TEXT_ID_HEADER] = found
    return [TEXT_ID, TEXT_ID_HEADER]


def add_quality_columns(out, kept, mapping, *, text, checks, raw_unit, result, at, layout=None) -> list[str]:
    """``out`` (the block's records) gains q_<field> text columns and, for a sheet in the standard's
    layout, q_required / q_filled / q_missing; returns the names added. ``text``: cells -> text;
    ``checks`` off (--no-quality): only the columns exemptions read; ``layout``: the category the headers are
    laid out for (None: both, or not said). An ID number in the party cell, or in
    the text of a date cell, is masked here, checks or not, so that no output can show it in full."""
    original = out["party"]
    out["party"] = mask_ids_in_text(original)
    for name in CELL_TEXTS:  # a date cell or its 备注 stand-in can hold one too (已公开，当事人身份证…)
        out[name] = mask_ids_in_text(out[name])
    q = quality_texts(kept, _found(mapping.headers, checks), text)
    carried = [name for name in q if name not in PRESENCE_ONLY]
    for name in carried:  # object dtype kept: the checks read them as object arrays
        out[name] = pd.Series(q[name], index=out.index, dtype=object)
    if checks and out["party"] is not original:  # the unit is told, as of an ID in any published column
        out[PARTY_ID] = _party_ids(original, out["party"])
        carried.append(PARTY_ID)
    if checks:
        carried += _text_ids(out, kept, mapping)
    if not checks:
        return carried
    present = {name for name in CORE if name in mapping.columns} | set(q)
    required = required_items([normalise_header(h) for h in mapping.headers], present)
    if not standard_layout(present, required) or not len(out):
        return carried
    categories = out["category"].to_numpy(object)
    texts = {"party": out["party"].to_numpy(object), "document_number": out["document_number"].to_numpy(object),
             "decision_date": out["decision_text"].to_numpy(object), "unit": raw_unit.to_numpy(object),
             **q}
    out["q_required"], out["q_filled"], missing = required_counts(texts, present, categories, required)
    out["q_missing"] = pd.Series(missing, index=out.index, dtype=object)  # objects: not re-made as Arrow text
    for note in _absent_notes(present, categories, required, layout, out["row"].to_numpy(), at):
        if note not in result.notes:
            result.notes.append(note)
    return carried + ["q_required", "q_filled", "q_missing"]


def _absent_notes(present, categories: np.ndarray, required, layout: str | None, rows: np.ndarray, at) -> list:
    """The required columns the sheet lacks: for the sheet, or, for the few rows of the other category in a
    sheet laid out for one (a penalty by its 罚 in a permit table), for those rows by number: the sheet
    itself lacks nothing of its own kind (probe p95 D1)."""
    own = [c for c in ("permit", "penalty") if (categories == c).any() and layout in (None, c)]
    notes = []
    absent = absent_labels(present, np.array(own, dtype=object), required)
    if absent:
        notes.append(problem("required-columns-absent", **at, labels=absent))
    for category in ("permit", "penalty"):
        mine = categories == category
        if category in own or not mine.any():
            continue
        absent = absent_labels(present, np.array([category], dtype=object), required)
        if absent:
            notes.append(problem("required-columns-absent-rows", **at, rows=row_list(rows[mine].tolist()),
                                 category=CATEGORY_LABELS[category], labels=absent))
    return notes
