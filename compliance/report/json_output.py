"""The ``--json`` output of a check run (and the web page's answer, which adds to it).

The first key is always ``"tool": "compliance"``: it is how a JSON file the
tool wrote is recognised before it is replaced (paths.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..dates import iso_dates
from ..version import JSON_TOOL, __version__
from .paths import write_atomically
from .sheets.summary import summary_table
from .terminal import said_up_front


def run_json(run, writer=None) -> dict:
    """Everything a run found; ``writer``: the report writer that wrote its report (None: no report)."""
    records = run.records
    late = records["working_days_late"].astype(object).where(records["working_days_late"].notna(), None)
    columns = {
        "file": records["source_file"].tolist(),
        "sheet": records["sheet"].tolist(),
        "row": records["row"].astype(int).tolist(),
        "category": records["category"].astype(object).where(records["category"].notna(), None).tolist(),
        "unit": records["unit"].tolist(),
        "document_number": records["document_number"].tolist(),
        "party": records["party"].tolist(),
        "decision_date": iso_dates(records["decision_date"]).tolist(),
        "published_date": iso_dates(records["published_date"]).tolist(),
        "deadline": iso_dates(records["deadline"]).tolist(),
        "status": records["status"].astype(str).tolist(),
        "working_days_late": [None if v is None else int(v) for v in late.tolist()],
        # a year without holiday data: the count is at least this (issue late-days-lower-bound), said for scripts
        "working_days_late_at_least": (records["late_lower_bound"].notna() & late.notna()).tolist()
        if "late_lower_bound" in records else [False] * len(records),
    }
    names = list(columns)
    rows = [dict(zip(names, values)) for values in zip(*columns.values())]
    for row, items in zip(rows, run.issues):
        row["issues"] = [item.to_json() for item in items] if items else items  # most: the one shared ()
    info = run.calendar.describe()
    payload = {
        "tool": JSON_TOOL,
        "version": __version__,
        "as_of": run.as_of.isoformat(),
        "run_date": run.run_date.isoformat(),
        "rule": run.rules.name,
        "rules": run.rules.to_json(),
        "month": run.month,
        "calendar": {"source": info["source"], "version": info["version"],
                     "covered_years": info["covered_years"], "files": info["files"], "warnings": info["warnings"]},
        "inputs": [_input(e) for e in run.inputs],
        # what the terminal says before the figures (a hidden sheet's records counted, a stand-in date column):
        # the web page shows it there too, not only among the files' notes
        "attention": [{"file": Path(note.file).name if note.file else None, "sheet": note.sheet, "code": note.code,
                       "message": note.message} for entry in run.inputs for note in said_up_front(entry)],
        "summary": run.summary,
        "report_writer": None if writer is None else {"name": writer.name, "fallback_reason": writer.fallback_reason},
        "records": rows,
        "unit_summary": unit_summary_json(run),
        # the terminal's last line and the exit code: one verdict for the terminal, the JSON and the web page
        "verdict": {"passed": run.verdict.exit_code == 0, "exit_code": run.verdict.exit_code, "text": run.verdict.text},
    }
    if run.history_error is not None:  # why the verdict says 未完成 (not read: no "history" key; not recorded: both)
        payload["history_error"] = {"code": run.history_error.code, "message": run.history_error.message}
    for part in run.parts:
        part.add_json(payload, rows)
    return payload


def unit_summary_json(run) -> dict:
    """The report's 汇总 as columns and rows (rank, counts, rates, 备注 in words), part columns included."""
    table, _, _ = summary_table(run)
    table = table.assign(备注=[None if note is None else note.message for note in table["备注"]],
                         排名=table["排名"].astype("Int64"))  # a place is a whole number (1, not 1.0)
    return {"columns": list(table.columns), "rows": table.astype(object).where(table.notna(), None).values.tolist()}


def _input(entry) -> dict:
    return {"file": entry.path, "sha256": entry.sha256,
            "sheets": [{"name": s.name, "records": s.record_count, "skipped_rows": s.skipped_rows,
                        "header_row": s.header_row, "notes": [p.message for p in s.problems + s.notes]}
                       for s in entry.sheets],
            "error": entry.error_dict(), "not_read": entry.not_read.message if entry.not_read else None,
            "notes": [note.message for note in entry.notes]}


def json_text(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=1)


def write_json(payload: dict, path: Path) -> None:
    """Write atomically, like the report: a temporary file in the same folder, then a rename."""
    text = json_text(payload).encode("utf-8")
    write_atomically(Path(path), lambda temp: temp.write_bytes(text), ".json")
