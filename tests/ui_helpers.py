"""Small helpers for pilot-driven tests: read what a widget shows, type text."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from sqlalchemy import text
from textual.content import Content
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.widgets import DataTable, Static

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.widget import Widget


def shown(app, selector: str) -> str:
    """The plain text a Static on the active screen shows."""
    content = app.screen.query_one(selector, Static).content
    return Content.from_markup(content).plain if isinstance(content, str) else str(content)


class Told:
    """The notifications the app gave, in order, heard through the public `message_hook` of
    `App.run_test` (Textual keeps the ones still on screen in a private list):
    `told = Told()`, `app.run_test(message_hook=told)`, then `told.messages`."""

    def __init__(self) -> None:
        self.notifications: list[Notification] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.notifications.append(message.notification)

    @property
    def messages(self) -> list[str]:
        return [str(notification.message) for notification in self.notifications]

    def __str__(self) -> str:
        """Every title and message, one after another, for `in` checks."""
        return " ".join(f"{n.title} {n.message}" for n in self.notifications)


def table_rows(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def not_yet(condition: Callable[[], object]) -> BaseException | None:
    """None when `condition()` is true; else why not (an exception it raised counts as not
    yet, e.g. the row not there yet, and is kept to be named if the wait fails)."""
    try:
        return None if condition() else AssertionError("condition false")
    except Exception as exc:  # noqa: BLE001 - e.g. the row not there yet
        return exc


async def until(pilot, condition: Callable[[], object], timeout: float = 5.0,
                what: str = "") -> None:
    """Lets the app run until `condition()` is true (an exception counts as not yet), then
    returns at once; fails after `timeout` seconds. Waits on what the test is about (the row
    saved, the dialog shown) instead of a fixed pause that a loaded machine may outlast."""
    deadline = time.monotonic() + timeout
    while (problem := not_yet(condition)) is not None:
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what or condition}") from problem
        await pilot.pause(0.02)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


def rows(engine, sql: str):
    """Rows of a SQL query, read straight from the database the app writes to."""
    with engine.connect() as conn:
        return conn.execute(text(sql)).all()


_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
                       r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>')
_SVG_CELL_WIDTH = 12.2
"""The width Rich's SVG export gives one terminal cell (its font size 20 times 0.61)."""


def screen_lines(app: App) -> list[str]:
    """The screen as a person sees it, one string per terminal line: read from Textual's own
    screenshot (App.export_screenshot, an SVG of every cell), so a dialog's lines show what
    is drawn around it too. A wide character fills two cells and counts once."""
    width, height = app.size
    cells = [[" "] * width for _ in range(height)]
    for x, row, drawn in _SVG_TEXT.findall(app.export_screenshot(simplify=True)):
        line, column = cells[int(row)], round(float(x) / _SVG_CELL_WIDTH)
        for char in html.unescape(drawn.replace("&#160;", " ")):
            size = cell_len(char)
            if column >= width or char == "\n":
                break
            if size == 0 and column:  # a combining mark joins the character before it
                line[column - 1] += char
                continue
            line[column] = char
            if size == 2 and column + 1 < width:
                line[column + 1] = ""
            column += size
    return ["".join(line) for line in cells]


def on_screen(screen: Screen, widget: Widget) -> bool:
    """Whether some of the widget is drawn on the screen (laid out, inside what holds it)."""
    from textual.errors import NoWidget

    try:
        geometry = screen.find_widget(widget)
    except NoWidget:
        return False
    region = geometry.region
    return screen.size.region.overlaps(region) and geometry.clip.overlaps(region)


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
