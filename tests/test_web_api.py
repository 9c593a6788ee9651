"""`compliance serve`'s JSON API through Flask's test client, and the serve command itself."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import threading
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.clock import china_now
from compliance.config import Config, ConfigError, WebSettings, load_config
from compliance.ingest.load import SUFFIXES
from compliance.web import create_app
from compliance.web.uploads import display_name
from helpers import PENALTY_HEADER, write_xlsx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "sample_data").iterdir() if p.suffix.lower() in SUFFIXES)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def make_app(tmp_path, web: WebSettings | None = None, **kwargs):
    config = Config(web=web or WebSettings())
    return create_app(config, work_dir=tmp_path / "work", **kwargs)


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def client(app):
    return app.test_client()


def upload(client, paths, **form):
    files = [(open(p, "rb"), Path(p).name) for p in paths]
    try:
        return client.post("/api/check", data={"files": files, **form}, content_type="multipart/form-data")
    finally:
        for handle, _ in files:
            handle.close()


def upload_bytes(client, named: list[tuple[str, bytes]], **form):
    files = [(io.BytesIO(data), name) for name, data in named]
    return client.post("/api/check", data={"files": files, **form}, content_type="multipart/form-data")


def penalty_book(path: Path, unit: str, count: int) -> Path:
    rows = [[i, f"{unit}罚〔2016〕{i}号", f"公司{i}", dt.date(2016, 9, 1), dt.date(2016, 9, 10), unit]
            for i in range(1, count + 1)]
    return write_xlsx(path, {"Sheet1": [PENALTY_HEADER] + rows})


def error_of(response) -> dict:
    assert response.is_json, response.data[:200]
    return response.get_json()["error"]


def uploads_left(app) -> list[Path]:
    return list((app.extensions["compliance"]["work_dir"] / "uploads").rglob("*"))


# ---- the check: every field, and the CLI's answer ----

@pytest.fixture(scope="module")
def sample_answer(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("web"))
    response = upload(app.test_client(), SAMPLES, as_of="2016-12-31")
    assert response.status_code == 200, response.data[:500]
    return app, response


def test_check_returns_every_field(sample_answer):
    app, response = sample_answer
    payload = response.get_json()
    # strict JSON: a browser's JSON.parse refuses NaN, which Python's json accepts
    json.loads(response.data, parse_constant=lambda name: pytest.fail(f"{name} in the answer"))
    assert response.headers["Content-Type"].startswith("application/json")
    assert {"as_of", "run_date", "rule", "rules", "month", "calendar", "inputs", "summary", "records",
            "report_url", "unit_summary"} <= set(payload)
    assert payload["as_of"] == "2016-12-31"
    assert payload["run_date"] == china_now().date().isoformat()
    assert payload["month"] is None
    assert payload["rule"].startswith("区通知：20 个工作日")
    assert payload["rules"][0]["permit_days"] == 20
    assert payload["calendar"]["source"] == "chinese-calendar" and 2016 in payload["calendar"]["covered_years"]
    assert [i["file"] for i in payload["inputs"]] == [p.name for p in SAMPLES]
    for entry in payload["inputs"]:
        assert entry["error"] is None and len(entry["sha256"]) == 64 and entry["sheets"]
    summary = payload["summary"]
    assert summary["records"] == len(payload["records"]) == 378
    assert sum(summary[s] for s in ("on_time", "late", "overdue", "pending", "invalid", "undetermined")) == 378
    record = payload["records"][0]
    assert set(record) == {"file", "sheet", "row", "category", "unit", "document_number", "party",
                           "decision_date", "published_date", "deadline", "status", "working_days_late", "working_days_late_at_least", "issues"}
    assert {r["file"] for r in payload["records"]} <= {p.name for p in SAMPLES}
    assert payload["report_url"].startswith("/reports/") and len(payload["report_url"]) > 40
    table = payload["unit_summary"]
    assert table["columns"][:4] == ["排名", "单位", "类别", "决定总数"] and "及时公开率" in table["columns"]
    total = table["rows"][-1]
    assert total[1] == "合计" and total[3] == 378
    assert total[table["columns"].index("逾期公开")] == summary["late"]
    # No temporary path anywhere in the answer.
    work = str(app.extensions["compliance"]["work_dir"])
    assert work not in response.get_data(as_text=True)
    assert uploads_left(app) == []


def _by_name(records):
    return {(Path(r["file"]).name, r["sheet"], r["row"]): {**r, "file": Path(r["file"]).name} for r in records}


def test_same_answer_as_the_cli_record_by_record(sample_answer, tmp_path):
    _, response = sample_answer
    before = sorted(p.name for p in (ROOT / "sample_data").iterdir())
    result = CliRunner().invoke(main, ["check", str(ROOT / "sample_data"), "--as-of", "2016-12-31", "--json", "-",
                                       "--out", str(tmp_path / "cli.xlsx"), "--quiet"])
    assert result.exit_code == 1, result.output
    cli = json.loads(result.stdout)
    web = response.get_json()
    cli_records, web_records = _by_name(cli["records"]), _by_name(web["records"])
    assert len(cli_records) == len(cli["records"]) == 378
    assert cli_records.keys() == web_records.keys()
    for key, expected in cli_records.items():
        assert web_records[key] == expected, key
    for name in ("as_of", "run_date", "rule", "rules", "month", "calendar", "summary"):
        assert web[name] == cli[name], name
    cli_inputs = {Path(i["file"]).name: i for i in cli["inputs"]}
    for entry in web["inputs"]:
        expected = cli_inputs[entry["file"]]
        assert entry["sha256"] == expected["sha256"] and entry["sheets"] == expected["sheets"]
        assert entry["error"] == expected["error"] and entry["notes"] == expected["notes"]
    assert set(web) - set(cli) == {"report_url", "scope_note"}
    assert web["unit_summary"] == cli["unit_summary"]  # the report's 汇总, for a script (one function: json_output)
    # Nothing was written next to the inputs.
    assert sorted(p.name for p in (ROOT / "sample_data").iterdir()) == before


def test_report_download_is_the_excel_report_with_upload_names(sample_answer, tmp_path):
    app, response = sample_answer
    report = app.test_client().get(response.get_json()["report_url"])
    assert report.status_code == 200
    assert report.headers["Content-Type"] == XLSX
    assert "attachment" in report.headers["Content-Disposition"]
    assert "2016-12-31.xlsx" in report.headers["Content-Disposition"]
    assert report.data[:2] == b"PK"
    path = tmp_path / "report.xlsx"
    path.write_bytes(report.data)
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames[0] == "汇总" and "全部记录" in book.sheetnames
    sources = {row[0] for row in book["全部记录"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert sources == {p.name for p in SAMPLES}
    about = " ".join(str(c) for row in book["说明"].iter_rows(values_only=True) for c in row if c)
    assert str(app.extensions["compliance"]["work_dir"]) not in about
    assert "区环保局_2016年行政处罚.csv" in about
    # the answer names the writer that wrote this report (it was null when the JSON came first)
    writer = response.get_json()["report_writer"]
    assert writer["name"] in ("rustpy-xlsxwriter", "xlsxwriter")
    written_by = next(row[1] for row in book["说明"].iter_rows(values_only=True) if row[0] == "报告生成程序")
    assert written_by.startswith(writer["name"])


def test_one_units_report_downloads_under_a_name_with_the_unit(client, tmp_path):
    """Every report downloaded as 公开时限检查_<date>.xlsx: two units' checks, or one unit's two, became
    "(1)" copies in Downloads that a clerk could not tell apart (probe p63 F5)."""
    one = penalty_book(tmp_path / "a.xlsx", "区人社局", 2)
    answer = upload(client, [one], as_of="2016-12-31").get_json()
    disposition = client.get(answer["report_url"]).headers["Content-Disposition"]
    assert "filename*=UTF-8''" in disposition and "%E5%8C%BA%E4%BA%BA%E7%A4%BE%E5%B1%80_2016-12-31.xlsx" in disposition
    two = upload(client, [one, penalty_book(tmp_path / "b.xlsx", "区民政局", 2)], as_of="2016-12-31").get_json()
    disposition = client.get(two["report_url"]).headers["Content-Disposition"]
    assert "%E5%85%AC%E5%BC%80%E6%97%B6%E9%99%90%E6%A3%80%E6%9F%A5_2016-12-31.xlsx" in disposition  # no unit


def test_month_rule_and_days_are_passed_through(client):
    sample = ROOT / "sample_data" / "区安监局_2016年行政处罚.xlsx"
    national = upload(client, [sample], as_of="2016-12-31", rule="national").get_json()
    assert national["rules"][0]["permit_days"] == 7 and national["rule"].startswith("国家")
    days = upload(client, [sample], as_of="2016-12-31", days="15").get_json()
    assert days["rules"][0]["penalty_days"] == 15
    month = upload(client, [sample], as_of="2016-12-31", month="2016-07").get_json()
    assert month["month"] == "2016-07"
    assert all(r["decision_date"] is None or r["decision_date"].startswith("2016-07") for r in month["records"])
    assert 0 < len(month["records"]) < len(days["records"])


def test_as_of_defaults_to_today(client):
    payload = upload(client, [ROOT / "sample_data" / "区编办_2016年行政许可.xlsx"]).get_json()
    assert payload["as_of"] == payload["run_date"] == china_now().date().isoformat()


def test_run_date_comes_from_the_injected_clock(tmp_path):
    app = make_app(tmp_path, now=lambda: dt.datetime(2016, 11, 30, 9, 0))
    client = app.test_client()
    payload = upload(client, [ROOT / "sample_data" / "区编办_2016年行政许可.xlsx"]).get_json()
    assert payload["run_date"] == payload["as_of"] == "2016-11-30"
    refused = upload(client, [ROOT / "sample_data" / "区编办_2016年行政许可.xlsx"], as_of="2016-12-01")
    assert refused.status_code == 400 and "晚于今天 2016-11-30" in error_of(refused)["message"]


# ---- bad input ----

@pytest.mark.parametrize("form, words", [
    ({"as_of": "2099-01-01"}, "晚于今天"),
    ({"as_of": "明天"}, "统计截止日的值无效"),
    ({"as_of": "2016-02-30"}, "统计截止日的值无效"),
    ({"month": "2016-13"}, "不是有效的月份"),
    ({"rule": "provincial"}, "没有名为“provincial”的规则"),
    ({"days": "0"}, "1–3650"),
    ({"days": "abc"}, "1–3650"),
    ({"days": "7", "rule": "national"}, "只能选一个"),
])
def test_bad_parameters_are_400_with_a_chinese_message(client, app, form, words):
    response = upload(client, [ROOT / "sample_data" / "区编办_2016年行政许可.xlsx"], **form)
    assert response.status_code == 400
    assert words in error_of(response)["message"]
    assert "--" not in error_of(response)["message"]  # a page's visitor has boxes, not command-line options
    assert uploads_left(app) == []


def test_no_files_is_400(client):
    response = client.post("/api/check", data={"as_of": "2016-12-31"}, content_type="multipart/form-data")
    assert response.status_code == 400 and "至少一个" in error_of(response)["message"]
    empty = client.post("/api/check", data={"files": (io.BytesIO(b""), "")}, content_type="multipart/form-data")
    assert empty.status_code == 400


def _raw_multipart(client, filename: bytes, content: bytes):
    """A request as an old browser or a script sends it, with the part's name bytes as they are."""
    body = (b'--XX\r\nContent-Disposition: form-data; name="as_of"\r\n\r\n2016-12-31\r\n'
            b'--XX\r\nContent-Disposition: form-data; name="files"; filename="' + filename
            + b'"\r\nContent-Type: application/octet-stream\r\n\r\n' + content + b"\r\n--XX--\r\n")
    return client.post("/api/check", data=body, content_type="multipart/form-data; boundary=XX")


