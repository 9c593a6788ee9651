"""Problem records: stable kebab-case codes and the Chinese messages shown to users.

Records carry problems as codes in columns (vectorised); messages are built
only when a record is written out (JSON, report).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dates import problem_message

RECORD_PROBLEMS = {
    "decision-column-missing": "工作表中找不到决定日期列",
    "published-column-missing": "工作表中找不到公开日期列，无法判断是否按时公开",
    "category-unknown": "无法判断是许可还是处罚：没有类别列，列名、工作表名和文件名中也没有“许可”或“处罚”字样",
    "duplicate-document-number": "文书号重复，首次出现在 {where}",
    "document-number-missing": "缺少文书号",
    "published-before-decision": "公开日期 {published} 早于决定日期 {decision}",
    "published-after-run-date": "公开日期 {published} 晚于检查当天 {run_date}，日期有误",
    "published-after-as-of": "公开日期 {published} 晚于统计截止日 {as_of}，按截至 {as_of} 尚未公开判定",
    "calendar-not-covered": "需要 {year} 年的节假日数据才能判定，请用 --calendar 提供 {year} 年日历文件",
    "decision-after-run-date": "决定日期 {decision} 晚于检查当天 {run_date}，日期有误",
}

def date_problem(field_label: str, code: str, text: str) -> dict:
    return {"code": code, "message": f"{field_label}：{problem_message(code, text or '（空）')}"}


def record_issues(row: dict, as_of: str = "", run_date: str = "") -> list[dict]:
    """All problems of one record (a dict of its columns), in a stable order."""
    row = {k: (None if _missing(v) else v) for k, v in row.items()}
    issues = []
    for field, label in (("decision", "决定日期"), ("published", "公开日期")):
        code = row.get(f"{field}_problem")
        if code in RECORD_PROBLEMS:  # a sheet-level cause: the column itself is missing
            issues.append({"code": code, "message": RECORD_PROBLEMS[code]})
        elif code:
            issues.append(date_problem(label, code, row.get(f"{field}_text", "")))
    if row.get("category_problem"):
        issues.append({"code": row["category_problem"], "message": RECORD_PROBLEMS[row["category_problem"]]})
    values = {"published": _iso(row.get("published_date")), "decision": _iso(row.get("decision_date")),
              "as_of": as_of, "run_date": run_date, "year": row.get("missing_year")}
    if row.get("check_problem"):
        issues.append({"code": row["check_problem"], "message": RECORD_PROBLEMS[row["check_problem"]].format(**values)})
    if row.get("published_after_as_of"):
        issues.append({"code": "published-after-as-of", "message": RECORD_PROBLEMS["published-after-as-of"].format(**values)})
    if row.get("missing_year"):
        issues.append({"code": "calendar-not-covered", "message": RECORD_PROBLEMS["calendar-not-covered"].format(**values)})
    if not row.get("document_number"):
        issues.append({"code": "document-number-missing", "message": RECORD_PROBLEMS["document-number-missing"]})
    if row.get("duplicate_of"):
        issues.append({"code": "duplicate-document-number",
                       "message": RECORD_PROBLEMS["duplicate-document-number"].format(where=row["duplicate_of"])})
    return issues


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _iso(value) -> str:
    if value is None or pd.isna(value):
        return ""
    return pd.Timestamp(value).date().isoformat()


ISSUE_COLUMNS = ("decision_problem", "decision_text", "published_problem", "published_text", "category_problem",
                 "document_number", "duplicate_of", "check_problem", "published_after_as_of", "missing_year",
                 "published_date", "decision_date")


def issues_column(records: pd.DataFrame, as_of: str = "", run_date: str = "") -> list[list[dict]]:
    """record_issues for every record; used by the writers, which go record by record anyway.

    Records with no problem code at all skip the per-record work.
    """
    columns = [c for c in ISSUE_COLUMNS if c in records.columns]
    flags = np.zeros(len(records), dtype=bool)
    for name in ("decision_problem", "published_problem", "category_problem", "duplicate_of", "check_problem"):
        if name in records.columns:
            flags |= records[name].notna().to_numpy(bool)
    if "published_after_as_of" in records.columns:
        flags |= records["published_after_as_of"].to_numpy(bool)
    if "missing_year" in records.columns:
        flags |= records["missing_year"].to_numpy() != 0
    flags |= records["document_number"].eq("").to_numpy(bool)
    out: list[list[dict]] = [[] for _ in range(len(records))]
    flagged = np.flatnonzero(flags)
    subset = records.iloc[flagged]  # convert only the rows that have something to say
    arrays = [subset[c].to_numpy(object) for c in columns]
    for k, i in enumerate(flagged):
        out[i] = record_issues({c: a[k] for c, a in zip(columns, arrays)}, as_of, run_date)
    return out
