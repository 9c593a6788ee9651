"""Problems as records, and their Chinese text: the registry of every code (declared in problem_codes.py).

A problem is a record, not text: ``Problem(code, file, sheet, row, field,
values)``. It is rendered to Chinese only at the edges (terminal, report,
JSON, web page), from the template declared here. Records carry their
problems as codes in columns (vectorised); see issues.py.

Levels: ``run`` (the run cannot go on, exit 2), ``file`` (a file that cannot
be read), ``sheet`` (a worksheet), ``record`` (a record that cannot be judged
or needs a word), ``cell`` (one date cell) and ``unit`` (a line of 汇总).
``docs/problems.md`` is generated from problem_codes.py (problems_doc.py); a test
fails when an entry lacks its meaning or action, or the document is stale.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING

from .problem_codes import DECLARED as _DECLARED
from .problem_types import (CALENDAR_ADVICE, CELL, FIELD_LABELS, FILE, LEVELS, RECORD, RUN, SHEET,  # noqa: F401
                            UNIT, ProblemType)

if TYPE_CHECKING:
    import numpy as np

PROBLEMS = {p.code: p for p in _DECLARED}
assert len(PROBLEMS) == len(_DECLARED), "a problem code is declared twice"


def message(code: str, **values) -> str:
    """The Chinese message of ``code`` with its values filled in."""
    return PROBLEMS[code].message(**values)


@dataclass(frozen=True)
class Problem:
    """One problem, structured: where it is, which code, and the values its message needs."""

    code: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    field: str | None = None
    values: tuple[tuple[str, object], ...] = ()

    @property
    def level(self) -> str:
        return PROBLEMS[self.code].level

    @cached_property  # rendered once, however many outputs show it
    def message(self) -> str:
        text = PROBLEMS[self.code].message(**self._values())
        return f"{FIELD_LABELS[self.field]}：{text}" if self.field in FIELD_LABELS else text

    @property
    def short(self) -> str:
        kind = PROBLEMS[self.code]
        return kind.short.format(**self._values()) if kind.short else self.message

    def _values(self) -> dict:
        """The values, and the place: a template may name the sheet ({sheet})."""
        return {"file": self.file, "sheet": self.sheet, "row": self.row, **dict(self.values)}

    def value(self, name: str, default=None):
        return dict(self.values).get(name, default)

    def with_place(self, **place) -> "Problem":
        """The same problem at another place (``file``, ``sheet``, ``row``)."""
        return replace(self, **place)

    def to_json(self) -> dict:
        out = {"code": self.code, "level": self.level, "message": self.message}
        if self.field:
            out["field"] = self.field
        if PROBLEMS[self.code].quality:
            out["severity"] = PROBLEMS[self.code].quality
        return out


def problem(code: str, *, file=None, sheet=None, row=None, field=None, **values) -> Problem:
    """A Problem; an undeclared code fails here, at once, not when the message is rendered."""
    if code not in PROBLEMS:
        raise KeyError(f"problem code {code!r} is not declared in problems.py")
    return Problem(code, None if file is None else str(file), sheet, row, field, tuple(values.items()))


def where(file: str | None, sheet: str | None = None, row: int | None = None) -> str:
    """A location as ruff writes one: 文件:工作表:行 (the parts that are known)."""
    parts = [file or "", sheet or "", "" if row is None else str(row)]
    while parts and not parts[-1]:
        parts.pop()
    return ":".join(parts)


def render_column(code: str, short: bool = False, **columns) -> np.ndarray:
    """``code``'s message for many rows at once: each value a column (Series/array) or one value.

    Literal text and values are joined column-wise; a template with format specs
    ({size_mb:,.0f}) is rendered row by row.
    """
    import numpy as np  # here: a message alone (the CLI's start) needs neither
    import pandas as pd  # noqa: E402 (likewise)

    kind = PROBLEMS[code]
    template = kind.short if short and kind.short else kind.text()
    n = max((len(v) for v in columns.values() if isinstance(v, (pd.Series, np.ndarray, list))), default=1)
    pieces = list(string.Formatter().parse(template))
    if any(spec or conversion for _, name, spec, conversion in pieces if name is not None):
        rows = [{k: (v[i] if isinstance(v, (pd.Series, np.ndarray, list)) else v) for k, v in columns.items()}
                for i in range(n)]
        return np.array([template.format(**row) for row in rows], dtype=object)
    out = np.full(n, "", dtype=object)
    for literal, name, _, _ in pieces:
        out = out + literal
        if name is not None:
            value = columns[name]
            if isinstance(value, (pd.Series, np.ndarray, list)):
                out = out + pd.Series(value, dtype=object).astype(str).to_numpy(object)
            else:
                out = out + str(value)
    return out


def to_do(issues) -> bool:
    """Whether a record's problems ask something of its unit (not only how it was judged: 无需处理)."""
    return any(p.code not in _NO_ACTION for p in issues)


_NO_ACTION = frozenset({"unit-by-folder"} | {code for code, kind in PROBLEMS.items() if kind.action.startswith("无需处理")})
