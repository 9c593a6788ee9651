"""click in Chinese: the help and every usage error, written here through click's public API.

click looks its own strings up through gettext, which translates only when the
locale asks for Chinese (never on Windows, not in CI), so nothing here relies on
it and no private name of click is touched. Help is laid out by our Command and
Group subclasses (headings, option lines, defaults); a usage error is said from
the exception's fields (the option, the parameter, the close matches), never
from click's English message. Our own parameter types fail with Chinese text.
Faults become one Chinese line and exit 2; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import difflib
import re
import os
import sys

import click

from .errors import ComplianceError
from . import interrupts
from .interrupts import exit_code as interrupted_exit_code
from .problems import message
from .supervise import end_worker
from .textwidth import display_width

# A fixed width: help text (and the README copy of it) is the same on every terminal.
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100}
HELP_OPTION_TEXT = "显示本帮助并退出。"


class ChineseFormatter(click.HelpFormatter):
    """click's layout, wrapped by the columns a terminal gives each character (a Chinese one takes two):
    click counts characters, and its Chinese lines ran to 158 columns of a 100-column help."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法： " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [p for p in re.split(r"\n\s*\n", text.strip("\n")) if p.strip()]
        for k, paragraph in enumerate(paragraphs):
            if paragraph.lstrip(" ").startswith("\b"):  # click's mark: lines kept as written (examples)
                lines = [line.rstrip() for line in paragraph.lstrip(" ")[1:].lstrip("\n").splitlines()]
            else:
                lines = wrap_columns(" ".join(paragraph.split()), self.width - self.current_indent)
            for line in lines:
                self.write(f"{indent}{line}\n")
            if k < len(paragraphs) - 1:
                self.write("\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_columns(second, max(self.width - first_col - self.current_indent, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


_TOKENS = re.compile(r"[ \t]+|[\u2e80-\u9fff\uf900-\uffef]|[^ \t\u2e80-\u9fff\uf900-\uffef]+")


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns: broken between Chinese characters or at spaces, never
    inside a Latin word, an option name or a number (one longer than a line stands alone on its line)."""
    lines, line = [], ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            if line:
                line += token  # as written (click's two spaces before [默认：…])
            continue
        if line and display_width(line) + display_width(token) > width:
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class ChineseUsageError(click.UsageError):
    """A usage error worded here; its message is already Chinese."""


class UnknownCommand(ChineseUsageError):
    def __init__(self, name: str, known: list[str], ctx: click.Context):
        close = difflib.get_close_matches(name, known)
        hint = f"是不是要用 {'、'.join(close)}？" if close else f"可用的命令：{'、'.join(known)}。"
        super().__init__(f"没有命令“{name}”。{hint}", ctx)


class MissingCommand(ChineseUsageError):
    def __init__(self, ctx: click.Context):
        super().__init__("缺少命令。", ctx)


class NoArguments(ChineseUsageError):
    """Nothing at all on the command line: the answer is the help itself."""

    def __init__(self, ctx: click.Context):
        super().__init__("", ctx)


def _extra_arguments(args: list[str], ctx: click.Context) -> ChineseUsageError:
    return ChineseUsageError(f"多余的参数：{' '.join(args)}。", ctx)


def _option_line(param: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    """The option's names and metavar as click lays them out, then our own help text and brackets."""
    record = param.get_help_record(ctx)
    if record is None:  # hidden
        return None
    extra = param.get_help_extra(ctx)
    notes = []
    if "envvars" in extra:
        notes.append("环境变量：" + "、".join(extra["envvars"]))
    if "default" in extra:
        notes.append(f"默认：{extra['default']}")
    if "range" in extra:
        notes.append(f"范围：{extra['range']}")
    if "required" in extra:
        notes.append("必填")
    text = param.help or ""
    if notes:
        text = f"{text}  [{'；'.join(notes)}]" if text else f"[{'；'.join(notes)}]"
    return record[0], text


class ChineseHelp:
    """Help and argument parsing shared by our Command and Group (a mixin placed before click's class)."""

    context_class = ChineseContext

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        self.format_options(ctx, formatter)
        self.format_epilog(ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lines = [_option_line(p, ctx) for p in self.get_params(ctx) if isinstance(p, click.Option)]
        lines = [line for line in lines if line is not None]
        if lines:
            with formatter.section("选项"):
                formatter.write_dl(lines)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            raise NoArguments(ctx)
        strict = not ctx.allow_extra_args  # extra arguments are reported here, in Chinese
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as exc:
            exc.ctx = exc.ctx or ctx  # the parser leaves some without one; the hint names this command
            raise
        finally:
            ctx.allow_extra_args = not strict
        if strict and rest and not ctx.resilient_parsing:
            raise _extra_arguments(rest, ctx)
        return rest


class ChineseCommand(ChineseHelp, click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)


def _param_name(param: click.Parameter) -> str:
    """The option as the user types it (--days), or the argument's metavar (日期)."""
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len)
    return (param.metavar or param.human_readable_name).rstrip(".")


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _bad_option_usage(exc: click.BadOptionUsage) -> str:
    command = exc.ctx.command if exc.ctx else None
    option = next((p for p in (command.params if command else []) if exc.option_name in p.opts), None)
    if option is None:
        return f"选项 {exc.option_name} 的写法有误。"
    if isinstance(option, click.Option) and (option.is_flag or option.count):
        return f"选项 {exc.option_name} 不需要值。"
    return f"选项 {exc.option_name} 需要一个值。" if option.nargs == 1 else \
        f"选项 {exc.option_name} 需要 {option.nargs} 个值。"


def usage_message(exc: click.UsageError) -> str:
    """A usage error in Chinese, built from the exception's fields (never click's English text)."""
    if isinstance(exc, ChineseUsageError):
        return exc.message
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        if isinstance(exc.param, click.Argument):
            return f"缺少参数“{_param_name(exc.param)}”。"
        return f"缺少选项 {_param_name(exc.param)}。"
    if isinstance(exc, click.BadParameter) and exc.param is not None:
        if isinstance(exc.param, click.Argument):
            return f"参数“{_param_name(exc.param)}”的值无效：{exc.message}"
        return f"选项 {_param_name(exc.param)} 的值无效：{exc.message}"
    if isinstance(exc, click.NoSuchOption):
        close = difflib.get_close_matches(exc.option_name, list(exc.possibilities or []))
        return f"没有选项 {exc.option_name}。" + (f"是不是要用 {'、'.join(close)}？" if close else "")
    if isinstance(exc, click.BadOptionUsage):
        return _bad_option_usage(exc)
    if isinstance(exc, click.BadArgumentUsage):
        return "参数的个数不对。"
    # Our own commands raise UsageError with Chinese text; anything else from click is not shown in English.
    return exc.message if _has_chinese(exc.message) else "命令行的写法有误。"


class FriendlyGroup(ChineseHelp, click.Group):
    """Turns faults into one Chinese line and exit 2; ``--debug`` shows the traceback."""

    command_class = ChineseCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        # The group runs without a command too, so that a missing command is said here, in Chinese.
        kwargs.setdefault("invoke_without_command", True)
        kwargs.setdefault("no_args_is_help", True)
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        commands = [(name, command) for name, command in commands if command is not None and not command.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            with formatter.section("命令"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in commands])

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0]
        if self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            if name[:1] and not name[:1].isalnum():
                self.parse_args(ctx, args)  # an option this group does not know: NoSuchOption, as click does
            raise UnknownCommand(name, self.list_commands(ctx), ctx)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            result = self._main(args, prog_name, complete_var, **extra)
        except SystemExit as exc:
            end_worker(exc.code)  # a supervised check's worker leaves without Python's teardown
            raise
        end_worker(0)
        return result

    def _main(self, args, prog_name, complete_var, **extra):
        try:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except NoArguments as exc:  # bare `compliance`: the help itself
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
            if not interrupts.supervisor_reports:
                click.echo(message("interrupted"), err=True)
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
        except BrokenPipeError:  # `| head` closed stdout: the rest is unwanted, the report is already written
            _discard_stdout()
            sys.exit(BROKEN_PIPE_EXIT)
        except Exception as exc:  # an internal error must not spill a traceback
            if ctx.meta.get("debug"):
                raise
            click.echo(f"内部错误：{type(exc).__name__}: {exc}。请加 --debug 重新运行，"
                       "并把输出发给维护人员。", err=True)
            sys.exit(2)
        if ctx.invoked_subcommand is None:  # options only (`compliance --debug`): no command was given
            raise MissingCommand(ctx)
        if isinstance(result, int):
            sys.exit(result)  # commands return their exit code
        return result


BROKEN_PIPE_EXIT = 141  # 128 + SIGPIPE: what a shell reports for a writer whose reader left


def _discard_stdout() -> None:
    """Point stdout at the null device, so the flush at exit does not fail a second time (Python's advice
    for SIGPIPE: https://docs.python.org/3/library/signal.html#note-on-sigpipe)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
