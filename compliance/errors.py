"""The package's one exception family.

Faults (a file that cannot be read, a year with no calendar data) are
exceptions; problems found *in* the data are records (``problems.Problem``).
Every fault has a code declared in problems.py and takes its message from
there.
"""

from __future__ import annotations

import errno

from .problems import FILE, PROBLEMS, Problem, problem


class ComplianceError(Exception):
    """Base class for every fault the tool reports to the user."""

    #: stable kebab-case code, shown in JSON output and reports
    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    @classmethod
    def of(cls, code: str, **values) -> "ComplianceError":
        """A fault whose message is ``code``'s template in problems.py."""
        fault = cls.__new__(cls)
        ComplianceError.__init__(fault, PROBLEMS[code].message(**values))
        fault.code = code
        fault.values = values  # what the message was made from, for a caller that must tell cases apart
        return fault


class CalendarNotCovered(ComplianceError):
    """A question about a year that no calendar source describes."""

    code = "calendar-year-missing"

    def __init__(self, year: int):
        self.year = int(year)
        super().__init__(PROBLEMS[self.code].message(year=self.year))


class CalendarFileError(ComplianceError):
    """A user calendar file that cannot be used; names the file and line. ``code``: a calendar-file-* code."""

    def __init__(self, path: str, line: int | None, code: str, **values):
        self.path = str(path)
        self.line = line
        self.code = code
        where = f"{self.path} 第 {line} 行" if line else self.path
        super().__init__(PROBLEMS[code].message(where=where, **values))


class FileFault(ComplianceError):
    """A whole file that cannot be read. ``code`` is a file-level code in problems.py."""

    def __init__(self, code: str, path, detail: str | None = None, **values):
        assert PROBLEMS[code].level == FILE, code
        self.code = code
        self.path = str(path)
        self.detail = detail  # what a library or a dying reader said: shown only with --debug
        self.problem = problem(code, file=self.path, **values)
        super().__init__(f"{self.path}：{self.problem.message}")

    @classmethod
    def from_problem(cls, found: Problem, detail: str | None = None) -> "FileFault":
        """The fault of ``found``, its sheet and row too (a message may name them: 工作表“…”的单元格…)."""
        places = {name: getattr(found, name) for name in ("sheet", "row", "field") if getattr(found, name) is not None}
        return cls(found.code, found.file, detail, **dict(found.values), **places)

    def __reduce__(self):  # a fault found in a worker process travels back whole, its sheet and row too
        places = {name: getattr(self.problem, name) for name in ("sheet", "row", "field")
                  if getattr(self.problem, name) is not None}
        return _restore_fault, (self.code, self.path, {**dict(self.problem.values), **places}, self.detail)


def _restore_fault(code: str, path: str, values: dict, detail: str | None = None) -> FileFault:
    return FileFault(code, path, detail, **values)


class ConfigError(ComplianceError):
    code = "config-invalid"


class RuleError(ComplianceError):
    """A rule that cannot be used; ``change`` (the n-th [[rules.change]]) and ``key`` say where, for the line."""

    code = "rule-invalid"

    def __init__(self, message: str, change: int | None = None, key: str | None = None):
        super().__init__(message)
        self.change, self.key = change, key


class ReconciliationError(ComplianceError):
    """Rows read, records + skipped rows and status counts disagree: never write a wrong report.

    Raised outside any per-file ``except``, and checked with ``if``, not
    ``assert``, so it holds under ``python -O`` too.
    """

    code = "reconciliation-failed"

    def __init__(self, reason: str):
        super().__init__(PROBLEMS[self.code].message(reason=reason))


class RepairError(ComplianceError):
    """The rustpy-xlsxwriter output was not what the repair expects; the fallback writer is used."""

    code = "report-repair-failed"


