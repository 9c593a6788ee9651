"""Every click usage error a user can meet, and the help's headings, in Chinese: exact text, any locale.

The messages are worded by compliance/cli_chinese.py from the exception's fields;
click's own strings (gettext, English unless the locale says otherwise) never reach
the user, and no private name of click is touched to get there.
"""

import gettext
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from compliance.cli import main
from compliance.textwidth import display_width

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return CliRunner().invoke(main, list(args), prog_name="compliance")


def usage_error(text, command="compliance"):
    return f"用法错误：{text}\n运行 {command} -h 查看帮助。\n"


USAGE_ERRORS = [
    # missing argument
    (["check"], usage_error("缺少参数“路径”。", "compliance check")),
    (["deadline"], usage_error("缺少参数“日期”。", "compliance deadline")),
    # no such option, with and without a close match
    (["deadline", "--dayz", "3", "2019-01-01"], usage_error("没有选项 --dayz。是不是要用 --days？", "compliance deadline")),
    (["deadline", "--foo", "2019-01-01"], usage_error("没有选项 --foo。", "compliance deadline")),
    (["check", "x", "-z"], usage_error("没有选项 -z。", "compliance check")),
    (["--verbose", "check"], usage_error("没有选项 --verbose。是不是要用 --version？")),
    # no such command, with a suggestion, or the list of commands
    (["chek"], usage_error("没有命令“chek”。是不是要用 check？")),
    (["frobnicate"], usage_error("没有命令“frobnicate”。可用的命令：calendar、check、deadline、history、serve、template。")),
    # a command is missing (options only)
    (["--debug"], usage_error("缺少命令。")),
    # bad values, for an argument and for options
    (["deadline", "2019-13-01"], usage_error(
        "参数“日期”的值无效：不存在的日期：2019-13-01。可写作 2016-09-28、2016/9/28 或 2016年9月28日", "compliance deadline")),
    (["deadline", "2019-01-01", "--days", "x"],
     usage_error("选项 --days 的值无效：应为 1–3650 之间的整数（工作日数），现为“x”", "compliance deadline")),
    (["check", "x", "--rule", "provincial"],
     usage_error("选项 --rule 的值无效：没有名为“provincial”的规则，可用：district、national、market"
                 "（国家“双公示” 7 个工作日用 --rule national；其他天数用 --days，如 --days 15）", "compliance check")),
    # ranges (click.IntRange said "0 is not in the range 1<=x<=65535.")
    (["serve", "--port", "0"], usage_error("选项 --port 的值无效：端口应为 1–65535 之间的整数，现为“0”", "compliance serve")),
    (["serve", "-p", "65536"], usage_error("选项 --port 的值无效：端口应为 1–65535 之间的整数，现为“65536”", "compliance serve")),
    (["deadline", "2019-01-01", "-d", "0"],
     usage_error("选项 --days 的值无效：应为 1–3650 之间的整数（工作日数），现为“0”", "compliance deadline")),
    # an option without its value, a flag with one
    (["deadline", "2019-01-01", "--days"], usage_error("选项 --days 需要一个值。", "compliance deadline")),
    (["deadline", "2019-01-01", "--explain=yes"], usage_error("选项 --explain 不需要值。", "compliance deadline")),
    # extra arguments
    (["deadline", "2019-01-01", "2019-01-02"], usage_error("多余的参数：2019-01-02。", "compliance deadline")),
    (["template", "a.xlsx", "b.xlsx"], usage_error("多余的参数：b.xlsx。", "compliance template")),
    # our own commands' usage errors
    (["check", "x", "--days", "5", "--rule", "national"], usage_error("--days 与 --rule 只能选一个", "compliance check")),
]


