"""Keeping a session's lease while its screen is open (reflect.store.leases)."""

from __future__ import annotations

import os
import re
import socket
import uuid
from contextlib import suppress

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import utcnow
from reflect.store import Store
from reflect.store.engine import processes_holding
from reflect.store.leases import LEASE_SECONDS, LeaseHeld

HOLDER = f"the reflect app on {socket.gethostname()} (process {os.getpid()})"
RENEW_EVERY = LEASE_SECONDS / 3
"""Seconds between renewals, while a screen holds the lease."""
_HOLDER_FORMAT = re.compile(r"the reflect app on (?P<host>.+) \(process (?P<pid>\d+)\)$")


def _gone(holder: str, live: set[int] | None) -> bool:
    """True for a holder on this machine whose process no longer has the database open (it
    was killed, or the laptop restarted): its lease need not lapse first."""
    match = _HOLDER_FORMAT.match(holder)
    return (live is not None and match is not None and match["host"] == socket.gethostname()
            and int(match["pid"]) not in live)


class LeaseKeeper:
    """Takes the lease of a session for its screen, renews it, releases it on leaving. `held`
    says who else has the session open (then the screen is read-only).

    Each method waits on the database: the session screen calls them from its workers (its
    loading, its write line, a renewing worker on a timer), never on the UI thread."""

    def __init__(self, session_id: uuid.UUID) -> None:
        self.session_id = session_id
        self.token: uuid.UUID | None = None
        self.held: LeaseHeld | None = None

    def take(self, store: Store) -> None:
        got = store.take_lease(self.session_id, HOLDER)
        if isinstance(got, LeaseHeld) and _gone(got.holder, processes_holding(store.engine)):
            got = store.take_lease(self.session_id, HOLDER, force=True)
        if isinstance(got, LeaseHeld):
            self.held = got
            return
        self.token, self.held = got, None

    def renew(self, store: Store) -> bool:
        """False when another program took the session meanwhile (then `held` says so)."""
        if self.token is None:
            return True
        try:
            kept = store.renew_lease(self.session_id, self.token)
        except ReflectError:
            return True  # the disk is busy or full: the next round tries again
        if not kept:
            self.token = None
            self.held = LeaseHeld(_("another program"), utcnow())
        return kept

    def release(self, store: Store) -> None:
        if self.token is not None:
            with suppress(ReflectError):  # else it lapses by itself within a minute
                store.release_lease(self.session_id, self.token)
            self.token = None
