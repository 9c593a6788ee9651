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
from .dates import parse_cli_date
from .errors import ComplianceError
from .workcalendar import WorkCalendar

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class ChineseFormatter(click.HelpFormatter):
    """Help text headings in Chinese, for clerks who read no English."""

    HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}

    def write_usage(self, prog, args="", prefix=None):
        args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]...")
        super().write_usage(prog, args, prefix="用法：")

    def write_heading(self, heading):
        super().write_heading(self.HEADINGS.get(heading, heading))


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class ChineseCommand(click.Command):
    context_class = ChineseContext

    def get_help_option(self, ctx):
        return _chinese_help(super().get_help_option(ctx))


def _chinese_help(option):
    if option is not None:
        option.help = "显示本帮助并退出。"
    return option


def _param_name(param) -> str:
    """The option as the user types it (--days), or the argument's name (DATE)."""
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len)
    return param.human_readable_name


def usage_message(exc: click.UsageError) -> str:
    """click's English usage errors, said in Chinese."""
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        return f"缺少参数 {_param_name(exc.param)}。"
    if isinstance(exc, click.BadParameter):
        name = _param_name(exc.param) if exc.param is not None else (exc.param_hint or "")
        return f"参数 {name} 的值无效：{exc.message}"
    if isinstance(exc, click.NoSuchOption):
        return f"没有选项 {exc.option_name}。"
    return exc.format_message()


