"""The field checks of the national 双公示 data standard, column-wise: records -> findings.

Each check looks at whole ``q_<field>`` columns (quality/columns.py) and
returns the rows it flags with the values its message needs. Quality never
changes a timeliness status (exemptions, in exempt.py, are the one exception).
ID numbers are masked before they enter a message: no output shows one in full.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..dates import as_days, parse_dates
from ..problems import PROBLEMS
from .codes import USCC_ALPHABET, USCC_NONE, CodeColumn, CodeColumns, digits_not_an_id, mask_id, wrong_length
from .id_text import mask_ids
from .amounts import ALONGSIDE, SEPARATORS, amount_numbers, fined, warning_only
from .columns import column, has_column
from .text_ids import TEXT_ID, TEXT_ID_HEADER, column_ids
from .finding import Finding, finding as _finding
from .publicity import publicity_findings
from .required import NONE_MARKS

# 双公示数据标准 2019 版 的取值; 处罚类别 adds the kinds of 行政处罚法 (2021) 第九条.
PERMIT_KINDS = ("普通", "特许", "认可", "核准", "登记", "其他")
PENALTY_KINDS = ("警告", "罚款", "没收违法所得", "没收非法财物", "责令停产停业", "暂扣或者吊销许可证",
                 "暂扣或者吊销执照", "行政拘留", "其他", "通报批评", "暂扣许可证件", "降低资质等级", "吊销许可证件",
                 "限制开展生产经营活动", "责令关闭", "限制从业")
# The halves of 暂扣或者吊销许可证/执照 written alone, or with 或 for 或者, name the same kinds.
PENALTY_SPELLINGS = ("暂扣许可证", "吊销许可证", "暂扣执照", "吊销执照", "吊销营业执照", "暂扣营业执照",
                     "没收违法所得、没收非法财物", "没收违法所得和非法财物", "暂扣或吊销许可证", "暂扣或吊销执照",
                     "暂扣或吊销营业执照")
PARTY_TYPES = ("法人及非法人组织", "自然人", "个体工商户")
# 其他 with the kind written out (其他（责令拆除）, 其他-补办手续), as the standard asks of 其他: 其他.
_OTHER_NAMED = re.compile(r"^其他[（(\-—:：].+")
NATURAL, LEGAL, SOLE_TRADER = "自然人", "法人及非法人组织", "个体工商户"
# An office's own words for the kind (当事人类型: 个人, 法人), read as the standard's by the code checks (probe p83);
# the enumeration check still says they are not the standard's values
_KIND_WORDS = {"个人": NATURAL, "公民": NATURAL, "法人": LEGAL, "单位": LEGAL, "企业": LEGAL, "法人或其他组织": LEGAL,
               "个体户": SOLE_TRADER, "个体": SOLE_TRADER}
_AGENCY_NONE = sorted(NONE_MARKS | {"无代码"})  # 无, / and — in a code cell: "none", not a bad code
# In the party's code cell, so are the other words offices write for a person's (as normalise_codes has them:
# upper case, half-width brackets); an agency has a code, and 0 or N/A there is a bad one
_NONE_MARKS = sorted(NONE_MARKS | {"无代码", "0", "N/A", "NA", "NULL", "NONE", "不适用", "空白", "个人", "自然人",
                                   "无(自然人)", "无(个人)", "自然人无", "无统一社会信用代码"})
# a natural person's other papers (护照 E12345678, 港澳通行证 H1234567801, 台胞证 12345678): no code, not a bad one;
# where the party's kind is not said, only the lettered ones (a number of digits may be an old 注册号 or 机构代码,
# MA… a piece of a credit code)
_PERSON_PAPERS = re.compile(r"[A-Z]{1,2}[0-9]{7,10}|[0-9]{8}|[0-9]{10}")
_LETTERED_PAPERS = re.compile(r"(?!MA)[EGHMDSPKT][A-Z]?[0-9]{7,10}")
NO_AMOUNT = NONE_MARKS  # 无, /, - … in an amount cell: no amount (a warning alone), not a bad number
DEFAULT_AMOUNT_LIMIT = 10_000.0  # 万元: a fine of 1 亿元 or more was almost surely entered in 元




def findings(records: pd.DataFrame, amount_limit: float = DEFAULT_AMOUNT_LIMIT, as_of=None,
             publicity_years=3, codes: CodeColumns | None = None) -> list[Finding]:
    """Every quality finding of ``records``, check by check; ``as_of`` and ``publicity_years`` (one
    number, or one per record) for the end of publicity on a website (--online); ``codes``: the
    records' code columns, kept by the caller for the masking that follows."""
    out: list[Finding] = []
    # 自 然 人 is 自然人: the enumeration check reads it without spaces, and so do the checks it decides
    party_type = _without_spaces(column(records, "party_type"))
    codes = codes if codes is not None else CodeColumns(records)
    kind = pd.Series(party_type, dtype=object).replace(_KIND_WORDS).to_numpy(object)  # 个人 is a 自然人 to the codes
    for check in (_party_code, _id_columns, _agency_code):
        out.extend(check(records, kind, codes))
    for check in (_enums, _validity, _required):
        out.extend(check(records, party_type))
    out.extend(_amounts(records, amount_limit))
    out.extend(_amount_for_kind(records))
    out.extend(_fine_with_warning(records))
    out.extend(_exposed_ids(records, codes))
    if as_of is not None:
        out.extend(publicity_findings(records, as_of, publicity_years))
    return [f for f in out if len(f.rows)]


