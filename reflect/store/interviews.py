"""Sessions: consent, position, status and locking, and the answers given in them."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, tuple_
from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.i18n import _, ngettext
from reflect.models import (
    Answer,
    Informant,
    Session,
    Story,
    utcnow,
)
from reflect.protocol.definition import Protocol
from reflect.store.base import StoreBase
from reflect.store.recording import add_people
from reflect.store.words import gate
from reflect.text import line_ends
from reflect.vocab import SessionStatus, StoryStatus


def change_answer(answer: Answer, *, text: str | None = None, value: Any = ...,
                  skipped: bool | None = None, flag_quote: bool | None = None,
                  flag_follow_up: bool | None = None,
                  typed_code: tuple[int, str] | None = None) -> None:
    """The one rule of a save: only the fields given change (value=None clears the typed
    value), content unskips, `typed_code` is kept the first time only. Used by `save_answer`
    and by the offline journal (reflect.store.journal), which applies it on the laptop."""
    if text is not None:
        answer.text = line_ends(text)  # as stored (store.line_ends): the audit agrees
    if value is not ...:
        answer.value = None if value is None else json.dumps(value, ensure_ascii=False)
    if answer.has_content:
        answer.skipped = False
    if skipped is not None:
        answer.skipped = skipped
    if flag_quote is not None:
        answer.flag_quote = flag_quote
    if flag_follow_up is not None:
        answer.flag_follow_up = flag_follow_up
    if typed_code is not None and answer.typed_code is None:
        answer.typed_code, answer.typed_kind = typed_code


def answer_state(answer: Answer) -> dict[str, object]:
    return {"text": answer.text, "value": answer.value, "skipped": answer.skipped,
            "quote": answer.flag_quote, "follow_up": answer.flag_follow_up}


@dataclass(frozen=True)
class ConsentRecord:
    """What the consent dialog collects before an interview may start."""

    given: bool
    method: str
    """How consent was given: verbal, written (signed form), recorded."""
    recorded_by: str
    """The interviewer who asked for and recorded consent."""
    at: datetime | None = None
    others: tuple[tuple[str, str], ...] = ()
    """Everyone else present: (name, reflect.roles.PresentRole value), in order."""
    recording: bool | None = None
    """Whether they agree to be recorded, asked on its own: None when not answered."""
    recording_method: str = ""
    """How they answered about the recording (one of CONSENT_METHODS)."""


CONSENT_METHODS = ("verbal", "written", "recorded")


def _check_method(method: str) -> None:
    if method not in CONSENT_METHODS:
        raise ReflectError(_("consent method must be one of {CONSENT_METHODS}").format(
                               CONSENT_METHODS=', '.join(CONSENT_METHODS)))


def recording_consent_label(session: Session) -> str:
    """Whether the interviewee agreed to be recorded, in the interface's language: 'agreed
    (verbal)', 'refused (written)', or 'not asked' (no answer recorded)."""
    if session.recording_consent is None:
        return _("not asked")
    how = _(session.recording_consent_method) if session.recording_consent_method else ""
    state = _("agreed") if session.recording_consent else _("refused")
    return _("{state} ({how})").format(state=state, how=how) if how else state


def _recording_detail(agreed: bool | None, method: str) -> str:
    """For the audit trail (no answer text): '; recording: yes, verbal' ('' unasked)."""
    if agreed is None:
        return ""
    return f"; recording: {'yes' if agreed else 'no'}, {method}"


