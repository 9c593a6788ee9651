"""The optional ``compliance.toml``: extra column synonyms, limits and rules.

Example::

    [columns]
    decision_date = ["签发日期"]
    published_date = ["网站发布日"]

    [limits]
    max_uncompressed_mb = 1024

    [rules]
    permit = 20
    penalty = 20

    [[rules.change]]          # from this decision date on, another rule applies
    from = "2019-01-01"
    permit = 7
    penalty = 7

    [web]                     # `compliance serve`
    max_upload_mb = 50
    max_files = 50
    report_ttl_minutes = 60
    max_reports_mb = 500
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .fields import FIELDS, FieldRules
from .errors import ConfigError, RuleError, os_reason
from .ingest.isolate import ReadLimits
from .ingest.readers import DEFAULT_MAX_UNCOMPRESSED
from .rules import RuleSet, from_config
from .toml_where import key_line, where

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_NAME = "compliance.toml"
SECTIONS = {"columns", "exempt", "limits", "quality", "rules", "units", "web"}
LIMIT_KEYS = {"max_uncompressed_mb", "max_read_memory_mb", "max_read_seconds"}


@dataclass(frozen=True)
class WebSettings:
    """Limits of `compliance serve`, from the [web] table."""

    max_upload_mb: float = 50
    max_files: int = 50
    report_ttl_minutes: float = 60
    max_reports_mb: float = 500  # reports kept for download, all together; the oldest go first


@dataclass
class Config:
    columns: FieldRules = field(default_factory=FieldRules)  # [columns]: for ledgers and online lists
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED
    rules: RuleSet | None = None  # [rules], validated; None: the caller's or the default rule
    units: dict[str, list[str]] = field(default_factory=dict)  # declared name -> the names units also use
    path: str | None = None
    web: WebSettings = field(default_factory=WebSettings)
    read_limits: ReadLimits = field(default_factory=ReadLimits)  # memory and time one file's reader may use
    amount_limit: float = 10_000.0  # [quality] amount_limit_wan: an amount in 万元 this large was entered in 元
    confirmed_exempt: tuple[str, ...] = ()  # [exempt] confirmed: document numbers 法制办 confirmed as not published


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Read ``path``, or ``compliance.toml`` in the working directory if present."""
    if path is None:
        candidate = (cwd or Path.cwd()) / DEFAULT_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    path = Path(path)
    text, data = _read_toml(path)
    unknown = sorted(set(data) - SECTIONS)
    if unknown:
        raise ConfigError(f"配置文件 {path}：没有 [{unknown[0]}] 这一节，可用：" + "、".join(f"[{s}]" for s in sorted(SECTIONS)))
    synonyms = data.get("columns", {})
    if not isinstance(synonyms, dict):
        raise ConfigError(f"配置文件 {path}：[columns] 应为“字段 = [同义词, …]”")
    for name, words in synonyms.items():
        if name not in FIELDS:
            raise ConfigError(f"配置文件 {path}：[columns] 中的“{name}”不是可识别的字段，"
                              f"可用：{', '.join(FIELDS)}")
        if isinstance(words, str):
            synonyms[name] = [words]
        elif not (isinstance(words, list) and all(isinstance(w, str) for w in words)):
            raise ConfigError(f"配置文件 {path}：[columns] {name} 应为字符串列表")
    limits = data.get("limits", {})
    if not isinstance(limits, dict) or set(limits) - LIMIT_KEYS:
        raise ConfigError(f"配置文件 {path}：[limits] 中只能有 {'、'.join(sorted(LIMIT_KEYS))}")
    max_mb = limits.get("max_uncompressed_mb", DEFAULT_MAX_UNCOMPRESSED / (1 << 20))
    _check_limit(max_mb, float, path, text, "limits", "max_uncompressed_mb")
    rules = None
    if "rules" in data:
        try:
            rules = from_config(data["rules"], f"配置文件 {path.name}")
        except RuleError as exc:
            line = key_line(text, "rules.change", exc.key, exc.change) if exc.change else \
                key_line(text, "rules", exc.key) if exc.key else None
            raise ConfigError(f"{where(path, line)}：{exc.message.removeprefix('配置文件 ')}") from exc
    return Config(FieldRules().with_synonyms(synonyms), int(max_mb * (1 << 20)), rules,
                  units=_units(data.get("units", {}), path, text), path=str(path),
                  web=_web_settings(data.get("web", {}), path, text),
                  read_limits=_read_limits(limits, path, text),
                  amount_limit=_amount_limit(data.get("quality", {}), path, text),
                  confirmed_exempt=_confirmed(data.get("exempt", {}), path, text))


def _amount_limit(table, path: Path, text: str) -> float:
    """[quality] amount_limit_wan = 10000: the 万元 amount from which a fine looks entered in 元."""
    if not isinstance(table, dict) or set(table) - {"amount_limit_wan"}:
        raise ConfigError(f"配置文件 {path}：[quality] 中只能有 amount_limit_wan（金额上限，万元）")
    if "amount_limit_wan" not in table:
        return 10_000.0
    _check_limit(table["amount_limit_wan"], float, path, text, "quality", "amount_limit_wan")
    return float(table["amount_limit_wan"])


