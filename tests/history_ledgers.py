"""The history walk's three months of ledgers: tools/samples/make_monthly.py, the one source of them
(it also writes sample_monthly/ for the README)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "tools" / "samples" / "make_monthly.py"
_spec = importlib.util.spec_from_file_location("make_monthly", _PATH)
make_monthly = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_monthly)

RUNS = make_monthly.RUNS
write_month = make_monthly.write_month
