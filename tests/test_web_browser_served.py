"""The page in headless Chromium against a real `compliance serve --host 0.0.0.0` (issue 19.5, 19.7, 21.14):
opened through the address serve prints, a rebinding name, another site's page, an upload past the limit."""

from __future__ import annotations

import os
import re
import select
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from served import Served
from test_web_browser import SAMPLES, VIEWPORT, launch

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """serve on every address, with a work folder of its own (TMPDIR) so that stored reports can be counted."""
    root = tmp_path_factory.mktemp("served")
    (root / "tmp").mkdir()
    server = Served(root, "--host", "0.0.0.0", tmpdir=root / "tmp")
    yield server, root / "tmp"
    server.stop()


@pytest.fixture(scope="module")
def chromium():
    # rebound.test resolves to this machine, as an attacker's DNS would make it do (DNS rebinding).
    yield from launch(["--host-resolver-rules=MAP rebound.test 127.0.0.1"])


@pytest.fixture(scope="module")
def address(served):
    """The first address serve printed for other computers (read from its stdout as it runs)."""
    server, _ = served
    seen = b""
    while "其他电脑请打开".encode() not in seen or not seen.endswith(b"\n"):
        ready, _, _ = select.select([server.proc.stdout], [], [], 30)
        assert ready, seen.decode("utf-8", "replace")
        seen += os.read(server.proc.stdout.fileno(), 4096)
    lines = seen.decode("utf-8")
    urls = re.findall(r"http://[\d.]+:\d+/", lines.split("其他电脑请打开：", 1)[1].splitlines()[0])
    assert urls and "127.0.0.1" not in urls[0], lines
    return urls[0]


def new_page(chromium, url):
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN")
    page = context.new_page()
    page.goto(url)
    return context, page


def test_the_page_opened_through_the_printed_address_checks_files(chromium, address, tmp_path):
    context, page = new_page(chromium, address)
    try:
        page.wait_for_function("document.getElementById('as_of').value !== ''")
        page.set_input_files("#files", [str(p) for p in SAMPLES])
        page.fill("#as_of", "2016-12-31")
        page.click("#run")
        page.wait_for_selector("#results:not([hidden])", timeout=120_000)
        assert "检查完成" in page.locator("#check-status").inner_text()
        assert page.locator("#report-link").is_visible()
        page.evaluate("document.activeElement && document.activeElement.blur()")
        page.screenshot(path=str(tmp_path / "served-address.png"))
        assert (tmp_path / "served-address.png").stat().st_size > 10_000
    finally:
        context.close()


def test_a_rebinding_name_gets_a_refusal_not_the_page(chromium, served):
    server, _ = served
    context, page = new_page(chromium, f"http://rebound.test:{server.port}/")
    try:
        text = page.locator("body").inner_text()
        answer = page.evaluate("fetch('/api/info').then(r => r.status)")
    finally:
        context.close()
    assert "这个地址（rebound.test" in text and "不是本服务允许的访问地址" in text
    assert answer == 403


def test_another_sites_page_cannot_post_files(chromium, served, tmp_path):
    server, work = served
    (tmp_path / "index.html").write_text("<html><body>另一个网站</body></html>", encoding="utf-8")
    evil = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    reports_before = sorted(work.glob("compliance-web-*/reports/*"))
    context, page = new_page(chromium, f"http://127.0.0.1:{evil.server_address[1]}/")
    try:
        outcome = page.evaluate("""async (target) => {
            const form = new FormData();
            form.append('files', new Blob(['行政处罚决定书文号,处罚决定日期\\nA1,2016-09-01\\n']), '区安监局_处罚.csv');
            try { await fetch(target + '/api/check', {method: 'POST', body: form, mode: 'no-cors'}); return 'sent'; }
            catch (e) { return 'blocked'; }
        }""", f"http://127.0.0.1:{server.port}")
    finally:
        context.close()
        evil.shutdown()
    assert outcome == "sent"  # the browser did send it (a form post needs no permission) ...
    assert sorted(work.glob("compliance-web-*/reports/*")) == reports_before  # ... and nothing was checked


def test_an_upload_past_the_limit_reaches_the_page_as_the_chinese_answer(chromium, address):
    context, page = new_page(chromium, address)
    try:
        page.wait_for_function("document.getElementById('as_of').value !== ''")
        answer = page.evaluate("""async () => {
            const form = new FormData();
            form.append('files', new Blob([new Uint8Array(51 * 1048576)]), 'big.csv');
            const response = await fetch('/api/check', {method: 'POST', body: form});
            return [response.status, await response.json()];
        }""")
    finally:
        context.close()
    status, payload = answer
    assert status == 413 and payload["error"]["code"] == "upload-too-large"
    assert "上传的文件太大" in payload["error"]["message"]


def test_a_file_of_exactly_the_limit_is_refused_by_the_page_with_advice_that_works(chromium, address, tmp_path):
    """50 MB on the dot passed the page's own check, then the server refused the request (the form around
    the file made it larger) saying 请分几次上传: a single file cannot be split."""
    big = tmp_path / "区安监局_处罚.csv"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1048576)  # the default [web] max_upload_mb
    context, page = new_page(chromium, address)
    try:
        page.wait_for_function("document.getElementById('as_of').value !== ''")
        page.set_input_files("#files", str(big))
        page.click("#run")
        page.wait_for_function("document.getElementById('check-status').textContent.includes('MB')")
        said = page.locator("#check-status").inner_text()
    finally:
        context.close()
    assert "超过网页的上传上限 50 MB" in said and "命令行" in said, said
