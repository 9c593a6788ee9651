"""Parameter types shared by the CLI and the web page: dates, months, working days, rule names.

Both read a value the same way and refuse a bad one with the same Chinese
message (from problems.py), so a form field and a command-line option never
disagree. click's ParamType is the common shape: the web page calls
``convert(value, None, None)`` and turns ``click.BadParameter`` into its answer.
"""

from __future__ import annotations

import datetime as dt
import re

import click

from .dates import parse_date
from .problems import message
from .rules import PROFILES

MAX_DAYS = 3650


def _unreadable(value: str) -> str:
    return message("date-unparseable", text=value)  # the forms one may write are in that message itself


class CliDate(click.ParamType):
    name = "日期"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and value.strip().replace(".", "", 1).isdigit() and len(value.strip()) != 8:
            # 42735 is a cell's serial number, not a date anyone types: a slip, not 2016-12-31
            self.fail(_unreadable(value), param, ctx)
        parsed = parse_date(value)
        if parsed.date is None:
            self.fail(_unreadable(value) if parsed.problem == "date-unparseable" else
                      message("param-date", reason=message(parsed.problem, text=value)), param, ctx)
        return parsed.date


class WholeNumber(click.ParamType):
    """A whole number from ``low`` to ``high``, refused with the registry's message ``code`` (click.IntRange's is English)."""

    low, high, code = 1, 1, ""

    def convert(self, value, param, ctx):
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not self.low <= number <= self.high:
            self.fail(message(self.code, value=value, most=self.high), param, ctx)
        return number


class Days(WholeNumber):
    """A number of working days, 1–3650."""

    name = "天数"
    low, high, code = 1, MAX_DAYS, "param-days"


class Port(WholeNumber):
    name = "端口"
    low, high, code = 1, 65535, "param-port"


class RuleName(click.ParamType):
    name = "规则"

    def __init__(self, code: str = "param-rule"):
        self.code = code  # the web page's rule box is not an option: web-rule says so in its words

    def convert(self, value, param, ctx):
        if value not in PROFILES:
            self.fail(message(self.code, value=value, known="、".join(PROFILES)), param, ctx)
        return value


class Engine(click.ParamType):
    name = "引擎"
    known = ("pandas", "dask")

    def convert(self, value, param, ctx):
        if value not in self.known:
            self.fail(message("param-engine", value=value, known="、".join(self.known)), param, ctx)
        return value


_MONTH = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*")


class Month(click.ParamType):
    name = "年-月"

    def convert(self, value, param, ctx):
        match = _MONTH.fullmatch(str(value))
        if not match or not 1 <= int(match.group(2)) <= 12:
            self.fail(message("param-month", value=value), param, ctx)
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
