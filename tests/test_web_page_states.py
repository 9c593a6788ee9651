"""Issue 21 items 11-13: the page's states in a real Chromium on the real server.

A failed upload is never shown as a clean result; the template is offered with one line on what a
sheet needs; an error on the deadline tab replaces the previous answer and gives advice a web user
can follow. Screenshots of each state are saved in tmp_path (looked at by hand, issue 21).
"""

from __future__ import annotations

import datetime as dt
import io
import threading
from pathlib import Path

import openpyxl
import pytest

from compliance.web import create_app
from compliance.web.server import make_server
from helpers import PENALTY_HEADER, TEMPLATE_PENALTY_ROW, write_xlsx
from test_web_browser import VIEWPORT, launch

D = dt.date


@pytest.fixture(scope="module")
def browser():
    yield from launch()


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    app = create_app(work_dir=tmp_path_factory.mktemp("web"))
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}/"
    server.close()
    thread.join(10)


@pytest.fixture
def page(browser, url):
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("document.getElementById('as_of').value !== ''")
    yield page
    context.close()


def shot(page, tmp_path: Path, name: str) -> None:
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.screenshot(path=str(tmp_path / name), full_page=True)


def upload(page, files: list[Path]) -> None:
    page.set_input_files("#files", [str(p) for p in files])
    page.fill("#as_of", "2016-12-31")
    page.click("#run")
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)


def word_file(path: Path) -> Path:
    import zipfile
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


def empty_workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def visible_text(page) -> str:
    return page.locator("#results").inner_text()


@pytest.mark.parametrize("make", [word_file, empty_workbook], ids=["word", "empty-workbook"])
def test_when_nothing_could_be_checked_the_page_says_so_and_nothing_else(page, tmp_path, make):
    bad = make(tmp_path / ("通知.xlsx" if make is empty_workbook else "通知.docx.xlsx"))
    upload(page, [bad])
    text = visible_text(page)
    assert page.locator("#unreadable").is_visible() and "1 个文件无法读取" in text
    assert page.locator("#nothing-checked").is_visible() and "没有检查任何记录" in text
    for gone in ("#problems-card", "#summary-card", "#counts", "#report-link"):
        assert page.locator(gone).is_hidden(), gone
    assert "没有需要处理的记录" not in text and "全部按时公开" not in text and "见“数据问题”" not in text
    assert page.locator(".badge.zero:visible").count() == 0
    # no verdict, and the status line is no "检查完成" (probe 40)
    assert page.locator("#verdict").is_hidden()
    assert page.locator("#check-status").inner_text() == "没有检查任何记录，原因见下方。"
    shot(page, tmp_path, f"page-nothing-checked-{make.__name__}.png")


def test_a_good_file_and_a_failed_one_never_show_a_green_all_clear(page, tmp_path):
    body = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5), "区安监局"]]
    good = write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + body})
    upload(page, [good, empty_workbook(tmp_path / "区环保局.xlsx")])
    assert page.locator("#problems-card").is_visible() and page.locator("#summary-card").is_visible()
    assert page.locator("#nothing-checked").is_hidden()
    assert page.locator(".badge.zero:visible").count() == 0  # a file failed: no green badge
    caption = page.locator("#problems caption").inner_text()
    assert "另有 1 个文件无法读取" in caption and caption != "全部按时公开或未到期，没有需要处理的记录。"
    shot(page, tmp_path, "page-one-failed.png")


def test_the_template_is_offered_with_a_line_on_what_a_sheet_needs(page, tmp_path):
    hint = page.locator("#template-hint")
    assert hint.is_visible()
    for column in ("文书号", "决定日期", "上网公开日期"):
        assert column in hint.inner_text()
    with page.expect_download() as info:
        page.click("#template-link")
    download = info.value
    assert download.suggested_filename == "报送模板.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    assert book.sheetnames == ["填表说明", "行政许可", "行政处罚"]
    # the template, filled in with one row, passes the page's own check
    sheet = book["行政处罚"]
    sheet.append([TEMPLATE_PENALTY_ROW.get(c.value) for c in sheet[1]])
    book.save(tmp_path / "区安监局_模板.xlsx")
    shot(page, tmp_path, "page-template-hint.png")
    upload(page, [tmp_path / "区安监局_模板.xlsx"])
    assert page.locator("#problem-count").inner_text() == "没有"
    assert page.locator(".badge.zero").is_visible()


