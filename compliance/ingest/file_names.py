"""File names that are not UTF-8 (a zip made on a Chinese Windows, unpacked on Linux: 区编办台账.xlsx in GBK
bytes). Python holds such a name with surrogate escapes, which no reader, report or JSON can carry: one such
file stopped the whole run. Each is read through an alias with the name decoded as GB18030 (GBK's superset),
and shown under that name, with a note; its content is never touched."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def undecodable(path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def shown_name(path) -> str:
    """The path with each part that is not UTF-8 read as GB18030 (what a Chinese Windows wrote); what still
    fails shows as ?. Parts that are UTF-8 (the folders above, made here) stay as they are."""
    return os.sep.join(_decoded(part) for part in str(path).split(os.sep))


def _decoded(part: str) -> str:
    if not undecodable(part):
        return part
    raw = os.fsencode(part)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def aliased(files: list[Path]) -> tuple[list[Path], dict[str, str], str | None]:
    """(the files, each undecodable one replaced by an alias to it, {alias: name shown}, the aliases' folder,
    for ``remove_aliases`` once the files are read). The alias keeps the decoded names of the file and of
    its two folders above (a unit may be named by its folder)."""
    if not any(undecodable(f) for f in files):
        return files, {}, None
    home = tempfile.mkdtemp(prefix="compliance-names-")
    out, shown = [], {}
    try:
        for index, path in enumerate(files):
            if not undecodable(path):
                out.append(path)
                continue
            absolute = Path(os.path.abspath(path))
            folders = [_fitting(shown_name(p.name)) or "_" for p in (absolute.parent.parent, absolute.parent)]
            alias = Path(home, str(index), *folders, _fitting(shown_name(absolute.name)))
            alias.parent.mkdir(parents=True)
            os.symlink(absolute, alias)
            out.append(alias)
            shown[str(alias)] = shown_name(path)
    except BaseException:
        remove_aliases(home)
        raise
    return out, shown, home


def _fitting(name: str, most: int = 240) -> str:
    """A name within a file system's 255 bytes: GBK's two bytes a character are UTF-8's three, so a long
    name that was valid on disk may not be as an alias (the name shown stays whole)."""
    if len(name.encode("utf-8")) <= most:
        return name
    stem, suffix = os.path.splitext(name)
    while stem and len((stem + suffix).encode("utf-8")) > most:
        stem = stem[:-1]
    return stem + suffix


def remove_aliases(home: str | None) -> None:
    if home is not None:
        shutil.rmtree(home, ignore_errors=True)
