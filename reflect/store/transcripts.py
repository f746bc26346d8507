"""Draft transcripts (issue 34, point 4): kept per question beside the typed answer, taken into
it only when the student says so, and then recorded as the answer's source.

A transcript is an informant's words like an answer: a withdrawn informant's are read by no one
(the gate, reflect.store.words) and an erasure deletes them (member_checks.erase_words).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import Answer, Session, utcnow
from reflect.models_transcript import EDITED, MERGED, USES, Transcript
from reflect.store.base import StoreBase
from reflect.store.interviews import answer_state, change_answer
from reflect.store.words import gate
from reflect.text import line_ends
from reflect.vocab import SessionStatus


class PartLike(Protocol):
    """One question's words (reflect.audio.transcribe.Part): read, never imported here, so the
    store does not load the transcription module."""

    @property
    def question_id(self) -> str: ...
    @property
    def start_ms(self) -> int: ...
    @property
    def end_ms(self) -> int: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class QuestionTranscript:
    """What the newest transcription heard at one question, across the session's recordings
    (in the order said)."""

    question_id: str
    text: str
    model: str
    start_ms: int
    end_ms: int
    ids: tuple[uuid.UUID, ...]
    used: str
    """'' while not taken into the answer; else how it was (models_transcript.USES)."""
    used_at: datetime | None


@dataclass(frozen=True)
class AnswerSource:
    """That an answer's text came from a transcript: how, from which model, when."""

    question_id: str
    used: str
    model: str
    at: datetime


def _newest(rows: Sequence[Transcript]) -> dict[str, QuestionTranscript]:
    """Per question, the newest row of each recording joined in time order."""
    newest: dict[tuple[str, uuid.UUID | None], Transcript] = {}
    for row in rows:
        key = (row.question_id, row.recording_id)
        if key not in newest or (row.created_at, row.id.hex) > (newest[key].created_at,
                                                                  newest[key].id.hex):
            newest[key] = row
    by_question: dict[str, list[Transcript]] = {}
    for (question_id, _recording), row in newest.items():
        by_question.setdefault(question_id, []).append(row)
    found = {}
    for question_id, parts in by_question.items():
        parts.sort(key=lambda row: (row.start_ms, row.created_at))
        used = [row for row in parts if row.used]
        found[question_id] = QuestionTranscript(
            question_id=question_id, text="\n\n".join(row.text for row in parts if row.text),
            model=", ".join(dict.fromkeys(row.model for row in parts)),
            start_ms=parts[0].start_ms, end_ms=max(row.end_ms for row in parts),
            ids=tuple(row.id for row in parts), used=used[-1].used if used else "",
            used_at=max((row.used_at for row in used if row.used_at), default=None))
    return found


class TranscriptStore(StoreBase):
    """Transcripts per question; taking one into an answer."""

    def _readable(self, db: DBSession, session_id: uuid.UUID) -> Session:
        session = db.get(Session, session_id)
        if session is None:
            raise ReflectError(_("that session no longer exists"))
        if not gate(db, among=[session_id]).shows_session(session_id):
            raise ReflectError(_("the informant of this interview withdrew: their words are "
                                 "not transcribed or shown"))
        return session

    def save_transcripts(self, session_id: uuid.UUID, recording_id: uuid.UUID | None,
                         model: str, language: str, parts: Sequence[PartLike]) -> int:
        """Keep one transcription of one recording, a row per question (earlier rows stay:
        those taken into answers are their provenance). One transaction; returns the rows."""
        with self._db() as db:
            session = self._readable(db, session_id)
            for part in parts:
                db.add(Transcript(session_id=session_id, question_id=part.question_id,
                                  recording_id=recording_id, text=line_ends(part.text),
                                  model=model, language=language, start_ms=part.start_ms,
                                  end_ms=part.end_ms))
            self._audit(db, "session", session.id, "transcribe", actor=session.interviewer,
                        detail=f"{len(parts)} questions; model {model}; language {language}")
            db.commit()
        return len(parts)

    def transcripts(self, session_id: uuid.UUID) -> dict[str, QuestionTranscript]:
        """The newest transcript of each question (none when the informant withdrew)."""
        with self._db() as db:
            if not gate(db, among=[session_id]).shows_session(session_id):
                return {}
            rows = list(db.exec(select(Transcript).where(Transcript.session_id == session_id)))
        return _newest(rows)

    def answer_sources(self, session_id: uuid.UUID) -> dict[str, AnswerSource]:
        """Per question, the last time a transcript was taken into its answer, and from
        which model."""
        with self._db() as db:
            if not gate(db, among=[session_id]).shows_session(session_id):
                return {}
            rows = list(db.exec(select(Transcript).where(
                Transcript.session_id == session_id, col(Transcript.used_at).is_not(None))
                .order_by(col(Transcript.used_at))))
        return {row.question_id: AnswerSource(row.question_id, row.used, row.model,
                                              row.used_at)
                for row in rows if row.used_at is not None}

    def take_transcript(self, session_id: uuid.UUID, question_id: str, how: str,
                        edited: str | None = None) -> Answer:
        """Put a question's newest transcript into its answer: replacing the text
        (ACCEPTED), after it (MERGED), or as the student edited it (EDITED, `edited` the
        text). The transcript rows record how and when; the answer's audit event names the
        model. One transaction, under the same rules as any save of the answer."""
        if how not in USES:
            raise ValueError(f"unknown use of a transcript: {how}")
        with self._db() as db:
            session = self._readable(db, session_id)
            if session.status == SessionStatus.DECLINED:
                raise ReflectError(_("consent was refused: no answers can be recorded"))
            if session.locked_at is not None and session.status != SessionStatus.IN_PROGRESS:
                raise ReflectError(_("this interview is locked: reopen it (F9) and say why "
                                     "before changing an answer"))
            rows = list(db.exec(select(Transcript).where(
                Transcript.session_id == session_id, Transcript.question_id == question_id)))
            heard = _newest(rows).get(question_id)
            if heard is None:
                raise ReflectError(_("there is no transcript of this question"))
            existing = db.exec(select(Answer).where(Answer.session_id == session_id,
                                                    Answer.question_id == question_id)).first()
            answer = existing or Answer(session_id=session_id, question_id=question_id)
            before = answer_state(answer) if existing else None
            if how == EDITED:
                text = edited if edited is not None else heard.text
            elif how == MERGED and answer.text.strip():
                text = answer.text.rstrip() + "\n\n" + heard.text
            else:
                text = heard.text
            change_answer(answer, text=text)
            now = utcnow()
            answer.updated_at = session.updated_at = now
            db.add(answer)
            db.add(session)
            for row in rows:
                if row.id in heard.ids:
                    row.used, row.used_at = how, now
                    db.add(row)
            self._audit(db, "answer", answer.id, "update" if existing else "create",
                        actor=session.interviewer,
                        detail=f"text; from a transcript ({how}, model {heard.model})",
                        old=before, new=answer_state(answer))
            db.commit()
            db.refresh(answer)
        return answer
