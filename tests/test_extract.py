"""Each input format maps prose back to the exact source characters."""

from __future__ import annotations

from claimlint.document import Document
from claimlint.extract import decode, load_document


def prose_of(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.prose[s.start : s.end] for s in doc.segments if kind is None or s.kind == kind]


def source_of(doc: Document, phrase: str) -> str:
    """The source text that a prose phrase maps back to."""
    start = doc.prose.index(phrase)
    a, b = doc.to_source(start, start + len(phrase))
    return doc.source[a:b]


def assert_roundtrip(doc: Document, phrase: str, expected_source: str | None = None) -> None:
    assert source_of(doc, phrase) == (expected_source or phrase)


# -- plain text ---------------------------------------------------------------------------------


def test_text_lines_become_units_and_map_exactly() -> None:
    src = "Our Clinic\r\nWe offer guaranteed results.\r\n\r\n- Café visits are risk-free\r\n"
    doc = load_document("a.txt", src, "text")
    assert prose_of(doc) == ["Our Clinic", "We offer guaranteed results.", "Café visits are risk-free"]
    assert [s.kind for s in doc.segments] == ["heading", "paragraph", "list_item"]
    assert_roundtrip(doc, "risk-free")
    start = src.index("risk-free")
    assert doc.position(start, start + 9).line == 4
    assert doc.position(start, start + 9).column == src.split("\r\n")[3].index("risk-free") + 1


def test_text_wrapped_lines_join_into_one_sentence() -> None:
    doc = load_document("a.txt", "Our cells are completely\nsafe for everyone.\n", "text")
    assert prose_of(doc) == ["Our cells are completely\nsafe for everyone."]
    assert_roundtrip(doc, "completely\nsafe")


def test_text_tables_become_cells_with_headers() -> None:
    doc = load_document("a.txt", '| Myth | Fact |\n|---|---|\n| "No risk" | All risky |\n', "text")
    cells = [(doc.prose[s.start : s.end], s.column_header) for s in doc.segments]
    assert cells[-2:] == [('"No risk"', "Myth"), ("All risky", "Fact")]


def test_text_directive_lines_are_comments_not_prose() -> None:
    doc = load_document("a.txt", "claimlint: disable-next-line CL0401\nGuaranteed.\n", "text")
    assert prose_of(doc) == ["Guaranteed."]
    assert doc.comments[0].text == "claimlint: disable-next-line CL0401"


def test_bom_is_dropped_and_offsets_count_from_the_first_real_character() -> None:
    text = decode("\ufeffRésultats garantis\n".encode(), "x.txt")
    assert text.startswith("Résultats")
    doc = load_document("x.txt", text, "text")
    assert doc.position(0, 9).column == 1


def test_decode_rejects_binary_and_invalid_utf8() -> None:
    import pytest

    from claimlint.errors import InputError

    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01PNG", "a.txt")
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode(b"caf\xe9", "a.txt")


# -- Markdown -----------------------------------------------------------------------------------

MD = (
    "---\ntitle: Guaranteed cure\n---\n"
    "# The *best* clinic\r\n\r\n"
    "We offer **guaranteed** results &amp; [a cure](https://x.org/guaranteed-cure) for café owners.\r\n"
    "<!-- claimlint-disable CL0401 -->\r\n\r\n"
    "- Be wary of `guaranteed` claims\r\n"
    "- ![Before &amp; after photo](ba.png)\r\n\r\n"
    "| Myth | Fact |\r\n|---|---|\r\n| Zero risk | Some risk |\r\n\r\n"
    "```\r\nguaranteed in code\r\n```\r\n"
)


def test_markdown_skips_front_matter_code_comments_and_urls() -> None:
    doc = load_document("a.md", MD, "markdown")
    assert "title" not in doc.prose
    assert "in code" not in doc.prose
    assert "x.org" not in doc.prose
    assert "claimlint-disable" not in doc.prose
    assert "`" not in doc.prose
    assert doc.comments[0].text == "claimlint-disable CL0401" and doc.comments[0].alone


def test_markdown_lints_headings_lists_cells_link_text_and_alt() -> None:
    doc = load_document("a.md", MD, "markdown")
    assert prose_of(doc, "heading") == ["The best clinic"]
    assert "We offer guaranteed results & a cure for café owners." in prose_of(doc, "paragraph")
    assert prose_of(doc, "list_item")[0].startswith("Be wary of")
    assert "Zero risk" in prose_of(doc, "table_cell")
    assert prose_of(doc, "alt") == ["Before & after photo"]
    cell = next(s for s in doc.segments if doc.prose[s.start : s.end] == "Zero risk")
    assert cell.column_header == "Myth"


