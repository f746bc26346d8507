"""The interview as it happens (issue 15): the recording's start, time codes on answers,
the interviewer's own notes, and everyone present named on the consent record."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import Answer, InterviewerNote, Session, SessionPerson, utcnow
from reflect.roles import PresentRole
from reflect.store.base import StoreBase
from reflect.store.words import gate
from reflect.text import line_ends
from reflect.vocab import DeletionKind, SessionStatus


def add_people(db: DBSession, session_id: uuid.UUID, people: list[tuple[str, str]]) -> None:
    """Name everyone else present at an interview (inside the consent's transaction)."""
    for position, (name, role) in enumerate(people, start=1):
        if not name.strip():
            raise ReflectError(_("everyone present needs a name"))
        if role not in set(PresentRole):
            raise ReflectError(_("'{role}' is not a role at an interview; use one of {roles}")
                               .format(role=role, roles=", ".join(PresentRole)))
        db.add(SessionPerson(session_id=session_id, name=name.strip(), role=role,
                             position=position))


def refuse_unless_recording_agreed(session: Session) -> None:
    """No recording of an interview unless the interviewee agreed to it, apart from the
    interview's consent: a 'no' refuses it, no answer asks for one first."""
    if session.kind != "interview" or session.recording_consent is True:
        return
    if session.recording_consent is False:
        raise ReflectError(_("The interviewee did not agree to be recorded: no recording may "
                             "be made in this interview. Take notes instead (F2)."))
    raise ReflectError(_("Nobody recorded whether the interviewee agrees to be recorded: ask "
                         "them, and record the answer, before a recording starts."))


class RecordingStore(StoreBase):
    """Recording start, time codes, interviewer notes, people present."""

    def _open_session(self, db: DBSession, session_id: uuid.UUID) -> Session:
        session = db.get(Session, session_id)
        if session is None:
            raise ReflectError(_("that session no longer exists"))
        if session.status != SessionStatus.IN_PROGRESS:
            raise ReflectError(_("this session is {status}; reopen it to change answers").format(
                status=session.status.value.replace("_", " ")))
        return session

    # The recording -----------------------------------------------------------------------
    def set_recording_start(self, session_id: uuid.UUID, started_at: datetime,
                            actor: str = "") -> Session:
        """When the recorder's 00:00:00 was; time codes count from here from now on."""
        with self._db() as db:
            session = self._open_session(db, session_id)
            refuse_unless_recording_agreed(session)
            session.recording_started_at = started_at
            session.updated_at = utcnow()
            db.add(session)
            self._audit(db, "session", session.id, "recording_started", actor=actor)
            db.commit()
        return session

    def mark_opened(self, session_id: uuid.UUID, question_id: str, code: int,
                    kind: str) -> Answer | None:
        """Keep when a question was first opened (later openings keep the first code)."""
        with self._db() as db:
            session = self._open_session(db, session_id)
            answer = db.exec(select(Answer).where(Answer.session_id == session_id,
                                                  Answer.question_id == question_id)).first()
            if answer is not None and answer.opened_code is not None:
                return answer
            answer = answer or Answer(session_id=session.id, question_id=question_id)
            answer.opened_code, answer.opened_kind = code, kind
            answer.updated_at = utcnow()
            db.add(answer)
            db.commit()
        return answer

    # Interviewer notes -------------------------------------------------------------------
    def add_note(self, session_id: uuid.UUID, question_id: str, text: str, author: str = "",
                 code: int | None = None, kind: str = "") -> InterviewerNote:
        if not text.strip():
            raise ReflectError(_("the note is empty"))
        text = line_ends(text)
        with self._db() as db:
            session = self._open_session(db, session_id)
            note = InterviewerNote(session_id=session.id, question_id=question_id, text=text,
                                   author=author.strip(), code=code, code_kind=kind)
            db.add(note)
            self._audit(db, "note", note.id, "create", actor=author, new=text)
            db.commit()
        return note

    def notes(self, session_id: uuid.UUID) -> list[InterviewerNote]:
        """The session's notes in the order they were taken; none when its informant
        withdrew (the gate, reflect.store.words)."""
        with self._db() as db:
            if not gate(db, among=[session_id]).shows_session(session_id):
                return []
            query = select(InterviewerNote).where(InterviewerNote.session_id == session_id)
            return list(db.exec(query.order_by(col(InterviewerNote.created_at))))

    def delete_note(self, note_id: uuid.UUID, actor: str = "") -> None:
        with self._db() as db:
            note = db.get(InterviewerNote, note_id)
            if note is None:
                return
            self._open_session(db, note.session_id)
            self._deleted(db, DeletionKind.NOTE, note.id, actor=actor, old=note.text)
            db.delete(note)
            db.commit()

    # People present ----------------------------------------------------------------------
    def people_present(self, session_id: uuid.UUID) -> list[SessionPerson]:
        """Everyone the consent record names besides the interviewer who recorded it."""
        with self._db() as db:
            query = select(SessionPerson).where(SessionPerson.session_id == session_id)
            return list(db.exec(query.order_by(col(SessionPerson.position))))
