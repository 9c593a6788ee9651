"""The data-quality checks (compliance/quality/) table-driven through the real CLI on a real .xlsx.

Each case is one row of a penalty sheet in the national standard's layout: a real code that
passes, or a near miss (one changed character, a wrong check digit, 30 February as a birth
date). Every row is published on time, and stays on time: quality never changes a status.
"""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from helpers import PENALTY_HEADER, TEMPLATE_PENALTY_ROW, write_xlsx

HEADER = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人证件号码", "处罚类别",
          "违法事实", "处罚依据", "处罚内容", "罚款金额（万元）", "处罚决定日期", "处罚有效期", "处罚机关",
          "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "公示截止期", "公示日期"]
BASE = {"行政相对人名称": "黄石市新港建筑劳务有限公司", "行政相对人类别": "法人及非法人组织",
        "统一社会信用代码": "91420203MA4D4Q16JR", "法定代表人证件号码": "", "处罚类别": "罚款",
        "违法事实": "未按规定进行安全生产教育和培训", "处罚依据": "《中华人民共和国安全生产法》第九十四条",
        "处罚内容": "罚款人民币五千元", "罚款金额（万元）": "0.5", "处罚决定日期": dt.date(2016, 3, 1),
        "处罚有效期": dt.date(2019, 3, 1), "处罚机关": "区安监局", "处罚机关统一社会信用代码": "91420203562017326X",
        "数据来源单位": "区安监局", "数据来源单位统一社会信用代码": "91420203562017326X", "公示截止期": dt.date(2019, 3, 1),
        "公示日期": dt.date(2016, 3, 7)}
NATURAL = {"行政相对人类别": "自然人", "行政相对人名称": "张三"}

