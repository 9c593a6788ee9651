"""The problem codes of the lines of 汇总: why a unit's line has no rank, or says more than its figures.

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import UNIT, ProblemType

SUMMARY_LINES = [
    ProblemType("unit-unjudged", UNIT, "有 {count} 条数据有误或无法判定，未计入及时公开率",
                "这些记录不计入及时公开率，单位不能靠填错日期提高比率", "看“数据问题”工作表，改正后重新报送"),
    ProblemType("unit-numbers-repeated", UNIT, "有 {repeated} 条记录的文书号与前面的记录重复，各按一个决定计入（见“数据问题”）",
                "同一文书号出现不止一次，当事人和日期又不同，看不出是重复报送还是两个决定共用一个号：各自计数",
                "核实这些文书号：是重复填报的，删去多余的一行；是填错号的，改正后重新报送"),
    ProblemType("unit-unjudged-numbers-repeated", UNIT, "有 {count} 条数据有误或无法判定，未计入及时公开率；"
                                                       "有 {repeated} 条记录的文书号与前面的记录重复，各按一个决定计入（见“数据问题”）",
                "既有数据有误或无法判定的记录，又有文书号重复的记录", "看“数据问题”工作表，核实改正后重新报送"),
    ProblemType("unit-named-by-file", UNIT, "单位不明：文件中看不出是哪个单位，暂按文件名列出",
                "表中没有单位列或“填报单位”一行，文件名也不是单位名称（如“自查.xlsx”）", "文件名写上单位名称后重新检查"),
    ProblemType("unit-has-blank-unit-rows", UNIT, "有记录的单位栏空着（表中其他行是别的单位），暂记在本单位名下，请核对",
                "汇总各单位决定的表格中有的行没写单位，按文件名记在这一单位名下", "在表中补填作出决定的单位后重新检查"),
    ProblemType("unit-has-disputed-rows", UNIT, "有记录的单位不明（见这些记录的说明），暂记在本单位名下，请核实",
                "沿用别的单位模板的台账，填报单位一行常忘了改；几个单位合报一个文件却没有单位列；单位只能从文件夹名看出",
                "确认每条记录是哪个单位的，改正后重新检查"),
    ProblemType("unit-unranked", UNIT, "记录都未到期或无需公开，不排名",
                "排名及时率的分母（按时公开 + 逾期 + 数据有误）为 0", "无需处理"),
    ProblemType("unit-no-decisions", UNIT, "报送了表格，但统计范围内没有决定", "单位在表中写明本期没有决定（本月无…）", "无需处理"),
    ProblemType("unit-none-in-scope", UNIT, "报送的表格中有决定，但都不在统计范围内（其他月份，或晚于统计截止日）",
                "报送的记录都不在所选月份或统计范围内：可能报错了月份的台账", "确认该单位本期是否没有决定；如报错了表格，请重新报送本期台账"),
    ProblemType("unit-partly-unreadable", UNIT, "另有报送的文件无法读取（见“数据问题”），名次只按读到的记录",
                "该单位有的文件读了，有的读不了：名次和比率只反映读到的部分", "看“数据问题”中的原因，重新报送读不了的文件"),
    ProblemType("unit-partly-unreadable-unjudged", UNIT, "另有报送的文件无法读取（见“数据问题”），名次只按读到的记录；"
                                                        "有 {count} 条数据有误或无法判定，未计入及时公开率",
                "该单位有的文件读不了，读到的记录中又有数据有误或无法判定的", "看“数据问题”中的原因，改正后重新报送"),
    ProblemType("unit-file-unreadable", UNIT, "报送的文件无法读取，见“数据问题”", "该单位的文件读不了", "看“数据问题”中的原因，重新报送"),
    ProblemType("unit-file-unreadable-uncounted", UNIT, "报送的文件无法读取，见“数据问题”，未计入合计",
                "该单位（不在 compliance.toml [units] 中）的文件读不了", "看“数据问题”中的原因，重新报送"),
    ProblemType("unit-file-counted-elsewhere", UNIT, "收到以该单位命名的表格，但表中填报单位是 {units}，记录已计入 {units}",
                "文件名是这个单位，表中的填报单位却是别的单位：可能发错了文件，或文件名沿用了别的单位的模板",
                "确认这份表格是哪个单位的；该单位如另有台账请补报"),
    ProblemType("unit-file-copy-counted-elsewhere", UNIT, "以该单位名义报送的表格与 {file} 内容完全相同，只读取一次，"
                                                      "记录已计入 {units}；请核实这份表格是哪个单位的",
                "同一份表格以两个单位的名义报送：记录只计一次，计在另一份所指的单位名下，不判该单位未报送",
                "确认是哪个单位的台账；该单位如另有台账请补报"),
    ProblemType("unit-not-sent", UNIT, "未报送（没有收到该单位的表格）", "compliance.toml [units] 中的单位没有报送表格",
                "催报"),
    ProblemType("unit-followed-not-sent", UNIT, "本期没有收到该单位的表格；上期遗留事项照常跟踪",
                "上期有仍未整改事项的单位，本期没有报送表格", "催报；遗留事项见“整改跟踪”"),
    ProblemType("unit-reported-before-not-sent", UNIT, "本期没有收到该单位的表格（上期报送过）",
                "历史库中上期报送过台账的单位，本期没有报送表格（没有在 compliance.toml [units] 中列出全部单位时，"
                "未报送的单位只能这样得知）", "催报；本期确无决定的，请报送写明“本月无”的表格"),
    ProblemType("unit-online-only", UNIT, "只见于网站清单，台账中没有该单位", "网站清单中有、台账中没有的单位",
                "核实该单位是否应报送台账"),
]
