#!/usr/bin/env python3
"""(Re)create the 西塞山区 2016 sample set in sample_data/, and its description here.

The spreadsheets go to sample_data/ (only spreadsheets, so that checking the
folder reads nothing else); expected.json and README.md stay in this folder.
Run from the repository root:

    python tools/samples/make_samples.py

The output is deterministic: a fixed random seed, no use of today's date, and
workbooks written with fixed zip timestamps and document properties, so that
two runs give byte-identical files. Only the standard library and openpyxl are
used; the working-day calendar for 2016-2017 is written out below (State
Council notices 国办发明电〔2015〕18号 and 国办发明电〔2016〕17号), so that the
intended status of every record can be computed without the package itself.

Besides the spreadsheets, the script writes:
- ``README.md``: what each file contains and the intended counts;
- ``expected.json``: one entry per intended record (file, sheet, row, cells,
  parsed dates and intended status under the 20- and 7-working-day rules), so
  that tests can pin them. JSON is not a spreadsheet suffix, so the loader
  never reads it as input.

The mess is deliberate and mirrors what units really send (docs/rules.md §8,
"台账长什么样"). Do not tidy it up.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import random
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "sample_data"
SEED = 20161230
FILL_DATE = dt.date(2016, 12, 30)  # 填报日期 of every file; no publication after it
AS_OF = dt.date(2016, 12, 31)      # the check the README counts refer to
ZIP_TIME = (2016, 12, 30, 17, 0, 0)
CORE_TIME = "2016-12-30T09:00:00Z"
ERROR = object()  # marks a real #VALUE! formula-error cell in a workbook
OUTPUTS = ("README.md", "expected.json")

# -- calendar 2016-2017 -------------------------------------------------------
def _days(first: str, last: str) -> set[dt.date]:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return {a + dt.timedelta(i) for i in range((b - a).days + 1)}


HOLIDAYS = set().union(
    _days("2016-01-01", "2016-01-03"), _days("2016-02-07", "2016-02-13"),
    _days("2016-04-02", "2016-04-04"), _days("2016-04-30", "2016-05-02"),
    _days("2016-06-09", "2016-06-11"), _days("2016-09-15", "2016-09-17"),
    _days("2016-10-01", "2016-10-07"),
    _days("2016-12-31", "2017-01-02"), _days("2017-01-27", "2017-02-02"),
    _days("2017-04-02", "2017-04-04"), _days("2017-04-29", "2017-05-01"),
    _days("2017-05-28", "2017-05-30"), _days("2017-10-01", "2017-10-08"),
)
MAKEUP = {dt.date.fromisoformat(d) for d in (
    "2016-02-06", "2016-02-14", "2016-06-12", "2016-09-18", "2016-10-08", "2016-10-09",
    "2017-01-22", "2017-02-04", "2017-04-01", "2017-05-27", "2017-09-30")}


def is_workday(day: dt.date) -> bool:
    assert day.year in (2016, 2017), day
    if day in MAKEUP:
        return True
    return day.weekday() < 5 and day not in HOLIDAYS


def add_workdays(day: dt.date, n: int) -> dt.date:
    """The n-th working day strictly after ``day`` (n = 0: ``day`` itself)."""
    while n > 0:
        day += dt.timedelta(1)
        n -= is_workday(day)
    return day


def status(decision: dt.date | None, published: dt.date | None, n: int, as_of: dt.date) -> str:
    if decision is None or (published is not None and published < decision):
        return "invalid"
    deadline = add_workdays(decision, n)
    if published is not None:
        return "on_time" if published <= deadline else "late"
    return "overdue" if as_of > deadline else "pending"


WORKDAYS_2016 = [d for d in sorted(_days("2016-01-01", "2016-12-31")) if is_workday(d)]


# -- date spellings -----------------------------------------------------------
_CN = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


SPELL = {
    "date-cell": lambda d, r: dt.datetime(d.year, d.month, d.day),
    "datetime-cell": lambda d, r: dt.datetime(d.year, d.month, d.day, r.randint(8, 17), r.choice((0, 15, 30, 45))),
    "iso": lambda d, r: d.isoformat(),
    "slash": lambda d, r: f"{d.year}/{d.month}/{d.day}",
    "slash-padded": lambda d, r: d.strftime("%Y/%m/%d"),
    "dot": lambda d, r: f"{d.year}.{d.month}.{d.day}",
    "cn": lambda d, r: f"{d.year}年{d.month}月{d.day}日",
    "compact": lambda d, r: d.strftime("%Y%m%d"),
    "cn-numeral": lambda d, r: "".join(_CN[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日",
    "fullwidth": lambda d, r: d.isoformat().translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
    "fullwidth-cn": lambda d, r: f"{d.year}年{d.month}月{d.day}日".translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "iso-time": lambda d, r: f"{d.isoformat()} {r.randint(8, 17):02d}:{r.choice((0, 10, 20, 30, 40, 50)):02d}",
    "iso-seconds": lambda d, r: f"{d.isoformat()} {r.randint(8, 17):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
    "serial": lambda d, r: (d - dt.date(1899, 12, 30)).days,
}


# -- names --------------------------------------------------------------------
SURNAMES = "张王李刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁沈姚卢姜崔钟谭陆汪范石廖夏付方邹熊秦江尹雷龙陶柯明"
GIVEN = ("建国 桂芳 志强 秀英 国华 丽华 海涛 红梅 军 伟 敏 静 磊 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 文 华 俊 斌 鹏 "
         "辉 玲 燕 新民 卫东 春生 金山 玉兰 德胜 美华 小红 立新 家旺 少波 晓东 爱民 正清 汉林 志刚").split()
TRADES = ("鑫达 华诚 恒通 宏远 盛源 永兴 金鼎 瑞丰 顺发 东楚 磁湖 长盛 中凯 天宇 佳和 润泽 楚翔 德茂 鸿运 "
          "联创 昌隆 祥瑞 嘉禾 泰和 荣昌 广源 信诚 锦程 万福 兴旺 众诚 汇通 开元 新港 道仕 西塞").split()
PLACES = ("黄石大道", "八泉街道", "澄月街道", "临江街道", "陈家湾街道", "章山街道", "河口镇", "黄思湾", "道士袱")
CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(rng: random.Random, kind: str = "91") -> str:
    """An 18-character 统一社会信用代码 for 西塞山区 (420203), with its check digit."""
    if rng.random() < 0.6:  # issued since 2015: MA4 + six characters
        body = kind + "420203MA4" + "".join(rng.choice(CODE_CHARS) for _ in range(6))
    else:  # converted from an old 组织机构代码 (eight digits and a check character)
        body = kind + "420203" + "".join(rng.choice("0123456789") for _ in range(8)) + rng.choice("0123456789X")
    total = sum(CODE_CHARS.index(c) * w for c, w in zip(body, CODE_WEIGHTS))
    return body + CODE_CHARS[(31 - total % 31) % 31]


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def company(rng: random.Random, industries: tuple[str, ...]) -> str:
    prefix = rng.choice(("黄石市", "黄石市", "湖北", "黄石", "黄石市西塞山区"))
    suffix = rng.choice(("有限公司", "有限公司", "有限责任公司", "股份有限公司"))
    return prefix + rng.choice(TRADES) + rng.choice(industries) + suffix


def shop(rng: random.Random, kinds: tuple[str, ...]) -> str:
    owner = rng.choice(SURNAMES)
    return rng.choice(("西塞山区", "黄石市西塞山区", "西塞山区")) + rng.choice(
        (f"{owner}记", f"老{owner}", rng.choice(TRADES))) + rng.choice(kinds)


def id_masked(rng: random.Random) -> str:
    """A 身份证号码 as published: the middle eight digits masked."""
    return f"420203********{rng.randint(0, 999):03d}{rng.choice('0123456789X')}"


def years_later(day: dt.date, years: int) -> dt.datetime:
    try:
        day = day.replace(year=day.year + years)
    except ValueError:  # 02-29
        day = day.replace(year=day.year + years, day=28)
    return dt.datetime(day.year, day.month, day.day)


# -- records ------------------------------------------------------------------
@dataclass
class Rec:
    decision: dt.date | None
    published: dt.date | None
    planted: str | None = None          # why this record is special (Chinese, shown in README)
    decision_cell: object = None        # overrides the spelling when set
    published_cell: object = None
    doc: str = ""
    party: str = ""
    extra: dict = field(default_factory=dict)
    row: int = 0


def _pick_day(rng: random.Random, first: str, last: str, workday: bool = True) -> dt.date:
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    pool = [d for d in WORKDAYS_2016 if a <= d <= b] if workday else sorted(_days(first, last))
    return rng.choice(pool)


def plan_records(rng: random.Random, total: int, late: int, overdue: int, pending: int,
                 special: list[Rec] = ()) -> list[Rec]:
    """``total`` records in decision-date order; the special ones are placed as given."""
    recs = list(special)
    for _ in range(late):
        while True:
            decision = _pick_day(rng, "2016-01-04", "2016-10-31")
            deadline = add_workdays(decision, 20)
            published = add_workdays(deadline, rng.choice((1, 2, 3, 5, 8, 12, 15, 22, 30, 41)))
            if published <= FILL_DATE:
                break
        recs.append(Rec(decision, published))
    for _ in range(overdue):
        recs.append(Rec(_pick_day(rng, "2016-01-04", "2016-11-15"), None))
    for _ in range(pending):
        recs.append(Rec(_pick_day(rng, "2016-12-19", "2016-12-30"), None))
    while len(recs) < total:
        decision = _pick_day(rng, "2016-01-04", "2016-12-23")
        gap = rng.choices((0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 18, 19, 20),
                          weights=(2, 10, 12, 12, 10, 9, 7, 6, 5, 4, 3, 3, 2, 1, 1))[0]
        published = add_workdays(decision, gap)
        if published > FILL_DATE:
            continue  # a December decision published after the file was filled in: redraw
        recs.append(Rec(decision, published))
    assert len(recs) == total, (len(recs), total)
    # Units list decisions roughly by date; keep records without a date where they were put.
    return sorted(recs, key=lambda r: r.decision or r.extra.get("sort_as") or dt.date(2016, 6, 30))


def number_docs(recs: list[Rec], rng: random.Random, fmt: str) -> None:
    n = rng.randint(1, 3)
    for rec in recs:
        rec.doc = fmt.format(n=n)
        n += rng.choice((1, 1, 1, 1, 1, 2))


def spellings(rng: random.Random, n: int, forced: list[str], pool: dict[str, int]) -> list[str]:
    names, weights = zip(*pool.items())
    out = list(forced) + rng.choices(names, weights=weights, k=n - len(forced))
    rng.shuffle(out)
    return out


def cells(recs: list[Rec], rng: random.Random, dec_spell: list[str], pub_spell: list[str]) -> None:
    for rec, ds, ps in zip(recs, dec_spell, pub_spell):
        if rec.decision_cell is None:
            rec.decision_cell = "" if rec.decision is None else SPELL[ds](rec.decision, rng)
        if rec.published_cell is None:
            rec.published_cell = "" if rec.published is None else SPELL[ps](rec.published, rng)
        rec.extra.setdefault("dec_spelling", ds if rec.decision is not None else None)
        rec.extra.setdefault("pub_spelling", ps if rec.published is not None else None)


# -- layout -------------------------------------------------------------------
@dataclass
class SheetSpec:
    name: str
    category: str                      # permit / penalty, as intended
    headers: list[str]
    recs: list[Rec]
    row_of: callable                   # Rec, index -> list of cells
    title: str | None = None
    unit_line: str | None = None
    blank_after: tuple[int, ...] = ()  # record indices followed by a blank row
    tail: list[list] = field(default_factory=list)  # rows right after the data
    footers: list[str] = field(default_factory=list)
    merge_title: bool = True
    merge_unit_line: bool = False
    merge_footers: tuple[int, ...] = ()  # footer indices merged across all columns
    merge_column: int | None = None      # 0-based column merged vertically over the data
    date_formats: dict[int, str] = field(default_factory=dict)  # column -> number format
    widths: dict[int, float] = field(default_factory=dict)
    rows: list[list] = field(default_factory=list)
    header_row: int = 0
    data_rows: tuple[int, int] = (0, 0)
    footer_rows: list[int] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)


def lay_out(spec: SheetSpec) -> None:
    """Fill spec.rows (row 1 first) and each record's Excel row number."""
    width = len(spec.headers)
    rows: list[list] = []
    if spec.title:
        rows.append([spec.title] + [None] * (width - 1))
    if spec.unit_line:
        rows.append([spec.unit_line] + [None] * (width - 1))
    rows.append(list(spec.headers))
    spec.header_row = len(rows)
    first = len(rows) + 1
    for index, rec in enumerate(spec.recs):
        rows.append(spec.row_of(rec, index))
        rec.row = len(rows)
        if index in spec.blank_after:
            rows.append([None] * width)
            spec.skipped["blank"] += 1
    spec.data_rows = (first, len(rows))
    for extra in spec.tail:
        rows.append(extra + [None] * (width - len(extra)))
        spec.skipped["tail"] += 1
    if spec.footers:
        rows.append([None] * width)
        spec.skipped["blank"] += 1
    for text in spec.footers:
        rows.append([text] + [None] * (width - 1))
        spec.footer_rows.append(len(rows))
        spec.skipped["footer"] += 1
    spec.rows = rows


