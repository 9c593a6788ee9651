"""One field table (compliance/fields.py) for ledgers and online lists, on real files in tmp_path.

The headers below are every header that the two former engines (ingest/columns.py and
online/columns.py) mapped differently and that now map by the one table with the ledger's
scoring: each is read here through the real readers.
"""

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.config import Config, load_config
from compliance.fields import BY_NAME, FIELDS, LEDGER, ONLINE, TABLE, categories, category_from_text
from compliance.ingest.load import load
from compliance.online.read import read_online_lists
from helpers import PENALTY_HEADER, write_csv, write_xlsx

D = dt.date
ROW = [1, "西安监罚〔2016〕1号", "甲公司", D(2016, 9, 1), D(2016, 9, 8), "区安监局"]
ONLINE_HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期"]
ONLINE_ROW = ["西安监罚〔2016〕1号", "甲公司", "2016-09-01", "2016-09-08"]


def test_a_config_synonym_works_for_a_ledger_and_for_an_online_list(tmp_path, monkeypatch):
    """[columns] published_date = ["网站发布日"]: the ledger's column and the list's column both read."""
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx",
                        {"处罚": [PENALTY_HEADER[:4] + ["网站发布日", "处罚机关"], ROW]})
    online = write_csv(tmp_path / "网站清单.csv", [ONLINE_HEADER[:3] + ["网站发布日"], ONLINE_ROW[:3] + ["2016-09-08"]])
    args = ["check", str(ledger), "--online", str(online), "--as-of", "2016-12-31", "--json", "-",
            "--out", str(tmp_path / "报告.xlsx")]
    monkeypatch.chdir(tmp_path)
    without = CliRunner().invoke(main, args)
    assert without.exit_code == 2 and "网站清单.csv" in without.output  # the list has no date column
    (tmp_path / "compliance.toml").write_text('[columns]\npublished_date = ["网站发布日"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, args)
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    record = payload["records"][0]
    assert record["published_date"] == "2016-09-08" and record["status"] == "on_time"
    assert record["online"]["result"] == "confirmed"  # the list's date was read by the same synonym
    assert payload["online_lists"][0]["date_columns"] == ["网站发布日"]


# -- headers a ledger now reads (words the online engine knew) --------------------------------
@pytest.mark.parametrize("header, field", [
    ("上线日期", "published_date"), ("上线时间", "published_date"),
    ("入库日期", "published_date"), ("更新日期", "published_date"),  # weak stand-ins, as 入库时间/更新时间 were
    ("发文机关", "unit"),
    ("文书编号", "document_number"),
    # met in units' ledgers: the decision document's date, 挂网 (posted online), who issued the licence
    ("处罚决定书日期", "decision_date"), ("作出处罚决定的日期", "decision_date"), ("处罚时间", "decision_date"),
    ("挂网时间", "published_date"), ("发证机关", "unit"), ("处罚单位", "unit"), ("执法机构", "unit"),
    ("持证人", "party"), ("持证单位", "party"),  # a licence ledger's holder
    ("公示开始日期", "published_date"), ("公示起始日期", "published_date"),  # the notice period's first day
    ("签发日期", "decision_date"), ("签发时间", "decision_date"),  # probe: a ledger dated by its signing
])
def test_ledger_headers_that_now_map(tmp_path, header, field):
    index = {"document_number": 1, "party": 2, "decision_date": 3, "published_date": 4, "unit": 5}[field]
    header_row = list(PENALTY_HEADER)
    header_row[index] = header
    path = write_xlsx(tmp_path / "表.xlsx", {"处罚": [header_row, ROW]})
    record = load([path]).records.iloc[0]
    expected = {"document_number": "西安监罚〔2016〕1号", "unit": "区安监局", "decision_date": dt.datetime(2016, 9, 1),
                "party": ROW[2]}
    if field == "published_date":
        assert record["published_date"] == dt.datetime(2016, 9, 8) and record["published_problem"] is None
    else:
        assert record[field] == expected[field]


# -- headers an online list now reads (words and scoring the ledger engine had) -------------
@pytest.mark.parametrize("header", ["决定部门", "处罚部门", "实施单位", "实施部门", "审批单位", "审批部门",
                                    "执法单位", "执法部门", "许可部门", "填报单位", "报送单位"])
def test_online_unit_headers_that_now_map(tmp_path, header):
    path = write_csv(tmp_path / "list.csv", [ONLINE_HEADER + [header], ONLINE_ROW + ["区安监局"]])
    entries, _ = read_online_lists([path])
    assert entries["unit"].tolist() == ["区安监局"]


@pytest.mark.parametrize("header", ["分类", "许可/处罚", "许可或处罚"])
def test_online_category_headers_that_now_map(tmp_path, header):
    # 行政许可决定书文号 says permit; the category column says otherwise for this entry
    path = write_csv(tmp_path / "list.csv", [["行政许可决定书文号", "行政相对人名称", "公示日期", header],
                                             ["西人社许〔2016〕1号", "甲公司", "2016-09-08", "行政处罚"]])
    entries, _ = read_online_lists([path])
    assert entries["category"].tolist() == ["penalty"]


# Every pair the old online engine decided the other way (found by mapping all pairs of known headers).
DECIDING_UNITS = ("处罚机关", "许可机关", "决定机关", "单位", "机关", "部门", "所属单位", "执法机关", "实施机关",
                  "审批机关", "发布机构", "发文机关", "公开单位", "来源")
SHORTER_DATES = ("公开日期", "公示日期", "发布日期", "上网日期", "上线日期", "上线时间", "上网时间", "公开时间",
                 "公示时间", "发布时间", "上网公开时间", "公布日期", "挂网日期", "生成日期")


@pytest.mark.parametrize("stand_in, unit", [("数据来源单位", u) for u in DECIDING_UNITS]
                         + [("来源单位", u) for u in ("单位", "机关", "部门", "许可机关")]
                         + [("信息来源", u) for u in DECIDING_UNITS])
def test_online_who_decided_now_wins_over_who_sent_the_data(tmp_path, stand_in, unit):
    """数据来源单位, 来源单位 and 信息来源 are weak stand-ins, as 数据来源单位 is in ledgers."""
    path = write_csv(tmp_path / "list.csv", [ONLINE_HEADER + [stand_in, unit], ONLINE_ROW + ["报送者", "决定者"]])
    entries, _ = read_online_lists([path])
    assert entries["unit"].tolist() == ["决定者"]


def test_online_stand_ins_for_the_unit_tie_to_the_leftmost(tmp_path):
    path = write_csv(tmp_path / "list.csv", [ONLINE_HEADER + ["信息来源", "数据来源单位"], ONLINE_ROW + ["左", "右"]])
    entries, _ = read_online_lists([path])
    assert entries["unit"].tolist() == ["左"]  # the old engine took 数据来源单位 (the longer word)


@pytest.mark.parametrize("shorter, specific", [(d, s) for d in SHORTER_DATES for s in ("网上公开日期", "公开发布日期")])
def test_online_the_more_specific_publication_header_now_wins(tmp_path, shorter, specific):
    path = write_csv(tmp_path / "list.csv", [ONLINE_HEADER[:3] + [shorter, specific],
                                             ONLINE_ROW[:3] + ["2016-09-20", "2016-09-08"]])
    entries, lists = read_online_lists([path])
    # the specific header is the list's publication date; the other, a second one, dates an entry when
    # it is earlier (docs/rules.md §9: the earliest publication counts), here it is later
    assert lists[0].date_columns[0] == specific
    assert entries["online_date"].tolist() == [dt.datetime(2016, 9, 8)]


def test_a_bare_name_is_the_party_in_a_ledger_and_the_title_in_an_online_list(tmp_path):
    ledger = write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"处罚": [["文书号", "名称", "决定日期", "公开日期"],
                                                             ["西安监罚〔2016〕1号", "甲公司", D(2016, 9, 1), D(2016, 9, 8)]]})
    assert load([ledger]).records["party"].tolist() == ["甲公司"]
    online = write_csv(tmp_path / "gov.csv", [["名称", "发布日期"], ["关于对甲公司的行政处罚决定书（西安监罚〔2016〕1号）", "2016-09-08"]])
    entries, _ = read_online_lists([online])
    assert entries["number_key"].tolist() == ["西安监罚〔2016〕1号"] and entries["party"].tolist() == ["甲公司"]


