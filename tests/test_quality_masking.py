"""No output shows a full ID number: not the report, the terminal, the JSON or the web page.

A ledger holds full ID numbers in the party's code column, the 法定代表人证件号码 column and inside
a party's name; an online list shows one in full. The tool shows each as its first 6 and last 4.
"""

import datetime as dt
import json
import zipfile

import openpyxl
from click.testing import CliRunner

from compliance.cli import main
from compliance.config import Config
from compliance.web import create_app
from helpers import write_xlsx

FULL = ["420203198002290019", "11010519491231002X", "620201198510101231", "420203199002300015"]
MASKED = ["420203********0019", "110105********002X", "620201********1231", "420203********0015"]
HEADER = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人证件号码", "处罚类别",
          "处罚决定日期", "公示日期", "处罚机关"]


def _ledger(folder):
    rows = [HEADER,
            ["西安监罚〔2016〕1号", "张三", "自然人", FULL[0], None, "罚款", dt.date(2016, 3, 1), dt.date(2016, 3, 7),
             "区安监局"],
            ["西安监罚〔2016〕2号", "某公司", "法人及非法人组织", "91420203MA4D4Q16JR", FULL[1], "罚款",
             dt.date(2016, 3, 2), dt.date(2016, 3, 8), "区安监局"],
            ["西安监罚〔2016〕3号", f"李四（身份证号 {FULL[2]}）", "自然人", None, None, "警告", dt.date(2016, 3, 3), None,
             "区安监局"],
            ["西安监罚〔2016〕4号", "王五", "自然人", FULL[3], None, "罚款", dt.date(2016, 3, 4), dt.date(2016, 3, 9),
             "区安监局"]]
    return write_xlsx(folder / "区安监局_行政处罚.xlsx", {"行政处罚": rows})


def _online(folder):
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
            ["西安监罚〔2016〕1号", f"张三 {FULL[0]}", "2016-03-01", "2016-03-07", "区安监局"],
            ["西安监罚〔2016〕9号", f"赵六 {FULL[1]}", "2016-03-05", "2016-03-10", "区安监局"]]
    return write_xlsx(folder / "信用网站_行政处罚导出.xlsx", {"行政处罚": rows})


def _workbook_text(path) -> str:
    """Every cell of every sheet, and the raw XML too (nothing hidden in a chart or a comment)."""
    book = openpyxl.load_workbook(path, read_only=True)
    cells = " ".join(str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c is not None)
    with zipfile.ZipFile(path) as archive:
        xml = " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return cells + xml


def _assert_masked(text: str, expect_masked=MASKED):
    for number in FULL:
        assert number not in text
        assert number.lower() not in text
    for shown in expect_masked:
        assert shown in text


def test_cli_report_terminal_and_json(tmp_path):
    ledger, online = _ledger(tmp_path), _online(tmp_path)
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "--online", str(online),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json"), "--all"])
    assert result.exit_code == 1
    json_text = (tmp_path / "r.json").read_text(encoding="utf-8")
    payload = json.loads(json_text)
    _assert_masked(result.output + result.stderr, MASKED[:2] + MASKED[3:])
    _assert_masked(json_text)
    _assert_masked(_workbook_text(tmp_path / "r.xlsx"))
    # the website shows 张三's number in full: the gravest finding, on the matched record
    first = next(r for r in payload["records"] if r["document_number"] == "西安监罚〔2016〕1号")
    online_issue = next(i for i in first["issues"] if i["code"] == "id-number-online")
    assert online_issue["severity"] == "error" and MASKED[0] in online_issue["message"]
    assert any(e["party"] == "赵六 110105********002X" for e in payload["online_only"])
    # and both entries that show a full number head 公开核对, before every other finding
    rows = list(openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)["公开核对"].iter_rows(values_only=True))
    notes = [r[10] for r in rows[3:]]
    assert [n.startswith("网站上公开了完整的身份证号") for n in notes][:3] == [True, True, False]
    assert {rows[3][3], rows[4][3]} == {"西安监罚〔2016〕1号", "西安监罚〔2016〕9号"}


def test_json_to_stdout(tmp_path):
    result = CliRunner().invoke(main, ["check", str(_ledger(tmp_path)), "--as-of", "2016-12-31", "--json", "-"])
    _assert_masked(result.output, MASKED[:2] + MASKED[3:])


