"""文书号 normalisation: the column-wise form (one joined string) gives what the one-number rule gives."""

from __future__ import annotations

import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from compliance.ingest.docnumbers import normalise_document_numbers, normalise_one, split_numbers

_CHARS = st.sampled_from(list("西安监罚字第号〔〕[]（）()【】０１２0123456789 \u3000\t 无/-空—年\u0301é\x1c\x85Ａ²①"))
_CELL = st.one_of(st.text(_CHARS, max_size=14), st.sampled_from(["暂无", "无文号", "", " 无 ", "a\x00b"]),
                  st.text(max_size=6))


@settings(max_examples=400, deadline=None)
@given(st.lists(_CELL, max_size=8))
def test_the_column_is_each_number_normalised(cells):
    got = normalise_document_numbers(pd.Series(cells, dtype=object)).tolist()
    assert got == [normalise_one(c) for c in cells]


def test_the_spellings_of_one_number_are_one_and_placeholders_are_none():
    cells = ["西安监罚〔2016〕7号", "西安监罚[2016]7号", "西安监罚（２０１６）７号", "西安监罚〔2016〕第7号",
             "西安监罚字〔2016〕7号", "西安监罚〔2016〕7", " 西安监罚 〔2016〕 007号", "无", "／", None, "空"]
    got = normalise_document_numbers(pd.Series(cells, dtype=object)).tolist()
    assert got[:7] == ["西安监罚〔2016〕7号"] * 7
    assert got[7:] == ["", "", "", ""]


def test_year_first_spellings_and_a_note_after_the_number_are_one_number():
    cells = ["（2026）西综执罚字第18号", "(2026)西综执罚字18号", "〔2026〕西综执罚字第018号", "（2026）西综执罚字第18号（已送达）",
             "西市监罚〔2026〕601号（已送达）", "西市监罚〔2026〕601号\n（案卷号：2026-045）", "西市监罚〔2026〕601号"]
    got = normalise_document_numbers(pd.Series(cells, dtype=object)).tolist()
    assert got == ["西综执罚〔2026〕18号"] * 4 + ["西市监罚〔2026〕601号"] * 3
    # …and the same number as a credit platform rewrites it, year after the issuer (probe 60 F4); a court's stays
    other = ["西综执罚〔2026〕18号", "西综执罚字〔2026〕第18号", "〔2026〕西综执罚18号", "(2026)鄂0203行初12号"]
    assert normalise_document_numbers(pd.Series(other, dtype=object)).tolist() == \
        ["西综执罚〔2026〕18号"] * 3 + ["〔2026〕鄂0203行初12号"]


@settings(max_examples=400, deadline=None)
@given(_CELL)
@example("Ａ \u0304").via("a mark after a space composes only once the space is gone")
@example("7\u00a8\u00a8").via("NFKC makes a space and a mark of ¨")
@example("字字(").via("字 typed twice before the year: both go at once")
@example("' '西城管罚〔2025〕150号").via("Excel's text marks, one after a space")
def test_a_normalised_number_normalises_to_itself(cell):
    """The history store keys its stored numbers anew with today's rule (history/store.py): the rule must
    leave its own output as it is."""
    once = normalise_one(cell)
    assert normalise_one(once) == once


def test_excels_text_mark_before_a_number_is_no_part_of_it():
    """A case system's CSV writes '西城管罚决字〔2025〕150号: the same decision as in the unit's workbook (it was
    counted twice, one late decision as two)."""
    cells = pd.Series(["'西城管罚决字〔2025〕150号", "西城管罚决字〔2025〕150号", "‘西城管罚〔2025〕151号"], dtype=object)
    assert normalise_document_numbers(cells).tolist() == ["西城管罚决〔2025〕150号"] * 2 + ["西城管罚〔2025〕151号"]
    assert normalise_one("'西城管罚决字〔2025〕150号") == "西城管罚决〔2025〕150号"


def test_split_numbers_gives_each_number_a_cell_holds():
    assert split_numbers(normalise_one("西市监罚〔2026〕501号、502号")) == ["西市监罚〔2026〕501号", "西市监罚〔2026〕502号"]
    assert split_numbers(normalise_one("西人社许[2025]3号；\n西人社许（2025）第4号")) == ["西人社许〔2025〕3号", "西人社许〔2025〕4号"]
    assert split_numbers(normalise_one("西市监罚〔2026〕501号（已送达）")) == []
    assert split_numbers("") == []
