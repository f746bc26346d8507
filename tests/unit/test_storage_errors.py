"""Database errors are told apart by SQLite's error name and PostgreSQL's SQLSTATE, not by
their words (issue 30, point 4): each driver exception is built here with its code and a
message that would mislead a reader of words (another language, or another failure's words)."""

from __future__ import annotations

import re
import sqlite3

import psycopg.errors
import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, ProgrammingError

from reflect.errors import (
    BUSY,
    CONNECTION,
    CORRUPT,
    DENIED,
    FULL,
    IO,
    NOT_A_DATABASE,
    OTHER,
    READONLY,
    ReflectError,
    StorageError,
    explain_storage_error,
    storage_problem,
)
from reflect.privacy import encryption
from reflect.store import engine as engine_module
from reflect.store.base import _storage_error

MISLEADING = "le verrou est pris: database is locked"
"""Words that say 'locked': only an error without a code is read by them."""


def sqlite_error(name: str, kind: type = sqlite3.OperationalError,
                 message: str = MISLEADING) -> sqlite3.Error:
    error = kind(message)
    error.sqlite_errorname = name
    error.sqlite_errorcode = 0
    return error


def pg_error(state: str, message: str = MISLEADING) -> psycopg.Error:
    return psycopg.errors.lookup(state)(message)


@pytest.mark.parametrize(("name", "kind"), [
    ("SQLITE_FULL", FULL), ("SQLITE_IOERR", IO), ("SQLITE_IOERR_WRITE", IO),
    ("SQLITE_IOERR_FSYNC", IO), ("SQLITE_READONLY", READONLY),
    ("SQLITE_READONLY_DBMOVED", READONLY), ("SQLITE_BUSY", BUSY),
    ("SQLITE_BUSY_SNAPSHOT", BUSY), ("SQLITE_LOCKED", BUSY), ("SQLITE_CORRUPT", CORRUPT),
    ("SQLITE_NOTADB", NOT_A_DATABASE), ("SQLITE_CONSTRAINT_UNIQUE", OTHER),
    ("SQLITE_ERROR", OTHER),
])
def test_sqlite_errors_are_classified_by_their_name(name, kind):
    error = sqlite_error(name)
    assert storage_problem(error) == kind
    assert storage_problem(OperationalError("INSERT ...", {}, error)) == kind


@pytest.mark.parametrize(("state", "kind"), [
    ("53100", FULL), ("58030", IO), ("25006", READONLY), ("40P01", BUSY), ("55P03", BUSY),
    ("57014", BUSY), ("40001", BUSY), ("42501", DENIED), ("08006", CONNECTION),
    ("08001", CONNECTION), ("XX001", CORRUPT), ("23505", OTHER), ("42P01", OTHER),
])
def test_postgresql_errors_are_classified_by_their_sqlstate(state, kind):
    error = pg_error(state)
    assert error.sqlstate == state
    assert storage_problem(error) == kind
    assert storage_problem(OperationalError("UPDATE ...", {}, error)) == kind


def test_sqlcipher_errors_carry_the_same_names(tmp_path):
    path = tmp_path / "not-a-database.db"
    path.write_bytes(b"this is no database " * 300)
    connection = encryption.cipher().connect(str(path))
    try:
        with pytest.raises(encryption.cipher().DatabaseError) as raised:
            connection.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        connection.close()
    assert raised.value.sqlite_errorname == "SQLITE_NOTADB"
    assert storage_problem(raised.value) == NOT_A_DATABASE


@pytest.mark.parametrize(("error", "user_reads"), [
    (sqlite_error("SQLITE_FULL"), "disk holding the database is full"),
    (sqlite_error("SQLITE_IOERR_WRITE"), r"failed to write \(a disk I/O error"),
    (sqlite_error("SQLITE_READONLY"), "cannot be written: it is read-only"),
    (sqlite_error("SQLITE_BUSY", message="base de données verrouillée"), "is busy: another"),
    (pg_error("53100", "kein Speicherplatz mehr auf dem Gerät"), "is full"),
    (pg_error("25006", "no se puede ejecutar UPDATE en una transacción de sólo lectura"),
     "read-only"),
    (pg_error("40P01", "deadlock detected"), "is busy"),
    (pg_error("55P03", "could not obtain lock on row"), "is busy"),
    (pg_error("57014", "canceling statement due to lock timeout"), "is busy"),
    (pg_error("42501", "permission denied for table answer"),
     "Not done: your role cannot make this change"),
])
def test_the_message_is_chosen_by_the_code(error, user_reads):
    assert pytest.raises(StorageError, _raise, error).match(user_reads)


