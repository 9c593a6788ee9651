"""How long a penalty may stay on a website (超期未撤下, with --online): the end of its publicity period."""

from __future__ import annotations

import numpy as np

from ..dates import as_days
from .finding import finding


def add_years(days: np.ndarray, years) -> np.ndarray:
    """``days`` (datetime64[D]) plus whole years, the end of month clamped as dateutil.relativedelta
    does (2024-02-29 + 1 year = 2025-02-28); NaT stays NaT."""
    month = days.astype("datetime64[M]")
    offset = days - month.astype("datetime64[D]")
    target = month + (np.asarray(years, dtype=np.int64) * 12).astype("timedelta64[M]")
    last = (target + np.timedelta64(1, "M")).astype("datetime64[D]") - np.timedelta64(1, "D")
    return np.minimum(target.astype("datetime64[D]") + offset, last)


def publicity_end(published: np.ndarray, decided: np.ndarray, years) -> np.ndarray:
    """The last day an entry may stay online: from its publication where the list gives one (总局令第45号),
    else from the decision (发改办财金〔2019〕527号), so that no entry is flagged while its period
    could still be running under either rule."""
    start = np.where(np.isnat(published), decided, published)
    return add_years(start, years)


def publicity_findings(records, as_of, years):
    """An entry still on the website (as of the list's own date, else ``as_of``) after its longest
    publicity period: 超期未撤下."""
    if "online_published_date" not in records.columns:
        return []
    end = publicity_end(as_days(records["online_published_date"]), as_days(records["decision_date"]), years)
    listed = as_days(records["online_list_date"]) if "online_list_date" in records.columns else end
    seen = np.where(np.isnat(listed), np.datetime64(as_of, "D"), listed)
    found = records["online_source_row"].notna().to_numpy(bool)
    # the periods (527号, 总局令第45号) are a penalty's: a permit stays online
    permit = records["category"].astype(object).to_numpy() == "permit"
    expired = found & ~permit & (seen > end)  # NaT compares false
    return [finding("publicity-expired", "online", expired, label="网站清单",
                     end=lambda rows: np.datetime_as_string(end[rows], unit="D").astype(object),
                     seen=lambda rows: np.datetime_as_string(seen[rows], unit="D").astype(object))]
