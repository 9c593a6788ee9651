"""The problem codes of records checked against an online list (--online): online/verify.py says which.

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import KEEP_LEDGER, RECORD, SHEET, ProblemType

ONLINE_RECORD = [
    ProblemType("online-not-found-claimed", RECORD, "台账填写已公开（{ledger}），网站未见，按未公开判定",
                "台账填了公开日期，网站清单中却没有这条（瞒报嫌疑）", "提供公开网址，或补公开后更正台账",
                short="台账填写已公开，网站未见，按未公开判定"),
    ProblemType("online-not-found-claimed-impossible", RECORD,
                "台账填写已公开（{ledger}），但这一天早于决定日期 {decision}，也是填错的；网站未见，按未公开判定",
                "台账填的公开日期早于决定日期（不可能），网站清单中也没有这条", "核对决定日期和公开日期；提供公开网址，或补公开后更正台账",
                short="台账所填公开日期早于决定日期，网站未见，按未公开判定"),
    ProblemType("online-not-found", RECORD, "网站未见，台账未填公开日期，按未公开判定", "网站清单中没有这条，台账也未填公开日期",
                "尽快公开"),
    ProblemType("online-date-from-list", RECORD, "台账没有填公开日期，网站清单的公开日期是 {online}，按此判定；请在台账中补填",
                "决定在网站上找到了，台账却没有填公开日期：按网站的日期判定，台账应补上", "在台账中补填公开日期",
                short="台账未填公开日期，按网站日期判定"),
    ProblemType("online-date-differs", RECORD, "台账公开日期 {ledger}，网站公开日期 {online}，按网站日期判定",
                "台账填写的公开日期与网站不同，以网站为准", "按网站日期更正台账",
                short="日期不符，按网站公开日期判定"),
    ProblemType("online-ambiguous", RECORD, "网站清单中可能对应的信息（{candidates}）对应不唯一（几条信息都像这一条，"
                                            "或这条信息也像台账中的另一条），无法确定，按台账判定",
                "网站清单中有几条都可能是这一条，或一条信息可能是台账中的几条，不猜测", "核对文书号，使台账与网站一致"),
    ProblemType("online-decision-date-turns", RECORD, "网站上这项决定的决定日期是 {site_decision}，与台账的不同；按其中一个日期逾期、按另一个按时，"
                                                      "无法判定，请核对决定日期",
                "网站清单中同一决定的决定日期与台账不同，而是否逾期取决于哪个对：台账的决定日期填晚了会藏住逾期，填早了会冤枉单位，工具不替单位挑选",
                "按决定书核对决定日期，改正台账或网站"),
    ProblemType("online-decision-date-differs", RECORD, "网站上这项决定的决定日期是 {site_decision}，与台账的不同（按哪个日期结论都一样），请核对",
                "网站清单中同一决定的决定日期与台账不同，但不影响是否逾期", "按决定书核对决定日期，改正台账或网站"),
    ProblemType("online-later-act-only", RECORD, "网站清单中只有对这项决定的后续处理（{candidates}，如撤销、更正），没有决定本身："
                                                 "原决定的公示可能已随之撤下，无法核对，按台账判定",
                "网站上找不到决定本身，只找到撤销、更正它的决定：不能据此判“网站未见”", "如需核实，查看网站的历史记录或向网站管理部门了解"),
    ProblemType("online-number-differs", RECORD, "网站清单中有当事人、决定日期都相同但文书号不同的信息（{candidates}）：可能是同一决定"
                                                 "（文书号写法不同或填错），也可能是同一天的另一决定；无法确定，按台账判定",
                "台账与网站的文书号不同，其余都一致：不判网站未见（可能冤枉单位），也不认作已核实",
                "核对文书号，使台账与网站一致"),
    ProblemType("online-outside-span", RECORD, "应公开截止日期 {deadline} 早于网站清单的起始日期 {start}，"
                                               "网站上的旧信息可能已按公示期限撤下，无法核对，按台账判定",
                "网站清单不覆盖这条记录的时间，" + KEEP_LEDGER, "无需处理；需要时提供更早的网站清单",
                short="截止日期早于网站清单起始日，网站可能已撤下，按台账判定"),
    ProblemType("online-not-covered", RECORD, "网站清单覆盖不到这条记录（清单中没有这一类别或这个单位，清单导出时"
                                              "还没到应公开截止日期或台账所填的公开日期，或清单最早的信息晚于截止日期、"
                                              "台账所填的公开日期或决定日期，或这条决定晚于清单中最晚的一条决定），无法核对，按台账判定",
                "网站清单不可能显示这条记录，不能据此说网站未见，" + KEEP_LEDGER,
                "无需处理；需要时提供覆盖该单位、该类别的网站清单。清单确实从某天起完整的，用 --online-since 说明那一天",
                short="网站清单不含这一类别或单位，或时间范围不含这条记录，按台账判定"),
    ProblemType("online-no-deadline", RECORD, "算不出应公开截止日期（决定日期有误或缺失，或类别不明），"
                                              "说不清网站清单能否显示这条记录，无法核对，按台账判定",
                "没有截止日期，就不知道清单导出时这条是否应已公开，不能据此说网站未见，" + KEEP_LEDGER,
                "改正决定日期（或类别）后重新检查", short="算不出截止日期，无法与网站清单核对，按台账判定"),
    ProblemType("online-published-undated", RECORD, "网站已公开，日期不明：网站清单和台账都没有公开日期",
                "网站上找到了这条，但两边都没有日期：不判为未公开，判为数据有误", "在台账中补填公开日期（可在网站上查到）",
                short="网站已公开，网站清单和台账都没有公开日期，判为数据有误"),
    ProblemType("online-update-after-deadline", RECORD, "网站已公开，公开日期不明：台账没有公开日期，网站清单只有{column}"
                                                        "（{online}），晚于应公开截止日期 {limit}，首次公开可能更早",
                "更新时间只说明最迟在那天已在网上，不能据此判为逾期，也不能判为按时：判为数据有误",
                "在台账中补填公开日期（可在网站上查到）",
                short="台账没有公开日期，网站清单只有{column}，晚于截止日期，首次公开日期不明，判为数据有误"),
    ProblemType("online-update-before-ledger", RECORD, "网站已公开，公开日期不明：台账的公开日期 {ledger} 晚于网站清单的{column}"
                                                       "（{online}，网站那时已有这条），而它又晚于应公开截止日期 {limit}，首次公开可能更早",
                "台账的日期不可能对；更新时间只说明最迟在那天已在网上，不能据此判为逾期，也不能判为按时：判为数据有误",
                "按网站上的发布日期改正台账的公开日期",
                short="台账公开日期晚于网站清单的{column}，首次公开日期不明，判为数据有误"),
    ProblemType("online-undated", RECORD, "网站清单中对应的信息没有可用的发布日期，无法核对，按台账判定",
                "网站清单中找到了这条，但没有日期，或日期早于决定日期（笔误），" + KEEP_LEDGER, "无需处理",
                short="网站清单中这条没有发布日期，按台账判定"),
    ProblemType("online-update-date-only", RECORD, "网站清单只有更新时间（{column}），不一定是首次公开日期，据此判定证明力较弱",
                "网站清单只有更新时间，首次公开可能更早", "需要时提供有发布日期的清单",
                short="（网站清单只有{column}，证明力较弱）"),
    ProblemType("online-only", RECORD, "网站已公开，本单位台账中没有这条记录", "网站上有、台账中没有（台账未登记）",
                "补登台账"),
    ProblemType("online-only-titled", RECORD, "网站已公开，本单位台账中没有这条记录（标题：{title}）",
                "网站上有、台账中没有（台账未登记），网站清单没有文书号", "补登台账"),
    ProblemType("online-only-unit-unread", RECORD, "网站已公开；本次检查没有读到该单位的台账（没有报送，或文件无法读取），无从核对是否登记",
                "网站清单中有、这次检查的台账中没有的单位（清单是全区的，而只检查了部分单位；或该单位没有报送）",
                "该单位报送台账后一并检查；只检查部分单位时可不理会"),
    ProblemType("online-list-sheet-continued", SHEET, "网站清单 {file} 的工作表“{sheet}”没有表头，按前一个工作表的表头读取（分页导出）",
                "导出的清单分在几个工作表中，只有第一个有表头", "无需处理；核对这个工作表的列与第一个是否一致"),
    ProblemType("online-unit-by-numbers", SHEET, "网站清单 {file} 中的“{listed}”与台账中的“{unit}”名称不同，但有相同的文书号"
                "（如 {number}），按同一单位核对；如不是同一单位，请在 compliance.toml 的 [units] 中写明",
                "单位改过名（如环保局改为生态环境局），网站清单用新名、台账用旧名：文书号相同，按同一单位核对",
                "确认是同一单位；否则在 compliance.toml 的 [units] 中分别写明"),
    ProblemType("online-list-partial", SHEET, "网站清单 {file} 写明只是导出结果的一部分（{said}）：清单中没有的记录不判“网站未见”，"
                                               "按台账判定；请导出全部页后再核对",
                "清单只导出了一页（或少于它自己写的总条数）：没有列出的决定可能在别的页上", "在网站上导出全部结果（或逐页导出后一起给出）"),
]
