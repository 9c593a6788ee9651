"""The parts a run may carry (parts/base.py says what a part is); each knows when it applies."""

from __future__ import annotations

from .base import Part
from .history import HistoryPart
from .online import OnlinePart
from .quality import QualityPart
from .unit_spellings import UnitSpellingsPart

PART_TYPES = (UnitSpellingsPart, OnlinePart, HistoryPart, QualityPart)  # the order they appear in


def parts_of(run) -> tuple[Part, ...]:
    return tuple(part for part in (kind.of(run) for kind in PART_TYPES) if part is not None)


__all__ = ["PART_TYPES", "Part", "parts_of"]
