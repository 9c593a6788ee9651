"""Paths read -> the names a user knows: web uploads saved under temporary paths, and files whose names
are not UTF-8 read through an alias (ingest/file_names.py). Applied before any output is written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .errors import FileFault
from .problems import Problem


def relabel_inputs(frames, inputs, shown: dict[str, str]) -> None:
    """Put the names a user knows in place of the paths read (``shown``: path -> name), in every frame of
    records (``frames``; None passed over), the files' entries and every problem about them, before any
    output is written."""
    located = _locations(shown)
    for frame in frames:
        if frame is not None and "source_file" in frame:
            frame["source_file"] = frame["source_file"].map(lambda p: shown.get(p, p))
        for column in ("first_copy", "duplicate_of") if frame is not None and located else ():
            if column in frame:  # where a repeat's other copy is: 2/台账.xlsx / Sheet1 / 第 3 行, as read
                said = frame[column].notna().to_numpy(bool)
                frame.loc[said, column] = [_relocated(t, located) for t in frame.loc[said, column]]
    for entry in inputs:
        entry.path = shown.get(entry.path, entry.path)
        entry.notes = [_renamed(n, shown) for n in entry.notes]
        if entry.not_read is not None:
            entry.not_read = _renamed(entry.not_read, shown)
        if entry.error is not None:
            entry.error = FileFault.from_problem(_renamed(entry.error.problem, shown), entry.error.detail)
        for sheet in entry.sheets:
            sheet.notes = [_renamed(n, shown) for n in sheet.notes]
            sheet.problems = [_renamed(p, shown) for p in sheet.problems]


def _locations(shown: dict[str, str]) -> dict[str, str]:
    """{a file as a repeat's location names it (its name, or its folder and name: ingest/repeats.file_names):
    the name shown}, the longer first."""
    out = {}
    for path, name in shown.items():
        read = Path(path)
        out[f"{read.parent.name}/{read.name} / "] = f"{name} / "
        out.setdefault(f"{read.name} / ", f"{name} / ")
    return dict(sorted(out.items(), key=lambda item: -len(item[0])))


def _relocated(text, located: dict[str, str]):
    if isinstance(text, str):
        for read, name in located.items():
            if text.startswith(read):
                return name + text[len(read):]
    return text


def _renamed(found: Problem, shown: dict[str, str]) -> Problem:
    """A problem with the shown names in place of the paths read, in its place and its values."""
    values = tuple((k, scrub_text(v, shown)) for k, v in found.values)
    return replace(found, file=shown.get(found.file, scrub_text(found.file, shown)), values=values)


def scrub_text(text, shown: dict[str, str]):
    if isinstance(text, str):
        for path, name in shown.items():
            if path in text:
                text = text.replace(path, name)
    return text
