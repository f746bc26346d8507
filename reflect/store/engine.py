"""Engines, opening a database (with its schema brought up to date) and backups.

The engine is made by `make_engine(url)`, never at import time, so tests and `--db` choose the
database. SQLite gets WAL, a busy timeout, foreign keys and synchronous=FULL (an answer that was
committed survives the process being killed and the laptop losing power). Schema versions and
migrations: reflect.store.schema.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
import weakref
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError
from sqlalchemy.pool import ConnectionPoolEntry

from reflect import inuse, paths
from reflect.errors import (
    BUSY,
    FULL,
    IO,
    NOT_A_DATABASE,
    READONLY,
    ReflectError,
    StorageError,
    driver_error,
    explain_storage_error,
    storage_problem,
)
from reflect.files import create_private_file
from reflect.i18n import _
from reflect.models import utcnow
from reflect.privacy import encryption
from reflect.store import compaction, schema


def to_url(db: str) -> str:
    """A filesystem path becomes a SQLite URL; anything with '://' is taken as a URL."""
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a sqlite:/// URL (None for a server or memory): see paths.sqlite_file."""
    return paths.sqlite_file(url)


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA temp_store = MEMORY")  # sorts and indexes never spill to /tmp
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


_FILES: WeakKeyDictionary[Engine, tuple[Path, tuple[int, int]]] = WeakKeyDictionary()
"""The SQLite file each opened engine writes to, and its identity (device, inode) at opening."""


def _identity(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_dev, status.st_ino


def check_same_file(engine: Engine) -> None:
    """Refuse to go on writing when the file was removed or replaced since it was opened (by
    a program that ignored the open marks, or by hand): the writes would go to a file nobody
    will ever read again."""
    if (known := _FILES.get(engine)) is None:
        return
    path, identity = known
    try:
        same = _identity(path) == identity
    except OSError:
        same = False
    if not same:
        raise StorageError(_(
            "the database file {path} was removed or replaced by another program while reflect "
            "had it open, so nothing more is saved into it. What you typed stays on screen: "
            "copy it somewhere safe, then quit and start reflect again.").format(path=path))


def processes_holding(engine: Engine) -> set[int] | None:
    """The processes on this machine that hold an open mark on the engine's file (None for a
    database server, where there are no marks)."""
    if (known := _FILES.get(engine)) is None:
        return None
    return {holder.pid for holder in inuse.holders(known[0])}


SERVER_LOCK = 0x7265666C
"""PostgreSQL advisory lock key ('refl'): running apps hold it shared, upgrades exclusive."""


class ServerMark:
    """The PostgreSQL equivalent of an open mark: a shared advisory lock held on a connection
    of its own for as long as the app runs (the server drops it if the app dies)."""

    def __init__(self, engine: Engine):
        self.connection: Connection | None = engine.connect()
        self.connection.exec_driver_sql(f"SELECT pg_advisory_lock_shared({SERVER_LOCK})")
        self.connection.commit()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.invalidate()  # closes it: back in the pool it would keep the lock
            self.connection.close()
            self.connection = None


def hold_open(engine: Engine, program: str) -> inuse.OpenMark | ServerMark | None:
    """Mark the database as open by this process: a mark beside a SQLite file (see
    reflect.inuse), a shared advisory lock on PostgreSQL."""
    if (mark := _MARKS.get(engine)) is not None and mark.held:
        mark.name(program)  # the engine's own mark, now held in the app's name
        return mark
    if (known := _FILES.get(engine)) is not None:
        return inuse.OpenMark(known[0], program)
    if engine.dialect.name == "postgresql":
        return ServerMark(engine)
    return None


_PASSPHRASES: WeakKeyDictionary[Engine, str] = WeakKeyDictionary()
"""The passphrase of each encrypted engine, for the backups it makes (held in memory only)."""


def begin_now(connection: Connection) -> None:
    """On SQLite, a no-op write so that the driver opens the transaction now: it opens one
    only before a write, so DDL or a savepoint coming first would run outside it (and
    releasing a savepoint that began its own transaction commits)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql('DELETE FROM "answer" WHERE 0')


def passphrase_of(engine: Engine) -> str | None:
    return _PASSPHRASES.get(engine)


def owner_only(path: Path) -> None:
    """Take group and others' permissions away, never add the owner's: a database the user
    made read-only stays read-only (reflect then says it cannot write to it)."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)


def make_engine(db: str, passphrase: str | None = None) -> Engine:
    """An engine for a path or URL. A SQLite file that is encrypted, or new with a passphrase
    given, is opened with SQLCipher and keyed on every connection; a plain existing file is
    opened as it is (see `reflect encrypt`)."""
    url = to_url(db)
    if (path := sqlite_path(url)) is not None:
        if path.is_dir():
            raise ReflectError(_("{path} is a folder; give --db the path of a database "
                                 "file").format(path=path))
        create_private_file(path)
        for sidecar in encryption.sidecars(path):
            if sidecar.exists():
                owner_only(sidecar)
        new = path.stat().st_size == 0
        encrypted = encryption.is_encrypted(path) or (new and passphrase is not None)
        if new and passphrase is not None:
            passphrase = encryption.check_new_passphrase(passphrase)
        if encrypted and passphrase is None:
            raise encryption.PassphraseNeeded(_(
                "{path} is encrypted (or damaged): give its passphrase (the app asks for it; "
                "commands read {env} or ask on the terminal)").format(
                    path=path, env=encryption.PASSPHRASE_ENV))
        connect_args = {"check_same_thread": False, "timeout": 5}
        if not encrypted:
            engine = create_engine(url, connect_args=connect_args)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        engine = create_engine(url, module=encryption.cipher(), connect_args=connect_args)
        assert passphrase is not None  # encrypted without one was refused above
        key = encryption.key_pragma(passphrase)

        def _key_then_pragmas(dbapi_connection: DBAPIConnection,
                              record: ConnectionPoolEntry) -> None:
            dbapi_connection.execute("PRAGMA cipher_log_level = NONE")
            dbapi_connection.execute(key)
            _sqlite_pragmas(dbapi_connection, record)

        event.listen(engine, "connect", _key_then_pragmas)
        _PASSPHRASES[engine] = passphrase
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=_server_timeouts(url))
    except ModuleNotFoundError as exc:
        raise ReflectError(_("--db {url}://... needs the Python package '{name}', which is not "
                             "installed; for PostgreSQL install reflect with its extra: pip "
                             "install 'reflect[postgres]'").format(
                               url=url.split('://')[0], name=exc.name)) from None
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ReflectError(_("--db: not a database URL reflect can use ({exc}); give a file path "
                             "or e.g. postgresql+psycopg://user@host/dbname").format(
                               exc=exc)) from None