# (case, cells that differ from BASE, the quality codes the row must get)
CASES = [
    ("all valid", {}, set()),
    ("uscc one character changed", {"统一社会信用代码": "91420203MA4D4Q17JR"}, {"uscc-invalid"}),
    ("uscc wrong check digit", {"统一社会信用代码": "91420203MA4D4Q16JX"}, {"uscc-invalid"}),
    ("uscc letter I is not used", {"统一社会信用代码": "91420203MA4D4Q16IR"}, {"uscc-invalid"}),
    ("uscc 16 characters", {"统一社会信用代码": "91420203MA4D4Q16"}, {"uscc-invalid"}),
    ("uscc full-width digits", {"统一社会信用代码": "９１４２０２０３５６２０１７３２６Ｘ"}, set()),
    ("个体工商户 17 zeros and X", {"行政相对人类别": "个体工商户", "统一社会信用代码": "00000000000000000X"}, set()),
    ("agency code wrong check digit", {"处罚机关统一社会信用代码": "914202035620173260"}, {"uscc-invalid"}),
    ("data source unit's code wrong check digit", {"数据来源单位统一社会信用代码": "914202035620173260"}, {"uscc-invalid"}),
    ("natural person, valid ID (29 Feb 1980)", {**NATURAL, "统一社会信用代码": "420203198002290019"},
     {"id-number-exposed"}),
    ("natural person, region 620201", {**NATURAL, "统一社会信用代码": "620201198510101231"}, {"id-number-exposed"}),
    ("natural person, 30 February", {**NATURAL, "统一社会信用代码": "420203199002300015"}, {"id-number-invalid"}),
    ("natural person, wrong check digit", {**NATURAL, "统一社会信用代码": "110105194912310021"}, {"id-number-invalid"}),
    ("natural person, masked ID", {**NATURAL, "统一社会信用代码": "420203********3673"}, set()),
    ("legal person, a masked ID as its code", {"统一社会信用代码": "420203********3673"}, {"uscc-invalid"}),  # p83
    ("个体工商户, a masked ID as its code", {"行政相对人类别": "个体工商户", "统一社会信用代码": "420203XXXXXXXX3673"},
     {"uscc-invalid"}),
    ("legal representative's full ID", {"法定代表人证件号码": "11010519491231002X"}, {"id-number-exposed"}),
    ("legal representative's ID one digit changed", {"法定代表人证件号码": "11010519491231003X"},
     {"id-number-invalid"}),
    ("penalty kind not in the standard", {"处罚类别": "罚金"}, {"enum-invalid"}),
    ("two kinds joined with ；", {"处罚类别": "警告；罚款"}, set()),
    ("two kinds joined with 、", {"处罚类别": "罚款、没收违法所得"}, set()),
    ("责令改正 beside a kind", {"处罚类别": "责令改正；罚款"}, set()),
    ("责令改正 alone is no kind", {"处罚类别": "责令改正"}, {"enum-invalid"}),
    ("a 2021 kind: 通报批评", {"处罚类别": "通报批评"}, set()),
    ("party type not in the standard", {"行政相对人类别": "企业"}, {"enum-invalid"}),
    ("natural person with a credit code", {**NATURAL, "统一社会信用代码": "91420203MA4D4Q16JR"},
     {"party-type-mismatch"}),
    ("legal person without a code", {"统一社会信用代码": ""}, {"party-type-mismatch"}),
    ("amount not a number", {"罚款金额（万元）": "五千元"}, {"amount-suspect"}),
    ("amount negative", {"罚款金额（万元）": "-0.5"}, {"amount-suspect"}),
    ("amount entered in 元", {"罚款金额（万元）": "50000"}, {"amount-suspect"}),
    ("amount just under the limit", {"罚款金额（万元）": "9999.5"}, set()),
    ("a fine without its amount", {"罚款金额（万元）": ""}, {"amount-missing-for-kind"}),
    ("a fine whose amount is written 无", {"罚款金额（万元）": "无"}, {"amount-missing-for-kind"}),
    ("a fine among two kinds, no amount", {"处罚类别": "警告；罚款", "罚款金额（万元）": ""}, {"amount-missing-for-kind"}),
    ("a warning needs no amount", {"处罚类别": "警告", "罚款金额（万元）": ""}, set()),
    ("不予以罚款 is no fine", {"处罚类别": "警告；不予以罚款", "罚款金额（万元）": ""}, {"enum-invalid"}),
    ("validity ends before the decision", {"处罚有效期": dt.date(2016, 2, 1)}, {"validity-range-invalid"}),
    ("publicity ends before the decision", {"公示截止期": dt.date(2016, 2, 1)}, {"validity-range-invalid"}),  # p83
    ("publicity end on the decision's day", {"公示截止期": dt.date(2016, 3, 1)}, set()),
    ("required item empty", {"违法事实": ""}, {"required-missing"}),
    ("required item written 无", {"违法事实": "无"}, {"required-missing"}),
    ("required items written / and —", {"处罚依据": "/", "处罚内容": "—"}, {"required-missing"}),
    # An ID valid as a credit code too (about 3 % of IDs): a natural person's, so to be masked.
    ("natural person, ID that passes the credit-code check too", {**NATURAL, "统一社会信用代码": "320102199001010838"},
     {"id-number-exposed"}),
    # An all-digit credit code that reads as an ID (91: an enterprise, no province): a company's.
    ("legal person, all-digit code that passes the ID check too", {"统一社会信用代码": "911101198001011769"}, set()),
    ("party type with a space inside, and a credit code", {"行政相对人类别": "自 然 人", "行政相对人名称": "张三",
                                                         "统一社会信用代码": "91420203MA4D4Q16JR"}, {"party-type-mismatch"}),
    ("party type with a space inside, and no code", {"行政相对人类别": "法人及 非法人组织", "统一社会信用代码": ""},
     {"party-type-mismatch"}),
    # 其他 with the kind written out, as the standard asks of 其他; a full-width ／ as a separator.
    ("其他 with its kind named", {"处罚类别": "其他（责令拆除）"}, set()),
    ("a kind and 其他 with its kind named", {"处罚类别": "罚款；其他-责令恢复原状"}, set()),
    ("其他 with a kind, and a kind not in the standard", {"处罚类别": "其他（责令拆除）；罚金"}, {"enum-invalid"}),
    ("其他 with two kinds named", {"处罚类别": "其他（责令退还、赔偿损失）"}, set()),
    ("a kind, and 其他 with two kinds named", {"处罚类别": "罚款；其他(责令停止执业，没收器械)"}, set()),
    ("其他 with two kinds named, and a kind not in the standard", {"处罚类别": "其他（责令退还、赔偿损失）、罚金"},
     {"enum-invalid"}),
    ("two kinds joined with a full-width slash", {"处罚类别": "罚款／没收违法所得"}, set()),
    ("two kinds one under the other in the cell", {"处罚类别": "罚款\n没收违法所得"}, set()),  # probe p92
    ("two kinds a space apart", {"处罚类别": "罚款 没收违法所得"}, set()),
    ("a kind not in the standard beside one on the next line", {"处罚类别": "罚款\n罚金"}, {"enum-invalid"}),
    ("没收 written once for both things taken", {"处罚类别": "罚款、没收违法所得、非法财物"}, set()),  # probe p92 F4
    ("没收 written once, the other order", {"处罚类别": "没收非法财物和违法所得"}, set()),
    ("非法财物 alone is no kind", {"处罚类别": "罚款、非法财物"}, {"enum-invalid"}),
    # A full ID inside the name goes online with it: the unit is told, as for an ID column.
    ("natural person, ID inside the name", {**NATURAL, "行政相对人名称": "张三（320102198001011238）", "统一社会信用代码": ""},
     {"id-number-exposed"}),
    ("legal representative's ID kept as text by a leading apostrophe", {"法定代表人证件号码": "'11010519491231002X"},
     {"id-number-exposed"}),
    ("a warning alone, amount written 无", {"处罚类别": "警告", "罚款金额（万元）": "无"}, set()),
    ("a warning alone, amount written /", {"处罚类别": "警告", "罚款金额（万元）": "/"}, set()),
    ("validity ends on a day that does not exist", {"处罚有效期": "2019-02-30"}, {"validity-date-impossible"}),
    ("validity without end (长期)", {"处罚有效期": "长期"}, set()),
    # Judged alike whatever the other rows hold (the sheet also has 五千元): ０.５ is 0.5.
    ("amount in full-width digits", {"罚款金额（万元）": "０.５"}, set()),
    # 无, / and — say "none": right for a person, a missing code for an organisation (not a bad one).
    ("natural person, code written /", {**NATURAL, "统一社会信用代码": "/"}, set()),
    ("natural person, code written 无", {**NATURAL, "统一社会信用代码": "无"}, set()),
    ("natural person, code written —", {**NATURAL, "统一社会信用代码": "—"}, set()),
    ("legal person, code written 无", {"统一社会信用代码": "无"}, {"party-type-mismatch"}),
    ("个体工商户 without a code", {"行政相对人类别": "个体工商户", "统一社会信用代码": ""}, {"party-type-mismatch"}),
    # An organisation's code is never an ID number, and 17 zeros and X are a 个体工商户's alone.
    ("legal person, an ID number as its code", {"统一社会信用代码": "11010519491231002X"},
     {"uscc-invalid", "id-number-exposed"}),
    ("个体工商户, an ID number as its code", {"行政相对人类别": "个体工商户", "统一社会信用代码": "11010519491231002X"},
     {"uscc-invalid", "id-number-exposed"}),
    ("legal person, 17 zeros and X", {"统一社会信用代码": "00000000000000000X"}, {"uscc-invalid"}),
    # A check digit that holds, on a person not yet born when the decision was made (2016-03-01), or before 1900.
    ("natural person, ID born after the decision", {**NATURAL, "统一社会信用代码": "420203202001010010"},
     {"id-number-invalid"}),
    ("legal representative's ID born after the decision", {"法定代表人证件号码": "420203202001010010"},
     {"id-number-invalid"}),
    ("natural person, ID born in 1899", {**NATURAL, "统一社会信用代码": "110105189912310023"}, {"id-number-invalid"}),
    # A person's other papers in the code column: no code, not a bad one (probe p67: passports were uscc-invalid);
    # an organisation's is a bad code still
    ("natural person, passport in the code column", {**NATURAL, "统一社会信用代码": "E12345678"}, set()),
    ("natural person, 港澳通行证 in the code column", {**NATURAL, "统一社会信用代码": "H1234567801"}, set()),
    ("natural person, 台胞证 in the code column", {**NATURAL, "统一社会信用代码": "01234567"}, set()),
    ("legal person, a passport-like value as its code", {"统一社会信用代码": "E12345678"}, {"uscc-invalid"}),
    # Other words for "none" in a person's code cell (were uscc-invalid); for an organisation: a missing code
    ("natural person, code written N/A", {**NATURAL, "统一社会信用代码": "N/A"}, set()),
    ("natural person, code written 不适用", {**NATURAL, "统一社会信用代码": "不适用"}, set()),
    ("natural person, code written 无（自然人）", {**NATURAL, "统一社会信用代码": "无（自然人）"}, set()),
    ("natural person, code written 0", {**NATURAL, "统一社会信用代码": "0"}, set()),
    ("natural person, 17 zeros and X", {**NATURAL, "统一社会信用代码": "00000000000000000X"}, {"party-type-mismatch"}),
    ("legal person, code written 0", {"统一社会信用代码": "0"}, {"party-type-mismatch"}),
    # × typed for the check character X: a full ID all the same (was neither flagged nor masked)
    ("legal representative's ID with × for X", {"法定代表人证件号码": "42020319880102100×"}, {"id-number-exposed"}),
    ("natural person, ID with × for X inside the name", {**NATURAL, "行政相对人名称": "李四（42020319880102100×）",
                                                       "统一社会信用代码": ""}, {"id-number-exposed"}),
    ("暂扣或吊销许可证 (或 for 或者)", {"处罚类别": "暂扣或吊销许可证", "罚款金额（万元）": ""}, set()),
    ("a fine of 0", {"罚款金额（万元）": "0"}, {"amount-zero-for-kind"}),
]
QUALITY = {"uscc-invalid", "id-number-invalid", "id-number-exposed", "enum-invalid", "amount-suspect",
           "validity-range-invalid", "validity-date-impossible", "party-type-mismatch", "required-missing",
           "amount-missing-for-kind", "amount-zero-for-kind"}


