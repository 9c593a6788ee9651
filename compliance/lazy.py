"""Public names of a package loaded on first use (PEP 562), so that importing the package is cheap."""

from __future__ import annotations

import importlib
import sys
from typing import Callable


def lazy_names(package: str, where: dict[str, str]) -> tuple[Callable, Callable]:
    """The package's ``__getattr__`` and ``__dir__``: each name in ``where`` is imported from its
    module (relative to ``package``) the first time it is asked for, and kept."""
    namespace = vars(sys.modules[package])

    def __getattr__(name: str):
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(where[name], package), name)
        namespace[name] = value  # once
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__
