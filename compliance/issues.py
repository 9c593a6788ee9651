"""Each record's problems, as ``Problem`` records, built from the codes the records carry in columns.

Loading, classifying and the website check each leave a code (or a flag) in
a column of their own. Here each source is read column-wise, only for the
records with something to say, and a message's values are worked out a
column at a time; a million clean records cost one vectorised pass.
"""

from __future__ import annotations

import string
from functools import lru_cache

import numpy as np
import pandas as pd

from .dates import iso_dates
from .problems import PROBLEMS, RECORD, Problem

NO_ISSUES: tuple = ()  # one shared, immutable "nothing to say": a million empty lists were 56 MB
EMPTY = "（空）"


def issues_column(records: pd.DataFrame, as_of: str = "", run_date: str = "", findings=()) -> list:
    """Each record's problems (a list of Problem, in a stable order), NO_ISSUES for the records with none.

    ``findings``: the quality checks' (quality/checks.py), told after the record's own problems."""
    out = _record_issues(records, as_of, run_date)
    if not findings:
        return out
    files, sheets, rows = _places(records)  # once as columns: a lookup per finding in the frame cost 0.1 ms
    for found in findings:
        keys = list(found.values)
        columns = [found.values[k] for k in keys]
        for k, i in enumerate(found.rows.tolist()):  # the flagged records only
            values = tuple((name, col[k] if isinstance(col, np.ndarray) else col) for name, col in zip(keys, columns))
            item = Problem(found.code, files[i], sheets[i], rows[i], found.field, values)
            out[i] = [*out[i], item] if out[i] else [item]
    return out


def _places(records: pd.DataFrame) -> tuple[list, list, list]:
    """Each record's file, sheet and row (None where the row is unknown), as plain lists."""
    n = len(records)
    if "row" in records.columns:
        row = pd.to_numeric(records["row"], errors="coerce")
        rows = np.where(row.isna().to_numpy(bool), None, row.fillna(0).to_numpy(np.int64).astype(object)).tolist()
    else:
        rows = [None] * n
    return (records["source_file"].to_numpy(object).tolist(), records["sheet"].to_numpy(object).tolist(), rows)


def _record_issues(records: pd.DataFrame, as_of: str, run_date: str) -> list:
    sources = [(_codes(records, name), field) for name, field in SOURCES]
    said = [codes for codes, _ in sources if codes is not None]
    flagged = np.flatnonzero(np.logical_or.reduce([pd.notna(c) for c in said])) if said else np.zeros(0, int)
    out: list = [NO_ISSUES] * len(records)
    if not len(flagged):
        return out
    values = _Values(records.iloc[flagged], as_of, run_date)
    lists: list[list[Problem]] = [[] for _ in flagged]
    for codes, field in sources:
        if codes is None:
            continue
        picked = codes[flagged]
        for k in np.flatnonzero(pd.notna(picked)):
            code = picked[k]
            cell = field and PROBLEMS[code].level != RECORD  # a RECORD-level code: the column itself is missing
            given = (("text", values.text(field)[k]),) if cell else ()
            lists[k].append(Problem(code, values.file[k], values.sheet[k], values.row[k],
                                    f"{field}_date" if cell else None,
                                    given + tuple((n, values.column(n)[k]) for n in _fields(code))))
    for k, i in enumerate(flagged):
        out[i] = lists[k]
    return out


# Where a record's problems come from, in the order they are told: (column, the field a cell code is about).
SOURCES = [("decision_problem", "decision"), ("published_problem", "published"), ("category_problem", None),
           ("unit_problem", None), ("notes", None),
           ("check_problem", None), ("published_after_as_of", None), ("missing_year", None), ("beyond_year", None),
           ("late_lower_bound", None), ("calendar_doubt", None), ("calendar_override", None),
           ("document_number", None), ("duplicate_of", None), ("online_problem", None), ("online_update_only", None),
           ("reported_month", None)]
# Columns that are a flag or a value rather than a code: the code each stands for.
FLAGS = {"published_after_as_of": "published-after-as-of", "missing_year": "calendar-not-covered",
         "beyond_year": "deadline-beyond-calendar", "calendar_doubt": "calendar-year-doubtful",
         "calendar_override": "calendar-day-overridden",
         "late_lower_bound": "late-days-lower-bound",
         "duplicate_of": "duplicate-document-number", "online_update_only": "online-update-date-only",
         "reported_month": "history-reported-late"}