def test_markdown_positions_point_into_the_original_file() -> None:
    doc = load_document("a.md", MD, "markdown")
    assert_roundtrip(doc, "guaranteed results & a cure", "guaranteed** results &amp; [a cure")
    assert_roundtrip(doc, "café owners")
    assert_roundtrip(doc, "Before & after", "Before &amp; after")
    start = doc.prose.index("café owners")
    a, b = doc.to_source(start, start + len("café owners"))
    pos = doc.position(a, b)
    line = MD.split("\n")[pos.line - 1]
    assert line[pos.column - 1 : pos.end_column - 1] == "café owners"


def test_markdown_escapes_and_entities_map_to_their_source() -> None:
    src = "Fees from \\$500 &mdash; 100\\% safe.\n"
    doc = load_document("a.md", src, "markdown")
    assert doc.prose == "Fees from $500 — 100% safe."
    assert_roundtrip(doc, "100% safe", "100\\% safe")
    assert_roundtrip(doc, "$500 —", "\\$500 &mdash;")


def test_markdown_blockquote_and_nested_list_continuations() -> None:
    src = "> Patients say our cells\n> work miracles.\n\n1. First item\n   continues here\n"
    doc = load_document("a.md", src, "markdown")
    assert prose_of(doc, "blockquote") == ["Patients say our cells\nwork miracles."]
    assert_roundtrip(doc, "cells\nwork", "cells\n> work")
    assert prose_of(doc, "list_item") == ["First item\ncontinues here"]


# -- HTML ---------------------------------------------------------------------------------------

HTML = (
    "<!DOCTYPE html>\r\n<html><head><title>Best &amp; only clinic</title>\r\n"
    '<meta name="description" content="Cures &quot;everything&quot;">\r\n'
    "<style>.a{content:'guaranteed'}</style><script>var risk='free';</script></head>\r\n"
    "<body><h1>Caf&eacute; &#38; cure</h1>\r\n"
    '<p>We <b>guarantee</b> results <a href="https://guaranteed.example" title="No risk">here</a>.'
    '<img src="x.png" alt="Before &amp; after"></p>\r\n'
    "<table><tr><th>Myth</th><th>Fact</th></tr><tr><td>Zero risk</td><td>Some risk</td></tr></table>\r\n"
    "<!-- claimlint-disable-next-line -->\r\n<p>&lt;script&gt; is text</p></body></html>\r\n"
)


def test_html_visible_text_and_attributes() -> None:
    doc = load_document("a.html", HTML, "html")
    assert prose_of(doc, "title") == ["Best & only clinic"]
    assert prose_of(doc, "meta") == ['Cures "everything"']
    assert prose_of(doc, "heading") == ["Café & cure"]
    assert "We guarantee results here." in prose_of(doc, "paragraph")
    assert prose_of(doc, "alt") == ["Before & after"]
    assert prose_of(doc, "attribute") == ["No risk"]
    assert "guaranteed.example" not in doc.prose
    assert "var risk" not in doc.prose and "content:" not in doc.prose
    assert "<script> is text" in doc.prose


def test_html_positions_and_entities() -> None:
    doc = load_document("a.html", HTML, "html")
    assert_roundtrip(doc, "Café & cure", "Caf&eacute; &#38; cure")
    assert_roundtrip(doc, "guarantee results", "guarantee</b> results")
    assert_roundtrip(doc, 'Cures "everything"', "Cures &quot;everything&quot;")
    start = doc.prose.index("Zero risk")
    a, b = doc.to_source(start, start + 9)
    pos = doc.position(a, b)
    assert HTML.split("\n")[pos.line - 1][pos.column - 1 : pos.end_column - 1] == "Zero risk"


def test_html_table_headers_and_comments() -> None:
    doc = load_document("a.html", HTML, "html")
    cell = next(s for s in doc.segments if doc.prose[s.start : s.end] == "Zero risk")
    assert cell.column_header == "Myth"
    assert [c.text for c in doc.comments] == ["claimlint-disable-next-line"]
    assert doc.comments[0].alone


def test_markdown_comments_after_a_table_row_are_kept_but_not_in_code() -> None:
    src = "| a | b |\n|---|---|\n| x | y | <!-- ok: cat -->\n\n```\n<!-- not a comment -->\n```\n"
    doc = load_document("a.md", src, "markdown")
    assert [(c.text, c.alone) for c in doc.comments] == [("ok: cat", False)]
    assert doc.comments[0].start == src.index("<!--")
