"""`history open` on a store with many open items (issue 23): the screen lists a screenful, grouped by
unit, and says how many more there are; --all lists every one; the JSON holds every item, one per line.
The store is made by the real CLI from real workbooks."""

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from compliance.cli_history import OPEN_LINES
from helpers import write_xlsx

HEADER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期", "处罚机关"]
UNITS = {"区人社局": 25, "区安监局": 35}  # 60 decisions never published: 60 open items


def _store(tmp_path):
    folder = tmp_path / "2016-10"
    folder.mkdir()
    for unit, n in UNITS.items():
        rows = [[f"西罚〔2016〕{unit[1:3]}{i}号", f"当事人{i}", dt.date(2016, 10, 1) + dt.timedelta(days=i % 20), None,
                 unit] for i in range(n, 0, -1)]  # written newest number first: the listing sorts
        write_xlsx(folder / f"{unit}_2016年行政处罚.xlsx", {"行政处罚": [HEADER] + rows})
    db = tmp_path / "h.sqlite"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", "2016-10", "--as-of", "2016-11-25",
                                       "--db", str(db), "--out", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 1, result.output
    return db


def _lines(db, *extra):
    result = CliRunner().invoke(main, ["history", "open", "--db", str(db), *extra])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def test_open_shows_a_screenful_grouped_by_unit_and_all_with_all(tmp_path):
    db = _store(tmp_path)
    lines = _lines(db)
    assert lines[0] == "仍未整改的事项共 60 项，涉及 2 个单位："
    items = lines[1:-1]
    assert len(items) == OPEN_LINES
    assert lines[-1].startswith(f"……另有 {60 - OPEN_LINES} 项未列出，加 --all 显示全部")
    units = [line.split()[0] for line in items]
    assert units == sorted(units)  # a unit's items together
    every = _lines(db, "--all")
    assert len(every) == 61 and not every[-1].startswith("……")
    assert [line.split()[0] for line in every[1:]].count("区安监局") == 35
    only = _lines(db, "--unit", "区人社局")
    assert only[0] == "仍未整改的事项共 25 项，涉及 1 个单位：" and len(only) == 26


def test_open_json_holds_every_item_one_per_line_in_the_listings_order(tmp_path):
    db = _store(tmp_path)
    result = CliRunner().invoke(main, ["history", "open", "--db", str(db), "--json", "-"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)["items"]
    assert len(items) == 60
    assert len(result.output.splitlines()) == 60 + 5  # {, "tool", "items": [, one line per item, ], }
    keys = [(i["unit"], i["first_period"], i["document_number"]) for i in items]
    assert keys == sorted(keys)
    assert {i["problem_label"] for i in items} == {"逾期未公开"} and {i["periods_open"] for i in items} == {1}
    unknown = CliRunner().invoke(main, ["history", "open", "--db", str(db), "--unit", "没有的单位", "--json", "-"])
    assert unknown.exit_code == 2 and unknown.stdout == ""  # an error, not an empty list that looks clean
    assert "历史库中找不到（或不止一个）单位“没有的单位”" in unknown.stderr


def test_a_unit_the_store_does_not_hold_is_an_error_and_a_short_spelling_is_found(tmp_path):
    # `--unit 区安监` said 没有仍未整改的事项 (exit 0) although 区安监局 had 35 open items: a typo looked clean.
    db = _store(tmp_path)
    short = CliRunner().invoke(main, ["history", "open", "--db", str(db), "--unit", "区安监"])
    assert short.exit_code == 0 and "仍未整改的事项共 35 项" in short.stdout
    assert "按历史库中的单位“区安监局”查询" in short.stderr
    for command in ("open", "trend"):
        wrong = CliRunner().invoke(main, ["history", command, "--db", str(db), "--unit", "区环保局"])
        assert wrong.exit_code == 2, wrong.output
        assert "历史库中找不到（或不止一个）单位“区环保局”。可选：区人社局、区安监局" in wrong.stderr
        assert "合计" not in wrong.stderr
