"""Redaction lists: names and places that redacted exports hide."""

from __future__ import annotations

import uuid

from sqlalchemy import func, or_
from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import (
    Redaction,
)
from reflect.privacy.redact import Redactor, Term
from reflect.store.base import StoreBase
from reflect.vocab import DeletionKind


class RedactionStore(StoreBase):
    """The global and per-story lists, and the Redactor built from them."""

    # Redaction ---------------------------------------------------------------------------
    def add_redaction(self, term: str, story_id: uuid.UUID | None = None,
                      replacement: str = "") -> Redaction:
        """Hide a name or place in redacted exports (the audit trail keeps only its hash)."""
        term = " ".join(term.split())
        if not term:
            raise ReflectError(_("type the name or place to hide"))
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
                query = query.where(or_(col(Redaction.story_id).is_(None),
                                        col(Redaction.story_id) == story_id))
            return sorted(db.exec(query), key=lambda r: (r.story_id is not None, r.term.lower()))

    def remove_redaction(self, redaction_id: uuid.UUID) -> None:
        with self._db() as db:
            if (entry := db.get(Redaction, redaction_id)) is not None:
                self._deleted(db, DeletionKind.REDACTION, entry.id, old=entry.term)
                db.delete(entry)
                db.commit()

    def redactor(self, story_id: uuid.UUID | None = None, everything: bool = False,
                 extra: list[Term] | None = None) -> Redactor:
        """What redacted exports replace: for one story, its list and the global one; for
        exports of several stories, every list (a name is sensitive wherever it came from)."""
        terms = [Term(r.term, r.replacement) for r in self.redactions(story_id, everything)]
        return Redactor([*terms, *(extra or [])])
