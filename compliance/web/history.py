"""The history view of `serve --db`: after a self-check, the trend and open items of the upload's units.

Read-only: the page reads the store with the queries behind `history trend` and `history open`
(history/queries.py) and never writes to it. What a visitor may see is bound to an upload they made:
the report's token names the upload, and the units kept with it (the units of its records) are the only
ones asked for. There is no parameter naming a unit, so no visitor can read another unit's items.
"""

from __future__ import annotations

from flask import current_app

from ..history import HistoryStore, StoreError
from ..history.queries import open_items, trend

UNAVAILABLE = "历史库暂时无法读取，无法显示整改跟踪和走势；本次自查的结果不受影响。请告诉区政府办。"


def upload_units(records) -> tuple[str, ...]:
    """The units present in the upload's records (a record without a unit names none)."""
    units = records["unit"].astype(object).dropna().astype(str).str.strip()
    return tuple(sorted(set(units[units.ne("")].tolist())))


def history_payload(store: HistoryStore, units: tuple[str, ...]) -> dict:
    """``{"units", "trend", "open"}``: `history trend --unit …` and `history open --unit …` for ``units``.

    No units: nothing (the queries read an empty filter as every unit)."""
    if not units:
        return {"units": [], "trend": {"periods": [], "units": []}, "open": {"items": []}}
    return {"units": list(units), "trend": trend(store, units), "open": {"items": open_items(store, units)}}


def read_history(store: HistoryStore, units: tuple[str, ...]) -> dict | None:
    """The payload, or None when the store cannot be read now (the details go to the server's log,
    never to the visitor: they name the server's paths)."""
    try:
        return history_payload(store, units)
    except StoreError as exc:
        current_app.logger.error("history store: %s", exc.message)
        return None
