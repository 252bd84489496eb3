"""The user-facing exceptions and the exit codes they map to."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_CRASH = 3


class ClaimlintError(Exception):
    """An error the user can fix; printed without a traceback, exit code 2."""


class LocatedError(ClaimlintError):
    """An error in a file the user wrote (rule pack or config), with its position."""

    def __init__(self, path: str, line: int, column: int, problem: str, code: str | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
        self.code = code
        where = f"{path}:{line}:{column}"
        rule = f" rule {code}:" if code else ""
        super().__init__(f"{where}:{rule} {problem}")


class RulePackError(LocatedError):
    """A rule pack that cannot be loaded."""


class ConfigError(LocatedError):
    """A configuration file with an unknown key or a bad value."""


class InputError(ClaimlintError):
    """A file that cannot be read or decoded."""
