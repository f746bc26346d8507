"""Every screen and dialog at 80x24 (and 120x40), with the demo data, long titles and Hebrew:
no column header, button, title or footer key is cut (issue 17)."""

from __future__ import annotations

import contextlib
import re
import threading
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Static

from reflect import bidi_lines, i18n
from reflect.bidi import display_line, has_rtl
from reflect.exchange.demo import demo_path, load_demo
from reflect.roles import Role
from reflect.store.interviews import ConsentRecord
from reflect_tui.app import make_app
from tests.ui_helpers import on_screen, screen_lines, until

LONG = ("A very long story title about a family who found their way back to school, home and "
        "work after three years apart")
HEBREW = "חזרה לבית הספר יחד"
HOSTILE = "[bold]Not bold[/] \x1b[2J a \v tab =HYPERLINK(\"http://x\") and [/] שלום, and more"
ARABIC = "العودة إلى المدرسة معًا"


def drawn(text: str) -> str:
    """A line of the interface as the drawing path draws it: in a Hebrew or Arabic interface a
    right-to-left paragraph with paths, commands and numbers kept whole."""
    if i18n.is_rtl():
        return bidi_lines.display_paragraph_line(text, True)
    return display_line(text)


def squash(text: str) -> str:
    return " ".join(text.split())


def cut_things(app) -> list[str]:
    """What a person cannot read whole on the active screen: column headers, buttons, titles,
    footer keys."""
    screen = app.screen
    shown = "\n".join(screen_lines(app))
    flat = squash(shown)
    width = screen.size.width
    cut = []
    for table in screen.query(DataTable):
        if on_screen(screen, table):
            cut += [f"column {c.label.plain!r}" for c in table.columns.values()
                    if display_line(c.label.plain) not in shown]
    for button in screen.query(Button):
        if on_screen(screen, button) and drawn(str(button.label)) not in shown:
            cut.append(f"button {button.label}")
    for title in screen.query(".section-title, .dialog-title"):
        if on_screen(screen, title) and isinstance(title, Static):
            text = squash(str(title.render()))
            # as drawn: each word in reading order (a wrapped mixed line is reordered line by
            # line, so the words are checked one by one)
            words = [re.sub(r"[()\[\]:;,.!?؛،\"'«»]", "", word) if has_rtl(text) else word
                     for word in text.split()]
            if text and any(display_line(word) not in flat for word in words if word):
                cut.append(f"title {text!r}")
    for key in screen.query("FooterKey"):  # all: one pushed off the edge is not visible
        if key.region.right > width or key.region.width == 0 or \
                drawn(key.description) not in shown:
            cut.append(f"footer key {key.description!r}")
    return cut


@pytest.fixture
def full_store(store, catalog):
    load_demo(store, catalog, demo_path("en"))  # the titles below, in any interface language
    for title in (LONG, HEBREW, ARABIC, HOSTILE):
        story = store.create_story(title, "שירותי רווחה " + title, title + " " + title,
                                   (title + " ") * 4)
        informant = store.add_informant(story.id, "מרים" if title == HEBREW else "Ruth "
                                        + title[:40], "social_worker")
        store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                              ConsentRecord(True, "verbal", "נועה"))
    reflection = store.start_reflection(catalog.get("self-critique"), "סטודנטית", LONG)
    store.add_action(reflection.id, HEBREW + " " + LONG, date.today())
    return store


def story_named(store, title):
    return next(s for s in store.stories() if s.title == title)


async def check(pilot, app, where: str, problems: list[str]) -> None:
    """What is cut once the screen has settled: on a loaded machine a footer or a list can
    take more than one refresh to be drawn, so it is looked at again for up to 3 s."""
    found: list[str] = []

    def whole() -> bool:
        found[:] = cut_things(app)
        return not found

    await pilot.pause()  # a turn of the loop: what was just opened is laid out
    await app.workers.wait_for_complete()  # the screen has read what it shows
    with contextlib.suppress(AssertionError):  # what stayed cut is said below, all together
        await until(pilot, whole, timeout=3)
    problems += [f"{where}: {thing}" for thing in found]


def _any_informant(store):
    return next(i for s in store.stories() for i in store.informants(s.id))


def _slow_job(release: threading.Event):
    """An export job that runs until `release` is set: its dialog stays up while looked at."""
    def job(progress):
        progress(HEBREW, 1, 3)
        release.wait(timeout=60)
        return []
    return job


