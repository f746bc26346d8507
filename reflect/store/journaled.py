"""A store on a team server that keeps saving when the server cannot be reached.

`JournaledStore` is the `Store` of an app on PostgreSQL (`store_for`; a SQLite database is on
the laptop already and gets the plain `Store`). The writes an open session makes, the text the
autosave writes, positions and the clock, skips, flags and choices, time codes, notes, the
recording's start and the interviewee's answer about it, go to the server as usual. When the
server cannot be reached (`journal.unreachable`) the write goes to the offline journal on the
laptop instead (reflect.store.journal), and the call returns what the server would have
returned, worked out from what the laptop last saw (answers by the same rule as the store's,
`interviews.change_answer`), so the session goes on. From then on every such write goes to the
journal, behind the ones before it, until the journal is replayed: in order, by a background
thread every RETRY_EVERY seconds (and at once when the app starts with a journal left from
before), an entry removed only once its write committed on the server.

Conflicts follow the bundle rules (reflect.store.transfer): an answer edited on the server
since the laptop last saw it (another program took the session while this one was cut off)
keeps the later edit; the other is kept whole in SupersededVersion and the audit trail says
which. A save the server refuses for good (the session was completed or deleted elsewhere) is
kept there too, as the journal entry it was, never dropped.

Writes that cannot be worked out on the laptop (finishing, reopening, the action plan) need
the server: while the journal holds saves they are refused with a plain message. A session
read in this run opens again offline from what the store remembers of it
(reflect.store.journal_known); anything else read needs the server.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

from reflect.errors import (
    ReflectError,
    StorageError,
)
from reflect.i18n import _
from reflect.models import (
    ActionItem,
    Answer,
    InterviewerNote,
    Session,
    utcnow,
)
from reflect.store import Store
from reflect.store.base import digest
from reflect.store.interviews import answer_state, change_answer, recording_consent_label
from reflect.store.journal import Journal, journal_path, unreachable
from reflect.store.journal_known import KnownRows
from reflect.store.journal_replay import Replayed, copy_row
from reflect.store.recording import refuse_unless_recording_agreed
from reflect.vocab import SessionStatus

RETRY_EVERY = 5.0
"""Seconds between attempts to replay the journal while the server cannot be reached."""

T = TypeVar("T")
R = TypeVar("R", bound=SQLModel)
NOTHING = digest(answer_state(Answer(session_id=uuid.UUID(int=0), question_id="")))
"""The state of an answer the laptop never saw: none on the server, or one holding only
the time code of its opening (the same to a conflict)."""


def store_for(engine: Engine, passphrase: str | None = None) -> Store:
    """The store an app uses: journaled on a server, plain on a SQLite file."""
    if engine.dialect.name == "sqlite":
        return Store(engine)
    return JournaledStore(engine, Journal(journal_path(engine.url), passphrase))


def saves_kept(engine_url: str, passphrase: str | None = None) -> int:
    """How many saves the laptop keeps for a server (0 for a file, or none kept): for saying
    so when the server cannot be reached at start."""
    from sqlalchemy import make_url

    url = make_url(engine_url) if "://" in engine_url else None
    if url is None or url.get_backend_name() == "sqlite":
        return 0
    path = journal_path(url)
    if not path.exists() or path.stat().st_size == 0:
        return 0
    journal = Journal(path, passphrase)
    try:
        return len(journal)
    finally:
        journal.close()


class JournaledStore(KnownRows):
    """The store of an app on a server, with its offline journal (see the module)."""

    def __init__(self, engine: Engine, journal: Journal, *,
                 retry_every: float = RETRY_EVERY) -> None:
        super().__init__(engine)
        self.journal = journal
        self.retry_every = retry_every
        self.on_replayed: Callable[[Replayed], object] | None = None
        """Told, from the replaying thread, after a replay that wrote something."""
        self._lock = threading.RLock()
        """Held by each write and by a replay: saves reach the server in the order made."""
        self._held = len(journal)
        self._forget_all()
        self._wake = threading.Event()
        self._closed = False
        self._thread: threading.Thread | None = None

    def replay_in_background(self, told: Callable[[Replayed], object] | None = None) -> None:
        """Replay what the journal keeps from a thread of its own, at once and then every
        `retry_every` seconds until it is empty (the app calls this once the database is
        open); `told` hears, from that thread, of each replay that wrote something."""
        self.on_replayed = told
        if self._held:
            self._retrying(at_once=True)

    # What the screens ask ----------------------------------------------------------------
    @property
    def offline(self) -> bool:
        """Saves are being kept on the laptop (the journal holds some)."""
        return self._held > 0

    @property
    def saves_kept(self) -> int:
        return self._held

    def stop_retrying(self) -> None:
        """No more replays from the background (the app is closing): what the journal
        keeps stays on disk for the next start; saves still made go on being kept."""
        self._closed = True
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    def close(self) -> None:
        """Stop retrying and close the journal file."""
        self.stop_retrying()
        self.journal.close()

    # The writes that are journaled ---------------------------------------------------------
    def _either(self, online: Callable[[], T], offline: Callable[[datetime], T]) -> T:
        with self._lock:
            if not self._held:
                try:
                    return online()
                except (StorageError, DBAPIError) as exc:
                    if not unreachable(exc):
                        raise
            kept = offline(utcnow())
            self._held += 1
            self._retrying()
            return kept

    def save_answer(self, session_id: uuid.UUID, question_id: str, *, text: str | None = None,
                    value: Any = ..., skipped: bool | None = None,
                    flag_quote: bool | None = None, flag_follow_up: bool | None = None,
                    typed_code: tuple[int, str] | None = None) -> Answer:
        fields: dict[str, Any] = {"text": text, "skipped": skipped, "flag_quote": flag_quote,
                                  "flag_follow_up": flag_follow_up, "typed_code": typed_code}
        fields = {name: given for name, given in fields.items() if given is not None}
        if value is not ...:
            fields["value"] = value

        def online() -> Answer:
            saved = super(JournaledStore, self).save_answer(session_id, question_id, **fields)
            self._saw(saved)
            return saved

        def offline(at: datetime) -> Answer:
            key = (session_id, question_id)
            answer = _answer(self._answers.get(key), session_id, question_id)
            change_answer(answer, **fields)
            answer.updated_at = at
            self.journal.append("answer", session_id, {
                "question_id": question_id, "fields": _plain(fields),
                "base": self._seen.get(key, NOTHING),
                "after": digest(answer_state(answer))}, at)
            self._answers[key] = answer
            return answer

        return self._either(online, offline)

    def save_position(self, session_id: uuid.UUID, question_id: str,
                      elapsed_seconds: int) -> None:
        def offline(at: datetime) -> None:
            self.journal.append("position", session_id, {
                "question_id": question_id, "elapsed": elapsed_seconds}, at)

        self._either(lambda: super(JournaledStore, self).save_position(
            session_id, question_id, elapsed_seconds), offline)

    def mark_opened(self, session_id: uuid.UUID, question_id: str, code: int,
                    kind: str) -> Answer | None:
        key = (session_id, question_id)

        def online() -> Answer | None:
            marked = super(JournaledStore, self).mark_opened(session_id, question_id, code,
                                                             kind)
            if marked is not None:
                self._saw(marked)
            return marked

        def offline(at: datetime) -> Answer | None:
            answer = _answer(self._answers.get(key), session_id, question_id)
            if answer.opened_code is None:
                answer.opened_code, answer.opened_kind = code, kind
                self.journal.append("opened", session_id, {
                    "question_id": question_id, "code": code, "kind": kind}, at)
                self._answers[key] = answer
            return answer

        return self._either(online, offline)

    def add_note(self, session_id: uuid.UUID, question_id: str, text: str, author: str = "",
                 code: int | None = None, kind: str = "") -> InterviewerNote:
        def offline(at: datetime) -> InterviewerNote:
            if not text.strip():
                raise ReflectError(_("the note is empty"))
            note = InterviewerNote(session_id=session_id, question_id=question_id, text=text,
                                   author=author.strip(), code=code, code_kind=kind,
                                   created_at=at, updated_at=at)
            self.journal.append("note", session_id, {
                "id": str(note.id), "question_id": question_id, "text": text,
                "author": note.author, "code": code, "kind": kind}, at)
            self._noted(note)
            return note

        def online() -> InterviewerNote:
            note = super(JournaledStore, self).add_note(session_id, question_id, text, author,
                                                        code, kind)
            self._noted(note)
            return note

        return self._either(online, offline)

    def set_recording_start(self, session_id: uuid.UUID, started_at: datetime,
                            actor: str = "") -> Session:
        def online() -> Session:
            session = super(JournaledStore, self).set_recording_start(session_id, started_at,
                                                                      actor)
            self._sessions[session_id] = session
            return session

        def offline(at: datetime) -> Session:
            session = self._known_session(session_id)
            refuse_unless_recording_agreed(session)
            session.recording_started_at = started_at
            session.updated_at = at
            self.journal.append("recording", session_id, {
                "started_at": started_at.isoformat(), "actor": actor}, at)
            self._sessions[session_id] = session
            return session

        return self._either(online, offline)

    def record_recording_consent(self, session_id: uuid.UUID, agreed: bool, method: str,
                                 actor: str = "") -> Session:
        def online() -> Session:
            session = super(JournaledStore, self).record_recording_consent(
                session_id, agreed, method, actor)
            self._sessions[session_id] = session
            return session

        def offline(at: datetime) -> Session:
            session = self._known_session(session_id)
            if session.recording_consent is not None:
                raise ReflectError(_("the answer about the recording was already recorded "
                                     "({answer}); it is not changed afterwards").format(
                                       answer=recording_consent_label(session)))
            session.recording_consent, session.recording_consent_method = agreed, method
            session.recording_consent_at = session.updated_at = at
            self.journal.append("recording_consent", session_id, {
                "agreed": agreed, "method": method, "actor": actor}, at)
            self._sessions[session_id] = session
            return session

        return self._either(online, offline)

    def _known_session(self, session_id: uuid.UUID) -> Session:
        known = self._sessions.get(session_id)
        if known is None:
            raise StorageError(_("the team server cannot be reached, and this session was "
                                 "not opened here: try again when it is back"))
        return copy_row(known)

    # The writes that need the server --------------------------------------------------------
    def _needs_server(self) -> None:
        """Refuse while the journal holds saves the server has not had yet."""
        self._settle()
        if self._held:
            raise ReflectError(_("the team server cannot be reached: this needs it. What you "
                                 "typed is kept on this laptop and goes to the server when "
                                 "it is back; try again then."))

    def set_session_status(self, session_id: uuid.UUID, status: SessionStatus,
                           actor: str = "", reason: str = "") -> Session:
        with self._lock:
            self._needs_server()
            session = super().set_session_status(session_id, status, actor, reason)
            self._sessions[session_id] = session
            return session

    def add_action(self, session_id: uuid.UUID, text: str,
                   review_on: date | None = None) -> ActionItem:
        with self._lock:
            self._needs_server()
            item = super().add_action(session_id, text, review_on)
            self._actions.pop(session_id, None)  # read again when next asked for
            return item

    def remove_action(self, action_id: uuid.UUID) -> None:
        with self._lock:
            self._needs_server()
            super().remove_action(action_id)
            self._actions.clear()

    def _reachable(self) -> bool:
        try:
            with self._db() as db:
                db.execute(text("SELECT 1"))
        except (StorageError, DBAPIError):
            return False
        return True

    # The retrying thread -----------------------------------------------------------------
    def _retrying(self, at_once: bool = False) -> None:
        """Start the thread that replays the journal until it is empty (if not running):
        `at_once` (a journal left from before), else after RETRY_EVERY seconds."""
        if self._closed or (self._thread is not None and self._thread.is_alive()):
            return
        self._wake.clear()
        self._thread = threading.Thread(target=self._retry, args=(at_once,),
                                        name="journal-replay", daemon=True)
        self._thread.start()

    def _retry(self, at_once: bool) -> None:
        if not at_once:
            self._wake.wait(self.retry_every)
        while not self._closed:
            # asked before the replay takes the lock: saves made meanwhile go on to the
            # journal instead of waiting on a server that does not answer
            done = self.replay() if self._reachable() else Replayed(left=self._held)
            if done.written or done.refused:
                listener = self.on_replayed
                if listener is not None:
                    listener(done)
            with self._lock:
                if not self._held:
                    self._thread = None
                    return
            self._wake.wait(self.retry_every)


def _answer(known: Answer | None, session_id: uuid.UUID, question_id: str) -> Answer:
    """A copy of the answer the laptop knows, or a new one."""
    return copy_row(known) if known is not None else Answer(session_id=session_id,
                                                        question_id=question_id)


def _plain(fields: dict[str, Any]) -> dict[str, Any]:
    plain = dict(fields)
    if "typed_code" in plain:
        plain["typed_code"] = list(plain["typed_code"])
    json.dumps(plain)  # a value that JSON cannot hold fails here, before it is kept
    return plain
