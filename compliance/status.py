"""The statuses a record can have, the sets the outputs group them in, and the exit codes.

Statuses (docs/rules.md §5):
- on_time:      published on or before the deadline;
- late:         published after the deadline;
- overdue:      not published, and the as-of date is past the deadline;
- pending:      not published, and the deadline has not passed;
- invalid:      the record cannot be judged from its data;
- undetermined: the answer depends on a year no calendar covers.
"""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    on_time = "on_time"
    late = "late"
    overdue = "overdue"
    pending = "pending"
    invalid = "invalid"
    undetermined = "undetermined"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.value]


STATUS_LABELS = {"on_time": "按时公开", "late": "逾期公开", "overdue": "逾期未公开", "pending": "未到期",
                 "invalid": "数据有误", "undetermined": "无法判定"}
STATUS_MEANINGS = {
    "on_time": "在截止日期当天或之前上网公开",
    "late": "在截止日期之后才上网公开",
    "overdue": "尚未公开，且统计截止日已过公开截止日期",
    "pending": "尚未公开，公开截止日期还没到",
    "invalid": "决定日期缺失或无法识别、公开日期早于决定日期、或日期晚于检查当天等，无法判定",
    "undetermined": "需要尚未公布的年份的节假日安排才能判定",
}
STATUSES = tuple(STATUS_LABELS)

# 及时公开率 = on_time / JUDGED; 迟报率 = LATE / JUDGED (docs/rules.md §6).
JUDGED = ("on_time", "late", "overdue")
LATE = ("late", "overdue")
# Records the data cannot judge: listed on 数据问题.
UNJUDGEABLE = ("invalid", "undetermined")
# Any of these makes a run "problems found".
FLAGGED = LATE + UNJUDGEABLE

EXIT_OK = 0  # every record on time or pending
EXIT_PROBLEMS = 1  # a FLAGGED record, a file that could not be read, or an --online discrepancy
EXIT_CANNOT_RUN = 2  # nothing read, bad arguments, or an internal fault


def exit_code(counts: dict[str, int], unreadable_files: int, online_discrepancies: bool = False) -> int:
    """The exit code of a check run from its status counts (and, with --online, the website check)."""
    flagged = sum(counts.get(s, 0) for s in FLAGGED)
    return EXIT_PROBLEMS if flagged or unreadable_files or online_discrepancies else EXIT_OK
