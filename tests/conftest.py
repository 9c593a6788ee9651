import datetime as dt

import pytest

from compliance import WorkCalendar


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    return WorkCalendar()


@pytest.fixture(scope="session")
def first_uncovered_year(calendar) -> int:
    return calendar.covered_years[-1] + 1


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
