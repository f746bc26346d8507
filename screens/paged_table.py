"""A DataTable that loads its rows a page at a time, as the cursor nears the end.

What is on screen never grows with the database: the first page is read on `reload()`, the
next one only when the cursor reaches the last loaded row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.widgets import DataTable

from screens.fit_table import Col, FitTable

Row = tuple[str, Sequence[object]]
"""A row key and its cells."""


class PagedTable(FitTable):
    PAGE = 100

    def __init__(self, fetch: Callable[[int, int], list[Row]], *columns: Col, **kwargs) -> None:
        super().__init__(*columns, zebra_stripes=True, **kwargs)
        self.fetch = fetch
        self.loaded = 0
        self.exhausted = False

    def reload(self) -> None:
        self.clear()
        self.loaded, self.exhausted = 0, False
        self.load_page()

    def load_page(self) -> None:
        if self.exhausted:
            return
        rows = self.fetch(self.loaded, self.PAGE)
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self.loaded += len(rows)
        self.exhausted = len(rows) < self.PAGE

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self and event.cursor_row >= self.row_count - 1:
            self.load_page()
