"""Each record's unit from the sheet's unit column, its 填报单位 line and its file name."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..fields import FORMER_NAME, unit_name, unit_names
from .cells import cell_text, per_distinct
from .docnumbers import said_above
from .unit_text import names_office, numbers_side_with, same_core, unit_forms, unit_in_text

# A unit cell of marks only (/, -, —, …, ――): no name, as a blank cell; never a unit named "/".
_NO_NAME = re.compile(r"^[^\w\u4e00-\u9fff]+$")


def _as_blank(cells: pd.Series) -> np.ndarray:
    """Per unit cell: it names nothing, the row above's unit holds (同上, 〃, "/", "—"); each name once."""
    def judge(texts: np.ndarray) -> np.ndarray:
        series = pd.Series(texts, dtype=object)
        return said_above(series) | series.str.strip().str.match(_NO_NAME).to_numpy(bool)
    return per_distinct(cells.fillna("").astype(str).to_numpy(object), judge).astype(bool)
# An office's own sections (一中队, 市容科, 法制股): who in the office decided, not which office. A 大队, a 所
# or an 办公室 (区政府办公室) may report on its own, so they are not among them.
SECTION = re.compile(r"^[\u4e00-\u9fff\d]{0,8}?(?:中队|科|股)$")
# A village or a residents' committee (新港村委会, 团结社区): where the decision was made or whom it was for; it decides
# nothing itself, so it is never a unit (probe p91 F1: two towns' 村委会 rows became one ranked unit).
# Only in a town's own ledger: a roll-up's compiler (区政府办) is no village's town (review rev65 H1). 区农业农村
# (局 left off) is a bureau.
VILLAGE = re.compile(r"^[\u4e00-\u9fff\d]{0,12}?(?:村民委员会|村委会|居民委员会|居委会|社区|(?<!农)村)$")
_TOWN = re.compile(r"(?:街道|街道办事处|镇|乡|镇人民政府|乡人民政府|镇政府|乡政府)$")


# A part of the office a sheet is of, named after it (区市场监管局黄石港所, 区公安分局交警大队 in 区市场监管局's or
# 区公安分局's own ledger): the office's rows; a 所 or 大队 that reports on its own sends a ledger of its own.
_PART = r"[\u4e00-\u9fff\d]{1,12}?(?:所|大队|中队|分队|站|科|股|室|组)"


def own_parts(units: pd.Series, owner: str) -> np.ndarray:
    """Per cell: the owner's name, in any spelling of it (市场监管局 for 区市场监管局), and one of its parts after it."""
    from .unit_spellings import branch_written_short, same_unit  # spellings read fields' tables: imported when a sheet is read

    if not owner:
        return np.zeros(len(units), dtype=bool)
    office = units.fillna("").str.extract(f"^(.+?[局委办院])(?:{_PART})$", expand=False).fillna("")

    def judge(names: np.ndarray) -> np.ndarray:
        return np.array([bool(n) and (n == owner or same_unit(n, owner) or branch_written_short(n, owner)) for n in names],
                        dtype=bool)
    return per_distinct(office.to_numpy(object), judge).astype(bool)


def code_words(numbers: pd.Series) -> np.ndarray:
    """Per row: its 文书号's 代字 (西司法罚), "" where it has none of two characters or more."""
    from .record_categories import CODE_WORD  # the 代字, as the category reads it (records import both)

    # the number as written (西公(治)行罚决字: normalised, its (治) would be 〔治〕 and the 代字 only 西公)
    text = numbers.reset_index(drop=True).fillna("").astype(str).str.replace(r"\s+", "", regex=True)
    words = text.str.extract(f"^({CODE_WORD.pattern[1:]})", expand=False).fillna("")
    return words.where(words.str.len() >= 2, "").to_numpy(object)


