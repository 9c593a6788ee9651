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
    ProblemType("text-document-skipped", SHEET, "这是 Word 文字文档，其中没有表格（常是报送说明、情况说明），不是台账，已跳过",
                "文件夹中有不含任何表格的 Word 文档（.docx）：报送时附上的文字材料，不是单位的台账",
                "无需处理；如果台账写在其中，请放进 Excel/WPS 表格，另存为 .xlsx 后报送"),
    ProblemType("text-note-skipped", SHEET, "这是文字说明文件（.txt），不是表格，名称中也没有单位，已跳过",
                "文件夹中名称不含单位的纯文本文件（报送说明.txt）：报送时附上的说明，不是台账；名称写明单位的（区司法局10月报送.txt）"
                "仍列为报送形式不对", "无需处理；如果是 Excel 另存的文本表格，请改存为 .xlsx 后报送"),
]
