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
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .fields import FIELDS, FieldRules
from .errors import ConfigError, RuleError, os_reason
from .ingest.readers import DEFAULT_MAX_UNCOMPRESSED
from .rules import RuleSet, from_config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_NAME = "compliance.toml"
SECTIONS = {"columns", "limits", "rules", "units", "web"}
LIMIT_KEYS = {"max_uncompressed_mb"}


@dataclass(frozen=True)
class WebSettings:
    """Limits of `compliance serve`, from the [web] table."""

    max_upload_mb: float = 50
    max_files: int = 50
    report_ttl_minutes: float = 60


@dataclass
class Config:
    columns: FieldRules = field(default_factory=FieldRules)  # [columns]: for ledgers and online lists
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED
    rules: RuleSet | None = None  # [rules], validated; None: the caller's or the default rule
    units: dict[str, list[str]] = field(default_factory=dict)  # declared name -> the names units also use
    path: str | None = None
    web: WebSettings = field(default_factory=WebSettings)


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Read ``path``, or ``compliance.toml`` in the working directory if present."""
    if path is None:
        candidate = (cwd or Path.cwd()) / DEFAULT_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    path = Path(path)
    data = _read_toml(path)
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
    try:
        max_mb = float(limits.get("max_uncompressed_mb", DEFAULT_MAX_UNCOMPRESSED / (1 << 20)))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"配置文件 {path}：[limits] max_uncompressed_mb 应为数字") from exc
    rules = None
    if "rules" in data:
        try:
            rules = from_config(data["rules"], f"配置文件 {path.name}")
        except RuleError as exc:
            raise ConfigError(f"{exc.message}（{path}）") from exc
    return Config(FieldRules().with_synonyms(synonyms), int(max_mb * (1 << 20)), rules,
                  units=_units(data.get("units", {}), path), path=str(path),
                  web=_web_settings(data.get("web", {}), path))


_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"配置文件 {path} 无法读取（{os_reason(exc)}）") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 不是 UTF-8 编码，请用记事本另存为 UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        where = _TOML_WHERE.search(str(exc))
        line = f"第 {where.group(1)} 行第 {where.group(2)} 列" if where else "末尾（可能缺少 ] 或 \"）"
        raise ConfigError(f"配置文件 {path} {line}格式有误（TOML 语法：节名写作 [rules]，"
                          f"每项写作 名称 = 值，文字加英文双引号）") from exc


def _web_settings(table, path: Path) -> WebSettings:
    if not isinstance(table, dict):
        raise ConfigError(f"配置文件 {path}：[web] 格式有误")
    known = {"max_upload_mb": float, "max_files": int, "report_ttl_minutes": float}
    values = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"配置文件 {path}：[web] 中的“{key}”不是可识别的设置，可用：{', '.join(known)}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0 \
                or (known[key] is int and value != int(value)):
            kind = "正整数" if known[key] is int else "正数"
            raise ConfigError(f"配置文件 {path}：[web] {key} 应为{kind}，现为“{value}”")
        values[key] = known[key](value)
    return WebSettings(**values)


def _units(table, path: Path) -> dict[str, list[str]]:
    """[units] "区人社局" = ["西塞山区人力资源和社会保障局", …]: every output groups by the declared name."""
    if not isinstance(table, dict):
        raise ConfigError(f"配置文件 {path}：[units] 应为“单位简称 = [全称, …]”")
    units: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for name, aliases in table.items():
        if isinstance(aliases, str):
            aliases = [aliases]
        if not (isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)):
            raise ConfigError(f"配置文件 {path}：[units] 中“{name}”应为单位名称的列表，"
                              f"例如 \"{name}\" = [\"全称\"]")
        for alias in aliases:
            if owner.get(alias, name) != name:
                raise ConfigError(f"配置文件 {path}：[units] 中“{alias}”同时属于“{owner[alias]}”和“{name}”")
            owner[alias] = name
        units[name] = list(aliases)
    return units
