"""Table-driven tests of ``WorkCalendar().add_working_days(decision, n)``.

Counting rule (docs/rules.md §2, 民法典 第二百零一条): the deadline is the N-th
working day *strictly after* the decision date.  A working day is a weekday
that is not a statutory holiday, or a weekend day that the State Council's
yearly notice (国务院办公厅关于某年部分节假日安排的通知) turns into a
working day (调休上班).  A decision made on a non-working day starts the count
at the next working day, which is day 1.

Every expected date below was counted by hand from the notice of the year(s)
involved; the comment on each case names the notice and the special days used.
The first cases are the examples of docs/rules.md §2, and its two traps (§3).
"""

from datetime import date

import pytest

from compliance import WorkCalendar

D = date

# (decision, n, expected deadline, comment)
CASES = [
    # --- the examples of docs/rules.md §2 and the traps of §3 ---------------
    (D(2016, 9, 28), 20, D(2016, 10, 31),
     "§3 trap 2 (numpy busday gives 11-02); 2016 notice: 国庆 10-01..10-07, 10-08 Sat & 10-09 Sun 班"),
    (D(2017, 9, 29), 20, D(2017, 11, 2),
     "docs/rules.md example; 2017 notice: 09-30 Sat 班, 国庆+中秋 10-01..10-08"),
    (D(2019, 4, 30), 20, D(2019, 5, 30),
     "docs/rules.md example; 2019 notice (amended): 劳动节 05-01..05-04, 04-28 Sun & 05-05 Sun 班"),
    (D(2019, 6, 8), 20, D(2019, 7, 5),
     "§3 trap 1 (find_workday gives 07-08); 2019 notice: 端午 06-07..06-09, decision on holiday, 06-10 is day 1"),
    (D(2021, 9, 30), 20, D(2021, 11, 3),
     "docs/rules.md example; 2021 notice: 国庆 10-01..10-07, 09-26 Sun & 10-09 Sat 班"),
    (D(2018, 2, 14), 7, D(2018, 3, 1),
     "docs/rules.md example; 2018 notice: 春节 02-15..02-21, 02-24 Sat 班"),
    (D(2017, 9, 29), 7, D(2017, 10, 16),
     "docs/rules.md example; 2017 notice: 09-30 Sat 班 is day 1, 10-01..10-08 off"),

    # --- year ends: December decision, January deadline across 元旦 -----------
    (D(2018, 12, 28), 1, D(2018, 12, 29),
     "2019 notice: 12-29 Sat 班 (元旦 12-30..01-01) is day 1"),
    (D(2018, 12, 28), 7, D(2019, 1, 9),
     "2019 notice: 12-29 Sat 班 (1), 12-30..01-01 off, 01-02..01-04 (2-4), 01-07..09 (5-7)"),
    (D(2018, 12, 29), 20, D(2019, 1, 29),
     "2019 notice: decision on make-up Sat 12-29; 12-30..01-01 off; 01-02 is day 1"),
    (D(2022, 12, 30), 7, D(2023, 1, 11),
     "2023 notice: 元旦 12-31..01-02, no make-up day; 01-03 is day 1"),
    (D(2023, 12, 29), 20, D(2024, 1, 29),
     "2024 notice: 元旦 12-30..01-01, no make-up day; 01-02 is day 1"),
    (D(2016, 12, 30), 7, D(2017, 1, 11),
     "2017 notice: 元旦 12-31..01-02; 01-03 is day 1"),
    (D(2016, 12, 30), 20, D(2017, 2, 3),
     "2017 notice: 元旦 12-31..01-02, 01-22 Sun 班 (15), 春节 01-27..02-02, 02-03 is day 20"),
    (D(2020, 12, 31), 20, D(2021, 1, 29),
     "2021 notice: 元旦 01-01..01-03, no make-up day; 01-04 is day 1"),
    (D(2021, 12, 31), 20, D(2022, 1, 29),
     "2022 notice: 元旦 01-01..01-03; 01-29 Sat 班 is day 20 (春节 01-31..02-06)"),
    (D(2024, 12, 31), 20, D(2025, 2, 5),
     "2025 notice: 元旦 01-01, 01-26 Sun 班 (18), 01-27 (19), 春节 01-28..02-04, 02-05 (20)"),
    (D(2025, 12, 31), 1, D(2026, 1, 4),
     "2026 notice: 元旦 01-01..01-03, 01-04 Sun 班 is day 1"),
    (D(2025, 12, 31), 7, D(2026, 1, 12),
     "2026 notice: 元旦 01-01..01-03, 01-04 Sun 班 (1), 01-05..09 (2-6), 01-12 (7)"),

    # --- 2020: Spring Festival extended to 02-02, make-up 02-01 cancelled -----
    (D(2020, 1, 23), 1, D(2020, 2, 3),
     "2020 notice + 国办发明电〔2020〕1号: 春节 01-24..02-02, 02-01 Sat no longer 班"),
    (D(2020, 1, 23), 7, D(2020, 2, 11),
     "2020 extension: 01-24..02-02 off; 02-03..07 (1-5), 02-10 (6), 02-11 (7)"),
    (D(2020, 1, 31), 20, D(2020, 2, 28),
     "2020 extension: decision on extended holiday 01-31; 02-03 is day 1"),
    (D(2020, 2, 1), 1, D(2020, 2, 3),
     "2020 extension: decision on 02-01, the cancelled make-up Sat (now a rest day)"),
    (D(2020, 1, 17), 7, D(2020, 2, 4),
     "2020 notice: 01-19 Sun 班 (1), 01-20..23 (2-5), 01-24..02-02 off, 02-03 (6), 02-04 (7)"),
    (D(2019, 12, 31), 20, D(2020, 2, 5),
     "2020 notice: 元旦 01-01, 01-19 Sun 班 (13), 春节 extended to 02-02, 02-05 is day 20"),

    # --- decisions made ON a holiday -----------------------------------------
    (D(2019, 10, 1), 7, D(2019, 10, 15),
     "2019 notice: 国庆 10-01..10-07, 10-08 is day 1, 10-12 Sat 班 (5)"),
    (D(2023, 5, 1), 1, D(2023, 5, 4),
     "2023 notice: 劳动节 04-29..05-03; decision on holiday, 05-04 is day 1"),
    (D(2024, 2, 12), 20, D(2024, 3, 14),
     "2024 notice: 春节 02-10..02-17, 02-18 Sun 班 is day 1"),
    (D(2025, 1, 29), 7, D(2025, 2, 12),
     "2025 notice: 春节 01-28..02-04, 02-05 is day 1, 02-08 Sat 班 (4)"),
    (D(2021, 10, 5), 20, D(2021, 11, 3),
     "2021 notice: 国庆 10-01..10-07, 10-08 (1), 10-09 Sat 班 (2)"),
    (D(2026, 2, 16), 7, D(2026, 3, 3),
     "2026 notice: 春节 02-15..02-23, 02-24 is day 1, 02-28 Sat 班 (5)"),

    # --- decisions made ON a make-up working day (调休上班) --------------------
    (D(2016, 10, 8), 1, D(2016, 10, 9),
     "2016 notice: decision on 10-08 Sat 班; 10-09 Sun 班 is day 1"),
    (D(2016, 10, 8), 7, D(2016, 10, 17),
     "2016 notice: 10-09 Sun 班 (1), 10-10..14 (2-6), 10-17 (7)"),
    (D(2019, 9, 29), 20, D(2019, 10, 31),
     "2019 notice: decision on 09-29 Sun 班; 09-30 (1), 国庆 10-01..10-07, 10-12 Sat 班 (6)"),
    (D(2023, 10, 7), 7, D(2023, 10, 16),
     "2023 notice: decision on 10-07 Sat 班; 10-08 Sun 班 is day 1"),
    (D(2025, 1, 26), 1, D(2025, 1, 27),
     "2025 notice: decision on 01-26 Sun 班; 01-27 Mon is day 1"),
    (D(2025, 1, 26), 7, D(2025, 2, 11),
     "2025 notice: 01-27 (1), 春节 01-28..02-04, 02-05..07 (2-4), 02-08 Sat 班 (5)"),
    (D(2024, 2, 4), 7, D(2024, 2, 19),
     "2024 notice: decision on 02-04 Sun 班; 02-05..09 (1-5), 春节 02-10..02-17, 02-18 Sun 班 (6)"),
    (D(2026, 1, 4), 20, D(2026, 1, 30),
     "2026 notice: decision on 01-04 Sun 班; 01-05 is day 1, no other special day in January"),

    # --- decisions made on an ordinary weekend --------------------------------
    (D(2018, 2, 10), 1, D(2018, 2, 11),
     "2018 notice: decision on ordinary Sat 02-10; 02-11 Sun 班 is day 1"),
    (D(2017, 1, 21), 7, D(2017, 2, 4),
     "2017 notice: 01-22 Sun 班 (1), 01-23..26 (2-5), 春节 01-27..02-02, 02-03 (6), 02-04 Sat 班 (7)"),
    (D(2025, 4, 26), 7, D(2025, 5, 8),
     "2025 notice: 04-27 Sun 班 (1), 04-28..30 (2-4), 劳动节 05-01..05-05, 05-06..08 (5-7)"),
    (D(2022, 9, 17), 20, D(2022, 10, 19),
     "2022 notice: 09-19 is day 1, 国庆 10-01..10-07, 10-08 Sat & 10-09 Sun 班 (11, 12)"),

    # --- other notices: n = 1 and 7 around holidays with make-up days --------
    (D(2016, 2, 5), 1, D(2016, 2, 6),
     "2016 notice: 02-06 Sat 班 is day 1 (春节 02-07..02-13)"),
    (D(2016, 2, 5), 7, D(2016, 2, 19),
     "2016 notice: 02-06 Sat 班 (1), 春节 02-07..02-13, 02-14 Sun 班 (2), 02-15..19 (3-7)"),
    (D(2023, 6, 21), 1, D(2023, 6, 25),
     "2023 notice: 端午 06-22..06-24, 06-25 Sun 班 is day 1"),
    (D(2020, 9, 30), 7, D(2020, 10, 16),
     "2020 notice: 国庆+中秋 10-01..10-08, 10-09 (1), 10-10 Sat 班 (2)"),

    # --- the 2025 change: 13 statutory holiday days ---------------------------
    (D(2025, 1, 24), 7, D(2025, 2, 10),
     "2025 notice: 01-26 Sun 班 (1), 01-27 (2), 春节 01-28..02-04 (8 days), 02-08 Sat 班 (6)"),
    (D(2025, 4, 30), 1, D(2025, 5, 6),
     "2025 notice: 劳动节 05-01..05-05 (5 days); 05-06 is day 1"),
    (D(2025, 4, 30), 20, D(2025, 6, 3),
     "2025 notice: 劳动节 05-01..05-05, 05-06 (1), 端午 05-31..06-02, 06-03 (20)"),
    (D(2025, 9, 30), 7, D(2025, 10, 16),
     "2025 notice: 国庆+中秋 10-01..10-08, 10-09 (1), 10-11 Sat 班 (3)"),
    (D(2026, 2, 13), 20, D(2026, 3, 19),
     "2026 notice: 02-14 Sat 班 (1), 春节 02-15..02-23, 02-24 (2), 02-28 Sat 班 (6)"),
]


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


@pytest.mark.parametrize(
    "decision, n, expected, comment",
    CASES,
    ids=[f"{c[0].isoformat()}+{c[1]}" for c in CASES],
)
def test_add_working_days(calendar, decision, n, expected, comment):
    assert calendar.add_working_days(decision, n) == expected, comment


def test_find_workday_is_one_day_late_on_a_holiday(calendar):
    """Trap 1: find_workday counts a non-working decision day as day 0's
    "next working day", so it lands one working day too late."""
    from chinese_calendar import find_workday

    decision = date(2019, 6, 8)  # Sat, 端午 holiday 06-07..06-09
    assert find_workday(20, decision) == date(2019, 7, 8)
    assert calendar.add_working_days(decision, 20) == date(2019, 7, 5)