def test_web_page_answer_and_its_report(tmp_path):
    app = create_app(Config(), work_dir=tmp_path / "work")
    client = app.test_client()
    path = _ledger(tmp_path)
    with open(path, "rb") as handle:
        response = client.post("/api/check", data={"files": [(handle, path.name)], "as_of": "2016-12-31"},
                               content_type="multipart/form-data")
    assert response.status_code == 200
    _assert_masked(response.get_data(as_text=True), [])
    answer = response.get_json()
    assert "110105********002X" in json.dumps(answer, ensure_ascii=False)
    report = client.get(answer["report_url"])
    (tmp_path / "web.xlsx").write_bytes(report.data)
    _assert_masked(_workbook_text(tmp_path / "web.xlsx"), [])


def test_web_quality_switch(tmp_path):
    """The page's box unticked sends quality=off, as --no-quality; figures are in the answer's 汇总 otherwise."""
    client = create_app(Config(), work_dir=tmp_path / "work").test_client()
    path = _ledger(tmp_path)
    answers = {}
    for value in ("on", "off"):
        with open(path, "rb") as handle:
            answers[value] = client.post("/api/check", data={"files": [(handle, path.name)], "as_of": "2016-12-31",
                                                             "quality": value},
                                         content_type="multipart/form-data").get_json()
    on, off = answers["on"], answers["off"]
    assert on["summary"]["compliance_rate"] == 0.75  # one invalid ID of four records
    assert "compliance_rate" not in off["summary"]
    columns = on["unit_summary"]["columns"]
    assert "合规率" in columns and "完整率" in columns
    # the page's 汇总 is the report's, 个人信息 included: records 1 and 2 show a full, valid ID number in an
    # ID column, record 3 in its party name
    total = dict(zip(columns, on["unit_summary"]["rows"][-1]))
    assert total["单位"] == "合计" and total["个人信息"] == 3 == on["summary"]["personal_data"]
    assert "个人信息" not in off["unit_summary"]["columns"]
    assert not any(i["code"] == "id-number-invalid" for r in off["records"] for i in r["issues"])
    with open(path, "rb") as handle:
        bad = client.post("/api/check", data={"files": [(handle, path.name)], "quality": "maybe"},
                          content_type="multipart/form-data")
    assert bad.status_code == 400 and bad.get_json()["error"]["message"] == "数据质量选项应为 on 或 off，现为“maybe”"


def test_the_run_keeps_no_full_id_number(tmp_path):
    """After the checks, the records a run keeps (and anything that stores them later) hold masked numbers."""
    from compliance.api import check

    run = check([_ledger(tmp_path)], as_of=dt.date(2016, 12, 31), run_date=dt.date(2016, 12, 31))
    held = run.records.astype(str).to_csv()
    _assert_masked(held, MASKED[:2] + MASKED[3:])


def test_an_id_number_typed_with_spaces_hyphens_or_full_width_digits_is_masked_too(tmp_path):
    # probe: 420203 19850612 3011 in a party's name, and １１０１０５… in full-width digits, were shown whole
    folder = tmp_path / "报送"
    folder.mkdir()
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"],
            ["西安监罚〔2016〕1号", "李四 420203 19800229 0019", dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕2号", "王五（１１０１０５１９４９１２３１００２Ｘ）", dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕3号", "赵六 620201-19851010-1231", dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕4号", "钱七 420203  1990.0230–0015", dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕5号", "孙八 电话0714-6543210123456789", dt.date(2016, 3, 1), dt.date(2016, 3, 7)]]
    write_xlsx(folder / "区安监局_处罚.xlsx", {"处罚": rows})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", "2016-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    parties = [r["party"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]]
    assert parties == ["李四 420203********0019", "王五（110105********002X）", "赵六 620201********1231",
                       "钱七 420203********0015", "孙八 电话0714-6543210123456789"]  # a phone number is no ID
    with zipfile.ZipFile(tmp_path / "r.xlsx") as book:
        text = "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))
    for whole in ("19800229", "１９４９１２３１", "19851010"):
        assert whole not in text


def test_an_id_number_in_a_date_cell_or_its_remark_is_masked_in_every_output(tmp_path):
    # probe: 备注 不予公开（…身份证号…） and 已公开，当事人身份证… in the publication cell were quoted whole by the
    # exempt-claimed message, 数据问题 and 全部记录; in a CSV as in a workbook
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"],
            ["西安监罚〔2016〕1号", "李四", "2016-03-01", f"不予公开（涉及个人隐私，身份证号{FULL[0]}）"],
            ["西安监罚〔2016〕2号", "王五", f"2016-03-02（当事人{FULL[1]}）", f"已公开，当事人身份证{FULL[2]}"]]
    for name in ("区安监局_处罚.xlsx", "区安监局_处罚.csv"):
        folder = tmp_path / name.rsplit(".", 1)[1]
        folder.mkdir()
        if name.endswith(".csv"):
            (folder / name).write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
        else:
            write_xlsx(folder / name, {"处罚": rows})
        result = CliRunner().invoke(main, ["check", str(folder / name), "--as-of", "2016-12-31", "--no-history", "--all",
                                           "-o", str(folder / "r.xlsx"), "--json", str(folder / "r.json")])
        assert result.exit_code == 1, result.output
        statuses = [r["status"] for r in json.loads((folder / "r.json").read_text(encoding="utf-8"))["records"]]
        assert statuses == ["overdue", "invalid"]  # the claim is judged as before; the date cell is no date
        _assert_masked(result.output, [])  # the terminal and the JSON quote fewer cells: none of them whole
        _assert_masked((folder / "r.json").read_text(encoding="utf-8"), MASKED[:1])
        _assert_masked(_workbook_text(folder / "r.xlsx"), MASKED[:3])


