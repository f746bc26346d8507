"""The layers, as the imports between them (README "Architecture").

Lowest first; each may import only what stands below it (and itself):

| layer    | what it is                                             | may also import      |
|----------|--------------------------------------------------------|----------------------|
| shared   | reflect/*.py: models, vocab, roles, errors, paths, ... | nothing of ours      |
| protocol | protocol files as data, the balance rule, answer text  | shared               |
| privacy  | encryption, redaction, the key file                    | shared               |
| audio    | the codec of stored audio, capture                     | shared               |
| store    | transactions, aggregates, schema, search               | protocol, privacy, audio |
| method   | a session's flow, a story's interviews by topic        | store and below      |
| exchange | bundles, demo set, CSV, REFI-QDA, Markdown, .docx      | method and below     |
| screens  | the Textual UI                                         | exchange and below   |
| cli      | the commands; starts the app (reflect_tui.app, deferred) | everything          |

The core (reflect/ but the command that starts the app) never imports Textual or
the UI (reflect_tui, in screens/).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"protocol", "privacy", "audio", "store", "method", "exchange", "cli"}
BELOW = {
    "shared": set(),
    "protocol": {"shared"},
    "privacy": {"shared"},
    "audio": {"shared"},
    "store": {"shared", "protocol", "privacy", "audio"},
    "method": {"shared", "protocol", "privacy", "audio", "store"},
    "exchange": {"shared", "protocol", "privacy", "audio", "store", "method"},
    "screens": {"shared", "protocol", "privacy", "audio", "store", "method", "exchange"},
    "cli": {"shared", "protocol", "privacy", "audio", "store", "method", "exchange", "screens"},
}
LONGEST_MODULE = 400
"""Lines; a core module past this does more than one job (revisions and tests aside)."""


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] == "reflect_tui":
        return "screens"
    if parts[0] != "reflect":
        return None
    if parts[1:2] == ["__main__"]:
        return "cli"  # `python -m reflect` is the command line
    return parts[1] if len(parts) > 1 and parts[1] in PACKAGES else "shared"


def module_name(path: Path) -> str:
    base = ROOT / "screens" if path.is_relative_to(ROOT / "screens") else ROOT
    parts = list(path.relative_to(base).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def source_files() -> list[Path]:
    files = [*(ROOT / "reflect").rglob("*.py"), *(ROOT / "screens" / "reflect_tui").rglob("*.py")]
    return [f for f in files if "migrations" not in f.parts]


def test_every_import_goes_down_the_layers():
    wrong = []
    for path in source_files():
        here = layer_of(module_name(path))
        for module in imported_modules(path):
            there = layer_of(module)
            if there is None or there == here:
                continue
            if there not in BELOW[here]:
                wrong.append(f"{path.relative_to(ROOT)} ({here}) imports {module} ({there})")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_layer_test_knows_every_package():
    packages = {p.name for p in (ROOT / "reflect").iterdir()
                if (p / "__init__.py").exists()}
    assert packages == PACKAGES


def test_no_core_module_does_too_many_jobs():
    long = {str(p.relative_to(ROOT)): n for p in source_files() if p.parts[-2] != "reflect_tui"
            if (n := len(p.read_text().splitlines())) > LONGEST_MODULE}
    assert not long, long


def test_core_does_not_import_textual():
    core = [module_name(p) for p in (ROOT / "reflect").rglob("*.py")
            if "migrations" not in p.parts and p.stem != "__main__"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in core)
            + "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'reflect_tui')]\n"
            + "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_no_core_source_mentions_textual_imports():
    for path in (ROOT / "reflect").rglob("*.py"):
        for module in imported_modules(path):
            assert module.split(".")[0] != "textual", path
            assert module.split(".")[0] != "reflect_tui" or layer_of(module_name(path)) == "cli"


def test_shipped_files_are_found_by_the_package_loader_alone():
    """Catalogs, fonts, templates and revisions are found through reflect.package
    (importlib.resources), not by paths each module computes from its own __file__."""
    computed = [str(p.relative_to(ROOT)) for p in source_files()
                if "__file__" in p.read_text(encoding="utf-8")]
    assert computed == []