def _rows(cases):
    rows = [HEADER]
    for k, (_, changes, _) in enumerate(cases, start=1):
        cells = {**BASE, **changes, "行政处罚决定书文号": f"西安监罚〔2016〕{k}号"}
        rows.append([cells[h] if cells[h] != "" else None for h in HEADER])
    return rows


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quality")
    path = write_xlsx(folder / "区安监局_行政处罚.xlsx", {"行政处罚": _rows(CASES)})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "-o", str(folder / "r.xlsx"),
                                       "--json", str(folder / "r.json"), "--all"], prog_name="compliance")
    payload = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    return result, {r["document_number"]: r for r in payload["records"]}, payload


@pytest.mark.parametrize("k,case", list(enumerate(CASES, start=1)), ids=[c[0] for c in CASES])
def test_each_check(checked, k, case):
    _, records, _ = checked
    name, _, expected = case
    record = records[f"西安监罚〔2016〕{k}号"]
    codes = {i["code"] for i in record["issues"]} & QUALITY
    assert codes == expected, name
    assert record["status"] == "on_time"  # quality never changes a timeliness status
    for issue in record["issues"]:
        if issue["code"] in QUALITY:
            assert issue["field"] and issue["severity"] in ("error", "notice")


def test_an_organisations_code_that_is_an_id_or_the_placeholder_says_so(checked):
    _, records, _ = checked
    said = {name: next(i["message"] for i in records[f"西安监罚〔2016〕{k}号"]["issues"] if i["code"] == "uscc-invalid")
            for k, (name, _, expected) in enumerate(CASES, start=1) if "uscc-invalid" in expected and "legal" in name}
    assert "这是身份证号，单位和个体工商户应填统一社会信用代码" in said["legal person, an ID number as its code"]
    assert "17 个 0 加 X 只用于没有代码的个体工商户" in said["legal person, 17 zeros and X"]


