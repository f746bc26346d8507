"""Extract the interface messages and write the translated catalogs (issue 13).

    python tools/catalogs.py   # reflect/locale/reflect.pot, then <lang>/LC_MESSAGES/*.po, .mo

Run it after changing a message marked with _() or a translation in tools/translations_*.py.
A message without a translation in some language is listed and the run fails: every catalog
that ships is complete (tests/unit/test_i18n.py checks the same from the files).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "reflect" / "locale"
sys.path.insert(0, str(ROOT / "tools"))

STAMP = datetime(2026, 12, 4, tzinfo=UTC)
REVIEW = ("Translated by the reflect developers; NEEDS REVIEW by a native-speaking social-work "
          "practitioner before it is relied on.")


def extract() -> Catalog:
    template = LOCALE / "reflect.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    str(ROOT / "babel.cfg"), "-k", "_", "-k", "N_", "-k", "ngettext:1,2",
                    "--no-location", "--sort-output", "--omit-header", "--project", "reflect",
                    "-o", str(template), str(ROOT)], check=True, cwd=ROOT,
                   capture_output=True)
    with template.open("rb") as handle:
        return read_po(handle)


def translations() -> dict[str, dict]:
    """Every batch of translations merged, language by language."""
    import translations_analysis
    import translations_book
    import translations_bounds
    import translations_cli
    import translations_consent
    import translations_core
    import translations_documents
    import translations_files
    import translations_found
    import translations_gate
    import translations_interview
    import translations_interview_record
    import translations_journal
    import translations_lead
    import translations_member_check
    import translations_moments
    import translations_print
    import translations_progress
    import translations_qdpx
    import translations_reflection
    import translations_sealed
    import translations_session
    import translations_stories
    import translations_streaming
    import translations_tables
    import translations_team
    import translations_workshop
    import translations_write

    merged: dict[str, dict] = {}
    for batch in (translations_interview, translations_stories, translations_reflection,
                  translations_analysis, translations_documents, translations_found,
                  translations_cli, translations_core, translations_interview_record,
                  translations_moments, translations_member_check, translations_print,
                  translations_progress, translations_streaming, translations_lead,
                  translations_consent, translations_gate, translations_files, translations_write,
                  translations_bounds, translations_tables, translations_session,
                  translations_sealed, translations_workshop, translations_journal,
                  translations_qdpx, translations_team, translations_book):
        for language, texts in batch_texts(batch).items():
            merged.setdefault(language, {}).update(texts)
    return merged


LANGUAGE_COLUMNS = ("he", "ar", "pt", "it")
"""The order of the translations in a batch's ROWS, after the English."""


def batch_texts(batch) -> dict[str, dict]:
    """A batch's translations by language: its TRANSLATIONS (one dict per language), or its
    ROWS (English, then one column per language) with PLURALS beside them."""
    if hasattr(batch, "TRANSLATIONS"):
        return batch.TRANSLATIONS
    return {language: {row[0]: row[index] for row in batch.ROWS}
            | getattr(batch, "PLURALS", {}).get(language, {})
            for index, language in enumerate(LANGUAGE_COLUMNS, start=1)}


def build(template: Catalog, language: str, texts: dict) -> list[str]:
    catalog = Catalog(locale=language, project="reflect", header_comment=f"# {REVIEW}",
                      fuzzy=False,  # a fuzzy header would leave Plural-Forms out of the .mo
                      creation_date=STAMP, revision_date=STAMP)  # the same files each run
    missing = []
    for message in template:
        if not message.id:
            continue
        translated = texts.get(message.id)
        forms = catalog.num_plurals if isinstance(message.id, tuple) else 1
        if translated is None or (forms > 1 and len(translated) != forms):
            missing.append(str(message.id))
            continue
        catalog.add(message.id, translated)
    folder = LOCALE / language / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "reflect.po").open("wb") as handle:
        write_po(handle, catalog, omit_header=False, width=100)
    with (folder / "reflect.mo").open("wb") as handle:
        write_mo(handle, catalog)
    return missing


def main() -> int:
    template = extract()
    failed = False
    for language, texts in translations().items():
        missing = build(template, language, texts)
        for message in missing:
            print(f"{language}: no translation for {message!r}", file=sys.stderr)
        failed = failed or bool(missing)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
