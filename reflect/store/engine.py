"""Engine creation and schema versioning.

The engine is made by `make_engine(url)`, never at import time, so tests and `--db` choose the
database. SQLite gets WAL, a busy timeout, foreign keys and synchronous=FULL (an answer that was
committed survives the process being killed and the laptop losing power).

Schema versions: a fresh database is created from the current models and stamped LATEST.
An older database is backed up (SQLite backup API) and then upgraded by the steps in
MIGRATIONS, each in one transaction. A database from a newer reflect is refused untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlmodel import SQLModel

from reflect import (
    models,  # noqa: F401  (registers the tables on SQLModel.metadata)
    paths,
)
from reflect.errors import ReflectError
from reflect.models import utcnow
from reflect.privacy import encryption

SCHEMA_TABLE = "reflect_schema"

Migration = Callable[[Connection], None]


def _add_column(conn: Connection, table: str, column: str, default_sql: str = "") -> None:
    """ALTER TABLE ADD COLUMN with the type the current model gives it, in this dialect."""
    model_column = SQLModel.metadata.tables[table].columns[column]
    sql_type = model_column.type.compile(dialect=conn.dialect)
    default = f" DEFAULT {default_sql}" if default_sql else ""
    null = " NOT NULL" if default_sql and not model_column.nullable else ""
    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}{default}{null}"))


def _v1_to_v2(conn: Connection) -> None:
    """Solo reflection: case label, follow-ups, typed answer values, action items."""
    _add_column(conn, "session", "case_label", "''")
    _add_column(conn, "session", "follow_up_of")
    _add_column(conn, "answer", "value")
    SQLModel.metadata.tables["actionitem"].create(conn)


def _v2_to_v3(conn: Connection) -> None:
    """Analysis: principles of action with evidence, themes, stories ready for the book."""
    _add_column(conn, "story", "ready_for_book", "false")
    for table in ("theme", "principle", "evidence"):
        SQLModel.metadata.tables[table].create(conn)


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


def _setup_search(conn: Connection) -> None:
    """Full-text indexes on SQLite (FTS5); other databases search with ILIKE instead."""
    if conn.dialect.name == "sqlite":
        for statement in FTS_SETUP:
            conn.execute(text(statement))


def _v3_to_v4(conn: Connection) -> None:
    """Full-text search over answers and principles."""
    _setup_search(conn)


def _v4_to_v5(conn: Connection) -> None:
    """Indexes for the lists that show the newest first, so they do not scan every row; no
    index merging during saves."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO answer_fts(answer_fts, rank) VALUES ('automerge', 0)"))
    for table, column in (("session", "updated_at"), ("session", "started_at"),
                          ("story", "updated_at")):
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_{table}_{column} ON {table} ({column})"))


def _v5_to_v6(conn: Connection) -> None:
    """The audit trail records hashes of the old and new value of each change."""
    _add_column(conn, "auditevent", "old_hash", "''")
    _add_column(conn, "auditevent", "new_hash", "''")


def _v6_to_v7(conn: Connection) -> None:
    """Imports keep the versions of rows that lost a merge."""
    SQLModel.metadata.tables["supersededversion"].create(conn)


def _v7_to_v8(conn: Connection) -> None:
    """Completed sessions can be locked."""
    _add_column(conn, "session", "locked_at")
    _add_column(conn, "session", "locked_by", "''")


def _v8_to_v9(conn: Connection) -> None:
    """Redaction lists (names and places hidden in redacted exports)."""
    SQLModel.metadata.tables["redaction"].create(conn)


# MIGRATIONS[n] upgrades a database from version n + 1 to n + 2. Append, never edit.
MIGRATIONS: list[Migration] = [_v1_to_v2, _v2_to_v3, _v3_to_v4, _v4_to_v5, _v5_to_v6,
                           _v6_to_v7, _v7_to_v8,
                           _v8_to_v9]


def latest_version() -> int:
    return len(MIGRATIONS) + 1


def to_url(db: str) -> str:
    """A filesystem path becomes a SQLite URL; anything with '://' is taken as a URL."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a sqlite:/// URL (None for a server or memory): see paths.sqlite_file."""
    return paths.sqlite_file(url)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA temp_store = MEMORY")  # sorts and indexes never spill to /tmp
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


_PASSPHRASES: WeakKeyDictionary[Engine, str] = WeakKeyDictionary()
"""The passphrase of each encrypted engine, for the backups it makes (held in memory only)."""


def passphrase_of(engine: Engine) -> str | None:
    return _PASSPHRASES.get(engine)


