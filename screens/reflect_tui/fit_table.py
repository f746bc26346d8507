"""A table that always fits its width: long text is cut with an ellipsis, never pushed away.

A DataTable sizes each column to its longest cell, so one long story title pushes Who, Status
and progress off an 80-column screen. A FitTable gives the short columns (status, counts,
dates) their whole width and shares what is left between the columns marked `squeeze`
(titles, names, protocols), cutting them with "…". The full text of the highlighted row's
cut cells is shown on the line under the table (`detail`), so nothing needs horizontal
scrolling to be read.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.widgets import DataTable

from reflect.bidi import display_line
from reflect.text import visible
from reflect_tui.bidi_view import Static
from reflect_tui.mirror import mirrored
from reflect_tui.safe import SafeTable, cell_text


@dataclass(frozen=True)
class Col:
    """One column: its header, and whether it may be narrowed (down to `least` cells, taking
    `weight` shares of the room left by the fixed columns)."""

    label: str
    squeeze: bool = False
    least: int = 0
    weight: int = 1


def _header(column: Col) -> Text:
    """A column's header as drawn: never markup, in reading order; at the right of its
    column when the columns read from the right (reflect_tui.mirror)."""
    return Text(display_line(visible(column.label)), justify="right" if mirrored() else None)


class FitTable(SafeTable):
    def __init__(self, *columns: Col, **kwargs) -> None:
        kwargs.setdefault("cursor_type", "row")
        super().__init__(**kwargs)
        self.specs = columns
        self.natural = [cell_len(c.label) for c in columns]
        self.detail = Static("", classes="row-detail")
        self._fit_pending = False

    def on_mount(self) -> None:
        self.add_columns(*(_header(c) for c in self.specs))

    def set_columns(self, *columns: Col) -> None:
        """Start again with other columns (and no rows)."""
        self.clear(columns=True)
        self.specs = columns
        self.natural = [cell_len(c.label) for c in columns]
        self.add_columns(*(_header(c) for c in columns))

    def add_row(self, *cells, **kwargs):
        texts = [cell_text(c) for c in cells]
        for index, text in enumerate(texts[:len(self.natural)]):
            self.natural[index] = max(self.natural[index], text.cell_len)
        self._refit_soon()
        return super().add_row(*texts, **kwargs)

    def clear(self, columns: bool = False):
        self.natural = [cell_len(c.label) for c in self.specs]
        self.detail.update("")
        return super().clear(columns)

    def on_resize(self) -> None:
        self._refit_soon()

    def _refit_soon(self) -> None:
        if not self._fit_pending:
            self._fit_pending = True
            self.call_after_refresh(self.fit)

    def widths(self, room: int) -> list[int]:
        """Content widths for `room` cells: fixed columns whole, the rest shared fairly."""
        padding = 2 * self.cell_padding * len(self.specs)
        fixed = sum(n for n, c in zip(self.natural, self.specs, strict=True) if not c.squeeze)
        left = room - padding - fixed
        widths = list(self.natural)
        squeezed = sorted((n, i) for i, (n, c) in enumerate(zip(self.natural, self.specs,
                                                                 strict=True)) if c.squeeze)
        weights = sum(self.specs[index].weight for _, index in squeezed)
        for natural, index in squeezed:
            share = left * self.specs[index].weight // weights if weights else 0
            weights -= self.specs[index].weight
            least = max(self.specs[index].least, cell_len(self.specs[index].label))
            widths[index] = max(least, min(natural, share))
            left -= widths[index]
        return widths

    def fit(self) -> None:
        self._fit_pending = False
        if not self.columns or not self.size.width:
            return
        scrollbar = self.styles.scrollbar_size_vertical if self.row_count + 1 > \
            self.size.height else 0
        for column, width in zip(self.columns.values(), self.widths(self.size.width - scrollbar),
                                 strict=False):
            column.width, column.auto_width = width, False
        self._clear_caches()
        # DataTable recomputes its virtual size (and so its scrollbars) only when asked
        self._require_update_dimensions = True
        self.refresh()
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self:
            self.show_detail()

    def show_detail(self) -> None:
        """The full text of the highlighted row's cut cells, on the line below."""
        if not self.row_count:
            self.detail.update("")
            return
        row = self.get_row_at(min(self.cursor_row, self.row_count - 1))
        parts = [cell.plain for cell, column in zip(row, self.columns.values(), strict=False)
                 if not column.auto_width and cell.cell_len > column.width]
        self.detail.update(cell_text("  ·  ".join(parts)))
