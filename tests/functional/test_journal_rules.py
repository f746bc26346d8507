"""The offline journal's small rules, without a server: which failures mean the server is
gone (journal the save) and which do not (say it), and libpq's timeouts on a server URL."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from reflect.errors import ReflectError, StorageError
from reflect.store.engine import _server_timeouts
from reflect.store.journal import journal_path, unreachable


class DriverError(Exception):
    def __init__(self, message: str, sqlstate: str | None = None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


def _wrapped(driver: Exception, kind: type = OperationalError,
             invalidated: bool = False) -> StorageError:
    """As the store raises it: the driver's error under SQLAlchemy's, under a StorageError."""
    error = kind("SELECT 1", {}, driver, connection_invalidated=invalidated)
    try:
        raise StorageError("not written") from error
    except StorageError as exc:
        return exc


@pytest.mark.parametrize(("driver", "invalidated"), [
    (DriverError("connection refused"), False),  # libpq's own: no SQLSTATE
    (DriverError("server closed the connection unexpectedly"), False),
    (DriverError("terminating connection due to administrator command", "57P01"), False),
    (DriverError("connection failure", "08006"), False),
    (DriverError("anything", "XX000"), True),  # SQLAlchemy saw the connection die
])
def test_a_server_gone_is_journaled(driver, invalidated):
    assert unreachable(_wrapped(driver, invalidated=invalidated))


@pytest.mark.parametrize("error", [
    _wrapped(DriverError("could not extend file: No space left on device", "53100")),
    _wrapped(DriverError("permission denied for table answer", "42501")),
    _wrapped(DriverError("duplicate key", "23505"), kind=IntegrityError),
    StorageError("the disk is full"),
    ReflectError("that session no longer exists"),
])
def test_a_refusal_by_a_server_that_answers_is_not(error):
    assert not unreachable(error)


def test_a_server_url_gets_timeouts_and_keeps_its_own():
    timeouts = _server_timeouts("postgresql+psycopg://team@db.example/reflect")
    assert timeouts["connect_timeout"] == 5 and timeouts["tcp_user_timeout"] == 15000
    own = _server_timeouts("postgresql+psycopg://team@db/reflect?connect_timeout=20")
    assert "connect_timeout" not in own and "keepalives" in own
    assert _server_timeouts("sqlite:////tmp/x.db") == {}


def test_one_journal_per_server_and_database_whatever_the_password(isolated_data_dir):
    from sqlalchemy import make_url

    one = journal_path(make_url("postgresql+psycopg://ana:secret@db/reflect"))
    same = journal_path(make_url("postgresql+psycopg://ana:changed@db/reflect"))
    other = journal_path(make_url("postgresql+psycopg://ana:secret@db/another"))
    assert one == same != other
    assert one.parent == isolated_data_dir / "journal"
    assert "secret" not in str(one)
