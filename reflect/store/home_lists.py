"""The home screen's lists as the store reads them (issue 30, point 1).

Their statements are kept in home_lists.sql beside this module, not here: the home screen
runs the same text through the standard library's sqlite3 before SQLAlchemy is imported
(reflect.method.glance, reflect.sqlfile says why), and through the store's connection here,
once the database is open, on SQLite and PostgreSQL. One set of statements, read through one
session of the store: three queries whatever the number of stories and sessions. The rows
come back as the driver gives them; reflect.method.glance turns them into the lists the same
way for both readers (and applies the withdrawal gate to the names: reflect.roles.shown_name).
On PostgreSQL the three are sent together (the driver's pipeline) and answered in one round
trip instead of three.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from reflect.sqlfile import statements
from reflect.store.base import StoreBase

Rows = list[tuple[Any, ...]]


def home_rows(store: StoreBase, parameters: Mapping[str, object]) -> dict[str, Rows]:
    """Every statement of home_lists.sql, by its name, run with `parameters` through one
    session of the store (Store.reading: one transaction on SQLite; on PostgreSQL, whose
    READ COMMITTED statements each see the data as it is when they start anyway, no BEGIN
    and ROLLBACK to wait for)."""
    with store.reading(), store._db() as db:  # noqa: SLF001  (the store's own helper)
        connection = db.connection()
        named = statements("home_lists")
        if connection.dialect.name == "postgresql":
            return _pipelined(connection, named, parameters)
        return {name: [tuple(row) for row in connection.execute(text(sql), dict(parameters))]
                for name, sql in named.items()}


def _pipelined(connection: Connection, named: Mapping[str, str],
               parameters: Mapping[str, object]) -> dict[str, Rows]:
    """The statements sent at once through psycopg's pipeline, their rows read after; the
    same text and parameters as SQLAlchemy would send one by one (compiled by it). A driver
    error becomes SQLAlchemy's, as from any other query (the store explains it)."""
    driver = connection.connection.dbapi_connection
    dbapi = connection.dialect.loaded_dbapi
    compiled = {name: text(sql).compile(dialect=connection.dialect)
                for name, sql in named.items()}
    sent = {name: (str(query), query.construct_params(dict(parameters)))
            for name, query in compiled.items()}
    if driver is None or not dbapi.Pipeline.is_supported():
        return {name: [tuple(row) for row in connection.exec_driver_sql(sql, dict(values))]
                for name, (sql, values) in sent.items()}
    statement = ""
    try:
        cursors = {}
        with driver.pipeline():
            for name, (statement, values) in sent.items():
                cursors[name] = driver.cursor()
                cursors[name].execute(statement, values)
        rows = {name: [tuple(row) for row in cursor.fetchall()]
                for name, cursor in cursors.items()}
        for cursor in cursors.values():
            cursor.close()
        return rows
    except dbapi.Error as exc:
        raise DBAPIError.instance(statement, None, exc, dbapi.Error,
                                  dialect=connection.dialect) from exc
