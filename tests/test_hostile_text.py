"""Stored text is only ever text: markup, escapes and control characters in titles,
pseudonyms, answers and principles are shown as written (controls made visible) in every
screen and in CLI output, and never stop the app."""

from __future__ import annotations

import pytest

from reflect.cli import main
from reflect.store import ConsentRecord, Store
from reflect.text import visible
from screens.app import make_app
from screens.search import SearchScreen
from screens.session import SessionScreen
from screens.story import StoryScreen
from screens.themes import ThemesScreen
from screens.workshop import WorkshopScreen
from tests.backends import cli_db
from tests.ui_helpers import table_rows

TITLE = "Kay [/] [bold]loud[/bold] [link=https://x.test]click[/link] \x1b[2J\x0b end"
NAME = "Rosa [red]\x07"
ANSWER = "She said [/] and =HYPERLINK(\"http://x.test\") \x1b]8;;http://x.test\x07here\x9b2J"


def no_controls(text: str) -> bool:
    return not [line for line in text.splitlines() if any(ch in line for ch in "\x1b\x07\x9b\x0b")]


def screen_text(app) -> str:
    """Every character on the screen, row by row, as a person would see it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def hostile(store: Store, catalog):
    story = store.create_story(TITLE, service="[b]team[/b]", success_criteria="[/]",
                               summary="\x1b[31mred")
    informant = store.add_informant(story.id, NAME, "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana [/]"))
    store.save_answer(session.id, "success-what", text=ANSWER, flag_quote=True)
    principle = store.add_principle(story.id, situation="[/] when", action="visit [bold]")
    theme = store.create_theme("Theme [/]\x1b")
    store.assign_theme([principle.id], theme.id)
    return story, session


def test_visible_shows_controls_and_keeps_text():
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible("\x1b[2J\x0b\x00\x7f\x9b") == "␛[2J␋␀␡\\x9b"
    assert visible("[/] שלום عائلة 👋") == "[/] שלום عائلة 👋"
    assert visible("\ud800") == "\\ud800"


async def test_every_screen_shows_hostile_text_as_written(engine, catalog):
    store = Store(engine)
    story, session = hostile(store, catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = screen_text(app)
        assert "Kay [/] [bold]loud[/bold]" in home and "\x1b" not in home
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        text = screen_text(app)
        assert "Kay [/] [bold]loud[/bold] [link=https://x.test]click[/link] ␛[2J␋ end" in text
        assert "Rosa [red]␇" in text and "[b]team[/b]" in text and "␛[31mred" in text
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        text = screen_text(app)
        assert "Rosa [red]␇" in text
        assert no_controls(text), [line for line in text.splitlines() if visible(line) != line]
        app.push_screen(WorkshopScreen(story.id))
        await pilot.pause()
        text = screen_text(app)
        assert "[/] when" in text and "visit [bold]" in text
        assert no_controls(text), [line for line in text.splitlines() if visible(line) != line]
        app.push_screen(ThemesScreen())
        await pilot.pause()
        text = screen_text(app)
        assert "Theme [/]␛" in text
        app.push_screen(SearchScreen())
        await pilot.pause()
        app.screen.query_one("#query").value = "hyperlink"
        await pilot.press("enter")
        await pilot.pause()
        [row] = table_rows(app, "#results")
        assert row[0] == visible(TITLE) and "=HYPERLINK" in row[3] and "␛]8;;" in row[3]
        assert no_controls(screen_text(app))
        app.notify(f"Exported {TITLE}")
        await pilot.pause()


@pytest.mark.sqlite_only
def test_cli_output_shows_hostile_text_as_written(store, catalog, capsys):
    hostile(store, catalog)
    db = cli_db(store.engine)
    assert main(["--db", db, "search", "HYPERLINK"]) == 0
    out = capsys.readouterr().out
    assert "[/]" in out and "HYPERLINK" in out and "␛" in out
    assert not any(ch in out for ch in "\x1b\x07\x9b\x0b")
    assert main(["--db", db, "redact", "add", "[bold]Lotte\x1b"]) == 0
    assert main(["--db", db, "redact", "list"]) == 0
    out = capsys.readouterr().out
    assert "[bold]Lotte␛" in out and "\x1b" not in out


async def test_every_c0_and_c1_control_in_a_title_and_an_answer_stays_off_the_terminal(
        engine, catalog):
    controls = "".join(chr(c) for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)])
    store = Store(engine)
    story = store.create_story(f"All controls {controls} end")
    informant = store.add_informant(story.id, f"Who{controls}", "client")
    session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "change-what", text=f"said {controls} done")
    app = make_app(engine, catalog)
    async with app.run_test(size=(200, 40)) as pilot:
        await pilot.pause()
        assert "All controls ␀␁␂" in screen_text(app)
        for screen in (StoryScreen(story.id), SessionScreen(session.id)):
            app.push_screen(screen)
            await pilot.pause()
            text = screen_text(app)
            assert not [ch for ch in text if ch != "\n" and visible(ch) != ch], repr(text)
