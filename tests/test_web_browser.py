"""The page in a real headless Chromium (Debian's package), driven by Playwright for Python.

No browser is downloaded: Playwright is pointed at /usr/bin/chromium. Where
Chromium is missing the tests are skipped with the command that installs it;
under CI (the CI variable set) they fail instead, so CI never passes them silently.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from compliance.ingest.load import SUFFIXES
from compliance.web import create_app
from compliance.web.server import make_server

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SAMPLES = sorted(p for p in (ROOT / "sample_data").iterdir() if p.suffix.lower() in SUFFIXES)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--lang=zh-CN"]
INSTALL = ("apt-get update && apt-get install -y chromium fonts-noto-cjk "
           "(and pip install -e '.[test]' for Playwright; never `playwright install`)")
VIEWPORT = {"width": 1366, "height": 768}


def _chromium() -> str | None:
    for candidate in (os.environ.get("COMPLIANCE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests. Install: {INSTALL}")
    pytest.skip(f"{reason}. Install: {INSTALL}")


def launch(extra_args=()):
    """Debian's Chromium through Playwright, for the length of a module (a generator for a fixture)."""
    executable = _chromium()
    if executable is None:
        _missing("Chromium not found at /usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS + list(extra_args))
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser():
    yield from launch()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real app on the real server (waitress), on a free port of 127.0.0.1."""
    app = create_app(work_dir=tmp_path_factory.mktemp("web"))
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.effective_port}/"
    server.close()
    thread.join(10)


@pytest.fixture
def page(browser, server):
    _, url = server
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.wait_for_function("document.getElementById('as_of').value !== ''")
    page.requested = requested
    yield page
    context.close()


def shot(page, tmp_path: Path, name: str, full_page: bool = False) -> Path:
    path = tmp_path / name
    page.evaluate("document.activeElement && document.activeElement.blur()")  # no blinking caret
    page.screenshot(path=str(path), full_page=full_page)
    DOCS.mkdir(exist_ok=True)
    shutil.copyfile(path, DOCS / name)  # the README shows these
    return path


def check_samples(page, tmp_path=None):
    page.set_input_files("#files", [str(p) for p in SAMPLES])
    page.fill("#as_of", "2016-12-31")
    if tmp_path is not None:
        shot(page, tmp_path, "web-upload.png")
    page.click("#run")
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)


def test_upload_shows_problem_rows_and_summary_and_downloads_the_report(page, server, tmp_path):
    app, url = server
    assert page.input_value("#as_of")  # defaults to today
    check_samples(page, tmp_path)
    # The same figures the API gives (and so the CLI: see test_web_api).
    client = app.test_client()
    files = [(open(p, "rb"), p.name) for p in SAMPLES]
    expected = client.post("/api/check", data={"files": files, "as_of": "2016-12-31"},
                           content_type="multipart/form-data").get_json()
    for handle, _ in files:
        handle.close()
    flagged = [r for r in expected["records"] if r["status"] in ("late", "overdue", "invalid", "undetermined")
               or r["issues"]]
    assert page.locator("#problem-count").inner_text() == f"{len(flagged)} 条"
    assert page.locator("#problems tbody tr").count() == len(flagged)
    first = page.locator("#problems tbody tr").first.inner_text()
    assert flagged[0]["document_number"] in first and flagged[0]["file"] in first
    assert "逾期未公开" in page.locator("#problems").inner_text()
    total = page.locator("#summary tr.total td").all_inner_texts()
    summary = expected["summary"]
    assert total[1] == "合计" and total[3] == str(summary["records"])  # 排名, 单位, 类别, 决定总数, …
    assert total[4:11] == [str(summary[s]) for s in ("on_time", "late", "overdue", "pending", "invalid",
                                                         "undetermined", "exempt")]
    heads = page.locator("#summary thead th").all_inner_texts()
    judged = summary['on_time'] + summary['late'] + summary['overdue']
    assert total[heads.index("排名及时率")] == f"{summary['on_time'] / (judged + summary['invalid']):.1%}"
    assert total[heads.index("及时公开率")] == f"{summary['on_time'] / judged:.1%}"
    # 合规率 and 完整率 as the JSON gives them (the quality checks are on by default)
    assert total[heads.index("合规率")] == f"{summary['compliance_rate']:.1%}"
    assert total[heads.index("完整率")] == f"{summary['completeness_rate']:.1%}"
    assert page.locator("#unreadable").is_hidden()
    page.locator("#results").scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, document.getElementById('results').offsetTop - 8)")
    shot(page, tmp_path, "web-results.png")
    with page.expect_download() as download_info:
        page.click("#report-link")
    download = download_info.value
    assert download.suggested_filename == "公开时限检查_2016-12-31.xlsx"
    saved = tmp_path / download.suggested_filename
    download.save_as(str(saved))
    with zipfile.ZipFile(saved) as book:
        assert "xl/workbook.xml" in book.namelist()
    # Nothing came from anywhere but the app.
    assert page.requested and all(u.startswith(url) for u in page.requested), page.requested


def test_a_bad_file_gets_a_message_on_the_page(page):
    page.set_input_files("#files", [{"name": "区安监局_坏表.xlsx", "mimeType": "application/octet-stream",
                                      "buffer": b"not a workbook at all"}])
    page.click("#run")
    page.wait_for_selector("#results:not([hidden])")
    box = page.locator("#unreadable")
    assert box.is_visible()
    assert "区安监局_坏表.xlsx" in box.inner_text() and "无法读取" in box.inner_text()
    assert page.locator("#report-link").is_hidden()


def test_a_refused_request_shows_the_servers_message(page):
    page.set_input_files("#files", [str(SAMPLES[0])])
    page.evaluate("document.getElementById('as_of').removeAttribute('max')")
    page.fill("#as_of", "2099-01-01")
    page.click("#run")
    status = page.locator("#check-status.error")
    status.wait_for()
    assert "晚于今天" in status.inner_text()


def deadline_of(page, date: str, days: int = 20) -> str:
    """The calculator's answer for ``date``, its day-by-day table shown."""
    page.click("#tab-deadline")
    page.fill("#d-date", date)
    page.fill("#d-days", str(days))
    page.click("#d-run")
    page.wait_for_selector("#d-result:not([hidden])")
    return page.locator("#d-deadline").inner_text()


def test_deadline_calculator_explains_make_up_days(page, tmp_path):
    assert deadline_of(page, "2016-09-28") == "2016-10-31"
    for day in ("2016-10-08", "2016-10-09"):
        row = page.locator("#d-table tbody tr", has_text=day)
        assert "调休上班" in row.inner_text() and "makeup" in row.get_attribute("class")
    assert "国庆节" in page.locator("#d-table tbody tr", has_text="2016-10-03").inner_text()
    shot(page, tmp_path, "web-deadline.png")


def test_a_decision_day_before_the_calendar_shows_no_workday_answer(page, tmp_path):
    assert deadline_of(page, "2003-12-31") == "2004-02-03"
    first = page.locator("#d-table tbody tr").first
    assert first.locator("td").nth(2).inner_text() == "—" and "决定日期（不计）" in first.inner_text()
    assert "holiday" not in (first.get_attribute("class") or "")
    page.screenshot(path=str(tmp_path / "deadline-2003.png"))  # looked at; not one of the README's pictures


def test_rules_and_calendar_are_one_click_away(page):
    page.click("#tab-rules")
    assert "国家“双公示”：7 个工作日" in page.locator("#rules-list").inner_text()
    assert "逾期未公开" in page.locator("#status-table").inner_text()
    page.click("#tab-calendar")
    page.wait_for_function("document.getElementById('cal-years').textContent !== ''")
    assert page.locator("#cal-years").inner_text().startswith("2004–")
    assert "date,type,name" in page.locator("#panel-calendar").inner_text()


def test_printing_shows_the_results_without_the_controls(page):
    check_samples(page)
    page.emulate_media(media="print")
    assert page.locator("#check-form").is_hidden() and page.locator("nav").is_hidden()
    assert page.locator("#report-link").is_hidden()
    assert page.locator("#problems").is_visible() and page.locator("#summary").is_visible()
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf[:4] == b"%PDF"


def test_a_page_left_open_past_midnight_counts_to_the_new_day(browser, server):
    # probe 34: 统计截止日 was filled in once, when the page loaded; a page left open overnight checked to yesterday.
    # The first /api/info answers yesterday (the page loaded before midnight), later ones the real day.
    _, url = server
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    page = context.new_page()
    calls: list[str] = []

    def info(route):
        response = route.fetch()
        body = response.json()
        real = body["today"]
        if not calls:
            body["today"] = (dt.date.fromisoformat(real) - dt.timedelta(days=1)).isoformat()
        calls.append(body["today"])
        route.fulfill(response=response, body=json.dumps(body), content_type="application/json")

    page.route("**/api/info", info)
    page.goto(url)
    page.wait_for_function("document.getElementById('as_of').value !== ''")
    yesterday = page.input_value("#as_of")
    page.set_input_files("#files", [str(SAMPLES[0])])
    page.click("#run")
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)
    today = calls[-1]
    assert yesterday == calls[0] != today
    assert page.input_value("#as_of") == today
    assert f"统计截止 {today}" in page.locator("#results").inner_text()
    context.close()