def make_engine(db: str, passphrase: str | None = None) -> Engine:
    """An engine for a path or URL. A SQLite file that is encrypted, or new with a passphrase
    given, is opened with SQLCipher and keyed on every connection; a plain existing file is
    opened as it is (see `reflect encrypt`)."""
    url = to_url(db)
    if (path := sqlite_path(url)) is not None:
        if path.is_dir():
            raise ReflectError(f"{path} is a folder; give --db the path of a database file")
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists() or path.stat().st_size == 0
        encrypted = encryption.is_encrypted(path) or (new and passphrase is not None)
        if encrypted and passphrase is None:
            raise encryption.PassphraseNeeded(
                f"{path} is encrypted (or damaged): give its passphrase (the app asks for it; "
                f"commands read {encryption.PASSPHRASE_ENV} or ask on the terminal)")
        connect_args = {"check_same_thread": False, "timeout": 5}
        if not encrypted:
            engine = create_engine(url, connect_args=connect_args)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        engine = create_engine(url, module=encryption.cipher(), connect_args=connect_args)
        key = encryption.key_pragma(passphrase)

        def _key_then_pragmas(dbapi_connection, record) -> None:
            dbapi_connection.execute("PRAGMA cipher_log_level = NONE")
            dbapi_connection.execute(key)
            _sqlite_pragmas(dbapi_connection, record)

        event.listen(engine, "connect", _key_then_pragmas)
        _PASSPHRASES[engine] = passphrase
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise ReflectError(f"--db {url.split('://')[0]}://... needs the Python package "
                           f"'{exc.name}', which is not installed; for PostgreSQL install "
                           "reflect with its extra: pip install 'reflect[postgres]'") from None
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ReflectError(f"--db: not a database URL reflect can use ({exc}); give a file "
                           "path or e.g. postgresql+psycopg://user@host/dbname") from None


def _stored_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table(SCHEMA_TABLE):
        return None
    return conn.execute(text(f"SELECT version FROM {SCHEMA_TABLE}")).scalar_one()


def backup_sqlite(path: Path, suffix: str, target: Path | None = None,
                  passphrase: str | None = None) -> Path:
    """A consistent copy of a SQLite database (beside it unless target is given), readable by
    the owner only. Uses SQLite's backup API, so the app may keep writing meanwhile. The copy
    of an encrypted database is encrypted with the same passphrase."""
    target = target or path.with_name(f"{path.name}.{suffix}-{utcnow():%Y%m%dT%H%M%S}.bak")
    if target.exists():
        raise ReflectError(f"{target} already exists; choose another name")
    target.touch(mode=0o600)
    if passphrase is not None:
        source = encryption.connect(path, passphrase)
        dest = encryption.cipher().connect(str(target))
        dest.execute(encryption.key_pragma(passphrase))
    else:
        source = sqlite3.connect(path)
        dest = sqlite3.connect(target)
    try:
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()
    target.chmod(0o600)
    return target


def migrate(engine: Engine) -> int:
    """Bring the schema to the latest version; return the version found before (0 if new)."""
    try:
        with engine.begin() as conn:
            found = _stored_version(conn)
            if found is None:
                if inspect(conn).get_table_names():
                    raise ReflectError(
                        f"{engine.url.render_as_string(hide_password=True)} already holds tables "
                        "that are not a reflect database; choose another --db")
                SQLModel.metadata.create_all(conn)
                _setup_search(conn)
                conn.execute(text(f"CREATE TABLE {SCHEMA_TABLE} (version INTEGER NOT NULL)"))
                conn.execute(text(f"INSERT INTO {SCHEMA_TABLE} VALUES (:v)"),
                             {"v": latest_version()})
                return 0
    except DatabaseError as exc:
        raise _explain(engine, exc) from None
    if found > latest_version():
        raise ReflectError(
            f"this database was made by a newer reflect (schema {found}; this reflect knows up to "
            f"{latest_version()}). Upgrade reflect to open it; the database was not changed.")
    if found < latest_version():
        if (path := sqlite_path(str(engine.url))) is not None:
            engine.dispose()
            backup_sqlite(path, f"v{found}", passphrase=passphrase_of(engine))
        for step in range(found, latest_version()):
            with engine.begin() as conn:
                MIGRATIONS[step - 1](conn)
                conn.execute(text(f"UPDATE {SCHEMA_TABLE} SET version = :v"), {"v": step + 1})
    return found


def _explain(engine: Engine, exc: DatabaseError) -> ReflectError:
    path = sqlite_path(str(engine.url))
    where = str(path) if path else engine.url.render_as_string(hide_password=True)
    message = str(exc.orig) if exc.orig else str(exc)
    if passphrase_of(engine) is not None and "file is not a database" in message:
        return encryption.WrongPassphrase(f"wrong passphrase for {where} (or it is not a "
                                          "reflect database); nothing was changed")
    if "file is not a database" in message or "file is encrypted" in message:
        return ReflectError(f"{where} is not a SQLite database (or it is damaged); "
                            "choose another --db path. The file was not changed.")
    if isinstance(exc, OperationalError) and "locked" in message:
        return ReflectError(f"{where} is locked by another program; close it and try again")
    if isinstance(exc, OperationalError) and "readonly" in message:
        return ReflectError(f"{where} is read-only; reflect needs to write to it")
    return ReflectError(f"cannot open {where}: {message}")


def open_engine(db: str, passphrase: str | None = None) -> Engine:
    """Make the engine and migrate; every problem becomes a ReflectError with a plain message.
    A wrong passphrase is found by the first read, before anything is written."""
    engine = make_engine(db, passphrase)
    try:
        migrate(engine)
    except DatabaseError as exc:
        raise _explain(engine, exc) from None
    if (path := sqlite_path(str(engine.url))) is not None:
        path.chmod(0o600)
    return engine
