"""The home lists read at a glance (sqlite3 alone, before SQLAlchemy is imported) are the lists
the store gives; when the file cannot be read that way the app waits for the store; the
protocols' summary is trusted only while the protocol files are unchanged (issue 18)."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from reflect.method.glance import at_a_glance, from_store
from reflect.protocol.catalog import load_catalog
from reflect.protocol.summary import (
    default_folders,
    fingerprint,
    read_summary,
    summarize,
    write_summary,
)
from reflect.store import ConsentRecord
from reflect.text import visible
from reflect.vocab import SessionStatus
from reflect_tui.app import make_app
from reflect_tui.home import HomeScreen
from reflect_tui.session import SessionScreen
from tests.ui_helpers import Told, table_rows, until

HOSTILE = "Kay [/] [bold]x[/bold] \x1b[2J =SUM(A1) end"
HEBREW = "ביקור בית עם המשפחה"
ARABIC = "زيارة منزلية للعائلة"
SIZE = (100, 40)


@pytest.fixture
def work(store, catalog):
    """Stories, interviews, a reflection and due actions, in three scripts and hostile text."""
    story = store.create_story(HOSTILE, "[b]team[/b]", "=1+1")
    hebrew = store.create_story(HEBREW, "שירות", "")
    worker = store.add_informant(story.id, "Rosa [red]\x07", "social_worker")
    client = store.add_informant(hebrew.id, ARABIC, "client")
    first = store.start_interview(worker.id, catalog.get("lfs-practitioner"),
                                  ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(first.id, catalog.get("lfs-practitioner").questions[0].id, text=ARABIC)
    second = store.start_interview(client.id, catalog.get("lfs-client"),
                                   ConsentRecord(True, "verbal", "Ana"))
    store.set_session_status(second.id, SessionStatus.COMPLETED)
    reflection = store.start_reflection(catalog.get("family-preservation"), "Noa [/]",
                                        case_label=HEBREW)
    store.add_action(reflection.id, "Call the school [/]", date.today() - timedelta(days=2))
    store.add_action(reflection.id, ARABIC, date.today())
    store.add_action(reflection.id, "later", date.today() + timedelta(days=5))
    return store


def test_the_lists_at_a_glance_are_the_stores_lists(work, catalog, db_path):
    summary = summarize(catalog)
    glanced = at_a_glance(db_path, date.today(), 100, summary)
    stored = from_store(work, date.today(), 100, summary)
    assert glanced == stored
    assert [d.text for d in glanced.due] == ["Call the school [/]", ARABIC]
    assert {s.title for s in glanced.stories} == {HOSTILE, HEBREW}
    assert len(glanced.sessions) == 3
    assert glanced.protocol_title("family-preservation") == \
        catalog.get("family-preservation").title
    # a page shorter than the stories there are
    assert at_a_glance(db_path, date.today(), 1, summary).stories == \
        from_store(work, date.today(), 1, summary).stories


def test_what_cannot_be_read_at_a_glance_waits_for_the_store(work, catalog, db_path, tmp_path,
                                                             engine):
    summary = summarize(catalog)
    assert at_a_glance(None, date.today(), 100, summary) is None  # a server
    assert at_a_glance(tmp_path / "none.db", date.today(), 100, summary) is None
    scrambled = tmp_path / "encrypted.db"
    scrambled.write_bytes(bytes(range(256)) * 64)
    assert at_a_glance(scrambled, date.today(), 100, summary) is None
    notes = tmp_path / "notes.db"
    notes.write_text("not a database\n" * 100)
    assert at_a_glance(notes, date.today(), 100, summary) is None
    with engine.begin() as conn:  # a schema the app must upgrade first
        conn.execute(text("UPDATE alembic_version SET version_num = '0013'"))
    assert at_a_glance(db_path, date.today(), 100, summary) is None


def test_the_summary_is_trusted_only_while_the_protocol_files_are_unchanged():
    assert read_summary() is None
    files = fingerprint(default_folders())
    catalog = load_catalog()
    write_summary(catalog, files)
    assert read_summary() == summarize(catalog)
    mine = default_folders()[1] / "mine.yaml"
    mine.write_text("id: mine\n")
    assert read_summary() is None
    mine.unlink()
    assert read_summary() == summarize(catalog)


def test_a_summary_taken_before_a_file_changed_is_never_trusted(tmp_path):
    files = fingerprint(default_folders())  # taken before the catalog read them
    (default_folders()[1] / "late.yaml").write_text("id: late\n")
    write_summary(load_catalog(), files)
    assert read_summary() is None


async def test_the_home_lists_show_before_the_database_opens(work, engine, db_path,
                                                               monkeypatch):
    engine.dispose()
    write_summary(load_catalog(), fingerprint(default_folders()))
    from reflect.store import engine as engines

    release, opening = threading.Event(), engines.open_engine

    def slow_open(*args, **kwargs):
        release.wait(timeout=10)
        return opening(*args, **kwargs)

    monkeypatch.setattr(engines, "open_engine", slow_open)
    app = make_app(db=str(db_path))
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        await until(pilot, lambda: table_rows(app, "#sessions"), what="the glance lists")
        assert app.store is None and isinstance(app.screen, HomeScreen)
        sessions = table_rows(app, "#sessions")
        assert [row[1] for row in sessions][-1] == visible("Rosa [red]\x07") + " (social worker)"
        assert table_rows(app, "#due")[0][1] == "Call the school [/]"
        # a row chosen now is opened as soon as the database is
        app.screen.query_one("#sessions").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Opening the database" in " ".join(told.messages)
        release.set()
        await app.workers.wait_for_complete()
        await until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.pause()  # and mounted
        assert app.store is not None and isinstance(app.screen, SessionScreen)
        assert app.screen.session_id == work.recent_sessions()[1].id
        app.screen.leave_saving()
        app.pop_screen()
        await pilot.pause()
        app.pop_screen()  # the story the interview belongs to
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert table_rows(app, "#sessions") == sessions  # the same lists from the store
        assert app.screen.query_one("#sessions").cursor_row == 1  # still on the row chosen

def test_reading_at_a_glance_never_writes(work, db_path):
    before = db_path.read_bytes()
    at_a_glance(db_path, date.today(), 100, {})
    assert db_path.read_bytes() == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