def _unit_of_code_word(unit: pd.Series, rows: np.ndarray, numbers: pd.Series) -> np.ndarray:
    """Per row of ``rows``: the one unit the table's other rows with its 文书号's 代字 are under (None where none
    or several are)."""
    from .unit_spellings import same_unit  # spellings read fields' tables: imported when a sheet is read

    words = code_words(numbers)
    others = ~rows & unit.notna().to_numpy(bool) & (words != "")
    pairs = pd.DataFrame({"word": words[others], "unit": unit.to_numpy(object)[others]}).drop_duplicates()
    lookup = {}
    for word, units in pairs.groupby("word")["unit"]:  # a few 代字
        first = units.iloc[0]
        if all(u == first or same_unit(u, first) for u in units):  # 章山镇, 章山镇人民政府: one; two units: no guess
            lookup[word] = first
    return pd.Series(words, dtype=object).map(lookup).to_numpy(object)


def _by_code_word(unit: pd.Series, rows: np.ndarray, numbers: pd.Series) -> np.ndarray:
    """Per row of ``rows`` (a blank or joint unit cell in a table whose file and lines name no unit of their own:
    a roll-up named 2026年1-10月行政处罚汇总.xlsx): the one unit of the column its 文书号's 代字 names (西商罚:
    区商务局), set in ``unit``; never the file's name made a unit that ranks (probe p81 M2). False where none or
    several are named."""
    out = np.zeros(len(unit), dtype=bool)
    named = list(dict.fromkeys(unit.dropna()))
    if not rows.any() or not named:
        return out
    forms = {u: unit_forms(u) for u in named}
    picked = np.flatnonzero(rows)
    words = code_words(numbers)[picked]
    for word in pd.unique(words[words != ""]):  # per distinct 代字: a few dozen, whatever the rows (review rev61 M4)
        found = [u for u, own in forms.items() if any(names_office(word, f) for f in own)]
        # a 代字 of one office character (西商罚, 商罚: 商务), where no unit's whole short form is in it; never the
        # first character of a longer one (西人防罚 is 人防's, not 人社's: review rev61 H2)
        core = _ACTION_TAIL.sub("", word)
        if not found and len(core) <= 2:
            found = [u for u, own in forms.items() if own and own[0][0] == core[-1:]]
        if len(found) == 1:
            at = picked[words == word]
            unit.iloc[at], out[at] = found[0], True
    return out


_ACTION_TAIL = re.compile(r"[罚许决字审批检查]+$")  # the action after the office in a 代字 (西商罚, 西商许决字)


def _other_offices(unit: pd.Series, owner: str, rows: np.ndarray) -> np.ndarray:
    """Per row of ``rows``: its unit cell names another office than the sheet's own (its file name or 填报单位
    line), where more rows of the sheet name the owner: counted under that office, and said (probe p81 M3:
    区民政局's rows in 区教育局's ledger moved there without a word). A roll-up none of whose rows is its
    compiler's own says so once, on the file (unit-file-counted-elsewhere)."""
    from .unit_spellings import same_unit  # spellings read fields' tables: imported when a sheet is read

    mine = unit_name(owner)
    names = pd.unique(unit.dropna())
    own = {n for n in names if n == mine or same_unit(n, mine)}  # a few distinct names
    other = unit.notna().to_numpy(bool) & ~unit.isin(own).to_numpy(bool) & rows
    # the owner's rows at least as many: its own ledger (a roll-up of many units with a few of its compiler's is none)
    return other if (unit.isin(own).to_numpy(bool) & rows).sum() >= other.sum() else np.zeros(len(unit), dtype=bool)


def _pasted(units: pd.Series, owner: str, numbers: pd.Series) -> np.ndarray:
    """Per row: its unit cell names another office than the sheet's own (its 填报单位 line or file name), on
    fewer rows than the owner's, while its 文书号's 代字 (西司法罚) is one the owner's rows use and the other
    office's rows use no other; or on any number of rows, whose 代字 abbreviate the owner and not the other
    (西文旅罚 under 区住建局 in 区文旅局's file): cells pasted from another ledger, which the number and the file
    both gainsay."""
    mine = units.eq(owner).to_numpy(bool)
    others = units.notna().to_numpy(bool) & ~mine
    if not others.any():
        return np.zeros(len(units), dtype=bool)
    words = code_words(numbers)
    own = set(words[mine]) - {""}
    out = np.zeros(len(units), dtype=bool)
    from .unit_spellings import same_unit  # spellings read fields' tables: imported when a sheet is read

    for other, rows in pd.Series(np.flatnonzero(others)).groupby(units.to_numpy(object)[others]):
        rows = rows.to_numpy()
        if same_core(other, owner) or same_unit(other, owner):  # the owner in another spelling (区市场监管局)
            continue
        if len(rows) < mine.sum() and set(words[rows]) <= own and "" not in set(words[rows]):
            out[rows] = True
        # a whole column copied with another office's template (区住建局 in 区文旅局's file of 西文旅罚 numbers)
        elif numbers_side_with(set(words[rows]), other, owner) == owner:
            out[rows] = True
    return out


