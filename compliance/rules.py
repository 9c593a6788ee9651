"""Rule profiles: working days per category, and the date each takes effect."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .dates import as_days, parse_date
from .errors import RuleError

CATEGORY_LABELS = {"permit": "行政许可", "penalty": "行政处罚"}


@dataclass(frozen=True)
class Rule:
    name: str
    permit_days: int
    penalty_days: int
    basis: str = ""  # the document that sets it
    effective_from: dt.date | None = None
    exempt: tuple[str, ...] = ()  # kinds of decision not published: EXEMPTIONS' keys
    exempt_from: dt.date | None = None  # the exemptions hold for decisions from this day (None: always)
    exempt_basis: str = ""  # the document that makes the exemptions, where not the whole basis (default: basis)
    # The longest publicity period: 发改办财金〔2019〕527号 (from the decision) and 总局令第45号 (from
    # publication) both end at 3 years; some local rules keep 5.
    publicity_years: int = 3

    def days(self, category: str) -> int:
        return self.permit_days if category == "permit" else self.penalty_days

    def short(self) -> str:
        name = f"{self.name} " if self.name else ""
        if self.permit_days == self.penalty_days:
            return f"{name}{self.permit_days} 个工作日"
        return f"{name}许可 {self.permit_days}、处罚 {self.penalty_days} 个工作日"

    def describe(self) -> str:
        """名称：天数（依据），… 起 — the name is left out when it would only repeat the days."""
        if self.permit_days == self.penalty_days:
            days = f"{self.permit_days} 个工作日"
        else:
            days = f"许可 {self.permit_days} 个工作日、处罚 {self.penalty_days} 个工作日"
        name = f"{self.name}：" if self.name else ""
        basis = f"（{self.basis}）" if self.basis else ""
        since = f"，{self.effective_from.isoformat()} 起" if self.effective_from else ""
        exempt = ""
        if self.exempt:
            start = f"{self.exempt_from.isoformat()} 起" if self.exempt_from else ""
            exempt = f"，{start}{'、'.join(self.exempt)}的处罚不公开"
        return f"{name}{days}{basis}{since}{exempt}"


# Decisions a rule may leave unpublished (总局令第45号 第七条): how the ledger shows them.
EXEMPTIONS = {"简易程序": "适用简易程序的处罚", "仅警告": "仅给予警告的处罚"}


PROFILES = {
    # 西政办发〔2016〕55号 附件1 任务(二): 自作出行政决定之日起20个工作日内上网公开.
    "district": Rule("区通知", 20, 20, "西政办发〔2016〕55号"),
    # 国办发〔2015〕51号; 发改办财金〔2018〕424号: 双公示 within 7 working days.
    "national": Rule("国家“双公示”", 7, 7, "国办发〔2015〕51号"),
    # 企业信息公示暂行条例 第六条 (permits, penalties: 20 working days); 国家市场监督管理总局令第45号
    # (in force 2021-09-01): 20 working days, and 简易程序 decisions and 仅警告 penalties are not published.
    "market": Rule("市场监管", 20, 20, "企业信息公示暂行条例 第六条；国家市场监督管理总局令第45号",
                   exempt=("简易程序", "仅警告"), exempt_from=dt.date(2021, 9, 1),
                   exempt_basis="国家市场监督管理总局令第45号"),  # 第六条 sets the duty only (probe p79)
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
                 "basis": r.basis, "exempt": list(r.exempt),
                 "exempt_from": r.exempt_from.isoformat() if r.exempt_from else None,
                 "publicity_years": r.publicity_years,
                 "effective_from": r.effective_from.isoformat() if r.effective_from else None}
                for r in self.rules]

    def in_force(self, decisions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per decision date: (rule index, a permit's days, a penalty's days) under the rule in force that day."""
        days = as_days(decisions)
        # The first rule has no start: it holds from the earliest day NumPy can write.
        starts = np.array([r.effective_from or np.datetime64(-(2 ** 62), "D") for r in self.rules],
                          dtype="datetime64[D]")
        # A record with no usable decision date is judged by the first rule.
        index = np.searchsorted(starts, np.where(np.isnat(days), starts[0], days), side="right") - 1
        index = np.clip(index, 0, len(self.rules) - 1)
        return (index, np.array([r.permit_days for r in self.rules])[index],
                np.array([r.penalty_days for r in self.rules])[index])

    def assign(self, categories: np.ndarray, decisions) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per record: (working days, rule index, known), for a column of decision dates. Unknown
        where the category is unknown and the categories' days differ."""
        n = len(decisions)
        index, permit, penalty = self.in_force(decisions)
        is_permit = categories == "permit"
        is_penalty = categories == "penalty"
        days = np.where(is_permit, permit, penalty).astype(np.int64)
        known = is_permit | is_penalty | (permit == penalty)
        return days, index, known if n else np.zeros(0, bool)


def single(rule: Rule) -> RuleSet:
    return RuleSet((rule,))


def from_options(days: int | None, profile: str | None, base: "RuleSet | dict | None" = None,
                 days_from: str = "命令行 --days") -> RuleSet:
    """--days beats --rule, which beats the config file's rules (``base``), which beat the default.
    ``days_from``: where the days were given, as the report names the rule (the web page has its own box)."""
    if days is not None:
        return single(Rule("", days, days, days_from))
    if profile is not None:
        return single(_profile(profile))
    if isinstance(base, dict):
        base = from_config(base) if base else None
    return base or single(PROFILES["district"])