def test_an_old_browsers_windows_path_is_cut_to_its_last_part_and_a_name_not_in_utf8_is_said(client, tmp_path):
    # probe p85: IE sends C:\Users\a\Desktop\区编办_台账.xlsx unescaped; the form parser made it
    # CUsersaDesktop区编办_台账.xlsx (the unit CUsersaDesktop区编办). A GBK name made the part vanish and the
    # answer said no file was chosen.
    book = write_xlsx(tmp_path / "b.xlsx", {"处罚": [PENALTY_HEADER, [1, "西编罚〔2016〕1号", "甲", dt.date(2016, 3, 1),
                                                                   dt.date(2016, 3, 7), None]]})
    content = book.read_bytes()
    response = _raw_multipart(client, "C:\\Users\\a\\Desktop\\区编办_台账.xlsx".encode(), content)
    assert response.status_code == 200, response.get_data(as_text=True)
    answer = response.get_json()
    assert [i["file"] for i in answer["inputs"]] == ["区编办_台账.xlsx"]
    assert [(r["unit"], r["status"]) for r in answer["records"]] == [("区编办", "on_time")]
    for data in (content, "序号,文书号\n1,西编罚〔2016〕1号\n".encode("gbk")):  # a small CSV too (review rev62)
        gbk = _raw_multipart(client, "区编办_台账.xlsx".encode("gbk"), data)
        assert gbk.status_code == 400 and "读不出文件名" in error_of(gbk)["message"], gbk.get_data(as_text=True)


