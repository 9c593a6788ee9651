"""A workbook's cover sheet (封面) naming its unit, where the file name names none (人社2026下半年许可台账.xlsx
with a 封面 that says 区人力资源和社会保障局): its records count under that unit, not under the file's name."""

from __future__ import annotations

import re

from ..fields import unit_name
from .unit_text import unit_in_text

_COVER = re.compile(r"^(?:封面|封皮|首页|扉页)$")
_LABEL = re.compile(r"^(?:填报|报送|制表|编制)?(?:单位|部门|机关)(?:名称)?[:：]")


def cover_unit(sheets) -> str | None:
    """The one unit a cover sheet's cells name (a line of its own, a 填报单位： line, or a title starting with
    it); None where there is no cover, it names none, or it names two."""
    found = set()
    for raw in sheets:
        if not _COVER.match(re.sub(r"\s+", "", raw.name)):
            continue
        for row in raw.rows[:40]:  # a cover is a page
            for cell in row:
                text = _LABEL.sub("", re.sub(r"\s+", "", cell)) if isinstance(cell, str) else ""
                unit = unit_in_text(text) if text else None
                if unit and text.startswith(unit):
                    found.add(unit_name(unit))
    return found.pop() if len(found) == 1 else None
