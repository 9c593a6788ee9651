"""Unit names written several ways and counted as one unit (ingest/unit_spellings.py), and, when
compliance.toml lists the units, names outside that list (each ranked on its own: a spelling the list lacks
splits a unit): said in 说明, on the terminal and in the JSON (``unit_spellings``, ``units_not_declared``), so
that the list can be put right."""

from __future__ import annotations

from .base import Part

ADVICE = "如不是同一单位，请在 compliance.toml 的 [units] 中分别登记各单位的名称"


UNDECLARED_ADVICE = "如是名单中某单位的另一种写法，请在 compliance.toml 的 [units] 中写作该单位的别称；如是新单位，请补进名单"


class UnitSpellingsPart(Part):
    def __init__(self, spellings: dict[str, list[str]], undeclared: list[str] = (), unmerged: list[list[str]] = ()):
        self.spellings = spellings or {}
        self.undeclared = list(undeclared)
        self.unmerged = [list(names) for names in unmerged]

    @classmethod
    def of(cls, run) -> "UnitSpellingsPart | None":
        spellings = getattr(run.loaded, "unit_spellings", None)
        declared = set(run.expected_units)
        undeclared = sorted(set(run.records["unit"].dropna()) - declared) if declared else []
        unmerged = getattr(run.loaded, "unit_unmerged", None) or []
        return cls(spellings, undeclared, unmerged) if spellings or undeclared or unmerged else None

    def texts(self) -> list[str]:
        out = []
        if self.spellings:
            groups = "；".join(f"{kept}（另写作 {'、'.join(sorted(others))}）" for kept, others in sorted(self.spellings.items()))
            out.append(f"单位名称写法不一，按同一单位统计：{groups}。{ADVICE}")
        if self.unmerged:
            groups = "；".join("、".join(names) for names in self.unmerged)
            out.append(f"单位名称像是同一单位的不同写法，但写了不同的区名，没有合并、分别统计：{groups}。"
                       "如其中有同一单位，请在 compliance.toml 的 [units] 中登记各单位，把另一种写法写作别称")
        if self.undeclared:
            out.append(f"不在 compliance.toml [units] 名单中的单位，按各自的名称单独统计、排名：{'、'.join(self.undeclared)}。"
                       f"{UNDECLARED_ADVICE}")
        return out

    def about_lines(self) -> list[tuple[str, str]]:
        return [("单位名称", text) for text in self.texts()]

    def terminal_lines(self) -> list[str]:
        return [text + "。" for text in self.texts()]

    def add_json(self, payload: dict, rows: list[dict]) -> None:
        if self.spellings:
            payload["unit_spellings"] = {kept: sorted(others) for kept, others in sorted(self.spellings.items())}
        if self.undeclared:
            payload["units_not_declared"] = self.undeclared
        if self.unmerged:
            payload["unit_spellings_unmerged"] = self.unmerged