def test_unknown_address_and_method_are_json(client):
    missing = client.get("/api/nothing")
    assert missing.status_code == 404 and error_of(missing)["message"] == "找不到这个地址"
    wrong = client.get("/api/check")
    assert wrong.status_code == 405 and error_of(wrong)["message"]


def test_a_bad_file_is_reported_never_a_server_error(client):
    response = upload_bytes(client, [("区安监局_坏文件.xlsx", b"this is not a workbook"),
                                     ("说明.txt", "只是一段文字".encode())])
    assert response.status_code == 200
    payload = response.get_json()
    assert payload["report_url"] is None and payload["records"] == []
    errors = {i["file"]: i["error"] for i in payload["inputs"]}
    assert set(errors) == {"区安监局_坏文件.xlsx", "说明.txt"}
    for name, error in errors.items():
        assert error["code"] and error["message"].startswith(name + "：")


def test_a_bad_file_next_to_a_good_one(client, tmp_path):
    good = penalty_book(tmp_path / "区安监局_2016年行政处罚.xlsx", "区安监局", 3)
    response = upload_bytes(client, [(good.name, good.read_bytes()), ("坏.xlsx", b"PK\x03\x04broken")],
                            as_of="2016-12-31")
    payload = response.get_json()
    assert response.status_code == 200 and payload["report_url"]
    assert [bool(i["error"]) for i in payload["inputs"]] == [False, True]
    assert payload["summary"]["records"] == 3


