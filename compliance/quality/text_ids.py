"""Full ID numbers (公民身份号码) in a ledger's other columns: 违法事实, 处罚内容, 法定代表人, 备注, 暂扣或吊销
证照名称及编号, 许可编号 … Whatever a ledger holds may go online with the decision, so a full, valid ID in any
column is told (id-number-exposed), the way it is told of the party's name and the code columns.

Cheap on a sheet of unique free text: each column's distinct texts are joined into one string and searched
once by the C regex engine; only the few texts that hold an ID-shaped number are looked at one by one.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .codes import exposed_ids, id_shaped_texts, uscc_valid
from .id_text import ID_PATTERN, PROVINCE_CODES, plain_id

TEXT_ID = "text_id_exposed"  # per record: the first full ID found in another column, masked
TEXT_ID_HEADER = "text_id_header"  # ... and that column's header


def column_ids(values: pd.Series, numbers: bool = False, said_only: bool = False) -> np.ndarray:
    """Per cell of ``values`` (raw cells), the first checksum-valid ID number it holds, masked; "" where none.
    Only text cells are read: a number cell cannot hold 18 digits exactly. ``numbers``: values are 文书号,
    where 15 digits are a number of their own (exposed_ids); ``said_only``: only a number the words before it
    call an ID (身份证号420203…) counts, in a column whose header says its numbers are other things."""
    out = np.full(len(values), "", dtype=object)
    if pd.api.types.infer_dtype(values, skipna=True) not in _TEXT_KINDS:  # dates or numbers only: one C pass
        return out
    codes, uniques = pd.factorize(values.to_numpy(object), use_na_sentinel=True)
    try:  # text cells only, the common case: no loop over the cells to find them
        where, hits = np.arange(len(uniques)), id_shaped_texts(uniques)
    except TypeError:  # a number or a date among them: they cannot hold 18 digits exactly
        where = np.array([i for i, u in enumerate(uniques) if isinstance(u, str)], dtype=np.int64)
        hits = id_shaped_texts(uniques[where]) if len(where) else where
    if not len(hits):
        return out
    owners, found, labelled = _candidates(uniques[where[hits]])
    if not found:
        return out
    found = pd.Series(found, dtype=object)
    valid = exposed_ids(numbers=(found,)) if numbers else exposed_ids(found)
    labelled = np.asarray(labelled, dtype=bool)
    # valid both ways (121101198501010095, a 事业单位's all-digit code: its kind, then a region): a person's only
    # where the text says so
    plain = np.array([plain_id(f) for f in found], dtype=object)
    coded = uscc_valid(plain) & np.array([p[:2] in _CODE_KINDS and p[2:4].isdigit() and int(p[2:4]) in PROVINCE_CODES
                                          for p in plain], dtype=bool)
    valid[(coded | said_only) & ~labelled] = ""
    shown = np.full(len(uniques), "", dtype=object)
    for owner, masked in zip(owners[::-1], valid[::-1]):  # the first valid one of each text stays
        if masked:
            shown[where[hits][owner]] = masked
    known = codes >= 0
    out[known] = shown[codes[known]]
    return out


_TEXT_KINDS = ("string", "mixed", "mixed-integer", "bytes", "unknown-array")  # pandas' infer_dtype: text among them


# Words before a number that say it is no person's ID (a bank account, a phone, a 注册号: review rev65 L7)
_NOT_AN_ID = re.compile(r"账号|帐号|账户|帐户|卡号|注册号|电话|手机|传真")
_AN_ID = re.compile(r"身份证|身份号|证件|公民")
# A 统一社会信用代码's first two characters: the registering authority and the kind (GB 32100-2015 附录)
_CODE_KINDS = frozenset("11 12 13 19 21 29 31 32 33 34 35 39 41 49 51 52 53 59 61 62 69 71 72 79 81 89 91 92 93 "
                        "A1 A9 N1 N2 N3 N9 Y1".split())
# A column whose header says its numbers are no person's ID (税务登记号, 开户账号, 组织机构代码: review rev66 M3)
_NOT_ID_HEADER = re.compile(r"账号|帐号|账户|帐户|卡号|注册号|登记号|电话|手机|传真|组织机构代码|信用代码|邮编|邮政编码")


def ids_said_only(header) -> bool:
    """Whether a column with this header is read only for numbers its words call an ID (联系人及电话: 身份证号…)."""
    return _NOT_ID_HEADER.search(str(header or "")) is not None


def _candidates(texts) -> tuple[list[int], list[str], list[bool]]:
    """(which text, the ID-shaped number, the words before it say 身份证) for every such number in ``texts``
    (the few that hold one), not only the first: 账号622848… then 身份证420203… (review rev65 M5)."""
    owners, found, labelled = [], [], []
    for k, text in enumerate(texts):
        for match in ID_PATTERN.finditer(text):
            before = text[max(0, match.start() - 8):match.start()]
            if _NOT_AN_ID.search(before) is None:
                owners.append(k)
                found.append(match.group(0))
                labelled.append(_AN_ID.search(before) is not None)
    return owners, found, labelled


def ids_in_columns(columns: list[tuple[str, pd.Series]], n: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Per record, (the first full ID found in ``columns``, masked; the header of its column), None where
    none; ``columns``: (header, raw cells) pairs in sheet order. None when no record holds one."""
    shown = np.full(n, None, dtype=object)
    header = np.full(n, None, dtype=object)
    for name, values in columns:
        found = column_ids(values, said_only=ids_said_only(name))
        new = (found != "") & pd.isna(shown)
        shown[new], header[new] = found[new], name
    return (shown, header) if pd.notna(shown).any() else None
