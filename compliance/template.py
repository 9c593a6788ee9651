"""`compliance template`: a blank input workbook that units fill in and send back."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

# Columns of the national 双公示 standard that the check needs, plus the
# publication date, which the standard lacks (docs/rules.md §8).
SHEETS = {
    "行政许可": ["行政许可决定书文号", "项目名称", "行政相对人名称", "行政相对人代码（统一社会信用代码）",
                "许可决定日期", "上网公开日期", "许可机关", "备注"],
    "行政处罚": ["行政处罚决定书文号", "处罚名称", "行政相对人名称", "行政相对人代码（统一社会信用代码）",
                "处罚决定日期", "上网公开日期", "处罚机关", "备注"],
}
DATE_COLUMNS = ("许可决定日期", "处罚决定日期", "上网公开日期")
TEMPLATE_ROWS = 5000

INSTRUCTIONS = [
    "填表说明",
    "1. 行政许可、行政处罚分别填写在“行政许可”“行政处罚”两个工作表中，每个决定一行。",
    "2. 决定日期、上网公开日期请填写日期（如 2016-09-28），不要填写文字说明。",
    "3. 尚未上网公开的，上网公开日期留空。",
    "4. 许可机关/处罚机关填写作出决定的单位全称（如 西塞山区人力资源和社会保障局）。",
    "5. 不要修改表头文字，不要在数据中间插入合计行或说明行。",
    "6. 公开时限：自作出行政决定之日起 20 个工作日内上网公开（西政办发〔2016〕55号）。",
]


def write_template(path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    template_workbook().save(path)
    return path


def template_bytes() -> bytes:
    """The same workbook, for the web page's download."""
    buffer = io.BytesIO()
    template_workbook().save(buffer)
    return buffer.getvalue()


def template_workbook() -> Workbook:
    workbook = Workbook()
    guide = workbook.active
    guide.title = "填表说明"
    for line in INSTRUCTIONS:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 90
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for title, headers in SHEETS.items():
        sheet = workbook.create_sheet(title)
        sheet.append(headers)
        for index, header in enumerate(headers, start=1):
            cell = sheet.cell(row=1, column=index)
            cell.font = Font(bold=True)
            cell.fill = header_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            letter = cell.column_letter
            sheet.column_dimensions[letter].width = max(12, len(header) * 2 + 2)
            if header in DATE_COLUMNS:
                validation = DataValidation(
                    type="date", operator="between", formula1="DATE(1990,1,1)",
                    formula2="DATE(2100,12,31)", allow_blank=True, showErrorMessage=True,
                    errorTitle="日期有误", error="请填写 1990–2100 年之间的日期，如 2016-09-28",
                    promptTitle=header, prompt="请填写日期，如 2016-09-28", showInputMessage=True)
                validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
                sheet.add_data_validation(validation)
                for row in range(2, TEMPLATE_ROWS + 2):
                    sheet.cell(row=row, column=index).number_format = "yyyy-mm-dd"
            else:
                for row in range(2, TEMPLATE_ROWS + 2):
                    sheet.cell(row=row, column=index).number_format = "@"  # keep 文号 as text
        sheet.freeze_panes = "A2"
    return workbook