# -- writers ------------------------------------------------------------------
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_xlsx(path: Path, specs: list[SheetSpec], creator: str,
               instructions: tuple[str, list[list]] | None = None, empty_sheets: tuple[str, ...] = ()) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if instructions:
        name, lines = instructions
        ws = wb.create_sheet(name)
        for line in lines:
            ws.append(line)
        ws.column_dimensions["A"].width = 28
        ws.column_dimensions["B"].width = 70
        ws["A1"].font = Font(bold=True, size=14)
    error_cells: list[tuple[str, str]] = []
    for spec in specs:
        ws = wb.create_sheet(spec.name)
        width = len(spec.headers)
        last = get_column_letter(width)
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = ws.cell(r, c)
                if value is ERROR:
                    cell.value = "#VALUE!"  # openpyxl stores this as an error cell (t="e")
                    error_cells.append((spec.name, cell.coordinate))
                    continue
                cell.value = value
                if isinstance(value, dt.datetime) and (c - 1) in spec.date_formats:
                    cell.number_format = spec.date_formats[c - 1]
        if spec.title:
            ws["A1"].font = Font(bold=True, size=16)
            ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
            ws.row_dimensions[1].height = 30
            if spec.merge_title:
                ws.merge_cells(f"A1:{last}1")
        if spec.unit_line and spec.merge_unit_line:
            row = spec.header_row - 1
            ws.merge_cells(f"A{row}:{last}{row}")
        for c in range(1, width + 1):
            cell = ws.cell(spec.header_row, c)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = BOX
            ws.column_dimensions[get_column_letter(c)].width = spec.widths.get(c - 1, 14)
        first, final = spec.data_rows
        for r in range(first, final + 1):
            for c in range(1, width + 1):
                ws.cell(r, c).border = BOX
        if spec.merge_column is not None:
            col = get_column_letter(spec.merge_column + 1)
            ws.merge_cells(f"{col}{first}:{col}{final}")
            ws[f"{col}{first}"].alignment = Alignment(vertical="center", wrap_text=True)
        for index in spec.merge_footers:
            r = spec.footer_rows[index]
            ws.merge_cells(f"A{r}:{last}{r}")
        ws.freeze_panes = f"A{spec.header_row + 1}"
    for name in empty_sheets:
        wb.create_sheet(name)
    wb.active = 1 if instructions else 0
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue(), error_cells, wb))


