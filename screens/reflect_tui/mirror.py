"""The layout mirrored for a right-to-left interface, in one place for every screen.

With a Hebrew or Arabic interface drawn by reflect itself (bidi mode `app`), every row of
widgets reads from the right, as in any right-to-left application: the interview's outline
at the right of the answer, a form's label at the right of its field, buttons in right-to-left
order, the workshop's panes swapped, a label or a button narrower than its dialog at the
right. No screen knows about it.

How: Textual asks a container's layout object where its children go, and makes that object
from the `layout:` rule of the container's CSS through one table (`LAYOUT_MAP` in
textual.layouts.factory). `install()` registers in that table, for `horizontal`, `grid` and
`vertical`, subclasses of Textual's own layouts that mirror the x positions of the placements
they return when `mirrored()` is true. A widget without a `layout` rule makes its vertical
layout itself, from the name textual.widget imported: that name is pointed at the same
subclass. Chosen over patching every container or per-screen CSS (one registration reaches
every container), over patching Textual's private `_arrange` function (a Layout returning
placements is Textual's documented extension point), and over `Widget.process_layout` (a hook
of each widget class, not of all of them). Whether to mirror is decided each time a layout is
arranged, so a change of language takes effect at the next layout; English pays one
`is_rtl()` call per layout.

What a placement cannot carry: a container's alignment (`align: right`) is applied by Textual
after the layout, by moving the whole group; the mirrored positions anticipate that move so
the group lands at the mirrored side (a right-aligned row of buttons at the left). Margins are
swapped with the positions; a row wider than its container overflows at the left. Borders and
padding are drawn by each widget from its own styles; the few that are one-sided (the
outline's edge, a quote bar) have a rule under `App.-rtl`, the class `follow()` sets on the
app. Keyboard order (tab) stays logical. Docked, absolutely placed and overlay widgets are
not moved. Vertical scrollbars stay at the right (Textual places them in its compositor, its
widget geometry and its style cache, not at one place); right-aligned lines are kept clear of
them instead (reflect_tui.drawing aligns a line within the width its scrollbar leaves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import widget as textual_widget
from textual.geometry import Region, Size, Spacing
from textual.layout import ArrangeResult, Layout, WidgetPlacement
from textual.layouts import factory
from textual.layouts.grid import GridLayout
from textual.layouts.horizontal import HorizontalLayout
from textual.layouts.vertical import VerticalLayout

from reflect import bidi, i18n

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.widget import Widget

RTL_CLASS = "-rtl"
"""The app's class while the layout is mirrored (for one-sided borders and padding)."""


def mirrored() -> bool:
    """Whether the layout reads from the right: a right-to-left interface language that
    reflect reorders itself (a terminal that reorders lines itself mirrors them too)."""
    return i18n.is_rtl() and bidi.mode() == "app"


def follow(app: DOMNode) -> None:
    """Set the app's `-rtl` class to the interface's direction (at start and after a change
    of language); the class change restyles and lays out the screens again."""
    app.set_class(mirrored(), RTL_CLASS)


def _align_offset(parent: Widget, width: int, room: int) -> int:
    """How far Textual will move a group `width` wide within `room` for the parent's
    `align` (as textual._arrange does after the layout, clamped at 0)."""
    align = parent.styles.align_horizontal
    if align == "left":
        return 0
    return max(0, (room - width) // 2 if align == "center" else room - width)


def mirror_placements(parent: Widget, placements: list[WidgetPlacement], size: Size,
                      greedy: bool) -> list[WidgetPlacement]:
    """The placements mirrored left to right within the container: each region at the
    mirrored x, its left and right margins swapped; a row wider than the container overflows
    at the left. `greedy` false is Textual measuring the
    container's own width: the group is mirrored within its own extent, so it measures the
    same."""
    flowing = [p for p in placements if not (p.overlay or p.absolute)]
    if not flowing:
        return placements
    start = min(p.region.x - p.margin.left for p in flowing)
    extent = max(p.region.right + p.margin.right for p in flowing)
    auto = parent.styles.is_auto_width or not greedy
    # mirrored around the container's right edge: what does not fit (a footer's last keys)
    # goes off at the left, where a right-to-left row ends
    width = extent if auto else size.width
    # Textual moves the group by `shift` after this; placed so that it lands mirrored
    shift = 0 if auto else _align_offset(parent, extent - start, size.width)
    mirrored_placements = []
    for placement in placements:
        if placement.overlay or placement.absolute:
            mirrored_placements.append(placement)
            continue
        region, margin = placement.region, placement.margin
        x = width - region.right - 2 * shift
        mirrored_placements.append(placement._replace(
            region=Region(x, region.y, region.width, region.height),
            margin=Spacing(margin.top, margin.left, margin.bottom, margin.right)))
    return mirrored_placements


class MirroredHorizontal(HorizontalLayout):
    """Textual's horizontal layout, read from the right in a right-to-left interface."""

    def arrange(self, parent: Widget, children: list[Widget], size: Size,
                greedy: bool = True) -> ArrangeResult:
        placements = super().arrange(parent, children, size, greedy)
        return mirror_placements(parent, placements, size, greedy) if mirrored() \
            else placements


class MirroredGrid(GridLayout):
    """Textual's grid layout, its columns read from the right in a right-to-left interface."""

    def arrange(self, parent: Widget, children: list[Widget], size: Size,
                greedy: bool = True) -> ArrangeResult:
        placements = super().arrange(parent, children, size, greedy)
        return mirror_placements(parent, placements, size, greedy) if mirrored() \
            else placements


class MirroredVertical(VerticalLayout):
    """Textual's vertical layout with a child narrower than its container (a label, a
    button, a checkbox) at the right in a right-to-left interface, where its lines begin."""

    def arrange(self, parent: Widget, children: list[Widget], size: Size,
                greedy: bool = True) -> ArrangeResult:
        placements = super().arrange(parent, children, size, greedy)
        return mirror_placements(parent, placements, size, greedy) if mirrored() \
            else placements


LAYOUTS: dict[str, type[Layout]] = {"horizontal": MirroredHorizontal, "grid": MirroredGrid,
                                    "vertical": MirroredVertical}


def install() -> None:
    """Make `layout: horizontal`, `grid` and `vertical` the mirroring layouts (before any CSS
    is read: this module does it when imported, and reflect_tui.safe imports it)."""
    factory.LAYOUT_MAP.update(LAYOUTS)
    # a widget with no `layout` rule arranges its children with the vertical layout it makes
    # for itself when created (Widget.__init__ reads this module-level name)
    textual_widget.VerticalLayout = MirroredVertical  # type: ignore[attr-defined]


install()
