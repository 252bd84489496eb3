"""Plain-text sections shared by the line-oriented formats: baseline and suppressions."""

from __future__ import annotations

from typing import TextIO

from claimlint.report import Report


def write_sections(report: Report, stream: TextIO) -> None:
    """Write the baseline comparison and the suppression list, when the run has them."""
    if report.baseline is not None:
        b = report.baseline
        stream.write(
            f"\nBaseline {b.path}: {b.new} new, {len(b.unchanged)} unchanged (not shown), {len(b.gone)} gone\n"
        )
        for e in b.gone:
            stream.write(f"  gone: {e.path}: {e.code} '{e.text}' in \"{e.sentence}\"\n")
    if report.suppressions is not None:
        stream.write(f"\nSuppressions in use ({len(report.suppressions)}):\n")
        for u in report.suppressions:
            codes = ",".join(u.codes) or "all rules"
            reason = f'reason="{u.reason}"' if u.reason else "no reason"
            expires = f"expires={u.expires}" if u.expires else "no expiry"
            stream.write(
                f"  {u.path}:{u.line}: {u.action} {codes}; {reason}; {expires}; {u.status}; "
                f"silenced {u.silenced} finding(s)\n"
            )