def _fixed_zip(data: bytes, error_cells: list[tuple[str, str]], wb) -> bytes:
    """Same workbook with fixed timestamps; error cells get the formula that caused them."""
    sheet_file = {ws.title: f"xl/worksheets/sheet{i}.xml" for i, ws in enumerate(wb.worksheets, start=1)}
    patch: dict[str, list[str]] = {}
    for sheet, coord in error_cells:
        patch.setdefault(sheet_file[sheet], []).append(coord)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = body.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + CORE_TIME, text)
                body = text.encode("utf-8")
            for coord in patch.get(info.filename, ()):
                # As Excel saves it: the formula plus its cached error value.
                text = body.decode("utf-8")
                text, n = re.subn(rf'(<c r="{coord}"[^>]*t="e"[^>]*>)(<v>#VALUE!</v>)',
                                  r'\1<f>DATEVALUE("2016-05-32")</f>\2', text)
                assert n == 1, (info.filename, coord)
                body = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, body)
    return out.getvalue()


def write_csv_gbk(path: Path, spec: SheetSpec) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for row in spec.rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(text.getvalue().encode("gbk"))


def write_html_xls(path: Path, spec: SheetSpec, page_title: str) -> None:
    width = len(spec.headers)
    out = ['<html xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">',
           "<head>",
           '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
           '<meta name="ProgId" content="Excel.Sheet">',
           f"<title>{html.escape(page_title)}</title>",
           "<style>",
           "td { font-size: 12px; border: 0.5pt solid windowtext; mso-number-format: \"\\@\"; }",
           ".title { font-size: 18px; font-weight: bold; text-align: center; }",
           "</style>",
           "</head>",
           "<body>",
           '<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse">']
    for r, row in enumerate(spec.rows, start=1):
        if r == 1 and spec.title:
            out.append(f'<tr height="36"><td colspan="{width}" class="title">{html.escape(row[0])}</td></tr>')
            continue
        if row[0] and all(v in (None, "") for v in row[1:]) and r != spec.header_row:
            out.append(f'<tr><td colspan="{width}" align="left">{html.escape(str(row[0]))}</td></tr>')
            continue
        tds = []
        for value in row:
            if value in (None, ""):
                tds.append("<td>&nbsp;</td>")
            elif r == spec.header_row:
                tds.append(f'<td align="center" style="font-weight:bold">{html.escape(str(value))}</td>')
            else:
                tds.append(f"<td>{html.escape(str(value))}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out += ["</table>", "</body>", "</html>", ""]
    path.write_bytes("\r\n".join(out).encode("gbk"))


# -- the units ------------------------------------------------------------------
def renshe(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区人社局: national-standard permit template, 填表说明 sheet first, real date cells."""
    special = [
        Rec(dt.date(2016, 10, 8), dt.date(2016, 10, 9), "10-08（调休上班的周六）作出，10-09（调休上班的周日）公开"),
        Rec(dt.date(2016, 9, 28), dt.date(2016, 10, 10), "国庆前作出，节后公开"),
        Rec(dt.date(2016, 3, 14), add_workdays(dt.date(2016, 3, 14), 20), "恰在第 20 个工作日公开"),
        Rec(dt.date(2016, 2, 3), dt.date(2016, 3, 8), "春节前作出，超过 20 个工作日才公开"),
        Rec(None, dt.date(2016, 3, 9), "决定日期为不存在的 2016-02-30（文本）", decision_cell="2016-02-30",
            extra={"sort_as": dt.date(2016, 3, 1)}),
    ]
    recs = plan_records(rng, 48, late=2, overdue=2, pending=1, special=special)
    number_docs(recs, rng, "西人社许〔2016〕{n}号")
    items = [("劳务派遣经营许可", "准予劳务派遣经营许可，许可证编号：鄂劳派420203{y}{k:03d}"),
             ("人力资源服务许可", "准予从事职业中介活动，许可证编号：鄂人服证字〔{y}〕第{k:03d}号"),
             ("企业实行不定时工作制和综合计算工时工作制审批", "同意对部分岗位实行综合计算工时工作制，期限三年"),
             ("民办职业培训学校设立审批", "同意设立，办学许可证编号：人社民4202032{k:05d}")]
    for k, rec in enumerate(recs, start=1):
        rec.party = company(rng, ("劳务派遣", "人力资源服务", "建筑劳务", "机械制造", "物业管理", "职业培训学校"))
        item, content = rng.choice(items)
        rec.extra.update(item=item, content=content.format(y=2016, k=k), code=credit_code(rng),
                         legal=person(rng), remark="")
    for rec in recs:
        if rec.published and rec.decision and status(rec.decision, rec.published, 20, AS_OF) == "late":
            rec.extra["remark"] = "补录"
    dec = spellings(rng, len(recs), [], {"date-cell": 1})
    pub = spellings(rng, len(recs), ["iso-time", "iso-time", "date-cell"], {"iso": 8, "date-cell": 2, "iso-time": 1})
    cells(recs, rng, dec, pub)
    stamp = dt.datetime(2016, 12, 30, 9, 15, 0)
    headers = ["*行政许可决定书文号", "*项目名称", "审批类别", "许可内容", "*行政相对人名称",
               "行政相对人代码_1\n(统一社会信用代码)", "法定代表人姓名", "*许可决定日期\n（必填）", "许可截止期",
               "*许可机关", "当前状态", "地方编码", "数据更新时间戳", "上网公开日期", "备注"]

    def row(rec: Rec, i: int) -> list:
        until = years_later(rec.decision, 3) - dt.timedelta(1) if rec.decision else None
        return [rec.doc, rec.extra["item"], "普通", rec.extra["content"], rec.party, rec.extra["code"],
                rec.extra["legal"], rec.decision_cell, until,
                "西塞山区人力资源和社会保障局", "正常", "420203", stamp, rec.published_cell, rec.extra["remark"]]

    spec = SheetSpec(
        "行政许可", "permit", headers, recs, row,
        title="西塞山区人力资源和社会保障局2016年行政许可信息公示汇总表",
        unit_line="填报单位：区人社局  填报日期：2016年12月30日",
        blank_after=(11, 30),
        footers=["制表人：张三  审核人：李四  联系电话：0714-6436215",
                 "注：1.本表按国家“双公示”数据标准（2016版）填报；2.未上网公开的，上网公开日期栏空白。"],
        date_formats={7: "yyyy-mm-dd", 8: "yyyy-mm-dd", 12: "yyyy-mm-dd hh:mm:ss", 13: "yyyy-mm-dd"},
        widths={0: 22, 1: 30, 3: 40, 4: 30, 5: 22, 7: 14, 12: 20, 13: 14},
    )
    instructions = ("填表说明", [
        ["行政许可信息填表说明"],
        ["字段名称", "填写说明", "是否必填"],
        ["行政许可决定书文号", "填写行政许可决定文书编号，例如“西人社许〔2016〕12号”", "是"],
        ["项目名称", "填写行政许可决定书的主要内容", "是"],
        ["审批类别", "普通、特许、认可、核准、登记或其他", "是"],
        ["行政相对人名称", "填写公民、法人及非法人组织名称", "是"],
        ["行政相对人代码_1", "统一社会信用代码；个体工商户可填注册号", "否"],
        ["许可决定日期", "填写作出行政许可决定的具体日期，格式为YYYY-MM-DD", "是"],
        ["许可截止期", "填写行政许可决定的截止日期，格式为YYYY-MM-DD，2099-12-31表示长期", "否"],
        ["许可机关", "填写作出行政许可决定的各级行政许可决定机关全称", "是"],
        ["上网公开日期", "本单位在区政府门户网站公开该条信息的日期；尚未公开的不填", "是"],
        [],
        ["请勿修改表头、勿合并单元格。"],
    ])
    return "区人社局_2016年行政许可.xlsx", [spec], {"instructions": instructions}


def anjian(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区安监局: national-standard penalty template, 处罚机关 merged over all data rows."""
    special = [
        Rec(dt.date(2016, 10, 3), dt.date(2016, 10, 9), "国庆假期当天作出，10-09（调休上班的周日）公开"),
        Rec(dt.date(2016, 9, 30), add_workdays(dt.date(2016, 9, 30), 20), "09-30 作出，跨国庆恰在第 20 个工作日公开"),
        Rec(dt.date(2016, 9, 29), add_workdays(dt.date(2016, 9, 29), 21), "09-29 作出，第 21 个工作日公开（晚 1 天）"),
        Rec(dt.date(2016, 12, 29), None, "12 月下旬作出，尚未公开"),
        Rec(dt.date(2016, 7, 11), dt.date(2016, 6, 14), "公开日期早于决定日期（07-14 误写为 06-14）"),
    ]
    recs = plan_records(rng, 40, late=2, overdue=2, pending=0, special=special)
    number_docs(recs, rng, "西安监罚〔2016〕{n}号")
    reasons = [("未按规定对从业人员进行安全生产教育和培训", "《中华人民共和国安全生产法》第九十四条第（三）项", "罚款", "罚款人民币{m}万元"),
               ("未按规定设置安全生产管理机构或者配备安全生产管理人员", "《中华人民共和国安全生产法》第九十四条第（一）项", "罚款", "罚款人民币{m}万元"),
               ("未建立事故隐患排查治理制度", "《中华人民共和国安全生产法》第九十八条第（四）项", "罚款", "罚款人民币{m}万元"),
               ("危险物品的储存未执行国家标准", "《危险化学品安全管理条例》第八十条", "责令停产停业", "责令停产停业整顿，罚款人民币{m}万元"),
               ("未如实记录安全生产教育和培训情况", "《中华人民共和国安全生产法》第九十四条第（四）项", "警告", "警告，罚款人民币{m}万元")]
    for rec in recs:
        rec.party = company(rng, ("矿业", "化工", "建材", "冶金铸造", "钢结构", "机械制造", "物流", "燃气"))
        reason, basis, kind, result = rng.choice(reasons)
        rec.extra.update(reason=reason, basis=basis, kind=kind, result=result.format(m=rng.choice((1, 1.5, 2, 3, 5))),
                         code=credit_code(rng), legal=person(rng))
    dec = spellings(rng, len(recs), ["date-cell", "date-cell"], {"slash": 6, "date-cell": 2})
    pub = spellings(rng, len(recs), [], {"dot": 6, "date-cell": 1})
    cells(recs, rng, dec, pub)
    headers = ["序号", "行政处罚决定书文号", "处罚名称", "处罚类别1", "处罚事由", "处罚依据", "行政相对人名称",
               "行政相对人代码_1（统一社会信用代码）", "法定代表人姓名", "处罚结果", "处罚决定日期", "处罚机关",
               "当前状态", "地方编码", "公示日期", "备注"]

    def row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, f"对{rec.party}{rec.extra['reason']}的行政处罚", rec.extra["kind"],
                rec.extra["reason"], rec.extra["basis"], rec.party, rec.extra["code"], rec.extra["legal"],
                rec.extra["result"], rec.decision_cell, "西塞山区安全生产监督管理局" if i == 0 else None,
                "正常", "420203", rec.published_cell, None]

    spec = SheetSpec(
        "Sheet1", "penalty", headers, recs, row,
        title="西塞山区安全生产监督管理局2016年行政处罚信息公示表",
        unit_line="填报单位：区安监局  填报日期：2016年12月30日",
        merge_unit_line=True,
        blank_after=(17,),
        footers=["制表人：王五  审核人：李四", "注：处罚决定日期以决定书落款日期为准。"],
        merge_column=11,
        date_formats={10: "yyyy/m/d", 14: "yyyy/m/d"},
        widths={1: 20, 2: 40, 4: 30, 5: 36, 6: 30, 7: 22, 9: 24, 10: 14, 11: 16, 14: 12},
    )
    return "区安监局_2016年行政处罚.xlsx", [spec], {}


def shiyaojian(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区食药监局: one workbook, instructions then a permit sheet and a penalty sheet; short headers."""
    p_special = [
        Rec(dt.date(2016, 2, 5), dt.date(2016, 2, 14), "春节前作出，02-14（调休上班的周日）公开；公开日期为数值序列号"),
        Rec(dt.date(2016, 12, 30), None, "12 月下旬作出，尚未公开"),
    ]
    permits = plan_records(rng, 40, late=2, overdue=1, pending=0, special=p_special)
    number_docs(permits, rng, "西食药监食许〔2016〕{n}号")
    for rec in permits:
        if rng.random() < 0.6:
            rec.party = shop(rng, ("餐馆", "小吃店", "热干面馆", "烧烤店", "超市", "便利店", "副食店", "大药房", "土菜馆"))
        else:
            rec.party = company(rng, ("餐饮管理", "食品", "商贸", "医药连锁", "超市"))
        rec.extra.update(place=f"西塞山区{rng.choice(PLACES)}{rng.randint(1, 188)}号",
                         item=rng.choice(("食品经营许可（新办）", "食品经营许可（延续）", "食品经营许可（变更）",
                                          "药品经营许可（零售）")))
    dec = spellings(rng, len(permits), [], {"cn": 6, "iso": 1})
    pub = spellings(rng, len(permits), ["serial", "serial"], {"compact": 6, "cn": 1, "serial": 1})
    cells(permits, rng, dec, pub)

    f_special = [
        Rec(None, dt.date(2016, 8, 22), "决定日期空白", extra={"sort_as": dt.date(2016, 8, 10)}),
        Rec(dt.date(2016, 12, 28), None, "12 月下旬作出，尚未公开"),
    ]
    penalties = plan_records(rng, 30, late=2, overdue=2, pending=0, special=f_special)
    number_docs(penalties, rng, "西食药监罚〔2016〕{n}号")
    facts = [("经营超过保质期的食品", "没收违法所得，罚款人民币{m}元"),
             ("未取得食品经营许可从事食品经营活动", "没收违法所得和违法经营的食品，罚款人民币{m}元"),
             ("经营标签不符合规定的预包装食品", "警告，罚款人民币{m}元"),
             ("未按规定建立并遵守药品进货查验记录制度", "警告，罚款人民币{m}元"),
             ("餐饮服务单位使用的餐具未经消毒", "罚款人民币{m}元")]
    for rec in penalties:
        rec.party = shop(rng, ("餐馆", "小吃店", "副食店", "超市", "大药房", "便利店")) if rng.random() < 0.7 \
            else person(rng)
        fact, result = rng.choice(facts)
        rec.extra.update(fact=fact, result=result.format(m=rng.choice((2000, 5000, 10000, 20000, 50000))))
    # A copy-paste slip: the next decision keeps the previous number.
    dup = next(i for i in range(13, len(penalties))
               if penalties[i].planted is None and penalties[i - 1].planted is None)
    penalties[dup].doc = penalties[dup - 1].doc
    penalties[dup].planted = "文号与上一行重复"
    penalties[dup - 1].planted = "文号被下一行重复"
    dec = spellings(rng, len(penalties), ["cn", "cn"], {"cn": 6, "iso": 1})
    pub = spellings(rng, len(penalties), ["serial"], {"compact": 6, "cn": 1, "serial": 1})
    cells(penalties, rng, dec, pub)

    def p_row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, rec.party, rec.extra["place"], rec.extra["item"], rec.decision_cell,
                rec.published_cell, None]

    def f_row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, rec.party, rec.extra["fact"], rec.extra["result"], rec.decision_cell,
                rec.published_cell, None]

    unit_line = "填报单位：区食药监局  填报日期：2016年12月30日"
    footers = ["制表人：赵六  审核人：李四", "注：公开日期为信息在区政府门户网站发布的日期，未公开的留空。"]
    permit_spec = SheetSpec("行政许可", "permit", ["序号", "文号", "申请人", "经营场所", "许可事项", "决定日期", "公开日期", "备注"],
                            permits, p_row, title="区食品药品监督管理局2016年行政许可决定公开情况",
                            unit_line=unit_line, blank_after=(9, 25, 26), footers=footers,
                            widths={1: 24, 2: 30, 3: 30, 4: 22, 5: 16, 6: 12})
    penalty_spec = SheetSpec("行政处罚", "penalty", ["序号", "文号", "当事人", "违法事实", "处罚结果", "决定日期", "公开日期", "备注"],
                             penalties, f_row, title="区食品药品监督管理局2016年行政处罚决定公开情况",
                             unit_line=unit_line, blank_after=(20,), footers=footers,
                             widths={1: 24, 2: 30, 3: 36, 4: 36, 5: 16, 6: 12})
    instructions = ("填表说明", [
        ["填表说明"],
        ["1. 本表分“行政许可”“行政处罚”两个工作表，每个决定填一行。"],
        ["2. 文号填写决定书文号全称，如“西食药监罚〔2016〕3号”。"],
        ["3. 决定日期、公开日期请按“2016年5月3日”或“2016-05-03”格式填写。"],
        ["4. 公开日期为信息在区政府门户网站发布的日期；尚未公开的请留空，不要填“未公开”。"],
        ["5. 每月5日前报区政府办（政务公开科）。"],
    ])
    return "区食药监局_2016年行政许可和行政处罚.xlsx", [permit_spec, penalty_spec], {"instructions": instructions}


def gongshang(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区工商分局: two sheets, full-width digits, date-time cells, serials, a real #VALUE! cell."""
    p_special = [
        Rec(dt.date(2016, 10, 9), dt.date(2016, 10, 11), "10-09（调休上班的周日）作出"),
        Rec(dt.date(2016, 12, 22), None, "12 月下旬作出，尚未公开"),
    ]
    permits = plan_records(rng, 45, late=2, overdue=2, pending=0, special=p_special)
    number_docs(permits, rng, "西工商登许〔2016〕第{n}号")
    for rec in permits:
        rec.party = company(rng, ("商贸", "建材", "物流", "装饰工程", "餐饮管理", "电子商务", "汽车销售", "再生资源"))
        rec.extra.update(code=credit_code(rng), item=rng.choice(("有限责任公司设立登记", "有限责任公司变更登记",
                                                                 "分公司设立登记", "个人独资企业设立登记")))
    dec = spellings(rng, len(permits), ["fullwidth-cn", "serial"], {"fullwidth": 6, "fullwidth-cn": 1, "date-cell": 2})
    pub = spellings(rng, len(permits), [], {"datetime-cell": 5, "fullwidth": 1})
    cells(permits, rng, dec, pub)

    f_special = [
        Rec(None, dt.date(2016, 5, 20), "决定日期单元格是公式错误值 #VALUE!", decision_cell=ERROR,
            extra={"sort_as": dt.date(2016, 5, 6)}),
        Rec(dt.date(2016, 12, 27), None, "12 月下旬作出，尚未公开"),
    ]
    penalties = plan_records(rng, 35, late=3, overdue=1, pending=0, special=f_special)
    number_docs(penalties, rng, "黄西工商处字〔2016〕{n}号")
    acts = [("无照经营", "没收违法所得，罚款{m}元"), ("发布虚假广告", "责令停止发布，罚款{m}元"),
            ("销售侵犯注册商标专用权的商品", "没收侵权商品，罚款{m}元"), ("未按规定报送年度报告", "警告"),
            ("销售不合格产品", "没收不合格产品，罚款{m}元")]
    for rec in penalties:
        personal = rng.random() < 0.3
        rec.party = person(rng) if personal else company(rng, ("商贸", "建材", "百货", "服装", "电器", "汽车销售"))
        act, result = rng.choice(acts)
        rec.extra.update(code="" if personal else credit_code(rng), act=act,
                         result=result.format(m=rng.choice((3000, 5000, 10000, 30000))))
    dec = spellings(rng, len(penalties), ["serial"], {"fullwidth": 5, "date-cell": 3})
    pub = spellings(rng, len(penalties), [], {"datetime-cell": 5, "fullwidth-cn": 1})
    cells(penalties, rng, dec, pub)
    unit = "黄石市西塞山区工商行政管理分局"

    def p_row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, rec.party, rec.extra["code"], rec.extra["item"], rec.decision_cell,
                rec.published_cell, unit]

    def f_row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, rec.party, rec.extra["code"], rec.extra["act"], rec.extra["result"],
                rec.decision_cell, rec.published_cell, unit]

    unit_line = "填报单位：区工商分局  填报日期：2016年12月30日"
    permit_spec = SheetSpec("登记许可", "permit",
                            ["序号", "决定书文号", "行政相对人", "统一社会信用代码", "许可事项", "作出决定日期", "发布日期", "实施机关"],
                            permits, p_row, title="西塞山区工商分局2016年行政许可信息公开情况表", unit_line=unit_line,
                            blank_after=(14, 15), footers=["制表人：孙七  审核人：周八"],
                            date_formats={5: 'yyyy"年"m"月"d"日"', 6: "yyyy-mm-dd hh:mm"},
                            widths={1: 24, 2: 32, 3: 22, 4: 24, 5: 16, 6: 18, 7: 30})
    penalty_spec = SheetSpec("行政处罚", "penalty",
                             ["序号", "决定书文号", "行政相对人", "统一社会信用代码", "违法行为", "处罚种类", "作出决定日期",
                              "发布日期", "实施机关"],
                             penalties, f_row, title="西塞山区工商分局2016年行政处罚信息公开情况表", unit_line=unit_line,
                             blank_after=(7,), footers=["制表人：孙七  审核人：周八", "注：个体工商户无统一社会信用代码的不填。"],
                             date_formats={6: 'yyyy"年"m"月"d"日"', 7: "yyyy-mm-dd hh:mm"},
                             widths={1: 24, 2: 32, 3: 22, 4: 26, 5: 26, 6: 16, 7: 18, 8: 30})
    return "区工商分局_2016年行政许可及行政处罚.xlsx", [permit_spec, penalty_spec], {}