class InterviewStore(StoreBase):
    """Sessions (interviews and reflections alike) and their answers."""

    # Sessions ----------------------------------------------------------------------------
    def start_interview(self, informant_id: uuid.UUID, protocol: Protocol,
                        consent: ConsentRecord) -> Session:
        """Record consent and open the interview; refused consent is recorded as DECLINED."""
        if protocol.kind != "interview" or protocol.consent is None:
            raise ReflectError(_("'{id}' is not an interview protocol").format(id=protocol.id))
        _check_method(consent.method)
        if consent.recording is not None:
            _check_method(consent.recording_method)
        if not consent.recorded_by.strip():
            raise ReflectError(_("say who recorded the consent (the interviewer's name)"))
        with self._db() as db:
            informant = db.get(Informant, informant_id)
            if informant is None:
                raise ReflectError(_("that informant no longer exists"))
            status = SessionStatus.IN_PROGRESS if consent.given else SessionStatus.DECLINED
            session = Session(
                kind="interview", story_id=informant.story_id, informant_id=informant.id,
                protocol_id=protocol.id, protocol_version=protocol.version,
                protocol_hash=self._snapshot(db, protocol),
                interviewer=consent.recorded_by.strip(), consent_given=consent.given,
                consent_method=consent.method, consent_at=consent.at or utcnow(),
                consent_recorded_by=consent.recorded_by.strip(),
                consent_text_version=protocol.consent.version, status=status,
                recording_consent=consent.recording,
                recording_consent_method=consent.recording_method
                if consent.recording is not None else "",
                recording_consent_at=(consent.at or utcnow())
                if consent.recording is not None else None,
                current_question_id=protocol.questions[0].id if consent.given else None,
            )
            db.add(session)
            db.flush()
            add_people(db, session.id, list(consent.others))
            self._audit(db, "session", session.id, "consent_given" if consent.given
                        else "consent_refused", actor=session.interviewer,
                        detail=f"{consent.method}; text {protocol.consent.version}"
                               + (f"; {len(consent.others)} others present"
                                  if consent.others else "")
                               + _recording_detail(consent.recording,
                                                   consent.recording_method),
                        new={"given": consent.given, "method": consent.method,
                             "at": session.consent_at, "by": session.consent_recorded_by,
                             "text": protocol.consent.version,
                             "others": [list(person) for person in consent.others],
                             "recording": consent.recording,
                             "recording_method": session.recording_consent_method})
            story = db.get(Story, informant.story_id)
            if consent.given and story is not None and story.status in (
                    StoryStatus.CANDIDATE, StoryStatus.SELECTED):
                story.status = StoryStatus.INTERVIEWING
                story.updated_at = utcnow()
                db.add(story)
            db.commit()
        return session

    def record_recording_consent(self, session_id: uuid.UUID, agreed: bool, method: str,
                                 actor: str = "") -> Session:
        """Whether the interviewee agrees to be recorded, asked after the consent (a session
        from before this was asked, or an answer not yet given). An answer once given is not
        changed here: a 'no' holds for the whole interview."""
        _check_method(method)
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError(_("that session no longer exists"))
            if session.kind != "interview" or session.status == SessionStatus.DECLINED:
                raise ReflectError(_("only an interview that takes place can be recorded"))
            if session.recording_consent is not None:
                raise ReflectError(_("the answer about the recording was already recorded "
                                     "({answer}); it is not changed afterwards").format(
                                       answer=recording_consent_label(session)))
            session.recording_consent = agreed
            session.recording_consent_method = method
            session.recording_consent_at = session.updated_at = utcnow()
            db.add(session)
            self._audit(db, "session", session.id, "recording_consent",
                        actor=actor or session.interviewer,
                        detail=_recording_detail(agreed, method).lstrip("; "),
                        new={"recording": agreed, "method": method,
                             "at": session.recording_consent_at})
            db.commit()
        return session

    def session(self, session_id: uuid.UUID) -> Session | None:
        with self._db() as db:
            return db.get(Session, session_id)

    def find_session(self, id_or_prefix: str) -> Session:
        """A session by its full id or a unique prefix of it (as printed in lists)."""
        prefix = id_or_prefix.strip().lower().replace("-", "")
        with self._db() as db:
            if len(prefix) == 32:
                session = db.get(Session, uuid.UUID(prefix))
                matches = [session] if session else []
            else:
                matches = [s for s in db.exec(select(Session)) if s.id.hex.startswith(prefix)]
        if not matches:
            raise ReflectError(_("No session has an id starting '{id_or_prefix}'").format(
                id_or_prefix=id_or_prefix))
        if len(matches) > 1:
            raise ReflectError(ngettext(
                "{count} session has an id starting '{id_or_prefix}'; type more of it",
                "{count} sessions have an id starting '{id_or_prefix}'; type more of it",
                len(matches)).format(count=len(matches), id_or_prefix=id_or_prefix))
        return matches[0]

    def sessions_of_kind(self, kind: str | None, newest_first: bool = False,
                         limit: int | None = None, after: Session | None = None,
                         ) -> list[Session]:
        """Sessions by start time; kind 'interview', 'reflection' or None for all. A page:
        the `limit` sessions that come after `after`, found by key rather than offset."""
        with self._db() as db:
            key = (col(Session.started_at), col(Session.id))
            query = select(Session).order_by(*(part.desc() if newest_first else part
                                               for part in key))
            if after is not None:
                mark = tuple_(after.started_at, after.id)
                query = query.where(tuple_(*key) < mark if newest_first else tuple_(*key) > mark)
            if kind:
                query = query.where(Session.kind == kind)
            if limit is not None:
                query = query.limit(limit)
            return list(db.exec(query))

    def each_session_of_kind(self, kind: str | None, page: int = 500) -> Iterator[Session]:
        """Every session of a kind by start time, read a page at a time (by key): for
        exports that must not hold 100,000 sessions at once."""
        after = None
        while rows := self.sessions_of_kind(kind, limit=page, after=after):
            yield from rows
            after = rows[-1]

    def count_sessions(self, kind: str | None) -> int:
        with self._db() as db:
            query = select(func.count()).select_from(Session)
            if kind:
                query = query.where(Session.kind == kind)
            return db.exec(query).one()

    def sessions_for_story(self, story_id: uuid.UUID) -> list[Session]:
        with self._db() as db:
            query = select(Session).where(Session.story_id == story_id)
            return list(db.exec(query.order_by(col(Session.started_at))))

    def recent_sessions(self, limit: int = 20) -> list[Session]:
        with self._db() as db:
            query = select(Session).order_by(col(Session.updated_at).desc()).limit(limit)
            return list(db.exec(query))

    def save_position(self, session_id: uuid.UUID, question_id: str,
                      elapsed_seconds: int) -> None:
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                return
            session.current_question_id = question_id
            session.elapsed_seconds = max(session.elapsed_seconds, elapsed_seconds)
            session.updated_at = utcnow()
            db.add(session)
            db.commit()

    def set_session_status(self, session_id: uuid.UUID, status: SessionStatus,
                           actor: str = "", reason: str = "") -> Session:
        """Complete or reopen. Reopening a locked session needs a reason, which the audit
        trail records."""
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError(_("that session no longer exists"))
            if session.status == SessionStatus.DECLINED:
                raise ReflectError(_("consent was refused for this interview; it cannot be "
                                     "reopened"))
            detail = ""
            if session.locked_at is not None and status == SessionStatus.IN_PROGRESS:
                if not reason.strip():
                    raise ReflectError(_("this interview is locked: say why it must change (the "
                                         "reason is recorded)"))
                detail = f"locked; reason: {reason.strip()}"
            session.status = status
            session.completed_at = utcnow() if status == SessionStatus.COMPLETED else None
            session.updated_at = utcnow()
            db.add(session)
            self._audit(db, "session", session.id, f"status:{status.value}", actor=actor,
                        detail=detail)
            db.commit()
        return session

    def lock_session(self, session_id: uuid.UUID, actor: str = "") -> Session:
        """Lock a completed session: its answers stay as they are unless someone reopens it
        and gives a reason."""
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError(_("that session no longer exists"))
            if session.status != SessionStatus.COMPLETED:
                raise ReflectError(_("only a completed interview can be locked; finish it first"))
            if session.locked_at is None:
                session.locked_at = session.updated_at = utcnow()
                session.locked_by = actor.strip()
                db.add(session)
                self._audit(db, "session", session.id, "lock", actor=actor)
                db.commit()
        return session

    # Answers -----------------------------------------------------------------------------
    def save_answer(self, session_id: uuid.UUID, question_id: str, *, text: str | None = None,
                    value: Any = ..., skipped: bool | None = None,
                    flag_quote: bool | None = None, flag_follow_up: bool | None = None,
                    typed_code: tuple[int, str] | None = None) -> Answer:
        """Insert or update one answer; only the fields given change (value=None clears the
        typed value). `typed_code` (seconds, kind) is kept only for the first typing. One
        transaction."""
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError(_("that session no longer exists"))
            if session.status == SessionStatus.DECLINED:
                raise ReflectError(_("consent was refused: no answers can be recorded"))
            if session.locked_at is not None and session.status != SessionStatus.IN_PROGRESS:
                raise ReflectError(_("this interview is locked: reopen it (F9) and say why before"
                                     " changing an answer"))
            query = select(Answer).where(Answer.session_id == session_id,
                                         Answer.question_id == question_id)
            existing = db.exec(query).first()
            answer = existing or Answer(session_id=session_id, question_id=question_id)
            before = answer_state(answer) if existing else None
            change_answer(answer, text=text, value=value, skipped=skipped,
                          flag_quote=flag_quote, flag_follow_up=flag_follow_up,
                          typed_code=typed_code)
            answer.updated_at = session.updated_at = utcnow()
            db.add(answer)
            db.add(session)
            after = answer_state(answer)
            if after != before:
                changed = [k for k in after if before is None or after[k] != before[k]]
                self._audit(db, "answer", answer.id, "update" if existing else "create",
                            actor=session.interviewer, detail=",".join(changed),
                            old=before, new=after)
            db.commit()
        return answer

    def answers(self, session_id: uuid.UUID) -> dict[str, Answer]:
        """The session's answers by question; none when its informant withdrew (the gate,
        reflect.store.words: kept in the database, shown nowhere)."""
        with self._db() as db:
            if not gate(db, among=[session_id]).shows_session(session_id):
                return {}
            rows = db.exec(select(Answer).where(Answer.session_id == session_id))
            return {a.question_id: a for a in rows}

    def answer_counts(self, session_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        """How many questions have text or a typed value, per session (for lists)."""
        if not session_ids:
            return {}
        with self._db() as db:
            query = (select(Answer.session_id, func.count())
                     .where(col(Answer.session_id).in_(session_ids),
                            or_(col(Answer.text) != "", col(Answer.value).is_not(None)))
                     .group_by(col(Answer.session_id)))
            return dict(db.exec(query).all())

    def answer_by_id(self, answer_id: uuid.UUID) -> Answer | None:
        """The answer, or None when it is gone or its informant withdrew (the gate)."""
        with self._db() as db:
            answer = db.get(Answer, answer_id)
            if answer is None or not gate(db, among=[answer.session_id]).shows_session(
                    answer.session_id):
                return None
            return answer
