"""Header detection: which row (or pair of rows) names the columns, and the 填报单位 line above it.

A header is one row, or two: group labels over sub-headers (行政处罚决定 over
文书号/日期). Rows above it may carry sheet metadata such as 填报单位：区安监局.
The one header finder for ledgers and online lists: what a header must name
depends on the kind of file (``HEADER_NEEDS``).
"""

from __future__ import annotations

import datetime as dt
import re

from ..fields import LEDGER, ONLINE, FieldRules
from .action_kinds import kind_from_text
from .cells import display_text, is_blank
from .columns import ColumnMap, map_columns
from .rawsheet import RawSheet
from .unit_text import unit_in_text

# How far down a header may stand: an online export can carry a longer preamble.
HEADER_SCAN_ROWS = {LEDGER: 20, ONLINE: 40}
# A header must name a field of each group: a ledger's its decision date or its numbers; an online
# list's something to match by (number, title or party) and a date it went online.
HEADER_NEEDS = {LEDGER: (("decision_date", "document_number"),),
                ONLINE: (("document_number", "title", "party"), ("published_date",))}
# Footers, totals and notes, matched with the spaces taken out (合  计, 制 表 人：).
# Kept specific: 注销〔2016〕1号 is a real permit number.
FOOTER = re.compile(r"^\s*(注\s*[:：\d（(、.]|注意|备注[:：]|说明[:：]|附注|制表人|制表[:：]|制表日期|审核人|审核[:：]|"
                    # 审核意见：同意 (a date beside it), 填报说明：…, （此表一式两份…）, 上述决定均已在…公示: about the table
                    r"(?:审核|审批|审查|领导|签批|部门)意见\s*[:：]|(?:填报|填写|编制|报表)说明|[（(【\[]?\s*(?:此表|该表|上表)|"
                    r"(?:上述|以上)(?:决定|信息|案件|处罚|许可|事项|数据|内容|情况)|附件\s*\d*\s*[:：]|附\s*[:：]|"
                    r"审批人[:：]|填表人|填表[:：]|填表说明|填报人|填报日期|报送日期|负责人|单位负责人|分管领导|联系人|"
                    r"联系电话|电话[:：]|合计|总计|小计|汇总|共计|签字|盖章|以下空白|以下无|本表|数据截至|统计时间|"
                    # the signature block: 制表单位：区环保局（盖章）, 主要负责人：王五, 经办人：赵六
                    r"(?:制表|填报|填表|报送)单位[:：（(]|主要负责人|部门负责人|经办人|复核人|核对人|统计人|"
                    r"Total$|Sum$|"
                    # dated sign-off lines: 报送时间：, 审核日期：, 日期： (a date beside them is no decision's)
                    r"(?:报送|制表|填报|填表|上报|审核|打印|导出|统计|落款|签发|编制|报表)(?:日期|时间)|(?:日期|时间)[:：]|"
                    # （以下空白）, -以下空白-, 本页以下空白, （此页无正文）
                    r"[（(【\[\-—－~～*＊]*(?:本页)?(?:以下空白|以下无|此页无正文|此处空白)|"
                    # 4月小计, 本月小计, 1-6月累计, 本页合计, 共 N 件: subtotals and counts, never decisions
                    r"\S{0,12}(?:小计|合计|总计|累计|共计)(?:[:：（(].*|\d+(?:件|条|项|宗|个|户|起))?$|"
                    r"共\d+(?:件|条|项|宗|个|户|起))", re.IGNORECASE)
# The signature block under a table: a person or the unit that signs, never a label someone put on a
# decision's row (合计, 注 may be: rows.py keeps such a row when it holds a number and a date).
SIGNATURE = re.compile(r"^\s*(?:(?:制表|填报|填表|报送)单位|主要负责人|部门负责人|单位负责人|分管领导|负责人|经办人|复核人|"
                       r"核对人|统计人|制表人|填表人|填报人|审核人|审批人|联系人|(?:审核|审批|审查|领导|签批|部门)意见\s*[:：])")
