"""Unusual input is stored, found and exported exactly."""

from __future__ import annotations

import os
import sqlite3

import pytest
from sqlalchemy import event, text

from reflect.cli import main
from reflect.errors import ReflectError, StorageError
from reflect.exchange.markdown import session_markdown
from reflect.method.session import SessionRun
from reflect.store import Store
from reflect.store.engine import open_engine
from reflect.store.search import search_answers


def test_a_one_megabyte_paste_is_saved_whole_and_found(store, interview):
    _, _, session = interview
    run = SessionRun.resume(store, session.id)
    huge = ("Notes from the case file. " * 40_000)[:1_000_000] + " needleword"
    run.save_text(huge)
    assert len(store.answers(session.id)["success-what"].text) == len(huge)
    [hit] = search_answers(store, "needleword")
    assert hit.question_id == "success-what"


@pytest.mark.parametrize("text", [
    "שלום, הילד חזר לבית הספר",            # right-to-left (Hebrew)
    "عادت الأم إلى العمل",                  # right-to-left (Arabic)
    "tab\there, bell\x07, nul-free escape \x1b[31m red",
    "zero\u200bwidth and emoji 👩‍👧 and combining é",
])
def test_control_and_right_to_left_text_round_trips(store, interview, text):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text=text)
    assert store.answers(session.id)["success-what"].text == text
    assert text in session_markdown(store, store.session(session.id))


class RefusingDisk:
    """Makes every write of an engine fail as the disk would (full, read-only) until lifted."""

    def __init__(self, engine, message: str):
        self.engine, self.message, self.on = engine, message, True
        event.listen(engine, "before_cursor_execute", self.check)

    def check(self, _conn, _cursor, statement, *_args) -> None:
        if self.on and statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError(self.message)

    def lift(self) -> None:
        self.on = False


@pytest.mark.parametrize(("driver_says", "user_reads"), [
    ("database or disk is full", "disk holding the database is full"),
    ("attempt to write a readonly database", "read-only"),
    ("disk I/O error", "failed to write"),
])
def test_a_refused_write_is_explained_and_changes_nothing(store, interview, engine,
                                                           driver_says, user_reads):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text="before")
    disk = RefusingDisk(engine, driver_says)
    with pytest.raises(StorageError, match=user_reads):
        store.save_answer(session.id, "success-what", text="after")
    disk.lift()
    assert store.answers(session.id)["success-what"].text == "before"
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only files anyway")
def test_a_read_only_database_file_is_explained(db_path, store, interview):
    _, _, session = interview
    store.engine.dispose()
    db_path.chmod(0o400)
    try:
        reopened = Store(open_engine(str(db_path)))
        with pytest.raises(ReflectError, match="read-only"):
            reopened.save_answer(session.id, "success-what", text="x")
    finally:
        db_path.chmod(0o600)


def test_a_database_locked_by_another_program_is_explained(db_path, store, interview):
    _, _, session = interview
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError, match="busy: another program"):
            store.save_answer(session.id, "success-what", text="while locked")
    finally:
        holder.rollback()
        holder.close()
    store.save_answer(session.id, "success-what", text="after the lock")
    assert store.answers(session.id)["success-what"].text == "after the lock"


async def test_the_interview_screen_keeps_the_text_and_saves_when_the_disk_has_room(
        engine, catalog, interview):
    from reflect_tui.app import make_app
    from reflect_tui.session import SessionScreen
    from tests.ui_helpers import Told, shown, type_text, until

    _, _, session = interview
    store = Store(engine)
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(100, 36), message_hook=told) as pilot:
        SessionScreen.RETRY_DELAY = 0.5
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        disk = RefusingDisk(engine, "database or disk is full")
        await type_text(pilot, "typed while full")
        await until(pilot, lambda: "NOT SAVED" in shown(app, "#answer-status"))
        assert any("disk holding the database is full" in said for said in told.messages)
        unsaved = store.answers(session.id).get("success-what")
        assert unsaved is None or unsaved.text == ""  # (opening it kept its time code)
        disk.lift()
        # the retry (RETRY_DELAY later) saves it without another key
        await until(pilot, lambda: store.answers(session.id)["success-what"].text
                    == "typed while full" and "saved" in shown(app, "#answer-status"))
    SessionScreen.RETRY_DELAY = 3


def test_cli_explains_a_locked_database(db_path, store, interview, capsys):
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert main(["--db", str(db_path), "redact", "add", "Zed"]) == 1  # a write
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert "busy" in err and "Traceback" not in err
