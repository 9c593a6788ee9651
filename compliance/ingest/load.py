"""Find the files units sent, read every sheet, and return records.

``load(paths, config)`` never raises for a bad file: a file that cannot be
read becomes an ``InputFile`` whose ``error`` is a ``FileFault`` (a code and a
Chinese message), and the others are still loaded. Every row below a header is a record or a counted skipped row.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE
from ..errors import FileFault, ReconciliationError
from ..fields import FieldRules, unit_name, unit_names
from ..relabel import relabel_inputs
from ..problems import Problem, problem
from .action_kinds import kind_from_text
from .continued import read_continued
from .copies import copies_under_other_units
from .digest import file_sha256
from .docnumbers import normalise_document_numbers
from .files import SUFFIXES, find_files  # noqa: F401 - SUFFIXES: the web page's accepted names
from .online_inputs import set_aside_online
from .file_names import aliased, remove_aliases, shown_name, undecodable
from .filed_date import filed_day
from .lookup_sheets import skip_lookup_sheets, unsaid_hidden
from .isolate import ReadLimits, fault_entry, finish_early, read_isolated
from .readers import DEFAULT_MAX_UNCOMPRESSED, guard_workbook, read_file
from .records import RECORD_FIELDS, SheetResult, read_sheet
from .repeats import file_names
from .cover import cover_unit
from .sheet_units import continued_units, sheet_units, units_by_code_word, units_by_number
from .unit_text import unit_in_text, units_in_name
from .zero_report import declares_no_decisions, set_zero_report_unit
from .unit_spellings import guessed_spellings, merged_spellings, name_counts, same_unit, spelling_groups, unmerged_spellings



@dataclass(frozen=True)
class ReadSettings:
    """What reading needs from compliance.toml (config.Config has these too, and is passed as is)."""

    columns: FieldRules = field(default_factory=FieldRules)
    units: dict = field(default_factory=dict)  # declared name -> the names units also use
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED
    read_limits: ReadLimits = field(default_factory=ReadLimits)  # memory and time one file's reader may use


@dataclass(frozen=True)
class OwnFiles:
    """How the caller recognises the files it writes, so that they are never read back as input."""

    prefix: str = ""  # a file in a folder whose name starts with this is passed over
    sheets: frozenset[str] = frozenset()  # a workbook holding all these sheets is skipped

    def is_report(self, sheet_names: Iterable[str]) -> bool:
        return bool(self.sheets) and self.sheets <= set(sheet_names)

    def skips_name(self, name: str) -> bool:
        return bool(self.prefix) and name.startswith(self.prefix)


@dataclass
class InputFile:
    path: str
    sha256: str | None = None
    sheets: list[SheetResult] = field(default_factory=list)
    error: FileFault | None = None
    notes: list[Problem] = field(default_factory=list)
    is_report: bool = False  # one of our own reports, skipped
    not_read: Problem | None = None  # a file in a folder that is not a spreadsheet: why it was not read
    doubtful: bool = False  # what was read disagrees with the file (said in ``notes``): not a clean bill
    declares_none: bool = False  # no records, and a line saying so (本月无行政处罚决定): the unit's 本期无决定
    unit_line: str | None = None  # such a file's 填报单位 (zero_report.py): its unit before the file name's

    @property
    def records(self) -> int:
        return sum(s.record_count for s in self.sheets)

    @property
    def skipped_rows(self) -> int:
        return sum(s.skipped_rows for s in self.sheets)

    def error_dict(self) -> dict | None:
        return None if self.error is None else {"code": self.error.code, "message": self.error.message}


@dataclass
class LoadResult:
    records: pd.DataFrame
    inputs: list[InputFile]
    said_none: list[str] = field(default_factory=list)  # units whose file says they made no decision
    unit_spellings: dict[str, list[str]] = field(default_factory=dict)  # name counted -> other spellings merged
    unit_unmerged: list[list[str]] = field(default_factory=list)  # one office under two districts' names: apart
    copies: dict[str, tuple[str, str]] = field(default_factory=dict)  # copies.copies_under_other_units

    @property
    def skipped_rows(self) -> int:
        return sum(f.skipped_rows for f in self.inputs)



def load_file(path: Path, config: ReadSettings, own: OwnFiles = OwnFiles()) -> tuple[InputFile, list[pd.DataFrame]]:
    entry = InputFile(str(path), file_sha256(path))
    frames: list[pd.DataFrame] = []
    try:
        raw_sheets = read_file(path, config.max_uncompressed, refused=partial(_refused_now, entry))
    except FileFault as fault:
        entry.error = fault
        return entry, frames
    if own.is_report(raw.name for raw in raw_sheets):
        # A report this tool wrote, under another name: reading it would count records twice.
        entry.notes.append(problem("own-report-skipped", file=path))
        entry.is_report = True
        return entry, frames
    misnamed = _misnamed(path, raw_sheets)
    if misnamed:
        entry.notes.append(problem("extension-mismatch", file=path, suffix=path.suffix, kind=misnamed))
    file_category = kind_from_text(path.stem)
    named, folder, file_unit = named_unit(path), folder_unit(path), unit_from_name(path)  # once per file
    if named is None and (cover := cover_unit(raw_sheets)):  # 封面: 区人力资源和社会保障局
        named = file_unit = cover
        entry.notes.append(problem("unit-from-cover", file=path, unit=cover))
    per_sheet = sheet_units(raw_sheets, named, path.stem)
    if per_sheet and named:
        entry.notes.append(problem("unit-from-sheet-names", file=path, units="、".join(dict.fromkeys(per_sheet.values())),
                                   named=named))
    previous = previous_unit = None  # the last sheet with a header: a sheet without one may go on with its table
    went_on: set[str] = set()  # the sheets read so (续表)
    for raw in raw_sheets:
        if raw.doubt:  # what calamine returned disagrees with the sheet's XML: said on the file
            scanned, read = raw.doubt
            entry.notes.append(problem("sheet-read-mismatch", file=path, sheet=raw.name, scanned=scanned, read=read))
            entry.doubtful = True
        try:  # a CSV body found malformed only when parsed below its header (a quote never closed)
            read = partial(read_sheet, source_file=str(path), rules=config.columns, fallback_category=file_category,
                           fallback_unit=per_sheet.get(raw.name) or file_unit,
                           fallback_named=named is not None or raw.name in per_sheet, folder_unit=folder,
                           units=config.units or None)  # compliance.toml's [units]: a renamed office's old name
            result = read(raw)
            if result.header_row is None and any(n.code == "sheet-no-header" for n in result.notes):
                continued = read_continued(raw, previous, config.columns, read, str(path), previous_unit)
                result, previous_unit = (continued, continued.block_unit) if continued else (result, previous_unit)
                if continued:
                    went_on.add(raw.name)
            elif result.header_row is not None:  # a 续表 after a sheet named for its unit is that unit's (probe p94 F1)
                previous, previous_unit = raw, result.block_unit or per_sheet.get(raw.name)
        except FileFault as fault:
            entry.error = fault
            return entry, []
        entry.sheets.append(result)
    filed = filed_day(raw_sheets)  # 填报日期: a copy it calls unpublished was so on that day (repeats.py)
    for raw, sheet in zip(raw_sheets, entry.sheets):  # a hidden sheet's copies yield to visible ones (repeats.py)
        if raw.hidden and sheet.record_count:
            sheet.records = sheet.records.assign(hidden_sheet=True)
        if filed is not None and sheet.record_count:
            sheet.records = sheet.records.assign(filed_date=pd.Timestamp(filed).as_unit("s"))
    continued_units(entry.sheets, went_on)  # a 续表 whose 代字 are another unit's sheet's (review rev66 #7)
    skip_lookup_sheets(entry.sheets, str(path))  # a 网站清单 sheet a VLOOKUP reads: no decisions of its own
    unsaid_hidden(entry.sheets)
    frames = [s.records for s in entry.sheets if s.record_count]
    if per_sheet or (named and _SEVERAL_UNITS.search(path.stem)):  # no sheet names a unit: every one is left
        left = units_by_number(frames, per_sheet, unit_name(file_unit)) if per_sheet else \
            list(dict.fromkeys(f["sheet"].iloc[0] for f in frames if f["unit"].eq(unit_name(file_unit)).any()))
        left = [s for s in left if not same_unit(unit_name(s), unit_name(file_unit))]  # 区教育局: the file's own
        if left:
            entry.notes.append(problem("unit-compiled-sheet", file=path, sheets="、".join(left), unit=unit_name(file_unit)))
    several = units_in_name(path.stem) if named and not per_sheet else []
    if len(several) > 1 and any(s.records["unit"].eq(unit_name(named)).any() for s in entry.sheets
                                if s.record_count and "unit" not in s.columns):  # no unit column said whose
        entry.notes.append(problem("unit-file-several", file=path, units="、".join(several), unit=unit_name(named)))
        for sheet in entry.sheets:  # the 代字 may say whose each row is (西医保许)
            if sheet.record_count and "unit" not in sheet.columns:
                units_by_code_word(sheet.records, several, unit_name(named))
    if folder and any(frame["unit"].eq(unit_name(folder)).any() for frame in frames):
        entry.notes.append(problem("unit-from-folder", file=path, unit=unit_name(folder), folder=folder))
    if not frames and (any(declares_no_decisions(raw.rows) for raw in raw_sheets)
                       or any(s.says_nothing for s in entry.sheets)  # 无 / 无 / 无 under the header
                       # the template sent back with its header only: nothing to report, said as such
                       or (any(s.header_row for s in entry.sheets) and not any(s.skipped_rows for s in entry.sheets))):
        entry.declares_none = True  # a unit that had nothing to send: not unreadable, not unsent
        set_zero_report_unit(entry, raw_sheets, named)
    elif not any(s.header_row for s in entry.sheets):
        names = "、".join(s.name for s in entry.sheets) or "（无）"
        blank = not any(cell not in (None, "") for raw in raw_sheets for row in raw.rows for cell in row)
        counts = any(n.code in ("sheet-statistics", "sheet-pivot") for s in entry.sheets for n in s.notes)
        entry.error = FileFault("empty-sheets" if blank else "statistics-only" if counts else "no-header", path,
                                sheets=names)
    return entry, frames


_KIND_NAMES = {"xls": "Excel 97-2003 工作簿（.xls）", "xlsx": "Excel 工作簿（.xlsx）", "csv": "文本表格（制表符或逗号分隔）",
               "ods": "OpenDocument 表格（.ods）", "html": "网页表格（HTML）"}


def _misnamed(path: Path, raw_sheets) -> str | None:
    """What the file really is, when its name says another Excel kind (read all the same)."""
    suffix = path.suffix.lower()
    kind = raw_sheets[0].kind if raw_sheets else None
    # (an HTML table named .xls is how OA systems export one: no note; named .xlsx or .csv it is said: probe p90)
    wrong = {"xls": (".xlsx", ".xlsm", ".csv", ".ods"), "xlsx": (".xls", ".csv", ".ods"),
             "csv": (".xls", ".xlsx", ".xlsm", ".ods"), "ods": (".xls", ".xlsx", ".xlsm", ".csv"),
             "html": (".xlsx", ".xlsm", ".csv", ".ods")}
    return _KIND_NAMES[kind] if suffix in wrong.get(kind, ()) else None


# a file name that says it gathers several units' ledgers (not one unit's own 汇总, nor its scope: 全区, 各乡镇卫生院)
_SEVERAL_UNITS = re.compile(r"各单位|各部门")


def unit_from_name(path: str | Path) -> str:
    """区环保局_2016年10月行政处罚 -> 区环保局; else its folder's unit; otherwise the whole file name."""
    return named_unit(path) or folder_unit(path) or Path(path).stem


