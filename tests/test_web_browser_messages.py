"""What the page tells a clerk when something goes wrong around the check itself: a file changed after it
was chosen, a report past its keeping time, files passed over. Real Chromium, real server
(test_web_browser's fixtures)."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import openpyxl

from helpers import write_xlsx
from test_web_browser import SAMPLES, browser, page, server  # noqa: F401 - fixtures

SAMPLE = SAMPLES[0]


def _run(page):
    page.click("#run")
    page.wait_for_function("document.getElementById('check-status').textContent.indexOf('正在检查') < 0",
                           timeout=60_000)


def test_a_file_changed_after_it_was_chosen_says_so_and_choosing_it_again_replaces_it(page, tmp_path):
    ledger = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, ledger)
    page.fill("#as_of", "2016-12-31")
    page.set_input_files("#files", [str(ledger)])
    _run(page)
    assert page.locator("#results").is_visible()
    book = openpyxl.load_workbook(ledger)  # the clerk fixes a row and saves, the page still open
    book.active.cell(row=book.active.max_row + 2, column=1, value="修改后")
    book.save(ledger)
    later = ledger.stat().st_mtime + 5  # saved a few seconds after it was chosen
    os.utime(ledger, (later, later))
    _run(page)
    status = page.locator("#check-status").inner_text()
    assert "修改并保存过" in status and "×" in status, status
    assert page.locator("#results").is_hidden()  # the results before the fix are not left beside it
    page.set_input_files("#files", [str(ledger)])  # chosen again: replaces the entry, not a second one
    assert page.locator("#chosen li").count() == 1
    assert "替换之前选的同名文件" in page.locator("#check-status").inner_text()
    _run(page)
    assert page.locator("#results").is_visible()
    assert page.locator("#check-status").inner_text() == "检查完成。"


def test_a_report_no_longer_kept_says_so_instead_of_a_silent_download(page):
    page.fill("#as_of", "2016-12-31")
    page.set_input_files("#files", [str(SAMPLE)])
    _run(page)
    page.evaluate("document.getElementById('report-link').href = '/reports/' + 'a'.repeat(32)")
    page.click("#report-link")
    note = page.locator("#report-note.error")
    note.wait_for()
    assert "报告不存在或已过期" in note.inner_text()
    assert page.locator("#report-link").is_hidden()


def test_files_passed_over_are_named_with_why(page, tmp_path):
    twin = tmp_path / ("副本_" + SAMPLE.name)
    shutil.copyfile(SAMPLE, twin)
    page.fill("#as_of", "2016-12-31")
    page.set_input_files("#files", [str(SAMPLE), str(twin)])
    _run(page)
    scope = page.locator("#scope-note").inner_text()
    assert "未读取 1 个文件" in scope and "内容完全相同" in scope, scope
    # a report of this tool's, uploaded alone: passed over, and said so where the results would be
    with page.expect_download() as download_info:
        page.click("#report-link")
    report = tmp_path / "报告.xlsx"
    download_info.value.save_as(str(report))
    page.click("#chosen li button")
    page.click("#chosen li button")
    page.set_input_files("#files", [str(report)])
    _run(page)
    said = page.locator("#nothing-checked").inner_text()
    assert "本工具生成" in said and "无法读取" not in said, said


def test_a_month_without_decisions_is_no_all_clear(page, tmp_path):
    ledger = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
        ["西安监罚〔2016〕1号", "甲", dt.date(2016, 3, 1), dt.date(2016, 3, 2), "区安监局"]]})
    page.fill("#as_of", "2016-12-31")
    page.fill("#month", "2016-05")  # its one decision is of March
    page.set_input_files("#files", [str(ledger)])
    _run(page)
    assert page.locator("#results").is_visible()
    assert "统计范围内没有决定" in page.locator("#problems").inner_text()
    assert "zero" not in (page.locator("#problem-count").get_attribute("class") or "")


def test_a_calendar_file_likely_wrong_is_said_on_the_page(browser, tmp_path):
    # The server's calendar file lists one holiday for 2030: every other 2030 holiday counts as a working
    # day. The terminal says so on every run; the page says it above the figures and on the calendar tab.
    import threading

    from compliance.web import create_app
    from compliance.web.server import make_server
    from compliance.workcalendar import WorkCalendar

    sparse = tmp_path / "2030.csv"
    sparse.write_text("date,type,name\n2030-01-01,休,元旦\n", encoding="utf-8")
    app = create_app(calendar=WorkCalendar([sparse]), work_dir=tmp_path / "web")
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.effective_port}/")
        page.wait_for_function("document.getElementById('as_of').value !== ''")
        page.fill("#as_of", "2016-12-31")
        page.set_input_files("#files", [str(SAMPLE)])
        _run(page)
        warning = page.locator("#calendar-warning")
        assert warning.is_visible() and "2030 年只列了 1 个工作日放假" in warning.inner_text()
        assert "日历文件 2030.csv：" in warning.inner_text() and str(tmp_path) not in warning.inner_text()
        page.click("#tab-calendar")
        page.wait_for_selector("#cal-files li.bad")
        assert "2030 年只列了 1 个工作日放假" in page.locator("#cal-files").inner_text()
        page.click("#tab-deadline")  # the calculator says it beside its own answer, as `compliance deadline` does
        page.fill("#d-date", "2030-01-25")
        page.click("#d-run")
        page.wait_for_selector("#d-deadline")
        assert page.locator("#d-warning").is_visible()
        assert "2030 年只列了 1 个工作日放假" in page.locator("#d-warning").inner_text()
        context.close()
    finally:
        server.close()
        thread.join(10)


def test_two_files_of_one_name_chosen_together_are_both_kept(page, tmp_path):
    # 台账.xlsx from two units' folders, chosen in one go: two files, never one replacing the other.
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copyfile(SAMPLE, tmp_path / folder / "台账.xlsx")
    page.set_input_files("#files", [str(tmp_path / "a" / "台账.xlsx"), str(tmp_path / "b" / "台账.xlsx")])
    assert page.locator("#chosen li").count() == 2
    assert "替换" not in page.locator("#check-status").inner_text()


def test_a_hidden_sheets_records_counted_are_said_above_the_figures(page, tmp_path):
    """A draft sheet left hidden in the workbook is read (its records count): the terminal says so first; the
    page said it only in the folded 读取说明, beside a large 逾期 figure without a reason (probe 63 F1)."""
    ledger = tmp_path / "区应急局_2016年行政处罚.xlsx"
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    book = openpyxl.Workbook()
    book.active.title = "处罚"
    book.active.append(header)
    book.active.append([1, "西应急罚〔2016〕1号", "甲", dt.date(2016, 9, 1), dt.date(2016, 9, 8)])
    draft = book.create_sheet("草稿（勿报）")
    draft.append(header)
    draft.append([1, "西应急罚〔2016〕9号", "乙", dt.date(2016, 3, 1), None])
    draft.sheet_state = "hidden"
    book.save(ledger)
    page.fill("#as_of", "2016-12-31")
    page.set_input_files("#files", [str(ledger)])
    _run(page)
    warning = page.locator("#calendar-warning")
    assert warning.is_visible(), page.locator("#results").inner_text()[:500]
    text = warning.inner_text()
    assert "区应急局_2016年行政处罚.xlsx" in text and "草稿（勿报）" in text and "隐藏" in text, text


def test_an_as_of_date_after_today_is_refused_in_chinese(page):
    """The browser's own bubble said "Value must be … or earlier" in English (probe 63 F3)."""
    page.fill("#as_of", "2099-01-01")
    page.set_input_files("#files", [str(SAMPLE)])
    page.click("#run")
    said = page.eval_on_selector("#as_of", "e => e.validationMessage")
    assert said.startswith("不能晚于今天（") and "无法检查" in said, said
    assert page.locator("#results").is_hidden()
