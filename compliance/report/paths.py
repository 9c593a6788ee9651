"""Where outputs go, and the rules that keep a user's files safe.

- Nothing the tool writes replaces a file it did not write itself. Its Excel
  report is recognised by its sheets (``OWN_REPORT``, also used by the loader
  so that a report is never read back as input), and replaced only as written:
  its zip comment holds a fingerprint of its entries (``stamp``), which an edit
  saved in Excel or WPS loses; its JSON by its first key, ``"tool": "compliance"``,
  which ``run_json`` always writes first.
- No output may be an input: a ledger, an --online list, or the other output.
- Every output is written to a temporary file in the target folder and then
  renamed into place, so a failed run leaves no half-written file.
- All of this is checked before anything is written, and the rename replaces
  only the very file that was checked: one that appeared or changed while the
  report was written (a simultaneous run's report) is never replaced.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from ..errors import ComplianceError, write_failed
from ..ingest.files import is_own_json, zip_sheet_names
from ..ingest.load import OwnFiles
from . import tempfiles

REPORT_PREFIX = "公开时限检查_"
# a workbook with all of these is ours: every report has them (全部记录 is left out by --engine dask)
REPORT_SHEETS = frozenset({"汇总", "逾期清单", "数据问题", "说明"})
OWN_REPORT = OwnFiles(REPORT_PREFIX, REPORT_SHEETS)
T = TypeVar("T")


def default_name(run) -> str:
    """The scope in the name: month or as-of date, the rule when it is not the default, and the parts."""
    scope = f"{run.month}月_截止{run.as_of.isoformat()}" if run.month else run.as_of.isoformat()
    rule = run.rules.rules[0]
    custom = len(run.rules.rules) > 1 or rule.basis != "西政办发〔2016〕55号" or rule.permit_days != 20 \
        or rule.penalty_days != 20
    suffix = f"_{safe_name(run.rules.short_name)}" if custom else ""
    parts = "".join(part.name_suffix for part in run.parts)
    return f"{REPORT_PREFIX}{scope}{suffix}{parts}.xlsx"


def safe_name(text: str) -> str:
    """``text`` as part of a file name: no characters Windows refuses, no spaces or Chinese punctuation."""
    return re.sub(r'[\\/:*?"<>|\s“”，；（）]+', "", text)[:40]


def report_path(out: str | Path | None, run) -> Path:
    """--out as given (``.xlsx`` added when missing; a folder gets the default name inside it)."""
    if not out:
        return Path("reports") / default_name(run)
    text = str(out)
    path = Path(out)
    if text.endswith(("/", "\\")) or _is_dir(path):
        return path / default_name(run)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    return path


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, a loop: no folder; the write says why it cannot be made
        return False


def is_own_report(path: Path) -> bool:
    """A workbook this tool wrote, recognised by its sheets (not by its name)."""
    return OWN_REPORT.is_report(zip_sheet_names(path))


_STAMP = b"compliance-report sha256="


def _fingerprint(archive: zipfile.ZipFile) -> bytes:
    """Every entry's name, CRC-32 and size, from the central directory: no entry is decompressed."""
    listed = sorted(f"{i.filename}:{i.CRC:08x}:{i.file_size}" for i in archive.infolist())
    return hashlib.sha256("\n".join(listed).encode("utf-8")).hexdigest().encode("ascii")


_ORIGIN_ENTRY = "[Content_Types].xml"  # every workbook has it; its entry comment holds the report's origin


def stamp(path: Path, origin: str | None = None) -> None:
    """Mark a report just written as the tool's, as it is now: the zip comment holds its fingerprint, and the
    comment of one entry ``origin`` (report_origin: what the run was given), where an earlier version, which
    compares the whole zip comment, does not look (review rev62). Excel and WPS write a new archive when they
    save, without either."""
    with zipfile.ZipFile(path, "a") as archive:
        if origin:
            archive.getinfo(_ORIGIN_ENTRY).comment = origin.encode("ascii")
        archive.comment = _STAMP + _fingerprint(archive)


