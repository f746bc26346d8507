"""An import's fast paths on SQLite: rows inserted through the driver, a roomy page cache.

Other databases take SQLAlchemy's own paths; the results are the same rows.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError


def insert_rows(connection, table, rows: list[dict]) -> None:
    """Insert rows that carry every column through the driver's executemany, each value put
    through its column's bind processor: SQLAlchemy's own handling of each row's parameters
    was a quarter of an import's time. Other rows (an old bundle without a newer column, so
    defaults are needed) and other databases take SQLAlchemy's insert."""
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


def insert_all_new(db, table, rows: list[dict], then: Callable[[], None]) -> bool:
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


def roomy_cache(connection, roomy: bool) -> None:
    if connection.dialect.name == "sqlite":
        size = -IMPORT_CACHE_KB if roomy else -2000
        connection.exec_driver_sql(f"PRAGMA cache_size = {size}")
