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
from typing import Any, TypeVar

from reflect.models import (
    ActionItem,
    Evidence,
    InterviewerNote,
    Principle,
    Session,
    Story,
    Theme,
)
from reflect.privacy.redact import NO_REDACTION, TEXT_COLUMNS, Redactor
from reflect.protocol.definition import Protocol, Question, Stage
from reflect.roles import Role
from reflect.store import Store
from reflect.store.transfer_corpus import (  # the exports import them from here
    AnswerRow as AnswerRow,
)
from reflect.store.transfer_corpus import (
    CorpusBatch,
    InformantInfo,
    SessionHead,
)

BATCH = 500
"""Sessions read (with their answers) at a time."""

Row = TypeVar("Row", Story, Theme, Principle, Evidence, Session, ActionItem)


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
    notes: list[InterviewerNote] = field(default_factory=list)
    """The interviewer's notes, oldest first (read only for the exports that ask)."""

    @property
    def story_title(self) -> str:
        return self.story.title if self.story else ""

    @property
    def role_label(self) -> str:
        return Role(self.informant.role).label if self.informant else ""

    def questions(self) -> list[tuple[Stage, int, Question]]:
        """(stage, number from 1, question) for every question of the session's protocol."""
        numbered: list[tuple[Stage, int, Question]] = []
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
        outline = store.corpus_outline()  # detached: redacting them never writes
        corpus.stories = {s.id: _redacted("stories", s, redactor) for s in outline.stories}
        corpus.informants = {row.id: row._replace(pseudonym=redactor(row.pseudonym))
                             for row in outline.informants}
        corpus.themes = {t.id: _redacted("themes", t, redactor) for t in outline.themes}
        corpus.principles = [_redacted("principles", p, redactor) for p in outline.principles]
        evidence: dict[uuid.UUID, list[Evidence]] = defaultdict(list)
        for link in outline.evidence:
            evidence[link.principle_id].append(_redacted("evidence", link, redactor))
        corpus.evidence = dict(evidence)
        corpus.held = outline.withheld - corpus.evidence.keys()

        def order(head: SessionHead) -> tuple[Any, ...]:
            story = corpus.stories.get(head.story_id) if head.story_id else None
            informant = corpus.informants.get(head.informant_id) if head.informant_id else None
            return (story is None, story.title.lower() if story else head.case_label.lower(),
                    informant.pseudonym.lower() if informant else "", head.started_at)

        corpus.order = [(head.id, head.kind, head.story_id)
                        for head in sorted(outline.heads, key=order)]
        corpus.principles.sort(key=lambda p: (corpus.stories[p.story_id].title.lower(),
                                              p.created_at))
        return corpus

    def sessions(self, kinds: tuple[str, ...] = ("interview", "reflection"),
                 notes: bool = False) -> Iterator[SessionData]:
        """Every session of these kinds in export order, read BATCH at a time (with the
        interviewer's notes if asked)."""
        wanted = [session_id for session_id, kind, _story in self.order if kind in kinds]
        yield from self._batches(wanted, notes)

    def _batches(self, ids: list[uuid.UUID], notes: bool = False) -> Iterator[SessionData]:
        for batch in self.store.corpus_batches(ids, BATCH, notes):
            yield from self._batch(batch)

    def _batch(self, batch: CorpusBatch) -> Iterator[SessionData]:
        redactor = self.redactor
        by_session: dict[uuid.UUID, dict[str, AnswerRow]] = defaultdict(dict)
        for answer in batch.answers:
            if redactor:
                answer = answer._replace(text=redactor(answer.text),
                                         value=redactor.json_value(answer.value))
            by_session[answer.session_id][answer.question_id] = answer
        actions: dict[uuid.UUID, list[ActionItem]] = defaultdict(list)
        for item in batch.actions:
            actions[item.session_id].append(_redacted("action_items", item, redactor))
        notes: dict[uuid.UUID, list[InterviewerNote]] = defaultdict(list)
        for note in batch.notes:
            if redactor:
                note.text = redactor(note.text)
            notes[note.session_id].append(note)
        for session_id in batch.sessions:
            session = _redacted("sessions", batch.sessions[session_id], redactor)
            yield SessionData(
                session, by_session.get(session_id, {}), actions.get(session_id, []),
                self.store.protocol_of(session),
                self.informants.get(session.informant_id) if session.informant_id else None,
                self.stories.get(session.story_id) if session.story_id else None,
                notes.get(session_id, []))

    def answers_by_id(self, ids: set[uuid.UUID],
                      ) -> dict[uuid.UUID, tuple[AnswerRow, SessionData]]:
        """These answers (evidence points at them), each with its session: only those of the
        sessions this corpus shows (never an informant's who withdrew)."""
        found: dict[uuid.UUID, tuple[AnswerRow, SessionData]] = {}
        shown = {session_id for session_id, _kind, _story in self.order}
        session_ids = list(self.store.sessions_of_answers(ids) & shown)
        for data in self._batches(session_ids):
            for answer in data.answers.values():
                if answer.id in ids:
                    found[answer.id] = (answer, data)
        return found


def _redacted(table: str, row: Row, redactor: Redactor) -> Row:
    """The row (detached from the database) with its free text redacted, in place."""
    if redactor:
        for column in TEXT_COLUMNS[table]:
            setattr(row, column, redactor(getattr(row, column)))
    return row
