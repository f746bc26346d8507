"""A DataTable that loads its rows a page at a time, as the cursor nears the end.

What is on screen never grows with the database: the first page is read on `reload()`, the
next one only when the cursor reaches the last loaded row. Pages are asked for by key: the
fetch function is given what it returned with the previous page (its last row, say) and
reads on from there, so a late page costs what the first one does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual import on
from textual.widgets import DataTable

from reflect_tui.fit_table import Col, FitTable

Row = tuple[str, Sequence[object]]
"""A row key and its cells."""
Page = tuple[list[Row], Any]
"""The rows of a page and where the next page begins (handed back to the fetch function)."""


class PagedTable(FitTable):
    PAGE = 100

    def __init__(self, fetch: Callable[[Any, int], Page | None], *columns: Col,
                 **kwargs) -> None:
        super().__init__(*columns, zebra_stripes=True, **kwargs)
        self.fetch = fetch
        """fetch(after, limit): the page after `after` (None: the first page); it returns None
        when it cannot read now (the next page is asked for again later)."""
        self.after: Any = None
        self.loaded = 0
        self.exhausted = False

    def reload(self) -> None:
        self.show_first(self.fetch(None, self.PAGE))

    def show_first(self, page: Page | None) -> None:
        """Show `page` as the first page (read elsewhere, or by reload)."""
        self.clear()
        self.after, self.loaded, self.exhausted = None, 0, False
        if page is not None:
            self._add(page)

    def load_page(self) -> None:
        if self.exhausted:
            return
        page = self.fetch(self.after, self.PAGE)
        if page is not None:
            self._add(page)

    def _add(self, page: Page) -> None:
        rows, self.after = page
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self.loaded += len(rows)
        self.exhausted = len(rows) < self.PAGE

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self and event.cursor_row >= self.row_count - 1:
            self.load_page()
