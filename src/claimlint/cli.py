"""The `claimlint` command line: check, rules, explain, test-rules."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

from claimlint import __version__
from claimlint.errors import EXIT_CRASH, EXIT_ERROR, ClaimlintError

F = TypeVar("F", bound=Callable[..., Any])
FORMAT_CHOICES = ("auto", "text", "concise", "json", "sarif", "github", "junit", "html")
SEVERITIES = ("error", "warning", "info")
JURISDICTION_CHOICES = ("us", "uk", "eu", "au", "kr", "jp", "mx")


def _fail(message: str) -> NoReturn:
    click.echo(f"claimlint: error: {message}", err=True)
    raise SystemExit(EXIT_ERROR)


def _split(values: Sequence[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _config(
    config_path: str | None,
    jurisdiction: str | None,
    select: Sequence[str],
    ignore: Sequence[str],
    fail_on: str | None,
    rule_paths: Sequence[str],
) -> Any:
    from claimlint.config import find_config, load_config
    from claimlint.rules import Severity

    path = Path(config_path) if config_path else find_config(Path.cwd())
    config = load_config(path)
    if jurisdiction:
        config.jurisdiction = jurisdiction
    if select:
        config.select = _split(select)
    if ignore:
        config.ignore = [*config.ignore, *_split(ignore)]
    if fail_on:
        config.fail_on = Severity(fail_on)
    config.rule_paths = [*config.rule_paths, *(Path(p) for p in rule_paths)]
    return config


def _color(stream: TextIO, choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


class _Group(click.Group):
    """A click group that turns ClaimlintError into a one-line message and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimlintError as exc:
            click.echo(f"claimlint: error: {exc}", err=True)
            raise SystemExit(EXIT_ERROR) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="claimlint")
def cli() -> None:
    """claimlint: find the claims in clinic copy that a regulator would act on."""


common_rule_options = [
    click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        help="Config file (default: nearest .claimlint.yaml or pyproject.toml).",
    ),
    click.option(
        "--jurisdiction", type=click.Choice(JURISDICTION_CHOICES), help="Apply a jurisdiction's severities and rules."
    ),
    click.option(
        "--rules",
        "rule_paths",
        multiple=True,
        type=click.Path(exists=True),
        help="Extra rule pack file or directory (repeatable).",
    ),
]


def _apply(options: list[Callable[[F], F]]) -> Callable[[F], F]:
    def decorator(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorator


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_apply(common_rule_options)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    default="auto",
    show_default=True,
    help="Report format; auto is github under GitHub Actions, else text.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--select", multiple=True, help="Only these rule codes, code prefixes, names or categories.")
