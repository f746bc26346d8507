"""The whole database read once into memory, indexed for the analysis exports (CSV, QDPX).

Reading every table in one pass keeps an export of thousands of interviews to a handful of
queries instead of several per session.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import Session as DBSession
from sqlmodel import select

from reflect.models import (
    ActionItem,
    Answer,
    Evidence,
    Informant,
    Principle,
    Session,
    Story,
    Theme,
)
from reflect.privacy.redact import TEXT_COLUMNS, Redactor
from reflect.protocol.definition import Protocol, Question, Stage
from reflect.roles import Role
from reflect.store import Store
from reflect.store.member_checks import withdrawn_sessions


@dataclass
class Dataset:
    stories: dict[uuid.UUID, Story]
    informants: dict[uuid.UUID, Informant]
    sessions: list[Session]
    """Ordered by story title, informant pseudonym, start time (reflections last)."""
    answers: dict[uuid.UUID, dict[str, Answer]]
    """Session id -> question id -> answer."""
    actions: dict[uuid.UUID, list[ActionItem]]
    themes: dict[uuid.UUID, Theme]
    principles: list[Principle]
    evidence: dict[uuid.UUID, list[Evidence]]
    """Principle id -> its evidence, oldest first."""
    protocols: dict[uuid.UUID, Protocol] = field(default_factory=dict)
    """Session id -> the protocol exactly as that session used it."""

    def answer_by_id(self) -> dict[uuid.UUID, Answer]:
        return {a.id: a for by_question in self.answers.values() for a in by_question.values()}

    def session_by_id(self) -> dict[uuid.UUID, Session]:
        return {s.id: s for s in self.sessions}

    def story_title(self, session: Session) -> str:
        story = self.stories.get(session.story_id) if session.story_id else None
        return story.title if story else ""

    def informant_of(self, session: Session) -> Informant | None:
        return self.informants.get(session.informant_id) if session.informant_id else None

    def role_label(self, session: Session) -> str:
        informant = self.informant_of(session)
        return Role(informant.role).label if informant else ""

    def questions(self, session: Session) -> list[tuple[Stage, int, Question]]:
        """(stage, number from 1, question) for every question of the session's protocol."""
        protocol = self.protocols[session.id]
        numbered = []
        for stage in protocol.stages:
            for question in stage.questions:
                numbered.append((stage, len(numbered) + 1, question))
        return numbered


def redact_dataset(data: Dataset, redactor: Redactor) -> Dataset:
    """Replace the redacted terms in every free text of the dataset. The rows are copies
    detached from the database, so this changes only what gets written out."""
    if not redactor:
        return data
    groups = {
        "stories": data.stories.values(), "informants": data.informants.values(),
        "sessions": data.sessions, "themes": data.themes.values(), "principles": data.principles,
        "answers": [a for by_question in data.answers.values() for a in by_question.values()],
        "action_items": [i for items in data.actions.values() for i in items],
        "evidence": [e for links in data.evidence.values() for e in links],
    }
    for table, rows in groups.items():
        for row in rows:
            for column in TEXT_COLUMNS[table]:
                setattr(row, column, redactor(getattr(row, column)))
            if table == "answers":
                row.value = redactor.json_value(row.value)
    return data


def load_dataset(store: Store) -> Dataset:
    with DBSession(store.engine) as db:
        stories = {s.id: s for s in db.exec(select(Story))}
        informants = {i.id: i for i in db.exec(select(Informant))}
        hidden = withdrawn_sessions(db)  # an informant who withdrew: nothing of theirs goes
        sessions = [s for s in db.exec(select(Session)) if s.id not in hidden]
        answers: dict[uuid.UUID, dict[str, Answer]] = defaultdict(dict)
        hidden_answers = set()
        for answer in db.exec(select(Answer)):
            if answer.session_id in hidden:
                hidden_answers.add(answer.id)
            else:
                answers[answer.session_id][answer.question_id] = answer
        actions: dict[uuid.UUID, list[ActionItem]] = defaultdict(list)
        for item in db.exec(select(ActionItem).order_by(ActionItem.created_at)):
            actions[item.session_id].append(item)
        themes = {t.id: t for t in db.exec(select(Theme))}
        principles = list(db.exec(select(Principle).order_by(Principle.created_at)))
        evidence: dict[uuid.UUID, list[Evidence]] = defaultdict(list)
        for link in db.exec(select(Evidence).order_by(Evidence.created_at)):
            if link.answer_id not in hidden_answers:
                evidence[link.principle_id].append(link)

    def order(session: Session) -> tuple:
        story = stories.get(session.story_id) if session.story_id else None
        informant = informants.get(session.informant_id) if session.informant_id else None
        return (story is None, story.title.lower() if story else session.case_label.lower(),
                informant.pseudonym.lower() if informant else "", session.started_at)

    sessions.sort(key=order)
    principles.sort(key=lambda p: (stories[p.story_id].title.lower(), p.created_at))
    dataset = Dataset(stories, informants, sessions, answers, actions, themes, principles,
                      evidence)
    dataset.protocols = {s.id: store.protocol_of(s) for s in sessions}
    return dataset
