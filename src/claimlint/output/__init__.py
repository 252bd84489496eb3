"""Output formats; each renders a Report to a text stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from claimlint.report import Report

Renderer = Callable[[Report, TextIO, bool], None]


def renderer(name: str) -> Renderer:
    """The render function for a format name (imported lazily to keep start-up fast)."""
    if name == "json":
        from claimlint.output.json import render
    elif name == "concise":
        from claimlint.output.concise import render
    else:
        from claimlint.output.text import render
    return render


FORMATS = ("text", "concise", "json")
