"""--online: the ledger checked against what is actually online (issue 12), on real files in tmp_path."""

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from compliance.api import check
from compliance.cli import main
from compliance.errors import OnlineListError
from compliance.online.columns import numbers_from_titles
from helpers import PENALTY_HEADER, write_csv, write_xlsx

D = dt.date
AS_OF = D(2016, 12, 31)
RUN_DATE = D(2017, 1, 5)
CREDIT_HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "更新时间", "处罚机关"]
GOV_HEADER = ["索引号", "标题", "发布机构", "发布日期", "文号", "链接"]
UNIT = "区安监局"


def ledger_row(i, number=None, decided=D(2016, 9, 1), published=D(2016, 9, 8), party=None):
    return [i, f"西安监罚〔2016〕{i}号" if number is None else number, party or f"公司{i}", decided, published, UNIT]


def credit_row(number, party, decided, shown, updated="2016-12-01 10:00:00", unit=UNIT):
    return [number, party, decided, shown, updated, unit]


@pytest.fixture
def ledger(tmp_path):
    def make(*rows):
        return write_xlsx(tmp_path / "区安监局_2016年行政处罚.xlsx", {"Sheet1": [PENALTY_HEADER, *rows]})
    return make


@pytest.fixture
def credit(tmp_path):
    def make(*rows, name="credit.csv", header=CREDIT_HEADER):
        return write_csv(tmp_path / name, [header, *rows])
    return make


def run_check(ledger_path, *online, since=None, month=None):
    return check([ledger_path], as_of=AS_OF, run_date=RUN_DATE, online=[str(p) for p in online],
                 online_since=since, month=month)


def results(run):
    return dict(zip(run.records["document_number"], run.records["online_result"].astype(str)))


def online_note(run, i: int) -> str:
    """The message of record ``i``'s website-check problem, as every output renders it."""
    [found] = [p for p in run.issues[i] if p.code == run.records["online_problem"].iloc[i]]
    return found.message


# -- each result kind ------------------------------------------------------------------
def test_confirmed_when_dates_agree_or_ledger_had_none(ledger, credit):
    path = ledger(ledger_row(1), ledger_row(2, published=None))
    lst = credit(credit_row("西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚〔2016〕2号", "公司2", "2016-09-01", "2016-09-09"))
    run = run_check(path, lst)
    assert results(run) == {"西安监罚〔2016〕1号": "confirmed", "西安监罚〔2016〕2号": "confirmed"}
    second = run.records.iloc[1]
    assert second["published_date"] == pd.Timestamp("2016-09-09") and second["status"] == "on_time"
    assert second["online_source_row"] == 3 and second["online_source_file"] == str(lst)


def test_date_differs_is_judged_on_the_online_date_and_keeps_both(ledger, credit):
    path = ledger(ledger_row(1, decided=D(2016, 9, 1), published=D(2016, 9, 8)))
    run = run_check(path, credit(credit_row("西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-11-01")))
    record = run.records.iloc[0]
    assert record["online_result"] == "date-differs" and record["status"] == "late"
    assert record["ledger_published_date"] == pd.Timestamp("2016-09-08")
    assert record["online_published_date"] == pd.Timestamp("2016-11-01")
    assert online_note(run, 0) == "台账公开日期 2016-09-08，网站公开日期 2016-11-01，按网站日期判定"


def test_not_found_is_judged_unpublished_and_a_claimed_date_is_a_problem(ledger, credit):
    path = ledger(ledger_row(1), ledger_row(2, decided=D(2016, 12, 28), published=None), ledger_row(3))
    run = run_check(path, credit(credit_row("西安监罚〔2016〕3号", "公司3", "2016-09-01", "2016-09-08")))
    one, two = run.records.iloc[0], run.records.iloc[1]
    assert one["online_result"] == "not-found" and one["status"] == "overdue" and pd.isna(one["published_date"])
    assert one["online_problem"] == "online-not-found-claimed"
    assert online_note(run, 0) == "台账填写已公开（2016-09-08），网站未见，按未公开判定"
    # its deadline falls after the list's latest date (updated 2016-12-01): the list could not show it (issue 20.12)
    assert two["online_result"] == "not-verifiable" and two["status"] == "pending"
    assert two["online_problem"] == "online-not-covered"


