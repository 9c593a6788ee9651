"""The calendar's problem codes: a year without holiday data, and calendar files (--calendar) that cannot
be read or are likely wrong. Declared in problem_codes.DECLARED at their place among the run's codes."""

from __future__ import annotations

from .problem_types import CALENDAR_ADVICE, RECORD, RUN, ProblemType

CALENDAR_FILES = [
    ProblemType("calendar-year-missing", RUN, "{year} 年的节假日安排尚无数据，无法按工作日计算。" + CALENDAR_ADVICE,
                "计算需要的年份还没有节假日数据（国务院通常在前一年 11 月前后公布）",
                "按提示准备该年的日历文件，用 --calendar 提供"),
    ProblemType("calendar-years-missing", RUN, "有 {count} 条记录需要 {year} 年的节假日安排才能判定。" + CALENDAR_ADVICE,
                "这些记录的结果取决于尚无节假日数据的年份，判为“无法判定”", "按提示准备该年的日历文件，用 --calendar 提供"),
    ProblemType("calendar-years-ahead", RUN, "有 {count} 条未到期的记录，截止日期在 {year} 年，该年的节假日安排尚无数据，"
                "报告中这些记录的截止日期暂为空。到期前请准备 {year} 年的日历文件，用 --calendar 提供",
                "日历数据还没有覆盖到未到期记录的截止日期所在的年份", "到期前准备该年的日历文件"),
    ProblemType("web-calendar-year-missing", RUN, "{year} 年的节假日安排尚无数据，无法按工作日计算。"
                "请把这个日期告诉区政府办：补充 {year} 年的日历文件后，网页就能计算",
                "网页上计算的日期需要尚无节假日数据的年份", "请区政府办用 serve --calendar 补充该年的日历文件"),
    ProblemType("calendar-file-unreadable", RUN, "日历文件 {where}：无法读取（{reason}）", "--calendar 给出的日历文件打不开",
                "检查文件路径和权限"),
    ProblemType("calendar-file-encoding", RUN, "日历文件 {where}：无法识别文件编码（应为 UTF-8、GBK 或 Unicode 文本）",
                "日历文件的文字编码无法识别", "用记事本或 Excel 另存为 UTF-8 CSV"),
    ProblemType("calendar-file-columns", RUN, "日历文件 {where}：每行应为 日期,类型,名称", "日历文件这一行的列数不对",
                "每行写 日期,类型,名称，如 2027-01-01,休,元旦"),
    ProblemType("calendar-file-date", RUN, "日历文件 {where}：无法识别的日期“{text}”", "日历文件这一行的日期无法识别",
                "改为 2027-01-01 这样的日期"),
    ProblemType("calendar-file-type", RUN, "日历文件 {where}：类型“{text}”无效，应为 休/班（或 放假/上班、补班、holiday/workday）",
                "日历文件这一行的类型不是 休/班", "类型写 休（放假）或 班（调休上班）"),
    ProblemType("calendar-file-type-name", RUN, "日历文件 {where}：类型写的是“{text}”（{kind}），名称“{name}”却是另一种日子；"
                "请对照国务院通知改正类型或名称", "日历文件这一行的类型与名称矛盾（如类型写休，名称是春节调休上班）：调休上班日"
                "当成休息日（或放假日当成上班），跨过这一天的截止日期都会错一天", "对照通知改正这一行"),
    ProblemType("calendar-workday-on-weekday", RUN, "日历文件 {where}：{days} 本来就是工作日（星期一至五），写成调休上班（班）"
                                                   "不起作用；调休上班的日子通常是周六或周日，请对照国务院通知核对（共 {count} 天）",
                "日历文件把某个工作日写成了调休上班：多半是日期写错了，真正的调休上班日（周末）仍按休息日计算",
                "改成通知中的调休上班日期"),
    ProblemType("calendar-year-ignored", RUN, "日历文件 {where}：{year} 年只有 {days}，没有一个工作日放假，不是该年的节假日安排"
                                              "（多半是年份写错了），不按它计算；需要该年日子的记录无法判定",
                "日历文件中某一年只有零星几行、没有一个工作日放假：多半是把另一年的日期写错了年份",
                "改正日期的年份；确要补该年时写上国务院通知中的全部放假日和调休上班日"),
    ProblemType("calendar-file-weekday", RUN, "日历文件 {where}：{date} 是{actual}，这一行的星期却写的是{said}，日期或星期写错了",
                "日历文件的星期一栏与日期对不上：多半是日期写错了，按错的日期计算会让截止日期错一天",
                "对照国务院通知改正日期"),
    ProblemType("calendar-year-sparse", RUN, "日历文件 {where}：{year} 年只列了 {count} 个工作日放假，国务院每年的节假日安排中"
                                             "通常有 16 天以上；该年没有别的节假日数据，没列出的日子都按普通工作日和周末计算",
                "只补了个别日子的年份会把春节、国庆等假期算成工作日，截止日期提前，可能误判逾期",
                "把该年国务院通知中的全部放假日（休）和调休上班日（班）都写进文件"),
    ProblemType("calendar-year-incomplete", RUN, "日历文件 {where}：{year} 年没有列出{names}的放假日；该年没有别的节假日数据，"
                                                 "这些假期的日子都按普通工作日计算，跨过它们的截止日期会提前，可能误判逾期",
                "补的年份漏了每年都有的节假日（元旦、清明节、劳动节、国庆节）", "对照国务院通知把漏掉的放假日（休）补进文件"),
    ProblemType("calendar-year-no-workdays", RUN, "日历文件 {where}：{year} 年没有列出任何调休上班日（班）；国务院每年的安排中"
                                                  "都有几个周末上班，没列出的都按休息日计算，跨过它们的截止日期会推后，可能把逾期判为按时",
                "补的年份只列了放假日，漏了调休上班日", "对照国务院通知把调休上班的周末（班）补进文件"),
    ProblemType("calendar-year-doubtful", RECORD, "截止日期要数过 {doubt_year} 年的日子，而日历文件中该年的节假日安排可能不全"
                                                  "（见“说明”）：结论按文件计算，核对该年的安排后再确认",
                "判定所依据的截止日期跨过日历文件可能写错的年份（只列了几天、漏了节假日或调休上班日）",
                "无需处理（单位）；由检查人员对照国务院通知核对日历文件后重新检查"),
    ProblemType("calendar-day-overridden", RECORD, "截止日期要数过 {override_day}，日历文件把这一天定得与国务院通知不同"
                                                   "（见“说明”）：结论按文件计算，不是有意改动的，改正日历文件后重新检查",
                "判定所依据的截止日期跨过日历文件改动过的、国务院通知已有安排的日子（常是年份写错）",
                "无需处理（单位）；由检查人员确认日历文件的改动是有意的（如当地另有安排），否则改正后重新检查"),
    ProblemType("calendar-file-overrides", RUN, "日历文件 {where}：{count} 天与国务院节假日安排（chinese-calendar {version}）"
                                                "不同，按文件计算：{days}",
                "日历文件改了国务院通知已覆盖年份中的日子（放假、调休，或普通的工作日、周末）", "确认是有意改动（如当地另有安排）；否则从文件中删去这些日子"),
    ProblemType("calendar-file-empty", RUN, "日历文件 {where}：文件中没有任何日期", "日历文件中一个日期也没有",
                "按 date,type,name 的格式写入该年的节假日和调休上班日"),
    ProblemType("calendar-file-conflict", RUN, "日历文件 {where}：{date} 在第 {first} 行是{before}，这里是{now}；"
                "同一天只能是一种，请删去错的一行", "日历文件中同一天既写成休又写成班，不能让最后一行说了算",
                "删去写错的那一行"),
    ProblemType("calendar-files-disagree", RUN, "日历文件 {where}：{date} 在这里是{now}，在日历文件 {other} 第 {other_line} 行是"
                "{before}；两个文件不一致，请改正其中一个", "两个日历文件对同一天的说法不同，不能让后给的文件说了算",
                "改正写错的文件，或只给一个文件"),
]