def test_a_person_with_the_sole_traders_placeholder_is_told_what_it_is(checked):
    _, records, _ = checked
    k = [c[0] for c in CASES].index("natural person, 17 zeros and X") + 1
    said = [i["message"] for i in records[f"西安监罚〔2016〕{k}号"]["issues"] if i["code"] == "party-type-mismatch"]
    assert said == ["行政相对人类别为“自然人”，但填了个体工商户没有代码时才用的 17 个 0 加 X"]


def test_an_id_born_after_the_decision_says_so(checked):
    _, records, _ = checked
    k = next(k for k, (name, _, _) in enumerate(CASES, start=1) if name == "natural person, ID born after the decision")
    said = [i["message"] for i in records[f"西安监罚〔2016〕{k}号"]["issues"] if i["code"] == "id-number-invalid"]
    assert said == ["证件号码“420203********0010”不是有效的身份证号（出生日期晚于决定日期）"]


def test_run_exits_1_and_says_why(checked):
    result, _, payload = checked
    assert result.exit_code == 1
    assert "数据质量问题" in result.output.splitlines()[-1]
    errors = sum(1 for _, _, codes in CASES if codes - {"id-number-exposed", "required-missing"})
    assert payload["summary"]["compliance_rate"] == pytest.approx((len(CASES) - errors) / len(CASES))
    assert payload["summary"]["personal_data"] == sum(1 for _, _, codes in CASES if "id-number-exposed" in codes)
    # 12 required items each; missing: the empty 违法事实, the 违法事实 written 无, the 处罚依据 and 处罚内容 written / and —
    assert payload["summary"]["completeness_rate"] == pytest.approx((12 * len(CASES) - 4) / (12 * len(CASES)))


def test_messages_name_the_field_and_the_masked_value(checked):
    result, records, _ = checked
    k = [c[0] for c in CASES].index("natural person, 30 February") + 1
    issue = next(i for i in records[f"西安监罚〔2016〕{k}号"]["issues"] if i["code"] == "id-number-invalid")
    assert issue["message"] == "证件号码“420203********0015”不是有效的身份证号（出生日期不存在或不在 1900—2099 年间）"
    k = [c[0] for c in CASES].index("uscc wrong check digit") + 1
    line = next(x for x in result.output.splitlines() if f"西安监罚〔2016〕{k}号" in x)
    assert "uscc-invalid" in line and "统一社会信用代码“91420203MA4D4Q16JX”不是有效的统一社会信用代码（校验位不符）" in line


def test_an_id_typed_with_times_for_x_is_masked_everywhere(checked):
    _, records, payload = checked
    text = json.dumps(payload, ensure_ascii=False)
    assert "42020319880102100" not in text  # neither the party's name nor a message shows it whole
    k = [c[0] for c in CASES].index("natural person, ID with × for X inside the name") + 1
    assert records[f"西安监罚〔2016〕{k}号"]["party"] == "李四（420203********100X）"


def test_notices_alone_pass(tmp_path):
    """A full ID to mask before publication is a notice: the run still passes (exit 0)."""
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx",
                      {"行政处罚": _rows([("exposed", {"法定代表人证件号码": "11010519491231002X"}, set())])})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 0, result.output
    assert "完整身份证号待隐去 1" in result.output


def test_no_quality_switches_the_checks_off(tmp_path):
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": _rows(CASES[:3])})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--no-quality", "--json", "-"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert all(not r["issues"] for r in payload["records"])
    assert "compliance_rate" not in payload["summary"]


def test_a_short_ledger_is_not_marked_down_for_columns_it_never_had(tmp_path):
    rows = [["文号", "当事人", "决定日期", "公开日期"], ["西安监罚〔2016〕1号", "某公司", "2016-03-01", "2016-03-07"]]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-"])
    payload = json.loads(result.stdout)
    assert result.exit_code == 0
    assert payload["records"][0]["issues"] == []
    assert payload["summary"]["completeness_rate"] is None and payload["summary"]["compliance_rate"] == 1.0


