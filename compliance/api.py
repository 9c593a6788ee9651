"""The library behind `compliance check` and the web page: ``check()`` a run, then ``write_outputs()``.

``check`` loads the files, selects and classifies; ``write_outputs`` writes
the report and the JSON by the rules in report/paths.py and returns what was
written, with the writer and the verdict. The CLI and the web page call both
and only print or serve what they return.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
import pandas as pd

from .classify import STATUSES, add_deadlines, classify, select_scope, summarise
from .written_months import undated_every_month
from .config import Config
from .errors import ComplianceError, ReconciliationError, write_failed
from .exempt import apply_exemptions, unmatched_confirmations
from .fields import unit_names
from .history import HistoryStore, StoreError, follow_up
from .history.carry import add_history_keys, earlier_decision_dates
from .history.late_reports import late_reported
from .ingest.load import LoadResult, folder_unit, load, named_unit, unit_from_name
from .ingest.unit_text import units_in_name
from .ingest.records import UNSAVED_FORMULAS, check_accounting
from .ingest.renumbered import mark_renumbered
from .ingest.repeats import merge_repeats
from .ingest.unit_spellings import same_unit
from .quality.checks import error_mask, findings as quality_findings
from .quality.codes import CodeColumns, mask_id_columns
from .issues import issues_column
from .online import apply_online, select_online_only
from .problems import Problem, problem, to_do
from .report.json_output import json_text, run_json, write_json
from .report.parts import Part, parts_of
from .report.records_out import refuse_foreign_records, write_records
from .report.paths import (OWN_REPORT, free_name, next_name, refuse_unsafe_outputs, report_origin, report_path,
                           tool_named)
from .report.shape import ReportShape
from .report.workbook import write_report
from .report.writers import WriterUsed
from .rules import PROFILES, RuleSet, single
from .status import TOTAL, Verdict
from .summary import unit_table
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
    online_files: tuple[str, ...] = ()  # the --online lists as given: inputs that no output may replace
    expected_units: tuple[str, ...] = ()  # compliance.toml [units], in their declared order
    unit_aliases: dict = field(default_factory=dict)  # compliance.toml [units]: name -> the names it goes by
    repeats: pd.DataFrame | None = None  # copies of decisions already counted from another file
    quality: list | None = None  # quality/checks.Finding of the records; None: the checks were off
    exemptions: list = field(default_factory=list)  # Finding: each exempt record's reason, each unit's own claim
    history: object | None = None  # history.FollowUp when the run is recorded as a period (issue 23)
    history_error: ComplianceError | None = None  # the store could not be used: the report is still written
    given: tuple[str, ...] = ()  # the paths as given: named when none of them holds a spreadsheet

    @property
    def inputs(self):
        return self.loaded.inputs

    @property
    def readable(self) -> bool:
        """At least one file was read as a ledger (not unreadable, not skipped, not one of our reports)."""
        return any(e.error is None and not e.is_report and not e.not_read for e in self.inputs)

    @cached_property
    def parts(self) -> tuple[Part, ...]:
        """What the run carries beyond the core check (the website check), for every output to ask."""
        return parts_of(self)

    @cached_property
    def unit_summary(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(汇总 rows, chart rows): computed once, shown by the report, the terminal and the web page."""
        # A submission in the wrong form (区司法局10月报送.docx) counts under the unit its name gives; one
        # whose name gives none (说明.txt) is listed on 数据问题 only. Any other file that could not be read
        # has its line: under its unit, or where its name and folder give none (通知.xlsx with no table)
        # under its file name, never a unit invented from it.
        unreadable = [unit for e in self.inputs if e.error is not None and (e.error.code != "wrong-form" or named_unit(e.path))
                      for unit in self._charged(_units_of_unreadable(e.path))]
        sent = self._sent_units() + self.loaded.said_none  # files that say 本月无…决定
        followed = [] if self.history is None else self.history.carried["unit"].dropna().unique().tolist()
        elsewhere = self._counted_elsewhere()
        before = [] if self.history is None else self._reported_before(
            [*self.expected_units, *unreadable, *sent, *followed, *elsewhere])
        return unit_table(self.records, self.expected_units, unreadable, sent, followed, self.loaded.said_none,
                          elsewhere, before)

    def _reported_before(self, named: list[str]) -> list[str]:
        """The units of the previous recorded period this run names nowhere, under any spelling (a 本月无 file
        of 区人社局 is 西塞山区人力资源和社会保障局's, stored so last month): they sent nothing."""
        units = [u for u in self.history.previous_rates["unit"].dropna().unique().tolist() if u != TOTAL]
        named = list(dict.fromkeys(named))
        return [u for u, now in zip(units, same_units(units, named, self.unit_aliases)) if now not in named]

    def _sent_units(self) -> list[str]:
        return self.loaded.records["unit"].dropna().unique().tolist()  # before the month was chosen

    def _charged(self, units: list[str]) -> list[str]:
        return same_units(units, self._sent_units(), self.unit_aliases)  # 区人社局 however its file was named

    def unreadable_file_units(self, path: str) -> list[str]:
        """The units an unreadable file counts under in 汇总, where its name or folder names any."""
        return self._charged(_units_of_unreadable(path)) if named_unit(path) or folder_unit(path) else []

    def _counted_elsewhere(self) -> dict[str, Problem]:
        """{the unit a file's name gives: its 汇总 line}, where its 填报单位 named another (区环保局_10月.xlsx
        filled in by 区安监局), or its file was a copy of another unit's: that unit did send a file, not nothing."""
        by_file = self.loaded.records.groupby("source_file", sort=False)["unit"].unique()  # one pass, not one per file
        out: dict[str, str] = {}
        for entry in self.inputs:
            named = named_unit(entry.path) if entry.error is None else None
            if named and entry.path in by_file.index:
                units = [u for u in by_file[entry.path] if isinstance(u, str)]
                # as [units] has it, or as the file's records spell it (区工商分局 = 黄石市西塞山区工商行政管理分局)
                [named] = same_units([named], [*self.expected_units, *units], self.unit_aliases)
                if units and named not in units and (named in self.expected_units or not _maybe_spelling(named, units)):
                    out[named] = problem("unit-file-counted-elsewhere", units="、".join(units))
        for named, (file, units) in self.loaded.copies.items():
            out.setdefault(named, problem("unit-file-copy-counted-elsewhere", file=file, units=units))
        return out

    @cached_property
    def asks(self) -> np.ndarray:
        """Per record: its problems ask something of its unit (problems.to_do), worked out once for every output."""
        issues = self.issues
        out = np.fromiter(map(bool, issues), dtype=bool, count=len(issues))  # most have none: a C loop finds them
        flagged = np.flatnonzero(out)
        out[flagged] = [to_do(issues[i]) for i in flagged.tolist()]
        return out

    @cached_property
    def issues(self) -> list:
        """Each record's problems (problems.Problem), computed once and shared by every output."""
        return issues_column(self.records, self.as_of.isoformat(), self.run_date.isoformat(),
                             [*self.exemptions, *(self.quality or ())])

    @cached_property
    def verdict(self) -> Verdict:
        """The exit code and the one-line verdict, from the statuses, the files and the parts' findings."""
        nothing = None if self.readable else ("nothing-read" if self.inputs else "no-files-found")
        unreadable = sum(1 for e in self.inputs if e.error is not None)
        doubtful = sum(1 for e in self.inputs if e.doubtful)  # read, but not as the file says: never a pass
        findings = [f"{doubtful} 个文件读到的行数与文件不一致"] if doubtful else []
        unsaved = sum(1 for e in self.inputs for s in e.sheets for p in s.problems if p.code == UNSAVED_FORMULAS)
        if unsaved:  # formulas with no saved result where the decisions should be: unread, never "none"
            findings.append(f"{unsaved} 个工作表的公式没有保存计算结果，读不出决定")
        after = self.summary.get("out_of_scope", {}).get("after_as_of", 0)
        if self.readable and not self.summary.get("records") and after:  # --as-of 2020 on 2024's ledger: nothing
            findings.append(f"{after} 条决定都晚于统计截止日 {self.as_of.isoformat()}，没有检查任何记录（请检查统计截止日）")
        verdict = Verdict.of(self.summary, unreadable, findings + [f for part in self.parts for f in part.findings()],
                             nothing, "、".join(self.given))
        if self.history_error is not None:  # not read: nothing followed; not recorded: the month is missing there
            verdict = replace(verdict, history_failed="历史库无法使用，上期遗留问题没有跟踪，本期也没有记入历史"
                              if self.history is None else "本期没有记入历史库（原因见上面的错误）")
        return verdict

    def history_failed(self, error: ComplianceError) -> None:
        """The store failed while recording, after the outputs were made: the verdict says so from now on."""
        self.history_error = error
        self.__dict__.pop("verdict", None)  # cached_property: worked out again


