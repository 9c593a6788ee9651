"""click in Chinese: its own messages, headings, metavars and usage errors.

click wraps its messages in gettext; they are looked up here instead, so
"No such command", "[default: 20]" and "Usage:" reach a clerk in Chinese.
Faults become one Chinese line and exit 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

from .errors import ComplianceError
from .interrupts import exit_code as interrupted_exit_code

# A fixed width: help text (and the README copy of it) is the same on every terminal.
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100}

CLICK_MESSAGES = {
    "Usage:": "用法：", "Options": "选项", "Commands": "命令", "Positional arguments": "参数",
    "default: {default}": "默认：{default}", "required": "必填", "env var: {var}": "环境变量：{var}",
    "Show this message and exit.": "显示本帮助并退出。", "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}", "Aborted!": "已中止。", "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令“{name}”。", "No such option {name!r}.": "没有选项 {name}。",
    "Missing argument": "缺少参数", "Missing option": "缺少选项", "Missing parameter": "缺少参数",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Invalid value: {message}": "值无效：{message}",
    "Invalid value for {param_hint}: {message}": "参数 {param_hint} 的值无效：{message}",
    "Option {name!r} does not take a value.": "选项 {name} 不需要值。",
    "Option {name!r} requires an argument.": "选项 {name} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 需要 {nargs} 个值。",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的数字。",
    "Try '{command} {option}' for help.": "运行 {command} {option} 查看帮助。",
    "Got unexpected extra argument ({args})": "多余的参数：{args}",
    "Got unexpected extra arguments ({args})": "多余的参数：{args}",
    "Did you mean {possibility}?": "是不是要用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是不是要用其中之一：{possibilities}？）",
    "%(prog)s, version %(version)s": "%(prog)s %(version)s",
}


def _zh(message: str) -> str:
    return CLICK_MESSAGES.get(message, message)


def _zh_plural(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


for _module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
    if hasattr(_module, "_"):
        _module._ = _zh
    if hasattr(_module, "ngettext"):
        _module.ngettext = _zh_plural


class ChineseFormatter(click.HelpFormatter):
    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class ChineseCommand(click.Command):
    context_class = ChineseContext

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)


def _param_name(param) -> str:
    """The option as the user types it (--days), or the argument's metavar (日期)."""
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len)
    return param.metavar or param.human_readable_name


def usage_message(exc: click.UsageError) -> str:
    """click's usage errors, said in Chinese, with a did-you-mean for commands."""
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        return f"缺少参数 {_param_name(exc.param)}。"
    if isinstance(exc, click.BadParameter):
        name = _param_name(exc.param) if exc.param is not None else (exc.param_hint or "")
        return f"参数 {name} 的值无效：{exc.message}"
    if isinstance(exc, click.NoSuchOption):
        return exc.format_message()
    return exc.format_message()  # click's did-you-mean is translated with the rest


class FriendlyGroup(click.Group):
    """Turns faults into one Chinese line and exit 2; ``--debug`` shows the traceback."""

    command_class = ChineseCommand
    context_class = ChineseContext

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # bare `compliance`: the help itself
            click.echo(exc.ctx.get_help(), err=True)
            sys.exit(2)
        except click.UsageError as exc:
            hint = f"{exc.ctx.command_path} -h" if exc.ctx else "compliance -h"
            click.echo(f"用法错误：{usage_message(exc)}\n运行 {hint} 查看帮助。", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"错误：{exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort as exc:  # Ctrl-C (130) or SIGTERM (143), as shells report them
            click.echo("已中止。", err=True)
            sys.exit(interrupted_exit_code(exc.__cause__))

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
