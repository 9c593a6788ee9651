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
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import FileFault
from ..problems import Problem

UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Device names Windows will not let a file be called, whatever its extension.
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 100
MAX_SUFFIX = 10


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


def save_uploads(files: list[tuple[str | None, BinaryIO]], folder: Path) -> dict[str, str]:
    """Write each (name, stream) into ``folder``; returns {path on disk: name shown to the user}."""
    folder = Path(folder).resolve()
    shown: dict[str, str] = {}
    taken: set[str] = set()
    for raw_name, stream in files:
        name = display_name(raw_name)
        stem, suffix = os.path.splitext(name)
        number = 1
        while name.casefold() in taken:  # two uploads called 自查.xlsx stay two files
            number += 1
            name = f"{stem} ({number}){suffix}"
        taken.add(name.casefold())
        path = folder / name
        if path.parent != folder:  # cannot happen after display_name; checked all the same
            raise ValueError(f"unsafe upload name: {raw_name!r}")
        with open(path, "xb") as out:
            shutil.copyfileobj(stream, out, 1 << 20)
        shown[str(path)] = name
    return shown


def relabel(run, shown: dict[str, str]) -> None:
    """Put the uploaded names back in place of the temporary paths, before any output is written."""
    records = run.records
    records["source_file"] = records["source_file"].map(lambda p: shown.get(p, p))
    for entry in run.inputs:
        entry.path = shown.get(entry.path, entry.path)
        entry.notes = [_renamed(n, shown) for n in entry.notes]
        if entry.not_read is not None:
            entry.not_read = _renamed(entry.not_read, shown)
        if entry.error is not None:
            entry.error = FileFault.from_problem(_renamed(entry.error.problem, shown))
        for sheet in entry.sheets:
            sheet.notes = [_renamed(n, shown) for n in sheet.notes]
            sheet.problems = [_renamed(p, shown) for p in sheet.problems]


def _renamed(found: Problem, shown: dict[str, str]) -> Problem:
    """A problem with the uploaded names in place of the temporary paths, in its place and its values."""
    values = tuple((k, scrub_text(v, shown)) for k, v in found.values)
    return replace(found, file=shown.get(found.file, scrub_text(found.file, shown)), values=values)


def scrub_text(text, shown: dict[str, str]):
    if isinstance(text, str):
        for path, name in shown.items():
            if path in text:
                text = text.replace(path, name)
    return text


def scrub(value, shown: dict[str, str], folder: str):
    """Any temporary path left anywhere in a JSON value, replaced by the uploaded name."""
    if isinstance(value, str):
        return scrub_text(value, shown).replace(folder + os.sep, "") if folder in value else value
    if isinstance(value, list):
        return [scrub(v, shown, folder) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v, shown, folder) for k, v in value.items()}
    return value
