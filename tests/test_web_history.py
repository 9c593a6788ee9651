"""`compliance serve --db` (issue 23): after a self-check the page reads the trend and the open items of the
upload's own units from a store the real CLI built, read-only, and never writes to it.

A real server in a subprocess (served.py); the store is built by `compliance check --month` from real .xlsx
ledgers (web_history.py); the answers are compared with `compliance history trend/open --unit … --json -`.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import subprocess
import sys
from urllib.parse import quote

import pytest

from served import Served, free_port
from web_history import CHENGGUAN, FULL_ID, MASKED_ID, build_store, cli_history

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("history-web")
    store, ledgers = build_store(root)
    return root, store, ledgers / "2016-12"


@pytest.fixture(scope="module")
def served(built):
    root, store, _ = built
    server = Served(root, "--db", str(store))
    yield server
    server.stop()


def _upload(server, folder, *names, **fields):
    status, payload = server.upload([(name, (folder / name).read_bytes()) for name in names],
                                    {"as_of": "2017-01-25", **fields})
    assert status == 200, payload
    return payload


def _history(server, url):
    status, _, body = server.get(url)
    return status, json.loads(body), body.decode("utf-8")


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_history_answer_is_history_trend_and_open_for_the_uploads_units(served, built):
    _, store, december = built
    payload = _upload(served, december, "区安监局_2016年行政处罚_2016-12.xlsx")
    assert payload["history_url"].startswith("/api/history/")
    status, answer, _ = _history(served, payload["history_url"])
    assert status == 200
    assert answer["units"] == ["区安监局"]
    assert answer["trend"] == cli_history(store, "trend", "区安监局")
    assert answer["open"] == cli_history(store, "open", "区安监局")
    # what the CLI says about this unit, so that the comparison above compares something
    assert answer["trend"]["periods"] == ["2016-10", "2016-11", "2016-12"]
    assert {i["document_number"]: i["state"] for i in answer["open"]["items"]} == {
        "西安监罚〔2016〕3号": "dropped", "西安监罚〔2016〕7号": "open"}


def test_two_units_uploaded_together_see_both_and_nothing_else(served, built):
    _, store, december = built
    payload = _upload(served, december, "区安监局_2016年行政处罚_2016-12.xlsx", "区人社局_2016-12_行政许可.xlsx")
    _, answer, _ = _history(served, payload["history_url"])
    assert answer["units"] == ["区人社局", "区安监局"]
    assert answer["open"] == cli_history(store, "open", "区人社局", "区安监局")
    assert answer["trend"] == cli_history(store, "trend", "区人社局", "区安监局")
    assert "合计" not in {u["unit"] for u in answer["trend"]["units"]}  # the district's total is not a unit's


def test_a_visitor_cannot_see_another_units_items(served, built):
    _, store, december = built
    everyone = cli_history(store, "open")
    assert {"区人社局", "区城管局"} <= {i["unit"] for i in everyone["items"]}  # there is something to hide
    payload = _upload(served, december, "区安监局_2016年行政处罚_2016-12.xlsx")
    url = payload["history_url"]
    _, answer, text = _history(served, url)
    assert "区人社局" not in text and "西人社许" not in text and "区城管局" not in text
    # no parameter widens it: the units are those of the upload behind the token
    for query in ("?unit=" + quote("区人社局"), f"?units={quote('区人社局')}&unit={quote('区城管局')}"):
        status, _, again = _history(served, url + query)
        assert status == 200 and again == text
    status, refused, _ = _history(served, "/api/history/" + secrets.token_urlsafe(24))
    assert status == 404 and refused["error"]["code"] == "report-expired"
    status, _, _ = _history(served, "/api/history/?unit=" + quote("区人社局"))
    assert status == 404


def test_open_items_show_id_numbers_masked(served, built):
    _, store, december = built
    payload = _upload(served, december, CHENGGUAN)
    _, answer, text = _history(served, payload["history_url"])
    assert [i["party"] for i in answer["open"]["items"]] == [f"李四（身份证号 {MASKED_ID}）"]
    assert FULL_ID not in text
    assert answer["open"] == cli_history(store, "open", "区城管局")


def test_an_upload_never_writes_to_the_store(served, built):
    root, store, december = built
    before, listed = _digest(store), cli_history(store, "list")
    # a monthly self-check (the month given, as `check --month` records it) and a plain one
    _upload(served, december, "区安监局_2016年行政处罚_2016-12.xlsx", "区人社局_2016-12_行政许可.xlsx", month="2016-12")
    _upload(served, december, "区安监局_2016年行政处罚_2016-12.xlsx", month="2017-01")
    assert _digest(store) == before
    assert cli_history(store, "list") == listed
    assert sorted(p.name for p in root.iterdir() if p.suffix == ".sqlite") == ["h.sqlite"]  # and no other store


def test_without_db_there_is_no_history(built, tmp_path):
    _, _, december = built
    with Served(tmp_path) as server:
        payload = _upload(server, december, "区安监局_2016年行政处罚_2016-12.xlsx")
        token = payload["report_url"].rsplit("/", 1)[1]
        status, _, _ = server.get("/api/history/" + token)
        out, _ = server.stop()
    assert "history_url" not in payload and payload["report_url"]
    assert status == 404
    assert "历史" not in out
    assert not list(tmp_path.rglob("*.sqlite"))  # serve made no store either


@pytest.mark.parametrize("kind", ["missing", "not-a-database", "url"])
def test_a_store_that_cannot_be_opened_stops_serve_with_a_chinese_message(kind, tmp_path):
    target = tmp_path / "历史.sqlite"
    if kind == "not-a-database":
        target.write_text("这不是数据库\n", encoding="utf-8")
    db = "postgresql://user:secret@localhost/x" if kind == "url" else str(target)
    done = subprocess.run([sys.executable, "-m", "compliance", "serve", "--db", db, "--port", str(free_port())], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done
    assert "Traceback" not in done.stderr and "错误：" in done.stderr.splitlines()[0]
    assert "网页版已启动" not in done.stdout
    if kind == "missing":
        assert "历史库" in done.stderr and "不存在" in done.stderr and not target.exists()
    if kind == "not-a-database":
        assert "不是数据库文件" in done.stderr and target.read_text(encoding="utf-8") == "这不是数据库\n"


def test_a_store_that_becomes_unreadable_leaves_the_check_working(built, tmp_path):
    _, store, december = built
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(store, copy)
    with Served(tmp_path, "--db", str(copy)) as server:
        out = server.proc.stdout.readline()  # the first line: started
        first = _upload(server, december, "区安监局_2016年行政处罚_2016-12.xlsx")
        assert _history(server, first["history_url"])[0] == 200
        copy.write_bytes(b"not a database any more" * 100)
        later = _upload(server, december, "区安监局_2016年行政处罚_2016-12.xlsx")
        status, answer, text = _history(server, later["history_url"])
        _, log = server.stop()
    assert "网页版已启动" in out
    assert later["report_url"] and later["summary"]["records"] == first["summary"]["records"]
    assert status == 503 and answer["error"]["code"] == "history-unavailable"
    assert "历史库暂时无法读取" in answer["error"]["message"]
    assert str(tmp_path) not in text and "copy.sqlite" not in text  # the server's paths stay on the server
    assert "copy.sqlite" in log  # ... and go to its log