def test_a_deadline_error_replaces_the_previous_answer_with_advice_for_a_web_user(page, tmp_path):
    page.click("#tab-deadline")
    page.fill("#d-date", "2017-09-29")
    page.fill("#d-days", "20")
    page.click("#d-run")
    page.wait_for_selector("#d-result:not([hidden])")
    assert page.locator("#d-deadline").inner_text() == "2017-11-02"  # 国庆 and a make-up Saturday (docs/rules.md)
    shot(page, tmp_path, "page-deadline-answer.png")
    page.fill("#d-date", "2031-05-06")
    page.click("#d-run")
    page.wait_for_function("document.getElementById('d-status').textContent.includes('2031')")
    assert page.locator("#d-result").is_hidden()  # the old 2017 answer is gone
    status = page.locator("#d-status").inner_text()
    assert "区政府办" in status and "--calendar" not in status
    shot(page, tmp_path, "page-deadline-error.png")


def test_rows_read_but_not_counted_are_said_under_the_counts(page, tmp_path):
    """A cumulative ledger checked for one month: the September decision, the repeat on the summary sheet
    and the blank and total rows are said on the page, in the terminal's words (test_web_api)."""
    from test_web_api import _mixed_month_book

    book = _mixed_month_book(tmp_path / "区安监局_2016年行政处罚.xlsx")
    page.set_input_files("#files", [str(book)])
    page.fill("#as_of", "2016-12-31")
    page.fill("#month", "2016-10")
    page.click("#run")
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)
    note = page.locator("#scope-note")
    assert note.is_visible()
    text = note.inner_text()
    assert text.startswith("另跳过非记录行（空行、说明、表尾等）2 行；另有 1 条决定日期不在 2016-10，不在统计范围内，未计入")
    assert "1 条与另一条记录是同一决定" in text and text.endswith("。")
    shot(page, tmp_path, "scope-note.png")
    fresh = page.context.new_page()  # (the page keeps adding chosen files to the earlier ones)
    fresh.goto(page.url)
    fresh.wait_for_function("document.getElementById('as_of').value !== ''")
    clean = write_xlsx(tmp_path / "区安监局_10月.xlsx", {"Sheet1": [
        PENALTY_HEADER, [1, "西安监罚〔2016〕9号", "公司9", D(2016, 10, 10), D(2016, 10, 12), "区安监局"]]})
    upload(fresh, [clean])  # every decision counted, no row skipped: no line
    fresh.wait_for_selector("#results:not([hidden])", timeout=60_000)
    assert fresh.locator("#counts").inner_text().startswith("记录1\n")
    assert fresh.locator("#scope-note").is_hidden()


def test_one_unit_written_two_ways_is_said_on_the_page(page, tmp_path):
    rows = [[1, "西人社罚〔2016〕1号", "甲", D(2016, 10, 10), D(2016, 10, 12), "区人社局"],
            [2, "西人社罚〔2016〕2号", "乙", D(2016, 10, 10), D(2016, 10, 12), "区人社局"],
            [3, "西人社罚〔2016〕3号", "丙", D(2016, 10, 10), D(2016, 10, 12), "西塞山区人力资源和社会保障局"]]
    upload(page, [write_xlsx(tmp_path / "台账.xlsx", {"Sheet1": [PENALTY_HEADER] + rows})])
    page.wait_for_selector("#results:not([hidden])", timeout=60_000)
    assert "单位名称写法不一，按同一单位统计：区人社局（另写作 西塞山区人力资源和社会保障局）" in \
        page.locator("#scope-note").inner_text()
    assert page.locator("#summary tbody").inner_text().count("区人社局") == 1


def test_the_page_ends_in_the_terminals_verdict_passed_or_not(page, tmp_path):
    # probe 40: the page showed counts only; a clerk had to work out whether the ledger passes. The terminal's
    # last line is on the page, green for 通过, red for 未通过 with what keeps it from passing.
    on_time = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 9, 5), "区安监局"]]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    clean = write_xlsx(tmp_path / "a" / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + on_time})
    upload(page, [clean])
    verdict = page.locator("#verdict")
    assert verdict.is_visible() and verdict.inner_text() == "通过：1 条记录全部按时公开或未到期。"
    assert "good" in verdict.get_attribute("class")
    assert page.locator("#check-status").inner_text() == "检查完成。"
    late = on_time + [[2, "西安监罚〔2016〕2号", "乙", D(2016, 9, 1), D(2016, 11, 5), "区安监局"]]
    failing = write_xlsx(tmp_path / "b" / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + late})
    upload(page, [failing])
    assert verdict.inner_text() == "未通过：共 2 条记录，逾期 1 条。" and "bad" in verdict.get_attribute("class")
    shot(page, tmp_path, "page-verdict.png")