def test_an_old_fifteen_digit_id_in_a_name_is_masked_and_a_registration_number_is_not(tmp_path):
    # probe 21: 赵八（420203680808123） was shown whole in 全部记录 and the JSON; a 15-digit number whose
    # middle is no YYMMDD (a 注册号) is nobody's ID and stays as written
    rows = [HEADER,
            ["西水罚〔2016〕1号", "赵八（420203680808123）", "自然人", None, None, "罚款", dt.date(2016, 3, 1),
             dt.date(2016, 3, 7), "区水利局"],
            ["西水罚〔2016〕2号", "某厂（注册号 420200000012345）", "法人及非法人组织", None, None, "罚款",
             dt.date(2016, 3, 2), dt.date(2016, 3, 8), "区水利局"]]
    book = write_xlsx(tmp_path / "区水利局_行政处罚.xlsx", {"行政处罚": rows})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2016-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    for text in (out.read_text(encoding="utf-8"), _workbook_text(tmp_path / "r.xlsx"), result.output):
        assert "420203680808123" not in text
    parties = {r["document_number"]: r["party"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert parties == {"西水罚〔2016〕1号": "赵八（420203******123）", "西水罚〔2016〕2号": "某厂（注册号 420200000012345）"}


def test_an_id_in_a_code_cell_of_another_shape_or_inside_a_decision_number_is_never_shown_whole(tmp_path):
    # probe p83 H1/H2: the code column's 身份证42020419720622201X, 19 digits and 420204…（法人身份证） went into the
    # uscc-invalid message word for word; an ID inside a 文书号 (the ledger's, or a list entry no ledger row has)
    # was written out in 全部记录, 公开核对 and the JSON. 420203-19800229-0019 is a person's ID typed in groups.
    full = ["420204197206222013", "420222196106085044", "420203198002290019", "42022219710213531X",
            "420281196806207065"]
    rows = [HEADER,
            ["西安监罚〔2016〕11号", "甲", "自然人", f"身份证{full[0]}", None, "罚款", dt.date(2016, 3, 1), dt.date(2016, 3, 7),
             "区安监局"],
            ["西安监罚〔2016〕12号", "乙", "自然人", full[1] + "7", None, "罚款", dt.date(2016, 3, 1), dt.date(2016, 3, 7),
             "区安监局"],
            ["西安监罚〔2016〕13号", "丙", "自然人", "420203-19800229-0019", None, "罚款", dt.date(2016, 3, 1),
             dt.date(2016, 3, 7), "区安监局"],
            [f"西安监罚〔2016〕{full[3]}号", "丁", "自然人", None, None, "警告", dt.date(2016, 3, 1), dt.date(2016, 3, 7),
             "区安监局"]]
    ledger = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": rows})
    online = write_xlsx(tmp_path / "信用网站.xlsx", {"处罚": [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"],
        ["西安监罚〔2016〕11号", "甲", "2016-03-01", "2016-03-07", "区安监局"],
        [f"西安监罚〔2016〕99号 {full[4]}", "戊", "2016-03-02", "2016-03-08", "区安监局"]]})
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "--online", str(online),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json"), "--all"])
    assert result.exit_code == 1, result.output
    json_text = (tmp_path / "r.json").read_text(encoding="utf-8")
    for text in (result.output + result.stderr, json_text, _workbook_text(tmp_path / "r.xlsx")):
        for number in full:
            assert number not in text, number
    records = {r["document_number"]: r for r in json.loads(json_text)["records"]}
    grouped = records["西安监罚〔2016〕13号"]
    assert "uscc-invalid" not in {i["code"] for i in grouped["issues"]}, grouped  # an ID, not a bad code
    assert "西安监罚〔2016〕420222********531X号" in records
    assert any(i["code"] == "id-number-online" for e in json.loads(json_text)["online_only"]
               for i in e.get("issues", [])) or "id-number-online" in json_text


def test_a_persons_id_of_the_wrong_length_is_an_invalid_id_shown_masked(tmp_path):
    # probe p83 H4: 17 or 19 digits in a person's 证件号码 (or 法定代表人证件号码), or 15 without a date, passed
    header = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "证件号码", "法定代表人证件号码", "处罚决定日期", "公示日期"]
    rows = [header,
            ["西安监罚〔2016〕21号", "甲", "自然人", "42020319800229001", None, dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕22号", "乙", "自然人", "4202031980022900197", None, dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕23号", "丙", "自然人", "420222851340301", None, dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕24号", "某公司", "法人及非法人组织", None, "42020319800229001", dt.date(2016, 3, 1),
             dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕25号", "某厂", "法人及非法人组织", "420203000012345", None, dt.date(2016, 3, 1),
             dt.date(2016, 3, 7)]]  # an old 15-digit 注册号 of an organisation: no ID's finding
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-", "-o", str(tmp_path / "r.xlsx")])
    records = {r["document_number"][-3:]: r for r in json.loads(result.stdout)["records"]}
    invalid = {k: [i["message"] for i in r["issues"] if i["code"] == "id-number-invalid"] for k, r in records.items()}
    assert invalid["21号"] == ["证件号码“420203*******9001”不是有效的身份证号（应为 18 位，现为 17 位）"], invalid
    assert len(invalid["22号"]) == 1 and "现为 19 位" in invalid["22号"][0] and "4202031980022900197" not in result.stdout
    assert invalid["23号"] == ["证件号码“420222*****0301”不是有效的身份证号（15 位的一代身份证号中的出生日期不存在）"], invalid
    assert len(invalid["24号"]) == 1 and "法定代表人" in invalid["24号"][0], invalid
    assert invalid["25号"] == [], invalid


def test_a_first_generation_id_on_the_list_is_found_and_a_registration_number_is_not(tmp_path):
    # probe p83: a list showing 赵六's 15-digit ID in full was not reported; a company's 15-digit 工商注册号
    # (its last digit checks by GB/T 17710) is no ID and is not reported
    ledger = _ledger(tmp_path)
    rows = [["行政处罚决定书文号", "行政相对人名称", "证件号码", "处罚决定日期", "公示日期", "处罚机关"],
            ["西安监罚〔2016〕1号", "张三", "420203850612301", "2016-03-01", "2016-03-07", "区安监局"],
            ["西安监罚〔2016〕2号", "某公司", "140000100028286", "2016-03-02", "2016-03-08", "区安监局"]]
    online = write_xlsx(tmp_path / "信用网站_行政处罚导出.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "--online", str(online),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 1, result.output
    text = (tmp_path / "r.json").read_text(encoding="utf-8")
    records = {r["document_number"]: r for r in json.loads(text)["records"]}
    shown = [i["message"] for i in records["西安监罚〔2016〕1号"]["issues"] if i["code"] == "id-number-online"]
    assert len(shown) == 1 and "420203******301" in shown[0], records["西安监罚〔2016〕1号"]["issues"]
    assert not any(i["code"] == "id-number-online" for i in records["西安监罚〔2016〕2号"]["issues"])
    assert "420203850612301" not in text + _workbook_text(tmp_path / "r.xlsx")


def test_a_fifteen_digit_ticket_number_on_the_list_is_no_id(tmp_path):
    # review rev62: 交警's simple-procedure decision numbers are 15 digits (420203100111947): on a list's number
    # column they were told 网站公开了完整身份证号
    numbers = ["420203100111947", "420203100111948"]
    header = ["序号", "行政相对人名称", "处罚决定书文号", "作出处罚决定日期", "公示日期"]
    ledger = write_xlsx(tmp_path / "区公安分局_行政处罚.xlsx", {"处罚": [header] + [
        [i, f"黄石{'甲乙'[i - 1]}运输有限公司", n, dt.date(2016, 10, 10), dt.date(2016, 10, 12)]
        for i, n in enumerate(numbers, start=1)]})
    online = write_xlsx(tmp_path / "信用网站_行政处罚导出.xlsx", {"行政处罚": [  # the title repeats it (rev63)
        ["行政处罚决定书文号", "标题", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关"]] + [
        [n, f"{n}行政处罚决定书", f"黄石{'甲乙'[i]}运输有限公司", "2016-10-10", "2016-10-12", "区公安分局"]
        for i, n in enumerate(numbers)]})
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2016-12-31", "--online", str(online),
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert "id-number-online" not in (tmp_path / "r.json").read_text(encoding="utf-8")