def check(paths: Iterable[str | Path], *, as_of: dt.date | None = None, run_date: dt.date,
          rules: RuleSet | None = None, calendar: WorkCalendar | None = None, config: Config | None = None,
          month: str | None = None, run_time: dt.datetime | None = None,
          progress: Callable[[int, int, str], None] | None = None,
          online: Iterable[str | Path] | None = None, online_since: dt.date | None = None,
          quality: bool = True, history: HistoryStore | None = None, period: str | None = None,
          read: Callable | None = None) -> CheckRun:
    """Load ``paths`` and classify every record as of ``as_of`` (default: ``run_date``); ``quality``:
    run the field checks of the national data standard (quality/) too; ``read``: how the files are
    read (default: here; cluster.cluster_reader: on a Dask cluster).

    With a ``history`` store and a ``period`` (YYYY-MM), the items still open after the previous
    recorded period are followed up (history/carry.py); ``record_history`` then records the run.
    """
    config = config or Config()
    calendar = calendar or WorkCalendar()
    rules = rules or config.rules or single(PROFILES["district"])  # the config's [rules] hold for the API too
    as_of = as_of or run_date
    online, paths = [str(p) for p in online or ()], list(paths)  # a generator would be spent by load
    if not quality:  # nor are the quality columns read
        config = replace(config, columns=replace(config.columns, quality=False))
    loaded = load(paths, config, progress=progress, own=OWN_REPORT, read=read, online=online)
    reconcile_loaded(loaded)
    records, repeats = merge_repeats(loaded.records)  # a decision sent in two files counts once
    records = mark_renumbered(records)  # ... and one sent twice under two numbers is said, never judged twice unsaid
    records = add_deadlines(records, calendar, rules)  # once: the online span test and classify use it
    online_run = None
    if online:  # the online list decides publication dates before classification
        records, online_run = apply_online(records, online, config=config, since=online_since, run_date=run_date, as_of=as_of,
                                           own=OWN_REPORT)
        select_online_only(online_run, month, as_of, records)
    if history is not None and period is not None:
        records = add_history_keys(records)  # once, so that the in-scope records carry them too
        try:
            records = earlier_decision_dates(history, period, records, config.units)  # classify judges by both
            if month:  # an earlier month's decision sent only now (补报) counts now: in no month's figures else
                records = _with_late_reports(records, late_reported(history, period, records, config.units))
        except StoreError:
            pass  # follow_up meets the same error below, and the run says so
    selected, out_of_scope, year_doubts = select_scope(records, month, as_of, run_date)
    classified = classify(selected, calendar, rules, as_of, run_date)
    classified, exemptions = apply_exemptions(classified, rules, config.confirmed_exempt)
    doubt = calendar.doubtful_year(classified["decision_date"], classified["deadline"])  # counted over a doubtful year
    if doubt is not None:
        classified["calendar_doubt"] = doubt
    changed = calendar.overridden_day(classified["decision_date"], classified["deadline"])  # a notice's day changed
    if changed is not None:
        classified["calendar_override"] = changed
    summary = summarise(classified)
    summary["skipped_rows"] = loaded.skipped_rows
    summary["out_of_scope"] = out_of_scope
    if year_doubts:  # left out as not yet decided, but the number says an earlier year: named, never unsaid
        summary["after_as_of_doubtful"] = year_doubts
    summary["repeats"] = len(repeats)
    unmatched = unmatched_confirmations(config.confirmed_exempt, loaded.records["document_number"])
    if unmatched:  # said where it is (the terminal, 说明); no key in every other run's summary
        summary["exempt_unmatched"] = unmatched
    if month:
        summary["undated_every_month"] = undated_every_month(selected)
        if "reported_month" in selected:
            summary["reported_late"] = {m: int(n) for m, n in selected["reported_month"].value_counts().sort_index().items()}
    reconcile_statuses(summary, len(selected))
    accounted = len(selected) + sum(out_of_scope.values()) + len(repeats)
    if accounted != len(loaded.records):
        raise ReconciliationError(f"统计范围内 {len(selected)} 条 + 范围外 {sum(out_of_scope.values())} 条"
                                  f" + 重复报送 {len(repeats)} 条 与读入的 {len(loaded.records)} 条不相等")
    codes = CodeColumns(classified)  # normalised once, for the checks and the masking
    found = quality_findings(classified, config.amount_limit, as_of=as_of if online else None,
                             publicity_years=publicity_years(classified, rules), codes=codes) if quality else None
    if found is not None:
        classified["quality_error"] = error_mask(found, len(classified))
    classified = mask_id_columns(classified, codes)  # the checks have read them: no full ID number goes further
    run = CheckRun(as_of, run_date, run_time or dt.datetime.combine(run_date, dt.time()), rules, calendar,
                   loaded, classified, month, summary, online_run, tuple(online), repeats=mask_id_columns(repeats),
                   expected_units=tuple(config.units), unit_aliases=dict(config.units), quality=found,
                   exemptions=exemptions, given=tuple(str(p) for p in paths))
    if history is not None and period is not None:
        try:
            # spelled as the run's records spell them first: two spellings of one office would match a stored name
            # twice and rename it to neither (review rev61 H1)
            unreadable = same_units([u for e in loaded.inputs if e.error is not None for u in _units_of_unreadable(e.path)],
                                    records["unit"].dropna().unique().tolist(), config.units)
            run.history = follow_up(history, period, records, classified, calendar=calendar, rules=rules,
                                    unreadable_units=unreadable,
                                    as_of=as_of, run_date=run_date, confirmed_exempt=config.confirmed_exempt,
                                    aliases=config.units, online_entries=_unmatched(online_run),
                                    online_covers=online_run.covers if online_run is not None else None)
        except StoreError as exc:  # the check stands without its history: the report is still written
            run.history_error = exc
        if run.history is not None and online_run is not None and run.history.listed:
            _followed_not_unregistered(online_run, run.history.listed)
    return run


