"""A reader's answer holds a column of one value (the file, the sheet, the category) as one object, not a
string per row: those copies were a third of what the reader pickled back (100,000 rows: 20 MB -> 13 MB)."""

from __future__ import annotations

import datetime as dt

from compliance.ingest.load import ReadSettings, load_file
from helpers import PENALTY_HEADER, penalty_rows, write_xlsx


def test_constant_columns_are_one_object_each(tmp_path):
    book = write_xlsx(tmp_path / "区安监局_2016年行政处罚.xlsx", {"行政处罚": [PENALTY_HEADER, *penalty_rows(300)]})
    _, [frame] = load_file(book, ReadSettings())
    assert len(frame) == 300
    for column in ("source_file", "sheet", "category"):
        cells = frame[column].to_numpy(object)
        assert len({id(c) for c in cells}) == 1, column
    assert frame["category"].iloc[0] == "penalty" and frame["decision_date"].iloc[0] == dt.datetime(2016, 9, 1)


def test_a_ledger_that_names_no_category_anywhere_is_read(tmp_path):
    # No 许可 or 处罚 in the names, the title or the cells: every category blank. Sharing the category's
    # object failed on a column with no value at all, and the whole file was lost (read-failed).
    book = write_xlsx(tmp_path / "区安监局_2024年台账.xlsx", {"Sheet": [
        ["区安监局2024年台账"], ["序号", "文书号", "当事人", "决定日期", "公开日期"],
        [1, "西安监〔2024〕1号", "甲", dt.date(2024, 3, 5), dt.date(2024, 3, 12)],
        [2, "西安监〔2024〕2号", "乙", dt.date(2024, 4, 30), dt.date(2024, 6, 3)]]})
    entry, [frame] = load_file(book, ReadSettings())
    assert entry.error is None and len(frame) == 2
    assert frame["category"].isna().all()
