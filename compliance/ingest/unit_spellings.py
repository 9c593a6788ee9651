"""One unit under several spellings: 区人社局, 区人力资源和社会保障局 and 西塞山区人力资源和社会保障局 in one run
are one office, and counted apart they would be ranked against each other.

Two names are one unit when, with the long forms of the usual short names (人力资源和社会保障 -> 人社)
shortened, they are the same after the district: 西塞山区 or a bare 区. They are merged only when the
names of the group name at most one district: 西塞山区人社局 and 黄石港区人社局 (a city's run) stay two.
The name written most often is kept. A run whose compliance.toml lists its units ([units]) merges a
name only into a declared unit (as_declared): the list says which names are one unit.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

# Long forms and the short forms district offices write for them (the longest first when applied).
SHORT_FORMS = {
    "人力资源和社会保障": "人社", "人力资源与社会保障": "人社", "人力资源社会保障": "人社",
    "安全生产监督管理": "安监", "环境保护": "环保", "食品药品监督管理": "食药监", "市场监督管理": "市监", "市场监管": "市监",  # 区市监局 = 区市场监管局
    "工商行政管理": "工商", "国土资源": "国土", "住房和城乡建设": "住建", "住房城乡建设": "住建",
    "卫生和计划生育": "卫计", "卫生计生": "卫计", "卫生健康": "卫健", "质量技术监督": "质监",
    "交通运输": "交通", "文化和旅游": "文旅", "文化旅游": "文旅", "城市管理": "城管",
    "城市管理综合执法": "城管", "城市管理执法": "城管", "城管执法": "城管",  # 城市管理执法局 = 城管局
    "城市管理综合行政执法": "城管", "城市管理和综合执法": "城管",  # (before 综合行政执法 -> 综执: the longest first)
    "综合行政执法": "综执", "综合执法": "综执",  # 区综执局 = 区综合执法局 = 区综合行政执法局
    "机构编制委员会办公室": "编办", "发展和改革": "发改", "发展改革": "发改",
    "科学技术": "科技", "应急管理": "应急", "退役军人事务": "退役军人", "医疗保障": "医保", "人民防空": "人防",
    "管理委员会": "管委会",  # 开发区管理委员会 = 开发区管委会
    "行政审批服务": "审批", "行政审批": "审批",  # 区行政审批局 = 区行政审批服务局 = 区审批局
    "街道办事处": "街道", "街道办": "街道", "镇人民政府": "镇", "乡人民政府": "乡",  # 澄月街道办事处 = 澄月街道
    "自然资源和规划": "自然资源", "自然资源与规划": "自然资源",  # 区自然资源和规划局 = 区自然资源局
    "人民政府办公室": "政府办", "办公室": "办",  # 区人民政府办公室 = 区政府办, 区人民防空办公室 = 区人防办
}
_LONG_FIRST = sorted(SHORT_FORMS, key=len, reverse=True)
# Bureaus as clerks write them without 局 (区安监, 安监, 环保, 区人社, 市场监管): the same office as 区安监局 (probe
# p78 H1: 区安监 was ranked apart from 区安监局). Never 人防 (区人防办) or a 街道, 镇, 乡.
BARE_BUREAUS = frozenset({
    "安监", "环保", "人社", "市监", "市场监管", "食药监", "药监", "工商", "质监", "国土", "自然资源", "住建", "规划", "房管",
    "卫计", "卫健", "卫生", "交通", "文旅", "文体", "文化", "体育", "城管", "综合执法", "综执", "发改", "经信", "科技",
    "应急", "医保", "审批", "公安", "司法", "教育", "民政", "财政", "审计", "统计", "商务", "农业", "农业农村", "林业",
    "水利", "水务", "税务", "粮食", "物价", "气象", "档案", "退役军人"})
# 黄石市西塞山区 / 西塞山区 / 区 (县 alike) before the office's own name.
_DISTRICT = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?市)?(?P<named>[\u4e00-\u9fff]{1,6}?[区县])|^[区县]")


# A city bureau's branch in the district (黄石市国土资源局西塞山分局: 区国土分局, 区国土局), and the Party committee's
# offices (中共西塞山区委机构编制委员会办公室, 区委编办: 区编办), written as the district's own.
_CITY_BRANCH = re.compile(r"^[\u4e00-\u9fff]{1,6}?市(?P<office>[\u4e00-\u9fff]+?)局(?P<district>[\u4e00-\u9fff]{1,6}?)区?分局$")
# Offices one district calls 委 and the next 局 since the 2018 reform (卫生健康委员会 / 卫健局); never every 委:
# 区城管委 is not 区城管执法局, 区委审计委员会 not 区审计局, 区农委 (before 2018) not 区农业农村局.
_COMMITTEE_OR_BUREAU = ("卫健委", "发改委", "卫计委", "经信委")
# The police branch named by its district without 区 (西塞山公安分局, as 黄石市公安局西塞山分局 is written short):
# told only in the branch's own ledger (branch_written_short), where the district is known; 高速公安分局 is no district's.
_POLICE = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}?市)?(?P<district>[\u4e00-\u9fff]{2,4}?)(?<![区县市])公安分局$")
_PARTY = re.compile(r"^中共(?P<district>[\u4e00-\u9fff]{0,6}?[区县])委|^(?P<bare>[区县])委(?=.)")


def _shortened(name: str) -> str:
    """``name`` with the long forms of the usual short names shortened (人力资源和社会保障 -> 人社)."""
    for long in _LONG_FIRST:
        name = name.replace(long, SHORT_FORMS[long])
    return name


# A 街道, 镇 or 乡 under its district's government, named with it: the 街道 itself
_TOWN_UNDER_GOVERNMENT = re.compile(r"([区县市])人民政府(?=[\u4e00-\u9fff]{1,10}(?:街道|镇|乡))")


@lru_cache(maxsize=4096)  # a few dozen names, asked about for every declared alias
def _key(name: str) -> tuple[str, str | None]:
    """(the office's name after the district, shortened; the district it names, None for a bare 区)."""
    short = _CITY_BRANCH.sub(r"\g<district>区\g<office>分局", name)
    short = _PARTY.sub(lambda m: m.group("district") or m.group("bare"), short)
    short = _TOWN_UNDER_GOVERNMENT.sub(r"\1", _shortened(short))  # 西塞山区人民政府澄月街道办事处 (probe p91)
    if short.endswith("分局"):  # the city bureau's district branch is the district's bureau (区市场监管局)
        short = short[:-2] + "局"
    elif short.endswith("委员会"):  # 区卫生健康委员会 = 区卫健委, 区发展和改革委员会 = 区发改委
        short = short[:-3] + "委"
    if short.endswith(_COMMITTEE_OR_BUREAU):  # 区卫健委 = 区卫健局: named 委 in one district, 局 in the next
        short = short[:-1] + "局"
    found = _DISTRICT.match(short)
    rest, district = (short[found.end():], found.group("named")) if found is not None else (short, None)
    if not rest:
        return short, None
    return (rest + "局" if rest in BARE_BUREAUS else rest), district


def bare_bureau(text: str) -> str | None:
    """``text`` where it is a bureau written without 局 (安监, 区人社, 市场监管): a compiled workbook's sheet is named
    so (probe p78 H2: its decisions went to the office that compiled the workbook); None otherwise."""
    text = text.strip()
    short = _shortened(text)  # 市场监督管理, 综合行政执法: the long form of a bare bureau is one too
    found = _DISTRICT.match(short)
    return text if (short[found.end():] if found is not None else short) in BARE_BUREAUS else None


def other_districts(a: str, b: str) -> bool:
    """Both names say their district, and not the same one (西塞山区人社局, 黄石港区人社局): never one office."""
    district_a, district_b = _key(a)[1], _key(b)[1]
    return district_a is not None and district_b is not None and district_a != district_b


def same_unit(a: str, b: str) -> bool:
    """Two spellings of one office (区人社局, 西塞山区人力资源和社会保障局), by the merging rule below."""
    (office_a, district_a), (office_b, district_b) = _key(a), _key(b)
    return office_a == office_b and (district_a is None or district_b is None or district_a == district_b)


def branch_written_short(name: str, owner: str) -> bool:
    """``name`` is the police branch ``owner`` (区公安分局, 西塞山区公安分局) written with its district's name
    without 区 (西塞山公安分局), in the branch's own ledger: its 派出所 are its parts."""
    found = _POLICE.match(name)
    return bool(found) and same_unit(f"{found.group('district')}区公安分局", owner) and _key(owner)[0] == "公安局"


def _spelling_groups(counts: Counter) -> list[tuple[list[str], bool]]:
    """(names that are one office after the district, whether they may merge: at most one district named)."""
    groups: dict[str, list[str]] = {}
    districts: dict[str, set] = {}
    for name in counts:  # one per distinct unit name: a few dozen
        if not isinstance(name, str) or not name:
            continue
        key, district = _key(name)
        groups.setdefault(key, []).append(name)
        districts.setdefault(key, set()).add(district)
    return [(names, len(districts[key] - {None}) <= 1) for key, names in groups.items() if len(names) > 1]


def merged_spellings(counts: Counter) -> dict[str, str]:
    """{spelling: the name it is counted under} for the spellings merged (``counts``: records per name)."""
    out = {}
    for names, may_merge in _spelling_groups(counts):
        if may_merge:
            kept = min(names, key=lambda n: (-counts[n], bare_bureau(n) is not None, len(n), n))  # 区安监局 over 区安监
            out.update({n: kept for n in names if n != kept})
    return out


def unmerged_spellings(counts: Counter) -> list[list[str]]:
    """Names of one office written with two districts' names (a city's run), left apart: 区人社局 beside
    西塞山区人社局 and 黄石港区人社局 may be either, so none is merged, and the run says so."""
    return [sorted(names) for names, may_merge in _spelling_groups(counts) if not may_merge]


def spelling_groups(merged: dict[str, str]) -> dict[str, list[str]]:
    """{name counted: [the other spellings merged into it]}, from merged_spellings' answer."""
    out: dict[str, list[str]] = {}
    for spelling, kept in merged.items():
        out.setdefault(kept, []).append(spelling)
    return out


def as_declared(names: set[str], aliases: dict[str, list[str]]) -> dict[str, str]:
    """{name: the declared unit it is counted under} for each of ``names`` (unit_name-normalised) that
    [units] lists, or that is a usual spelling of exactly one declared unit (西塞山区人力资源和社会保障局 for a
    declared 区人社局: the list adds aliases, it does not take the usual spellings away). Never when the
    spellings of one declared unit name two districts (a city's run): the list must say which is which."""
    from ..fields import alias_table  # lazy: history's commands use this module without pandas

    table = alias_table(aliases)
    spelled: dict[str, set[str]] = {}  # declared unit -> undeclared names that spell it
    for name in names:
        if isinstance(name, str) and name and name not in table:
            fits = {unit for alias, unit in table.items() if same_unit(name, alias)}
            if len(fits) == 1:
                spelled.setdefault(fits.pop(), set()).add(name)
    for unit, found in spelled.items():
        known = found | {alias for alias, owner in table.items() if owner == unit}
        if len({_key(n)[1] for n in known} - {None}) <= 1:
            table.update(dict.fromkeys(found, unit))
    return table


def guessed_spellings(names: set[str], aliases: dict[str, list[str]]) -> dict[str, str]:
    """{name: declared unit} for the names that are only a usual spelling of one declared unit (as_declared
    less what the list itself says): counted under that unit and said in 说明, for the list."""
    from ..fields import alias_table  # lazy: as above

    listed = alias_table(aliases)
    return {name: unit for name, unit in as_declared(names, aliases).items() if name not in listed}


def name_counts(*columns) -> Counter:
    """Records per distinct unit name over the columns (counted column-wise: a million records, a few names)."""
    counts: Counter = Counter()
    for column in columns:
        counts.update(column.value_counts().to_dict())
    return counts


def spelling_aliases(*columns) -> dict[str, list[str]]:
    """merged_spellings over several columns of unit names at once (a ledger's and its online lists'),
    as compliance.toml [units] aliases: the website check compares units through them."""
    return spelling_groups(merged_spellings(name_counts(*columns)))