def _unmatched(online_run) -> pd.DataFrame | None:
    """The list entries no ledger record of this run matched, of any month (history/published_since.py)."""
    if online_run is None:
        return None
    return pd.concat([online_run.online_only, online_run.set_aside], ignore_index=True)


def _followed_not_unregistered(online_run, used: tuple[int, ...]) -> None:
    """Entries that closed an earlier month's item (``_unmatched``'s positions) are no 台账未登记: that month's
    ledger held the decision."""
    mine = [k for k in used if k < len(online_run.online_only)]  # the rest were set aside already
    aside = len(used) - len(mine)  # counted there as another month's (or year's): they are followed now
    if mine:
        online_run.online_only = online_run.online_only.drop(index=online_run.online_only.index[mine]).reset_index(drop=True)
    if online_run.entries_other_months:
        online_run.entries_other_months -= aside
    else:
        online_run.entries_before_ledgers -= aside
    online_run.entries_followed = len(used)


def _with_late_reports(records: pd.DataFrame, months: np.ndarray) -> pd.DataFrame:
    """``records`` with ``reported_month`` (the earlier month a decision sent late was made in) where any."""
    if not pd.notna(months).any():
        return records
    return records.assign(reported_month=pd.Series(months, index=records.index, dtype=object))


def _units_of_unreadable(path: str) -> list[str]:
    """The units an unreadable file is charged to: each its name names (区住建局、区自然资源局10月台账.zip), else
    its folder's, else its file name (never a unit invented from it)."""
    if named_unit(path):
        return units_in_name(Path(path).stem) or [unit_from_name(path)]
    return [unit_from_name(path) if folder_unit(path) else Path(path).name]