def named_unit(path: str | Path) -> str | None:
    """The unit a file name names (区司法局10月报送.docx, 附件2：区司法局台账.xlsx, 2016年10月_区司法局.xlsx ->
    区司法局); None for 说明.txt."""
    return unit_in_text(Path(path).stem)


def folder_unit(path: str | Path) -> str | None:
    """Where the file name names no unit, the unit its folder names, or the folder above it (区司法局/台账.xlsx,
    区司法局/2024年11月/台账.xlsx: a folder per unit). The last word, after the sheet's own title and name."""
    if named_unit(path):
        return None
    parent = Path(os.path.abspath(path)).parent  # not resolve(): a symlink loop must not stop the run
    if _PERIOD.match(parent.name):  # 区司法局/2024年11月/台账.xlsx: the month's folder inside the unit's
        parent = parent.parent
    return unit_in_text(parent.name)


# A folder for a period: 2024年11月, 11月, 2024-11, 2024年第四季度, 第3期
# (2025年10月, 10月报送, 第三季度上报: a period's folder, with what was done in it)
_PERIOD = re.compile(r"^\s*(?:\d{4}\s*[年\-_.]?)?\s*(?:第?\s*[\d一二三四五六七八九十]+\s*(?:月份?|季度?|期)|\d{1,2})?\s*$|^\d{4}$"
                     # the words only after a period: a bare 上报 or 材料 folder may be a compiler's (区政府办/上报)
                     r"|^\s*(?:\d{4}\s*年?\s*)?第?\s*[\d一二三四五六七八九十]+\s*(?:月份?|季度?|期)\s*(?:报送|上报|报表|提交|材料)\s*$"
                     r"|^\s*\d{4}\s*年度?\s*(?:报送|上报|报表|提交|材料)\s*$")


