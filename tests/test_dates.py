"""Every date spelling met in unit spreadsheets, and every bad value's problem."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.dates import DATE_DTYPE, iso_date, iso_dates, parse_date, parse_dates
from compliance.problems import message

D = dt.date(2016, 5, 3)

GOOD = [
    (dt.datetime(2016, 5, 3, 0, 0), D),
    (dt.datetime(2016, 5, 3, 14, 30), D),
    (D, D),
    (pd.Timestamp("2016-05-03"), D),
    (np.datetime64("2016-05-03"), D),
    (42493, D),  # Excel serial
    # a short note in brackets after the day (its site, the procedure), or 是 / √ before it: the day is the day
    ("2016-05-03（区政府网站）", D), ("2016-05-03（简易程序）", D), ("2016年5月3日(信用中国)", D),
    ("是（2016-05-03）", D), ("是 2016-05-03", D), ("√2016-05-03", D),
    (42493.6, D),  # serial with a time of day
    ("42493", D),
    (20160503, D),
    ("2016-05-03", D),
    ("2016-5-3", D),
    ("2016/5/3", D),
    ("2016/05/03", D),
    ("2016.5.3", D),
    ("2016年5月3日", D),
    ("2016年05月03日", D),
    ("2016 年 5 月 3 日", D),
    ("20160503", D),
    ("二〇一六年五月三日", D),
    ("二零一六年五月三日", D),
    ("二〇一六年九月十四日", dt.date(2016, 9, 14)),
    ("二〇一六年十月十日", dt.date(2016, 10, 10)),
    ("二〇一六年十一月二十日", dt.date(2016, 11, 20)),
    ("二〇一六年十二月三十一日", dt.date(2016, 12, 31)),
    ("二〇一六年十二月二十一号", dt.date(2016, 12, 21)),
    ("二〇一六年九月廿五日", dt.date(2016, 9, 25)),  # 廿 = 二十, 卅 = 三十: the old forms still typed
    ("二〇一六年十月卅一日", dt.date(2016, 10, 31)),
    ("二〇一六年九月廿日", dt.date(2016, 9, 20)),
    ("贰零壹陆年伍月叁日", D),  # the financial forms, as on a stamped certificate
    ("贰〇壹陆年拾贰月叁拾壹日", dt.date(2016, 12, 31)),
    ("贰零壹陆年拾月拾日", dt.date(2016, 10, 10)),
    ("２０１６－０５－０３", D),
    ("２０１６年５月３日", D),
    ("２０１６／５／３", D),
    ("2016-05-03 14:30", D),
    ("2016-05-03 14:30:15", D),
    ("2016-05-03T14:30:15", D),
    ("2016/5/3 9:05", D),
    ("2016年5月3日 14时30分", D),
    ("  2016-05-03  ", D),
    ("\t2016-05-03\n", D),
    # a weekday after the date, as some systems export it: checked against the date (2016-05-03 was a Tuesday)
    ("2016/05/03 星期二", D),
    ("2016年5月3日（周二）", D),
    ("2016-05-03(礼拜二) 14:30", D),
    ("２０１６－０５－０３　星期二", D),
    # the dashes a Chinese keyboard types (— – ― −), and a two-digit year with 年 and 月 written out
    ("2016—5—3", D), ("2016–05–03", D), ("2016―5―3", D), ("2016−5−3", D),
    ("16年5月3日", D), ("16年05月03号 14:30", D),
    # 〇 typed as the digit 0 or the letter o, and digits mixed with numerals
    ("二0一六年五月三日", D), ("二o一六年五月三十一日", dt.date(2016, 5, 31)), ("2016年五月三日", D),
    # the half of the day, with or without the hour; a hyphen from a word processor (U+2010, U+2012)
    ("2016年5月3日 下午", D), ("2016年5月3日上午", D), ("2016年5月3日 下午3点", D), ("2016年5月3日下午3点半", D),
    ("2016-05-03 下午2:30", D), ("2016\u201005\u201003", D), ("2016\u20125\u20123", D),
    # the words web pages and clerks put round a publication date, and Excel's text apostrophe
    ("[2016-05-03]", D), ("【2016-05-03】", D), ("（2016年5月3日）", D), ("2016-05-03 发布", D),
    ("发布时间：2016-05-03", D), ("已于2016年5月3日在区政府网站公开", D), ("2016.5.3已公开", D),
    ("于2016年5月3日公示", D), ("'2016-05-03", D),
    # the same words on the other side of the date, and a late publication said in brackets
    ("已在门户网站公开 2016-05-03", D), ("已公开 2016-05-03", D), ("2016-05-03 已在门户网站公开", D),
    ("公开于2016-05-03", D), ("2016-05-03（补公开）", D), ("2016年5月3日已在信用中国公示", D),
    ("2016。5。3", D),  # the full stop a Chinese keyboard types for .
]


@pytest.mark.parametrize("value, expected", GOOD)
def test_good_spellings(value, expected):
    parsed = parse_date(value)
    assert parsed.date == expected and parsed.problem is None


BAD = [
    (None, "date-missing"),
    ("", "date-missing"),
    ("   ", "date-missing"),
    (float("nan"), "date-missing"),
    ("2016-02-30", "date-impossible"),
    ("2016年13月1日", "date-impossible"),
    ("二〇一六年二月三十日", "date-impossible"),
    ("贰零壹陆年贰拾月壹日", "date-impossible"),
    ("#VALUE!", "date-formula-error"),
    ("#REF!", "date-formula-error"),
    ("#N/A", "date-formula-error"),
    ("#DIV/0!", "date-formula-error"),
    (True, "date-invalid-type"),
    (False, "date-invalid-type"),
    (1e16, "date-unparseable"), (230506, "date-unparseable"), ("230506", "date-unparseable"),  # yymmdd: no serial
    (2016503, "date-unparseable"),
    (-5, "date-out-of-range"),
    (123, "date-out-of-range"),
    (float("inf"), "date-out-of-range"),
    ("1989-12-31", "date-out-of-range"),
    ("2101-01-01", "date-out-of-range"),
    ("已公开", "date-unparseable"),
    ("待定", "date-unparseable"),
    ("2016-05-03 另见附件", "date-with-words"),
    ("五月三日", "date-unparseable"), ("10月8日", "date-no-year"), ("5月3号", "date-no-year"),
    (3.05, "date-no-year"), (12.3, "date-no-year"), ("3.5", "date-no-year"), (13.5, "date-out-of-range"),
    # a year and month, or a year, without the day; as a number 2016.5 would be a serial in 1905
    ("2016年10月", "date-no-day"), ("2016-10", "date-no-day"), ("2016.5", "date-no-day"), ("２０１６．１２", "date-no-day"),
    ("2016年", "date-no-day"), ("201610", "date-no-day"), (2016.5, "date-no-day"), (2016.1, "date-no-day"),
    (2016.12, "date-no-day"), (2016, "date-no-day"), (201610, "date-no-day"),
    # a date typed as a decimal (probe p74 F6): its year is no fault, "超出范围（1990–2100）" misled
    (2016.13, "date-unparseable"), (2026.1009, "date-unparseable"), (2026.109, "date-unparseable"), (201613, "date-unparseable"), ("2016-13", "date-unparseable"),
    (["2016-05-03"], "date-invalid-type"),
    ("2016-05-03 星期三", "date-weekday-mismatch"),  # the date or the weekday is wrong
    ("2016年5月8日 星期六", "date-weekday-mismatch"),  # 2016-05-08 was a Sunday
    ("2016-05-03 星期", "date-with-words"),
    ("16/5/3", "date-unparseable"), ("16-05-03", "date-unparseable"),  # a two-digit year without 年: ambiguous
    ("5/3/2016", "date-order-unclear"),  # month or day first: not ours to pick
    ("10/9/2026 发布", "date-order-unclear"), ("（10/9/2026）", "date-order-unclear"),  # the order is the doubt
    ("10/9/2026 周一", "date-weekday-mismatch"),  # neither order is a Monday: the weekday or the date is wrong
    ("9/30/2026 星期四", "date-weekday-mismatch"),  # 2026-09-30 is a Wednesday
    ("2/30/2016", "date-impossible"),  # the year last, one order only: and that day does not exist
    ("116年5月3日", "date-unparseable"),
    ("2016-05-03 3", "date-with-words"), ("2016-05-03 下午 另见附件", "date-with-words"),
    # a date inside other words, or two dates: said so, the day not picked (the message shows the text)
    ("区政府网站2016年11月15日", "date-with-words"), ("2016-10-20（拟）", "date-with-words"),
    ("2016-10-20（待定）", "date-with-words"), ("2016-10-20（更正）", "date-with-words"), ("否（2016-10-20）", "date-with-words"),
    ("2016-10-20、2016-11-15", "date-with-words"), ("2016-11-15\n2016-11-20", "date-with-words"),
    ("http://www.xsq.gov.cn/art/2016/10/20/art_1.html", "date-with-words"),
    # words that turn 公开 round: the date beside them is no publication
    ("在信用中国未公示 2016-05-03", "date-with-words"), ("已在网站撤下公示 2016-05-03", "date-with-words"),
    ("在网站待公开 2016-05-03", "date-with-words"), ("2016-05-03 暂不公开", "date-with-words"),
]


@pytest.mark.parametrize("value, code", BAD)
def test_bad_values_give_a_problem(value, code):
    parsed = parse_date(value)
    assert parsed.date is None
    assert parsed.problem == code
    text = message(code, text=str(value))
    assert text and not text.isascii()  # Chinese
    if code not in ("date-missing",):
        assert str(value) in text  # the original text is kept in the message


def test_column_parser_agrees_with_scalar_parser():
    values = [v for v, _ in GOOD] + [v for v, _ in BAD if not isinstance(v, list)]
    days, codes = parse_dates(pd.Series(values, dtype=object))
    for value, day, code in zip(values, days, codes):
        scalar = parse_date(value)
        if scalar.date is None:
            assert np.isnat(day) and code == scalar.problem, value
        else:
            assert day == np.datetime64(scalar.date, "s") and code is None, value
    assert days.dtype == DATE_DTYPE  # the frame's one date shape


def test_datetime_column_fast_path():
    series = pd.Series(pd.to_datetime(["2016-05-03", None, "1980-01-01"]))
    days, codes = parse_dates(series)
    assert days[0] == np.datetime64(D) and days.dtype == DATE_DTYPE
    assert list(codes) == [None, "date-missing", "date-out-of-range"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(allow_nan=True),
                 st.booleans(), st.dates(), st.datetimes()))
def test_parser_never_raises(value):
    parsed = parse_date(value)
    assert (parsed.date is None) != (parsed.problem is None)
    if parsed.date is not None:
        assert 1990 <= parsed.date.year <= 2100


def test_one_iso_helper_for_columns_arrays_and_single_dates():
    column = pd.Series(np.array(["2016-09-28", "NaT"], dtype="datetime64[s]"))
    assert iso_dates(column).tolist() == ["2016-09-28", None]
    assert iso_dates(column, "").tolist() == ["2016-09-28", ""]
    assert iso_dates(column.to_numpy(), "空").tolist() == ["2016-09-28", "空"]
    assert iso_dates([dt.date(2016, 9, 28), pd.Timestamp("2016-10-08 15:30"), None]).tolist() == \
        ["2016-09-28", "2016-10-08", None]
    assert iso_date(np.datetime64("2016-09-28T00:00:00")) == "2016-09-28"
    assert iso_date(dt.date(2016, 9, 28)) == "2016-09-28"
    assert iso_date(None) == "" and iso_date(pd.NaT, "—") == "—" and iso_date(np.datetime64("NaT")) == ""


def test_epoch_milliseconds_are_beijing_days_and_invisible_characters_are_not_words():
    """A data system's 数据更新时间戳 in milliseconds (13 digits) is a moment, read as Beijing's day; a
    zero-width space pasted from a web page after a date is nothing the clerk can see or remove by eye."""
    assert parse_date(1685635200000).date == dt.date(2023, 6, 2)  # 2023-06-01T16:00Z
    assert parse_date("1685635199000").date == dt.date(2023, 6, 1)
    assert parse_date("2016-05-03\u200b").date == D and parse_date("\ufeff2016/5/3").date == D


def test_a_compact_time_stamp_of_fourteen_digits_is_its_day():
    """20240305142311 (YYYYMMDDhhmmss) from a case system's export, as text or as a number: 2024-03-05; a
    time that cannot be (25 o'clock) or a day that cannot be is no date."""
    assert parse_date("20240305142311").date == dt.date(2024, 3, 5)
    assert parse_date(20240305000000).date == dt.date(2024, 3, 5)
    assert parse_date("20240305256011").date is None and parse_date("20240230142311").date is None


def test_a_two_digit_year_of_the_nineties_is_that_decade():
    assert parse_date("99年5月6日").date == dt.date(1999, 5, 6) and parse_date("16年5月3日").date == D
