"""`compliance template`: a blank input workbook that units fill in and send back."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

# The national 双公示 data standard (2019 版: 行政许可、行政处罚信用信息数据标准), in its order, plus the
# publication date, which the standard lacks (docs/rules.md §8), and 处罚程序, which the market rule reads
# (总局令第45号: 简易程序 decisions are not published).
SHEETS = {
    "行政许可": ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
                "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容",
                "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态",
                "数据来源单位", "数据来源单位统一社会信用代码", "上网公开日期", "备注"],
    "行政处罚": ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "证件类型", "证件号码",
                "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
                "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号",
                "处罚决定日期", "处罚有效期", "公示截止期", "处罚机关", "处罚机关统一社会信用代码",
                "数据来源单位", "数据来源单位统一社会信用代码", "处罚程序", "上网公开日期", "备注"],
}
DATE_COLUMNS = ("许可决定日期", "处罚决定日期", "有效期自", "有效期至", "处罚有效期", "公示截止期", "上网公开日期")
# Codes and numbers kept as text: Excel would turn 91420203562017326X's digits into a number.
TEXT_COLUMNS = ("统一社会信用代码", "证件号码", "行政许可决定文书号", "行政处罚决定书文号", "许可编号",
                "许可机关统一社会信用代码", "处罚机关统一社会信用代码", "数据来源单位统一社会信用代码")
# One value from a list (处罚类别 may hold several, so it gets a prompt, not a list).
CHOICES = {"行政相对人类别": ("法人及非法人组织", "自然人", "个体工商户"),
           "许可类别": ("普通", "特许", "认可", "核准", "登记", "其他"),
           "处罚程序": ("简易程序", "普通程序")}
TEMPLATE_ROWS = 5000

INSTRUCTIONS = [
    "填表说明",
    "1. 行政许可、行政处罚分别填写在“行政许可”“行政处罚”两个工作表中，每个决定一行。表头按国家“双公示”数据标准（2019 版），请不要修改。",
    "2. 决定日期、有效期、上网公开日期请填写日期（如 2016-09-28），不要填写文字说明；长期有效的，有效期至填 2099-12-31。",
    "3. 尚未上网公开的，上网公开日期留空。",
    "4. 行政相对人类别填：法人及非法人组织、自然人、个体工商户。法人及非法人组织、个体工商户填统一社会信用代码（18 位）；"
    "个体工商户没有代码的填 17 个 0 加 X；自然人不填统一社会信用代码，填证件类型和证件号码。",
    "5. 许可类别填：普通、特许、认可、核准、登记、其他。",
    "6. 处罚类别填：警告、通报批评、罚款、没收违法所得、没收非法财物、暂扣许可证件、降低资质等级、吊销许可证件、"
    "限制开展生产经营活动、责令停产停业、责令关闭、限制从业、行政拘留、其他（《行政处罚法》第九条）；有几项的用“；”隔开，如“警告；罚款”。",
    "7. 金额以万元为单位（如 5000 元填 0.5）。",
    "8. 证件号码是个人信息：报送本表可以填完整号码，但上网公开时必须隐去部分数字。",
    "9. 许可机关/处罚机关填写作出决定的单位全称（如 西塞山区人力资源和社会保障局）；处罚程序填 简易程序 或 普通程序（市场监管部门的简易程序处罚无需公开）。",
    "10. 不要修改表头文字，不要在数据中间插入合计行或说明行。",
    "11. 公开时限：自作出行政决定之日起 20 个工作日内上网公开（西政办发〔2016〕55号）。",
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
            sheet.column_dimensions[letter].width = min(24, max(12, len(header) * 2 + 2))
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
            elif header in TEXT_COLUMNS:
                for row in range(2, TEMPLATE_ROWS + 2):
                    sheet.cell(row=row, column=index).number_format = "@"  # keep 文号 and codes as text
            if header in CHOICES:
                choice = DataValidation(type="list", formula1='"' + ",".join(CHOICES[header]) + '"', allow_blank=True,
                                        showErrorMessage=True, errorTitle="取值有误",
                                        error="请从下拉列表中选择：" + "、".join(CHOICES[header]))
                choice.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
                sheet.add_data_validation(choice)
        sheet.freeze_panes = "A2"
    return workbook