def _profile(name: str) -> Rule:
    try:
        return PROFILES[name]
    except KeyError:
        raise RuleError(f"没有名为“{name}”的规则。可用：" +
                        "、".join(f"{k}（{v.describe()}）" for k, v in PROFILES.items())) from None


def _days(table: dict, key: str, default: int, where: str, change_number: int | None = None) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3650:
        raise RuleError(f"配置文件 [rules]{where} 中 {key} 应为 1–3650 的整数，现为 {value!r}",
                        change=change_number, key=key)
    return value


RULE_KEYS = {"profile", "permit", "penalty", "name", "basis", "change", "exempt", "publicity_years"}
CHANGE_KEYS = RULE_KEYS - {"change"} | {"from"}


def _rule(table: dict, base: Rule, where: str, source: str, since: dt.date | None = None,
          change_number: int | None = None) -> Rule:
    """One rule from a config table: a profile's citation holds only while its days are kept."""
    unknown = sorted(set(table) - (CHANGE_KEYS if since else RULE_KEYS))
    if unknown:
        raise RuleError(f"配置文件 [rules]{where} 中没有“{unknown[0]}”这一项，可用："
                        + "、".join(sorted(CHANGE_KEYS if since else RULE_KEYS)), change=change_number,
                        key=unknown[0])
    permit = _days(table, "permit", base.permit_days, where, change_number)
    penalty = _days(table, "penalty", base.penalty_days, where, change_number)
    kept = "profile" in table and (permit, penalty) == (base.permit_days, base.penalty_days)
    name = table.get("name", base.name if kept else "")
    basis = table.get("basis", base.basis if kept else source)
    # a change that sets only days keeps the exemptions in force (the market rule's 简易程序, 仅警告): dropped, its
    # simple-procedure penalties would turn 逾期未公开; exempt = [] ends them
    exempt = table.get("exempt", list(base.exempt))
    if not isinstance(exempt, list) or any(e not in EXEMPTIONS for e in exempt):
        wrong = next((e for e in exempt if e not in EXEMPTIONS), None) if isinstance(exempt, list) else None
        said = f"中没有“{wrong}”这种豁免" if wrong is not None else "应为列表"  # ["简易"] is a list, of a wrong word
        raise RuleError(f"配置文件 [rules]{where} 的 exempt {said}，可用：" + "、".join(f"\"{k}\"" for k in EXEMPTIONS),
                        change=change_number, key="exempt")
    exempt_from = base.exempt_from if "exempt" not in table else None
    years = table.get("publicity_years", base.publicity_years)
    if not isinstance(years, int) or isinstance(years, bool) or not 1 <= years <= 20:
        raise RuleError(f"配置文件 [rules]{where} 中 publicity_years 应为 1–20 的整数（公示期最长几年），现为 {years!r}",
                        change=change_number, key="publicity_years")
    exempt_basis = base.exempt_basis if "exempt" not in table else ""  # inherited with the exemptions it makes
    return Rule(str(name), permit, penalty, str(basis), since, tuple(exempt), exempt_from, exempt_basis=exempt_basis,
                publicity_years=years)


def from_config(table: dict, source: str = "配置文件") -> RuleSet:
    """The ``[rules]`` table of compliance.toml as a RuleSet; ``source`` cites the file."""
    if not isinstance(table, dict):
        raise RuleError("配置文件 [rules] 格式有误")
    base = _profile(table["profile"]) if "profile" in table else PROFILES["district"]
    rules = [_rule(table, base, "", source)]
    changes = table.get("change", [])
    if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
        raise RuleError("配置文件 [[rules.change]] 格式有误")
    first_of: dict[dt.date, int] = {}
    for i, change in enumerate(changes, start=1):
        unknown = sorted(set(change) - CHANGE_KEYS)  # before its date: a misspelt from (form) is named as such
        if unknown:
            raise RuleError(f"配置文件 [rules] 第 {i} 个 change 中没有“{unknown[0]}”这一项，可用：" + "、".join(sorted(CHANGE_KEYS)),
                            change=i, key=unknown[0])
        since = parse_date(change.get("from"))
        if since.date is None:
            raise RuleError(f"配置文件 [rules] 第 {i} 个 change 的 from 应为日期（如 2019-01-01）", change=i, key="from")
        if since.date in first_of:  # two rules from one day: which one holds would depend on the order
            raise RuleError(f"配置文件 [rules] 第 {i} 个 change 的 from {since.date.isoformat()} 与第 {first_of[since.date]} "
                            "个 change 相同，同一天起只能有一条规则，请合并或删除其中一个", change=i, key="from")
        first_of[since.date] = i
    # In date order, whatever the file's: a change keeps what it does not set from the rule in force the day
    # before it (written above an earlier change, it took the earlier one's days from the rule before that)
    for since, i in sorted(first_of.items()):
        change = changes[i - 1]
        base = _profile(change["profile"]) if "profile" in change else rules[-1]
        rules.append(_rule(change, base, f" 第 {i} 个 change", source, since, change_number=i))
    return RuleSet(tuple(rules))
