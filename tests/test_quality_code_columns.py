"""Which column holds a party's code, and what a value in it is: cases a probe of real ledgers met (p67).

Each sheet goes through the real CLI; the codes are real (python-stdnum agrees with each check digit).
"""

import datetime as dt

from stdnum.cn import ric, uscc

from helpers import cli_check, write_xlsx

DECIDED, PUBLISHED = dt.date(2025, 10, 9), dt.date(2025, 10, 10)
ALL_DIGITS = ["914202035014217784", "124202038606689242"]  # valid codes built on old all-digit 组织机构代码


def _issues(payload, code):
    return {r["row"]: [i["message"] for i in r["issues"] if i["code"] == code] for r in payload["records"]}


def test_an_all_digit_credit_code_in_the_id_column_is_no_bad_id_number(tmp_path):
    """证件类型 统一社会信用代码, 证件号码 the code: a valid all-digit code was 身份证号有误（校验位不符）, masked
    so that the office could not even see it was its own code."""
    assert all(uscc.is_valid(c) and not ric.is_valid(c) for c in ALL_DIGITS)
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "证件类型", "证件号码", "处罚决定日期", "公示日期", "处罚机关"]
    rows = [[k, f"西卫罚〔2025〕{k}号", f"公司{k}", "统一社会信用代码", code, DECIDED, PUBLISHED, "区卫健局"]
            for k, code in enumerate(ALL_DIGITS, start=1)]
    rows.append([3, "西卫罚〔2025〕3号", "张三", "身份证", "420203198002290011", DECIDED, PUBLISHED, "区卫健局"])  # bad check
    code, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区卫健局_行政处罚.xlsx", {"处罚": [header, *rows]}),
                                 "2025-11-28")
    invalid = _issues(payload, "id-number-invalid")
    assert invalid[2] == [] and invalid[3] == []
    assert invalid[4] == ["证件号码“420203********0011”不是有效的身份证号（校验位不符）"]
    assert code == 1


def test_a_column_for_either_code_or_id_number_is_checked(tmp_path):
    """统一社会信用代码/身份证号码 matched no check (each field's header excluded the other's word): a bad code,
    a full ID and 123 all passed."""
    header = ["序号", "行政许可决定文书号", "行政相对人名称", "统一社会信用代码/身份证号码", "许可决定日期", "公示日期", "许可机关"]
    values = ["91420203MA4D4Q17JR", "420203198002290019", "123", "91420203MA4D4Q16JR"]
    rows = [[k, f"西建许〔2025〕{k}号", f"申请人{k}", v, DECIDED, PUBLISHED, "区住建局"] for k, v in enumerate(values, start=1)]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区住建局_行政许可.xlsx", {"许可": [header, *rows]}),
                              "2025-11-28")
    bad, exposed = _issues(payload, "uscc-invalid"), _issues(payload, "id-number-exposed")
    assert [row for row, said in bad.items() if said] == [2, 4]
    assert [row for row, said in exposed.items() if said] == [3]
    assert "420203198002290019" not in str(payload)


HEADER_2016 = ["行政处罚决定书文号", "案件名称", "处罚事由", "处罚依据", "处罚类别1", "处罚类别2", "处罚结果", "行政相对人名称",
               "行政相对人代码_1(统一社会信用代码)", "行政相对人代码_5(居民身份证号)", "法定代表人姓名", "处罚决定日期", "处罚机关",
               "当前状态", "地方编码", "数据更新时间戳", "公示日期"]


def _row_2016(k, code="91420203MA4D4Q16JR"):
    return [f"西交罚〔2025〕{k}号", "违规运输案", "超限运输", "《公路法》第七十六条", "罚款", None, "罚款0.3万元", f"运输{k}公司",
            code, None, "张某", DECIDED, "区交通运输局", "正常", "420203", DECIDED, PUBLISHED]


def test_a_ledger_in_the_2016_standard_is_not_marked_down_for_columns_only_the_2019_one_has(tmp_path):
    """Every cell filled in the 2016 layout, and 完整率 66.7 %: 行政相对人类别, 处罚有效期, 机关统一社会信用代码 and
    数据来源单位 (2019 版 only) counted as unfilled, with a note asking for them."""
    path = write_xlsx(tmp_path / "区交通运输局_行政处罚.xlsx", {"处罚": [HEADER_2016, _row_2016(1), _row_2016(2)]})
    code, payload, output = cli_check(tmp_path, path, "2025-11-28")
    assert payload["summary"]["completeness_rate"] == 1.0, output
    assert "缺少必填列" not in output and code == 0
    # an item the 2016 版 has too, left empty, still counts
    row = _row_2016(3)
    row[HEADER_2016.index("处罚依据")] = None
    (tmp_path / "b").mkdir()
    path = write_xlsx(tmp_path / "b" / "区交通运输局_行政处罚.xlsx", {"处罚": [HEADER_2016, _row_2016(1), row]})
    _, payload, _ = cli_check(tmp_path / "b", path, "2025-11-28")
    assert payload["summary"]["completeness_rate"] < 1.0


