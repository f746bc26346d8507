"""The service layer between the tables and everything else: one short transaction per call.

Screens and the CLI call these methods; nothing outside reflect/ writes SQL.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, func, or_
from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.models import (
    ActionItem,
    ActionStatus,
    Answer,
    AuditEvent,
    Informant,
    ProtocolSnapshot,
    Session,
    SessionStatus,
    Story,
    StoryStatus,
    utcnow,
)
from reflect.protocols import Protocol
from reflect.roles import Role


@dataclass(frozen=True)
class ConsentRecord:
    """What the consent dialog collects before an interview may start."""

    given: bool
    method: str
    """How consent was given: verbal, written (signed form), recorded."""
    recorded_by: str
    """The interviewer who asked for and recorded consent."""
    at: datetime | None = None


CONSENT_METHODS = ("verbal", "written", "recorded")


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    def _db(self) -> DBSession:
        return DBSession(self.engine, expire_on_commit=False)

    def _audit(self, db: DBSession, entity: str, entity_id: uuid.UUID, action: str,
               actor: str = "", detail: str = "") -> None:
        db.add(AuditEvent(entity=entity, entity_id=str(entity_id), action=action, actor=actor,
                          detail=detail))

    # Stories -----------------------------------------------------------------------------
    def create_story(self, title: str, service: str = "", success_criteria: str = "",
                     summary: str = "", status: StoryStatus = StoryStatus.CANDIDATE) -> Story:
        title = title.strip()
        if not title:
            raise ReflectError("a story needs a title")
        story = Story(title=title, service=service.strip(), success_criteria=success_criteria,
                      summary=summary, status=status)
        with self._db() as db:
            db.add(story)
            self._audit(db, "story", story.id, "create")
            db.commit()
        return story

    def update_story(self, story_id: uuid.UUID, **changes) -> Story:
        with self._db() as db:
            story = db.get(Story, story_id)
            if story is None:
                raise ReflectError("that story no longer exists")
            if "title" in changes and not changes["title"].strip():
                raise ReflectError("a story needs a title")
            for name, value in changes.items():
                setattr(story, name, value)
            story.updated_at = utcnow()
            db.add(story)
            self._audit(db, "story", story.id, "update", detail=",".join(sorted(changes)))
            db.commit()
        return story

    def stories(self) -> list[Story]:
        with self._db() as db:
            return list(db.exec(select(Story).order_by(col(Story.updated_at).desc())))

    def story(self, story_id: uuid.UUID) -> Story | None:
        with self._db() as db:
            return db.get(Story, story_id)

    # Informants --------------------------------------------------------------------------
    def add_informant(self, story_id: uuid.UUID, pseudonym: str, role: Role) -> Informant:
        pseudonym = pseudonym.strip()
        if not pseudonym:
            raise ReflectError("an informant needs a pseudonym (never a real name)")
        informant = Informant(story_id=story_id, pseudonym=pseudonym, role=Role(role).value)
        with self._db() as db:
            db.add(informant)
            self._audit(db, "informant", informant.id, "create")
            db.commit()
        return informant

    def informants(self, story_id: uuid.UUID) -> list[Informant]:
        with self._db() as db:
            query = select(Informant).where(Informant.story_id == story_id)
            return list(db.exec(query.order_by(col(Informant.created_at))))

    def informant(self, informant_id: uuid.UUID) -> Informant | None:
        with self._db() as db:
            return db.get(Informant, informant_id)

    # Protocol snapshots ------------------------------------------------------------------
    def _snapshot(self, db: DBSession, protocol: Protocol) -> str:
        digest = protocol.content_hash
        if db.get(ProtocolSnapshot, digest) is None:
            db.add(ProtocolSnapshot(content_hash=digest, protocol_id=protocol.id,
                                    version=protocol.version, content=protocol.canonical_json()))
        return digest

    def protocol_of(self, session: Session) -> Protocol:
        """The protocol exactly as the session used it (from its snapshot, not today's file)."""
        with self._db() as db:
            snapshot = db.get(ProtocolSnapshot, session.protocol_hash)
        if snapshot is None:
            raise ReflectError(f"the protocol snapshot of session {session.id} is missing")
        return Protocol.model_validate_json(snapshot.content)

    # Sessions ----------------------------------------------------------------------------
    def start_interview(self, informant_id: uuid.UUID, protocol: Protocol,
                        consent: ConsentRecord) -> Session:
        """Record consent and open the interview; refused consent is recorded as DECLINED."""
        if protocol.kind != "interview" or protocol.consent is None:
            raise ReflectError(f"'{protocol.id}' is not an interview protocol")
        if consent.method not in CONSENT_METHODS:
            raise ReflectError(f"consent method must be one of {', '.join(CONSENT_METHODS)}")
        if not consent.recorded_by.strip():
            raise ReflectError("say who recorded the consent (the interviewer's name)")
        with self._db() as db:
            informant = db.get(Informant, informant_id)
            if informant is None:
                raise ReflectError("that informant no longer exists")
            status = SessionStatus.IN_PROGRESS if consent.given else SessionStatus.DECLINED
            session = Session(
                kind="interview", story_id=informant.story_id, informant_id=informant.id,
                protocol_id=protocol.id, protocol_version=protocol.version,
                protocol_hash=self._snapshot(db, protocol),
                interviewer=consent.recorded_by.strip(), consent_given=consent.given,
                consent_method=consent.method, consent_at=consent.at or utcnow(),
                consent_recorded_by=consent.recorded_by.strip(),
                consent_text_version=protocol.consent.version, status=status,
                current_question_id=protocol.questions[0].id if consent.given else None,
            )
            db.add(session)
            self._audit(db, "session", session.id, "consent_given" if consent.given
                        else "consent_refused", actor=session.interviewer)
            story = db.get(Story, informant.story_id)
            if consent.given and story is not None and story.status in (
                    StoryStatus.CANDIDATE, StoryStatus.SELECTED):
                story.status = StoryStatus.INTERVIEWING
                story.updated_at = utcnow()
                db.add(story)
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
        if len(matches) != 1:
            found = "no session" if not matches else f"{len(matches)} sessions"
            raise ReflectError(f"{found} with an id starting '{id_or_prefix}'")
        return matches[0]

    def sessions_of_kind(self, kind: str | None) -> list[Session]:
        """Sessions oldest first; kind 'interview', 'reflection' or None for all."""
        with self._db() as db:
            query = select(Session).order_by(col(Session.started_at))
            if kind:
                query = query.where(Session.kind == kind)
            return list(db.exec(query))

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
                           actor: str = "") -> Session:
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError("that session no longer exists")
            if session.status == SessionStatus.DECLINED:
                raise ReflectError("consent was refused for this interview; it cannot be reopened")
            session.status = status
            session.completed_at = utcnow() if status == SessionStatus.COMPLETED else None
            session.updated_at = utcnow()
            db.add(session)
            self._audit(db, "session", session.id, f"status:{status.value}", actor=actor)
            db.commit()
        return session

    # Answers -----------------------------------------------------------------------------
    def save_answer(self, session_id: uuid.UUID, question_id: str, *, text: str | None = None,
                    value: Any = ..., skipped: bool | None = None,
                    flag_quote: bool | None = None, flag_follow_up: bool | None = None) -> Answer:
        """Insert or update one answer; only the fields given change (value=None clears the
        typed value). One transaction."""
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError("that session no longer exists")
            if session.status == SessionStatus.DECLINED:
                raise ReflectError("consent was refused: no answers can be recorded")
            query = select(Answer).where(Answer.session_id == session_id,
                                         Answer.question_id == question_id)
            answer = db.exec(query).first() or Answer(session_id=session_id,
                                                      question_id=question_id)
            if text is not None:
                answer.text = text
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
            answer.updated_at = session.updated_at = utcnow()
            db.add(answer)
            db.add(session)
            db.commit()
        return answer

    def answers(self, session_id: uuid.UUID) -> dict[str, Answer]:
        with self._db() as db:
            rows = db.exec(select(Answer).where(Answer.session_id == session_id))
            return {a.question_id: a for a in rows}

    def answer_counts(self, session_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        """How many questions have text or a typed value, per session (for lists)."""
        if not session_ids:
            return {}
        with self._db() as db:
            query = (select(Answer.session_id, func.count())
                     .where(col(Answer.session_id).in_(session_ids),
                            or_(Answer.text != "", col(Answer.value).is_not(None)))
                     .group_by(Answer.session_id))
            return dict(db.exec(query).all())

    # Solo reflection ---------------------------------------------------------------------
    def start_reflection(self, protocol: Protocol, author: str, case_label: str = "",
                         story_id: uuid.UUID | None = None,
                         follow_up_of: uuid.UUID | None = None) -> Session:
        """Open a reflection: private to its author, so no consent step."""
        if protocol.kind != "reflection":
            raise ReflectError(f"'{protocol.id}' is not a reflection protocol")
        with self._db() as db:
            session = Session(kind="reflection", story_id=story_id, protocol_id=protocol.id,
                              protocol_version=protocol.version,
                              protocol_hash=self._snapshot(db, protocol),
                              interviewer=author.strip(), case_label=case_label.strip(),
                              follow_up_of=follow_up_of,
                              current_question_id=protocol.questions[0].id)
            db.add(session)
            self._audit(db, "session", session.id, "start_reflection", actor=session.interviewer)
            db.commit()
        return session


    def rating_history(self, protocol_id: str) -> dict[str, list[tuple[datetime, Any]]]:
        """Per question, the typed values given in every reflection of this protocol, oldest
        first (the caller picks the scale questions)."""
        with self._db() as db:
            query = (select(Session.started_at, Answer.question_id, Answer.value)
                     .join(Answer, col(Answer.session_id) == col(Session.id))
                     .where(Session.protocol_id == protocol_id, col(Answer.value).is_not(None),
                            Session.status != SessionStatus.ABANDONED)
                     .order_by(col(Session.started_at)))
            history: dict[str, list[tuple[datetime, Any]]] = {}
            for started, question_id, value in db.exec(query):
                history.setdefault(question_id, []).append((started, json.loads(value)))
            return history

    # Action plan -------------------------------------------------------------------------
    def add_action(self, session_id: uuid.UUID, text: str,
                   review_on: date | None = None) -> ActionItem:
        text = text.strip()
        if not text:
            raise ReflectError("an action needs a description of the step")
        item = ActionItem(session_id=session_id, text=text, review_on=review_on)
        with self._db() as db:
            db.add(item)
            self._audit(db, "action", item.id, "create")
            db.commit()
        return item

    def actions(self, session_id: uuid.UUID) -> list[ActionItem]:
        with self._db() as db:
            query = select(ActionItem).where(ActionItem.session_id == session_id)
            return list(db.exec(query.order_by(col(ActionItem.created_at))))

    def remove_action(self, action_id: uuid.UUID) -> None:
        """Delete an action item (the UI confirms first); recorded in the audit trail."""
        with self._db() as db:
            item = db.get(ActionItem, action_id)
            if item is not None:
                db.delete(item)
                self._audit(db, "action", action_id, "delete")
                db.commit()

    def due_actions(self, today: date) -> list[ActionItem]:
        """Open actions whose review date has come, oldest date first."""
        with self._db() as db:
            query = (select(ActionItem)
                     .where(ActionItem.status == ActionStatus.OPEN,
                            col(ActionItem.review_on).is_not(None),
                            col(ActionItem.review_on) <= today)
                     .order_by(col(ActionItem.review_on)))
            return list(db.exec(query))

    def review_action(self, action_id: uuid.UUID, status: ActionStatus, note: str,
                      follow_up_session_id: uuid.UUID | None = None) -> ActionItem:
        if status == ActionStatus.OPEN:
            raise ReflectError("a review records what happened: done, partly, not done or dropped")
        with self._db() as db:
            item = db.get(ActionItem, action_id)
            if item is None:
                raise ReflectError("that action no longer exists")
            item.status = status
            item.review_note = note
            item.reviewed_at = item.updated_at = utcnow()
            item.follow_up_session_id = follow_up_session_id
            db.add(item)
            self._audit(db, "action", item.id, f"review:{status.value}")
            db.commit()
        return item