@pytest.mark.parametrize("args, expected", USAGE_ERRORS, ids=[" ".join(a) for a, _ in USAGE_ERRORS])
def test_usage_errors_are_chinese_exactly(args, expected, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing is written, wherever it would go
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", expected)
    assert list(tmp_path.iterdir()) == []


def test_bare_command_prints_the_help_on_stderr_and_exits_2():
    result = run()
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == run("--help").stdout


def test_help_headings_and_brackets_are_chinese():
    top = run("--help").stdout.splitlines()
    assert top[0] == "用法： compliance [选项] 命令 [参数]..."
    assert [line for line in top if line.endswith("：")] == ["选项：", "命令："]
    assert "  -h, --help     显示本帮助并退出。" in top
    deadline = run("deadline", "-h").stdout.splitlines()
    assert deadline[0] == "用法： compliance deadline [选项] 日期"
    assert "  -d, --days 天数  期限（工作日数）。区通知为 20，国家“双公示”规定为 7。  [默认：20]" in deadline
    serve = run("serve", "-h").stdout.splitlines()
    assert "  -p, --port 端口    端口。  [默认：8000]" in serve  # no "INTEGER RANGE", no "1<=x<=65535"


ENGLISH = ("Usage", "Options", "Commands", "Positional", "Show this message", "default:", "required", "env var",
           "TEXT", "INTEGER", "RANGE", "PATH", "FLOAT", "Error", "Try ", "No such", "Did you mean", "Missing",
           "Invalid value", "Got unexpected", "is not", "requires", "does not take")


@pytest.mark.parametrize("name", [None, "check", "deadline", "calendar", "template", "serve"])
def test_help_has_none_of_clicks_english(name):
    text = run(*([name] if name else []), "--help").stdout
    assert [word for word in ENGLISH if word in text] == []


def _all_params():
    for command in [main, *main.commands.values()]:
        for param in command.params:
            yield command.name, param


def test_every_parameter_fails_in_our_words():
    """click's own types (IntRange, INT, Choice, Path …) fail in English: only ours, or types that never fail."""
    never_fail = (click.STRING, click.UNPROCESSED)
    for command, param in _all_params():
        flag = isinstance(param, click.Option) and param.is_flag
        ours = type(param.type).__module__.startswith("compliance.")
        assert flag or ours or param.type in never_fail, (command, param.name, param.type)
        if not flag:  # the metavar a user reads in --help is Chinese, never click's TEXT/INTEGER
            metavar = param.metavar or param.type.name
            assert not metavar.isascii(), (command, param.name, metavar)


def test_no_private_name_of_click_is_touched():
    import compliance.cli  # noqa: F401 - imported for its effect, if it had one

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        assert getattr(module, "_", gettext.gettext) is gettext.gettext, module.__name__
        assert getattr(module, "ngettext", gettext.ngettext) is gettext.ngettext, module.__name__
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "compliance").rglob("*.py"))
    for private in ("click.core", "click.parser", "click.types", "click.formatting", "click.decorators",
                    "click.exceptions._", "._ =", ".ngettext ="):
        assert private not in source, private


@pytest.mark.parametrize("args", [["serve", "--port", "0"], ["chek"], ["deadline", "2019-01-01", "--days"]])
def test_messages_do_not_depend_on_the_locale(args, tmp_path):
    """gettext would follow LANGUAGE/LC_ALL; our wording must not."""
    seen = set()
    for env in ({"LC_ALL": "C", "LANGUAGE": ""}, {"LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN:zh", "LANG": "zh_CN.UTF-8"},
                {"LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}):
        done = subprocess.run([sys.executable, "-m", "compliance", *args], capture_output=True, cwd=tmp_path,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8", **env}, timeout=60)
        assert done.returncode == 2
        seen.add(done.stderr.decode("utf-8"))
    [message] = seen
    assert message.startswith("用法错误：")


def test_help_lines_fit_the_fixed_width_counting_chinese_characters_as_two_columns():
    # probe 40: click counts characters, so Chinese help lines ran to 158 columns of a 100-column help
    for name in ["", *main.commands]:
        text = run(*([name] if name else []), "--help").stdout
        widest = max(text.splitlines(), key=display_width)
        assert display_width(widest) <= 100, (name, widest)