def test_where_the_partys_kind_is_not_said_only_lettered_papers_are_a_persons(tmp_path):
    """A 2016-edition sheet has no 类别 column: a 15-digit 注册号 whose middle reads as a date, a 9-character piece
    of a credit code or a bare number are an organisation's bad code still; a passport's shape is a person's."""
    values = {"420203000112345": True, "MA1234567": True, "71234567": True, "E12345678": False, "H1234567801": False}
    rows = [_row_2016(k, code) for k, code in enumerate(values, start=1)]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区交通运输局_行政处罚.xlsx", {"处罚": [HEADER_2016, *rows]}),
                              "2025-11-28")
    bad = _issues(payload, "uscc-invalid")
    assert {code: bool(bad[row]) for row, code in enumerate(values, start=2)} == values


def test_an_id_mistyped_into_a_valid_credit_code_is_still_a_bad_id(tmp_path):
    """420203198506123021 fails the ID check and passes the credit-code one (1 in 31 mistyped IDs do): its
    province's first digits say it is an ID, and the unit is told."""
    assert uscc.is_valid("420203198506123021") and not ric.is_valid("420203198506123021")
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "证件号码", "处罚决定日期", "公示日期", "处罚机关", "执法证件号"]
    rows = [[1, "西卫罚〔2025〕1号", "张三", "420203198506123021", DECIDED, PUBLISHED, "区卫健局", "42020301234、42020301235"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区卫健局_行政处罚.xlsx", {"处罚": [header, *rows]}),
                              "2025-11-28")
    [record] = payload["records"]
    assert [i["code"] for i in record["issues"]] == ["id-number-invalid"]  # the officers' badge numbers: not read


def test_an_agency_code_written_0_or_n_a_is_a_bad_code(tmp_path):
    header = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "处罚机关", "处罚机关统一社会信用代码"]
    rows = [[k, f"西监罚〔2025〕{k}号", f"公司{k}", DECIDED, PUBLISHED, "区市场监管局", v] for k, v in enumerate(["0", "N/A"], 1)]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区市场监管局_行政处罚.xlsx", {"处罚": [header, *rows]}),
                              "2025-11-28")
    assert all(_issues(payload, "uscc-invalid")[row] for row in (2, 3))


def test_a_certificate_numbered_by_an_id_typed_with_times_for_x_is_masked(tmp_path):
    header = ["序号", "许可证编号", "行政相对人名称", "许可决定日期", "公示日期", "许可机关", "证件号码"]
    rows = [[1, "42020319880102100×", "李四", DECIDED, PUBLISHED, "区交通运输局", "420203-19880102-100×"]]
    _, payload, _ = cli_check(tmp_path, write_xlsx(tmp_path / "区交通运输局_行政许可.xlsx", {"许可": [header, *rows]}),
                              "2025-11-28")
    assert "42020319880102100" not in str(payload) and "19880102-100" not in str(payload)
    assert payload["records"][0]["document_number"] == "420203********100X"


def test_a_2019_sheet_whose_code_columns_are_numbered_is_no_2016_one(tmp_path):
    """代码_1…代码_6 are in both editions: a 2019 sheet without 处罚有效期 is told the column is missing."""
    from test_quality_cli import BASE, HEADER  # the 2019 layout

    header = [h for h in HEADER if h != "处罚有效期"]
    header[header.index("统一社会信用代码")] = "行政相对人代码_1（统一社会信用代码）"
    cells = {**BASE, "行政相对人代码_1（统一社会信用代码）": BASE["统一社会信用代码"], "行政处罚决定书文号": "西安监罚〔2016〕1号"}
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"处罚": [header, [cells[h] or None for h in header]]})
    _, payload, output = cli_check(tmp_path, path, "2016-12-31")
    assert payload["summary"]["completeness_rate"] == 11 / 12, output
    assert "缺少必填列：处罚有效期" in str(payload["inputs"][0]["sheets"][0]["notes"])
