"""A dropped connection loses nothing (issue 31, point 3): while the team server cannot be
reached, saves go to a journal on the laptop, and reach the server when it is back.

The tests that stop the server run on a PostgreSQL server of their own
(tests/private_postgres.py), never on the CI server other tests share; without PostgreSQL's
programs they are skipped.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from reflect.errors import ReflectError
from reflect.privacy.encryption import PassphraseNeeded
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from reflect.store.journal import Journal, journal_path
from reflect.store.journaled import JournaledStore, store_for
from reflect.vocab import SessionStatus
from reflect_tui.app import make_app
from reflect_tui.session import SessionScreen
from tests.private_postgres import PrivateServer, postgres_bin
from tests.terminal import Terminal, eventually
from tests.ui_helpers import Told, rows, shown, type_text, until

SIZE = (100, 36)
OFFLINE = "offline: kept on this laptop"
needs_postgres = pytest.mark.skipif(postgres_bin() is None,
                                    reason="PostgreSQL's programs are not on this machine")


@pytest.fixture(scope="module")
def server() -> Iterator[PrivateServer]:
    pytest.importorskip("psycopg")
    if postgres_bin() is None:
        pytest.skip("PostgreSQL's programs are not on this machine")
    own = PrivateServer()
    yield own
    own.remove()


@pytest.fixture
def team(server: PrivateServer) -> Iterator[tuple[str, Engine]]:
    """A database of its own on the private server (running), and an engine on it."""
    if not _running(server):
        server.start()
    url = server.new_database()
    engine = open_engine(url)
    yield url, engine
    engine.dispose()
    if not _running(server):
        server.start()


def _running(server: PrivateServer) -> bool:
    return (server.data / "postmaster.pid").exists()


def _interview(store: Store, catalog):
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    return store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                 ConsentRecord(True, "verbal", "Ana"))


def _journaled(engine: Engine) -> str:
    """The newest answer text the journal keeps (read as another program would)."""
    journal = Journal(journal_path(engine.url))
    try:
        texts = [entry.body["fields"].get("text", "") for entry in journal.entries()
                 if entry.kind == "answer"]
    finally:
        journal.close()
    return texts[-1] if texts else ""


def _kept(engine: Engine) -> int:
    journal = Journal(journal_path(engine.url))
    try:
        return len(journal)
    finally:
        journal.close()


@needs_postgres
async def test_the_server_stops_mid_interview_and_every_character_reaches_it(
        server, team, catalog):
    url, engine = team
    session = _interview(Store(engine), catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.store, JournaledStore)
        app.push_screen(SessionScreen(session.id))
        await type_text(pilot, "We met at her home.")
        await until(pilot, lambda: rows(engine, "SELECT text FROM answer WHERE text <> ''")
                    == [("We met at her home.",)], what="saved on the server")
        server.stop()
        await type_text(pilot, " Then the school called.")
        await until(pilot, lambda: OFFLINE in shown(app, "#answer-status"),
                    what="the status line says the saves are kept on the laptop")
        assert "NOT SAVED" not in shown(app, "#answer-status")
        await pilot.press("f2")  # the interviewer's note, while offline
        await type_text(pilot, "she smiled")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.press("ctrl+n")  # the next question, and an answer there
        await type_text(pilot, "Her teacher.")
        await until(pilot, lambda: OFFLINE in shown(app, "#answer-status"))
        await pilot.press("escape")  # left, and opened again, still offline
        await until(pilot, lambda: not isinstance(app.screen, SessionScreen))
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: app.screen.run is not None, what="opened offline")
        assert app.screen.area.text == "Her teacher."
        assert not app.screen.area.read_only
        await type_text(pilot, " And the nurse.")
        await until(pilot, lambda: OFFLINE in shown(app, "#answer-status"))
        await pilot.press("ctrl+q")
    assert _kept(engine) > 0  # quitting kept them on the laptop

    engine.dispose()
    server.start()
    told = Told()
    again = open_engine(url)
    app = make_app(again, catalog)
    async with app.run_test(size=SIZE, message_hook=told) as pilot:
        store = app.store
        assert isinstance(store, JournaledStore)
        await until(pilot, lambda: not store.offline, timeout=15, what="replayed")
        await until(pilot, lambda: "Back online" in str(told))
    answers = dict(rows(again, "SELECT question_id, text FROM answer WHERE text <> ''"))
    assert answers == {"success-what": "We met at her home. Then the school called.",
                       "success-criteria": "Her teacher. And the nurse."}
    assert rows(again, "SELECT text FROM interviewernote") == [("she smiled",)]
    assert rows(again, "SELECT current_question_id FROM session") == [("success-criteria",)]
    assert _kept(again) == 0
    again.dispose()


@needs_postgres
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")
def test_kill_9_while_offline_keeps_the_journal(server, team, catalog):
    url, engine = team
    session = _interview(Store(engine), catalog)
    env = {**os.environ, "TERM": "xterm-256color", "REFLECT_DB": url}
    terminal = Terminal([sys.executable, "-m", "reflect"], env)
    try:
        terminal.wait_for(b"Maya")
        terminal.type("\t\r")
        terminal.wait_for(b"Stage 1/6")
        terminal.type("Before.")
        eventually(lambda: rows(engine, "SELECT text FROM answer WHERE text <> ''")
                   == [("Before.",)])
        engine.dispose()
        server.stop()
        terminal.type(" After the drop.")
        terminal.wait_for(OFFLINE.encode())
        eventually(lambda: _journaled(engine) == "Before. After the drop.",
                   what="the whole text kept in the journal")
    finally:
        terminal.kill()
    assert _kept(engine) > 0
    server.start()
    store = store_for(open_engine(url))
    assert isinstance(store, JournaledStore)
    store.replay()
    assert store.answers(session.id)["success-what"].text == "Before. After the drop."
    assert _kept(store.engine) == 0
    store.close()
    store.engine.dispose()


@needs_postgres
def test_an_edit_made_elsewhere_meanwhile_follows_the_bundle_rules(server, team, catalog):
    url, engine = team
    laptop = JournaledStore(engine, Journal(journal_path(engine.url)), retry_every=3600)
    other = Store(open_engine(url))
    session = _interview(laptop, catalog)
    laptop.session(session.id)
    laptop.answers(session.id)
    laptop.save_answer(session.id, "success-what", text="first")
    # edited on the server by another program the laptop does not hear of, then the laptop
    # is cut off and edits the same answer later: the laptop's edit wins, the other is kept
    other.save_answer(session.id, "success-what", text="theirs, earlier")
    other.engine.dispose()
    server.stop()
    laptop.save_answer(session.id, "success-what", text="ours, later")
    laptop.save_answer(session.id, "success-criteria", text="ours, older")
    laptop.add_note(session.id, "success-criteria", "noted offline", "Ana")
    assert laptop.offline
    server.start()
    # meanwhile, another edits the second answer after the laptop did, and completes the
    # interview: that edit wins, and the note the server no longer takes is kept too
    time.sleep(0.01)  # a later clock reading than the laptop's edit
    other = Store(open_engine(url))
    other.save_answer(session.id, "success-criteria", text="theirs, later")
    other.set_session_status(session.id, SessionStatus.COMPLETED, actor="Bea")
    done = laptop.replay()
    assert not laptop.offline
    assert (done.kept_ours, done.kept_theirs, done.refused) == (1, 1, 1)
    now = other.answers(session.id)
    assert now["success-what"].text == "ours, later"
    assert now["success-criteria"].text == "theirs, later"
    kept = other.superseded_versions()
    contents = " ".join(version.content for version in kept)
    assert "theirs, earlier" in contents and "ours, older" in contents
    assert "noted offline" in contents
    assert len(laptop.journal) == 0
    laptop.close()
    other.engine.dispose()


@needs_postgres
def test_what_needs_the_server_is_refused_plainly_while_offline(server, team, catalog):
    _, engine = team
    laptop = JournaledStore(engine, Journal(journal_path(engine.url)), retry_every=3600)
    session = _interview(laptop, catalog)
    laptop.session(session.id)
    server.stop()
    laptop.save_position(session.id, "success-criteria", 12)
    with pytest.raises(ReflectError, match="cannot be reached"):
        laptop.set_session_status(session.id, SessionStatus.COMPLETED)
    server.start()
    laptop.set_session_status(session.id, SessionStatus.COMPLETED)  # replayed first
    assert not laptop.offline
    assert rows(engine, "SELECT current_question_id, status FROM session") == [
        ("success-criteria", "completed")]
    laptop.close()


def test_an_encrypted_journal_holds_no_plaintext(tmp_path):
    path = tmp_path / "journal.db"
    journal = Journal(path, "correct horse battery")
    journal.append("answer", _an_id(), {"question_id": "q", "fields": {
        "text": "zebracornflower"}}, _now())
    journal.close()
    assert b"zebracornflower" not in path.read_bytes()
    assert b"SQLite format 3" not in path.read_bytes()
    with pytest.raises(PassphraseNeeded):
        Journal(path)
    reopened = Journal(path, "correct horse battery")
    assert [entry.body["fields"]["text"] for entry in reopened.entries()] == [
        "zebracornflower"]
    reopened.close()


def test_a_replayed_entry_leaves_nothing_readable_behind(tmp_path):
    path = tmp_path / "journal.db"
    journal = Journal(path)
    journal.append("answer", _an_id(), {"fields": {"text": "zebracornflower"}}, _now())
    assert b"zebracornflower" in path.read_bytes()  # plain, without a passphrase
    with journal.replaying() as entry:
        assert entry is not None
    assert len(journal) == 0
    journal.close()
    assert b"zebracornflower" not in path.read_bytes()


def test_a_journal_made_plain_is_encrypted_once_a_passphrase_is_set(tmp_path):
    path = tmp_path / "journal.db"
    plain = Journal(path)
    plain.append("position", _an_id(), {"question_id": "zebracornflower"}, _now())
    plain.close()
    encrypted = Journal(path, "correct horse battery")
    assert len(encrypted) == 1
    encrypted.close()
    assert b"zebracornflower" not in path.read_bytes()


async def test_a_sqlite_database_never_journals(engine, catalog, interview,
                                                isolated_data_dir):
    _, _, session = interview
    assert type(store_for(engine)) is Store
    app = make_app(engine, catalog)
    async with app.run_test(size=SIZE) as pilot:
        assert not isinstance(app.store, JournaledStore)
        app.push_screen(SessionScreen(session.id))
        await type_text(pilot, "on the laptop already")
        await until(pilot, lambda: "saved" in shown(app, "#answer-status"))
        assert OFFLINE not in shown(app, "#answer-status")
    assert not (isolated_data_dir / "journal").exists()


def _an_id():
    import uuid

    return uuid.uuid4()


def _now():
    from reflect.models import utcnow

    return utcnow()
