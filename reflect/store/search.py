"""Full-text search over answers and principles, and interviewer notes; never the words of
an informant who withdrew (the gate, reflect.store.words).

SQLite: FTS5 indexes kept in step by triggers (reflect.db), newest answers first, with
snippets. Newest first rather than by relevance: FTS5 walks its index in rowid order and stops
at the page size, where ranking would have to score every match (over a second for a common
word among 2 million answers). Other databases (PostgreSQL): a case-insensitive substring
match, newest first, with a snippet cut around the first match. Matches in snippets are
wrapped in MARK_START / MARK_END.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, literal, or_, text, tuple_
from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.i18n import _
from reflect.models import Answer, Informant, InterviewerNote, Principle, Session, Story
from reflect.roles import Role
from reflect.store import Store
from reflect.store.words import WITHDRAWN_SESSIONS_SQL, gate
from reflect.wordforms import bare, has_forms

Position = int | tuple[datetime, uuid.UUID]
"""Where an answer stands in the order of results (see SearchHit.position)."""

MARK_START, MARK_END = "\x02", "\x03"
PAGE = 50


@dataclass(frozen=True)
class SearchHit:
    kind: str
    """'answer', 'principle' or 'note' (an interviewer's note)."""
    ref_id: uuid.UUID
    """The answer's or the principle's id."""
    story_id: uuid.UUID | None
    story_title: str
    session_id: uuid.UUID | None
    who: str
    """The informant's role, or 'reflection'; for a principle, 'principle'."""
    question_id: str
    question: str
    snippet: str
    position: Position | None = None
    """An answer's place in the order of results, newest first: the next page begins after it
    (SQLite: its place in the index; PostgreSQL: its (updated_at, id))."""


_FOLDED = re.compile(r"[^\S\x0b\x0c\x1c-\x1f]+")
"""White space folded into one space in a snippet: line breaks, tabs, spaces; not the control
characters Python also counts as white space (vertical tab, form feed, separators), which a
screen shows as visible stand-ins like any other."""


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet as (text, is_match) pieces, white space folded, for display."""
    pieces = snippet.replace(MARK_END, MARK_START).split(MARK_START)
    return [(_FOLDED.sub(" ", piece), index % 2 == 1)
            for index, piece in enumerate(pieces) if piece]


def fts_query(words: str) -> str:
    """User words as a safe FTS5 query: every word must occur, in any of its forms (the index
    stems: visit, visits, visited); a word typed with a * at its end matches as a prefix.
    Prefixes are opt-in because they are slow: about 40 ms against 0.5 ms for a word among
    2 million answers."""
    quoted = [f'"{token}"' + ("*" if star else "")
              for token, star in re.findall(r"(\w+)(\*?)", words)]
    return " ".join(quoted)


def _contains_every_word(columns: Sequence[object], words: str) -> ColumnElement[bool]:
    """For databases without FTS: each word occurs (any case) in one of the columns."""
    conditions = []
    for word in words.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(or_(*(col(c).ilike(f"%{escaped}%", escape="\\") for c in columns)))
    return and_(*conditions)


def _snippet_around(body: str, words: str, width: int = 80) -> str:
    """A snippet for databases without FTS (and for Hebrew and Arabic word forms): the text
    around the first word's match, marked."""
    words = words.split()[0] if words.split() else words
    position = body.lower().find(words.lower())
    if position < 0:  # found under a form without vowel points: look in the bare text
        position = bare(body).lower().find(bare(words).lower())
        position = position if bare(body) == body or position < 0 else -1
    if position < 0:
        return body[:width]
    start = max(0, position - width // 3)
    end = min(len(body), position + len(words) + width // 2)
    found = body[position:position + len(words)]
    return (("…" if start else "") + body[start:position] + MARK_START + found + MARK_END
            + body[position + len(words):end] + ("…" if end < len(body) else ""))


HIDDEN = f"a.session_id NOT IN ({WITHDRAWN_SESSIONS_SQL})"
"""Answers of an informant who withdrew are never found (SQL over answer a): the gate's
sessions (reflect.store.words)."""


def _search_with_forms(db: DBSession, words: str, limit: int, offset: int,
                       before: int | None) -> dict[uuid.UUID, int]:
    """Answers where every word occurs as written (the stemmed index) or, for a Hebrew or
    Arabic word, under one of its forms with prefixes taken off (reflect.wordforms):
    answer id -> its place in the index."""
    conditions: list[str] = []
    params: dict[str, object] = {"limit": limit, "offset": offset, "before": before}
    if before is not None:
        conditions.append("a.rowid < :before")
    for index, word in enumerate(re.findall(r"\w+", words)):
        params[f"w{index}"] = f'"{word}"'
        params[f"f{index}"] = f'"{bare(word)}"'  # as the forms index holds it
        conditions.append(
            f"a.rowid IN (SELECT rowid FROM answer_fts WHERE answer_fts MATCH :w{index} "
            f"UNION SELECT rowid FROM answer_forms WHERE answer_forms MATCH :f{index})")
    rows = db.connection().execute(text(
        "SELECT a.id, a.rowid FROM answer a WHERE " + " AND ".join([*conditions, HIDDEN]) +
        " ORDER BY a.rowid DESC LIMIT :limit OFFSET :offset"), params).all()
    return {uuid.UUID(str(row[0])): row[1] for row in rows}


def _server_page(db: DBSession, words: str, limit: int, offset: int,
                 before: tuple[datetime, uuid.UUID] | None) -> list[Answer]:
    """A page of answers on a database without FTS5, newest first: after `before`, an
    (updated_at, id) pair, by comparison rather than by counting rows past an offset."""
    conditions = [_contains_every_word([Answer.text], words),
                  gate(db).session_kept(Answer.session_id)]
    if before is not None:
        stamp, key = before
        # SQLModel types a model's column attributes as their values (and col() as Mapped);
        # on the class they are SQLAlchemy's attributes, which have a type
        conditions.append(tuple_(Answer.updated_at, Answer.id) <
                          tuple_(literal(stamp, Answer.updated_at.type),  # type: ignore[attr-defined]
                                 literal(key, Answer.id.type)))  # type: ignore[attr-defined]
    return list(db.exec(select(Answer).where(*conditions)
                        .order_by(col(Answer.updated_at).desc(), col(Answer.id).desc())
                        .limit(limit).offset(offset)))


def _uses_fts(store: Store) -> bool:
    return store.engine.dialect.name == "sqlite"


def _prepare(store: Store, words: str) -> tuple[str, str]:
    """The words with white space folded, and the query to run ('' when there is none)."""
    words = " ".join(words.split())
    return words, (fts_query(words) if _uses_fts(store) else words)


def search_answers(store: Store, words: str, limit: int = PAGE, offset: int = 0,
                   before: Position | None = None) -> list[SearchHit]:
    """Answers matching every word, newest first. The next page: `before` the last hit's
    position, so a late page costs what the first does (SQLite finds it through the index;
    PostgreSQL compares (updated_at, id) rather than counting past an offset)."""
    words, query = _prepare(store, words)
    if not query:
        return []
    positions: dict[uuid.UUID, Position] = {}
    with store._db() as db:
        if _uses_fts(store) and has_forms(words):
            assert not isinstance(before, tuple)  # SQLite's positions: places in the index
            positions = dict(_search_with_forms(db, words, limit, offset, before))
            answers = {a.id: a for a in db.exec(
                select(Answer).where(col(Answer.id).in_(list(positions))))}
            ordered = [answers[answer_id] for answer_id in positions if answer_id in answers]
            snippets = {a.id: _snippet_around(a.text, words) for a in ordered}
        elif _uses_fts(store):
            below = "" if before is None else "AND answer_fts.rowid < :before "
            found = db.connection().execute(text(
                "SELECT a.id, snippet(answer_fts, 0, char(2), char(3), '…', 14), "
                "answer_fts.rowid FROM answer_fts JOIN answer a ON a.rowid = answer_fts.rowid "
                f"WHERE answer_fts MATCH :query {below}AND {HIDDEN} "
                "ORDER BY answer_fts.rowid DESC LIMIT :limit OFFSET :offset"),
                {"query": query, "limit": limit, "offset": offset, "before": before}).all()
            snippets = {uuid.UUID(str(row[0])): row[1] for row in found}
            positions = {uuid.UUID(str(row[0])): row[2] for row in found}
            answers = {a.id: a for a in db.exec(
                select(Answer).where(col(Answer.id).in_(list(snippets))))}
            ordered = [answers[answer_id] for answer_id in snippets if answer_id in answers]
        else:
            assert not isinstance(before, int)  # a server's positions: (updated_at, id)
            ordered = _server_page(db, words, limit, offset, before)
            snippets = {a.id: _snippet_around(a.text, words) for a in ordered}
            positions = {a.id: (a.updated_at, a.id) for a in ordered}
        sessions = {s.id: s for s in db.exec(
            select(Session).where(col(Session.id).in_({a.session_id for a in ordered})))}
        story_ids = {s.story_id for s in sessions.values() if s.story_id}
        titles: dict[uuid.UUID | None, str] = {s.id: s.title for s in db.exec(
            select(Story).where(col(Story.id).in_(story_ids)))}
        roles: dict[uuid.UUID | None, str] = {i.id: i.role for i in db.exec(select(Informant).where(
            col(Informant.id).in_({s.informant_id for s in sessions.values()})))}
    hits = []
    for answer in ordered:
        session = sessions[answer.session_id]
        protocol = store.protocol_of(session)
        question = next((q for q in protocol.questions if q.id == answer.question_id), None)
        role = roles.get(session.informant_id)
        who = Role(role).label if role else _("reflection")
        hits.append(SearchHit("answer", answer.id, session.story_id,
                              titles.get(session.story_id, session.case_label), session.id, who,
                              answer.question_id, question.prompt if question else "",
                              snippets[answer.id], positions.get(answer.id)))
    return hits


def search_principles(store: Store, words: str, limit: int = PAGE) -> list[SearchHit]:
    words, query = _prepare(store, words)
    if not query:
        return []
    with store._db() as db:
        if _uses_fts(store):
            ids = [uuid.UUID(str(row[0])) for row in db.connection().execute(text(
                "SELECT p.id FROM principle_fts JOIN principle p ON p.rowid = principle_fts.rowid"
                " WHERE principle_fts MATCH :query ORDER BY rank LIMIT :limit"),
                {"query": query, "limit": limit})]
            found = {p.id: p for p in db.exec(select(Principle).where(col(Principle.id).in_(ids)))}
            principles = [found[i] for i in ids if i in found]
        else:
            parts = [Principle.situation, Principle.goal, Principle.action, Principle.rationale]
            principles = list(db.exec(select(Principle).where(_contains_every_word(parts, words))
                                      .limit(limit)))
        titles = {s.id: s.title for s in db.exec(
            select(Story).where(col(Story.id).in_({p.story_id for p in principles})))}
    return [SearchHit("principle", p.id, p.story_id, titles.get(p.story_id, ""), None,
                      "principle", "", "", _snippet_around(p.sentence(), words, 120))
            for p in principles]


def search_notes(store: Store, words: str, limit: int = 20) -> list[SearchHit]:
    """Interviewer notes holding every word (any case), newest first. Notes are few (a
    handful per interview), so a plain scan is fast; they are shown apart from answers."""
    words = " ".join(words.split())
    if not words:
        return []
    with store._db() as db:
        notes = list(db.exec(select(InterviewerNote)
                             .where(_contains_every_word([InterviewerNote.text], words),
                                    gate(db).session_kept(InterviewerNote.session_id))
                             .order_by(col(InterviewerNote.created_at).desc()).limit(limit)))
        sessions = {s.id: s for s in db.exec(
            select(Session).where(col(Session.id).in_({n.session_id for n in notes})))}
        titles: dict[uuid.UUID | None, str] = {s.id: s.title for s in db.exec(select(Story).where(
            col(Story.id).in_({s.story_id for s in sessions.values() if s.story_id})))}
    hits = []
    for note in notes:
        session = sessions[note.session_id]
        question = next((q for q in store.protocol_of(session).questions
                         if q.id == note.question_id), None)
        hits.append(SearchHit("note", note.id, session.story_id,
                              titles.get(session.story_id, session.case_label), session.id,
                              _("interviewer's note"), note.question_id,
                              question.prompt if question else "",
                              _snippet_around(note.text, words)))
    return hits