def _confirmed(table, path: Path, text: str) -> tuple[str, ...]:
    """[exempt] confirmed = ["西安监罚〔2016〕7号"]: a unit's 不公开 claim confirmed by 法制办."""
    if not isinstance(table, dict) or set(table) - {"confirmed"}:
        raise ConfigError(f"配置文件 {path}：[exempt] 中只能有 confirmed（法制办确认不公开的文书号列表）")
    numbers = table.get("confirmed", [])
    if not (isinstance(numbers, list) and all(isinstance(n, str) for n in numbers)):
        raise ConfigError(f"{where(path, key_line(text, 'exempt', 'confirmed'))}：[exempt] confirmed 应为文书号的列表，"
                          f"例如 confirmed = [\"西安监罚〔2016〕7号\"]")
    return tuple(numbers)


# A limit is a positive, finite number; past this it stops meaning anything (1 TB, 1,000,000 files, 100 years).
LIMIT_CEILING = {float: 1 << 20, int: 1_000_000}


def _check_limit(value, kind: type, path: Path, text: str, table: str, key: str) -> None:
    """nan, inf, 0, negatives and non-numbers are refused with the file and line, not met later as 内部错误."""
    ok = not isinstance(value, bool) and isinstance(value, (int, float)) and math.isfinite(value) \
        and 0 < value <= LIMIT_CEILING[kind] and (kind is float or value == int(value))
    if not ok:
        wanted = "正整数" if kind is int else "正数"
        raise ConfigError(f"{where(path, key_line(text, table, key))}：[{table}] {key} 应为{wanted}"
                          f"（大于 0，不超过 {LIMIT_CEILING[kind]:,}），现为“{value}”")


def _read_limits(limits: dict, path: Path, text: str) -> ReadLimits:
    """[limits] max_read_memory_mb and max_read_seconds: positive, finite numbers (docs/limits.md)."""
    values = {}
    for key, name, kind in (("max_read_memory_mb", "memory_mb", int), ("max_read_seconds", "seconds", float)):
        if key in limits:
            _check_limit(limits[key], kind, path, text, "limits", key)
            values[name] = kind(limits[key])
    return ReadLimits(**values)


_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _read_toml(path: Path) -> tuple[str, dict]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
        return text, tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"配置文件 {path} 无法读取（{os_reason(exc)}）") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 不是 UTF-8 编码，请用记事本另存为 UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        at = _TOML_WHERE.search(str(exc))
        line = f"第 {at.group(1)} 行第 {at.group(2)} 列" if at else "末尾（可能缺少 ] 或 \"）"
        if str(exc).startswith(("Cannot overwrite a value", "Cannot declare")):  # tomllib's words for a repeat
            raise ConfigError(f"配置文件 {path} {line}：这一项或这一节在前面已经写过一次，同一项（同一单位）"
                              "只能写一次，请与前面的合并") from exc
        raise ConfigError(f"配置文件 {path} {line}格式有误（TOML 语法：节名写作 [rules]，"
                          f"每项写作 名称 = 值，文字加英文双引号）") from exc


def _web_settings(table, path: Path, text: str) -> WebSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"配置文件 {path}：[web] 格式有误")
    known = {"max_upload_mb": float, "max_files": int, "report_ttl_minutes": float, "max_reports_mb": float}
    values = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"{where(path, key_line(text, 'web', key))}：[web] 中的“{key}”不是可识别的设置，"
                              f"可用：{', '.join(known)}")
        _check_limit(value, known[key], path, text, "web", key)
        values[key] = known[key](value)
    return WebSettings(**values)


def _units(table, path: Path, text: str) -> dict[str, list[str]]:
    """[units] "区人社局" = ["西塞山区人力资源和社会保障局", …]: every output groups by the declared name."""
    if not isinstance(table, dict):
        raise ConfigError(f"配置文件 {path}：[units] 应为“单位简称 = [全称, …]”")
    units: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    declared: dict[str, str] = {}
    for name in table:
        at = where(path, key_line(text, "units", name))
        if not _spelled(name):
            raise ConfigError(f"{at}：[units] 中有一个单位的名称是空的，请写上单位名称")
        if _spelled(name) in declared:  # "区人社局" and "区 人社局": one unit, its records under one name only
            raise ConfigError(f"{at}：[units] 中“{name}”与“{declared[_spelled(name)]}”是同一个单位（只差空格或全角、半角），"
                              "请合并为一行")
        declared[_spelled(name)] = name
    for name, aliases in table.items():
        at = where(path, key_line(text, "units", name))
        if isinstance(aliases, str):
            aliases = [aliases]
        if not (isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)):
            raise ConfigError(f"{at}：[units] 中“{name}”应为单位名称的列表，例如 \"{name}\" = [\"全称\"]")
        for alias in aliases:
            other = declared.get(_spelled(alias), name)
            if other != name:  # 甲 = [乙] with 乙 = […]: two declared units would silently become one
                raise ConfigError(f"{at}：[units] 中“{name}”的别名“{alias}”本身也是一个单位（“{other}”），"
                                  "两个单位会被合并为一个。请删去这个别名，或把两行合并为一行")
            if owner.get(_spelled(alias), name) != name:
                raise ConfigError(f"{at}：[units] 中“{alias}”同时属于“{owner[_spelled(alias)]}”和“{name}”")
            owner[_spelled(alias)] = name
        units[name] = list(aliases)
    return units


def _spelled(name: str) -> str:
    """Names compared as the loader compares them (full-width forms and spaces do not make another unit)."""
    return "".join(unicodedata.normalize("NFKC", name).split())
