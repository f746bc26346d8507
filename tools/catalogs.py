"""The translated catalogs, kept as translators keep them (issue 32): the .po files are the source.

    python3 tools/catalogs.py           # extract, update the .po files, check them, compile
    python3 tools/catalogs.py --check   # only check the .po files as they are (writes nothing)

1. Extract: Babel reads the messages marked in reflect/ and screens/reflect_tui/ (babel.cfg;
   the keywords _, N_, NP_, ngettext, pgettext, npgettext) into reflect/locale/reflect.pot,
   each with the file it comes from and any comment starting "Translators:" just above it.
2. Update: each reflect/locale/<language>/LC_MESSAGES/reflect.po takes the template's messages
   (Babel's Catalog.update): translations kept, a message whose English changed keeps its old
   translation marked fuzzy until a translator confirms it, a message no longer in the code
   kept at the end as obsolete (#~).
3. Check: every message translated, none fuzzy, each translation's placeholders exactly its
   English's, the right number of plural forms, no word GLOSSARY.md avoids (AVOIDED). The
   number that chooses a plural form is always {count}; a plural form may leave it out ("one
   file", "שני קבצים"), nothing else.
4. Compile each .po to reflect.mo beside it (not kept in git; the wheel compiles its own).

Translators edit the .po files directly (Poedit, Weblate, any editor); the words to use for
the method's concepts are in reflect/locale/GLOSSARY.md. Locations name the file, not the line,
so that moving code does not rewrite every catalog.
"""

from __future__ import annotations

import argparse
import string
import subprocess
import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "reflect" / "locale"
TEMPLATE = LOCALE / "reflect.pot"
LANGUAGES = ("he", "ar", "pt", "it")
KEYWORDS = ("_", "N_", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3", "NP_:1c,2")
WIDTH = 100


def po_file(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "reflect.po"


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def write(path: Path, catalog: Catalog) -> None:
    """A catalog written the one way every tool here writes it (stable diffs). Without the
    previous English of fuzzy entries (#| msgid): Babel writes it but reads it back as a
    comment of the translator's, which would stay after the entry is confirmed."""
    for message in catalog:
        message.user_comments = [line for line in message.user_comments
                                 if not line.startswith("| msgid")]
    with path.open("wb") as handle:
        write_po(handle, catalog, width=WIDTH, include_lineno=False)


def extract() -> Catalog:
    """reflect/locale/reflect.pot from the code (pybabel extract)."""
    keywords = [option for keyword in KEYWORDS for option in ("-k", keyword)]
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
                    str(ROOT / "babel.cfg"), "--no-default-keywords", *keywords,
                    "--add-comments=Translators:", "--add-location=file", "--sort-output",
                    "--omit-header", f"--width={WIDTH}", "--project", "reflect",
                    "-o", str(TEMPLATE), "."], check=True, cwd=ROOT, capture_output=True)
    template = read(TEMPLATE)
    if len(template) < 100:  # the mapping matched nothing: never empty every catalog
        raise SystemExit(f"only {len(template)} messages extracted; is babel.cfg right?")
    return template


def update(template: Catalog, language: str) -> None:
    """The language's .po brought up to the template (pybabel update's merge)."""
    path = po_file(language)
    catalog = read(path)
    catalog.update(template, update_creation_date=False)
    write(path, catalog)


def fields(text: str) -> set[str]:
    """The placeholders of a message: {path}, {count}..."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # an unbalanced brace: no placeholder can be trusted
        return {"<unbalanced brace>"}


AVOIDED = {
    "ar": {"مقابِل": "المُحاوِر for the interviewer", "مقابَل": "المُشارِك for the informant",
           "مخبر": "المُشارِك for the informant", "الأشخاص الذين": "المُشارِكون"},
    "pt": {"sondage": "perguntas de aprofundamento", "entrevistado/a": "informante"},
    "it": {"informator": "intervistato/a", "alla sua fine": "entro la fine della fase"},
}
"""Words reflect/locale/GLOSSARY.md says not to use, and what to use instead (Arabic is
compared without the damma, so that المُقابِل and المقابِل are one word)."""


def avoided(text: str, language: str) -> list[str]:
    """The glossary's advice for each avoided word in a translation."""
    plain = text.replace("\u064f", "")
    return [f"'{word}' (the glossary says: {instead})"
            for word, instead in AVOIDED.get(language, {}).items() if word in plain]


def problems(catalog: Catalog, language: str) -> list[str]:
    """What keeps a catalog from shipping: untranslated, fuzzy, placeholders, plural forms,
    words the glossary avoids."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        where = f"{language}: {message_name(message)}"
        texts = list(message.string) if message.pluralizable else [message.string]
        found += [f"{where}: uses {advice}" for text in texts for advice in avoided(text, language)]
        if message.fuzzy:
            found.append(f"{where}: fuzzy (the English changed; confirm the translation)")
            continue
        forms = list(message.string) if message.pluralizable else [message.string]
        if message.pluralizable and len(forms) != catalog.num_plurals:
            found.append(f"{where}: {len(forms)} plural forms, {catalog.num_plurals} wanted")
        if not all(forms):
            found.append(f"{where}: not translated")
            continue
        expected = fields(message.id[0]) | fields(message.id[1]) if message.pluralizable \
            else fields(message.id)
        for form in forms:
            got = fields(form)
            if got != expected and not (message.pluralizable and got | {"count"} == expected):
                found.append(f"{where}: placeholders {sorted(got)} where the English has "
                             f"{sorted(expected)}")
    return found


def message_name(message: Message) -> str:
    text = message.id[0] if message.pluralizable else message.id
    return f"[{message.context}] {text!r}" if message.context else repr(text)


def compile_mo(language: str) -> None:
    sys.path.insert(0, str(ROOT))
    from reflect.i18n import catalog_files, compiled

    po, mo = catalog_files(language)
    mo.write_bytes(compiled(po))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only check the .po files as they are; write nothing")
    args = parser.parse_args(argv)
    if not args.check:
        template = extract()
        for language in LANGUAGES:
            update(template, language)
    failed = []
    for language in LANGUAGES:
        failed += problems(read(po_file(language)), language)
        if not args.check:
            compile_mo(language)
    for line in failed:
        print(line, file=sys.stderr)
    if failed:
        print(f"{len(failed)} problems: translate or confirm them in the .po files "
              "(reflect/locale/<language>/LC_MESSAGES/reflect.po), then run this again.",
              file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
