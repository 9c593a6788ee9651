"""The unit a name or a title names: 区环保局 in 区环保局_2016年10月行政处罚.xlsx, in 附件2：区司法局台账 and in
a title row 区教育局2016年10月“双公示”信息报送表."""

from __future__ import annotations

import re

# A unit's name ends in the word for its kind of office (a public 馆 only: 宾馆 and 茶馆 are parties; the people's
# organisations: 残联, 妇联, 科协; 供销社, 气象台 and 电视台, which issue permits and penalties too),
# followed by the end, a separator, a date, the words of a ledger's title, or another unit
# (区安监局和区环保局联合执法台账: a joint ledger of two).
_ORG_SUFFIX = re.compile(r"^(.+?(?:分局|局|办|委|院|所|队|站|(?:档案|图书|文化|博物|美术|纪念|科技|体育)馆|中心|厅|处|会|政府|管委会|公司|街道|(?:残|妇|侨|文|工商)联|科协|供销(?:合作)?社|(?:气象|电视|广播电视)台|(?<![乡城村集])镇|(?<![城])乡(?!镇)))(?=$|[_\-\s\d（(）)】\]》年月、，,和及与：:]|联合|台账|报送|上报|处罚|许可|行政|双公示|公示|公开|扫描|材料|情况|统计|关于)")
# What a clerk puts before the unit in a file name: 附件1：, 01, 1., (3), 2016年10月, brackets round the name,
# the words of a cover letter's title (关于报送区编办…的函, 报送：区食药监局).
_LEADING_NOISE = re.compile(r"^(?:附件\s*[\d一二三四五六七八九十]*|(?:报送|填报|上报|填表|制表)单位|关于|报送|上报|呈报|提交|填报|\d{4}\s*年度?(?:\s*\d{1,2}\s*月份?)?|\d{1,2}\s*月份?"
                            # a Chinese numeral numbers only before its mark (一、区安监局): 八泉街道, 九龙街道 are names
                            r"|\d+|[一二三四五六七八九十]+(?=\s*[：:、.．,，])|[（(【\[]\s*[\d一二三四五六七八九十]+\s*[)）】\]])"
                            r"\s*[：:、.．,，]*\s*")


# 街道, 乡镇 and their like name a kind of office, not one (各乡镇街道汇总: a compiled workbook of them all).
_KIND_ONLY = re.compile(r"^(?:各|全|本|辖区|所属|全部|全区|全县|所有|老城区|城区|新区)*(?:各|全|本)?"
                        r"(?:乡镇|乡|镇|街道|乡镇街道|镇街|街镇|城乡|小镇|下乡)$|^(?:特色小镇|送法下乡|全镇|本镇|全乡|本乡|本街道)")


# Words that end like an office and are none: the state of a case (已办, 在办, 即办, 承诺办: sheets of one
# office's ledger), an office speaking of itself (本局, 我委), a website (网站公示台账, 门户网站).
_NO_OFFICE = re.compile(r"^(?:已|在|待|未|即|正在|已经|承诺|限时|当场)办$"
                        r"|^(?:本|我|该|全|各|此|原)(?:分局|局|委|办|院|所|队|站|馆|中心|厅|处|会)$|网站$")


_SENT_TO = re.compile(r"[（(【\[]\s*(?:报|送|报送|上报|呈报|呈送|抄送|抄报)[^）)】\]]*[）)】\]]")  # （报区政府办、区法制办）: whom it was sent to


def unit_in_text(text: str) -> str | None:
    """The first part of ``text`` (split at _, -, spaces and brackets: 2024年12月报送（区人社局）) that names
    a unit (an office, a 街道, a 镇 or 乡); None when none does."""
    for part in re.split(r"[_\-\s（）()【】\[\]《》]+", _SENT_TO.sub("", text)):
        while (shorter := _LEADING_NOISE.sub("", part, count=1)) != part:
            part = shorter
        match = _ORG_SUFFIX.match(part.lstrip("（(【[《"))
        if match and not _KIND_ONLY.match(match.group(1)) and not _NO_OFFICE.search(match.group(1)):
            return match.group(1)
    return None


_JOINED = re.compile(r"(?:和|及|与|联合)+")


