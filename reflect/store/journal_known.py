"""What a journaled store remembers of the sessions it opened, so that one of them can be
opened again on the laptop while the team server cannot be reached (reflect.store.journaled).

Every read of a session, its answers, notes, action plan, informant, the withdrawals (the
gate) and its lease is remembered as the server gave it; the saves made since, on the server
or in the offline journal, update what is remembered. When the server cannot be reached a
read of something remembered is answered from here, so leaving a session and coming back to
it (Esc, then Enter) works offline. Anything never read in this run (another story, another
session, the home screen's lists) still needs the server.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from reflect.errors import StorageError
from reflect.models import ActionItem, Answer, Informant, InterviewerNote, Session
from reflect.store.base import digest
from reflect.store.interviews import answer_state
from reflect.store.journal import unreachable
from reflect.store.journal_replay import JournalReplay
from reflect.store.leases import LeaseHeld
from reflect.store.words import Gate

T = TypeVar("T")
Key = tuple[uuid.UUID, str]


class KnownRows(JournalReplay):
    """The reads of a JournaledStore, remembered (see the module)."""

    def _forget_all(self) -> None:
        self._answers: dict[Key, Answer] = {}
        """The newest answer the laptop knows of (the server's, or worked out offline)."""
        self._seen: dict[Key, str] = {}
        """The state of each answer as last seen on the server."""
        self._sessions: dict[uuid.UUID, Session] = {}
        self._answered: set[uuid.UUID] = set()
        """Sessions whose answers were read (the others' are not known here)."""
        self._notes: dict[uuid.UUID, list[InterviewerNote]] = {}
        self._actions: dict[uuid.UUID, list[ActionItem]] = {}
        self._informants: dict[uuid.UUID, Informant] = {}
        self._gate: Gate | None = None
        self._leases: dict[uuid.UUID, uuid.UUID] = {}
        """The lease tokens this store holds (kept when letting go failed offline)."""

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Store.reading, or, while the server cannot be reached, no shared session: each
        read inside the block is then answered from what is remembered (`_or_known`)."""
        with ExitStack() as stack:
            try:
                stack.enter_context(super().reading())
            except (StorageError, DBAPIError) as exc:
                if not unreachable(exc):
                    raise
            yield

    def _settle(self) -> None:
        """Before a read: what the laptop keeps goes first, if the server is back."""
        if self._held:
            self.replay()

    def _or_known(self, read: Callable[[], T], known: Callable[[], T | None]) -> T:
        """`read()` from the server; what is remembered when it cannot be reached."""
        try:
            return read()
        except (StorageError, DBAPIError) as exc:
            if not unreachable(exc) or (kept := known()) is None:
                raise
            return kept

    def _saw(self, answer: Answer) -> None:
        key = (answer.session_id, answer.question_id)
        self._answers[key] = answer
        self._seen[key] = digest(answer_state(answer))

    def _noted(self, note: InterviewerNote) -> None:
        if note.session_id in self._notes:
            self._notes[note.session_id].append(note)

    # The reads ---------------------------------------------------------------------------
    def session(self, session_id: uuid.UUID) -> Session | None:
        self._settle()

        def read() -> Session | None:
            session = super(KnownRows, self).session(session_id)
            if session is not None:
                self._sessions[session_id] = session
            return session

        return self._or_known(read, lambda: self._sessions.get(session_id))

    def answers(self, session_id: uuid.UUID) -> dict[str, Answer]:
        self._settle()

        def read() -> dict[str, Answer]:
            answers = super(KnownRows, self).answers(session_id)
            for answer in answers.values():
                self._saw(answer)
            self._answered.add(session_id)
            return answers

        def known() -> dict[str, Answer] | None:
            if session_id not in self._answered:
                return None
            with self._lock:  # the autosave's thread may be adding one
                return {question: answer for (session, question), answer
                        in self._answers.items() if session == session_id}

        return self._or_known(read, known)

    def notes(self, session_id: uuid.UUID) -> list[InterviewerNote]:
        self._settle()

        def read() -> list[InterviewerNote]:
            notes = super(KnownRows, self).notes(session_id)
            self._notes[session_id] = list(notes)
            return notes

        return self._or_known(read, lambda: list(self._notes[session_id])
                              if session_id in self._notes else None)

    def actions(self, session_id: uuid.UUID) -> list[ActionItem]:
        def read() -> list[ActionItem]:
            actions = super(KnownRows, self).actions(session_id)
            self._actions[session_id] = list(actions)
            return actions

        return self._or_known(read, lambda: list(self._actions[session_id])
                              if session_id in self._actions else None)

    def informant(self, informant_id: uuid.UUID) -> Informant | None:
        def read() -> Informant | None:
            informant = super(KnownRows, self).informant(informant_id)
            if informant is not None:
                self._informants[informant_id] = informant
            return informant

        return self._or_known(read, lambda: self._informants.get(informant_id))

    def gate(self) -> Gate:
        def read() -> Gate:
            self._gate = super(KnownRows, self).gate()
            return self._gate

        return self._or_known(read, lambda: self._gate)

    # The lease ---------------------------------------------------------------------------
    def take_lease(self, session_id: uuid.UUID, holder: str,
                   force: bool = False) -> uuid.UUID | LeaseHeld:
        """Offline, a session whose lease this store still holds opens again under it (the
        server keeps it until it lapses; renewing it later works with the same token)."""
        def read() -> uuid.UUID | LeaseHeld:
            got = super(KnownRows, self).take_lease(session_id, holder, force)
            if isinstance(got, uuid.UUID):
                self._leases[session_id] = got
            return got

        return self._or_known(read, lambda: self._leases.get(session_id))

    def release_lease(self, session_id: uuid.UUID, token: uuid.UUID) -> None:
        super().release_lease(session_id, token)  # offline: raises, the token is kept
        self._leases.pop(session_id, None)