def test_update_time_alone_is_a_weak_date_in_an_online_list(tmp_path):
    path = write_csv(tmp_path / "list.csv", [["行政处罚决定书文号", "更新日期"], ["西安监罚〔2016〕1号", "2016-09-08"]])
    entries, lists = read_online_lists([path])
    assert lists[0].update_only and entries["update_only"].tolist() == [True]


def test_online_list_header_below_a_metadata_line_and_a_title(tmp_path):
    """The one header finder: a 填报单位 line and a title above the header, as in ledgers."""
    path = write_xlsx(tmp_path / "list.xlsx", {"导出": [["行政处罚信息公示 导出数据"], ["填报单位：区安监局", "公示日期：2016-12-30"],
                                                     ONLINE_HEADER, ONLINE_ROW]})
    entries, _ = read_online_lists([path])
    assert entries["number_key"].tolist() == ["西安监罚〔2016〕1号"] and entries["row"].tolist() == [4]


# -- one category guesser ---------------------------------------------------------------------
@pytest.mark.parametrize("title, category", [
    ("关于吊销某公司许可证的决定", "penalty"),  # 吊销许可证 is a penalty (行政处罚法 第九条); the old list guesser said none
    ("关于对某公司罚款的决定", "penalty"),  # a kind of penalty without the word 处罚
    ("行政许可和行政处罚信息", None),  # says both: not guessed (the old list guesser said penalty)
    ("关于准予某公司行政许可的决定", "permit"),
    ("某项目审批结果", "permit"),
])
def test_online_titles_are_guessed_like_ledger_cells(tmp_path, title, category):
    path = write_csv(tmp_path / "gov.csv", [["标题", "发布日期"], [title, "2016-09-08"]])
    entries, _ = read_online_lists([path])
    assert entries["category"].tolist() == [category]