_SPACES = re.compile(r"\s+")


def _without_spaces(values) -> np.ndarray:
    """Whitespace removed, once per distinct value (a column of a few categories); not text -> NaN, as .str does."""
    series = pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(series)
    out = series.to_numpy(object, copy=True)
    if len(uniques):
        clean = np.array([_SPACES.sub("", u) if isinstance(u, str) else np.nan for u in uniques], dtype=object)
        known = codes >= 0
        out[known] = clean[codes[known]]
    return out


def _exposed_ids(records, codes: CodeColumns):
    """A full ID number in the party cell (张三（320102198001011238）), in a 文书号 that is a person's ID (a
    certificate numbered by its holder's), or in any other column (text_ids.py): published in full; or shown
    by the website's entry for the record (online/read.py)."""
    out = []
    if "online_id_exposed" in records.columns:
        shown = records["online_id_exposed"].to_numpy(object)
        out.append(_finding("id-number-online", "online", pd.notna(shown) & (shown != ""), label="网站清单", value=shown))
    if "party_id_exposed" in records.columns:
        shown = records["party_id_exposed"].to_numpy(object)
        out.append(_finding("id-number-exposed", "party", pd.notna(shown), label="行政相对人名称中含有的号码", value=shown))
    numbered, plain = codes.document_ids()
    out.append(_finding("id-number-exposed", "document_number", numbered, label="文书号（证书编号）", value=_shown(plain)))
    inside = column_ids(records.get("document_number", pd.Series([""] * len(records), dtype=object)), numbers=True)
    out.append(_finding("id-number-exposed", "document_number", (inside != "") & ~numbered, label="文书号中含有的号码",
                        value=inside))
    if TEXT_ID in records.columns:  # a licence column that became the 文书号 is told as the 文书号 just above
        shown, header = records[TEXT_ID].to_numpy(object), records[TEXT_ID_HEADER].to_numpy(object)
        out.append(_finding("id-number-exposed", "text", pd.notna(shown) & ~numbered, value=shown,
                            label=lambda rows: np.array([f"{h}中含有的号码" for h in header[rows]], dtype=object)))
    return out


