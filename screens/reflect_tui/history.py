"""History of solo reflections: a timeline, and how each rating changed over time.

The first page of the timeline and the ratings of the highlighted reflection's protocol are
read by workers, which post messages (below) that the screen reacts to; further pages of the
timeline are read as the cursor reaches them (a page at a time, by PagedTable).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from reflect import paths
from reflect.exchange.markdown import export_sessions
from reflect.i18n import N_, NP_, _, ngettext
from reflect.models import Session
from reflect.protocol.balance import read_balance
from reflect.protocol.definition import Protocol
from reflect.vocab import ActionStatus
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer
from reflect_tui.labels import STATUS_LABELS, shown_title, when_short
from reflect_tui.paged_table import Page, PagedTable, Row
from reflect_tui.safe import text
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from reflect.protocol.catalog import ProtocolCatalog
    from reflect.store import Store

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int], low: int, high: int) -> str:
    span = max(high - low, 1)
    return "".join(BARS[round((v - low) / span * (len(BARS) - 1))] for v in values)


class HistoryScreen(Screen[None]):
    if TYPE_CHECKING:
        app = typed_app()

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", NP_("key", "Back"),
                id="history.back"),
        Binding("x", "export_one", N_("Export to Markdown"), id="history.export_one"),
        Binding("a", "export_all", N_("Export all"), id="history.export_all"),
    ]

    class TimelineRead(Message):
        """The timeline's first page, read by a worker."""

        def __init__(self, page: Page, sessions: dict[str, Session]) -> None:
            super().__init__()
            self.page = page
            self.sessions = sessions

    class RatingsRead(Message):
        """The protocol of the highlighted reflection and every rating of its scales."""

        def __init__(self, protocol: Protocol | None,
                     history: dict[str, list[tuple[Any, Any]]]) -> None:
            super().__init__()
            self.protocol = protocol
            self.history = history

    class ToExport(Message):
        def __init__(self, sessions: list[Session]) -> None:
            super().__init__()
            self.sessions = sessions

    def __init__(self) -> None:
        super().__init__()
        self.sessions: dict[str, Session] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            yield Static(_("Reflections, newest first  (Enter opens)"),
                         classes="section-title")
            timeline = PagedTable(self._timeline_rows, Col(_("Started")),
                                  Col(_("Protocol"), squeeze=True), Col(_("Case"), squeeze=True),
                                  Col(_("Status")), Col(_("Balance")),
                                  Col(_("Actions"), squeeze=True),
                                  id="timeline")
            yield timeline
            yield timeline.detail
            yield Static("", id="history-empty", classes="hint")
            yield Static("", id="ratings-title", classes="section-title")
            ratings = FitTable(Col(_("Practice"), squeeze=True, weight=3), Col(_("Ratings")),
                               Col(_("Trend")), Col(_("Change")), id="ratings")
            yield ratings
            yield ratings.detail
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = _("History")

    def on_screen_resume(self) -> None:
        """Also sent when the screen is first shown: the one place lists are (re)read."""
        self.refresh_timeline()

    def _timeline_rows(self, after: Session | None, limit: int) -> Page:
        """One page of reflections, newest first, with balance and actions (the next page:
        the first is read by a worker)."""
        store = self.app.store
        assert store is not None, "the history is opened once the database is"
        page, sessions = timeline_page(store, after, limit, self.app.catalog)
        self.sessions.update(sessions)
        return page

    def refresh_timeline(self) -> None:
        if self.app.store is not None:
            self._read_timeline(self.app.store)

    @work(thread=True, exclusive=True, group="history.timeline")
    def _read_timeline(self, store: Store) -> None:
        page, sessions = timeline_page(store, None, PagedTable.PAGE, self.app.catalog)
        self.post_message(self.TimelineRead(page, sessions))

    def on_history_screen_timeline_read(self, message: TimelineRead) -> None:
        self.sessions = dict(message.sessions)
        table = self.query_one("#timeline", PagedTable)
        table.show_first(message.page)
        empty = self.query_one("#history-empty", Static)
        empty.display = not self.sessions
        empty.update(_("No reflections yet. Press Esc, then r on the home screen to start one."))
        if self.sessions:
            table.focus()
            self.show_ratings(next(iter(self.sessions.values())))
        else:
            self.show_ratings(None)

    def _selected(self) -> Session | None:
        table = self.query_one("#timeline", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return self.sessions.get(str(key.value))

    @on(DataTable.RowHighlighted, "#timeline")
    def highlighted(self) -> None:
        self.show_ratings(self._selected())

    def show_ratings(self, session: Session | None) -> None:
        """The change of every scale rating over time, for the highlighted reflection's
        protocol (read by a worker: RatingsRead)."""
        if session is None or self.app.store is None:
            self.on_history_screen_ratings_read(self.RatingsRead(None, {}))
            return
        self._read_ratings(self.app.store, session)

    @work(thread=True, exclusive=True, group="history.ratings")
    def _read_ratings(self, store: Store, session: Session) -> None:
        protocol = store.protocol_of(session)
        scales = [q for q in protocol.questions if q.type == "scale"] if protocol else []
        self.post_message(self.RatingsRead(protocol, store.rating_history(protocol.id)
                                           if protocol and scales else {}))

    def on_history_screen_ratings_read(self, message: RatingsRead) -> None:
        protocol, history = message.protocol, message.history
        title = self.query_one("#ratings-title", Static)
        table = self.query_one("#ratings", FitTable)
        table.clear()
        scales = [q for q in protocol.questions if q.type == "scale"] if protocol else []
        title.display = table.display = table.detail.display = bool(scales)
        if not scales or protocol is None:
            return
        rated = 0
        for question in scales:
            values = [v for _, v in history.get(question.id, []) if isinstance(v, int)]
            if not values or question.points is None:
                continue
            rated += 1
            change = values[-1] - values[0]
            table.add_row(question.prompt, " ".join(map(str, values[-8:])),
                          sparkline(values[-8:], question.points.min, question.points.max),
                          f"{change:+d}" if len(values) > 1 else "")
        title.update(text(_("Ratings over time: {protocol} ({rated} of {total} rated; oldest "
                            "first)").format(protocol=protocol.title, rated=rated,
                                             total=len(scales))))

    @on(DataTable.RowSelected, "#timeline")
    def open_reflection(self, event: DataTable.RowSelected) -> None:
        from reflect_tui.session import SessionScreen

        self.app.push_screen(SessionScreen(uuid.UUID(event.row_key.value)))

    def on_history_screen_to_export(self, message: ToExport) -> None:
        self._export(message.sessions)

    def _export(self, sessions: list[Session]) -> None:
        if not sessions:
            self.app.show_error(_("There is no reflection to export yet."))
            return
        from reflect_tui.export_progress import export_in_background

        folder, store = paths.exports_dir(), self.app.store
        assert store is not None
        export_in_background(
            self.app, _("Writing Markdown files"),
            lambda progress: export_sessions(store, sessions, folder, progress=progress),
            _("Exported to Markdown"), folder, summary=lambda written: ngettext(
                "{count} file", "{count} files", len(written)).format(count=len(written)))

    def action_export_one(self) -> None:
        session = self._selected()
        self._export([session] if session else [])

    def action_export_all(self) -> None:
        if self.app.store is not None:
            self._all_reflections(self.app.store)

    @work(thread=True, exclusive=True, group="history.export")
    def _all_reflections(self, store: Store) -> None:
        self.post_message(self.ToExport(store.sessions_of_kind("reflection")))


def timeline_page(store: Store, after: Session | None, limit: int,
                  catalog: ProtocolCatalog | None = None) -> tuple[Page, dict[str, Session]]:
    """One page of reflections, newest first, with balance and actions; and its sessions by
    their rows' keys. Each protocol named in the interface's language (from the catalog, when
    it has the protocol), whatever language the reflection was written in."""
    rows: list[Row] = []
    listed: dict[str, Session] = {}
    sessions = store.sessions_of_kind("reflection", newest_first=True, limit=limit, after=after)
    for session in sessions:
        listed[str(session.id)] = session
        protocol = store.protocol_of(session)
        balance = read_balance(protocol, store.answers(session.id)) if protocol else None
        actions = store.actions(session.id)
        still_open = sum(a.status == ActionStatus.OPEN for a in actions)
        rows.append((str(session.id), (
            when_short(session.started_at), shown_title(catalog, session.protocol_id, protocol),
            session.case_label, STATUS_LABELS[session.status],
            f"+{balance.positive}/−{balance.negative}" if balance else "",
            _("{count} ({open} open)").format(count=len(actions), open=still_open)
            if actions else "")))
    return (rows, (sessions[-1] if sessions else after)), listed
