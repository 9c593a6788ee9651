"""A store of schema version 1 (one row per record) is read as it is and migrated in place by the next
recording run: records become one Parquet blob per period, after a backup copy of a SQLite file, in the
run's own transaction. The migrated store then answers exactly as one that never was version 1."""

from __future__ import annotations

import sqlite3

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.history.blob import decode
from compliance.history.columns import RECORD_COLUMNS
from compliance.history.schema import SCHEMA_VERSION
from compliance.history.store import HistoryStore
from tests.test_history import _check, _history, new_store

V1_RECORDS = ("CREATE TABLE records (period TEXT NOT NULL, unit TEXT, category TEXT, number_key TEXT NOT NULL, "
              "document_number TEXT, party TEXT, decision_date TEXT, published_date TEXT, deadline TEXT, "
              "status TEXT NOT NULL, online_result TEXT, problems TEXT, source_file TEXT, sheet TEXT, \"row\" INTEGER)")
COLUMNS = ", ".join(f'"{c}"' for c in RECORD_COLUMNS)


def _connect(db, version: int):
    """(a connection to the store, the statement that sets its schema version to ``version``)."""
    if str(db).startswith("postgresql"):
        import psycopg  # the server's driver: only for the PostgreSQL case

        return (psycopg.connect(db, autocommit=True),
                f"UPDATE compliance_meta SET value = '{version}' WHERE key = 'schema_version'")
    return sqlite3.connect(db, isolation_level=None), f"PRAGMA user_version = {version}"


def _as_version_1(db) -> None:
    """The store as version 1 wrote it: the records back as rows, no blobs, version 1."""
    conn, set_version = _connect(db, 1)
    with conn:
        blobs = conn.execute("SELECT period, data FROM period_records").fetchall()
        conn.execute(V1_RECORDS)
        conn.execute("CREATE INDEX records_by_period ON records (period)")
        marks = ", ".join(["%s" if str(db).startswith("postgresql") else "?"] * (len(RECORD_COLUMNS) + 1))
        for period, data in blobs:
            frame = decode(bytes(data), RECORD_COLUMNS)
            rows = [(period, *[None if v != v else v for v in row]) for row in frame.itertuples(index=False)]
            rows = [r[:-1] + (None if r[-1] is None else int(r[-1]),) for r in rows]
            conn.cursor().executemany(f"INSERT INTO records (period, {COLUMNS}) VALUES ({marks})", rows)
        conn.execute("DROP TABLE period_records")
        conn.execute(set_version)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_version_1_store_is_read_then_migrated_by_the_next_run(backend, tmp_path, request):
    old, plain = new_store(backend, tmp_path / "old", request), new_store(backend, tmp_path / "plain", request)
    for db in (old, plain):
        assert _check(tmp_path, "2016-10", "2016-11-25", db=db)[0].exit_code == 1
    _as_version_1(old)
    is_file = backend == "sqlite"
    before = open(old, "rb").read() if is_file else None
    # read as it is: the history commands and the follow-up's records, without writing
    assert _history(tmp_path, "list", db=old)["periods"][0]["records"] == 8
    units = ["区安监局", "区人社局"]
    as_v1 = HistoryStore(old).records(["2016-10"], units)
    wanted = HistoryStore(plain).records(["2016-10"], units)
    assert sorted(map(tuple, as_v1.astype(object).to_numpy())) == sorted(map(tuple, wanted.astype(object).to_numpy()))
    if is_file:
        assert open(old, "rb").read() == before

    result, payload = _check(tmp_path, "2016-11", "2016-12-26", db=old)
    assert result.exit_code == 1, result.output
    assert "已升级到本版本的结构" in result.output
    if is_file:
        backup = tmp_path / "old" / "h.v1-backup.sqlite"
        assert f"（升级前的副本：{backup}）" in result.output
        assert backup.read_bytes() == before  # the store as it was
        with sqlite3.connect(old) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # VACUUM gave the rows' pages back
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "records" not in tables and "period_records" in tables
    _, expected = _check(tmp_path, "2016-11", "2016-12-26", db=plain)
    assert payload["history"]["carried_over"] == expected["history"]["carried_over"]
    assert payload["history"]["units"] == expected["history"]["units"]
    for command in ("open", "trend"):
        assert _history(tmp_path, command, db=old) == _history(tmp_path, command, db=plain)
    migrated = HistoryStore(old).records(["2016-10", "2016-11"], units)
    assert sorted(map(tuple, migrated.astype(object).to_numpy())) == sorted(
        map(tuple, HistoryStore(plain).records(["2016-10", "2016-11"], units).astype(object).to_numpy()))
    # the next run finds nothing to migrate and says nothing of it
    again, _ = _check(tmp_path, "2016-11", "2016-12-26", db=old)
    assert "已升级" not in again.output


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_damaged_records_blob_is_said_as_a_corrupt_store(backend, tmp_path, request):
    """SQLite keeps no checksum of a blob's bytes: damage inside one is found when the next period's
    follow-up reads it, and said as a corrupt store (exit code 2, the report still written), not a traceback."""
    from compliance.history.store import StoreError

    db = new_store(backend, tmp_path, request)
    assert _check(tmp_path, "2016-10", "2016-11-25", db=db)[0].exit_code == 1
    if backend == "sqlite":
        conn, mark = sqlite3.connect(db), "?"
    else:
        import psycopg  # the server's driver: only for the PostgreSQL case

        conn, mark = psycopg.connect(db), "%s"
    with conn:
        data = bytes(conn.execute("SELECT data FROM period_records WHERE period = '2016-10'").fetchone()[0])
        damaged = data[:40] + bytes(200) + data[240:]  # a page of noise inside the blob
        conn.execute(f"UPDATE period_records SET data = {mark} WHERE period = '2016-10'", (damaged,))
    with pytest.raises(StoreError) as caught:
        HistoryStore(db).records(["2016-10"], ["区安监局"])
    assert caught.value.code == "store-corrupt"