# A company, a shop or a clinic: a party (a bare 单位 column of the companies punished), never the office
# that decided. Such a cell names no unit: the 填报单位 line or the file name does, and the record says so.
# What only an applicant is called (a school, a kindergarten, a company): a column mostly of them lists parties.
APPLICANT_LIKE = re.compile(r"(?:公司|厂|店|商行|合作社|个体工商户|门市部|经营部|超市|酒店|饭店|诊所|药房|学校|幼儿园|中学|小学|医院|卫生院)$")
PARTY_LIKE = re.compile(r"(?:公司|厂|店|商行|合作社|个体工商户|门市部|经营部|超市|酒店|饭店|诊所|药房|农家乐|加油站|学校|幼儿园)$")


def _names_an_office(names: pd.Series) -> np.ndarray:
    """Per cell: it names an office (unit_in_text), each distinct name looked at once."""
    return per_distinct(names.fillna("").to_numpy(object),
                        lambda texts: np.array([unit_in_text(t) is not None for t in texts], dtype=bool)).astype(bool)


# Between two offices' names in one cell (区人社局、区市场监管局; 区人社局和区卫健委): a joint decision. 和 only
# after an office's last character: 区人力资源和社会保障局 is one name.
_JOINT = re.compile(r"[、，,/／;；&＆\n]|(?<=[局委办队厅府所])[和与及]")


def _several_offices(cells: pd.Series) -> np.ndarray:
    """Per cell: it names two offices or more, and nothing else (its former names aside: 区市场监管局（原工商局、质监局）)."""
    def judge(texts: np.ndarray) -> np.ndarray:
        texts = [FORMER_NAME.sub("", t.strip()) for t in texts]
        parts = [[p for p in _JOINT.split(t) if p.strip()] if _JOINT.search(t) else [] for t in texts]
        return np.array([len(p) >= 2 and all(unit_in_text(x) is not None for x in p) for p in parts], dtype=bool)
    return per_distinct(cells.fillna("").to_numpy(object), judge).astype(bool)


def source_units(kept: pd.DataFrame, mapping) -> pd.Series | None:
    """The national template's 数据来源单位 column of these rows, when the sheet has one beside its unit column."""
    from ..quality.columns import quality_columns  # quality reads the ingest layer: imported when used

    columns = quality_columns(mapping.headers).get("source_unit", [])
    if "unit" not in mapping.columns or not columns or columns[0] not in kept.columns:
        return None
    return kept[columns[0]]


_COMPILER = re.compile(r"政府$|政府办|法制办|政务公开办")
_OFFICE_END = re.compile(r"(?:分局|局|委员会|委|办事处|办|大队|中心|所)$")


def disputed_unit(line: str | None, other: str | None, title: bool = False, units: dict | None = None) -> str | None:
    """``other``, when a 填报单位 line names a unit and the file name (or title row) names another: a template's
    line left over from the unit that lent it, or a wrong file name; neither is taken on trust. Never two names
    ``units`` (compliance.toml [units]) declares one unit's (区应急管理局 and its old name 区安全生产监督管理局)."""
    from .unit_spellings import as_declared, same_unit  # spellings read fields' tables: imported when a sheet is read

    if not line or not other or same_unit(unit_name(line), unit_name(other)) or same_core(line, other) \
            or (title and _COMPILER.search(other)):  # a title naming who compiled the table (区法制办…汇总表)
        return None
    declared = as_declared({unit_name(line), unit_name(other)}, units) if units else {}
    if declared.get(unit_name(line)) is not None and declared.get(unit_name(line)) == declared.get(unit_name(other)):
        return None
    a, b = (_OFFICE_END.sub("", unit_name(n)) for n in (line, other))
    if a.startswith(b) or b.startswith(a) or a in b or b in a:
        return None  # an office and its own part (区公安分局交警大队, 区交通运输综合执法大队), a street's 办事处
    return other


