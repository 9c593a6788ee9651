"""At ingest: a sheet's quality columns carried on its records, and its standard-layout counts."""

from __future__ import annotations

import numpy as np

from ..problems import problem
from .codes import mask_ids_in_text
from .columns import quality_columns, quality_frame
from .required import absent_labels, required_counts, standard_layout

CORE = ("party", "document_number", "decision_date", "unit")


def quality_wanted(headers: list[str]) -> set[int]:
    """The columns a CSV body must keep for the quality checks."""
    return {i for found in quality_columns(headers).values() for i in found}


def add_quality_columns(out, kept, mapping, *, text, raw_unit, result, at) -> list[str]:
    """``out`` (the block's records) gains q_<field> text columns and, for a sheet in the standard's
    layout, q_required / q_filled / q_missing; returns the names added. ``text``: cells -> text. An ID number in the party
    cell is masked here, so that no output can show it in full."""
    out["party"] = mask_ids_in_text(out["party"])
    q = quality_frame(kept, quality_columns(mapping.headers), text)
    for name in q.columns:
        out[name] = q[name].to_numpy(object)
    present = {name for name in CORE if name in mapping.columns} | set(q.columns)
    if not standard_layout(present) or not len(out):
        return list(q.columns)
    categories = out["category"].to_numpy(object)
    texts = {"party": out["party"].to_numpy(object), "document_number": out["document_number"].to_numpy(object),
             "decision_date": out["decision_text"].to_numpy(object), "unit": raw_unit.to_numpy(object),
             **{name: q[name].to_numpy(object) for name in q.columns}}
    out["q_required"], out["q_filled"], out["q_missing"] = required_counts(texts, present, categories)
    absent = absent_labels(present, categories)
    if absent:
        note = problem("required-columns-absent", **at, labels=absent)
        if note not in result.notes:
            result.notes.append(note)
    return list(q.columns) + ["q_required", "q_filled", "q_missing"]