SERVER_TIMEOUTS = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10,
                   "keepalives_interval": 5, "keepalives_count": 3, "tcp_user_timeout": 15000}
"""libpq's limits on a server that went silent (Wi-Fi dropped, not refused): a connection
given up after 5 s, a call whose packets are not acknowledged after 15 s. Without them a save
waited minutes on the TCP defaults before the offline journal (reflect.store.journaled) could
keep it. A URL's own values win."""


def _server_timeouts(url: str) -> dict[str, object]:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or \
            parsed.get_driver_name() not in ("psycopg", "psycopg2"):
        return {}
    return {name: value for name, value in SERVER_TIMEOUTS.items() if name not in parsed.query}


def backup_sqlite(path: Path, suffix: str, target: Path | None = None,
                  passphrase: str | None = None) -> Path:
    """A consistent copy of a SQLite database (beside it unless target is given), readable by
    the owner only. Uses SQLite's backup API, so the app may keep writing meanwhile. The copy
    of an encrypted database is encrypted with the same passphrase."""
    target = target or path.with_name(f"{path.name}.{suffix}-{utcnow():%Y%m%dT%H%M%S}.bak")
    if target.exists():
        raise ReflectError(_("{target} already exists; choose another name").format(target=target))
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
    """Bring the schema to the newest revision (see reflect.store.schema); return the schema
    number found before (0 for a new database). An older SQLite file is backed up first."""
    try:
        with engine.begin() as conn:
            found = schema.stored_revision(conn)
            if found is None:
                schema.create_schema(conn)
                return 0
            outdated = schema.needs_upgrade(conn, found)
        if outdated:
            _upgrade(engine, found)
    except DatabaseError as exc:
        raise _explain(engine, exc) from None
    return schema.revision_number(found)