def publicity_years(records: pd.DataFrame, rules: RuleSet):
    """Each record's longest publicity period, from the rule that judged it."""
    years = {r.name: r.publicity_years for r in reversed(rules.rules)}  # the first rule of a name wins
    default = rules.rules[0].publicity_years
    if "rule" not in records.columns:
        return default
    codes, names = pd.factorize(records["rule"])  # a few rule names: looked up once each, -1 (none) last
    return np.array([years.get(name, default) for name in names] + [default], dtype=np.int64)[codes]


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


JSON_MAX_RECORDS = 1_000_000  # past this --json is refused: --records-out writes every record, in parts


@dataclass
class Outputs:
    """What ``write_outputs`` wrote: the report and the writer that wrote it, the JSON, and the verdict."""

    run: CheckRun
    report: Path | None = None  # None when nothing could be read: no report is written
    writer: WriterUsed | None = None
    json_path: Path | None = None
    records_dir: Path | None = None  # --records-out: every record as Parquet
    kept: Path | None = None  # a report of the same name edited since the tool wrote it: left as it is
    taken: Path | None = None  # the default name another run saved a report at while this one wrote

    @property
    def verdict(self) -> Verdict:
        return self.run.verdict

    @cached_property
    def payload(self) -> dict:
        """The JSON answer, naming the writer of the report (built after the report, once)."""
        return run_json(self.run, self.writer)

    @property
    def json_text(self) -> str:
        return json_text(self.payload)

    def history_failed(self, error: ComplianceError) -> None:
        """Recording the month failed after the outputs were written: the verdict says so, the JSON again."""
        self.run.history_failed(error)
        self.__dict__.pop("payload", None)
        if self.json_path is not None:
            _write(self.run, self.json_path, " JSON 文件", "--json", lambda _run, path: write_json(self.payload, path))


