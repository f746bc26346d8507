"""Fixes from a newcomer's first interview at 80x24 (issue 17), one test each."""

from __future__ import annotations

import re
import time

from reflect.cli import main
from reflect.exchange.demo import load_demo
from reflect.store import Store
from reflect_tui.app import make_app
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.session import SessionScreen
from tests.backends import cli_db
from tests.ui_helpers import Told, burst, rows, shown, until


async def keys(pilot, *names: str) -> None:
    """Press the keys, then let the app settle."""
    await pilot.press(*names)
    await pilot.pause()


async def test_enter_in_the_finish_dialog_finishes(engine, catalog, interview):
    _, _, session = interview
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), notifications=True, message_hook=told) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await keys(pilot, "f10", "f10")  # the review, then finish from it
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # going back is never silent
        await pilot.pause()
        assert any("still in progress" in said for said in told.messages)
        await keys(pilot, "f10", "f10")  # the review, then finish from it
        await keys(pilot, "enter")
        assert not isinstance(app.screen, (ConfirmDialog, SessionScreen))
    assert rows(engine, "SELECT status FROM session") == [("completed",)]


def test_a_story_is_found_by_the_start_of_its_title(store, catalog, tmp_path, capsys):
    load_demo(store, catalog)
    assert store.find_story("keeping").title == "Keeping Mrs. A at home"
    db = cli_db(store.engine)
    assert main(["--db", db, "export", "story", "Keeping", "--out", str(tmp_path)]) == 0
    assert list(tmp_path.glob("*.md"))
    Store(store.engine).create_story("Keeping going")
    assert main(["--db", db, "export", "story", "Keeping", "--out", str(tmp_path)]) == 1
    assert "2 stories match 'Keeping'; give more of the title" in capsys.readouterr().err


async def test_the_clock_shown_at_finish_is_the_clock_stored(engine, store, catalog,
                                                             interview):
    """What is stored is the clock drawn at F10 (or the second it turned to while the key was
    on its way, as a loaded machine may take)."""
    _, _, session = interview
    store.save_position(session.id, "success-what", 152)  # 0:02:32 when it opens
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: "⏱ 0:02:" in shown(app, "#topbar"), what="the clock")
        before = time.monotonic()
        hours, minutes, seconds = re.search(r"⏱ (\d+):(\d\d):(\d\d)",
                                            shown(app, "#topbar")).groups()
        drawn = 3600 * int(hours) + 60 * int(minutes) + int(seconds)
        await keys(pilot, "f10")  # the review
        on_its_way = time.monotonic() - before
        await keys(pilot, "f10")  # finish from it
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await keys(pilot, "enter")
    [(stored,)] = rows(engine, "SELECT elapsed_seconds FROM session")
    assert drawn <= stored <= drawn + 1 + int(on_its_way)


async def test_enter_on_an_empty_passphrase_says_what_to_do(tmp_path):
    from reflect_tui.passphrase import FirstRunDialog
    from tests.ui_helpers import shown

    app = make_app(db=str(tmp_path / "new.db"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunDialog)
        await keys(pilot, "enter")
        assert "Type a passphrase first" in shown(app, "#form-error")
        assert app.screen.query_one("#passphrase").has_focus


async def test_flags_show_in_the_outline_and_a_quote_in_the_story_export(engine, catalog,
                                                                        interview, tmp_path):
    from reflect.exchange.documents import export_story

    story, _, session = interview
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await pilot.press(*"We met at her home every week.")
        await keys(pilot, "ctrl+t", "ctrl+f")
        outline = app.screen.query_one("#outline")
        first = str(outline.get_option("success-what").prompt)
        assert "★⚑" in first
    [markdown] = [p for p in export_story(Store(engine), story.id, tmp_path) if p.suffix == ".md"]
    assert "> We met at her home every week.\n> — Maya (social worker)" in markdown.read_text()


async def test_esc_in_the_story_form_asks_before_throwing_edits_away(engine, catalog):
    from reflect_tui.home import HomeScreen
    from reflect_tui.story_form import StoryForm

    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "n")
        assert isinstance(app.screen, StoryForm)
        await keys(pilot, *"Half a title", "escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # "Keep editing" has the focus
        await pilot.pause()
        assert isinstance(app.screen, StoryForm)
        assert app.screen.query_one("#title").value == "Half a title"
        await keys(pilot, "escape")
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await keys(pilot, "n")
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_start_a_reflection_fits_80x24(engine, catalog):
    from reflect_tui.reflection_start import StartReflection

    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "r")
        assert isinstance(app.screen, StartReflection)
        for selector in (".dialog-title", "#start", "#cancel", "#author", "#case", "#story"):
            region = app.screen.query_one(selector).region
            assert region.height and region.y >= 0 and region.bottom <= 24, (selector, region)
        protocols = app.screen.query_one("#protocols")
        assert protocols.region.height >= 8  # four protocols, two lines each


