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
        # a hit belongs to the last text that starts at or before it
        out[np.searchsorted(_starts(texts), np.asarray(hits, dtype=np.int64), side="right") - 1] = True
    return out


def searches(pattern: re.Pattern, texts) -> np.ndarray:
    """Per text (str only): does ``pattern`` match anywhere in it (``re.search``); ``pattern`` must not match
    the separator. One pass over the joined column, in C."""
    texts = texts.tolist() if isinstance(texts, np.ndarray) else list(texts)
    out = np.zeros(len(texts), dtype=bool)
    hits = [m.start() for m in pattern.finditer(_SEPARATOR.join(texts))] if texts else []
    if hits:
        out[np.searchsorted(_starts(texts), np.asarray(hits, dtype=np.int64), side="right") - 1] = True
    return out


def first_group(pattern: re.Pattern, texts) -> np.ndarray:
    """Per text (str only): group 1 of ``pattern``'s first match in it, None where it has none (as
    ``str.extract``); ``pattern`` must not match the separator, so that no match spans two texts."""
    texts = texts.tolist() if isinstance(texts, np.ndarray) else list(texts)
    out = np.full(len(texts), None, dtype=object)
    if not texts:
        return out
    found = [(m.start(), m.group(1)) for m in pattern.finditer(_SEPARATOR.join(texts))]
    if found:
        rows = np.searchsorted(_starts(texts), np.asarray([s for s, _ in found], dtype=np.int64), side="right") - 1
        first = np.r_[True, rows[1:] != rows[:-1]]  # hits come in order: a row's first is its first match
        out[rows[first]] = np.asarray([g for _, g in found], dtype=object)[first]
    return out


def _starts(texts: list[str]) -> np.ndarray:
    """Where each text starts in their joined string."""
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))[:-1] + 1, out=starts[1:])
    return starts


def matches(pattern: re.Pattern, texts) -> np.ndarray:
    """Per text: does ``pattern`` match at its start (``re.match``); one C call per text, no Python frame."""
    texts = texts.tolist() if isinstance(texts, np.ndarray) else list(texts)
    return np.fromiter(map(pattern.match, texts), dtype=object, count=len(texts)) != None  # noqa: E711
