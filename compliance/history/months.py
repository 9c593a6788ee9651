"""Months and days of the follow-up: how long a problem has been open (整改跟踪's 已持续期数), and the
latest day each unit's ledgers hold."""

from __future__ import annotations

import numpy as np
import pandas as pd


def periods_open(carried: pd.DataFrame, period: str) -> np.ndarray:
    """已持续期数: the months from the month first found to this one, both counted, while still open; the
    months it was open when closed now. Months, not runs: a month never run (or forgotten) still passed."""
    runs = carried["periods_open"].astype(int).to_numpy() + carried["still_open"].astype(bool).to_numpy()
    first = pd.to_datetime(carried["first_period"].astype(object), format="%Y-%m", errors="coerce")
    now = pd.to_datetime(pd.Series([period]), format="%Y-%m", errors="coerce").iloc[0]
    if pd.isna(now) or not len(carried):
        return runs
    months = (now.year - first.dt.year) * 12 + (now.month - first.dt.month) + carried["still_open"].astype(bool)
    return np.where(months.isna(), runs, np.maximum(months.fillna(0), 1)).astype(int)


def latest_days(records: pd.DataFrame, as_of) -> dict[str, str]:
    """{unit: the latest decision or publication day in all its rows read, or its ledger's 填报日期 (the day it
    was filled in: ingest/filed_date.py), at most ``as_of``} (ISO)."""
    if not len(records):
        return {}
    columns = [c for c in ("decision_date", "published_date", "filed_date") if c in records]
    days = pd.concat([pd.to_datetime(records[c], errors="coerce") for c in columns])
    units = pd.concat([records["unit"]] * len(columns)).astype(object).to_numpy(object)
    days = days.where(days <= pd.Timestamp(as_of))
    latest = days.groupby(units).max().dropna()
    return {str(u): d.date().isoformat() for u, d in latest.items() if isinstance(u, str) and u}
