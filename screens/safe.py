"""Stored text on screen as plain data: never markup, never control codes (reflect.text)."""

from __future__ import annotations

from rich.markup import escape
from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widgets import DataTable

from reflect.text import visible
from screens.bidi_view import BidiText, BidiTextArea


def plain(value: object) -> Text:
    """A cell, label or option that shows the value exactly as stored."""
    return value if isinstance(value, Text) else Text(visible(str(value)))


def cell_text(value: object) -> Text:
    """A cell shown as stored, on one line, cut with an ellipsis when the column is narrow."""
    if isinstance(value, BidiText):  # already made by this function (FitTable, then SafeTable)
        return value
    text = BidiText()
    if isinstance(value, Text):
        text.append_text(value)
    else:
        text.append(visible(str(value)).replace("\n", " ⏎ "))
    text.no_wrap, text.overflow, text.end = True, "ellipsis", ""
    return text


class SafeTable(DataTable):
    """A DataTable whose cells are shown as written (DataTable reads str as markup), on one
    line, cut with an ellipsis where the column is narrower."""

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(cell_text(c) for c in cells), **kwargs)


def esc(value: object) -> str:
    """Stored text to put inside a markup string: brackets escaped, controls made visible."""
    return escape(visible(str(value)))


class SafeTextArea(BidiTextArea):
    """A TextArea that edits the stored text unchanged but draws its control characters as
    visible stand-ins (a pasted escape sequence must not reach the terminal)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if not any(_has_control(segment.text) for segment in strip):
            return strip
        return Strip([Segment(visible(s.text), s.style, s.control) for s in strip])


def _has_control(text: str) -> bool:
    return visible(text) != text
