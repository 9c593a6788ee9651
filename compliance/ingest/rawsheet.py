"""A sheet as a reader returns it: rows of cell values, before any header is known."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawSheet:
    name: str
    rows: list[list]  # row 0 is Excel row 1 (CSV: line 1)
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    kind: str = "xlsx"
    data: bytes | None = None  # CSV only: the file as UTF-8 bytes; ``rows`` then holds just its head
    hidden: bool = False  # a hidden worksheet: still read, but said so
    delimiter: str = ","
    date1904: bool = False  # bare serial numbers count from 1904-01-01
    data_start: int = 0  # CSV: where the text starts in ``data`` (after a UTF-8 BOM)
    doubt: tuple[int, int] | None = None  # (rows with content in the XML, rows read) when they disagree
    hidden_columns: frozenset[int] = frozenset()  # 0-based columns hidden in the sheet (.xlsx)
    struck_rows: frozenset[int] = frozenset()  # 0-based rows struck through (.xlsx; struck.py)
    hidden_rows: frozenset[int] = frozenset()  # 0-based rows hidden in the sheet (.xlsx; struck.py)
    comments: dict = field(default_factory=dict)  # (row, column) 0-based -> a cell comment's text (.xlsx; comments.py)

    @property
    def text(self) -> str | None:
        """CSV only: the decoded file, made again when asked (the exact, slower path needs it).

        Not kept: a million-record file is 200 MB as bytes and as much again as text.
        """
        return None if self.data is None else str(self.data[self.data_start:], "utf-8")
