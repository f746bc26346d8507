"""The full-text indexes (SQLite FTS5) over answers and principles, as SQL statements.

Used when a new database is made (reflect.store.schema); the revisions that added them (0004,
0011) hold frozen copies of their own. Change the indexes by a new revision, never by editing
these statements: databases already made keep the indexes these statements built.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, inspect, text

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


def index_forms(connection: Connection, answers: list[tuple[uuid.UUID, str | None]]) -> None:
    """Index the Hebrew and Arabic word forms of answers just inserted together, without
    the ORM (an import): (id, text) pairs; those without such words cost a regex each."""
    if connection.dialect.name != "sqlite":
        return
    from reflect.wordforms import search_forms

    for answer_id, body in answers:
        forms = search_forms(body or "")
        if forms:
            connection.execute(text("INSERT INTO answer_forms(rowid, forms) SELECT rowid, :f "
                                    "FROM answer WHERE id = :id"),
                               {"f": forms, "id": answer_id.hex})


def _sync_forms(_mapper: Mapper[Any], connection: Connection, answer: Answer) -> None:
    """After an answer is written: its forms replace the old ones. Costs nothing for text
    without Hebrew or Arabic (most saves), nor when the text did not change (a flag)."""
    if connection.dialect.name != "sqlite":
        return
    from reflect.wordforms import has_forms, search_forms

    history = inspect(answer).attrs.text.history
    if not history.has_changes():
        return
    forms = search_forms(answer.text or "")
    if not forms and not any(has_forms(old or "") for old in history.deleted):
        return
    rowid = connection.execute(text("SELECT rowid FROM answer WHERE id = :id"),
                               {"id": answer.id.hex}).scalar()
    if rowid is None:
        return
    connection.execute(text("DELETE FROM answer_forms WHERE rowid = :r"), {"r": rowid})
    if forms:
        connection.execute(text("INSERT INTO answer_forms(rowid, forms) VALUES (:r, :f)"),
                           {"r": rowid, "f": forms})


def _drop_forms(_mapper: Mapper[Any], connection: Connection, answer: Answer) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(text("DELETE FROM answer_forms WHERE rowid IN (SELECT rowid FROM "
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