def _shown(values: np.ndarray):
    """What a message may show of a code, for the flagged rows: an ID-shaped value masked (first 6, last 4)."""
    def shown(rows):
        picked = values[rows]
        column = CodeColumn(picked)
        ids = column.id_shaped() | column.first_generation()
        out = picked.copy()
        out[ids] = [mask_id(v) for v in picked[ids]]  # the flagged few
        # an ID among other characters (身份证42020419720622201X, 19 digits, 420204…（法人身份证）): never shown whole
        out[~ids] = [_LONG_DIGITS.sub(_masked_run, mask_ids(v)) if isinstance(v, str) else v for v in out[~ids]]
        return out
    return shown


_LONG_DIGITS = re.compile(r"[0-9０-９]{14,}")


def _masked_run(found: re.Match) -> str:
    """A run of 14 digits or more, as an ID number would be shown: its first 6 and last 4 only."""
    run = found.group(0)
    return run[:6] + "*" * (len(run) - 10) + run[-4:]


# 4.20203E+17: Excel showed the 18 digits as a number and the file kept only what it showed; or a number
# cell: Excel keeps 15 significant digits, so an 18-digit number comes back with 000 at its end.
_SCIENTIFIC = r"\d+(?:\.\d+)?E\+?\d+|\d{15}000"
MANGLED = "被 Excel 当作数字保存（显示为科学计数法），后面几位已经丢失，请把这一列设成文本格式后重新填写"


def _mangled(values: np.ndarray) -> np.ndarray:
    text = pd.Series(values, dtype=object).astype(str)
    out = text.str.fullmatch(_SCIENTIFIC).to_numpy(bool, copy=True)
    # 18 digits that a floating-point number holds exactly: came through a number cell (420203198506123011
    # is read back as 420203198506123008); a number typed as text is one of them once in 64
    digits = text.str.fullmatch(r"[1-9]\d{17}").to_numpy(bool)
    if digits.any():
        whole = text[digits].to_numpy().astype(np.uint64)
        out[digits] |= whole.astype(np.float64).astype(np.uint64) == whole
    return out


def _uscc_reason(values: np.ndarray, is_id: np.ndarray | None = None):
    def reason(rows):
        picked = values[rows]
        if is_id is not None:  # an organisation's code column holding a person's ID number
            return np.where(is_id[rows], "这是身份证号，单位和个体工商户应填统一社会信用代码",
                            np.where(picked == USCC_NONE, "17 个 0 加 X 只用于没有代码的个体工商户", _uscc_reasons(picked)))
        return _uscc_reasons(picked)
    return reason


def _uscc_reasons(picked: np.ndarray) -> np.ndarray:
    lengths = np.fromiter(map(len, picked), dtype=np.int64, count=len(picked))  # the flagged few
    allowed = pd.Series(picked, dtype=object).str.fullmatch(f"[{USCC_ALPHABET}]*").to_numpy(bool)
    # object arrays: numpy before 2.0 cannot add fixed-width strings
    said = np.where(lengths != 18, "应为 18 位，现为 " + lengths.astype(str).astype(object) + " 位",
                    np.where(~allowed, "含有不允许的字符（不用 I、O、Z、S、V）", "校验位不符"))
    return np.where(_mangled(picked), MANGLED, said)


def _id_reason(values: np.ndarray, born_late: np.ndarray | None = None, mangled: np.ndarray | None = None):
    def reason(rows):
        said = np.where(CodeColumn(values[rows]).ric_check_ok(), "出生日期不存在或不在 1900—2099 年间", "校验位不符")
        said = said if born_late is None else np.where(born_late[rows], "出生日期晚于决定日期", said)
        return said if mangled is None else np.where(mangled[rows], MANGLED, said)
    return reason


