#!/usr/bin/env python3
"""claimlint benchmark: throughput against the spaCy floor, cold start, scaling and memory.

One command, one process run, the same generated files for every measurement:

    python benchmarks/run.py --output benchmarks/RESULTS.md      # full (1,000 pages; 250/1,000/4,000)
    python benchmarks/run.py --quick                             # smoke run (small sizes)

(a) the spaCy floor: a fresh ``python`` that imports spaCy, builds ``spacy.blank("en")`` and
    tokenises the extracted prose of every file (extracted beforehand to temporary .txt files);
(b) the full ``claimlint check`` (all built-in packs, context on) of the generated directory;
    words/s for each and the ratio (b)/(a);
(c) cold start (median of 5) of ``claimlint check`` on one clean and one claim-laden ~600-word
    Markdown file, next to ``python -c "import spacy; spacy.blank('en')"``;
(d) scaling: (b) at N/4, N and 4N pages, and with the built-in packs ×1 and ×10;
(e) peak memory (ru_maxrss of each child, from os.wait4) of the full check.

Every measurement is a subprocess timed with time.perf_counter() around its whole life, start-up
included. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py)

FLOOR_SCRIPT = r"""
import os, sys
import spacy
nlp = spacy.blank("en")
nlp.max_length = 10**9
root = sys.argv[1]
tokens = 0
for name in sorted(os.listdir(root)):
    with open(os.path.join(root, name), encoding="utf-8") as f:
        tokens += len(nlp.make_doc(f.read()))
print(tokens)
"""
SPACY_BLANK = "import spacy; spacy.blank('en')"
# Where the time of (b) goes, measured inside one process on the same files. The stages any
# spaCy-based design must run (import, parse the sources, tokenise, print the findings) are timed
# apart from claimlint's own matching and context, so the report can show how much of the
# (b)/(a) target is left for them.
STAGES_SCRIPT = r"""
import io, json, sys, time
from pathlib import Path
t = time.perf_counter
times = {}
start = t()
from claimlint.cache import Cache
from claimlint.config import load_config
from claimlint.engine import Linter
from claimlint.extract import format_for, load_document, read_source
from claimlint.output.json import render
from claimlint.report import Report
times["import claimlint, load the packs"] = -start
linter = Linter(load_config(None), cache=Cache(Path(sys.argv[2])))
times["import claimlint, load the packs"] += t()
files = sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file() and format_for(str(p)))
start = t()
docs = [load_document(str(p), read_source(p), format_for(str(p)) or "text") for p in files]
times["read and extract the files (Markdown, HTML, text)"] = t() - start
start = t()
import spacy
nlp = spacy.blank("en")
times["import spaCy, spacy.blank('en')"] = t() - start
start = t()
for d in docs:
    nlp.make_doc(d.prose)
times["tokenise the extracted prose"] = t() - start
start = t()
report = Report(rules={r.code: r for r in linter.rules})
report.files.extend(linter.lint_document(d) for d in docs)
times["lint: compile, tokenise, match, context, findings"] = t() - start
start = t()
render(report, io.StringIO(), False)
times["render the JSON report"] = t() - start
print(json.dumps({"times": times, "findings": len(report.findings)}))
"""
TARGETS = {
    "ratio": 1.5,  # (b) / (a)
    "cold_clean": 0.35,  # seconds
    "cold_findings": 1.15,  # × import spacy; spacy.blank('en')
    "memory_mb": 300,
    "warm_cache_extra": 0.3,  # seconds over start-up
}
SUFFIX_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class BenchError(Exception):
    """A measurement failed; the message says which and why."""


# --------------------------------------------------------------------------------------------
# Running and timing subprocesses
# --------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One finished subprocess: wall time, CPU time, peak RSS, exit code and output."""

    wall: float
    cpu: float | None
    maxrss_mb: float | None
    code: int
    stdout: str
    stderr: str


# Children are started by a small, long-lived spawner process rather than by this one: on Linux
# a child's ru_maxrss starts from the peak RSS of the process that forked it (the counter
# survives fork and exec), so spawning from here, with claimlint's extractors loaded, would add
# this process's memory to every reading. The spawner stays at the size of a bare Python.
SPAWNER = r"""
import json, os, subprocess, sys, time
for line in sys.stdin:
    req = json.loads(line)
    with open(req["stdout"], "wb") as out, open(req["stderr"], "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(req["cmd"], stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                cwd=req["cwd"], env=req["env"])
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            cpu, rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
        else:
            code = proc.wait()
            wall = time.perf_counter() - start
            cpu = rss = None
    sys.stdout.write(json.dumps({"wall": wall, "code": code, "cpu": cpu, "maxrss": rss}) + "\n")
    sys.stdout.flush()
"""


class Spawner:
    """Runs commands for us from a lean process (see SPAWNER) and reports wall, CPU and peak RSS."""

    _proc: subprocess.Popen[str] | None = None

    @classmethod
    def start(cls) -> None:
        if cls._proc is None:
            cls._proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", SPAWNER], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, text=True, encoding="utf-8")

    @classmethod
    def stop(cls) -> None:
        if cls._proc is not None:
            assert cls._proc.stdin is not None
            cls._proc.stdin.close()
            cls._proc.wait()
            cls._proc = None

    @classmethod
    def call(cls, request: dict[str, Any]) -> dict[str, Any]:
        cls.start()
        assert cls._proc is not None and cls._proc.stdin is not None and cls._proc.stdout is not None
        cls._proc.stdin.write(json.dumps(request) + "\n")
        cls._proc.stdin.flush()
        line = cls._proc.stdout.readline()
        if not line:
            raise BenchError("the spawner process died")
        result: dict[str, Any] = json.loads(line)
        return result


def _rss_mb(ru_maxrss: int | None) -> float | None:
    if ru_maxrss is None:
        return None
    # Linux reports KiB, macOS bytes.
    return ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru_maxrss / 1024


