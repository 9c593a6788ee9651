"""Keep README.md's usage blocks equal to each command's ``--help`` (as sqlite-utils does with cog).

Each command's section in the README holds a ```text block that starts with
"用法： compliance NAME". ``python -m compliance.readme_usage`` rewrites those
blocks from ``--help``; tests/test_readme.py fails when they drift.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner

from .cli import main

BLOCK = re.compile(r"```text\n(用法： compliance (\w+).*?)```", re.S)


def help_text(name: str) -> str:
    result = CliRunner().invoke(main, [name, "--help"], prog_name="compliance")
    return result.output.rstrip() + "\n"


def blocks(readme: str) -> dict[str, str]:
    """command name -> the usage block's text in the README."""
    return {m.group(2): m.group(1) for m in BLOCK.finditer(readme)}


def synced(readme: str) -> str:
    return BLOCK.sub(lambda m: f"```text\n{help_text(m.group(2))}```", readme)


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    path.write_text(synced(path.read_text(encoding="utf-8")), encoding="utf-8")
