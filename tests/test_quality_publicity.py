"""The end of publicity (--online): an entry still online after its longest period is publicity-expired.

The period (3 years by default) runs from the website's publication date, else from the decision
date; the list's own date (导出时间/更新时间) says when the entry was seen, else the as-of date.
"""

import datetime as dt
import json

import numpy as np
import pytest
from click.testing import CliRunner
from dateutil.relativedelta import relativedelta

from compliance.cli import main
from compliance.quality.publicity import add_years
from helpers import write_xlsx

LEDGER = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公开日期", "处罚机关"]
ONLINE = ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "更新时间", "处罚机关"]
CASES = [  # number, decided, published online, the list's update time, expired?
    ("西安监罚〔2016〕1号", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "2019-03-08 10:00", True),
    ("西安监罚〔2016〕2号", dt.date(2016, 2, 25), dt.date(2016, 2, 29), "2019-02-28 10:00", False),  # end clamped
    ("西安监罚〔2016〕3号", dt.date(2016, 2, 25), dt.date(2016, 2, 29), "2019-03-01 10:00", True),
    ("西安监罚〔2016〕4号", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "", False),  # as of 2016-12-31
    # a blank 公示日期: the row's update time stands in as the latest it went online (an upper bound),
    # so its period runs from 2019-03-02, not from the decision: no accusation the list cannot prove
    ("西安监罚〔2016〕5号", dt.date(2016, 3, 1), None, "2019-03-02 10:00", False),
]


def test_add_years_clamps_as_relativedelta():
    days = [dt.date(2024, 2, 29), dt.date(2016, 1, 31), dt.date(2019, 12, 31), dt.date(2020, 3, 1)]
    got = add_years(np.array(days, dtype="datetime64[D]"), 1)
    assert got.astype(object).tolist() == [d + relativedelta(years=1) for d in days]
    assert add_years(np.array(["NaT"], dtype="datetime64[D]"), 3)[0] != add_years(np.array(["NaT"], dtype="datetime64[D]"), 3)[0]


@pytest.mark.parametrize("years", [3, 5])
def test_expired_entries_are_flagged(tmp_path, monkeypatch, years):
    monkeypatch.chdir(tmp_path)
    if years != 3:
        (tmp_path / "compliance.toml").write_text(f"[rules]\npublicity_years = {years}\n", encoding="utf-8")
    ledger = write_xlsx(tmp_path / "区安监局_行政处罚.xlsx", {"S": [LEDGER] + [
        [n, "某公司", d, p or None, "区安监局"] for n, d, p, _, _ in CASES]})
    online = write_xlsx(tmp_path / "信用网站.xlsx", {"S": [ONLINE] + [
        [n, "某公司", d, p, u or None, "区安监局"] for n, d, p, u, _ in CASES]
        + [["西安监罚〔2016〕9号", "另一公司", dt.date(2016, 1, 4), dt.date(2016, 1, 6), "2019-06-01", "区安监局"]]})
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(online), "--as-of", "2016-12-31",
                                       "--json", "-"])
    payload = json.loads(result.stdout)
    flagged = {r["document_number"]: [i for i in r["issues"] if i["code"] == "publicity-expired"]
               for r in payload["records"]}
    expected = {n: expired and years == 3 for n, _, _, _, expired in CASES}
    assert {n: bool(v) for n, v in flagged.items()} == expected
    if years == 3:
        assert flagged["西安监罚〔2016〕1号"][0]["message"] == "公示期最迟到 2019-03-07，2019-03-08 仍在网站上（超期未撤下）"
        assert flagged["西安监罚〔2016〕1号"][0]["severity"] == "notice"
    only = payload["online_only"][0]
    assert [i["code"] for i in only["issues"]] == (["publicity-expired"] if years == 3 else [])


def test_a_permit_has_no_end_of_publicity(tmp_path):
    """The 3-year period (527号, 总局令第45号) is a penalty's: a 2016 permit still online in 2019 is not 超期未撤下."""
    header = ["行政许可决定文书号", "行政相对人名称", "许可决定日期", "公开日期", "许可机关"]
    ledger = write_xlsx(tmp_path / "区安监局_行政许可.xlsx", {"S": [header,
        ["西安监许〔2016〕1号", "某公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "区安监局"]]})
    online = write_xlsx(tmp_path / "信用网站.xlsx", {"S": [header[:4] + ["更新时间", "许可机关"],
        ["西安监许〔2016〕1号", "某公司", dt.date(2016, 3, 1), dt.date(2016, 3, 7), "2019-03-08 10:00", "区安监局"],
        ["西安监许〔2016〕9号", "另一公司", dt.date(2016, 1, 4), dt.date(2016, 1, 6), "2019-06-01", "区安监局"]]})
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(online), "--as-of", "2016-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", "-"])
    payload = json.loads(result.stdout)
    assert [r["category"] for r in payload["records"]] == ["permit"]
    assert [i["code"] for r in payload["records"] for i in r["issues"]] == []
    assert [(e["category"], [i["code"] for i in e["issues"]]) for e in payload["online_only"]] == [("permit", [])]
