"""Keeping a session's lease while its screen is open (reflect.store.leases)."""

from __future__ import annotations

import os
import re
import socket
import uuid
from collections.abc import Callable
from contextlib import suppress

from textual.screen import Screen

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import utcnow
from reflect.store.engine import processes_holding
from reflect.store.leases import LEASE_SECONDS, LeaseHeld

HOLDER = f"the reflect app on {socket.gethostname()} (process {os.getpid()})"
_HOLDER_FORMAT = re.compile(r"the reflect app on (?P<host>.+) \(process (?P<pid>\d+)\)$")


def _gone(holder: str, live: set[int] | None) -> bool:
    """True for a holder on this machine whose process no longer has the database open (it
    was killed, or the laptop restarted): its lease need not lapse first."""
    match = _HOLDER_FORMAT.match(holder)
    return (live is not None and match is not None and match["host"] == socket.gethostname()
            and int(match["pid"]) not in live)


class LeaseKeeper:
    """Takes the lease of a session for a screen, renews it on a timer, releases it on leave.
    `held` says who else has the session open (then the screen is read-only)."""

    def __init__(self, screen: Screen, session_id: uuid.UUID, lost: Callable[[], None]):
        self.screen, self.session_id, self.lost = screen, session_id, lost
        self.token: uuid.UUID | None = None
        self.held: LeaseHeld | None = None
        self._timer = None

    def take(self) -> None:
        store = self.screen.app.store
        got = store.take_lease(self.session_id, HOLDER)
        if isinstance(got, LeaseHeld) and _gone(got.holder, processes_holding(store.engine)):
            got = store.take_lease(self.session_id, HOLDER, force=True)
        if isinstance(got, LeaseHeld):
            self.held = got
            return
        self.token, self.held = got, None
        if self._timer is None:
            self._timer = self.screen.set_interval(LEASE_SECONDS / 3, self.renew)

    def renew(self) -> None:
        if self.token is None:
            return
        try:
            kept = self.screen.app.store.renew_lease(self.session_id, self.token)
        except ReflectError:
            return  # the disk is busy or full: the next round tries again
        if not kept:
            self.token = None
            self.held = LeaseHeld(_("another program"), utcnow())
            self.lost()

    def release(self) -> None:
        if self.token is not None:
            with suppress(ReflectError):  # else it lapses by itself within a minute
                self.screen.app.store.release_lease(self.session_id, self.token)
            self.token = None
