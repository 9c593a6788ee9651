"""Decisions not to be published: status ``exempt`` (无需公开), the one way a field can change a status.

- A rule's exemptions (rules.EXEMPTIONS; the market rule's 简易程序 and 仅警告, 总局令第45号) hold for
  penalties decided on or after the rule's ``exempt_from``. The procedure is read from a 处罚程序 /
  适用程序 / 程序 column, or a 案件类型 / 类别 one (quality/columns.py), "only a 警告" from 处罚类别 or 处罚种类 (quality/columns.py).
- A unit's own claim (不公开, 不予公开, 涉密) is no exemption: it is listed (``exempt-claimed``) and the
  record is judged as any other until compliance.toml [exempt] confirmed lists its document number.
A record whose decision date or rule is unknown is never exempt: the exemption depends on both.
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from .claims import says_not_to_be_published
from .dates import as_days
from .textscan import contains_any
from .ingest.docnumbers import normalise_document_numbers
from .quality.amounts import fined, warning_only
from .quality.checks import Finding
from .quality.columns import column
from .rules import RuleSet
from .status import STATUSES

EXEMPTABLE = ("on_time", "late", "overdue", "pending", "undetermined")


YES = ("是", "√", "✓", "Y", "y", "YES", "Yes", "yes", "是的")


def apply_exemptions(records: pd.DataFrame, rules: RuleSet,
                     confirmed: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[Finding]]:
    """(records with exempt statuses, the findings to tell: each exemption's reason, each claim)."""
    n = len(records)
    reason = np.full(n, None, dtype=object)
    decision = as_days(records["decision_date"])
    penalty = records["category"].to_numpy(object) == "penalty"
    index = np.searchsorted([np.datetime64(r.effective_from or "1900-01-01", "D") for r in rules.rules],
                            np.where(np.isnat(decision), np.datetime64("1900-01-01", "D"), decision), side="right") - 1
    index = np.clip(index, 0, len(rules.rules) - 1)
    known = ~np.isnat(decision) & ~records["rule_unknown"].to_numpy(bool)
    said = column(records, "procedure")  # 一般程序 beside a 简易 elsewhere, 非简易, 简易转一般: not 简易程序
    # 当场处罚 is the 简易程序 (行政处罚法 第五十一条); a sheet named 简易程序 says it of every row without a word of its own
    sheet = records["sheet"].astype(object).fillna("").astype(str).to_numpy(object) if "sheet" in records \
        else np.full(n, "", dtype=object)
    said = np.where(said == "", np.where(contains_any(sheet, ("简易程序", "当场处罚")), sheet, said), said)
    procedure = contains_any(said, ("简易", "当场")) & ~contains_any(said, ("一般", "普通", "非简易"))
    procedure |= np.isin(column(records, "simple_procedure"), YES)  # 是否适用简易程序: 是
    if "decision_text" in records:  # 2026-09-03（简易程序）: said in the decision's date cell (date_text._NOTE_AFTER)
        procedure |= contains_any(records["decision_text"].astype(object).fillna("").astype(str).to_numpy(object),
                                  ("简易", "当场"))
    # 警告 with a fine beside it is more than a warning, whichever is miswritten (quality: amount-for-warning)
    warning = warning_only(records) & ~fined(records) if n else np.zeros(0, bool)
    for k, rule in enumerate(rules.rules):
        if not rule.exempt:
            continue
        since = np.datetime64(rule.exempt_from or "1900-01-01", "D")
        basis = rule.exempt_basis or rule.basis or rule.name
        mine = known & penalty & (index == k) & (decision >= since) & pd.isna(reason)
        if "简易程序" in rule.exempt:
            reason[mine & procedure] = f"适用简易程序的处罚（{basis}）"
        if "仅警告" in rule.exempt:
            reason[mine & warning & pd.isna(reason)] = f"仅给予警告的处罚（{basis}）"
    confirmed_rows = np.zeros(n, dtype=bool)
    if confirmed:  # the numbers are normalised only when compliance.toml confirms some
        numbers = normalise_document_numbers(records["document_number"])
        sure = set(normalise_document_numbers(pd.Series(list(confirmed), dtype=object))) - {""}
        confirmed_rows = numbers.isin(sure).to_numpy(bool) & pd.isna(reason)
        # a number two units' records share (a typo, or another office's series): the confirmation answers the
        # unit that said 不公开, never another's decision that merely bears the number (its lateness hidden)
        rows = np.flatnonzero(confirmed_rows)
        units = pd.Series(records["unit"].astype(object).fillna("").to_numpy(object)[rows])
        shared = units.groupby(numbers.to_numpy(object)[rows]).transform("nunique").to_numpy() > 1
        if shared.any():
            confirmed_rows[rows[shared]] = _claims(records.iloc[rows[shared]])
    reason[confirmed_rows] = "法制办已确认不公开（compliance.toml [exempt] confirmed）"
    status = records["status"].astype(object).to_numpy()
    exempt = pd.notna(reason) & (np.isin(status, EXEMPTABLE) | confirmed_rows)
    out = records
    if exempt.any():
        out = records.copy(deep=False)
        status = status.copy()
        status[exempt] = "exempt"
        out["status"] = pd.Categorical(status, categories=list(STATUSES))
        for name in ("working_days_late", "calendar_days_late", "working_days_left"):
            if name in out.columns:
                out[name] = out[name].mask(exempt)
        if "check_problem" in out.columns:
            out["check_problem"] = np.where(exempt, None, out["check_problem"].to_numpy(object))
        if "online_result" in out.columns:  # absent from the site as it may be: no 网站未见 (瞒报) for it
            unseen = exempt & (out["online_result"].astype(object).to_numpy() == "not-found")
            if unseen.any():
                out["online_result"] = out["online_result"].mask(unseen, "not-verifiable")
                out["online_problem"] = np.where(unseen, None, out["online_problem"].to_numpy(object))
    told = [Finding("exempt", "status", np.flatnonzero(exempt), {"reason": reason[exempt]})]
    claimed = _claims(records) & ~exempt
    told.append(Finding("exempt-claimed", "published_date", np.flatnonzero(claimed),
                        {"value": records["published_text"].to_numpy(object)[claimed]}))
    return out, [f for f in told if len(f.rows)]


def _claims(records: pd.DataFrame) -> np.ndarray:
    """A unit's own 不公开 / 涉密 in its publication column (or its 是否公开, 备注, 当前状态 column: records.py
    brings that here); 作废 / 撤销 only from those columns, where the date cell read as no date at all."""
    text = records["published_text"].astype(object).fillna("").to_numpy(object)
    if pd.api.types.infer_dtype(text, skipna=False) not in ("string", "empty"):  # all text already: no copy
        text = pd.Series(text, dtype=object).map(str).to_numpy(object)
    codes, distinct = pd.factorize(text)  # a few thousand texts over 100,000 records: each looked at once
    distinct = np.asarray(distinct, dtype=object)
    said = says_not_to_be_published(distinct)[codes]
    voided = says_not_to_be_published(distinct, voided=True)[codes]
    unread = records["published_problem"].notna().to_numpy(bool) if "published_problem" in records \
        else np.zeros(len(records), dtype=bool)
    return said | (voided & ~unread)


def unmatched_confirmations(confirmed: tuple[str, ...], numbers: pd.Series) -> list[str]:
    """The numbers compliance.toml [exempt] confirms that no record read bears (a typo leaves a decision 逾期)."""
    if not confirmed:
        return []
    have = set(normalise_document_numbers(numbers)) - {""}
    keys = normalise_document_numbers(pd.Series(list(confirmed), dtype=object)).tolist()
    return [number for number, key in zip(confirmed, keys) if key and key not in have]
