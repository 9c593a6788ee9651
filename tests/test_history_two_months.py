"""Lateness that vanished over two months of follow-up (probe 38): a decision re-dated in one month (overdue by
either date: a note) and published in the next, on time only by the new date, closed as 按时公开; and a
publication date backdated two months after the decision, before the day a later ledger had still listed it
unpublished, accepted as on time. Real .xlsx files, the real CLI, a real SQLite store."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

D = dt.date
HEADER = ["序号", "行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "上网公开日期"]


def _month(tmp_path, month: str, as_of: str, rows: list[list]) -> tuple[dict, str]:
    folder = tmp_path / month
    folder.mkdir()
    write_xlsx(folder / f"区安监局_2026年1-{int(month[-2:])}月行政处罚.xlsx", {"处罚": [HEADER, *rows]})
    out = tmp_path / f"{month}.json"
    result = CliRunner().invoke(main, ["check", str(folder), "--month", month, "--as-of", as_of, "--db",
                                       str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{month}.xlsx"),
                                       "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8")), result.output


def _item(payload: dict, number: str) -> dict:
    return next(i for i in payload["history"]["carried_over"] if i["document_number"] == number)


def test_a_decision_redated_one_month_and_published_the_next_is_never_closed_on_time(tmp_path):
    # 2号 decided 07-08 (deadline 08-05); August's ledger says 08-10, still unpublished (overdue either way);
    # September's says published 09-04: on time by 08-10, 21 working days late by 07-08. The verdict turns on it.
    other = [3, "西安监罚〔2026〕3号", "丙公司", D(2026, 7, 6), D(2026, 7, 10)]
    _month(tmp_path, "2026-07", "2026-08-25", [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 7, 8), None], other])
    _month(tmp_path, "2026-08", "2026-09-24", [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 8, 10), None], other])
    september, output = _month(tmp_path, "2026-09", "2026-10-26",
                               [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 8, 10), D(2026, 9, 4)], other])
    item = _item(september, "西安监罚〔2026〕2号")
    assert item["state"] != "resolved" and item["status"] == "invalid", item
    assert output.splitlines()[-1].startswith("未通过"), output


def test_a_publication_backdated_two_months_after_the_decision_is_never_taken_on_the_ledgers_word(tmp_path):
    # 2号 decided 07-08 (deadline 08-05), unpublished in July's and August's cumulative ledgers (August's runs to
    # 08-31); September's says published 08-04, before the day August's ledger still listed it unpublished.
    other = [3, "西安监罚〔2026〕3号", "丙公司", D(2026, 7, 6), D(2026, 7, 10)]
    august_row = [4, "西安监罚〔2026〕4号", "丁公司", D(2026, 8, 31), D(2026, 8, 31)]
    _month(tmp_path, "2026-07", "2026-08-25", [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 7, 8), None], other])
    _month(tmp_path, "2026-08", "2026-09-24",
           [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 7, 8), None], other, august_row])
    september, output = _month(tmp_path, "2026-09", "2026-10-26",
                               [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 7, 8), D(2026, 8, 4)], other, august_row])
    item = _item(september, "西安监罚〔2026〕2号")
    assert item["state"] != "resolved" and item["status"] == "invalid", item
    assert output.splitlines()[-1].startswith("未通过"), output


def test_a_day_before_the_earlier_ledgers_filled_in_day_is_never_taken_on_the_later_ledgers_word(tmp_path):
    # probe p80 M2: July's monthly ledger, filled in 2026-08-20 (填报日期) with its last row of 07-08, lists 2号
    # unpublished; August's gives 08-04 (on time by it, deadline 08-05): the July ledger was written after that day
    # and did not have it. The two ledgers contradict each other: 数据有误, never 已整改 as 按时公开.
    def month(name: str, as_of: str, rows: list[list], filed: str) -> dict:
        folder = tmp_path / name
        folder.mkdir()
        write_xlsx(folder / "区安监局_行政处罚.xlsx", {"处罚": [[f"填报单位：区安监局  填报日期：{filed}"], HEADER, *rows]})
        out = tmp_path / f"{name}.json"
        result = CliRunner().invoke(main, ["check", str(folder), "--month", name, "--as-of", as_of, "--db",
                                           str(tmp_path / "h.sqlite"), "-o", str(tmp_path / f"{name}.xlsx"),
                                           "--json", str(out)])
        assert result.exit_code in (0, 1), result.output
        return json.loads(out.read_text(encoding="utf-8"))

    month("2026-07", "2026-08-25", [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 7, 8), None]], "2026-08-20")
    august = month("2026-08", "2026-09-24", [[2, "西安监罚〔2026〕2号", "乙公司", D(2026, 7, 8), D(2026, 8, 4)],
                                             [3, "西安监罚〔2026〕3号", "丙公司", D(2026, 8, 6), D(2026, 8, 10)]],
                   "2026-09-15")
    item = _item(august, "西安监罚〔2026〕2号")
    assert item["state"] != "resolved" and item["status"] == "invalid", item
