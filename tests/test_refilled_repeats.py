"""A cumulative ledger sent again the next month with the blank publication date filled in (补公开): one
decision, counted once, and the copy kept is not told "文书号重复" (an identical resend is not either).
Two files of one name in two month folders are told apart by their folder. Real CSV files, the real CLI."""

from __future__ import annotations

import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_csv

HEADER = ["行政处罚决定书文号", "当事人", "处罚决定日期", "上网公开日期"]


def _check_folder(tmp_path, folder, as_of: str) -> dict:
    """The JSON of `compliance check FOLDER` (no history), which finds late or invalid records: exit 1."""
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--as-of", as_of, "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_refilled_copy_is_one_decision_without_a_repeated_number_note(tmp_path):
    folder = tmp_path / "报送"
    (folder / "10月").mkdir(parents=True)
    (folder / "11月").mkdir()
    write_csv(folder / "10月" / "区农业局_处罚台账.csv", [HEADER,
        ["西农罚〔2024〕1号", "甲", "2024-10-08", ""], ["西农罚〔2024〕2号", "乙", "2024-10-09", "2024-11-06"],
        ["西农罚〔2024〕3号", "丙", "2024-10-10", "2024-11-07"]])
    write_csv(folder / "11月" / "区农业局_处罚台账.csv", [HEADER,
        ["西农罚〔2024〕1号", "甲", "2024-10-08", "2024-11-20"], ["西农罚〔2024〕2号", "乙", "2024-10-09", "2024-11-06"],
        ["西农罚〔2024〕3号", "丙", "2024-10-10", ""]])
    data = _check_folder(tmp_path, folder, "2024-12-31")
    got = {r["document_number"]: (r["status"], sorted(i["code"] for i in r["issues"])) for r in data["records"]}
    assert got == {"西农罚〔2024〕1号": ("late", []), "西农罚〔2024〕2号": ("late", []),
                   # 3号's copies: late by the first, overdue by the blank copy: late either way, said with both
                   "西农罚〔2024〕3号": ("late", ["duplicate-dates-differ"])}
    [conflict] = [r for r in data["records"] if r["document_number"] == "西农罚〔2024〕3号"]
    assert "11月/区农业局_处罚台账.csv / 区农业局_处罚台账 / 第 4 行" in conflict["issues"][0]["message"]


def test_a_month_run_keeps_a_conflict_any_copy_dates_in_that_month_and_a_date_after_the_run(tmp_path):
    # 9号 is dated 02-29 in one file and 03-01 in the other (published 03-29: late by the first day, on time by
    # the second, deadlines 03-28 and 03-29): in the March run it is one 数据有误 record, in
    # whichever order the files are read. 22号's 2099 date is impossible (after the run): 数据有误 in any month.
    for first, second in (("区人社局_3月处罚.csv", "区人社局_补报.csv"), ("区人社局_补报.csv", "区人社局_3月处罚.csv")):
        folder = tmp_path / first
        folder.mkdir()
        write_csv(folder / first, [HEADER, ["西人社罚〔2024〕9号", "甲", "2024-02-29", "2024-03-29"],
                                   ["西人社罚〔2024〕10号", "乙", "2024-03-04", "2024-03-08"]])
        write_csv(folder / second, [HEADER, ["西人社罚〔2024〕9号", "甲", "2024-03-01", "2024-03-29"],
                                    ["西人社罚〔2024〕22号", "丙", "2099-03-05", ""]])
        out = tmp_path / f"{first}.json"
        result = CliRunner().invoke(main, ["check", str(folder), "--month", "2024-03", "--as-of", "2024-04-30",
                                           "--no-history", "-o", str(tmp_path / f"{first}.xlsx"), "--json", str(out)])
        assert result.exit_code == 1, result.output
        data = json.loads(out.read_text(encoding="utf-8"))
        got = {r["document_number"]: (r["status"], sorted(i["code"] for i in r["issues"])) for r in data["records"]}
        assert got == {"西人社罚〔2024〕9号": ("invalid", ["duplicate-conflict"]), "西人社罚〔2024〕10号": ("on_time", []),
                       "西人社罚〔2024〕22号": ("invalid", ["decision-after-run-date"])}, first