def run(cmd: Sequence[str], *, cwd: Path, env: dict[str, str], ok: Sequence[int] = (0,), what: str = "") -> Run:
    """Run a command to completion, timed from spawn to reap; fail loudly on a bad exit code."""
    with tempfile.TemporaryDirectory(prefix="claimlint-bench-run-") as tmp:
        out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
        res = Spawner.call({"cmd": [str(c) for c in cmd], "cwd": str(cwd), "env": env,
                            "stdout": str(out), "stderr": str(err)})
        result = Run(res["wall"], res["cpu"], _rss_mb(res["maxrss"]), res["code"],
                     out.read_text("utf-8", "replace"), err.read_text("utf-8", "replace"))
    code = result.code
    if code not in ok:
        shown = " ".join(str(c) for c in cmd)
        raise BenchError(
            f"{what or 'command'} failed with exit code {code}: {shown}\n"
            f"--- stderr ---\n{result.stderr.strip()}\n"
            f"--- stdout (first 2000 chars) ---\n{result.stdout[:2000].strip()}"
        )
    return result


@dataclass
class Measure:
    """Repeated runs of one command."""

    label: str
    runs: list[Run] = field(default_factory=list)

    @property
    def walls(self) -> list[float]:
        return [r.wall for r in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float | None:
        cpus = [r.cpu for r in self.runs if r.cpu is not None]
        return statistics.median(cpus) if cpus else None

    @property
    def maxrss_mb(self) -> float | None:
        values = [r.maxrss_mb for r in self.runs if r.maxrss_mb is not None]
        return max(values) if values else None

    @property
    def last(self) -> Run:
        return self.runs[-1]


def repeat(label: str, cmd: Sequence[str], times: int, budget: float, **kw: Any) -> Measure:
    """Run up to ``times`` times; stop early once the runs so far took more than ``budget`` seconds."""
    measure = Measure(label)
    for _ in range(max(times, 1)):
        measure.runs.append(run(cmd, what=label, **kw))
        if sum(measure.walls) > budget:
            break
    return measure


# --------------------------------------------------------------------------------------------
# Corpus, prose and rule packs
# --------------------------------------------------------------------------------------------


@dataclass
class Corpus:
    """A generated directory and the extracted prose of every file in it."""

    pages: int
    root: Path
    prose_dir: Path
    words: int
    chars: int
    bytes: int
    formats: Counter[str]


def build_corpus(pages: int, seed: int, formats: Sequence[str], work: Path) -> Corpus:
    """Generate ``pages`` pages and extract their prose into one .txt file each."""
    from claimlint.extract import format_for, load_document, read_source

    root = work / f"corpus-{pages}"
    prose_dir = work / f"prose-{pages}"
    for d in (root, prose_dir):
        shutil.rmtree(d, ignore_errors=True)
    paths = generate.generate_corpus(root, pages, seed, formats)
    prose_dir.mkdir(parents=True)
    words = chars = size = 0
    kinds: Counter[str] = Counter()
    for i, path in enumerate(paths):
        fmt = format_for(str(path)) or "text"
        kinds[fmt] += 1
        prose = load_document(str(path), read_source(path), fmt).prose
        (prose_dir / f"{i:06d}.txt").write_text(prose, encoding="utf-8")
        words += generate.count_words(prose)
        chars += len(prose)
        size += path.stat().st_size
    return Corpus(pages, root, prose_dir, words, chars, size, kinds)


def _suffix(k: int) -> str:
    """A nonsense word, different for every copy, that no page contains."""
    return f"zq{SUFFIX_LETTERS[k % 26]}{SUFFIX_LETTERS[(k // 26) % 26]}vork"


def _suffix_phrases(phrases: Sequence[str], word: str, lexicons: dict[str, list[str]]) -> list[str]:
    """Each phrase with ``word`` appended; a phrase written "@name" stands for a whole lexicon."""
    from claimlint.vocab import expand_phrases

    return [f"{p} {word}" for p in expand_phrases(phrases, {k: tuple(v) for k, v in lexicons.items()})]


WARM_RUNS = 7
GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def _copy_pattern(
    pattern: dict[str, Any], word: str, lexicons: dict[str, list[str]], phrases_only: bool
) -> dict[str, Any] | None:
    """A pattern that costs what ``pattern`` costs but never matches (None: leave it out)."""
    out = dict(pattern)
    if "phrases" in out:
        out["phrases"] = _suffix_phrases(out["phrases"], word, lexicons)
    elif phrases_only:
        return None
    elif "tokens" in out:
        out["tokens"] = [*out["tokens"], {"LOWER": word}]
    elif "regex" in out:
        regex = out["regex"]
        flags = GLOBAL_FLAGS.match(regex)
        head = flags.group(0) if flags else ""
        out["regex"] = f"{head}(?:{regex[len(head):]})\\s+{word}\\b"
    elif "near" in out:
        near = dict(out["near"])
        for side in ("left", "right"):
            value = near[side]
            near[side] = _suffix_phrases([value] if isinstance(value, str) else list(value), word, lexicons)
        out["near"] = near
    return out


@dataclass
class PackCopy:
    """The extra packs that multiply the built-in ones, and what they hold."""

    directory: Path
    copies: int
    rules: int
    counts: Counter[str]


def pattern_counts(packs: Sequence[dict[str, Any]]) -> Counter[str]:
    """Rules, patterns by kind and phrase strings in raw (YAML-loaded) packs."""
    counts: Counter[str] = Counter()
    for pack in packs:
        for lexicon in (pack.get("lexicons") or {}).values():
            counts["lexicon entries"] += len(lexicon)
        for rule in pack.get("rules") or []:
            counts["rules"] += 1
            for pattern in [*rule.get("patterns", []), *rule.get("requires_any", [])]:
                kind = next(k for k in ("phrases", "tokens", "regex", "near") if k in pattern)
                counts[f"{kind} patterns"] += 1
                if kind == "phrases":
                    counts["phrases"] += len(pattern["phrases"])
    return counts


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def builtin_packs() -> list[dict[str, Any]]:
    """The built-in packs as plain data, read the way claimlint reads them (no/on/off stay words)."""
    from claimlint.engine import builtin_rule_dir
    from claimlint.packs import pack_files
    from claimlint.yamlio import load_marked

    paths = [p for p in pack_files(builtin_rule_dir()) if p.stem != "README"]
    return [_plain(load_marked(p.read_text(encoding="utf-8"), str(p))) for p in paths]


def multiply_packs(multiplier: int, directory: Path, *, phrases_only: bool = False) -> PackCopy:
    """Write ``multiplier - 1`` renamed copies of every built-in rule, with phrases that never match.

    Codes get a new prefix (XA0401, XB0401, …), names a suffix (-x1, -x2, …); every phrase, lexicon
    entry of a ``near`` operand, token sequence and regex gets a nonsense word appended, so the
    copies cost what real rules cost to match but add no findings. Lexicons are shared, not copied.
    """
    import yaml

    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    packs = builtin_packs()
    lexicons: dict[str, list[str]] = {}
    for pack in packs:
        lexicons.update({k: list(v) for k, v in (pack.get("lexicons") or {}).items()})
    written: list[dict[str, Any]] = []
    for k in range(1, multiplier):
        word = _suffix(k)
        prefix = "X" + SUFFIX_LETTERS[(k - 1) % 26].upper() + ("" if k <= 26 else SUFFIX_LETTERS[(k - 1) // 26].upper())
        for pack in packs:
            rules = []
            for rule in pack.get("rules") or []:
                copy = {key: value for key, value in rule.items() if key != "aliases"}
                copy["code"] = prefix + re.sub(r"^[A-Z]+", "", rule["code"])
                copy["name"] = f"{rule['name']}-x{k}"
                for key in ("patterns", "requires_any"):
                    if key in copy:
                        copies = (_copy_pattern(p, word, lexicons, phrases_only) for p in rule[key])
                        copy[key] = [p for p in copies if p]
                if not copy["patterns"] or ("requires_any" in rule and not copy["requires_any"]):
                    continue
                rules.append(copy)
            if not rules:
                continue
            out = {
                "schema": pack["schema"],
                "pack": f"{pack['pack']}-x{k}",
                "description": f"benchmark copy {k} of {pack['pack']} (never matches)",
                "language": pack.get("language", "en"),
                "rules": rules,
            }
            written.append(out)
            path = directory / f"{pack['pack']}-x{k:02d}.yaml"
            path.write_text(yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    counts = pattern_counts(written)
    return PackCopy(directory, multiplier, counts["rules"], counts)


# --------------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------------


def claimlint_command() -> list[str]:
    """The installed ``claimlint`` script next to this interpreter, else ``python -m claimlint``."""
    for name in ("claimlint", "claimlint.exe"):
        script = Path(sys.executable).parent / name
        if script.is_file():
            return [str(script)]
    found = shutil.which("claimlint")
    return [found] if found else [sys.executable, "-m", "claimlint"]


def check_options(cl: list[str], cwd: Path, env: dict[str, str]) -> set[str]:
    """The long options ``claimlint check --help`` lists (to use --no-cache/--jobs only if present)."""
    text = run([*cl, "check", "--help"], cwd=cwd, env=env, what="claimlint check --help").stdout
    return set(re.findall(r"(?m)^\s+(?:-\w,\s+)?(--[a-z][\w-]*)", text))


def versions(cl: list[str], cwd: Path, env: dict[str, str]) -> dict[str, str]:
    from importlib.metadata import version  # not `import spacy`: keep this process lean

    claimlint_version = run([*cl, "--version"], cwd=cwd, env=env, what="claimlint --version").stdout.strip()
    return {
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "claimlint": claimlint_version,
        "platform": platform.platform(),
        "cpu": platform.processor() or platform.machine(),
    }


def fingerprint() -> str:
    """A hash of the built-in rule packs and claimlint's source, to notice edits during a run."""
    import hashlib

    import claimlint
    from claimlint.engine import builtin_rule_dir

    digest = hashlib.sha256()
    package = Path(claimlint.__file__).parent
    files = sorted([*builtin_rule_dir().glob("*.y*ml"), *package.rglob("*.py")])
    for path in files:
        digest.update(str(path).encode())
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def summary_of(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    summary: dict[str, Any] = data["summary"]
    if summary.get("errors"):
        raise BenchError(f"claimlint reported unreadable files: {data.get('errors')}")
    return summary


def comparable(path: Path) -> Counter[str]:
    """The findings and suppressed matches of a JSON report, as a multiset of canonical entries."""
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = [("finding", f) for f in data["findings"]] + [("suppressed", s) for s in data["suppressed"]]
    return Counter(json.dumps(e, sort_keys=True) for e in entries)


def differences(a: Counter[str], b: Counter[str]) -> str:
    """'identical', or how many entries only one side has."""
    only_a, only_b = sum((a - b).values()), sum((b - a).values())
    if not (only_a or only_b):
        return "identical"
    return f"**different** ({only_a} entries only in the first, {only_b} only in the second)"


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work = Path(args.workdir or tempfile.mkdtemp(prefix="claimlint-bench-")).resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        self.cwd = self.work / "cwd"  # no config file here or above (checked), so defaults apply
        self.cwd.mkdir(exist_ok=True)
        env = dict(os.environ)
        env["NO_COLOR"] = "1"
        for var in ("GITHUB_ACTIONS", "CLAIMLINT_CONFIG", "CLAIMLINT_CACHE_DIR"):
            env.pop(var, None)
        self.env = env
        self.cl = claimlint_command()
        self.results: dict[str, Any] = {}
        self.corpora: dict[int, Corpus] = {}
        self.log_lines: list[str] = []

    # -- helpers -----------------------------------------------------------------------------

    def log(self, message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    def corpus(self, pages: int) -> Corpus:
        if pages not in self.corpora:
            t0 = time.perf_counter()
            self.corpora[pages] = build_corpus(pages, self.args.seed, self.args.formats, self.work)
            c = self.corpora[pages]
            self.log(f"  generated {pages} pages ({c.words:,} words) in {time.perf_counter() - t0:.1f} s")
        return self.corpora[pages]

    def check_cmd(self, target: Path, output: Path, *, cache: bool = False, jobs: str | None = "1",
                  rules: Path | None = None, fmt: str = "json") -> list[str]:
        cmd = [*self.cl, "check", str(target), "--format", fmt, "--output", str(output)]
        if "--no-cache" in self.options and not cache:
            cmd.append("--no-cache")
        if "--jobs" in self.options and jobs is not None:
            cmd += ["--jobs", jobs]
        if rules is not None:
            cmd += ["--rules", str(rules)]
        return cmd

    def floor(self, corpus: Corpus, times: int) -> Measure:
        cmd = [sys.executable, "-c", FLOOR_SCRIPT, str(corpus.prose_dir)]
        return repeat("spaCy floor", cmd, times, self.args.budget, cwd=self.cwd, env=self.env)

    def full_check(self, corpus: Corpus, times: int, label: str, **kw: Any) -> tuple[Measure, dict[str, Any], Path]:
        output = self.work / f"report-{corpus.pages}-{re.sub(r'[^a-z0-9]+', '-', label.lower()).strip('-')}.json"
        cmd = self.check_cmd(corpus.root, output, **kw)
        measure = repeat(label, cmd, times, self.args.budget, cwd=self.cwd, env=self.env, ok=(0, 1))
        return measure, summary_of(output), output

    # -- steps -------------------------------------------------------------------------------

    def setup(self) -> None:
        from claimlint.config import find_config

        found = find_config(self.cwd)
        if found is not None:
            raise BenchError(f"a claimlint config ({found}) would apply in {self.cwd}; use --workdir elsewhere")
        self.options = check_options(self.cl, self.cwd, self.env)
        self.results["versions"] = versions(self.cl, self.cwd, self.env)
        self.results["fingerprint_start"] = fingerprint()
        self.results["options"] = sorted(o for o in self.options if o in ("--no-cache", "--jobs"))
        self.results["builtin"] = pattern_counts(builtin_packs())
        self.log(f"claimlint: {' '.join(self.cl)} ({self.results['versions']['claimlint']}); "
                 f"options used: {', '.join(self.results['options']) or 'none of --no-cache/--jobs yet'}")
        # Warm the OS file cache and bytecode caches; none of these runs is timed. Bytecode is
        # compiled explicitly: with PYTHONDONTWRITEBYTECODE set (as in some CI images) an editable
        # install would otherwise recompile claimlint's sources on every run, which a pip-installed
        # claimlint (compiled at install time) never does.
        import claimlint

        run([sys.executable, "-m", "compileall", "-q", str(Path(claimlint.__file__).parent)], cwd=self.cwd,
            env=self.env, what="compile claimlint's bytecode")
        warm = self.work / "warmup"
        warm.mkdir(exist_ok=True)
        page = generate.single_page(self.args.seed, "landing", "md")
        (warm / "page.md").write_text(page.text, encoding="utf-8")
        run(self.check_cmd(warm / "page.md", self.work / "warmup.json"), cwd=self.cwd, env=self.env, ok=(0, 1),
            what="warm-up claimlint check")
        run([sys.executable, "-c", SPACY_BLANK], cwd=self.cwd, env=self.env, what="warm-up spaCy")
        # Build the multiplied packs now and check that claimlint accepts and compiles them, so a
        # problem shows in the first minute, not after the long runs.
        self.packs: dict[tuple[int, bool], PackCopy] = {}
        if not self.args.skip_scaling:
            base = summary_of(self.work / "warmup.json")["findings"]
            for multiplier in self.args.multipliers:
                for phrases_only in (False, True):
                    directory = self.work / f"packs-x{multiplier}{'-phrases' if phrases_only else ''}"
                    copy = multiply_packs(multiplier, directory, phrases_only=phrases_only)
                    self.packs[(multiplier, phrases_only)] = copy
                    probe = self.work / f"warmup-x{multiplier}{'-phrases' if phrases_only else ''}.json"
                    run(self.check_cmd(warm / "page.md", probe, rules=directory), cwd=self.cwd, env=self.env,
                        ok=(0, 1), what=f"claimlint check with the ×{multiplier} packs")
                    if summary_of(probe)["findings"] != base:
                        raise BenchError(f"the ×{multiplier} packs in {directory} change the findings of {warm}")

    def throughput(self) -> None:
        args = self.args
        corpus = self.corpus(args.pages)
        self.log(f"(a)/(b) throughput on {args.pages} pages")
        floor = self.floor(corpus, max(args.repeat, 3))
        check, summary, report = self.full_check(corpus, args.repeat, "claimlint check")
        self.results["throughput"] = {"corpus": corpus, "floor": floor, "check": check, "summary": summary,
                                      "tokens": int(floor.last.stdout.strip() or 0)}
        self.reports = {"serial": report}
        self.log(f"  (a) {floor.median:.2f} s  (b) {check.median:.2f} s  ratio {check.median / floor.median:.2f}")
        self.stages()

    def stages(self) -> None:
        """Time the stages of (b) inside one process, median of the runs (see STAGES_SCRIPT)."""
        corpus = self.corpus(self.args.pages)
        cache = self.work / "stages-cache"
        cmd = [sys.executable, "-c", STAGES_SCRIPT, str(corpus.root), str(cache)]
        self.log("stages of (b) in one process")
        run(cmd, cwd=self.cwd, env=self.env, what="stage timing (warm-up: fills the pack cache)")
        samples: list[dict[str, Any]] = []
        for _ in range(max(self.args.repeat, 3)):
            samples.append(json.loads(run(cmd, cwd=self.cwd, env=self.env, what="stage timing").stdout))
        names = list(samples[0]["times"])
        self.results["stages"] = {
            "times": {n: statistics.median(s["times"][n] for s in samples) for n in names},
            "runs": len(samples),
            "findings": samples[0]["findings"],
        }

    def cold_start(self) -> None:
        args = self.args
        self.log(f"(c) cold start, median of {args.cold_runs}")
        cold = self.work / "cold"
        cold.mkdir(exist_ok=True)
        files = {}
        for kind, label in (("clean", "clean file"), ("landing", "file with findings")):
            page = generate.cold_start_page(args.seed, with_findings=kind != "clean")
            path = cold / f"{kind}.md"
            path.write_text(page.text, encoding="utf-8")
            run(self.check_cmd(path, self.work / f"cold-{kind}.json"), cwd=self.cwd, env=self.env,
                ok=(0, 1), what=f"claimlint check {path.name}")
            summary = summary_of(self.work / f"cold-{kind}.json")
            files[label] = (path, summary)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c \"import spacy\"": [sys.executable, "-c", "import spacy"],
            "python -c \"import spacy; spacy.blank('en')\"": [sys.executable, "-c", SPACY_BLANK],
        }
        commands[STARTUP_LABEL] = [*self.cl, "--version"]
        for label, (path, _) in files.items():
            cmd = [*self.cl, "check", str(path)]
            if "--no-cache" in self.options:
                cmd.append("--no-cache")
            commands[f"claimlint check ({label})"] = cmd
        measures = {label: Measure(label) for label in commands}
        for _ in range(args.cold_runs):  # interleaved, so drift in machine load hits all alike
            for label, cmd in commands.items():
                ok = (0, 1) if label.startswith("claimlint") else (0,)
                measures[label].runs.append(run(cmd, cwd=self.cwd, env=self.env, ok=ok, what=label))
        self.results["cold"] = {"measures": measures, "files": {k: v[1] for k, v in files.items()},
                                "words": {k: generate.count_words(_prose(v[0])) for k, v in files.items()}}
        for label, m in measures.items():
            self.log(f"  {label}: {m.median:.3f} s")

    def scaling(self) -> None:
        args = self.args
        sizes = sorted({max(args.pages // 4, 1), args.pages, args.pages * 4})
        self.log(f"(d) scaling with corpus size: {sizes} pages")
        rows = []
        for pages in sizes:
            if pages == args.pages:
                m, summary = self.results["throughput"]["check"], self.results["throughput"]["summary"]
            else:
                m, summary, _ = self.full_check(self.corpus(pages), args.repeat, f"claimlint check {pages}")
            rows.append((pages, self.corpus(pages).words, m, summary))
            self.log(f"  {pages} pages: {m.median:.2f} s")
        self.results["scaling"] = rows

    def phrases(self) -> None:
        args = self.args
        corpus = self.corpus(args.pages)
        rows = [("built-in packs ×1", None, self.results["throughput"]["check"], self.results["throughput"]["summary"])]
        for multiplier in args.multipliers:
            for phrases_only in (False, True):
                what = "phrase patterns only" if phrases_only else "all patterns"
                label = f"built-in packs ×{multiplier} ({what})"
                copy = self.packs[(multiplier, phrases_only)]
                self.log(f"(d) {label}: +{copy.rules} rules")
                m, summary, _ = self.full_check(corpus, args.repeat, label, rules=copy.directory)
                rows.append((label, copy, m, summary))
                self.log(f"  {m.median:.2f} s")
        self.results["phrases"] = rows

    def _warm_runs(self, target: Path, report: Path, env: dict[str, str], label: str) -> Measure:
        """WARM_RUNS checks of ``target`` with the cache on (a third of a second each: enough runs
        for a stable median)."""
        measure = Measure(label)
        for _ in range(WARM_RUNS):
            measure.runs.append(run(self.check_cmd(target, report, cache=True), cwd=self.cwd, env=env, ok=(0, 1),
                                    what=label))
        return measure

    def cache_and_jobs(self) -> None:
        """Only when the CLI has them: a warm-cache run, and the default (parallel) job count."""
        corpus = self.corpus(self.args.pages)
        out: dict[str, Any] = {}
        serial = comparable(self.reports["serial"])
        if "--no-cache" in self.options:
            self.log("cache: cold then warm run")
            cache_dir = self.work / "cache"
            for stale in (cache_dir, self.cwd / ".claimlint_cache", corpus.root / ".claimlint_cache"):
                shutil.rmtree(stale, ignore_errors=True)
            env = {**self.env, "CLAIMLINT_CACHE_DIR": str(cache_dir)}
            first = self.work / "report-cache-1.json"
            second = self.work / "report-cache-2.json"
            cold = run(self.check_cmd(corpus.root, first, cache=True), cwd=self.cwd, env=env, ok=(0, 1),
                       what="claimlint check (cache cold)")
            warm = self._warm_runs(corpus.root, second, env, "claimlint check (cache warm)")
            one = min(corpus.root.rglob("*.md"))
            run(self.check_cmd(one, self.work / "report-cache-one.json", cache=True), cwd=self.cwd, env=env,
                ok=(0, 1), what="claimlint check (one file, cache cold)")
            single = self._warm_runs(one, self.work / "report-cache-one.json", env,
                                     "claimlint check (one file, cache warm)")
            out["cache"] = {"cold": cold, "warm": warm, "single": single,
                            "same": f"first run {differences(serial, comparable(first))}, "
                                    f"warm run {differences(serial, comparable(second))}"}
        if "--jobs" in self.options:
            self.log("jobs: default job count")
            m, _, report = self.full_check(corpus, self.args.repeat, "claimlint check (default --jobs)", jobs=None)
            out["jobs"] = {"measure": m, "same": differences(serial, comparable(report))}
        self.results["extras"] = out

    def cleanup(self) -> None:
        if not self.args.keep and not self.args.workdir:
            shutil.rmtree(self.work, ignore_errors=True)


def _prose(path: Path) -> str:
    from claimlint.extract import format_for, load_document, read_source

    return load_document(str(path), read_source(path), format_for(str(path)) or "text").prose


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def _s(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def _rate(words: int, seconds: float) -> str:
    return f"{words / seconds:,.0f}" if seconds > 0 else "–"


def _mb(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _runs(m: Measure) -> str:
    return f"{len(m.runs)}" if len(m.runs) == 1 else f"{len(m.runs)} ({_s(min(m.walls))}–{_s(max(m.walls))})"


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    return [_row(*head), "|" + "|".join("---" for _ in head) + "|", *(_row(*r) for r in rows)]


def _cpu_or_wall(m: Measure) -> float:
    cpu = m.cpu
    return cpu if cpu is not None else m.median


BLANK_LABEL = "python -c \"import spacy; spacy.blank('en')\""
CLEAN_LABEL = "claimlint check (clean file)"
STARTUP_LABEL = "claimlint --version"
FINDINGS_LABEL = "claimlint check (file with findings)"


class Report:
    """The Markdown report, section by section."""

    def __init__(self, bench: Bench, started: float, argv: Sequence[str]) -> None:
        self.r = bench.results
        self.args = bench.args
        self.started = started
        self.argv = argv
        self.lines: list[str] = []
        tp = self.r["throughput"]
        self.corpus: Corpus = tp["corpus"]
        self.floor: Measure = tp["floor"]
        self.check: Measure = tp["check"]
        self.ratio = self.check.median / self.floor.median
        self.targets: list[tuple[str, str, str]] = []

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def text(self) -> str:
        self.header()
        self.throughput()
        self.stages()
        self.cold()
        self.scaling()
        self.phrases()
        self.memory()
        self.extras()
        self.add("## Targets (issue 6)", "")
        self.add(*_table(("target", "measured", ""), self.targets), "")
        return "\n".join(self.lines)

    def header(self) -> None:
        r, c = self.r, self.corpus
        v, b = r["versions"], r["builtin"]
        load = os.getloadavg() if hasattr(os, "getloadavg") else None
        used = " ".join(f"`{o} 1`" if o == "--jobs" else f"`{o}`" for o in r["options"])
        formats = ", ".join(f"{n} {k}" for k, n in sorted(c.formats.items(), key=lambda kv: -kv[1]))
        self.add("# claimlint benchmark results", "")
        command = " ".join(["python benchmarks/run.py", *self.argv])
        self.add(f"Generated by `{command}` — see [README.md](README.md).", "")
        rows = [
            ("date", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
            ("cores (`os.cpu_count()`)", os.cpu_count()),
            ("load average at the end (1, 5, 15 min)", ", ".join(f"{x:.2f}" for x in load) if load else "–"),
            ("platform", f"{v['platform']} ({v['cpu']})"),
            ("Python", v["python"]),
            ("spaCy", v["spacy"]),
            ("claimlint", v["claimlint"]),
            ("claimlint source + rules fingerprint", r["fingerprint_start"]),
            ("`claimlint check` options", f"`--format json --output FILE` {used}".rstrip()),
            ("corpus", f"{c.pages:,} pages (seed {self.args.seed}): {formats}; {c.bytes / 1e6:.1f} MB of source, "
                       f"{c.words:,} words of extracted prose"),
            ("built-in packs", f"{b['rules']} rules: {b['phrases patterns']} phrase patterns ({b['phrases']} phrases), "
                               f"{b['tokens patterns']} token patterns, {b['regex patterns']} regexes, "
                               f"{b['near patterns']} near patterns; {b['lexicon entries']} lexicon entries"),
            ("the whole benchmark took", f"{time.perf_counter() - self.started:.0f} s"),
        ]
        self.add(*_table(("", ""), rows), "")
        if r["fingerprint_start"] != r["fingerprint_end"]:
            self.add("> **Warning:** claimlint's source or built-in rule packs changed while the benchmark ran "
                     f"(fingerprint {r['fingerprint_start']} → {r['fingerprint_end']}); the runs may not be "
                     "comparable with each other.", "")
        self.add("Times are wall-clock seconds of a whole subprocess, start-up included (median of the runs; "
                 "the range is shown when there were several). CPU is the user + system time of that process, "
                 "which machine load does not inflate. Words are the whitespace-separated words of the prose "
                 "claimlint extracts, the same count for (a) and (b).", "")

    def throughput(self) -> None:
        c, floor, check = self.corpus, self.floor, self.check
        tp = self.r["throughput"]
        self.add(f"## Throughput: claimlint against the spaCy floor ({c.pages:,} pages)", "")
        head = ("", "runs", "time (s)", "CPU (s)", "words/s", "peak RSS (MB)")
        rows = [
            (f"(a) spaCy floor: `import spacy; spacy.blank(\"en\")` and tokenise the extracted prose "
             f"({tp['tokens']:,} tokens)", _runs(floor), _s(floor.median), _s(floor.cpu),
             _rate(c.words, floor.median), _mb(floor.maxrss_mb)),
            ("(b) `claimlint check DIR`: all built-in packs, context on", _runs(check), _s(check.median),
             _s(check.cpu), _rate(c.words, check.median), _mb(check.maxrss_mb)),
        ]
        self.add(*_table(head, rows), "")
        s = tp["summary"]
        cpu_ratio = _cpu_or_wall(check) / _cpu_or_wall(floor)
        limit = TARGETS["ratio"]
        self.add(f"**(b)/(a) = {self.ratio:.2f}×** wall-clock (target ≤ {limit}×: {_met(self.ratio <= limit)}); "
                 f"{cpu_ratio:.2f}× in CPU time. claimlint reported {s['findings']:,} findings and "
                 f"{s['suppressed']:,} suppressed matches in {s['files']:,} files ({s['files_with_findings']:,} "
                 f"with findings; {s.get('words', 0):,} words by its own count).", "")
        self.targets.append((f"full check ≤ {limit}× spaCy blank tokenisation", f"{self.ratio:.2f}×",
                             _met(self.ratio <= limit)))

    def stages(self) -> None:
        stages = self.r.get("stages")
        if not stages:
            return
        times: dict[str, float] = stages["times"]
        self.add(f"## Where the time of (b) goes ({self.corpus.pages:,} pages, one process)", "")
        rows = [(name, _s(seconds)) for name, seconds in times.items()]
        self.add(*_table((f"stage (median of {stages['runs']} runs)", "time (s)"), rows), "")
        extract = times["read and extract the files (Markdown, HTML, text)"]
        render_s = times["render the JSON report"]
        lint = times["lint: compile, tokenise, match, context, findings"]
        tokenise = times["tokenise the extracted prose"]
        budget = TARGETS["ratio"] * self.floor.median
        required = self.floor.median + extract + render_s
        self.add(
            f"The {TARGETS['ratio']}× target gives (b) {budget:.3f} s. Three stages are needed by any design that "
            f"tokenises with spaCy, parses the sources with real Markdown and HTML parsers and prints the "
            f"{stages['findings']:,} findings: the floor (a) itself ({self.floor.median:.3f} s), extraction "
            f"({extract:.3f} s) and rendering ({render_s:.3f} s). Together they take {required:.3f} s = "
            f"**{required / self.floor.median:.2f}× the floor** before a single rule is matched, which leaves "
            f"{budget - required:+.3f} s for loading the packs and for matching and context; claimlint's lint stage "
            f"takes {lint:.3f} s, of which {lint - tokenise:.3f} s is beyond tokenisation.", "")

    def cold(self) -> None:
        cold = self.r.get("cold")
        if not cold:
            return
        m: dict[str, Measure] = cold["measures"]
        blank = m[BLANK_LABEL].median
        clean_limit, findings_factor = TARGETS["cold_clean"], TARGETS["cold_findings"]
        self.add(f"## Cold start (median of {self.args.cold_runs}, one ~600-word Markdown file)", "")
        rows = []
        for label, meas in m.items():
            target = ""
            if label == CLEAN_LABEL:
                target = f"≤ {clean_limit} s: {_met(meas.median <= clean_limit)}"
            elif label == FINDINGS_LABEL:
                ok = meas.median <= findings_factor * blank
                target = f"≤ {findings_factor}× spaCy blank = {findings_factor * blank:.3f} s: {_met(ok)}"
            rows.append((f"`{label}`", _s(meas.median), _s(min(meas.walls)), _s(max(meas.walls)), _s(meas.cpu),
                         _mb(meas.maxrss_mb), target))
        self.add(*_table(("command", "median (s)", "min (s)", "max (s)", "CPU (s)", "peak RSS (MB)", "target"), rows))
        files = "; ".join(f"{label}: {cold['words'][label]} words, {fs['findings']} findings, "
                          f"{fs['suppressed']} suppressed" for label, fs in cold["files"].items())
        nocache = " and `--no-cache`" if "--no-cache" in self.r["options"] else ""
        self.add("", f"The files: {files}. `claimlint check FILE` runs with its default text output{nocache}, "
                 "stdout to a file. Each command ran once untimed before these runs, and claimlint's bytecode "
                 "was compiled (`python -m compileall`, as a pip install does), so the OS file cache and "
                 "bytecode caches are warm: “cold” means a new process, as on every commit.", "")
        if cold["files"]["clean file"]["findings"] or cold["files"]["clean file"]["suppressed"]:
            self.add("> **Note:** the clean file is no longer clean for the current rules; the generator's "
                     "neutral copy needs attention.", "")
        clean, dirty = m[CLEAN_LABEL].median, m[FINDINGS_LABEL].median
        self.targets.append((f"cold check of a clean file ≤ {clean_limit} s", f"{clean:.3f} s",
                             _met(clean <= clean_limit)))
        self.targets.append((f"cold check of a file with findings ≤ {findings_factor}× spaCy blank ({blank:.3f} s)",
                             f"{dirty / blank:.2f}× ({dirty:.3f} s)", _met(dirty <= findings_factor * blank)))

    def scaling(self) -> None:
        scaling = self.r.get("scaling")
        if not scaling:
            return
        self.add("## Scaling with corpus size", "")
        rows = [(f"{pages:,}", f"{words:,}", _s(m.median), _s(m.cpu), _rate(words, m.median),
                 f"{m.median / words * 1e5:.3f}", f"{_cpu_or_wall(m) / words * 1e5:.3f}", _mb(m.maxrss_mb))
                for pages, words, m, _ in scaling]
        head = ("pages", "words", "time (s)", "CPU (s)", "words/s", "s per 100k words", "CPU s per 100k words",
                "peak RSS (MB)")
        self.add(*_table(head, rows), "")
        xs = [float(words) for _, words, _, _ in scaling]
        for name, ys in (("time", [m.median for *_, m, _ in scaling]),
                         ("CPU time", [_cpu_or_wall(m) for *_, m, _ in scaling])):
            if len(xs) >= 3:
                slope, intercept = statistics.linear_regression(xs, ys)
                fit = statistics.correlation(xs, ys) ** 2
                self.add(f"Least-squares fit of {name}: {intercept:.2f} s + {slope * 1e5:.3f} s per 100k words "
                         f"(R² = {fit:.4f}).")
        self.add("", "Linear means start-up plus a constant cost per word: the fit's intercept is the start-up "
                 "cost and the marginal cost per word is the same between every pair of sizes.", "")
        # Linear (start-up + a constant cost per word): the marginal cost per word between consecutive
        # sizes is the same. Judged on CPU time, which the machine's load does not inflate.
        points = [(words, _cpu_or_wall(m)) for _, words, m, _ in scaling]
        slopes = [(t2 - t1) / (w2 - w1) for (w1, t1), (w2, t2) in itertools.pairwise(points) if w2 > w1]
        sizes = " → ".join(f"{p:,}" for p, *_ in scaling)
        if len(slopes) >= 2 and min(slopes) > 0:
            spread = max(slopes) / min(slopes)
            shown = ", ".join(f"{x * 1e5:.2f}" for x in slopes)
            self.add(f"Marginal CPU cost between consecutive sizes ({sizes} pages): {shown} s per 100k words.", "")
            self.targets.append(("time linear in corpus size (marginal CPU cost per word between sizes)",
                                 f"{shown} s per 100k words ({spread:.2f}× apart)",
                                 "yes" if spread <= 1.25 else "**no**"))

    def phrases(self) -> None:
        phrases = self.r.get("phrases")
        if not phrases:
            return
        self.add(f"## Scaling with the number of rules and phrases ({self.corpus.pages:,} pages)", "")
        base, base_cpu = phrases[0][2].median, _cpu_or_wall(phrases[0][2])
        base_findings = phrases[0][3]["findings"]
        rows = []
        for label, copy, m, summary in phrases:
            rows.append((label, f"{copy.rules if copy else 0:,}", f"{copy.counts['phrases'] if copy else 0:,}",
                         _s(m.median), _s(m.cpu), f"{m.median / base:.2f}", f"{_cpu_or_wall(m) / base_cpu:.2f}",
                         f"{summary['findings']:,}", _mb(m.maxrss_mb)))
        head = ("rule set", "extra rules", "extra phrases", "time (s)", "CPU (s)", "time / ×1", "CPU / ×1",
                "findings", "peak RSS (MB)")
        self.add(*_table(head, rows), "")
        changed = [] if all(p[3]["findings"] == base_findings for p in phrases) else [
            " — **it changed**, so either the copies matched or the built-in rules changed during the run"]
        self.add("×K adds K−1 renamed copies of every built-in rule (codes XA…, XB…; names -x1, -x2…) whose phrases, "
                 "token sequences, regexes and `near` operands all end in a nonsense word: they cost what matching "
                 "costs but can add no findings (the findings column should not move"
                 + "".join(changed) + "). “phrase patterns only” copies only the rules' `phrases` patterns.", "")
        worst = max(_cpu_or_wall(m) for _, _, m, _ in phrases[1:]) / base_cpu
        top = max(self.args.multipliers)
        self.targets.append((f"nearly flat in the number of phrases (CPU, ×1 vs ×{top})", f"up to {worst:.2f}×",
                             "yes" if worst <= 1.25 else "**no**"))

    def memory(self) -> None:
        peak = self.check.maxrss_mb
        rows = [("(b) full check", _mb(peak))]
        rows += [(f"{pages:,} pages", _mb(m.maxrss_mb)) for pages, _, m, _ in self.r.get("scaling") or []]
        rows += [(label, _mb(m.maxrss_mb)) for label, _, m, _ in (self.r.get("phrases") or [])[1:]]
        self.add("## Peak memory", "")
        self.add(*_table(("run", "peak RSS (MB)"), rows), "")
        self.add("Peak resident set size (`ru_maxrss`) of each child, from `os.wait4`, which includes any worker "
                 "processes the child waited for. The children are started by a small helper process, because "
                 "on Linux a child inherits the peak RSS of the process it was forked from.", "")
        if peak is not None:
            limit = TARGETS["memory_mb"]
            self.targets.append((f"peak memory < {limit} MB", f"{peak:.0f} MB", _met(peak < limit)))

    def extras(self) -> None:
        extras = self.r.get("extras") or {}
        self.add("## Cache and parallel jobs", "")
        if not extras:
            self.add("`claimlint check --help` lists neither `--no-cache` nor `--jobs` yet, so neither was measured.",
                     "")
            return
        cold = self.r.get("cold")
        startup = cold["measures"][STARTUP_LABEL].median if cold else None
        if "cache" in extras:
            c = extras["cache"]
            warm = c["warm"].median
            rows = [("first run, empty cache", _s(c["cold"].wall)),
                    (f"warm cache (median of {len(c['warm'].runs)})", _s(warm))]
            if startup is not None:
                rows.append(("start-up: `claimlint --version` (from the cold-start runs)", _s(startup)))
            if "single" in c:
                rows.append((f"a check's own start-up: one unchanged file, cache warm (median of "
                             f"{len(c['single'].runs)})", _s(c["single"].median)))
            self.add(*_table(("run", "time (s)"), rows), "")
            if "single" in c:
                self.add(f"The {self.args.pages:,} cached files cost {warm - c['single'].median:+.3f} s over "
                         "checking one cached file (imports, configuration and packs are the same); the target "
                         "below is judged strictly, against `claimlint --version`.", "")
            self.add(f"Findings and suppressed matches compared with the uncached `--jobs 1` run: {c['same']}.", "")
            if startup is not None:
                limit = TARGETS["warm_cache_extra"]
                self.targets.append((f"warm cache ≤ start-up + {limit} s", f"{warm - startup:+.3f} s",
                                     _met(warm - startup <= limit)))
        if "jobs" in extras:
            j = extras["jobs"]["measure"]
            self.add(f"Default `--jobs` ({os.cpu_count()} cores, `--no-cache`): {_s(j.median)} s "
                     f"(CPU {_s(j.cpu)} s; peak RSS of the largest process {_mb(j.maxrss_mb)} MB), "
                     f"{self.check.median / j.median:.2f}× "
                     f"the speed of `--jobs 1` and {j.median / self.floor.median:.2f}× the spaCy floor. Findings "
                     f"and suppressed matches compared with `--jobs 1`: {extras['jobs']['same']}.", "")


# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(description="claimlint benchmark (see benchmarks/README.md)")
    parser.add_argument("--pages", type=int, help="pages in the main corpus (default 1000; --quick: 40); "
                        "the size scaling runs pages/4, pages and pages*4")
    parser.add_argument("--quick", action="store_true", help="small sizes and fewer runs: a smoke test")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--formats", type=generate.parse_formats, default=["md", "html", "txt"],
                        help="formats of the generated pages (default md,html,txt; Markdown is the majority)")
    parser.add_argument("--repeat", type=int, help="runs of each throughput measurement, median taken "
                        "(default 3; --quick: 1); later runs are skipped once a measurement has taken --budget s")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds after which a measurement stops repeating")
    parser.add_argument("--cold-runs", type=int, default=5, help="runs of each cold-start command (default 5)")
    parser.add_argument("--multipliers", default="10", help="phrase multipliers to compare with ×1 (default 10)")
    parser.add_argument("--skip-scaling", action="store_true", help="skip (d): the size and phrase scaling runs")
    parser.add_argument("--output", "-o", type=Path, help="write the Markdown report here (e.g. benchmarks/RESULTS.md)")
    parser.add_argument("--workdir", type=Path, help="work directory (kept); default a temporary one, deleted")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work directory")
    args = parser.parse_args(argv)
    args.pages = args.pages if args.pages is not None else (40 if args.quick else 1000)
    args.repeat = args.repeat if args.repeat is not None else (1 if args.quick else 3)
    if args.quick and "--cold-runs" not in " ".join(argv):
        args.cold_runs = 3
    try:
        args.multipliers = [int(x) for x in args.multipliers.split(",") if x.strip()]
    except ValueError:
        parser.error("--multipliers takes comma-separated whole numbers, e.g. 10 or 2,10")
    if args.pages < 4 or any(m < 2 for m in args.multipliers) or args.repeat < 1 or args.cold_runs < 1:
        parser.error("--pages must be ≥ 4, multipliers ≥ 2, --repeat and --cold-runs ≥ 1")

    started = time.perf_counter()
    bench = Bench(args)
    bench.log(f"work directory: {bench.work}")
    try:
        bench.setup()
        bench.throughput()
        bench.cold_start()
        if not args.skip_scaling:
            bench.scaling()
            bench.phrases()
        bench.cache_and_jobs()
        bench.results["fingerprint_end"] = fingerprint()
        text = Report(bench, started, argv).text()
    except BenchError as exc:
        Spawner.stop()
        print(f"benchmark failed: {exc}", file=sys.stderr)
        print(f"(work directory kept: {bench.work})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted (work directory kept: {bench.work})", file=sys.stderr)
        return 130
    Spawner.stop()
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
        bench.log(f"wrote {args.output}")
    bench.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
