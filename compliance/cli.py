"""Thin click commands over the library. Messages are in Chinese.

Exit codes: 0 all clear, 1 problems found in the data, 2 could not run.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import click

from .version import __version__
from .cli_chinese import CONTEXT, FriendlyGroup
from .clock import china_now
from .errors import ComplianceError, os_reason
from .interrupts import handle_sigterm
from .params import CliDate, Days, Engine, Month, Port, RuleName
from .problems import message
from .supervise import supervised
from .cli_history import history, history_target, record_period, serving_store

# What a command needs beyond this is imported in the command: `--version`, `deadline` and the `history`
# commands do not wait for the reading, the report writers and the quality checks to be imported.


def _set_debug(ctx: click.Context, _param, value: bool) -> None:
    ctx.meta["debug"] = ctx.meta.get("debug", False) or value


debug_option = click.option("--debug", is_flag=True, expose_value=False, is_eager=True,
                            callback=_set_debug, help="出错时显示完整的 Python 错误堆栈（供维护人员排查）。")
calendar_option = click.option(
    "--calendar", "calendar_files", multiple=True, type=str, metavar="文件",
    help="补充日历文件（CSV：date,type,name；type 为 休/班 或 holiday/workday），可重复使用。")


@click.group(cls=FriendlyGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="compliance",
                      message="%(prog)s %(version)s", help="显示版本号并退出。")
@debug_option
def main() -> None:
    """行政许可、行政处罚决定上网公开时限检查工具。

    按工作日（含法定节假日与调休上班）计算公开截止日期，检查各单位报送的决定是否在规定的工作日内上网公开，并生成交法制办的 Excel 报告。
    """
    handle_sigterm(click.get_current_context())  # SIGTERM stops a run as Ctrl-C does (exit 143)


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
    from .deadline_info import deadline_answer  # when used: start-up time
    from .report import terminal  # when used: start-up time
    from .workcalendar import WorkCalendar  # when used: start-up time

    calendar = WorkCalendar(calendar_files)
    for warning in calendar.describe()["warnings"]:
        click.echo(f"注意：{warning['message']}", err=True)
    if as_json:
        click.echo(json.dumps(payload := deadline_answer(calendar, date, days, explain), ensure_ascii=False))
        if payload["deadline"] is None:
            raise SystemExit(2)
        return
    result = calendar.add_working_days(date, days)
    if explain:
        rows = [[row.date.isoformat(), row.weekday, "—" if row.is_workday is None else "是" if row.is_workday else "否", row.reason, str(row.count)]
                for row in calendar.explain(date, days)]
        for line in terminal.aligned(["日期", "星期", "是否工作日", "说明", "累计工作日"], rows, right={4}):
            click.echo(line)
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
    from .workcalendar import WorkCalendar  # when used: start-up time

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
    for warning in info["warnings"]:
        click.echo(f"注意：{warning['message']}")
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

    模板含“填表说明”“行政许可”“行政处罚”三个工作表，表头按国家“双公示”数据标准（2019 版），
    日期列已设为日期格式并带数据有效性检查，类别列可从下拉列表选择。

    \b
    示例：
      compliance template 报送模板.xlsx
    """
    from .template import write_template  # openpyxl loads only for this command: start-up time

    target = Path(out)
    if out.endswith(("/", "\\")) or target.is_dir():
        target = target / "报送模板.xlsx"
    elif target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    if target.exists() and not force:
        raise ComplianceError.of("template-exists", path=target)
    try:
        path = write_template(target)
    except OSError as exc:
        raise ComplianceError.of("template-write-failed", path=out, reason=os_reason(exc)) from exc
    click.echo(f"已生成报送模板：{path}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=str, metavar="路径...")
@click.option("--as-of", "as_of", type=CliDate(), help="统计截止日（默认为今天，按北京时间）。未公开的决定按此日判断是否逾期。")
@click.option("--month", type=Month(), help="只检查决定日期在该月的记录（如 2016-10）；决定日期无法识别的记录始终保留。")
@click.option("--days", "-d", type=Days(), help="期限（工作日数），代替配置文件中的规则；不能与 --rule 同用。")
@click.option("--rule", "rule_name", type=RuleName(),
              help="内置规则：district = 区通知 20 个工作日（默认）；national = 国家“双公示” 7 个工作日；"
                   "market = 市场监管 20 个工作日，2021-09-01 起简易程序和仅警告的处罚无需公开。")
@click.option("--config", "config_path", type=str, metavar="文件",
              help="配置文件（默认读取当前目录下的 compliance.toml）。")
@calendar_option
@click.option("--out", "-o", type=str, metavar="文件.xlsx",
              help="Excel 报告路径（默认 reports/公开时限检查_<月份或统计截止日>.xlsx）；可给文件夹；已存在的文件不是本工具生成的、或生成后被改过的，不会被覆盖（不给文件名时新报告另存为“原名(2).xlsx”，原文件不动）。")
@click.option("--json", "json_target", metavar="文件|-",
              help="另存 JSON 结果；“-”表示输出到屏幕。已存在且不是本工具生成的 JSON 文件不会被覆盖。")
@click.option("--online", "online_files", multiple=True, type=str, metavar="文件",
              help="网站公开清单（信用网站“双公示”导出或政府网站信息公开列表，.xlsx/.xls/.csv），"
                   "用网站上实际公开的情况核对台账填写的公开日期；可重复使用。")
@click.option("--online-since", "online_since", type=CliDate(),
              help="网站清单从哪天起才完整（那天以后公开的都在清单里，更早的信息可能已撤下）。截止日期在此之前的记录不核对。")
@click.option("--no-quality", "no_quality", is_flag=True,
              help="不检查数据质量（统一社会信用代码、身份证号、取值、金额、有效期、必填项），只检查公开时限。")
@click.option("--db", "db", type=str, metavar="文件|网址",
              help="历史库（SQLite 文件，默认 reports/公开时限历史.sqlite，首次使用时自动建立；"
                   "多个单位共用时可为 postgresql://用户@主机/库）。")
@click.option("--no-history", "no_history", is_flag=True, help="不读、不写历史库（按月检查默认会记录）。")
@click.option("--record", "record", is_flag=True,
              help="未给 --month 时也记入历史库，记为统计截止日所在的月份。")
@click.option("--records-out", "records_out", type=str, metavar="文件夹",
              help="把全部记录及其检查结果另存为 Parquet 文件（供数据分析）；文件夹须不存在，或是本工具上次建立的。")
@click.option("--engine", type=Engine(), default="pandas", show_default=True,
              help="pandas = 在本机检查；dask = 在 Dask 集群上读取文件（每个文件一个任务），结果与 pandas 相同。")
@click.option("--scheduler", metavar="地址",
              help="与 --engine dask 一起用：已启动的 Dask 调度器地址（如 tcp://10.0.0.5:8786）；"
                   "不给则在本机启动有内存上限的工作进程。")
@click.option("--all-records", "all_records", is_flag=True,
              help="与 --engine dask 一起用：在报告中写出“全部记录”工作表（Dask 引擎默认不写，"
                   "逾期清单和数据问题最多各列 10 万条，全部记录可用 --records-out 另存）。")
@click.option("--quiet", "-q", is_flag=True, help="只输出报告位置和一行结论。")
@click.option("--all", "show_all", is_flag=True, help="逐条列出全部问题记录（默认最多列 20 条）。")
@debug_option
@supervised  # the check runs in a worker that Ctrl-C can stop even mid-write
def check(paths, as_of, month, days, rule_name, config_path, calendar_files, out, json_target, online_files,
          online_since, no_quality, db, no_history, record, records_out, engine, scheduler, all_records, quiet,
          show_all):
    """检查决定是否按时上网公开，并生成 Excel 报告。

    路径可以是文件（.xlsx/.xlsm/.xls/.csv/.parquet）或文件夹（递归查找）。结果输出到屏幕（标准输出），进度和错误输出到标准错误。

    \b
    退出码：0 = 全部按时或未到期；1 = 有逾期、数据有误、无法判定的记录，或有文件读不了；
            2 = 什么也没读到，或参数有误；130 = 按 Ctrl+C 中止；143 = 被终止（SIGTERM）。
    \b
    示例：
      compliance check sample_data/
      compliance check 报送/ --month 2016-10 --as-of 2016-11-30
      compliance check 区人社局.xlsx --rule national --json -
      compliance check sample_data/ --online 网站清单.xlsx --online-since 2016-06-01
      compliance check 报送/2016-11/ --month 2016-11 --as-of 2016-12-05 --db 历史.sqlite
      compliance check 全省报送/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .api import check as run_check, write_outputs  # when used: start-up time
    from .report.shape import ReportShape  # likewise
    from .config import load_config  # when used: start-up time
    from .report import terminal  # when used: start-up time
    from .report.records_out import refuse_foreign_records  # when used: start-up time
    from .rules import from_options  # when used: start-up time
    from .workcalendar import WorkCalendar  # when used: start-up time

    if days is not None and rule_name is not None:
        raise click.UsageError(message("param-days-and-rule"))
    run_time = china_now()
    run_date = run_time.date()  # the clock is read here, at the edge, and passed down
    if as_of is not None and as_of > run_date:
        raise click.UsageError(message("param-as-of-future", as_of=as_of.isoformat(), today=run_date.isoformat()))
    if no_history and record:
        raise click.UsageError(message("param-no-history-and-record"))
    if online_since is not None and not online_files:
        raise click.UsageError(message("param-online-since-alone"))
    if month is not None and month > (as_of or run_date).strftime("%Y-%m"):  # a typo, or a month not yet come
        raise click.UsageError(message("param-month-after-as-of", month=month, as_of=(as_of or run_date).isoformat()))
    _refuse_overlong(out=out, json=None if json_target == "-" else json_target, records_out=records_out, db=db)
    to_json_stdout = json_target == "-"
    # Results go to stdout, unless stdout carries the JSON; diagnostics always go to stderr.
    say = (lambda *a, **k: None) if (quiet or to_json_stdout) else (lambda text="": click.echo(text))
    config = load_config(config_path)
    rules = from_options(days, rule_name, config.rules)  # the config's rules, unless an option overrides them
    if config.rules and (days is not None or rule_name is not None):  # said: the file's changes silently unused
        changes = len(config.rules.rules) - 1
        click.echo("注意：" + message("param-rules-overridden", option="--days" if days is not None else f"--rule {rule_name}",
                                     config=config.path, changes=f"（含 {changes} 个 change）" if changes else ""), err=True)
    if scheduler and engine != "dask":
        raise click.UsageError(message("param-scheduler-without-dask"))
    if records_out is not None:  # said before a long run, not after it (write_outputs checks again)
        refuse_foreign_records(Path(records_out))
    calendar = WorkCalendar(calendar_files)
    store, period = history_target(db, no_history, record, month, as_of or run_date)
    with _engine(engine, scheduler) as read:
        run = run_check(paths, as_of=as_of, run_date=run_date, rules=rules, calendar=calendar,
                        config=config, month=month, run_time=run_time, progress=_progress_printer(quiet),
                        online=list(online_files) or None, online_since=online_since, quality=not no_quality,
                        history=store, period=period, read=read)
    for line in terminal.input_lines(run):
        click.echo(line, err=True)
    for warning in run.calendar.describe()["warnings"]:  # even with -q: it may move every deadline
        click.echo(f"注意：{warning['message']}", err=True)
    for number in run.summary.get("exempt_unmatched", []):  # a typo would leave a confirmed decision 逾期
        click.echo("注意：" + message("exempt-confirmed-unmatched", number=number), err=True)
    if click.get_current_context().meta.get("debug"):  # what a library or a dying reader said
        for entry in run.inputs:
            if entry.error is not None and entry.error.detail:
                click.echo(f"  （--debug）{entry.path}：{entry.error.detail}", err=True)
    verdict = run.verdict
    made = _missing_folder(out)  # said once written: a typo in -o makes a folder where none was meant
    try:
        outputs = write_outputs(run, out=out, json=json_target, records_out=records_out,
                                shape=ReportShape.for_engine(engine, all_records, records_out))
    except ComplianceError as exc:  # a read-only folder, a file open in Excel: the figures are still worth showing
        report_failed = exc.code == "output-write-failed" and getattr(exc, "values", {}).get("kind") == "报告"
        written = getattr(exc, "report_written", None)  # the JSON or Parquet failed after the report was in place
        if (report_failed or written is not None) and not to_json_stdout:  # (a refusal: before any result)
            if not quiet:
                _print_results(run, say, show_all)
            if written is not None:
                click.echo(f"报告已保存：{written}")
            click.echo(replace(verdict, unfinished=f"{getattr(exc, 'values', {}).get('kind', '输出').strip()}未能保存").text)
        raise  # then the error on stderr, exit 2
    if outputs.report is None:  # nothing could be read: no file written; stdout's JSON says so, as the web's does
        if to_json_stdout:
            click.echo(outputs.json_text)
        click.echo(verdict.text, err=True)
        return verdict.exit_code
    if made is not None and made.is_dir():
        click.echo(f"已新建文件夹：{made}", err=True)
    if outputs.writer.fallback_reason:
        click.echo(message("writer-fallback", label=outputs.writer.label), err=True)
    if outputs.kept is not None:
        from .report.paths import report_origin, why_kept  # only here: a default name already taken
        click.echo(message(why_kept(outputs.kept, report_origin(run)), kept=outputs.kept, path=outputs.report), err=True)
    if outputs.taken is not None:
        click.echo(message("report-taken-meanwhile", taken=outputs.taken, path=outputs.report), err=True)
    record_period(run, store, outputs)  # after the report, left written; a failure is in the verdict (exit 2)
    verdict = run.verdict
    if to_json_stdout:
        click.echo(outputs.json_text)
        if not quiet:  # stdout holds the JSON: where the report went is said on stderr
            click.echo(f"报告已保存：{outputs.report}", err=True)
    if quiet:  # when the JSON owns stdout, the two lines go to stderr
        click.echo(f"{outputs.report}\n{verdict.text}", err=to_json_stdout)
        return verdict.exit_code
    _print_results(run, say, show_all)
    for line in terminal.closing_lines(run, outputs.report):
        say(line)
    if outputs.records_dir is not None:
        say(f"全部记录（Parquet）已写入：{outputs.records_dir}")
    say(verdict.text)
    return verdict.exit_code


@contextlib.contextmanager
def _engine(engine: str, scheduler: str | None):
    """How the files are read: here (None), or one task per file on a Dask cluster (cluster.py)."""
    if engine != "dask":
        yield None
        return
    from .cluster import cluster_reader, dask_client  # distributed loads only for --engine dask

    with dask_client(scheduler) as client:
        yield cluster_reader(client)


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


def _print_results(run, say, show_all: bool) -> None:
    from .report import terminal  # when used: start-up time
    from .report.scope import out_of_scope_text  # when used: start-up time

    s = run.summary
    say(f"{terminal.scope_line(run)}")
    for line in terminal.terminal_summary(run):
        say(line)
    say(f"共 {s['records']} 条记录（另跳过非记录行 {s['skipped_rows']} 行）：按时公开 {s['on_time']}，"
        f"逾期公开 {s['late']}，逾期未公开 {s['overdue']}，未到期 {s['pending']}，"
        f"数据有误 {s['invalid']}，无法判定 {s['undetermined']}"
        + (f"，无需公开 {s['exempt']}" if s.get("exempt") else "") + "。")  # so that the parts add up to the whole
    scope = out_of_scope_text(run)
    if scope:
        say(scope + "。")
    for line in terminal.worst_units(run):
        say(line)
    for part in run.parts:
        for line in part.terminal_lines():
            say(line)
    for line in terminal.missing_year_lines(run):
        say(line)
    lines = terminal.problem_lines(run, None if show_all else terminal.DEFAULT_PROBLEM_LINES)
    if lines:
        say("需要处理的记录：")
        for line in lines:
            say("  " + line)
    for line in terminal.input_lines(run):
        if line.startswith("文件无法读取"):
            say(line)  # repeated here: the first mention scrolled away


main.add_command(history)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="地址",
              help="监听地址。默认只有本机能打开；写 0.0.0.0 则同一网络中的其他电脑也能打开。")
@click.option("--port", "-p", type=Port(), default=8000, show_default=True, help="端口。")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="名称",
              help="用 --host 0.0.0.0 时，允许其他电脑用这个名称（电脑名或内网域名）打开网页，可重复使用。"
                   "本机的 IP 地址总是允许的；其他名称一律拒绝，以防其他网站借浏览器访问本服务。")
@click.option("--config", "config_path", type=str, metavar="文件",
              help="配置文件（默认读取当前目录下的 compliance.toml），其中 [web] 设置上传上限和报告保留时间。")
@calendar_option
@click.option("--db", "db", type=str, metavar="文件",
              help="历史库（同 check 的 --db）：自查后显示本单位的及时公开率走势和未整改事项。只读，网页上的检查不记入。")
@debug_option
def serve(host, port, allow_hosts, config_path, calendar_files, db):
    """启动网页版：各单位在浏览器中上传表格自查，下载 Excel 报告。

    网页和命令行用同一套检查，结果一致。上传的文件检查完即删除；报告只保留一段时间（默认 60 分钟）。按 Ctrl+C 停止。

    \b
    示例：
      compliance serve
      compliance serve --host 0.0.0.0 --port 8080 --calendar 2027.csv
      compliance serve --host 0.0.0.0 --allow-host zhengfuban-pc
      compliance serve --host 0.0.0.0 --db reports/公开时限历史.sqlite
    """
    from .config import load_config  # when used: start-up time
    from .web.server import serve as run_server  # flask and waitress load only for this command
    from .workcalendar import WorkCalendar  # when used: start-up time

    store = serving_store(db)  # refused here, before the server starts, when it cannot be read
    config = load_config(config_path)
    run_server(config, WorkCalendar(calendar_files), host, port, echo=click.echo, allow_hosts=allow_hosts,
               history=store)
    return 0


NAME_MAX = 255  # one file or folder name: 255 bytes on Linux file systems, 255 UTF-16 units on NTFS


def _name_size(part: str) -> int:
    if sys.platform == "win32":
        return len(part.encode("utf-16-le")) // 2
    return len(part.encode("utf-8", "surrogateescape"))


def _refuse_overlong(**options) -> None:
    """An output name too long to create, said before a long run rather than as an internal error after it."""
    for option, value in options.items():
        if not value or "://" in str(value):
            continue
        for part in Path(str(value)).parts:
            if _name_size(part) > NAME_MAX:
                raise click.UsageError(message("param-name-too-long", option="--" + option.replace("_", "-"),
                                               name=part[:12] + "…", size=_name_size(part)))


def _missing_folder(out) -> Path | None:
    """The outermost folder of --out that does not exist yet (the report's writing makes it), or None."""
    if not out:
        return None  # reports/ beside the inputs: the tool's own folder
    folder = Path(out) if str(out).endswith(("/", "\\")) else Path(out).parent
    missing = None
    while not folder.exists() and folder != folder.parent:
        missing, folder = folder, folder.parent
    return missing