async def visit_every_screen(pilot, app, engine, catalog, store, titles, look,
                             long_text: str = LONG) -> None:
    """Show each screen and dialog in turn (the stories named by titles with their workshop,
    form, names and interviews; then the others), calling `await look(name)` on each."""
    from reflect.method.session import SessionRun
    from reflect_tui.action_review import ReviewAction
    from reflect_tui.confirm import ConfirmDialog
    from reflect_tui.consent import ConsentDialog, RecordingConsentDialog
    from reflect_tui.export_progress import ExportProgress
    from reflect_tui.history import HistoryScreen
    from reflect_tui.informant_form import InformantForm
    from reflect_tui.member_check import EraseDialog, MemberCheckDialog
    from reflect_tui.passphrase import FirstRunDialog, PassphraseDialog
    from reflect_tui.prompts import PickDialog, SplitDialog, TextPrompt
    from reflect_tui.redaction import RedactionScreen
    from reflect_tui.reflection_start import StartReflection
    from reflect_tui.review import ReviewScreen
    from reflect_tui.search import SearchScreen
    from reflect_tui.session import SessionScreen
    from reflect_tui.story import StoryScreen
    from reflect_tui.story_form import StoryForm
    from reflect_tui.themes import ThemesScreen
    from reflect_tui.workshop import WorkshopScreen

    _ = i18n._
    await look("home")
    for title in titles:
        story = story_named(store, title)
        screens = [("story", StoryScreen(story.id)), ("workshop", WorkshopScreen(story.id)),
                   ("story form", StoryForm(story)),
                   ("names", RedactionScreen(story.id, story.title))]
        for session in store.sessions_for_story(story.id):
            screens.append(("interview", SessionScreen(session.id)))
        for name, screen in screens:
            app.push_screen(screen)
            await look(f"{name} of {title[:20]}")
            app.pop_screen()
    reflection = store.sessions_of_kind("reflection")[0]
    action = store.actions(reflection.id)[0]
    release = threading.Event()
    others = [
        ("reflection", SessionScreen(reflection.id)),
        ("history", HistoryScreen()), ("themes", ThemesScreen()), ("search", SearchScreen()),
        ("start reflection", StartReflection(catalog.of_kind("reflection"), store.stories(),
                                             "סטודנטית")),
        ("informant form", InformantForm()),
        ("consent", ConsentDialog(catalog.get("lfs-client"), f"מרים ({Role.CLIENT.label})",
                                  "נועה")),
        ("consent to record", RecordingConsentDialog(long_text)),
        ("erase", EraseDialog(long_text)),
        ("confirm", ConfirmDialog(_("Finish the interview?"), long_text, _("Finish"))),
        ("review action", ReviewAction(action, long_text)),
        ("first run", FirstRunDialog(engine_path(engine))),
        ("passphrase", PassphraseDialog(engine_path(engine), long_text)),
        ("text prompt", TextPrompt(long_text, long_text)),
        ("pick", PickDialog(long_text, [("a", long_text), ("b", HEBREW)])),
        ("split", SplitDialog(long_text, [("a", long_text), ("b", HEBREW)])),
        ("review", ReviewScreen(SessionRun.resume(store, reflection.id))),
        ("export progress", ExportProgress(long_text, _slow_job(release), show_after=0)),
        ("member check", MemberCheckDialog(store.informants(story_named(store, titles[0]).id)[0]
                                           if titles else _any_informant(store))),
    ]
    for name, screen in others:
        app.push_screen(screen)
        await look(name)
        app.pop_screen()
    release.set()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_every_screen_shows_its_labels_whole(engine, catalog, full_store, size):
    await every_label_whole(engine, catalog, full_store, size)


@pytest.mark.parametrize("language", ["he", "ar", "pt", "it"])
async def test_every_label_is_whole_at_80x24_in_every_language(engine, catalog, full_store,
                                                               language):
    """Translations are longer or shorter than English: none may be cut (a footer's ^q Quit
    pushed off the screen, a button's label shortened). In this process: key labels are
    translated when they are drawn, so the language changes without a restart."""
    i18n.use(language)
    await every_label_whole(engine, catalog, full_store, (80, 24))


async def every_label_whole(engine, catalog, full_store, size):
    from reflect_tui.home import HomeScreen

    store = full_store
    problems: list[str] = []
    app = make_app(engine, catalog)
    async with app.run_test(size=size) as pilot:
        async def look(where: str) -> None:
            await check(pilot, app, where, problems)

        await visit_every_screen(pilot, app, engine, catalog, store,
                                 (LONG, HEBREW, HOSTILE, "Back to school together"), look)
        app.push_screen(HomeScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()  # its lists read
        await pilot.pause()
        await pilot.press("tab")  # the sessions table: the cut title whole on the line below
        shown = " ".join(screen_lines(app))
        assert "[bold]Not bold[/] ␛[2J" in shown and "=HYPERLINK(" in shown
    assert problems == [], "\n".join(problems)


def engine_path(engine):

    return Path(engine.url.database or "reflect.db")
