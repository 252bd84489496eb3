"""claimlint: a compliance linter for the marketing copy of medical clinics."""

__version__ = "0.1.0"
