"""One decision written over two rows (number and party above, dates below): one record, judged by those
dates, the lower row skipped and said (probe p91 F4). Real workbooks and CSV through the real CLI."""

from __future__ import annotations

import csv
import datetime as dt

from helpers import cli_check, write_xlsx

D, ON_TIME, LATE = dt.date(2026, 3, 2), dt.date(2026, 3, 5), dt.date(2026, 5, 20)
HEADER = ["序号", "行政处罚决定书文号", "当事人", "违法事实", "处罚决定日期", "公示日期"]
ROWS = [HEADER,
        [1, "西罚〔2026〕1号", "张三", "无证经营", D, ON_TIME],
        [2, "西罚〔2026〕2号", "黄石市某某建材", "超范围经营", None, None],
        [None, None, "有限公司", None, D, LATE],
        [3, "西罚〔2026〕3号", "王五", "无证经营", None, None],  # no dates, and the next row is a decision of its own
        [4, None, "赵六", "无证经营", D, ON_TIME],
        [5, "西罚〔2026〕5号", "钱七", "超范围经营", None, None],
        [None, None, None, None, D, LATE]]  # the sheet's last row: not a signature date


def judged(data) -> list[tuple]:
    return [(r["row"], r["document_number"], r["party"], r["status"]) for r in data["records"]]


def notes(data) -> list[str]:
    return [n for f in data["inputs"] for s in f["sheets"] for n in s["notes"]]


def test_a_decision_over_two_rows_is_one_record_judged_by_its_dates(tmp_path):
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": ROWS}), "2026-11-30")
    assert judged(data) == [(2, "西罚〔2026〕1号", "张三", "on_time"),
                            (3, "西罚〔2026〕2号", "黄石市某某建材有限公司", "late"),
                            (5, "西罚〔2026〕3号", "王五", "invalid"), (6, "", "赵六", "on_time"),
                            (7, "西罚〔2026〕5号", "钱七", "late")], output
    assert data["summary"]["skipped_rows"] == 2
    assert any(n.startswith("第 4、8 行接着上一行") for n in notes(data)), notes(data)


def test_without_a_serial_or_a_party_column_two_rows_stay_two_records(tmp_path):
    rows = [["行政处罚决定书文号", "违法事实", "处罚决定日期", "公示日期"],
            ["西罚〔2026〕2号", "超范围经营", None, None], [None, "无证经营", D, LATE]]
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows}), "2026-11-30")
    assert [r["status"] for r in data["records"]] == ["invalid", "late"], output


def test_a_csv_ledger_folds_them_alike(tmp_path):
    path = tmp_path / "区城管局.csv"
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in r]
                                 for r in ROWS])
    code, data, output = cli_check(tmp_path, path, "2026-11-30")
    assert [r[3] for r in judged(data)] == ["on_time", "late", "invalid", "on_time", "late"], output


def test_a_blank_party_below_a_named_one_is_no_continuation_without_a_serial_column(tmp_path):
    # review rev65 M3: a withheld name below a whole company name is another decision, not the rest of this one
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"],
            ["西罚〔2026〕2号", "黄石市某某建材有限公司", None, None], [None, None, D, LATE],
            ["西罚〔2026〕3号", "黄石市某某商贸", None, None], [None, "有限公司", D, ON_TIME]]
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows}), "2026-11-30")
    assert judged(data) == [(2, "西罚〔2026〕2号", "黄石市某某建材有限公司", "invalid"), (3, "", "", "late"),
                            (4, "西罚〔2026〕3号", "黄石市某某商贸有限公司", "on_time")], output


def test_a_lower_row_that_says_other_things_is_another_decision(tmp_path):
    # review rev65 L9, rev66 M2: another amount, another kind or another office below is no continuation; the name's
    # end typed again is not written twice
    rows = [["序号", "行政处罚决定书文号", "行政相对人名称", "处罚类别", "处罚决定日期", "公示日期", "处罚机关", "罚款金额（万元）"],
            [1, "西罚〔2026〕1号", "黄石市某某建材有限公司", "罚款", None, None, "区城管局", 0.5],
            [None, None, "有限公司", None, D, ON_TIME, None, 0.5],  # the same amount again: one decision
            [2, "西罚〔2026〕2号", "黄石市某某商贸", "罚款", None, None, "区城管局", 0.5],
            [None, None, "有限公司", None, D, LATE, None, 0.2],  # another amount
            [3, "西罚〔2026〕3号", "李四", "罚款", None, None, "区城管局", None],
            [None, None, None, "警告", D, LATE, None, None],  # another kind
            [4, "西罚〔2026〕4号", "王五", "罚款", None, None, "区城管局", None],
            [None, None, None, None, D, LATE, "区市场监管局", None]]  # another office
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows}), "2026-11-30")
    assert judged(data)[0] == (2, "西罚〔2026〕1号", "黄石市某某建材有限公司", "on_time"), output
    assert [r["row"] for r in data["records"]] == [2, 4, 5, 6, 7, 8, 9]
    assert not any(i["code"] in ("amount-suspect", "enum-invalid") for r in data["records"] for i in r["issues"])


