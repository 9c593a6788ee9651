"""The problem codes of column mapping: which column holds which field, and the doubts on the way.

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import CELL, FILE, RECORD, SHEET, ProblemType

COLUMN_NOTES = [
    ProblemType("required-columns-absent", SHEET, "表格按国家数据标准格式填报，但缺少必填列：{labels}；这些项计为未填（完整率）",
                "按数据标准格式填报的表格少了几个必填列", "按 compliance template 生成的模板补齐这些列"),
    ProblemType("required-columns-absent-rows", SHEET, "第 {rows} 行计为{category}（按文书号等判断），本表是另一类决定的"
                                                       "表格格式，没有{category}的必填列：{labels}；这几行的这些项计为未填（完整率）",
                "按数据标准格式填报的表格中夹有另一类决定，表格没有那一类的必填列",
                "把这几行移到{category}的表格中（按 compliance template 生成的模板），补齐这些项"),
    ProblemType("published-from-comment", SHEET, "第 {rows} 行的公开日期空着，按这一格的批注读取，请把公开日期填进单元格",
                "经办人没填公开日期，而在这一格的批注里写了已公开（和日期）：按批注读，批注里没有日期的按“标注已公开”处理",
                "把公开日期填进单元格（批注不打印，法制办看不到）"),
    ProblemType("row-dates-merged-across", SHEET, "第 {rows} 行的日期单元格跨决定日期和公开日期两列合并，按两列都是这一天读取，请核对",
                "合并单元格在打印的表上同时位于两个日期下面", "核对这些决定是否当天公开；如不是，取消合并并分别填写两个日期"),
    ProblemType("sheet-formulas-unsaved", SHEET, "第 {rows} 行（{count} 行）的文书号或日期是公式，但文件中没有保存计算结果"
                                                "（常见于引用其他工作簿、或由其他软件生成的表格），读不出任何决定。"
                                                "请在 Excel/WPS 中打开、确认数据显示后保存，再报送",
                "公式没有保存计算结果，读不出内容：不能当作没有决定", "在 Excel/WPS 中打开并保存后重新报送（或复制后“选择性粘贴为数值”）"),
    ProblemType("dates-order-from-column", SHEET, "第 {rows} 行的{which}年份在最后、前两个数都不超过 12（如“{text}”），"
                                                  "按本列其他日期的写法读作{order}（“{text}”读作 {day}），请核对",
                "同一列别的日期有一个数超过 12（如 9/30/2026），只有一种读法，显出整列的写法；前两个数都不超过 12 的日期按同样的顺序读取",
                "核对；报送时最好写成 2026-10-09 这样年份在前的写法"),
    # a cell's, kept here for room: the reader's word for a date that is no fact (ingest/rowscan.py)
    ProblemType("published-period-single-day", CELL, "“公示期限”一类的列中只有一个日期 {text}：可能是应公开的最后期限，"
                "不能当作公开日期，无法判定",
                "没有公开日期列，公示期限（公开期限）列里写的不是一段期间（如 2026-10-09至2029-10-08，其第一天即上网之日），"
                "而是一个日期：多半是单位自己算的截止日期。按它判定会把未公开的决定算作按时公开",
                "增加“公开日期”列，填写实际上网公开的日期"),
    ProblemType("date-formula-today", CELL, "单元格是公式 TODAY() 或 NOW()，显示的是打开或保存表格那天的日期，不是实际日期：{text}",
                "随当天日期变化的公式不能说明哪天作出决定或上网公开", "填写实际的日期（不要用公式）"),
    ProblemType("column-ambiguous", SHEET, "列“{header}”同时像是 {labels}，无法确定，已忽略",
                "一列的列名同样像两个字段，不猜测", "把列名改得更明确，或在 compliance.toml [columns] 中写明"),
    ProblemType("column-hidden-unused", SHEET, "第 {column} 列“{header}”是隐藏列，未读取（读取的是第 {used} 列“{used_header}”）",
                "表中隐藏的列不是单位报送的内容（常是草稿或旧数据），只读显示的列", "无需处理；如果隐藏列才是要报送的，请取消隐藏并删去另一列"),
    ProblemType("column-hidden-used", SHEET, "第 {column} 列“{header}”是隐藏列，表中只有这一列是{label}，已读取，请确认",
                "显示的列中没有这个字段，只好读隐藏列", "确认隐藏列的内容是要报送的；是的话取消隐藏"),
    ProblemType("column-duplicate", SHEET, "第 {other} 列“{other_header}”与第 {used} 列“{used_header}”都像{label}，"
                                           "采用第 {used} 列",
                "两列都像同一个字段，按更像的一列读取", "确认读取的是正确的列；必要时改正列名"),
    ProblemType("decision-date-first-grant", SHEET, "第 {other} 列“{other_header}”是这张证最初发证（登记）的日期："
                                                    "决定日期按第 {used} 列“{used_header}”，只有它空着的行才用第 {other} 列",
                "延续、变更台账中的初次发证日期是证的来历，不是这次决定的日期", "无需处理；新办的证，发证日期也填在本次发证日期一列更清楚"),
    ProblemType("decision-date-two-columns", SHEET, "第 {other} 列“{other_header}”与第 {used} 列“{used_header}”"
                                                    "都像决定日期：两列一致的行照常判定，只有一列有日期的行用那一列；不一致的行按两个日期各算一次，"
                                                    "结论相同的照常判定并提示，结论不同的判为数据有误",
                "两列都可能是决定日期（如批准日期和发证日期）", "核对两列不一致的行，确认哪一天作出决定"),
    ProblemType("published-date-two-columns", SHEET, "第 {other} 列“{other_header}”与第 {used} 列“{used_header}”"
                                                     "都像公开日期：两列一致的行照常判定，只有一列有日期的行用那一列，"
                                                     "两列日期不同的行按较早的一天判定，按较晚的一天结论不同的判为数据有误",
                "两列都可能是公开日期（如公示日期和上网公开日期）", "核对两列不一致的行，确认哪一天上网公开"),
    ProblemType("numbers-by-kind", SHEET, "第 {permit} 列“{permit_header}”是许可的文书号，第 {penalty} 列“{penalty_header}”是处罚的文书号："
                                          "每行按填了的那一列读取文书号，并按那一列认定是许可还是处罚；两列都填或都空的行按其他信息认定",
                "许可和处罚合在一张表，两种决定的文书号各占一列", "无需处理；核对两列都填了的行"),
    ProblemType("sheet-published-by-mark", SHEET, "找不到公开日期列，只能按“{header}”列判断：标注未公开的按未公开判定，"
                                                  "标注已公开的因没有公开日期判为数据有误（未到截止日期的为未到期），其余无法判定。看到的列名：{seen}",
                "台账只有“是否公开”一类的标注，没有公开日期", "增加公开日期列并填写每条决定的上网公开日期"),
    ProblemType("published-denied-with-date", RECORD, "“是否公开”一栏说没有公开，公开日期却填了 {published}：两者必有一项填错",
                "是否公开一栏说没有公开，公开日期一栏却有日期：按日期是按时的判为数据有误（日期可能是计划的日子），按日期已逾期的仍是逾期",
                "改正是否公开一栏或公开日期"),
    ProblemType("unit-from-cover", FILE, "文件名看不出是哪个单位，按封面所写记在“{unit}”名下",
                "工作簿的封面写明了单位，文件名没有", "核对；文件名写上单位名称更清楚"),
]
