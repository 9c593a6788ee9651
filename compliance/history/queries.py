"""What the `history` commands, the JSON and the web page read from the store: open items and trends.

Plain Python on the store's rows, without pandas: `history open` and `history trend` must answer in
under a second, and importing pandas alone takes 0.4 s. The report's frames (items_json, trend_frame)
go through the same functions, so the JSON, the page and the sheets say the same.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Iterable

from ..quality.id_text import mask_ids
from ..status import TOTAL
from .columns import FOLLOWUP_COLUMNS
from .labels import NEW_ITEM_LABEL, PROBLEM_LABELS, STATE_LABELS, STATUS_NOW_LABELS, problem_found
from .store import HistoryStore

if TYPE_CHECKING:  # the frames come from the report's side, which has pandas loaded already
    import pandas as pd

ITEM_FIELDS = ["unit", "category", "document_number", "party", "decision_date", "first_period", "periods_open", "problem",
               "state", "published_date", "working_days_late", "status"]


def _missing(value) -> bool:
    """None, or NaN / NaT / pd.NA as a frame's cells hold them."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pd.NA refuses to be a bool
        return True


def _whole(value) -> int | None:
    return None if _missing(value) else int(value)


def _text(value):
    return None if _missing(value) else value


def item_dicts(columns: dict[str, list]) -> list[dict]:
    """The ``carried_over`` objects (and `history open`'s) from ITEM_FIELDS' columns; missing values are null."""
    out = {name: [_text(v) for v in columns[name]] for name in ITEM_FIELDS}
    out["document_number"] = [None if v is None or not str(v).strip() else v for v in out["document_number"]]
    out["problem"] = [problem_found(p, s) for p, s in zip(out["problem"], out["state"])]
    for name in ("party", "document_number"):  # masked at ingest; again here, for a store filled otherwise
        out[name] = [mask_ids(v) for v in out[name]]
    out["periods_open"] = [int(v) for v in columns["periods_open"]]  # a frame's column with a gap holds floats
    out["working_days_late"] = [_whole(v) for v in columns["working_days_late"]]
    return [dict(zip(ITEM_FIELDS, row)) for row in zip(*(out[name] for name in ITEM_FIELDS))]


def items_json(frame: pd.DataFrame) -> list[dict]:
    """item_dicts of a frame of follow-up items (the report's carried-over items)."""
    if not len(frame):
        return []
    items = item_dicts({name: frame[name].tolist() for name in ITEM_FIELDS})
    if "note" in frame:  # the period's word on the item (整改跟踪's 说明)
        for item, note in zip(items, frame["note"].tolist()):
            item["note"] = _text(note)
    return items


def open_items(store: HistoryStore, units=()) -> list[dict]:
    """Items open after the latest recorded period (``units``: only these), a unit's items together,
    the longest open first: the order a clerk works through them."""
    latest = store.latest_period()
    if latest is None:
        return []
    rows = store.followup_rows(latest, still_open=True)
    at = {name: FOLLOWUP_COLUMNS.index(name) for name in ("unit", "first_period", "document_number")}
    if units:
        wanted = set(units)
        rows = [r for r in rows if r[at["unit"]] in wanted]
    rows.sort(key=lambda r: (r[at["unit"]] or "", r[at["first_period"]] or "", r[at["document_number"]] is None,
                             r[at["document_number"]] or ""))
    if not rows:
        return []
    columns = dict(zip(FOLLOWUP_COLUMNS, map(list, zip(*rows))))
    items = item_dicts(columns)
    for item, note in zip(items, columns["note"]):  # stored since schema version 3 (None before)
        item["note"] = None if _missing(note) else mask_ids(note)
    for item, carried in zip(items, columns["carried"]):  # the labels are for people
        item["problem_label"] = PROBLEM_LABELS.get(item["problem"], item["problem"])
        item["state_label"] = STATE_LABELS.get(item["state"], item["state"])
        if item["state"] == "open" and not int(carried or 0):  # found in that period: no month to put it
            item["state_label"] = NEW_ITEM_LABEL                # right yet, not 仍未整改
        item["status_label"] = STATUS_NOW_LABELS.get(item["status"], item["status"])
    return items


def trend_table(rows: Iterable[tuple], units=()) -> tuple[list[str], list[tuple[str, str, dict]]]:
    """(periods, [(unit, category, {period: rate or None})]) from (period, unit, category, rate) rows,
    sorted by unit and category; a later row for the same unit, category and period wins."""
    wanted = set(units)
    cells: dict[tuple[str, str], dict[str, float | None]] = {}
    periods: set[str] = set()
    for period, unit, category, rate in rows:  # one row per unit and period: a few hundred
        if wanted and unit not in wanted:
            continue
        periods.add(period)
        cells.setdefault((unit, category), {})[period] = None if _missing(rate) else float(rate)
    ordered = sorted(periods)
    cells = _one_row_per_office(cells, ordered)
    return ordered, [(unit, category, {p: cells[unit, category].get(p) for p in ordered})
                     for unit, category in sorted(cells, key=lambda key: (key[0] == TOTAL, key))]  # 合计 last


def _one_row_per_office(cells: dict, periods: list[str]) -> dict:
    """One office stored under two spellings in different months (区卫健局, then 区卫生健康委员会, then 区卫健局
    again: each run names a unit as its ledgers spell it) is one row, under its latest name (probe 73).
    Names with rates in the same month were two units to that run: never merged."""
    from ..ingest.unit_spellings import merged_spellings  # when used: start-up time

    latest = Counter()
    months: dict[str, set] = {}
    order = {p: k for k, p in enumerate(periods, start=1)}
    for (unit, _), rates in cells.items():
        if unit != TOTAL:
            seen = {p for p, r in rates.items() if r is not None} or set(rates)
            months.setdefault(unit, set()).update(seen)
            latest[unit] = max(latest[unit], max(order[p] for p in rates))
    kept = merged_spellings(latest)  # the most counted spelling stays: here, the latest month's
    groups: dict[str, list[str]] = {}
    for name, into in kept.items():
        groups.setdefault(into, [into]).append(name)
    moved = {name: into for into, names in groups.items() if not _overlap([months[n] for n in names])
             for name in names if name != into}
    out: dict = {}
    for (unit, category), rates in cells.items():
        row = out.setdefault((moved.get(unit, unit), category), {})
        row.update({p: r for p, r in rates.items() if r is not None or p not in row})
    return out


def _overlap(sets: list[set]) -> bool:
    return sum(len(s) for s in sets) != len(set().union(*sets))


def trend_frame(rates: pd.DataFrame, units=()) -> tuple[list[str], pd.DataFrame]:
    """trend_table as a frame: one row per unit and category (a MultiIndex), one column per period."""
    import pandas as pd  # the report's side has it loaded already

    periods, table = trend_table(rates[["period", "unit", "category", "rate"]].itertuples(index=False), units)
    index = pd.MultiIndex.from_tuples([(u, c) for u, c, _ in table]) if table else \
        pd.MultiIndex.from_arrays([[], []])
    frame = pd.DataFrame([list(r.values()) for _, _, r in table], index=index, columns=periods, dtype=float)
    return periods, frame


def trend(store: HistoryStore, units=()) -> dict:
    """``{"periods": [...], "units": [{"unit", "category", "rates": {period: rate}}]}``."""
    periods, table = trend_table(store.rate_rows(), units)
    return {"periods": periods, "units": [{"unit": u, "category": c, "rates": r} for u, c, r in table]}