def huanbao(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区环保局: a GBK CSV as Excel saves it, with a title line and footers."""
    special = [Rec(dt.date(2016, 12, 23), None, "12 月下旬作出，尚未公开")]
    recs = plan_records(rng, 30, late=2, overdue=2, pending=0, special=special)
    number_docs(recs, rng, "西环罚〔2016〕{n}号")
    facts = [("废气超标排放", "罚款人民币{m}万元"), ("建设项目未批先建", "责令停止建设，罚款人民币{m}万元"),
             ("污染防治设施未正常运行", "罚款人民币{m}万元"), ("危险废物未按规定贮存", "罚款人民币{m}万元"),
             ("露天焚烧工业固体废物", "罚款人民币{m}万元")]
    for rec in recs:
        rec.party = company(rng, ("建材", "冶金铸造", "化工", "水泥制品", "混凝土", "表面处理", "再生资源"))
        fact, result = rng.choice(facts)
        rec.extra.update(code=credit_code(rng), fact=fact, result=result.format(m=rng.choice((1, 2, 3, 5, 10))))
    # One party name holds a comma, so Excel quoted it.
    recs[5].party = f"{recs[5].party}（原{rng.choice(TRADES)}建材厂，已更名）"
    dec = spellings(rng, len(recs), ["compact", "slash"], {"compact": 4, "slash-padded": 2, "slash": 1})
    pub = spellings(rng, len(recs), ["iso-time", "iso-seconds"], {"iso-time": 4, "slash": 2, "iso-seconds": 1})
    cells(recs, rng, dec, pub)
    headers = ["序号", "处罚决定书文号", "被处罚人", "统一社会信用代码", "违法事实", "处罚结果", "处罚日期", "上网日期", "处罚机关"]

    def row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, rec.party, rec.extra["code"], rec.extra["fact"], rec.extra["result"],
                rec.decision_cell, rec.published_cell, "西塞山区环境保护局"]

    spec = SheetSpec("区环保局_2016年行政处罚", "penalty", headers, recs, row,
                     title="西塞山区环境保护局2016年行政处罚决定公开情况表",
                     unit_line="填报单位：区环保局  填报日期：2016年12月30日",
                     blank_after=(12,), footers=["制表人：吴九  审核人：郑十", "注：处罚日期为处罚决定书作出日期。"])
    return "区环保局_2016年行政处罚.csv", [spec], {}


def zonghezhifa(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区综合执法局: an office system's HTML export saved as .xls (GBK), Chinese-numeral dates."""
    special = [
        Rec(dt.date(2016, 7, 16), dt.date(2016, 7, 19), "周六作出（周末执法）"),
        Rec(dt.date(2016, 9, 14), dt.date(2016, 9, 20), "中秋后 09-20 公开"),
        Rec(None, dt.date(2016, 4, 15), "决定日期为文本“#VALUE!”", decision_cell="#VALUE!",
            extra={"sort_as": dt.date(2016, 4, 6)}),
        Rec(dt.date(2016, 12, 21), None, "12 月下旬作出，尚未公开"),
        Rec(dt.date(2016, 12, 29), None, "12 月下旬作出，尚未公开"),
    ]
    recs = plan_records(rng, 45, late=3, overdue=2, pending=0, special=special)
    number_docs(recs, rng, "西综执罚决字〔2016〕第{n:03d}号")
    acts = [("占道经营", "罚款人民币{m}元"), ("擅自张贴、悬挂宣传品", "罚款人民币{m}元"),
            ("运输渣土车辆未密闭抛撒", "罚款人民币{m}元"), ("未经批准擅自搭建建筑物", "限期拆除，罚款人民币{m}元"),
            ("擅自设置户外广告", "限期拆除，罚款人民币{m}元"), ("随意倾倒建筑垃圾", "罚款人民币{m}元")]
    for rec in recs:
        rec.party = person(rng) if rng.random() < 0.55 else \
            company(rng, ("渣土运输", "广告传媒", "建筑工程", "房地产开发", "物流"))
        act, result = rng.choice(acts)
        rec.extra.update(act=act, result=result.format(m=rng.choice((200, 500, 1000, 2000, 5000, 10000))))
    dec = spellings(rng, len(recs), ["cn-numeral"] * 3, {"cn-numeral": 5, "cn": 1})
    pub = spellings(rng, len(recs), ["iso-seconds"], {"iso": 4, "iso-seconds": 2})
    cells(recs, rng, dec, pub)
    headers = ["序号", "处罚决定书编号", "当事人", "违法行为", "处罚内容", "处罚决定日期", "发布日期", "执法机关"]

    def row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, rec.party, rec.extra["act"], rec.extra["result"], rec.decision_cell,
                rec.published_cell, "西塞山区城市管理综合执法局"]

    spec = SheetSpec("区综合执法局_2016年行政处罚", "penalty", headers, recs, row,
                     title="西塞山区城市管理综合执法局2016年行政处罚决定公开情况",
                     unit_line="填报单位：区综合执法局  导出时间：2016-12-30 16:42:10",
                     blank_after=(21,), footers=["制表人：钱一  审核人：李四", "注：本表由政务公开管理系统导出。"])
    return "区综合执法局_2016年行政处罚.xls", [spec], {"page_title": "行政处罚信息导出"}


