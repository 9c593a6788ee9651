"""What the follow-up's states and problems are called in the report, the JSON and the terminal."""

NEW_ITEM_LABEL = "本期发现，待整改"  # an open item of the latest period itself (history open)
STATE_LABELS = {"resolved": "已整改", "corrected": "已更正", "open": "仍未整改", "dropped": "台账中消失"}
PROBLEM_LABELS = {"overdue": "逾期未公开", "not-found": "网站未见", "invalid": "数据有误", "pending": "未到期",
                  "undetermined": "无法判定"}
# an item's status as of the latest period, where it differs from the problem first found (未到期 then, now 逾期未公开)
STATUS_NOW_LABELS = {**PROBLEM_LABELS, "late": "逾期公开", "on_time": "按时公开", "exempt": "无需公开"}


def problem_found(problem: str | None, state: str | None) -> str | None:
    """The problem as first found: an item 已更正 this period was 数据有误 (the store already follows it as what it
    is now, 逾期未公开, for the next period; shown so beside 已更正 the row contradicted itself)."""
    return "invalid" if state == "corrected" else problem


LONG_OPEN = 3  # items open for this many periods or more stand out on 整改跟踪
# 整改跟踪's 说明 of an item not found this period: absent (not read), or gone from a ledger that still holds its month
ABSENT_NOTE = "本期未读到这一条（未报送，或台账不含该月份），继续跟踪"
SEEN_NOTE = "本期台账中有这个文书号，但对应不上唯一的一条（几条记录或几项事项相同），无法判断是否已整改，继续跟踪，请单位核对"
UNVERIFIED_NOTE = "原问题是网站未见，只有网站清单能销号：本期台账{}，请下次检查时用 --online 核对"
STILL_UNSEEN_NOTE = "原问题是网站未见：本期网站清单没有显示它已公开（本期台账{}），继续跟踪"
DROPPED_NOTE = "本期台账仍有该单位同月的其他记录，这一条却没有了（删除或改动了文书号），请单位说明"
STILL_DROPPED_NOTE = "上期已在台账中消失，本期未读到该单位这一月份的台账，仍按台账中消失跟踪，请单位说明"
