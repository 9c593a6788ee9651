"""Date cells as clerks write them, where a misread day accuses or excuses an office (probe p74): a page
saved by Excel in the 1904 date system, a decision cell that names the day it went online, and a decision
year before its own 文书号's. Real files, the real CLI. Decided 2026-10-09: deadline 2026-11-05 (国庆 10-01..07
off, 10-10 worked), so 11-05 is on time and 11-06 late."""

from __future__ import annotations

from helpers import cli_check, write_xlsx

HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
SERIAL_1900 = {"decided": 46304, "on_time": 46331, "late": 46332}  # 2026-10-09, 2026-11-05, 2026-11-06
DAYS_1904 = 1462


def _page(rows: list[tuple], date1904: bool) -> str:
    """An Excel page (另存为网页) with x:num values beside what each cell shows."""
    options = "<x:Date1904/>" if date1904 else ""
    head = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
            '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><!--[if gte mso 9]><xml>'
            f'<x:ExcelWorkbook>{options}</x:ExcelWorkbook></xml><![endif]--></head><body><table>')
    cells = "".join(f"<td>{h}</td>" for h in HEADER)
    body = f"<tr>{cells}</tr>"
    for i, (decided, published) in enumerate(rows, start=1):
        body += (f"<tr><td>{i}</td><td>西综执罚〔2026〕{i}号</td><td>甲{i}</td>"
                 + "".join(f'<td x:num="{n}">{shown}</td>' if n else f"<td>{shown}</td>" for shown, n in (decided, published))
                 + "</tr>")
    return head + body + "</table></body></html>"


def _statuses(payload) -> list[str]:
    return [r["status"] for r in payload["records"]]


def test_a_page_in_the_1904_date_system_reads_its_serial_cells_as_the_same_days(tmp_path):
    """A 1904 page's General cell 44842 (2026-10-09 in that system) was read as 1900's 2022-10-08: late by 997
    working days, without a word. Shown as a day without its year (10月9日), it was already right."""
    for date1904 in (True, False):
        k = DAYS_1904 if date1904 else 0
        decided, on_time, late = (SERIAL_1900[n] - k for n in ("decided", "on_time", "late"))
        rows = [((str(decided), decided), ("2026/11/5", on_time)),   # a General cell: the serial shown
                (("2026/10/9", decided), (str(late), late)),
                ((str(decided), None), ("2026/11/5", None)),          # the serial as text
                (("10月9日", decided), ("11月6日", late))]            # a day shown without its year
        folder = tmp_path / ("1904" if date1904 else "1900")
        folder.mkdir()
        path = folder / "区综合执法局_2026年行政处罚.xls"
        path.write_text(_page(rows, date1904), encoding="utf-8")
        _, payload, _ = cli_check(folder, path, "2026-11-30")
        assert [(r["decision_date"], r["status"]) for r in payload["records"]] == [
            ("2026-10-09", "on_time"), ("2026-10-09", "late"), ("2026-10-09", "on_time"), ("2026-10-09", "late")], \
            (date1904, payload["records"])
        assert not any(i for r in payload["records"] for i in r["issues"]), payload["records"]


def test_a_1904_pages_validity_dates_shown_as_days_stay_their_days(tmp_path):
    """Review 59b: 有效期至 shown 10/8/2029 on a 1904 page came out 4 years early (2025-10-07, before the decision):
    a false validity error, and the run failed."""
    header = ["序号", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "有效期自", "有效期至", "上网公开日期"]
    to_1904 = {"2026-10-09": 46304 - DAYS_1904, "2029-10-08": 47399 - DAYS_1904}
    cells = "".join(f"<td>{h}</td>" for h in header)
    row = ("<tr><td>1</td><td>西审批许〔2026〕1号</td><td>甲公司</td><td>2026/10/9</td>"
           f'<td x:num="{to_1904["2026-10-09"]}">10/9/2026</td><td x:num="{to_1904["2029-10-08"]}">10/8/2029</td>'
           "<td>2026/11/5</td></tr>")
    page = (_page([], True).split("<table>")[0] + f"<table><tr>{cells}</tr>{row}</table></body></html>")
    path = tmp_path / "区行政审批局_2026年行政许可.xls"
    path.write_text(page, encoding="utf-8")
    code, payload, _ = cli_check(tmp_path, path, "2026-11-30")
    assert [(r["status"], [i["code"] for i in r["issues"]]) for r in payload["records"]] == [("on_time", [])], payload
    assert code == 0