def guotu(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区国土分局: long national-system wordings, 公示截止期, serial numbers, a merged 注 line."""
    special = [Rec(dt.date(2016, 12, 20), None, "12 月下旬作出，尚未公开")]
    recs = plan_records(rng, 25, late=2, overdue=1, pending=0, special=special)
    number_docs(recs, rng, "西国土资罚〔2016〕{n}号")
    for rec in recs:
        personal = rng.random() < 0.5
        rec.party = person(rng) if personal else company(rng, ("房地产开发", "建材", "矿业", "物流", "石材"))
        area = rng.randint(80, 3000)
        rec.extra.update(code=id_masked(rng) if personal else credit_code(rng),
                         reason=rng.choice(("非法占用集体土地建设", "未经批准擅自开采砂石", "非法转让土地使用权")),
                         result=f"责令退还非法占用的土地{area}平方米，限期拆除新建建筑物，并处罚款{area * 10}元")
    dec = spellings(rng, len(recs), ["serial", "serial", "serial", "dot"], {"date-cell": 4, "dot": 2, "serial": 1})
    pub = spellings(rng, len(recs), [], {"date-cell": 3, "iso": 1})
    cells(recs, rng, dec, pub)
    headers = ["行政处罚决定书文号", "处罚名称", "处罚类别1", "处罚事由", "行政相对人名称",
               "统一社会信用代码/身份证号码", "处罚结果", "作出处罚决定日期", "公示截止期", "处罚机关", "信息公开日期"]

    def row(rec: Rec, i: int) -> list:
        until = years_later(rec.decision, 3) if rec.decision else None
        return [rec.doc, f"{rec.party}{rec.extra['reason']}案", "责令改正；罚款", rec.extra["reason"], rec.party,
                rec.extra["code"], rec.extra["result"], rec.decision_cell, until, "黄石市国土资源局西塞山分局", rec.published_cell]

    spec = SheetSpec("行政处罚", "penalty", headers, recs, row,
                     title="黄石市国土资源局西塞山分局2016年行政处罚信息公示",
                     unit_line="填报单位：区国土分局  填报日期：2016年12月30日", merge_unit_line=True,
                     footers=["以下空白", "注：公示期满后由系统自动撤下，公示截止期为作出处罚决定之日起三年。"],
                     merge_footers=(1,),
                     date_formats={7: "yyyy-mm-dd", 8: "yyyy-mm-dd", 10: "yyyy-mm-dd"},
                     widths={0: 22, 1: 40, 3: 24, 4: 30, 5: 24, 6: 50, 7: 16, 8: 14, 9: 26, 10: 14})
    return "区国土分局_2016年行政处罚.xlsx", [spec], {}


def bianban(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区编办: 事业单位登记 (a permit), default sheet names with two empty sheets, template's empty numbered rows."""
    recs = plan_records(rng, 20, late=1, overdue=1, pending=0)
    number_docs(recs, rng, "西编事登〔2016〕{n}号")
    units = ("西塞山区{p}小学", "西塞山区{p}社区卫生服务中心", "西塞山区{p}中学", "西塞山区{p}幼儿园",
             "西塞山区{p}街道综合服务中心", "西塞山区{p}农业技术推广站", "西塞山区{p}文化站")
    for rec in recs:
        rec.party = rng.choice(units).format(p=rng.choice(("八泉", "澄月", "临江", "陈家湾", "章山", "河口", "黄思湾")))
        rec.extra.update(item=rng.choice(("事业单位法人设立登记", "事业单位法人变更登记", "事业单位法人注销登记")))
    dec = spellings(rng, len(recs), ["dot", "cn"], {"dot": 3, "cn": 2})
    pub = spellings(rng, len(recs), [], {"dot": 3, "cn": 2})
    cells(recs, rng, dec, pub)
    headers = ["序号", "事项名称", "决定文书号", "申请人", "许可日期", "上网公开时间", "备注"]

    def row(rec: Rec, i: int) -> list:
        return [i + 1, rec.extra["item"], rec.doc, rec.party, rec.decision_cell, rec.published_cell, None]

    spec = SheetSpec("Sheet1", "permit", headers, recs, row,
                     title="区编办2016年行政许可（事业单位登记）信息公开台账",
                     unit_line="填报单位：区编办  填报日期：2016年12月30日",
                     tail=[[n] for n in range(21, 26)],  # the template's pre-numbered empty rows
                     footers=["填表人：陈十一  审核人：李四"],
                     widths={1: 24, 2: 20, 3: 34, 4: 14, 5: 14})
    return "区编办_2016年行政许可.xlsx", [spec], {"empty_sheets": ("Sheet2", "Sheet3")}


def nonglin(rng: random.Random) -> tuple[str, list[SheetSpec], dict]:
    """区农林水利局: 序号 first and no unit column; the unit is on the 填报单位 line, with a space in its name.

    Also a 报送日期 column (the day the sheet was sent, never the publication date)
    and footers justified with spaces (合  计, 制 表 人).
    """
    recs = plan_records(rng, 20, late=2, overdue=1, pending=1)
    number_docs(recs, rng, "西农许〔2016〕{n}号")
    items = ("林木采伐许可", "水产苗种生产许可", "取水许可", "农药经营许可", "动物防疫条件合格证核发")
    for rec in recs:
        rec.party = company(rng, ("农业", "林业", "水产养殖", "农资", "生态农业"))
        rec.extra.update(item=rng.choice(items), unit="西塞山区农林水利局")
    dec = spellings(rng, len(recs), ["iso", "date-cell"], {"iso": 3, "date-cell": 2})
    pub = spellings(rng, len(recs), [], {"iso": 3, "slash": 1})
    cells(recs, rng, dec, pub)
    headers = ["序号", "许可决定书文号", "被许可人", "许可事项", "许可决定日期", "上网公开日期", "报送日期"]

    def row(rec: Rec, i: int) -> list:
        return [i + 1, rec.doc, rec.party, rec.extra["item"], rec.decision_cell, rec.published_cell, "2016-12-30"]

    spec = SheetSpec("行政许可", "permit", headers, recs, row,
                     title="西塞山区农林水利局2016年行政许可信息公开情况表",
                     unit_line="填报单位：西塞山区 农林水利局        填报日期：2016年12月30日",
                     footers=["合  计：20 件", "制 表 人：赵六    审 核 人：李四"],
                     widths={1: 22, 2: 30, 3: 22, 4: 14, 5: 14, 6: 12})
    return "区农林水利局_2016年行政许可.xlsx", [spec], {}


UNITS = (renshe, anjian, shiyaojian, gongshang, huanbao, zonghezhifa, guotu, bianban, nonglin)

MESS = {
    "区人社局_2016年行政许可.xlsx": "国家“双公示”2016版许可表头（带*号与换行“（必填）”）；首个工作表为“填表说明”（字段说明表）；合并标题行、填报单位行；许可截止期、数据更新时间戳两列日期干扰；决定日期为日期单元格，其中一格是文本“2016-02-30”；公开日期多为文本“2016-05-03”，少数带时间或为日期单元格；数据中 2 个空行；制表人/注 脚注",
    "区安监局_2016年行政处罚.xlsx": "国家标准2016版处罚表头；工作表名 Sheet1；处罚机关列在全部数据行上纵向合并；填报单位行横向合并；决定日期多为文本“2016/5/3”，少数为日期单元格；公示日期为“2016.5.3”；国庆节当日作出的决定；公开日期早于决定日期 1 条",
    "区食药监局_2016年行政许可和行政处罚.xlsx": "一个工作簿三个工作表：填表说明（单列条文）、行政许可、行政处罚；短表头 文号/申请人/当事人/决定日期/公开日期；决定日期“2016年5月3日”；公开日期为文本“20160503”，少数为数值序列号（如 42491）；处罚表中决定日期空白 1 条、文号重复 1 对；数据中空行",
    "区工商分局_2016年行政许可及行政处罚.xlsx": "两个工作表（登记许可、行政处罚）；表头 决定书文号/行政相对人/作出决定日期/发布日期/实施机关；全角数字“２０１６－０５－０３”“２０１６年５月３日”；日期单元格、带时分的日期单元格、数值序列号；处罚表中 1 格为真正的公式错误值 #VALUE!（=DATEVALUE(…)）",
    "区环保局_2016年行政处罚.csv": "GBK 编码 CSV（Excel 另存的样子，CRLF）；首行标题、第二行填报单位；表头 处罚决定书文号/被处罚人/处罚日期/上网日期；日期“20160503”“2016/05/03”“2016/5/3”，公开日期带时间“2016-05-03 14:30”“…14:30:05”；一个含逗号的当事人名称（带引号）",
    "区综合执法局_2016年行政处罚.xls": "扩展名 .xls，实为办公系统导出的 HTML 表格（GBK，meta charset=gbk）；标题与填报单位行为 colspan 单元格；空单元格为 &nbsp;；决定日期为中文数字“二〇一六年九月十四日”；发布日期“2016-09-20”或带秒；周六作出的决定；决定日期为文本“#VALUE!” 1 条",
    "区国土分局_2016年行政处罚.xlsx": "国家系统长表头（作出处罚决定日期、信息公开日期），含“公示截止期”日期干扰列；无序号列；决定日期混用日期单元格、“2016.5.3”和数值序列号；“以下空白”行；“注：”脚注在整行上横向合并",
    "区农林水利局_2016年行政许可.xlsx": "序号列在首、没有单位列，单位写在表头上方的“填报单位：西塞山区 农林水利局  填报日期：…”一行（名称中有空格）；另有“报送日期”列（报送日期不是公开日期）；“合  计”“制 表 人”等用空格撑开的脚注",
    "区编办_2016年行政许可.xlsx": "事业单位登记（许可）；默认工作表名 Sheet1，另有空的 Sheet2、Sheet3；表头 决定文书号/申请人/许可日期/上网公开时间；日期“2016.5.3”“2016年5月3日”；数据下方有 5 行只有序号的模板空行",
}


def main() -> None:
    rng = random.Random(SEED)
    DATA.mkdir(exist_ok=True)
    for old in [*DATA.iterdir(), *HERE.iterdir()]:
        if (old.parent == DATA and old.suffix.lower() in (".xlsx", ".xls", ".csv")) or old.name in OUTPUTS:
            old.unlink()
    manifest = []
    per_file = []
    for unit in UNITS:
        name, specs, options = unit(random.Random(rng.randrange(1 << 30)))
        for spec in specs:
            lay_out(spec)
        path = DATA / name
        if name.endswith(".csv"):
            write_csv_gbk(path, specs[0])
        elif name.endswith(".xls"):
            write_html_xls(path, specs[0], options["page_title"])
        else:
            write_xlsx(path, specs, creator=name.split("_")[0], instructions=options.get("instructions"),
                       empty_sheets=options.get("empty_sheets", ()))
        for spec in specs:
            counts = Counter()
            for rec in spec.recs:
                s20 = status(rec.decision, rec.published, 20, AS_OF)
                s7 = status(rec.decision, rec.published, 7, AS_OF)
                counts[s20] += 1
                manifest.append({
                    "file": name, "sheet": spec.name, "row": rec.row, "category": spec.category,
                    "document_number": rec.doc, "party": rec.party,
                    "decision_cell": _show(rec.decision_cell), "published_cell": _show(rec.published_cell),
                    "decision_date": rec.decision.isoformat() if rec.decision else None,
                    "published_date": rec.published.isoformat() if rec.published else None,
                    "decision_spelling": rec.extra.get("dec_spelling"),
                    "published_spelling": rec.extra.get("pub_spelling"),
                    "deadline_20": add_workdays(rec.decision, 20).isoformat() if rec.decision else None,
                    "status_20": s20, "status_7": s7, "planted": rec.planted,
                    **({"unit": rec.extra["unit"]} if "unit" in rec.extra else {}),
                })
            per_file.append((name, spec, counts))
    check(manifest)
    records = ",\n".join(json.dumps(m, ensure_ascii=False) for m in manifest)  # one record a line
    (HERE / "expected.json").write_text(
        f'{{"as_of": "{AS_OF.isoformat()}", "rule_days": [20, 7], "seed": {SEED}, "records": [\n{records}\n]}}\n',
        encoding="utf-8")
    (HERE / "README.md").write_text(readme(manifest, per_file), encoding="utf-8")
    print(f"{len(manifest)} records in {len(UNITS)} files written to {DATA}")


def _show(value) -> object:
    if value is ERROR:
        return "#VALUE!（公式错误值）"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") + "（日期单元格）"
    return value


def check(manifest: list[dict]) -> None:
    """The sample must keep what the brief asks for."""
    count = Counter(m["status_20"] for m in manifest)
    assert 300 <= len(manifest) <= 400, len(manifest)
    assert count["late"] and count["overdue"] and count["pending"] and count["invalid"] == 5, count
    used = {m["decision_spelling"] for m in manifest} | {m["published_spelling"] for m in manifest}
    assert set(SPELL) <= used, set(SPELL) - used
    keys = Counter((m["file"], m["document_number"]) for m in manifest)
    assert sum(v - 1 for v in keys.values()) == 1, [k for k, v in keys.items() if v > 1]
    for m in manifest:
        if m["published_date"]:
            assert m["published_date"] <= FILL_DATE.isoformat(), m


def readme(manifest: list[dict], per_file: list) -> str:
    total = Counter(m["status_20"] for m in manifest)
    total7 = Counter(m["status_7"] for m in manifest)
    lines = [
        "# 样例数据：西塞山区 2016 年行政许可、行政处罚公开情况",
        "",
        "由 `python tools/samples/make_samples.py`（在仓库根目录运行）生成，固定随机种子，结果与运行日期无关，"
        "请勿手工修改；要改就改脚本再重新生成。每条记录的行号、原始单元格和预期状态见 `expected.json`。",
        "",
        "这些文件故意保留各单位报表的真实“乱”：标题行、填报单位行、填表说明工作表、空行、脚注、合并单元格、"
        "各式各样的日期写法、GBK 编码的 CSV、HTML 冒充的 .xls。",
        "",
        "## 文件",
        "",
        "| 文件 | 工作表 | 类别 | 表头行 | 记录数 | 按时 | 逾期公开 | 逾期未公开 | 未到期 | 数据有误 | 其他非记录行 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, spec, counts in per_file:
        other = "、".join(f"{k} {v}" for k, v in (("空行", spec.skipped["blank"]), ("模板空行", spec.skipped["tail"]),
                                                   ("脚注", spec.skipped["footer"])) if v)
        lines.append(f"| {name} | {spec.name} | {'许可' if spec.category == 'permit' else '处罚'} | {spec.header_row} | "
                     f"{len(spec.recs)} | {counts['on_time']} | {counts['late']} | {counts['overdue']} | "
                     f"{counts['pending']} | {counts['invalid']} | {other} |")
    lines.append(f"| **合计** | | | | **{len(manifest)}** | {total['on_time']} | {total['late']} | "
                 f"{total['overdue']} | {total['pending']} | {total['invalid']} | |")
    lines += ["", "状态按默认规则（20 个工作日）、截至 **2016-12-31** 计算。"
              f"今天再查（截至日期在 2017 年 2 月以后），{total['pending']} 条“未到期”都变为“逾期未公开”。"
              f"按 7 个工作日规则、截至 2016-12-31：按时 {total7['on_time']}、逾期公开 {total7['late']}、"
              f"逾期未公开 {total7['overdue']}、未到期 {total7['pending']}、数据有误 {total7['invalid']}。",
              "“其他非记录行”指表头以下不是记录的行（空行、只有序号的模板行、制表人/注 等脚注）；"
              "表头以上的标题行、填报单位行不计。填表说明工作表和空工作表没有表头、没有记录。", "",
              "## 各文件的“乱”", ""]
    for name, text in MESS.items():
        lines.append(f"- **{name}**：{text}。")
    lines += ["", "## 特意埋下的记录", "",
              "| 文件 | 工作表 | 行 | 文号 | 决定日期单元格 | 公开日期单元格 | 预期状态 | 说明 |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    label = {"on_time": "按时公开", "late": "逾期公开", "overdue": "逾期未公开", "pending": "未到期", "invalid": "数据有误"}
    for m in manifest:
        if m["planted"]:
            lines.append(f"| {m['file']} | {m['sheet']} | {m['row']} | {m['document_number']} | "
                         f"{m['decision_cell'] or '（空）'} | {m['published_cell'] or '（空）'} | "
                         f"{label[m['status_20']]} | {m['planted']} |")
    lines += ["", "另有随机生成的逾期公开记录（公开日在第 21 至第 61 个工作日之间）和逾期未公开记录"
              "（2016 年 1–11 月作出、公开日期空白），见 `expected.json` 中 `status_20`。",
              "", "数据有误的 5 条：决定日期“2016-02-30”（不存在的日期）、公式错误值 #VALUE!（工商分局，真正的错误单元格）、"
              "文本“#VALUE!”（综合执法局）、决定日期空白（食药监局）、公开日期早于决定日期（安监局）。"
              "此外食药监局“行政处罚”表有 1 对重复文号（两条都是记录）。", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
