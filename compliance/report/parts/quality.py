"""The data-quality checks (quality/) as a part of the outputs: 个人信息 on 汇总, the JSON's rates and
counts, a terminal line, lines of 说明, and its finding for the verdict (a quality error: exit 1).

合规率 and 完整率 themselves are columns of every 汇总 (summary.py); a run with the checks
switched off (--no-quality) has no such part.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...dates import as_days
from ...problems import problem
from ...quality.checks import counts, is_error
from ...quality.publicity import publicity_end
from ...rules import CATEGORY_LABELS
from .base import Part

PERSONAL = "个人信息"
PERSONAL_CODES = ("id-number-exposed", "id-number-online")
LABELS = {"uscc-invalid": "统一社会信用代码有误", "id-number-invalid": "身份证号有误", "enum-invalid": "取值不规范",
          "amount-suspect": "金额可疑", "amount-missing-for-kind": "金额未填", "amount-zero-for-kind": "罚款金额为 0", "amount-for-warning": "警告却有罚款", "validity-range-invalid": "有效期有误", "validity-date-impossible": "有效期日期不存在",
          "party-type-mismatch": "相对人类别与代码不符",
          "id-number-exposed": "完整身份证号待隐去", "id-number-online": "网站公开了完整身份证号",
          "publicity-expired": "超期未撤下",
          "required-missing": "必填项为空"}


class QualityPart(Part):
    def __init__(self, run):
        self.run = run
        self.found = run.quality

    @classmethod
    def of(cls, run) -> "QualityPart | None":
        return cls(run) if run.quality is not None else None

    def personal(self) -> np.ndarray:
        out = np.zeros(len(self.run.records), dtype=bool)
        for f in self.found:
            if f.code in PERSONAL_CODES:
                out[f.rows] = True
        return out

    def summary_columns(self, table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
        records = self.run.records
        mine = pd.DataFrame({"单位": records["unit"].astype(object).fillna("未知"),
                             "类别": records["category"].map(CATEGORY_LABELS).fillna("未知"),
                             PERSONAL: self.personal().astype(int)})
        by_row = mine.groupby(["单位", "类别"])[PERSONAL].sum()
        by_unit = mine.groupby("单位")[PERSONAL].sum()
        keys = pd.MultiIndex.from_arrays([table["单位"], table["类别"]])
        values = by_row.reindex(keys).to_numpy(dtype=float, copy=True)
        subtotal = table["类别"].eq("小计").to_numpy()
        values[subtotal] = by_unit.reindex(table.loc[subtotal, "单位"]).to_numpy(dtype=float)
        values[-1] = mine[PERSONAL].sum()  # 合计
        return table.assign(**{PERSONAL: np.nan_to_num(values).astype(int)}), [PERSONAL]

    def add_json(self, payload: dict, rows: list[dict]) -> None:
        table, _ = self.run.unit_summary
        total = table.iloc[-1]
        summary = payload["summary"] = dict(payload["summary"])
        summary["compliance_rate"] = _rate(total["合规率"])
        summary["completeness_rate"] = _rate(total["完整率"])
        summary["personal_data"] = int(self.personal().sum())
        summary["quality"] = counts(self.found)
        if self.run.online is not None and "online_only" in payload:
            add_online_only_issues(payload["online_only"], self.run)
        payload["units"] = [{"unit": u, "category": c, "records": int(n), "compliance_rate": _rate(a),
                             "completeness_rate": _rate(b)}
                            for u, c, n, a, b in zip(table["单位"], table["类别"], table["决定总数"], table["合规率"],
                                                     table["完整率"])]

    def terminal_lines(self) -> list[str]:
        table, _ = self.run.unit_summary
        total = table.iloc[-1]
        found = counts(self.found)
        invalid = int(self.run.summary.get("invalid", 0))
        # 合规率 also counts the records whose dates are in error: said, so that 0% never stands beside “no problem”
        said = "，".join(f"{LABELS[c]} {n}" for c, n in found.items()) or (
            f"字段检查未发现问题（合规率已计入日期等数据有误的 {invalid} 条）" if invalid else "未发现问题")
        rates = f"合规率 {_percent(total['合规率'])}，完整率 {_percent(total['完整率'])}"
        return [f"数据质量：{rates}；{said}。"]

    def about_lines(self) -> list[tuple[str, str]]:
        return [("数据质量", "按国家“双公示”数据标准检查统一社会信用代码（GB 32100-2015）、身份证号（GB 11643-1999，"
                         "不按地区码判断）、许可类别/处罚类别/相对人类别、金额（万元）、有效期和必填项；"
                         "数据质量问题不改变公开时限的判定"),
                ("合规率", "日期和各项数据都无误的记录 ÷ 决定总数（不含无法判定）"),
                ("完整率", "已填的必填项 ÷ 应填的必填项（只算按国家数据标准格式填报的表格；没有这样的表格时为 —）"),
                ("个人信息", "报告、屏幕、JSON 和网页中的身份证号只显示前 6 位和后 4 位（本工具的做法，国家规定未指明隐去哪几位）")]

    def findings(self) -> list[str]:
        errors = sum(len(f.rows) for f in self.found if is_error(f.code))
        return [f"数据质量问题 {errors} 处（见“数据问题”）"] if errors else []


def _rate(value):
    return None if value is None or pd.isna(value) else float(value)


def _percent(value) -> str:
    return "—" if value is None or pd.isna(value) else f"{float(value):.1%}"


def add_online_only_issues(rows: list[dict], run) -> None:
    """Entries only on the website carry their quality issues too: a full ID number, the end of publicity."""
    only = run.online.online_only
    if not len(only):
        return
    years = run.rules.rules[0].publicity_years
    end = publicity_end(as_days(only["online_date"]), as_days(only["decision_date"]), years)
    listed = as_days(only["list_date"]) if "list_date" in only.columns else end
    seen = np.where(np.isnat(listed), np.datetime64(run.as_of, "D"), listed)
    expired = (seen > end) & (only["category"].astype(object).to_numpy() != "permit")  # a penalty's period
    exposed = only["id_exposed"].fillna("").to_numpy(object) if "id_exposed" in only.columns else [""] * len(only)
    for k, row in enumerate(rows):
        issues = []
        if exposed[k]:
            issues.append(problem("id-number-online", file=row["source"]["file"], field="online", label="网站清单",
                                  value=exposed[k]).to_json())
        if expired[k]:
            issues.append(problem("publicity-expired", file=row["source"]["file"], field="online",
                                  end=str(end[k]), seen=str(seen[k])).to_json())
        row["issues"] = issues
