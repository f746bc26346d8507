"""The full-text indexes over answers and principles, as SQL statements: SQLite's FTS5
tables, PostgreSQL's tsvector and GIN indexes (revision 0020).

Used when a new database is made (reflect.store.schema); the revisions that added them (0004,
0011) hold frozen copies of their own. Change the indexes by a new revision, never by editing
these statements: databases already made keep the indexes these statements built.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.exc import DBAPIError

from reflect.models import Answer

if TYPE_CHECKING:
    from sqlalchemy.orm import Mapper

FTS_SETUP = [
    # External-content FTS5 indexes: the text lives once, in answer and principle; triggers
    # keep the index in step inside the same transaction as every save.
    "CREATE VIRTUAL TABLE answer_fts USING fts5(text, content='answer', content_rowid='rowid',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER answer_fts_insert AFTER INSERT ON answer BEGIN"
    " INSERT INTO answer_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER answer_fts_delete AFTER DELETE ON answer BEGIN"
    " INSERT INTO answer_fts(answer_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " END",
    "CREATE TRIGGER answer_fts_update AFTER UPDATE OF text ON answer BEGIN"
    " INSERT INTO answer_fts(answer_fts, rowid, text) VALUES ('delete', old.rowid, old.text);"
    " INSERT INTO answer_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE VIRTUAL TABLE principle_fts USING fts5(situation, goal, action, rationale,"
    " content='principle', content_rowid='rowid',"
    " tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER principle_fts_insert AFTER INSERT ON principle BEGIN"
    " INSERT INTO principle_fts(rowid, situation, goal, action, rationale)"
    " VALUES (new.rowid, new.situation, new.goal, new.action, new.rationale); END",
    "CREATE TRIGGER principle_fts_delete AFTER DELETE ON principle BEGIN"
    " INSERT INTO principle_fts(principle_fts, rowid, situation, goal, action, rationale)"
    " VALUES ('delete', old.rowid, old.situation, old.goal, old.action, old.rationale); END",
    "CREATE TRIGGER principle_fts_update AFTER UPDATE ON principle BEGIN"
    " INSERT INTO principle_fts(principle_fts, rowid, situation, goal, action, rationale)"
    " VALUES ('delete', old.rowid, old.situation, old.goal, old.action, old.rationale);"
    " INSERT INTO principle_fts(rowid, situation, goal, action, rationale)"
    " VALUES (new.rowid, new.situation, new.goal, new.action, new.rationale); END",
    # No merging of index segments during a save (it made 1 save in 100 take 50-100 ms);
    # the app merges in the background instead (Store.tidy_search_index).
    "INSERT INTO answer_fts(answer_fts, rank) VALUES ('automerge', 0)",
    "INSERT INTO answer_fts(answer_fts) VALUES ('rebuild')",
    "INSERT INTO principle_fts(principle_fts) VALUES ('rebuild')",
]

# Revision 0011: the Hebrew and Arabic word forms of each answer (reflect.wordforms), in their
# own FTS5 index keyed by the answer's rowid. Kept in step from Python (the forms are computed
# there) by the ORM events below, so other tools writing the file need no reflect function.
FORMS_SETUP = [
    "CREATE VIRTUAL TABLE answer_forms USING fts5(forms, tokenize='unicode61')",
]


# Revision 0020: answers of list questions (and chosen checklist options: any typed value
# that is a list) are found by their items. SQLite: the text and the items of such an answer
# in an index of their own, stemmed like answer_fts, kept in step from Python like the forms.
ITEMS_SETUP = [
    "CREATE VIRTUAL TABLE answer_items USING fts5(text,"
    " tokenize='porter unicode61 remove_diacritics 2')",
]

# Revision 0020, PostgreSQL: its own full-text search. A text search configuration that
# folds accents (the unaccent extension, where the server has it) and stems like SQLite's
# porter tokenizer (Snowball English, without stop words: SQLite drops none); a stored
# tsvector of each answer's text and list items with a GIN index; an index of answers newest
# first, so that a common word reads the newest matches in order and stops at a page; the
# Hebrew and Arabic word forms in a column beside it (search_forms, filled from Python: in the
# same row, so that the planner weighs both conditions on one table); principles through an
# expression index.
SERVER_UNACCENT = "CREATE EXTENSION IF NOT EXISTS unaccent"
SERVER_CONFIG = "reflect_search"


def server_setup(unaccent: bool) -> list[str]:
    """The statements that build PostgreSQL's search, with or without accent folding."""
    folding = "unaccent, " if unaccent else ""
    return [
        "CREATE TEXT SEARCH DICTIONARY reflect_stem (TEMPLATE = snowball, Language = english)",
        f"CREATE TEXT SEARCH CONFIGURATION {SERVER_CONFIG} (COPY = simple)",
        f"ALTER TEXT SEARCH CONFIGURATION {SERVER_CONFIG} ALTER MAPPING FOR asciiword,"
        " asciihword, hword_asciipart, word, hword, hword_part, numword, numhword,"
        f" hword_numpart WITH {folding}reflect_stem",
        # the items of a list, one a line; '' for anything that is not a list of values
        "CREATE FUNCTION reflect_list_items(value text) RETURNS text LANGUAGE plpgsql"
        " IMMUTABLE STRICT AS $$ BEGIN"
        " IF json_typeof(value::json) <> 'array' THEN RETURN ''; END IF;"
        " RETURN coalesce((SELECT string_agg(item, E'\\n') FROM"
        " json_array_elements_text(value::json) AS item), '');"
        " EXCEPTION WHEN others THEN RETURN ''; END $$",
        f"ALTER TABLE answer ADD COLUMN search tsvector GENERATED ALWAYS AS"
        f" (to_tsvector('{SERVER_CONFIG}'::regconfig, CASE WHEN value LIKE '[%'"
        " THEN \"text\" || E'\\n' || coalesce(reflect_list_items(value), '')"
        " ELSE \"text\" END)) STORED",
        "CREATE INDEX ix_answer_search ON answer USING gin (search)",
        "CREATE INDEX ix_answer_newest ON answer (updated_at DESC, id DESC)",
        "ALTER TABLE answer ADD COLUMN search_forms tsvector",
        "CREATE INDEX ix_answer_search_forms ON answer USING gin (search_forms)",
        f"CREATE INDEX ix_principle_search ON principle USING gin ({PRINCIPLE_VECTOR})",
    ]