def _party_code(records, party_type, columns: CodeColumns):
    """统一社会信用代码 of the party; a shared 代码/身份证号码 column holds either (the ID checked as one).
    无, / and — say "none": for a natural person that is right, for an organisation the code is missing.
    An organisation (法人及非法人组织, 个体工商户) needs a code, never an ID; 17 zeros and X stand in
    only for a 个体工商户 without one."""
    has_code = has_column(records, "party_code")
    if not has_code.any():
        return []
    codes = columns["party_code"]
    code = codes.values
    empty = (code == "") | np.isin(code, _NONE_MARKS)
    given = ~empty & ~codes.masked  # a masked number (420203********3673, 420203XXXXXXXX3673) is not checked
    uscc_ok, ric_ok, digits = codes.uscc_valid(), codes.ric_valid(), codes.id_shaped()
    natural, legal = party_type == NATURAL, party_type == LEGAL
    # a person's ID, unless the value is a valid code too and the party may be an organisation
    born_late = ric_ok & (natural | ~uscc_ok) & codes.born_after(_decided(records))
    ric_ok = ric_ok & ~born_late
    organisation = legal | (party_type == SOLE_TRADER)
    uscc_ok = uscc_ok & ~(legal & (code == USCC_NONE)) & ~(natural & born_late)  # a person's: an ID, a bad one
    # a natural person's first-generation ID (15 digits, YYMMDD a date) is an ID, not a bad code
    person = given & (codes.person(legal=legal, natural=natural) & ~born_late | natural & codes.first_generation())
    # a person's paper or old ID where the party is, or may be, a person: the standard puts it in 证件号码, and
    # it is no code to check (where the party is an organisation it is one, a bad one)
    papers = natural & (codes.first_generation() | _papers(code, _PERSON_PAPERS)) \
        | ~natural & ~organisation & _papers(code, _LETTERED_PAPERS)
    bad = given & ~uscc_ok & ~(ric_ok & ~organisation) & ~papers
    mangled = _mangled(code)
    as_id = bad & (digits | mangled) & natural
    as_uscc = bad & ~as_id
    shown = _shown(code)
    # an organisation's code written as a masked ID (420203********3673): no code at all (probe p83)
    masked = ~empty & codes.masked & organisation
    out = [_finding("uscc-invalid", "party_code", as_uscc, value=shown, reason=_uscc_reason(code, ric_ok)),
           _finding("uscc-invalid", "party_code", masked, value=shown, reason="是隐去了部分数字的身份证号，组织应填统一社会信用代码"),
           _finding("id-number-invalid", "party_code", as_id, label="证件号码", value=shown,
                    reason=_id_reason(code, born_late, mangled)),
           _finding("id-number-exposed", "party_code", person, value=shown)]
    has_party_type = has_column(records, "party_type")
    out.append(_finding("party-type-mismatch", "party_type", natural & given & uscc_ok & ~ric_ok, value=party_type,
                        reason=np.where(code == USCC_NONE, "填了个体工商户没有代码时才用的 17 个 0 加 X",
                                        "填了统一社会信用代码").astype(object)))
    # only where the record's own sheet has the code column: another unit's file may have one, this one not
    no_code = has_party_type & has_code & organisation & empty
    out.append(_finding("party-type-mismatch", "party_type", no_code, value=party_type, reason="没有填统一社会信用代码"))
    return out


def _papers(code: np.ndarray, shapes: re.Pattern) -> np.ndarray:
    short = np.char.str_len(code.astype(str)) < 18
    out = np.zeros(len(code), dtype=bool)
    out[short] = pd.Series(code[short], dtype=object).str.fullmatch(shapes.pattern).fillna(False).to_numpy(bool)
    return out


