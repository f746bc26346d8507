"""The home screen's three lists, read at a glance with sqlite3 alone or through the store.

Importing SQLAlchemy and SQLModel takes about half a second of CPU before the first query
(issue 18). So that the home screen's lists are filled before that, the app first reads them
here with the standard library's sqlite3, from a plain SQLite file whose schema is the one
this version writes (`HEAD`), read-only; anything else (an encrypted file, a server, an older
schema that needs its upgrade first, any error) says "not at a glance" and waits for the store.

There is one source for the lists (issue 30, point 1): the statements of the store's
home_lists.sql (reflect.sqlfile), run as they are by both readers, `at_a_glance` through
sqlite3 and `from_store` through the store's connection (reflect.store.home_lists, SQLite or
PostgreSQL); their rows become the lists here, by one function (`_lists`) for both. Never
imports SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.dates import as_utc
from reflect.revision import HEAD
from reflect.roles import shown_name
from reflect.sqlfile import statements
from reflect.vocab import SessionStatus, StoryStatus

if TYPE_CHECKING:
    from reflect.models import Story
    from reflect.protocol.summary import Summary
    from reflect.store import Store

RECENT_SESSIONS = 20


@dataclass(frozen=True)
class DueAction:
    id: uuid.UUID
    review_on: date
    text: str
    protocol_id: str | None
    """The protocol of the reflection the action came from (None if it is gone)."""


@dataclass(frozen=True)
class StoryLine:
    id: uuid.UUID
    title: str
    status: StoryStatus
    service: str
    updated_at: datetime


@dataclass(frozen=True)
class SessionLine:
    id: uuid.UUID
    story_title: str | None
    case_label: str
    informant_id: uuid.UUID | None
    informant: tuple[str, str] | None
    """The informant's name as shown (their pseudonym, or 'Withdrawn informant' once they
    withdrew: reflect.roles.shown_name) and role value (None if gone)."""
    interviewer: str
    protocol_id: str
    status: SessionStatus
    answered: int
    updated_at: datetime


@dataclass(frozen=True)
class HomeLists:
    due: list[DueAction]
    stories: list[StoryLine]
    """The first page of stories, most recently changed first."""
    sessions: list[SessionLine]
    protocols: Summary
    """Each protocol's title and number of questions (reflect.protocol.summary)."""

    def protocol_title(self, protocol_id: str) -> str:
        return self.protocols[protocol_id][0] if protocol_id in self.protocols else protocol_id

    def questions(self, protocol_id: str) -> int | None:
        return self.protocols[protocol_id][1] if protocol_id in self.protocols else None


def from_store(store: Store, today: date, stories: int, protocols: Summary) -> HomeLists:
    """The lists through the store (the database is open; SQLite or PostgreSQL)."""
    from reflect.store.home_lists import home_rows

    return _lists(home_rows(store, _parameters(today, stories)), protocols)


def at_a_glance(path: Path | None, today: date, stories: int,
                protocols: Summary) -> HomeLists | None:
    """The lists read with sqlite3 from the file at `path`; None when they cannot be read that
    way (see the module's docstring), and the store must be waited for."""
    if path is None or not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return None
    try:
        if _revision(connection) != HEAD:
            return None
        parameters = _parameters(today, stories)
        connection.execute("BEGIN")  # the three lists from one snapshot, as the store reads
        return _lists({name: connection.execute(sql, parameters).fetchall()
                       for name, sql in statements("home_lists").items()}, protocols)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        connection.close()


def story_line(story: Story) -> StoryLine:
    """A story of the store's later pages (Store.stories) as the list shows it."""
    return StoryLine(story.id, story.title, StoryStatus(story.status), story.service,
                     story.updated_at)


def _parameters(today: date, stories: int) -> dict[str, object]:
    """The statements' parameters; the day as ISO text, which SQLite stores and PostgreSQL
    reads as a date."""
    return {"today": today.isoformat(), "stories": stories, "sessions": RECENT_SESSIONS}


def _revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


Row = Sequence[Any]


def _lists(rows: Mapping[str, Sequence[Row]], protocols: Summary) -> HomeLists:
    """The lists from the rows of home_lists.sql, as either reader's driver gives them."""
    return HomeLists(
        [DueAction(_uuid(key), _day(on), text, protocol)
         for key, on, text, protocol in rows["due"]],
        [StoryLine(_uuid(key), title, StoryStatus(status), service, _moment(updated))
         for key, title, status, service, updated in rows["stories"]],
        [SessionLine(_uuid(key), title, case_label, _uuid_or_none(informant),
                     (shown_name(pseudonym, bool(withdrawn)), role)
                     if informant is not None and pseudonym is not None else None,
                     interviewer, protocol, SessionStatus(status), int(answered),
                     _moment(updated))
         for (key, title, case_label, informant, pseudonym, role, withdrawn, interviewer,
              protocol, status, answered, updated) in rows["sessions"]],
        protocols)


def _uuid(value: uuid.UUID | str) -> uuid.UUID:
    """A key: a UUID from PostgreSQL, its 32 hex digits from SQLite."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=value)


def _uuid_or_none(value: uuid.UUID | str | None) -> uuid.UUID | None:
    return None if value is None else _uuid(value)


def _day(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _moment(value: datetime | str) -> datetime:
    """A stored moment (naive UTC: a datetime from PostgreSQL, text from SQLite) as aware
    UTC, as the models' column type gives it back (reflect.models.UTCDateTime)."""
    return as_utc(value if isinstance(value, datetime) else datetime.fromisoformat(value))
