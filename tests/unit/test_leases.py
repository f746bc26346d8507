"""One session is edited in one place at a time: a lease that lapses when its holder dies."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from reflect.dates import as_utc
from reflect.models import SessionLease, utcnow
from reflect.store import Store
from reflect.store.leases import LeaseHeld
from reflect_tui.app import make_app
from reflect_tui.session import SessionScreen
from tests.ui_helpers import Told, shown

pytestmark = pytest.mark.both_backends


def test_a_lease_is_taken_once_renewed_released_and_lapses(store, interview):
    _, _, session = interview
    mine = store.take_lease(session.id, "the reflect app on laptop-07 (process 1)")
    theirs = store.take_lease(session.id, "the reflect app on laptop-09 (process 2)")
    assert isinstance(theirs, LeaseHeld) and "laptop-07" in theirs.holder
    assert store.renew_lease(session.id, mine)
    store.release_lease(session.id, mine)
    again = store.take_lease(session.id, "laptop-09")
    assert not isinstance(again, LeaseHeld)
    with store._db() as db:  # the holder died a while ago: its lease lapsed
        db.exec(update(SessionLease).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.commit()
    taken = store.take_lease(session.id, "laptop-07")
    assert not isinstance(taken, LeaseHeld)
    assert not store.renew_lease(session.id, again)  # the old holder learns it lost it


async def test_a_second_app_opens_the_session_read_only_with_a_notice(engine, catalog,
                                                                      interview):
    _, _, session = interview
    first, second = make_app(engine, catalog), make_app(engine, catalog)
    async with first.run_test() as one:
        first.push_screen(SessionScreen(session.id))
        await one.pause()
        assert first.screen.editable
        told = Told()
        async with second.run_test(notifications=True, message_hook=told) as two:
            second.push_screen(SessionScreen(session.id))
            await two.pause()
            assert not second.screen.editable
            assert second.screen.query_one("#answer").read_only
            assert "open in the reflect app on" in shown(second, "#answer-status")
            assert any("opens read-only here" in said for said in told.messages)
        await first.screen.action_leave()
        await one.pause()
    assert not isinstance(Store(engine).take_lease(session.id, "x"), LeaseHeld)


@pytest.mark.sqlite_only  # the open marks are beside a SQLite file
async def test_a_lease_of_a_killed_process_on_this_machine_is_taken_over_at_once(
        engine, catalog, interview):
    import socket

    _, _, session = interview
    dead = f"the reflect app on {socket.gethostname()} (process 999999)"
    assert not isinstance(Store(engine).take_lease(session.id, dead), LeaseHeld)
    app = make_app(engine, catalog)
    async with app.run_test() as pilot:
        app.push_screen(SessionScreen(session.id))
        await pilot.pause()
        assert app.screen.editable


def test_a_laptop_whose_clock_runs_fast_cannot_take_a_lease_still_held(store, interview,
                                                                       monkeypatch):
    """Leases are timed by the database's clock (issue 29, item 4): a laptop three minutes
    fast sees the other laptop's lease as lapsed by its own clock, and must not take it."""
    import reflect.models
    import reflect.store.leases

    _, _, session = interview
    mine = store.take_lease(session.id, "the reflect app on laptop-07 (process 1)")
    fast = lambda: utcnow() + timedelta(minutes=3)  # noqa: E731 - the other laptop's clock
    monkeypatch.setattr(reflect.models, "utcnow", fast)
    monkeypatch.setattr(reflect.store.leases, "utcnow", fast, raising=False)
    theirs = store.take_lease(session.id, "the reflect app on laptop-09 (process 2)")
    assert isinstance(theirs, LeaseHeld) and "laptop-07" in theirs.holder
    assert store.renew_lease(session.id, mine)
    # a laptop whose clock runs slow renews nothing into the past either
    monkeypatch.setattr(reflect.models, "utcnow", lambda: utcnow() - timedelta(minutes=3))
    assert store.renew_lease(session.id, mine)
    with store._db() as db:
        expires = db.get(SessionLease, session.id).expires_at
    assert as_utc(expires) > utcnow() + timedelta(seconds=30)