def _id_columns(records, party_type, columns: CodeColumns):
    """证件号码 and 法定代表人证件号码: published columns, so a full, valid ID is to be masked. An
    organisation's 证件号码 that is no valid ID is its 统一社会信用代码, checked as one; a number Excel wrote
    in scientific notation (4.20203E+17) has lost digits either way."""
    out = []
    organisation = (party_type == LEGAL) | (party_type == SOLE_TRADER)
    # where the party's own code column holds a valid code, 证件号码 is the operator's (an ID, a passport), not it
    own_code = has_column(records, "party_code") & columns["party_code"].uscc_valid() \
        if has_column(records, "party_code").any() else np.zeros(len(records), dtype=bool)
    for name in ("id_number", "legal_id"):
        if not has_column(records, name).any():
            continue
        codes = columns[name]
        code = codes.values
        ok, shaped, mangled = codes.ric_valid(), codes.id_shaped(), _mangled(code)
        born_late = ok & codes.born_after(_decided(records))
        ok = (ok & ~born_late) | codes.first_generation()  # a first-generation ID is a full ID too
        as_code = organisation & ~own_code & ~ok & (code != "") & ~codes.masked if name == "id_number" \
            else np.zeros(len(code), bool)
        shown = _shown(code)
        # the party's valid all-digit code (914202035014217784) is no bad ID, unless the party is a person
        # (an ID mistyped into a valid code, 1 in 31, still reads as an ID: a province and a birth date)
        code_given = codes.uscc_valid() & ~codes.id_like() & (party_type != NATURAL) if name == "id_number" else False
        out.append(_finding("id-number-invalid", name, (shaped | mangled) & ~ok & ~as_code & ~code_given, value=shown,
                            reason=_id_reason(code, born_late, mangled)))
        # a person's number of digits that is no ID's length (17, 19), or 15 without a date: an ID mistyped (p83 H4);
        # a party of no known kind may hold an old 15-digit 注册号 there, so only a person's, or 法定代表人's
        person = np.ones(len(code), bool) if name == "legal_id" else party_type == NATURAL
        out.append(_finding("id-number-invalid", name, person & digits_not_an_id(codes) & ~ok & ~(shaped | mangled),
                            value=shown, reason=wrong_length(code)))
        out.append(_finding("uscc-invalid", name, as_code & ~codes.uscc_valid(), value=shown,
                            reason=_uscc_reason(code)))
        out.append(_finding("id-number-exposed", name, ok, value=shown))
    return out


def _decided(records) -> np.ndarray:
    return records["decision_date"].to_numpy("datetime64[s]")


def _agency_code(records, party_type, columns: CodeColumns):
    """The codes of the deciding agency and of the unit the data comes from: an agency's, never an ID."""
    out = []
    for name in ("agency_code", "source_code"):
        if not has_column(records, name).any():
            continue
        codes = columns[name]
        code = codes.values
        given = (code != "") & ~np.isin(code, _AGENCY_NONE)  # 无, /: blank (required-missing says it where due)
        bad = given & (~codes.uscc_valid() | (code == USCC_NONE))  # 17 zeros and X: a 个体工商户's only
        out.append(_finding("uscc-invalid", name, bad, value=_shown(code),
                            reason=_uscc_reason(code, np.zeros(len(code), dtype=bool))))
    return out


