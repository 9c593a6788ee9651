"""A ledger of permits and penalties in one table, each kind's 文书号 in its own column
(行政许可决定文书号 | 行政处罚决定书文号) and often each kind's decision date too: every row is the kind
of the column it filled, with that column's number. Read as one number column, the penalties were
counted as permits and shown as（无文书号）, so the unit's late penalties sat in its permit figures."""

from __future__ import annotations

import datetime as dt

from helpers import cli_check, write_csv, write_xlsx

HEADER = ["序号", "行政许可决定文书号", "行政处罚决定书文号", "行政相对人名称", "许可决定日期", "处罚决定日期", "公示日期"]
ROWS = [
    [1, "西卫许〔2024〕51号", None, "黄石某医院1", dt.date(2024, 9, 13), None, dt.date(2024, 10, 17)],
    [2, None, "西卫罚〔2024〕21号", "黄石某医院2", None, dt.date(2024, 9, 13), dt.date(2024, 10, 18)],
    [3, "西卫许〔2024〕52号", None, "黄石某医院3", dt.date(2024, 9, 30), None, None],
    [4, None, "西卫罚〔2024〕22号", "黄石某医院4", None, dt.date(2024, 10, 12), dt.date(2024, 11, 8)],
]


def _by_row(data: dict) -> dict[int, dict]:
    return {r["row"]: r for r in data["records"]}


def _check(tmp_path, path):
    code, data, output = cli_check(tmp_path, path, as_of="2024-12-31")
    assert data, output
    return code, _by_row(data), data


def test_each_row_takes_the_number_and_the_kind_of_the_column_it_filled(tmp_path):
    path = write_xlsx(tmp_path / "区卫健局_2024年双公示汇总.xlsx", {"双公示": [HEADER, *ROWS]})
    code, rows, data = _check(tmp_path, path)
    assert code == 1
    assert {r: (v["category"], v["document_number"]) for r, v in rows.items()} == {
        2: ("permit", "西卫许〔2024〕51号"), 3: ("penalty", "西卫罚〔2024〕21号"),
        4: ("permit", "西卫许〔2024〕52号"), 5: ("penalty", "西卫罚〔2024〕22号")}
    # 2024-09-13 + 20 working days (国庆 1–7 Oct, 9-29 and 10-12 worked) = 10-17: the penalty is a day late
    assert (rows[3]["status"], rows[3]["deadline"], rows[3]["working_days_late"]) == ("late", "2024-10-17", 1)
    assert rows[2]["status"] == "on_time" and rows[4]["status"] == "overdue" and rows[5]["status"] == "on_time"
    assert not any("document-number-missing" in v["issues"] for v in rows.values())
    table = data["unit_summary"]
    at = {name: table["columns"].index(name) for name in ("类别", "决定总数", "逾期公开", "逾期未公开")}
    kinds = {tuple(row[at[n]] for n in at) for row in table["rows"] if row[at["类别"]] in ("行政许可", "行政处罚")}
    assert kinds == {("行政许可", 2, 0, 1), ("行政处罚", 2, 1, 0)}
    notes = data["inputs"][0]["sheets"][0]["notes"]
    assert any("许可的文书号" in n and "处罚的文书号" in n for n in notes), notes


def test_a_row_without_a_number_is_the_kind_of_the_decision_date_it_filled(tmp_path):
    rows = ROWS + [[5, None, None, "黄石某医院5", None, dt.date(2024, 11, 1), dt.date(2024, 11, 5)]]
    path = write_xlsx(tmp_path / "区卫健局_2024年双公示汇总.xlsx", {"双公示": [HEADER, *rows]})
    _, by_row, _ = _check(tmp_path, path)
    assert by_row[6]["category"] == "penalty"
    assert by_row[6]["document_number"] == ""


def test_a_csv_export_of_the_combined_table_reads_the_same(tmp_path):
    text_rows = [[("" if v is None else v.isoformat() if isinstance(v, dt.date) else v) for v in row] for row in ROWS]
    path = write_csv(tmp_path / "区卫健局_2024年双公示汇总.csv", [HEADER, *text_rows], encoding="gb18030")
    _, by_row, _ = _check(tmp_path, path)
    assert [(v["category"], v["document_number"], v["status"]) for _, v in sorted(by_row.items())] == [
        ("permit", "西卫许〔2024〕51号", "on_time"), ("penalty", "西卫罚〔2024〕21号", "late"),
        ("permit", "西卫许〔2024〕52号", "overdue"), ("penalty", "西卫罚〔2024〕22号", "on_time")]


def test_a_licence_number_beside_the_penalty_number_makes_no_combined_table(tmp_path):
    # 许可证编号 is the party's licence, not a permit decision's number: every row stays a penalty
    header = ["序号", "行政处罚决定书文号", "许可证编号", "行政相对人名称", "处罚决定日期", "公示日期"]
    rows = [[1, "西卫罚〔2024〕21号", "JY14202030001", "黄石某医院1", dt.date(2024, 9, 13), dt.date(2024, 10, 18)],
            [2, "西卫罚〔2024〕22号", None, "黄石某医院2", dt.date(2024, 10, 12), dt.date(2024, 11, 8)]]
    path = write_xlsx(tmp_path / "区卫健局_2024年行政处罚.xlsx", {"处罚": [header, *rows]})
    _, by_row, _ = _check(tmp_path, path)
    assert [(v["category"], v["document_number"]) for _, v in sorted(by_row.items())] == [
        ("penalty", "西卫罚〔2024〕21号"), ("penalty", "西卫罚〔2024〕22号")]


def test_one_number_column_and_each_kinds_decision_date_column(tmp_path):
    # 决定文书号 | 许可决定日期 | 处罚决定日期: the date column a row filled says its kind (it was 许可 for all)
    header = ["序号", "决定文书号", "行政相对人名称", "许可决定日期", "处罚决定日期", "公示日期"]
    rows = [[1, "西卫许〔2024〕51号", "黄石某医院1", dt.date(2024, 9, 13), None, dt.date(2024, 10, 17)],
            [2, "西卫罚〔2024〕21号", "黄石某医院2", None, dt.date(2024, 9, 13), dt.date(2024, 10, 18)],
            [3, "西卫〔2024〕22号", "黄石某医院4", None, dt.date(2024, 10, 12), dt.date(2024, 11, 8)]]
    path = write_xlsx(tmp_path / "区卫健局_2024年双公示汇总.xlsx", {"双公示": [header, *rows]})
    _, by_row, _ = _check(tmp_path, path)
    assert [(v["category"], v["status"]) for _, v in sorted(by_row.items())] == [
        ("permit", "on_time"), ("penalty", "late"), ("penalty", "on_time")]


def test_each_kinds_publication_date_column_is_read_on_its_own_rows(tmp_path):
    # 许可公示日期 | 处罚公示日期: set aside as a duplicate, every penalty had no publication date (overdue)
    header = HEADER[:-1] + ["许可公示日期", "处罚公示日期"]
    rows = [row[:-1] + ([row[-1], None] if row[1] else [None, row[-1]]) for row in ROWS]
    path = write_xlsx(tmp_path / "区卫健局_2024年双公示汇总.xlsx", {"双公示": [header, *rows]})
    _, by_row, _ = _check(tmp_path, path)
    assert [(v["category"], v["published_date"], v["status"]) for _, v in sorted(by_row.items())] == [
        ("permit", "2024-10-17", "on_time"), ("penalty", "2024-10-18", "late"),
        ("permit", None, "overdue"), ("penalty", "2024-11-08", "on_time")]
