"""The store on a real PostgreSQL server (issue 23), started by the tests (tests/postgres_server.py):
a database that is not ours, a newer schema, a server that cannot be reached, a run that waits for
another, a run killed in the middle of its transaction. The walk itself runs in tests/test_history.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.history.blob import decode
from compliance.history.schema import SCHEMA_VERSION
from compliance.history.server import LOCK_KEY
from compliance.history.store import HistoryStore
from tests.history_ledgers import write_month
from tests.postgres_server import PASSWORD
from tests.test_history_store import KILLED_WRITER


def _shown(url: str) -> str:
    return url.replace(f":{PASSWORD}@", "@")


def _check(tmp_path, db, month="2016-10", as_of="2016-11-25"):
    folder = tmp_path / month
    if not folder.exists():
        write_month(folder, month)
    out = tmp_path / f"r{month}-{time.time_ns()}.xlsx"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of, "--db", db,
                                       "--out", str(out)])
    return result, out


def _refused(tmp_path, db, words: str):
    result, out = _check(tmp_path, db)
    assert result.exit_code == 2, result.output
    assert out.exists()  # the check's report is still written
    assert f"历史库 {_shown(db)}" in result.output and words in result.output, result.output
    assert "报告已照常生成，但本期的历史记录未完成。" in result.output
    assert PASSWORD not in result.output
    return result


def _tables(db) -> dict[str, int]:
    with psycopg.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        return {n: conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}


def _periods(db):
    return [(p["period"], p["revision"], p["records"]) for p in HistoryStore(db).periods()]


def test_a_database_with_other_tables_is_refused_and_left_alone(tmp_path, pg_url):
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE things (name TEXT)")
        conn.execute("INSERT INTO things VALUES ('keep me')")
    _refused(tmp_path, pg_url, "是其他程序的数据库")
    assert _tables(pg_url) == {"things": 1}  # nothing made beside it


def test_a_meta_table_of_another_program_is_refused(tmp_path, pg_url):
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE compliance_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO compliance_meta VALUES ('application', 'someone-else')")
    _refused(tmp_path, pg_url, "是其他程序的数据库")
    assert _tables(pg_url) == {"compliance_meta": 1}


def _with_schema_version(tmp_path, pg_url, value: str) -> dict:
    """A store made by a run, its schema_version then set to ``value``; its tables as they are then."""
    assert _check(tmp_path, pg_url)[0].exit_code == 1
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE compliance_meta SET value = %s WHERE key = 'schema_version'", (value,))
    return _tables(pg_url)


def test_a_newer_schema_is_refused_and_left_alone(tmp_path, pg_url):
    before = _with_schema_version(tmp_path, pg_url, "99")
    _refused(tmp_path, pg_url, f"由更新版本的本工具建立（结构版本 99，本版本只认识 {SCHEMA_VERSION}）")
    assert _tables(pg_url) == before
    listed = CliRunner().invoke(main, ["history", "list", "--db", pg_url])
    assert listed.exit_code == 2 and "结构版本 99" in listed.output


def test_a_schema_version_that_is_not_a_number_is_refused(tmp_path, pg_url):
    before = _with_schema_version(tmp_path, pg_url, "v2-beta")
    _refused(tmp_path, pg_url, "没有可读的结构版本（v2-beta）")
    assert _tables(pg_url) == before


@pytest.mark.parametrize("case", ["password", "database", "port"])
def test_a_server_that_cannot_be_reached_is_said_without_the_password(tmp_path, postgres_cluster, case):
    wrong = {"password": postgres_cluster.url("postgres", password="not-the-password"),
             "database": postgres_cluster.url("no_such_database"),
             "port": postgres_cluster.url("postgres").replace(f":{postgres_cluster.port}/", ":1/")}[case]
    result, out = _check(tmp_path, wrong)
    assert result.exit_code == 2, result.output
    assert out.exists()
    shown = wrong.replace(":not-the-password@", "@").replace(f":{PASSWORD}@", "@")
    assert f"连接不上历史库 {shown}（" in result.output, result.output
    assert "报告已照常生成，但本期的历史记录未完成。" in result.output
    assert "not-the-password" not in result.output and PASSWORD not in result.output


def test_history_commands_on_an_empty_database_say_there_is_no_history(pg_url):
    result = CliRunner().invoke(main, ["history", "list", "--db", pg_url])
    assert result.exit_code == 2
    assert f"历史库 {_shown(pg_url)} 不存在。按月检查（--month）后才有历史。" in result.output


def _cli(tmp_path, db, month, as_of):
    return subprocess.Popen([sys.executable, "-m", "compliance", "check", str(tmp_path / month), "--month", month,
                             "--as-of", as_of, "--db", db, "--out", str(tmp_path / f"r{month}-{time.time_ns()}.xlsx"),
                             "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _waiting_for_lock(db) -> int:
    with psycopg.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").fetchone()[0]


def test_a_run_waits_while_another_is_recording_then_replaces_the_period(tmp_path, pg_url):
    """A run that finds the store's lock held waits (it does not fail, and writes nothing meanwhile);
    when the lock is let go it records, replacing the period: revision 2, the same record count."""
    write_month(tmp_path / "2016-10", "2016-10")
    assert _check(tmp_path, pg_url)[0].exit_code == 1
    before = _periods(pg_url)
    assert before == [("2016-10", 1, 8)]
    holder = psycopg.connect(pg_url)
    holder.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))  # as a recording run does, in its transaction
    run = _cli(tmp_path, pg_url, "2016-10", "2016-11-25")
    try:
        deadline = time.monotonic() + 120
        while _waiting_for_lock(pg_url) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _waiting_for_lock(pg_url) == 1, "the second run never came to wait"
        assert run.poll() is None and _periods(pg_url) == before
    finally:
        holder.rollback()
        holder.close()
    out, err = run.communicate(timeout=120)
    assert run.returncode == 1, err
    assert "（第 2 次记录）" in err
    assert _periods(pg_url) == [("2016-10", 2, 8)]
    with psycopg.connect(pg_url) as conn:
        stored = conn.execute("SELECT data FROM period_records WHERE period = '2016-10'").fetchall()
    assert len(stored) == 1 and len(decode(bytes(stored[0][0]), ["unit"])) == 8  # one blob of 8 records


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_run_killed_while_writing_leaves_the_store_as_it_was(tmp_path, pg_url):
    assert _check(tmp_path, pg_url)[0].exit_code == 1
    before, tables = _periods(pg_url), _tables(pg_url)
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, pg_url], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    deadline = time.monotonic() + 60
    with psycopg.connect(pg_url, autocommit=True) as watch:
        held = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
        while watch.execute(held).fetchone()[0] == 0 and time.monotonic() < deadline:  # its transaction has begun
            time.sleep(0.005)
        assert watch.execute(held).fetchone()[0] == 1, "the writer never started its transaction"
        copying = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY followups%' AND state = 'active'"
        while watch.execute(copying).fetchone()[0] == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        assert watch.execute(copying).fetchone()[0] == 1, "the writer never came to its follow-up items"
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        while watch.execute(held).fetchone()[0] and time.monotonic() < deadline:  # the server notices the drop
            time.sleep(0.05)
    assert _periods(pg_url) == before and _tables(pg_url) == tables


def test_a_value_the_server_refuses_is_a_store_error_and_nothing_is_written(tmp_path, pg_url):
    """PostgreSQL text cannot hold a NUL character (a CSV ledger can): COPY of a follow-up item fails (the
    records are one Parquet blob, which holds it), the whole period is rolled back, and the run is told by
    a store-failed StoreError, not a traceback."""
    import pandas as pd

    from compliance.history.store import FOLLOWUP_COLUMNS, RECORD_COLUMNS, StoreError

    assert _check(tmp_path, pg_url)[0].exit_code == 1
    before, tables = _periods(pg_url), _tables(pg_url)
    records = pd.DataFrame({c: [None] for c in RECORD_COLUMNS}).assign(number_key="k", party="某\x00公司",
                                                                        status="overdue", row=2)
    items = pd.DataFrame({c: [None] for c in FOLLOWUP_COLUMNS}).assign(
        number_key="k", party="某\x00公司", first_period="2016-11", periods_open=1, problem="overdue", state="open",
        carried=0, still_open=1)
    with pytest.raises(StoreError) as caught:
        HistoryStore(pg_url).record({"period": "2016-11", "run_time": "t", "as_of": "2016-12-26", "inputs": [],
                                     "previous_period": "2016-10"}, records,
                                    pd.DataFrame(columns=["unit", "category", "status", "count"]),
                                    pd.DataFrame(columns=["unit", "category", "rate"]), items)
    assert caught.value.code == "store-failed" and _shown(pg_url) in caught.value.message
    assert PASSWORD not in caught.value.message
    assert _periods(pg_url) == before and _tables(pg_url) == tables