def test_online_entries_take_the_file_names_category_when_nothing_else_says(tmp_path):
    path = write_csv(tmp_path / "行政许可公示.csv", [["标题", "发布日期"], ["某某信息", "2016-09-08"]])
    entries, _ = read_online_lists([path])
    assert entries["category"].tolist() == ["permit"]


@pytest.mark.parametrize("text, category", [
    ("许可", "permit"), ("行政处罚", "penalty"), ("XK", "permit"), ("cf", "penalty"), ("数据_XK_2016", "permit"),
    ("审批CF", "penalty"), ("吊销许可证", "penalty"), ("许可/处罚", None), ("备注", None), ("", None),
])
def test_one_guesser_for_a_column_and_a_single_text(text, category):
    assert category_from_text(text) == category
    assert categories([text, text, "行政处罚"]).tolist() == [category, category, "penalty"]


def test_unit_from_the_unit_line_is_spelled_like_unit_cells(tmp_path):
    path = write_xlsx(tmp_path / "表.xlsx", {"处罚": [["填报单位：区（东）安监局"], PENALTY_HEADER[:5],
                                                  ROW[:5]]})
    assert load([path]).records["unit"].tolist() == ["区(东)安监局"]


def test_the_table_says_what_each_field_means_and_where_it_comes_from(tmp_path):
    assert FIELDS == tuple(f.name for f in TABLE) and len(set(FIELDS)) == len(FIELDS)
    for f in TABLE:
        assert f.label and f.meaning and f.source and (f.words.contains or f.words.exact), f.name
        assert set(f.readers) <= {LEDGER, ONLINE} and set(f.only) <= set(f.readers), f.name
    assert BY_NAME["title"].readers == (ONLINE,)
    # every field of the table is a valid [columns] key
    (tmp_path / "compliance.toml").write_text("[columns]\n" + "".join(f'{n} = ["自定义{i}"]\n' for i, n in
                                                                    enumerate(FIELDS)), encoding="utf-8")
    assert isinstance(load_config(tmp_path / "compliance.toml"), Config)


def test_docs_list_the_table_as_it_is():
    """docs/fields.md is generated from the table; a word added to the table must reach the docs."""
    from pathlib import Path

    from compliance.fields_doc import markdown

    docs = Path(__file__).parent.parent / "docs" / "fields.md"
    assert docs.read_text(encoding="utf-8") == markdown(), "regenerate docs/fields.md (see its first lines)"


