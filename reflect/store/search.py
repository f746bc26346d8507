"""Full-text search over answers and principles, and interviewer notes; never the words of
an informant who withdrew (the gate, reflect.store.words).

The same words find the same answers on both databases (reflect.wordforms.query_words
splits them alike): every word must occur, stemmed (visit, visits, visited) and with accents
optional; a word typed with a * at its end is a prefix; a Hebrew or Arabic word is looked for
among the word forms (prefixes taken off, without vowel points); the items of a list answer
count as its words. Newest answers first.

SQLite: FTS5 indexes kept in step by triggers (reflect.store.fulltext), with snippets. Newest
first rather than by relevance: FTS5 walks its index in rowid order and stops at the page
size, where ranking would have to score every match (over a second for a common word among 2
million answers). PostgreSQL: a stored tsvector per answer with a GIN index, and the forms in
a column beside it (revision 0020); snippets cut around the first match. Matches in
snippets are wrapped in MARK_START / MARK_END.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, TextClause, and_, literal, or_, text, tuple_
from sqlmodel import Session as DBSession
from sqlmodel import col, select

from reflect.i18n import _
from reflect.models import Answer, Informant, InterviewerNote, Principle, Session, Story
from reflect.roles import Role
from reflect.store import Store
from reflect.store.fulltext import PRINCIPLE_VECTOR, SERVER_CONFIG, list_items
from reflect.store.words import WITHDRAWN_SESSIONS_SQL, gate
from reflect.wordforms import MARKS, QueryWord, bare, query_words

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
    2 million answers. Hebrew and Arabic words are looked for among their forms instead
    (_forms_match)."""
    return _fts([word for word in query_words(words) if not word.forms])


def _fts(words: Sequence[QueryWord]) -> str:
    return " ".join('"' + word.text.replace('"', '""') + '"' + ("*" if word.prefix else "")
                    for word in words)


def _tsquery(word: QueryWord) -> str:
    """A Hebrew or Arabic word as one lexeme of a PostgreSQL tsquery, exactly as the forms
    index holds it (no parsing, no stemming)."""
    lexeme = word.text.replace("\\", "\\\\").replace("'", "''")
    return f"'{lexeme}'" + (":*" if word.prefix else "")


def _contains_every_word(columns: Sequence[object], words: str) -> ColumnElement[bool]:
    """For interviewer notes (a few per interview): each word occurs (any case) in one of
    the columns."""
    conditions = []
    for word in words.split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(or_(*(col(c).ilike(f"%{escaped}%", escape="\\") for c in columns)))
    return and_(*conditions)


def _bare_with_places(body: str) -> tuple[str, list[int]]:
    """The body without vowel points or accents, lower case, and where each of its
    characters was."""
    kept, places = [], []
    for index, char in enumerate(body):
        for piece in bare(char).lower():
            kept.append(piece)
            places.append(index)
    return "".join(kept), places


_IN_WORD = re.compile(f"[^\\W_]|[{MARKS}]")


def _find(plain: str, word: str, inside: bool) -> int:
    """Where a word (or, for a stemmed match, its first letters) begins a word of the
    plain text (or, `inside`, anywhere: behind Hebrew and Arabic prefixes), or -1."""
    start = "" if inside else r"(?<![^\W_])"
    for length in range(len(word), min(len(word), 3) - 1, -1):
        found = re.search(start + re.escape(word[:length]), plain)
        if found:
            return found.start()
        if length <= len(word) - 3:
            break
    return -1


