"""The interface in its users' languages (issue 13): complete catalogs, the language chosen
the documented way, and the interview screen drawn in Hebrew in reading order."""

from __future__ import annotations

import os
import shutil
import sys

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from reflect import i18n, settings
from reflect.cli import main
from reflect.i18n import LOCALE_DIR
from reflect_tui.app import make_app
from reflect_tui.session import SessionScreen
from tests.ui_helpers import screen_lines

LANGUAGES = ["he", "ar", "pt", "it"]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3)}
ROOT = LOCALE_DIR.parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import catalogs  # noqa: E402 - tools/ is a folder of scripts
import tables_to_po  # noqa: E402


def po(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "reflect.po").open("rb") as handle:
        return read_po(handle)


def marked_in_code() -> set:
    """(context, message) of every message marked in the code."""
    found = set()
    for folder in ("reflect", "screens/reflect_tui"):
        for _, _, message, _, context in extract_from_dir(ROOT / folder, keywords=KEYWORDS,
                                                          method_map=[("**.py", "python")]):
            found.add((context, message if isinstance(message, str) else tuple(message)))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_message_has_a_confirmed_translation(language):
    """Complete and not fuzzy: a message whose English changed is not shipped on a guess."""
    translated = po(language)
    for context, message in marked_in_code():
        entry = translated.get(message, context=context)
        assert entry is not None and not entry.fuzzy, f"{language}: {context} {message!r}"
        forms = entry.string if isinstance(message, tuple) else (entry.string,)
        assert len(forms) == translated.num_plurals or not isinstance(message, tuple)
        assert all(forms), f"{language}: {context} {message!r}"
    assert catalogs.problems(translated, language) == []


def test_a_dropped_placeholder_or_an_untranslated_message_fails_the_check():
    catalog = Catalog(locale="he")
    catalog.add("Wrote {path}", "נכתב")  # {path} dropped
    catalog.add("{count} of {total}", "{count} מתוך {total} {extra}")  # one too many
    catalog.add("Saved", "")
    catalog.add("Back", "חזרה", context="key", flags=["fuzzy"])
    catalog.add(("{count} file in {folder}", "{count} files in {folder}"),
                ("קובץ אחד ב־{folder}", "שני קבצים ב־{folder}", "{count} קבצים"))
    said = "\n".join(catalogs.problems(catalog, "he"))
    assert "'Wrote {path}': placeholders [] where the English has ['path']" in said
    assert "['count', 'extra', 'total']" in said
    assert "'Saved': not translated" in said and "[key] 'Back': fuzzy" in said
    # a plural form may leave out the number ("one file"), never another placeholder
    assert "placeholders ['count'] where the English has ['count', 'folder']" in said
    assert said.count("{count} file in {folder}") == 1


def test_plurals_come_from_the_catalog_as_each_language_counts():
    message = ("{count} result for '{words}'", "{count} results for '{words}'")
    said = {}
    for language in ("pt", "he", "it"):
        i18n.use(language)
        said[language] = [i18n.ngettext(*message, n).format(count=n, words="x")
                          for n in (0, 1, 2)]
    # Portuguese as spoken in Portugal: zero takes the plural (Brazil says "0 resultado")
    assert said["pt"] == ["0 resultados para 'x'", "1 resultado para 'x'",
                          "2 resultados para 'x'"]
    assert po("pt").plural_expr.startswith("(n == 1 ? 0")
    assert said["he"][2] != said["he"][0] and "2" not in said["he"][2]  # the dual: שתי
    assert said["it"][0].startswith("0 risultati")


def test_a_key_label_is_translated_in_its_context():
    i18n.use("pt")
    assert i18n.pgettext("key", "Follow") == "Mais"  # not "Rever", the review of an action
    assert i18n.pgettext("key", "Next") == "Seguir"
    assert i18n.pgettext("key", "Quote") == "Citar"
    assert i18n.pgettext("elsewhere", "Next") == "Next"  # no such context: the English


def test_a_checkout_compiles_a_missing_or_stale_catalog(tmp_path, monkeypatch):
    folder = tmp_path / "locale" / "it" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    source = folder / "reflect.po"
    shutil.copy(LOCALE_DIR / "it" / "LC_MESSAGES" / "reflect.po", source)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    compiled = folder / "reflect.mo"
    assert not compiled.exists()
    assert i18n.translations("it").gettext("Finish the interview?") == "Terminare l'intervista?"
    assert compiled.exists()  # written beside the .po, once
    # a translator's edit: the .po is newer than the .mo, which is compiled again
    text = source.read_text(encoding="utf-8").replace('msgstr "Terminare l\'intervista?"',
                                                      'msgstr "Finire l\'intervista?"')
    source.write_text(text, encoding="utf-8")
    later = compiled.stat().st_mtime + 5
    os.utime(source, (later, later))
    assert i18n.translations("it").gettext("Finish the interview?") == "Finire l'intervista?"
    # a folder that cannot be written (an installed package): compiled in memory
    os.utime(source, (later + 5, later + 5))
    monkeypatch.setattr(os, "replace", lambda *_: (_ for _ in ()).throw(PermissionError()))
    assert i18n.translations("it").gettext("Finish the interview?") == "Finire l'intervista?"


