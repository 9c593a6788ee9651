"""Required items of the national 双公示 data standard (2019 版; a 2016 版 sheet: those it has), for sheets in its layout.

A sheet is in the standard's layout when it has at least half of the required
columns of permits or of penalties that only the standard asks for (not the
文书号, 相对人, 决定日期 and 机关 every ledger has): a credit-site export, the tool's
own template; a unit's short ledger is never marked down for columns it never had.
For such a sheet each record counts its required items and the filled ones
(完整率 = filled ÷ required); an empty cell of a required column is a
``required-missing`` notice naming the field; a required column the sheet
lacks is said once for the sheet and counts as unfilled.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..ingest.docnumbers import PLACEHOLDERS

NONE_MARKS = frozenset(PLACEHOLDERS - {"0"})  # 0 may be a real value (罚款金额 0 is checked elsewhere)

# (field, label): core fields (fields.py) by their name, quality fields (columns.py) as q_<name>.
PERMIT = (("party", "行政相对人名称"), ("q_party_type", "行政相对人类别"), ("document_number", "决定文书号"),
          ("q_permit_kind", "许可类别"), ("q_permit_content", "许可内容"), ("decision_date", "决定日期"),
          ("q_valid_from", "有效期自"), ("q_valid_to", "有效期至"), ("unit", "许可机关"),
          ("q_agency_code", "机关统一社会信用代码"), ("q_source_unit", "数据来源单位"))
PENALTY = (("party", "行政相对人名称"), ("q_party_type", "行政相对人类别"), ("document_number", "决定文书号"),
           ("q_penalty_kind", "处罚类别"), ("q_facts", "违法事实"), ("q_basis", "处罚依据"),
           ("q_penalty_content", "处罚内容"), ("decision_date", "决定日期"), ("q_penalty_valid", "处罚有效期"),
           ("unit", "处罚机关"), ("q_agency_code", "机关统一社会信用代码"), ("q_source_unit", "数据来源单位"))
REQUIRED = {"permit": PERMIT, "penalty": PENALTY}
# A sheet of the 2016 版 (its own headers: 处罚事由, 处罚类别1, 审批类别, 许可截止期; none only the 2019 版 has) is
# not marked down for the items only the 2019 版 has, where it lacks their columns
EDITION_2016 = ("处罚事由", "处罚类别1", "审批类别", "许可截止期")
EDITION_2019 = ("证件类型", "代码_6", "相对人类别", "有效期自", "处罚有效期", "数据来源单位")  # (代码_1…_6: both editions)
ONLY_2019 = frozenset({"q_party_type", "q_valid_from", "q_penalty_valid", "q_agency_code", "q_source_unit"})


def required_items(headers: list[str], present: set[str]) -> dict[str, tuple]:
    """REQUIRED for a sheet with these (normalised) headers and fields present."""
    if not any(word in header for header in headers for word in EDITION_2016) \
            or any(word in header for header in headers for word in EDITION_2019):
        return REQUIRED
    return {category: tuple((name, label) for name, label in items if name in present or name not in ONLY_2019)
            for category, items in REQUIRED.items()}


# What every ledger has, the standard's or a unit's own (文书号, 相对人, 决定日期, 处罚机关): no sign of the layout
_EVERY_LEDGER = frozenset({"party", "document_number", "decision_date", "unit"})


def standard_layout(present: set[str], required: dict = REQUIRED) -> bool:
    """At least half of the permit's or the penalty's items beyond those every ledger has have a column (a unit's
    10-column ledger with its 执法机关 had half of all the items, and was marked down for the standard's)."""
    special = {category: [name for name, _ in items if name not in _EVERY_LEDGER] for category, items in required.items()}
    return any(special[c] and 2 * sum(name in present for name in special[c]) >= len(special[c]) for c in special)


def absent_labels(present: set[str], categories: np.ndarray, required: dict = REQUIRED) -> str:
    """The required columns a standard-layout sheet lacks, for its records' categories."""
    seen = [c for c in ("permit", "penalty") if (categories == c).any()]
    labels = [label for c in seen for name, label in required[c] if name not in present]
    return "、".join(dict.fromkeys(labels))


def required_counts(texts: dict[str, np.ndarray], present: set[str], categories: np.ndarray,
                    required_items: dict = REQUIRED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(items required, items filled, labels of the empty cells of present columns) per record.

    ``texts``: field -> each record's cell text; ``present``: the fields with a column.
    """
    n = len(categories)
    required = np.zeros(n, dtype=np.int64)
    filled = np.zeros(n, dtype=np.int64)
    missing = np.full(n, "", dtype=object)
    for category, items in required_items.items():
        mine = categories == category
        if not mine.any():
            continue
        required[mine] = len(items)
        for name, label in items:
            if name not in present:
                continue
            values = np.asarray(texts[name], dtype=object)
            # cells come trimmed (ingest's cell_text); 无, / and — fill no item: they say it is not there
            has = pd.notna(values) & (values != "") & ~pd.Series(values, dtype=object).isin(NONE_MARKS).to_numpy(bool)
            filled += mine & has
            empty = np.flatnonzero(mine & ~has)  # only these rows get the label
            missing[empty] = missing[empty] + (label + "、")
    codes, uniques = pd.factorize(missing)  # few distinct texts: the trailing 、 dropped once each
    return required, filled, np.array([u[:-1] for u in uniques], dtype=object)[codes] if n else missing
