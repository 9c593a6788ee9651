import datetime as dt
import signal

import pytest
from hypothesis import settings

from compliance import WorkCalendar
from tests.postgres_server import start_cluster


# No time limit per example: a first example may wait for imports on a loaded CI machine (393 ms once, in
# test_ranking), and speed is measured in benchmarks/, never in unit tests.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")

# A suite started with & from a script inherits SIGINT ignored (POSIX shells do that to background jobs) and
# hands it on to every child it starts: the Ctrl+C tests of check and serve then wait for a child that
# cannot hear them. Python's own handler is reset to the default in each child, as from a terminal.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def _work_in_tmp(tmp_path, monkeypatch):
    """Every test runs in its own folder: a CLI run without -o writes to ./reports, never the clone's."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    return WorkCalendar()


@pytest.fixture(scope="session")
def first_uncovered_year(calendar) -> int:
    return calendar.covered_years[-1] + 1


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throwaway PostgreSQL server for the session (tests/postgres_server.py); skipped without binaries."""
    yield from start_cluster()


@pytest.fixture
def pg_url(postgres_cluster) -> str:
    """An empty database of the session's server, as a URL with its password."""
    return postgres_cluster.new_database()