def test_the_end_of_the_notice_period_is_never_the_publication_date(tmp_path):
    """公示结束日期 / 公示到期日期 (years after the decision) beside the start: only the start is read; alone,
    no publication column is found (数据有误), never a false 逾期公开 three years late."""
    header_row = list(PENALTY_HEADER)
    header_row[4] = "公示开始日期"
    both = write_xlsx(tmp_path / "甲.xlsx", {"处罚": [header_row + ["公示结束日期"], ROW + [dt.date(2019, 9, 8)]]})
    record = load([both]).records.iloc[0]
    assert record["published_date"] == dt.datetime(2016, 9, 8) and record["published_problem"] is None
    for end in ("公示结束日期", "公示到期日期", "公示期满日期", "公开终止日期"):
        header_row[4] = end
        alone = write_xlsx(tmp_path / "乙.xlsx", {"处罚": [header_row, ROW[:4] + [dt.date(2019, 9, 8)] + ROW[5:]]})
        record = load([alone]).records.iloc[0]
        assert record["published_problem"] == "published-column-missing", end


def test_the_standards_field_codes_as_the_only_header_are_read_by_their_names(tmp_path):
    # probe: a platform template whose header is the codes alone (CF_WSH, cf_jdrq) was refused (找不到表头);
    # the list of what is online may come the same way. The codes also say the category.
    (tmp_path / "报送").mkdir()
    ledger = write_xlsx(tmp_path / "报送" / "区安监局台账.xlsx", {"Sheet1": [
        ["CF_XDR_MC", "CF_XDR_SHXYM", "cf_wsh", "CF_JDRQ", "公示日期", "CF_CFJG", "BZ"],
        ["甲公司", "91420203MA4D4Q16JR", "西安监罚〔2016〕1号", D(2016, 9, 1), D(2016, 9, 8), "区安监局", None],
        ["乙公司", "12345", "西安监罚〔2016〕2号", D(2016, 9, 1), None, "区安监局", "已在区政府网站公开"]]})
    online = write_csv(tmp_path / "信用网站导出.csv", [["CF_WSH", "CF_XDR_MC", "CF_JDRQ", "CF_SJLY", "公示日期"],
                                                   ["西安监罚〔2016〕1号", "甲公司", "2016-09-01", "区安监局", "2016-09-08"]])
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger.parent), "--online", str(online), "--as-of", "2016-12-31",
                                       "--json", str(out), "-o", str(tmp_path / "r.xlsx"), "--no-history"])
    assert result.exit_code == 1, result.output
    records = json.loads(out.read_text(encoding="utf-8"))["records"]
    assert [(r["document_number"], r["party"], r["unit"], r["category"], r["status"]) for r in records] == [
        ("西安监罚〔2016〕1号", "甲公司", "区安监局", "penalty", "on_time"),
        ("西安监罚〔2016〕2号", "乙公司", "区安监局", "penalty", "invalid")]
    codes = [i["code"] for i in records[1]["issues"]]
    assert "published-marked-no-date" in codes  # BZ is the 备注
    assert "uscc-invalid" in codes and "uscc-invalid" not in [i["code"] for i in records[0]["issues"]]  # CF_XDR_SHXYM
    assert records[0]["online"]["result"] == "confirmed"


@pytest.mark.parametrize("header", ["复议决定日期", "行政复议决定日期", "诉讼判决日期"])
def test_another_bodys_decision_date_is_no_decision_date(header):
    # probe_sheets: a penalty ledger's 复议决定日期 beside 处罚日期 was a second decision-date column, and where
    # 处罚日期 was blank the reconsideration's date became the decision's (its deadline, its lateness)
    from compliance.fields import FieldRules
    assert "decision_date" not in FieldRules().score(header)


@pytest.mark.parametrize("header", ["变更决定日期", "撤销决定日期"])
def test_the_units_own_change_or_revocation_decision_dates_its_ledger(header):
    # fourth review: a permit 变更 ledger dated only by 变更决定日期 was refused (找不到决定日期列)
    from compliance.fields import FieldRules
    assert "decision_date" in FieldRules().score(header)
