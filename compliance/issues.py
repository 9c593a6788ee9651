"""Each record's problems, as ``Problem`` records, built from the codes the records carry in columns.

Loading, classifying and the website check each leave a code (or a flag) in
a column of their own; only the records with something to say get a list of
problems here, so a million clean records cost one vectorised pass.
"""

from __future__ import annotations

import string
from functools import lru_cache

import numpy as np
import pandas as pd

from .problems import PROBLEMS, RECORD, Problem, level, problem

# The columns a record's problems are read from (those present are used).
ISSUE_COLUMNS = ("source_file", "sheet", "row", "decision_problem", "decision_text", "published_problem",
                 "published_text", "category_problem", "document_number", "duplicate_of", "check_problem",
                 "published_after_as_of", "missing_year", "published_date", "decision_date", "conflict_with",
                 "deadline", "online_problem", "ledger_published_date", "online_published_date", "online_limit",
                 "online_candidates", "online_update_only", "online_date_column")
# A code (or a text) in any of these, or a true flag, means the record has something to say.
CODE_COLUMNS = ("decision_problem", "published_problem", "category_problem", "duplicate_of", "check_problem",
                "online_problem")
FLAG_COLUMNS = ("published_after_as_of", "online_update_only")
NO_ISSUES: tuple = ()  # one shared, immutable "nothing to say": a million empty lists were 56 MB


def issues_column(records: pd.DataFrame, as_of: str = "", run_date: str = "") -> list:
    """Each record's problems (a list of Problem), NO_ISSUES for the records with none."""
    columns = [c for c in ISSUE_COLUMNS if c in records.columns]
    flags = np.zeros(len(records), dtype=bool)
    for name in CODE_COLUMNS:
        if name in records.columns:
            flags |= records[name].notna().to_numpy(bool)
    for name in FLAG_COLUMNS:
        if name in records.columns:
            flags |= records[name].to_numpy(bool)
    if "missing_year" in records.columns:
        flags |= records["missing_year"].to_numpy() != 0
    flags |= records["document_number"].eq("").to_numpy(bool)
    out: list = [NO_ISSUES] * len(records)
    flagged = np.flatnonzero(flags)
    subset = records.iloc[flagged]  # convert only the rows that have something to say
    arrays = [subset[c].to_numpy(object) for c in columns]
    for k, i in enumerate(flagged):
        out[i] = record_issues({c: a[k] for c, a in zip(columns, arrays)}, as_of, run_date)
    return out


def record_issues(row: dict, as_of: str = "", run_date: str = "") -> list[Problem]:
    """All problems of one record (a dict of its columns), in a stable order."""
    row = {k: (None if _missing(v) else v) for k, v in row.items()}
    at = {"file": row.get("source_file"), "sheet": row.get("sheet"),
          "row": None if row.get("row") is None else int(row["row"])}
    values = {"published": _iso(row.get("published_date")), "decision": _iso(row.get("decision_date")),
              "as_of": as_of, "run_date": run_date, "year": row.get("missing_year"),
              "conflict": row.get("conflict_with"), "where": row.get("duplicate_of"),
              "ledger": _iso(row.get("ledger_published_date")) or row.get("published_text") or "（空）",
              "online": _iso(row.get("online_published_date")), "deadline": _iso(row.get("deadline")),
              "start": _iso(row.get("online_limit")), "candidates": row.get("online_candidates") or "",
              "column": row.get("online_date_column") or "更新时间"}

    def add(code: str, field: str | None = None, **extra) -> None:
        needed = {name: values.get(name) for name in _fields(code)}
        issues.append(problem(code, field=field, **at, **{**needed, **extra}))

    issues: list[Problem] = []
    for name in ("decision", "published"):
        code = row.get(f"{name}_problem")
        if code and level(code) == RECORD:  # a sheet-level cause: the column itself is missing
            add(code)
        elif code:
            add(code, f"{name}_date", text=row.get(f"{name}_text") or "（空）")
    for name in ("category_problem", "check_problem"):
        if row.get(name):
            add(row[name])
    if row.get("published_after_as_of"):
        add("published-after-as-of")
    if row.get("missing_year"):
        add("calendar-not-covered")
    if not row.get("document_number"):
        add("document-number-missing")
    if row.get("duplicate_of"):
        add("duplicate-document-number")
    if row.get("online_problem"):
        add(row["online_problem"])
    if row.get("online_update_only"):
        add("online-update-date-only")
    return issues


@lru_cache(maxsize=None)
def _fields(code: str) -> tuple[str, ...]:
    """The values a code's templates use: a problem keeps only those."""
    kind = PROBLEMS[code]
    texts = [kind.template] + ([kind.short] if kind.short else [])
    return tuple(dict.fromkeys(name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name))


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _iso(value) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).date().isoformat()
