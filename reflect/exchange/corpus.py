"""What the analysis exports (CSV, QDPX) read, in memory that does not grow with the answers.

The small tables (stories, themes, principles, evidence) are read whole; informants and the
order of the sessions as light tuples (a few dozen bytes each); the sessions themselves with
their answers and actions are read a batch at a time, in export order (story title, informant
pseudonym, start time; reflections last), and redacted as they come. An informant who
withdrew is left out everywhere, name and words (the gate, reflect.store.words).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.dates import as_utc
from reflect.models import (
    ActionItem,
    Answer,
    Evidence,
    Informant,
    Principle,
    Session,
    Story,
    Theme,
    decoded_value,
    has_content,
)
from reflect.privacy.redact import NO_REDACTION, TEXT_COLUMNS, Redactor
from reflect.protocol.definition import Protocol, Question, Stage
from reflect.roles import Role
from reflect.store import Store
from reflect.store.words import gate

BATCH = 500
"""Sessions read (with their answers) at a time."""


class InformantInfo(NamedTuple):
    id: uuid.UUID
    story_id: uuid.UUID
    pseudonym: str
    role: str


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
    def decoded_value(self):
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


@dataclass
class SessionData:
    """One session with everything of it an export writes."""

    session: Session
    answers: dict[str, AnswerRow]
    """Question id -> answer."""
    actions: list[ActionItem]
    protocol: Protocol
    informant: InformantInfo | None
    story: Story | None

    @property
    def story_title(self) -> str:
        return self.story.title if self.story else ""

    @property
    def role_label(self) -> str:
        return Role(self.informant.role).label if self.informant else ""

    def questions(self) -> list[tuple[Stage, int, Question]]:
        """(stage, number from 1, question) for every question of the session's protocol."""
        numbered = []
        for stage in self.protocol.stages:
            for question in stage.questions:
                numbered.append((stage, len(numbered) + 1, question))
        return numbered


