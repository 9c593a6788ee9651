"""The report's text measure (layout.measured), column-wise, against the rule said one text at a time:
a character from U+2E80 on (CJK, full-width forms) prints WIDE_UNITS columns, any other one column."""

from hypothesis import given
from hypothesis import strategies as st

from compliance.report.layout import WIDE_UNITS, measured, wrapped_heights

TEXTS = st.lists(st.text(alphabet=st.sampled_from("a1 \n〔〕号某罚（）—“”é\u2e7f\u2e80\udcff"), max_size=12), max_size=30)


def one_by_one(text: str, wide: float) -> float:
    return sum(wide if ord(ch) >= 0x2E80 else 1 for ch in text)


@given(TEXTS, st.sampled_from([WIDE_UNITS, 2.0]))
def test_widths_and_line_breaks_are_those_of_each_text_alone(texts, wide):
    shown, breaks = measured(texts, wide)
    assert len(shown) == len(breaks) == len(texts)
    for text, width, count in zip(texts, shown, breaks):
        assert abs(width - one_by_one(text, wide)) < 1e-9, text
        assert count == text.count("\n"), text


def test_a_row_is_as_tall_as_the_lines_its_text_takes_blank_and_numbers_one_line():
    heights = wrapped_heights(["某" * 10, None, 12345, "ab\ncd", "", "某" * 4], width=12)
    # 10 CJK characters print 21 columns: 3 lines of 10 usable (15 pt each, 2 spare); "ab\ncd" 1 line plus a break
    assert heights == {0: 47.0, 3: 32.0}
