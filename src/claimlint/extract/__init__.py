"""Turn source files (text, Markdown, HTML) into Documents with exact source positions."""

from __future__ import annotations

from pathlib import Path

from claimlint.document import Document
from claimlint.errors import InputError

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_for(path: str, default: str | None = None) -> str | None:
    """The input format for a file name, or ``default`` for unknown extensions."""
    return FORMATS.get(Path(path).suffix.lower(), default)


def decode(data: bytes, path: str) -> str:
    """Decode file bytes as UTF-8 (a BOM is dropped); binary or invalid data is an InputError."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not linted")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), not linted"
        ) from exc


def read_source(path: Path) -> str:
    """Read and decode a file, keeping its line endings."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file: {exc.strerror or exc}") from exc
    return decode(data, str(path))


def load_document(path: str, source: str, fmt: str) -> Document:
    """Build the Document for already-decoded source text in the given format."""
    if fmt == "markdown":
        from claimlint.extract.markdown import extract_markdown

        return extract_markdown(path, source)
    if fmt == "html":
        from claimlint.extract.html import extract_html

        return extract_html(path, source)
    from claimlint.extract.text import extract_text

    return extract_text(path, source)
