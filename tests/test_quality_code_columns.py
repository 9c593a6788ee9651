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
