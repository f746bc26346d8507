"""Analysis: a story's interviews as records, principles of action, evidence, themes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import (
    Answer,
    Evidence,
    Informant,
    Principle,
    Session,
    Theme,
    utcnow,
)
from reflect.protocol.definition import Protocol
from reflect.store.words import WordsStore, gate
from reflect.text import line_ends
from reflect.vocab import DeletionKind, SessionStatus


@dataclass(frozen=True)
class ThemeReach:
    """A theme with the principles it groups and the stories they come from."""

    theme: Theme
    principles: list[Principle]
    """Those that stand: not held (reflect.store.words.held_principles)."""
    story_ids: set[uuid.UUID]
    """The stories of the principles that stand: its reach."""
    held: tuple[Principle, ...] = ()
    """Its principles whose every supporting passage was withdrawn: they count nowhere."""


@dataclass(frozen=True)
class InterviewRecord:
    """One interview of a story with everything needed to read it."""

    session: Session
    informant: Informant
    protocol: Protocol
    answers: dict[str, Answer]


PRINCIPLE_PARTS = ("situation", "goal", "action", "rationale")


class AnalysisStore(WordsStore):
    """Principles with their evidence, and the themes (common principles) grouping them."""

    if TYPE_CHECKING:  # kept by the aggregates that Store joins with this one
        def informants(self, story_id: uuid.UUID) -> list[Informant]: ...
        def sessions_for_story(self, story_id: uuid.UUID) -> list[Session]: ...
        def answers(self, session_id: uuid.UUID) -> dict[str, Answer]: ...

    # Analysis: principles, evidence, themes ------------------------------------------------
    def interviews_of(self, story_id: uuid.UUID) -> list[InterviewRecord]:
        """The story's interviews that took place (consent given), oldest first; not those
        of an informant who withdrew (the gate)."""
        informants = {i.id: i for i in self.informants(story_id)}
        sessions = self.sessions_for_story(story_id)
        with self._db() as db:
            shown = gate(db, among=[s.id for s in sessions])
        records = []
        for session in sessions:
            if session.kind != "interview" or session.status == SessionStatus.DECLINED:
                continue
            if not shown.shows_session(session.id):
                continue
            assert session.informant_id is not None  # an interview is with an informant
            records.append(InterviewRecord(session, informants[session.informant_id],
                                           self.protocol_of(session), self.answers(session.id)))
        return records

    def add_principle(self, story_id: uuid.UUID, **parts: str) -> Principle:
        principle = Principle(story_id=story_id)
        for name, value in self._principle_parts(parts).items():
            setattr(principle, name, value)
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
            raise ReflectError(_("a principle has no part {unknown}").format(
                                   unknown=sorted(unknown)))
        cleaned = {name: line_ends(value.strip()) for name, value in parts.items()}
        if (not partial or "action" in cleaned) and not cleaned.get("action"):
            raise ReflectError(_("a principle needs at least its 'do' part: the action"))
        return cleaned

    def update_principle(self, principle_id: uuid.UUID, **parts: str) -> Principle:
        cleaned = self._principle_parts(parts, partial=True)
        with self._db() as db:
            principle = db.get(Principle, principle_id)
            if principle is None:
                raise ReflectError(_("that principle no longer exists"))
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
                self._deleted(db, DeletionKind.PRINCIPLE, principle_id,
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
                raise ReflectError(_("that answer or principle no longer exists"))
            start, end = max(0, min(start, end)), min(len(answer.text), max(start, end))
            excerpt = answer.text[start:end].strip()
            if not excerpt:
                raise ReflectError(_("select some words of an answer first"))
            offset = answer.text[start:end].index(excerpt)
            evidence = Evidence(principle_id=principle_id, answer_id=answer_id, excerpt=excerpt,
                                start=start + offset, end=start + offset + len(excerpt))
            db.add(evidence)
            self._audit(db, "evidence", evidence.id, "create")
            db.commit()
        return evidence

    def evidence(self, principle_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Evidence]]:
        """Evidence per principle, for the given principles (each list oldest first); none
        cut from the answers of an informant who withdrew (the gate: `withheld_evidence`
        says which links those are, without their words)."""
        found: dict[uuid.UUID, list[Evidence]] = {pid: [] for pid in principle_ids}
        if not principle_ids:
            return found
        with self._db() as db:
            hidden = gate(db).answers(db)
            query = (select(Evidence).where(col(Evidence.principle_id).in_(principle_ids))
                     .order_by(col(Evidence.created_at)))
            for item in db.exec(query):
                if item.answer_id not in hidden:
                    found[item.principle_id].append(item)
        return found

    def remove_evidence(self, evidence_id: uuid.UUID) -> None:
        with self._db() as db:
            if (item := db.get(Evidence, evidence_id)) is not None:
                db.delete(item)
                self._deleted(db, DeletionKind.EVIDENCE, evidence_id)
                db.commit()

    def create_theme(self, name: str, description: str = "") -> Theme:
        name = name.strip()
        if not name:
            raise ReflectError(_("a common principle (theme) needs a name"))
        theme = Theme(name=name, description=description.strip())
        with self._db() as db:
            db.add(theme)
            self._audit(db, "theme", theme.id, "create")
            db.commit()
        return theme

    def rename_theme(self, theme_id: uuid.UUID, name: str,
                     description: str | None = None) -> Theme:
        if not name.strip():
            raise ReflectError(_("a common principle (theme) needs a name"))
        with self._db() as db:
            theme = db.get(Theme, theme_id)
            if theme is None:
                raise ReflectError(_("that theme no longer exists"))
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
            raise ReflectError(_("choose another theme to merge into"))
        with self._db() as db:
            source, target = db.get(Theme, source_id), db.get(Theme, target_id)
            if source is None or target is None:
                raise ReflectError(_("that theme no longer exists"))
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
            raise ReflectError(_("choose the principles to move to the new theme"))
        theme = self.create_theme(new_name)
        self.assign_theme(moving, theme.id)
        return theme

    def themes_by_reach(self) -> list[ThemeReach]:
        """Every theme with its principles and stories, the widest reach first. A principle
        whose every supporting passage was withdrawn is held: it is listed apart and its
        story does not count in the reach."""
        with self._db() as db:
            themes = list(db.exec(select(Theme)))
        principles = self.principles()
        held = self.held_principles([p.id for p in principles if p.theme_id is not None])
        reach = []
        for theme in themes:
            members = [p for p in principles if p.theme_id == theme.id and p.id not in held]
            reach.append(ThemeReach(theme, members, {p.story_id for p in members}, tuple(
                p for p in principles if p.theme_id == theme.id and p.id in held)))
        return sorted(reach, key=lambda r: (-len(r.story_ids), -len(r.principles),
                                            r.theme.name.lower()))