def _codes(records: pd.DataFrame, name: str) -> np.ndarray | None:
    """The code each record has from column ``name`` (None where none); None when the column is absent."""
    if name not in records.columns:
        return None
    column = records[name]
    if name == "document_number":
        return np.where(column.eq("").to_numpy(bool), "document-number-missing", None)
    if name in ("missing_year", "beyond_year", "calendar_doubt"):
        return np.where(column.to_numpy() != 0, FLAGS[name], None)
    if name == "late_lower_bound":
        return np.where(column.notna().to_numpy(bool), FLAGS[name], None)
    if name in FLAGS:
        present = column.to_numpy(bool) if column.dtype == bool else column.notna().to_numpy(bool)
        return np.where(present, FLAGS[name], None)
    return column.to_numpy(object)


class _Values:
    """The values messages need, for the flagged records, each worked out once as a column."""

    def __init__(self, sub: pd.DataFrame, as_of: str, run_date: str):
        self.sub, self.as_of, self.run_date = sub, as_of, run_date
        self.file = self._raw("source_file")
        self.sheet = self._raw("sheet")
        self.row = [None if pd.isna(r) else int(r) for r in self._raw("row")]
        self._cache: dict[str, np.ndarray] = {}

    def _raw(self, name: str) -> np.ndarray:
        if name not in self.sub.columns:
            return np.full(len(self.sub), None, dtype=object)
        values = self.sub[name].to_numpy(object)
        return np.where(pd.isna(values), None, values)

    def _dates(self, name: str) -> np.ndarray:
        """Column ``name`` as ISO text, "" where there is no date (or no such column)."""
        if name not in self.sub.columns:
            return np.full(len(self.sub), "", dtype=object)
        return iso_dates(self.sub[name], "")

    def text(self, field: str) -> np.ndarray:
        raw = self._raw(f"{field}_text")
        return np.where((raw == None) | (raw == ""), EMPTY, raw)  # noqa: E711 - element-wise

    def column(self, name: str) -> np.ndarray:
        if name not in self._cache:
            self._cache[name] = self._make(name)
        return self._cache[name]

    def _make(self, name: str) -> np.ndarray:
        n = len(self.sub)
        if name in ("as_of", "run_date"):
            return np.full(n, getattr(self, name), dtype=object)
        if name in ("published", "decision", "deadline"):
            return self._dates(f"{name}_date" if name != "deadline" else "deadline")
        if name == "ledger":  # the ledger's date, else its text: what the unit wrote
            ledger, text = self._dates("ledger_published_date"), self._raw("published_text")
            return np.where(ledger != "", ledger, np.where((text == None) | (text == ""), EMPTY, text))  # noqa: E711
        sources = {"online": ("online_published_date", None), "start": ("online_limit", None),
                   "limit": ("online_limit", None),
                   "year": ("missing_year", None), "beyond": ("beyond_year", None),
                   "doubt_year": ("calendar_doubt", None), "override_day": ("calendar_override", None),
                   "conflict": ("conflict_with", None),
                   "renumbered": ("renumbered_with", None),
                   "gap_year": ("late_lower_bound", None), "late": ("working_days_late", None),
                   "where": ("duplicate_of", None), "candidates": ("online_candidates", ""),
                   "column": ("online_date_column", "更新时间"), "standin": ("published_stand_in", "更新时间"),
                   "site_decision": ("online_decision_date", None), "earlier_decision": ("earlier_decision_date", None),
                   "second_decision": ("second_decision_date", None),
                   "second_published": ("second_published_date", None),
                   "earlier_period": ("earlier_period", None), "unit": ("unit", None), "copy_unit": ("also_sent_as", None),
                   "action": ("business_action", None), "grant_header": ("action_dated_by", None),
                   "checked": ("unpublished_until", None), "extra": ("fields_over", None),
                   "reported_month": ("reported_month", None), "party_published": ("party_published", None),
                   "party_unpublished": ("party_unpublished", None)}
        column, default = sources[name]
        if name in ("online", "start", "limit", "site_decision", "earlier_decision", "second_decision", "second_published",
                    "checked", "override_day"):
            return self._dates(column)
        raw = self._raw(column)
        return raw if default is None else np.where((raw == None) | (raw == ""), default, raw)  # noqa: E711


@lru_cache(maxsize=None)
def _fields(code: str) -> tuple[str, ...]:
    """The values a code's templates use, other than its place: a problem keeps only those."""
    kind = PROBLEMS[code]
    texts = [kind.template] + ([kind.short] if kind.short else [])
    names = (name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name)
    return tuple(dict.fromkeys(n for n in names if n not in ("file", "sheet", "row", "text")))
