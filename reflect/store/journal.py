"""The offline journal: the saves a laptop made while the team server could not be reached.

A small SQLite file in the user's data dir (`journal/<server>.db`, owner-only), one per
server URL, encrypted with SQLCipher under the passphrase when one is set (REFLECT_PASSPHRASE,
as for a local database). Each save is one row, committed with synchronous=FULL before the
save returns, so a laptop killed or switched off after it keeps it. Deleted rows are
overwritten (secure_delete), so a replayed answer does not linger in the file.

Rows are replayed in the order they were written (reflect.store.journaled); a row leaves the
file only after its write committed on the server (`replaying`). `replayed` keeps, per
answer, the states the replay wrote, so that an answer the laptop itself changed on the
server is not taken for an edit made elsewhere (a replay cut short by a crash included).

This file is only ever used for a server: a SQLite database is itself on the laptop.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from reflect import paths
from reflect.errors import ReflectError, StorageError, driver_error
from reflect.files import create_private_file
from reflect.i18n import _
from reflect.privacy import encryption

SCHEMA = """
CREATE TABLE IF NOT EXISTS entry (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    session_id TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS replayed (
    session_id TEXT NOT NULL,
    question_id TEXT NOT NULL,
    state TEXT NOT NULL
);
"""

SERVER_GONE = ("57P01", "57P02", "57P03")
"""SQLSTATEs of a server shutting down or starting (admin_shutdown, crash_shutdown,
cannot_connect_now); class 08 is the connection's."""


def unreachable(error: BaseException) -> bool:
    """Whether a failed database call means the server could not be reached (refused,
    dropped, shutting down): then the save is journaled. A StorageError is looked at
    through the driver's error it was made from."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DBAPIError):
            if current.connection_invalidated:
                return True
            state = getattr(driver_error(current), "sqlstate", None)
            if state:
                return state.startswith("08") or state in SERVER_GONE
            # libpq's own failures (refused, timed out, closed) carry no SQLSTATE
            return isinstance(current, (OperationalError, InterfaceError))
        current = current.__cause__ if isinstance(current, StorageError) \
            else current.__cause__ or current.__context__
    return False


def journal_path(url: URL) -> Path:
    """The journal of one server and database (the password never takes part)."""
    name = URL.create(url.drivername, url.username, None, url.host, url.port, url.database,
                      url.query).render_as_string(hide_password=False)
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:24]
    return paths.data_dir() / "journal" / f"{digest}.db"


@dataclass(frozen=True)
class Entry:
    """One save kept on the laptop."""

    seq: int
    at: datetime
    """When it was made (UTC): the later edit wins against one made elsewhere."""
    kind: str
    """'answer', 'position', 'opened', 'note', 'recording', 'recording_consent'."""
    session_id: uuid.UUID
    body: dict[str, Any]


class Journal:
    """The journal file (see the module's docstring); safe to use from several threads."""

    def __init__(self, path: Path, passphrase: str | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = _connect(path, passphrase)
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ReflectError(_("the offline journal {path} cannot be read ({problem}); move "
                                 "it aside to start a new one").format(path=path, problem=exc)) \
                from None

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM entry").fetchone()[0])

    def append(self, kind: str, session_id: uuid.UUID, body: dict[str, Any],
               at: datetime) -> None:
        """Keep one save; on disk when this returns."""
        with self._lock:
            try:
                with self._db:
                    self._db.execute(
                        "INSERT INTO entry (at, kind, session_id, body) VALUES (?, ?, ?, ?)",
                        (at.isoformat(), kind, str(session_id),
                         json.dumps(body, ensure_ascii=False, sort_keys=True)))
            except sqlite3.Error as exc:
                raise StorageError(_("the server cannot be reached, and the offline journal "
                                     "on this laptop could not keep the save either ({problem})"
                                     ).format(problem=exc)) from exc

    def entries(self) -> list[Entry]:
        """Every entry, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT seq, at, kind, session_id, body FROM entry ORDER BY seq").fetchall()
        return [_entry(row) for row in rows]

    @contextmanager
    def replaying(self) -> Iterator[Entry | None]:
        """The oldest entry, under the file's write lock (another reflect on this laptop
        waits meanwhile): removed when the block ends normally, kept when it raises."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                row = self._db.execute("SELECT seq, at, kind, session_id, body FROM entry "
                                       "ORDER BY seq LIMIT 1").fetchone()
                entry = _entry(row) if row is not None else None
                yield entry
                if entry is not None:
                    self._db.execute("DELETE FROM entry WHERE seq = ?", (entry.seq,))
            except BaseException:
                self._db.rollback()
                raise
            self._db.commit()

    def note_replayed(self, session_id: uuid.UUID, question_id: str, state: str) -> None:
        """Inside `replaying`: an answer state the replay wrote on the server."""
        self._db.execute("INSERT INTO replayed VALUES (?, ?, ?)",
                         (str(session_id), question_id, state))

    def replayed_states(self, session_id: uuid.UUID, question_id: str) -> set[str]:
        """Inside `replaying`: the states the replay wrote for one answer."""
        rows = self._db.execute("SELECT state FROM replayed WHERE session_id = ? AND "
                                "question_id = ?", (str(session_id), question_id))
        return {row[0] for row in rows}

    def forget_replayed(self) -> None:
        """The journal is empty: what the replay wrote is nobody's concern any more."""
        with self._lock, self._db:
            if not self._db.execute("SELECT 1 FROM entry LIMIT 1").fetchone():
                self._db.execute("DELETE FROM replayed")


def _entry(row: tuple[int, str, str, str, str]) -> Entry:
    seq, at, kind, session_id, body = row
    return Entry(seq, datetime.fromisoformat(at), kind, uuid.UUID(session_id), json.loads(body))


def _connect(path: Path, passphrase: str | None) -> Any:  # sqlite3 or sqlcipher3 connection
    """Open (or make) the journal: encrypted when a passphrase is given; a plain journal
    found then is encrypted in place first. An encrypted one needs the passphrase."""
    create_private_file(path)
    new = path.stat().st_size == 0
    if passphrase is None:
        if encryption.is_encrypted(path):
            raise encryption.PassphraseNeeded(_(
                "the offline journal {path} is encrypted: give the passphrase ({env}) to "
                "open it, so that the saves it keeps reach the server").format(
                    path=path, env=encryption.PASSPHRASE_ENV))
        db: Any = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                  timeout=10)
        errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
    else:
        module = encryption.cipher()
        errors = (sqlite3.DatabaseError, module.DatabaseError)
        if new:
            forms = [encryption.check_new_passphrase(passphrase)]
        else:
            if not encryption.is_encrypted(path):
                encryption.encrypt_in_place(path, passphrase)
            forms = encryption.forms(passphrase)
        for form in forms:
            db = module.connect(str(path), check_same_thread=False, isolation_level=None,
                                timeout=10)
            db.execute("PRAGMA cipher_log_level = NONE")
            db.execute(encryption.key_pragma(form))
            try:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
                break
            except module.DatabaseError:
                db.close()
        else:
            raise encryption.WrongPassphrase(_(
                "wrong passphrase for the offline journal {path}; nothing was changed").format(
                    path=path))
    try:
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA secure_delete = ON")
    except errors as exc:
        db.close()
        raise ReflectError(_("the offline journal {path} cannot be read ({problem}); move it "
                             "aside to start a new one").format(path=path, problem=exc)) \
            from None
    return db