def write_outputs(run: CheckRun, *, out: str | Path | None = None, json: str | Path | None = None,
                  records_out: str | Path | None = None, shape: ReportShape | None = None) -> Outputs:
    """Write the report to ``out`` (default reports/<default name>; a folder gets the default name
    inside) and the JSON to ``json`` ("-" or None: not to a file; ``Outputs.payload`` has it);
    every record as Parquet to the folder ``records_out`` (report/records_out.py). ``shape``: the
    report's sheets and rows (report/shape.py; default: every sheet whole).

    Nothing is written when nothing could be read. Every refusal (an output
    that is an input, a file the tool did not write, the JSON on the report, a
    folder) is raised before anything is written.
    """
    if not run.readable:
        return Outputs(run)
    named = report_path(out, run)
    target = free_name(named, report_origin(run)) if tool_named(out) else named  # an edited report is kept
    json_path = None if json in (None, "-") else Path(json)
    inputs = [e.path for e in run.inputs if not e.not_read] + list(run.online_files)
    refuse_unsafe_outputs(target, json_path, inputs, [e.path for e in run.inputs if e.is_report])
    if json is not None and len(run.records) > JSON_MAX_RECORDS:  # one JSON text of them would not fit memory
        raise ComplianceError.of("json-too-many", records=len(run.records), most=JSON_MAX_RECORDS)
    records_dir = None if records_out is None else Path(records_out)
    if records_dir is not None:
        refuse_foreign_records(records_dir)
    shape = shape or ReportShape(records_dir=None if records_out is None else str(records_out))
    placed = {"report": target}

    def another(taken: Path) -> Path:  # only the tool's own default name moves aside (paths.write_atomically)
        placed.update(taken=taken, report=next_name(taken))
        return placed["report"]

    writer = _write(run, target, "报告", "--out", lambda _run, path: write_report(
        _run, path, shape=shape, another=another if tool_named(out) else None))
    outputs = Outputs(run, placed["report"], writer, json_path=json_path,
                      kept=named if target != named else None, taken=placed.get("taken"))
    try:
        if records_dir is not None:
            outputs.records_dir = _write(run, records_dir, "记录文件夹", "--records-out",
                                         lambda _run, path: write_records(_run.records, path))
        if json_path is not None:
            _write(run, json_path, " JSON 文件", "--json", lambda _run, path: write_json(outputs.payload, path))
    except ComplianceError as exc:
        exc.report_written = outputs.report  # in place before this failed: the caller may still say where it is
        raise
    return outputs


def _write(run, path: Path, kind: str, option: str, write):
    try:
        return write(run, path)
    except OSError as exc:
        raise write_failed(kind, path, option, exc) from exc


def _maybe_spelling(named: str, units: list[str]) -> bool:
    """区综合执法局 beside 西塞山区城市管理综合执法局: the file's name may be a short spelling of the unit its
    records name (same_unit knows only the usual abbreviations). Undeclared, it is not said to be another unit."""
    core = named.lstrip("区县市")
    # 西塞山区住房和城乡建设局(区人民防空办公室): an office sharing the unit's staff, named after it in brackets
    return len(core) >= 3 and any(_BRACKETED_END.sub("", unit).endswith(core) for unit in units)


_BRACKETED_END = re.compile(r"\s*[（(][^（）()]*[)）]$")


def same_units(names: list[str], present: list[str], aliases: dict[str, list[str]] | None = None) -> list[str]:
    """Each name as the run counts it: a declared name for an alias (compliance.toml [units]), else the
    present unit that is another spelling of it (an unreadable 西塞山区人力资源和社会保障局_处罚.xlsx is
    区人社局's file when 区人社局 sent records), else the name itself."""
    named = unit_names(pd.Series(names, dtype=object), aliases or None).tolist() if names else []
    return [n if n in present else next((p for p in present if same_unit(n, p)), n) for n in named]
