"""Stored text on screen as plain data: never markup, never control codes (reflect.text).

Whatever a user typed, a bundle brought or a protocol file holds reaches a widget as a
Content (or rich Text) object built here, never as a markup string: an unclosed `[`, a
trailing backslash, `[/]` or an escape sequence is drawn as written (controls as visible
stand-ins) and cannot style, break or crash a screen, nor reach the terminal.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.coordinate import Coordinate
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from reflect.text import visible
from reflect_tui.bidi_view import BidiText, BidiTextArea, visible_strip
from reflect_tui.mirror import mirrored

SegmentLines = list[list[Segment]]


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
    line, cut with an ellipsis where the column is narrower.

    In a right-to-left interface (reflect_tui.mirror) its columns read from the right: the
    first column at the right edge (clear of the scrollbar), each cell right-aligned. Only
    drawing changes: rows and columns keep their indexes, each drawn cell carries its own
    row and column (DataTable's segment meta), so a click selects the cell clicked, and
    left and right move the cursor the way they point. Each cell is put in reading order by
    itself (BidiText), so the drawing path leaves the rows as they are."""

    draws_reading_order = True

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(cell_text(c) for c in cells), **kwargs)

    def add_column(self, label, **kwargs):
        return super().add_column(cell_text(label), **kwargs)

    def _render_line_in_row(self, row_key: RowKey, line_no: int, base_style: Style,
                            cursor_location: Coordinate, hover_location: Coordinate,
                            ) -> tuple[SegmentLines, SegmentLines]:
        fixed, scrollable = super()._render_line_in_row(row_key, line_no, base_style,
                                                        cursor_location, hover_location)
        if not mirrored() or not scrollable:
            return fixed, scrollable
        *cells, extend = scrollable  # the cells, then the blank that fills the width
        blank = extend[0] if extend else Segment("")
        # the blank goes to the left, less the scrollbar's width, kept at the right
        scrollbar = self.size.width - self.scrollable_content_region.width
        left = max(0, len(blank.text) - scrollbar)
        return fixed, [[Segment(" " * left, blank.style)], *cells[::-1],
                       [Segment(" " * (len(blank.text) - left), blank.style)]]

    def _mirrored_x(self, region: Region) -> Region:
        """Where a region of the table as Textual lays it out (columns from the left) is
        drawn when the columns read from the right."""
        if not mirrored():
            return region
        table = sum(column.get_render_width(self) for column in self.columns.values()) + \
            self._row_label_column_width
        right = max(self.scrollable_content_region.width, table)
        return Region(right - region.right, region.y, region.width, region.height)

    def _get_cell_region(self, coordinate: Coordinate) -> Region:
        return self._mirrored_x(super()._get_cell_region(coordinate))

    def _get_column_region(self, column_index: int) -> Region:
        return self._mirrored_x(super()._get_column_region(column_index))

    def action_cursor_left(self) -> None:
        if mirrored():
            super().action_cursor_right()
        else:
            super().action_cursor_left()

    def action_cursor_right(self) -> None:
        if mirrored():
            super().action_cursor_left()
        else:
            super().action_cursor_right()


def text(value: object, style: str = "") -> Content:
    """Stored or protocol text as a widget draws it: exactly as written, controls made
    visible, never read as markup; `style` (e.g. "bold", "dim") styles all of it."""
    shown = value.plain if isinstance(value, Content) else visible(str(value))
    return Content.styled(shown, style) if style else Content(shown)


def markup(template: str, **values: object) -> Content:
    """The interface's markup with stored text in it: `template` is written by the program
    (tags such as [b] or [dim], `$name` or `${name}` where a value goes); each value is put
    in as plain text (controls made visible), never parsed, so whatever it holds is drawn
    as written. Translated words go in as values too: a translation cannot break the tags."""
    return Content.from_markup(template, **{name: visible(str(value.plain if isinstance(
        value, Content) else value)) for name, value in values.items()})


def one_for_one(value: str) -> str:
    """The text with each character a terminal would obey replaced by ONE visible character
    (its control picture, as visible() draws it; U+FFFD for a C1 control or a lone
    surrogate): an offset into what is shown is the same offset into the stored text, and a
    wrapped line is as wide as it is drawn. For read-only text whose selections point back
    into the stored text."""
    if visible(value) == value:
        return value
    return "".join(ch if (shown := visible(ch)) == ch else shown if len(shown) == 1
                   else "\ufffd" for ch in value)


def joined(separator: str, parts: list[Content]) -> Content:
    """Contents one after the other, with a plain separator between them."""
    return Content(separator).join(parts)


class SafeTextArea(BidiTextArea):
    """A TextArea that edits the stored text unchanged but draws its control characters as
    visible stand-ins (a pasted escape sequence must not reach the terminal)."""

    def render_line(self, y: int) -> Strip:
        return visible_strip(super().render_line(y))
