"""One check run: load the files, select, classify. The API behind `compliance check`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from .classify import STATUSES, add_deadlines, classify, select_scope, summarise
from .config import Config
from .errors import ReconciliationError
from .ingest.load import LoadResult, load
from .ingest.records import check_accounting
from .ingest.repeats import merge_repeats
from .problems import issues_column
from .rules import PROFILES, RuleSet, single
from .workcalendar import WorkCalendar


@dataclass
class CheckRun:
    as_of: dt.date
    run_date: dt.date
    run_time: dt.datetime
    rules: RuleSet
    calendar: WorkCalendar
    loaded: LoadResult
    records: pd.DataFrame  # classified, after --month selection
    month: str | None = None
    summary: dict = field(default_factory=dict)
    online: object | None = None  # online.OnlineRun when --online lists were given

    writer: object = None  # report.writers.WriterUsed, once a report is written
    expected_units: tuple[str, ...] = ()  # compliance.toml [units], in their declared order
    repeats: pd.DataFrame | None = None  # copies of decisions already counted from another file

    @property
    def inputs(self):
        return self.loaded.inputs

    @cached_property
    def unit_summary(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(汇总 rows, chart rows): computed once, shown by the report, the terminal and the web page."""
        from .ingest.load import unit_from_name
        from .summary import unit_table

        unreadable = [unit_from_name(e.path) for e in self.inputs if e.error is not None]
        sent = self.loaded.records["unit"].dropna().unique().tolist()  # before the month was chosen
        return unit_table(self.records, self.expected_units, unreadable, sent)

    @cached_property
    def issues(self) -> list[list[dict]]:
        """Each record's problems, computed once and shared by the report and the JSON."""
        return issues_column(self.records, self.as_of.isoformat(), self.run_date.isoformat())


def check(paths: Iterable[str | Path], *, as_of: dt.date | None = None, run_date: dt.date,
          rules: RuleSet | None = None, calendar: WorkCalendar | None = None, config: Config | None = None,
          month: str | None = None, run_time: dt.datetime | None = None,
          progress: Callable[[int, int, str], None] | None = None,
          online: Iterable[str | Path] | None = None, online_since: dt.date | None = None) -> CheckRun:
    """Load ``paths`` and classify every record as of ``as_of`` (default: ``run_date``)."""
    config = config or Config()
    calendar = calendar or WorkCalendar()
    rules = rules or config.rules or single(PROFILES["district"])  # the config's [rules] hold for the API too
    as_of = as_of or run_date
    loaded = load(paths, config, progress=progress)
    reconcile_loaded(loaded)
    records, repeats = merge_repeats(loaded.records)  # a decision sent in two files counts once
    records = add_deadlines(records, calendar, rules)  # once: the online span test and classify use it
    online_run = None
    if online:  # the online list decides publication dates before classification
        from .online import apply_online, select_online_only

        records, online_run = apply_online(records, online, config=config, since=online_since)
        select_online_only(online_run, month)
    selected, out_of_scope = select_scope(records, month, as_of, run_date)
    classified = classify(selected, calendar, rules, as_of, run_date)
    summary = summarise(classified)
    summary["skipped_rows"] = loaded.skipped_rows
    summary["out_of_scope"] = out_of_scope
    summary["repeats"] = len(repeats)
    reconcile_statuses(summary, len(selected))
    accounted = len(selected) + sum(out_of_scope.values()) + len(repeats)
    if accounted != len(loaded.records):
        raise ReconciliationError(f"统计范围内 {len(selected)} 条 + 范围外 {sum(out_of_scope.values())} 条"
                                  f" + 重复报送 {len(repeats)} 条 与读入的 {len(loaded.records)} 条不相等")
    return CheckRun(as_of, run_date, run_time or dt.datetime.combine(run_date, dt.time()), rules, calendar,
                    loaded, classified, month, summary, online_run, repeats=repeats,
                    expected_units=tuple(config.units))


def reconcile_loaded(loaded: LoadResult) -> None:
    for entry in loaded.inputs:
        for sheet in entry.sheets:
            check_accounting(sheet, entry.path)
    if len(loaded.records) != sum(e.records for e in loaded.inputs):
        raise ReconciliationError(f"记录总数 {len(loaded.records)} 与各工作表之和"
                                  f" {sum(e.records for e in loaded.inputs)} 不相等")


def reconcile_statuses(summary: dict, selected: int) -> None:
    total = sum(summary[s] for s in STATUSES)
    if total != summary["records"] or summary["records"] != selected:
        raise ReconciliationError(f"各状态之和 {total} 与记录数 {summary['records']}（应为 {selected}）不相等")