def test_the_text_of_a_folded_row_is_read_anew_on_a_long_sheet(tmp_path):
    # review rev66 H1: the sheet's text cache kept the cells from before the fold; on a long sheet the lower row's
    # 未公开 was read as blank or not at all
    rows = [["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]]
    rows += [[i, f"西罚〔2026〕{i}号", f"公司{i}", D, ON_TIME] for i in range(1, 150)]
    rows += [[150, "西罚〔2026〕150号", "张三", None, None], [None, None, None, D, "未公开"]]
    rows += [[i, f"西罚〔2026〕{i}号", f"公司{i}", D, ON_TIME] for i in range(151, 200)]
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows}), "2026-11-30")
    found = [r for r in data["records"] if r["document_number"] == "西罚〔2026〕150号"]
    assert [(r["status"], r["decision_date"]) for r in found] == [("overdue", "2026-03-02")], output
    assert len(data["records"]) == 199


def test_a_serial_and_party_merged_over_both_rows_is_one_decision(tmp_path):
    # review rev66 M6: the common two-line form, 序号 and 当事人 merged over the two rows, still counted twice
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "处罚"
    for row in [HEADER, [1, "西罚〔2026〕1号", "张三", "无证经营", None, None], [None, None, None, None, D, LATE],
                [2, "西罚〔2026〕2号", "李四", "无证经营", D, ON_TIME]]:
        sheet.append(row)
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("C2:C3")
    book.save(tmp_path / "区城管局.xlsx")
    code, data, output = cli_check(tmp_path, tmp_path / "区城管局.xlsx", "2026-11-30")
    assert judged(data) == [(2, "西罚〔2026〕1号", "张三", "late"), (4, "西罚〔2026〕2号", "李四", "on_time")], output


def test_a_merge_over_three_rows_keeps_its_late_dates(tmp_path):
    # review rev67 H1: 序号, party and office merged over rows 2-4, the number on row 2, the dates on row 4; the
    # dates went into the merged middle row and were lost with it
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["序号", "行政处罚决定书文号", "当事人", "处罚机关", "处罚决定日期", "公示日期"],
                [1, "西罚〔2026〕1号", "张三", "区城管局", None, None], [None] * 6,
                [None, None, None, None, D, LATE]]:
        sheet.append(row)
    for column in "ACD":
        sheet.merge_cells(f"{column}2:{column}4")
    book.save(tmp_path / "区城管局.xlsx")
    code, data, output = cli_check(tmp_path, tmp_path / "区城管局.xlsx", "2026-11-30")
    assert "late" in [r["status"] for r in data["records"]], output


def test_facts_that_run_on_fold_and_the_same_party_again_does_not_without_a_serial(tmp_path):
    # review rev67 M5, L7
    rows = [["序号", "行政处罚决定书文号", "当事人", "违法事实", "处罚决定日期", "公示日期"],
            [1, "西罚〔2026〕1号", "黄石市某某建材", "未取得许可", None, None], [None, None, "有限公司", "擅自经营", D, LATE]]
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows}), "2026-11-30")
    assert judged(data) == [(2, "西罚〔2026〕1号", "黄石市某某建材有限公司", "late")], output
    rows = [["行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"],
            ["西罚〔2026〕2号", "黄石市某某建材有限公司", None, None], [None, "黄石市某某建材有限公司", D, LATE]]
    code, data, output = cli_check(tmp_path, write_xlsx(tmp_path / "区城管局.xlsx", {"处罚": rows}), "2026-11-30")
    assert [r["status"] for r in data["records"]] == ["invalid", "late"], output
