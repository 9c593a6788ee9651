#!/usr/bin/env python3
"""(Re)create the online lists (网站公开清单) for the 2016 sample, in sample_online/.

Run from the repository root, after make_samples.py:

    python tools/samples/make_online_samples.py

The lists are built from ``expected.json`` (the ledgers' intended records),
deterministically, with a few deliberate discrepancies of every kind. They
live in a hidden folder so that ``compliance check sample_data/`` never reads
them as ledgers. Three files, two shapes (docs/rules.md §9):

- 信用西塞山_行政处罚公示导出.xlsx: a credit-site 双公示 export of penalties
  (title row, 行政处罚决定书文号, 行政相对人名称, 处罚决定日期, 公示日期, 更新时间, 处罚机关);
- 区政府网站_信息公开目录.csv: a government site's 信息公开 list of permits
  (索引号, 标题, 发布机构, 发布日期, 文号 mostly blank, 链接), the number inside
  the title in every bracket form, some with full-width digits;
- 省信用平台_区环保局入库数据.csv: the provincial platform's rows for 区环保局,
  with only an 入库时间 (an update date: weaker proof, noted on each record).

Check with:  compliance check sample_data/ --as-of 2016-12-31 --online-since 2016-03-01 \\
             --online sample_online/信用西塞山_行政处罚公示导出.xlsx \\
             --online sample_online/区政府网站_信息公开目录.csv \\
             --online sample_online/省信用平台_区环保局入库数据.csv
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "sample_online"
sys.path.insert(0, str(HERE))
from make_samples import _fixed_zip  # noqa: E402  (fixed zip timestamps: byte-identical output)

SINCE = dt.date(2016, 3, 1)  # older items were taken down: records with an earlier deadline are not verifiable
UNITS = {"区人社局": "西塞山区人力资源和社会保障局", "区国土分局": "黄石市国土资源局西塞山分局",
         "区安监局": "西塞山区安全生产监督管理局", "区工商分局": "黄石市西塞山区工商行政管理分局",
         "区环保局": "西塞山区环境保护局", "区综合执法局": "西塞山区城市管理综合执法局",
         "区编办": "区编办", "区食药监局": "区食药监局", "区农林水利局": "西塞山区农林水利局"}
# The deliberate discrepancies, by ledger document number (see the README section of this folder).
HIDDEN = {"西安监罚〔2016〕20号", "西人社许〔2016〕30号", "西食药监罚〔2016〕10号"}  # 瞒报: ledger says published
SHIFTED = {"西安监罚〔2016〕13号": 25, "西人社许〔2016〕25号": 3, "黄西工商处字〔2016〕15号": 40}  # online later
CORRECTED = {"西安监罚〔2016〕32号": dt.date(2016, 7, 14)}  # ledger typed 06-14 for 07-14
NO_NUMBER = "西安监罚〔2016〕15号"  # online without a number: matched by party + decision date
AMBIGUOUS = "西安监罚〔2016〕25号"  # two numberless entries with its party and date
EXTRA_PENALTIES = [("西安监罚〔2016〕61号", "黄石市鑫源物流有限公司", "2016-11-03", "2016-11-10", "区安监局"),
                   ("西环罚〔2016〕40号", "黄石市恒达建材有限公司", "2016-10-12", "2016-10-20", "区环保局")]
EXTRA_PERMIT = ("西人社许〔2016〕60号", "黄石市华新劳务派遣有限公司", "2016-11-21", "区人社局")


def unit_of(record: dict) -> str:
    return UNITS[record["file"].split("_", 1)[0]]


def online_day(record: dict) -> dt.date | None:
    """The date the website shows for a record, or None when it is not online."""
    number = record["document_number"]
    if number in CORRECTED:
        return CORRECTED[number]
    if record["published_date"] is None or record["decision_date"] is None or number in HIDDEN:
        return None
    if record["status_20"] == "invalid":
        return None
    if record["deadline_20"] and dt.date.fromisoformat(record["deadline_20"]) < SINCE:
        return None  # taken down after its publicity period
    published = dt.date.fromisoformat(record["published_date"])
    if published > dt.date(2016, 12, 30):
        return None
    return published + dt.timedelta(days=SHIFTED.get(number, 0))


def credit_rows(records: list[dict]) -> list[list]:
    rows = [["信用西塞山 行政处罚信息公示 导出数据（导出时间：2016-12-30 17:00）"],
            ["行政处罚决定书文号", "处罚名称", "行政相对人名称", "处罚决定日期", "公示日期", "更新时间", "处罚机关"]]
    for i, r in enumerate(records):
        day = online_day(r)
        if r["category"] != "penalty" or day is None or r["file"].startswith("区环保局"):
            continue
        number = r["document_number"]
        if i % 7 == 3:  # the site's own bracket and digit habits
            number = number.replace("〔", "[").replace("〕", "]")
        if i % 11 == 5:
            number = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        stamp = f"{(day + dt.timedelta(days=40)).isoformat()} 10:15:00"
        if r["document_number"] == NO_NUMBER:
            number = ""
        if r["document_number"] == AMBIGUOUS:
            for extra in (0, 9):
                rows.append(["", "罚款", r["party"], r["decision_date"], (day + dt.timedelta(days=extra)).isoformat(),
                             stamp, unit_of(r)])
            continue
        rows.append([number, "罚款", r["party"], r["decision_date"], day.isoformat(), stamp, unit_of(r)])
    for number, party, decided, shown, unit in EXTRA_PENALTIES[:1]:
        rows.append([number, "罚款", party, decided, shown, f"{shown} 09:00:00", UNITS[unit]])
    return rows


BRACKETS = [("〔", "〕"), ("[", "]"), ("（", "）"), ("(", ")")]


def government_rows(records: list[dict]) -> list[list]:
    rows = [["索引号", "标题", "发布机构", "发布日期", "文号", "链接"]]
    permits = [r for r in records if r["category"] == "permit" and online_day(r) is not None]
    items = [(r["document_number"], r["party"], online_day(r), unit_of(r)) for r in permits]
    items.append((EXTRA_PERMIT[0], EXTRA_PERMIT[1], dt.date.fromisoformat(EXTRA_PERMIT[2]), UNITS[EXTRA_PERMIT[3]]))
    for i, (number, party, day, unit) in enumerate(items, start=1):
        left, right = BRACKETS[i % 4]
        shown = number.replace("〔", left).replace("〕", right)
        if i % 5 == 0:
            shown = shown.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        title = f"关于准予{party}行政许可的决定（{shown}）"
        rows.append([f"011031021/2016-{i:05d}", title, unit, day.isoformat(), number if i % 9 == 0 else "",
                     f"http://www.xisaishan.gov.cn/xxgk/xzxk/201612/t2016_{i:05d}.html"])
    return rows


def update_only_rows(records: list[dict]) -> list[list]:
    rows = [["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "数据来源单位", "入库时间"]]
    for r in records:
        day = online_day(r)
        if r["file"].startswith("区环保局") and day is not None:
            rows.append([r["document_number"], r["party"], r["decision_date"], unit_of(r), f"{day.isoformat()} 18:30:00"])
    number, party, decided, shown, unit = EXTRA_PENALTIES[1]
    rows.append([number, party, decided, UNITS[unit], f"{shown} 18:30:00"])
    return rows


def write_xlsx(path: Path, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "行政处罚"
    for row in rows:
        ws.append(row)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
    for letter, width in zip("ABCDEFG", (26, 8, 30, 14, 14, 20, 30)):
        ws.column_dimensions[letter].width = width
    wb.properties.creator = "信用西塞山"
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue(), [], wb))


def write_csv(path: Path, rows: list[list], encoding: str) -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    path.write_bytes(text.getvalue().encode(encoding))


def main() -> None:
    records = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))["records"]
    OUT.mkdir(exist_ok=True)
    write_xlsx(OUT / "信用西塞山_行政处罚公示导出.xlsx", credit_rows(records))
    write_csv(OUT / "区政府网站_信息公开目录.csv", government_rows(records), "utf-8-sig")
    write_csv(OUT / "省信用平台_区环保局入库数据.csv", update_only_rows(records), "gbk")
    print(f"已生成：{OUT}")


if __name__ == "__main__":
    main()