def _backup_before_upgrade(engine: Engine, found: str) -> None:
    if (path := sqlite_path(str(engine.url))) is not None:
        engine.dispose()
        backup_sqlite(path, f"v{schema.revision_number(found)}", passphrase=passphrase_of(engine))


def _upgrade(engine: Engine, found: str) -> None:
    """Upgrade, refusing while another program has the file open (it would go on writing with
    the old schema in mind)."""
    if (path := sqlite_path(str(engine.url))) is None:
        with engine.connect() as lock:
            if engine.dialect.name == "postgresql" and not lock.exec_driver_sql(
                    f"SELECT pg_try_advisory_lock({SERVER_LOCK})").scalar():
                raise inuse.InUse(_(
                    "cannot upgrade the schema of {db} while reflect is open on it elsewhere; "
                    "ask everyone to quit reflect, then try again. Nothing was changed.").format(
                        db=engine.url.render_as_string(hide_password=True)))
            schema.upgrade(engine, found, backup=lambda: None)
        return
    with inuse.rewriting(path, inuse.UPGRADE):
        schema.upgrade(engine, found, backup=lambda: _backup_before_upgrade(engine, found))


def _explain(engine: Engine, exc: DatabaseError) -> ReflectError:
    """Why a database could not be opened, chosen by the driver's error code (SQLite's error
    name, PostgreSQL's SQLSTATE: reflect.errors.storage_problem)."""
    path = sqlite_path(str(engine.url))
    where = str(path) if path else engine.url.render_as_string(hide_password=True)
    message = str(driver_error(exc))
    kind = storage_problem(exc)
    if kind == NOT_A_DATABASE and passphrase_of(engine) is not None:
        return encryption.WrongPassphrase(_(
            "wrong passphrase for {where} (or it is not a reflect database); nothing was "
            "changed").format(where=where))
    if kind == NOT_A_DATABASE:
        return ReflectError(_("{where} is not a SQLite database (or it is damaged); choose "
                              "another --db path. The file was not changed.").format(where=where))
    if kind in (IO, FULL):
        return ReflectError(_("cannot open {where}: {problem}").format(
            where=where, problem=explain_storage_error(exc, where)))
    if kind == BUSY:
        return ReflectError(_("{where} is locked by another program; close it and try "
                              "again").format(where=where))
    if kind == READONLY:
        return ReflectError(_("{where} is read-only; reflect needs to write to it").format(
                                where=where))
    return ReflectError(_("cannot open {where}: {message}").format(where=where, message=message))


def open_engine(db: str, passphrase: str | None = None) -> Engine:
    """Make the engine and migrate; every problem becomes a ReflectError with a plain message.
    A wrong passphrase is found by the first read, before anything is written."""
    if passphrase is not None:
        *first, last = encryption.forms(passphrase)
        for form in first:
            with contextlib.suppress(encryption.WrongPassphrase):
                return _open(db, form)
        passphrase = last
    return _open(db, passphrase)


def _open(db: str, passphrase: str | None) -> Engine:
    engine = make_engine(db, passphrase)
    try:
        migrate(engine)
    except DatabaseError as exc:
        engine.dispose()
        raise _explain(engine, exc) from None
    except ReflectError:
        engine.dispose()
        raise
    if (path := sqlite_path(str(engine.url))) is not None:
        owner_only(path)
        _FILES[engine] = (path, _identity(path))
        _hold_while_open(engine, path)
        compaction.finish(engine)  # what an erasure left while another program read the file
    return engine


_MARKS: WeakKeyDictionary[Engine, inuse.OpenMark] = WeakKeyDictionary()


def _hold_while_open(engine: Engine, path: Path) -> None:
    """Every engine on a file holds an open mark until it is disposed (or the process ends),
    so encrypt, passphrase, restore and upgrades in other processes see it and refuse
    (issue 29, item 2). Taken after the migration, which refuses while others hold one."""
    try:
        mark = inuse.OpenMark(path, inuse.program)
    except inuse.InUse:
        engine.dispose()
        raise
    _MARKS[engine] = mark
    weakref.finalize(engine, mark.close)
    event.listen(engine, "engine_disposed", lambda _engine: mark.close())