# A stamp line under a table (区住建局（公章）, at most a date beside it): rows.py takes it for one only in a
# row of one or two cells, since a unit column may be written so on a decision's own row.
STAMP_LINE = re.compile(r"^\S{0,30}[（(](?:公章|盖章|印章)[)）]$")
# Hint rows some templates put under the header: （必填） / 字符型(128) / （yyyy-mm-dd）.
ANNOTATION = re.compile(r"^[\s（(【\[]*(必填|选填|非必填|可选|可不填|字符型|日期型|数值型|数字型|文本型|文本|字符串|"
                        r"格式[:：]|yyyy|YYYY|年-月-日|\d{4}-mm|例[:：]|"
                        # the standard's field codes under the header: XK_XDR_MC, CF_WSH
                        r"[A-Z]{2,}(?:_[A-Z]+)+$)")  # letters only: a number written XK_2024_001 is a number
NON_RECORD = re.compile(f"(?:{FOOTER.pattern})|(?:{ANNOTATION.pattern})", re.IGNORECASE)
# Example rows and sheets (填写示例, 样例): filled in to show how, not decisions.
# 例 alone (例, 例1, 【例】) too; 例： starts a hint row (ANNOTATION), 例如 a note.
EXAMPLE = re.compile(r"^[\s（(【\[]*(?:(填写|填报|填表)?(示例|样例|范例|举例)|例(?=$|\d|[）)\]】]))")
# A section row that starts a block: 一、行政许可 / 二、行政处罚 / （二）处罚.
# 一、行政许可 / 2.行政处罚情况; or a bare label (行政许可, 许可决定（2件）, 行政处罚类（1件）) alone on its row
SECTION = re.compile(r"^(?:[\s（(]*[一二三四五六七八九十\d]{1,3}[)）、.．\s]*\S{0,8}(许可|处罚)\S{0,12}"
                     r"|[\s（(]*[一二三四五六七八九十\d]{1,3}[)）、.．\s]*\S{0,4}(?:行政(?:确认|强制|检查|征收|征用|给付|奖励|裁决|备案)"
                     r"|(?:其他|其它)(?:行政)?(?:权力|行为|职权))\S{0,12}"
                     r"|(?:行政)?(?:许可|处罚)(?:类|决定|事项|信息|案件)?(?:[（(]\s*共?\d{1,4}\s*[件条项宗]?[）)])?)$")

# 标签：值 lines above the header (docs/rules.md §8): sheet metadata, never a header row.
META_LABELS = (r"填报单位|报送单位|填表单位|制表单位|单位名称|填报部门|报送部门|填报机关|"
               r"填报日期|报送日期|填表日期|制表日期|统计期间|统计时间|统计时段|统计日期|报送时间|填报时间|所属期|"
               r"制表人|制表|填表人|填报人|审核人|负责人|单位负责人|联系人|联系电话")
_STAMP = r"(?:[（(][^）)]{0,8}[）)])?"
META_CELL = re.compile(rf"^\s*(?:{META_LABELS}|单位)\s*{_STAMP}\s*[:：]")
META_LABEL_ONLY = re.compile(rf"^\s*(?:{META_LABELS})\s*{_STAMP}\s*[:：]?\s*$")
UNIT_LABEL = re.compile(rf"(?:填报单位|报送单位|填表单位|制表单位|单位名称|填报部门|报送部门|填报机关)\s*{_STAMP}\s*[:：]?"
                        # a bare 单位： line names the unit too, but only with its colon (单位负责人 does not)
                        rf"|(?<![\u4e00-\u9fff])单位\s*{_STAMP}\s*[:：]")
# Where a unit's name ends inside one cell: the next label (填报日期：…) or the end.
# The label after the unit's name: one of ours, or after a space any short ...日期/...时间 (导出时间：).
_NEXT_LABEL = re.compile(rf"(?:(?<=\s)[\u4e00-\u9fff]{{1,4}}(?:日期|时间)|{META_LABELS}|日期|时间)\s*{_STAMP}\s*[:：]")