def test_a_correction_published_again_is_the_same_decision_judged_by_its_first_publication(tmp_path):
    # probe: …5号（更正） re-published after a correction was a second decision, 逾期公开 16 days; the same
    # number again with 备注 更正后重新公示 made the decision 数据有误. The first publication counts.
    from helpers import write_xlsx
    import datetime as dt
    D = dt.date
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "备注"]
    path = write_xlsx(tmp_path / "区安监局_2016年行政处罚.xlsx", {"行政处罚": [
        header, ["西安监罚〔2016〕5号", "甲公司", D(2016, 7, 1), D(2016, 7, 8), None],
        ["西安监罚〔2016〕5号（更正）", "甲公司", D(2016, 7, 1), D(2016, 8, 20), "更正罚款金额"],
        ["西安监罚〔2016〕8号", "丁公司", D(2016, 7, 1), D(2016, 7, 8), None],
        ["西安监罚〔2016〕8号", "丁公司", D(2016, 7, 1), D(2016, 9, 2), "更正后重新公示"],
        # a correction whose first copy is late stays late; one dated before the first is a conflict
        ["西安监罚〔2016〕9号", "戊公司", D(2016, 7, 1), D(2016, 8, 20), None],
        ["【更正】西安监罚〔2016〕9号", "戊公司", D(2016, 7, 1), D(2016, 9, 2), None],
        ["西安监罚〔2016〕10号", "己公司", D(2016, 7, 1), D(2016, 8, 20), None],
        ["西安监罚〔2016〕10号", "己公司", D(2016, 7, 1), D(2016, 7, 5), "更正后重新公示"]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", str(out),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["row"], r["status"], r["published_date"]) for r in data["records"]] == [
        (2, "on_time", "2016-07-08"), (4, "on_time", "2016-07-08"), (6, "late", "2016-08-20"), (8, "invalid", "2016-08-20")]
    assert [i["code"] for i in data["records"][3]["issues"]] == ["duplicate-conflict"]
    import openpyxl
    listed = [(r[3], r[7]) for r in openpyxl.load_workbook(tmp_path / "r.xlsx")["数据问题"].iter_rows(values_only=True)
              if r[0] == "重复报送"]
    assert [(row, "更正后重新公示" in note) for row, note in listed] == [(3, True), (5, True), (7, True), (9, False)]


def test_a_hidden_draft_sheets_copy_yields_to_the_visible_one(tmp_path):
    # probe: a hidden Sheet2 (a draft) held the visible rows again with blank dates: both visible on-time
    # decisions became 数据有误 (dates differ). The visible dated copy counts, before or after the blank
    # draft; a decision only the draft holds is still read (and the sheet is said to be hidden).
    import datetime as dt
    import openpyxl
    D = dt.date
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]
    visible = [header, ["西环罚〔2016〕1号", "甲", D(2016, 7, 1), D(2016, 7, 5)], ["西环罚〔2016〕2号", "乙", D(2016, 7, 1), D(2016, 7, 6)]]
    draft = [header, ["西环罚〔2016〕1号", "甲", D(2016, 7, 1), None], ["西环罚〔2016〕2号", "乙", D(2016, 7, 1), D(2016, 8, 20)],
             ["西环罚〔2016〕3号", "丙", D(2016, 7, 1), None]]
    for draft_first in (False, True):
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, rows in ([("Sheet2", draft), ("行政处罚", visible)] if draft_first else [("行政处罚", visible), ("Sheet2", draft)]):
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
            sheet.sheet_state = "hidden" if title == "Sheet2" else "visible"
        path = tmp_path / f"{draft_first}" / "区环保局_2016年行政处罚.xlsx"
        path.parent.mkdir()
        book.save(path)
        out = path.parent / "r.json"
        result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--json", str(out),
                                           "-o", str(path.parent / "r.xlsx"), "--no-history"])
        assert result.exit_code == 1, result.output
        records = json.loads(out.read_text(encoding="utf-8"))["records"]
        # review: a hidden copy with another date (2号: 08-20) is no blank draft; the dates differ, as anywhere
        assert sorted((r["sheet"], r["document_number"], r["status"]) for r in records) == [
            ("Sheet2", "西环罚〔2016〕3号", "overdue"), ("行政处罚", "西环罚〔2016〕1号", "on_time"),
            ("行政处罚", "西环罚〔2016〕2号", "invalid")], draft_first


