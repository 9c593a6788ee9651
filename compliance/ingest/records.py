"""One raw sheet -> records with provenance, plus counted skipped rows.

Finds the header row among the first rows, maps its columns to fields, and
splits the rows below it into records and skipped non-record rows (blank
rows, notes, footers such as 制表人/审核人/注：, repeated headers). The
accounting rows-after-header = records + skipped is checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..claims import says_not_to_be_published
from ..dates import FORMULA_NO_VALUE, NO_DATE, parse_dates
from ..errors import ReconciliationError
from ..problems import Problem, problem
from .published_words import corrections, unpublished_words
from .two_rows import fold_two_row_records
from .publication_said import denied_with_date, remarks_notes, without_a_date_column, words_on_publication
from .body import (band_unit, constant_cells, csv_body, date_part_columns, fill_dates_across, fill_from_spans,
                   inner_headers, join_date_parts, mapped_column, merged_continuations, merged_header_spans,
                   merged_sequence_parties, rows_body)
from .date_columns import (dates_in_the_mark as _dates_in_the_mark, date_cells as _date_cells,
                           short_text as _short, two_date_columns as _two_date_columns,
                           two_decision_dates)
from .date_words import is_period_header, period_single_days, says_published, with_date_words
from .docnumbers import PLACEHOLDERS, numbers_said_above
from .cells import FrameText, cell_text, objects, per_distinct, row_list
from .date_notes import date_notes
from .comments import fill_from_comments
from ..fields import FieldRules, unit_name
from .columns import (decision_numbers, header_category, issuer_column, join_mask, joined_numbers, map_columns,
                      kinds_of_rows, pivot_table, statistics_table)
from .unit_column import disputed_unit, record_units, source_units
from .header import EXAMPLE, fill_merged, footer_unit, find_header, section_above, sheet_unit, title_category, title_unit
from .rawsheet import RawSheet
from .record_categories import record_categories
from .later_actions import business_actions, dated_by_grant, own_action_dates
from .rows import nothing_rows, row_kinds, signed_layout
from .sheet_context import SheetContext
from ..quality.ingest import quality_wanted, add_quality_columns
from .tables import range_label, side_by_side, split_columns
from .unit_spellings import same_unit
from .unit_text import unit_in_text
from .struck import hidden_rows_note, row_notes
from .voided import NOTE_FIELDS, not_decisions, read_columns, words_elsewhere

RECORD_FIELDS = ["source_file", "sheet", "row", "category", "unit", "document_number", "party",
                  "decision_text", "published_text", "decision_date", "published_date",
                  "decision_problem", "published_problem", "category_problem", "unit_problem", "notes",
                  "published_stand_in"]  # the header of an update-time column standing in for the publication date


@dataclass
class SheetResult:
    name: str
    records: pd.DataFrame | None
    rows_after_header: int = 0
    skipped: dict[str, int] = field(default_factory=lambda: {"blank": 0, "note": 0, "header": 0, "example": 0})
    header_row: int | None = None  # 1-based, as Excel shows it
    columns: dict[str, str] = field(default_factory=dict)  # field -> header text
    notes: list[Problem] = field(default_factory=list)  # what the reader did (hidden sheet, several tables…)
    problems: list[Problem] = field(default_factory=list)  # what makes records unjudgeable (a column missing)
    says_nothing: int = 0  # rows filled with 无 or / to say there is nothing to report (rows.nothing_rows)
    block_unit: str | None = None  # the unit its last unit row (二、区环保局) named: a 续表 sheet's rows go on under it

    @property
    def skipped_rows(self) -> int:
        return sum(self.skipped.values())

    @property
    def record_count(self) -> int:
        return 0 if self.records is None else len(self.records)


UNSAVED_FORMULAS = "sheet-formulas-unsaved"  # a sheet that holds decisions no reader can see: never a pass


# Sheets that explain how to fill the form in (the tool's own template has one).
INSTRUCTIONS = re.compile(r"(填表|填报|填写|使用|报送)?(说明|须知|指南)|指标解释|注意事项")


_DOCUMENT_KIND = re.compile(r"文书(?:名称|类型|种类)")  # 行政处罚决定书 / 行政处罚事先告知书 on each row


def read_sheet(sheet: RawSheet, source_file: str, rules: FieldRules,
               fallback_category: str | None, fallback_unit: str, fallback_named: bool = True,
               folder_unit: str | None = None, units: dict | None = None, block_unit: str | None = None) -> SheetResult:
    had_content = fill_merged(sheet)
    found = find_header(sheet.rows, rules, sheet.merged)
    if found is None:
        result = SheetResult(sheet.name, None)
        if not INSTRUCTIONS.fullmatch(sheet.name.strip()):  # a 填表说明 sheet has no table, and needs no word
            at = {"file": source_file, "sheet": sheet.name}
            hidden = [problem("sheet-hidden", **at)] if sheet.hidden else []
            result.notes.extend(hidden + [problem("sheet-no-header", **at)])
        return result
    header_index, headers = found
    pivot = pivot_table(headers)  # 行标签 | 最大值项:处罚决定日期: the ledger's rows again, or totals
    if pivot or statistics_table(headers, rules, sheet.rows[header_index + 1:]):  # 汇总 | 决定数 | 已公开数: counts, not decisions
        result = SheetResult(sheet.name, None)
        result.notes.append(problem("sheet-pivot" if pivot else "sheet-statistics", file=source_file, sheet=sheet.name))
        return result
    # The unit: a 填报单位 line; where the file name names none (台账.xlsx), a title row, then the sheet's
    # name (2016年8月各单位汇总.xlsx with a sheet per unit: 区安监局, 区环保局).
    above = sheet_unit(sheet.rows, header_index)
    line = above or footer_unit(sheet.rows, header_index)
    title = None if line and fallback_named else title_unit(sheet.rows, header_index)
    unit_line = line or (None if fallback_named else (title or unit_in_text(sheet.name)))
    by_folder = unit_line is None and not fallback_named and folder_unit is not None
    context = SheetContext(source_file, fallback_category, fallback_unit,
                           folder_unit if by_folder else unit_line, section_above(sheet.rows, header_index),
                           title_category(sheet.rows, header_index), fallback_named=fallback_named, by_folder=by_folder,
                           unit_above=above is not None, block_unit=block_unit,
                           disputed=disputed_unit(line, fallback_unit if fallback_named else title, units=units) if line
                           else disputed_unit(fallback_unit, title, title=True, units=units) if fallback_named else None)
    groups = side_by_side(headers, rules)
    if len(groups) > 1:
        return read_side_by_side(sheet, groups, rules, context)
    return _read_table(sheet, header_index, headers, rules, context, had_content)


def _read_table(sheet, header_index, headers, rules, context, had_content) -> SheetResult:
    result = SheetResult(sheet.name, None, header_row=header_index + 1)
    at = {"file": context.source_file, "sheet": sheet.name}
    if sheet.hidden:
        result.notes.append(problem("sheet-hidden", **at))
    date_parts = date_part_columns(headers)  # 处罚决定日期 over 年 | 月 | 日: one date
    if date_parts:
        headers = list(headers)
        for c, prefix in date_parts:
            headers[c:c + 3] = [prefix, "", ""]
    mapping = map_columns(headers, rules, hidden=sheet.hidden_columns)
    result.notes.extend(note.with_place(**at) for note in mapping.notes)
    if mapping.is_weak("published_date"):
        result.notes.append(problem("published-column-stand-in", **at, header=mapping.header_of("published_date")))
    result.columns = {name: mapping.header_of(name) for name in mapping.columns}
    inner = None
    if sheet.data is not None:
        frame, evidence = csv_body(sheet, header_index, len(headers),
                                   set(mapping.columns.values()) | set(mapping.alternates.values())
                                   | quality_wanted(headers, rules.quality) | {c + k for c, _ in date_parts for k in (1, 2)}
                                   | {issuer_column(mapping)} - {None} | set(mapping.stand_ins.values())
                                   | set(mapping.number_kinds.values()),
                                   context.source_file)
        inner = inner_headers(frame, mapping, rules)
        if inner:  # a second table's header may name columns the first does not have: read every column
            frame, evidence = csv_body(sheet, header_index, len(headers), None, context.source_file)
            inner = inner_headers(frame, mapping, rules)
        if inner:  # a wider second table: its rows are no overflow of the first header
            evidence.over = evidence.over_dated = None
    else:
        frame, evidence = rows_body(sheet.rows[header_index + 1:], len(headers))
        evidence.merged_number = merged_continuations(sheet.merged, header_index, mapping.columns.get("document_number"),
                                                      len(frame))
        parties = merged_sequence_parties(sheet.merged, header_index, headers, frame, mapping)  # one 序号, two parties
        if parties is not None:
            evidence.merged_number = parties if evidence.merged_number is None else parties | evidence.merged_number
        spans = merged_header_spans(sheet.merged, header_index, headers)
        number = mapping.columns.get("document_number")
        for named, covered in spans:  # 文书号 over C:D, 西安监罚〔2024〕 | 1号: one number
            for c in covered if named == number else ():
                mine, other = cell_text(frame[named]).reset_index(drop=True), cell_text(frame[c]).reset_index(drop=True)
                # joined where the halves make one number; else the first half, or the second where it is blank
                kept = mine.where(mine.ne("") & ~mine.isin(PLACEHOLDERS) | other.eq(""), other)
                frame[named] = joined_numbers(mine, other).where(join_mask(mine, other), kept).to_numpy(object)
        spans = [(named, covered) for named, covered in spans if named != number]
        dated = {mapping.columns[n] for n in ("decision_date", "published_date") if n in mapping.columns}
        moved = fill_from_spans(frame, spans, dated) if spans else None
        if moved is not None and moved.any():
            result.notes.append(problem("header-merged-span", **at, rows=row_list(
                (np.flatnonzero(moved) + header_index + 2).tolist()), headers="、".join(headers[c] for c, _ in spans)))
        commented = fill_from_comments(frame, sheet.comments, header_index, mapping.columns.get("published_date"))
        if commented:  # 批注 已公开 2026-10-28 on a blank publication cell: what the clerk said there
            result.notes.append(problem("published-from-comment", **at, rows=row_list(commented)))
        across = fill_dates_across(frame, sheet.merged, header_index, dated) if len(dated) > 1 else []
        if across:
            result.notes.append(problem("row-dates-merged-across", **at, rows=row_list([r + header_index + 2 for r in across])))
    if date_parts:
        join_date_parts(frame, date_parts)
    result.rows_after_header = len(frame)
    result.notes.extend(hidden_rows_note(sheet.hidden_rows, header_index, evidence.count, at))
    if not len(frame):
        return result
    missing = [(name, label) for name, label in (("decision_date", "决定日期"), ("published_date", "公开日期"))
               if name not in mapping.columns]
    if missing:
        seen = "、".join(re.sub(r"\s+", "", str(h)) for h in headers if h) or "（空）"  # a header's line breaks: none in a note
        if [name for name, _ in missing] == ["published_date"] and "published_marked" in mapping.columns:
            result.problems.append(problem("sheet-published-by-mark", **at, header=mapping.header_of("published_marked"),
                                           seen=seen))
        else:
            result.problems.append(problem("sheet-columns-missing", **at, labels="、".join(label for _, label in missing),
                                           seen=seen, fields="、".join(name for name, _ in missing)))
    for row, had in had_content.items():  # a blank row inside a merged unit column stays blank
        if row > header_index and not had:
            evidence.count[row - header_index - 1] = 0
    boundaries, parts, skipped, example_rows = _read_blocks(frame, evidence, mapping, rules, result, sheet, context,
                                                            inner, FrameText(frame))
    if boundaries:
        result.notes.append(problem("sheet-several-tables", **at, count=len(boundaries) + 1,
                                    rows="、".join(str(result.header_row + 1 + b) for b in boundaries)))
    result.records = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    result.skipped, result.block_unit = skipped, context.block_unit
    if not result.record_count:  # rows whose number and dates are formulas saved without results: unread, not none
        keys = [mapping.columns[n] for n in ("document_number", "decision_date", "published_date") if n in mapping.columns]
        unsaved = np.flatnonzero(np.any([frame[c].to_numpy(object) == FORMULA_NO_VALUE for c in keys], axis=0)) \
            if keys else []
        if len(unsaved):
            result.problems.append(problem(UNSAVED_FORMULAS, **at, count=len(unsaved),
                                           rows=row_list((unsaved + header_index + 2).tolist())))
    if context.fallback_named and context.unit_line and result.records["unit"].nunique() <= 1 \
            and not same_unit(unit_name(context.unit_line), unit_name(context.fallback_unit)):  # a roll-up's: no news
        result.notes.append(problem("unit-line-differs", **at, line=context.unit_line, named=context.fallback_unit,
                                    counted=result.records["unit"].iloc[0] if result.record_count else context.unit_line))
    if example_rows:
        result.notes.append(problem("rows-example", **at, rows=row_list(example_rows)))
    name = re.sub(r"\s+", "", sheet.name)
    # 填写示例, and a 填表说明 sheet with a worked example: its table shows how to fill in, it holds no decision
    if (EXAMPLE.match(name) or INSTRUCTIONS.fullmatch(name)) and result.record_count:
        result.skipped["example"] += result.record_count
        result.records = result.records.iloc[0:0]
        result.notes.append(problem("sheet-example", **at))
    check_accounting(result, context.source_file)
    return result


def _read_blocks(frame, evidence, mapping, rules, result, sheet, context, inner=None, text=cell_text):
    """A second table under the first (许可 block, then 处罚 block): each block by its own header
    (``inner``: the headers inside ``frame``, when already found).

    A section row (二、行政处罚) at the end of one block sets the category of the next.
    """
    inner = inner_headers(frame, mapping, rules) if inner is None else inner
    boundaries = [b for b, _, _ in inner]
    starts = [0] + [b + height for b, height, _ in inner]
    stops = boundaries + [len(frame)]
    mappings = [mapping] + [m for _, _, m in inner]
    parts, skipped = [], {"blank": 0, "note": 0, "header": sum(h for _, h, _ in inner), "example": 0}
    example_rows = []
    section, trailing = context.section, None  # trailing: the section row that ended the block above
    context.signed = signed_layout(evidence, starts, stops, context.unit_above) if inner else None
    for block, (start, stop, block_mapping) in enumerate(zip(starts, stops, mappings)):
        if block:  # a new header: its own section row, else what its columns say, else the one above
            section = trailing or header_category(block_mapping) or section
            band = band_unit(frame, *inner[block - 1][:2])  # a 填报单位 line
            context.block_unit = band or context.block_unit
            # the same header again, nothing between (no 二、行政处罚, no 填报单位 line), is a printed page's (probe
            # p84): its first blank unit cells go on the page above's
            page = block_mapping.columns == mappings[block - 1].columns and trailing is None and band is None
            context.carried_unit = context.ended_unit if page else None
        trailing, context.header_follows = None, block + 1 < len(starts)
        if stop <= start:
            continue
        records, kinds = _records(frame.iloc[start:stop], evidence.slice(start, stop), block_mapping, result,
                                  sheet, context, section, rules.quality, text)
        parts.append(records)
        trailing = kinds.trailing_section()
        for kind in skipped:
            skipped[kind] += int(getattr(kinds, kind).sum())
        example_rows.extend((np.flatnonzero(kinds.example) + start + result.header_row + 1).tolist())
    return boundaries, parts, skipped, example_rows


def _records(frame, evidence, mapping, result, sheet, context, section, quality=True, text=cell_text):
    """``text``: cells -> display text (a FrameText of the sheet's frame: each column converted once)."""
    mapping = _dates_in_the_mark(frame, mapping, result, sheet, context, text)
    frame, folded = fold_two_row_records(frame, mapping, text, evidence, {"file": context.source_file, "sheet": sheet.name},
                                         result.header_row + 1)
    result.notes, text = result.notes + folded, (FrameText(frame) if folded else text)  # its cells changed
    doc = text(mapped_column(frame, mapping, "document_number"))
    # 行政许可决定文书号 | 行政处罚决定书文号, or 许可决定日期 | 处罚决定日期: each row's own number and kind
    number, kind_of_row = kinds_of_rows(frame, mapping, text) if mapping.two_kinds() else (None, None)
    if number is not None:
        doc = pd.Series(number.to_numpy(object), index=doc.index)
    issuer = issuer_column(mapping)
    if issuer is not None and issuer in frame.columns:  # 决定书字 | 决定书号: one number
        doc = pd.Series(joined_numbers(text(frame[issuer]), doc).to_numpy(object), index=doc.index)
    doc, ditto = numbers_said_above(doc)  # 同上 under a number: the decision above, another party (repeats.py)
    if ditto.any():
        evidence.merged_number = ditto | (evidence.merged_number if evidence.merged_number is not None else False)
        result.notes.append(problem("numbers-by-word", file=context.source_file, sheet=sheet.name,
                                    rows=row_list((frame.index.to_numpy()[ditto] + result.header_row + 1).tolist())))
    decision_text = text(mapped_column(frame, mapping, "decision_date"))
    published_text = text(mapped_column(frame, mapping, "published_date"))
    party_all = text(mapped_column(frame, mapping, "party"))
    nothing = nothing_rows(frame, [decision_text, doc, published_text, party_all,
                                   text(mapped_column(frame, mapping, "published_marked"))], cell_text)
    result.says_nothing += int(nothing.sum())
    kind_at = next((i for i, h in enumerate(mapping.headers) if _DOCUMENT_KIND.search(str(h or ""))), None)
    voided, told = not_decisions(doc, party_all, decision_text, published_text,
                                 *(text(mapped_column(frame, mapping, n)) for n in NOTE_FIELDS),
                                 kinds=text(frame[kind_at]) if kind_at in frame.columns else None,
                                 elsewhere=words_elsewhere(frame, *read_columns(mapping, issuer, kind_at)))
    for code, rows in told.items():  # 作废 / 空号 numbers; applications not yet decided (审批中)
        result.notes.append(problem(code, file=context.source_file, sheet=sheet.name,
                                    rows=row_list((frame.index.to_numpy()[rows] + result.header_row + 1).tolist())))
    kinds = row_kinds(evidence, mapping, doc, decision_text, published_text, party_all, section, nothing | voided,
                      constant_cells(frame, mapping), context.block_unit, context.header_follows, context.signed)
    keep, context.block_unit = kinds.record, kinds.unit_block[-1] if len(frame) else context.block_unit

    rows = frame.index.to_numpy()[keep] + result.header_row + 1
    kept = frame[keep]
    n = len(kept)
    out = pd.DataFrame(index=pd.RangeIndex(n))
    out["source_file"], out["sheet"] = objects(context.source_file, n), objects(sheet.name, n)
    out["row"] = rows.astype(np.int64)
    decided, published, worded, ranged = with_date_words(_date_cells(kept, mapping, "decision_date", sheet),  # 同上
                                                         _date_cells(kept, mapping, "published_date", sheet), rows)
    cells = {"decision_date": decided, "published_date": published}
    (decided, dec_codes), (published, pub_codes) = parse_dates(decided), parse_dates(published)
    result.notes += date_notes(context.source_file, sheet.name, rows, worded, cells,
                               {"decision_date": decided, "published_date": published})
    if is_period_header(mapping.header_of("published_date")):
        published, pub_codes = period_single_days(ranged, published, pub_codes)
    online_words = says_published(decision_text[keep].to_numpy(object), published_text[keep].to_numpy(object))
    decided, dec_codes = np.where(online_words, NO_DATE, decided), np.where(online_words, "date-with-words", dec_codes)
    published_shown = _short(published_text[keep])
    if "published_date" in mapping.alternates:
        published, pub_codes, published_shown, later = _two_date_columns(
            kept, mapping, sheet, "published_date", published, pub_codes, published_shown, fill_blank=True, text=text)
        out["second_published_date"] = later  # classify weighs it (_second_published_date)
    # Blank, or a word such as 未公开, means not yet published: not a data error; nor is the unit's 不公开
    # (judged as not published, and listed as its claim: exempt.py).
    words, claims = per_distinct(published_text[keep].to_numpy(object), unpublished_words).T.astype(bool)
    said_unpublished = words | (claims & np.isnat(published))
    pub_codes = np.where((pub_codes == "date-missing") | said_unpublished, None, pub_codes)
    published, pub_codes, told, later, mark_text, remark_text = words_on_publication(
        kept, mapping, text, published, pub_codes, published_text[keep].reset_index(drop=True))
    result.notes += remarks_notes(context.source_file, sheet.name, rows, told, mapping)
    if not np.isnat(later).all():  # two days in the words or the date cell: classify weighs the later
        out["second_published_date"] = later if "second_published_date" not in out else \
            np.where(np.isnat(later), out["second_published_date"].to_numpy(later.dtype), later)
    # 是否公开: 不公开 beside a blank date is the unit's claim, told as one (exempt.py), not left unsaid.
    state_text = text(mapped_column(kept, mapping, "decision_state"))
    for said_text, name in ((mark_text, "published_marked"), (remark_text, "remarks"), (state_text, "decision_state"),
                            (doc[keep].reset_index(drop=True), "document_number")):
        claims = (published_shown == "") & says_not_to_be_published(said_text.to_numpy(object), voided=True)
        if claims.any():
            published_shown = published_shown.copy()
            published_shown[claims] = f"{mapping.header_of(name)}：" + said_text.to_numpy(object)[claims]
    decision_shown = _short(decision_text[keep])
    if "decision_date" in mapping.alternates:
        decided, dec_codes, decision_shown, second = two_decision_dates(kept, mapping, sheet, decided, dec_codes,
                                                                        decision_shown, text=text)
        out["second_decision_date"] = second  # classify weighs it (OTHER_DECISION_DATES)
    if "decision_date" not in mapping.columns:
        dec_codes = np.full(n, "decision-column-missing", dtype=object)
    if "published_date" not in mapping.columns:  # not "unpublished": unknown, unless the row itself says
        pub_codes = without_a_date_column(mapping, mark_text, published, pub_codes)
    category, out["category_problem"] = record_categories(kept, mapping, sheet.name, context, text, kinds.section[keep],
                                                    None if kind_of_row is None else kind_of_row[keep], doc[keep])
    out["category"] = objects(category, n)
    header = mapping.header_of("unit") or ""
    out["unit"], out["unit_problem"] = record_units(mapped_column(kept, mapping, "unit"), context, text,
                                                    offices_only=mapping.is_weak("unit") and "单位名称" in header
                                                    and "party" not in mapping.columns, source=source_units(kept, mapping),
                                                    blocks=kinds.unit_block[keep], numbers=doc[keep])
    licence = mapping.stand_ins.get("document_number")
    licences = None if licence is None else text(kept[licence]).reset_index(drop=True)
    out["document_number"], by_licence = decision_numbers(doc[keep].reset_index(drop=True), category, mapping, licences)
    licence_numbers = by_licence | (mapping.is_weak("document_number") & out["document_number"].ne("").to_numpy(bool))
    if by_licence.any():
        result.notes.append(problem("document-number-from-licence", file=context.source_file, sheet=sheet.name,
                                    rows=row_list(rows[by_licence].tolist()),
                                    header=mapping.headers[licence]))
    out["party"] = party_all[keep].reset_index(drop=True)
    if "party" not in mapping.columns:  # a bare 单位 / 单位名称 column of the companies punished: their names
        named = out["unit_problem"].isin(["unit-column-party", "unit-column-applicant"])
        out.loc[named, "party"] = text(mapped_column(kept, mapping, "unit")).reset_index(drop=True)[named]
        # a licence ledger's 单位名称 of applicants is its party column, as expected: no word on each record
        out["unit_problem"] = out["unit_problem"].mask(out["unit_problem"].eq("unit-column-applicant"), None)
    out["decision_text"], out["published_text"] = objects(decision_shown, n), objects(published_shown, n)
    out["decision_date"] = decided
    out["published_date"] = published
    out["decision_problem"], out["published_problem"] = objects(dec_codes, n), objects(pub_codes, n)
    out["notes"] = row_notes(kinds.labelled[keep], out["row"].to_numpy(), sheet.struck_rows)
    out["published_stand_in"] = mapping.header_of("published_date") if mapping.is_weak("published_date") else None
    extra = add_quality_columns(out, kept, mapping, text=text, checks=quality, raw_unit=text(mapped_column(kept, mapping, "unit")),
                                result=result, at={"file": context.source_file, "sheet": sheet.name},
                                layout=header_category(mapping))
    denied = denied_with_date(mark_text, published, mapping)
    if denied.any():  # 是否公开 否 beside a filled date: classify weighs it
        out["published_denied"], extra = denied, extra + ["published_denied"]
    if licences is not None and licences.ne("").any():  # beside the 文书号: a list keyed by it finds the record
        out["licence_number"], extra = objects(licences.to_numpy(object), n), extra + ["licence_number"]
    if licence_numbers.any():  # a licence's number names the licence, not one decision (repeats.py)
        out["number_from_licence"] = licence_numbers
        extra = extra + ["number_from_licence"]
    corrected = corrections(doc[keep].reset_index(drop=True), remark_text)
    if corrected.any():  # a decision's correction, published again (repeats.py)
        out["correction"], extra = corrected, extra + ["correction"]
    extra = extra + [c for c in ("second_decision_date", "second_published_date") if c in out]
    actions = business_actions(kept, mapping, text)
    if actions is not None:  # 新办 / 变更 / 注销: told apart by repeats.py, doubted by classify.py (later_actions.py)
        out["business_action"], extra = objects(actions, n), extra + ["business_action"]
        own = np.zeros(n, dtype=bool)
        if "second_decision_date" in out:  # 发证日期 beside 换证日期: each row by its own action's column
            out["decision_date"], out["second_decision_date"], own = own_action_dates(
                actions, mapping, out["decision_date"].to_numpy(), out["second_decision_date"].to_numpy())
        dated = dated_by_grant(actions, mapping, own)
        if dated is not None:
            out["action_dated_by"], extra = objects(dated, n), extra + ["action_dated_by"]
    merged_number = getattr(evidence, "merged_number", None)
    if merged_number is not None and merged_number[keep].any():  # one 文书号 cell over several parties' rows
        out["merged_number"] = merged_number[keep]
        extra = extra + ["merged_number"]
    over = evidence.over[keep] if evidence.over is not None else np.zeros(n, dtype=np.int64)
    # A row with cells beyond the header whose dates read right holds a note in a column without a header;
    # one whose dates do not (a party's name in the date column) had its cells shifted by a comma.
    pushed = evidence.over_dated[keep] if evidence.over_dated is not None else np.zeros(n, dtype=bool)
    shifted = (over > 0) & (pushed | (out["decision_problem"].notna() | out["published_problem"].notna()).to_numpy(bool))
    if shifted.any():  # classify: 数据有误, its cells shifted
        out["fields_over"] = np.where(shifted, over, 0)
        extra = extra + ["fields_over"]
    return out[RECORD_FIELDS + extra], kinds


def check_accounting(result: SheetResult, source_file: str) -> None:
    """rows after the header = records + skipped rows, or a ReconciliationError (never an assert)."""
    if result.record_count + result.skipped_rows != result.rows_after_header:
        raise ReconciliationError(f"{source_file} 工作表 {result.name}：读入 {result.rows_after_header} 行，"
                                  f"但记录 {result.record_count} 条 + 跳过 {result.skipped_rows} 行不相等")


def read_side_by_side(sheet: RawSheet, groups, rules, context: SheetContext) -> SheetResult:
    """Each table of a sheet that holds several side by side, combined into one sheet result."""
    parts = []
    for first, last in groups:
        part = split_columns(sheet, first, last, context.source_file)
        found = find_header(part.rows, rules, part.merged)
        if found is None:
            continue
        parts.append(_read_table(part, found[0], found[1], rules, context, {}))
    result = SheetResult(sheet.name, None, header_row=parts[0].header_row, columns=parts[0].columns)
    result.rows_after_header = sum(p.rows_after_header for p in parts)
    for kind in result.skipped:
        result.skipped[kind] = sum(p.skipped.get(kind, 0) for p in parts)
    frames = [p.records for p in parts if p.records is not None]
    result.records = pd.concat(frames, ignore_index=True) if frames else None
    result.notes.append(problem("sheet-side-by-side", file=context.source_file, sheet=sheet.name, count=len(groups),
                                ranges="、".join(range_label(a, b) for a, b in groups)))
    result.notes.extend(dict.fromkeys(note for p in parts for note in p.notes))
    result.problems = list(dict.fromkeys(found for p in parts for found in p.problems))
    check_accounting(result, context.source_file)
    return result
