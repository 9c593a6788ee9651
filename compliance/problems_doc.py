"""Generate docs/problems.md, the list of every problem code, from the registry in problem_codes.py.

Run:  python -m compliance.problems_doc docs/problems.md

tests/test_problems.py fails when the document is not what this module
writes, so a code added to problems.py without its meaning and action, or
without regenerating the document, is caught.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .problems import LEVELS, PROBLEMS

INTRO = """# 问题代码一览

本工具发现的每一个问题都有一个固定的代码（如 `date-impossible`），出现在屏幕上的问题行
（`文件:工作表:行 代码 说明`）、JSON 结果（`code`）和网页上。下表按级别列出全部代码：
含义、该怎么办，以及显示的消息（`{…}` 处填入具体的值）。

本文件由 `python -m compliance.problems_doc docs/problems.md` 从 `compliance/problem_codes.py` 生成，请勿手改。

级别：运行（无法运行，退出码 2，不生成报告）、文件（整个文件读不了）、工作表、记录（一条记录无法判定或需要说明）、
单元格（一个日期单元格）、汇总行（报告“汇总”工作表的备注）。
"""


def _cell(text: str) -> str:
    """Text for a Markdown table cell: pipes escaped, line breaks as spaces."""
    return re.sub(r"\s*\n\s*", " ", text).replace("|", "\\|")


def render() -> str:
    lines = [INTRO]
    for level, label in LEVELS.items():
        entries = [p for p in PROBLEMS.values() if p.level == level]
        if not entries:
            continue
        lines += [f"## {label}（`{level}`）", "", "| 代码 | 含义 | 怎么办 | 消息 |", "| --- | --- | --- | --- |"]
        lines += [f"| `{p.code}` | {_cell(p.meaning)} | {_cell(p.action)} | {_cell(p.template)} |" for p in entries]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m compliance.problems_doc docs/problems.md", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
