"""What the workbook holds at scale: a person reads it, the data team reads ``--records-out``.

The pandas engine writes every sheet whole. The dask engine (a city's or a province's records) leaves
全部记录 out unless ``--all-records`` asks for it, and keeps at most LIST_LIMIT rows of 逾期清单 and of
数据问题's record and repeat rows: the worst ones (the most working days late; 数据有误 first). 说明 says
what was left out and where the full lists are.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LIST_LIMIT = 100_000  # rows of 逾期清单, and of 数据问题's records, in a dask engine's report


@dataclass(frozen=True)
class ReportShape:
    records_sheet: bool = True  # 全部记录 (and its continuations)
    list_limit: int | None = None  # None: every row
    records_dir: str | None = None  # --records-out: where every record is, for 说明 to point to

    @classmethod
    def for_engine(cls, engine: str, all_records: bool = False, records_dir: str | None = None) -> "ReportShape":
        if engine == "dask":
            return cls(records_sheet=all_records, list_limit=LIST_LIMIT, records_dir=records_dir)
        return cls(records_dir=records_dir)

    def keep(self, order: np.ndarray, worst_first: np.ndarray) -> tuple[np.ndarray, int]:
        """The rows of ``order`` kept (in its order) and how many there were: all of them, or the
        ``list_limit`` first of ``worst_first`` (the same rows, the worst first)."""
        if self.list_limit is None or len(order) <= self.list_limit:
            return order, len(order)
        kept = np.isin(order, worst_first[:self.list_limit])
        return order[kept], len(order)

    def where_all(self) -> str:
        """Where the full lists are, in the words of 说明."""
        if self.records_dir:
            return f"每条记录及其结论见记录文件夹 {self.records_dir}（Parquet，可按 status 筛选）"
        return "每条记录及其结论可用 --records-out 文件夹 写出（Parquet）"
