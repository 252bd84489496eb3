"""The benchmark's corpus generator (benchmarks/generate.py): deterministic, sized, realistic.

These are not timing tests; they check that the corpus the benchmark measures is the corpus it
claims to be: the same bytes for the same seed, the requested pages and formats, claims that
claimlint reports next to traps that its context suppresses, and pages its extractors can read.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimlint.config import Config
from claimlint.engine import Linter
from claimlint.extract import format_for, load_document, read_source

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    if not GENERATOR.is_file():
        pytest.skip("benchmarks/generate.py is not available")
    spec = importlib.util.spec_from_file_location("claimlint_benchmark_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_same_seed_gives_identical_bytes(gen: ModuleType, tmp_path: Path) -> None:
    gen.generate_corpus(tmp_path / "a", 12, seed=7)
    gen.generate_corpus(tmp_path / "b", 12, seed=7)
    first, second = _digest(tmp_path / "a"), _digest(tmp_path / "b")
    assert len(first) == 12
    assert first == second


def test_different_seed_gives_different_pages(gen: ModuleType, tmp_path: Path) -> None:
    gen.generate_corpus(tmp_path / "a", 6, seed=1)
    gen.generate_corpus(tmp_path / "b", 6, seed=2)
    assert set(_digest(tmp_path / "a").values()).isdisjoint(_digest(tmp_path / "b").values())


def test_smaller_corpus_is_a_prefix_of_a_larger_one(gen: ModuleType, tmp_path: Path) -> None:
    gen.generate_corpus(tmp_path / "small", 5, seed=3)
    gen.generate_corpus(tmp_path / "large", 9, seed=3)
    small, large = _digest(tmp_path / "small"), _digest(tmp_path / "large")
    assert small.items() <= large.items()


def test_command_line_writes_the_requested_pages_and_formats(gen: ModuleType, tmp_path: Path) -> None:
    assert gen.main(["--pages", "9", "--seed", "4", "--out", str(tmp_path), "--formats", "html,txt"]) == 0
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 9
    assert {p.suffix for p in files} <= {".html", ".txt"}


@pytest.mark.parametrize("fmt,suffix", [("md", ".md"), ("html", ".html"), ("txt", ".txt")])
def test_single_format(gen: ModuleType, tmp_path: Path, fmt: str, suffix: str) -> None:
    paths = gen.generate_corpus(tmp_path, 4, seed=1, formats=[fmt])
    assert len(paths) == 4
    assert all(p.suffix == suffix for p in paths)


def test_default_mix_is_mostly_markdown_with_html_and_text(gen: ModuleType) -> None:
    pages = [gen.generate_page(1, i) for i in range(200)]
    counts = {fmt: sum(p.fmt == fmt for p in pages) for fmt in ("md", "html", "txt")}
    assert counts["md"] > counts["html"] + counts["txt"]
    assert counts["html"] > 0 and counts["txt"] > 0
    assert len({p.kind for p in pages}) >= 6  # landing, info, faq, testimonials, pricing, editorial, clean


def test_unknown_format_is_rejected(gen: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        gen.generate_corpus(tmp_path, 1, formats=["pdf"])


def test_pages_are_about_600_words_of_prose(gen: ModuleType) -> None:
    words = []
    for i in range(30):
        page = gen.generate_page(1, i)
        words.append(len(load_document(page.relpath, page.text, format_for(page.relpath)).prose.split()))
    assert 520 <= sum(words) / len(words) <= 680
    assert min(words) >= 400 and max(words) <= 900


def test_pages_parse_with_claimlints_extractors(gen: ModuleType, tmp_path: Path) -> None:
    for fmt in ("md", "html", "txt"):
        for kind in ("landing", "faq", "editorial"):
            page = gen.single_page(5, kind, fmt)
            path = tmp_path / f"{kind}{Path(page.relpath).suffix}"
            path.write_text(page.text, encoding="utf-8")
            doc = load_document(str(path), read_source(path), format_for(str(path)) or "text")
            kinds = {segment.kind for segment in doc.segments}
            assert "heading" in kinds and "paragraph" in kinds, (fmt, kind, kinds)
            assert len(doc.prose.split()) > 300
            # markup never leaks into the prose
            assert "<p>" not in doc.prose and "](" not in doc.prose and "**" not in doc.prose
            if fmt == "html":
                assert "dataLayer" not in doc.prose  # <script> skipped
                assert "border-collapse" not in doc.prose  # <style> skipped
                assert {"title", "meta"} <= kinds
            if fmt == "md":
                assert "layout: page" not in doc.prose  # front matter skipped


def test_markdown_structure(gen: ModuleType) -> None:
    texts = [gen.generate_page(2, i, ("md",)).text for i in range(40)]
    joined = "\n".join(texts)
    assert sum(t.startswith("---\n") for t in texts) > 10  # front matter on most pages
    for marker in ("\n# ", "\n## ", "\n- ", "| Myth | Fact |", "](/", "![", "\n> "):
        assert marker in joined, marker


def test_html_structure(gen: ModuleType) -> None:
    text = "\n".join(gen.generate_page(2, i, ("html",)).text for i in range(20))
    for marker in ("<title>", '<meta name="description"', "<nav>", "<script>", "<style>", "<table>", 'alt="'):
        assert marker in text, marker


def test_generated_pages_hold_claims_and_traps(gen: ModuleType) -> None:
    linter = Linter(Config())
    findings = suppressed = 0
    categories: set[str] = set()
    for kind in ("landing", "faq", "editorial"):
        page = gen.single_page(11, kind, "md")
        result = linter.lint_source(page.relpath, page.text, "markdown")
        findings += len(result.findings)
        suppressed += len(result.suppressed)
        categories.update(f.category for f in result.findings)
    assert findings > 0, "no claims were reported"
    assert suppressed > 0, "no trap was suppressed by context"
    assert len(categories) >= 3


def test_cold_start_pages(gen: ModuleType) -> None:
    """The clean cold-start page gives nothing to report; the other gives findings (default seed)."""
    linter = Linter(Config())
    clean = gen.cold_start_page(1, with_findings=False)
    result = linter.lint_source(clean.relpath, clean.text, "markdown")
    assert [f.code for f in result.findings] == [] and result.suppressed == []
    assert 500 <= len(load_document(clean.relpath, clean.text, "markdown").prose.split()) <= 700
    dirty = gen.cold_start_page(1, with_findings=True)
    assert linter.lint_source(dirty.relpath, dirty.text, "markdown").findings
