"""The first start (issue 13): the language asked when nothing chose it, then the "does this
line read correctly?" check for a right-to-left language, each saved in the user's settings."""

from __future__ import annotations

import pytest

from reflect import bidi, i18n, settings
from reflect_tui.first_run import BidiCheckScreen, FirstRunApp, bidi_unchecked, language_unsettled
from tests.ui_helpers import screen_lines


@pytest.fixture
def fresh_user(monkeypatch):
    """Nobody chose a language: no flag, no REFLECT_LANG, no setting; the system says English."""
    monkeypatch.delenv("REFLECT_LANG")
    monkeypatch.delenv("REFLECT_BIDI", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    i18n.choose()


def test_only_a_guessed_language_is_asked(fresh_user, monkeypatch):
    assert i18n.chosen_by() in ("system", "default") and language_unsettled()
    monkeypatch.setenv("REFLECT_LANG", "pt")
    i18n.choose()
    assert not language_unsettled() and not bidi_unchecked()  # Portuguese reads left to right
    i18n.choose("he")
    assert not language_unsettled() and bidi_unchecked()
    settings.save(bidi="app")
    assert not bidi_unchecked()


async def test_choosing_hebrew_then_answering_the_check(fresh_user):
    app = FirstRunApp(ask_language=True)
    async with app.run_test(size=(80, 24)) as pilot:
        text = "\n".join(screen_lines(app))
        assert "Which language should reflect speak?" in text
        assert "?רבדי reflect הפש וזיאב" in text  # באיזו שפה… drawn in reading order
        for name in ("English", "Português", "Italiano"):
            assert name in text
        await pilot.press("down", "enter")  # English is highlighted; Hebrew is next
        await pilot.pause()
        assert isinstance(app.screen, BidiCheckScreen)
        text = "\n".join(screen_lines(app))
        assert bidi.display_line("האם השורה הזאת נקראת נכון?") in text
        await pilot.press("enter")  # "Yes, it reads correctly" has the focus
        await pilot.pause()
    assert app.return_value is True
    assert settings.load() == {"language": "he", "bidi": "app"}
    assert i18n.language() == "he"


async def test_a_terminal_that_reorders_gets_bidi_terminal(fresh_user):
    i18n.choose("ar")
    app = FirstRunApp(ask_language=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#no")
        await pilot.pause()
        assert app.screen.second_try and bidi.mode() == "terminal"
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_value is True and settings.load()["bidi"] == "terminal"


async def test_a_terminal_that_reads_backwards_either_way_keeps_reflect_ordering(fresh_user):
    i18n.choose("he")
    app = FirstRunApp(ask_language=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#no")
        await pilot.pause()
        await pilot.click("#no")
        await pilot.pause()
        text = " ".join(" ".join(screen_lines(app)).split())
        assert "README" in text and "Languages and right-to-left text" in text
        await pilot.press("enter")  # Continue
        await pilot.pause()
    assert app.return_value is False
    assert settings.load()["bidi"] == "app" and bidi.mode() == "app"


async def test_quitting_the_first_start_changes_nothing(fresh_user):
    app = FirstRunApp(ask_language=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
    assert app.return_value is None and settings.load() == {}
