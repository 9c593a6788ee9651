"""Whole-column text tests without a Python loop per cell.

A sheet of 100,000 records asks the same questions of every cell of a column
(does it say 不公开, 作废 …?). Asked cell by cell, each is a Python loop over
the rows; here a column is searched as one string, in C, and the few hits are
mapped back to their rows.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_SEPARATOR = "\x00"  # no word contains it, so no match can run from one cell into the next


@lru_cache(maxsize=64)
def _any_of(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def contains_any(texts, words: tuple[str, ...]) -> np.ndarray:
    """Per text (str only): does it contain any of ``words``, as plain substrings (not patterns)."""
    texts = texts.tolist() if isinstance(texts, np.ndarray) else list(texts)
    out = np.zeros(len(texts), dtype=bool)
    if not texts or not words:
        return out
    joined = _SEPARATOR.join(texts)
    hits = [m.start() for m in _any_of(tuple(words)).finditer(joined)]
    if hits:
        # Where each text starts in the joined string: a hit belongs to the last start at or before it.
        starts = np.zeros(len(texts), dtype=np.int64)
        np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))[:-1] + 1, out=starts[1:])
        out[np.searchsorted(starts, np.asarray(hits, dtype=np.int64), side="right") - 1] = True
    return out


def matches(pattern: re.Pattern, texts) -> np.ndarray:
    """Per text: does ``pattern`` match at its start (``re.match``); one C call per text, no Python frame."""
    texts = texts.tolist() if isinstance(texts, np.ndarray) else list(texts)
    return np.fromiter(map(pattern.match, texts), dtype=object, count=len(texts)) != None  # noqa: E711
