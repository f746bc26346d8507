"""Widgets that lay out their own reading order: one-line fields, the answer editor, cells.

Every other widget is put in reading order line by line where Textual draws it
(reflect_tui/drawing.py). These three map positions as well as letters: a field's and the
editor's cursor and clicks land on the letter they belong to, and a table cell is cut to its
column at its logical end before it is reordered. They set `draws_reading_order` so the
drawing path leaves their lines as they made them.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.text import Text
from textual.document._document import Location
from textual.events import MouseEvent
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import Input, TextArea

from reflect import bidi
from reflect.text import visible
from reflect_tui.drawing import Cell, reorder_strip, segments_of, visual_cells
from reflect_tui.mirror import mirrored


def visible_strip(strip: Strip) -> Strip:
    """The drawn line with every character a terminal would obey (an escape, a bell) shown
    as its visible stand-in: a field holding stored text draws it, never sends it."""
    if all(visible(segment.text) == segment.text for segment in strip):
        return strip
    return Strip([Segment(visible(s.text), s.style, s.control) for s in strip])


class FieldInput(Input):
    """A one-line field whose Hebrew or Arabic reads in reading order while it is typed:
    the drawn line (value, cursor and selection styles) is reordered like any other, and a
    line that starts with a right-to-left letter sits at the right, the cursor at its left
    end where the next letter appears. The value stays in typing order. Control characters
    in it (a stored value, a paste) are drawn as visible stand-ins."""

    draws_reading_order = True

    def render_line(self, y: int) -> Strip:
        strip = visible_strip(super().render_line(y))
        if y != 0 or bidi.mode() == "terminal" or (self.password and self.value):
            return strip
        text = self.value or self.placeholder
        if not bidi.has_rtl(text):
            return strip
        # Input draws one cell more than it shows (room for the cursor after the text); the
        # line is aligned within what shows, so its right end is not cut off
        strip = strip.crop_extend(0, self.scrollable_content_region.width, self.rich_style)
        return reorder_strip(strip, rtl=bidi.starts_rtl(text), force=True)


class BidiText(Text):
    """A one-line table cell: cut to its column at its logical end, then drawn in reading
    order; right-aligned when it reads right to left, and every cell right-aligned in a
    right-to-left interface (reflect_tui.mirror: the table's columns read from the right)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions,
                         ) -> Iterable[Segment]:
        if bidi.mode() == "terminal":
            yield from super().__rich_console__(console, options)
            return
        rtl_letters, right = bidi.has_rtl(self.plain), mirrored()
        if not (rtl_letters or right):
            yield from super().__rich_console__(console, options)
            return
        line = self.copy()
        line.truncate(options.max_width, overflow="ellipsis")
        cells: list[Cell] = [(char, line.get_style_at_offset(console, i))
                             for i, char in enumerate(line.plain)]
        drawn, rtl = visual_cells(cells, align=False) if rtl_letters else (cells, False)
        pad = options.max_width - sum(cell_len(char) for char, _ in drawn)
        if (rtl or right) and pad > 0 and options.justify != "left":
            drawn = [(" ", None)] * pad + drawn
        yield from segments_of(drawn)


class BidiTextArea(TextArea):
    """A TextArea that draws each wrapped piece of a right-to-left paragraph in reading order,
    right-aligned, with the cursor where the next letter will appear, arrows that move the way
    they point, and clicks that land on the letter clicked. The document stays in logical
    order: only drawing and the mapping between screen cells and columns change."""

    draws_reading_order = True

    def _piece(self, screen_y: int) -> tuple[int, int, str, bool] | None:
        """For a row of the widget: document line, column where its piece starts, the piece,
        and whether its paragraph reads right to left; None when nothing needs reordering."""
        if bidi.mode() == "terminal":
            return None
        try:
            line_index, section = self.wrapped_document._offset_to_line_info[
                screen_y + self.scroll_offset.y]
        except IndexError:
            return None
        line = self.document.get_line(line_index)
        if not bidi.has_rtl(line):
            return None
        offsets = [0, *self.wrapped_document.get_offsets(line_index), len(line)]
        start, end = offsets[section], offsets[section + 1]
        return line_index, start, line[start:end], bidi.starts_rtl(line)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        piece = self._piece(y)
        if piece is None or self.show_line_numbers:
            return strip
        return reorder_strip(strip, rtl=piece[3])

    def _x_of(self, piece: tuple[int, int, str, bool], column: int) -> int:
        """The cell (from the left of the text area's content) where a column is drawn."""
        _, start, text, rtl = piece
        body = text.rstrip(" ")
        width = self.content_size.width
        index = column - start
        if index < len(body):
            return (width - len(body) if rtl else 0) + \
                bidi.visual_order(body, rtl).index(index)
        beyond = index - len(body)  # typed trailing spaces, then the end of the line
        return width - len(body) - 1 - beyond if rtl else index

    def _column_at(self, piece: tuple[int, int, str, bool], x: int) -> int:
        _, start, text, rtl = piece
        body = text.rstrip(" ")
        width = self.content_size.width
        left = width - len(body) if rtl else 0
        if left <= x < left + len(body):
            return start + bidi.visual_order(body, rtl)[x - left]
        if rtl:
            return start + len(body) + max(0, min(left - 1 - x, len(text) - len(body)))
        return start + min(x, len(text))

    @property
    def cursor_screen_offset(self) -> Offset:
        offset = super().cursor_screen_offset
        row, column = self.cursor_location
        piece = self._piece(offset.y - self.content_region.y)
        if piece is None or piece[0] != row:
            return offset
        return Offset(self.content_region.x + self._x_of(piece, column), offset.y)

    def get_target_document_location(self, event: MouseEvent) -> Location:
        location = super().get_target_document_location(event)
        piece = self._piece(event.y - self.gutter.top)
        if piece is None or self.show_line_numbers:
            return location
        return piece[0], self._column_at(piece, event.x - self.gutter.left)

    def _reading_rtl(self) -> bool:
        return bidi.mode() == "app" and bidi.starts_rtl(
            self.document.get_line(self.cursor_location[0]))

    def action_cursor_left(self, select: bool = False) -> None:
        if self._reading_rtl():
            super().action_cursor_right(select)
        else:
            super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        if self._reading_rtl():
            super().action_cursor_left(select)
        else:
            super().action_cursor_right(select)

    def action_cursor_word_left(self, select: bool = False) -> None:
        if self._reading_rtl():
            super().action_cursor_word_right(select)
        else:
            super().action_cursor_word_left(select)

    def action_cursor_word_right(self, select: bool = False) -> None:
        if self._reading_rtl():
            super().action_cursor_word_left(select)
        else:
            super().action_cursor_word_right(select)
