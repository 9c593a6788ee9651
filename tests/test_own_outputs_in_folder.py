"""Run again on the folder it wrote into: the tool's own outputs there (the history store, its reports)
are passed over; a unit's ledger that only shares the report's name prefix is read. Real CLI, real files."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from helpers import PENALTY_HEADER, write_xlsx

D = dt.date


def _check(folder, *args):
    return subprocess.run([sys.executable, "-m", "compliance", "check", ".", "--as-of", "2016-12-31", *args],
                          cwd=folder, capture_output=True, text=True, timeout=300)


def test_the_history_store_in_the_folder_is_no_submission_on_the_second_run(tmp_path):
    write_xlsx(tmp_path / "区编办台账.xlsx", {"处罚": [PENALTY_HEADER,
                                                   [1, "西编罚〔2016〕1号", "甲", D(2016, 1, 5), D(2016, 1, 8), "区编办"]]})
    first = _check(tmp_path, "--month", "2016-01", "-q")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "reports" / "公开时限历史.sqlite").exists()
    second = _check(tmp_path, "--month", "2016-01", "-q")
    assert second.returncode == 0, second.stderr + second.stdout
    assert "wrong-form" not in second.stderr and "无法读取" not in second.stderr
    assert second.stdout.splitlines()[-1] == first.stdout.splitlines()[-1]


def test_a_ledger_named_like_a_report_is_read_and_a_report_is_still_passed_over(tmp_path):
    write_xlsx(tmp_path / "公开时限检查_区编办自查台账.xlsx", {"处罚": [
        PENALTY_HEADER, [1, "西编罚〔2016〕1号", "甲", D(2016, 9, 1), D(2016, 11, 30), "区编办"]]})
    write_xlsx(tmp_path / "国土分局.xlsx", {"处罚": [
        PENALTY_HEADER, [1, "西国土罚〔2016〕1号", "乙", D(2016, 9, 1), D(2016, 9, 5), "区国土分局"]]})
    first = _check(tmp_path, "--no-history", "--out", "公开时限检查_本月.xlsx")
    assert first.returncode == 1, first.stderr  # the 区编办 record is late: it was read
    assert "共 2 条记录" in first.stdout and "区编办" in first.stdout
    again = _check(tmp_path, "--no-history", "--out", "公开时限检查_第二次.xlsx")
    assert "共 2 条记录" in again.stdout, again.stdout  # the first report, in the folder, is not read
    assert "公开时限检查_本月.xlsx" not in again.stdout + again.stderr


def test_a_month_after_the_as_of_date_is_refused_not_a_clean_pass(tmp_path):
    # --month 2027-01 (a typo, or a month not yet come) used to say 通过：0 条记录 with exit 0.
    write_xlsx(tmp_path / "区编办台账.xlsx", {"处罚": [PENALTY_HEADER,
                                                   [1, "西编罚〔2016〕1号", "甲", D(2016, 1, 5), D(2016, 1, 8), "区编办"]]})
    for month in ("2017-01", "2016-12"):
        result = subprocess.run([sys.executable, "-m", "compliance", "check", ".", "--as-of", "2016-11-30",
                                 "--month", month, "-q"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode == 2
        assert f"月份 {month}（--month）晚于统计截止日 2016-11-30" in result.stderr
        assert not (tmp_path / "reports").exists()  # nothing written, nothing recorded in the history store


def test_a_statistics_sheet_beside_the_ledger_adds_no_decisions(tmp_path):
    # 汇总 | 决定数 | 已公开数 | 最早决定日期 | 最晚公开日期: each row became a late decision with no number.
    ledger = [PENALTY_HEADER, [1, "西工商罚〔2024〕1号", "丁公司", D(2024, 3, 5), D(2024, 3, 12), "区工商分局"],
              [2, "西工商罚〔2024〕2号", "戊公司", D(2024, 6, 3), D(2024, 6, 10), "区工商分局"]]
    counts = [["月份", "处罚决定数", "已公开数", "未公开数", "首次公开日期", "决定日期"],
              ["3月", 1, 1, 0, D(2024, 3, 12), D(2024, 3, 5)], ["6月", 1, 1, 0, D(2024, 7, 30), D(2024, 6, 3)],
              ["合计", 2, 2, 0, None, None]]
    write_xlsx(tmp_path / "区工商分局_2024年台账.xlsx", {"行政处罚": ledger, "汇总": counts})
    result = subprocess.run([sys.executable, "-m", "compliance", "check", "区工商分局_2024年台账.xlsx", "--as-of",
                             "2024-12-31", "--no-history", "--json", "r.json"], cwd=tmp_path, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    data = __import__("json").loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert sorted(r["document_number"] for r in data["records"]) == ["西工商罚〔2024〕1号", "西工商罚〔2024〕2号"]
    assert "这是统计表" in (tmp_path / "r.json").read_text(encoding="utf-8")


def test_a_ledger_with_one_computed_count_column_is_read_and_a_statistics_file_is_said_so(tmp_path):
    ledger = [["序号", "处罚决定书字号", "违法行为人", "处罚决定日期", "公开日期", "间隔天数"],
              [1, "西安监罚〔2024〕1号", "甲", D(2024, 3, 1), D(2024, 6, 30), 121]]
    write_xlsx(tmp_path / "区安监局_台账.xlsx", {"行政处罚": ledger})
    counts = [["类别", "决定数", "已公开数", "最早决定日期"], ["行政处罚", 3, 2, D(2024, 3, 1)]]
    write_xlsx(tmp_path / "区环保局_统计.xlsx", {"统计": counts})
    result = subprocess.run([sys.executable, "-m", "compliance", "check", ".", "--as-of", "2024-12-31",
                             "--no-history"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "共 1 条记录" in result.stdout and "逾期公开 1" in result.stdout, result.stdout
    assert "都是统计表" in result.stderr and "找不到表头" not in result.stderr


def test_a_count_table_with_one_count_and_a_label_column_is_statistics(tmp_path):
    counts = [["类别", "决定数", "决定日期", "公开日期"], ["行政许可", 3, D(2024, 3, 1), D(2024, 6, 1)],
              ["行政处罚", 2, D(2024, 3, 1), None]]
    write_xlsx(tmp_path / "区环保局_统计.xlsx", {"统计": counts})
    result = subprocess.run([sys.executable, "-m", "compliance", "check", ".", "--as-of", "2024-12-31",
                             "--no-history"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "都是统计表" in result.stderr  # no records invented from the counts
    assert "逾期" not in result.stdout


def test_a_ledger_with_a_count_column_of_one_a_row_is_read_not_refused_as_statistics(tmp_path):
    # 月份 | 案由 | 罚款金额 | 处罚件数 (1 on every row) | dates: one decision a row, and a 合计 row summing them.
    # It was refused as a statistics table (exit 2), its late and overdue decisions lost.
    ledger = [["月份", "案由", "罚款金额（元）", "处罚件数", "处罚决定日期", "公开日期"],
              ["9月", "未按规定开展安全培训", 5000, 1, D(2026, 9, 3), D(2026, 10, 9)],  # deadline 2026-10-08: late
              ["9月", "未设置安全警示标志", 3000, 1, D(2026, 9, 4), None],  # deadline 2026-10-09: overdue
              ["9月", "未如实记录隐患排查", 2000, 1, D(2026, 9, 7), D(2026, 9, 10)],
              ["合计", None, 10000, 3, None, None]]
    write_xlsx(tmp_path / "区安监局_处罚.xlsx", {"行政处罚": ledger})
    result = subprocess.run([sys.executable, "-m", "compliance", "check", ".", "--as-of", "2026-11-30",
                             "--no-history", "--json", "r.json"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    data = __import__("json").loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert sorted((r["row"], r["status"]) for r in data["records"]) == [(2, "late"), (3, "overdue"), (4, "on_time")]
    assert "统计表" not in result.stderr + result.stdout
    # counts of 3 and 2: still a statistics table, nothing invented
    counts = [["月份", "处罚件数", "处罚决定日期", "公开日期"], ["9月", 3, D(2026, 9, 3), D(2026, 10, 9)],
              ["10月", 2, D(2026, 10, 9), None]]
    (tmp_path / "stats").mkdir()
    write_xlsx(tmp_path / "stats" / "区环保局_统计.xlsx", {"统计": counts})
    stats = subprocess.run([sys.executable, "-m", "compliance", "check", "stats", "--as-of", "2026-11-30",
                            "--no-history"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert stats.returncode == 2 and "都是统计表" in stats.stderr
    # counts of 1 under a label column, nothing only a decision has (案由, 罚款金额): still a statistics table
    ones = [["月份", "处罚件数", "决定日期", "公开日期"], ["9月", 1, D(2026, 9, 3), D(2026, 10, 20)],
            ["10月", 1, D(2026, 10, 9), D(2026, 10, 10)], ["合计", 2, None, None]]
    (tmp_path / "ones").mkdir()
    write_xlsx(tmp_path / "ones" / "区城管执法局公开情况统计.xlsx", {"统计": ones})
    stats = subprocess.run([sys.executable, "-m", "compliance", "check", "ones", "--as-of", "2026-11-30",
                            "--no-history"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert stats.returncode == 2 and "都是统计表" in stats.stderr
