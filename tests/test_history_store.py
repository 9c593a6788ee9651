"""The store's reliability (issue 23): a file it did not make, a corrupt or newer store, a killed run,
two runs at once. Real SQLite files, real CLI runs and real child processes; no mocked database."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import compliance.api as api
from compliance.cli import main
from compliance.history.schema import SCHEMA_VERSION
from compliance.history.sqlite_file import APPLICATION_ID
from compliance.history.store import HistoryStore
from tests.history_ledgers import write_month


def _check(tmp_path, db, month="2016-10", as_of="2016-11-25"):
    folder = tmp_path / month
    if not folder.exists():
        write_month(folder, month)
    out = tmp_path / f"r{month}.xlsx"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of, "--db", str(db),
                                       "--out", str(out), "--json", str(tmp_path / f"r{month}.json")])
    return result, out


def _refused(tmp_path, db, words: str):
    before = db.read_bytes()
    result, out = _check(tmp_path, db)
    assert result.exit_code == 2, result.output
    assert out.exists()  # the check's report is still written
    assert f"历史库 {db} " in result.output and words in result.output
    assert "报告已照常生成，但本期的历史记录未完成。" in result.output and "。。" not in result.output
    assert db.read_bytes() == before  # never overwritten
    # one verdict, exit 2 everywhere: never 通过 on the terminal or passed in the JSON (probe p80 M1)
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("未完成：历史库无法使用") and "通过" not in last, result.output
    payload = json.loads((tmp_path / "r2016-10.json").read_text(encoding="utf-8"))
    assert payload["verdict"]["exit_code"] == 2 and not payload["verdict"]["passed"], payload["verdict"]
    assert payload["verdict"]["text"] == last
    assert payload["history_error"]["code"] and payload["history_error"]["message"], payload.get("history_error")
    return result


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path):
    db = tmp_path / "历史.sqlite"
    db.write_text("这是一份会议记录，不是数据库。\n" * 200, encoding="utf-8")
    _refused(tmp_path, db, "不是数据库文件")


def test_another_programs_database_is_refused_and_kept(tmp_path):
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE things (name TEXT)")
        conn.execute("INSERT INTO things VALUES ('keep me')")
    _refused(tmp_path, db, "是其他程序的数据库")


def test_an_emptied_store_is_refused_as_empty_and_a_folder_as_a_folder(tmp_path):
    # probe 73: a store truncated to 0 bytes was "another program's database"; a folder got "无法打开数据库文件"
    db = tmp_path / "h.sqlite"
    db.write_bytes(b"")
    _refused(tmp_path, db, "是空文件（0 字节），可能被截断或清空了")
    folder = tmp_path / "store.sqlite"
    folder.mkdir()
    result, _ = _check(tmp_path, folder)
    assert result.exit_code == 2 and f"历史库 {folder} 是一个文件夹，不是文件" in result.output, result.output
    listed = CliRunner().invoke(main, ["history", "list", "--db", str(folder)])
    assert listed.exit_code == 2 and "是一个文件夹" in listed.output, listed.output


def test_a_newer_store_is_refused(tmp_path):
    db = tmp_path / "h.sqlite"
    assert _check(tmp_path, db)[0].exit_code == 1
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    _refused(tmp_path, db, f"由更新版本的本工具建立（结构版本 99，本版本只认识 {SCHEMA_VERSION}）")


def test_a_corrupt_store_is_refused_and_kept(tmp_path):
    db = tmp_path / "h.sqlite"
    assert _check(tmp_path, db)[0].exit_code == 1
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[2 * page: 3 * page] = b"\xa5" * page  # a table page overwritten by noise
    db.write_bytes(bytes(data))
    _refused(tmp_path, db, "")


def test_a_url_of_another_database_is_refused_with_a_usage_error(tmp_path):
    write_month(tmp_path / "2016-10", "2016-10")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "2016-10"), "--month", "2016-10",
                                       "--db", "mysql://user:secret@host/db", "--as-of", "2016-11-25"])
    assert result.exit_code == 2 and "或 postgresql://用户@主机/库 形式的网址，不认识“mysql://user@host/db”" in result.output
    assert "secret" not in result.output


def _periods(db):
    return [(p["period"], p["revision"], p["records"]) for p in HistoryStore(db).periods()]


KILLED_WRITER = """
import sys, pandas as pd
from compliance.history.store import HistoryStore, RECORD_COLUMNS, FOLLOWUP_COLUMNS
n = 400_000  # follow-up items: rows, written for long enough to be killed meanwhile (records are one blob)
records = pd.DataFrame({c: ["x"] * 10 for c in RECORD_COLUMNS}).assign(row=1)
followups = pd.DataFrame({c: ["x"] * n for c in FOLLOWUP_COLUMNS}).assign(periods_open=1, carried=0, still_open=1,
                                                                         working_days_late=None, row=1)
