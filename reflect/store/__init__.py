"""The service layer between the tables and everything else: one short transaction per call.

Screens and the CLI call these methods; nothing outside reflect/ writes SQL.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, func, or_
from sqlalchemy.exc import OperationalError
from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.errors import ReflectError, StorageError, explain_storage_error
from reflect.models import (
    ActionItem,
    ActionStatus,
    Answer,
    AuditEvent,
    Evidence,
    Informant,
    Principle,
    ProtocolSnapshot,
    Redaction,
    Session,
    SessionStatus,
    Story,
    StoryStatus,
    Theme,
    utcnow,
)
from reflect.privacy.redact import Redactor, Term
from reflect.protocol.definition import Protocol
from reflect.roles import Role


def _answer_state(answer: Answer) -> dict:
    return {"text": answer.text, "value": answer.value, "skipped": answer.skipped,
            "quote": answer.flag_quote, "follow_up": answer.flag_follow_up}


def digest(value: object) -> str:
    """SHA-256 of a value's JSON, or '' for None: lets an audit show that (and when) a text
    changed, and match it to a copy, without holding the text itself."""
    if value is None:
        return ""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ThemeReach:
    """A theme with the principles it groups and the stories they come from."""

    theme: Theme
    principles: list[Principle]
    story_ids: set[uuid.UUID]


@dataclass(frozen=True)
class InterviewRecord:
    """One interview of a story with everything needed to read it."""

    session: Session
    informant: Informant
    protocol: Protocol
    answers: dict[str, Answer]


PRINCIPLE_PARTS = ("situation", "goal", "action", "rationale")


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
        self._protocols: dict[str, Protocol] = {}
        """Parsed protocol snapshots by content hash (they never change)."""

    @contextmanager
    def _db(self) -> Iterator[DBSession]:
        """One database session; a write the database cannot take (disk full, read-only,
        locked) becomes a StorageError with a plain message, and nothing is half-written."""
        try:
            with DBSession(self.engine, expire_on_commit=False) as db:
                yield db
        except OperationalError as exc:
            raise StorageError(explain_storage_error(str(exc.orig or exc))) from exc

    def _audit(self, db: DBSession, entity: str, entity_id: uuid.UUID, action: str,
               actor: str = "", detail: str = "", old: object = None,
               new: object = None) -> None:
        """Append an audit event; old and new values are stored only as hashes."""
        db.add(AuditEvent(entity=entity, entity_id=str(entity_id), action=action, actor=actor,
                          detail=detail, old_hash=digest(old), new_hash=digest(new)))

    def tidy_search_index(self, pages: int = 100) -> None:
        """Merge some full-text index segments (SQLite). Saves never merge, so the app calls
        this from a background thread now and then; a short transaction each time."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.begin() as conn:
            conn.exec_driver_sql(
                f"INSERT INTO answer_fts(answer_fts, rank) VALUES ('merge', {int(pages)})")

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

    def stories(self, limit: int | None = None, offset: int = 0) -> list[Story]:
        """Stories, most recently changed first (a page of them when limit is given)."""
        with self._db() as db:
            query = select(Story).order_by(col(Story.updated_at).desc(), col(Story.id))
            if limit is not None:
                query = query.limit(limit).offset(offset)
            return list(db.exec(query))

    def find_story(self, title_or_id: str) -> Story:
        """A story by exact title (any case), or by its id or a unique id prefix."""
        wanted = title_or_id.strip().lower()
        stories = self.stories()
        matches = [s for s in stories if s.title.lower() == wanted] or \
            [s for s in stories if s.id.hex.startswith(wanted.replace("-", ""))]
        if len(matches) != 1:
            found = "no story" if not matches else f"{len(matches)} stories"
            raise ReflectError(f"{found} match '{title_or_id}'; give the exact title or the id")
        return matches[0]

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
        if (cached := self._protocols.get(session.protocol_hash)) is not None:
            return cached
        with self._db() as db:
            snapshot = db.get(ProtocolSnapshot, session.protocol_hash)
        if snapshot is None:
            raise ReflectError(f"the protocol snapshot of session {session.id} is missing")
        protocol = Protocol.model_validate_json(snapshot.content)
        self._protocols[session.protocol_hash] = protocol
        return protocol

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
                        else "consent_refused", actor=session.interviewer,
                        detail=f"{consent.method}; text {protocol.consent.version}",
                        new={"given": consent.given, "method": consent.method,
                             "at": session.consent_at, "by": session.consent_recorded_by,
                             "text": protocol.consent.version})
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

    def sessions_of_kind(self, kind: str | None, newest_first: bool = False,
                         limit: int | None = None, offset: int = 0) -> list[Session]:
        """Sessions by start time; kind 'interview', 'reflection' or None for all."""
        with self._db() as db:
            started = col(Session.started_at)
            query = select(Session).order_by(started.desc() if newest_first else started,
                                              col(Session.id))
            if kind:
                query = query.where(Session.kind == kind)
            if limit is not None:
                query = query.limit(limit).offset(offset)
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
                           actor: str = "", reason: str = "") -> Session:
        """Complete or reopen. Reopening a locked session needs a reason, which the audit
        trail records."""
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError("that session no longer exists")
            if session.status == SessionStatus.DECLINED:
                raise ReflectError("consent was refused for this interview; it cannot be reopened")
            detail = ""
            if session.locked_at is not None and status == SessionStatus.IN_PROGRESS:
                if not reason.strip():
                    raise ReflectError("this interview is locked: say why it must change (the "
                                       "reason is recorded)")
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
                raise ReflectError("that session no longer exists")
            if session.status != SessionStatus.COMPLETED:
                raise ReflectError("only a completed interview can be locked; finish it first")
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
                    flag_quote: bool | None = None, flag_follow_up: bool | None = None) -> Answer:
        """Insert or update one answer; only the fields given change (value=None clears the
        typed value). One transaction."""
        with self._db() as db:
            session = db.get(Session, session_id)
            if session is None:
                raise ReflectError("that session no longer exists")
            if session.status == SessionStatus.DECLINED:
                raise ReflectError("consent was refused: no answers can be recorded")
            if session.locked_at is not None and session.status != SessionStatus.IN_PROGRESS:
                raise ReflectError("this interview is locked: reopen it (F9) and say why before "
                                   "changing an answer")
            query = select(Answer).where(Answer.session_id == session_id,
                                         Answer.question_id == question_id)
            existing = db.exec(query).first()
            answer = existing or Answer(session_id=session_id, question_id=question_id)
            before = _answer_state(answer) if existing else None
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
            after = _answer_state(answer)
            if after != before:
                changed = [k for k in after if before is None or after[k] != before[k]]
                self._audit(db, "answer", answer.id, "update" if existing else "create",
                            actor=session.interviewer, detail=",".join(changed),
                            old=before, new=after)
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

    # Analysis: principles, evidence, themes ------------------------------------------------
    def interviews_of(self, story_id: uuid.UUID) -> list[InterviewRecord]:
        """The story's interviews that took place (consent given), oldest first."""
        informants = {i.id: i for i in self.informants(story_id)}
        records = []
        for session in self.sessions_for_story(story_id):
            if session.kind != "interview" or session.status == SessionStatus.DECLINED:
                continue
            records.append(InterviewRecord(session, informants[session.informant_id],
                                           self.protocol_of(session), self.answers(session.id)))
        return records

    def add_principle(self, story_id: uuid.UUID, **parts: str) -> Principle:
        principle = Principle(story_id=story_id, **self._principle_parts(parts))
        with self._db() as db:
            db.add(principle)
            self._audit(db, "principle", principle.id, "create",
                        new=principle.model_dump(include=set(PRINCIPLE_PARTS)))
            db.commit()
        return principle

    @staticmethod
    def _principle_parts(parts: dict[str, str], partial: bool = False) -> dict[str, str]:
        unknown = set(parts) - set(PRINCIPLE_PARTS)
        if unknown:
            raise ReflectError(f"a principle has no part {sorted(unknown)}")
        cleaned = {name: value.strip() for name, value in parts.items()}
        if (not partial or "action" in cleaned) and not cleaned.get("action"):
            raise ReflectError("a principle needs at least its 'do' part: the action")
        return cleaned

    def update_principle(self, principle_id: uuid.UUID, **parts: str) -> Principle:
        cleaned = self._principle_parts(parts, partial=True)
        with self._db() as db:
            principle = db.get(Principle, principle_id)
            if principle is None:
                raise ReflectError("that principle no longer exists")
            before = principle.model_dump(include=set(PRINCIPLE_PARTS))
            for name, value in cleaned.items():
                setattr(principle, name, value)
            principle.updated_at = utcnow()
            db.add(principle)
            self._audit(db, "principle", principle.id, "update", detail=",".join(sorted(cleaned)),
                        old=before, new=principle.model_dump(include=set(PRINCIPLE_PARTS)))
            db.commit()
        return principle

    def delete_principle(self, principle_id: uuid.UUID) -> None:
        """Delete a principle and its evidence links (the UI confirms first)."""
        with self._db() as db:
            for link in db.exec(select(Evidence).where(Evidence.principle_id == principle_id)):
                db.delete(link)
            if (principle := db.get(Principle, principle_id)) is not None:
                self._audit(db, "principle", principle_id, "delete",
                            old=principle.model_dump(include=set(PRINCIPLE_PARTS)))
                db.delete(principle)
            db.commit()

    def principles(self, story_id: uuid.UUID | None = None) -> list[Principle]:
        """A story's principles (or every principle), oldest first."""
        with self._db() as db:
            query = select(Principle).order_by(col(Principle.created_at))
            if story_id is not None:
                query = query.where(Principle.story_id == story_id)
            return list(db.exec(query))

    def add_evidence(self, principle_id: uuid.UUID, answer_id: uuid.UUID, start: int,
                     end: int) -> Evidence:
        """Link the passage text[start:end] of an answer to a principle."""
        with self._db() as db:
            answer = db.get(Answer, answer_id)
            if answer is None or db.get(Principle, principle_id) is None:
                raise ReflectError("that answer or principle no longer exists")
            start, end = max(0, min(start, end)), min(len(answer.text), max(start, end))
            excerpt = answer.text[start:end].strip()
            if not excerpt:
                raise ReflectError("select some words of an answer first")
            offset = answer.text[start:end].index(excerpt)
            evidence = Evidence(principle_id=principle_id, answer_id=answer_id, excerpt=excerpt,
                                start=start + offset, end=start + offset + len(excerpt))
            db.add(evidence)
            self._audit(db, "evidence", evidence.id, "create")
            db.commit()
        return evidence

    def evidence(self, principle_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Evidence]]:
        """Evidence per principle, for the given principles (each list oldest first)."""
        found: dict[uuid.UUID, list[Evidence]] = {pid: [] for pid in principle_ids}
        if not principle_ids:
            return found
        with self._db() as db:
            query = (select(Evidence).where(col(Evidence.principle_id).in_(principle_ids))
                     .order_by(col(Evidence.created_at)))
            for item in db.exec(query):
                found[item.principle_id].append(item)
        return found

    def remove_evidence(self, evidence_id: uuid.UUID) -> None:
        with self._db() as db:
            if (item := db.get(Evidence, evidence_id)) is not None:
                db.delete(item)
                self._audit(db, "evidence", evidence_id, "delete")
                db.commit()

    def answer_by_id(self, answer_id: uuid.UUID) -> Answer | None:
        with self._db() as db:
            return db.get(Answer, answer_id)

    def create_theme(self, name: str, description: str = "") -> Theme:
        name = name.strip()
        if not name:
            raise ReflectError("a common principle (theme) needs a name")
        theme = Theme(name=name, description=description.strip())
        with self._db() as db:
            db.add(theme)
            self._audit(db, "theme", theme.id, "create")
            db.commit()
        return theme

    def rename_theme(self, theme_id: uuid.UUID, name: str, description: str | None = None):
        if not name.strip():
            raise ReflectError("a common principle (theme) needs a name")
        with self._db() as db:
            theme = db.get(Theme, theme_id)
            if theme is None:
                raise ReflectError("that theme no longer exists")
            theme.name = name.strip()
            if description is not None:
                theme.description = description.strip()
            theme.updated_at = utcnow()
            db.add(theme)
            self._audit(db, "theme", theme.id, "rename")
            db.commit()
        return theme

    def assign_theme(self, principle_ids: list[uuid.UUID], theme_id: uuid.UUID | None) -> None:
        """Put principles into a theme (None takes them out of any theme)."""
        with self._db() as db:
            for principle_id in principle_ids:
                principle = db.get(Principle, principle_id)
                if principle is None:
                    continue
                principle.theme_id = theme_id
                principle.updated_at = utcnow()
                db.add(principle)
                self._audit(db, "principle", principle_id, "theme", detail=str(theme_id or ""))
            db.commit()

    def merge_themes(self, source_id: uuid.UUID, target_id: uuid.UUID) -> None:
        """Move every principle of source into target, then delete source. One transaction."""
        if source_id == target_id:
            raise ReflectError("choose another theme to merge into")
        with self._db() as db:
            source, target = db.get(Theme, source_id), db.get(Theme, target_id)
            if source is None or target is None:
                raise ReflectError("that theme no longer exists")
            for principle in db.exec(select(Principle).where(Principle.theme_id == source_id)):
                principle.theme_id = target_id
                db.add(principle)
            db.flush()
            db.delete(source)
            self._audit(db, "theme", source_id, "merge", detail=str(target_id))
            db.commit()

    def split_theme(self, theme_id: uuid.UUID, principle_ids: list[uuid.UUID],
                    new_name: str) -> Theme:
        """Move some principles of a theme into a new theme."""
        members = {p.id for p in self.principles() if p.theme_id == theme_id}
        moving = [pid for pid in principle_ids if pid in members]
        if not moving:
            raise ReflectError("choose the principles to move to the new theme")
        theme = self.create_theme(new_name)
        self.assign_theme(moving, theme.id)
        return theme

    def themes_by_reach(self) -> list[ThemeReach]:
        """Every theme with its principles and stories, the widest reach first."""
        with self._db() as db:
            themes = list(db.exec(select(Theme)))
        principles = self.principles()
        reach = []
        for theme in themes:
            members = [p for p in principles if p.theme_id == theme.id]
            reach.append(ThemeReach(theme, members, {p.story_id for p in members}))
        return sorted(reach, key=lambda r: (-len(r.story_ids), -len(r.principles),
                                            r.theme.name.lower()))

    # Redaction ---------------------------------------------------------------------------
    def add_redaction(self, term: str, story_id: uuid.UUID | None = None,
                      replacement: str = "") -> Redaction:
        """Hide a name or place in redacted exports (the audit trail keeps only its hash)."""
        term = " ".join(term.split())
        if not term:
            raise ReflectError("type the name or place to hide")
        with self._db() as db:
            same = db.exec(select(Redaction).where(Redaction.story_id == story_id,
                                                   func.lower(Redaction.term) == term.lower()))
            if (existing := same.first()) is not None:
                existing.replacement = replacement.strip()
                db.add(existing)
                db.commit()
                return existing
            entry = Redaction(story_id=story_id, term=term, replacement=replacement.strip())
            db.add(entry)
            self._audit(db, "redaction", entry.id, "create", new=term)
            db.commit()
        return entry

    def redactions(self, story_id: uuid.UUID | None = None,
                   everything: bool = False) -> list[Redaction]:
        """The global list plus one story's (or every list when everything is True)."""
        with self._db() as db:
            query = select(Redaction)
            if not everything:
                query = query.where(or_(Redaction.story_id.is_(None),
                                        Redaction.story_id == story_id))
            return sorted(db.exec(query), key=lambda r: (r.story_id is not None, r.term.lower()))

    def remove_redaction(self, redaction_id: uuid.UUID) -> None:
        with self._db() as db:
            if (entry := db.get(Redaction, redaction_id)) is not None:
                self._audit(db, "redaction", entry.id, "delete", old=entry.term)
                db.delete(entry)
                db.commit()

    def redactor(self, story_id: uuid.UUID | None = None, everything: bool = False,
                 extra: list[Term] | None = None) -> Redactor:
        """What redacted exports replace: for one story, its list and the global one; for
        exports of several stories, every list (a name is sensitive wherever it came from)."""
        terms = [Term(r.term, r.replacement) for r in self.redactions(story_id, everything)]
        return Redactor([*terms, *(extra or [])])