def load(paths: Iterable[str | Path], config: ReadSettings | None = None,
         progress: Callable[[int, int, str], None] | None = None, own: OwnFiles = OwnFiles(),
         read: Callable | None = None, online: Iterable[str | Path] = ()) -> LoadResult:
    """Every file under ``paths``; ``config``: the column rules, unit names and limits (config.Config
    or ReadSettings); ``own``: how to recognise the caller's own outputs, which are not read;
    ``read``: reads the files as ``read_all`` does (cluster.cluster_reader: on a Dask cluster);
    ``online``: the online lists (--online), which are never read as ledgers (online_inputs.py)."""
    config = config or ReadSettings()
    paths = list(paths)
    files, skipped = find_files(paths, own)
    files, lists = set_aside_online(files, paths, online)
    skipped += lists
    inputs = [_skipped_entry(path, why) for path, why in skipped]
    files, shown, aliases = aliased(files)  # a name in GBK bytes: read through an alias, shown decoded
    frames: list[pd.DataFrame] = []
    try:
        files, copies = _distinct_contents(files)
        inputs.extend(copies)
        for entry, sheet_frames in (read or read_all)(files, config, progress, own):
            inputs.append(entry)
            frames.extend(sheet_frames)
    finally:
        remove_aliases(aliases)
    records = pd.concat(frames, ignore_index=True) if frames else empty_records()
    merged: dict[str, str] = {}
    unmerged: list[list[str]] = []
    if config.units:  # every name a unit goes by -> the name declared in compliance.toml [units]
        merged = guessed_spellings(set(unit_names(pd.Series(records["unit"].unique()))), config.units)
        records["unit"] = unit_names(records["unit"], config.units).replace(merged)  # and the usual spellings
    else:  # 区人社局 and 西塞山区人力资源和社会保障局: one unit (unit_spellings.py)
        counts = name_counts(records["unit"])
        merged, unmerged = merged_spellings(counts), unmerged_spellings(counts)
        if merged:
            records["unit"] = records["unit"].replace(merged)
    # 无, /, - and 空 say "no number": a missing number, never a duplicate of each other.
    numbers = normalise_document_numbers(records["document_number"])
    records["document_number"] = records["document_number"].where(numbers.ne(""), "")
    records["duplicate_of"] = duplicate_locations(records, numbers)
    said_none = pd.Series([e.unit_line or unit_from_name(e.path) for e in inputs if e.declares_none], dtype=object)
    said_none = unit_names(said_none, config.units or None).replace(merged)
    copies = copies_under_other_units(records, inputs, lambda p: named_unit(p) or folder_unit(p),
                                      lambda names: unit_names(pd.Series(names, dtype=object), config.units or None)
                                      .replace(merged).tolist())
    _show_decoded(records, inputs, shown)
    return LoadResult(records, inputs, said_none.tolist(), spelling_groups(merged), unmerged, copies)


