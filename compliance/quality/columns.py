"""The columns the quality checks read, found by their headers, and carried on each record.

These fields judge no deadline, so they stay out of fields.py's table (which
decides what a column *is* for the timeliness check). Each quality field is
found by a header that holds all the words of one of its spellings and none
of its exclusions; the cells are kept as text in a ``q_<field>`` column, except
the long free texts that only the required-item count reads (``presence_only``).

Source: 国家“双公示”数据标准 2016 版 (行政相对人代码_1…, 审批类别, 处罚类别1/2,
许可截止期) and 2019 版 (行政相对人类别, 有效期自/至, 罚款金额（万元）, 处罚有效期,
许可/处罚机关统一社会信用代码, 数据来源单位); 处罚程序 for 总局令第45号's 简易程序.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..fields import normalise_header

AGENCY = ("机关", "部门", "数据来源单位", "来源单位")


@dataclass(frozen=True)
class QualityField:
    name: str
    label: str
    spellings: tuple[tuple[str, ...], ...]  # a header holding every word of one spelling
    exclude: tuple[str, ...] = ()
    several: bool = False  # 处罚类别1 and 处罚类别2: all such columns, joined with ；
    # Long free text that only the required-item count reads: counted where it is read, never carried
    # on the records (the report shows none of it, and moving it cost a third of a 1,000,000-row check).
    presence_only: bool = False


QUALITY_FIELDS: tuple[QualityField, ...] = (
    # 2016 版: 代码_1 is the credit code, 代码_2-4 older registration codes (not checked), 代码_5 the 身份证号
    QualityField("party_code", "统一社会信用代码", (("统一社会信用代码",), ("行政相对人代码_1",), ("相对人代码",),
                                              ("社会信用代码",)),
                 # 统一社会信用代码/身份证号码: one column for either, checked as party_code checks a shared one
                 exclude=AGENCY + ("法定代表人", "负责人", "组织机构代码", "工商登记", "税务登记",
                                   "代码_2", "代码_3", "代码_4", "代码_5")),
    QualityField("id_number", "证件号码", (("证件号",), ("身份证",), ("相对人代码_5",)),
                 exclude=AGENCY + ("法定代表人", "负责人", "统一社会信用代码", "类型", "执法", "许可")),  # 执法证件号
    QualityField("legal_id", "法定代表人证件号码", (("法定代表人", "证件号码"), ("法定代表人", "身份证"),
                                                 ("负责人", "证件号码")), exclude=("类型",)),
    QualityField("agency_code", "机关统一社会信用代码", (("机关", "统一社会信用代码"), ("机关", "代码"))),
    QualityField("source_unit", "数据来源单位", (("数据来源单位",),), exclude=("代码",)),
    QualityField("source_code", "数据来源单位统一社会信用代码", (("数据来源单位", "代码"),)),
    QualityField("party_type", "行政相对人类别", (("相对人类别",), ("相对人类型",), ("当事人类别",), ("当事人类型",))),
    QualityField("permit_kind", "许可类别", (("许可类别",), ("审批类别",))),
    QualityField("penalty_kind", "处罚类别", (("处罚类别",),), several=True),
    QualityField("penalty_sort", "处罚种类", (("处罚种类",),)),
    QualityField("permit_content", "许可内容", (("许可内容",),), presence_only=True),
    QualityField("facts", "违法事实", (("违法事实",), ("处罚事由",)), presence_only=True),  # 2016 standard: 处罚事由 (CF_SY)
    QualityField("basis", "处罚依据", (("处罚依据",),), presence_only=True),
    QualityField("penalty_content", "处罚内容", (("处罚内容",), ("处罚结果",)), presence_only=True),  # 2016: 处罚结果
    # The standard counts amounts in 万元; a unit's own header may say 元 (罚款金额（元）): read as it says.
    QualityField("fine_yuan", "罚款金额（元）", (("罚款金额", "元"),), exclude=("万元",)),
    QualityField("fine", "罚款金额（万元）", (("罚款金额",),)),
    QualityField("confiscated_yuan", "没收违法所得、没收非法财物的金额（元）", (("没收", "金额", "元"),), exclude=("万元",)),
    QualityField("confiscated", "没收违法所得、没收非法财物的金额（万元）", (("没收", "金额"),)),
    QualityField("valid_from", "有效期自", (("有效期自",), ("有效期起",), ("有效期开始",))),
    QualityField("valid_to", "有效期至", (("有效期至",), ("有效期止",), ("许可截止期",), ("有效截止",)),
                 exclude=("公示",)),
    QualityField("penalty_valid", "处罚有效期", (("处罚有效期",),)),
    QualityField("publicity_until", "公示截止期", (("公示截止",), ("公示期至",), ("公示期限至",), ("公示到期",))),
    # 是否适用简易程序 | 是: a yes-or-no column of its own (before procedure: its header holds 程序 too)
    QualityField("simple_procedure", "是否简易程序", (("是否", "简易"), ("简易程序", "是否"))),
    # 简易程序 is what counts, in whichever column a unit wrote it (程序, 办案程序, 案件类型, 类别): every
    # such column, joined; only the word 简易 is read from it (exempt.py)
    QualityField("procedure", "处罚程序", (("程序",), ("案件类型",), ("事项类型",), ("处罚类型",), ("决定类型",),
                                          ("类别",)), exclude=("证件", "行业", "违法", "备注", "主体", "相对人", "单位", "证照"),
                 several=True),
    # an online list's own date: the entry was still online then (publicity-expired)
    QualityField("list_date", "导出时间", (("导出时间",), ("导出日期",), ("更新时间",), ("更新日期",))),
)
BY_NAME = {f.name: f for f in QUALITY_FIELDS}
PRESENCE_ONLY = frozenset(f"q_{f.name}" for f in QUALITY_FIELDS if f.presence_only)
COLUMNS = tuple(f"q_{f.name}" for f in QUALITY_FIELDS)


def quality_columns(headers: list[str]) -> dict[str, list[int]]:
    """Field -> the columns (by index) that hold it; the first match for a single field."""
    found: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        text = normalise_header(header)
        if not text:
            continue
        for f in QUALITY_FIELDS:
            if any(x in text for x in f.exclude):
                continue
            if any(all(word in text for word in spelling) for spelling in f.spellings):
                if f.several or f.name not in found:
                    found.setdefault(f.name, []).append(index)
                break  # a header names one quality field: the first in the table
    return found


def quality_texts(kept: pd.DataFrame, found: dict[str, list[int]], text) -> dict[str, np.ndarray]:
    """The kept rows' quality cells as text, ``q_<field>`` -> object array ("" where blank); ``text``
    turns a column of cells into trimmed text (ingest's cell_text). Plain arrays, not a frame: a frame
    would convert every column to pandas' string type and back again."""
    out = {}
    for name, indexes in found.items():
        parts = [text(kept[i]).reset_index(drop=True) for i in indexes if i in kept.columns]
        if not parts:
            continue
        joined = parts[0]
        for other in parts[1:]:  # 处罚类别1；处罚类别2, blank parts left out
            both = joined.ne("") & other.ne("")
            joined = joined.where(~both, joined + "；" + other).where(joined.ne(""), other)
        out[f"q_{name}"] = joined.to_numpy(object)
    return out


def present_fields(frame: pd.DataFrame) -> set[str]:
    return {c[2:] for c in frame.columns if c.startswith("q_")}


def column(records: pd.DataFrame, name: str) -> np.ndarray:
    """``q_<name>`` as text ("" where the record's sheet has no such column)."""
    key = f"q_{name}"
    if key not in records.columns:
        return np.full(len(records), "", dtype=object)
    values = records[key].to_numpy(object)
    return np.where(pd.isna(values), "", values)


def has_column(records: pd.DataFrame, name: str) -> np.ndarray:
    """Which records' sheets have the column (pd.concat leaves NaN for the others)."""
    key = f"q_{name}"
    if key not in records.columns:
        return np.zeros(len(records), dtype=bool)
    return records[key].notna().to_numpy(bool)