counts = pd.DataFrame(columns=["unit", "category", "status", "count"])
rates = pd.DataFrame(columns=["unit", "category", "rate"])
print("writing", flush=True)
HistoryStore(sys.argv[1]).record({"period": "2016-10", "run_time": "t", "as_of": "2016-11-25", "inputs": [],
                                  "previous_period": None}, records, counts, rates, followups)
print("done", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_a_run_killed_while_writing_leaves_the_store_as_it_was(tmp_path):
    db = tmp_path / "h.sqlite"
    assert _check(tmp_path, db)[0].exit_code == 1
    before = _periods(db)
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    journal = db.with_name(db.name + "-journal")
    deadline = time.monotonic() + 60
    while not journal.exists() and time.monotonic() < deadline:  # the transaction has begun writing
        time.sleep(0.005)
    assert journal.exists(), "the writer never started its transaction"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert _periods(db) == before  # the hot journal is rolled back on the next open
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def _cli(tmp_path, db, month, as_of):
    folder = tmp_path / month
    return subprocess.Popen([sys.executable, "-m", "compliance", "check", str(folder), "--month", month,
                             "--as-of", as_of, "--db", str(db), "--out", str(tmp_path / f"r{month}-{time.time_ns()}.xlsx"),
                             "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_runs_at_once_both_succeed(backend, tmp_path, request):
    """Different periods at the same moment are both recorded; the same period twice is one period,
    replaced once (revision 2), never counted twice. The store is created by one of them, not both."""
    db = tmp_path / "h.sqlite" if backend == "sqlite" else request.getfixturevalue("pg_url")
    for month in ("2016-10", "2016-11"):
        write_month(tmp_path / month, month)
    runs = [_cli(tmp_path, db, "2016-10", "2016-11-25"), _cli(tmp_path, db, "2016-11", "2016-12-26"),
            _cli(tmp_path, db, "2016-11", "2016-12-26")]
    outputs = [r.communicate(timeout=300) for r in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 1, err  # problems in the data; not 2
        assert "已记入历史库" in err
    listed = {p: (rev, n) for p, rev, n in _periods(db)}
    assert listed == {"2016-10": (1, 8), "2016-11": (2, 4)}
    periods = HistoryStore(db).periods()  # November built before October committed must say so
    assert periods[1]["previous_period"] == "2016-10" or periods[1]["stale"], periods
    assert not list(tmp_path.glob(".history-*"))  # the creation's temporary files are gone


def test_a_server_whose_driver_is_not_installed_is_said_and_the_report_written(tmp_path):
    if importlib.util.find_spec("pg8000") is not None:
        pytest.skip("pg8000 is installed here")
    result, out = _check(tmp_path, "postgresql+pg8000://user:secret-x@127.0.0.1:1/db")
    assert result.exit_code == 2 and out.exists()
    assert "历史库 postgresql+pg8000://user@127.0.0.1:1/db 在 PostgreSQL 服务器上，需要先安装驱动" in result.output
    assert "secret-x" not in result.output


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_values_read_back_as_they_were_written(backend, tmp_path, request):
    """Empty text stays empty text and a missing value stays missing, whatever the cell holds (quotes,
    commas, line breaks, a backslash-N): SQLite's executemany and PostgreSQL's COPY alike."""
    import pandas as pd

    from compliance.history.store import FOLLOWUP_COLUMNS, RECORD_COLUMNS

    db = tmp_path / "h.sqlite" if backend == "sqlite" else request.getfixturevalue("pg_url")
    store = HistoryStore(db)
    texts = ["", None, "\\N", 'say "hi", then\nleave', "区安监局 西安监罚〔2016〕2号", "\\."]
    n = len(texts)
    followups = pd.DataFrame({c: [None] * n for c in FOLLOWUP_COLUMNS}).assign(
        unit="区安监局", category="penalty", number_key=[f"k{i}" for i in range(n)], document_number=texts,
        party=texts[::-1], first_period="2016-10", periods_open=[1, 2, 3, 4, 5, 6], problem="overdue", state="open",
        carried=0, working_days_late=[None, 3, None, 0, 12, None], still_open=1, row=list(range(2, 2 + n)))
    records = pd.DataFrame({c: [None] * n for c in RECORD_COLUMNS}).assign(
        unit="区安监局", number_key=[f"k{i}" for i in range(n)], party=texts, status="overdue", row=2)
    rates = pd.DataFrame({"unit": ["区安监局"], "category": ["penalty"], "rate": [1 / 3]})
    counts = pd.DataFrame({"unit": ["区安监局"], "category": ["penalty"], "status": ["overdue"], "count": [n]})
    period = {"period": "2016-10", "run_time": "2016-11-25T09:00:00", "as_of": "2016-11-25", "inputs": ["台账.xlsx"],
              "previous_period": None}
    assert store.record(period, records, counts, rates, followups) == 1
    def values(column):  # missing is missing, whichever NA pandas reads it as
        return [None if pd.isna(v) else v for v in column]

    back = store.followups("2016-10").sort_values("number_key").reset_index(drop=True)
    assert values(back["document_number"]) == texts
    assert values(back["party"]) == texts[::-1]
    assert [None if pd.isna(v) else int(v) for v in back["working_days_late"]] == [None, 3, None, 0, 12, None]
    assert back["periods_open"].tolist() == [1, 2, 3, 4, 5, 6]
    stored = store.records(["2016-10"], ["区安监局"]).sort_values("number_key")
    assert values(stored["party"]) == texts
    assert store.rates("2016-10")["rate"].tolist() == [1 / 3]  # the float exactly, not a rounded text
    assert store.periods()[0]["inputs"] == ["台账.xlsx"]


def _record(store, name, previous):
    """A period of one record, its follow-up built on ``previous``."""
    import pandas as pd

    from compliance.history.store import FOLLOWUP_COLUMNS, RECORD_COLUMNS

    records = pd.DataFrame({c: [None] for c in RECORD_COLUMNS}).assign(unit="区安监局", number_key="k", status="on_time",
                                                                      row=2)
    store.record({"period": name, "run_time": f"{name}-28T09:00:00", "as_of": f"{name}-28", "inputs": ["台账.xlsx"],
                  "previous_period": previous}, records, pd.DataFrame(columns=["unit", "category", "status", "count"]),
                 pd.DataFrame(columns=["unit", "category", "rate"]), pd.DataFrame(columns=FOLLOWUP_COLUMNS))
    return {p["period"]: p["stale"] for p in store.periods()}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_period_recorded_out_of_order_or_on_another_base_is_marked_stale(backend, tmp_path, request):
    """Found with two runs at once (October and November): November's follow-up was built with no October,
    which committed a moment later; neither was marked, and `history list` showed November as sound."""
    db = tmp_path / "h.sqlite" if backend == "sqlite" else request.getfixturevalue("pg_url")
    store = HistoryStore(db)
    assert _record(store, "2016-11", None) == {"2016-11": False}
    # October arrives after November: November was built without it
    assert _record(store, "2016-10", None) == {"2016-10": False, "2016-11": True}
    # December's follow-up was built on October (November was committed meanwhile): December is stale itself
    assert _record(store, "2016-12", "2016-10") == {"2016-10": False, "2016-11": True, "2016-12": True}
    # November run again, on October: sound again; December, built on the old November, stays stale
    assert _record(store, "2016-11", "2016-10") == {"2016-10": False, "2016-11": False, "2016-12": True}
    assert _record(store, "2016-12", "2016-11") == {"2016-10": False, "2016-11": False, "2016-12": False}


def test_a_run_without_a_store_never_imports_sqlalchemy(tmp_path):
    """SQLAlchemy costs 0.8–1.2 s to import on a busy 2-core machine: the README's first command and a web upload,
    which use no store, must not pay it (store.HistoryStore loads database.py on first use)."""
    write_month(tmp_path / "2016-10", "2016-10")
    code = ("import sys\nfrom compliance.cli import main\n"
            "try:\n    main([" + ", ".join(repr(a) for a in ["check", str(tmp_path / "2016-10"), "--as-of", "2016-11-25",
                                                               "--out", str(tmp_path / "r.xlsx"), "-q"]) + "])\n"
            "except SystemExit:\n    pass\n"
            "print('sqlalchemy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
    assert (tmp_path / "r.xlsx").exists()


def test_a_run_recording_to_a_file_never_imports_sqlalchemy(tmp_path):
    """A SQLite store is read and written with the standard library's sqlite3: only a postgresql:// URL
    pays SQLAlchemy's import (0.8–1.2 s, most of what recording once added to a run)."""
    write_month(tmp_path / "2016-10", "2016-10")
    args = ["check", str(tmp_path / "2016-10"), "--month", "2016-10", "--as-of", "2016-11-25", "--db",
            str(tmp_path / "h.sqlite"), "--out", str(tmp_path / "r.xlsx"), "-q"]
    code = ("import sys\nfrom compliance.cli import main\nfrom compliance.history.queries import open_items, trend\n"
            "from compliance.history.store import HistoryStore\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            f"store = HistoryStore({str(tmp_path / 'h.sqlite')!r})\n"
            "assert store.periods() and open_items(store) and trend(store)['periods'] == ['2016-10']\n"
            "print('sqlalchemy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def test_a_new_store_is_as_readable_as_any_file_the_user_makes(tmp_path):
    # Colleagues share the store (a network folder): not mkstemp's owner-only 0600.
    db = tmp_path / "h.sqlite"
    mask = os.umask(0o022)
    try:
        result, _ = _check(tmp_path, db)
    finally:
        os.umask(mask)
    assert result.exit_code in (0, 1), result.output
    assert stat.S_IMODE(db.stat().st_mode) == 0o644


def test_a_month_the_store_refuses_to_record_says_so_in_the_verdict_and_the_json(tmp_path):
    # review rev61 M2: recording failed after the report and the JSON were written (here a month recorded under
    # another rule): the JSON still said passed, or the verdict said the follow-up was not done, though it was
    db = tmp_path / "h.sqlite"
    for month, as_of in (("2016-10", "2016-11-25"), ("2016-11", "2016-12-26")):
        result, _ = _check(tmp_path, db, month, as_of)
        assert result.exit_code in (0, 1), result.output
    folder = tmp_path / "2016-11"
    again = CliRunner().invoke(main, ["check", str(folder), "--month", "2016-11", "--as-of", "2016-12-26", "--db", str(db),
                                      "--days", "7", "--out", str(tmp_path / "again.xlsx"), "--json", str(tmp_path / "again.json")])
    assert again.exit_code == 2, again.output
    last = again.output.strip().splitlines()[-1]
    assert last.startswith("未完成：本期没有记入历史库"), again.output
    payload = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
    assert payload["verdict"]["exit_code"] == 2 and payload["verdict"]["text"] == last, payload["verdict"]
    assert payload["history"]["carried_over"] and payload["history_error"]["code"], payload.get("history_error")


def test_a_json_that_cannot_be_written_again_after_a_refused_month_is_said_and_the_run_ends_as_usual(tmp_path, monkeypatch):
    # review rev61 L6: the JSON is written again once recording fails (the verdict changed); a failure of that
    # second write escaped record_period, and the terminal never got the verdict line
    db = tmp_path / "h.sqlite"
    for month, as_of in (("2016-10", "2016-11-25"), ("2016-11", "2016-12-26")):
        result, _ = _check(tmp_path, db, month, as_of)
        assert result.exit_code in (0, 1), result.output
    real, calls = api.write_json, []  # the second JSON write fails as a full disk would make it

    def full_disk_the_second_time(payload, path):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(payload, path)

    monkeypatch.setattr(api, "write_json", full_disk_the_second_time)
    again = CliRunner().invoke(main, ["check", str(tmp_path / "2016-11"), "--month", "2016-11", "--as-of", "2016-12-26",
                                      "--db", str(db), "--days", "7", "--out", str(tmp_path / "again.xlsx"),
                                      "--json", str(tmp_path / "again.json")])
    assert len(calls) == 2 and again.exit_code == 2, again.output
    assert "Traceback" not in again.output and "无法写入 JSON 文件" in again.output, again.output
    assert again.output.strip().splitlines()[-1].startswith("未完成：本期没有记入历史库"), again.output