def test_a_units_own_ten_column_ledger_with_its_office_column_is_not_the_standards_layout(tmp_path):
    """执法机关 + 文号 + 相对人 + 违法事实 + 处罚类别 + 决定日期: 6 of the standard's 12 penalty items, half, and the
    ledger was marked down (完整率 50 %) for 统一社会信用代码, 数据来源单位 … it never had (probe p70)."""
    header = ["执法机关", "序号", "行政处罚决定书文号", "行政相对人名称", "违法事实", "处罚类别", "罚款金额（万元）",
              "处罚决定日期", "上网公开日期", "备注"]
    rows = [["区应急管理局", i, f"西应急罚〔2025〕{i}号", f"黄石市甲{i}建材有限公司", "未按规定开展安全生产教育培训", "罚款",
             1.5, dt.date(2025, 9, 3), dt.date(2025, 9, 10), None] for i in (1, 2)]
    path = write_xlsx(tmp_path / "区应急管理局_2025年行政处罚.xlsx", {"Sheet1": [header, *rows]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-11-28", "--no-history", "--json", "-",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert payload["summary"]["completeness_rate"] is None
    assert not any("缺少必填列" in n for e in payload["inputs"] for s in e["sheets"] for n in s["notes"])
    # with four of the standard's own items beyond those (相对人类别, 依据, 内容, 机关代码): its layout, said so
    header = header[:6] + ["行政相对人类别", "处罚依据", "处罚内容", "处罚机关统一社会信用代码"] + header[6:]
    rows = [row[:6] + ["法人及非法人组织", "《安全生产法》", "罚款1.5万元", "11420203MB1234567X"] + row[6:] for row in rows]
    (tmp_path / "b").mkdir()
    path = write_xlsx(tmp_path / "b" / "区应急管理局_2025年行政处罚.xlsx", {"Sheet1": [header, *rows]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-11-28", "--no-history", "--json", "-",
                                       "-o", str(tmp_path / "r2.xlsx")])
    payload = json.loads(result.stdout)
    assert payload["summary"]["completeness_rate"] is not None and payload["summary"]["completeness_rate"] < 1
    assert any("缺少必填列" in n for e in payload["inputs"] for s in e["sheets"] for n in s["notes"])


def test_amount_limit_from_the_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "compliance.toml").write_text("[quality]\namount_limit_wan = 100\n", encoding="utf-8")
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": _rows([("big", {"罚款金额（万元）": "150"}, set())])})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-"])
    issue = next(i for i in json.loads(result.stdout)["records"][0]["issues"] if i["code"] == "amount-suspect")
    assert issue["message"] == "罚款金额（万元）“150”可疑：达到 100 万元以上，可能是按元填写的"


def test_the_template_is_the_standards_layout_and_a_full_row_is_clean(tmp_path):
    """A row filled in the tool's own template: no quality problem, 完整率 100%, no note on the sheets."""
    import openpyxl

    from compliance.template import SHEETS

    out = tmp_path / "区安监局_模板.xlsx"
    assert CliRunner().invoke(main, ["template", str(out)]).exit_code == 0
    book = openpyxl.load_workbook(out)
    guide = " ".join(str(c.value) for row in book["填表说明"].iter_rows() for c in row if c.value)
    assert "普通、特许、认可、核准、登记、其他" in guide and "法人及非法人组织、自然人、个体工商户" in guide
    sheet = book["行政处罚"]
    assert [c.value for c in sheet[1]] == SHEETS["行政处罚"]
    sheet.append([TEMPLATE_PENALTY_ROW.get(h) for h in SHEETS["行政处罚"]])
    book.save(out)
    result = CliRunner().invoke(main, ["check", str(out), "--as-of", "2016-12-31", "--json", "-"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["records"][0]["issues"] == [] and payload["records"][0]["status"] == "on_time"
    assert payload["summary"]["completeness_rate"] == 1.0 and payload["summary"]["compliance_rate"] == 1.0
    assert all(not s["notes"] for e in payload["inputs"] for s in e["sheets"])


def test_the_quality_line_never_says_no_problem_beside_a_rate_the_date_errors_brought_down(tmp_path):
    """The only record lacks its decision date: 合规率 0.0% stood beside 未发现问题."""
    write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [PENALTY_HEADER, [1, "西安监罚〔2016〕1号", "甲", None,
                                                                       dt.date(2016, 10, 20), "区安监局"]]})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "区安监局_处罚.xlsx"), "--as-of", "2016-12-31",
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    [line] = [line for line in result.output.splitlines() if line.startswith("数据质量：")]
    assert "合规率 0.0%" in line and "未发现问题。" not in line and "日期等数据有误的 1 条" in line, line


def test_a_short_ledger_checked_with_a_standard_one_is_not_marked_down_for_its_missing_code_column(tmp_path):
    # 区人社局's own layout has 行政相对人类别 and no 统一社会信用代码 column; 区安监局's file in the same folder has
    # one. The code is not "empty" in a sheet that never had the column.
    write_xlsx(tmp_path / "区人社局_行政处罚.xlsx", {"行政处罚": [
        ["文号", "当事人", "行政相对人类别", "决定日期", "公开日期"],
        ["西人社罚〔2016〕1号", "某公司", "法人及非法人组织", dt.date(2016, 3, 1), dt.date(2016, 3, 7)]]})
    write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": _rows(CASES[:1])})
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--as-of", "2016-12-31", "--json", "-", "--all",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert result.exit_code == 0, result.stderr
    assert all(r["issues"] == [] for r in payload["records"])