def test_a_hidden_old_sheets_date_never_fills_a_visible_blank_unsaid(tmp_path):
    # probe 56 L4: a hidden 旧表 held a publication date the visible sheet leaves blank. It was taken as a
    # 补公开 and the decision passed as on time with no note. A hidden sheet is no later sending: the two
    # copies disagree, and the decision is judged by both (on time by one, overdue by the other: 数据有误).
    import datetime as dt
    import openpyxl
    D = dt.date
    header = ["序号", "行政相对人名称", "行政处罚决定书文号", "处罚决定日期", "公示日期"]
    rows = [[1, "甲公司", "西市监罚〔2026〕1号", D(2026, 10, 9), D(2026, 10, 15)],
            [2, "乙公司", "西市监罚〔2026〕2号", D(2026, 10, 12), None]]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2026年10月"
    old = book.create_sheet("旧表")
    old.sheet_state = "hidden"
    for target, filled in ((sheet, None), (old, D(2026, 10, 16))):
        target.append(header)
        for row in rows:
            target.append(row[:4] + [row[4] or filled])
    path = tmp_path / "区市场监管局_2026年10月.xlsx"
    book.save(path)
    for as_of, status, code in (("2026-11-30", "invalid", "duplicate-conflict"),
                                ("2026-10-31", "pending", "duplicate-dates-differ")):
        out = tmp_path / f"{as_of}.json"
        result = CliRunner().invoke(main, ["check", str(path), "--as-of", as_of, "--json", str(out),
                                           "-o", str(tmp_path / f"{as_of}.xlsx"), "--no-history"])
        records = json.loads(out.read_text(encoding="utf-8"))["records"]
        got = {r["document_number"]: (r["sheet"], r["status"], [i["code"] for i in r["issues"]]) for r in records}
        assert got == {"西市监罚〔2026〕1号": ("2026年10月", "on_time", []),
                       "西市监罚〔2026〕2号": ("2026年10月", status, [code])}, as_of
        [said] = [i["message"] for i in records[1]["issues"]]
        assert "旧表（隐藏的工作表） / 第 3 行（决定 2026-10-12，公开 2026-10-16）" in said
        assert result.exit_code == (1 if status == "invalid" else 0), result.output


