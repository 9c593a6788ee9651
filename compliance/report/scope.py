"""What a run covers, in the words every output uses: the scope line and the records left out of it."""

from __future__ import annotations


def scope_text(run, rule: bool = True) -> str:
    """What a page covers: the month or the as-of date, and the rule (unless said beside it)."""
    scope = f"{run.month} 月作出的决定，统计截止 {run.as_of.isoformat()}" if run.month \
        else f"统计截止 {run.as_of.isoformat()}"
    return f"{scope}，{run.rules.short_name}" if rule else scope


def out_of_scope_text(run) -> str | None:
    """Decisions read but not counted, and why; None when there are none."""
    counts = run.summary.get("out_of_scope", {})
    parts = []
    if counts.get("other_month"):
        parts.append(f"{counts['other_month']} 条决定日期不在 {run.month}")
    if counts.get("other_kind"):
        parts.append(f"{counts['other_kind']} 条类别是行政确认、行政强制等，不是行政许可或行政处罚")
    if counts.get("after_as_of"):
        parts.append(f"{counts['after_as_of']} 条决定日期晚于统计截止日 {run.as_of.isoformat()}（当时尚未作出，不算未到期）")
    sentences = ["另有 " + "，".join(parts) + "，不在统计范围内，未计入"] if parts else []
    doubtful = run.summary.get("after_as_of_doubtful", [])
    if doubtful:  # a 2017 date under a 〔2016〕 number: a typo would hide a 2016 decision, so the rows are named
        rows = "、".join(f"{d['file']}:{d['sheet']}:{d['row']} {d['document_number']}（{d['decision_date']}）"
                         for d in doubtful[:5]) + (" 等" if len(doubtful) > 5 else "")
        sentences.append(f"其中 {len(doubtful)} 条文书号中的年份早于决定日期的年份，可能是决定日期的年份写错了，请核对：{rows}")
    undated = run.summary.get("undated_every_month", 0)
    if undated:  # counted in every month's run: said, or a month's figures look wrong
        sentences.append(f"{undated} 条决定日期读不出、也看不出是哪个月，计入了每个月的检查（判为数据有误，见“数据问题”）")
    for earlier, n in run.summary.get("reported_late", {}).items():  # kept in scope: counted in this month
        sentences.append(f"{n} 条是 {earlier} 作出、{earlier} 的台账中没有、本期才报送的决定（补报），计入本期，见“数据问题”")
    repeats = run.repeats if run.repeats is not None and "repeat_kind" in run.repeats else None
    parties = int((repeats["repeat_kind"] == "party").sum()) if repeats is not None else 0
    if run.summary.get("repeats", 0) - parties:
        sentences.append(f"{run.summary['repeats'] - parties} 条与另一条记录是同一决定（单位、类别、文书号相同；同在一个文件中的，"
                         "当事人和决定日期也相同），只计一次，见“数据问题”")
    if parties:  # one decision's other parties (文书号 merged over their rows): no repeat, and not said as one
        sentences.append(f"{parties} 行是同一决定（文书号或序号合并为一格）的其他当事人，并入那一条决定，只计一次")
    return "；".join(sentences) or None