def test_back_after_another_tab_returns_to_the_results(page, tmp_path):
    # probe 40: a tab replaced the history entry, so Back left the page and the results (and report link) went
    body = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 11, 5), "区安监局"]]
    upload(page, [write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + body})])
    page.click(".tab[data-tab='deadline']")
    assert page.locator("#panel-deadline").is_visible() and page.locator("#results").is_hidden()
    page.go_back()
    page.wait_for_selector("#panel-check:not([hidden])")
    assert page.locator("#results").is_visible() and page.locator("#report-link").is_visible()
    assert page.locator("#verdict").inner_text().startswith("未通过")


def test_back_leaves_the_page_for_the_one_before_it_and_forward_comes_back(browser, url):
    # probe p97 M1: Back onto the page's first entry pushed #check again and dropped the entries ahead: every
    # Back landed on #check, the clerk never got back to the page they came from, and Forward was gone
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    page = context.new_page()
    page.goto(url + "api/calendar")  # stands for the intranet page the clerk came from
    page.goto(url)
    page.wait_for_function("document.getElementById('as_of').value !== ''")
    page.click(".tab[data-tab='deadline']")
    page.click(".tab[data-tab='rules']")
    page.go_back()
    assert page.url.endswith("#deadline") and page.locator("#panel-deadline").is_visible()
    page.go_back()
    page.wait_for_selector("#panel-check:not([hidden])")
    assert page.url == url
    page.go_back()
    assert page.url == url + "api/calendar"
    page.go_forward()
    page.wait_for_selector("#panel-check:not([hidden])")
    page.go_forward()
    assert page.url.endswith("#deadline")
    context.close()


def test_on_a_phone_nothing_runs_past_the_screens_edge(browser, url, tmp_path):
    # probe 40: at 390 px the page was 431 px wide (tabs, options, the month field cut off); the wide tables now
    # scroll inside their own box, and the tabs and options wrap
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone = context.new_page()
    phone.goto(url)
    phone.wait_for_function("document.getElementById('as_of').value !== ''")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    body = [[1, "西安监罚〔2016〕1号", "黄石市西塞山区某某建筑工程有限公司", D(2016, 9, 1), D(2016, 11, 5), "区安监局"]]
    upload(phone, [write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + body})])
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.locator("#verdict").is_visible() and phone.locator("#report-link").is_visible()
    shot(phone, tmp_path, "page-phone.png")
    # the deadline calculator's day-by-day table scrolls in its own box (probe p97 M2: the page became 664 px)
    phone.click(".tab[data-tab='deadline']")
    phone.fill("#d-date", "2016-09-28")
    phone.click("#d-run")
    phone.wait_for_selector("#d-result:not([hidden])")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # what is still wider (累计工作日) is reached by scrolling the table's own box, not cut off
    assert phone.evaluate("getComputedStyle(document.querySelector('#d-table').parentElement).overflowX") == "auto"
    shot(phone, tmp_path, "page-phone-deadline.png")
    context.close()


def test_a_working_day_count_out_of_range_is_refused_in_chinese(page):
    # probe 40: 自定义工作日数 0 showed the browser's own bubble, in English ("Value must be greater than …")
    page.select_option("#rule", "days")
    page.fill("#days", "0")
    valid = page.evaluate("document.getElementById('days').reportValidity()")
    assert valid is False
    assert page.evaluate("document.getElementById('days').validationMessage") == "请填写 1–3650 之间的整数"
    page.fill("#days", "20")
    assert page.evaluate("document.getElementById('days').checkValidity()") is True


def test_past_the_rows_shown_the_worst_are_shown_not_the_first(page, tmp_path):
    # probe 40: a large ledger showed its first 1000 problems in file order; an overdue decision further down,
    # the worst of all, was not on the page
    rows = [[k, f"西安监罚〔2016〕{k}号", "甲", D(2016, 9, 1), D(2016, 10, 10), "区安监局"] for k in range(1, 1051)]
    rows.append([1051, "西安监罚〔2016〕1051号", "乙", D(2016, 3, 1), None, "区安监局"])  # 逾期未公开, last row
    upload(page, [write_xlsx(tmp_path / "区安监局.xlsx", {"处罚": [PENALTY_HEADER] + rows})])
    table = page.locator("#problems").inner_text()
    assert "西安监罚〔2016〕1051号" in table
    assert "只显示最需要处理的 1000 条" in page.locator("#problems-more").inner_text()