def _as_version_2(db) -> None:
    """The store as version 2 wrote it: no 说明 (note) column on the follow-up items, version 2."""
    conn, set_version = _connect(db, 2)
    with conn:
        conn.execute('ALTER TABLE followups DROP COLUMN "note"')
        conn.execute(set_version)


def _export_notes(tmp_path, db, name: str) -> dict:
    target = tmp_path / name
    result = CliRunner().invoke(main, ["history", "export", str(target), "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(target, read_only=True)["整改台账"].iter_rows(min_row=3, values_only=True))
    at = rows[0].index("说明")
    return {row[2]: row[at] for row in rows[1:] if row[0]}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_version_2_store_is_read_then_keeps_the_notes_from_the_next_run_on(backend, tmp_path, request):
    # probe p87 M1: `history export` (the 整改台账 for 法制办) and `history open` left 说明 empty, the
    # "请单位说明" of an item gone from its ledger too: the notes were not stored
    db = new_store(backend, tmp_path, request)
    assert _check(tmp_path, "2016-10", "2016-11-25", db=db)[0].exit_code == 1
    _as_version_2(db)
    assert _history(tmp_path, "open", db=db)["items"]  # read as it is, without its notes
    assert set(_export_notes(tmp_path, db, "v2.xlsx").values()) <= {None}
    result, payload = _check(tmp_path, "2016-11", "2016-12-26", db=db)
    assert result.exit_code == 1 and "已升级到本版本的结构" in result.output, result.output
    said = {item["document_number"] or "（无文书号）": item.get("note") for item in payload["history"]["carried_over"]}
    notes = _export_notes(tmp_path, db, "v3.xlsx")
    assert "请单位说明" in notes["西安监罚〔2016〕3号"], notes  # gone from its ledger, as 整改跟踪 says
    assert {n: notes[n] for n in said} == {n: note for n, note in said.items()}, (notes, said)
    opened = {item["document_number"]: item.get("note") for item in _history(tmp_path, "open", db=db)["items"]}
    assert "请单位说明" in opened["西安监罚〔2016〕3号"], opened
