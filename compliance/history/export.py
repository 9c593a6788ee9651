"""`history export`: the 整改台账 (every item of the latest period's follow-up: carried over with its state,
and newly found) and the trend, as a workbook for 法制办, written by the report's writers."""

from __future__ import annotations

from pathlib import Path

from ..report.paths import write_atomically
from ..report.sheets.history import followup_spec, trend_spec
from ..report.writers import write_workbook
from .carry import FollowUp
from .queries import trend_frame
from .store import FOLLOWUP_COLUMNS, HistoryStore

FOOTER = "&L&A&C第 &P 页，共 &N 页"


def export_workbook(store: HistoryStore, target: Path) -> str | None:
    """Write the workbook; returns the latest period (None: nothing recorded, nothing written)."""
    latest = store.latest_period()
    if latest is None:
        return None
    items = store.followups(latest)[FOLLOWUP_COLUMNS]
    previous = store.periods()[-1]["previous_period"]
    carried = items["carried"].astype(int).eq(1).to_numpy(bool)  # the rest were first found in ``latest``
    follow = FollowUp(latest, previous, store.label, items[carried], items[~carried])
    rates = store.rates()
    periods, table = trend_frame(rates[rates["category"].eq("all")])
    header = f'&C&"-,Bold"&A（截至 {latest}）'

    def specs(_label):
        return [followup_spec(follow, FOOTER, header, sheet_name="整改台账", with_new=True,
                              title=f"整改台账（截至 {latest}：上期遗留事项的结论和本期新发现的未整改事项）"),
                trend_spec(periods, table, latest, FOOTER, header)]

    write_atomically(target, lambda temp: write_workbook(specs, temp), ".xlsx")
    return latest
