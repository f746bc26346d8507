"""Right-to-left text drawn in reading order by every widget that shows stored text.

Textual wraps text in logical order and puts characters into cells as they come; these
widgets take each drawn line (a Strip, already wrapped and styled), and reorder the cells of
its content area with reflect.bidi: Arabic shaped, runs reversed, brackets mirrored, and a line
whose first strong letter is right-to-left aligned to the right. Styles travel with their
characters, so a highlighted word or the cursor stays on the letter it belongs to. Lines with
no right-to-left letter are returned untouched (the common case costs one regex search).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar, cast

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.css.styles import RenderStyles
from textual.document._document import Location
from textual.events import MouseEvent
from textual.geometry import Offset, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Button as _Button
from textual.widgets import Input as _Input
from textual.widgets import Label as _Label
from textual.widgets import OptionList as _OptionList
from textual.widgets import SelectionList as _SelectionList
from textual.widgets import Static as _Static
from textual.widgets import TextArea

from reflect import bidi
from reflect.text import visible
from reflect_tui.mirror import mirrored

Cell = tuple[str, Style | None]
_MARKUP_TAG = re.compile(r"\[/?[a-z$#][^\]]*\]")
T = TypeVar("T")


def _cells(strip: Strip) -> list[Cell]:
    return [(char, segment.style) for segment in strip if not segment.control
            for char in segment.text]


def _segments(cells: list[Cell]) -> list[Segment]:
    segments: list[Segment] = []
    for char, style in cells:
        if segments and segments[-1].style == style:
            segments[-1] = Segment(segments[-1].text + char, style)
        else:
            segments.append(Segment(char, style))
    return segments


def visual_cells(cells: list[Cell], align: bool = True,
                 rtl: bool | None = None) -> tuple[list[Cell], bool]:
    """The cells of one line in drawing order; with `align`, a right-to-left line's trailing
    blanks move to its left (mirrored, so a cursor just after the text stays next to it).
    `rtl` sets the line's direction; by default it is that of its first strong letter.
    Returns the cells and whether the line reads right to left."""
    text = "".join(char for char, _ in cells)
    end = len(text.rstrip(" "))
    body, blanks = cells[:end], cells[end:]
    logical = text[:end]
    rtl = bidi.starts_rtl(logical) if rtl is None else rtl
    shaped = bidi.shape(logical)
    odd = bidi.odd_levels(logical, rtl)
    drawn = [(bidi.mirrored(shaped[i], odd[i]), body[i][1])
             for i in bidi.visual_order(logical, rtl)]
    if rtl and align:
        return blanks[::-1] + drawn, True
    return drawn + blanks, rtl


def reorder_strip(strip: Strip, align: bool = True, rtl: bool | None = None,
                  force: bool = False) -> Strip:
    """The strip (a widget's content line) in reading order. Combining marks (niqqud,
    harakat) travel with their letter; a line with characters wider than one cell (CJK) is
    left untouched."""
    if bidi.mode() == "terminal" or not (force or bidi.has_rtl(strip.text)):
        return strip
    cells = _cells(strip)
    if any(cell_len(c) > 1 for c, _ in cells):
        return strip
    drawn, _ = visual_cells(cells, align, rtl)
    return Strip(_segments(drawn), strip.cell_length)


def visible_strip(strip: Strip) -> Strip:
    """The drawn line with every character a terminal would obey (an escape, a bell) shown
    as its visible stand-in: a field holding stored text draws it, never sends it."""
    if all(visible(segment.text) == segment.text for segment in strip):
        return strip
    return Strip([Segment(visible(s.text), s.style, s.control) for s in strip])


def clear_of_scrollbar(widget: Widget, strip: Strip) -> tuple[Strip, int]:
    """A widget's drawn line made as wide as the cells its vertical scrollbar leaves (its
    blank end under the scrollbar cut off), and the width it is drawn at: a line aligned to
    the right within it is never hidden under the scrollbar."""
    room = widget.scrollable_content_region.width
    drawn = max(strip.cell_length, widget.size.width)
    if strip.cell_length > room and not strip.crop(room, strip.cell_length).text.strip():
        strip = strip.crop(0, room)
    return strip.extend_cell_length(room), drawn


class BidiLines:
    """Mixin for a Widget class: draw each line's content area in reading order. A widget
    with the class `interface-line` (a status bar: labels of the interface around stored
    names) takes the interface's direction instead of its first letter's."""

    size: Size
    styles: RenderStyles
    has_class: Callable[..., bool]

    def render_line(self, y: int) -> Strip:
        # the strip is the content area alone: padding and borders are drawn around it
        strip = super().render_line(y)  # type: ignore[misc]
        if bidi.mode() == "terminal":
            return strip
        rtl = bidi.interface_rtl() if self.has_class("interface-line") else None
        if not bidi.has_rtl(strip.text):
            # a wrapped line without Hebrew or Arabic letters may still end a right-to-left
            # paragraph ("… סמנו מילים משמאל, ctrl+e)"): it is aligned right like the rest
            if rtl is not None or not strip.text.strip() or not self._reads_rtl():
                return strip
            rtl = True
        # room to align a right-to-left line in: the content area less a vertical scrollbar
        # (drawn over the line's right end, where a right-to-left line begins)
        room, drawn = clear_of_scrollbar(cast("Widget", self), strip)
        centred = self.styles.text_align == "center" or \
            self.styles.content_align_horizontal == "center"
        return reorder_strip(room, align=not centred, rtl=rtl, force=True).extend_cell_length(
            drawn)

    def _reads_rtl(self) -> bool:
        """Whether the widget's text is one right-to-left paragraph (its first strong letter
        is Hebrew or Arabic and it has no line break of its own). Worked out once per content,
        not once per drawn line: Latin lines of every widget pass here."""
        content = getattr(self, "content", "")
        cached = getattr(self, "_rtl_of", None)
        if cached is not None and cached[0] is content:
            return cached[1]
        text = _MARKUP_TAG.sub("", str(content or ""))
        reads_rtl = bidi.has_rtl(text) and "\n" not in text.strip() and bidi.starts_rtl(text)
        self._rtl_of = (content, reads_rtl)
        return reads_rtl


class Static(BidiLines, _Static):
    pass


class Label(BidiLines, _Label):
    pass


class Button(BidiLines, _Button):
    pass


class OptionList(BidiLines, _OptionList):
    pass


class SelectionList(BidiLines, _SelectionList[T], Generic[T]):
    pass


class Input(_Input):
    """A one-line field whose Hebrew or Arabic reads in reading order while it is typed:
    the drawn line (value, cursor and selection styles) is reordered like any other, and a
    line that starts with a right-to-left letter sits at the right, the cursor at its left
    end where the next letter appears. The value stays in typing order. Control characters
    in it (a stored value, a paste) are drawn as visible stand-ins."""

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
        yield from _segments(drawn)


class BidiTextArea(TextArea):
    """A TextArea that draws each wrapped piece of a right-to-left paragraph in reading order,
    right-aligned, with the cursor where the next letter will appear, arrows that move the way
    they point, and clicks that land on the letter clicked. The document stays in logical
    order: only drawing and the mapping between screen cells and columns change."""

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
