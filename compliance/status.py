"""The statuses a record can have, the sets the outputs group them in, and the exit codes.

Statuses (docs/rules.md §5):
- on_time:      published on or before the deadline;
- late:         published after the deadline;
- overdue:      not published, and the as-of date is past the deadline;
- pending:      not published, and the deadline has not passed;
- invalid:      the record cannot be judged from its data;
- undetermined: the answer depends on a year no calendar covers;
- exempt:       not to be published (总局令第45号: 简易程序, 仅警告; or confirmed in compliance.toml):
                counted and listed, outside 及时公开率.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .problems import message


class Status(str, Enum):
    on_time = "on_time"
    late = "late"
    overdue = "overdue"
    pending = "pending"
    invalid = "invalid"
    undetermined = "undetermined"
    exempt = "exempt"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.value]


STATUS_LABELS = {"on_time": "按时公开", "late": "逾期公开", "overdue": "逾期未公开", "pending": "未到期",
                 "invalid": "数据有误", "undetermined": "无法判定", "exempt": "无需公开"}
STATUS_MEANINGS = {
    "on_time": "在截止日期当天或之前上网公开",
    "late": "在截止日期之后才上网公开",
    "overdue": "尚未公开，且统计截止日已过公开截止日期",
    "pending": "尚未公开（或公开日期读不出、标注已公开而没有日期），公开截止日期还没到",
    "invalid": "决定日期缺失或无法识别、公开日期早于决定日期、或日期晚于检查当天等，须由单位核实更正；排名时按未按时计",
    "undetermined": "需要尚未公布的年份的节假日安排才能判定",
    "exempt": "按规则不公开（如市场监管的简易程序、仅警告），或法制办已在 compliance.toml 中确认；不计入及时公开率",
}
STATUSES = tuple(STATUS_LABELS)

# 及时公开率 = on_time / JUDGED; 迟报率 = LATE / JUDGED (docs/rules.md §6).
JUDGED = ("on_time", "late", "overdue")
LATE = ("late", "overdue")
# The lines of 汇总 (and of the trend) that sum units: a unit's categories, and the district. Here, in a
# module without pandas, for history/queries too.
SUBTOTAL = "小计"
TOTAL = "合计"
# Records the data cannot judge: listed on 数据问题.
UNJUDGEABLE = ("invalid", "undetermined")
# Any of these makes a run "problems found".
FLAGGED = LATE + UNJUDGEABLE

EXIT_OK = 0  # every record on time or pending
EXIT_PROBLEMS = 1  # a FLAGGED record, a file that could not be read, or a part's finding (--online)
EXIT_CANNOT_RUN = 2  # nothing read, bad arguments, or an internal fault


@dataclass(frozen=True)
class Verdict:
    """What a run found: its exit code and its one-line verdict are decided here and nowhere else."""

    records: int
    late: int  # LATE records
    unjudged: int  # UNJUDGEABLE records
    unreadable: int  # files that could not be read
    findings: tuple[str, ...] = ()  # what the run's parts found (台账与网站清单有不一致…)
    nothing_read: str | None = None  # a run-level problem code when no file could be read
    where: str = ""  # the paths given, named when none of them holds a spreadsheet
    history_failed: str | None = None  # the history store could not be used: the month is not recorded
    unfinished: str | None = None  # an output could not be written (报告未能保存): never 通过 beside exit 2 either

    @classmethod
    def of(cls, counts: dict[str, int], unreadable: int, findings=(), nothing_read: str | None = None,
           where: str = "") -> "Verdict":
        return cls(counts.get("records", 0), sum(counts.get(s, 0) for s in LATE),
                   sum(counts.get(s, 0) for s in UNJUDGEABLE), unreadable, tuple(findings), nothing_read, where)

    @property
    def exit_code(self) -> int:
        if self.nothing_read or self.history_failed or self.unfinished:
            return EXIT_CANNOT_RUN
        flagged = self.late or self.unjudged or self.unreadable or self.findings
        return EXIT_PROBLEMS if flagged else EXIT_OK

    @property
    def text(self) -> str:
        if self.nothing_read:
            return message(self.nothing_read, where=self.where)
        missing = self.unfinished or self.history_failed
        if missing:  # never 通过 beside exit 2: the report, or the month's follow-up, is missing (probe p80 M1, p87 L4)
            return f"未完成：{missing}。本次检查：{self._findings_text()}"
        return self._findings_text()

    def _findings_text(self) -> str:
        missing = self.unfinished or self.history_failed
        if not (self.late or self.unjudged or self.unreadable or self.findings):
            return f"{self.records} 条记录全部按时公开或未到期。" if missing else \
                f"通过：{self.records} 条记录全部按时公开或未到期。"
        parts = [f"逾期 {self.late} 条" if self.late else "",
                 f"数据有误或无法判定 {self.unjudged} 条" if self.unjudged else "",
                 f"{self.unreadable} 个文件无法读取" if self.unreadable else "", *self.findings]
        said = f"共 {self.records} 条记录，" + "，".join(p for p in parts if p) + "。"
        return said if missing else "未通过：" + said
