"""Per-unit figures for 汇总, the terminal and the web page: one table, computed once.

Indicators (README "排名规则和用词"): 及时公开率 = on_time / JUDGED and 迟报率 = LATE / JUDGED.
排名 is on 排名及时率 = on_time / (JUDGED + invalid): a record the unit's own data
error makes unjudgeable counts as not on time, so an error never helps a unit
(it ranks like the same record late). 无法判定 (a year without holiday data) is
no unit's doing and stays out of every rate. Best first, ties share a rank.
The table also shows 数据有误 and 合规率 (records without a data error of any kind, in dates or in
the fields the quality checks read, ÷ all records). 完整率 = required items filled ÷ items required,
for sheets in the national standard's layout (quality/required.py); None where no sheet is in that layout.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from .problems import Problem, problem
from .rules import CATEGORY_LABELS
from .status import JUDGED, LATE, STATUS_LABELS, STATUSES, SUBTOTAL, TOTAL  # noqa: F401 (summary.TOTAL for its users)

COUNT_HEADERS = ["决定总数"] + [STATUS_LABELS[s] for s in STATUSES]
RANK_RATE = "排名及时率"
RATE_HEADERS = [RANK_RATE, "及时公开率", "迟报率", "合规率", "完整率"]
# One line on 汇总 and under the terminal's table: what 排名 is computed from.
RANK_RULE = "排名按排名及时率从高到低，第1名最好，比率相同则名次相同；排名及时率 = 按时公开 ÷（按时公开 + 逾期 + 数据有误）"
# Per-record figures summed beside the status counts: a data error of any kind, required items, filled items.
FIGURES = ("faulty", "q_required", "q_filled")
TABLE_HEADERS = ["排名", "单位", "类别"] + COUNT_HEADERS + RATE_HEADERS + ["备注"]
NOT_SENT = "未报送"
NO_DECISIONS = "本期无决定"
UNREADABLE = "文件无法读取"
COUNTED_ELSEWHERE = "计入他单位"  # a file of its name was filled in by another unit


def _rates(frame: pd.DataFrame) -> pd.DataFrame:
    judged = frame[list(JUDGED)].sum(axis=1)
    ranked = judged + frame["invalid"]
    # 无法判定 is out of every rate: no unit could have helped it
    records = frame[list(STATUSES)].sum(axis=1) - frame["undetermined"]
    with np.errstate(invalid="ignore", divide="ignore"):
        return pd.DataFrame({
            RANK_RATE: (frame["on_time"] / ranked).where(ranked > 0),
            "及时公开率": (frame["on_time"] / judged).where(judged > 0),
            "迟报率": (frame[list(LATE)].sum(axis=1) / judged).where(judged > 0),
            "合规率": ((records - frame["faulty"]) / records).where(records > 0),
            "完整率": (frame["q_filled"] / frame["q_required"]).where(frame["q_required"] > 0),
        })


def ranks(rate: pd.Series) -> pd.Series:
    """1 for the highest rate; equal rates share a rank and the next one skips (1, 2, 2, 4); no rate, no rank."""
    return rate.astype(float).rank(method="min", ascending=False)


def status_counts(records: pd.DataFrame, by: list[str], repeats: bool = False) -> pd.DataFrame:
    # Objects kept as objects: a plain array would be copied into Arrow text first (pandas 3).
    keys = {c: pd.Series(records[c].astype(object).fillna("未知").to_numpy(object), dtype=object) for c in by}
    # One 0/1 column per status, summed per group: a crosstab of 100,000 records cost five times as much.
    status = pd.Categorical(records["status"].astype(object), categories=list(STATUSES)).codes
    columns = {s: (status == i).astype(np.int64) for i, s in enumerate(STATUSES)}
    # 无法判定 is out of every rate, 合规率 too (its records are taken out of the denominator)
    undetermined = columns["undetermined"].astype(bool)
    columns["faulty"] = ((columns["invalid"].astype(bool) | _flag(records, "quality_error")) & ~undetermined
                         ).astype(np.int64)
    columns["q_required"], columns["q_filled"] = _number(records, "q_required"), _number(records, "q_filled")
    if repeats:  # each counted as a decision of its own (ingest/repeats.py): 汇总 says so, its figures alone do not
        columns["repeated"] = (records["duplicate_of"].notna().to_numpy(bool) if "duplicate_of" in records
                               else np.zeros(len(records), bool)).astype(np.int64)
    return pd.DataFrame({**keys, **columns}).groupby(list(by), sort=True).sum().reset_index()


def _flag(records: pd.DataFrame, name: str) -> np.ndarray:
    return records[name].fillna(False).to_numpy(bool) if name in records.columns else np.zeros(len(records), bool)


def _number(records: pd.DataFrame, name: str) -> np.ndarray:
    if name not in records.columns:
        return np.zeros(len(records), np.int64)
    return pd.to_numeric(records[name], errors="coerce").fillna(0).to_numpy(np.int64)


def _note(row: pd.Series) -> Problem | None:
    bad, repeated = int(row["invalid"] + row["undetermined"]), int(row["repeated"])
    if bad and repeated:
        return problem("unit-unjudged-numbers-repeated", count=bad, repeated=repeated)
    if repeated:
        return problem("unit-numbers-repeated", repeated=repeated)
    return problem("unit-unjudged", count=bad) if bad else None


def unit_table(records: pd.DataFrame, expected_units: Iterable[str] = (), unreadable_units: Iterable[str] = (),
               sent_units: Iterable[str] = (), followed_units: Iterable[str] = (),
               said_none: Iterable[str] = (), counted_elsewhere: dict[str, Problem] | None = None,
               reported_before: Iterable[str] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(汇总 rows, chart rows); 备注 holds a Problem (a 汇总-line code) or None, rendered by each output.

    Rows: each unit's categories, a 小计 row for a unit with both, then 合计.
    Ranked units come first, best first (ties in the order of ``expected_units``,
    compliance.toml [units], then by name); then the units with no rank.
    An expected unit with no records shows as 未报送; a unit whose file could
    not be read gets a line saying so; a unit that sent records, none of them in
    scope (another month), shows 本期无决定, said apart from one that wrote 本月无 (``said_none``): it may
    have sent last month's ledger; one the history follows (``followed_units``: items still open
    from the previous period) that sent nothing shows as 未报送 too, and so does one that sent a ledger in the
    previous recorded period (``reported_before``): without [units] the history is the only list of the district's
    units, and one that stopped sending must not vanish from 汇总. Chart rows: one per unit, then 合计.
    """
    figures = [*FIGURES, "repeated"]
    counts = status_counts(records, ["unit", "category"], repeats=True) if len(records) else \
        pd.DataFrame(columns=["unit", "category", *STATUSES, *figures])
    counts["category"] = counts["category"].map(CATEGORY_LABELS).fillna("未知")
    per_unit = counts.groupby("unit", sort=False)[[*STATUSES, *figures]].sum()
    unit_rates = _rates(per_unit) if len(per_unit) else pd.DataFrame(columns=RATE_HEADERS)
    declared = [u for u in dict.fromkeys(expected_units)]
    met = [u for u in declared if u in per_unit.index] + [u for u in per_unit.index if u not in declared]
    rank = ranks(unit_rates[RANK_RATE]).reindex(met) if len(per_unit) else pd.Series(dtype=float)
    order = rank.fillna(np.inf).sort_values(kind="stable").index.tolist()

    parts = []
    for unit in order:
        rows = counts[counts["unit"] == unit].sort_values("category")
        # a unit of two kinds is ranked on its 小计 line only: a kind's line beside it has a rate of its own
        parts.append(rows.assign(rank=rank[unit] if len(rows) == 1 else np.nan))
        if len(rows) > 1:
            parts.append(pd.DataFrame([{"unit": unit, "category": SUBTOTAL, "rank": rank[unit],
                                        **per_unit.loc[unit].to_dict()}]))
    body = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["unit", "category", "rank",
                                                                                  *STATUSES, *figures])
    total = {"unit": TOTAL, "category": "", "rank": np.nan, **{s: int(counts[s].sum()) for s in [*STATUSES, *figures]}}
    table = pd.concat([body, pd.DataFrame([total])], ignore_index=True)
    table[[*STATUSES, *figures]] = table[[*STATUSES, *figures]].astype(int)
    rates = _rates(table)
    out = pd.DataFrame({"排名": table["rank"].astype(float), "单位": table["unit"], "类别": table["category"],
                        "决定总数": table[list(STATUSES)].sum(axis=1)})
    for s in STATUSES:
        out[STATUS_LABELS[s]] = table[s]
    for name in RATE_HEADERS:
        out[name] = rates[name].astype(object).where(rates[name].notna(), None)
    out["备注"] = table.apply(_note, axis=1) if len(table) else None
    # a unit named after a file that names none (自查.xlsx): its line says so, not only its records
    # or one given rows whose unit cell was blank in a table of other units (unit_column.record_units)
    guesses = (("unit-from-file-name", "unit-named-by-file"), ("unit-blank-among-units", "unit-has-blank-unit-rows"),
               ("unit-line-disputed", "unit-has-disputed-rows"), ("unit-file-several-row", "unit-has-disputed-rows"),
               ("unit-by-folder", "unit-has-disputed-rows"))
    for code, note in guesses if "unit_problem" in records and len(records) else ():
        guessed = set(records.loc[records["unit_problem"].eq(code).to_numpy(bool), "unit"])
        nameless = out["单位"].isin(guessed).to_numpy(bool) & out["备注"].isna().to_numpy(bool)
        if nameless.any():
            out.loc[nameless, "备注"] = [problem(note)] * int(nameless.sum())
    # records, but none the rank rate counts (all 未到期 or 无需公开): no rank, and the line says why
    subtotalled = out["单位"].isin(out.loc[out["类别"].eq(SUBTOTAL), "单位"]).to_numpy(bool)
    unranked = out["排名"].isna().to_numpy(bool) & (out["决定总数"] > 0).to_numpy(bool) \
        & out["备注"].isna().to_numpy(bool) & (out["单位"] != TOTAL).to_numpy(bool) \
        & (~subtotalled | out["类别"].eq(SUBTOTAL).to_numpy(bool))
    if unranked.any():
        out.loc[unranked, "备注"] = [problem("unit-unranked")] * int(unranked.sum())
    out = _add_missing_units(out, declared, per_unit.index, unreadable_units, sent_units, followed_units,
                             set(said_none), counted_elsewhere or {}, reported_before)
    chart = _chart_rows(out)
    return out[TABLE_HEADERS], chart


