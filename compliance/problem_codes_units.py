"""The problem codes of a record's unit: where a ledger does not say plainly which office a row is of.

Listed in problem_codes.DECLARED with every other code (a module of its own only to keep modules small).
"""

from __future__ import annotations

from .problem_types import RECORD, ProblemType

UNIT_RECORD = [
    ProblemType("unit-by-folder", RECORD, "文件名和表中都看不出单位，按文件夹记在“{unit}”名下，请核对（如果这个文件夹是汇总各单位台账的，请在文件名中写明单位）",
                "每个单位一个文件夹时，单位取自文件夹名；但文件夹也可能是收集各单位台账的单位的", "核对；文件名写上单位名称更清楚"),
    ProblemType("unit-file-sent-twice", RECORD, "同一份表格（内容完全相同）也以“{copy_unit}”的名义报送：记录只计一次，"
                                                "记在“{unit}”名下，请核实是哪个单位的台账",
                "两个单位报送了一模一样的文件：从文件内容看不出是谁的台账，不悄悄选一个", "确认是哪个单位的台账，另一个单位补报自己的"),
    ProblemType("unit-several-in-cell", RECORD, "单位栏写了不止一个单位（联合作出的决定？）：记在本表所属单位“{unit}”名下，请核对",
                "一格中写了几个单位，不另造一个“单位”；各单位对自己台账中的决定负责，所以记在这份表格的单位名下",
                "联合作出的决定，各单位在自己的台账中分别填报；不是的，单位栏只写作出决定的单位"),
    ProblemType("unit-column-party", RECORD, "单位栏写的像是企业名称（行政相对人），不是作出决定的单位；记在“{unit}”名下，请核对",
                "单位列中是公司、商店等名称：多半是被处罚或被许可的一方，不当作作出决定的单位",
                "把单位列改成作出决定的机关，相对人写在相对人列"),
    ProblemType("unit-section", RECORD, "单位一栏写的是单位的内设机构或下属所、队（中队、科、股，或“本单位名称＋所/大队”），"
                                        "记在 {unit} 名下",
                "单位列写的是执法中队、科室，或本单位的所、大队，不是报送单位；按填报单位一行（或文件名）的单位统计",
                "无需处理；所、大队单独报送的，请用它自己的台账"),
    ProblemType("unit-cell-differs", RECORD, "单位一栏写的是另一个单位，但文书号的代字是 {unit} 的（与本表 {unit} 的其他决定相同，"
                                             "或是 {unit} 的简称），文件也是 {unit} 的：记在 {unit} 名下，请核对单位一栏",
                "单位列个别行写的单位，与文件（或填报单位一行）和文书号的代字都不符：多半是从别的台账粘贴的", "改正单位一栏"),
    ProblemType("unit-blank-among-units", RECORD, "单位栏空着，而表中其他行写的是别的单位：暂记在文件名（或表头上方填报单位）"
                                                  "所说的单位名下，请核对并补填单位",
                "汇总各单位决定的表格中，这一行没有写单位：记在文件的单位名下可能冤枉只做汇总的单位", "在单位栏写明作出决定的单位"),
    ProblemType("unit-line-disputed", RECORD, "单位不明：表中“填报单位”、文件名和标题写的不是同一个单位，"
                                              "记在 {unit} 名下（文书号代字相符的一方；看不出时按填报单位，没有填报单位的按文件名），请核实",
                "沿用别的单位的模板时，表头上方或表尾的“填报单位”常忘了改；也可能文件名写错了。两处不一致时不悄悄选一个",
                "确认这份台账是哪个单位的，改正“填报单位”或文件名后重新报送"),
    ProblemType("unit-file-several-row", RECORD, "单位不明：文件名写了几个单位，表中没有单位列，文书号代字也看不出是哪一个，"
                                                 "暂记在 {unit} 名下，请核实",
                "几个单位合报一个文件，却没有写每条决定是哪个单位的：记在文件名的第一个单位名下是猜的",
                "在表中加“单位”列写明每条决定的单位，或每个单位一个文件"),
    ProblemType("unit-from-file-name", RECORD, "单位不明：表中没有单位列或“填报单位”一行，文件名也看不出是哪个单位，"
                                               "暂以文件名作单位；请在文件名开头写上单位（如“区安监局_台账.xlsx”）",
                "文件名（如“台账.xlsx”“2016年10月报送.xlsx”）不是单位名称，表中也没有写单位：这些记录的单位是猜的",
                "在文件名开头写明单位（如“区安监局_台账.xlsx”），或在表中加“单位”列、在表头上方写“填报单位：…”"),
]
