"""--format html: a self-contained, escaped reviewer report, checked as text and in Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimlint.cli import cli
from claimlint.findings import Finding
from claimlint.output.html import highlight
from claimlint.rules import Severity

from .conftest import FIXTURES

PACK = str(FIXTURES / "ci-pack.yaml")
HOSTILE = "<script>document.title='pwned'</script>"
PAGE = (
    "# Our team\n\n"
    f"Our world-class team {HOSTILE} is here.\n\n"
    "We promise guaranteed results. Hurry!\n"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def finding(start: int, end: int, severity: Severity = Severity.ERROR, code: str = "TX0601") -> Finding:
    return Finding("a.md", code, "n", "superlative_exclusivity", severity, "m", 1, start + 1, 1, end + 1,
                   start, end, "")


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "team.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "clean.md").write_text("Our clinic opens at nine.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--rules", PACK, "--select", "TX", "--format", "html",
                                      "--output", "report.html", "team.md", "clean.md"])
    assert result.exit_code == 1, result.output
    return tmp_path / "report.html"


def test_copy_and_rule_text_are_escaped(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page
    assert "CAP &lt;code&gt;" in page  # a reference title from the rule pack
    assert 'href="https://example.org/cap?x=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert 'href="https://example.org/asa?a=1&amp;b=2"' in page


def test_report_is_self_contained(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"\bsrc\s*=", page)
    assert "default-src 'none'" in page  # nothing external could load even if it were there


def test_summary_by_category_and_severity(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    summary = page[page.index('id="summary"'):page.index('id="d1"')]
    assert '<div class="total sev-error"><strong>1</strong>' in summary
    assert '<div class="total sev-warning"><strong>1</strong>' in summary
    assert '<div class="total sev-info"><strong>1</strong>' in summary
    for category in ("Superlative or exclusivity claim", "Guarantee or certainty of outcome", "Urgency or pressure"):
        assert f"<td>{category}</td>" in summary
    assert '<a href="#d2">clean.md</a>' in summary


def test_cards_have_message_why_references_and_rewrites(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    card = page[page.index('id="d1-f1"'):page.index('id="d1-f2"')]
    assert "“world-class” is a superlative nobody can prove." in card
    assert "Superlatives about a clinic cannot be substantiated." in card
    assert '<span class="replacement">experienced</span>' in card
    assert "<del>world-class</del> <ins>experienced</ins>" in card
    assert "Name the team&#x27;s actual qualifications." in card
    assert ">ASA superlatives guidance</a>" in card and ">Second reference</a>" in card
    assert '<p class="clean">No claims found.</p>' in page


def test_highlight_marks_overlapping_spans_and_numbers_them() -> None:
    source = "A <b> world-class team."
    findings = [finding(6, 17), finding(6, 22, Severity.WARNING, "TX0602")]
    html = highlight(source, findings, "d1")
    assert html == (
        'A &lt;b&gt; <span class="anchor" id="d1-m1"></span><span class="anchor" id="d1-m2"></span>'
        '<mark class="hl sev-error multi" title="TX0601: m\nTX0602: m">world-class</mark>'
        '<sup class="ref"><a href="#d1-f1">1</a></sup>'
        '<mark class="hl sev-warning" title="TX0602: m"> team</mark>'
        '<sup class="ref"><a href="#d1-f2">2</a></sup>.'
    )


class DevTools:
    """A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, chromium: str, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--remote-debugging-pipe",
             "--window-size=1400,1000", "about:blank"],
            preexec_fn=wire, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params: Any) -> Any:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                    raise TimeoutError(method)
                chunk = os.read(self._from_browser, 65536)
                if not chunk:
                    raise ConnectionError("chromium closed the pipe")
                self._buffer += chunk
            raw, self._buffer = self._buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply["result"]

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, ConnectionError, RuntimeError):
            self.call("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


PROBE = """JSON.stringify((() => {
  const shown = el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility === 'visible' && s.display !== 'none'
      && parseFloat(s.opacity) > 0; };
  const info = el => ({text: el.textContent, shown: shown(el), background: getComputedStyle(el).backgroundColor});
  return {
    title: document.title,
    scripts: document.scripts.length,
    marks: [...document.querySelectorAll('#d1 mark.hl')].map(info),
    rewrites: [...document.querySelectorAll('#d1 .rewrite .replacement')].map(info),
    copy: document.querySelector('#d1 pre.copy').innerText,
    cards: document.querySelectorAll('#d1 li.finding').length,
  };
})())"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_highlights_and_rewrites_are_visible_in_chromium(report: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    browser = DevTools(CHROMIUM, tmp_path / "profile")
    try:
        target = browser.call("Target.createTarget", url=report.as_uri())["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        deadline = time.monotonic() + 30
        loaded = f"{report.as_uri()} complete"
        # A new target starts on a complete about:blank, so wait for the report's own document.
        while browser.call("Runtime.evaluate", session, expression="location.href + ' ' + document.readyState",
                           returnByValue=True)["result"]["value"] != loaded:
            assert time.monotonic() < deadline, "the report did not finish loading"
            time.sleep(0.1)
        probe = browser.call("Runtime.evaluate", session, expression=PROBE, returnByValue=True)
        assert "exceptionDetails" not in probe, probe
        state = json.loads(probe["result"]["value"])
        shot = browser.call("Page.captureScreenshot", session)["data"]
    finally:
        browser.close()
    assert state["title"].startswith("claimlint report") and state["scripts"] == 0  # the copy's script is text
    assert HOSTILE in state["copy"]
    assert [m["text"] for m in state["marks"]] == ["world-class", "guaranteed results", "Hurry"]
    assert all(m["shown"] and m["background"] not in ("rgba(0, 0, 0, 0)", "transparent") for m in state["marks"])
    assert len({m["background"] for m in state["marks"]}) == 3  # one colour per severity
    assert state["cards"] == 3
    assert state["rewrites"] and state["rewrites"][0]["text"] == "experienced"
    assert all(r["shown"] for r in state["rewrites"])
    assert len(shot) > 1000  # the page rendered to pixels