class CheckAborted(ComplianceError):
    """The process doing the check was killed from outside (out of memory, a native crash)."""

    code = "check-aborted"

    def __init__(self, signum: int, written: list[str] = ()):
        self.signum = signum
        if written:  # the report was out before the end came: said as it is, never "未生成报告"
            self.code = "check-aborted-after-output"
            super().__init__(PROBLEMS[self.code].message(signum=signum, paths="、".join(written)))
        else:
            super().__init__(PROBLEMS[self.code].message(signum=signum))


# OS errors in the words a clerk reads; errno names are stable across platforms.
_OS_REASONS = {
    "EACCES": "没有权限", "EPERM": "没有权限", "ENOENT": "找不到文件或文件夹", "ENOSPC": "磁盘空间不足",
    "EROFS": "磁盘为只读", "EISDIR": "这是一个文件夹", "ENOTDIR": "路径中有一部分不是文件夹",
    "EBUSY": "文件正被其他程序占用", "ENAMETOOLONG": "文件名太长", "EEXIST": "文件已存在",
    "EFBIG": "文件超过系统允许的大小", "EDQUOT": "超出磁盘配额",
}


# What database drivers and network libraries say, in the user's words (the original stays in --debug).
_LIBRARY_REASONS = (
    ("file is not a database", "不是 SQLite 数据库文件"), ("database disk image is malformed", "数据库文件已损坏"),
    ("database is locked", "数据库正被另一个程序占用"), ("unable to open database file", "无法打开数据库文件"),
    ("attempt to write a readonly database", "数据库文件是只读的"), ("disk i/o error", "磁盘读写出错"),
    ("password authentication failed", "用户名或密码不对"), ("connection refused", "连接被拒绝：服务器没有启动，或地址、端口不对"),
    ("could not translate host name", "找不到这个主机名"), ("name or service not known", "找不到这个主机名"),
    ("timed out", "连接超时：服务器没有回应，或防火墙没有放行"), ("timeout", "连接超时：服务器没有回应，或防火墙没有放行"),
    ("does not exist", "服务器上没有这个数据库或用户"), ("no route to host", "网络不通"),
)


def library_reason(text: str) -> str:
    """A library's English error as a Chinese reason when it is a known one; else the text as it is."""
    lowered = str(text).lower()
    for words, said in _LIBRARY_REASONS:
        if words in lowered:
            return said
    return str(text)


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an OSError (Permission denied -> 没有权限)."""
    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    if getattr(exc, "winerror", None) == 32:  # Windows: the file is open in Excel
        return "文件正被其他程序（如 Excel/WPS）打开"
    return f"系统错误 {name or exc.errno}" if (name or exc.errno) else "系统错误"


def write_failed(kind: str, path, option: str, exc: OSError | None = None, reason: str | None = None) -> ComplianceError:
    """The output ``path`` could not be written: the Excel/WPS advice only where a lock or a permission may be
    why (probe p87: said beside "不是文件夹" and "找不到文件或文件夹" too)."""
    locked = exc is not None and (exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY, None)
                                  or getattr(exc, "winerror", None) == 32)
    return ComplianceError.of("output-write-failed", kind=kind, path=path, option=option,
                              reason=reason or (os_reason(exc) if exc is not None else "系统错误"),
                              advice="如果文件正在 Excel/WPS 中打开，请先关闭；或" if locked else "请")


class ServerStorageError(ComplianceError):
    """The web server's own disk cannot take an upload or a report (full, read-only): said plainly, no path."""

    code = "server-storage"

    def __init__(self, exc: OSError):
        self.status = 507 if exc.errno == 28 else 503  # 507 Insufficient Storage
        super().__init__(PROBLEMS[self.code].message(reason=os_reason(exc)))


class OnlineListError(ComplianceError):
    """An online list (--online) that cannot be used: without it every record would look unpublished."""

    code = "online-list-invalid"

    def __init__(self, path, reason: str):
        self.path = str(path)
        super().__init__(PROBLEMS[self.code].message(path=self.path, reason=reason))
