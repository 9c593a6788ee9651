"""What --online adds to the --json output: each record's ``online`` and a top-level ``online_only``."""

from __future__ import annotations

from ..dates import iso_date, iso_dates


def add_online(payload: dict, rows: list[dict], run) -> None:
    records = run.records
    result = records["online_result"].astype(object).tolist()
    dates = iso_dates(records["online_published_date"]).tolist()
    files = records["online_source_file"].tolist()
    sheets = records["online_source_sheet"].tolist()
    source_rows = records["online_source_row"].astype(object).where(records["online_source_row"].notna(), None).tolist()
    for row, r, d, f, s, n in zip(rows, result, dates, files, sheets, source_rows):
        row["online"] = {"result": r, "published_date": d,
                         "source": None if n is None else {"file": f, "sheet": s, "row": int(n)}}
    only = run.online.online_only
    payload["online_only"] = [
        {"unit": u, "category": c, "document_number": num or None, "party": p or None, "title": t or None,
         "decision_date": dd, "published_date": od, "source": {"file": f, "sheet": s, "row": int(n)}}
        for u, c, num, p, t, dd, od, f, s, n in zip(
            only["unit"], only["category"], only["number"], only["party"], only["title"],
            iso_dates(only["decision_date"]), iso_dates(only["online_date"]), only["list_file"], only["sheet"],
            only["row"])]
    payload["online_lists"] = [
        {"file": x.path, "sha256": x.sha256, "rows": x.rows, "date_columns": x.date_columns,
         "update_only": x.update_only, "first": iso_date(x.first, None), "last": iso_date(x.last, None)}
        for x in run.online.lists]
