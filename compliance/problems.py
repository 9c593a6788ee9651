"""Problem records: stable kebab-case codes and the Chinese messages shown to users.

Records carry problems as codes in columns (vectorised); messages are built
only when a record is written out (JSON, report).
"""

from __future__ import annotations

import pandas as pd

from .dates import PROBLEM_MESSAGES, problem_message

RECORD_PROBLEMS = {
    "decision-column-missing": "工作表中找不到决定日期列",
    "category-unknown": "无法判断是许可还是处罚：没有类别列，列名、工作表名和文件名中也没有“许可”或“处罚”字样",
    "duplicate-document-number": "文书号重复，首次出现在 {where}",
    "document-number-missing": "缺少文书号",
    "published-before-decision": "公开日期 {published} 早于决定日期 {decision}",
    "published-after-run-date": "公开日期 {published} 晚于检查当天 {run_date}，日期有误",
    "published-after-as-of": "公开日期 {published} 晚于统计截止日 {as_of}，按截至 {as_of} 尚未公开判定",
    "calendar-not-covered": "需要 {year} 年的节假日数据才能判定，请用 --calendar 提供 {year} 年日历文件",
}

#: codes that make a record impossible to judge
INVALIDATING = {"decision-column-missing", "published-before-decision", "published-after-run-date"} | {
    f"decision:{code}" for code in PROBLEM_MESSAGES} | {f"published:{code}" for code in PROBLEM_MESSAGES}


def date_problem(field_label: str, code: str, text: str) -> dict:
    return {"code": code, "message": f"{field_label}：{problem_message(code, text or '（空）')}"}


def record_issues(row: dict) -> list[dict]:
    """All problems of one record (a dict of its columns), in a stable order."""
    issues = []
    if row.get("decision_problem"):
        code = row["decision_problem"]
        if code in RECORD_PROBLEMS:
            issues.append({"code": code, "message": RECORD_PROBLEMS[code]})
        else:
            issues.append(date_problem("决定日期", code, row.get("decision_text", "")))
    if row.get("published_problem"):
        issues.append(date_problem("公开日期", row["published_problem"], row.get("published_text", "")))
    if row.get("category_problem"):
        issues.append({"code": row["category_problem"], "message": RECORD_PROBLEMS[row["category_problem"]]})
    if not row.get("document_number"):
        issues.append({"code": "document-number-missing", "message": RECORD_PROBLEMS["document-number-missing"]})
    if row.get("duplicate_of"):
        issues.append({"code": "duplicate-document-number",
                       "message": RECORD_PROBLEMS["duplicate-document-number"].format(where=row["duplicate_of"])})
    for code, values in (row.get("check_issues") or ()):
        issues.append({"code": code, "message": RECORD_PROBLEMS[code].format(**values)})
    return issues


def issues_column(records: pd.DataFrame) -> list[list[dict]]:
    """record_issues for every record (used by writers, which go row by row anyway)."""
    columns = [c for c in ("decision_problem", "decision_text", "published_problem", "published_text",
                           "category_problem", "document_number", "duplicate_of", "check_issues")
               if c in records.columns]
    return [record_issues(dict(zip(columns, values)))
            for values in zip(*(records[c].to_numpy(object) for c in columns))]
