"""One drawing path: every line any widget draws is set in reading order here, at draw time.

Textual draws a widget by asking it for each line of its content area (`render_line`, after
wrapping and cropping to the widget's width), then adds padding, borders and scrollbars
around it (textual._styles_cache.StylesCache.render). `install()` wraps that one step, so
every widget — ours, Textual's own (the header, toasts, tooltips, checkboxes, the footer's
keys, the command palette) and any added later — passes each content line through
`reading_order()`: Arabic shaped, runs reordered by the Unicode Bidirectional Algorithm,
brackets mirrored, a right-to-left line aligned right. Because the line was already cut to the
widget's width in logical order, a long line loses its logical end (the reading end), and no
letter can slide under a scrollbar. Border titles take the same path.

A widget that lays out its own reading order sets `draws_reading_order = True`: the answer
editor and one-line fields (their cursor and clicks map to the reordered cells) and tables
(each cell is cut to its column, then put in order, and the columns mirrored).

Direction: with a left-to-right interface a paragraph takes the direction of its first strong
letter (a Hebrew answer in an English interface reads right to left). With a Hebrew or Arabic
interface, interface text reads right to left whatever letter it starts with (a line opening
with "PDF" or a path stays a right-to-left line); a widget with the class `stored-text` shows
what someone typed and takes the direction of the text itself.

Binding descriptions are message ids (`N_`, `NP_`), translated here when the keys are listed,
so the footer, the key panel and the command palette speak the language in use now.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual._styles_cache import StylesCache
from textual.binding import ActiveBinding
from textual.content import Content
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

from reflect import bidi, bidi_lines
from reflect.i18n import translated

Cell = tuple[str, Style | None]
_MARKUP_TAG = re.compile(r"\[/?[a-z$#][^\]]*\]")
_INSTALLED: list[bool] = []


def cells_of(strip: Strip) -> list[Cell]:
    return [(char, segment.style) for segment in strip if not segment.control
            for char in segment.text]


def segments_of(cells: list[Cell]) -> list[Segment]:
    segments: list[Segment] = []
    for char, style in cells:
        if segments and segments[-1].style == style:
            segments[-1] = Segment(segments[-1].text + char, style)
        else:
            segments.append(Segment(char, style))
    return segments


def visual_cells(cells: list[Cell], align: bool = True, rtl: bool | None = None,
                 units: bool = False) -> tuple[list[Cell], bool]:
    """The cells of one line in drawing order; with `align`, a right-to-left line's trailing
    blanks move to its left (so a cursor just after the text stays next to it). `rtl` sets
    the line's direction; by default it is that of its first strong letter. With `units` (a
    line of the interface), paths, commands, numbers and Latin phrases inside it are kept
    whole, as isolates (reflect.bidi_lines). Returns the cells and whether the line reads
    right to left."""
    text = "".join(char for char, _ in cells)
    end = len(text.rstrip(" "))
    body, blanks = cells[:end], cells[end:]
    logical = text[:end]
    rtl = bidi.starts_rtl(logical) if rtl is None else rtl
    if units:
        drawn = [(char, body[i][1]) for i, char in bidi_lines.drawn_line(logical, rtl)]
    else:
        shaped = bidi.shape(logical)
        odd = bidi.odd_levels(logical, rtl)
        drawn = [(bidi.mirrored(shaped[i], odd[i]), body[i][1])
                 for i in bidi.visual_order(logical, rtl)]
        drawn = [cell for cell in drawn if cell[0] not in bidi_lines.CONTROLS]
    if len(drawn) < len(body):  # direction marks and isolates steer, and are not drawn
        blanks = blanks + [(" ", None)] * (len(body) - len(drawn))
    if rtl and align:
        return blanks[::-1] + drawn, True
    return drawn + blanks, rtl


def reorder_strip(strip: Strip, align: bool = True, rtl: bool | None = None,
                  force: bool = False, units: bool = False) -> Strip:
    """The strip (a widget's content line) in reading order. Combining marks (niqqud,
    harakat) travel with their letter; a line with characters wider than one cell (CJK) is
    left untouched."""
    if bidi.mode() == "terminal" or not (force or bidi.has_rtl(strip.text)):
        return strip
    cells = cells_of(strip)
    if any(cell_len(c) > 1 for c, _ in cells):
        return strip
    drawn, _ = visual_cells(cells, align, rtl, units)
    return Strip(segments_of(drawn), strip.cell_length)


def _reads_rtl(widget: Widget) -> bool:
    """Whether the widget's text is one right-to-left paragraph (its first strong letter is
    Hebrew or Arabic and it has no line break of its own): a wrapped line of it holding only
    Latin letters is still aligned right. Worked out once per content, not per line."""
    content = getattr(widget, "content", "")
    cached = getattr(widget, "_reflect_rtl_of", None)
    if cached is not None and cached[0] is content:
        return bool(cached[1])
    plain = content.plain if isinstance(content, Content) else \
        _MARKUP_TAG.sub("", str(content or ""))
    reads_rtl = bidi.has_rtl(plain) and "\n" not in plain.strip() and bidi.starts_rtl(plain)
    widget._reflect_rtl_of = (content, reads_rtl)  # type: ignore[attr-defined]
    return reads_rtl


def line_direction(widget: Widget, text: str) -> bool | None:
    """True for right to left, False for left to right, None when the line is drawn as it
    is (nothing to reorder). Interface text takes the interface's direction: in a Hebrew or
    Arabic interface every widget but one of `stored-text`, in any interface a line of class
    `interface-line` (a status line naming a Hebrew pseudonym stays left to right in
    English). Other text takes the direction of its paragraph's first strong letter."""
    if not text.strip():
        return None
    interface_rtl = bidi.interface_rtl()
    if widget.has_class("interface-line") or \
            (interface_rtl and not widget.has_class("stored-text")):
        return interface_rtl if interface_rtl or bidi.has_rtl(text) else None
    if bidi.has_rtl(text):
        return bidi.starts_rtl(text)
    return True if _reads_rtl(widget) else None  # one regex search in the common case