def report_origin(run) -> str | None:
    """What a run was asked to check (the files and folders given, resolved), as a short digest. A report of the
    tool's default name made from other paths (the district's monthly folder, then one unit's self-check or one of
    its files, in the same working folder: probe p87) is kept, not replaced; the same paths run again replace it,
    whatever their folders now hold (review rev62)."""
    given = getattr(run, "given", ())
    if not given:
        return None
    paths = sorted({os.path.normcase(os.path.abspath(p)) for p in given})
    return hashlib.sha256("\n".join(paths).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _origin(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            comment = archive.getinfo(_ORIGIN_ENTRY).comment
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    return comment.decode("ascii", "replace") if comment else None


# What our writers put in docProps/core.xml, and no office program leaves so when it saves (Excel fills in
# lastModifiedBy and the time; LibreOffice, WPS and openpyxl write other properties)
_WRITTEN_CORE = re.compile(rb'^<\?xml[^>]*>\s*<cp:coreProperties [^>]*><dc:creator></dc:creator><cp:lastModifiedBy>'
                           rb'</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">([^<]+)</dcterms:created>'
                           rb'<dcterms:modified xsi:type="dcterms:W3CDTF">\1</dcterms:modified></cp:coreProperties>\s*$')


def untouched(path: Path) -> bool:
    """A report of ours exactly as the tool wrote it: not edited, not saved again in Excel or WPS since
    (法制办's remarks and added sheets are never replaced by the next run). A report of an earlier version,
    without the stamp, counts as untouched while its properties are still as its writer left them."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.comment:
                return archive.comment == _STAMP + _fingerprint(archive)
            return _WRITTEN_CORE.match(archive.read("docProps/core.xml")) is not None
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def tool_named(out: str | Path | None) -> bool:
    """The report's file name is the tool's choice (no --out, or --out a folder), not the user's."""
    return not out or str(out).endswith(("/", "\\")) or _is_dir(Path(out))


def read_only(path: Path) -> bool:
    """A file its owner marked read-only (chmod a-w; Windows' 只读 attribute): kept as a wish not to replace
    it, although the tool's rename would (the folder's permission decides, not the file's)."""
    try:
        return path.is_file() and not path.stat().st_mode & 0o222
    except OSError:
        return False


def why_kept(path: Path, origin: str | None = None) -> str:
    """The code that says why the file at the default report name was left and the report saved aside."""
    return "report-read-only-kept" if read_only(path) else \
        "report-other-files-kept" if is_own_report(path) and untouched(path) and _elsewhere(path, origin) else \
        "report-edited-kept" if is_own_report(path) else "report-foreign-kept"


def _elsewhere(path: Path, origin: str | None) -> bool:
    """A report of ours made from another folder's files (an earlier report, of no origin, is not)."""
    made = _origin(path) if origin else None
    return made is not None and made != origin


def free_name(path: Path, origin: str | None = None) -> Path:
    """``path``, or where it is a report of ours edited since, one made from another folder's files (``origin``:
    report_origin) or a file that is no report of ours (the tool chose the name, the clerk put something there),
    the first of 名称(2).xlsx, 名称(3).xlsx … that is none of these."""
    candidate, k = path, 1
    while candidate.is_file() and not (is_own_report(candidate) and untouched(candidate) and not read_only(candidate)
                                       and not _elsewhere(candidate, origin)):
        k += 1
        candidate = path.with_name(f"{path.stem}({k}){path.suffix}")
    return candidate


def refuse_unsafe_outputs(report: Path, json_path: Path | None, inputs: Iterable[str],
                          reports_read: Iterable[str] = ()) -> None:
    """Raise before anything is written when an output would replace what it must not.

    ``inputs``: every file read (ledgers and --online lists); ``reports_read``:
    our own reports given as input, which a new report may replace.
    """
    protected = {_key(p) for p in inputs}
    if _key(report) in protected - {_key(p) for p in reports_read}:
        raise ComplianceError.of("output-is-input", path=report, option="--out")
    if report.exists() and not is_own_report(report):
        raise ComplianceError.of("output-foreign-file", path=report, kind="报告", option="--out")
    if report.exists() and not untouched(report):  # 法制办's remarks on it: even a report given as input
        raise ComplianceError.of("output-report-edited", path=report)
    if read_only(report):
        raise ComplianceError.of("output-read-only", path=report, option="--out")
    _refuse_file_as_folder(report, "报告", "--out")
    if json_path is None:
        return
    if _key(json_path) in protected:
        raise ComplianceError.of("output-is-input", path=json_path, option="--json")
    if _key(json_path) == _key(report):
        raise ComplianceError.of("output-json-is-report", path=json_path)
    refuse_foreign_json(json_path)


def refuse_foreign_json(json_path: Path) -> None:
    """A --json path on a file the tool did not write, or on a folder, is refused before anything is written."""
    _refuse_file_as_folder(json_path, " JSON 文件", "--json")
    if json_path.is_dir():
        raise ComplianceError.of("output-is-folder", option="--json", path=json_path,
                                 example=json_path / "结果.json")
    if read_only(json_path):
        raise ComplianceError.of("output-read-only", path=json_path, option="--json")
    if json_path.exists() and not is_own_json(json_path):
        raise ComplianceError.of("output-foreign-file", path=json_path, kind=" JSON 文件", option="--json")


def _refuse_file_as_folder(path: Path, kind: str, option: str) -> None:
    """A folder on the way that is a file (r.xlsx/结果.json) fails now, not after another output was written."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise write_failed(kind, path, option, reason=f"{folder} 不是文件夹")


def _key(path) -> str:
    """One spelling per file: resolved, and case-folded where the file system ignores case."""
    try:
        return os.path.normcase(str(Path(path).resolve()))
    except (RuntimeError, OSError):  # a symlink loop (listed as not read): its own spelling, never an output's
        return os.path.normcase(str(Path(path).absolute()))


def write_atomically(path: Path, write: Callable[[Path], T], suffix: str,
                     another: Callable[[Path], Path] | None = None) -> T:
    """``write(temporary path)`` in ``path``'s folder, then a rename over ``path``; nothing left on failure.

    The rename replaces only the file that was at ``path`` before the write began (checked by then,
    refuse_unsafe_outputs): a file that appeared or changed meanwhile (another run saving the same
    default name, a colleague's copy) stays. ``another(path)`` then names another place; without it
    the write fails with a message. Temporary files that killed runs left in that folder are removed
    first (tempfiles.py).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tempfiles.sweep(path.parent)
    seen = _identity(path)
    temp = tempfiles.new_temp(path.parent, suffix)
    try:
        result = write(temp)
        path = _place(temp, path, seen, another)
        tempfiles.announce_written(path)
    finally:
        tempfiles.remove(temp)  # after a link or rename: only a repair's leftover, if any
    return result


def _identity(path: Path) -> tuple | None:
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _place(temp: Path, path: Path, seen: tuple | None, another: Callable[[Path], Path] | None) -> Path:
    while True:
        if seen is None and _link_new(temp, path):
            return path
        if seen is not None and _identity(path) == seen:
            os.replace(temp, path)
            return path
        if another is None:
            raise ComplianceError.of("output-taken-meanwhile", path=path)
        path = another(path)
        seen = _identity(path)


def _link_new(temp: Path, path: Path) -> bool:
    """``temp`` also at ``path`` unless something is there by now (a hard link never replaces a file)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError:  # no hard links here (FAT, some network shares): a rename, checked just before
        if os.path.lexists(path):
            return False
        os.replace(temp, path)
    return True


def next_name(path: Path) -> Path:
    """名称(2).xlsx after 名称.xlsx, 名称(3).xlsx after 名称(2).xlsx …: the first that does not exist."""
    match = re.fullmatch(r"(.*)\((\d+)\)", path.stem)
    stem, k = (match.group(1), int(match.group(2))) if match else (path.stem, 1)
    candidate = path
    while os.path.lexists(candidate):
        k += 1
        candidate = path.with_name(f"{stem}({k}){path.suffix}")
    return candidate
