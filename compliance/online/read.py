"""Read online lists (网站公开清单) into one frame of entries with provenance.

Any file the ledger loader reads (xlsx, xls, csv, HTML-as-xls) is accepted, and
its header is found and mapped as a ledger's is (ingest/header.py, with the
field table of compliance/fields.py and the config's [columns] synonyms).
Each entry keeps its file, sheet and row; the date used is the first
publication (公示/发布/上线/公开日期) when the list has one, else an update
time (更新时间/入库时间, a weak stand-in in the table), which is weaker proof
and said so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

from ..date1904 import shift_1904
from ..dates import DATE_DTYPE, parse_date, parse_dates
from ..errors import FileFault, OnlineListError
from ..fields import ONLINE, WEAK_SCORE, FieldRules, categories, category_from_text
from ..ingest.body import csv_body, rows_body
from ..ingest.cells import cell_text
from ..ingest.columns import ColumnMap, header_category, map_columns, one_cell_per_row
from ..ingest.date_words import is_period_header, range_start
from ..ingest.digest import file_sha256
from ..ingest.docnumbers import normalise_document_numbers
from ..ingest.header import FOOTER, find_header, sheet_unit, title_unit
from ..ingest.unit_text import unit_in_text
from ..ingest.readers import read_file
from ..problems import problem
from ..textscan import first_group
from ..quality.codes import exposed_ids, mask_ids_in_text, valid_codes
from ..quality.text_ids import column_ids, ids_said_only
from ..quality.columns import quality_columns
from .columns import (not_decisions, numbers_from_titles, parties_from_titles, party_keys,
                      units_from_titles)

ENTRY_COLUMNS = ["list_file", "sheet", "row", "number", "number_key", "title", "party", "party_key", "party_code",
                 "decision_date", "online_date", "unit", "category", "update_only", "date_column", "seen_until",
                 "id_exposed", "list_date", "acted_on", "licence_key"]


@dataclass
class OnlineList:
    """What 说明 says about one list: file, SHA-256, rows, date column and span."""

    path: str
    sha256: str | None
    rows: int = 0  # rows of the list read as entries
    entries: int = 0  # entries: one per decision number (a batch title's row gives several)
    date_columns: list[str] = field(default_factory=list)  # header text of the date used, per sheet
    update_only: bool = False  # no first-publication column: an update time was used
    first: dt.date | None = None
    last: dt.date | None = None
    # what it can speak for (verify.coverage): none listed means every category / every ledger unit
    categories: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    last_seen: dt.date | None = None  # its latest date, update times included: it was exported no earlier
    exported: dt.date | None = None  # the day its lines above the header say it was exported (导出时间：)
    decided_within: tuple | None = None  # (first, last, kind) of the period they say it holds (统计期间：…至…)
    skipped: int = 0  # non-blank rows under the header that are no entry (export footers, notes)
    partial: str | None = None  # what the list says of being one page of several (第1页 共3页, 共25条 of 10 read)
    notes: list = field(default_factory=list)  # Problems of the list's own cells (an unreadable date)


def read_online_lists(paths, max_uncompressed: int | None = None,
                      rules: FieldRules | None = None, own=None) -> tuple[pd.DataFrame, list[OnlineList]]:
    """Every list's entries in one frame, and what 说明 says about each list."""
    rules = (rules or FieldRules()).for_reader(ONLINE)
    frames, lists = [], []
    for path in paths:
        entries, described = read_online_list(Path(path), rules, max_uncompressed, own)
        frames.append(entries)
        lists.append(described)
    if not frames:
        return empty_entries(), lists
    return pd.concat(frames, ignore_index=True), lists


