"""Import spaCy without its command-line interface, which claimlint never uses.

`import spacy` runs `from .cli.info import info`, and spaCy's CLI pulls in typer, weasel and
requests: about 0.1 s of a 0.45 s import, paid on every pre-commit run. While spaCy's package
initialises, that one module is a stand-in whose `info` imports the real one when called; the
stand-in is removed afterwards, so a later `import spacy.cli` loads the real CLI as usual.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info

    return info(*args, **kwargs)


def load_spacy() -> Any:
    """The `spacy` module, imported without loading its CLI first."""
    loaded = sys.modules.get("spacy")
    if loaded is not None:
        return loaded
    cli = types.ModuleType("spacy.cli")
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    finally:
        for name, stand_in in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
        package = sys.modules.get("spacy")
        if package is not None and getattr(package, "cli", None) is cli:
            delattr(package, "cli")
    return spacy
