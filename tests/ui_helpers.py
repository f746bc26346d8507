"""Small helpers for pilot-driven tests: read what a widget shows, type text."""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import text
from textual.content import Content
from textual.widgets import DataTable, Static


def shown(app, selector: str) -> str:
    """The plain text a Static on the active screen shows."""
    content = app.screen.query_one(selector, Static).content
    return Content.from_markup(content).plain if isinstance(content, str) else str(content)


def table_rows(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def until(pilot, condition: Callable[[], object], timeout: float = 5.0,
                what: str = "") -> None:
    """Lets the app run until `condition()` is true (an exception counts as not yet), then
    returns at once; fails after `timeout` seconds. Waits on what the test is about (the row
    saved, the dialog shown) instead of a fixed pause that a loaded machine may outlast."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
            problem: BaseException | None = None
        except Exception as exc:  # noqa: BLE001 - e.g. the row not there yet
            problem = exc
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or condition}") from problem
        await pilot.pause(0.02)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


def rows(engine, sql: str):
    """Rows of a SQL query, read straight from the database the app writes to."""
    with engine.connect() as conn:
        return conn.execute(text(sql)).all()


def screen_lines(app) -> list[str]:
    """The active screen as a person sees it: one string per terminal line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def burst(pilot, *keys: str) -> None:
    """Keys arriving at once, as from a fast typist, tmux or a paste without bracketing: every
    key is queued before the app handles the first (pilot.press waits after each)."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        named = key in {"tab", "enter", "up", "down", "escape", "f10"} or "+" in key
        for char in [key] if named else key:
            event = events.Key(char if named else _character_to_key(char),
                               None if named else char)
            event.set_sender(pilot.app)
            await pilot.app._post_message(event)  # queued now; handled after the loop
    # then wait until every one was handled: on a loaded machine a fixed pause was not always
    # enough, and a key left in the queue reached the app while the test was closing it
    for _ in range(500):
        await pilot.pause(0.01)
        if pilot.app._message_queue.empty():  # noqa: SLF001
            break
    await pilot.pause()