# A line above the header saying when the list was taken: 导出时间：2024-12-01, 数据截止日期：2024年11月30日.
_EXPORTED = re.compile(r"(?:导出|下载|生成|查询|数据截[止至]|统计截[止至]|截[止至]|更新至|数据更新)(?:时间|日期)?\s*[:：]?\s*"
                       r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")


_DAY = r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
# 统计期间：2024年5月1日至2024年5月31日（处罚决定日期）: the decisions it holds; …（公示日期）: the publications;
# 查询条件：…至… without saying which: either (the list can speak only where both allow).
_PERIOD = re.compile(r"(?:统计|查询|导出|数据)?(?:期间|时段|范围|区间|条件)\s*[:：]\s*" + _DAY + r"\s*(?:至|到|—|-|~|～)\s*" + _DAY)


def stated_period(rows: list[list]) -> tuple | None:
    """(first, last, kind) of the period the rows above a list's header say it was exported for, if any:
    kind "decision" (…（处罚决定日期）), "published" (…（公示日期）) or "either" (not said: both apply)."""
    for cell in (c for row in rows for c in row if isinstance(c, str)):
        found = _PERIOD.search(cell)
        if found:
            first, last = parse_date(found.group(1)).date, parse_date(found.group(2)).date
            if first and last and first <= last:
                published, decided = re.search(r"公示|公开|发布|上网|更新|入库", cell), re.search(r"决定|作出", cell)
                return first, last, ("either" if bool(published) == bool(decided) else "published" if published else "decision")
    return None


def stated_export(rows: list[list]) -> dt.date | None:
    """The latest export day the rows above a list's header state, if any."""
    days = [parse_date(m.group(1)).date for row in rows for cell in row if isinstance(cell, str)
            for m in _EXPORTED.finditer(cell)]
    return max(filter(None, days), default=None)


def read_online_list(path: Path, rules: FieldRules, max_uncompressed: int | None = None,
                     own=None) -> tuple[pd.DataFrame, OnlineList]:
    if not path.is_file():
        raise OnlineListError(path, "找不到这个文件")
    described = OnlineList(str(path), file_sha256(path))
    try:
        sheets = read_file(path, max_uncompressed) if max_uncompressed else read_file(path)
    except FileFault as fault:
        raise OnlineListError(path, fault.message.split("：", 1)[-1]) from fault
    if own is not None and own.is_report(sheet.name for sheet in sheets):  # its 全部记录 confirmed itself
        raise OnlineListError(path, "这是本工具生成的检查报告，不是网站清单；请给出从网站导出的清单")
    frames, previous = [], None
    for sheet in sheets:
        found = find_header(sheet.rows, rules, sheet.merged)
        if found is None:
            if previous is not None and sheet.data is None and _continues(sheet.rows, previous):
                # an export paged over sheets, the header on the first only: read by that header, and said
                frames.append(_sheet_entries(sheet, path, -1, previous, described))
                described.notes.append(problem("online-list-sheet-continued", file=str(path), sheet=sheet.name))
            continue
        header_index, headers = found
        described.exported = max(filter(None, [described.exported, stated_export(sheet.rows[:header_index])]), default=None)
        described.decided_within = described.decided_within or stated_period(sheet.rows[:header_index])
        mapping = previous = map_columns(headers, rules, compared=("decision_date", "published_date"))
        frames.append(_sheet_entries(sheet, path, header_index, mapping, described))
    if not frames:
        raise OnlineListError(path, "找不到网站清单的表头（应含 文书号/标题/行政相对人名称，以及 公示日期/发布日期 等列）")
    entries = pd.concat(frames, ignore_index=True)
    if not len(entries):  # every record would be 无法核对 without a word why
        raise OnlineListError(path, "表头下面没有任何信息（清单是空的），无法核对；请重新导出网站清单")
    described.rows = len(entries.drop_duplicates(["sheet", "row"]))  # a batch title is one row of several entries
    described.partial = _one_page_of_several(sheets, described.rows)
    if described.partial:
        described.notes.append(problem("online-list-partial", file=str(path), said=described.partial))
    described.entries = len(entries)
    dated = span_dates(entries)  # entries with no usable date are never used for the span
    if len(dated):
        described.first, described.last = dated.min().date(), dated.max().date()
    return entries, described


# An export's own count of what it holds: 第1页 共3页, 第1/3页, 共25条记录.
_PAGES = re.compile(r"第\s*(\d+)\s*(?:页\s*[，,/]?\s*共\s*(\d+)\s*页|/\s*(\d+)\s*页)")
_TOTAL = re.compile(r"共\s*(\d+)\s*条")


def _one_page_of_several(sheets, rows: int) -> str | None:
    """The words by which a list says it is one page of several, or holds more entries than were read."""
    seen, said = set(), None  # every page of the export, each on a sheet of its own (第1页 共2页, 第2页 共2页): whole
    for sheet in sheets:  # said above the header or in the footer: a few rows at each end, not every cell
        ends = sheet.rows[:10] + sheet.rows[max(10, len(sheet.rows) - 20):]
        for cell in (c for row in ends for c in row if isinstance(c, str) and ("页" in c or "条" in c)):
            pages = _PAGES.search(cell)
            if pages and int(pages.group(2) or pages.group(3) or 1) > 1:
                seen.add((int(pages.group(1)), int(pages.group(2) or pages.group(3))))
                said = said or pages.group(0)
            total = _TOTAL.search(cell)
            if total and int(total.group(1)) > rows:
                return f"{total.group(0)}，读到 {rows} 条"
    if said and not any({(page, total) for page in range(1, total + 1)} <= seen for _, total in seen):
        return said
    return None


def _continues(rows: list[list], mapping: ColumnMap) -> bool:
    """A sheet with no header whose rows are as wide as the sheet before's table, most with a date where that
    table has its publication date: that table, continued (a notes sheet is none)."""
    width, at = len(mapping.headers), mapping.columns.get("published_date")
    filled = [sum(1 for c in row if c not in (None, "")) for row in rows]
    wide = [row for row, n in zip(rows, filled) if n >= 3]
    if not wide or at is None or max(len(row) for row in rows) > width + 1 or len(wide) < 0.5 * sum(1 for n in filled if n):
        return False
    dated = sum(1 for row in wide if at < len(row) and parse_date(row[at]).date is not None)
    return dated >= 0.5 * len(wide)


def span_dates(entries: pd.DataFrame) -> pd.Series:
    """The entries' publication dates that can mark where a list starts: not a date before the entry's
    own decision date (a typo, 2023 for 2024, that would stretch the list a year back and make every
    older record 网站未见), nor before the year its 文书号 carries (a list with no decision dates: a catalogue,
    probe p89), and not a missing one; nor an item that is no decision (not_decisions)."""
    dates = entries["online_date"]
    year = pd.Series(first_group(_BRACKETED_YEAR, entries["number_key"].astype(object).fillna("").tolist()),
                     index=entries.index, dtype=object).astype(float)
    numbered = pd.to_datetime(year.dropna().astype(int).astype(str) + "-01-01").reindex(entries.index)
    early = (dates < entries["decision_date"]) | (dates < numbered)  # NaT compares false
    return dates[dates.notna() & ~early & ~not_decisions(entries)]


# The year in a number's brackets (西市监罚〔2026〕173号), as number_year reads a ledger's
_BRACKETED_YEAR = re.compile(r"[〔\[(（]((?:19|20)\d{2})[〕\])）]")
def _column(frame: pd.DataFrame, columns: dict[str, int], name: str) -> pd.Series:
    index = columns.get(name)
    if index is None or index not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return cell_text(frame[index])


def _sheet_entries(sheet, path: Path, header_index: int, mapping: ColumnMap,
                   described: OnlineList) -> pd.DataFrame:
    columns, width = mapping.columns, len(mapping.headers)
    stand_in = _stand_in_column(mapping, columns)
    if stand_in is None and mapping.is_weak("published_date"):
        stand_in = columns["published_date"]
    # Columns of ID numbers (证件号码 …): read only to see whether the list shows one in full.
    found_quality = quality_columns(mapping.headers)
    id_columns = [i for name, found in found_quality.items()
                  if name in ("party_code", "id_number", "legal_id") for i in found[:1]]
    list_date_column = found_quality.get("list_date", [])[:1]
    if sheet.data is not None:  # every column: any may show an ID number (违法事实, 备注: probe p93 M1)
        frame, evidence = csv_body(sheet, header_index, width, None, str(path))
    else:
        frame, evidence = rows_body(sheet.rows[header_index + 1:], width)
    nonblank = evidence.count > 0
    rows = np.arange(len(frame), dtype=np.int64) + header_index + 2  # as Excel numbers them
    frame, rows = frame[nonblank], rows[nonblank]
    date_column = mapping.header_of("published_date").strip()
    update_only = mapping.is_weak("published_date")  # an update time, not a first publication
    described.date_columns.append(date_column)
    described.update_only = described.update_only or update_only
    title = _column(frame, columns, "title").reset_index(drop=True)
    number = _column(frame, columns, "document_number").reset_index(drop=True)
    kind_of_number = None
    if mapping.number_kinds:  # 行政许可决定文书号 and 行政处罚决定书文号 side by side: each row fills one, its kind
        number, kind_of_number = one_cell_per_row(frame, mapping.number_kinds)
    number_key = normalise_document_numbers(number)
    # Where the number column is blank, the numbers in the title: the first here, any more (a batch
    # notice) as entries of their own below. So too a number cell that holds several (…31号、…32号).
    from_title = numbers_from_titles(title)
    from_title = from_title[number_key.eq("").to_numpy(bool)[from_title["entry"].to_numpy()]]
    in_cell = numbers_from_titles(number)
    # …62号（更正）, 【更正】…63号, …65号（撤销） in the number column itself: a later act's entry, as in a title
    corrected = in_cell[in_cell["later"].to_numpy(bool)]
    in_cell = in_cell[~in_cell["later"].to_numpy(bool)]
    in_cell = in_cell[in_cell["entry"].duplicated(keep=False).to_numpy(bool)]  # one number: the cell as it is
    from_title = pd.concat([from_title, in_cell], ignore_index=True) if len(in_cell) else from_title
    # 关于撤销…15号…的决定: not 15号's publication, but the sign that it existed (verify.py)
    acted = pd.concat([from_title[from_title["later"].to_numpy(bool)], corrected]).drop_duplicates("entry")
    acted_on = np.full(len(title), "", dtype=object)
    acted_on[acted["entry"].to_numpy()] = acted["number"].to_numpy(object)
    from_title = from_title[~from_title["later"].to_numpy(bool)]
    firsts = from_title.drop_duplicates("entry")
    number_key = number_key.copy()
    number_key.iloc[firsts["entry"].to_numpy()] = firsts["number"].to_numpy(object)
    number_key.iloc[corrected["entry"].to_numpy()] = ""  # no publication of the decision it corrects
    party = _column(frame, columns, "party").reset_index(drop=True)
    party = party.where(party.ne(""), parties_from_titles(title))
    unit = _column(frame, columns, "unit").reset_index(drop=True)
    if mapping.is_weak("unit"):  # 数据来源单位 may be the platform that collected the data, which decided nothing
        unit = unit.mask(unit.str.contains(_COLLECTOR, na=False), "")
    unit = unit.where(unit.ne(""), units_from_titles(title))
    if len(unit) and not unit.ne("").any():
        # One unit's own export (区市场监管局_信用网站导出.xlsx, filtered by 部门, no 机关 column): it speaks for
        # that unit only, not for every unit checked (a false 网站未见 for the others); a government's
        # (区政府_…) or a site's name (信用西塞山_…) names no single unit.
        named = unit_in_text(path.stem)
        if not named and header_index > 0:  # 填报单位：区环保局, or a title 区环保局2024年…台账, above the header
            above = sheet.rows[:header_index]
            named = sheet_unit(above, header_index) or title_unit(above, header_index)
        if named and not named.endswith("政府") and not re.search(_SITE, named):
            unit = pd.Series(named, index=unit.index, dtype=object)
    dates = partial(_dates, date1904=getattr(sheet, "date1904", False))
    decided = dates(_raw(frame, columns, "decision_date"))
    shown, ranged = range_start(_raw(frame, columns, "published_date"))  # 公示日期 2023-03-10至2026-03-09: from 03-10
    online = dates(shown)
    if "published_date" in columns and is_period_header(mapping.headers[columns["published_date"]]):
        online[~ranged] = np.datetime64("NaT")  # one day under 公示期限 may be its end: never the publication
    second = mapping.alternates.get("published_date")
    if second is not None:  # 公示日期 and 发布日期: online from the earlier (before the decision: a typo, not it)
        other = dates(range_start(_raw(frame, {"x": second}, "x"))[0])
        other[other < decided] = np.datetime64("NaT")
        usable = np.where(online < decided, np.datetime64("NaT"), online)  # a typo in the first column either
        online = np.where(~np.isnat(other) & (np.isnat(usable) | (other < usable)), other, online)
        if (~np.isnat(other)).any() and mapping.headers[second].strip() not in described.date_columns:
            described.date_columns.append(mapping.headers[second].strip())
    # A row whose 公示日期 is blank but whose 更新时间/入库时间 is filled was online by then at the
    # latest: that time stands in for this row, said as an upper bound (docs/rules.md §9).
    per_row_update = np.full(len(frame), update_only, dtype=bool)
    per_row_column = np.full(len(frame), date_column, dtype=object)
    seen = online
    if stand_in is not None:
        later = dates(_raw(frame, {"x": stand_in}, "x"))
        # the list was exported no earlier than its latest date, update times included
        seen = np.where(np.isnat(later) | (~np.isnat(online) & (online > later)), online, later)
        use = np.isnat(online) & ~np.isnat(later) & (stand_in != columns["published_date"])
        online = np.where(use, later, online)
        per_row_update |= use
        per_row_column[use] = mapping.headers[stand_in].strip()
        if use.any() and per_row_column[use][0] not in described.date_columns:
            described.date_columns.append(per_row_column[use][0])
    keep = (number_key.ne("") | party.ne("") | title.ne("")).to_numpy(bool) | ~np.isnat(online)
    labelled = ("document_number", "title", "decision_date", "published_date")
    header = mapping.header_again({name: _column(frame, columns, name).str.strip() for name in labelled
                                   if name in columns}, len(frame))  # pages pasted one under another
    keep &= ~_footer(evidence.count[nonblank], evidence.first[nonblank]) & ~header
    # a pasted page's own title line (信用西塞山 行政处罚公示信息) in the number or party column: one cell, no
    # figure, no date, no title column of its own, so neither a number nor a party to find
    keep &= ~((evidence.count[nonblank] == 1) & np.isnat(online) & title.eq("").to_numpy(bool)
              & ~(number.str.contains(r"\d") | party.str.contains(r"\d")).to_numpy(bool))
    described.skipped += int((~keep).sum())
    _say_unreadable(described, path, sheet.name, date_column, rows, cell_text(shown).to_numpy(object), online, keep)
    ids = [cell_text(frame[i]).reset_index(drop=True) for i in id_columns if i in frame.columns]
    code_column = found_quality.get("party_code", [])[:1]
    party_code = valid_codes(cell_text(frame[code_column[0]]).reset_index(drop=True).to_numpy(object)) \
        if code_column and code_column[0] in frame.columns else np.full(len(frame), "", dtype=object)
    exposed = exposed_ids(party, *ids, numbers=(number, title))  # a title may repeat a 15-digit 文书号 (rev63)  # 西环罚〔2026〕9号 420281196806207065 too (probe p83 H2)
    read = set(id_columns) | {columns.get(name) for name in ("party", "document_number", "title")}
    for other in (c for c in frame.columns if c not in read and (exposed == "").any()):  # 违法事实, 备注 … (p93 M1)
        said_only = ids_said_only(mapping.headers[other] if isinstance(other, int) and other < width else "")
        exposed = np.where(exposed == "", column_ids(frame[other].reset_index(drop=True), said_only=said_only), exposed)
    list_date = dates(frame[list_date_column[0]].reset_index(drop=True) if list_date_column
                               and list_date_column[0] in frame.columns else pd.Series([""] * len(frame), dtype=object))
    party, title = mask_ids_in_text(party), mask_ids_in_text(title)  # no output shows a full ID number
    shown_number = mask_ids_in_text(number.where(number.ne(""), number_key))  # (the key stays whole: it matches)
    out = pd.DataFrame({
        "list_file": str(path), "sheet": sheet.name, "row": rows,
        "number": shown_number.to_numpy(object),
        "number_key": number_key.to_numpy(object), "title": title.to_numpy(object),
        "party": party.to_numpy(object), "party_key": party_keys(party).to_numpy(object), "party_code": party_code,
        "decision_date": decided,
        "online_date": online,
        "unit": unit.to_numpy(object),
        "category": _categories(frame, mapping, title, sheet.name, path, kind_of_number),
        "update_only": per_row_update,
        "date_column": per_row_column,
        "seen_until": seen,
        "id_exposed": exposed,
        "list_date": list_date,
        "acted_on": acted_on,
        # the 许可编号 beside the 文书号 (the national permit export has both): a ledger keyed by it finds the entry
        "licence_key": normalise_document_numbers(_column(frame, mapping.stand_ins, "document_number")
                                                  .reset_index(drop=True)).to_numpy(object),
    })
    more = from_title[from_title.duplicated("entry")]
    if len(more):
        extra = out.iloc[more["entry"].to_numpy()].assign(number=more["number"].to_numpy(object),
                                                          number_key=more["number"].to_numpy(object), acted_on="")
        out, keep = pd.concat([out, extra], ignore_index=True), np.concatenate([keep, keep[more["entry"].to_numpy()]])
    return out[keep].reset_index(drop=True)


# A site's or a platform's name in a file name (区政府网站_…, …门户网站_目录) names no unit.
_SITE = r"网站|门户|网$|平台|信用|公示系统"
# Who collects 双公示 data for a region (数据来源单位 of a platform's export): no deciding unit.
# Whole names of the kind, never an office that decides (区政务服务和大数据管理局 issues permits).
_COLLECTOR = (r"(?:信用信息[^局委办]*中心|信用中心|信用办|信用信息(?:共享)?平台|信用平台|信用中国|大数据中心|数据中心|信息中心"
              r"|公示系统|信用体系建设[^局委]*办公室|信用[^局委]*网)(?:[（(][^）)]*[）)])?$")  # …平台（湖北）


# What an export writes under its table, besides the ledger footers (header.FOOTER: 注：, 合计, 共 N 条).
_EXPORT_FOOTER = re.compile(r"^(?:导出人|导出时间|导出日期|导出单位|数据来源|来源[:：]|查询条件|共\d+条|第\d+(?:页|/\d+页)"
                            r"|共\d+页|当前第\d+页|每页\d+条|上一页|下一页|首页|尾页)")


def _footer(count: np.ndarray, first: np.ndarray) -> np.ndarray:
    """Rows that are an export's footer (共 2 条记录, 导出人：张三, 数据来源：…; 制表人：李四 | 审核人：王五;
    导出时间： | 2023-10-01): at most three cells, the first saying so. Only those few rows are looked at."""
    footer = np.zeros(len(count), dtype=bool)
    rows = np.flatnonzero((count >= 1) & (count <= 3))
    if len(rows):
        texts = cell_text(pd.Series(first[rows], dtype=object)).to_numpy(object)
        footer[rows] = [FOOTER.match(t) is not None or _EXPORT_FOOTER.match("".join(t.split())) is not None
                        for t in texts]
    return footer


def _say_unreadable(described: OnlineList, path: Path, sheet: str, header: str, rows, texts, days, keep) -> None:
    """A date cell that holds something but no date (2023-02-30, #VALUE!): said on the list, so that an
    entry's missing date is not taken for a blank cell."""
    bad = keep & np.isnat(days) & (texts != "")
    if bad.any():
        shown = "、".join(f"第 {r} 行“{t}”" for r, t in list(zip(rows[bad].tolist(), texts[bad].tolist()))[:5])
        more = f" 等 {int(bad.sum())} 处" if bad.sum() > 5 else ""
        described.notes.append(problem("online-list-date-unreadable", file=path.name, sheet=sheet, header=header,
                                       cells=shown + more))


def _stand_in_column(mapping: ColumnMap, columns: dict[str, int]) -> int | None:
    """A weak publication-date column (更新时间, 入库时间) beside the one the list is read by."""
    if "published_date" not in columns or mapping.is_weak("published_date"):
        return None
    rules = FieldRules(ONLINE)
    for index, header in enumerate(mapping.headers):
        if index != columns["published_date"] and rules.score(header).get("published_date") == WEAK_SCORE:
            return index
    return None


def _dates(cells: pd.Series, date1904: bool) -> np.ndarray:
    """A date column's days; a 1904 workbook's bare serial numbers counted from 1904 (as a ledger's are)."""
    return parse_dates(shift_1904(cells) if date1904 else cells)[0]


def _raw(frame: pd.DataFrame, columns: dict[str, int], name: str) -> pd.Series:
    index = columns.get(name)
    if index is None or index not in frame.columns:
        return pd.Series([""] * len(frame), dtype=object)
    return frame[index].reset_index(drop=True)


def _categories(frame, mapping: ColumnMap, title: pd.Series, sheet_name: str, path: Path,
                kind_of_number: np.ndarray | None = None) -> np.ndarray:
    """permit/penalty as a ledger's is guessed: the list's category column, else each title; then the
    number column a row filled (of a permit's and a penalty's), the headers, the sheet or file name."""
    own = _column(frame, mapping.columns, "category") if "category" in mapping.columns else title
    found = categories(own.reset_index(drop=True))
    if kind_of_number is not None:
        found = np.where(pd.isna(found), kind_of_number, found)
    fallback = header_category(mapping) or category_from_text(sheet_name) or category_from_text(path.stem)
    found[pd.isna(found)] = fallback
    return found


def empty_entries() -> pd.DataFrame:
    frame = pd.DataFrame({name: pd.Series(dtype=object) for name in ENTRY_COLUMNS})
    frame["row"] = frame["row"].astype(np.int64)
    frame["update_only"] = frame["update_only"].astype(bool)
    for name in ("decision_date", "online_date", "seen_until"):
        frame[name] = pd.Series(dtype=DATE_DTYPE)
    return frame
