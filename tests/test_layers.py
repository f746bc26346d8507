"""The core never imports Textual: every rule stays usable without a terminal."""

import subprocess
import sys
from pathlib import Path

CORE_MODULES = ["reflect", "reflect.cli.main", "reflect.store.engine", "reflect.models",
                "reflect.paths", "reflect.protocol.definition", "reflect.method.session",
                "reflect.store", "reflect.roles"]


def test_core_does_not_import_textual():
    code = ("import sys\n" + "".join(f"import {m}\n" for m in CORE_MODULES)
            + "bad = [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
            + "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_core_source_mentions_textual_imports():
    core = Path(__file__).resolve().parent.parent / "reflect"
    for path in core.rglob("*.py"):
        for line in path.read_text().splitlines():
            stripped = line.strip()
            assert not stripped.startswith(("import textual", "from textual")), path
