"""Importing spaCy without its CLI must leave a normal spaCy behind."""

from __future__ import annotations

import subprocess
import sys


def test_spacy_loads_without_its_cli_and_the_cli_still_imports_later() -> None:
    code = (
        "import sys\n"
        "from claimlint.spacyload import load_spacy\n"
        "spacy = load_spacy()\n"
        "assert 'typer' not in sys.modules and 'requests' not in sys.modules, 'CLI dependencies were loaded'\n"
        "assert 'spacy.cli' not in sys.modules and not hasattr(spacy, 'cli')\n"
        "assert [t.text for t in spacy.blank('en')(\"You'll see.\")] == ['You', \"'ll\", 'see', '.']\n"
        "import spacy.cli\n"
        "from spacy.cli.info import info\n"
        "assert spacy.cli.__file__.endswith('__init__.py') and callable(info)\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