# ---- limits ----

def test_file_count_limit_is_413(tmp_path):
    app = make_app(tmp_path, WebSettings(max_files=2))
    response = upload_bytes(app.test_client(), [(f"{i}.csv", b"a,b\n") for i in range(3)])
    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "too-many-files" and "3 个文件" in error["message"] and "最多上传 2 个" in error["message"]


def test_many_small_files_past_the_form_parts_bound_are_said_to_be_too_many(tmp_path):
    # probe 22: 70 tiny files (with the default 50) were refused by the form-parts bound before the app
    # counted them, as 上传的文件太大 although they came to 280 bytes
    app = make_app(tmp_path, WebSettings(max_files=2))
    response = upload_bytes(app.test_client(), [(f"{i}.csv", b"a,b\n") for i in range(40)])
    assert response.status_code == 413
    error = error_of(response)
    # Flask before 3.1 sets no form-parts bound: the app counts the files itself (一次上传了 40 个文件)
    assert error["code"] == "too-many-files" and "最多上传 2 个" in error["message"], error
    assert "太大" not in error["message"]
    assert uploads_left(app) == []


def test_total_size_limit_is_413(tmp_path):
    app = make_app(tmp_path, WebSettings(max_upload_mb=0.05))
    response = upload_bytes(app.test_client(), [("big.csv", b"x" * 80_000)])
    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "upload-too-large" and "0.05 MB" in error["message"]
    assert uploads_left(app) == []


def test_web_limits_from_compliance_toml(tmp_path):
    path = tmp_path / "compliance.toml"
    path.write_text("[web]\nmax_upload_mb = 5\nmax_files = 3\nreport_ttl_minutes = 10\n", encoding="utf-8")
    assert load_config(path).web == WebSettings(5, 3, 10)
    assert load_config(None, cwd=tmp_path / "nowhere").web == WebSettings()
    info = create_app(load_config(path), work_dir=tmp_path / "w").test_client().get("/api/info").get_json()
    assert info["limits"] == {"max_upload_mb": 5, "max_files": 3, "report_ttl_minutes": 10}


@pytest.mark.parametrize("text, words", [
    ("[web]\nmax_uploads = 5\n", "“max_uploads”不是可识别的设置"),
    ("[web]\nmax_files = 2.5\n", "max_files 应为正整数"),
    ("[web]\nmax_upload_mb = -1\n", "max_upload_mb 应为正数"),
    ("[web]\nreport_ttl_minutes = \"1h\"\n", "report_ttl_minutes 应为正数"),
    ("web = 3\n", "[web] 格式有误"),
])
def test_bad_web_settings_are_config_errors(tmp_path, text, words):
    path = tmp_path / "compliance.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert words in caught.value.message


# ---- concurrency, expiry, traversal ----

def test_concurrent_requests_each_get_their_own_files(tmp_path):
    app = make_app(tmp_path)
    units = ["区安监局", "区环保局", "区国土分局", "区编办", "区人社局", "区工商分局"]
    books = {u: penalty_book(tmp_path / f"{u}_2016年行政处罚.xlsx", u, 5 + i) for i, u in enumerate(units)}
    barrier = threading.Barrier(len(units))
    answers: dict[str, dict] = {}

    def one(unit):
        client = app.test_client()
        barrier.wait()
        answers[unit] = upload(client, [books[unit]], as_of="2016-12-31").get_json()

    threads = [threading.Thread(target=one, args=(u,)) for u in units]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for i, unit in enumerate(units):
        payload = answers[unit]
        assert [e["file"] for e in payload["inputs"]] == [books[unit].name]
        assert len(payload["records"]) == 5 + i
        assert {r["unit"] for r in payload["records"]} == {unit}
        assert {r["file"] for r in payload["records"]} == {books[unit].name}
    assert len({a["report_url"] for a in answers.values()}) == len(units)
    assert uploads_left(app) == []