def test_a_remark_correcting_the_ledgers_own_date_is_no_republication(tmp_path):
    # review: 备注 公开日期填错，更正后为10月30日 on the re-sent copy was read as 更正后重新公示, and the wrong earlier
    # date counted (按时公开); the copies' dates differ, as before
    import datetime as dt
    from helpers import write_xlsx
    D = dt.date
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "备注"]
    for month, published, remark in (("10月", D(2016, 9, 10), None), ("11月", D(2016, 10, 30), "公开日期填错，更正后为10月30日")):
        (tmp_path / month).mkdir()
        write_xlsx(tmp_path / month / "区安监局_2016年行政处罚.xlsx", {"处罚": [header, ["西安监罚〔2016〕5号", "甲", D(2016, 9, 1), published, remark]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--as-of", "2016-12-31", "--json", str(out),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code == 1, result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["status"], [i["code"] for i in r["issues"]]) for r in records] == [("invalid", ["duplicate-conflict"])]


def test_a_licences_renewal_under_its_number_is_no_repeated_number(tmp_path):
    # probe: a licence number standing in for the 文书号, renewed (延续) a year later and reissued (补证): each
    # is its own decision, counted; they carried 文书号重复 notes. The renewal re-sent next year is one copy.
    import datetime as dt
    from helpers import write_xlsx
    D = dt.date
    header = ["序号", "许可证编号", "许可事项", "业务类型", "单位名称", "批准日期", "公示日期"]
    number = "鄂卫公证字[2023]第420203000018号"
    write_xlsx(tmp_path / "区卫健局_2024年许可台账.xlsx", {"许可": [header,
               [1, number, "公共场所卫生许可", "新办", "黄石甲宾馆", D(2023, 12, 20), D(2024, 1, 10)],
               [2, number, "公共场所卫生许可", "延续", "黄石甲宾馆", D(2024, 12, 18), D(2025, 1, 20)]]})
    write_xlsx(tmp_path / "区卫健局_2025年许可台账.xlsx", {"许可": [header,
               [1, number, "公共场所卫生许可", "延续", "黄石甲宾馆", D(2024, 12, 18), D(2025, 1, 20)],
               [2, number, "公共场所卫生许可", "补证", "黄石甲宾馆", D(2025, 3, 3), None]]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--as-of", "2025-06-30", "--json", str(out),
                                       "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["decision_date"], r["status"]) for r in data["records"]] == [
        ("2023-12-20", "on_time"), ("2024-12-18", "late"), ("2025-03-03", "overdue")]
    assert not any(i["code"] == "duplicate-document-number" for r in data["records"] for i in r["issues"])
    assert data["summary"]["repeats"] == 1
    # second review: the same licence number for another holder is more likely a typo: still said
    (tmp_path / "b").mkdir()
    write_xlsx(tmp_path / "b" / "区市场监管局_许可台账.xlsx", {"许可": [header,
               [1, "JY14202030000002", "食品经营许可", "新办", "黄石乙餐饮", D(2024, 3, 1), D(2024, 3, 5)],
               [2, "JY14202030000002", "食品经营许可", "新办", "黄石丙超市", D(2024, 6, 3), None]]})
    result = CliRunner().invoke(main, ["check", str(tmp_path / "b"), "--as-of", "2024-12-31", "--json", str(out),
                                       "-o", str(tmp_path / "r2.xlsx"), "--no-history"])
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [i["code"] for i in records[1]["issues"] if i["code"] == "duplicate-document-number"] == ["duplicate-document-number"]


def test_a_copy_marked_published_without_a_date_agrees_with_a_copy_that_gives_the_date(tmp_path):
    # probe: a cumulative ledger's 1月 sheet says 已公开 and its 2月 sheet gives 01-15: 数据有误 "在另一处的日期
    # 不同", though no second date exists. The dated copy now judges it, either way round, in sheets or files.
    from helpers import write_xlsx

    header = ["行政许可决定文书号", "行政相对人名称", "许可决定日期", "公示日期"]
    first = [["西司许〔2025〕1号", "甲", "2025-01-08", "已公开"], ["西司许〔2025〕2号", "乙", "2025-01-09", "2025-01-20"],
             ["西司许〔2025〕3号", "丙", "2025-01-10", "已公开"]]
    later = [["西司许〔2025〕1号", "甲", "2025-01-08", "2025-01-15"], ["西司许〔2025〕2号", "乙", "2025-01-09", "已公开"],
             ["西司许〔2025〕3号", "丙", "2025-01-10", "2025-03-20"]]  # 3号: dated late, judged late, not hidden
    (tmp_path / "sheets").mkdir()
    book = write_xlsx(tmp_path / "sheets" / "区司法局_2025年行政许可台账.xlsx", {"1月": [header, *first], "2月": [header, *later]})
    (tmp_path / "files" / "1月").mkdir(parents=True)
    (tmp_path / "files" / "2月").mkdir()
    write_csv(tmp_path / "files" / "1月" / "区司法局_许可.csv", [header, *first])
    write_csv(tmp_path / "files" / "2月" / "区司法局_许可.csv", [header, *later])
    for where in (book, tmp_path / "files"):
        out = tmp_path / f"{where.name}.json"
        result = CliRunner().invoke(main, ["check", str(where), "--as-of", "2025-12-31", "--no-history",
                                           "-o", str(tmp_path / f"{where.name}.xlsx"), "--json", str(out)])
        assert result.exit_code == 1, result.output
        data = json.loads(out.read_text(encoding="utf-8"))
        got = {r["document_number"]: (r["status"], r["published_date"], [i["code"] for i in r["issues"]])
               for r in data["records"]}
        assert got == {"西司许〔2025〕1号": ("on_time", "2025-01-15", []), "西司许〔2025〕2号": ("on_time", "2025-01-20", []),
                       "西司许〔2025〕3号": ("late", "2025-03-20", [])}, where


def test_a_summary_sheets_copy_with_the_party_spelled_a_little_otherwise_is_counted_once(tmp_path):
    # probe: 黄石PP诊所 on 一季度 and 黄石市PP诊所 on 全年汇总, same number and dates: two late decisions (a double
    # accusation). Spaces, full-width letters, brackets and 市/区 written in one copy only are the same party;
    # another party under the number on the same day is still counted apart.
    from helpers import write_xlsx

    header = ["行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    quarter = [["西卫罚〔2025〕1号", "黄石PP诊所", "2025-03-05", "2025-04-30"],
               ["西卫罚〔2025〕2号", "西塞山区（张三）药店", "2025-03-06", "2025-04-30"],
               ["西卫罚〔2025〕3号", "甲公司", "2025-03-07", "2025-03-10"]]
    year = [["西卫罚〔2025〕1号", "黄石市ＰＰ诊所", "2025-03-05", "2025-04-30"],
            ["西卫罚〔2025〕2号", "西塞山 张三药店", "2025-03-06", "2025-04-30"],
            ["西卫罚〔2025〕3号", "乙公司", "2025-03-07", "2025-03-10"]]
    book = write_xlsx(tmp_path / "区卫健局_2025年行政处罚.xlsx", {"一季度": [header, *quarter], "全年汇总": [header, *year]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(book), "--as-of", "2025-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["document_number"], r["party"], r["status"]) for r in records] == [
        ("西卫罚〔2025〕1号", "黄石PP诊所", "late"), ("西卫罚〔2025〕2号", "西塞山区（张三）药店", "late"),
        ("西卫罚〔2025〕3号", "甲公司", "on_time"), ("西卫罚〔2025〕3号", "乙公司", "on_time")]


def test_copies_with_other_dates_are_judged_by_each_copy_and_lateness_is_never_hidden(tmp_path):
    """A 全年汇总 sheet repeating the monthly rows with other publication dates: every copy late was
    数据有误, so the unit's lateness vanished. Each copy is judged by its own dates now: the same verdict
    stands (with both copies said), a verdict that turns on which copy is right stays 数据有误."""
    from helpers import write_xlsx
    import datetime as dt
    D = dt.date
    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    month = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 11, 10)],
             [2, "西安监罚〔2016〕2号", "乙", D(2016, 9, 1), D(2016, 9, 10)],
             [3, "西安监罚〔2016〕3号", "丙", D(2016, 9, 1), D(2016, 9, 10)],
             [4, "西安监罚〔2016〕4号", "丁", D(2016, 9, 1), D(2016, 9, 10)],
             [5, "西安监罚〔2016〕5号", "戊", D(2016, 9, 1), None]]
    summary = [[1, "西安监罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 11, 20)],  # late by both (deadline 09-30)
               [2, "西安监罚〔2016〕2号", "乙", D(2016, 9, 1), D(2016, 9, 12)],  # on time by both
               [3, "西安监罚〔2016〕3号", "丙", D(2016, 9, 1), D(2016, 11, 20)],  # on time by one, late by the other
               [4, "西安监罚〔2016〕4号", "丁", D(2016, 9, 1), D(2016, 8, 20)],  # the copy published before deciding
               [5, "西安监罚〔2016〕5号", "戊", D(2016, 9, 1), D(2016, 12, 1)]]  # blank filled in later: 补公开
    path = write_xlsx(tmp_path / "区安监局_2016年处罚.xlsx", {"9月": [header, *month], "全年汇总": [header, *summary]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(path), "--as-of", "2016-12-31", "--no-history",
                                       "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    got = {r["document_number"][-2:]: (r["status"], r["deadline"], [i["code"] for i in r["issues"]])
           for r in data["records"]}
    assert got == {"1号": ("late", "2016-09-30", ["duplicate-dates-differ"]),
                   "2号": ("on_time", "2016-09-30", ["duplicate-dates-differ"]),
                   "3号": ("invalid", None, ["duplicate-conflict"]),
                   "4号": ("invalid", None, ["duplicate-conflict"]),
                   "5号": ("late", "2016-09-30", [])}
    assert data["summary"]["repeats"] == 5 and data["summary"]["late"] == 2 and data["summary"]["invalid"] == 2
    said = next(r for r in data["records"] if r["document_number"].endswith("1号"))["issues"][0]["message"]
    assert "全年汇总 / 第 2 行（决定 2016-09-01，公开 2016-11-20）" in said and "结论都一样" in said


def test_copies_in_two_files_with_other_decision_dates_and_three_disagreeing_copies(tmp_path):
    """Two files give 7号 other decision dates, both overdue at the as-of day: overdue, said with both.
    8号 comes in three files with three publication dates: which copy is right is unknown, 数据有误."""
    folder = tmp_path / "报送"
    folder.mkdir()
    write_csv(folder / "区农业局_处罚台账_1.csv", [HEADER, ["西农罚〔2024〕7号", "甲", "2024-09-02", ""],
                                                 ["西农罚〔2024〕8号", "乙", "2024-09-02", "2024-09-10"]])
    write_csv(folder / "区农业局_处罚台账_2.csv", [HEADER, ["西农罚〔2024〕7号", "甲", "2024-09-09", ""],
                                                 ["西农罚〔2024〕8号", "乙", "2024-09-02", "2024-12-10"]])
    write_csv(folder / "区农业局_处罚台账_3.csv", [HEADER, ["西农罚〔2024〕8号", "乙", "2024-09-02", "2024-09-20"]])
    data = _check_folder(tmp_path, folder, "2024-12-31")
    got = {r["document_number"]: (r["status"], [i["code"] for i in r["issues"]]) for r in data["records"]}
    assert got == {"西农罚〔2024〕7号": ("overdue", ["duplicate-dates-differ"]),
                   "西农罚〔2024〕8号": ("invalid", ["duplicate-conflict"])}


def test_another_partys_published_row_is_no_refill_of_a_blank_one(tmp_path):
    """10月: 5号 甲 unpublished; 11月: 5号 乙 published, the same day. 乙's date is not 甲's 补公开: 甲's overdue
    decision must not vanish behind it (the copies disagree: 数据有误, naming the other)."""
    folder = tmp_path / "报送"
    folder.mkdir()
    write_csv(folder / "区人社局_10月.csv", [HEADER, ["西人社罚〔2016〕5号", "黄石甲公司", "2016-10-10", ""]])
    write_csv(folder / "区人社局_11月.csv", [HEADER, ["西人社罚〔2016〕5号", "黄石乙公司", "2016-10-10", "2016-10-12"]])
    data = _check_folder(tmp_path, folder, "2016-12-31")
    assert [(r["party"], r["status"]) for r in data["records"]] == [("黄石甲公司", "invalid")]
    assert "区人社局_11月.csv" in data["records"][0]["issues"][0]["message"]


def test_a_day_before_the_blank_copys_ledger_was_filled_in_is_no_refill(tmp_path):
    # probe p81 H1: September's ledger, filled in 2026-10-20, says 未公开 for a decision of 09-01 (deadline 09-29);
    # October's says published 09-20. September's could not have left it out: the copies disagree, and the verdict
    # turns on which is right (on time by one, overdue by the other): 数据有误, never 按时公开 without a word
    from helpers import write_xlsx

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    folder = tmp_path / "报送"
    for month, published, filed in (("9月", "未公开", "2026-10-20"), ("10月", "2026-09-20", "2026-11-05")):
        (folder / month).mkdir(parents=True)
        write_xlsx(folder / month / "区安监局_2026年行政处罚.xlsx", {"行政处罚": [
            ["区安监局行政处罚台账"], [f"填报单位：区安监局    填报日期：{filed}"], header,
            [1, "西安监罚〔2026〕31号", "甲公司", "2026-09-01", published]]})
    data = _check_folder(tmp_path, folder, "2026-11-30")
    [record] = data["records"]
    assert record["status"] == "invalid", record
    assert [i["code"] for i in record["issues"]] == ["duplicate-conflict"], record["issues"]


def test_a_day_after_the_blank_copys_ledger_was_filled_in_is_its_publication(tmp_path):
    # the same, October's day after September's 填报日期: a 补公开, one decision published on it (late)
    from helpers import write_xlsx

    header = ["序号", "行政处罚决定书文号", "当事人", "处罚决定日期", "公示日期"]
    folder = tmp_path / "报送"
    for month, published, filed in (("9月", "未公开", "2026-10-08"), ("10月", "2026-10-12", "2026-11-05")):
        (folder / month).mkdir(parents=True)
        write_xlsx(folder / month / "区安监局_2026年行政处罚.xlsx", {"行政处罚": [
            header, [1, "西安监罚〔2026〕31号", "甲公司", "2026-09-01", published], [],
            ["填报人：张三", None, "填报日期", "2026年" + filed[5:7] + "月" + filed[8:] + "日"]]})
    [record] = _check_folder(tmp_path, folder, "2026-11-30")["records"]
    assert (record["status"], record["published_date"], record["issues"]) == ("late", "2026-10-12", []), record


def test_a_day_before_the_latest_day_the_blank_copys_file_holds_is_no_refill(tmp_path):
    # no 填报日期: September's ledger holds a decision of 09-25 published 09-28, so it was written after 09-20
    folder = tmp_path / "报送"
    (folder / "9月").mkdir(parents=True)
    (folder / "10月").mkdir()
    write_csv(folder / "9月" / "区农业局_处罚台账.csv", [HEADER,
        ["西农罚〔2026〕1号", "甲", "2026-09-01", "未公开"], ["西农罚〔2026〕2号", "乙", "2026-09-25", "2026-09-28"]])
    write_csv(folder / "10月" / "区农业局_处罚台账.csv", [HEADER,
        ["西农罚〔2026〕1号", "甲", "2026-09-01", "2026-09-20"], ["西农罚〔2026〕2号", "乙", "2026-09-25", "2026-09-28"]])
    got = {r["document_number"]: (r["status"], [i["code"] for i in r["issues"]])
           for r in _check_folder(tmp_path, folder, "2026-11-30")["records"]}
    assert got["西农罚〔2026〕1号"] == ("invalid", ["duplicate-conflict"]), got
