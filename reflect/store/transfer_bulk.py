"""An import's fast paths on SQLite: rows inserted and looked up through the driver, a roomy
page cache.

Other databases take SQLAlchemy's own paths; the results are the same rows. Rows inserted
here skip the ORM, so its events do not keep the Hebrew and Arabic word forms of answers in
step (reflect.store.fulltext): `insert_rows` indexes them itself, with the insert.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection, Table, insert, tuple_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel, select

from reflect.models import Answer
from reflect.store.fulltext import index_forms

Row = dict[str, Any]


def insert_rows(connection: Connection, table: Table, rows: list[Row]) -> None:
    """Insert rows that carry every column through the driver's executemany, each value put
    through its column's bind processor: SQLAlchemy's own handling of each row's parameters
    was a quarter of an import's time. Other rows (an old bundle without a newer column, so
    defaults are needed) and other databases take SQLAlchemy's insert. Answers' word forms
    are indexed in the same transaction."""
    _insert(connection, table, rows)
    if table.name == "answer":
        index_forms(connection, [(row["id"], row["text"], row.get("value")) for row in rows])


def _insert(connection: Connection, table: Table, rows: list[Row]) -> None:
    columns = list(table.columns)
    if connection.dialect.name != "sqlite" or any(len(row) != len(columns) for row in rows):
        connection.execute(insert(table), rows)
        return
    dialect = connection.dialect
    processors = [(column.name, column.type.bind_processor(dialect)) for column in columns]
    names = ", ".join(f'"{column.name}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    values = []  # column by column: one map() per column rather than a call per value
    for name, process in processors:
        column = [row[name] for row in rows]
        if process is not None:
            column = [None if value is None else process(value) for value in column] \
                if None in column else list(map(process, column))
        values.append(column)
    connection.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
                               list(zip(*values, strict=True)))


def insert_all_new(db: DBSession, table: Table, rows: list[Row],
                   then: Callable[[], None] = lambda: None) -> bool:
    """Insert rows into a table that was empty when the import began (a first import) without
    first asking which of them are here: the lookups were a tenth of a first import's time.
    Inside a savepoint, so a key the bundle holds twice (a broken bundle) undoes only this
    batch, which then takes the path that asks (False). `then` runs with the insert."""
    try:
        with db.begin_nested():
            insert_rows(db.connection(), table, rows)
            then()
    except IntegrityError:
        return False
    return True


IMPORT_CACHE_KB = 131072
"""SQLite's page cache during an import: with its default 2 MB a transaction of millions of
rows keeps writing pages out to the log and reading them back (6 GB written at 100,000
sessions)."""


def roomy_cache(connection: Connection, roomy: bool) -> None:
    if connection.dialect.name == "sqlite":
        size = -IMPORT_CACHE_KB if roomy else -2000
        connection.exec_driver_sql(f"PRAGMA cache_size = {size}")


def where_in(db: DBSession, query: Any, column: Any, keys: list[Any]) -> Iterator[Any]:
    """Rows of query whose column is one of keys, asking 500 keys at a time."""
    for start in range(0, len(keys), 500):
        yield from db.exec(query.where(column.in_(keys[start:start + 500])))


def present_here(db: DBSession, model: type[SQLModel], key: str, keys: list[Any]) -> set[Any]:
    """Which of these keys are rows here already. On SQLite asked through the driver: the
    ORM's reading back of every key as a UUID was a tenth of an import's time."""
    column = getattr(model, key)
    connection = db.connection()
    if connection.dialect.name != "sqlite" or not isinstance(keys[0], uuid.UUID):
        return set(where_in(db, select(column), column, keys))
    found = set()
    for start in range(0, len(keys), 500):
        chunk = [k.hex for k in keys[start:start + 500]]
        marks = ", ".join("?" * len(chunk))
        found |= {uuid.UUID(hex_) for hex_ in connection.exec_driver_sql(
            f'SELECT "{key}" FROM "{model.__tablename__}" WHERE "{key}" IN ({marks})',
            tuple(chunk)).scalars()}
    return found


def answered_here(db: DBSession, pairs: list[tuple[uuid.UUID, str]]) -> set[tuple[Any, ...]]:
    """Which (session, question) pairs already have an answer here. SQLite scans the whole
    table for a row-value IN, so there each pair is looked up in the unique index through a
    join with the pairs as a VALUES list."""
    connection = db.connection()
    if connection.dialect.name != "sqlite":
        return set(where_in(db, select(Answer.session_id, Answer.question_id),
                            tuple_(Answer.session_id, Answer.question_id), pairs))
    found = set()
    for start in range(0, len(pairs), 400):
        chunk = pairs[start:start + 400]
        values = ", ".join(["(?, ?)"] * len(chunk))
        params = tuple(v for session, question in chunk for v in (session.hex, question))
        rows = connection.exec_driver_sql(
            f"WITH pair(s, q) AS (VALUES {values}) SELECT a.session_id, a.question_id "
            "FROM pair JOIN answer a ON a.session_id = pair.s AND a.question_id = pair.q",
            params)
        found |= {(uuid.UUID(session), question) for session, question in rows}
    return found