def test_tables_to_po_fills_only_what_no_translator_confirmed_and_twice_is_once(tmp_path):
    catalog = Catalog(locale="pt_PT")
    catalog.add("Empty", "")
    catalog.add("Guessed", "Adivinhado", flags=["fuzzy"], previous_id="Gessed")
    catalog.add("Confirmed", "Do tradutor")
    catalog.add(("{count} file", "{count} files"), ("", "", ""))
    table = tmp_path / "translations_someone.py"
    table.write_text(
        "ROWS = [('Empty', 'ריק', 'فارغ', 'Vazio', 'Vuoto'),\n"
        "        ('Guessed', 'נוחש', 'مُخمَّن', 'Suposto', 'Supposto'),\n"
        "        ('Confirmed', 'מאושר', 'مؤكَّد', 'Da tabela', 'Dalla tabella'),\n"
        "        ('Gone from the code', 'x', 'x', 'x', 'x')]\n"
        "PLURALS = {'pt': {('{count} file', '{count} files'): "
        "('{count} ficheiro', '{count} ficheiros', '{count} ficheiros')}}\n", encoding="utf-8")
    texts = tables_to_po.table_texts(tables_to_po.load(table))["pt"]
    filled, notes = tables_to_po.merge(catalog, texts, overwrite=False, language="pt")
    assert filled == 3 and catalog.get("Empty").string == "Vazio"
    guessed = catalog.get("Guessed")
    assert guessed.string == "Suposto" and not guessed.fuzzy and not guessed.previous_id
    assert catalog.get("Confirmed").string == "Do tradutor"  # the translator's work kept
    assert catalog.get("{count} file").string[1] == "{count} ficheiros"
    assert catalog.get("Gone from the code") is None
    assert any("'Confirmed': kept" in note for note in notes)
    assert tables_to_po.merge(catalog, texts, overwrite=False, language="pt")[0] == 0
    assert tables_to_po.merge(catalog, texts, overwrite=True, language="pt")[0] == 1
    assert catalog.get("Confirmed").string == "Da tabela"


def test_the_language_is_chosen_by_flag_environment_setting_then_locale(monkeypatch, capsys):
    monkeypatch.delenv("REFLECT_LANG")
    monkeypatch.setenv("LANG", "pt_PT.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    assert i18n.choose() == "pt"
    settings.save(language="it")
    assert i18n.choose() == "it"
    monkeypatch.setenv("REFLECT_LANG", "ar")
    assert i18n.choose() == "ar"
    assert i18n.choose("he") == "he" and i18n.is_rtl()
    assert i18n._("Finish the interview?") == "לסיים את הריאיון?"
    with pytest.raises(ValueError):
        i18n.choose("xx")


def test_reflect_language_saves_the_choice_and_says_so(monkeypatch, capsys):
    monkeypatch.delenv("REFLECT_LANG")
    assert main(["language", "it"]) == 0
    assert "La lingua dell'interfaccia ora è Italiano" in capsys.readouterr().out
    assert settings.load()["language"] == "it"
    assert main(["--lang", "xx", "where"]) == 1
    assert "'xx'" in capsys.readouterr().err  # said in the saved language, Italian


async def test_the_interview_screen_in_hebrew_reads_right_to_left(engine, catalog,
                                                                 interview):
    _, _, session = interview
    i18n.use("he")
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        lines = screen_lines(app)
        topbar = lines[1]
        # "Maya (social worker)  Q 1/14 ..." in Hebrew, drawn right to left: the name at the
        # right end, the clock at the left
        assert topbar.rstrip().endswith("(ת/ילאיצוס ת/דבוע) Maya")
        assert "1/14 ׳ש" in topbar and topbar.index("⏱") < topbar.index("1/14")
        assert "בלש" in lines[2]  # "Stage" (שלב), reversed for drawing
        await pilot.press("f10")  # every question on one screen first
        await pilot.pause()
        await pilot.press("f10")  # then finish from there
        await pilot.pause()
        assert "?ןויאירה תא םייסל" in "\n".join(screen_lines(app))  # the finish dialog


def test_no_message_is_marked_inside_an_f_string():
    """Babel does not look inside f-strings: a _() there would never be translated."""
    import re

    hidden = [f"{path.relative_to(ROOT)}:{number}"
              for folder in ("reflect", "screens/reflect_tui")
              for path in (ROOT / folder).rglob("*.py")
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"""f(["']).*\{_\(""", line)]
    assert hidden == []


async def test_the_home_screen_in_portuguese_and_in_hebrew(engine, catalog, store):
    store.create_story("Voltar à escola")
    for code, header, status in (("pt", "História", "candidata"), ("he", "רופיס", "דמעומ")):
        i18n.use(code)
        app = make_app(engine, catalog)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = "\n".join(screen_lines(app))
            assert header in screen and status in screen  # Hebrew as drawn: reversed