def fill_merged(sheet: RawSheet) -> dict[int, bool]:
    """Copy a vertically merged cell's value down the rows it covers.

    Only downwards, in its first column: a unit merged over many records
    belongs to each of them, but a title or a 注： line merged across a row
    is one cell of text, not a value for every column.
    Returns, for each row a merge touched, whether it held anything of its own
    before the fill: a blank row inside a merged unit column stays blank.
    """
    rows = sheet.rows
    touched: dict[int, bool] = {}
    for (r0, c0), (r1, _c1) in sheet.merged:
        c1 = c0
        if r0 >= len(rows) or r1 == r0:
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if r not in touched:
                touched[r] = any(not is_blank(v) for v in row)
            if len(row) <= c1:
                row.extend([""] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = value
    return touched


def _looks_like_date(value) -> bool:
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    return isinstance(value, str) and bool(re.match(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}", value))


def find_header(rows: list[list], rules: FieldRules, merged=()) -> tuple[int, list[str]] | None:
    """(index of the last header row, header texts), or None.

    A header is one row, or two: group labels over sub-headers (行政处罚决定
    over 文书号/日期). Each candidate is scored by the distinct fields its
    columns name; it must name what ``HEADER_NEEDS`` asks of the reader.
    """
    best: tuple[tuple[int, int], int, list[str]] | None = None  # (strength, last row index, headers)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS[rules.reader]]):
        if is_metadata_row(row):  # 填报单位：… / 报送日期：… is sheet metadata, not a header half
            continue
        own = [display_text(c) for c in row]
        candidates = [(index, own, 0)]
        if index + 1 < len(rows) and _looks_like_subheaders(rows[index + 1]) \
                and sum(1 for c in row if not is_blank(c)) >= 2 and not is_metadata_row(rows[index + 1]):
            top, sub = _with_spans(rows, index, merged), [display_text(c) for c in rows[index + 1]]
            # Of two readings naming as many fields, a grouped header's two rows win (时间 over 作出决定).
            candidates.append((index + 1, combine(top, sub, rules), int(_grouped(own, top, sub))))
            # A label centred across its children without a merge (跨列居中), or typed over the first child
            # only, reaches the blank cells beside it: a reading that wins only by naming more fields.
            spread = spread_groups(top, sub)
            if spread != top:
                candidates.append((index + 1, combine(spread, sub, rules), 0))
        here = None  # this row's best reading; of two naming as many fields, the grouped one
        for last, headers, grouped in candidates:
            mapping = map_columns(headers, rules)
            if names_enough(mapping, rules.reader) and (here is None or (strength(mapping), grouped) > here[0]):
                here = ((strength(mapping), grouped), last, headers)
        # across rows, only more fields win: the first header of a sheet stays the header
        if here is not None and (best is None or here[0][0] > best[0][0]):
            best = here
    if best is None or best[0][0] < 2:
        return None
    return best[1], best[2]


# Fields read when present that say nothing about which row is the header: a 备注 column names no
# decision (a second table headed 备注 | 相对人 | … must not outrank the first header).
_PASSIVE = frozenset({"remarks", "decision_state"})


def strength(mapping: ColumnMap) -> int:
    """How many fields a header reading names, the passive ones aside."""
    return sum(1 for name in mapping.columns if name not in _PASSIVE)


def names_enough(mapping: ColumnMap, reader: str) -> bool:
    return all(any(name in mapping.columns for name in group) for group in HEADER_NEEDS[reader])


def _looks_like_subheaders(row: list) -> bool:
    """Several short labels and no dates; a note under the header is one long line."""
    filled = [c for c in row if not is_blank(c)]
    return len(filled) >= 2 and all(isinstance(c, str) and len(c.strip()) <= 20 and not NON_RECORD.match(c)
                                    for c in filled) and not any(_looks_like_date(c) for c in row)


def _with_spans(rows: list[list], index: int, merged) -> list[str]:
    """A header row's texts with horizontally merged group labels repeated across their span."""
    texts = [display_text(c) for c in rows[index]]
    for (r0, c0), (r1, c1) in merged:
        if r0 <= index <= r1 and c1 > c0 and r0 < len(rows):
            label = display_text(rows[r0][c0]) if c0 < len(rows[r0]) else ""
            texts.extend([""] * (c1 + 1 - len(texts)))
            for c in range(c0, c1 + 1):
                texts[c] = texts[c] or label
    return texts


# A group label's own ending that its children replace: 行政处罚决定书 over 日期 is the 行政处罚决定日期,
# 公示情况 over 日期 the 公示日期.
_GROUP_ENDING = re.compile(r"(?:文书|书|情况|信息|事项)$")


def combine(top: list[str], sub: list[str], rules: FieldRules) -> list[str]:
    """Each column's name from its group label and its own: the reading that names a field most
    specifically (时间 over 作出决定 -> 作出决定时间; 行政处罚决定书 over 文号 -> 行政处罚决定书文号)."""
    out = []
    for c in range(max(len(top), len(sub))):
        upper = top[c] if c < len(top) else ""
        lower = sub[c] if c < len(sub) else ""
        if not lower or lower == upper:
            out.append(upper)
        elif not upper:
            out.append(lower)
        else:
            readings = (lower, upper + lower, lower + upper, _GROUP_ENDING.sub("", upper) + lower)
            scored = [(max(rules.score(text).values(), default=0), -k, text) for k, text in enumerate(readings)]
            best = max(scored)
            out.append(best[2] if best[0] else upper + lower)  # 上网公开 + 日期 -> 上网公开日期
    return out


def _grouped(top: list[str], spread: list[str], sub: list[str]) -> bool:
    """Whether a top row groups the row below: a label merged (or repeated) over several columns with
    different sub-labels. A one-row header over a first record of text has neither, even when the
    record fills a column the header left blank."""
    width = max(len(top), len(spread), len(sub))
    top, spread, sub = ([*x, *[""] * (width - len(x))] for x in (top, spread, sub))
    if any(not top[c] and spread[c] and sub[c] for c in range(width)):
        return True
    return any(spread[c] and spread[c] == spread[c + 1] and sub[c] != sub[c + 1] for c in range(width - 1))


def grouped_pair(top: list[str], sub: list[str]) -> bool:
    """A header row inside the body and the row below it as group labels over sub-headers."""
    return _looks_like_subheaders(sub) and _grouped(top, spread_groups(top, sub), sub) and sum(1 for t in top if t) >= 2


def spread_groups(top: list[str], sub: list[str]) -> list[str]:
    """A group label spread right over the blank top cells above its children (no merge information
    inside a sheet's body: a blank top cell right of a label, above a sub-header, is under that label)."""
    out = list(top) + [""] * max(0, len(sub) - len(top))
    for c in range(1, len(out)):
        if not out[c] and c < len(sub) and sub[c] and c - 1 < len(sub) and sub[c - 1]:
            out[c] = out[c - 1]
    return out


def is_metadata_row(row: list) -> bool:
    """A 标签：值 line (填报单位：区安监局 … 填报日期：…), label and value in one cell or in two."""
    texts = [display_text(c) for c in row if not is_blank(c)]
    if any(META_CELL.match(t) for t in texts):
        return True
    # Labels without a colon: 填报单位 | 区安监局 | 填报日期 | 2016-11-03 (half the cells are labels).
    labels = sum(1 for t in texts if META_LABEL_ONLY.match(t))
    return labels > 0 and 2 * labels >= len(texts)


# 单位：件 / 单位：万元 above a table of counts or amounts: what its figures are counted in, not who sent it.
_MEASURES = r"(?:件|个|条|项|宗|起|户|家|人|人次|次|份|张|本|批|笔|元|千元|万元|亿元)"
_MEASURE = re.compile(rf"^{_MEASURES}(?:\s*[、，,/／;；及和]\s*{_MEASURES})*$")


def _unit_after_label(text: str) -> str | None:
    """'填报单位：西塞山区 安全生产监督管理局  填报日期：…' -> '西塞山区安全生产监督管理局'."""
    match = UNIT_LABEL.search(text)
    if match is None:
        return None
    rest = text[match.end():]
    cut = _NEXT_LABEL.search(rest)
    rest = rest[:cut.start()] if cut else rest
    dated = _DATE_AFTER.search(rest)  # 单位：区安监局      2024年12月5日: the date the sheet was made
    value = _clean_unit(rest[:dated.start()] if dated else rest)
    return value or None


_DATE_AFTER = re.compile(r"\s*(?:19|20)\d{2}\s*(?:年|[./-]\s*\d{1,2}\s*[./-])")


# 西塞山区司法局（盖章）: the stamp note is not part of the name
_STAMP_NOTE = re.compile(r"[（(]\s*(?:盖\s*章|公\s*章|签\s*章|印\s*章|签\s*字|章)\s*[)）]")


def _clean_unit(text: str) -> str:
    return re.sub(r"\s+", "", _STAMP_NOTE.sub("", text)).strip("，,；;：:")


def sheet_unit(rows: list[list], header_index: int) -> str | None:
    """The 填报单位 named above the header; None when it is left blank (a stamp line)."""
    for row in rows[:header_index]:
        texts = [display_text(c) for c in row]
        for position, text in enumerate(texts):
            if not text or not UNIT_LABEL.search(text):
                continue
            value = _unit_after_label(text)
            if value and _MEASURE.match(value):
                continue  # 单位：件: the table's measure; a 填报单位 line may still follow
            if value:
                return value
            if META_LABEL_ONLY.match(text):  # the label alone: the name is in the next cell
                following = next((t for t in texts[position + 1:] if t), "")
                if following and len(following) <= 40 and not META_CELL.match(following) \
                        and not META_LABEL_ONLY.match(following):
                    return _clean_unit(following) or None
            return None  # 填报单位（盖章）：   with no name: a stamp, not a unit
    return None


def footer_unit(rows: list[list], header_index: int, last: int = 15) -> str | None:
    """The 填报单位 named in the sign-off lines below the table (填报单位（盖章）：区安监局), where none is
    above it: the last few rows of a handful of cells each, never a record's cells."""
    start = max(header_index + 1, len(rows) - last)  # only the last rows: never a pass over every record
    filled = {i: sum(1 for c in rows[i] if not is_blank(c)) for i in range(start, len(rows))}
    # after the sheet's last row of a table (a record or a header): a 填报单位 line over another table
    # pasted below is that table's, not the sheet's sign-off
    table_end = max((i for i, n in filled.items() if n > 3), default=start - 1)
    tail = [rows[i] for i, n in filled.items() if i > table_end and n <= 3]
    return sheet_unit(tail, len(tail))


def title_category(rows: list[list], header_index: int) -> str | None:
    """The category a title row above the header names (2016年10月行政许可公示台账 in a Sheet1): the
    nearest one-cell line that is not 单位：/日期： metadata."""
    for row in reversed(rows[:header_index]):
        texts = [display_text(c) for c in row if not is_blank(c)]
        if len(texts) == 1 and not is_metadata_row(row):
            found = kind_from_text(texts[0])
            if found:
                return found
    return None


# A 标签：值 line of another label (数据来源：区政务服务中心, 主送：区政府办, 报送：区政府办, 说明：…): it names
# whom the data came from or went to, not who decided. 附件2：区司法局台账 is a title.
_OTHER_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{1,6})\s*[:：]")
_ATTACHMENT = re.compile(r"^(?:附件|附表|表)[\d一二三四五六七八九十]*$")


def title_unit(rows: list[list], header_index: int) -> str | None:
    """The unit a title row above the header names (区教育局2016年10月“双公示”信息报送表 -> 区教育局)."""
    for row in reversed(rows[:header_index]):
        texts = [display_text(c) for c in row if not is_blank(c)]
        if len(texts) == 1 and not is_metadata_row(row):
            label = _OTHER_LABEL.match(texts[0])
            if label and not _ATTACHMENT.match(label.group(1)) and unit_in_text(label.group(1)) != label.group(1):
                continue  # (区人社局：2016年行政处罚台账 is its title)
            found = unit_in_text(re.sub(r"\s+", "", texts[0]))
            if found:
                return found
    return None


def section_above(rows: list[list], header_index: int) -> str | None:
    """The category a section row just above the header sets (一、行政许可)."""
    for row in reversed(rows[max(0, header_index - 3):header_index]):
        texts = [display_text(c) for c in row if not is_blank(c)]
        if len(texts) == 1 and SECTION.match(re.sub(r"\s+", "", texts[0])):
            return kind_from_text(texts[0])
    return None
