"""The home screen's three lists, from the store or read at a glance with sqlite3 alone.

Importing SQLAlchemy and SQLModel takes about half a second of CPU before the first query
(issue 18). So that the home screen's lists are filled before that, the app first reads them
here with the standard library's sqlite3, from a plain SQLite file whose schema is the one
this version writes (`HEAD`), read-only; anything else (an encrypted file, a server, an older
schema that needs its upgrade first, any error) says "not at a glance" and waits for the store.

The queries mirror the store's (Store.due_actions, stories, recent_sessions, answer_counts);
`from_store` builds the same lists through the store, and tests/test_glance.py checks that
both give equal lists, so the two cannot drift apart unnoticed. Never imports SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.revision import HEAD
from reflect.roles import shown_name
from reflect.vocab import ActionStatus, SessionStatus, StoryStatus

if TYPE_CHECKING:
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
    """The lists through the store (the database is open)."""
    due = []
    for item in store.due_actions(today):
        source = store.session(item.session_id)
        due.append(DueAction(item.id, item.review_on, item.text,
                             source.protocol_id if source else None))
    recent = store.recent_sessions(limit=RECENT_SESSIONS)
    counts = store.answer_counts([s.id for s in recent])
    lines = []
    for session in recent:
        story = store.story(session.story_id) if session.story_id else None
        informant = store.informant(session.informant_id) if session.informant_id else None
        lines.append(SessionLine(
            session.id, story.title if story else None, session.case_label, session.informant_id,
            (shown_name(informant.pseudonym, informant.withdrawn), informant.role)
            if informant else None, session.interviewer,
            session.protocol_id, session.status, counts.get(session.id, 0), session.updated_at))
    return HomeLists(due, [story_line(s) for s in store.stories(limit=stories)], lines,
                     protocols)


def story_line(story) -> StoryLine:
    return StoryLine(story.id, story.title, StoryStatus(story.status), story.service,
                     story.updated_at)


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
        return HomeLists(_due(connection, today), _stories(connection, stories),
                         _sessions(connection), protocols)
    except (sqlite3.Error, ValueError, KeyError):
        return None
    finally:
        connection.close()


def _revision(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(hex=value) if value else None


def _moment(value: str | None) -> datetime | None:
    """A stored moment: UTC, as the models' column type gives it back (reflect.models)."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def _due(connection: sqlite3.Connection, today: date) -> list[DueAction]:
    rows = connection.execute(
        "SELECT a.id, a.review_on, a.text, s.protocol_id FROM actionitem a"
        " LEFT JOIN session s ON s.id = a.session_id"
        " WHERE a.status = ? AND a.review_on IS NOT NULL AND a.review_on <= ?"
        " ORDER BY a.review_on", (ActionStatus.OPEN.value, today.isoformat()))
    return [DueAction(_uuid(key), date.fromisoformat(on), text, protocol)
            for key, on, text, protocol in rows]


def _stories(connection: sqlite3.Connection, limit: int) -> list[StoryLine]:
    rows = connection.execute(
        "SELECT id, title, status, service, updated_at FROM story"
        " ORDER BY updated_at DESC, id DESC LIMIT ?", (limit,))
    return [StoryLine(_uuid(key), title, StoryStatus(status), service, _moment(updated))
            for key, title, status, service, updated in rows]


def _sessions(connection: sqlite3.Connection) -> list[SessionLine]:
    # the store's query as it is (ties in updated_at come in the same order), then the
    # stories' titles and the informants by key
    rows = connection.execute(
        "SELECT id, story_id, informant_id, case_label, interviewer, protocol_id, status,"
        " updated_at FROM session ORDER BY updated_at DESC LIMIT ?",
        (RECENT_SESSIONS,)).fetchall()
    titles = _by_key(connection, "SELECT id, title FROM story", {row[1] for row in rows})
    informants = {key: (shown_name(pseudonym, bool(withdrawn)), role)
                  for key, (pseudonym, role, withdrawn) in _by_key(
                      connection, "SELECT id, pseudonym, role, withdrawn FROM informant",
                      {row[2] for row in rows}).items()}
    counts = _by_key(connection, "SELECT session_id, count(*) FROM answer",
                     {row[0] for row in rows}, column="session_id",
                     where="AND (text != '' OR value IS NOT NULL) GROUP BY session_id")
    return [SessionLine(_uuid(key), titles.get(story, (None,))[0], case_label,
                        _uuid(informant), informants.get(informant), interviewer, protocol,
                        SessionStatus(status), counts.get(key, (0,))[0], _moment(updated))
            for key, story, informant, case_label, interviewer, protocol, status, updated
            in rows]


def _by_key(connection: sqlite3.Connection, select: str, keys: set, column: str = "id",
            where: str = "") -> dict[str, tuple]:
    """The rows whose `column` is one of `keys`, by that column (the rest of each row)."""
    keys = sorted(key for key in keys if key)
    if not keys:
        return {}
    rows = connection.execute(
        f"{select} WHERE {column} IN ({', '.join('?' * len(keys))}) {where}", keys)
    return {row[0]: tuple(row[1:]) for row in rows}
