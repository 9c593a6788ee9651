"""The answer of `compliance deadline --json`, shared by the CLI and the web API."""

from __future__ import annotations

import datetime as dt

from .errors import CalendarNotCovered
from .workcalendar import WorkCalendar


def deadline_payload(calendar: WorkCalendar, date: dt.date, days: int, explain: bool = False) -> dict:
    """{"decision_date", "working_days", "deadline"} and, with ``explain``, the day-by-day walk."""
    result = calendar.add_working_days(date, days)
    payload = {"decision_date": date.isoformat(), "working_days": days, "deadline": result.isoformat(),
               # a calendar file that is likely wrong (a year with one holiday) moves the deadline: said with it
               "warnings": calendar.describe()["warnings"]}
    if explain:
        payload["explain"] = [
            {"date": r.date.isoformat(), "weekday": r.weekday, "is_workday": r.is_workday,
             "reason": r.reason, "count": r.count} for r in calendar.explain(date, days)]
    return payload


def deadline_answer(calendar: WorkCalendar, date: dt.date, days: int, explain: bool = False) -> dict:
    """``deadline_payload``, or where a year has no holiday data, the same keys with ``deadline`` None and the
    ``error`` (code, year, message): a script asking in December gets an answer it can read (probe p75 F10)."""
    try:
        return deadline_payload(calendar, date, days, explain)
    except CalendarNotCovered as exc:
        return {"decision_date": date.isoformat(), "working_days": days, "deadline": None,
                "error": {"code": exc.code, "year": exc.year, "message": exc.message},
                "warnings": calendar.describe()["warnings"]}
