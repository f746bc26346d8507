"""The home screen's three lists (issue 18; one source since issue 30, point 1): what they show,
through the store on SQLite and PostgreSQL and read at a glance with sqlite3 alone before
SQLAlchemy is imported (the same statements, reflect/store/home_lists.sql), in a fixed number
of queries; when the file cannot be read at a glance the app waits for the store; the
protocols' summary is trusted only while the protocol files are unchanged."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, text

from reflect.method import glance
from reflect.method.glance import at_a_glance, from_store
from reflect.protocol.catalog import load_catalog
from reflect.protocol.summary import (
    default_folders,
    fingerprint,
    read_summary,
    summarize,
    write_summary,
)
from reflect.sqlfile import statements
from reflect.store import ConsentRecord
from reflect.text import visible
from reflect.vocab import ActionStatus, SessionStatus, StoryStatus
from reflect_tui.app import make_app
from reflect_tui.home import HomeScreen
from reflect_tui.session import SessionScreen
from tests.ui_helpers import Told, table_rows, until

pytestmark = pytest.mark.both_backends

HOSTILE = "Kay [/] [bold]x[/bold] \x1b[2J =SUM(A1) end"
HEBREW = "ביקור בית עם המשפחה"
ARABIC = "زيارة منزلية للعائلة"
HEBREW_NAME = "נועה [/]"
ARABIC_NAME = "ليلى"
SIZE = (100, 40)


@pytest.fixture
def work(store, catalog):
    """Stories, interviews, a reflection and due actions, in three scripts and hostile text;
    one informant (named in Arabic) withdrew. Each step is newer than the one before."""
    story = store.create_story(HOSTILE, "[b]team[/b]", "=1+1")
    hebrew = store.create_story(HEBREW, "שירות", "")
    worker = store.add_informant(story.id, "Rosa [red]\x07", "social_worker")
    client = store.add_informant(hebrew.id, ARABIC_NAME, "client")
    parent = store.add_informant(hebrew.id, HEBREW_NAME, "family_member")
    first = store.start_interview(worker.id, catalog.get("lfs-practitioner"),
                                  ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(first.id, catalog.get("lfs-practitioner").questions[0].id, text=ARABIC)
    second = store.start_interview(client.id, catalog.get("lfs-client"),
                                   ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(second.id, catalog.get("lfs-client").questions[0].id, text=HEBREW)
    store.save_answer(second.id, catalog.get("lfs-client").questions[1].id, text="")
    store.set_session_status(second.id, SessionStatus.COMPLETED)
    third = store.start_interview(parent.id, catalog.get("lfs-client"),
                                  ConsentRecord(True, "written", "[i]Ana[/i]"))
    store.set_session_status(third.id, SessionStatus.COMPLETED)
    reflection = store.start_reflection(catalog.get("family-preservation"), "Noa [/]",
                                        case_label=HEBREW)
    store.add_action(reflection.id, "Call the school [/]", date.today() - timedelta(days=2))
    store.add_action(reflection.id, ARABIC, date.today())
    store.add_action(reflection.id, "later", date.today() + timedelta(days=5))
    done = store.add_action(reflection.id, "done already", date.today() - timedelta(days=9))
    store.review_action(done.id, ActionStatus.DONE, "")
    store.record_check(client.id, "withdrawn", date.today(), "by letter")
    return store


def _shown(lists):
    """What the three lists say, row by row (the times apart)."""
    return ([(d.review_on, d.text, d.protocol_id) for d in lists.due],
            [(s.title, s.status, s.service) for s in lists.stories],
            [(s.story_title, s.case_label, s.informant, s.interviewer, s.protocol_id, s.status,
              s.answered) for s in lists.sessions])


def test_the_lists_show_what_is_stored(work, catalog):
    lists = from_store(work, date.today(), 100, summarize(catalog))
    due, stories, sessions = _shown(lists)
    today = date.today()
    assert due == [(today - timedelta(days=2), "Call the school [/]", "family-preservation"),
                   (today, ARABIC, "family-preservation")]
    assert stories == [(HEBREW, StoryStatus.INTERVIEWING, "שירות"),
                       (HOSTILE, StoryStatus.INTERVIEWING, "[b]team[/b]")]
    assert sessions == [
        (None, HEBREW, None, "Noa [/]", "family-preservation", SessionStatus.IN_PROGRESS, 0),
        (HEBREW, "", (HEBREW_NAME, "family_member"), "[i]Ana[/i]", "lfs-client",
         SessionStatus.COMPLETED, 0),
        # withdrew: never by their pseudonym (reflect.store.words, issue 28)
        (HEBREW, "", ("Withdrawn informant", "client"), "Ana", "lfs-client",
         SessionStatus.COMPLETED, 1),
        (HOSTILE, "", ("Rosa [red]\x07", "social_worker"), "Ana", "lfs-practitioner",
         SessionStatus.IN_PROGRESS, 1)]
    assert all(s.updated_at.tzinfo is UTC for s in lists.stories + lists.sessions)
    assert lists.sessions == sorted(lists.sessions, key=lambda s: s.updated_at, reverse=True)
    assert lists.protocol_title("family-preservation") == \
        catalog.get("family-preservation").title
    assert lists.questions("lfs-client") == len(catalog.get("lfs-client").questions)
    # a page shorter than the stories there are: the newest
    assert _shown(from_store(work, today, 1, summarize(catalog)))[1] == stories[:1]


def test_the_lists_at_a_glance_are_the_stores_lists(work, catalog, db_path):
    summary = summarize(catalog)
    for page in (100, 1):
        glanced = at_a_glance(db_path, date.today(), page, summary)
        assert glanced == from_store(work, date.today(), page, summary)
        assert ("Withdrawn informant", "client") in [s.informant for s in glanced.sessions]
        assert ARABIC_NAME not in repr(glanced)


def _many(store, catalog, stories: int) -> None:
    for number in range(stories):
        story = store.create_story(f"story {number}", "", "")
        informant = store.add_informant(story.id, f"person {number}", "client")
        session = store.start_interview(informant.id, catalog.get("lfs-client"),
                                        ConsentRecord(True, "verbal", "Ana"))
        store.save_answer(session.id, catalog.get("lfs-client").questions[0].id, text="yes")
        reflection = store.start_reflection(catalog.get("family-preservation"), "Noa")
        store.add_action(reflection.id, f"step {number}", date.today())


def test_a_fixed_number_of_queries_whatever_the_number_of_stories(store, catalog, engine):
    """No query per row: the lists of 2 stories and of 30 cost the same statements."""
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda _c, _cur, statement, *_: seen.append(statement))
    counts = []
    for stories in (2, 28):
        _many(store, catalog, stories)
        seen.clear()
        lists = from_store(store, date.today(), 100, summarize(catalog))
        counts.append(len(seen))
    assert len(lists.stories) == 30 and len(lists.sessions) == glance.RECENT_SESSIONS
    assert len(lists.due) == 30 and {s.answered for s in lists.sessions} <= {0, 1}
    assert counts[0] == counts[1] <= len(statements("home_lists")) + 1


def test_a_fixed_number_of_queries_at_a_glance(store, catalog, db_path, monkeypatch):
    seen: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(seen.append)
        return connection

    monkeypatch.setattr(glance.sqlite3, "connect", traced)
    counts = []
    for stories in (2, 28):
        _many(store, catalog, stories)
        seen.clear()
        assert len(at_a_glance(db_path, date.today(), 100, {}).stories) == \
            (30 if counts else 2)
        counts.append(len(seen))
    # the revision, BEGIN, the three lists
    assert counts[0] == counts[1] == len(statements("home_lists")) + 2


def test_the_statements_are_the_stores_and_glance_never_imports_sqlalchemy():
    """One source: the lists' SQL is in the store's file only; reading at a glance imports
    neither SQLAlchemy nor the store."""
    assert set(statements("home_lists")) == {"due", "stories", "sessions"}
    probe = ("import sys; from reflect.method import glance; "
             "bad = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlmodel') "
             "or m.startswith('reflect.store')]; print(bad)")
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip() == "[]"
    source = Path(glance.__file__).read_text(encoding="utf-8")
    assert "SELECT" not in source.replace("SELECT version_num", "")


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


@pytest.mark.app_as_started
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