def _show_decoded(records: pd.DataFrame, inputs: list, shown: dict[str, str]) -> None:
    """Names that are not UTF-8, read through an alias or passed over by their own path: shown decoded."""
    shown = shown | {e.path: shown_name(e.path) for e in inputs if undecodable(e.path)}
    for entry in inputs:
        if entry.path in shown and entry.error is None and entry.not_read is None:
            entry.notes.append(problem("file-name-not-utf8", file=entry.path, shown=shown[entry.path]))
    if shown:
        relabel_inputs((records,), inputs, shown)


def _skipped_entry(path: Path, why) -> InputFile:
    entry = InputFile(str(path))
    if isinstance(why, FileFault):
        entry.error = why
    else:
        entry.not_read = why
    return entry


# What Windows, WPS and mail clients add to a copied file's name (issue 21: cite the original, not the copy).
_COPY_MARKER = re.compile(r"\s*-\s*副本(\s*[(（]\d+[)）])?$|副本$|的副本|\s*[(（]\d+[)）]$|^Copy of\s|\s-\sCopy$",
                          re.IGNORECASE)


def original_first(paths: list[Path]) -> Path:
    """Of identical files, the one to cite: a name without a copy marker; then one that names its unit
    (区食药监局_台账.xlsx over 2024年台账.xlsx: the unit may be read from the name); then the shortest."""
    return min(paths, key=lambda p: (bool(_COPY_MARKER.search(p.stem)), named_unit(p) is None, len(p.name),
                                     len(p.parts), str(p)))


