"""Uploaded files: safe names on disk, and the way back from those paths to what the user sent.

A name from an upload is never trusted as a path. Only its last component is
kept, characters that are unsafe in a file name (on Windows too) are dropped,
and the file is written, without overwriting, into a fresh folder made for
the one request. The cleaned name is still the file's name because the loader
reads the unit and the category from it (区人社局_2016年行政许可.xlsx), as the
CLI does; the folder is the only path part, and it is generated.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import BinaryIO

from ..ingest.action_kinds import kind_from_text
from ..ingest.unit_text import unit_in_text
from ..rules import CATEGORY_LABELS
from ..relabel import relabel_inputs, scrub_text

UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Device names Windows will not let a file be called, whatever its extension.
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 100
MAX_SUFFIX = 10
# On disk: room for " (99)" and the suffix within 255 bytes, and a short path on Windows.
MAX_DISK_BYTES = 150
MAX_DISK_CHARS = 80


_RAW_FILENAME = re.compile(r'filename="((?:[^"\\]|\\.)*)"')
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:\\|\\\\)")


def upload_name(storage) -> str | None:
    """The name an upload was sent under. An old browser (IE, on the intranet by default) sends the whole
    Windows path, C:\\Users\\a\\区编办_台账.xlsx, unescaped; the form parser reads its backslashes as escapes
    (CUsersa区编办_台账.xlsx), so the last part is taken from the part's own header (probe p85)."""
    raw = _RAW_FILENAME.search(storage.headers.get("Content-Disposition", "") or "")
    if raw is not None and _WINDOWS_PATH.match(raw.group(1)):
        return raw.group(1).rsplit("\\", 1)[-1]
    return storage.filename


def display_name(raw: str | None) -> str:
    """The last component of an upload's name, cleaned: shown to the user and used as the leaf name."""
    name = unicodedata.normalize("NFC", raw or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in UNSAFE.sub("", name) if ch.isprintable())
    name = name.strip(" .")  # "..", hidden files, and Windows' trailing dots and spaces
    stem, suffix = os.path.splitext(name)
    if len(suffix) > MAX_SUFFIX or not re.fullmatch(r"\.[0-9A-Za-z]+", suffix or ".x"):
        stem, suffix = name, ""
    stem = stem[:MAX_STEM].strip(" .") or "未命名文件"
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        stem = "_" + stem
    return stem + suffix.lower()


def disk_name(name: str) -> str:
    """The name written to disk: ``name`` unless it is too long for a file system.

    Linux and macOS allow 255 bytes per name (84 Chinese characters are 252
    bytes in UTF-8), and Windows 260 characters for the whole path. A long stem
    keeps its start and its end (the unit and the category are read from the
    name), joined by "…"; the user still sees the whole name.
    """
    stem, suffix = os.path.splitext(name)
    if len(stem) <= MAX_DISK_CHARS and len(stem.encode("utf-8")) <= MAX_DISK_BYTES:
        return name
    head, tail = _fit(stem, MAX_DISK_BYTES * 2 // 3), _fit(stem[::-1], MAX_DISK_BYTES // 3 - 3)[::-1]
    short = head.rstrip(" .") + "…" + tail
    unit, kind = unit_in_text(stem), kind_from_text(stem)
    if unit_in_text(short) == unit and kind_from_text(short) == kind:
        return short + suffix
    # The unit or the kind is named in the part cut out (关于报送…（区环保局）…第二批次): the loader reads
    # them from this name, so they go first, and the kind words of the cut name go (a file of both kinds
    # cut to 许可 alone would become a permit file): the web then reads what the CLI reads from the whole.
    kept = "_".join(w for w in (unit, CATEGORY_LABELS.get(kind)) if w)
    short = _KIND_WORDS.sub("", short)
    budget = MAX_DISK_BYTES - len(kept.encode("utf-8")) - 1
    head, tail = _fit(short, budget * 2 // 3), _fit(short[::-1], budget // 3 - 3)[::-1]
    return f"{kept}_{head.rstrip(' .')}…{tail}{suffix}" if kept else head.rstrip(" .") + "…" + tail + suffix


_KIND_WORDS = re.compile(r"许可|处罚|确认|备案|登记")


def _fit(text: str, budget: int) -> str:
    """The longest start of ``text`` within ``budget`` UTF-8 bytes and MAX_DISK_CHARS // 2 characters."""
    out, used = [], 0
    for ch in text[:MAX_DISK_CHARS // 2]:
        used += len(ch.encode("utf-8"))
        if used > budget:
            break
        out.append(ch)
    return "".join(out)


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)`` … when taken (compared without case, as Windows does)."""
    stem, suffix = os.path.splitext(name)
    number, candidate = 1, name
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    taken.add(candidate.casefold())
    return candidate


def save_uploads(files: list[tuple[str | None, BinaryIO]], folder: Path) -> dict[str, str]:
    """Write each (name, stream) into ``folder``; returns {path on disk: name shown to the user}."""
    folder = Path(folder).resolve()
    shown: dict[str, str] = {}
    names: set[str] = set()
    leaves: dict[str, set[str]] = {}  # sub-folder -> the names on disk there
    for raw_name, stream in files:
        name = _unique(display_name(raw_name), names)  # two uploads called 自查.xlsx stay two files
        # ... each under its own name on disk (a second one in a sub-folder 2/): the name is what the
        # unit may be read from, and 自查 (2) would make a second unit of one unit's two sheets
        leaf, sub = disk_name(display_name(raw_name)), 1
        while leaf.casefold() in leaves.setdefault(str(sub), set()):
            sub += 1
        leaves[str(sub)].add(leaf.casefold())
        parent = folder if sub == 1 else folder / str(sub)
        parent.mkdir(exist_ok=True)
        path = parent / leaf
        if path.parent != parent:  # cannot happen after display_name; checked all the same
            raise ValueError(f"unsafe upload name: {raw_name!r}")
        with open(path, "xb") as out:
            shutil.copyfileobj(stream, out, 1 << 20)
        shown[str(path)] = name
    return shown


def relabel(run, shown: dict[str, str]) -> None:
    """Put the uploaded names back in place of the temporary paths, before any output is written."""
    # The records as read and the repeats name files too: 计入他单位 (api.CheckRun._counted_elsewhere)
    # matches the files' entries against the records as read, and lost its line when they differed.
    relabel_inputs((run.records, run.loaded.records, run.repeats), run.inputs, shown)


def scrub(value, shown: dict[str, str], folder: str):
    """Any temporary path left anywhere in a JSON value, replaced by the uploaded name."""
    if isinstance(value, str):
        return scrub_text(value, shown).replace(folder + os.sep, "") if folder in value else value
    if isinstance(value, list):
        return [scrub(v, shown, folder) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v, shown, folder) for k, v in value.items()}
    return value
