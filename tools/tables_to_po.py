"""Merge translation tables (tools/translations_*.py, the old way) into the .po files.

    python3 tools/tables_to_po.py              # extract, update, then fill from the tables
    python3 tools/tables_to_po.py --overwrite  # also replace translations that differ

The .po files are the source of the translations now (tools/catalogs.py). A branch written
before that may still carry its translations as a Python table: rows of (English, Hebrew,
Arabic, Portuguese, Italian) in ROWS, key labels (context "key") the same way in KEY_ROWS,
plural forms in PLURALS (keyed by the (singular, plural) English), or a TRANSLATIONS dict per
language. This script first brings the .po files up to
the code (tools/catalogs.py's extract and update), then, for every message a table translates,
fills the .po entry when it is untranslated or fuzzy (a guess from an older English, never a
translator's confirmed work); a differing confirmed translation is kept and listed, unless
--overwrite. Rows for messages no longer in the code are skipped. Running it twice changes
nothing the second time. Then delete the tables and run tools/catalogs.py (check, compile).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import catalogs  # noqa: E402 - tools/ is not a package

LANGUAGE_COLUMNS = ("he", "ar", "pt", "it")
"""The order of the translations in a table's ROWS, after the English."""

Translation = str | tuple[str, ...]


class KeyLabel(str):
    """A key label of a table's KEY_ROWS: its .po entry has the context "key" (pgettext)."""


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot read {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def table_texts(table: ModuleType) -> dict[str, dict[Any, Translation]]:
    """A table's translations by language: its TRANSLATIONS (one dict per language), or its
    ROWS (English, then one column per language) with PLURALS beside them."""
    if hasattr(table, "TRANSLATIONS"):
        return dict(table.TRANSLATIONS)
    return {language: {row[0]: row[index] for row in table.ROWS}
            | {KeyLabel(row[0]): row[index] for row in getattr(table, "KEY_ROWS", [])}
            | getattr(table, "PLURALS", {}).get(language, {})
            for index, language in enumerate(LANGUAGE_COLUMNS, start=1)}


def tables(folder: Path) -> list[Path]:
    return sorted(folder.glob("translations_*.py"))


def merge(catalog: Any, texts: dict[Any, Translation], overwrite: bool,
          language: str) -> tuple[int, list[str]]:
    """Fill the catalog from one language's table texts: (entries filled, notes)."""
    filled, notes = 0, []
    for english, translated in texts.items():
        message = catalog.get(english, context="key" if isinstance(english, KeyLabel) else None)
        if message is None or not message.id:
            continue  # no longer in the code
        forms = list(translated) if isinstance(translated, tuple) else [translated]
        if message.pluralizable != isinstance(translated, tuple) or (
                message.pluralizable and len(forms) != catalog.num_plurals):
            notes.append(f"{language}: {english!r}: the table's forms do not fit the catalog's "
                         f"{catalog.num_plurals}; not merged")
            continue
        current = list(message.string) if message.pluralizable else [message.string]
        value = tuple(forms) if message.pluralizable else forms[0]
        if current == forms and not message.fuzzy:
            continue
        if all(current) and not message.fuzzy and not overwrite:
            notes.append(f"{language}: {english!r}: kept the .po's translation (it differs from "
                         "the table's; --overwrite to take the table's)")
            continue
        message.string = value
        message.flags.discard("fuzzy")
        message.previous_id = []
        filled += 1
    return filled, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--overwrite", action="store_true",
                        help="replace a .po translation that differs from the table's")
    parser.add_argument("--tables", type=Path, default=Path(__file__).resolve().parent,
                        help="the folder of the translations_*.py tables (default: tools/)")
    args = parser.parse_args(argv)
    found = tables(args.tables)
    template = catalogs.extract()
    for language in catalogs.LANGUAGES:
        catalogs.update(template, language)
    texts: dict[str, dict[Any, Translation]] = {}
    for path in found:
        for language, batch in table_texts(load(path)).items():
            texts.setdefault(language, {}).update(batch)
    for language in catalogs.LANGUAGES:
        path = catalogs.po_file(language)
        catalog = catalogs.read(path)
        filled, notes = merge(catalog, texts.get(language, {}), args.overwrite, language)
        if filled:
            catalogs.write(path, catalog)
        for note in notes:
            print(note, file=sys.stderr)
        print(f"{language}: {filled} translations taken from {len(found)} tables")
    print("Next: delete the tables (git rm tools/translations_*.py), then run "
          "python3 tools/catalogs.py (check and compile).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
