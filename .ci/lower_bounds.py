"""Print a pip constraints file that pins every direct dependency at its declared lower bound.

    python .ci/lower_bounds.py pyproject.toml test > lower-bounds.txt

The runtime dependencies and the named extras of ``[project]`` are read; a
requirement whose marker does not apply to this interpreter (tomli on 3.11+)
is left out. Every requirement must declare a lower bound (``>=``, ``~=`` or
``==``): a dependency without one fails here, because a bound that is never
installed is a guess. Needs ``packaging`` (pytest brings it into the test venv).
"""

from __future__ import annotations

import sys
import tomllib

from packaging.requirements import Requirement

LOWER = (">=", "~=", "==")


def requirements(pyproject: dict, extras: list[str]) -> list[str]:
    project = pyproject["project"]
    listed = list(project["dependencies"])
    for extra in extras:
        listed += project["optional-dependencies"][extra]
    return listed


def pin(text: str) -> str | None:
    """``name==lower`` for one requirement; None when its marker excludes this interpreter."""
    requirement = Requirement(text)
    if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
        return None
    lows = [spec.version for spec in requirement.specifier if spec.operator in LOWER]
    if len(lows) != 1:
        raise SystemExit(f"{text!r}: declare exactly one lower bound (>=, ~= or ==), found {len(lows)}")
    return f"{requirement.name}=={lows[0]}"


def main(argv: list[str]) -> None:
    path, extras = argv[0], argv[1:]
    with open(path, "rb") as handle:
        pyproject = tomllib.load(handle)
    for text in requirements(pyproject, extras):
        pinned = pin(text)
        if pinned:
            print(pinned)


if __name__ == "__main__":
    main(sys.argv[1:])
