"""The vectorised check digits against python-stdnum, the oracle, on random valid and corrupted codes.

python-stdnum checks one value per call; compliance/quality/codes.py checks whole columns with
numpy. Mind stdnum's API: ``uscc.calc_check_digit`` takes the first 17 characters,
``ric.calc_check_digit`` the whole 18; ``ric.is_valid`` also checks the region against its own
list (and raises KeyError for real codes such as 620201), which the tool deliberately does not.
"""

import datetime as dt
import re

import numpy as np
import pandas as pd
from hypothesis import given, settings, strategies as st
from stdnum.cn import ric, uscc

from compliance.quality.codes import (USCC_ALPHABET, USCC_NONE, column_codes, exposed_ids, mask_id,
                                      mask_ids_in_text, ric_valid, uscc_valid)

BODY = st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17)
ANY = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _corrupt(code: str, position: int, char: str) -> str:
    return code[:position] + char + code[position + 1:]


def _uscc_oracle(code: str) -> bool:
    return (len(code) == 18 and all(c in USCC_ALPHABET for c in code)
            and uscc.calc_check_digit(code[:17]) == code[17]) or code == USCC_NONE


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(BODY, st.integers(0, 17), st.sampled_from(ANY), st.booleans()), min_size=1, max_size=40))
def test_uscc_matches_stdnum(items):
    codes = []
    for body, position, char, corrupt in items:
        code = body + uscc.calc_check_digit(body)
        codes.append(_corrupt(code, position, char) if corrupt else code)
    assert uscc_valid(np.array(codes, dtype=object)).tolist() == [_uscc_oracle(c) for c in codes]


def _ric_oracle(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        if ric.calc_check_digit(number) != number[17]:
            return False
        born = ric.get_birth_date(number)
    except Exception:  # stdnum's ValidationError for an impossible date
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date(2099, 12, 31)  # the tool's plausible birth years


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(110000, 659999), st.dates(dt.date(1900, 1, 1), dt.date(2020, 12, 31)),
                          st.integers(0, 999), st.integers(0, 17), st.sampled_from("0123456789X"), st.booleans(),
                          st.booleans()),
                min_size=1, max_size=40))
def test_ric_matches_stdnum(items):
    numbers = []
    for region, born, sequence, position, char, corrupt, bad_day in items:
        day = f"{born:%Y%m}30" if bad_day and born.month == 2 else f"{born:%Y%m%d}"
        body = f"{region}{day}{sequence:03d}"
        number = body + ric.calc_check_digit(body + "0")
        numbers.append(_corrupt(number, position, char) if corrupt else number)
    assert ric_valid(np.array(numbers, dtype=object)).tolist() == [_ric_oracle(n) for n in numbers]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(BODY, st.integers(0, 17), st.sampled_from(ANY + " ａ"), st.booleans()), min_size=1,
                max_size=8), st.randoms(use_true_random=False))
def test_a_repeating_column_is_checked_per_value_with_the_same_answers(items, random):
    """An agency's own code fills its whole column: checked once per distinct value, answered per row."""
    values = []
    for body, position, char, corrupt in items:
        code = body + uscc.calc_check_digit(body)
        values.append(_corrupt(code, position, char) if corrupt else code)
    values += ["", USCC_NONE, "11010519491231002X", "110105194912310021"]
    cells = [random.choice(values) for _ in range(300)]  # many repeats: the distinct path
    codes = column_codes(np.array(cells, dtype=object))
    normalised = ["".join(c.replace("ａ", "A").split()).upper() for c in cells]  # full-width a: half-width
    assert codes.values.tolist() == normalised
    assert codes.uscc_valid().tolist() == [_uscc_oracle(c) for c in normalised]
    assert codes.ric_valid().tolist() == [_ric_oracle(c) for c in normalised]
    assert codes.id_shaped().tolist() == [len(c) == 18 and c[:17].isdigit() and (c[17].isdigit() or c[17] == "X")
                                          for c in normalised]


def test_known_codes():
    assert uscc.calc_check_digit("91350100M000100Y4") == "3"
    assert uscc_valid(np.array(["91350100M000100Y43", "91350100M000100Y44", USCC_NONE, ""], dtype=object)).tolist() \
        == [True, False, True, False]
    # 620201: a real region missing from stdnum's list (its is_valid raises KeyError); the tool accepts it
    assert ric_valid(np.array(["11010519491231002X", "620201198510101231", "420203199002300015"],
                              dtype=object)).tolist() == [True, True, False]


def test_birth_years_outside_1900_to_2099_are_mistyped_on_every_pandas_version():
    """Year 7000 is a real calendar date but past pandas 2.0's nanosecond range: the answer must not
    depend on the installed pandas (the lower-bound CI run once disagreed with the newest)."""
    bodies = ["03369870000202339", "11010518991231002", "11010520991231002", "11010521000101002"]
    numbers = [b + ric.calc_check_digit(b + "0") for b in bodies]
    assert ric_valid(np.array(numbers, dtype=object)).tolist() == [False, False, True, False]


def test_masking_keeps_the_first_6_and_last_4():
    assert mask_id("11010519491231002X") == "110105********002X"
    texts = pd.Series(["张三 11010519491231002X", "no id", None, "a1101051949123100211b"], dtype=object)
    assert mask_ids_in_text(texts).tolist()[:3] == ["张三 110105********002X", "no id", None]
    assert mask_ids_in_text(texts).tolist()[3] == "a1101051949123100211b"  # not a separate number
    shown = exposed_ids(pd.Series(["张三 11010519491231002X", "李四 110105194912310021", ""], dtype=object))
    assert shown.tolist() == ["110105********002X", "", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.just(float("nan")), st.integers(0, 3),
                          st.text(alphabet="自然人法个体工商户 \t　\n", max_size=8)), max_size=30))
def test_party_types_lose_their_spaces_once_per_value_as_the_string_method_would(values):
    from compliance.quality.checks import _without_spaces

    def plain(v):  # what pandas' .str.replace gives in a column of mixed cells
        return re.sub(r"\s+", "", v) if isinstance(v, str) else v if v is None or v != v else float("nan")

    assert pd.Series(_without_spaces(values), dtype=object).equals(pd.Series([plain(v) for v in values], dtype=object))