def test_reports_expire(tmp_path):
    clock = Clock()
    app = make_app(tmp_path, WebSettings(report_ttl_minutes=1), clock=clock)
    client = app.test_client()
    url = upload(client, [ROOT / "sample_data" / "区编办_2016年行政许可.xlsx"], as_of="2016-12-31").get_json()["report_url"]
    reports = app.extensions["compliance"]["work_dir"] / "reports"
    assert client.get(url).status_code == 200
    clock.now += 59
    assert client.get(url).status_code == 200
    clock.now += 2
    gone = client.get(url)
    assert gone.status_code == 404
    error = error_of(gone)
    assert error["code"] == "report-expired" and "1 分钟" in error["message"]
    assert list(reports.iterdir()) == []  # deleted from disk, not just hidden


def test_a_sweep_deletes_expired_reports_without_a_download(tmp_path):
    clock = Clock()
    app = make_app(tmp_path, WebSettings(report_ttl_minutes=1), clock=clock)
    client = app.test_client()
    upload(client, [ROOT / "sample_data" / "区编办_2016年行政许可.xlsx"], as_of="2016-12-31")
    store = app.extensions["compliance"]["store"]
    assert len(store) == 1
    clock.now += 120
    client.get("/api/info")  # any request sweeps
    assert len(store) == 0 and list(store.root.iterdir()) == []


@pytest.mark.parametrize("token", ["nope", "..", "..%2F..%2Fwork", "%2e%2e"])
def test_unknown_report_ids_are_404_and_nothing_is_listed(client, token):
    response = client.get(f"/reports/{token}")
    assert response.status_code == 404 and response.is_json
    assert client.get("/reports/").status_code == 404
    assert client.get("/static/").status_code == 404


@pytest.mark.parametrize("crafted", ["../../evil.xlsx", "..\\..\\evil.xlsx", "/tmp/evil.xlsx",
                                     "C:\\Windows\\evil.xlsx", "....//evil.xlsx"])
def test_no_path_traversal_through_a_crafted_file_name(tmp_path, crafted):
    app = make_app(tmp_path)
    data = penalty_book(tmp_path / "source.xlsx", "区安监局", 2).read_bytes()
    response = upload_bytes(app.test_client(), [(crafted, data)], as_of="2016-12-31")
    assert response.status_code == 200
    payload = response.get_json()
    # (werkzeug reads a backslash in a quoted name as an escape, so C:\\Windows\\ arrives as C:Windows)
    [shown] = [i["file"] for i in payload["inputs"]]
    assert shown.endswith("evil.xlsx") and not set(shown) & set("/\\:") and not shown.startswith(".")
    assert len(payload["records"]) == 2
    assert not list(tmp_path.rglob("evil.xlsx")) and not Path("/tmp/evil.xlsx").exists()
    assert uploads_left(app) == []


@pytest.mark.parametrize("raw, shown", [
    ("区安监局_2016年行政处罚.xlsx", "区安监局_2016年行政处罚.xlsx"),
    ("../../evil.xlsx", "evil.xlsx"),
    ("a/b\\c.CSV", "c.csv"),
    ("..", "未命名文件"),
    ("", "未命名文件"),
    (".hidden.xlsx", "hidden.xlsx"),
    ("con.xlsx", "_con.xlsx"),
    ("a<b>:c|d?*.xlsx", "abcd.xlsx"),
    ("tab\tnew\nline.xls", "tabnewline.xls"),
    ("trailing. . ", "trailing"),
    ("长" * 300 + ".xlsx", "长" * 100 + ".xlsx"),
])
def test_display_name(raw, shown):
    assert display_name(raw) == shown


def test_two_uploads_with_one_name_stay_two_files(client, tmp_path):
    one = penalty_book(tmp_path / "a.xlsx", "区安监局", 2).read_bytes()
    two = penalty_book(tmp_path / "b.xlsx", "区环保局", 3).read_bytes()
    payload = upload_bytes(client, [("自查.xlsx", one), ("自查.xlsx", two)], as_of="2016-12-31").get_json()
    assert [i["file"] for i in payload["inputs"]] == ["自查.xlsx", "自查 (2).xlsx"]
    assert payload["summary"]["records"] == 5


def test_a_month_after_the_as_of_date_is_refused_as_on_the_command_line(client, tmp_path):
    book = penalty_book(tmp_path / "a.xlsx", "区安监局", 2).read_bytes()
    response = upload_bytes(client, [("自查.xlsx", book)], as_of="2016-11-30", month="2016-12")
    assert response.status_code == 400
    assert "月份 2016-12 晚于统计截止日 2016-11-30" in response.get_json()["error"]["message"]


def test_two_identical_uploads_with_one_name_cite_the_first_by_its_shown_name(client, tmp_path):
    # Not "自查.xlsx：与 自查.xlsx 内容完全相同": the copy is 自查 (2).xlsx, the records stay on the first.
    book = penalty_book(tmp_path / "a.xlsx", "区安监局", 2).read_bytes()
    payload = upload_bytes(client, [("自查.xlsx", book), ("自查.xlsx", book)], as_of="2016-12-31").get_json()
    assert payload["summary"]["records"] == 2
    assert {r["file"] for r in payload["records"]} == {"自查.xlsx"}
    said = json.dumps(payload["inputs"], ensure_ascii=False)
    assert "与 自查.xlsx 内容完全相同" in said and "自查 (2).xlsx" in said, said
    assert "与 自查 (2).xlsx" not in said and str(tmp_path) not in said


