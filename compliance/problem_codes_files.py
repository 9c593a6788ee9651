"""The problem codes of a folder's entries that are passed over as no ledger (a note on the file, no fault).

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import SHEET, ProblemType

FOLDER_NOTES = [
    ProblemType("config-skipped", SHEET, "这是本工具的配置文件（compliance.toml），不是台账，已跳过",
                "文件夹中有 compliance.toml（在台账文件夹里运行检查时常见），它是配置，不是单位报送的文件", "无需处理"),
    ProblemType("backup-skipped", SHEET, "这是备份或临时文件（{suffix}），已跳过", "文件夹中有备份文件（.bak、.old、~ 结尾），"
                "常是旧版本的台账，读进来会与正式文件重复、冲突", "无需处理；如果它才是要报送的台账，请改回 .xlsx 等表格扩展名"),
]