async def test_home_tells_two_interviews_of_a_long_story_apart(engine, catalog, store):
    from reflect.store.interviews import ConsentRecord
    from tests.ui_helpers import screen_lines

    title = "Keeping a family of six together through the winter, with the school and the clinic"
    story = store.create_story(title)
    for name, role, protocol in (("Sara", "social_worker", "lfs-practitioner"),
                                 ("Hana", "client", "lfs-client")):
        informant = store.add_informant(story.id, name, role)
        store.start_interview(informant.id, catalog.get(protocol),
                              ConsentRecord(True, "verbal", "Ana"))
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        for who, progress in (("Sara (social worker)", "0/14"), ("Hana (client)", "0/10")):
            line = next(line for line in screen.splitlines() if who in line)
            assert "in progress" in line and progress in line and "…" in line
        await keys(pilot, "tab")  # to the sessions table: the full title is on the line below
        assert title in " ".join(line.strip() for line in screen_lines(app))


async def test_the_balance_prompt_shows_whole_at_80x24(engine, catalog, store):
    from tests.ui_helpers import screen_lines

    protocol = catalog.get("self-critique")
    session = store.start_reflection(protocol, "Sam", "Family K")
    store.save_answer(session.id, "did-less-well", value=["late", "rushed", "no plan"])
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id, "did-well"))
        await pilot.pause()
        right = [line.split("│", 1)[-1] for line in screen_lines(app)]
        screen = " ".join(" ".join(right).split())
        assert " ".join(protocol.balance.ask_for_positive.split()) in screen


async def test_the_story_screen_shows_criteria_and_summary_at_80x24(engine, catalog, store):
    from reflect_tui.story import StoryScreen
    from tests.ui_helpers import screen_lines

    long = " ".join(["The son went back to school and stayed, week after week."] * 6)
    story = store.create_story("Back to school", "Family support", long, "A summary " + long)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await app.workers.wait_for_complete()  # the story read by its worker
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "Success: The son went back" in screen
        assert "Summary: A summary The son" in screen
        assert "(e shows it all)" in screen


async def test_tab_after_fast_typing_moves_to_the_next_field(engine, catalog):
    from reflect_tui.story_form import StoryForm

    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "n")
        assert isinstance(app.screen, StoryForm)
        await burst(pilot, "Title one", "tab", "Service two", "tab", "criteria three", "tab",
                    "summary four")
        await keys(pilot, "ctrl+s")
    assert rows(engine, "SELECT title, service, success_criteria, summary FROM story") == [
        ("Title one", "Service two", "criteria three", "summary four")]


async def test_go_to_with_fast_keys_opens_the_question_counted(engine, catalog, interview):
    _, _, session = interview
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        await burst(pilot, "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n", "ctrl+g", "up", "up", "enter")
        assert app.screen.run.question.id == app.screen.run.questions[2].id
        await keys(pilot, *"typed")
        await until(pilot, lambda: rows(engine, "SELECT question_id, text FROM answer WHERE "
                                                "text != ''") == [("before-situation", "typed")])


def test_export_file_names_end_on_a_whole_word_in_any_script():
    from reflect.files import slug

    title = "Keeping a family of six together through the winter with the school"
    assert slug(title) == "keeping-a-family-of-six-together-through-the"
    assert slug("חזרה לבית הספר: יחד!") == "חזרה-לבית-הספר-יחד"
    assert slug("Família à Mesa / Città") == "família-à-mesa-città"
    assert slug("***", fallback="story") == "story"
    assert slug("x" * 80, limit=10) == "x" * 10
