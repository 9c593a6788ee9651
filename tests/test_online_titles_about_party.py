"""A catalogue title in the usual wording "X局关于<相对人>的行政处罚决定书" with no number names the party after
关于 (without 对). It was read as no party, or as the party "区市场监管局关于黄石市…公司", so the record was
网站未见 (逾期未公开) and the title 台账未登记. It may be this decision's page: 无法确定对应, judged by the ledger.
Real files through the real CLI."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.online.columns import parties_from_titles
from helpers import write_csv, write_xlsx

D = dt.date
LEDGER_HEADER = ["序号", "文书号", "行政相对人名称", "决定日期", "上网公开日期", "单位"]
GOV_HEADER = ["索引号", "信息名称", "发布机构", "发布日期"]


@pytest.mark.parametrize("title", [
    "区人社局关于黄石市宏远餐饮有限公司的行政处罚决定书",
    "区人社局关于黄石市宏远餐饮有限公司的行政处罚…",  # cut off by the site's column width
    "关于黄石市宏远餐饮有限公司行政处罚决定书",
])
def test_a_title_naming_the_party_after_关于_is_a_candidate_never_a_miss_nor_unregistered(tmp_path, title):
    gov = write_csv(tmp_path / "区政府网站_信息公开目录.csv", [GOV_HEADER,
        ["1", "行政处罚决定书（西人社罚〔2023〕1号）", "区人社局", "2023-02-10"],
        ["2", title, "区人社局", "2023-03-15"]])
    rows = [[1, "西人社罚〔2023〕1号", "甲公司", D(2023, 2, 6), D(2023, 2, 10), "区人社局"],
            [2, "西人社罚〔2023〕6号", "黄石市宏远餐饮有限公司", D(2023, 3, 8), D(2023, 3, 15), "区人社局"]]
    ledger = write_xlsx(tmp_path / "区人社局_行政处罚.xlsx", {"行政处罚": [LEDGER_HEADER, *rows]})
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["check", str(ledger), "--online", str(gov), "--as-of", "2023-12-31",
                                       "--no-history", "-o", str(tmp_path / "r.xlsx"), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    results = {r["document_number"]: (r["status"], r["online"]["result"]) for r in data["records"]}
    assert results == {"西人社罚〔2023〕1号": ("on_time", "confirmed"), "西人社罚〔2023〕6号": ("on_time", "ambiguous")}
    assert data["online_only"] == []


@pytest.mark.parametrize("title, party", [
    ("区市场监管局关于黄石市宏远餐饮有限公司的行政处罚决定书", "黄石市宏远餐饮有限公司"),
    ("关于张三的行政处罚决定书", "张三"),
    ("关于李某某的行政处罚决定书", "李某某"),
    ("关于对黄石丙餐饮公司的行政处罚决定书", "黄石丙餐饮公司"),
    ("黄石戊商店行政处罚决定书（2023年3月8日）", "黄石戊商店"),
    # an office's notice about penalties names no party
    ("关于公布2023年第三季度行政处罚决定的通知", ""),
    ("关于公布行政处罚决定的通知", ""),
    ("关于撤销西人社许〔2023〕16号行政许可决定的决定", ""),
    ("区人社局关于规范行政处罚裁量权的通知", ""),
])
def test_the_party_read_from_a_title(title, party):
    assert parties_from_titles(pd.Series([title])).tolist() == [party]
