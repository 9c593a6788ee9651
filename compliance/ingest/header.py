"""Header detection: which row (or pair of rows) names the columns, and the 填报单位 line above it.

A header is one row, or two: group labels over sub-headers (行政处罚决定 over
文书号/日期). Rows above it may carry sheet metadata such as 填报单位：区安监局.
"""

from __future__ import annotations

import datetime as dt
import re

from .cells import display_text, is_blank
from .columns import ColumnRules, map_columns
from .readers import RawSheet

HEADER_SCAN_ROWS = 20
# A non-record line below or inside the data: notes, signatures, totals.
# Footers, totals and notes. Kept specific: 注销〔2016〕1号 is a real permit number.
FOOTER = re.compile(r"^\s*(注\s*[:：\d（(、.]|注意|备注[:：]|说明[:：]|附注|制表人|制表[:：]|制表日期|审核人|审核[:：]|"
                    r"审批人[:：]|填表人|填表[:：]|填表说明|填报人|填报日期|报送日期|负责人|单位负责人|分管领导|联系人|"
                    r"联系电话|电话[:：]|合计|总计|小计|签字|盖章|以下空白|以下无|本表|数据截至|统计时间)")
# Lines some templates put under the header: 必填 / 字符型(128) / 日期型.
ANNOTATION = re.compile(r"^\s*(必填|选填|非必填|可选|可不填|字符型|日期型|数值型|数字型|文本型|字符串|格式[:：]|示例|例[:：])")
NON_RECORD = re.compile(f"(?:{FOOTER.pattern})|(?:{ANNOTATION.pattern})")
UNIT_LINE = re.compile(r"(?:填报单位|报送单位|填表单位|单位名称)\s*(?:[（(][^）)]{0,8}[）)])?\s*[:：]\s*([^\s:：,，;；（(]+)")


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


def find_header(rows: list[list], rules: ColumnRules, merged=()) -> tuple[int, list[str]] | None:
    """(index of the last header row, header texts), or None.

    A header is one row, or two: group labels over sub-headers (行政处罚决定
    over 文书号/日期). Each candidate is scored by the distinct fields its
    columns name; it must name a decision date or a document number.
    """
    best: tuple[int, int, list[str]] | None = None  # (strength, last row index, headers)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        candidates = [(index, [display_text(c) for c in row])]
        if index + 1 < len(rows) and _looks_like_subheaders(rows[index + 1]) \
                and sum(1 for c in row if not is_blank(c)) >= 2:
            top = _with_spans(rows, index, merged)
            candidates.append((index + 1, _combine(top, [display_text(c) for c in rows[index + 1]], rules)))
        for last, headers in candidates:
            mapping = map_columns(headers, rules)
            if "decision_date" not in mapping.columns and "document_number" not in mapping.columns:
                continue
            strength = len(mapping.columns)
            if best is None or strength > best[0]:
                best = (strength, last, headers)
    if best is None or best[0] < 2:
        return None
    return best[1], best[2]


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


def _combine(top: list[str], sub: list[str], rules: ColumnRules) -> list[str]:
    out = []
    for c in range(max(len(top), len(sub))):
        upper = top[c] if c < len(top) else ""
        lower = sub[c] if c < len(sub) else ""
        if not lower or lower == upper:
            out.append(upper)
        elif not upper or rules.score(lower):
            out.append(lower)
        else:
            out.append(upper + lower)  # 上网公开 + 日期 -> 上网公开日期
    return out


UNIT_LABEL = re.compile(r"^\s*(?:填报单位|报送单位|填表单位|单位名称)\s*(?:[（(][^）)]{0,8}[）)])?\s*[:：]?\s*$")


def sheet_unit(rows: list[list], header_index: int) -> str | None:
    """The 填报单位 named above the header: 填报单位：区安监局, or the label and the name in two cells."""
    for row in rows[:header_index]:
        for position, cell in enumerate(row):
            if not isinstance(cell, str):
                continue
            match = UNIT_LINE.search(cell)
            if match:
                return match.group(1)
            if UNIT_LABEL.match(cell):
                following = next((display_text(c) for c in row[position + 1:] if not is_blank(c)), "")
                if following and len(following) <= 40:
                    return following
    return None
