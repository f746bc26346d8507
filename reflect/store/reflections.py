"""Solo reflection: starting one, the history of its ratings, and its action plan."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import (
    ActionItem,
    Answer,
    Session,
    utcnow,
)
from reflect.protocol.definition import Protocol
from reflect.store.base import StoreBase
from reflect.vocab import ActionStatus, DeletionKind, SessionStatus


class ReflectionStore(StoreBase):
    """Reflections and their action items."""

    # Solo reflection ---------------------------------------------------------------------
    def start_reflection(self, protocol: Protocol, author: str, case_label: str = "",
                         story_id: uuid.UUID | None = None,
                         follow_up_of: uuid.UUID | None = None) -> Session:
        """Open a reflection: private to its author, so no consent step."""
        if protocol.kind != "reflection":
            raise ReflectError(_("'{id}' is not a reflection protocol").format(id=protocol.id))
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
                assert value is not None  # the query keeps typed values only
                history.setdefault(question_id, []).append((started, json.loads(value)))
            return history

    # Action plan -------------------------------------------------------------------------
    def add_action(self, session_id: uuid.UUID, text: str,
                   review_on: date | None = None) -> ActionItem:
        text = text.strip()
        if not text:
            raise ReflectError(_("an action needs a description of the step"))
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
                self._deleted(db, DeletionKind.ACTION, action_id)
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
            raise ReflectError(_("a review records what happened: done, partly, not done or "
                                 "dropped"))
        with self._db() as db:
            item = db.get(ActionItem, action_id)
            if item is None:
                raise ReflectError(_("that action no longer exists"))
            item.status = status
            item.review_note = note
            item.reviewed_at = item.updated_at = utcnow()
            item.follow_up_session_id = follow_up_session_id
            db.add(item)
            self._audit(db, "action", item.id, f"review:{status.value}")
            db.commit()
        return item
