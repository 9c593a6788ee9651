"""Host and Origin checks on the real server (issue 19.7), the addresses `serve` prints (issue 21.14),
and what a visitor sees of an internal error (issue 19.6)."""

from __future__ import annotations

import http.client
import json
import re
import sys

import pytest

from compliance.config import Config
from compliance.web import create_app
from compliance.web.guard import HostPolicy, split_host
from helpers import PENALTY_HEADER, penalty_rows, write_xlsx
from served import Served, multipart

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")


def upload_body(tmp_path) -> tuple[bytes, str]:
    path = write_xlsx(tmp_path / "source.xlsx", {"处罚": [PENALTY_HEADER] + penalty_rows(2)})
    return multipart([("区安监局_行政处罚.xlsx", path.read_bytes())], {"as_of": "2016-12-31"})


@posix_only
def test_only_the_servers_own_names_are_answered(tmp_path):
    with Served(tmp_path) as server:
        port = server.port
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", "127.0.0.1", f"LOCALHOST:{port}"):
            assert server.get("/api/info", headers={"Host": host})[0] == 200, host
        status, headers, data = server.get("/api/info", headers={"Host": f"rebound.example.com:{port}"})
        page_status, page_headers, page = server.get("/", headers={"Host": f"rebound.example.com:{port}"})
        other_ip = server.get("/api/info", headers={"Host": f"192.0.2.77:{port}"})[0]
    assert status == 403 and headers["Content-Type"].startswith("application/json")
    error = json.loads(data)["error"]
    assert error["code"] == "host-not-allowed"
    assert "rebound.example.com" in error["message"] and "--allow-host rebound.example.com" in error["message"]
    assert page_status == 403 and page_headers["Content-Type"].startswith("text/plain")
    assert "不是本服务允许的访问地址" in page.decode("utf-8")
    assert other_ip == 403  # on 127.0.0.1 even an address of this machine on the network is not this server


@posix_only
def test_posts_from_another_site_are_refused(tmp_path):
    body, content_type = upload_body(tmp_path)
    with Served(tmp_path) as server:
        own = f"http://127.0.0.1:{server.port}"

        def post(**headers):
            status, _, data = server.request("POST", "/api/check", body, {"Content-Type": content_type, **headers})
            return status, json.loads(data)

        refused = [post(Origin="http://evil.example"), post(Origin="null"),
                   post(Origin=f"http://127.0.0.1:{server.port + 1}"),
                   post(Referer="http://evil.example/page.html"), post(**{"Sec-Fetch-Site": "cross-site"})]
        allowed = [post(Origin=own), post(Referer=own + "/"), post(**{"Sec-Fetch-Site": "same-origin", "Origin": own}),
                   post()]
    for status, payload in refused:
        assert status == 403 and payload["error"]["code"] == "cross-site-request"
        assert "拒绝来自其他网站的提交" in payload["error"]["message"]
    for status, payload in allowed:
        assert status == 200 and len(payload["records"]) == 2


@posix_only
def test_serve_on_all_addresses_prints_addresses_that_the_host_check_accepts(tmp_path):
    server = Served(tmp_path, "--host", "0.0.0.0", "--allow-host", "zhengfuban-pc", "--allow-host", "JCB.Intra.")
    try:
        port = server.port
        extra = server.get("/api/info", headers={"Host": f"zhengfuban-pc:{port}"})[0]
        dotted = server.get("/api/info", headers={"Host": f"jcb.intra:{port}"})[0]
        stranger = server.get("/api/info", headers={"Host": f"rebound.example.com:{port}"})[0]
        loopback = server.get("/api/info", headers={"Host": f"127.0.0.1:{port}"})[0]
        out, err = server.stop()
        printed = re.findall(r"其他电脑请打开：(.*)", out)[0]
        urls = re.findall(r"http://([\d.]+):(\d+)/", printed)
        assert urls, out  # this machine has a network address (the test environment has one)
        server = Served(tmp_path, "--host", "0.0.0.0", port=port)
        for address, printed_port in urls:
            assert int(printed_port) == port
            conn = http.client.HTTPConnection(address, port, timeout=30)  # as another computer would
            conn.request("GET", "/api/info")
            response = conn.getresponse()
            assert response.status == 200, (address, response.read())
            conn.close()
    finally:
        server.stop()
    assert (extra, dotted, stranger, loopback) == (200, 200, 403, 200)
    assert "也可以用这些名称打开：http://zhengfuban-pc:" in out and "Traceback" not in err


@pytest.mark.parametrize("bound, names, host, allowed", [
    ("127.0.0.1", (), "[::1]:8000", True),
    ("127.0.0.1", (), "127.0.0.2", True),
    ("127.0.0.1", (), "", False),
    ("127.0.0.1", (), "evil.example", False),
    ("127.0.0.1", ("pc1",), "PC1:8000", True),
    ("localhost", (), "localhost:8000", True),
    ("0.0.0.0", (), "localhost.evil.example", False),
    ("0.0.0.0", (), "203.0.113.9", False),  # not an address of this machine
    ("0.0.0.0", (), "127.0.0.1:8000", True),
])
def test_host_policy(bound, names, host, allowed):
    assert HostPolicy.for_server(bound, names).allows(host) is allowed


def test_split_host():
    assert [split_host(h) for h in ("A.B:80", "[FE80::1]:8000", "::1", "name.", "[::1")] == \
        ["a.b", "fe80::1", "::1", "name", "::1"]


def test_an_internal_error_shows_neither_a_path_nor_the_exception(tmp_path):
    app = create_app(Config(), work_dir=tmp_path / "work")

    def broken():
        raise RuntimeError(f"cannot open {tmp_path}/secret/区安监局.xlsx")

    app.add_url_rule("/api/broken", view_func=broken)
    response = app.test_client().get("/api/broken")
    assert response.status_code == 500
    message = response.get_json()["error"]["message"]
    assert re.fullmatch(r"内部错误（编号 [0-9a-f]{8}）。.*", message)
    assert str(tmp_path) not in message and "RuntimeError" not in message and "secret" not in message
