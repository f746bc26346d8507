"""Session leases: one session is edited in one place at a time (another terminal, another
laptop on the team's server). Opening a session takes its lease unless someone else holds
one that has not lapsed; the holder renews it every LEASE_SECONDS / 3 while the session is
open and releases it on leaving, so a program that dies holds it at most LEASE_SECONDS."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from reflect.dates import as_utc
from reflect.models import SessionLease, utcnow
from reflect.store.base import StoreBase

LEASE_SECONDS = 60


@dataclass(frozen=True)
class LeaseHeld:
    """The session is open elsewhere."""

    holder: str
    since: datetime


class LeaseStore(StoreBase):
    def take_lease(self, session_id: uuid.UUID, holder: str,
                   force: bool = False) -> uuid.UUID | LeaseHeld:
        """A token for editing the session here, or who holds it now. `force` takes it from
        a holder known to be gone (a process on this machine that died)."""
        now = utcnow()
        try:
            with self._db() as db:
                lease = db.get(SessionLease, session_id)
                if lease is not None and as_utc(lease.expires_at) > now and not force:
                    return LeaseHeld(lease.holder, as_utc(lease.taken_at))
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
            lease.expires_at = utcnow() + timedelta(seconds=LEASE_SECONDS)
            db.add(lease)
            db.commit()
            return True

    def release_lease(self, session_id: uuid.UUID, token: uuid.UUID) -> None:
        with self._db() as db:
            lease = db.get(SessionLease, session_id)
            if lease is not None and lease.token == token:
                db.delete(lease)
                db.commit()