def _raise(error):
    raise StorageError(explain_storage_error(error))


def test_an_error_without_a_code_is_still_read_by_its_words():
    assert storage_problem(sqlite3.OperationalError("database or disk is full")) == FULL
    assert storage_problem("attempt to write a readonly database") == READONLY
    assert storage_problem("database is locked") == BUSY
    assert storage_problem("disk I/O error") == IO
    assert "is busy" in explain_storage_error(MISLEADING)
    assert "refused the change (something else)" in explain_storage_error("something else")


@pytest.mark.parametrize(("wrapped", "user_reads"), [
    (OperationalError("INSERT", {}, sqlite_error("SQLITE_FULL")), "disk .* is full"),
    (OperationalError("INSERT", {}, pg_error("53100")), "disk .* is full"),
    (OperationalError("INSERT", {}, pg_error("08006", "server closed the connection")),
     r"refused the change \(server closed the connection\)"),
    (ProgrammingError("INSERT", {}, pg_error("42501", "permission denied for table answer")),
     "Not done: your role cannot make this change"),
    (DatabaseError("SELECT", {}, pg_error("25006")), "read-only"),
    (DatabaseError("SELECT", {}, sqlite_error("SQLITE_CORRUPT", sqlite3.DatabaseError,
                                              "database disk image is malformed")),
     "the database file is damaged .*malformed.*reflect restore"),
    (OperationalError("SELECT", {}, sqlite_error("SQLITE_CORRUPT", message="malformed")),
     "the database file is damaged"),
    (IntegrityError("INSERT", {}, sqlite_error("SQLITE_CONSTRAINT_UNIQUE",
                                               sqlite3.IntegrityError, "UNIQUE failed")),
     "the database file is damaged"),  # as before: an integrity error in a store call
])
def test_the_store_turns_a_failed_call_into_a_plain_storage_error(wrapped, user_reads):
    assert pytest.raises(StorageError, _raise_storage, wrapped).match(user_reads)


def _raise_storage(wrapped):
    raise _storage_error(wrapped)


@pytest.mark.parametrize(("error", "user_reads"), [
    (sqlite_error("SQLITE_NOTADB", sqlite3.DatabaseError, "file is not a database"),
     "is not a SQLite database"),
    (sqlite_error("SQLITE_BUSY", message="database is busy"), "is locked by another program"),
    (sqlite_error("SQLITE_READONLY", message="attempt to write a readonly database"),
     "is read-only; reflect needs to write to it"),
    (sqlite_error("SQLITE_FULL", message="database or disk is full"), "cannot open .*is full"),
    (sqlite_error("SQLITE_IOERR_READ", message="disk I/O error"),
     "cannot open .*a disk I/O error"),
    (sqlite_error("SQLITE_CANTOPEN", message="unable to open database file"),
     "cannot open .*: unable to open database file"),
])
def test_opening_a_file_explains_by_the_code(tmp_path, error, user_reads):
    engine = create_engine(f"sqlite:///{tmp_path / 'reflect.db'}")
    try:
        explained = engine_module._explain(engine, OperationalError("PRAGMA", {}, error))
    finally:
        engine.dispose()
    assert isinstance(explained, ReflectError) and re.search(user_reads, str(explained))


def test_opening_a_server_explains_by_the_sqlstate():
    engine = create_engine("postgresql+psycopg://reflect:secret@127.0.0.1:1/team")
    explained = engine_module._explain(
        engine, OperationalError("SELECT", {}, pg_error("55P03", "verrou non disponible")))
    assert "is locked by another program" in str(explained)
    assert "secret" not in str(explained)
    explained = engine_module._explain(
        engine, DatabaseError("UPDATE", {}, pg_error("25006", "sólo lectura")))
    assert "is read-only" in str(explained)