class FriendlyGroup(click.Group):
    """Turns faults into one Chinese line and exit 2; ``--debug`` shows the traceback."""

    context_class = ChineseContext
    command_class = ChineseCommand

    def get_help_option(self, ctx):
        return _chinese_help(super().get_help_option(ctx))

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            hint = f"{exc.ctx.command_path} -h" if exc.ctx else "compliance -h"
            click.echo(f"用法错误：{usage_message(exc)}\n运行 {hint} 查看帮助。", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"错误：{exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("已中止。", err=True)
            sys.exit(1)

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except ComplianceError as exc:
            if ctx.meta.get("debug"):
                raise
            click.echo(f"错误：{exc.message}", err=True)
            sys.exit(2)
        except Exception as exc:  # an internal error must not spill a traceback
            if ctx.meta.get("debug"):
                raise
            click.echo(f"内部错误：{type(exc).__name__}: {exc}。请加 --debug 重新运行，"
                       "并把输出发给维护人员。", err=True)
            sys.exit(2)
        if isinstance(result, int):
            sys.exit(result)  # commands return their exit code
        return result


def _set_debug(ctx: click.Context, _param, value: bool) -> None:
    if value:
        ctx.meta["debug"] = True


debug_option = click.option("--debug", is_flag=True, expose_value=False, is_eager=True,
                            callback=_set_debug, help="出错时显示完整的 Python 错误堆栈（供维护人员排查）。")
calendar_option = click.option(
    "--calendar", "calendar_files", multiple=True, type=str, metavar="文件",
    help="补充日历文件（CSV：date,type,name；type 为 休/班 或 holiday/workday），可重复使用。")


class Days(click.ParamType):
    """A number of working days, 1–3650, with a Chinese complaint otherwise."""

    name = "天数"

    def convert(self, value, param, ctx):
        try:
            days = int(value)
        except (TypeError, ValueError):
            days = None
        if days is None or not 1 <= days <= 3650:
            self.fail(f"应为 1–3650 之间的整数（工作日数），现为“{value}”", param, ctx)
        return days


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

    按工作日（含法定节假日与调休上班）计算公开截止日期，检查各单位报送的
    决定是否在规定的工作日内上网公开，并生成交法制办的 Excel 报告。
    """


@main.command()
@click.argument("date", type=CliDate())
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
    calendar = WorkCalendar(calendar_files)
    result = calendar.add_working_days(date, days)
    if as_json:
        payload = {"decision_date": date.isoformat(), "working_days": days,
                   "deadline": result.isoformat()}
        if explain:
            payload["explain"] = [
                {"date": r.date.isoformat(), "weekday": r.weekday, "is_workday": r.is_workday,
                 "reason": r.reason, "count": r.count} for r in calendar.explain(date, days)]
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
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
@debug_option
def template(out):
    """生成供各单位填写的空白报送模板（.xlsx）。

    模板含“填表说明”“行政许可”“行政处罚”三个工作表，日期列已设为日期格式并带数据有效性检查。

    \b
    示例：
      compliance template 报送模板.xlsx
    """
    from .template import write_template

    try:
        path = write_template(out)
    except OSError as exc:
        raise ComplianceError(f"无法写入模板 {out}（{exc.strerror or exc}）") from exc
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
              help="Excel 报告路径（默认 reports/公开时限检查_<统计截止日>.xlsx）。")
@click.option("--json", "json_target", metavar="文件|-", help="另存 JSON 结果；“-”表示输出到屏幕。")
@click.option("--quiet", "-q", is_flag=True, help="只输出错误信息。")
@debug_option
def check(paths, as_of, month, days, rule_name, config_path, calendar_files, out, json_target, quiet):
    """检查决定是否按时上网公开，并生成 Excel 报告。

    路径可以是文件（.xlsx/.xlsm/.xls/.csv）或文件夹（递归查找）。

    \b
    退出码：0 = 全部按时或未到期；1 = 有逾期、数据有误、无法判定的记录，或有文件读不了；
            2 = 什么也没读到，或参数有误。
    \b
    示例：
      compliance check sample_data/
      compliance check 报送/ --month 2016-10 --as-of 2016-11-30
      compliance check 区人社局.xlsx --rule national --json -
    """
    from .config import load_config
    from .report.json_output import write_json
    from .report.terminal import terminal_summary
    from .report.workbook import write_report
    from .rules import from_options
    from .api import check as run_check

    if days is not None and rule_name is not None:
        raise click.UsageError("--days 与 --rule 只能选一个")
    run_time = dt.datetime.now()
    run_date = run_time.date()  # the clock is read here, at the edge, and passed down
    if as_of is not None and as_of > run_date:
        raise click.UsageError(f"统计截止日 {as_of.isoformat()} 晚于今天 {run_date.isoformat()}，请检查 --as-of")
    config = load_config(config_path)
    rules = from_options(days, rule_name, config.rules)
    calendar = WorkCalendar(calendar_files)
    say = (lambda *a, **k: None) if quiet else (lambda text="", **k: click.echo(text, err=True, **k))
    started = time.monotonic()
    shown = {"progress": False}

    def progress(number, total, path):
        # Only long runs get a progress line, and only on a terminal.
        if sys.stderr.isatty() and not quiet and time.monotonic() - started > 1.5:
            shown["progress"] = True
            click.echo(f"\r正在读取第 {number}/{total} 个文件……", err=True, nl=False)

    run = run_check(paths, as_of=as_of, run_date=run_date, rules=rules, calendar=calendar, config=config,
                    month=month, run_time=run_time, progress=progress)
    if shown["progress"]:
        click.echo("", err=True)
    readable = [e for e in run.inputs if e.error is None and not e.is_report and not e.not_read]
    for entry in run.inputs:
        if entry.error is not None:
            say(f"文件无法读取：{entry.error.message}")
        elif entry.not_read:
            say(f"未读取：{entry.path}（{entry.not_read}）")
        elif entry.is_report:
            say(f"已跳过：{entry.path}（本工具生成的检查报告）")
    if not readable:
        say("没有读到任何可检查的文件。" if run.inputs else "没有找到 .xlsx/.xls/.csv 文件。")
        return 2
    out_path = Path(out) if out else Path("reports") / f"公开时限检查_{run.as_of.isoformat()}.xlsx"
    if out_path.is_dir():
        raise ComplianceError(f"无法写入报告 {out_path}：这是一个文件夹。请用 --out 指定 .xlsx 文件名")
    _refuse_overwriting_inputs(out_path, run)
    if json_target and json_target != "-":
        _refuse_overwriting_inputs(Path(json_target), run, "--json")
    try:
        written = write_report(run, out_path)
    except OSError as exc:
        raise ComplianceError(f"无法写入报告 {out_path}（{exc.strerror or exc}）。"
                              "如果文件正在 Excel/WPS 中打开，请先关闭；或用 --out 换一个位置") from exc
    if json_target:
        write_json(run, json_target)
    s = run.summary
    if not quiet:
        say(f"统计截止 {run.as_of.isoformat()}，规则：{run.rules.name}")
        for line in terminal_summary(run):
            say(line)
        say(f"共 {s['records']} 条记录（另跳过非记录行 {s['skipped_rows']} 行）：按时公开 {s['on_time']}，"
            f"逾期公开 {s['late']}，逾期未公开 {s['overdue']}，未到期 {s['pending']}，"
            f"数据有误 {s['invalid']}，无法判定 {s['undetermined']}。")
        _worst(run, say)
        say(f"报告已保存：{written}")
    bad = s["late"] + s["overdue"] + s["invalid"] + s["undetermined"]
    unreadable = sum(1 for e in run.inputs if e.error is not None)
    return 1 if bad or unreadable else 0


def _refuse_overwriting_inputs(out_path: Path, run, option: str = "--out") -> None:
    target = out_path.resolve()
    for entry in run.inputs:
        if Path(entry.path).resolve() == target and not entry.is_report:
            raise ComplianceError(f"输出路径 {out_path} 是输入文件之一，拒绝覆盖。请用 {option} 指定别的文件名")


def _worst(run, say) -> None:
    """The problems a reader should see first."""
    from .summary import status_counts

    records = run.records
    years = sorted({int(y) for y in records["missing_year"].unique() if y})
    for year in years:
        count = int((records["missing_year"] == year).sum())
        say(f"有 {count} 条记录需要 {year} 年的节假日安排才能判定。请准备 {year} 年的日历文件"
            f"（CSV：date,type,name，例如“{year}-01-01,休,元旦”），再加上 --calendar {year}.csv 重新运行。")
    if len(records):
        per_unit = status_counts(records, ["unit"])
        judged = per_unit["on_time"] + per_unit["late"] + per_unit["overdue"]
        per_unit["late_rate"] = ((per_unit["late"] + per_unit["overdue"]) / judged.where(judged > 0)).fillna(0)
        worst = per_unit[per_unit["late_rate"] > 0].sort_values("late_rate", ascending=False).head(5)
        if len(worst):
            say("迟报率最高的单位：" + "；".join(
                f"{u}（{r:.1%}，逾期 {int(a + b)} 条）" for u, r, a, b in
                zip(worst["unit"], worst["late_rate"], worst["late"], worst["overdue"])))
        invalid = int((records["status"] == "invalid").sum())
        if invalid:
            say(f"有 {invalid} 条记录数据有误，详见报告的“数据问题”工作表。")
