"""Replaying the offline journal into the server (the half of reflect.store.journaled that
runs once the server is back).

Entries go in the order they were written, each removed from the journal only once its
write committed on the server; the replay stops, keeping the rest, when the server cannot
be reached or cannot take a write now (full, busy). Conflicts follow the bundle rules
(reflect.store.transfer): an answer whose state on the server is neither the one the laptop
last saw nor one the laptop wrote was edited elsewhere meanwhile; the later of the two edits
stays, the other is kept whole in SupersededVersion, with an audit event saying so. A save
the server refuses for good (the session completed, deleted or locked elsewhere, or not this
person's to write) is kept there the same way, as the journal entry it was.
"""

from __future__ import annotations

import hashlib
import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel, select

from reflect.dates import as_utc
from reflect.errors import (
    BUSY,
    FULL,
    IO,
    READONLY,
    ReflectError,
    StorageError,
    driver_error,
    storage_problem,
)
from reflect.models import Answer, AuditEvent, InterviewerNote, SupersededVersion
from reflect.store import Store
from reflect.store.base import digest
from reflect.store.interviews import answer_state, change_answer
from reflect.store.journal import Entry, Journal, unreachable
from reflect.store.transfer_rows import canonical, row_dict

R = TypeVar("R", bound=SQLModel)


@dataclass
class Replayed:
    """What one replay did."""

    written: int = 0
    """Saves that reached the server."""
    kept_theirs: int = 0
    """Saves older than an edit made elsewhere meanwhile: kept as superseded versions."""
    kept_ours: int = 0
    """Edits made elsewhere that the laptop's later saves replaced (kept as superseded)."""
    refused: int = 0
    """Saves the server refused for good (kept as superseded versions)."""
    left: int = 0
    """Saves still on the laptop (the server went away again)."""


class JournalReplay(Store):
    """The replay, for JournaledStore (its `super()` is the plain store's write)."""

    journal: Journal
    _lock: threading.RLock
    _held: int

    def _saw(self, answer: Answer) -> None:
        """An answer as the server holds it now (JournaledStore remembers it)."""

    def replay(self) -> Replayed:
        """Send what the journal keeps to the server, oldest first, each entry removed once
        its write committed there; stops (keeping the rest) when the server cannot be
        reached or cannot take a write now."""
        done = Replayed()
        with self._lock:
            try:
                while True:
                    with self.journal.replaying() as entry:
                        if entry is None:
                            break
                        self._apply(entry, done)
                        done.written += 1
            except (StorageError, DBAPIError):
                pass  # unreachable, or full, busy: kept, tried again later
            self._held = done.left = len(self.journal)
            if not self._held:
                self.journal.forget_replayed()
        return done

    def _apply(self, entry: Entry, done: Replayed) -> None:
        body = entry.body
        try:
            if entry.kind == "answer":
                self._replay_answer(entry, done)
            elif entry.kind == "position":
                super().save_position(entry.session_id, body["question_id"], body["elapsed"])
            elif entry.kind == "opened":
                super().mark_opened(entry.session_id, body["question_id"], body["code"],
                                    body["kind"])
            elif entry.kind == "note":
                self._replay_note(entry)
            elif entry.kind == "recording":
                super().set_recording_start(entry.session_id,
                                            datetime.fromisoformat(body["started_at"]),
                                            body["actor"])
            elif entry.kind == "recording_consent":
                super().record_recording_consent(entry.session_id, body["agreed"],
                                                 body["method"], body["actor"])
            else:
                raise ReflectError(f"unknown journal entry {entry.kind!r}")
        except (StorageError, DBAPIError) as exc:
            if unreachable(exc) or storage_problem(driver_error(exc.__cause__ or exc)) in (
                    FULL, IO, BUSY, READONLY):
                raise  # for now: kept, tried again later
            self._refused(entry, done)
        except ReflectError:
            self._refused(entry, done)

    def _refused(self, entry: Entry, done: Replayed) -> None:
        """A save the server refused for good (the session completed, deleted or locked
        elsewhere, or not this person's to write): kept there whole, never dropped."""
        self._supersede("journal", str(entry.session_id),
                        {"kind": entry.kind, "at": entry.at.isoformat(), **entry.body},
                        refused=True)
        done.refused += 1
        done.written -= 1

    def _replay_answer(self, entry: Entry, done: Replayed) -> None:
        body = entry.body
        session_id, question_id = entry.session_id, body["question_id"]
        fields = _fields(body["fields"])
        with self._db() as db:
            here = db.exec(select(Answer).where(Answer.session_id == session_id,
                                                Answer.question_id == question_id)).first()
        if here is not None:
            state = digest(answer_state(here))
            ours = {body["base"], body["after"]} | self.journal.replayed_states(session_id,
                                                                                question_id)
            if state not in ours:  # edited elsewhere since the laptop last saw it
                if as_utc(here.updated_at) > as_utc(entry.at):
                    mine = copy_row(here)
                    change_answer(mine, **fields)
                    mine.updated_at = entry.at
                    self._supersede("answers", str(here.id), row_dict(mine))
                    done.kept_theirs += 1
                    return
                self._supersede("answers", str(here.id), row_dict(here))
                done.kept_ours += 1
        saved = super().save_answer(session_id, question_id, **fields)
        self._saw(saved)
        self.journal.note_replayed(session_id, question_id, digest(answer_state(saved)))

    def _replay_note(self, entry: Entry) -> None:
        body = entry.body
        note_id = uuid.UUID(body["id"])
        with self._db() as db:
            if db.get(InterviewerNote, note_id) is not None:
                return  # written before a crash cut the replay short
            session = self._open_session(db, entry.session_id)
            note = InterviewerNote(id=note_id, session_id=session.id,
                                   question_id=body["question_id"], text=body["text"],
                                   author=body["author"], code=body["code"],
                                   code_kind=body["kind"], created_at=entry.at,
                                   updated_at=entry.at)
            db.add(note)
            self._audit(db, "note", note.id, "create", actor=body["author"],
                        detail="offline journal", new=body["text"])
            db.commit()

    def _supersede(self, entity: str, entity_id: str, row: dict[str, Any],
                   refused: bool = False) -> None:
        """Keep a version that lost (or a save refused) whole, once, as a merge does."""
        content = canonical(row).decode("utf-8")
        content_hash = hashlib.sha256(content.encode("utf-8")).hexdigest()
        source = f"offline journal of {socket.gethostname()}"
        with self._db() as db:
            already = db.exec(select(SupersededVersion.id).where(
                SupersededVersion.entity_id == entity_id,
                SupersededVersion.content_hash == content_hash)).first()
            if already is not None:
                return
            db.add(SupersededVersion(entity=entity, entity_id=entity_id, content=content,
                                     content_hash=content_hash, source=source))
            db.add(AuditEvent(entity=entity, entity_id=entity_id,
                              action="journal:refused" if refused else "journal:superseded",
                              detail=source, new_hash=content_hash))
            db.commit()


def copy_row(row: R) -> R:
    """A detached copy of a row (the one the caller holds is left as it was)."""
    return type(row)(**row.model_dump())


def _fields(plain: dict[str, Any]) -> dict[str, Any]:
    fields = dict(plain)
    if "typed_code" in fields:
        fields["typed_code"] = tuple(fields["typed_code"])
    return fields
