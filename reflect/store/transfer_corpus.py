"""What the analysis exports (CSV, QDPX; reflect.exchange.corpus) read, in memory that does
not grow with the answers: the small tables whole (`corpus_outline`), the sessions with
their answers and action items a batch at a time (`corpus_batches`). An informant who
withdrew is left out everywhere, name and words (the gate, reflect.store.words).

Rows come back detached from the database, so redacting them (the exports do) can never
write to it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.dates import as_utc
from reflect.models import (
    ActionItem,
    Answer,
    Evidence,
    Informant,
    InterviewerNote,
    Principle,
    Session,
    Story,
    Theme,
    decoded_value,
    has_content,
)
from reflect.store.base import StoreBase
from reflect.store.words import gate


class AnswerRow(NamedTuple):
    """An answer as the exports read it: a tuple, a tenth of an ORM object's cost, so a
    batch of ten thousand answers is read in milliseconds."""

    id: uuid.UUID
    session_id: uuid.UUID
    question_id: str
    text: str
    value: str | None
    skipped: bool
    flag_quote: bool
    flag_follow_up: bool
    saved: datetime | str
    """When it was last saved, as the database gave it (SQLite: text): see `updated_at`."""

    @property
    def updated_at(self) -> datetime:
        """When it was last saved, in UTC; made only when asked (only CSV asks: for the
        other exports making it was a tenth of their reading)."""
        saved = self.saved
        return as_utc(saved if isinstance(saved, datetime) else datetime.fromisoformat(saved))

    @property
    def decoded_value(self) -> Any:
        return decoded_value(self.value)

    @property
    def has_content(self) -> bool:
        return has_content(self.text, self.value)


ANSWER_COLUMNS = [getattr(Answer, name) for name in AnswerRow._fields[:-1]] + [Answer.updated_at]


def _uuid_from_hex(hex_: str) -> uuid.UUID:
    """A UUID from the 32 hex digits SQLite keeps, without uuid.UUID()'s parsing of every
    spelling it accepts (a tenth of a QDPX export's time): the same object, built directly."""
    made = object.__new__(uuid.UUID)
    object.__setattr__(made, "int", int(hex_, 16))
    object.__setattr__(made, "is_safe", uuid.SafeUUID.unknown)
    return made


def _answer_rows(db: DBSession, session_ids: list[uuid.UUID]) -> list[AnswerRow]:
    """The answers of these sessions. On SQLite read through the driver, each value made
    by its column's own result processor, a session's id taken from `session_ids` rather
    than made again for each of its answers: SQLAlchemy's handling of each value was most
    of a QDPX export's reading."""
    connection = db.connection()
    if connection.dialect.name != "sqlite":
        return [AnswerRow(*row) for row in db.exec(
            select(*ANSWER_COLUMNS).where(col(Answer.session_id).in_(session_ids)))]
    sessions = {session_id.hex: session_id for session_id in session_ids}
    names = ", ".join(column.name for column in ANSWER_COLUMNS)
    marks = ", ".join("?" * len(session_ids))
    rows = connection.exec_driver_sql(
        f"SELECT {names} FROM answer WHERE session_id IN ({marks})",
        tuple(sessions)).fetchall()
    return [AnswerRow(_uuid_from_hex(id_), sessions[session], question, text, value, bool(skipped),
                      bool(quote), bool(follow_up), updated)
            for id_, session, question, text, value, skipped, quote, follow_up, updated
            in rows]


class InformantInfo(NamedTuple):
    id: uuid.UUID
    story_id: uuid.UUID
    pseudonym: str
    role: str


class SessionHead(NamedTuple):
    """What the exports order sessions by, read for every session (a few dozen bytes)."""

    id: uuid.UUID
    kind: str
    story_id: uuid.UUID | None
    informant_id: uuid.UUID | None
    case_label: str
    started_at: datetime


@dataclass
class CorpusOutline:
    """The small tables whole, and a head of every session whose words may be shown."""

    stories: list[Story]
    informants: list[InformantInfo]
    heads: list[SessionHead]
    themes: list[Theme]
    principles: list[Principle]
    """Oldest first."""
    evidence: list[Evidence]
    """Oldest first; none cut from a withdrawn informant's answers."""
    withheld: set[uuid.UUID]
    """Principles with a link to a withdrawn informant's answer (left out of `evidence`)."""


@dataclass
class CorpusBatch:
    sessions: dict[uuid.UUID, Session]
    """In the order asked for."""
    answers: list[AnswerRow]
    actions: list[ActionItem]
    """Oldest first."""
    notes: list[InterviewerNote] = field(default_factory=list)
    """The interviewer's notes, oldest first (only when asked for)."""


class TransferCorpusStore(StoreBase):
    """The analysis exports' reads (reflect.exchange.corpus)."""

    def corpus_outline(self) -> CorpusOutline:
        # never flushed, never committed: redacting these rows must not reach the database
        with self._db(autoflush=False) as db:
            stories = list(db.exec(select(Story)))
            shown = gate(db)  # an informant who withdrew: left out, name and words
            informants = [InformantInfo(*row) for row in db.exec(select(
                Informant.id, Informant.story_id, Informant.pseudonym, Informant.role))
                if shown.shows_informant(row[0])]
            columns: Any = (Session.id, Session.kind, Session.story_id, Session.informant_id,
                            Session.case_label, Session.started_at)
            heads = [SessionHead(*row) for row in db.exec(select(*columns))
                     if shown.shows_session(row[0])]
            themes = list(db.exec(select(Theme)))
            principles = list(db.exec(select(Principle).order_by(col(Principle.created_at))))
            hidden_answers = shown.answers(db)
            links, withheld = [], set()
            for link in db.exec(select(Evidence).order_by(col(Evidence.created_at))):
                if link.answer_id in hidden_answers:
                    withheld.add(link.principle_id)
                else:
                    links.append(link)
            db.expunge_all()  # detached before anything is redacted
        return CorpusOutline(stories, informants, heads, themes, principles, links, withheld)

    def corpus_batches(self, session_ids: list[uuid.UUID], size: int = 500,
                       notes: bool = False) -> Iterator[CorpusBatch]:
        """These sessions with their answers and action items (and the interviewer's notes,
        if asked), `size` sessions at a time, each batch in a short transaction of its own."""
        for start in range(0, len(session_ids), size):
            ids = session_ids[start:start + size]
            with self._db(autoflush=False) as db:
                found = {s.id: s for s in db.exec(
                    select(Session).where(col(Session.id).in_(ids)))}
                sessions = {session_id: found[session_id] for session_id in ids}
                answers = _answer_rows(db, ids)
                items = list(db.exec(select(ActionItem)
                                     .where(col(ActionItem.session_id).in_(ids))
                                     .order_by(col(ActionItem.created_at))))
                noted = list(db.exec(select(InterviewerNote)
                                     .where(col(InterviewerNote.session_id).in_(ids))
                                     .order_by(col(InterviewerNote.created_at)))) if notes else []
                db.expunge_all()  # detached before anything is redacted
            yield CorpusBatch(sessions, answers, items, noted)

    def sessions_of_answers(self, answer_ids: set[uuid.UUID]) -> set[uuid.UUID]:
        """The sessions these answers belong to."""
        with self._db() as db:
            return set(db.exec(select(Answer.session_id).where(
                col(Answer.id).in_(list(answer_ids)))))