def reading_order(widget: Widget, strip: Strip, width: int) -> Strip:
    """One content line of a widget as the terminal must receive it."""
    if bidi.mode() == "terminal":
        return strip
    rtl = line_direction(widget, strip.text)
    if rtl is None:
        return strip
    drawn = strip.cell_length
    if drawn > width and not strip.crop(width, drawn).text.strip():
        strip = strip.crop(0, width)  # its blank end is under a scrollbar: aligned before it
    if strip.cell_length < width:  # room to align a right-to-left line in
        strip = strip.extend_cell_length(width)
    styles = widget.styles
    centred = styles.text_align == "center" or styles.content_align_horizontal == "center"
    interface = bidi.interface_rtl() and not widget.has_class("stored-text")
    if centred:
        line = _centred(strip, rtl, interface)
    else:
        line = reorder_strip(strip, align=True, rtl=rtl, force=True, units=interface)
    return line.extend_cell_length(drawn) if line.cell_length < drawn else line


def _centred(strip: Strip, rtl: bool, units: bool) -> Strip:
    """A centred line: its words reordered where they stand."""
    cells = cells_of(strip)
    text = "".join(char for char, _ in cells)
    start = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" "))
    drawn, _ = visual_cells(cells[start:end], align=False, rtl=rtl, units=units)
    return Strip(segments_of(cells[:start] + drawn + cells[end:]), strip.cell_length)


def _title_in_order(title: Any) -> Any:
    """A border title or subtitle (Content, colours, style) with its text in reading order."""
    if title is None or bidi.mode() == "terminal":
        return title
    content, *rest = title
    plain = content.plain
    if not bidi.has_rtl(plain) and not bidi.interface_rtl():
        return title
    drawn = bidi_lines.display_paragraph_line(plain, True) if bidi.interface_rtl() else \
        bidi.display_line(plain)  # an interface line like any other (units kept whole)
    return (Content(drawn), *rest)


def install() -> None:
    """Route every widget's drawing through reading_order() and every key label through the
    catalog; idempotent (each app start calls it)."""
    if _INSTALLED:
        return
    _INSTALLED.append(True)
    render = StylesCache.render

    def render_in_reading_order(self: StylesCache, styles: Any, size: Any,
                                base_background: Any, background: Any,
                                render_content_line: Callable[[int], Strip],
                                *args: Any, **kwargs: Any) -> list[Strip]:
        widget = getattr(render_content_line, "__self__", None)
        # a screen's own lines are the screens below a dialog, each line already drawn
        if isinstance(widget, Widget) and not isinstance(widget, Screen) and \
                not getattr(widget, "draws_reading_order", False):
            # the width the line is drawn in: without a scrollbar's gutter, or a right-aligned
            # line's first letters would be drawn under the scrollbar
            width = widget.scrollable_content_region.width
            draw = render_content_line

            def render_content_line(y: int) -> Strip:
                return reading_order(widget, draw(y), width)
        if len(args) >= 3:
            args = (args[0], _title_in_order(args[1]), _title_in_order(args[2]), *args[3:])
        return render(self, styles, size, base_background, background,
                      render_content_line, *args, **kwargs)

    StylesCache.render = render_in_reading_order  # type: ignore[method-assign]

    listed = Screen.active_bindings

    def active_bindings(self: Screen[Any]) -> dict[str, ActiveBinding]:
        return {key: active._replace(binding=dataclasses.replace(
                    active.binding, description=translated(active.binding.description)),
                    tooltip=translated(active.tooltip) if active.tooltip else active.tooltip)
                for key, active in listed.fget(self).items()}  # type: ignore[attr-defined]

    Screen.active_bindings = property(active_bindings)  # type: ignore[method-assign,assignment]