def record_units(cells: pd.Series, context, text=cell_text, offices_only: bool = False,
                 source: pd.Series | None = None, blocks: np.ndarray | None = None,
                 numbers: pd.Series | None = None) -> tuple[pd.Series, np.ndarray]:
    """(unit per record, problem code per record): the unit column, blank and 同上 cells filled down
    within the block; then the unit row above it (``blocks``: 一、区安监局 in a roll-up); then the
    填报单位 line; then the file name.

    All spelled one way (``unit_names``), so that the summary groups them as one unit. The problem says
    ``unit-from-file-name`` where only a file name that names no unit (台账.xlsx, 2016年10月报送.xlsx) was
    left, and ``unit-section`` where the column names a section of the office the sheet names (its
    填报单位 line or its file name): the record counts under the office."""
    cells = text(cells).reset_index(drop=True)
    above = _as_blank(cells)
    unit = unit_names(cells)
    party = unit.str.contains(PARTY_LIKE, na=False).to_numpy(bool)
    applicants = False  # a bare 单位名称 column of applicants (a licence ledger's): the party, as expected; no word
    if offices_only:  # a bare 单位名称 column: a cell that names no office (张三, 某建材批发部) is the party
        named = _names_an_office(unit)
        filled = unit.ne("").to_numpy(bool) & ~above
        party = party | (filled & ~named)
        strong = unit.str.contains(APPLICANT_LIKE, na=False).to_numpy(bool)  # not only "names no office" (安监)
        if filled.any() and strong[filled].mean() > 0.5:
            party = filled  # mostly applicants (学校, 幼儿园): so is the 卫生服务中心 among them
        applicants = bool(filled.any() and party[filled].all())  # not one office among them: the party column
    unit = unit.where(unit.ne("") & ~above & ~party)
    # a joint decision counts for the office whose ledger lists it (each answers for its own), said on the record
    several = _several_offices(cells) & ~party
    owner = context.unit_line or (context.fallback_unit if context.fallback_named else None)
    if several.any():  # (a sheet of no unit of its own: the 代字 may tell, _by_code_word; the file name else)
        unit = unit.mask(several, unit_name(owner) if owner is not None else None)
    if source is not None:  # a blank 处罚机关 beside the row's own 数据来源单位: that unit, not the row above's
        raw = text(source).reset_index(drop=True)
        own = unit_names(raw)
        office = _names_an_office(own) & ~own.str.contains(PARTY_LIKE, na=False).to_numpy(bool) \
            & ~_as_blank(raw)  # an office's name, never 同上 or a company
        # the platform that sends the data (区政务服务和大数据管理局 on every row) is no row's office: the column
        # fills a blank only where, on rows that name their office, it names that office at least once
        both = unit.notna().to_numpy(bool) & office
        from .unit_spellings import same_unit  # spellings read fields' tables: imported when a sheet is read

        pairs = set(zip(unit[both], own[both]))  # few: an office and how the column spells it
        if not pairs or any(a == b or same_unit(a, b) for a, b in pairs):
            unit = unit.where(unit.notna() | above | ~office | party, own)
    segments = None if blocks is None else pd.Series(blocks, dtype=object).fillna("")
    # blank, 同上 / 〃: the unit above, within its block (一、区安监局 … 二、区环保局: not across)
    carried = getattr(context, "carried_unit", None) if segments is None or not segments.iloc[:1].any() else None
    if carried is not None and len(unit) and pd.isna(unit.iloc[0]):  # under a repeated page header: the page above's
        unit = pd.concat([pd.Series([carried], dtype=object), unit], ignore_index=True).ffill().iloc[1:] \
            .reset_index(drop=True)
    unit = unit.ffill() if segments is None else unit.groupby(segments.ne(segments.shift()).cumsum()).ffill()
    if hasattr(context, "ended_unit"):
        context.ended_unit = unit.iloc[-1] if len(unit) and pd.notna(unit.iloc[-1]) else None
    unit = unit.mask(party)  # a company's row never takes the unit above it either
    if blocks is not None:
        named = unit_names(pd.Series(blocks, dtype=object).fillna(""))
        unit = unit.where(unit.notna() | party, named.where(named.ne("")))
    section, village = np.zeros(len(unit), dtype=bool), np.zeros(len(unit), dtype=bool)
    if owner is not None:
        section = unit.fillna("").str.match(SECTION).to_numpy(bool) | own_parts(unit, unit_name(owner))
        village = unit.fillna("").str.match(VILLAGE).to_numpy(bool) & ~section & bool(_TOWN.search(unit_name(owner)))
        unit = unit.mask(section | village, unit_name(owner))
    # a village in a table of other units (a roll-up: no town owns the sheet) is no unit either: the one unit whose
    # rows here use its 文书号's 代字 (章镇罚: 章山镇人民政府), else it stays, said (review rev66 #5)
    lone = unit.fillna("").str.match(VILLAGE).to_numpy(bool) & ~section & ~village & ~party
    placed = np.zeros(len(unit), dtype=bool)
    if lone.any() and numbers is not None:
        found = _unit_of_code_word(unit, lone, numbers)
        placed = lone & pd.notna(found)
        unit = unit.mask(placed, pd.Series(found, dtype=object))
    pasted = np.zeros(len(unit), dtype=bool) if owner is None or numbers is None else \
        _pasted(unit, unit_name(owner), numbers)
    unit = unit.mask(pasted, unit_name(owner)) if pasted.any() else unit
    disputed = unit.isna().to_numpy(bool) & ~party & (context.disputed is not None)
    if disputed.any():  # the line (else the file name) and the other differ: the side the 文书号's 代字 take, if one
        first = context.unit_line or context.fallback_unit
        # a title against the file name: said, the file decides (a renamed office keeps its old 代字: 西城管罚)
        sided = numbers_side_with(set(code_words(numbers)[disputed]) if numbers is not None else (),
                                  first, context.disputed) if context.unit_line else None
        unit = unit.mask(disputed, unit_name(sided or first))
    fallback = unit_name(context.unit_line or context.fallback_unit)
    # a blank unit cell above every named one in a table of other units (区政府办's roll-up): the file's
    # unit is a guess that may blame the office that only compiled it
    named = set(unit.dropna()) | getattr(context, "named_units", set())  # a table above in the sheet too
    if hasattr(context, "named_units"):
        context.named_units |= set(unit.dropna())
    among = unit.isna().to_numpy(bool) & ~party & ~several & bool(named - {fallback})
    by_word = _by_code_word(unit, among | several, numbers) if owner is None and numbers is not None \
        else np.zeros(len(unit), dtype=bool)
    unit = unit.mask(several & ~by_word, fallback)  # a joint cell the 代字 does not settle: the sheet's unit
    unknown = unit.isna().to_numpy(bool) & (context.unit_line is None) & (not context.fallback_named)
    folder = unit.isna().to_numpy(bool) & ~party & getattr(context, "by_folder", False)
    elsewhere = _other_offices(unit, owner, ~(section | village | pasted | party | several)) if owner is not None \
        else np.zeros(len(unit), dtype=bool)
    codes = np.full(len(unit), None, dtype=object)
    for rows, code in ((elsewhere, "unit-cell-other-office"), (section, "unit-section"), (village | placed, "unit-village"),
                       (lone & ~placed, "unit-village-unplaced"),
                       (pasted, "unit-cell-differs"), (several, "unit-several-in-cell"),
                       (among, "unit-blank-among-units"), (folder, "unit-by-folder"), (disputed, "unit-line-disputed"),
                       (unknown & ~among, "unit-from-file-name"),  # a unit column there is: its blank is said
                       (by_word, "unit-by-code-word"),
                       (party, "unit-column-applicant" if applicants else "unit-column-party")):  # the last wins
        codes[rows] = code
    return unit.fillna(fallback), codes
