"""Output formats; each renders a Report to a text stream."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module
from typing import TextIO, cast

from claimlint.report import Report

Renderer = Callable[[Report, TextIO, bool], None]

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "html")


def resolve(name: str) -> str:
    """The concrete format for a name: `auto` is github under GitHub Actions, else text."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return name


def renderer(name: str) -> Renderer:
    """The render function for a format name (imported lazily to keep start-up fast)."""
    name = resolve(name)
    if name not in FORMATS:
        raise ValueError(f"unknown output format {name!r}")
    return cast(Renderer, import_module(f"claimlint.output.{name}").render)
