"""The real server (`compliance serve` in a subprocess) against slow and hostile clients (issue 19, items 4–8).

Every request has a generous timeout: a server that hangs fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import select
import socket
import sys
import threading
import time

import pytest

from compliance.web.channel import HEAD_SECONDS
from helpers import PENALTY_HEADER, penalty_rows, write_csv, write_xlsx
from served import Served, multipart

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")


def book(tmp_path, count: int = 3, name: str = "区安监局_2016年行政处罚.xlsx") -> tuple[str, bytes]:
    path = write_xlsx(tmp_path / "source.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(count)})
    return name, path.read_bytes()


def checked(status: int, payload: dict, records: int) -> dict:
    assert status == 200, payload
    assert len(payload["records"]) == records and payload["report_url"]
    return payload


class Tricklers:
    """Connections that send a request head one byte every half second and never finish it."""

    def __init__(self, port: int, count: int):
        self.sockets = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(count)]
        for sock in self.sockets:
            sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        self.closed_at: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._trickle, daemon=True)
        self.thread.start()

    def _trickle(self):
        while not self.stop.wait(0.5):
            live = [s for i, s in enumerate(self.sockets) if i not in self.closed_at]
            readable, _, _ = select.select(live, [], [], 0) if live else ([], [], [])
            for sock in readable:  # the server closed it (EOF or reset)
                try:
                    sock.recv(1)
                except OSError:
                    pass
                self.closed_at[self.sockets.index(sock)] = time.monotonic()
            for i, sock in enumerate(self.sockets):
                if i not in self.closed_at:
                    try:
                        sock.send(b"a")
                    except OSError:
                        self.closed_at[i] = time.monotonic()

    def close(self):
        self.stop.set()
        self.thread.join(5)
        for sock in self.sockets:
            sock.close()


def test_a_visitor_is_answered_while_200_connections_trickle_their_request_heads(tmp_path):
    named = book(tmp_path)
    with Served(tmp_path) as server:
        tricklers = Tricklers(server.port, 200)
        try:
            time.sleep(1)  # every trickler is connected and has sent bytes
            status, payload = server.upload([named], {"as_of": "2016-12-31"}, timeout=60)
            answered = time.monotonic()
            checked(status, payload, 3)
            assert [r["file"] for r in payload["records"]] == [named[0]] * 3
            # The 200 were held by the server, not left in the listen queue: it closes each of them
            # once its head has taken longer than HEAD_SECONDS, and only after the visitor had an answer.
            deadline = time.monotonic() + HEAD_SECONDS + 60
            while len(tricklers.closed_at) < 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            assert len(tricklers.closed_at) == 200
            assert min(tricklers.closed_at.values()) > answered
        finally:
            tricklers.close()
        assert server.get("/api/info", timeout=30)[0] == 200


def test_a_slow_upload_and_a_long_check_in_progress_do_not_block_another_visitor(tmp_path):
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"]]
    rows += [[f"西安监罚〔2016〕{i}号", f"公司{i}", "2016-09-01", "2016-09-10", "区安监局"] for i in range(150_000)]
    big = write_csv(tmp_path / "big.csv", rows).read_bytes()
    named = book(tmp_path)
    with Served(tmp_path) as server:
        answers: dict[str, float] = {}

        def long_check():
            checked(*server.upload([("区安监局_大表_行政处罚.csv", big)], {"as_of": "2016-12-31"}, timeout=300),
                    150_000)
            answers["long"] = time.monotonic()

        body, content_type = multipart([named], {"as_of": "2016-12-31"})
        slow = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        slow.sendall(f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:100])  # the rest comes later
        thread = threading.Thread(target=long_check)
        thread.start()
        time.sleep(1)
        checked(*server.upload([named], {"as_of": "2016-12-31"}, timeout=120), 3)
        answers["short"] = time.monotonic()
        slow.sendall(body[100:])
        reply = b""
        while b"\r\n\r\n" not in reply:
            reply += slow.recv(65536)
        slow.close()
        thread.join(300)
        assert reply.startswith(b"HTTP/1.1 200")
        assert answers["short"] < answers["long"]


def test_an_upload_past_the_limit_gets_the_pages_chinese_json(tmp_path):
    with Served(tmp_path) as server:
        status, payload = server.upload([("big.csv", b"x" * (51 << 20))], timeout=120)
    assert status == 413
    assert payload["error"]["code"] == "upload-too-large"
    assert "上传的文件太大：单次最多上传 50 个文件、合计不超过 50 MB" in payload["error"]["message"]


def test_waitress_refusals_are_chinese_json(tmp_path):
    with Served(tmp_path) as server:
        status, headers, data = server.request("GET", "/api/info", headers={"X-Big": "a" * 300_000})
    assert status == 431 and headers["Content-Type"].startswith("application/json")
    assert json.loads(data)["error"]["message"] == "请求头太长，已拒绝。"


def test_a_long_chinese_file_name_is_checked_and_shown_whole(tmp_path):
    name = "区安监局" + "行政处罚决定公开情况" * 8 + ".xlsx"  # 84 characters before .xlsx, 252 bytes in UTF-8
    _, data = book(tmp_path)
    with Served(tmp_path) as server:
        status, payload = server.upload([(name, data)], {"as_of": "2016-12-31"})
    checked(status, payload, 3)
    assert [i["file"] for i in payload["inputs"]] == [name]
    assert {r["file"] for r in payload["records"]} == {name} and {r["unit"] for r in payload["records"]} == {"区安监局"}
    assert "/tmp" not in json.dumps(payload, ensure_ascii=False)


def test_a_long_name_naming_its_unit_and_kind_in_the_middle_reads_as_the_cli_reads_it(tmp_path):
    """Shortened on disk to its start and end, the name lost （区环保局） in its middle: the web put the
    records under a unit made of the name, and added a false 计入他单位 line for 区环保局."""
    name = ("关于报送2016年10月份全区各单位行政处罚决定信息上网公开情况自查统计台账的函经办人核对后定稿"
            "（区环保局）补报材料经办人核对后定稿版本第二批次.xlsx")
    rows = [row[:5] for row in [PENALTY_HEADER] + penalty_rows(3)]  # no unit column: the name names it
    data = write_xlsx(tmp_path / "source.xlsx", {"处罚": rows}).read_bytes()
    with Served(tmp_path) as server:
        status, payload = server.upload([(name, data)], {"as_of": "2016-12-31"})
    checked(status, payload, 3)
    assert {r["unit"] for r in payload["records"]} == {"区环保局"}
    assert {r["category"] for r in payload["records"]} == {"penalty"}
    table = payload["unit_summary"]
    assert [row[table["columns"].index("单位")] for row in table["rows"]] == ["区环保局", "合计"]


def test_two_uploads_of_one_name_sharing_a_decision_name_each_other_as_the_user_named_them(tmp_path):
    """A repeat's other copy was named by the server's folders (request-xxxx/台账.xlsx, 2/台账.xlsx) in the
    page, the JSON and the report; the user sent 台账.xlsx twice and sees 台账.xlsx and 台账 (2).xlsx."""
    import io

    import openpyxl

    first = write_xlsx(tmp_path / "a.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(2)}).read_bytes()
    second = write_xlsx(tmp_path / "b.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(2, start=2)}).read_bytes()
    with Served(tmp_path) as server:
        status, payload = server.upload([("台账.xlsx", first), ("台账.xlsx", second)], {"as_of": "2016-12-31"})
        report = server.get(payload["report_url"])[2]
    checked(status, payload, 3)
    text = json.dumps(payload, ensure_ascii=False)
    assert "request-" not in text and "2/台账" not in text, text
    assert "台账 (2).xlsx" in text or "台账.xlsx / " in text
    cells = [str(c) for ws in openpyxl.load_workbook(io.BytesIO(report)) for row in ws.iter_rows(values_only=True)
             for c in row if c is not None]
    assert not [c for c in cells if "request-" in c or "2/台账" in c]


def test_stored_reports_are_bounded_the_oldest_going_first(tmp_path):
    (tmp_path / "compliance.toml").write_text("[web]\nmax_reports_mb = 0.03\n", encoding="utf-8")
    named = book(tmp_path)
    with Served(tmp_path) as server:
        urls = [checked(*server.upload([named], {"as_of": "2016-12-31"}), 3)["report_url"] for _ in range(4)]
        statuses = [server.get(url)[0] for url in urls]
        status, _, data = server.get(urls[0])
    sizes_fit = statuses.count(200)
    assert statuses[-1] == 200 and statuses[0] == 404 and 1 <= sizes_fit < 4
    assert statuses == [404] * (4 - sizes_fit) + [200] * sizes_fit  # the oldest went first
    assert "最早的会提前删除" in json.loads(data)["error"]["message"]