def test_two_uploads_with_one_name_are_one_unit_where_the_name_gives_the_unit(client, tmp_path, app):
    # No unit inside the sheets, nor in the name: the name stands for it (told as unit-from-file-name), and a
    # second 自查.xlsx is the same unit, not a unit called 自查 (2). Nothing is left in the upload folder.
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    one = write_xlsx(tmp_path / "a.xlsx", {"9月": [header, [1, "西安监罚〔2016〕1号", "甲", dt.date(2016, 9, 1),
                                                            dt.date(2016, 9, 10)]]}).read_bytes()
    two = write_xlsx(tmp_path / "b.xlsx", {"10月": [header, [1, "西安监罚〔2016〕2号", "乙", dt.date(2016, 10, 10),
                                                             dt.date(2016, 12, 20)]]}).read_bytes()
    payload = upload_bytes(client, [("自查.xlsx", one), ("自查.xlsx", two)], as_of="2016-12-31").get_json()
    assert [i["file"] for i in payload["inputs"]] == ["自查.xlsx", "自查 (2).xlsx"]
    assert sorted({r["unit"] for r in payload["records"]}) == ["自查"]
    assert not [p for p in uploads_left(app) if p.is_file()]


# ---- deadline, calendar, info, page ----

@pytest.mark.parametrize("query, args", [
    ("date=2016-09-28&days=20", ["2016-09-28", "--days", "20"]),
    ("date=2019-06-08", ["2019-06-08"]),
    ("date=2017/9/29&days=7", ["2017/9/29", "--days", "7"]),
    ("date=2016-09-28&explain=1", ["2016-09-28", "--explain"]),
])
def test_deadline_is_the_cli_object(client, query, args):
    response = client.get("/api/deadline?" + query)
    assert response.status_code == 200
    cli = CliRunner().invoke(main, ["deadline", *args, "--json"])
    assert cli.exit_code == 0
    assert response.get_json() == json.loads(cli.stdout)


def test_deadline_explain_shows_make_up_days(client):
    payload = client.get("/api/deadline?date=2016-09-28&days=20&explain=1").get_json()
    assert payload["deadline"] == "2016-10-31"
    reasons = {r["date"]: r for r in payload["explain"]}
    for day in ("2016-10-08", "2016-10-09"):
        assert reasons[day]["is_workday"] and reasons[day]["reason"].startswith("调休上班")


@pytest.mark.parametrize("query, words", [
    ("", "请填写决定日期"),
    ("date=2016-13-01", "决定日期的值无效"),
    ("date=2016-09-28&days=-3", "工作日数的值无效"),
    ("date=2099-12-01", "2099 年的节假日安排尚无数据"),
])
def test_deadline_bad_input_is_400(client, query, words):
    response = client.get("/api/deadline?" + query)
    assert response.status_code == 400 and words in error_of(response)["message"]


def test_calendar_is_the_cli_object(client):
    cli = CliRunner().invoke(main, ["calendar", "--json"])
    assert client.get("/api/calendar").get_json() == json.loads(cli.stdout)


def test_info_describes_limits_rules_and_statuses(client):
    info = client.get("/api/info").get_json()
    assert info["today"] == china_now().date().isoformat()
    assert info["limits"] == {"max_upload_mb": 50, "max_files": 50, "report_ttl_minutes": 60}
    assert [p["key"] for p in info["profiles"]] == ["district", "national", "market"]
    assert info["default_rule"]["short"] == "区通知 20 个工作日"
    flagged = {s["key"] for s in info["statuses"] if s["flagged"]}
    assert flagged == {"late", "overdue", "invalid", "undetermined"}


def test_the_page_and_its_assets_are_served_with_nothing_from_outside(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    html = page.get_data(as_text=True)
    assert "公开时限自查" in html and 'lang="zh-CN"' in html
    for asset in ("/static/app.js", "/static/style.css"):
        response = client.get(asset)
        assert response.status_code == 200
        text = response.get_data(as_text=True)
        assert "http://" not in text and "https://" not in text and "@import" not in text
    assert "http://" not in html and "https://" not in html
    assert "@media print" in client.get("/static/style.css").get_data(as_text=True)


# ---- the serve command ----

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(args, tmp_path, port):
    """Start `compliance serve` and wait until it answers; its output is read whole when it stops
    (reading a first line through the text buffer would lose what arrived with it)."""
    from urllib.request import urlopen

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "compliance", "serve", *args, "--port", str(port)], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urlopen(f"http://127.0.0.1:{port}/api/info", timeout=2) as response:
                return proc, json.loads(response.read())
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise AssertionError(f"serve did not answer: {proc.communicate()}")


