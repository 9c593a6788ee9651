"""docs/fields.md from the field table (compliance/fields.py): ``python -m compliance.fields_doc docs/fields.md``;
tests/test_fields.py keeps the two in sync."""

from __future__ import annotations

import sys
from pathlib import Path

from .fields import LEDGER, ONLINE, STANDARD_CODES, TABLE


def markdown() -> str:
    """docs/fields.md: the table as users and maintainers read it (tests keep the two in sync)."""
    reader = {LEDGER: "台账", ONLINE: "网站清单"}
    lines = ["# 列名识别：字段表", "",
             "本文件由 `compliance/fields.py` 的字段表生成，请勿手改；改表后运行 "
             "`python -m compliance.fields_doc docs/fields.md`。",
             "列名中含有“包含”中的词即识别为该字段（取最长、最具体的词；与词完全相同优先）；“整列名”中的词须是整个列名；",
             "“次选”中的词在有其他词命名同一字段的列时让位；“替代”中的词只在没有更合适的列时使用；含“排除”中的词的列名不作该字段。`compliance.toml` 的 `[columns]` "
             "同义词优先于下表，对台账和网站清单都有效。", ""]
    for f in TABLE:
        lines += [f"## {f.label}（`{f.name}`）", "", f"- 含义：{f.meaning}", f"- 来源：{f.source}",
                  f"- 用于：{'、'.join(reader[r] for r in f.readers)}"]
        for kind, words in (("", f.words), *((f"（仅{reader[r]}）", w) for r, w in f.only.items())):
            for title, values in (("包含", words.contains), ("整列名", words.exact), ("次选", words.lesser),
                                  ("替代", words.weak)):
                if values:
                    lines.append(f"- {title}{kind}：{'、'.join(values)}")
        if f.exclude:
            lines.append(f"- 排除：{'、'.join(f.exclude)}")
        lines.append("")
    lines += ["## 数据标准的字段代码", "",
              "平台模板和导出文件常用“双公示”数据标准的字段代码作列名（单独一行，或在中文列名下面一行）。"
              "代码按下表读作标准的中文列名，再按上面的字段表识别；大小写均可。", "",
              "| 代码 | 读作 |", "| --- | --- |"]
    lines += [f"| `{code}` | {name} |" for code, name in STANDARD_CODES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(markdown(), encoding="utf-8")
