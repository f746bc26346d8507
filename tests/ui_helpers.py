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


def key_name(character: str) -> str:
    """The name Textual gives the key that types `character`, as its terminal driver does:
    a letter or digit is its own name, other characters their Unicode name in lower case
    with underscores (e.g. "?" is "question_mark"), tab is "tab"."""
    import unicodedata

    from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS

    if character.isalnum():
        return character
    try:
        key = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        key = ASCII_KEY_NAMES.get(character, character)
    return KEY_NAME_REPLACEMENTS.get(key, key)


async def burst(pilot, *keys: str) -> None:
    """Keys arriving at once, as from a fast typist, tmux or a paste without bracketing: every
    key is queued before the app handles the first (pilot.press waits after each)."""
    import asyncio

    from textual import events

    app = pilot.app
    for key in keys:
        named = key in {"tab", "enter", "up", "down", "escape", "f10"} or "+" in key
        for char in [key] if named else key:
            event = events.Key(char if named else key_name(char), None if named else char)
            event.set_sender(app)
            app.post_message(event)  # queued now; handled after the loop
    # then wait until every one was handled: first by the app (a callback queued behind the
    # keys runs after the last), then by the widgets it passed them to (pilot.pause() waits
    # for what each widget had queued)
    taken = asyncio.Event()
    app.call_later(taken.set)
    await asyncio.wait_for(taken.wait(), timeout=30)
    await pilot.pause()