def units_in_name(text: str) -> list[str]:
    """Every unit a name names, in order (区人社局、区医保局_2024年行政许可 and 区安监局和区环保局联合执法台账 ->
    both): a file of two units. 和 inside a unit's own name (区文化和旅游局) joins nothing."""
    found = []
    for part in _parts(re.split(r"[、，,]+", _SENT_TO.sub("", text))):
        while unit := unit_in_text(part):
            found.append(unit)
            after = part[part.find(unit) + len(unit):]
            joined = _JOINED.match(after)
            if not joined:
                break
            part = after[joined.end():]
    return list(dict.fromkeys(found))


def _parts(parts: list[str]) -> list[str]:
    """Each part split again at hyphens and spaces where every piece that names a unit names a district's office
    (区商务局-区统计局, 区教育局 区民政局); 区公安分局-交警大队 and 区卫健委 卫生监督所 stay one office's."""
    out = []
    for part in parts:
        pieces = [p for p in re.split(r"[\-－—/／\s]+", part) if p]
        named = [unit_in_text(p) for p in pieces]
        several = sum(u is not None for u in named) > 1 and all(u is None or u[0] in "区县市" for u in named)
        out.extend(pieces if several else [part])
    return out


# A unit's short core, as a 文书号's 代字 abbreviates it (区人社局 -> 人社: 西人社许〔2025〕1号).
_DISTRICT_HEAD = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}?[区县](?=.{3})|[区县](?=.{3}))")
_OFFICE_TAIL = re.compile(r"(?:分局|局|委员会|委|办公室|办|大队|中心|所)$")


# How 代字 and everyday names shorten an office's core (西市监罚, 区人社局, 区卫健委, 西环罚)
_SHORT = (("市场监督管理", "市监"), ("市场监管", "市监"), ("人力资源和社会保障", "人社"), ("人力资源社会保障", "人社"),
          ("卫生健康", "卫健"), ("卫生和计划生育", "卫计"), ("生态环境", "环"), ("环境保护", "环保"),
          ("住房和城乡建设", "住建"), ("住房城乡建设", "住建"), ("交通运输", "交通"), ("文化和旅游", "文旅"),
          ("文化旅游", "文旅"), ("农业农村", "农业"), ("应急管理", "应急"), ("医疗保障", "医保"), ("发展和改革", "发改"),
          ("发展改革", "发改"), ("城市管理", "城管"), ("综合行政执法", "综执"), ("行政审批", "审批"),
          ("安全生产监督管理", "安监"), ("食品药品监督管理", "食药监"))


def unit_forms(name: str) -> tuple[str, ...]:
    """An office's core, short form first: 区人社局 -> (人社,), 区人力资源和社会保障局 -> (人社, 人力资源和社会保障),
    区卫健委 -> (卫健,); () when too little is left to be telling (区局)."""
    core = _OFFICE_TAIL.sub("", _DISTRICT_HEAD.sub("", name.strip()))
    if len(core) < 2:
        return ()
    short = core
    for long, abbreviation in _SHORT:
        short = short.replace(long, abbreviation)
    return tuple(dict.fromkeys((short, core)))


def same_core(first: str, second: str) -> bool:
    """One office in two spellings its core tells (区卫健局 and 区卫生健康委员会, 区审批局 and 区行政审批局)."""
    a, b = unit_forms(first), unit_forms(second)
    return bool(a and b and a[0] == b[0])


def numbers_side_with(words, first: str, second: str) -> str | None:
    """Of two units a sheet is said to be of, the one its 文书号's 代字 (``words``) abbreviate, when only
    that one is (西人社许 against 区人社局 and 区卫健局); None when both, or neither, are."""
    forms = unit_forms(first), unit_forms(second)
    if not all(forms) or any(a in b or b in a for a in forms[0] for b in forms[1]):
        return None
    seen = [any(names_office(w, form) for form in own for w in words if w) for own in forms]
    return (first if seen[0] else second) if seen[0] != seen[1] else None


def names_office(word: str, form: str) -> bool:
    """The 代字 ``word`` begins with ``form``, after at most the district's one character (西人社许, 人社许): an
    action's word later in it (西建审批: 住建's 审批) names no office."""
    return 0 <= word.find(form) <= 1
