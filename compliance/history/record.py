"""What a recorded period holds: every in-scope record, each unit's counts per status and rates,
and the follow-up list that the next period starts from (store.py writes it in one transaction).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..rules import CATEGORY_LABELS
from ..summary import SUBTOTAL, TOTAL, status_counts
from .store import LEDGER_LATEST, RECORD_COLUMNS, RULE_USED, HistoryStore, StoreError

# 汇总's 类别 cells -> the keys the store and the JSON use
CATEGORY_KEYS = {**{label: key for key, label in CATEGORY_LABELS.items()}, SUBTOTAL: "all", TOTAL: "all"}


def record_history(run, store: HistoryStore) -> int:
    """Record ``run`` (which carries ``run.history``) as its period; returns the revision written. A period
    recorded under another rule is not replaced (StoreError): its rates are what was handed in for that month,
    and a 7-day self-check run with --month would silently rewrite a 20-day month (probe 73)."""
    follow = run.history
    rule = days_in_force(run.rules, follow.period)
    recorded = store.rule_used(follow.period) if store.exists() else None
    if recorded is not None and recorded != rule:
        raise StoreError.of("history-other-rule", path=store.label, period=follow.period, recorded=recorded, rule=rule)
    records = run.records
    number = records["number_key"]  # carry.add_history_keys, before the month was chosen
    online = records["online_result"].astype(object) if "online_result" in records else None
    codes = [",".join(p.code for p in items) if items else None for items in run.issues]
    # the run's own columns, not Python objects: blob.encode reads them as Arrow arrays (dates included)
    stored = pd.DataFrame({
        "unit": records["unit"], "category": records["category"], "number_key": number,
        "document_number": records["document_number"], "party": records["party"],
        "decision_date": records["decision_date"], "published_date": records["published_date"],
        "deadline": records["deadline"], "status": records["status"],
        "online_result": None if online is None else online, "problems": pd.Series(codes, index=records.index,
                                                                                  dtype=object),
        "source_file": records["source_file"], "sheet": records["sheet"], "row": records["row"].astype(int)},
        columns=RECORD_COLUMNS)
    counts = status_counts(records, ["unit", "category"]) if len(records) else pd.DataFrame(
        columns=["unit", "category"])
    counts = counts.melt(id_vars=["unit", "category"], var_name="status", value_name="count")
    counts = counts[counts["count"] > 0]
    latest = [(unit, "all", LEDGER_LATEST, int(day.replace("-", ""))) for unit, day in follow.ledger_latest.items()]
    latest.append((rule, "all", RULE_USED, 0))
    counts = pd.concat([counts, pd.DataFrame(latest, columns=["unit", "category", "status", "count"])], ignore_index=True)
    table, _ = run.unit_summary
    rates = unit_rates(table)
    period = {"period": follow.period, "run_time": run.run_time.isoformat(timespec="seconds"),
              "as_of": run.as_of.isoformat(), "inputs": [e.path for e in run.inputs if not e.not_read],
              "previous_period": follow.previous_period}
    return store.record(period, stored, counts, rates, follow.followups())


def days_in_force(rules, period: str) -> str:
    """The working days the rules give a decision of ``period`` (YYYY-MM), as the store keeps them: a month
    re-run under other wording (--days 20 for the district's 20) or a rule that starts later is the same
    measure; 7 days for 20 is not."""
    first = np.datetime64(f"{period}-01", "D")
    last = (first.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
    _, permit, penalty = rules.in_force(np.array([first, last], dtype="datetime64[D]"))
    return "；".join(dict.fromkeys(f"行政许可 {a} 个工作日、行政处罚 {b} 个工作日" for a, b in zip(permit, penalty)))


def unit_rates(table: pd.DataFrame) -> pd.DataFrame:
    """汇总's 及时公开率 per unit and category key (permit/penalty; "all" for a 小计, and 合计 as unit 合计).
    A unit with one category also gets its "all" line, so that every unit has one."""
    known = table["类别"].isin(list(CATEGORY_KEYS)) | table["单位"].eq(TOTAL)
    rows = table[known]
    out = pd.DataFrame({"unit": rows["单位"].astype(object), "category": rows["类别"].map(CATEGORY_KEYS).fillna("all"),
                        "rate": rows["及时公开率"].astype(float)})
    single = out[out["category"].ne("all")].groupby("unit").filter(lambda g: len(g) == 1)  # one per unit: few
    return pd.concat([out, single.assign(category="all")], ignore_index=True)
