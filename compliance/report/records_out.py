"""``--records-out DIR``: every record with its result, as Parquet files, for the data team.

The folder is the tool's own: it holds only ``公开时限检查_记录_NNNNN.parquet``
parts (the report prefix: a folder walk never reads them back as input) and
the mark file ``.compliance-records``. A folder that exists without the mark
is the user's, and is refused before anything is written (records-out-foreign);
an own folder is replaced whole. The parts are written into a new folder
beside it and renamed into place, so a failed run leaves the old folder as it was.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pandas as pd

from ..errors import ComplianceError
from .paths import REPORT_PREFIX

MARK = ".compliance-records"
MARK_TEXT = "compliance --records-out\n"
PART_ROWS = 500_000  # about 40 MB a part: a reader never needs the whole set at once
PART_NAME = REPORT_PREFIX + "记录_{:05d}.parquet"
COLUMNS = ["source_file", "sheet", "row", "category", "unit", "document_number", "party", "decision_text",
           "published_text", "decision_date", "published_date", "deadline", "working_days", "rule", "status",
           "working_days_late", "calendar_days_late", "working_days_left", "decision_problem",
           "published_problem", "category_problem", "unit_problem", "check_problem", "duplicate_of"]


def is_own_records(folder: Path) -> bool:
    mark = folder / MARK
    try:
        return mark.is_file() and mark.read_text(encoding="utf-8") == MARK_TEXT
    except OSError:
        return False


def refuse_foreign_records(folder: Path) -> None:
    """Before anything is written: a file, or a folder the tool did not create, is never replaced."""
    if folder.exists() and not (folder.is_dir() and is_own_records(folder)):
        raise ComplianceError.of("records-out-foreign", path=folder)


def records_table(records: pd.DataFrame) -> pd.DataFrame:
    """The columns a data team reads, each with one plain type (text stays text, codes stay codes)."""
    table = records[[c for c in COLUMNS if c in records.columns]].copy()
    table["status"] = table["status"].astype(str)
    for name in table.columns:
        if table[name].dtype == object:
            table[name] = table[name].astype("string")
    return table


def write_records(records: pd.DataFrame, folder: Path) -> Path:
    import pyarrow as pa  # start-up time: only --records-out needs them
    import pyarrow.parquet as pq  # start-up time, likewise

    refuse_foreign_records(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    fresh = folder.parent / f".~compliance-records-{uuid.uuid4().hex[:8]}"
    fresh.mkdir()
    try:
        table = records_table(records)
        for number, start in enumerate(range(0, max(len(table), 1), PART_ROWS)):
            part = pa.Table.from_pandas(table.iloc[start:start + PART_ROWS], preserve_index=False)
            pq.write_table(part, fresh / PART_NAME.format(number))
        (fresh / MARK).write_text(MARK_TEXT, encoding="utf-8")
        _replace(fresh, folder)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)
    return folder


def _replace(fresh: Path, folder: Path) -> None:
    if not folder.exists():
        os.rename(fresh, folder)
        return
    old = folder.parent / f".~compliance-records-old-{uuid.uuid4().hex[:8]}"
    os.rename(folder, old)  # an own folder (checked above), moved aside and removed once the new one is in
    os.rename(fresh, folder)
    shutil.rmtree(old)
