"""Configuration: `.claimlint.yaml` or `[tool.claimlint]` in pyproject.toml, found upward."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimlint.errors import ConfigError, LocatedError
from claimlint.packs import did_you_mean
from claimlint.rules import Rule, Severity
from claimlint.taxonomy import JURISDICTIONS
from claimlint.yamlio import MarkedDict, load_marked

CONFIG_NAMES = (".claimlint.yaml", ".claimlint.yml")
KEYS = (
    "packs",
    "rule_paths",
    "select",
    "ignore",
    "severity",
    "exclude",
    "per_file_ignores",
    "fail_on",
    "jurisdiction",
    "require_suppression_reason",
)
DEFAULT_EXCLUDES = (".git", "node_modules", ".venv", "venv", "__pycache__", ".claimlint_cache", ".tox")


@dataclass
class Config:
    """The effective configuration for one run."""

    path: str | None = None
    root: Path = field(default_factory=Path.cwd)
    packs: list[str] | None = None
    rule_paths: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    jurisdiction: str | None = None
    require_suppression_reason: bool = False

    def selects(self, rule: Rule) -> bool:
        """Whether select/ignore leave this rule enabled."""
        keys = (rule.code, rule.name, rule.category, rule.pack, *rule.aliases)

        def hit(entries: list[str]) -> bool:
            return any(k == e or (e[:2].isupper() and k.startswith(e)) for e in entries for k in keys)

        return (not self.select or hit(self.select)) and not hit(self.ignore)

    def severity_for(self, rule: Rule) -> Severity | None:
        """Effective severity (config override, else jurisdiction, else default); None = off."""
        base = rule.severity_in(self.jurisdiction)
        if base is None:
            return None
        for key in (rule.code, rule.name, rule.category):
            if key in self.severity:
                value = self.severity[key]
                return None if value == "off" else Severity(value)
        return base

    def excluded(self, path: Path) -> bool:
        """Whether a path matches a default or configured exclude pattern."""
        parts = path.parts
        if any(p in DEFAULT_EXCLUDES for p in parts):
            return True
        text = path.as_posix()
        return any(
            fnmatch.fnmatch(text, pat) or fnmatch.fnmatch(path.name, pat) or any(fnmatch.fnmatch(p, pat) for p in parts)
            for pat in self.exclude
        )

    def ignored_for(self, path: str) -> list[str]:
        """Codes, names or categories ignored for this file by per_file_ignores."""
        out: list[str] = []
        name = Path(path).name
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(name, pattern):
                out.extend(codes)
        return out


def find_config(start: Path) -> Path | None:
    """The nearest `.claimlint.yaml` or pyproject.toml with [tool.claimlint], upward from start."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                if (
                    "tool" in (data := tomllib.loads(pyproject.read_text(encoding="utf-8")))
                    and "claimlint" in data["tool"]
                ):
                    return pyproject
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return None


def load_config(path: Path | None) -> Config:
    """Load and validate a config file (or return defaults when path is None)."""
    if path is None:
        return Config()
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(shown, 1, 1, f"cannot read config: {exc}") from exc
    if path.name == "pyproject.toml":
        return _from_toml(text, path)
    try:
        data = load_marked(text, shown)
    except LocatedError as exc:
        raise ConfigError(shown, exc.line, exc.column, exc.problem) from exc
    if data is None:
        data = MarkedDict()
        data.key_marks, data.value_marks = {}, {}
    if not isinstance(data, MarkedDict):
        raise ConfigError(shown, 1, 1, "the config must be a mapping")

    def where(key: str) -> tuple[int, int]:
        return data.where_value(key) if key else data.mark

    return _build(dict(data), path, where)


def _from_toml(text: str, path: Path) -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 1)
        col = getattr(exc, "colno", 1)
        raise ConfigError(str(path), line, col, f"TOML syntax error: {exc}") from exc
    section = data.get("tool", {}).get("claimlint", {})
    lines = text.splitlines()

    def where(key: str) -> tuple[int, int]:
        in_section = False
        for i, line in enumerate(lines, 1):
            stripped = line.strip()
            if stripped.startswith("["):
                in_section = stripped.startswith("[tool.claimlint")
            elif in_section and re.match(rf"{re.escape(key)}\s*=", stripped):
                return i, line.index(key) + 1
        return 1, 1

    return _build(section, path, where)


def _build(data: dict[str, Any], path: Path, where: Any) -> Config:
    shown = str(path)

    def fail(key: str, problem: str) -> ConfigError:
        line, col = where(key)
        return ConfigError(shown, line, col, problem)

    for key in data:
        if key not in KEYS:
            raise fail(key, f"unknown config key '{key}'{did_you_mean(key, KEYS)}")

    def strings(key: str) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, f"'{key}' must be a list of strings")
        return [str(v) for v in value]

    config = Config(path=shown, root=path.parent)
    if "packs" in data:
        config.packs = strings("packs")
    config.rule_paths = [path.parent / p for p in strings("rule_paths")]
    config.select = strings("select")
    config.ignore = strings("ignore")
    config.exclude = strings("exclude")
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise fail("severity", "'severity' must map rule codes or categories to error/warning/info/off")
    for key, value in severity.items():
        if value not in ("error", "warning", "info", "off"):
            raise fail("severity", f"severity for '{key}' must be error, warning, info or off, got {value!r}")
        config.severity[str(key)] = str(value)
    pfi = data.get("per_file_ignores", {})
    if not isinstance(pfi, dict) or not all(isinstance(v, list) for v in pfi.values()):
        raise fail("per_file_ignores", "'per_file_ignores' must map file globs to lists of codes")
    config.per_file_ignores = {str(k): [str(c) for c in v] for k, v in pfi.items()}
    if "fail_on" in data:
        try:
            config.fail_on = Severity(data["fail_on"])
        except ValueError:
            raise fail("fail_on", f"'fail_on' must be error, warning or info, got {data['fail_on']!r}") from None
    if "jurisdiction" in data:
        jur = data["jurisdiction"]
        if jur not in JURISDICTIONS:
            raise fail("jurisdiction", f"unknown jurisdiction {jur!r}{did_you_mean(str(jur), JURISDICTIONS)}")
        config.jurisdiction = str(jur)
    if "require_suppression_reason" in data:
        if not isinstance(data["require_suppression_reason"], bool):
            raise fail("require_suppression_reason", "'require_suppression_reason' must be true or false")
        config.require_suppression_reason = data["require_suppression_reason"]
    return config
