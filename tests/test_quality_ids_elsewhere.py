"""ID numbers where a ledger puts them besides the party's columns, and IDs written the ways people write them.

- A certificate numbered by its holder's ID number (从业资格证) read as the 文书号: masked in every output
  (terminal, JSON, every cell of the report, the repeats on 数据问题), said to the unit, never kept in
  full by the history store, and followed there by the masked number, the holder and the day.
- An ID in the agency's code column: the message shows it masked.
- A first-generation (15-digit) ID: masked everywhere, and for a natural person it is an ID, not a bad code.
- An ID masked with X or × instead of *: done as publication asks, no finding.
- 张三ID420203…: a letter before the number does not hide it.
- 420203-19901111-2227 in 证件号码: a full ID, said.
- A 个体工商户 with a valid code whose 证件号码 holds a passport number: no bad code.
Real workbooks through the real CLI."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import zipfile

import openpyxl
import pandas as pd
from click.testing import CliRunner

from compliance.cli import main
from helpers import write_xlsx

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def ric(first17: str) -> str:
    """A valid 18-digit ID number (GB 11643 check digit) from its first 17 digits."""
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


def uscc(first17: str) -> str:
    values = [USCC_ALPHABET.index(c) for c in first17]
    check = (31 - sum(v * pow(3, i, 31) for i, v in enumerate(values)) % 31) % 31
    return first17 + USCC_ALPHABET[check]


HOLDER_A, HOLDER_B = ric("42020319800808123"), ric("42020319811111234")
OLD_ID = "420203700101123"  # first generation: 1970-01-01
LEGAL_ID = ric("42020319901111222")
SHOP_CODE = uscc("92420203MA4D4Q16J")


def texts(folder, *names) -> str:
    out = []
    for name in names:
        path = folder / name
        if name.endswith(".xlsx"):
            book = openpyxl.load_workbook(path, read_only=True)
            out += [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
            with zipfile.ZipFile(path) as archive:
                out += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        else:
            out.append(path.read_text(encoding="utf-8"))
    return "\n".join(out)


def run(tmp_path, ledger, *extra):
    result = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-06-30", "-o", str(tmp_path / "r.xlsx"),
                                       "--json", str(tmp_path / "r.json"), "--all", *extra])
    assert result.exit_code in (0, 1), result.output
    payload = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    return result, {r["row"]: r for r in payload["records"]}


def codes(record) -> list[str]:
    return [i["code"] for i in record["issues"]]


def test_a_certificate_numbered_by_its_holders_id_is_masked_everywhere_and_kept_by_no_store(tmp_path):
    rows = [["证书编号", "持证人", "发证日期", "发证机关", "上网公开日期"],
            [HOLDER_A, "张某", dt.date(2026, 5, 6), "区交通局", dt.date(2026, 5, 8)],
            [HOLDER_B, "李某", dt.date(2026, 5, 6), "区交通局", None],
            [HOLDER_B, "李某", dt.date(2026, 5, 6), "区交通局", None]]  # sent twice: a repeat on 数据问题
    ledger = write_xlsx(tmp_path / "区交通局_从业资格证.xlsx", {"行政许可": rows})
    result, records = run(tmp_path, ledger, "--month", "2026-05", "--db", str(tmp_path / "h.sqlite"))
    everything = result.output + texts(tmp_path, "r.xlsx", "r.json")
    for number in (HOLDER_A, HOLDER_B):
        assert number not in everything
    assert HOLDER_B[:6] + "********" + HOLDER_B[14:] in result.output
    assert records[3]["document_number"] == HOLDER_B[:6] + "********" + HOLDER_B[14:]
    assert records[3]["status"] == "overdue" and records[2]["status"] == "on_time"  # still judged as before
    assert "id-number-exposed" in codes(records[2])
    assert "文书号（证书编号）是完整的身份证号" in result.output
    with sqlite3.connect(tmp_path / "h.sqlite") as store:
        blobs = [row[0] for row in store.execute("select data from period_records")]
        followed = [row for row in store.execute("select * from followups")]
    kept = pd.concat([pd.read_parquet(io.BytesIO(b)) for b in blobs])
    assert HOLDER_B not in kept.to_string() and HOLDER_A not in kept.to_string() and HOLDER_B not in str(followed)
    assert set(kept["number_key"]) == {HOLDER_A[:6] + "********" + HOLDER_A[14:],
                                       HOLDER_B[:6] + "********" + HOLDER_B[14:]}  # followed by the masked number

    # next month the overdue one is published: found again by holder and date, put right
    rows[2][4] = dt.date(2026, 6, 10)
    write_xlsx(tmp_path / "区交通局_从业资格证.xlsx", {"行政许可": rows[:3]})
    again = CliRunner().invoke(main, ["check", str(ledger), "--as-of", "2026-07-31", "--month", "2026-06",
                                      "--db", str(tmp_path / "h.sqlite"), "-o", str(tmp_path / "r6.xlsx")])
    assert "上期（2026-05）遗留 1 条：已整改 1" in again.output, again.output


def test_ids_in_code_columns_written_the_ways_people_write_them(tmp_path):
    header = ["行政处罚决定书文号", "行政相对人名称", "行政相对人类别", "统一社会信用代码", "证件号码",
              "法定代表人证件号码", "处罚类别", "处罚决定日期", "公示日期", "处罚机关", "处罚机关统一社会信用代码"]
    agency = uscc("11420203MB1234567")
    day, shown = dt.date(2026, 5, 6), dt.date(2026, 5, 8)
    rows = [header,
            ["西交罚〔2026〕1号", "周某", "自然人", OLD_ID, None, None, "警告", day, shown, "区交通局", agency],
            ["西交罚〔2026〕2号", "庚商店", "个体工商户", SHOP_CODE, "420203681018457", None, "警告", day, shown, "区交通局", agency],
            ["西交罚〔2026〕3号", "张某", "自然人", "420203XXXXXXXX3011", None, None, "警告", day, shown, "区交通局", agency],
            ["西交罚〔2026〕4号", "李某", "自然人", "420203××××××××3011", None, None, "警告", day, shown, "区交通局", agency],
            ["西交罚〔2026〕5号", f"张三ID{HOLDER_A}", "自然人", None, None, None, "警告", day, shown, "区交通局", agency],
            ["西交罚〔2026〕6号", "吴某", "自然人", None, f"{LEGAL_ID[:6]}-{LEGAL_ID[6:14]}-{LEGAL_ID[14:]}", None, "警告",
             day, shown, "区交通局", agency],
            ["西交罚〔2026〕7号", "己商店", "个体工商户", SHOP_CODE, "H1234567801", None, "警告", day, shown, "区交通局", agency],
            ["西交罚〔2026〕8号", "某公司", "法人及非法人组织", uscc("91420203MA4D4Q16J"), None, None, "警告", day, shown,
             "区交通局", HOLDER_B]]
    ledger = write_xlsx(tmp_path / "区交通局_行政处罚.xlsx", {"行政处罚": rows})
    result, records = run(tmp_path, ledger, "--no-history")
    everything = result.output + texts(tmp_path, "r.xlsx", "r.json")
    for number in (OLD_ID, "420203681018457", HOLDER_A, HOLDER_B, LEGAL_ID, f"{LEGAL_ID[:6]}-{LEGAL_ID[6:14]}"):
        assert number not in everything
    assert codes(records[2]) == ["id-number-exposed"]  # the old ID of a natural person: an ID, in full
    assert "420203******123" in records[2]["issues"][0]["message"]
    assert codes(records[3]) == ["id-number-exposed"]  # the sole trader's operator's old ID, its code valid
    assert codes(records[4]) == [] and codes(records[5]) == []  # masked with X or ×: as publication asks
    assert codes(records[6]) == ["id-number-exposed"] and "ID" + HOLDER_A[:6] + "********" in records[6]["party"]
    assert codes(records[7]) == ["id-number-exposed"]  # typed with hyphens
    assert codes(records[8]) == []  # a passport number beside a valid code: not the code
    agency_issue = next(i for i in records[9]["issues"] if i["code"] == "uscc-invalid")
    assert HOLDER_B[:6] + "********" + HOLDER_B[14:] in agency_issue["message"]


def test_two_certificates_alike_once_masked_are_never_closed_by_one_publication(tmp_path):
    """Two holders called 张伟, their ID numbers alike in the first 6 and last 4 digits, certified the same day,
    both overdue in August; in September only one is published. The store keeps only the masked numbers,
    so the two cannot be told apart: neither is closed on a guess (it used to close both). A number shared
    by two rows of different days finds each row by its day."""
    first = ric("42020319800808123")
    # another birthday, the same sequence number and check digit: alike once masked (420203********123X)
    second = next(ric(f"4202031990{m:02d}{d:02d}123") for m in range(1, 13) for d in range(1, 29)
                  if ric(f"4202031990{m:02d}{d:02d}123")[-4:] == first[-4:])
    header = ["行政许可决定文书号", "行政相对人名称", "许可类别", "许可决定日期", "公示日期"]
    aug, shared = dt.date(2026, 8, 3), ric("42020419920315456")

    def ledger(folder, published: bool):
        rows = [header, [first, "张伟", "普通", aug, dt.date(2026, 9, 15) if published else None],
                [second, "张伟", "普通", aug, None],
                [shared, "李娜", "普通", aug, dt.date(2026, 8, 10)],
                [shared, "李娜", "普通", dt.date(2026, 8, 5), dt.date(2026, 9, 16) if published else None]]
        folder.mkdir()
        return write_xlsx(folder / "区人社局_行政许可.xlsx", {"行政许可": rows})

    store = str(tmp_path / "h.sqlite")
    for month, as_of, published in (("2026-08", "2026-09-30", False), ("2026-09", "2026-10-31", True)):
        path = ledger(tmp_path / month, published)
        result = CliRunner().invoke(main, ["check", str(path), "--as-of", as_of, "--month", month, "--db", store,
                                           "-o", str(tmp_path / f"{month}.xlsx"), "--json", str(tmp_path / f"{month}.json")])
        assert result.exit_code in (0, 1), result.output
    carried = json.loads((tmp_path / "2026-09.json").read_text(encoding="utf-8"))["history"]["carried_over"]
    states = sorted((c["party"], c["decision_date"], c["state"]) for c in carried)
    assert states == sorted([("李娜", "2026-08-05", "resolved"), ("张伟", "2026-08-03", "open"), ("张伟", "2026-08-03", "open")])


def test_a_fifteen_digit_decision_number_is_no_first_generation_id(tmp_path):
    """交警 简易程序 决定书编号 of 15 digits (420203100111947: its middle reads as 1910-01-11) were masked as
    old ID numbers, and two tickets of one driver showed as one number, one on time, one overdue."""
    header = ["决定书编号", "当事人", "处罚决定日期", "上网公开日期"]
    rows = [header, ["420203100111947", "王某", dt.date(2026, 5, 6), dt.date(2026, 5, 8)],
            ["420203120304947", "王某", dt.date(2026, 5, 6), None]]
    ledger = write_xlsx(tmp_path / "交警大队_简易程序处罚.xlsx", {"处罚": rows})
    result, records = run(tmp_path, ledger)
    assert [(r["document_number"], r["status"]) for r in records.values()] == [("420203100111947", "on_time"),
                                                                               ("420203120304947", "overdue")]
    assert not any("id-number-exposed" in codes(r) for r in records.values())
    assert "身份证号" not in result.output