def _snippet_around(body: str, words: str | Sequence[QueryWord], width: int = 80) -> str:
    """A snippet cut around the first of the words found in the body (for Hebrew and Arabic
    word forms, list items, PostgreSQL and interviewer notes), marked: the whole word that
    holds the match. Words are compared without case, vowel points or accents."""
    found = query_words(words) if isinstance(words, str) else list(words)
    position = -1
    lowered = body.lower()
    if len(lowered) == len(body):  # as typed first: most answers, without a copy per letter
        for word in found:
            position = _find(lowered, word.text.lower(), word.forms)
            if position >= 0:
                break
    if position < 0:
        plain, places = _bare_with_places(body)
        for word in found:
            at = _find(plain, bare(word.text).lower(), word.forms)
            if at >= 0:
                position = places[at]
                break
    if position < 0:
        return body[:width]
    while position > 0 and _IN_WORD.match(body[position - 1]):
        position -= 1  # the word's prefixes (Hebrew, Arabic) go with it
    end_of_word = position
    while end_of_word < len(body) and _IN_WORD.match(body[end_of_word]):
        end_of_word += 1
    length = max(1, end_of_word - position)
    start = max(0, position - width // 3)
    while 0 < start < position and _IN_WORD.match(body[start - 1]):
        start += 1  # begin at a word, never on a vowel point inside one
    end = min(len(body), position + length + width // 2)
    return (("…" if start else "") + body[start:position] + MARK_START
            + body[position:position + length] + MARK_END
            + body[position + length:end] + ("…" if end < len(body) else ""))


HIDDEN = f"a.session_id NOT IN ({WITHDRAWN_SESSIONS_SQL})"
"""Answers of an informant who withdrew are never found (SQL over answer a): the gate's
sessions (reflect.store.words)."""

Found = list[tuple[uuid.UUID, int, str | None]]
"""Answers found, in order: id, position, and the snippet when the index made one."""


def _sqlite_page(db: DBSession, words: list[QueryWord], limit: int, offset: int,
                 before: int | None) -> Found:
    """A page of answers on SQLite, newest first (by place in the index). Latin-script words
    all in the stemmed index of the text (answer_fts) or of the text with its list items
    (answer_items); each Hebrew or Arabic word among the word forms (answer_forms)."""
    latin = _fts([word for word in words if not word.forms])
    forms = [word for word in words if word.forms]
    params: dict[str, object] = {"q": latin, "limit": limit, "offset": offset,
                                 "before": before}
    if not forms:
        found: dict[int, tuple[uuid.UUID, str]] = {}
        below = "" if before is None else "AND {index}.rowid < :before "
        for index in ("answer_fts", "answer_items"):  # the text; a list's items
            rows = db.connection().execute(text(
                f"SELECT a.id, snippet({index}, 0, char(2), char(3), '…', 14), {index}.rowid "
                f"FROM {index} JOIN answer a ON a.rowid = {index}.rowid "
                f"WHERE {index} MATCH :q {below.format(index=index)}AND {HIDDEN} "
                f"ORDER BY {index}.rowid DESC LIMIT :many"),
                {**params, "many": limit + offset}).all()
            for answer_id, snippet, rowid in rows:
                found.setdefault(rowid, (uuid.UUID(str(answer_id)), snippet))
        newest = sorted(found, reverse=True)[offset:offset + limit]
        return [(found[rowid][0], rowid, found[rowid][1]) for rowid in newest]
    conditions = [HIDDEN]
    if before is not None:
        conditions.append("a.rowid < :before")
    if latin:
        conditions.append("a.rowid IN (SELECT rowid FROM answer_fts WHERE answer_fts MATCH :q "
                          "UNION SELECT rowid FROM answer_items WHERE answer_items MATCH :q)")
    for number, word in enumerate(forms):
        params[f"f{number}"] = _fts([word])
        conditions.append(f"a.rowid IN (SELECT rowid FROM answer_forms "
                          f"WHERE answer_forms MATCH :f{number})")
    rows = db.connection().execute(text(
        "SELECT a.id, a.rowid FROM answer a WHERE " + " AND ".join(conditions) +
        " ORDER BY a.rowid DESC LIMIT :limit OFFSET :offset"), params).all()
    return [(uuid.UUID(str(row[0])), row[1], None) for row in rows]


def _server_match(words: list[QueryWord], vector: str) -> tuple[list[TextClause], dict[str, str]]:
    """PostgreSQL: conditions for Latin-script words on a tsvector (parsed, stemmed, accents
    folded: the reflect_search configuration) and for Hebrew and Arabic words among an
    answer's forms; their parameters."""
    latin = [word for word in words if not word.forms]
    forms = [word for word in words if word.forms]
    conditions: list[TextClause] = []
    params: dict[str, str] = {}
    if latin:
        query = " && ".join(f"to_tsquery('{SERVER_CONFIG}', :w{index})"
                            for index in range(len(latin)))
        conditions.append(text(f"{vector} @@ ({query})"))
        params |= {f"w{index}": word.text + (":*" if word.prefix else "")
                   for index, word in enumerate(latin)}
    if forms:
        conditions.append(text("answer.search_forms @@ CAST(:forms AS tsquery)"))
        params["forms"] = " & ".join(_tsquery(word) for word in forms)
    return conditions, params


def _server_page(db: DBSession, words: list[QueryWord], limit: int, offset: int,
                 before: tuple[datetime, uuid.UUID] | None) -> list[Answer]:
    """A page of answers on PostgreSQL, newest first, in one query: after `before`, an
    (updated_at, id) pair, by comparison rather than by counting rows past an offset. A
    common word reads the answers newest first and stops at the page; a rare one starts from
    the GIN indexes."""
    matches, params = _server_match(words, "answer.search")
    conditions: list[ColumnElement[bool] | TextClause] = [
        *matches, text(f"answer.session_id NOT IN ({WITHDRAWN_SESSIONS_SQL})")]
    if before is not None:
        stamp, key = before
        # SQLModel types a model's column attributes as their values (and col() as Mapped);
        # on the class they are SQLAlchemy's attributes, which have a type
        conditions.append(tuple_(Answer.updated_at, Answer.id) <
                          tuple_(literal(stamp, Answer.updated_at.type),  # type: ignore[attr-defined]
                                 literal(key, Answer.id.type)))  # type: ignore[attr-defined]
    return list(db.exec(select(Answer).where(*conditions)
                        .order_by(col(Answer.updated_at).desc(), col(Answer.id).desc())
                        .limit(limit).offset(offset).params(params)))


def _uses_fts(store: Store) -> bool:
    return store.engine.dialect.name == "sqlite"


def search_answers(store: Store, words: str, limit: int = PAGE, offset: int = 0,
                   before: Position | None = None) -> list[SearchHit]:
    """Answers holding every word (in their text or, for a list question, its items),
    newest first. The next page: `before` the last hit's position, so a late page costs what
    the first does (SQLite finds it through the index; PostgreSQL compares (updated_at, id)
    rather than counting past an offset)."""
    query = query_words(words)
    if not query:
        return []
    with store._db() as db:
        if _uses_fts(store):
            assert not isinstance(before, tuple)  # SQLite's positions: places in the index
            found = _sqlite_page(db, query, limit, offset, before)
            answers = {a.id: a for a in db.exec(select(Answer).where(
                col(Answer.id).in_([answer_id for answer_id, _, _ in found])))}
            ordered = [answers[answer_id] for answer_id, _, _ in found if answer_id in answers]
            positions: dict[uuid.UUID, Position] = {
                answer_id: position for answer_id, position, _ in found}
            snippets = {answer_id: snippet for answer_id, _, snippet in found if snippet}
        else:
            assert not isinstance(before, int)  # a server's positions: (updated_at, id)
            ordered = _server_page(db, query, limit, offset, before)
            positions = {a.id: (a.updated_at, a.id) for a in ordered}
            snippets = {}
        for answer in ordered:
            if answer.id not in snippets:
                items = list_items(answer.value)
                snippets[answer.id] = _snippet_around(
                    f"{answer.text}\n{items}" if items else answer.text, query)
        sessions: dict[uuid.UUID, Session] = {}
        titles: dict[uuid.UUID | None, str] = {}
        roles: dict[uuid.UUID | None, str] = {}
        if ordered:  # the sessions with their stories' titles and informants' roles, at once
            for session, title, informant_role in db.exec(
                    select(Session, Story.title, Informant.role)
                    .outerjoin(Story, col(Story.id) == col(Session.story_id))
                    .outerjoin(Informant, col(Informant.id) == col(Session.informant_id))
                    .where(col(Session.id).in_({a.session_id for a in ordered}))):
                sessions[session.id] = session
                if title is not None:
                    titles[session.story_id] = title
                if informant_role is not None:
                    roles[session.informant_id] = informant_role
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
    """Principles holding every word (stemmed, accents optional), best match first."""
    query = query_words(words)
    if not query:
        return []
    latin = [QueryWord(word.text, word.prefix, False) for word in query]  # no forms here
    with store._db() as db:
        if _uses_fts(store):
            ids = [uuid.UUID(str(row[0])) for row in db.connection().execute(text(
                "SELECT p.id FROM principle_fts JOIN principle p ON p.rowid = principle_fts.rowid"
                " WHERE principle_fts MATCH :query ORDER BY rank LIMIT :limit"),
                {"query": _fts(latin), "limit": limit})]
        else:
            [match], params = _server_match(latin, PRINCIPLE_VECTOR)
            tsquery = " && ".join(f"to_tsquery('{SERVER_CONFIG}', :w{index})"
                                  for index in range(len(latin)))
            ids = [row[0] for row in db.connection().execute(text(
                f"SELECT id FROM principle WHERE {match.text} ORDER BY "
                f"ts_rank({PRINCIPLE_VECTOR}, {tsquery}) DESC, id LIMIT :limit"),
                {**params, "limit": limit})]
        found = {p.id: p for p in db.exec(select(Principle).where(col(Principle.id).in_(ids)))}
        principles = [found[i] for i in ids if i in found]
        titles = {s.id: s.title for s in db.exec(
            select(Story).where(col(Story.id).in_({p.story_id for p in principles})))}
    return [SearchHit("principle", p.id, p.story_id, titles.get(p.story_id, ""), None,
                      "principle", "", "", _snippet_around(p.sentence(), query, 120))
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
