"""Full ID numbers in a ledger's other columns (违法事实, 法定代表人, 备注, 许可证编号 …) and inside a 文书号:
told as id-number-exposed with the column's header, masked in every output, once per record.
Real workbooks and CSV files through the real CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json

from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from compliance.cli import main
from compliance.quality.codes import id_shaped_texts
from compliance.quality.id_text import ID_PATTERN
from helpers import write_xlsx
from compliance.quality.codes import uscc_valid
from test_quality_ids_elsewhere import ric, texts

ID_A, ID_B, ID_C = ric("42020319850612301"), ric("11010519491231002"), ric("42020319800808123")
BAD = ID_A[:-1] + ("0" if ID_A[-1] != "0" else "1")  # one digit off: its check digit fails
DAY, ONLINE = dt.date(2026, 3, 2), dt.date(2026, 3, 5)
HEADER = ["行政处罚决定书文号", "行政相对人名称", "法定代表人", "违法事实", "处罚内容", "暂扣或吊销证照名称及编号",
          "备注", "处罚决定日期", "公示日期"]
ROWS = [
    ["西罚〔2026〕1号", "张三", "", f"当事人张三（身份证号{ID_A}）无证经营", "罚款500元", "", "", DAY, ONLINE],
    ["西罚〔2026〕2号", "某公司", f"李四 {ID_A[:6]} {ID_A[6:14]} {ID_A[14:]}", "超范围经营", "罚款", "", "", DAY, ONLINE],
    ["西罚〔2026〕3号", "某公司2", "王五", "超范围经营", "罚款", "", f"身份证：{ID_B}", DAY, ONLINE],
    ["西罚〔2026〕4号", "某公司3", "王五", "超范围经营", "罚款", f"驾驶证{BAD}", "", DAY, ONLINE],
    ["西罚〔2026〕5号", "某公司4", "王五", "超范围经营，电话13800138000", "罚款", "", "", DAY, ONLINE],
    ["西罚〔2026〕6号", "某公司5", f"赵六{ID_C}", f"违法事实中也有{ID_B}", "罚款", "", "", DAY, ONLINE],
]


def check(tmp_path, ledger):
    out = tmp_path / "报告.xlsx"
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-06-30", "--out", str(out),
                                       "--json", str(tmp_path / "r.json"), "--all"])
    assert result.exit_code == 0, result.output
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    exposed = {r["row"]: i["message"] for r in payload["records"] for i in r["issues"] if i["code"] == "id-number-exposed"}
    return result, exposed


def assert_masked_everywhere(tmp_path, result, *numbers):
    shown = texts(tmp_path, "报告.xlsx", "r.json") + result.output
    for number in numbers:
        assert number not in shown
        assert number[:6] + "********" + number[14:] in shown


def test_ids_in_free_text_columns_are_told_with_their_column_and_masked(tmp_path):
    ledger = write_xlsx(tmp_path / "区市场监管局.xlsx", {"处罚": [HEADER] + ROWS})
    result, exposed = check(tmp_path, ledger)
    assert sorted(exposed) == [2, 3, 4, 7]  # not the bad check digit (5), not a phone number (6)
    assert "违法事实中含有的号码是完整的身份证号（420203********" in exposed[2]
    assert "法定代表人中含有的号码" in exposed[3]  # typed 6-8-4 with spaces
    assert "备注中含有的号码是完整的身份证号（110105********002X）" in exposed[4]
    assert "法定代表人中含有的号码" in exposed[7]  # the first column that holds one, once per record
    assert_masked_everywhere(tmp_path, result, ID_A, ID_B, ID_C)
    assert "完整身份证号待隐去 4" in result.output


def test_a_csv_ledger_is_read_for_them_alike(tmp_path):
    ledger = tmp_path / "区交通局.csv"
    with open(ledger, "w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([HEADER] + [[v.isoformat() if isinstance(v, dt.date) else v for v in r] for r in ROWS])
    result, exposed = check(tmp_path, ledger)
    assert sorted(exposed) == [2, 3, 4, 7]
    assert "备注中含有的号码" in exposed[4]


def test_an_id_inside_a_document_number_or_in_a_licence_column_is_told_once(tmp_path):
    rows = [["行政许可决定书文号", "许可证编号", "行政相对人名称", "许可内容", "许可决定日期", "公示日期"],
            ["西许〔2026〕1号", ID_A, "张三", f"准予张三（{ID_A}）从业", DAY, ONLINE],
            [f"从业资格证{ID_B}号", "XK-2", "李四", "准予", DAY, ONLINE],
            ["420203100111947", "XK-3", "王五", "准予", DAY, ONLINE]]  # 15 digits: a 交警 number, no ID
    result, exposed = check(tmp_path, write_xlsx(tmp_path / "区交通运输局.xlsx", {"许可": rows}))
    assert sorted(exposed) == [2, 3]
    assert "许可证编号中含有的号码" in exposed[2]
    assert "文书号中含有的号码是完整的身份证号（110105********002X）" in exposed[3]
    assert_masked_everywhere(tmp_path, result, ID_A, ID_B)


def test_a_licence_number_that_is_the_document_number_is_told_as_it_once(tmp_path):
    rows = [["许可编号", "项目名称", "行政相对人名称", "许可决定日期", "公示日期"],
            [ID_A, "道路运输从业资格", "张三", DAY, ONLINE]]
    result, exposed = check(tmp_path, write_xlsx(tmp_path / "区人社局.xlsx", {"许可": rows}))
    assert list(exposed) == [2] and "文书号（证书编号）是完整的身份证号" in exposed[2]


TEXT = st.text(alphabet="0123456789０１X张三- ，.\n", max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TEXT, st.sampled_from([ID_A, f"号{ID_B}", f"{ID_C[:6]} {ID_C[6:]}", "1" + ID_A,
                                                 " ".join(ID_B[i:i + 4] for i in range(0, 18, 4))])),
                max_size=12))
def test_the_one_search_over_joined_texts_finds_what_a_search_per_text_finds(distinct):
    expected = [i for i, t in enumerate(distinct) if ID_PATTERN.search(t)]
    assert id_shaped_texts(distinct).tolist() == expected


def test_an_id_inside_a_document_number_is_never_kept_by_the_store_and_is_followed_masked(tmp_path):
    import io
    import sqlite3

    import pandas as pd

    number = f"从业资格证{ID_A}号"
    rows = [["行政许可决定书文号", "行政相对人名称", "许可决定日期", "公示日期"],
            [number, "张三", dt.date(2026, 5, 6), None], ["西许〔2026〕2号", "李四", dt.date(2026, 5, 6), dt.date(2026, 5, 8)]]
    ledger = write_xlsx(tmp_path / "区交通局.xlsx", {"许可": rows})
    store = tmp_path / "h.sqlite"
    first = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-06-30", "--month", "2026-05",
                                      "--db", str(store), "-o", str(tmp_path / "r5.xlsx")])
    assert first.exit_code == 1, first.output
    with sqlite3.connect(store) as db:
        blobs = [row[0] for row in db.execute("select data from period_records")]
        followed = [row for row in db.execute("select * from followups")]
    kept = pd.concat([pd.read_parquet(io.BytesIO(b)) for b in blobs])
    assert ID_A not in kept.to_string() and ID_A not in str(followed)
    assert f"从业资格证{ID_A[:6]}********{ID_A[14:]}号" in set(kept["number_key"])
    rows[1][3] = dt.date(2026, 6, 10)  # published in June: the item is found again by its masked number and closed
    write_xlsx(tmp_path / "区交通局.xlsx", {"许可": rows})
    again = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-07-31", "--month", "2026-06",
                                      "--db", str(store), "-o", str(tmp_path / "r6.xlsx")])
    assert "上期（2026-05）遗留 1 条：已整改 1" in again.output, again.output


def test_every_number_in_a_cell_is_looked_at_and_an_account_is_no_id(tmp_path):
    # review rev65 M5, L7, L8: an ID after a bank account in the same cell was missed; a 15-digit account was
    # taken for a first-generation ID; a column without a header was read in a workbook but not in a CSV
    header = ["行政处罚决定书文号", "行政相对人名称", "备注", "处罚决定日期", "公示日期", ""]
    rows = [header, ["西罚〔2026〕1号", "张三", f"缴款账号622848001234567891，当事人身份证{ID_A}", "2026-03-02",
                     "2026-03-05", ""],
            ["西罚〔2026〕2号", "李四", "开户账号420203800101123", "2026-03-02", "2026-03-05", ""],
            ["西罚〔2026〕3号", "王五", "", "2026-03-02", "2026-03-05", f"身份证{ID_B}"]]
    ledger = tmp_path / "区交通局.csv"
    with open(ledger, "w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(rows)
    result, exposed = check(tmp_path, ledger)
    assert sorted(exposed) == [2, 4], exposed
    assert "备注中含有的号码是完整的身份证号（420203" in exposed[2] and "第 6 列中含有的号码" in exposed[4]


def test_a_message_quoting_a_cell_never_shows_a_full_id_and_a_date_cells_id_is_told(tmp_path):
    # probe p93 H2, M3: 处罚类别“罚款4202…” and an ID pasted into an amount were quoted whole; an ID written in the
    # publication cell was masked but never told
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚类别", "罚款金额（万元）", "处罚决定日期", "公示日期"],
            ["西罚〔2026〕1号", "张三", f"罚款{ID_A}", ID_B, DAY, ONLINE],
            ["西罚〔2026〕2号", "李四", "罚款", 0.1, DAY, f"已公开，当事人身份证{ID_C}"]]
    ledger = write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows})
    out = tmp_path / "报告.xlsx"
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-06-30", "--out", str(out),
                                       "--json", str(tmp_path / "r.json"), "--all"])
    assert result.exit_code == 1, result.output
    assert_masked_everywhere(tmp_path, result, ID_A, ID_B, ID_C)
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    said = {r["row"]: " ".join(i["message"] for i in r["issues"]) for r in payload["records"]}
    assert "处罚类别“罚款420203********" in said[2] and "enum" not in said[2]
    assert "公示日期中含有的号码是完整的身份证号" in said[3]


def test_an_online_lists_other_columns_are_read_for_a_published_id(tmp_path):
    # probe p93 M1: 违法事实, 备注 on the website were never read for an ID shown in full
    from helpers import check_online

    ledger = write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": [HEADER[:2] + HEADER[7:], ROWS[0][:2] + ROWS[0][7:],
                                                              ROWS[2][:2] + ROWS[2][7:]]})
    listing = write_xlsx(tmp_path / "信用网站导出.xlsx", {"处罚": [
        ["行政处罚决定书文号", "行政相对人名称", "违法事实", "备注", "处罚决定日期", "公示日期"],
        ["西罚〔2026〕1号", "张三", f"当事人张三（{ID_A}）无证经营", "", DAY, ONLINE],
        ["西罚〔2026〕3号", "某公司2", "超范围经营", f"法人身份证{ID_B}", DAY, ONLINE]]})
    data = check_online(tmp_path, ledger, [listing], "2026-06-30")
    online = {r["row"]: [i["message"] for i in r["issues"] if i["code"] == "id-number-online"] for r in data["records"]}
    assert online[2] == [f"网站上公开了完整的身份证号（网站清单：{ID_A[:6]}********{ID_A[14:]}）"], online
    assert online[3] == [f"网站上公开了完整的身份证号（网站清单：{ID_B[:6]}********{ID_B[14:]}）"], online


def test_a_code_valid_both_ways_is_an_id_in_text_only_where_the_words_say_so(tmp_path):
    # probe p93 H7: a 事业单位's all-digit credit code that also passes the ID check, written in 备注
    code = "121101198501010095"
    rows = [HEADER, ["西罚〔2026〕1号", "某医院", "", "", "", "", f"统一社会信用代码{code}", DAY, ONLINE],
            ["西罚〔2026〕2号", "某某", "", "", "", "", f"身份证{code}", DAY, ONLINE]]
    result, exposed = check(tmp_path, write_xlsx(tmp_path / "区卫健委.xlsx", {"处罚": rows}))
    assert list(exposed) == [3], exposed


def test_a_column_whose_header_says_its_numbers_are_no_ids_is_not_read_for_them(tmp_path):
    # review rev66 M3: a 税务登记号 of 15 digits was told as a published first-generation ID
    rows = [["行政处罚决定书文号", "行政相对人名称", "税务登记号", "开户账号", "处罚决定日期", "公示日期"],
            ["西罚〔2026〕1号", "某公司", "420203780512345", ID_A, DAY, ONLINE]]
    result, exposed = check(tmp_path, write_xlsx(tmp_path / "区税务局.xlsx", {"处罚": rows}))
    assert exposed == {}


def test_an_id_that_also_passes_the_code_check_is_still_an_id_and_a_labelled_one_is_read_anywhere(tmp_path):
    # review rev67 M2, M3: 420203… cannot begin a credit code, so it stays an ID in free text; a 身份证号 written in
    # a column headed 联系人及电话 is still told
    both = next(ric(f"4202031985071{k:04d}") for k in range(10000)
                if uscc_valid([ric(f"4202031985071{k:04d}")])[0])
    rows = [HEADER + ["联系人及电话"], ["西罚〔2026〕1号", "张三", "", "", "", "", f"张三{both}已缴清罚款", DAY, ONLINE, ""],
            ["西罚〔2026〕2号", "李四", "", "", "", "", "", DAY, ONLINE, f"身份证号{ID_A} 13800000000"]]
    result, exposed = check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows}))
    assert sorted(exposed) == [2, 3] and "联系人及电话中含有的号码" in exposed[3], exposed


def test_an_id_written_in_fours_as_a_cards_number_is_told_and_masked(tmp_path):
    """4202 0319 8506 1230 1X, grouped as one reads out a card: no output showed it masked or told it (probe p93)."""
    fours = " ".join(ID_A[i:i + 4] for i in range(0, 18, 4))
    rows = [["西罚〔2026〕1号", f"张三（{fours}）", "", "无证经营", "罚款500元", "", "", DAY, ONLINE],
            ["西罚〔2026〕2号", "某公司", "李四", "超范围经营", "罚款", "", f"当事人身份证号{fours.replace(' ', '-')}", DAY,
             ONLINE],
            ["西罚〔2026〕3号", "某公司2", "王五", "超范围经营", "罚款", "", "卡号6222 0212 3456 7890 123", DAY, ONLINE]]
    ledger = write_xlsx(tmp_path / "区市场监管局.xlsx", {"处罚": [HEADER] + rows})
    result, exposed = check(tmp_path, ledger)
    assert sorted(exposed) == [2, 3], exposed  # a bank card's 19 digits are no ID
    assert "行政相对人名称中含有的号码是完整的身份证号" in exposed[2] and "备注中含有的号码" in exposed[3]
    shown = texts(tmp_path, "报告.xlsx", "r.json") + result.output
    assert fours not in shown and ID_A[:6] + "********" + ID_A[14:] in shown
