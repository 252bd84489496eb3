"""Run claimlint as ``python -m claimlint``."""

from claimlint.cli import main

raise SystemExit(main())
