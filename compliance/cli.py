"""Thin click commands over the library. Messages are in Chinese.

Exit codes: 0 all clear, 1 problems found in the data, 2 could not run.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path

import click

from . import __version__
from .cli_chinese import CONTEXT, FriendlyGroup
from .dates import parse_cli_date
from .errors import ComplianceError, os_reason
from .workcalendar import WorkCalendar


def _set_debug(ctx: click.Context, _param, value: bool) -> None:
    if value:
        ctx.meta["debug"] = True


debug_option = click.option("--debug", is_flag=True, expose_value=False, is_eager=True,
                            callback=_set_debug, help="出错时显示完整的 Python 错误堆栈（供维护人员排查）。")
calendar_option = click.option(
    "--calendar", "calendar_files", multiple=True, type=str, metavar="文件",
    help="补充日历文件（CSV：date,type,name；type 为 休/班 或 holiday/workday），可重复使用。")


class WholeNumber(click.ParamType):
    """A whole number from ``low`` to ``high``, with a Chinese complaint otherwise (click.IntRange's is English)."""

    low, high, complaint = 1, 1, "{value}"

    def convert(self, value, param, ctx):
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not self.low <= number <= self.high:
            self.fail(self.complaint.format(value=value), param, ctx)
        return number


class Days(WholeNumber):
    """A number of working days, 1–3650."""

    name = "天数"
    low, high, complaint = 1, 3650, "应为 1–3650 之间的整数（工作日数），现为“{value}”"


class RuleName(click.ParamType):
    name = "规则"

    def convert(self, value, param, ctx):
        from .rules import PROFILES

        if value not in PROFILES:
            self.fail(f"没有名为“{value}”的规则，可用：" + "、".join(PROFILES), param, ctx)
        return value


class CliDate(click.ParamType):
    name = "日期"

    def convert(self, value, param, ctx):
        try:
            return parse_cli_date(value)
        except ComplianceError as exc:
            self.fail(exc.message, param, ctx)


@click.group(cls=FriendlyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="compliance",
                      message="%(prog)s %(version)s", help="显示版本号并退出。")
@debug_option
def main() -> None:
    """行政许可、行政处罚决定上网公开时限检查工具。

    按工作日（含法定节假日与调休上班）计算公开截止日期，检查各单位报送的决定是否在规定的工作日内上网公开，并生成交法制办的 Excel 报告。
    """


@main.command()
@click.argument("date", type=CliDate(), metavar="日期")
@click.option("--days", "-d", type=Days(), default=20, show_default=True,
              help="期限（工作日数）。区通知为 20，国家“双公示”规定为 7。")
@calendar_option
@click.option("--explain", is_flag=True, help="逐日列出计算过程。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果。")
@debug_option
def deadline(date, days, calendar_files, explain, as_json):
    """计算决定日期之后第 N 个工作日（公开截止日期）。

    决定日期当天不计入；决定日在休息日的，从下一个工作日起算为第 1 天。

    \b
    示例：
      compliance deadline 2019-06-08
      compliance deadline 2017/9/29 --days 7 --json
      compliance deadline 2016年9月28日 --explain
    """
    from .deadline_info import deadline_payload

    calendar = WorkCalendar(calendar_files)
    if as_json:
        click.echo(json.dumps(deadline_payload(calendar, date, days, explain), ensure_ascii=False))
        return
    result = calendar.add_working_days(date, days)
    if explain:
        click.echo(f"{'日期':<10}  星期  {'是否工作日':<4}  {'说明':<10}  累计工作日")
        for row in calendar.explain(date, days):
            mark = "是" if row.is_workday else "否"
            click.echo(f"{row.date.isoformat():<12}{row.weekday:<4}  {mark:<8}  "
                       f"{row.reason:<12}  {row.count:>3}")
    click.echo(f"决定日期 {date.isoformat()}，{days} 个工作日后的公开截止日期：{result.isoformat()}")


@main.command("calendar")
@calendar_option
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@debug_option
def calendar_cmd(calendar_files, as_json):
    """显示日历数据覆盖的年份、chinese-calendar 版本和已加载的日历文件。

    \b
    示例：
      compliance calendar
      compliance calendar --calendar 2027.csv --json
    """
    calendar = WorkCalendar(calendar_files)
    info = calendar.describe()
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
        return
    click.echo(f"法定节假日数据：{info['source']} {info['version']}"
               f"（{calendar.statutory_years[0]}–{calendar.statutory_years[-1]} 年）")
    click.echo("可计算的年份：" + _year_ranges(info["covered_years"]))
    for item in info["files"]:
        click.echo(f"日历文件：{item['path']}（{_year_ranges(item['years'])} 年）")
    if not info["files"]:
        click.echo("未加载日历文件。尚无数据的年份可用 --calendar 文件.csv 补充。")


def _year_ranges(years: list[int]) -> str:
    parts, run = [], []
    for y in sorted(years):
        if run and y != run[-1] + 1:
            parts.append(run)
            run = []
        run.append(y)
    if run:
        parts.append(run)
    return "、".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in parts)


