"""Print the N-th fenced command block of README.md's ``## 快速开始`` section."""

import re
import sys


def quick_start_blocks(text: str) -> list[str]:
    section = text.split("## 快速开始", 1)[1]
    section = re.split(r"\n## ", section, maxsplit=1)[0]
    return [b.strip() for b in re.findall(r"```(?:bash|sh|shell)?\n(.*?)```", section, re.S)]


if __name__ == "__main__":
    path, index = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8") as handle:
        print(quick_start_blocks(handle.read())[index - 1])