def test_a_companys_all_digit_code_on_the_website_is_no_exposed_id(tmp_path):
    # 911101198001011769: a valid credit code (GB 32100) whose digits 7-14 read as a birth date.
    code = "911101198001011769"
    cells = {**BASE, "统一社会信用代码": code, "行政相对人名称": "北京某机械厂", "行政处罚决定书文号": "西安监罚〔2016〕1号"}
    (tmp_path / "ledger").mkdir()
    write_xlsx(tmp_path / "ledger" / "区安监局_行政处罚.xlsx", {"行政处罚": [HEADER, [cells[h] or None for h in HEADER]]})
    online = tmp_path / "online.csv"
    online.write_text("行政处罚决定书文号,行政相对人名称,统一社会信用代码,处罚机关,处罚决定日期,公示日期\n"
                      f"西安监罚〔2016〕1号,北京某机械厂,{code},区安监局,2016-03-01,2016-03-07\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "ledger"), "--as-of", "2016-12-31", "--json", "-",
                                       "--online", str(online), "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    assert result.exit_code == 0, result.stderr
    assert payload["summary"]["quality"] == {} and payload["summary"]["personal_data"] == 0


def test_an_amount_column_headed_in_yuan_is_read_in_yuan(tmp_path):
    # 罚款金额（元）: 20000 is 2 万元, no suspect; 1,2345,6789,000 元 (over 10000 万元) is.
    rows = [["文号", "当事人", "决定日期", "公开日期", "罚款金额（元）"],
            ["西安监罚〔2016〕1号", "甲公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "20000"],
            ["西安监罚〔2016〕2号", "乙公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "123456789000"]]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-", "--all",
                                       "-o", str(tmp_path / "r.xlsx")])
    issues = {r["document_number"]: [i["message"] for i in r["issues"]] for r in json.loads(result.stdout)["records"]}
    assert issues["西安监罚〔2016〕1号"] == []
    assert issues["西安监罚〔2016〕2号"] == ["罚款金额（元）“123456789000”可疑：达到 10000 万元以上"]


def test_an_amount_with_its_currency_mark_or_unit_is_a_number_in_that_unit(tmp_path):
    # probe 36: ¥12,345.00 and 12,345元 under 罚款金额（元） were "不是数字" (合规率 0%); a unit written in the cell
    # counts against the column's: 1.5万元 in a 元 column is 15000, 2,000,000元 in a 万元 one 200 万元
    rows = [["文号", "当事人", "决定日期", "公开日期", "罚款金额（元）", "没收金额（万元）"],
            ["西安监罚〔2016〕1号", "甲公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "¥12,345.00", "2,000,000元"],
            ["西安监罚〔2016〕2号", "乙公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "12,345元整", "0.5"],
            ["西安监罚〔2016〕3号", "丙公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "1.5万元", "RMB 3000元"],
            ["西安监罚〔2016〕4号", "丁公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "五千元", "2亿元"],
            # probe p83 H3: ¥ and 人民币 mark a sum in 元 in a 万元 column too (read as 万元: 12345 万元, "suspect")
            ["西安监罚〔2016〕5号", "戊公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "100", "¥12,345.00"],
            ["西安监罚〔2016〕6号", "己公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "100", "人民币50000"]]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-", "--all",
                                       "-o", str(tmp_path / "r.xlsx")])
    issues = {r["document_number"]: [i["message"] for i in r["issues"]] for r in json.loads(result.stdout)["records"]}
    assert issues["西安监罚〔2016〕1号"] == issues["西安监罚〔2016〕2号"] == issues["西安监罚〔2016〕3号"] == []
    assert issues["西安监罚〔2016〕5号"] == issues["西安监罚〔2016〕6号"] == []
    assert sorted(issues["西安监罚〔2016〕4号"]) == ["没收违法所得、没收非法财物的金额（万元）“2亿元”可疑：不是数字",
                                                "罚款金额（元）“五千元”可疑：不是数字"]


def test_an_id_inside_the_party_name_is_told_masked(checked):
    _, records, _ = checked
    k = [c[0] for c in CASES].index("natural person, ID inside the name") + 1
    record = records[f"西安监罚〔2016〕{k}号"]
    [issue] = [i for i in record["issues"] if i["code"] == "id-number-exposed"]
    assert issue["message"] == "行政相对人名称中含有的号码是完整的身份证号（320102********1238），公开前须隐去部分数字"
    assert record["party"] == "张三（320102********1238）"


def test_every_quality_code_has_its_summary_label():
    # the terminal's and 汇总's quality line names each code found by a short label
    from compliance.problems import PROBLEMS
    from compliance.report.parts.quality import LABELS
    told_elsewhere = {"exempt", "exempt-claimed"}  # exempt.py's, not among the quality checks' findings
    assert {c for c, p in PROBLEMS.items() if p.quality} - set(LABELS) - told_elsewhere == set()


def test_a_2016_layout_checks_the_id_number_in_code_5_and_not_the_old_registration_codes(tmp_path):
    # 国家“双公示”数据标准 2016 版: 代码_1 the credit code, 代码_2-4 older registration codes, 代码_5 the
    # 居民身份证号. A full valid ID in 代码_5 is to be masked; one with a wrong check digit is invalid; an
    # organisation code in 代码_2 is not a bad credit code.
    header = ["行政处罚决定书文号", "行政相对人名称", "行政相对人代码_1(统一社会信用代码)", "行政相对人代码_2(组织机构代码)",
              "行政相对人代码_3(工商登记码)", "行政相对人代码_4(税务登记号)", "行政相对人代码_5(居民身份证号)",
              "处罚决定日期", "公示日期", "处罚机关"]
    rows = [["西安监罚〔2016〕1号", "张三", None, None, None, None, "420203199001011238"],
            ["西安监罚〔2016〕2号", "李四", None, None, None, None, "420203199001011239"],
            ["西安监罚〔2016〕3号", "某公司", "91420203MA4D4Q16JR", "MA4D4Q16-J", "420203000012345", None, None]]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": [header] + [
        r + [dt.date(2016, 3, 1), dt.date(2016, 3, 7), "区安监局"] for r in rows]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-"])
    records = {r["document_number"]: {i["code"] for i in r["issues"]} & QUALITY
               for r in json.loads(result.stdout)["records"]}
    assert records == {"西安监罚〔2016〕1号": {"id-number-exposed"}, "西安监罚〔2016〕2号": {"id-number-invalid"},
                       "西安监罚〔2016〕3号": set()}


def test_a_number_excel_wrote_in_scientific_notation_and_an_organisations_code_in_the_id_column(tmp_path):
    # probe: 4.20203E+17 in 证件号码 / 法定代表人证件号码 passed unflagged; a company's credit code with a bad check
    # digit in 证件号码 was called an invalid ID number, and a valid all-digit code too
    import json

    from stdnum.cn import uscc

    body = "91420200700000000"
    good = body + uscc.calc_check_digit(body)
    bad = body + ("1" if good[-1] != "1" else "2")
    header = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "证件号码", "法定代表人证件号码", "处罚决定日期", "公示日期"]
    rows = [["西公罚〔2025〕1号", "张三", "自然人", "4.20203E+17", "", "2025-03-05", "2025-03-06"],
            ["西公罚〔2025〕2号", "甲公司", "法人及非法人组织", bad, "4.20203E+17", "2025-03-05", "2025-03-06"],
            ["西公罚〔2025〕3号", "乙公司", "法人及非法人组织", good, "", "2025-03-05", "2025-03-06"]]
    path = tmp_path / "区公安分局_2025年行政处罚.csv"
    path.write_text("\n".join(",".join(r) for r in [header, *rows]), encoding="utf-8")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    said = {r["document_number"]: [(i["code"], i["message"]) for i in r["issues"]]
            for r in json.loads(out.read_text(encoding="utf-8"))["records"]}
    assert said["西公罚〔2025〕1号"] == [("id-number-invalid", "证件号码“4.20203E+17”不是有效的身份证号（被 Excel 当作数字保存"
                                                            "（显示为科学计数法），后面几位已经丢失，请把这一列设成文本格式后重新填写）")]
    assert sorted(c for c, _ in said["西公罚〔2025〕2号"]) == ["id-number-invalid", "uscc-invalid"]
    assert any(m == f"证件号码“{bad[:6]}********{bad[-4:]}”不是有效的统一社会信用代码（校验位不符）" for _, m in said["西公罚〔2025〕2号"])
    assert said["西公罚〔2025〕3号"] == []


def test_the_2016_header_chufa_shiyou_is_the_facts_column(tmp_path):
    # probe 21: 处罚事由 (the 2016 standard's CF_SY) was read as no column: 违法事实 said missing on every row
    header = ["行政处罚决定书文号", "处罚名称", "处罚类别", "处罚事由", "处罚依据", "行政相对人名称", "处罚结果",
              "处罚决定日期", "处罚机关", "公示日期"]
    book = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": [header, [
        "西安监罚〔2016〕1号", "安全生产行政处罚", "罚款", "未按规定进行安全生产教育和培训", "《安全生产法》第九十四条", "某公司",
        "罚款 1 万元", dt.date(2016, 3, 1), "区安监局", dt.date(2016, 3, 7)]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2016-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    text = out.read_text(encoding="utf-8")
    assert "违法事实" not in text, [line for line in text.splitlines() if "违法事实" in line][:5]
    # nor 处罚结果 (the 2016 standard's name for 处罚内容): scored missing, so the same sheet with CF_ codes
    # for headers scored better than with the standard's own Chinese names
    assert "处罚内容" not in text, [line for line in text.splitlines() if "处罚内容" in line][:5]


def test_an_id_or_code_kept_in_a_number_cell_is_said_to_have_lost_its_last_digits(tmp_path):
    """An .xlsx number cell keeps 15 significant digits: 420203198506123011 comes back as 420203198506123000.
    The reason is Excel's, not a wrong check digit the unit would look for in vain."""
    header = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "证件号码", "处罚决定日期", "公示日期"]
    rows = [header,
            ["西公罚〔2025〕1号", "张三", "自然人", None, 420203198506123011, dt.date(2025, 3, 5), dt.date(2025, 3, 6)],
            ["西公罚〔2025〕2号", "甲公司", "法人及非法人组织", 911101080000000001, None, dt.date(2025, 3, 5), dt.date(2025, 3, 6)]]
    path = write_xlsx(tmp_path / "区公安分局_2025年行政处罚.xlsx", {"行政处罚": rows})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    messages = [i["message"] for r in json.loads(out.read_text(encoding="utf-8"))["records"] for i in r["issues"]]
    assert len(messages) == 2 and all("被 Excel 当作数字保存" in m and "校验位不符" not in m for m in messages), messages


def test_placeholders_are_blank_and_an_agency_never_has_the_sole_traders_code(tmp_path):
    """无 in 处罚类别 and / in the agency's code are blank cells (required-missing where the standard asks,
    not an enum or code error besides); 17 zeros and X stand in only for a 个体工商户, never for an agency."""
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚类别", "处罚机关", "处罚机关统一社会信用代码", "处罚决定日期", "公示日期"]
    rows = [header,
            ["西公罚〔2025〕1号", "张三", "无", "区公安分局", "/", dt.date(2025, 3, 5), dt.date(2025, 3, 6)],
            ["西公罚〔2025〕2号", "李四", "警告", "区公安分局", "0" * 17 + "X", dt.date(2025, 3, 5), dt.date(2025, 3, 6)]]
    path = write_xlsx(tmp_path / "区公安分局_2025年行政处罚.xlsx", {"行政处罚": rows})
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["check", str(path), "--as-of", "2025-12-31", "--no-history", "-o", str(tmp_path / "r.xlsx"),
                              "--json", str(out)])
    issues = [[i["code"] for i in r["issues"]] for r in json.loads(out.read_text(encoding="utf-8"))["records"]]
    assert "enum-invalid" not in issues[0] and "uscc-invalid" not in issues[0]
    assert issues[1] == ["uscc-invalid"]


def test_a_party_kind_column_in_an_offices_own_words_is_read(tmp_path):
    # probe p83: 当事人类型 was no column, and 个人 / 法人 in it no kind: a person's ID in the code column of 个人 was
    # not told exposed, a 法人 without a code not told missing
    rows = [["文号", "当事人", "当事人类型", "统一社会信用代码", "决定日期", "公开日期"],
            ["西安监罚〔2016〕1号", "张三", "个人", "420203198002290019", dt.date(2016, 3, 1), dt.date(2016, 3, 7)],
            ["西安监罚〔2016〕2号", "某公司", "法人", None, dt.date(2016, 3, 1), dt.date(2016, 3, 7)]]
    path = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"行政处罚": rows})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", "-", "-o", str(tmp_path / "r.xlsx")])
    codes = {r["document_number"]: {i["code"] for i in r["issues"]} for r in json.loads(result.stdout)["records"]}
    assert "id-number-exposed" in codes["西安监罚〔2016〕1号"], codes
    assert "party-type-mismatch" in codes["西安监罚〔2016〕2号"], codes


