"""Storage: consent gating, answers, snapshots, SQLite settings, schema versions and bad files."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from reflect.errors import ReflectError
from reflect.models import SessionStatus, StoryStatus
from reflect.store import ConsentRecord, Store, schema
from reflect.store.engine import open_engine
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends


def test_sqlite_settings_and_owner_only_file(engine, db_path):
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == schema.HEAD
    assert db_path.stat().st_mode & 0o777 == 0o600


def test_consent_given_starts_interview_and_moves_story(store, catalog, interview):
    story, informant, session = interview
    assert session.status == SessionStatus.IN_PROGRESS
    assert session.consent_given is True and session.consent_method == "verbal"
    assert session.consent_recorded_by == "Ana" and session.consent_at is not None
    assert session.consent_text_version == catalog.get("lfs-practitioner").consent.version
    assert session.current_question_id == "success-what"
    assert store.story(story.id).status == StoryStatus.INTERVIEWING


def test_refused_consent_is_recorded_and_blocks_answers(store, catalog):
    story = store.create_story("S")
    client = store.add_informant(story.id, "Rosa", "client")
    session = store.start_interview(client.id, catalog.get("lfs-client"),
                                    ConsentRecord(False, "verbal", "Ana"))
    assert session.status == SessionStatus.DECLINED and session.consent_given is False
    assert session.current_question_id is None
    assert store.story(story.id).status == StoryStatus.CANDIDATE
    with pytest.raises(ReflectError, match="consent was refused"):
        store.save_answer(session.id, "change-what", text="x")
    with pytest.raises(ReflectError, match="cannot be reopened"):
        store.set_session_status(session.id, SessionStatus.IN_PROGRESS)
    assert store.answers(session.id) == {}


def test_consent_needs_interviewer_and_known_method(store, catalog, interview):
    _, informant, _ = interview
    protocol = catalog.get("lfs-practitioner")
    with pytest.raises(ReflectError, match="who recorded the consent"):
        store.start_interview(informant.id, protocol, ConsentRecord(True, "verbal", "  "))
    with pytest.raises(ReflectError, match="consent method"):
        store.start_interview(informant.id, protocol, ConsentRecord(True, "telepathy", "Ana"))


def test_answer_upsert_keeps_one_row_per_question(store, interview, engine):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text="first")
    store.save_answer(session.id, "success-what", text="second", flag_quote=True)
    store.save_answer(session.id, "success-what", flag_follow_up=True)
    answer = store.answers(session.id)["success-what"]
    assert (answer.text, answer.flag_quote, answer.flag_follow_up) == ("second", True, True)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM answer")).scalar() == 1


def test_informant_and_story_need_names(store):
    with pytest.raises(ReflectError, match="title"):
        store.create_story("   ")
    story = store.create_story("S")
    with pytest.raises(ReflectError, match="pseudonym"):
        store.add_informant(story.id, " ", "client")


def test_session_uses_its_snapshot_not_todays_file(store, catalog, interview):
    _, informant, session = interview
    stored = store.protocol_of(session)
    assert stored == catalog.get("lfs-practitioner")
    edited = stored.model_copy(update={"title": "Edited later"})
    second = store.start_interview(informant.id, edited, ConsentRecord(True, "written", "Ana"))
    assert store.protocol_of(store.session(session.id)).title == stored.title
    assert store.protocol_of(second).title == "Edited later"
    assert second.protocol_hash != session.protocol_hash


def test_data_survive_reopening(db_path, interview, engine):
    _, _, session = interview
    Store(engine).save_answer(session.id, "success-what", text="kept")
    engine.dispose()
    reopened = Store(open_engine(str(db_path)))
    assert reopened.answers(session.id)["success-what"].text == "kept"


def test_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 50)
    before = path.read_bytes()
    with pytest.raises(ReflectError, match="not a SQLite database"):
        open_engine(str(path))
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(ReflectError, match="not a reflect database"):
        open_engine(str(path))


def test_db_path_that_is_a_folder(tmp_path):
    with pytest.raises(ReflectError, match="is a folder"):
        open_engine(str(tmp_path))


@pytest.mark.sqlite_only  # full-text search and backups are SQLite's
def test_backup_command_while_another_connection_writes(store, interview, tmp_path, capsys):
    from reflect.cli import main

    _, _, session = interview
    store.save_answer(session.id, "success-what", text="before the backup")
    db = cli_db(store.engine)
    with store.engine.connect() as conn:  # an open reader, as a running app would hold
        conn.execute(text("SELECT count(*) FROM answer")).scalar()
        assert main(["--db", db, "backup", str(tmp_path)]) == 0
    [copy] = tmp_path.glob("test-backup-*.db")
    assert copy.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT text FROM answer").fetchone() == ("before the backup",)
    assert main(["--db", db, "backup", str(copy)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_data_dir_is_private(isolated_data_dir):
    from reflect import paths

    assert paths.data_dir().stat().st_mode & 0o777 == 0o700


def test_audit_trail_hashes_changes_and_never_holds_text(store, interview, engine):
    import hashlib
    import json

    _, _, session = interview
    secret = "The mother told me about the debts"
    store.save_answer(session.id, "success-what", text=secret)
    store.save_answer(session.id, "success-what", text=secret)  # unchanged: no event
    store.save_answer(session.id, "success-what", flag_quote=True)
    principle = store.add_principle(session.story_id, action="Visit at home")
    store.update_principle(principle.id, rationale="you see more")
    with engine.connect() as conn:
        events = conn.execute(text(
            "SELECT entity, action, actor, detail, old_hash, new_hash FROM auditevent "
            "ORDER BY at")).all()
        dump = "\n".join(str(row) for row in conn.execute(text("SELECT * FROM auditevent")))
    answers = [e for e in events if e[0] == "answer"]
    assert [(e[1], e[3]) for e in answers] == [
        ("create", "text,value,skipped,quote,follow_up"), ("update", "quote")]
    assert answers[0][2] == "Ana" and answers[0][4] == "" and len(answers[0][5]) == 64
    assert answers[1][4] == answers[0][5]  # the chain: old hash of one is new hash of the last
    state = {"text": secret, "value": None, "skipped": False, "quote": False,
             "follow_up": False}
    expected = hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()
    assert answers[0][5] == expected
    consent = next(e for e in events if e[1] == "consent_given")
    assert consent[3] == "verbal; text lfs-consent-1" and consent[5]
    assert [e[1] for e in events if e[0] == "principle"] == ["create", "update"]
    assert secret not in dump and "debts" not in dump and "you see more" not in dump


def test_locking_a_completed_interview(store, interview):
    _story, _informant, session = interview
    store.save_answer(session.id, "success-what", text="As told.")
    with pytest.raises(ReflectError, match="only a completed interview"):
        store.lock_session(session.id, "Ana")
    store.set_session_status(session.id, SessionStatus.COMPLETED)
    locked = store.lock_session(session.id, "Ana")
    assert locked.locked_at is not None and locked.locked_by == "Ana"
    with pytest.raises(ReflectError, match="locked"):
        store.save_answer(session.id, "success-what", text="Changed quietly.")
    with pytest.raises(ReflectError, match="say why"):
        store.set_session_status(session.id, SessionStatus.IN_PROGRESS, reason="  ")
    store.set_session_status(session.id, SessionStatus.IN_PROGRESS, actor="Ana",
                             reason="Typo in a date")
    store.save_answer(session.id, "success-what", text="As told, corrected.")
    store.set_session_status(session.id, SessionStatus.COMPLETED)
    assert store.session(session.id).locked_at is not None  # still locked after the change
    assert store.answers(session.id)["success-what"].text == "As told, corrected."


def test_pages_of_stories_follow_on_by_key_even_with_equal_times(store):
    """Pages are read by key (the last row of the page before), not by offset: every story
    comes once, in order, also where many were changed in the same instant."""
    from sqlmodel import Session as DBSession
    from sqlmodel import select

    from reflect.models import Story

    for number in range(25):
        store.create_story(f"Story {number:02d}")
    with DBSession(store.engine) as db:
        stories = list(db.exec(select(Story)))
        same = stories[0].updated_at
        for story in stories[:15]:
            story.updated_at = same
            db.add(story)
        db.commit()
    seen, after = [], None
    while page := store.stories(limit=10, after=after):
        seen += page
        after = page[-1]
    assert [s.id for s in seen] == [s.id for s in store.stories()]
    assert len({s.id for s in seen}) == 25
