"""Every problem code, declared once: its level and its Chinese message template.

Levels: ``file`` (a file that cannot be read), ``sheet`` (a worksheet note),
``record`` (a record that cannot be judged, or needs a word) and ``cell``
(one date cell). Codes are stable kebab-case strings, shown in JSON and the
report; messages are built from the templates only when written out.
Records carry problems as codes in columns (vectorised).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .dates import MAX_YEAR, MIN_YEAR, iso_date

FILE, SHEET, RECORD, CELL = "file", "sheet", "record", "cell"


@dataclass(frozen=True)
class ProblemType:
    code: str
    level: str
    template: str

    def message(self, **values) -> str:
        return self.template.format(**values)


_DECLARED = [
    # -- files -----------------------------------------------------------------
    ProblemType("file-not-found", FILE, "找不到这个文件或文件夹"),
    ProblemType("file-unreadable", FILE, "无法打开文件（{reason}）"),
    ProblemType("empty-file", FILE, "文件是空的"),
    ProblemType("encrypted-file", FILE, "文件已加密（设置了打开密码），请去掉密码后另存再报送"),
    ProblemType("unsupported-format", FILE, "{reason}"),
    ProblemType("not-a-spreadsheet", FILE, "{reason}"),
    ProblemType("corrupt-file", FILE, "{reason}"),
    ProblemType("no-workbook-in-zip", FILE, "这是一个压缩包，里面没有 Excel 工作簿{hint}"),
    ProblemType("office-document", FILE, "这是 {kind}，不是表格。请把表格放进 Excel/WPS 表格中，另存为 .xlsx 后再报送"),
    ProblemType("lock-file", FILE, "这是 Excel/WPS 打开“{name}”时生成的临时锁定文件（~$ 开头），不是报送的表格；"
                                   "请改为检查“{name}”，必要时先关闭 Excel/WPS"),
    ProblemType("file-too-large", FILE, "工作簿解压后有 {size_mb:,.0f} MB，超过上限 {limit_mb:,.0f} MB，"
                                        "已拒绝读取（可能是恶意文件）"),
    ProblemType("undecodable-text", FILE, "第 {line} 行有无法识别的字符（不是 UTF-8、GBK/GB18030 或 UTF-16 编码），"
                                          "请用 Excel/WPS 打开后另存为 .xlsx 或 UTF-8 CSV"),
    ProblemType("no-header", FILE, "所有工作表（{sheets}）都找不到表头，没有可检查的数据。"
                                   "表头应含“文书号”“决定日期”“公开日期”等列名"),
    ProblemType("read-failed", FILE, "读取时出错（{reason}）"),
    ProblemType("sheet-too-sparse", FILE, "工作表“{sheet}”的单元格 {cell} 有内容，离数据很远，整张表将有 {cells:,} 个单元格，"
                                          "读取会耗尽内存，已拒绝读取。请在 Excel/WPS 中删除该单元格（或其所在的行、列）后另存再报送"),
    ProblemType("file-not-read", FILE, "{reason}"),
    ProblemType("read-aborted", FILE, "读取这个文件时读取程序异常退出（{reason}），已跳过；其他文件不受影响。"
                                      "请用 Excel/WPS 打开后另存为 .xlsx 再报送"),
    # -- sheets ----------------------------------------------------------------
    ProblemType("sheet-hidden", SHEET, "这是一个隐藏的工作表，其中的记录也已计入；如不应计入，请删除该工作表"),
    ProblemType("sheet-no-header", SHEET, "未找到表头（不含文书号、决定日期等列），已跳过此工作表"),
    ProblemType("sheet-columns-missing", SHEET, "找不到{labels}列，这些记录无法判定。看到的列名：{seen}。"
                                                "可在 compliance.toml 的 [columns] 中为 {fields} 补充同义词"),
    ProblemType("sheet-several-tables", SHEET, "工作表中有 {count} 个表格（第 {rows} 行是另一个表头），各按自己的表头读取"),
    ProblemType("own-report-skipped", SHEET, "这是本工具生成的检查报告，已跳过"),
    ProblemType("sheet-example", SHEET, "这是填写示例工作表，其中的行不是真实决定，已跳过"),
    ProblemType("rows-example", SHEET, "第 {rows} 行是填写示例，不是真实决定，已跳过"),
    ProblemType("sheet-side-by-side", SHEET, "工作表中左右并排有 {count} 个表格（{ranges}），各按自己的表头读取"),
    # -- cells (dates) -----------------------------------------------------------
    ProblemType("date-missing", CELL, "日期为空"),
    ProblemType("date-unparseable", CELL, "无法识别的日期：{text}"),
    ProblemType("date-impossible", CELL, "不存在的日期：{text}"),
    ProblemType("date-out-of-range", CELL, "日期超出合理范围（" + f"{MIN_YEAR}–{MAX_YEAR}" + " 年）：{text}"),
    ProblemType("date-formula-error", CELL, "单元格是公式错误值：{text}"),
    ProblemType("date-invalid-type", CELL, "单元格不是日期：{text}"),
    ProblemType("date-formula-uncached", CELL, "单元格是公式，但文件中没有保存计算结果（可能由其他软件生成），"
                                               "请在 Excel/WPS 中打开并保存后再报送：{text}"),
    # -- records -----------------------------------------------------------------
    ProblemType("decision-column-missing", RECORD, "工作表中找不到决定日期列"),
    ProblemType("published-column-missing", RECORD, "工作表中找不到公开日期列，无法判断是否按时公开"),
    ProblemType("category-unknown", RECORD, "无法判断是许可还是处罚：没有类别列，列名、工作表名和文件名中也没有“许可”或“处罚”字样"),
    ProblemType("duplicate-document-number", RECORD, "文书号重复，首次出现在 {where}"),
    ProblemType("document-number-missing", RECORD, "缺少文书号"),
    ProblemType("published-before-decision", RECORD, "公开日期 {published} 早于决定日期 {decision}"),
    ProblemType("published-after-run-date", RECORD, "公开日期 {published} 晚于检查当天 {run_date}，日期有误"),
    ProblemType("published-after-as-of", RECORD, "公开日期 {published} 晚于统计截止日 {as_of}，按截至 {as_of} 尚未公开判定"),
    ProblemType("calendar-not-covered", RECORD, "需要 {year} 年的节假日数据才能判定，请用 --calendar 提供 {year} 年日历文件"),
    ProblemType("duplicate-conflict", RECORD, "另一份报送中有同一文书号但日期不同：{conflict}；无法判定以哪份为准，"
                                              "请核实后只报送正确的一份"),
    ProblemType("repeat-counted-once", RECORD, "与 {first} 是同一决定（单位、类别、文书号和日期都相同），只计一次"),
    ProblemType("duplicate-file", FILE, "与 {first} 内容完全相同（SHA-256 相同），只读取一次"),
    ProblemType("decision-after-run-date", RECORD, "决定日期 {decision} 晚于检查当天 {run_date}，日期有误"),
    # -- records checked against the online list (--online) ------------------------
    ProblemType("online-not-found-claimed", RECORD, "台账填写已公开（{ledger}），网站未见，按未公开判定"),
    ProblemType("online-date-differs", RECORD, "台账公开日期 {ledger}，网站公开日期 {online}，按网站日期判定"),
    ProblemType("online-ambiguous", RECORD, "网站清单中有多条可能对应的信息（{candidates}），无法确定是哪一条，按台账判定"),
    ProblemType("online-outside-span", RECORD, "应公开截止日期 {deadline} 早于网站清单的起始日期 {start}，"
                                               "网站上的旧信息可能已按公示期限撤下，无法核对，按台账判定"),
    ProblemType("online-undated", RECORD, "网站清单中对应的信息没有可用的发布日期，无法核对，按台账判定"),
    ProblemType("online-update-date-only", RECORD, "网站清单只有更新时间（{column}），不一定是首次公开日期，据此判定证明力较弱"),
]
PROBLEMS = {p.code: p for p in _DECLARED}
assert len(PROBLEMS) == len(_DECLARED), "a problem code is declared twice"


def message(code: str, **values) -> str:
    """The Chinese message of ``code`` with its values filled in."""
    return PROBLEMS[code].message(**values)


def level(code: str) -> str:
    return PROBLEMS[code].level


def date_problem(field_label: str, code: str, text: str) -> dict:
    return {"code": code, "message": f"{field_label}：{message(code, text=text or '（空）')}"}


def record_issues(row: dict, as_of: str = "", run_date: str = "") -> list[dict]:
    """All problems of one record (a dict of its columns), in a stable order."""
    row = {k: (None if _missing(v) else v) for k, v in row.items()}
    issues = []
    for field, label in (("decision", "决定日期"), ("published", "公开日期")):
        code = row.get(f"{field}_problem")
        if code and level(code) == RECORD:  # a sheet-level cause: the column itself is missing
            issues.append({"code": code, "message": message(code)})
        elif code:
            issues.append(date_problem(label, code, row.get(f"{field}_text", "")))
    if row.get("category_problem"):
        issues.append({"code": row["category_problem"], "message": message(row["category_problem"])})
    values = {"published": iso_date(row.get("published_date")), "decision": iso_date(row.get("decision_date")),
              "as_of": as_of, "run_date": run_date, "year": row.get("missing_year"),
              "conflict": row.get("conflict_with")}
    if row.get("check_problem"):
        issues.append({"code": row["check_problem"], "message": message(row["check_problem"], **values)})
    if row.get("published_after_as_of"):
        issues.append({"code": "published-after-as-of", "message": message("published-after-as-of", **values)})
    if row.get("missing_year"):
        issues.append({"code": "calendar-not-covered", "message": message("calendar-not-covered", **values)})
    if not row.get("document_number"):
        issues.append({"code": "document-number-missing", "message": message("document-number-missing")})
    if row.get("duplicate_of"):
        issues.append({"code": "duplicate-document-number",
                       "message": message("duplicate-document-number", where=row["duplicate_of"])})
    if row.get("online_problem"):  # --online: rendered once in online/verify.py
        issues.append({"code": row["online_problem"], "message": row.get("online_note") or ""})
    if row.get("online_update_only"):
        issues.append({"code": "online-update-date-only",
                       "message": message("online-update-date-only", column=row.get("online_date_column") or "更新时间")})
    return issues


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


ISSUE_COLUMNS = ("decision_problem", "decision_text", "published_problem", "published_text", "category_problem",
                 "document_number", "duplicate_of", "check_problem", "published_after_as_of", "missing_year",
                 "published_date", "decision_date", "conflict_with",
                 "online_problem", "online_note", "online_update_only", "online_date_column")


def issues_column(records: pd.DataFrame, as_of: str = "", run_date: str = "") -> list[list[dict]]:
    """record_issues for every record; used by the writers, which go record by record anyway.

    Records with no problem code at all skip the per-record work.
    """
    columns = [c for c in ISSUE_COLUMNS if c in records.columns]
    flags = np.zeros(len(records), dtype=bool)
    for name in ("decision_problem", "published_problem", "category_problem", "duplicate_of", "check_problem",
                 "online_problem"):
        if name in records.columns:
            flags |= records[name].notna().to_numpy(bool)
    if "published_after_as_of" in records.columns:
        flags |= records["published_after_as_of"].to_numpy(bool)
    if "missing_year" in records.columns:
        flags |= records["missing_year"].to_numpy() != 0
    if "online_update_only" in records.columns:
        flags |= records["online_update_only"].to_numpy(bool)
    flags |= records["document_number"].eq("").to_numpy(bool)
    # One shared, immutable "no issues" for the unflagged records: a million empty lists were 56 MB.
    out: list = [()] * len(records)
    flagged = np.flatnonzero(flags)
    subset = records.iloc[flagged]  # convert only the rows that have something to say
    arrays = [subset[c].to_numpy(object) for c in columns]
    for k, i in enumerate(flagged):
        out[i] = record_issues({c: a[k] for c, a in zip(columns, arrays)}, as_of, run_date)
    return out