@dataclass
class Corpus:
    store: Store
    redactor: Redactor = NO_REDACTION
    stories: dict[uuid.UUID, Story] = field(default_factory=dict)
    informants: dict[uuid.UUID, InformantInfo] = field(default_factory=dict)
    themes: dict[uuid.UUID, Theme] = field(default_factory=dict)
    principles: list[Principle] = field(default_factory=list)
    """By story title, then oldest first."""
    evidence: dict[uuid.UUID, list[Evidence]] = field(default_factory=dict)
    """Principle id -> its evidence, oldest first (none on a withdrawn informant's words)."""
    held: set[uuid.UUID] = field(default_factory=set)
    """Principles whose every passage was withdrawn: they count in no theme's reach."""
    order: list[tuple[uuid.UUID, str, uuid.UUID | None]] = field(default_factory=list)
    """(session id, kind, story id) of every session shown, in export order."""

    @classmethod
    def read(cls, store: Store, redactor: Redactor = NO_REDACTION) -> Corpus:
        corpus = cls(store, redactor)
        # never flushed, never committed: redacting these rows must not reach the database
        with DBSession(store.engine, autoflush=False) as db:
            stories = list(db.exec(select(Story)))
            shown = gate(db)  # an informant who withdrew: left out, name and words
            informants = [row for row in db.exec(select(
                Informant.id, Informant.story_id, Informant.pseudonym, Informant.role))
                if shown.shows_informant(row[0])]
            heads = [row for row in db.exec(select(
                Session.id, Session.kind, Session.story_id, Session.informant_id,
                Session.case_label, Session.started_at)) if shown.shows_session(row[0])]
            themes = list(db.exec(select(Theme)))
            principles = list(db.exec(select(Principle).order_by(Principle.created_at)))
            hidden_answers = shown.answers(db)
            links, withheld = [], set()
            for link in db.exec(select(Evidence).order_by(Evidence.created_at)):
                if link.answer_id in hidden_answers:
                    withheld.add(link.principle_id)
                else:
                    links.append(link)
            db.expunge_all()  # detached before anything is redacted
        corpus.stories = {s.id: _redacted("stories", s, redactor) for s in stories}
        corpus.informants = {row[0]: InformantInfo(row[0], row[1], redactor(row[2]), row[3])
                             for row in informants}
        corpus.themes = {t.id: _redacted("themes", t, redactor) for t in themes}
        corpus.principles = [_redacted("principles", p, redactor) for p in principles]
        evidence: dict[uuid.UUID, list[Evidence]] = defaultdict(list)
        for link in links:
            evidence[link.principle_id].append(_redacted("evidence", link, redactor))
        corpus.evidence = dict(evidence)
        corpus.held = withheld - corpus.evidence.keys()

        def order(head) -> tuple:
            session_id, _kind, story_id, informant_id, case_label, started_at = head
            story = corpus.stories.get(story_id) if story_id else None
            informant = corpus.informants.get(informant_id) if informant_id else None
            return (story is None, story.title.lower() if story else case_label.lower(),
                    informant.pseudonym.lower() if informant else "", started_at)

        corpus.order = [(head[0], head[1], head[2]) for head in sorted(heads, key=order)]
        corpus.principles.sort(key=lambda p: (corpus.stories[p.story_id].title.lower(),
                                              p.created_at))
        return corpus

    def sessions(self, kinds: tuple[str, ...] = ("interview", "reflection"),
                 ) -> Iterator[SessionData]:
        """Every session of these kinds in export order, read BATCH at a time."""
        wanted = [session_id for session_id, kind, _story in self.order if kind in kinds]
        for start in range(0, len(wanted), BATCH):
            yield from self._batch(wanted[start:start + BATCH])

    def _batch(self, ids: list[uuid.UUID]) -> Iterator[SessionData]:
        redactor = self.redactor
        with DBSession(self.store.engine, autoflush=False) as db:
            sessions = {s.id: s for s in db.exec(select(Session).where(col(Session.id).in_(ids)))}
            answers = _answer_rows(db, ids)
            items = list(db.exec(select(ActionItem).where(col(ActionItem.session_id).in_(ids))
                                 .order_by(ActionItem.created_at)))
            db.expunge_all()  # detached before anything is redacted
        by_session: dict[uuid.UUID, dict[str, AnswerRow]] = defaultdict(dict)
        for answer in answers:
            if redactor:
                answer = answer._replace(text=redactor(answer.text),
                                         value=redactor.json_value(answer.value))
            by_session[answer.session_id][answer.question_id] = answer
        actions: dict[uuid.UUID, list[ActionItem]] = defaultdict(list)
        for item in items:
            actions[item.session_id].append(_redacted("action_items", item, redactor))
        for session_id in ids:
            session = _redacted("sessions", sessions[session_id], redactor)
            yield SessionData(
                session, by_session.get(session_id, {}), actions.get(session_id, []),
                self.store.protocol_of(session),
                self.informants.get(session.informant_id) if session.informant_id else None,
                self.stories.get(session.story_id) if session.story_id else None)

    def answers_by_id(self, ids: set[uuid.UUID],
                      ) -> dict[uuid.UUID, tuple[AnswerRow, SessionData]]:
        """These answers (evidence points at them), each with its session: only those of the
        sessions this corpus shows (never an informant's who withdrew)."""
        found: dict[uuid.UUID, tuple[AnswerRow, SessionData]] = {}
        shown = {session_id for session_id, _kind, _story in self.order}
        with DBSession(self.store.engine) as db:
            session_ids = list({s for s in db.exec(select(Answer.session_id).where(
                col(Answer.id).in_(list(ids)))) if s in shown})
        for start in range(0, len(session_ids), BATCH):
            for data in self._batch(session_ids[start:start + BATCH]):
                for answer in data.answers.values():
                    if answer.id in ids:
                        found[answer.id] = (answer, data)
        return found


def _redacted(table: str, row, redactor: Redactor):
    """The row (detached from the database) with its free text redacted, in place."""
    if redactor:
        for column in TEXT_COLUMNS[table]:
            setattr(row, column, redactor(getattr(row, column)))
    return row
