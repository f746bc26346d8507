"""The home screen's lists as the store reads them (issue 30, point 1).

Their statements are kept in home_lists.sql beside this module, not here: the home screen
runs the same text through the standard library's sqlite3 before SQLAlchemy is imported
(reflect.method.glance, reflect.sqlfile says why), and through the store's connection here,
once the database is open, on SQLite and PostgreSQL. One set of statements, read in one
transaction: three queries whatever the number of stories and sessions. The rows come back
as the driver gives them; reflect.method.glance turns them into the lists the same way for
both readers (and applies the withdrawal gate to the names: reflect.roles.shown_name).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import text

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
        return {name: [tuple(row) for row in connection.execute(text(sql), dict(parameters))]
                for name, sql in statements("home_lists").items()}
