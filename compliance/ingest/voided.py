"""Rows for document numbers that were voided (作废, 空号): a clerk keeps them to explain a gap in the numbering.

A row that says its number was voided and names no decision (no party, no
decision date) is no decision: a skipped row, said on the sheet. Judged as a
record, it was an invented 数据有误 (决定日期为空) that lowered the unit's rate.
A row that names a decision and says 作废 or 撤销 stays a record, judged as
any other: the word is the unit's claim, listed for 法制办 with the other
claims not to publish (exempt.py, ``exempt-claimed``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..textscan import contains_any

# What a clerk writes beside a number that was never used for a decision.
VOID_WORDS = ("作废", "空号", "废号")
# The columns besides the number and the party where the word is written.
NOTE_FIELDS = ("remarks", "decision_state")


def _says_void(texts: np.ndarray) -> np.ndarray:
    return contains_any(texts, VOID_WORDS)


def void_rows(doc: pd.Series, party: pd.Series, decision_text: pd.Series, *notes: pd.Series) -> np.ndarray:
    """Rows whose number, party or a note column (备注, 当前状态) says voided, with no decision date and
    no party other than the word itself (party cell 空号, （作废）)."""
    said = np.zeros(len(doc), dtype=bool)
    for column in (doc, party, *notes):
        texts = column.to_numpy(object)
        filled = np.flatnonzero(texts != "")
        if len(filled):
            said[filled] |= _says_void(texts[filled])
    party_texts = party.to_numpy(object)
    no_party = (party_texts == "") | _says_void(party_texts)
    return said & no_party & (decision_text.to_numpy(object) == "")