PRINCIPLE_VECTOR = (f"to_tsvector('{SERVER_CONFIG}'::regconfig, coalesce(situation, '')"
                    " || ' ' || coalesce(goal, '') || ' ' || coalesce(action, '') || ' ' ||"
                    " coalesce(rationale, ''))")
"""A principle's words on PostgreSQL, as its index holds them (a query must say it alike)."""


def set_up_server_search(connection: Connection) -> bool:
    """Build PostgreSQL's search in the caller's transaction; whether accents are folded
    (the unaccent extension could be made, or was there)."""
    try:
        with connection.begin_nested():
            connection.execute(text(SERVER_UNACCENT))
        unaccent = True
    except DBAPIError:  # not installed on the server, or not ours to create
        unaccent = False
    for statement in server_setup(unaccent):
        connection.execute(text(statement))
    return unaccent


def list_items(value: str | None) -> str:
    """The items of a typed answer that is a list (list questions, chosen checklist
    options), one a line: '' for any other value."""
    if not value or not value.startswith("["):
        return ""
    try:
        items = json.loads(value)
    except ValueError:
        return ""
    if not isinstance(items, list):
        return ""
    return "\n".join(str(item) for item in items if item is not None)


def _index(connection: Connection, answer_id: uuid.UUID, body: str, value: str | None,
           replace: bool) -> None:
    """Put one answer's word forms and list items in their indexes (replacing what they
    held for it when `replace`). Never logs: these are the answer's words."""
    from reflect.wordforms import form_list

    items = list_items(value)
    whole = f"{body}\n{items}" if items else body
    forms = form_list(whole)
    if connection.dialect.name != "sqlite":
        if forms:
            connection.execute(text("UPDATE answer SET search_forms = "
                                    "array_to_tsvector(CAST(:f AS text[])) WHERE id = :id"),
                               {"id": answer_id, "f": forms})
        elif replace:
            connection.execute(text("UPDATE answer SET search_forms = NULL WHERE id = :id"),
                               {"id": answer_id})
        return
    rowid = connection.execute(text("SELECT rowid FROM answer WHERE id = :id"),
                               {"id": answer_id.hex}).scalar()
    if rowid is None:
        return
    if replace:
        connection.execute(text("DELETE FROM answer_forms WHERE rowid = :r"), {"r": rowid})
        connection.execute(text("DELETE FROM answer_items WHERE rowid = :r"), {"r": rowid})
    if forms:
        connection.execute(text("INSERT INTO answer_forms(rowid, forms) VALUES (:r, :f)"),
                           {"r": rowid, "f": " ".join(forms)})
    if items:
        connection.execute(text("INSERT INTO answer_items(rowid, text) VALUES (:r, :t)"),
                           {"r": rowid, "t": whole})