@main.command()
@click.argument("out", type=str, metavar="文件.xlsx")
@click.option("--force", is_flag=True, help="文件已存在时也覆盖（默认拒绝，以免覆盖已填好的表格）。")
@debug_option
def template(out, force):
    """生成供各单位填写的空白报送模板（.xlsx）。

    模板含“填表说明”“行政许可”“行政处罚”三个工作表，日期列已设为日期格式并带数据有效性检查。

    \b
    示例：
      compliance template 报送模板.xlsx
    """
    from .template import write_template

    target = Path(out)
    if out.endswith(("/", "\\")) or target.is_dir():
        target = target / "报送模板.xlsx"
    elif target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    if target.exists() and not force:
        raise ComplianceError(f"{target} 已存在，拒绝覆盖（它可能是已填好的表格）。请换一个文件名，或加 --force")
    try:
        path = write_template(target)
    except OSError as exc:
        raise ComplianceError(f"无法写入模板 {out}（{os_reason(exc)}）") from exc
    click.echo(f"已生成报送模板：{path}")


class Month(click.ParamType):
    name = "年-月"

    def convert(self, value, param, ctx):
        import re

        match = re.fullmatch(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*", str(value))
        if not match or not 1 <= int(match.group(2)) <= 12:
            self.fail(f"“{value}”不是有效的月份，应写作 2016-10", param, ctx)
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"


@main.command()
@click.argument("paths", nargs=-1, required=True, type=str, metavar="路径...")
@click.option("--as-of", "as_of", type=CliDate(), help="统计截止日（默认为今天）。未公开的决定按此日判断是否逾期。")
@click.option("--month", type=Month(), help="只检查决定日期在该月的记录（如 2016-10）；决定日期无法识别的记录始终保留。")
@click.option("--days", "-d", type=Days(), help="期限（工作日数），覆盖规则中的天数。")
@click.option("--rule", "rule_name", type=RuleName(),
              help="内置规则：district = 区通知 20 个工作日（默认）；national = 国家“双公示” 7 个工作日。")
@click.option("--config", "config_path", type=str, metavar="文件",
              help="配置文件（默认读取当前目录下的 compliance.toml）。")
@calendar_option
@click.option("--out", "-o", type=str, metavar="文件.xlsx",
              help="Excel 报告路径（默认 reports/公开时限检查_<月份或统计截止日>.xlsx）；可给文件夹；已存在且不是本工具生成的文件不会被覆盖。")
@click.option("--json", "json_target", metavar="文件|-", help="另存 JSON 结果；“-”表示输出到屏幕。")
@click.option("--online", "online_files", multiple=True, type=str, metavar="文件",
              help="网站公开清单（信用网站“双公示”导出或政府网站信息公开列表，.xlsx/.xls/.csv），"
                   "用网站上实际公开的情况核对台账填写的公开日期；可重复使用。")
@click.option("--online-since", "online_since", type=CliDate(),
              help="网站清单从哪天起才完整（更早的信息可能已撤下）。截止日期在此之前的记录不核对。")
@click.option("--quiet", "-q", is_flag=True, help="只输出报告位置和一行结论。")
@click.option("--all", "show_all", is_flag=True, help="逐条列出全部问题记录（默认最多列 20 条）。")
@debug_option
def check(paths, as_of, month, days, rule_name, config_path, calendar_files, out, json_target, online_files,
          online_since, quiet, show_all):
    """检查决定是否按时上网公开，并生成 Excel 报告。

    路径可以是文件（.xlsx/.xlsm/.xls/.csv）或文件夹（递归查找）。结果输出到屏幕（标准输出），进度和错误输出到标准错误。

    \b
    退出码：0 = 全部按时或未到期；1 = 有逾期、数据有误、无法判定的记录，或有文件读不了；
            2 = 什么也没读到，或参数有误。
    \b
    示例：
      compliance check sample_data/
      compliance check 报送/ --month 2016-10 --as-of 2016-11-30
      compliance check 区人社局.xlsx --rule national --json -
      compliance check sample_data/ --online 网站清单.xlsx --online-since 2016-06-01
    """
    from .report import terminal
    from .status import EXIT_CANNOT_RUN, exit_code

    if days is not None and rule_name is not None:
        raise click.UsageError("--days 与 --rule 只能选一个")
    run_time = dt.datetime.now()
    run_date = run_time.date()  # the clock is read here, at the edge, and passed down
    if as_of is not None and as_of > run_date:
        raise click.UsageError(f"统计截止日 {as_of.isoformat()} 晚于今天 {run_date.isoformat()}，请检查 --as-of")
    to_json_stdout = json_target == "-"
    # Results go to stdout, unless stdout carries the JSON; diagnostics always go to stderr.
    say = (lambda *a, **k: None) if (quiet or to_json_stdout) else (lambda text="": click.echo(text))
    run = _run_check(paths, as_of, run_date, run_time, month, days, rule_name, config_path, calendar_files,
                     online_files, online_since, quiet)
    unreadable = [e for e in run.inputs if e.error is not None]
    if not _announce_inputs(run):
        return EXIT_CANNOT_RUN
    written = _write_outputs(run, out, json_target)
    code = exit_code(run.summary, len(unreadable), _online_discrepancies(run))
    verdict = terminal.verdict(run, len(unreadable), _online_discrepancies(run))
    if quiet:  # when the JSON owns stdout, the two lines go to stderr
        click.echo(f"{written}\n{verdict}", err=to_json_stdout)
        return code
    _print_results(run, say, terminal, show_all, unreadable)
    for line in terminal.closing_lines(run, written):
        say(line)
    say(verdict)
    return code


def _run_check(paths, as_of, run_date, run_time, month, days, rule_name, config_path, calendar_files,
               online_files, online_since, quiet):
    from .api import check as run_check
    from .config import load_config
    from .rules import from_options

    config = load_config(config_path)
    rules = from_options(days, rule_name, config.rules)  # the config's rules, unless an option overrides them
    return run_check(paths, as_of=as_of, run_date=run_date, rules=rules, calendar=WorkCalendar(calendar_files),
                     config=config, month=month, run_time=run_time, progress=_progress_printer(quiet),
                     online=list(online_files) or None, online_since=online_since)


def _announce_inputs(run) -> bool:
    """Say on stderr which files could not be or were not read; False when nothing could be read."""
    for entry in run.inputs:
        if entry.error is not None:
            click.echo(f"文件无法读取：{entry.error.message}", err=True)
        elif entry.not_read:
            click.echo(f"未读取：{entry.path}（{entry.not_read}）", err=True)
        elif entry.is_report:
            click.echo(f"已跳过：{entry.path}（本工具生成的检查报告）", err=True)
    if any(e.error is None and not e.is_report and not e.not_read for e in run.inputs):
        return True
    click.echo("没有读到任何可检查的文件。" if run.inputs else "没有找到 .xlsx/.xlsm/.xls/.csv 文件。", err=True)
    return False


def _write_outputs(run, out: str | None, json_target: str | None) -> Path:
    """The Excel report (never over a file the tool did not write), then the JSON."""
    from .report.json_output import write_json
    from .report.paths import refuse_foreign_file, report_path
    from .report.workbook import write_report

    out_path = report_path(out, run)
    _refuse_overwriting_inputs(out_path, run)
    refuse_foreign_file(out_path)
    if json_target and json_target != "-":
        _refuse_overwriting_inputs(Path(json_target), run, "--json")
    try:
        written = write_report(run, out_path)
    except OSError as exc:
        raise ComplianceError(f"无法写入报告 {out_path}（{os_reason(exc)}）。"
                              "如果文件正在 Excel/WPS 中打开，请先关闭；或用 --out 换一个位置") from exc
    if run.writer.fallback_reason:
        click.echo(f"注意：报告由后备程序 {run.writer.label} 生成，内容相同，写入较慢。", err=True)
    if json_target:
        write_json(run, json_target)
    return written


def _online_discrepancies(run) -> bool:
    """网站未见, 日期不符, 无法确定对应 or 台账未登记: problems found in the data (only with --online)."""
    if run.online is None:
        return False
    from .report.online_sheet import has_discrepancies

    return has_discrepancies(run)


def _progress_printer(quiet: bool):
    started = time.monotonic()
    shown = {"progress": False}

    def progress(number, total, path):
        # Only long runs get a progress line, and only on a terminal.
        if sys.stderr.isatty() and not quiet and time.monotonic() - started > 1.5:
            shown["progress"] = True
            end = "\n" if number == total else ""
            click.echo(f"\r正在读取第 {number}/{total} 个文件……{end}", err=True, nl=False)

    return progress


def _print_results(run, say, terminal, show_all: bool, unreadable) -> None:
    from .report.sheets import out_of_scope_text

    s = run.summary
    say(f"{terminal.scope_line(run)}")
    for line in terminal.terminal_summary(run):
        say(line)
    say(f"共 {s['records']} 条记录（另跳过非记录行 {s['skipped_rows']} 行）：按时公开 {s['on_time']}，"
        f"逾期公开 {s['late']}，逾期未公开 {s['overdue']}，未到期 {s['pending']}，"
        f"数据有误 {s['invalid']}，无法判定 {s['undetermined']}。")
    scope = out_of_scope_text(run)
    if scope:
        say(scope + "。")
    for line in terminal.worst_units(run):
        say(line)
    if run.online is not None:
        from .report.online_sheet import terminal_lines

        for line in terminal_lines(run):
            say(line)
    _missing_years(run, say)
    lines = terminal.problem_lines(run, None if show_all else terminal.DEFAULT_PROBLEM_LINES)
    if lines:
        say("需要处理的记录：")
        for line in lines:
            say("  " + line)
    for entry in unreadable:
        say(f"文件无法读取：{entry.error.message}")  # repeated here: the first mention scrolled away


def _refuse_overwriting_inputs(out_path: Path, run, option: str = "--out") -> None:
    target = out_path.resolve()
    for entry in run.inputs:
        if Path(entry.path).resolve() == target and not entry.is_report:
            raise ComplianceError(f"输出路径 {out_path} 是输入文件之一，拒绝覆盖。请用 {option} 指定别的文件名")


def _missing_years(run, say) -> None:
    records = run.records
    for year in sorted({int(y) for y in records["missing_year"].unique() if y}):
        count = int((records["missing_year"] == year).sum())
        say(f"有 {count} 条记录需要 {year} 年的节假日安排才能判定。请准备 {year} 年的日历文件"
            f"（CSV：date,type,name，例如“{year}-01-01,休,元旦”），再加上 --calendar {year}.csv 重新运行。")


class Port(WholeNumber):
    name = "端口"
    low, high, complaint = 1, 65535, "端口应为 1–65535 之间的整数，现为“{value}”"


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="地址",
              help="监听地址。默认只有本机能打开；写 0.0.0.0 则同一网络中的其他电脑也能打开。")
@click.option("--port", "-p", type=Port(), default=8000, show_default=True, help="端口。")
@click.option("--config", "config_path", type=str, metavar="文件",
              help="配置文件（默认读取当前目录下的 compliance.toml），其中 [web] 设置上传上限和报告保留时间。")
@calendar_option
@debug_option
def serve(host, port, config_path, calendar_files):
    """启动网页版：各单位在浏览器中上传表格自查，下载 Excel 报告。

    网页和命令行用同一套检查，结果一致。上传的文件检查完即删除；报告只保留一段时间（默认 60 分钟）。按 Ctrl+C 停止。

    \b
    示例：
      compliance serve
      compliance serve --host 0.0.0.0 --port 8080 --calendar 2027.csv
    """
    from .config import load_config
    from .web.server import serve as run_server

    config = load_config(config_path)
    run_server(config, WorkCalendar(calendar_files), host, port, echo=click.echo)
    return 0