def test_not_verifiable_before_the_lists_earliest_date(ledger, credit):
    path = ledger(ledger_row(1, decided=D(2016, 1, 5), published=D(2016, 1, 8)), ledger_row(2))
    run = run_check(path, credit(credit_row("西安监罚〔2016〕2号", "公司2", "2016-09-01", "2016-09-08")))
    record = run.records.iloc[0]
    assert record["online_result"] == "not-verifiable" and record["status"] == "on_time"
    assert record["published_date"] == pd.Timestamp("2016-01-08")  # judged on the ledger
    assert "早于网站清单的起始日期 2016-09-08" in online_note(run, 0)


def test_online_since_widens_what_is_not_verifiable(ledger, credit):
    path = ledger(ledger_row(1, decided=D(2016, 9, 1)), ledger_row(2, decided=D(2016, 11, 1), published=D(2016, 11, 8)))
    lst = credit(credit_row("西安监罚〔2016〕9号", "公司9", "2016-03-01", "2016-03-08"),
                 credit_row("西安监罚〔2016〕10号", "公司10", "2016-11-20", "2016-11-25"))  # it holds November's decisions
    assert results(run_check(path, lst))["西安监罚〔2016〕1号"] == "not-found"
    since = results(run_check(path, lst, since=D(2016, 10, 1)))
    assert since == {"西安监罚〔2016〕1号": "not-verifiable", "西安监罚〔2016〕2号": "not-found"}


def test_ambiguous_lists_every_candidate_and_keeps_the_ledger(ledger, credit):
    path = ledger(ledger_row(1, number=""))
    lst = credit(credit_row("", "公司1", "2016-09-01", "2016-09-08"), credit_row("", "公司1", "2016-09-01", "2016-09-20"))
    run = run_check(path, lst)
    record = run.records.iloc[0]
    assert record["online_result"] == "ambiguous" and record["published_date"] == pd.Timestamp("2016-09-08")
    assert "credit.csv 第2行 2016-09-08；credit.csv 第3行 2016-09-20" in online_note(run, 0)
    assert run.online.entries_ambiguous == 2 and len(run.online.online_only) == 0


def test_online_entries_missing_from_the_ledger_are_online_only(ledger, credit):
    path = ledger(ledger_row(1))
    lst = credit(credit_row("西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚〔2016〕7号", "公司7", "2016-10-01", "2016-10-08", unit="西塞山区安全生产监督管理局"))
    run = run_check(path, lst)
    only = run.online.online_only
    # the list's spelling of the ledger's unit is shown as the ledger writes it (ingest/unit_spellings.py)
    assert list(only["number"]) == ["西安监罚〔2016〕7号"] and list(only["unit"]) == ["区安监局"]


