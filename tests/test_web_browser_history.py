"""The page of `compliance serve --db` in headless Chromium (issue 23): after a self-check, each uploaded
unit's 及时公开率 per recorded period and its open items, from a store the real CLI built; without --db,
no panel at all. The screenshot is kept in docs/ for the README."""

from __future__ import annotations

import sys

import pytest

from served import Served
from test_web_browser import VIEWPORT, launch, shot
from web_history import CHENGGUAN, FULL_ID, MASKED_ID, build_store, cli_history

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
DECEMBER = ["区安监局_2016年行政处罚_2016-12.xlsx", "区人社局_2016-12_行政许可.xlsx", CHENGGUAN]


@pytest.fixture(scope="module")
def chromium():
    yield from launch()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("history-browser")
    store, ledgers = build_store(root)
    return root, store, ledgers / "2016-12"


def _check(chromium, server, files, as_of="2017-01-25"):
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN")
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{server.port}/")
    page.wait_for_function("document.getElementById('as_of').value !== ''")
    page.set_input_files("#files", [str(p) for p in files])
    page.fill("#as_of", as_of)
    page.click("#run")
    page.wait_for_selector("#results:not([hidden])", timeout=120_000)
    return context, page


def test_the_panel_shows_each_uploaded_units_trend_and_open_items(chromium, built, tmp_path):
    root, store, december = built
    with Served(root, "--db", str(store)) as server:
        context, page = _check(chromium, server, [december / n for n in DECEMBER])
        try:
            page.wait_for_selector("#history-units section", timeout=60_000)
            page.locator("#history-card").scroll_into_view_if_needed()
            path = shot(page, tmp_path, "web-history.png", full_page=True)
            units = page.locator("#history-units h4").all_inner_texts()
            text = page.locator("#history-card").inner_text()
            trend_rows = page.locator("#history-units table.trend tbody tr").count()
            sparks = page.locator("#history-units svg.spark").count()
            dropped = page.locator("#history-units tr.dropped").all_inner_texts()
            long_open = page.locator("#history-units tr.long").all_inner_texts()
            status = page.locator("#history-status").inner_text()
        finally:
            context.close()
    assert path.stat().st_size > 20_000
    assert units == ["区人社局", "区城管局", "区安监局"]
    assert status == ""
    # one line per unit and category, each with its sparkline: the rates are `history trend`'s
    trend = cli_history(store, "trend", *units)
    assert trend_rows == sparks == len([u for u in trend["units"] if u["category"] != "all"])
    assert "各期及时公开率" in text and "2016-10" in text and "33.3%" in text and "100.0%" in text and "+50.0 个百分点" in text
    # the open items: `history open`'s, masked, with the long-open and dropped rows marked
    items = cli_history(store, "open", *units)["items"]
    for item in items:
        assert item["document_number"] in text
    assert MASKED_ID in text and FULL_ID not in text
    assert len(dropped) == 1 and "西安监罚〔2016〕3号" in dropped[0] and "台账中消失" in dropped[0]
    assert len(long_open) == 1 and "西人社许〔2016〕2号" in long_open[0]
    assert "只读" in text and "本次自查不记入" in text


def test_without_db_the_page_says_nothing_about_history(chromium, built, tmp_path):
    _, _, december = built
    with Served(tmp_path) as server:
        context, page = _check(chromium, server, [december / DECEMBER[0]])
        try:
            page.wait_for_load_state("networkidle")
            hidden = page.locator("#history-card").is_hidden()
            body = page.locator("main").inner_text()
        finally:
            context.close()
    assert hidden
    assert "历史" not in body and "整改" not in body