def _distinct_contents(files: list[Path]) -> tuple[list[Path], list[InputFile]]:
    """A file resent under another name (same SHA-256) is read once, under its original's name;
    the copies are listed as not read."""
    digests = {path: file_sha256(path) for path in files}
    same: dict[str, list[Path]] = {}
    for path, digest in digests.items():
        if digest is not None:
            same.setdefault(digest, []).append(path)
    original = {digest: original_first(paths) for digest, paths in same.items()}
    distinct, copies = [], []
    for path in files:
        digest = digests[path]
        if digest is None or original[digest] == path:
            distinct.append(path)
        else:
            first = original[digest]  # its name; its path when the two share a name (A/台账.xlsx, B/台账.xlsx)
            copies.append(InputFile(str(path), digest, not_read=problem(
                "duplicate-file", file=path, first=first.name if first.name != path.name else str(first))))
    return distinct, copies


def read_all(files: list[Path], config: ReadSettings, progress=None,
             own: OwnFiles = OwnFiles()) -> list[tuple[InputFile, list[pd.DataFrame]]]:
    """Every file read, in order, each in a process of its own within the read limits (isolate.py):
    a reader that aborts, runs out of its memory or out of its time costs only its file."""
    done = []

    def step(index: int) -> None:
        done.append(index)
        if progress:
            progress(len(done), len(files), str(files[index]))

    results = read_isolated(files, partial(guarded_load, config=config, own=own),
                            fault_entry(InputFile, file_sha256), config.read_limits, step)
    return _explain_deaths(results, config)


def _refused_now(entry: InputFile, fault: FileFault) -> None:
    """A workbook past a bound, seen while calamine still parses it: the reader's answer, at once."""
    entry.error = fault
    finish_early((entry, []))


# How a reader child dies when calamine's allocation fails (isolate._died).
_DEATHS = ("read-aborted", "read-memory-limit")


def _explain_deaths(results: list, config: ReadSettings) -> list:
    """A workbook whose reader died may have died of a shape the guard refuses (one character at
    XFD1048576: calamine aborts before the guard, which runs beside it, has spoken): the guard looks
    again, alone and in a child of its own, and its fault (the cell to fix) replaces "aborted"."""
    died = [i for i, (entry, _) in enumerate(results) if entry.error is not None and entry.error.code in _DEATHS]
    if not died:
        return results
    verdicts = read_isolated([Path(results[i][0].path) for i in died], guard_workbook,
                             lambda *_, **__: None, config.read_limits)
    for i, fault in zip(died, verdicts):
        if fault is not None:
            results[i][0].error = fault
    return results


def guarded_load(path: Path, config: ReadSettings, own: OwnFiles = OwnFiles()) -> tuple[InputFile, list[pd.DataFrame]]:
    try:
        return load_file(path, config, own)
    except (ReconciliationError, MemoryError):  # the run's fault; the reader's memory bound (isolate.py)
        raise
    except Exception as exc:  # a reader bug must cost one file, not the run
        entry = InputFile(str(path), file_sha256(path))
        entry.error = FileFault("read-failed", path, detail=f"{type(exc).__name__}: {exc}")
        return entry, []


def empty_records() -> pd.DataFrame:
    frame = pd.DataFrame({name: pd.Series(dtype=object) for name in RECORD_FIELDS})
    frame["row"] = frame["row"].astype(np.int64)
    for name in ("decision_date", "published_date"):
        frame[name] = pd.Series(dtype=DATE_DTYPE)
    return frame


def duplicate_locations(records: pd.DataFrame, numbers: pd.Series | None = None) -> pd.Series:
    """For a repeated document number in the same category: where the first one is."""
    if records.empty:
        return pd.Series(dtype=object)
    # Numbers are issued per unit: 2016001 at 区安监局 and at 区环保局 are two decisions.
    # 〔２０１６〕 and [2016] are one number
    key = normalise_document_numbers(records["document_number"]) if numbers is None else numbers
    # Compared as codes: joining category and unit into a million new strings cost more than the search.
    frame = pd.DataFrame({"category": pd.factorize(records["category"].fillna(""))[0],
                          "unit": pd.factorize(records["unit"].fillna(""))[0],
                          "key": pd.factorize(key)[0]}, index=records.index)
    frame["category"] = frame["category"] * (int(frame["unit"].max()) + 1) + frame["unit"]
    involved = key.ne("") & frame.duplicated(["category", "key"], keep=False)
    out = pd.Series(None, index=records.index, dtype=object)
    if not involved.any():
        return out
    sub = records[involved]
    names = file_names(records["source_file"])  # with the folder where two files share a name
    where = sub["source_file"].map(names) + " / " + sub["sheet"] + " / 第 " + sub["row"].astype(str) + " 行"
    first = where.groupby([frame["category"][involved], key[involved]], sort=False).transform("first")
    later = frame[involved].duplicated(["category", "key"], keep="first")
    out[later[later].index] = first[later]
    return out