def _enum_ok(values: np.ndarray, allowed: tuple[str, ...], several: bool, alongside=()) -> np.ndarray:
    """Per distinct value: one allowed value, or (``several``) allowed values joined by ；、, etc."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    # NFKC: ／ and ； are / and ;, as a clerk's IME may type them
    spaced = pd.Series(uniques, dtype=object).astype(str).str.normalize("NFKC").str.strip()
    unique = spaced.str.replace(r"\s+", "", regex=True)
    if several:  # a line break or a space between two kinds (罚款⏎没收违法所得) parts them too (probe p92)
        ok = _several_ok(unique, allowed, alongside) | _several_ok(spaced.str.replace(r"\s+", ";", regex=True), allowed, alongside)
    else:
        ok = unique.str.replace(_OTHER_NAMED, "其他", regex=True).isin(allowed).to_numpy(bool)
    blank = unique.eq("").to_numpy(bool) | unique.isin(NONE_MARKS).to_numpy(bool)  # 无, /: blank (required-missing says it)
    return (ok | blank)[codes] if len(codes) else np.ones(0, dtype=bool)


def _several_ok(unique: pd.Series, allowed: tuple[str, ...], alongside) -> np.ndarray:
    """Per distinct value (no spaces): allowed values joined by ；、, etc."""
    # 其他（责令退还、赔偿损失）: the kinds named in the bracket are 其他's, not more kinds to split
    named = unique.str.replace(r"其他\([^()]*\)", "其他", regex=True) \
        .str.replace(r"没收(违法所得|非法财物)[、,和及与](违法所得|非法财物)", r"没收\1;没收\2", regex=True)  # 没收违法所得、非法财物
    if alongside:  # 警告（责令限期改正）, 警告并责令改正: the order beside the kind, as exempt.py reads it
        named = named.str.replace(r"\((责令[^()]*)\)", r";\1", regex=True) \
            .str.replace(r"(?<=[^;、,/])[并和及](?=责令)", ";", regex=True)
    parts = named.str.split(SEPARATORS).map(lambda p: [x for x in p if x])  # distinct values only
    kinds = parts.map(lambda p: [_OTHER_NAMED.sub("其他", x) for x in p if x not in alongside])
    return kinds.map(lambda k: bool(k) and all(x in allowed for x in k)).to_numpy(bool)


def _enums(records, party_type):
    out = []
    checks = (("permit_kind", PERMIT_KINDS, False, ()),
              ("penalty_kind", PENALTY_KINDS + PENALTY_SPELLINGS, True, ALONGSIDE),
              ("party_type", PARTY_TYPES, False, ()))
    for name, allowed, several, alongside in checks:
        if not has_column(records, name).any():
            continue
        values = column(records, name)
        bad = ~_enum_ok(values, allowed, several, alongside)
        shown = PENALTY_KINDS if name == "penalty_kind" else allowed
        out.append(_finding("enum-invalid", name, bad, value=values, allowed="、".join(shown)))
    return out


def _amounts(records, limit: float):
    out = []
    for name, scale in (("fine", 1), ("confiscated", 1), ("fine_yuan", 1e-4), ("confiscated_yuan", 1e-4)):
        if not has_column(records, name).any():
            continue
        text = column(records, name)
        number = amount_numbers(text, in_yuan=scale != 1) * scale  # in 万元, as the limit is
        given = (text != "") & ~pd.Series(text, dtype=object).isin(NO_AMOUNT).to_numpy(bool)
        bad = given & (np.isnan(number) | (number < 0) | (number >= limit))
        big = f"达到 {limit:g} 万元以上" + ("，可能是按元填写的" if scale == 1 else "")  # a 元 column says 元 already
        reason = lambda rows, number=number, big=big: np.where(  # noqa: E731 - for the flagged rows only
            np.isnan(number[rows]), "不是数字", np.where(number[rows] < 0, "是负数", big))
        out.append(_finding("amount-suspect", name, bad, value=text, reason=reason))
    return out


# 处罚类别 names a fine or a confiscation, not 不予 / 免予 one (不予罚款 is no fine)
# (word, amount columns, whether 无 fills the item): seized goods may have no value to state, a fine has one
_KIND_AMOUNTS = (("罚款", ("fine", "fine_yuan"), False), ("没收", ("confiscated", "confiscated_yuan"), True))
_NOT_GIVEN = r"(?<!不予)(?<!免予)(?<!免于)(?<!免除)(?<!不予以)(?<!不)(?<!未)(?<!免)"


def _amount_for_kind(records):
    """双公示数据标准 2019 版: 罚款金额 is required when 处罚类别 has 罚款, the confiscated amount when it has
    没收; checked only where the sheet has both columns (a short ledger is never marked down)."""
    if not has_column(records, "penalty_kind").any():
        return []
    # a few kinds repeat over the whole column: each distinct one is searched once
    codes, kinds = pd.factorize(pd.Series(column(records, "penalty_kind"), dtype=object))
    out = []
    for word, names, none_fills in _KIND_AMOUNTS:
        named = pd.Series(kinds, dtype=object).str.contains(_NOT_GIVEN + word, na=False).to_numpy(bool)
        named = np.append(named, False)[codes]  # a missing kind (code -1) names nothing
        for name in names:
            if not named.any() or not has_column(records, name).any():
                continue
            amount = column(records, name)
            blank = (amount == "") | (not none_fills and pd.Series(amount, dtype=object).isin(NO_AMOUNT).to_numpy(bool))
            out.append(_finding("amount-missing-for-kind", name, named & blank & has_column(records, name),
                                kind=word))
            if not none_fills:  # a fine of 0 is none: the kind or the amount is wrong (seized goods may have no value)
                zero = amount_numbers(amount, in_yuan=name.endswith("_yuan")) == 0
                out.append(_finding("amount-zero-for-kind", name, named & zero & has_column(records, name), kind=word))
    return out


def _fine_with_warning(records):
    """处罚类别 警告 alone, a fine beside it: one of the two is wrong (and the fine is no 仅警告 to exempt)."""
    warned = warning_only(records) & fined(records) if len(records) else np.zeros(0, dtype=bool)
    if not warned.any():
        return []
    name = "fine" if has_column(records, "fine").any() else "fine_yuan"
    return [_finding("amount-for-warning", name, warned, value=column(records, name))]


def _validity(records, party_type):
    """有效期至 before 有效期自 or before the decision; 处罚有效期 and 公示截止期 before the decision; a validity date that
    does not exist (2019-02-30), as the decision date's own check would say (长期 and other words are no date)."""
    out = []
    decision = as_days(records["decision_date"])
    dates = {}
    for name in ("valid_from", "valid_to", "penalty_valid", "publicity_until"):
        if has_column(records, name).any():
            text = column(records, name)
            days, codes = parse_dates(pd.Series(text, dtype=object))
            dates[name] = as_days(days)
            out.append(_finding("validity-date-impossible", name, np.asarray(codes, dtype=object) == "date-impossible",
                                value=text))
    def iso(days):  # for the flagged rows only
        return lambda rows: np.datetime_as_string(days[rows], unit="D").astype(object)
    pairs = [("valid_to", "valid_from", "有效期自"), ("valid_to", None, "决定日期"), ("penalty_valid", None, "决定日期"),
             ("publicity_until", None, "决定日期")]  # the 2019 standard's 公示截止期 (probe p83)
    for end, start, start_label in pairs:
        if end not in dates or (start is not None and start not in dates):
            continue
        other = dates[start] if start else decision
        bad = dates[end] < other  # NaT compares false
        if start is None and "valid_from" in dates and end == "valid_to":
            bad &= ~(dates[end] < dates["valid_from"])  # said once, against 有效期自
        out.append(_finding("validity-range-invalid", end, bad, value=iso(dates[end]), other=iso(other),
                            other_label=start_label))
    return out


def _required(records, party_type):
    if "q_missing" not in records.columns:
        return []
    missing = records["q_missing"].to_numpy(object)
    given = pd.notna(missing) & (missing != "")
    return [Finding("required-missing", "required", np.flatnonzero(given), {"labels": missing[given]})]


def is_error(code: str) -> bool:
    return PROBLEMS[code].quality == "error"


def error_mask(found: list[Finding], n: int) -> np.ndarray:
    """Records with a quality error (not a notice): they count against 合规率 and make exit 1."""
    out = np.zeros(n, dtype=bool)
    for f in found:
        if is_error(f.code):
            out[f.rows] = True
    return out


def counts(found: list[Finding]) -> dict[str, int]:
    """Findings per code (a record counted once per code)."""
    out: dict[str, int] = {}
    for f in found:
        out[f.code] = out.get(f.code, 0) + len(np.unique(f.rows))
    return out