def test_a_penalty_row_in_a_permit_table_is_named_for_the_penalty_columns_the_table_never_had(tmp_path):
    """A 2016-standard permit table holding one 吊销 (西民罚): the sheet itself lacks none of a permit's columns;
    only that row lacks a penalty's, and the note said the whole sheet lacked them (probe p95 D1)."""
    header = ["行政许可决定书文号", "项目名称", "审批类别", "许可内容", "行政相对人名称", "行政相对人代码_1（统一社会信用代码）",
              "法定代表人姓名", "许可决定日期", "许可截止期", "许可机关", "当前状态", "地方编码", "数据更新时间戳", "备注", "公开日期"]
    rows = [[no, item, "登记", item, party, "", "孙康乐", decided, dt.date(2099, 12, 31), "西塞山区民政局", "正常", "420203",
             None, None, published]
            for no, item, party, decided, published in (
                ("西民许〔2026〕12号", "社会团体登记", "黄石市西塞山区书法家协会", dt.date(2026, 11, 2), dt.date(2026, 11, 30)),
                ("西民许〔2026〕13号", "社会团体登记", "黄石市西塞山区棋类协会", dt.date(2026, 11, 2), dt.date(2026, 11, 30)),
                ("西民罚〔2026〕3号", "吊销登记证书", "黄石市西塞山区阳光培训中心", dt.date(2026, 10, 22),
                 dt.date(2026, 11, 20)))]
    path = write_xlsx(tmp_path / "区民政局_2026年行政许可.xlsx", {"行政许可": [header, *rows]})
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2026-12-01", "--no-history", "--json", "-",
                                       "-o", str(tmp_path / "r.xlsx")])
    payload = json.loads(result.stdout)
    notes = [n for e in payload["inputs"] for s in e["sheets"] for n in s["notes"]]
    assert [r["category"] for r in payload["records"]] == ["permit", "permit", "penalty"]
    assert not any(n.startswith("表格按国家数据标准格式填报，但缺少必填列") for n in notes), notes
    said = [n for n in notes if "必填列" in n]
    assert len(said) == 1 and said[0].startswith("第 4 行计为行政处罚") and "处罚类别" in said[0], notes
