"""A throwaway PostgreSQL server for the history tests: ``initdb`` in a temporary folder, ``pg_ctl start``
on a free localhost port, stopped and removed at the end of the session. Never a mock database.

The binaries are looked for on PATH, then in Debian's /usr/lib/postgresql/<version>/bin (not on PATH).
``initdb`` refuses to run as root, and CI runs as root: then the folder belongs to the ``postgres`` user and
every server command runs as that user (``runuser -u postgres --``). Where the binaries are missing the
tests are skipped with the command that installs them; under CI (the CI variable set) they fail instead,
so CI never passes them silently (.ci/run installs Debian's ``postgresql``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

INSTALL = "apt-get install postgresql"
PASSWORD = "s3cret-pw"  # the server asks for it over TCP (scram-sha-256): the tests see it never shown


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's newest version."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(debian[-1]).parent if debian else None


def missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the PostgreSQL tests. Install: {INSTALL}")
    pytest.skip(f"{reason}. Install: {INSTALL}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """One running server; ``url(database)`` is a URL with the password, ``new_database()`` an empty database."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="compliance-pg-"))  # /tmp: reachable by the postgres user
        self.port = _free_port()
        self.count = 0

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> None:
        (self.folder / "pw").write_text(PASSWORD + "\n")
        if self.as_root:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.folder / "pw", "postgres")
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", f"--pwfile={self.folder / 'pw'}", "-E", "UTF8",
                  "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.folder / "log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, password: str = PASSWORD) -> str:
        return f"postgresql://postgres:{password}@127.0.0.1:{self.port}/{database}"

    def admin(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True)

    def new_database(self) -> str:
        """An empty database of its own for one test; returns its URL (with the password)."""
        self.count += 1
        name = f"history_{self.count}"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def start_cluster():
    """A generator for a session fixture: yields a running Cluster, stops it at the end."""
    bin_dir = binaries()
    if bin_dir is None:
        missing("PostgreSQL's initdb/pg_ctl not found (PATH, /usr/lib/postgresql/*/bin)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        missing("the PostgreSQL driver psycopg is not installed (pip install -e '.[test]')")
    cluster = Cluster(bin_dir)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    try:
        yield cluster
    finally:
        cluster.stop()
