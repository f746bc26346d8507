"""What every part of the store shares: one database session per call, the audit trail, and
the protocol snapshots sessions are read through.

A write the database cannot take (disk full, read-only, locked) becomes a StorageError with a
plain message, and nothing is half-written.
"""

from __future__ import annotations

import hashlib
import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session as DBSession

from reflect.errors import (
    CORRUPT,
    NOT_A_DATABASE,
    OTHER,
    ReflectError,
    StorageError,
    driver_error,
    explain_storage_error,
    not_your_role,
    storage_problem,
)
from reflect.i18n import _
from reflect.models import (
    AuditEvent,
    Deletion,
    ProtocolSnapshot,
    Session,
)
from reflect.protocol.definition import Protocol
from reflect.store.engine import check_same_file
from reflect.store.line_ends import newline_line_ends
from reflect.vocab import DeletionAction, DeletionKind


def digest(value: object) -> str:
    """SHA-256 of a value's JSON, or '' for None: lets an audit show that (and when) a text
    changed, and match it to a copy, without holding the text itself."""
    if value is None:
        return ""
    encoded = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def _storage_error(exc: DatabaseError) -> StorageError:
    """A failed database call as a plain StorageError, chosen by the driver's error code
    (reflect.errors.storage_problem): a damaged or foreign file says how to put back a
    backup; anything else (full, read-only, busy, refused) says what happened to the write."""
    kind = storage_problem(exc)
    damaged = kind in (CORRUPT, NOT_A_DATABASE) or (
        kind == OTHER and not isinstance(exc, OperationalError))
    if not damaged:
        return StorageError(explain_storage_error(exc))
    # "database disk image is malformed" and the like
    return StorageError(_(
        "the database file is damaged (SQLite: {detail}). Quit, then run 'reflect check' and "
        "'reflect restore' to put back an automatic backup.").format(
            detail=str(driver_error(exc)).splitlines()[0]))


class StoreSession(DBSession):
    """The database session every store call opens (`StoreBase._db`): whatever it writes
    has its typed text with newline line ends (reflect.store.line_ends)."""


event.listen(StoreSession, "before_flush", newline_line_ends)


READ_ONLY = "reflect.read_only"
"""Set in the `info` of the database session of `StoreBase.reading()`: it writes nothing,
so what a reader learns in it may be kept for the rest of the block (reflect.store.words)."""


def _refuse_write(_db: DBSession, *_args: object) -> None:
    """A write (a flush or commit) of the session of `StoreBase.reading()`."""
    raise RuntimeError("a write inside Store.reading(), which is for reads only")


class StoreBase:
    """The engine, the transaction and audit helpers, and protocol snapshots."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._protocols: dict[str, Protocol] = {}
        """Parsed protocol snapshots by content hash (they never change)."""
        self._reading = threading.local()
        """This thread's session while it is inside `reading()`."""

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Several reads of the store as one: every call inside the block, on this thread,
        reads through one database session, instead of one each. On a server each session
        costs round trips of its own (a check that the connection is alive, BEGIN,
        ROLLBACK), so a screen that reads five lists would wait for twenty where six do.
        SQLite reads in one transaction (one snapshot). PostgreSQL reads without one
        (autocommit): at its READ COMMITTED level each statement of a transaction sees the
        data as it is when the statement starts anyway, so a transaction would add BEGIN and
        ROLLBACK and nothing else. For reads only: a write inside the block is refused (a
        programming error). Blocks may nest (the outer one counts)."""
        if getattr(self._reading, "db", None) is not None:
            yield
            return
        check_same_file(self.engine)
        try:
            with ExitStack() as stack:
                bind: Engine | Connection = self.engine
                if self.engine.dialect.name == "postgresql":
                    bind = stack.enter_context(self.engine.connect()).execution_options(
                        isolation_level="AUTOCOMMIT")
                db = stack.enter_context(StoreSession(bind, expire_on_commit=False,
                                                      autoflush=False))
                event.listen(db, "before_commit", _refuse_write)
                event.listen(db, "before_flush", _refuse_write)
                db.info[READ_ONLY] = True
                self._reading.db = db
                try:
                    yield
                finally:
                    self._reading.db = None
        except DatabaseError as exc:
            raise _storage_error(exc) from exc

    @contextmanager
    def _db(self, autoflush: bool = True) -> Iterator[DBSession]:
        """One database session; a write the database cannot take (disk full, read-only,
        locked) becomes a StorageError with a plain message, and nothing is half-written.
        Every session the store opens is opened here (`autoflush` False for a reader that
        changes the rows it read, such as redaction, and must never write them). Inside
        `reading()`, that block's session (a reader asking for no autoflush gets its own:
        the rows it changes must not meet a flush of the shared session)."""
        shared: DBSession | None = getattr(self._reading, "db", None)
        if shared is not None and autoflush:
            try:
                yield shared
            except DatabaseError as exc:
                raise _storage_error(exc) from exc
            return
        check_same_file(self.engine)
        try:
            with StoreSession(self.engine, expire_on_commit=False,
                              autoflush=autoflush) as db:
                yield db
        except DatabaseError as exc:
            raise _storage_error(exc) from exc
        except StaleDataError as exc:
            # an UPDATE or DELETE that matched no row: on a team server, a row its policies
            # let this role read but not change (reflect.store.team)
            if self.engine.dialect.name != "postgresql":
                raise
            raise StorageError(not_your_role()) from exc

    def _audit(self, db: DBSession, entity: str, entity_id: uuid.UUID, action: str,
               actor: str = "", detail: str = "", old: object = None,
               new: object = None) -> None:
        """Append an audit event; old and new values are stored only as hashes."""
        db.add(AuditEvent(entity=entity, entity_id=str(entity_id), action=action, actor=actor,
                          detail=detail, old_hash=digest(old), new_hash=digest(new)))

    def _deleted(self, db: DBSession, kind: DeletionKind, entity_id: uuid.UUID,
                 actor: str = "", old: object = None) -> None:
        """Record a deletion made in this transaction: an audit event (the old value as a
        hash only) and a `Deletion` row, which imports read so as not to bring it back."""
        self._audit(db, kind.value, entity_id, "delete", actor=actor, old=old)
        db.add(Deletion(kind=kind, entity_id=entity_id, action=DeletionAction.DELETED,
                        actor=actor))

    def tidy_search_index(self, pages: int = 100) -> None:
        """Merge some full-text index segments (SQLite). Saves never merge, so the app calls
        this from a background thread now and then; a short transaction each time."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.begin() as conn:
            conn.exec_driver_sql(
                f"INSERT INTO answer_fts(answer_fts, rank) VALUES ('merge', {int(pages)})")

    # Protocol snapshots ------------------------------------------------------------------
    def _snapshot(self, db: DBSession, protocol: Protocol) -> str:
        content_hash = protocol.content_hash
        if db.get(ProtocolSnapshot, content_hash) is None:
            db.add(ProtocolSnapshot(content_hash=content_hash, protocol_id=protocol.id,
                                    version=protocol.version, content=protocol.canonical_json()))
        return content_hash

    def protocol_of(self, session: Session) -> Protocol:
        """The protocol exactly as the session used it (from its snapshot, not today's file)."""
        if (cached := self._protocols.get(session.protocol_hash)) is not None:
            return cached
        with self._db() as db:
            snapshot = db.get(ProtocolSnapshot, session.protocol_hash)
        if snapshot is None:
            raise ReflectError(_("the protocol snapshot of session {id} is missing").format(
                                   id=session.id))
        protocol = Protocol.model_validate_json(snapshot.content)
        self._protocols[session.protocol_hash] = protocol
        return protocol