# -- matching -----------------------------------------------------------------------
def test_numbers_match_across_bracket_forms_full_width_and_spaces(ledger, credit):
    path = ledger(ledger_row(1), ledger_row(2), ledger_row(3), ledger_row(4, number="西安监罚〔2016〕4"),
                  ledger_row(5, number="西安监罚字〔2016〕5号"))
    lst = credit(credit_row("西安监罚[2016]1号", "公司1", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚（２０１６）２号", "公司2", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚 (2016) 3号", "公司3", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚〔2016〕4号", "公司4", "2016-09-01", "2016-09-08"),  # the ledger left off 号
                 credit_row("西安监罚〔2016〕第5号", "公司5", "2016-09-01", "2016-09-08"))  # and wrote 字
    assert set(results(run_check(path, lst)).values()) == {"confirmed"}


@pytest.mark.parametrize("title, number", [
    ("关于对黄石市某某公司的行政处罚决定书（西安监罚〔2016〕31号）", "西安监罚〔2016〕31号"),
    ("关于对黄石市某某公司的行政处罚决定书（西安监罚[2016]31号）", "西安监罚〔2016〕31号"),
    ("关于对黄石市某某公司的行政处罚决定书（西安监罚［2016］31号）", "西安监罚〔2016〕31号"),
    ("关于对黄石市某某公司的行政处罚决定书（西安监罚（2016）31号）", "西安监罚〔2016〕31号"),
    ("关于对黄石市某某公司的行政处罚决定书(西安监罚(2016)31号)", "西安监罚〔2016〕31号"),
    ("关于对黄石市某某公司的行政处罚决定书（西安监罚〔２０１６〕３１号）", "西安监罚〔2016〕31号"),
    ("行政处罚决定书 西环罚【2016】7号", "西环罚〔2016〕7号"),
    ("关于准予某公司行政许可的决定（西人社许〔2016〕第8号）", "西人社许〔2016〕8号"),  # 第 8 号 = 8 号
    ("区安监局2016年工作总结", ""),
    # a later act on the decision is not its publication
    ("关于撤销西安监罚〔2019〕15号行政处罚决定的决定", ""), ("关于更正西人社许〔2016〕8号许可决定的公告", ""),
    ("关于对西安监罚〔2019〕15号行政处罚决定予以更正的决定", ""),
    # the same words as the decision's own matter: its number counts
    ("关于准予甲公司变更劳务派遣经营许可的决定（西人社许〔2023〕5号）", "西人社许〔2023〕5号"),
    ("乙公司劳务派遣经营许可变更决定书（西人社许〔2023〕6号）", "西人社许〔2023〕6号"),
    ("关于对丙公司未按规定办理变更登记的行政处罚决定书（西市监罚〔2023〕5号）", "西市监罚〔2023〕5号"),
    ("关于撤销许可的行政处罚决定书（西市监罚〔2023〕9号）", "西市监罚〔2023〕9号"),
    # a title cut short by the site: 1… may be 15号, never read as 1号
    ("关于对黄石市恒达建材有限公司的行政处罚决定书（西市监罚〔2026〕1…", ""),
    ("关于对黄石市恒达建材有限公司的行政处罚决定书（西市监罚〔2026〕1...", ""),
])
def test_number_extraction_from_titles(title, number):
    found = numbers_from_titles(pd.Series([title]))
    assert found.loc[~found["later"], "number"].tolist() == ([number] if number else [])


def test_a_batch_notice_gives_every_number_it_names():
    found = numbers_from_titles(pd.Series(["无关标题", "行政处罚决定书公示（西市监罚〔2023〕5号、西市监罚〔2023〕6号、西市监罚[2023]7号）"]))
    assert found.values.tolist() == [[1, "西市监罚〔2023〕5号", False], [1, "西市监罚〔2023〕6号", False],
                                     [1, "西市监罚〔2023〕7号", False]]


def test_government_list_matches_by_the_number_inside_the_title(ledger, tmp_path):
    path = ledger(ledger_row(31), ledger_row(32))
    gov = write_xlsx(tmp_path / "gov.xlsx", {"信息公开目录": [
        ["西塞山区政府信息公开目录"], GOV_HEADER,
        ["011/2016-1", "关于对公司31的行政处罚决定书（西安监罚（２０１６）３１号）", "西塞山区安全生产监督管理局",
         "2016-09-08", "", "http://x/1"],
        ["011/2016-2", "关于对公司32的行政处罚决定书(西安监罚[2016]32号)", "西塞山区安全生产监督管理局",
         "2016-09-30", None, "http://x/2"]]})
    run = run_check(path, gov)
    assert results(run) == {"西安监罚〔2016〕31号": "confirmed", "西安监罚〔2016〕32号": "date-differs"}
    assert run.records["online_source_sheet"].tolist() == ["信息公开目录"] * 2
    assert run.records["online_source_row"].tolist() == [3, 4]
    assert run.online.lists[0].date_columns == ["发布日期"]


def test_name_and_date_when_either_side_lacks_a_number(ledger, credit):
    path = ledger(ledger_row(1, number="无", party="黄石市 某某（分公司）"), ledger_row(2), ledger_row(3))
    lst = credit(credit_row("西安监罚〔2016〕9号", "黄石市某某(分公司)", "2016-09-01", "2016-09-08"),
                 credit_row("", "公司2", "2016-09-01", "2016-09-08"),
                 credit_row("", "公司3", "2016-09-01", "2016-09-08", unit="区环保局"))  # another unit
    # another unit's entry for the party that day is no match, but no 网站未见 either: a credit site often
    # lists a decision under another office's name (the city bureau's); which it is cannot be told
    assert results(run_check(path, lst)) == {"": "confirmed", "西安监罚〔2016〕2号": "confirmed",
                                             "西安监罚〔2016〕3号": "ambiguous"}


def test_two_different_numbers_never_confirm_and_never_accuse(ledger, credit):
    """Same party, decision date and unit under another number (a dropped prefix, a typo, or another
    decision that day): neither 一致 nor 网站未见, but 无法确定对应 naming the entry; another party is
    still not this decision."""
    path = ledger(ledger_row(1), ledger_row(2))
    lst = credit(credit_row("西安监罚〔2016〕99号", "公司1", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚〔2016〕98号", "别的公司", "2016-09-01", "2016-09-08"))
    run = run_check(path, lst)
    assert results(run) == {"西安监罚〔2016〕1号": "ambiguous", "西安监罚〔2016〕2号": "not-found"}
    assert online_note(run, 0).startswith("网站清单中有当事人、决定日期都相同但文书号不同的信息（credit.csv 第2行"
                                          "（西安监罚〔2016〕99号） 2016-09-08）")
    assert list(run.online.online_only["number"]) == ["西安监罚〔2016〕98号"]


def test_unit_aliases_from_the_config(ledger, credit):
    from compliance.config import Config

    path = ledger(ledger_row(2, number=""))
    # 安监 became 应急管理 in the 2018 reform: only the config can say the two names are one unit
    lst = credit(credit_row("", "公司2", "2016-09-01", "2016-09-08", unit="西塞山区应急管理局"))
    plain = run_check(path, lst)
    # without the alias the list holds another unit only: it cannot show 区安监局's decisions (issue 20.12), but
    # its entry for the same party on the decision day may be this one (the last look ignores unit names, as
    # a city bureau's name on a credit site does): 无法确定对应, and that entry is no 台账未登记
    assert results(plain) == {"": "ambiguous"}
    assert plain.online.online_only.empty
    aliased = check([path], as_of=AS_OF, run_date=RUN_DATE, online=[lst],
                    config=Config(units={"区安监局": ["西塞山区应急管理局"]}))
    assert results(aliased) == {"": "confirmed"}


def test_the_same_decision_in_two_lists_takes_the_earliest_date(ledger, credit):
    path = ledger(ledger_row(1, published=D(2016, 9, 8)))
    first = credit(credit_row("西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-08"), name="a.csv")
    second = credit(credit_row("西安监罚[2016]1号", "公司1", "2016-09-01", "2016-09-20"), name="b.csv")
    run = run_check(path, first, second)
    assert results(run) == {"西安监罚〔2016〕1号": "confirmed"}
    assert run.online.entries_matched == 2 and len(run.online.online_only) == 0


# -- dates the list offers ------------------------------------------------------------------
def test_first_publication_date_is_preferred_over_update_time(ledger, credit):
    path = ledger(ledger_row(1))
    header = ["入库时间", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上线日期", "处罚机关"]
    lst = credit(["2016-12-01 10:00", "西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-08", UNIT], header=header)
    run = run_check(path, lst)
    assert results(run) == {"西安监罚〔2016〕1号": "confirmed"}
    assert run.online.lists[0].date_columns == ["上线日期"] and not run.online.lists[0].update_only
    assert not run.records["online_update_only"].any()


def test_update_date_only_is_used_with_a_note(ledger, credit):
    path = ledger(ledger_row(1))
    header = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "数据来源单位", "入库时间"]
    lst = credit(["西安监罚〔2016〕1号", "公司1", "2016-09-01", UNIT, "2016-09-08 18:30:00"], header=header)
    run = run_check(path, lst)
    record = run.records.iloc[0]
    assert record["online_result"] == "confirmed" and record["online_update_only"]
    assert run.online.lists[0].update_only and run.online.lists[0].date_columns == ["入库时间"]
    assert {"code": "online-update-date-only", "level": "record",
            "message": "网站清单只有更新时间（入库时间），不一定是首次公开日期，据此判定证明力较弱"} \
        in [p.to_json() for p in run.issues[0]]


def test_an_online_list_without_a_header_is_a_fault(ledger, credit, tmp_path):
    bad = write_csv(tmp_path / "x.csv", [["甲", "乙"], ["1", "2"]])
    with pytest.raises(OnlineListError, match="找不到网站清单的表头"):
        run_check(ledger(ledger_row(1)), bad)


# -- reconciliation ------------------------------------------------------------------------
def test_counts_reconcile(ledger, credit):
    path = ledger(ledger_row(1), ledger_row(2), ledger_row(3, number=""), ledger_row(4),
                  ledger_row(5, decided=D(2016, 1, 4), published=D(2016, 1, 6)))
    lst = credit(credit_row("西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚〔2016〕2号", "公司2", "2016-09-01", "2016-09-30"),
                 credit_row("", "公司3", "2016-09-01", "2016-09-08"), credit_row("", "公司3", "2016-09-01", "2016-09-09"),
                 credit_row("西安监罚〔2016〕8号", "公司8", "2016-09-01", "2016-09-08"))
    run = run_check(path, lst)
    online = run.online
    assert online.counts == {"confirmed": 1, "date-differs": 1, "not-found": 1, "not-verifiable": 1, "ambiguous": 1}
    assert sum(online.counts.values()) == len(run.records) == 5
    assert (online.entries_matched, online.entries_ambiguous, len(online.online_only)) == (2, 2, 1)
    assert online.entries_matched + online.entries_ambiguous + len(online.online_only) == online.entries == 5


def test_month_keeps_online_only_entries_of_that_month(ledger, credit):
    path = ledger(ledger_row(1))
    lst = credit(credit_row("西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚〔2016〕7号", "公司7", "2016-09-02", "2016-09-08"),
                 credit_row("西安监罚〔2016〕8号", "公司8", "2016-10-02", "2016-10-08"))
    run = run_check(path, lst, month="2016-09")
    assert list(run.online.online_only["number"]) == ["西安监罚〔2016〕7号"]
    assert run.online.entries_other_months == 1


# -- the CLI end to end ------------------------------------------------------------------------
def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="compliance")


def test_cli_with_online_writes_the_sheets_and_json(ledger, credit, tmp_path):
    path = ledger(ledger_row(1), ledger_row(2), ledger_row(3))
    lst = credit(credit_row("西安监罚〔2016〕1号", "公司1", "2016-09-01", "2016-09-08"),
                 credit_row("西安监罚〔2016〕2号", "公司2", "2016-09-01", "2016-10-28"),
                 credit_row("西安监罚〔2016〕9号", "公司9", "2016-09-01", "2016-09-08"))
    out, js = tmp_path / "r.xlsx", tmp_path / "r.json"
    result = cli("check", path, "--as-of", "2016-12-31", "--online", lst, "--out", out, "--json", js)
    assert result.exit_code == 1, result.output
    assert "网站核对：一致 1，网站未见 1，日期不符 1，无法确定对应 0，无法核对 0，台账未登记 1。" in result.output
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["汇总", "逾期清单", "公开核对", "数据问题", "全部记录", "说明"]
    rows = list(book["公开核对"].iter_rows(values_only=True))
    assert rows[0][0] == "台账与网站公开清单核对（网站实际公开情况）"
    assert rows[2][:4] == ("单位", "核对结果", "类别", "文书号")
    assert [r[1] for r in rows[3:]] == ["网站未见", "日期不符", "台账未登记"]
    assert rows[3][10] == "台账填写已公开，网站未见，按未公开判定"
    # where each came from, written one way: a CSV's name is no sheet (it was written twice), a matched entry's
    # workbook sheet is named as an unmatched one's is (probe p96 L2)
    assert [r[12] for r in rows[3:]] == [None, "网站清单 credit.csv 第 3 行", "网站清单 credit.csv 第 4 行"]
    assert rows[4][11].endswith(" 第 3 行") and "  " not in rows[4][11]
    header = next(book["全部记录"].iter_rows(values_only=True))
    assert header[8:12] == ("公开日期", "台账公开日期", "网站公开日期", "核对结果")
    summary = list(book["汇总"].iter_rows(values_only=True))
    heads = summary[2]
    after_rates = heads.index("完整率") + 1
    assert heads[after_rates:after_rates + 3] == ("网站未见", "日期不符", "台账未登记")
    assert summary[-1][heads.index("台账未登记")] == 1
    about = [r[1] for r in book["说明"].iter_rows(values_only=True) if r[0] == "网站清单"]
    assert len(about) == 1 and "credit.csv；3 行；日期列：公示日期；日期范围：2016-09-08 至 2016-10-28" in about[0]
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["records"][1]["online"] == {"result": "date-differs", "published_date": "2016-10-28",
                                            "site_decision_date": None,
                                            "source": {"file": str(lst), "sheet": "credit", "row": 3}}
    assert data["records"][2]["online"] == {"result": "not-found", "published_date": None, "site_decision_date": None,
                                            "source": None}
    assert [o["document_number"] for o in data["online_only"]] == ["西安监罚〔2016〕9号"]


def test_without_online_nothing_changes(ledger, tmp_path):
    path = ledger(ledger_row(1))
    result = cli("check", path, "--as-of", "2016-12-31", "--out", tmp_path / "r.xlsx", "--json", tmp_path / "r.json")
    assert result.exit_code == 0 and "网站核对" not in result.output
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert "online_only" not in data and "online" not in data["records"][0]
    book = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    assert "公开核对" not in book.sheetnames
    assert "核对结果" not in next(book["全部记录"].iter_rows(values_only=True))
    assert "网站未见" not in list(book["汇总"].iter_rows(values_only=True))[2]


def test_cli_help_names_the_options_in_chinese():
    text = cli("check", "-h").output
    assert "--online 文件" in text and "--online-since 日期" in text and "网站公开清单" in text


def test_cli_unreadable_online_list_exits_2(ledger, tmp_path):
    result = cli("check", ledger(ledger_row(1)), "--as-of", "2016-12-31", "--online", tmp_path / "nope.csv",
                 "--out", tmp_path / "r.xlsx")
    assert result.exit_code == 2 and "网站清单" in result.output and "找不到这个文件" in result.output


SAMPLE = Path(__file__).parent.parent / "sample_data"


def test_sample_online_lists_hold_every_kind():
    online = sorted((SAMPLE.parent / "sample_online").glob("*.*"))
    run = check([SAMPLE], as_of=AS_OF, run_date=RUN_DATE, online=online, online_since=D(2016, 3, 1))
    assert all(v > 0 for v in run.online.counts.values()), run.online.counts
    assert len(run.online.online_only) == 3
    assert run.records["online_update_only"].sum() > 0


def test_a_places_sheet_is_left_out_only_where_it_is_the_files_own_name_windows_paths_too():
    """review rev68 F1: 来源文件 on Windows is sub\\x.csv, and its CSV's name came out twice."""
    import pandas as pd

    from compliance.report.sheets.online_check import _place

    places = _place(pd.Series(["sub\\x.csv", "sub/x.csv", "a.xlsx"]), pd.Series(["x", "x", "处罚"]), pd.Series([2, 3, 4]))
    assert places.tolist() == ["sub\\x.csv 第 2 行", "sub/x.csv 第 3 行", "a.xlsx 处罚 第 4 行"]