def _needs_index(body: str | None, value: str | None) -> bool:
    from reflect.wordforms import has_forms

    return bool(list_items(value)) or has_forms(body or "")


def index_forms(connection: Connection,
                answers: list[tuple[uuid.UUID, str | None, str | None]]) -> None:
    """Index the word forms and list items of answers just inserted together, without the
    ORM (an import): (id, text, value); those with neither cost a regex each."""
    for answer_id, body, value in answers:
        if _needs_index(body, value):
            _index(connection, answer_id, body or "", value, replace=False)


def _sync_forms(_mapper: Mapper[Any], connection: Connection, answer: Answer) -> None:
    """After an answer is written: its forms and items replace the old ones. Costs nothing
    for text without Hebrew or Arabic and a value that is no list (most saves), nor when
    neither text nor value changed (a flag)."""
    state = inspect(answer).attrs
    body, value = state.text.history, state.value.history
    if not body.has_changes() and not value.has_changes():
        return
    before = [(old, answer.value) for old in body.deleted] + \
        [(answer.text, old) for old in value.deleted]
    if not _needs_index(answer.text, answer.value) and \
            not any(_needs_index(old_text, old_value) for old_text, old_value in before):
        return
    _index(connection, answer.id, answer.text or "", answer.value, replace=True)


def _drop_forms(_mapper: Mapper[Any], connection: Connection, answer: Answer) -> None:
    """SQLite: an answer deleted leaves neither forms nor items (PostgreSQL keeps them in
    the answer's row)."""
    if connection.dialect.name == "sqlite":
        for index in ("answer_forms", "answer_items"):
            connection.execute(text(f"DELETE FROM {index} WHERE rowid IN (SELECT rowid FROM "
                                    "answer WHERE id = :id)"), {"id": answer.id.hex})


event.listen(Answer, "after_insert", _sync_forms)
event.listen(Answer, "after_update", _sync_forms)
event.listen(Answer, "before_delete", _drop_forms)


BULK_ANSWERS = 5000
"""From this many answers in one import (and no fewer than the database holds), the answer
index is built once at the end rather than row by row by the triggers."""


@contextmanager
def answers_in_bulk(connection: Connection, incoming: int) -> Iterator[None]:
    """Inside an import's transaction on SQLite: without the answer index's triggers while
    many answers are inserted, then the index rebuilt in one pass and the triggers put back.
    DDL is transactional in SQLite, so a failed import leaves the triggers as they were."""
    if connection.dialect.name != "sqlite" or incoming < BULK_ANSWERS:
        yield
        return
    here: int = connection.execute(text("SELECT count(*) FROM answer")).scalar_one()
    if incoming < here:  # a rebuild would cost more than the triggers
        yield
        return
    from reflect.store.engine import begin_now  # engine imports this module (its schema)

    begin_now(connection)  # the DDL below inside the import's transaction
    triggers = connection.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'answer' "
        "AND name LIKE 'answer_fts_%'")).all()
    for name, _sql in triggers:
        connection.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    connection.execute(text("INSERT INTO answer_fts(answer_fts) VALUES ('rebuild')"))
    for _name, sql in triggers:
        connection.execute(text(sql))
