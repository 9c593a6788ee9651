"""A ledger passed as a website list (区应急管理局_台账导出.csv given to --online): refused.

A website shows only what was published, so its list has no entry without a publication date for a
decision the ledger also leaves unpublished. A "list" whose rows are the ledger's own rows, the
unpublished ones included, is a copy of the ledger: used as a list it would let the ledger vouch for
itself, and turn its 逾期未公开 rows into 网站已公开，日期不明 (数据有误), hiding them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE
from ..errors import OnlineListError
from ..ingest.docnumbers import normalise_document_numbers
from .columns import party_keys

SAME_SHARE = 0.8  # of a list's entries, the ledger's own rows (number, party, both dates, blanks alike)


def refuse_ledger_copies(records: pd.DataFrame, entries: pd.DataFrame) -> None:
    """Raise OnlineListError for the first list whose entries are mostly the ledger's rows, unpublished
    ones included (one at least, with no date on either side)."""
    if not len(records) or not len(entries):
        return
    day = np.datetime64("1000-01-01")  # a blank date compares equal to a blank one
    mine = pd.DataFrame({
        "number_key": normalise_document_numbers(records["document_number"]).to_numpy(object),
        "party_key": party_keys(records["party"].astype(object).fillna("").astype(str)).to_numpy(object),
        "decided": _days(records["decision_date"], day), "shown": _days(records["published_date"], day),
    }).drop_duplicates()
    theirs = pd.DataFrame({"list_file": entries["list_file"].to_numpy(object),
                           "number_key": entries["number_key"].fillna("").to_numpy(object),
                           "party_key": entries["party_key"].fillna("").to_numpy(object),
                           "decided": _days(entries["decision_date"], day), "shown": _days(entries["online_date"], day)})
    theirs = theirs[theirs["number_key"].ne("").to_numpy(bool)]
    same = theirs.merge(mine, on=["number_key", "party_key", "decided", "shown"], how="left", indicator=True)
    same = same.assign(same=same["_merge"].eq("both"), unpublished=same["_merge"].eq("both") & same["shown"].eq(day))
    per_list = same.groupby("list_file", sort=False).agg(entries=("same", "size"), same=("same", "sum"),
                                                         unpublished=("unpublished", "sum"))
    copies = per_list[(per_list["unpublished"] > 0) & (per_list["same"] >= SAME_SHARE * per_list["entries"])]
    if len(copies):
        path, row = next(iter(copies.iterrows()))
        raise OnlineListError(path, f"其中 {int(row['same'])} 条（共 {int(row['entries'])} 条）与台账逐条相同，"
                                    f"包括 {int(row['unpublished'])} 条没有公开日期的决定：这是台账的副本，不是从网站导出的清单"
                                    f"（网站上只有已公开的决定）；请给出从网站导出的清单，或不用 --online 检查")


def _days(values: pd.Series, blank: np.datetime64) -> np.ndarray:
    days = pd.to_datetime(values, errors="coerce").to_numpy(DATE_DTYPE).astype("datetime64[D]")
    return np.where(np.isnat(days), blank, days)
