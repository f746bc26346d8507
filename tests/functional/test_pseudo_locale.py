"""No English left outside the catalogs (issue 13): tests/pseudo_screens.py draws every screen
and dialog in a pseudo-language that wraps each translated message in ⟦ ⟧, over Hebrew-only
data and protocols, and fails on any Latin word outside ⟦ ⟧. It runs in a process of its own:
screens translate their key labels when imported, so the language must be set before that."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_word_on_every_screen_comes_from_the_catalogs():
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "tests/pseudo_screens.py"], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "REFLECT_PSEUDO_LOCALE": "1"}, timeout=600)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