def _stop(proc) -> tuple[str, str]:
    proc.send_signal(signal.SIGINT)
    return proc.communicate(timeout=20)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_serve_prints_the_url_answers_and_stops_cleanly_on_ctrl_c(tmp_path):
    port = free_port()
    proc, info = _start([], tmp_path, port)
    try:
        assert info["limits"]["max_files"] == 50
    finally:
        out, err = _stop(proc)
    assert proc.returncode == 0, err
    assert out.splitlines()[0] == f"网页版已启动，请用浏览器打开：http://127.0.0.1:{port}/"
    assert "只有本机可以访问" in out and "按 Ctrl+C 停止" in out
    assert out.rstrip().endswith("网页服务已停止，上传的文件和报告已删除。")
    assert "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_serve_on_another_address_says_it_is_reachable_from_the_network(tmp_path):
    port = free_port()
    proc, _ = _start(["--host", "0.0.0.0"], tmp_path, port)
    out, _ = _stop(proc)
    first, second = out.splitlines()[:2]
    assert f"http://127.0.0.1:{port}/" in first
    assert "其他电脑也可以访问" in second


def test_serve_on_a_busy_port_is_a_clear_error(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "compliance", "serve", "--port", str(port)], cwd=tmp_path,
                              capture_output=True, text=True, timeout=30)
    assert proc.returncode == 2
    assert f"端口 {port} 已被其他程序占用" in proc.stderr and "--port" in proc.stderr
    assert "Traceback" not in proc.stderr and "Address already in use" not in proc.stderr


@pytest.mark.parametrize("host", ["10.255.255.254", "no-such-host.invalid"])
def test_serve_on_an_address_this_computer_does_not_have_says_so_in_chinese(tmp_path, host):
    proc = subprocess.run([sys.executable, "-m", "compliance", "serve", "--host", host, "--port", str(free_port())],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"本机没有地址 {host}" in proc.stderr and "127.0.0.1" in proc.stderr
    assert "Traceback" not in proc.stderr and "内部错误" not in proc.stderr


def test_serve_help_is_chinese():
    result = CliRunner().invoke(main, ["serve", "-h"])
    assert result.exit_code == 0
    assert "启动网页版" in result.output and "--host" in result.output and "0.0.0.0" in result.output


def test_readme_documents_serve_with_test_made_screenshots():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    heading = "### `compliance serve` — 网页版（区政府办在内网运行）"
    assert heading in readme
    section = readme.split(heading, 1)[1].split("\n### ", 1)[0]
    for name in ("web-results.png", "web-upload.png", "web-deadline.png"):
        assert f"(docs/{name})" in section and (ROOT / "docs" / name).is_file()
    usage = section.split("```text\n", 1)[1].split("\n```", 1)[0]
    help_text = CliRunner().invoke(main, ["serve", "-h"]).output
    for option in ("--host", "--port", "--config", "--calendar"):
        assert option in usage and option in help_text
    for key in ("max_upload_mb", "max_files", "report_ttl_minutes"):
        assert key in section


def _mixed_month_book(path: Path) -> Path:
    """Two October decisions, one of September, one repeated on a second sheet, a blank row and a total."""
    october = [[1, "西安监罚〔2016〕1号", "公司1", dt.date(2016, 10, 10), dt.date(2016, 10, 14), "区安监局"],
               [2, "西安监罚〔2016〕2号", "公司2", dt.date(2016, 10, 11), None, "区安监局"]]
    september = [[3, "西安监罚〔2016〕3号", "公司3", dt.date(2016, 9, 5), dt.date(2016, 9, 8), "区安监局"]]
    return write_xlsx(path, {"10月": [PENALTY_HEADER] + october + september + [[None] * 6, ["合计", "3件"]],
                             "全年汇总": [PENALTY_HEADER] + october[:1]})


def test_the_answer_says_what_was_read_but_not_counted_in_the_clis_words(client, tmp_path):
    book = _mixed_month_book(tmp_path / "区安监局_2016年行政处罚.xlsx")
    payload = upload(client, [book], as_of="2016-12-31", month="2016-10").get_json()
    summary = payload["summary"]
    assert summary["records"] == 2 and summary["skipped_rows"] == 2
    assert summary["out_of_scope"]["other_month"] == 1 and summary["repeats"] == 1
    result = CliRunner().invoke(main, ["check", str(book), "--month", "2016-10", "--as-of", "2016-12-31",
                                       "--out", str(tmp_path / "r.xlsx")])
    assert payload["scope_note"] + "。" in result.output.splitlines()
    assert "1 条决定日期不在 2016-10" in payload["scope_note"] and "只计一次" in payload["scope_note"]
    plain = upload(client, [ROOT / "sample_data" / "区编办_2016年行政许可.xlsx"], as_of="2016-12-31").get_json()
    assert plain["scope_note"] is None


def test_the_page_says_what_a_clerk_can_do_where_the_command_line_says_what_its_user_can(client, tmp_path):
    # A decision of 2003 (no holiday data for it) and a sheet without a publication column: the command
    # line names --calendar and compliance.toml; the page, which a clerk cannot configure, names the office.
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]
    ledger = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [
        header, ["西安监罚〔2003〕1号", "甲", dt.date(2003, 12, 10), None, "区安监局"]]})
    no_date = write_xlsx(tmp_path / "区环保局_行政处罚.xlsx", {"行政处罚": [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "报送日期", "处罚机关"],
        ["西环罚〔2016〕1号", "乙", dt.date(2016, 3, 1), dt.date(2016, 3, 9), "区环保局"]]})
    page = upload(client, [ledger, no_date], as_of="2016-12-31", days="7").get_json()
    said = json.dumps(page, ensure_ascii=False)
    assert "--calendar" not in said and "compliance.toml" not in said
    assert "请把这个情况告诉区政府办：补充 2003 年的日历文件后，重新上传检查" in said
    assert "请区政府办在配置中补充这些列名" in said
    assert page["rule"] == "7 个工作日（网页上填写的天数）"
    cli = tmp_path / "cli.json"
    CliRunner().invoke(main, ["check", str(ledger), str(no_date), "--as-of", "2016-12-31", "--days", "7",
                              "-o", str(tmp_path / "r.xlsx"), "--json", str(cli)])
    said = cli.read_text(encoding="utf-8")
    assert "用 --calendar 2003.csv 提供后重新运行" in said and "compliance.toml 的 [columns]" in said
    assert "命令行 --days" in said


