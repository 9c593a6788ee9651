"""The problem codes of one decision met twice: copies in two files or two places, and rows that may be one
decision under two numbers.

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import RECORD, ProblemType

REPEATS = [
    ProblemType("duplicate-conflict", RECORD, "同一决定（同一文书号）在另一处的日期不同：{conflict}；无法判定以哪处为准，"
                                              "请核实后只保留正确的一处",
                "同一决定报送了两次（两个文件，或同一文件的两处），日期不同", "核实后只保留正确的一处"),
    ProblemType("duplicate-dates-differ", RECORD, "同一决定（同一文书号）在另一处的日期不同：{conflict}；按哪一处判定结论都一样，"
                                                  "已按本处判定，请核实后只保留正确的一处",
                "同一决定报送了两次，日期不同，但不影响是否逾期", "核实后只保留正确的一处"),
    ProblemType("repeat-blank-filled-later", RECORD, "与 {first} 是同一决定：这一份公开日期为空，那一份补填了公开日期"
                                                    "（补公开），以那一份为准，只计一次",
                "累计台账再次报送时补填了公开日期：按补填的日期判定", "无需处理"),
    ProblemType("repeat-conflict", RECORD, "与 {first} 是同一决定，但两份的日期不同（见那一条的说明），只计一次",
                "同一决定的两份报送日期不同：那一条按两份分别判定，结论不同的判为数据有误", "核实哪一份正确，改正后重新报送"),
    ProblemType("repeat-other-party", RECORD, "与 {first} 是同一决定的另一当事人（这几行的文书号或序号合并为一格，或写“同上”），并入那一条，只计一次",
                "一个决定有几个当事人，每人一行、文书号或序号单元格合并（或写“同上”）：是一个决定", "无需处理"),
    ProblemType("published-per-party", RECORD, "同一决定的几个当事人（文书号或序号合并为一格）各有公开日期：{party_published}；"
                                               "决定按最后一个当事人公开的日子判定",
                "一个决定有几个当事人，台账每人一行、公开日期各不相同：决定公开完毕以最晚的一天为准", "核对各当事人的公开日期"),
    ProblemType("published-party-blank", RECORD, "同一决定（文书号或序号合并为一格）的当事人“{party_unpublished}”没有公开日期："
                                                 "不能算已全部公开，按其他当事人的日期按时的判为数据有误",
                "一个决定有几个当事人，有的公开日期空着：可能是没有公开，也可能是没写", "补填这些当事人的公开日期，或公开"),
    ProblemType("repeat-correction", RECORD, "是对 {first} 的更正，更正后重新公示：按首次公开的日期判定，只计一次",
                "决定更正后重新公示，台账又列了一行（文书号后注“更正”，或备注写更正后重新公示）", "无需处理"),
    ProblemType("repeat-hidden-copy", RECORD, "隐藏工作表中的一份，与 {first} 是同一决定而公开日期空着：以看得见的一份为准，只计一次",
                "工作簿里留着隐藏的草稿表，其中同一决定的公开日期还空着", "核对；删除草稿工作表"),
    ProblemType("repeat-counted-once", RECORD, "与 {first} 是同一决定（单位、类别、文书号和日期都相同），只计一次",
                "同一决定在两个文件中报送，或在同一文件中（另一个工作表如全年汇总里，或同一工作表里）又列了一次，只计一次", "无需处理"),
    ProblemType("renumbered-turns", RECORD, "可能与 {renumbered} 是同一决定（同一单位、同一相对人、同一决定日期，只是文书号不同，"
                                            "可能是改过文书号的修改版）；按哪一份判定结论不同，无法判定，请核实后只保留正确的一份",
                "两个文件中同一单位、同一相对人、同一决定日期的两行文书号不同：可能是同一决定改了文书号，也可能是两个决定，不猜测",
                "核实是不是同一决定；是的话只保留正确的一份后重新报送"),
    ProblemType("renumbered-differs", RECORD, "可能与 {renumbered} 是同一决定（同一单位、同一相对人、同一决定日期，只是文书号不同）；"
                                              "按哪一份判定结论都一样，已按本份判定；如是同一决定，请只保留正确的一份",
                "两个文件中可能是同一决定的两行文书号不同，但不影响是否逾期", "核实是不是同一决定；是的话只保留正确的一份"),
]
