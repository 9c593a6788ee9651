"""Where a report goes, and the rule that no file the tool did not write is ever replaced."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import ComplianceError

REPORT_PREFIX = "公开时限检查_"
REPORT_SHEETS = {"逾期清单", "数据问题", "全部记录", "说明"}  # a workbook with all of these is ours


def default_name(run) -> str:
    """The scope in the name: month or as-of date, and the rule when it is not the default."""
    scope = f"{run.month}月_截止{run.as_of.isoformat()}" if run.month else run.as_of.isoformat()
    rule = run.rules.rules[0]
    custom = len(run.rules.rules) > 1 or rule.basis != "西政办发〔2016〕55号" or rule.permit_days != 20 \
        or rule.penalty_days != 20
    suffix = f"_{_safe(run.rules.short_name)}" if custom else ""
    online = "_网站核对" if getattr(run, "online", None) is not None else ""
    return f"{REPORT_PREFIX}{scope}{suffix}{online}.xlsx"


def _safe(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s“”，；（）]+', "", text)[:40]


def report_path(out: str | None, run) -> Path:
    """--out as given (``.xlsx`` added when missing; a folder gets the default name inside it)."""
    if not out:
        return Path("reports") / default_name(run)
    path = Path(out)
    if out.endswith(("/", "\\")) or path.is_dir():
        return path / default_name(run)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    return path


def is_own_report(path: Path) -> bool:
    """A workbook this tool wrote, recognised by its sheets (not by its name)."""
    try:
        with zipfile.ZipFile(path) as book:
            text = book.read("xl/workbook.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    names = set(re.findall(r'<sheet [^>]*name="([^"]+)"', text))
    return REPORT_SHEETS <= names


def refuse_foreign_file(path: Path, option: str = "--out") -> None:
    """Replace ``path`` only if the tool wrote it; otherwise say how to choose another name."""
    if path.exists() and not is_own_report(path):
        raise ComplianceError(f"{path} 已存在，且不是本工具生成的报告，拒绝覆盖。"
                              f"请用 {option} 指定别的文件名，或先把它移走")
