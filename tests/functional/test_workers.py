"""The UI never waits on the disk (issue 30, point 2): screens read and write through workers,
and a worker's failure is handled in one place, the app.

- a screen is shown and takes keys while the store is still reading for it;
- a worker refused by the store (a ReflectError) says so plainly and the app carries on;
- any other failure in a worker is a crash with its private report, as on the UI thread.
"""

from __future__ import annotations

import threading

import pytest

from reflect import paths
from reflect.errors import StorageError
from reflect.store import Store
from reflect_tui.app import make_app
from reflect_tui.search import SearchScreen
from tests.ui_helpers import screen_lines, table_rows, until

SECRET = "The mother told me about the debts"


def drawn(app) -> str:
    return "\n".join(screen_lines(app))


async def test_a_story_is_shown_while_the_store_still_reads_it(engine, catalog, monkeypatch):
    from reflect_tui.story import StoryScreen

    store = Store(engine)
    story = store.create_story("Back to school")
    store.add_informant(story.id, "Ms K", "client")
    release = threading.Event()
    informants = Store.informants

    def slow(self, story_id):
        release.wait(timeout=20)  # the disk, very slow today
        return informants(self, story_id)

    monkeypatch.setattr(Store, "informants", slow)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: table_rows(app, "#stories"))
        await pilot.press("enter")  # the story, from the home list
        await until(pilot, lambda: isinstance(app.screen, StoryScreen))
        await pilot.pause()
        # drawn and answering keys although its lists are still being read
        assert "Informants" in drawn(app) and not table_rows(app, "#informants")
        await pilot.press("e")  # keys are handled meanwhile (nothing to edit yet)
        assert isinstance(app.screen, StoryScreen)
        release.set()
        await until(pilot, lambda: table_rows(app, "#informants"))
        assert table_rows(app, "#informants")[0][0] == "Ms K"
        assert "Back to school" in drawn(app)


async def test_a_store_refusal_in_a_worker_is_said_plainly_and_the_app_goes_on(
        engine, catalog, monkeypatch):
    from reflect_tui.story import StoryScreen
    from reflect_tui.story_form import StoryForm

    store = Store(engine)
    story = store.create_story("Back to school")
    store.add_informant(story.id, "Ms K", "client")

    def refused(*_args, **_kwargs):
        raise StorageError("The database is read-only: nothing was saved.")

    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.push_screen(StoryScreen(story.id))
        await until(pilot, lambda: table_rows(app, "#informants"))
        monkeypatch.setattr(Store, "update_story", refused)
        await pilot.press("e")  # edit the story, and save: the worker's write is refused
        await until(pilot, lambda: isinstance(app.screen, StoryForm))
        await pilot.press(*" again", "ctrl+s")
        await until(pilot, lambda: "read-only" in drawn(app), what="the refusal shown")
        assert "Traceback" not in drawn(app)
        # still running, the story listed again as it is, and the next search answers
        assert app.is_running and isinstance(app.screen, StoryScreen)
        assert "Back to school" in drawn(app) and "again" not in drawn(app)
        monkeypatch.undo()
        app.pop_screen()
        app.push_screen(SearchScreen())
        await pilot.pause()
        await pilot.press(*"school", "enter")
        await until(pilot, lambda: "result" in drawn(app))
    assert app.return_code in (None, 0)


async def test_an_unexpected_failure_in_a_worker_is_a_crash_with_its_report(
        engine, catalog, monkeypatch, capfd):
    store = Store(engine)
    store.create_story(SECRET)

    def broken(*_args, **_kwargs):
        secret = SECRET  # noqa: F841 - a local a traceback with locals would print
        raise RuntimeError(f"something broke near {SECRET}")

    app = make_app(engine, catalog)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: table_rows(app, "#stories"))
            monkeypatch.setattr(Store, "stories", broken)
            await pilot.press("r")  # the reflection dialog lists the stories: in a worker
            await pilot.pause()
    assert app.return_code == 1
    printed = capfd.readouterr()
    message = printed.err + printed.out
    assert "unexpected error" in message and "crash report" in message
    assert "debts" not in message and "Traceback" not in message
    [report] = (paths.data_dir() / "crash-reports").glob("crash-*.txt")
    assert "RuntimeError" in report.read_text() and "debts" not in report.read_text()
