"""Find the files units sent, read every sheet, and return records.

``load(paths, config)`` never raises for a bad file: a file that cannot be
read becomes an ``InputFile`` whose ``error`` is a ``FileFault`` (a code and a
Chinese message), and the others are still loaded. Every row below a header is a record or a counted skipped row.
"""

from __future__ import annotations

import faulthandler
import multiprocessing as mp
import os
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from ..dates import DATE_DTYPE
from ..errors import FileFault, ReconciliationError, os_reason
from ..fields import FieldRules, category_from_text, unit_names
from ..problems import Problem, problem
from .digest import file_sha256
from .docnumbers import normalise_document_numbers
from .readers import DEFAULT_MAX_UNCOMPRESSED, is_zip_workbook, read_file, sniff
from .records import RECORD_FIELDS, SheetResult, read_sheet

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".et", ".ett", ".xlsb", ".ods", ".xltx", ".xlt")


@dataclass(frozen=True)
class ReadSettings:
    """What reading needs from compliance.toml (config.Config has these too, and is passed as is)."""

    columns: FieldRules = field(default_factory=FieldRules)
    units: dict = field(default_factory=dict)  # declared name -> the names units also use
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED


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

    @property
    def skipped_rows(self) -> int:
        return sum(f.skipped_rows for f in self.inputs)



def find_files(paths: Iterable[str | Path], own: OwnFiles = OwnFiles()) -> tuple[list[Path], list[InputFile]]:
    """Expand folders recursively; skip Office lock files and hidden files."""
    found: list[Path] = []
    missing: list[InputFile] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                relative = candidate.relative_to(path).parts
                if any(part.startswith((".", "~$")) for part in relative):
                    continue
                if not candidate.is_file() or own.skips_name(candidate.name):
                    continue
                reason = None if candidate.suffix.lower() in SUFFIXES else not_a_spreadsheet(candidate)
                if reason is None:
                    found.append(candidate)
                else:  # named, with its reason, in the terminal, the JSON and 说明
                    entry = InputFile(str(candidate), not_read=problem("file-not-read", file=candidate, reason=reason))
                    missing.append(entry)
        elif path.is_file():
            found.append(path)
        else:
            entry = InputFile(str(path))
            entry.error = FileFault("file-not-found", path)
            missing.append(entry)
    unique = list(dict.fromkeys(found))
    return unique, missing


def not_a_spreadsheet(path: Path) -> str | None:
    """None when the bytes are a workbook whatever the name says (.et, .ods, a renamed .xlsx); else why not."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError as exc:
        return f"无法打开（{os_reason(exc)}）"
    kind = sniff(path, head)
    markup = head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<")  # an HTML table export, not a script
    if kind == "ole" or (kind == "html" and markup) or (kind == "zip" and is_zip_workbook(path)):
        return None
    suffix = path.suffix.lower() or "（无扩展名）"
    return f"扩展名 {suffix}，内容不是 Excel/WPS 工作簿，未读取；如是 CSV 表格，请把扩展名改为 .csv"


def load_file(path: Path, config: ReadSettings, own: OwnFiles = OwnFiles()) -> tuple[InputFile, list[pd.DataFrame]]:
    entry = InputFile(str(path), file_sha256(path))
    frames: list[pd.DataFrame] = []
    try:
        raw_sheets = read_file(path, config.max_uncompressed)
    except FileFault as fault:
        entry.error = fault
        return entry, frames
    if own.is_report(raw.name for raw in raw_sheets):
        # A report this tool wrote, under another name: reading it would count records twice.
        entry.notes.append(problem("own-report-skipped", file=path))
        entry.is_report = True
        return entry, frames
    file_category = category_from_text(path.stem)
    for raw in raw_sheets:
        result = read_sheet(raw, str(path), config.columns, file_category, unit_from_name(path))
        entry.sheets.append(result)
        if result.records is not None and len(result.records):
            frames.append(result.records)
    if not any(s.header_row for s in entry.sheets):
        names = "、".join(s.name for s in entry.sheets) or "（无）"
        entry.error = FileFault("no-header", path, sheets=names)
    return entry, frames


_ORG_SUFFIX = re.compile(r"^(.+?(?:分局|局|办|委|院|所|队|站|中心|厅|处|会|政府|管委会|公司))(?=$|[_\-\s\d（(年])")


def unit_from_name(path: str | Path) -> str:
    """区环保局_2016年10月行政处罚 -> 区环保局; otherwise the whole file name."""
    path = Path(path)
    first = re.split(r"[_\-\s]+", path.stem)[0]
    match = _ORG_SUFFIX.match(first)
    return match.group(1) if match else path.stem


def load(paths: Iterable[str | Path], config: ReadSettings | None = None,
         progress: Callable[[int, int, str], None] | None = None, own: OwnFiles = OwnFiles()) -> LoadResult:
    """Every file under ``paths``; ``config``: the column rules, unit names and limits (config.Config
    or ReadSettings); ``own``: how to recognise the caller's own outputs, which are not read."""
    config = config or ReadSettings()
    files, inputs = find_files(paths, own)
    files, copies = _distinct_contents(files)
    inputs.extend(copies)
    frames: list[pd.DataFrame] = []
    for entry, sheet_frames in read_all(files, config, progress, own):
        inputs.append(entry)
        frames.extend(sheet_frames)
    records = pd.concat(frames, ignore_index=True) if frames else empty_records()
    if config.units:  # every name a unit goes by -> the name declared in compliance.toml [units]
        records["unit"] = unit_names(records["unit"], config.units)
    # 无, /, - and 空 say "no number": a missing number, never a duplicate of each other.
    numbers = normalise_document_numbers(records["document_number"])
    records["document_number"] = records["document_number"].where(numbers.ne(""), "")
    records["duplicate_of"] = duplicate_locations(records, numbers)
    return LoadResult(records, inputs)


