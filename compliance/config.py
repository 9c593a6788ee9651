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
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from .ingest.columns import FIELDS, ColumnRules
from .errors import ConfigError
from .ingest.readers import DEFAULT_MAX_UNCOMPRESSED

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_NAME = "compliance.toml"


@dataclass
class Config:
    columns: ColumnRules = field(default_factory=ColumnRules)
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED
    rules: dict = field(default_factory=dict)  # raw [rules] table, read by rules.py
    units: dict[str, list[str]] = field(default_factory=dict)  # declared name -> the names units also use
    path: str | None = None


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Read ``path``, or ``compliance.toml`` in the working directory if present."""
    if path is None:
        candidate = (cwd or Path.cwd()) / DEFAULT_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    path = Path(path)
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"配置文件 {path} 无法读取（{exc.strerror or exc}）") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"配置文件 {path} 格式有误：{exc}") from exc
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
    try:
        max_mb = float(limits.get("max_uncompressed_mb", DEFAULT_MAX_UNCOMPRESSED / (1 << 20)))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"配置文件 {path}：[limits] max_uncompressed_mb 应为数字") from exc
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ConfigError(f"配置文件 {path}：[rules] 格式有误")
    return Config(ColumnRules().with_synonyms(synonyms), int(max_mb * (1 << 20)), rules,
                  units=_units(data.get("units", {}), path), path=str(path))


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