def test_an_unreadable_uploads_message_names_its_sheet_as_the_command_line_does(client, tmp_path):
    # One stray character far from the data: the message names the sheet (it said 工作表“None” on the page).
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "十月台账"
    sheet.append(["文书号", "处罚决定日期", "公开日期"])
    sheet.append(["西安监罚〔2016〕1号", dt.date(2016, 9, 1), dt.date(2016, 9, 10)])
    sheet["Z1048576"] = "x"
    book.save(tmp_path / "区编办_远处有字.xlsx")
    payload = upload_bytes(client, [("区编办_远处有字.xlsx", (tmp_path / "区编办_远处有字.xlsx").read_bytes())],
                           as_of="2016-12-31").get_json()
    [entry] = payload["inputs"]
    message = entry["error"]["message"]
    assert "工作表“十月台账”的单元格 Z1048576 有内容" in message and "None" not in message


def test_a_file_filled_in_by_another_unit_has_its_line_on_the_web_as_in_the_cli(client, tmp_path):
    # probe 22: the web renamed the uploads in the checked records only; the line 计入他单位 looks in the
    # records as read, which still named the temporary paths, so the web's 汇总 lost the line
    header = ["序号", "行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期"]
    book = write_xlsx(tmp_path / "区环保局_10月许可.xlsx", {"Sheet1": [
        ["填报单位：区安监局"], header, [1, "西安监许〔2016〕1号", "甲", dt.date(2016, 9, 1), dt.date(2016, 9, 5)]]})
    payload = upload(client, [book], as_of="2016-12-31").get_json()
    table = payload["unit_summary"]
    lines = {row[1]: dict(zip(table["columns"], row)) for row in table["rows"]}
    assert lines.get("区环保局", {}).get("类别") == "计入他单位", table
    assert "区安监局" in lines["区环保局"]["备注"]
    report = openpyxl.load_workbook(io.BytesIO(client.get(payload["report_url"]).data), read_only=True)
    cells = [c for row in report["汇总"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "计入他单位" in cells


@pytest.mark.parametrize("code, values", [("file-too-large", {"size_mb": 2000, "limit_mb": 1024}),
                                          ("sheet-too-large", {"sheet": "S", "rows": 600000, "columns": 40,
                                                               "cells": 24000000, "limit": 16000000}),
                                          ("read-memory-limit", {"limit_mb": 4096}),
                                          ("read-time-limit", {"seconds": 900})])
def test_size_limit_messages_give_a_clerk_on_the_page_advice_the_page_can_follow(code, values):
    """The page has no folders, and a clerk need not be told of zip bombs (probe 63 F2); the CLI keeps its words."""
    from compliance.problem_types import READER, WEB
    from compliance.problems import message

    token = READER.set(WEB)
    try:
        web = message(code, **values)
    finally:
        READER.reset(token)
    assert "文件夹" not in web and "压缩炸弹" not in web, web
    assert "文件夹" in message(code, **values)  # the command line's reader has folders
