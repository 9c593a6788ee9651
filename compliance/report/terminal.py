"""The terminal text of a check run: the per-unit table."""

from __future__ import annotations

from ..status import STATUS_LABELS, STATUSES
from ..summary import unit_table
from .layout import display_width


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def terminal_summary(run) -> list[str]:
    table, _ = unit_table(run.records)
    headers = ["单位", "类别", "决定总数"] + [STATUS_LABELS[s] for s in STATUSES] + ["及时公开率"]
    rows = []
    for record in table.to_dict("records"):
        rate = record["及时公开率"]
        rows.append([str(record["单位"]), str(record["类别"]), str(record["决定总数"])]
                    + [str(record[STATUS_LABELS[s]]) for s in STATUSES]
                    + ["—" if rate is None else f"{rate:.1%}"])
    widths = [max(display_width(r[c]) for r in rows + [headers])
              for c in range(len(headers))]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths)) for r in rows]
    return lines
