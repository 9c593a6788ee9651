"""Unit names written several ways and counted as one unit (ingest/unit_spellings.py): said in 说明, on the
terminal and in the JSON (``unit_spellings``), so that a merge the clerk did not mean can be undone in
compliance.toml [units]."""

from __future__ import annotations

from .base import Part

ADVICE = "如不是同一单位，请在 compliance.toml 的 [units] 中分别登记各单位的名称"


class UnitSpellingsPart(Part):
    def __init__(self, spellings: dict[str, list[str]]):
        self.spellings = spellings

    @classmethod
    def of(cls, run) -> "UnitSpellingsPart | None":
        spellings = getattr(run.loaded, "unit_spellings", None)
        return cls(spellings) if spellings else None

    def text(self) -> str:
        groups = "；".join(f"{kept}（另写作 {'、'.join(sorted(others))}）" for kept, others in sorted(self.spellings.items()))
        return f"单位名称写法不一，按同一单位统计：{groups}。{ADVICE}"

    def about_lines(self) -> list[tuple[str, str]]:
        return [("单位名称", self.text())]

    def terminal_lines(self) -> list[str]:
        return [self.text() + "。"]

    def add_json(self, payload: dict, rows: list[dict]) -> None:
        payload["unit_spellings"] = {kept: sorted(others) for kept, others in sorted(self.spellings.items())}
