"""Deterministic benchmark inputs in the national 双公示 penalty layout.

Dates are mostly real date cells, with a share of text spellings, blanks and
a few bad values, as real unit sheets have.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import numpy as np

HEADER = ["行政处罚决定书文号", "处罚名称", "处罚类别1", "处罚事由", "处罚依据", "行政相对人名称",
          "行政相对人代码_1（统一社会信用代码）", "法定代表人姓名", "处罚结果", "处罚决定日期",
          "处罚机关", "当前状态", "地方编码", "上网公开日期"]
UNITS = ["区安监局", "区工商分局", "区食药监局", "区综合执法局", "区环保局", "区农林水利局", "区国土分局"]
DATA_DIR = Path(__file__).parent / "_data"
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def party_code(i: int) -> str:
    """A 统一社会信用代码 with its GB 32100-2015 check character; one in 200 has a wrong one, as a
    real ledger's typing errors (the quality checks then have something to find, not everything)."""
    body = f"91420200MA{i % 10_000_000:07d}"
    check = (31 - sum(USCC_ALPHABET.index(c) * pow(3, k, 31) for k, c in enumerate(body)) % 31) % 31
    return body + USCC_ALPHABET[(check + 1) % 31 if i % 200 == 0 else check]


def columns(n: int, seed: int = 20161108) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2016-01-04")
    decision = start + rng.integers(0, 3 * 365, n).astype("timedelta64[D]")
    lag = rng.choice([3, 10, 20, 28, 40, 90], n, p=[0.3, 0.3, 0.2, 0.1, 0.05, 0.05])
    published = decision + lag.astype("timedelta64[D]")
    unpublished = rng.random(n) < 0.05
    return {"decision": decision, "published": published, "unpublished": unpublished,
            "unit": rng.integers(0, len(UNITS), n), "style": rng.random(n)}


def rows(n: int, seed: int = 20161108, first: int = 1):
    data = columns(n, seed)
    for i in range(n):
        decision = data["decision"][i].astype(dt.date)
        published = data["published"][i].astype(dt.date)
        style = data["style"][i]
        if style < 0.1:
            decision_cell = f"{decision.year}年{decision.month}月{decision.day}日"
        elif style < 0.2:
            decision_cell = decision.isoformat()
        elif style < 0.2005:
            decision_cell = "#VALUE!"
        else:
            decision_cell = decision
        published_cell = "" if data["unpublished"][i] else (
            published.strftime("%Y/%m/%d") if style > 0.9 else published)
        unit = UNITS[data["unit"][i]]
        yield [f"西罚〔{decision.year}〕{first + i}号", "罚款", "罚款", "违反安全生产规定", "《安全生产法》",
               f"某某公司{i % 5000}", party_code(i), "张三", "罚款一万元", decision_cell,
               unit, "正常", "420203", published_cell]


def write_xlsx(n: int, path: Path, seed: int = 20161108, first: int = 1) -> Path:
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = workbook.add_worksheet("行政处罚")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows(n, seed, first), start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date_format)
            else:
                sheet.write_string(r, c, value)
    workbook.close()
    return path


def write_csv(n: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows(n):
            writer.writerow([v.isoformat() if isinstance(v, dt.date) else v for v in row])
    return path


def ensure(n: int, kind: str) -> Path:
    path = DATA_DIR / f"penalties_{n}.{kind}"
    if not path.exists():
        (write_xlsx if kind == "xlsx" else write_csv)(n, path)
    return path
