"""Session leases: one session is edited in one place at a time (another terminal, another
laptop on the team's server). Opening a session takes its lease unless someone else holds
one that has not lapsed; the holder renews it every LEASE_SECONDS / 3 while the session is
open and releases it on leaving, so a program that dies holds it at most LEASE_SECONDS.

Every lease time is the database's clock, read in the same transaction, never the laptop's:
a laptop whose clock ran three minutes fast took over an interview another laptop was
typing in (issue 29, item 4)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session as DBSession

from reflect.models import SessionLease
from reflect.store.base import StoreBase

LEASE_SECONDS = 60


@dataclass(frozen=True)
class LeaseHeld:
    """The session is open elsewhere."""

    holder: str
    since: datetime


def database_now(db: DBSession) -> datetime:
    """The database server's time now (UTC): PostgreSQL's on a team server, the file's
    machine's on SQLite."""
    if db.get_bind().dialect.name == "postgresql":
        now: datetime = db.execute(
            text("SELECT clock_timestamp() AT TIME ZONE 'UTC'")).scalar_one()
    else:
        now = datetime.fromisoformat(db.execute(
            text("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")).scalar_one())
    return now.replace(tzinfo=UTC)


class LeaseStore(StoreBase):
    def take_lease(self, session_id: uuid.UUID, holder: str,
                   force: bool = False) -> uuid.UUID | LeaseHeld:
        """A token for editing the session here, or who holds it now. `force` takes it from
        a holder known to be gone (a process on this machine that died)."""
        try:
            with self._db() as db:
                now = database_now(db)
                lease = db.get(SessionLease, session_id)
                if lease is not None and lease.expires_at > now and not force:
                    return LeaseHeld(lease.holder, lease.taken_at)
                lease = lease or SessionLease(session_id=session_id, holder=holder,
                                              token=uuid.uuid4(), expires_at=now)
                lease.holder, lease.token, lease.taken_at = holder, uuid.uuid4(), now
                lease.expires_at = now + timedelta(seconds=LEASE_SECONDS)
                db.add(lease)
                db.commit()
                return lease.token
        except IntegrityError:  # taken by another program in the same instant
            return self.take_lease(session_id, holder)

    def renew_lease(self, session_id: uuid.UUID, token: uuid.UUID) -> bool:
        """Extend our lease; False if it lapsed and someone else took the session."""
        with self._db() as db:
            lease = db.get(SessionLease, session_id)
            if lease is None or lease.token != token:
                return False
            lease.expires_at = database_now(db) + timedelta(seconds=LEASE_SECONDS)
            db.add(lease)
            db.commit()
            return True

    def release_lease(self, session_id: uuid.UUID, token: uuid.UUID) -> None:
        with self._db() as db:
            lease = db.get(SessionLease, session_id)
            if lease is not None and lease.token == token:
                db.delete(lease)
                db.commit()