def test_a_decision_cell_naming_the_day_it_went_online_is_no_decision_date(tmp_path):
    """已于2026年11月5日公开 in the decision-date column, the publication column filled: it was the decision date,
    on time. Only a mark in brackets after a date (（已公示）) says no more than that it is online."""
    rows = [[1, "西安监罚〔2026〕1号", "甲", "已于2026年11月5日公开", "2026-11-05"],
            [2, "西安监罚〔2026〕2号", "乙", "发布日期：2026-11-05", "2026-11-05"],
            [3, "西安监罚〔2026〕3号", "丙", "公示 2026-11-05", "2026-11-05"],
            [4, "西安监罚〔2026〕4号", "丁", "已公开 2026-11-05", None],
            [5, "西安监罚〔2026〕5号", "戊", "2026-10-09（已公示）", "2026-11-06"],
            # a word after the date beside the row's own publication date only marks it online (review 59b)
            [6, "西安监罚〔2026〕6号", "己", "2026-10-09 已公示", "2026-11-06"],
            [7, "西安监罚〔2026〕7号", "庚", "2026-10-09 已挂网", "2026-11-05"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区安监局_2026年行政处罚.xlsx", {"Sheet1": [HEADER, *rows]}),
                              "2026-11-30")
    assert _statuses(payload) == ["invalid", "invalid", "invalid", "invalid", "late", "late", "on_time"], \
        payload["records"]
    assert all("date-with-words" in [i["code"] for i in r["issues"]] for r in payload["records"][:4])


def test_a_decision_year_before_its_numbers_year_is_no_ten_year_lateness(tmp_path):
    """2016-10-09 in a 2026 ledger, numbered 西安监罚〔2026〕: late by 2,493 working days, without a word. A
    December decision numbered in the next year, and one in its own year, are judged as written."""
    rows = [[1, "西安监罚〔2026〕64号", "甲", "2016-10-09", "2026-11-05"],
            [2, "西安监罚〔2026〕1号", "乙", "2025-12-29", "2026-01-05"],
            [3, "西安监罚〔2026〕65号", "丙", "2026-10-09", "2026-11-06"],
            [4, "西安监罚〔2025〕90号", "丁", "2026-10-09", "2026-11-06"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区安监局_2026年行政处罚.xlsx", {"Sheet1": [HEADER, *rows]}),
                              "2026-11-30")
    assert _statuses(payload) == ["invalid", "on_time", "late", "late"], payload["records"]
    [issue] = payload["records"][0]["issues"]
    assert issue["code"] == "decision-year-before-number" and "2016-10-09" in issue["message"], issue


def test_a_decision_year_after_its_numbers_year_is_named_not_left_out_unseen(tmp_path):
    """西安监罚〔2016〕13号 dated 2017-10-20 as of 2016-12-31 (probe p76 F1): left out as not yet decided, it was in
    no listing at all; a typo in its year would hide a 2016 decision's lateness. Still left out (a number given
    at 立案, a licence's kept by its 变更, is no typo: review rev60), but named where the run says what it left out.
    A 2017 number, and a January decision on December's number, are left out as before, unnamed."""
    rows = [[1, "西安监罚〔2016〕13号", "甲", "2017-10-20", ""],
            [2, "西安监罚〔2016〕14号", "乙", "2016-10-20", "2016-11-01"],
            [3, "西安监罚〔2017〕1号", "丙", "2017-01-05", ""],
            [4, "西安监罚〔2016〕15号", "丁", "2017-01-04", ""]]
    path = write_xlsx(tmp_path / "区安监局_2016年行政处罚.xlsx", {"Sheet1": [HEADER, *rows]})
    code, payload, output = cli_check(tmp_path, path, "2016-12-31")
    assert code == 0 and [r["document_number"] for r in payload["records"]] == ["西安监罚〔2016〕14号"]
    assert payload["summary"]["out_of_scope"]["after_as_of"] == 3
    assert payload["summary"]["after_as_of_doubtful"] == [
        {"file": str(path), "sheet": "Sheet1", "row": 2, "document_number": "西安监罚〔2016〕13号", "decision_date": "2017-10-20"}]
    assert "其中 1 条文书号中的年份早于决定日期的年份，可能是决定日期的年份写错了，请核对：" in output, output
    assert "Sheet1:2 西安监罚〔2016〕13号（2017-10-20）" in output