def test_dates_and_numbers_follow_the_language():
    from datetime import date, datetime

    from reflect import formats

    moment, last_year = datetime(2026, 12, 4, 15, 18), datetime(2025, 1, 4, 9, 5)
    expected = {"en": ("2026-12-04", "12,345"), "he": ("4.12.2026", "12,345"),
                "pt": ("04/12/2026", "12\u00a0345"), "it": ("04/12/2026", "12.345")}
    for language, (day, number) in expected.items():
        i18n.use(language)
        assert formats.day(date(2026, 12, 4)) == day
        assert formats.number(12345) == number
        assert "2025" in formats.short_moment(last_year)
        assert ":" in formats.short_moment(datetime.now())  # this year: day and time
    i18n.use("it")
    assert formats.long_day(moment.date()) == "4 dicembre 2026"
    i18n.use("ar")
    assert "2026" in formats.day(moment.date()) and "ديسمبر" in formats.long_day(moment.date())


def test_the_command_line_speaks_the_language(capsys, isolated_data_dir):
    assert main(["--lang", "pt", "where"]) == 0
    out = capsys.readouterr().out
    assert "base de dados:" in out and "(ainda não criada)" in out
    with pytest.raises(SystemExit):
        main(["--lang", "it", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: reflect") and "opzioni:" in out
    assert "avviare l'app (predefinito)" in out
    assert main(["--lang", "pt", "restore", "99"]) == 1
    assert "não há cópia com o número ou nome '99'" in capsys.readouterr().err
    assert main(["--lang", "he", "protocols", "check"]) == 0
    assert "תקין: 7 פרוטוקולים, 28 תרגומים" in capsys.readouterr().out  # not a terminal: logical
    with pytest.raises(SystemExit):
        main(["--lang", "ar", "search"])
    assert "خطأ" in capsys.readouterr().err


def test_a_date_typed_as_the_interface_shows_it_is_accepted():
    from datetime import date

    from reflect import formats
    from reflect.dates import parse_day, parse_review_date
    from reflect.errors import ReflectError

    today, day = date(2026, 12, 4), date(2026, 12, 20)
    typed = {"en": ["2026-12-20"], "pt": ["20/12/2026", "20-12-2026", "20/12/26"],
             "it": ["20/12/2026", "20.12.2026"], "he": ["20.12.2026", "20/12/2026"],
             "ar": ["20\u200f/12\u200f/2026", "20/12/2026", "٢٠/١٢/٢٠٢٦"]}
    for language, forms in typed.items():
        i18n.use(language)
        for text in [*forms, "2026-12-20"]:  # ISO in every language
            assert parse_day(text) == day, (language, text)
            assert parse_review_date(text, today) == day, (language, text)
        assert parse_day(formats.day(day)) == day  # whatever Babel writes, it reads back
        assert parse_day("31/02/2026") is None and parse_day("soon") is None
    i18n.use("pt")
    assert parse_review_date("+14", today) == date(2026, 12, 18)
    with pytest.raises(ReflectError) as refused:
        parse_review_date("amanhã", today)
    assert str(refused.value) == ("'amanhã' não é uma data: escreva-a como 18/12/2026 (ou "
                                  "2026-12-18), +14 para 14 dias, ou +2w")
    i18n.use("en")
    assert parse_day("20/12/2026") is None  # English shows ISO dates; 20/12 could be anything


def test_one_term_per_concept_as_the_glossary_says():
    """reflect/locale/GLOSSARY.md's words that must not be used appear in no catalog and no
    translated protocol; Arabic interviewer and informant differ by more than a vowel mark."""
    import re
    import unicodedata

    def bare(text: str) -> str:  # without Arabic vowel marks
        return "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c))

    for language in catalogs.AVOIDED:
        assert not [line for line in catalogs.problems(po(language), language) if "uses" in line]
        for path in (ROOT / "prompts").glob(f"*.{language}.yaml"):
            assert catalogs.avoided(path.read_text(encoding="utf-8"), language) == [], path
    catalog = Catalog(locale="ar")
    catalog.add("the interviewee", "المُقابَل")
    said = catalogs.problems(catalog, "ar")
    assert said == ["ar: 'the interviewee': uses 'مقابَل' (the glossary says: المُشارِك for the "
                    "informant)"]
    arabic = po("ar")
    interviewer, informant = (arabic.get(m).string for m in ("interviewer", "the interviewee"))
    assert bare(interviewer) != bare(informant)
    assert "المُحاوِر" in arabic.get("Signature of the interviewer").string
    assert "المُحاوِر" in arabic.get("Interviewer (who asked and records consent)").string
    # Portuguese: the follow-up key is not the review of an action
    assert po("pt").get("Follow", context="key").string != "Rever"
    glossary = (LOCALE_DIR / "GLOSSARY.md").read_text(encoding="utf-8")
    assert re.search(r"\| informant \| מרואיין/ת \| المُشارِك/ة \| informante \| intervistato/a \|",
                     glossary)
