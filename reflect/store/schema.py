"""Schema versions, kept by Alembic (revisions in reflect/store/migrations/versions).

Opening a database reads its revision with one query. A new database is made from today's
models and stamped with the newest revision. An older one is backed up first (SQLite) and then
upgraded by Alembic, each revision in its own transaction; only then is Alembic imported, so an
up-to-date database opens without paying for it. Databases made before Alembic carry their
schema number (1 to 9) in a `reflect_schema` table: they are stamped with the revision of the
same number and upgraded from there. A database from a newer reflect is refused untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlmodel import SQLModel

from reflect import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.package import package_file
from reflect.revision import HEAD
from reflect.store.fulltext import FORMS_SETUP, FTS_SETUP, ITEMS_SETUP, set_up_server_search
from reflect.store.team_schema import write_schema as write_team_schema

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = package_file("store", "migrations")
VERSION_TABLE = "alembic_version"
LEGACY_TABLE = "reflect_schema"
"""Where schemas 1 to 9 kept their number before Alembic."""


def revision_number(revision: str) -> int:
    """The schema number of a revision ('0009' is schema 9), used in backup names."""
    return int(revision)


def stored_revision(conn: Connection) -> str | None:
    """The database's revision; None for an empty database."""
    tables = inspect(conn).get_table_names()
    if VERSION_TABLE in tables:
        revision: str = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one()
        return revision
    if LEGACY_TABLE in tables:
        number = conn.execute(text(f"SELECT version FROM {LEGACY_TABLE}")).scalar_one()
        return f"{number:04d}"
    if tables:
        raise ReflectError(_("{db} already holds tables that are not a reflect database; "
                             "choose another --db").format(
                                 db=conn.engine.url.render_as_string(hide_password=True)))
    return None


def _stamp(conn: Connection, revision: str) -> None:
    conn.execute(text(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version_num VARCHAR(32) "
                      f"NOT NULL, CONSTRAINT {VERSION_TABLE}_pkc PRIMARY KEY (version_num))"))
    conn.execute(text(f"DELETE FROM {VERSION_TABLE}"))
    conn.execute(text(f"INSERT INTO {VERSION_TABLE} VALUES (:v)"), {"v": revision})


def create_schema(conn: Connection) -> None:
    """A new database: today's tables, the search indexes, stamped with the newest revision."""
    SQLModel.metadata.create_all(conn)
    if conn.dialect.name == "postgresql":
        set_up_server_search(conn)
    if conn.dialect.name == "sqlite":
        for statement in FTS_SETUP + FORMS_SETUP + ITEMS_SETUP:
            conn.execute(text(statement))
    write_team_schema(conn)  # PostgreSQL: owners, assignments, policies (as revision 0019)
    _stamp(conn, HEAD)


def _alembic_config(conn: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}


def script_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()


def needs_upgrade(conn: Connection, found: str) -> bool:
    """True for an older revision, and for a database that still keeps its number the old way."""
    return found != HEAD or inspect(conn).has_table(LEGACY_TABLE)


def upgrade(engine: Engine, found: str, backup: Callable[[], object]) -> None:
    """Back up (the callback), then bring a database at revision `found` to HEAD."""
    if found not in known_revisions():
        raise ReflectError(_(
            "this database was made by a newer reflect (schema {found}; this reflect knows up "
            "to {head}). Upgrade reflect to open it; the database was not changed.").format(
                found=found, head=HEAD))
    backup()
    from alembic import command

    with engine.begin() as conn:
        if inspect(conn).has_table(LEGACY_TABLE):
            _stamp(conn, found)
            conn.execute(text(f"DROP TABLE {LEGACY_TABLE}"))
    with engine.connect() as conn:
        command.upgrade(_alembic_config(conn), "head")
        conn.commit()
