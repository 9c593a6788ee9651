"""The package's one exception family.

Faults (a file that cannot be read, a year with no calendar data) are
exceptions; problems found *in* the data are records (see ``Problem``).
"""

from __future__ import annotations


class ComplianceError(Exception):
    """Base class for every fault the tool reports to the user."""

    #: stable kebab-case code, shown in JSON output and reports
    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class CalendarNotCovered(ComplianceError):
    """A question about a year that no calendar source describes."""

    code = "calendar-not-covered"

    def __init__(self, year: int):
        self.year = int(year)
        super().__init__(
            f"{self.year} 年的节假日安排尚无数据，无法按工作日计算。"
            f"请准备 {self.year} 年的日历文件（CSV，列为 date,type,name，"
            f"type 填 休 或 班），并用 --calendar 文件 提供。"
        )


class CalendarFileError(ComplianceError):
    """A user calendar file that cannot be used; names the file and line."""

    code = "calendar-file-invalid"

    def __init__(self, path: str, line: int | None, reason: str):
        self.path = str(path)
        self.line = line
        where = f"{self.path} 第 {line} 行" if line else self.path
        super().__init__(f"日历文件 {where}：{reason}")


class DateParseError(ComplianceError):
    """A date given on the command line that cannot be read."""

    code = "date-unparseable"


class FileFault(ComplianceError):
    """A whole file that cannot be read. ``code`` is a file-level code in problems.py.

    ``detail`` keeps what a library said (shown only with --debug): the
    message itself is the registry's Chinese text.
    """

    def __init__(self, code: str, path, detail: str | None = None, **values):
        from .problems import FILE, PROBLEMS

        assert PROBLEMS[code].level == FILE, code
        self.code = code
        self.path = str(path)
        self.detail = detail
        super().__init__(f"{self.path}：{PROBLEMS[code].message(**values)}")

    def __reduce__(self):  # a fault found in a worker process travels back whole
        return _restore_fault, (self.code, self.path, self.message, self.detail)


def _restore_fault(code: str, path: str, text: str, detail: str | None = None) -> "FileFault":
    fault = FileFault.__new__(FileFault)
    ComplianceError.__init__(fault, text)
    fault.code, fault.path, fault.detail = code, path, detail
    return fault


class ConfigError(ComplianceError):
    code = "config-invalid"


class RuleError(ComplianceError):
    code = "rule-invalid"


class ReconciliationError(ComplianceError):
    """Rows read, records + skipped rows and status counts disagree: never write a wrong report.

    Raised outside any per-file ``except``, and checked with ``if``, not
    ``assert``, so it holds under ``python -O`` too.
    """

    code = "reconciliation-failed"

    def __init__(self, message: str):
        super().__init__(f"内部核对失败，未生成报告：{message}。请加 --debug 重新运行并把输出发给维护人员")


class RepairError(ComplianceError):
    """The rustpy-xlsxwriter output was not what the repair expects; the fallback writer is used."""

    code = "report-repair-failed"


# OS errors in the words a clerk reads; errno names are stable across platforms.
_OS_REASONS = {
    "EACCES": "没有权限", "EPERM": "没有权限", "ENOENT": "找不到文件或文件夹", "ENOSPC": "磁盘空间不足",
    "EROFS": "磁盘为只读", "EISDIR": "这是一个文件夹", "ENOTDIR": "路径中有一部分不是文件夹",
    "EBUSY": "文件正被其他程序占用", "ENAMETOOLONG": "文件名太长", "EEXIST": "文件已存在",
}


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an OSError (Permission denied -> 没有权限)."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    if getattr(exc, "winerror", None) == 32:  # Windows: the file is open in Excel
        return "文件正被其他程序（如 Excel/WPS）打开"
    return f"系统错误 {name or exc.errno}" if (name or exc.errno) else "系统错误"


class OnlineListError(ComplianceError):
    """An online list (--online) that cannot be used: without it every record would look unpublished."""

    code = "online-list-invalid"

    def __init__(self, path, reason: str):
        self.path = str(path)
        super().__init__(f"网站清单 {self.path}：{reason}")
