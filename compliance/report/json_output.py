"""The ``--json`` output of a check run."""

from __future__ import annotations

import json
from pathlib import Path

from ..dates import iso_dates
from ..status import STATUS_LABELS, STATUSES


def run_json(run) -> dict:
    records = run.records
    issues = run.issues
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
    }
    names = list(columns)
    rows = [dict(zip(names, values)) for values in zip(*columns.values())]
    for row, items in zip(rows, issues):
        row["issues"] = items
    info = run.calendar.describe()
    payload = {
        "as_of": run.as_of.isoformat(),
        "run_date": run.run_date.isoformat(),
        "rule": run.rules.name,
        "rules": run.rules.to_json(),
        "month": run.month,
        "calendar": {"source": info["source"], "version": info["version"],
                     "covered_years": info["covered_years"], "files": info["files"]},
        "inputs": [{"file": e.path, "sha256": e.sha256,
                    "sheets": [{"name": s.name, "records": s.record_count, "skipped_rows": s.skipped_rows,
                                "header_row": s.header_row, "notes": ([s.problem] if s.problem else []) + s.notes}
                               for s in e.sheets],
                    "error": e.error_dict(), "not_read": e.not_read, "notes": e.notes} for e in run.inputs],
        "summary": run.summary,
        "report_writer": ({"name": run.writer.name, "fallback_reason": run.writer.fallback_reason}
                          if run.writer else None),
        "records": rows,
    }
    if getattr(run, "online", None) is not None:  # --online only: otherwise the output is unchanged
        from .online_json import add_online

        add_online(payload, rows, run)
    return payload


def write_json(run, target: str) -> None:
    payload = json.dumps(run_json(run), ensure_ascii=False, indent=1)
    if target == "-":
        print(payload)
    else:
        Path(target).write_text(payload, encoding="utf-8")
