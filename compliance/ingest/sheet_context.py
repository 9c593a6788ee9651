"""What a sheet says about all its rows, passed from the sheet reader (records.py) to each table's rows."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SheetContext:
    """What a sheet says about all its rows: its unit line, the category above its header."""

    source_file: str
    fallback_category: str | None
    fallback_unit: str
    unit_line: str | None = None
    section: str | None = None
    title: str | None = None  # the category a title row names: as good as a sheet name's
    fallback_named: bool = True  # the file name names a unit (区安监局_台账.xlsx), not only itself (台账.xlsx)
    by_folder: bool = False  # the unit line is the file's folder's name: each record says so (unit-by-folder)
    block_unit: str | None = None  # the unit the last unit row read names, for the blocks after it (rows.py)
    header_follows: bool = False  # another table's header comes after the block being read
    unit_above: bool = False  # a 填报单位 line above the sheet's first header
    # 填报单位（盖章）：X lines between tables (rows.py): "below", each table signed underneath (X names the
    # rows above); "above", over each table's header as over the first; None, stamps naming no table
    signed: str | None = None
    # the other unit the sheet is said to be of, where the 填报单位 line names one and the file name (or, without
    # one, the title row) another: the rows the line gives a unit are in doubt (unit-line-disputed)
    disputed: str | None = None
    # the unit column's last unit (blank cells filled down) at the end of the table above, and the one a table
    # under a repeated page header (the same header again) starts with: a blank unit cell there is still that unit
    ended_unit: str | None = None
    carried_unit: str | None = None
    named_units: set = field(default_factory=set)  # the units the sheet's tables named so far (unit_column.py)
