"""The whole-column text tests agree with the plain Python ones, text by text."""

import re

import numpy as np
from hypothesis import given, settings, strategies as st

from compliance.claims import NOT_TO_BE_PUBLISHED, VOIDED_OR_REVOKED, says_not_to_be_published
from compliance.textscan import contains_any, first_group, matches

# Cells built from the words themselves, their pieces, the separator and ordinary text, so that words
# straddle the joins between cells, overlap, repeat and stand at either end.
WORDS = NOT_TO_BE_PUBLISHED + VOIDED_OR_REVOKED
PIECES = st.sampled_from(list(WORDS) + ["不", "公开", "撤", "销", "\x00", "", " ", "西市监罚〔2019〕5号", "a", "予"])
CELLS = st.lists(st.lists(PIECES, max_size=4).map("".join), max_size=40)


@settings(max_examples=300, deadline=None)
@given(CELLS, st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True))
def test_contains_any_is_any_word_in_text(cells, words):
    expected = [any(w in t for w in words) for t in cells]
    assert contains_any(np.array(cells, dtype=object), tuple(words)).tolist() == expected
    assert contains_any(cells, tuple(words)).tolist() == expected


def test_contains_any_cases():
    cells = ["不予公开", "", "公开", "撤销后重新作出", "不\x00公开", "作废", "依法不公开（涉密）"]
    assert contains_any(cells, ("不公开", "作废")).tolist() == [False, False, False, False, False, True, True]
    assert contains_any([], ("作废",)).tolist() == []
    assert says_not_to_be_published(cells).tolist() == [True, False, False, False, False, False, True]
    assert says_not_to_be_published(cells, voided=True).tolist() == [True, False, False, True, False, True, True]


@settings(max_examples=200, deadline=None)
@given(CELLS)
def test_matches_is_re_match(cells):
    pattern = re.compile(r"\s*(?:不|撤销|a)")
    assert matches(pattern, np.array(cells, dtype=object)).tolist() == [pattern.match(t) is not None for t in cells]


# 文书号 pieces: bracketed years of every bracket kind, broken brackets, the separator, years out of range.
YEAR_PIECES = st.sampled_from(["〔2019〕", "[2026]", "(2020)", "（2018）", "〔1899〕", "〔20", "19〕", "\x00", "",
                               "西市监罚", "5号", "〔〔2021〕〕", "(2022〕", " "])
NUMBERS = st.lists(st.lists(YEAR_PIECES, max_size=5).map("".join), max_size=40)


@settings(max_examples=300, deadline=None)
@given(NUMBERS)
def test_first_group_is_the_first_match_of_each_text(cells):
    pattern = re.compile(r"[〔\[(（]((?:19|20)\d{2})[〕\])）]")
    expected = [m.group(1) if (m := pattern.search(t)) else None for t in cells]
    assert first_group(pattern, np.array(cells, dtype=object)).tolist() == expected


def test_first_group_cases():
    pattern = re.compile(r"〔(\d{4})〕")
    assert first_group(pattern, ["甲〔2019〕1号〔2020〕", "", "乙〔2021〕", "无"]).tolist() == ["2019", None, "2021", None]
    assert first_group(pattern, []).tolist() == []
