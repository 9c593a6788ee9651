"""Rule profiles: working days per category, and the date each takes effect."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .dates import NAT, parse_date, to_day_number
from .errors import RuleError

CATEGORY_LABELS = {"permit": "行政许可", "penalty": "行政处罚"}


@dataclass(frozen=True)
class Rule:
    name: str
    permit_days: int
    penalty_days: int
    basis: str = ""  # the document that sets it
    effective_from: dt.date | None = None

    def days(self, category: str) -> int:
        return self.permit_days if category == "permit" else self.penalty_days

    def short(self) -> str:
        if self.permit_days == self.penalty_days:
            return f"{self.name} {self.permit_days} 个工作日"
        return f"{self.name} 许可 {self.permit_days}、处罚 {self.penalty_days} 个工作日"

    def describe(self) -> str:
        if self.permit_days == self.penalty_days:
            days = f"{self.permit_days} 个工作日"
        else:
            days = f"许可 {self.permit_days} 个工作日、处罚 {self.penalty_days} 个工作日"
        basis = f"（{self.basis}）" if self.basis else ""
        since = f"，{self.effective_from.isoformat()} 起" if self.effective_from else ""
        return f"{self.name}：{days}{basis}{since}"


PROFILES = {
    # 西政办发〔2016〕55号 附件1 任务(二): 自作出行政决定之日起20个工作日内上网公开.
    "district": Rule("区通知", 20, 20, "西政办发〔2016〕55号"),
    # 国办发〔2015〕51号; 发改办财金〔2018〕424号: 双公示 within 7 working days.
    "national": Rule("国家“双公示”", 7, 7, "国办发〔2015〕51号"),
}


@dataclass(frozen=True)
class RuleSet:
    """Rules in force over time, the earliest first (its effective_from is None)."""

    rules: tuple[Rule, ...]

    @property
    def name(self) -> str:
        return "；".join(r.describe() for r in self.rules)

    @property
    def short_name(self) -> str:
        return "；".join(r.short() for r in self.rules)

    def to_json(self) -> list[dict]:
        return [{"name": r.name, "permit_days": r.permit_days, "penalty_days": r.penalty_days,
                 "basis": r.basis,
                 "effective_from": r.effective_from.isoformat() if r.effective_from else None}
                for r in self.rules]

    def assign(self, categories: np.ndarray, decision_days: np.ndarray):
        """Per record: (working days, rule index, known). Unknown where the
        category is unknown and the categories' days differ."""
        n = len(decision_days)
        starts = np.array([to_day_number(r.effective_from) if r.effective_from else np.iinfo(np.int64).min
                           for r in self.rules], dtype=np.int64)
        # A record with no usable decision date is judged by the first rule.
        index = np.searchsorted(starts, np.where(decision_days == NAT, starts[0], decision_days),
                                side="right") - 1
        index = np.clip(index, 0, len(self.rules) - 1)
        permit = np.array([r.permit_days for r in self.rules])[index]
        penalty = np.array([r.penalty_days for r in self.rules])[index]
        is_permit = categories == "permit"
        is_penalty = categories == "penalty"
        days = np.where(is_permit, permit, penalty).astype(np.int64)
        known = is_permit | is_penalty | (permit == penalty)
        return days, index, known if n else np.zeros(0, bool)


def single(rule: Rule) -> RuleSet:
    return RuleSet((rule,))


def from_options(days: int | None, profile: str | None, config_rules: dict) -> RuleSet:
    """--days beats --rule, which beats the config file, which beats the default."""
    if days is not None:
        return single(Rule(f"{days} 个工作日", days, days, "命令行 --days"))
    if profile is not None:
        return single(_profile(profile))
    if config_rules:
        return _from_config(config_rules)
    return single(PROFILES["district"])


def _profile(name: str) -> Rule:
    try:
        return PROFILES[name]
    except KeyError:
        raise RuleError(f"没有名为“{name}”的规则。可用：" +
                        "、".join(f"{k}（{v.describe()}）" for k, v in PROFILES.items())) from None


def _days(table: dict, key: str, default: int, where: str) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3650:
        raise RuleError(f"配置文件 [rules]{where} 中 {key} 应为 1–3650 的整数，现为 {value!r}")
    return value


def _from_config(table: dict) -> RuleSet:
    base = _profile(table["profile"]) if "profile" in table else PROFILES["district"]
    first = Rule(table.get("name", base.name if "profile" in table else "配置文件规则"),
                 _days(table, "permit", base.permit_days, ""),
                 _days(table, "penalty", base.penalty_days, ""),
                 table.get("basis", base.basis))
    rules = [first]
    changes = table.get("change", [])
    if not isinstance(changes, list):
        raise RuleError("配置文件 [[rules.change]] 格式有误")
    for i, change in enumerate(changes, start=1):
        where = f" 第 {i} 个 change"
        since = parse_date(change.get("from"))
        if since.date is None:
            raise RuleError(f"配置文件 [rules]{where} 的 from 应为日期（如 2019-01-01）")
        base = _profile(change["profile"]) if "profile" in change else rules[-1]
        rules.append(Rule(change.get("name", base.name if "profile" in change else f"{since.date} 起规则"),
                          _days(change, "permit", base.permit_days, where),
                          _days(change, "penalty", base.penalty_days, where),
                          change.get("basis", base.basis if "profile" in change else ""), since.date))
    rules[1:] = sorted(rules[1:], key=lambda r: r.effective_from)
    return RuleSet(tuple(rules))