@click.option("--ignore", multiple=True, help="Skip these rule codes, code prefixes, names or categories.")
@click.option(
    "--fail-on", type=click.Choice(SEVERITIES), help="Lowest severity that makes the exit code 1 (default: error)."
)
@click.option("--stdin-filename", default="stdin.txt", show_default=True, help="Name (and so format) for '-' input.")
@click.option("--show-suppressed", is_flag=True, help="Also list matches that context or directives suppressed.")
@click.option(
    "--report-suppressions", is_flag=True, help="List every suppression directive, its reason, expiry and use."
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Report and fail only on findings not in this baseline.",
)
@click.option(
    "--write-baseline",
    "write_baseline",
    type=click.Path(dir_okay=False, writable=True),
    help="Record the current findings in a baseline file (with --baseline: drop the gone ones only).",
)
@click.option("--fix", is_flag=True, help="Apply safe rewrites in place, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also apply rewrites that change the meaning.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--color", type=click.Choice(("auto", "always", "never")), default="auto", show_default=True)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes over files (default: the number of cores).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write cached results in .claimlint_cache/.")
def check(
    paths: tuple[str, ...],
    config_path: str | None,
    jurisdiction: str | None,
    rule_paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    stdin_filename: str,
    show_suppressed: bool,
    report_suppressions: bool,
    baseline_path: str | None,
    write_baseline: str | None,
    fix: bool,
    unsafe_fixes: bool,
    show_diff: bool,
    color: str,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Lint files, directories or '-' (stdin)."""
    from claimlint import baseline
    from claimlint.cache import Cache, cache_dir
    from claimlint.engine import Linter
    from claimlint.output import renderer, resolve
    from claimlint.report import Report
    from claimlint.runner import default_jobs, discover, lint_stdin, lint_targets

    if unsafe_fixes and not (fix or show_diff):
        _fail("--unsafe-fixes needs --fix or --diff")
    config = _config(config_path, jurisdiction, select, ignore, fail_on, rule_paths)
    file_paths = [p for p in paths if p != "-"]
    targets = discover(file_paths, config)
    # --no-cache skips cached results; validated rule packs stay cached (they are compiled data).
    pack_cache = Cache(cache_dir(config.root if config.path else Path.cwd()))
    cache = None if no_cache else pack_cache
    linter = Linter(config, cache=pack_cache)
    report = Report(fail_on=config.fail_on, rules={r.code: r for r in linter.rules})
    fixing = fix or show_diff
    fixed_stdin: bytes | None = None
    diffs: list[str] = []
    if fixing:
        fixed_stdin, diffs = _fix(paths, targets, stdin_filename, linter, report, unsafe_fixes, show_diff)
    else:
        if "-" in paths:
            lint_stdin(stdin_filename, linter, report)
        lint_targets(targets, linter, report, jobs=jobs or default_jobs(), cache=cache, settings=linter.settings())
    _collect_suppressions(report, report_suppressions)
    if baseline_path:
        report.baseline = baseline.apply(report.files, baseline.load(Path(baseline_path)), Path(baseline_path))
    if write_baseline:
        target = Path(write_baseline)
        if report.baseline is not None:
            recorded = report.baseline.kept()
        else:
            recorded = baseline.entries(report.files, target.parent)
        baseline.write(target, recorded)
        click.echo(f"claimlint: wrote {len(recorded)} finding(s) to baseline {write_baseline}", err=True)
        if report.baseline is None:
            _print_errors(report)
            raise SystemExit(EXIT_ERROR if report.errors else 0)
    # stdout carries the fixed text or the diff, so the report goes to stderr then.
    report_stream = sys.stderr if (show_diff or fixed_stdin is not None) else sys.stdout
    _render(report, resolve(fmt), output, report_stream, color, show_suppressed, renderer)
    if fixed_stdin is not None:
        sys.stdout.flush()
        sys.stdout.buffer.write(fixed_stdin)
        sys.stdout.buffer.flush()
    for text in diffs:
        sys.stdout.write(text)
    _print_errors(report)
    code = report.exit_code
    raise SystemExit(1 if diffs and code == 0 else code)


def _fix(
    paths: tuple[str, ...],
    targets: list[Any],
    stdin_filename: str,
    linter: Any,
    report: Any,
    unsafe: bool,
    only_diff: bool,
) -> tuple[bytes | None, list[str]]:
    """Fix stdin and every target; return the fixed stdin bytes and the diffs."""
    import codecs

    from claimlint import fixes
    from claimlint.errors import InputError
    from claimlint.extract import decode, format_for
    from claimlint.findings import FileResult

    fixed_stdin: bytes | None = None
    diffs: list[str] = []
    applied = files = 0
    if "-" in paths:
        data = sys.stdin.buffer.read()
        fmt = format_for(stdin_filename, "text") or "text"
        try:
            outcome = fixes.fix_text(linter, stdin_filename, decode(data, stdin_filename), fmt, unsafe)
        except InputError as exc:
            report.files.append(FileResult(stdin_filename, error=str(exc).split(": ", 1)[-1]))
        else:
            report.files.append(outcome.result)
            applied += outcome.applied
            files += outcome.changed
            if only_diff:
                diffs.append(fixes.unified_diff(stdin_filename, outcome.original, outcome.text))
            else:
                fixed_stdin = fixes.encode(outcome.text, data.startswith(codecs.BOM_UTF8))
    for target in targets:
        try:
            outcome = fixes.fix_file(linter, target.path, target.shown, target.fmt, unsafe, not only_diff)
        except InputError as exc:
            report.files.append(FileResult(target.shown, error=str(exc).split(": ", 1)[-1]))
            continue
        report.files.append(outcome.result)
        applied += outcome.applied
        files += outcome.changed
        if only_diff and outcome.changed:
            diffs.append(fixes.unified_diff(target.shown, outcome.original, outcome.text))
    verb = "would fix" if only_diff else "fixed"
    click.echo(f"claimlint: {verb} {applied} finding(s) in {files} file(s)", err=True)
    return fixed_stdin, [d for d in diffs if d]


def _collect_suppressions(report: Any, listing: bool) -> None:
    """Give the report the metadata of any suppression-audit rule that fired, and the directives."""
    from claimlint import suppress

    for result in report.files:
        for f in result.findings:
            if f.code in suppress.AUDIT_RULES:
                report.rules.setdefault(f.code, suppress.AUDIT_RULES[f.code])
    if listing:
        report.suppressions = [u for result in report.files for u in result.suppression_uses]


def _render(
    report: Any, fmt: str, output: str | None, default: TextIO, color: str, show_suppressed: bool, renderer: Any
) -> None:
    """Render the report to --output or the default stream."""
    stream: TextIO
    if output:
        stream = open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    else:
        stream = default
    try:
        renderer(fmt)(report, stream, _color(stream, color) and not output)
        if show_suppressed and fmt in ("text", "concise"):
            _print_suppressed(report, stream)
    finally:
        if output:
            stream.close()


def _print_errors(report: Any) -> None:
    for result in report.errors:
        click.echo(f"claimlint: {result.path}: {result.error}", err=True)


def _print_suppressed(report: Any, stream: TextIO) -> None:
    items = [s for r in report.files for s in r.suppressed]
    stream.write(f"\nSuppressed ({len(items)}):\n")
    for s in items:
        stream.write(f"  {s.path}:{s.line}:{s.column}: {s.code} '{s.text}' — {s.reason}\n")


@cli.command("rules")
@_apply(common_rule_options)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def rules_cmd(config_path: str | None, jurisdiction: str | None, rule_paths: tuple[str, ...], fmt: str) -> None:
    """List the effective rules: code, name, category, severity, pack."""
    import json

    from claimlint.engine import Linter

    config = _config(config_path, jurisdiction, (), (), None, rule_paths)
    linter = Linter(config)
    rows = [(r.code, r.name, r.category, linter.severities[r.code].value, r.pack) for r in linter.rules]
    if fmt == "json":
        click.echo(
            json.dumps(
                [dict(zip(("code", "name", "category", "severity", "pack"), row, strict=True)) for row in rows],
                indent=2,
            )
        )
        return
    from rich.console import Console
    from rich.table import Table

    title = (
        f"claimlint rules ({len(rows)} enabled"
        + (f", jurisdiction {config.jurisdiction}" if config.jurisdiction else "")
        + ")"
    )
    table = Table(title=title)
    for column in ("code", "name", "category", "severity", "pack"):
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    Console(no_color=bool(os.environ.get("NO_COLOR")), width=140).print(table)


@cli.command()
@click.argument("code")
@_apply(common_rule_options)
def explain(code: str, config_path: str | None, jurisdiction: str | None, rule_paths: tuple[str, ...]) -> None:
    """Explain a rule: what it catches, why, examples, rewrites and references."""
    from claimlint.engine import pack_paths
    from claimlint.explain import render_explanation
    from claimlint.packs import load_packs

    config = _config(config_path, jurisdiction, (), (), None, rule_paths)
    packs = load_packs(pack_paths(config))
    for pack in packs:
        for rule in pack.rules:
            if code in (rule.code, rule.name, *rule.aliases):
                click.echo(render_explanation(rule, config.jurisdiction))
                return
    _fail(f"no rule with code or name '{code}' (see 'claimlint rules')")


@cli.command("test-rules")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True, help="List every example, not only failures.")
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(exists=True),
    help="Instead of the examples, time every token and regex pattern on the copy at PATH.",
)
def test_rules(paths: tuple[str, ...], verbose: bool, profile_path: str | None) -> None:
    """Check every rule's fail/pass examples (built-in packs, or the packs at PATHS)."""
    from claimlint.engine import builtin_rule_dir
    from claimlint.packs import load_packs, pack_files
    from claimlint.selftest import ExampleRunner, cases

    files: list[Path] = []
    for raw in paths or (str(builtin_rule_dir()),):
        p = Path(raw)
        files.extend(pack_files(p) if p.is_dir() else [p])
    packs = load_packs(files)
    if profile_path:
        _profile(packs, Path(profile_path))
        return
    runner = ExampleRunner(packs)
    failures = 0
    total = 0
    for case in cases(packs):
        total += 1
        problem = runner.check(case)
        if problem:
            failures += 1
            click.echo(f"FAIL {case.id} ({case.rule.path}:{case.example.line}): {problem}\n     {case.example.text}")
        elif verbose:
            click.echo(f"ok   {case.id}")
    rules = sum(len(p.rules) for p in packs)
    click.echo(f"{total - failures} passed, {failures} failed ({rules} rules in {len(packs)} packs)")
    raise SystemExit(1 if failures else 0)


@cli.command("eval")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@_apply(common_rule_options)
@click.option(
    "--gold",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Stand-off gold file in the seeds-gold.yaml format (repeatable).",
)
@click.option("--no-context", is_flag=True, help="Only score with context switched off.")
@click.option("--format", "fmt", type=click.Choice(("text", "markdown", "json")), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--show", type=int, default=20, show_default=True, help="Misses and false alarms to list (text format).")
def eval_cmd(
    paths: tuple[str, ...],
    config_path: str | None,
    jurisdiction: str | None,
    rule_paths: tuple[str, ...],
    gold: tuple[str, ...],
    no_context: bool,
    fmt: str,
    output: str | None,
    show: int,
) -> None:
    """Score the rules against annotated corpora (default: corpora/) and gold files."""
    import json

    from claimlint import evaluate

    config = _config(config_path, jurisdiction, (), (), None, rule_paths)
    targets = [Path(p) for p in paths] or ([Path("corpora")] if Path("corpora").is_dir() and not gold else [])
    gold_paths = [Path(g) for g in gold]
    with_context = None if no_context else evaluate.run(targets, gold_paths, config, True)
    without = evaluate.run(targets, gold_paths, config, False)
    primary = with_context or without
    command = "claimlint eval " + " ".join([*paths, *(f"--gold {g}" for g in gold)]) + f" --format {fmt}"
    if output:
        command += f" --output {output}"
    if fmt == "markdown":
        text = evaluate.markdown_report(
            primary, without if with_context else None, "claimlint evaluation on annotated copy", command.strip()
        )
    elif fmt == "json":
        text = json.dumps(evaluate.json_report(primary, without if with_context else None), indent=2) + "\n"
    else:
        text = _eval_text(evaluate, primary, without if with_context else None, show)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def _eval_text(evaluate: Any, primary: Any, without: Any, show: int) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.table import Table

    buffer = StringIO()
    console = Console(file=buffer, width=120, no_color=True)
    table = Table(title=f"{primary.files} files, {primary.annotations} annotations")
    for column in ("category", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for row in evaluate.summary_rows(primary):
        table.add_row(row[0], *(str(v) for v in row[1:4]), *(f"{v:.3f}" for v in row[4:]))
    console.print(table)
    console.print(f"traps hit: {primary.traps_hit}/{primary.traps}")
    if without is not None:
        p, r, f1 = evaluate.prf(*without.totals())
        console.print(
            f"without context: precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}, "
            f"traps hit {without.traps_hit}/{without.traps}"
        )
    for title, items in (("misses", primary.misses), ("false alarms", primary.false_alarms)):
        console.print(f"\n{title} ({len(items)}):")
        for item in items[:show]:
            console.print(f"  {item}", highlight=False)
        if len(items) > show:
            console.print(f"  … {len(items) - show} more (--show N)")
    return buffer.getvalue()


def _profile(packs: Any, path: Path) -> None:
    from claimlint.config import Config
    from claimlint.engine import Linter
    from claimlint.rulecost import profile

    result = profile(Linter(Config(), packs), [path])
    click.echo(
        f"{result.tokens} tokens; all matching {result.match_seconds:.3f} s "
        f"(phrases {result.phrase_seconds:.3f} s, anchor lookup {result.anchor_seconds:.3f} s)"
    )
    click.echo("slowest patterns (seconds, rule, kind, where; regex+ = anchored regex):")
    for cost in result.costs[:25]:
        click.echo(f"  {cost.seconds:8.4f}  {cost.code}  {cost.kind:<6}  {cost.where}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI and map errors to exit codes (2 user error, 3 crash)."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="claimlint", standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else EXIT_ERROR
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.exceptions.Abort:
        return 130
    except ClaimlintError as exc:
        click.echo(f"claimlint: error: {exc}", err=True)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        import traceback

        traceback.print_exc()
        click.echo(f"claimlint: internal error: {exc!r} (please report it)", err=True)
        return EXIT_CRASH
    return 0