def _partly(note: Problem | None) -> Problem:
    """The 备注 of a unit one of whose files could not be read (with its unjudged count, if any)."""
    if note is not None and note.code in ("unit-unjudged", "unit-unjudged-numbers-repeated"):
        return problem("unit-partly-unreadable-unjudged", count=dict(note.values)["count"])
    return problem("unit-partly-unreadable")


def _add_missing_units(out: pd.DataFrame, declared: list[str], present, unreadable: Iterable[str],
                       sent: Iterable[str], followed: Iterable[str] = (), said_none: set[str] = frozenset(),
                       elsewhere: dict[str, Problem] | None = None, reported_before: Iterable[str] = ()
                       ) -> pd.DataFrame:
    """Lines for units with no record in scope: 未报送, 本期无决定, or 文件无法读取."""
    extra = []
    unreadable = [u for u in dict.fromkeys(unreadable)]
    sent = [u for u in dict.fromkeys(sent) if u not in present]
    # a file named for a unit but filled in by another has its line with or without [units]: the unit sent it
    for unit in dict.fromkeys(declared + sent + list(elsewhere or {})):
        if unit in present:
            continue
        if unit in sent:  # another of its files unreadable (a scan beside its 本月无 sheet): said on its one line
            note = "unit-partly-unreadable" if unit in unreadable else \
                "unit-no-decisions" if unit in said_none else "unit-none-in-scope"
            extra.append({"单位": unit, "类别": NO_DECISIONS, "备注": problem(note)})
        elif unit in unreadable:
            extra.append({"单位": unit, "类别": UNREADABLE, "备注": problem("unit-file-unreadable")})
        elif unit in (elsewhere or {}):  # a file of its name, filled in by another unit: counted there
            extra.append({"单位": unit, "类别": COUNTED_ELSEWHERE, "备注": elsewhere[unit]})
        else:
            extra.append({"单位": unit, "类别": NOT_SENT, "备注": problem("unit-not-sent")})
    for unit in unreadable:
        if unit not in declared and unit not in present and unit not in sent:
            extra.append({"单位": unit, "类别": UNREADABLE, "备注": problem("unit-file-unreadable-uncounted")})
    listed = set(declared) | set(present) | set(sent) | set(unreadable) | set(elsewhere or {})
    for unit in dict.fromkeys(followed):  # its open items are counted on its line (report/parts/history.py)
        if unit not in listed:
            extra.append({"单位": unit, "类别": NOT_SENT, "备注": problem("unit-followed-not-sent")})
    listed |= set(followed)
    for unit in dict.fromkeys(reported_before):
        if unit not in listed and unit != TOTAL:
            extra.append({"单位": unit, "类别": NOT_SENT, "备注": problem("unit-reported-before-not-sent")})
    # another of its files unreadable: its rank stands on part of what it sent, and says so
    partly = out["单位"].isin([u for u in unreadable if u in present]).to_numpy(bool)
    if partly.any():
        out = out.copy()
        out.loc[partly, "备注"] = [_partly(note) for note in out.loc[partly, "备注"]]
    if not extra:
        return out
    rows = pd.DataFrame(extra).reindex(columns=out.columns).astype(object)
    rows = rows.where(rows.notna(), None)  # no rate, no rank: empty cells, never NaN
    for name in COUNT_HEADERS:
        rows[name] = 0
    # no rank: after the units with records (declared ones in their declared order), before 合计
    return pd.concat([out.iloc[:-1], rows, out.iloc[[-1]]], ignore_index=True)


def unit_rows(table: pd.DataFrame) -> pd.DataFrame:
    """One row per unit with records: its 小计 when it has both categories, else its only row."""
    body = table[(table["单位"] != TOTAL) & (table["决定总数"] > 0)]
    multi = set(body.loc[body["类别"] == SUBTOTAL, "单位"])
    return body[(body["类别"] == SUBTOTAL) | ~body["单位"].isin(multi)]


def _chart_rows(out: pd.DataFrame) -> pd.DataFrame:
    """One bar per unit (排名及时率, in rank order), then 合计."""
    bars = pd.concat([unit_rows(out), out[out["单位"] == TOTAL]])
    return pd.DataFrame({"label": bars["单位"].to_numpy(object),
                         "rate": bars[RANK_RATE].astype(float).to_numpy()})  # what the bars' order follows
