"""Stories under study and the people interviewed about them (by pseudonym)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import tuple_
from sqlmodel import col, select

from reflect.errors import ReflectError
from reflect.i18n import _, ngettext
from reflect.models import (
    Informant,
    Story,
    utcnow,
)
from reflect.roles import Role
from reflect.store.base import StoreBase
from reflect.vocab import StoryStatus


class StoryStore(StoreBase):
    """Stories and informants."""

    # Stories -----------------------------------------------------------------------------
    def create_story(self, title: str, service: str = "", success_criteria: str = "",
                     summary: str = "", status: StoryStatus = StoryStatus.CANDIDATE) -> Story:
        title = title.strip()
        if not title:
            raise ReflectError(_("a story needs a title"))
        story = Story(title=title, service=service.strip(), success_criteria=success_criteria,
                      summary=summary, status=status)
        with self._db() as db:
            db.add(story)
            self._audit(db, "story", story.id, "create")
            db.commit()
        return story

    def update_story(self, story_id: uuid.UUID, **changes: Any) -> Story:
        with self._db() as db:
            story = db.get(Story, story_id)
            if story is None:
                raise ReflectError(_("that story no longer exists"))
            if "title" in changes and not changes["title"].strip():
                raise ReflectError(_("a story needs a title"))
            for name, value in changes.items():
                setattr(story, name, value)
            story.updated_at = utcnow()
            db.add(story)
            self._audit(db, "story", story.id, "update", detail=",".join(sorted(changes)))
            db.commit()
        return story

    def stories(self, limit: int | None = None, after: Story | None = None) -> list[Story]:
        """Stories, most recently changed first; with limit, a page of them: those that come
        after `after` (found by its key through the index, so a late page costs what the
        first one does)."""
        with self._db() as db:
            key = (col(Story.updated_at), col(Story.id))
            query = select(Story).order_by(*(part.desc() for part in key))
            if after is not None:
                query = query.where(tuple_(*key) < tuple_(after.updated_at, after.id))
            if limit is not None:
                query = query.limit(limit)
            return list(db.exec(query))

    def find_story(self, title_or_id: str) -> Story:
        """A story by its title (any case; the start of it is enough when only one story
        starts so), or by its id or a unique id prefix."""
        wanted = title_or_id.strip().lower()
        stories = self.stories()
        matches = ([s for s in stories if s.title.lower() == wanted]
                   or [s for s in stories if s.title.lower().startswith(wanted)]
                   or [s for s in stories if s.id.hex.startswith(wanted.replace("-", ""))])
        if not matches:
            raise ReflectError(_("No story matches '{title_or_id}'; give more of the title, or "
                                 "the id").format(title_or_id=title_or_id))
        if len(matches) != 1 or not wanted:
            raise ReflectError(ngettext(
                "{count} story matches '{title_or_id}'; give more of the title, or the id",
                "{count} stories match '{title_or_id}'; give more of the title, or the id",
                len(matches)).format(count=len(matches), title_or_id=title_or_id))
        return matches[0]

    def story(self, story_id: uuid.UUID) -> Story | None:
        with self._db() as db:
            return db.get(Story, story_id)

    # Informants --------------------------------------------------------------------------
    def add_informant(self, story_id: uuid.UUID, pseudonym: str, role: Role) -> Informant:
        pseudonym = pseudonym.strip()
        if not pseudonym:
            raise ReflectError(_("an informant needs a pseudonym (never a real name)"))
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
