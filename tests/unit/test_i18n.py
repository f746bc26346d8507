"""The interface in its users' languages (issue 13): complete catalogs, the language chosen
the documented way, and the interview screen drawn in Hebrew in reading order."""

from __future__ import annotations

import gettext
import io

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from reflect import i18n, settings
from reflect.cli import main
from reflect.i18n import LOCALE_DIR
from reflect_tui.app import make_app
from reflect_tui.session import SessionScreen
from tests.ui_helpers import screen_lines

LANGUAGES = ["he", "ar", "pt", "it"]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def po(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "reflect.po").open("rb") as handle:
        return read_po(handle)


def marked_in_code() -> set:
    root = LOCALE_DIR.parent.parent
    found = set()
    for folder in ("reflect", "screens/reflect_tui"):
        for _, _, message, _, _ in extract_from_dir(root / folder, keywords=KEYWORDS,
                                                     method_map=[("**.py", "python")]):
            found.add(message if isinstance(message, str) else tuple(message))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_message_has_a_translation(language):
    translated = po(language)
    for message in marked_in_code():
        key = message[0] if isinstance(message, tuple) else message
        entry = translated.get(key)
        assert entry is not None and entry.string, f"{language}: {message!r}"
        if isinstance(message, tuple):
            assert len(entry.string) == translated.num_plurals and all(entry.string)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_mo_is_the_po_compiled(language):
    buffer = io.BytesIO()
    write_mo(buffer, po(language))
    buffer.seek(0)
    compiled = gettext.GNUTranslations(buffer)
    with (LOCALE_DIR / language / "LC_MESSAGES" / "reflect.mo").open("rb") as handle:
        shipped = gettext.GNUTranslations(handle)
    assert shipped._catalog == compiled._catalog  # noqa: SLF001


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    import string

    def fields(text: str) -> set:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for entry in po(language):
        if not entry.id:
            continue
        source = entry.id if isinstance(entry.id, str) else entry.id[1]
        targets = [entry.string] if isinstance(entry.string, str) else entry.string
        for target in targets:
            assert fields(target) <= fields(source) | {"count"}, (language, entry.id)


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

    root = LOCALE_DIR.parent.parent
    hidden = [f"{path.relative_to(root)}:{number}"
              for folder in ("reflect", "screens/reflect_tui")
              for path in (root / folder).rglob("*.py")
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