def _distinct_contents(files: list[Path]) -> tuple[list[Path], list[InputFile]]:
    """A file resent under another name (same SHA-256) is read once; the copy is listed as not read."""
    first: dict[str, Path] = {}
    distinct, copies = [], []
    for path in files:
        digest = file_sha256(path)
        if digest is not None and digest in first:
            copies.append(InputFile(str(path), digest,
                                    not_read=problem("duplicate-file", file=path, first=first[digest].name)))
            continue
        if digest is not None:
            first[digest] = path
        distinct.append(path)
    return distinct, copies


def read_all(files: list[Path], config: ReadSettings, progress=None,
             own: OwnFiles = OwnFiles()) -> list[tuple[InputFile, list[pd.DataFrame]]]:
    """Every file read, in order. Several files are read in worker processes (both cores), so that
    a reader that aborts the process (a native crash no ``except`` can catch) costs only its file."""
    if len(files) < 2 or WORKERS < 2:
        return [_progress_then(progress, number, len(files), path, lambda p=path: guarded_load(p, config, own))
                for number, path in enumerate(files, start=1)]
    results: dict[int, tuple] = {}
    pending = list(range(len(files)))
    with _pool(min(WORKERS, len(files))) as pool:
        futures = {pool.submit(guarded_load, files[i], config, own): i for i in pending}
        for future in as_completed(futures):
            index = futures[future]
            try:
                results[index] = future.result()
            except BrokenProcessPool:
                continue  # retried alone below: only the file that aborts must pay
            if progress:
                progress(len(results), len(files), str(files[index]))
    for index in (i for i in pending if i not in results):
        results[index] = _alone(files[index], config, own)  # ReconciliationError still propagates
        if progress:
            progress(len(results), len(files), str(files[index]))
    return [results[i] for i in range(len(files))]


WORKERS = min(2, os.cpu_count() or 1)


def _pool(workers: int) -> ProcessPoolExecutor:
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method), initializer=_quiet_worker)


def _quiet_worker() -> None:
    """A crashing native reader prints its own dump; the run reports the file in Chinese instead."""
    faulthandler.disable()
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)


def _alone(path: Path, config: ReadSettings, own: OwnFiles):
    """One file in a process of its own: if the process dies, the file gets a message, the run goes on."""
    with _pool(1) as pool:
        try:
            return pool.submit(guarded_load, path, config, own).result()
        except BrokenProcessPool as exc:
            entry = InputFile(str(path), file_sha256(path))
            entry.error = FileFault("read-aborted", path, reason=str(exc)[:80] or "进程中止")
            return entry, []


def _progress_then(progress, number, total, path, work):
    if progress:
        progress(number, total, str(path))
    return work()


def guarded_load(path: Path, config: ReadSettings, own: OwnFiles = OwnFiles()) -> tuple[InputFile, list[pd.DataFrame]]:
    try:
        return load_file(path, config, own)
    except ReconciliationError:  # a counting bug is the run's, never one file's fault
        raise
    except Exception as exc:  # a reader bug must cost one file, not the run
        entry = InputFile(str(path), file_sha256(path))
        entry.error = FileFault("read-failed", path, reason=f"{type(exc).__name__}: {exc}")
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
    names = {p: Path(p).name for p in sub["source_file"].unique()}
    where = sub["source_file"].map(names) + " / " + sub["sheet"] + " / 第 " + sub["row"].astype(str) + " 行"
    first = where.groupby([frame["category"][involved], key[involved]], sort=False).transform("first")
    later = frame[involved].duplicated(["category", "key"], keep="first")
    out[later[later].index] = first[later]
    return out
