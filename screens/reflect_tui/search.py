"""Search every answer and principle; Enter opens the answer where it was given.

The searches run in a worker (the latest words only), which posts what it found (Found); the
next page of answers is fetched the same way when the cursor nears the end of the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static

from reflect.i18n import NP_, _, ngettext
from reflect.store.search import (
    PAGE,
    Position,
    SearchHit,
    search_answers,
    search_notes,
    search_principles,
    snippet_parts,
)
from reflect.text import visible
from reflect_tui.bidi_view import FieldInput
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from reflect.store import Store


def marked(snippet: str) -> Text:
    """A snippet with its matches highlighted (markers from reflect.store.search)."""
    result = Text()
    for piece, is_match in snippet_parts(snippet):
        result.append(visible(piece), style="bold reverse" if is_match else "")
    return result


class SearchScreen(Screen[None]):
    if TYPE_CHECKING:
        app = typed_app()

    CSS_PATH = "search.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", NP_("key", "Back"),
                        id="search.back")]
    DELAY = 0.25

    class Found(Message):
        """What a search found for `words`: the first results, or the next page of them."""

        def __init__(self, words: str, hits: list[SearchHit], exhausted: bool,
                     first: bool) -> None:
            super().__init__()
            self.words = words
            self.hits = hits
            self.exhausted = exhausted
            """No more answers to fetch."""
            self.first = first
            """The first results (the list starts again), not a further page."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self.words = ""
        self._timer: Timer | None = None
        self._exhausted = False
        self._fetching = False
        """A further page is being fetched."""
        self._focus_results = False
        """Enter was pressed: the results take the focus once they are listed."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield FieldInput(id="query", placeholder=_("search all answers and principles"))
        yield Static("", id="summary", classes="hint")
        results = FitTable(Col(_("Story / case"), squeeze=True), Col(_("Who"), squeeze=True),
                           Col(_("Question"), squeeze=True),
                           Col(_("Passage"), squeeze=True, weight=3), id="results",
                           zebra_stripes=True)
        yield results
        yield results.detail
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = _("Search")
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.DELAY, self.run_search)

    @on(Input.Submitted, "#query")
    def submitted(self) -> None:
        self._focus_results = True
        if not self.run_search() and self.hits:
            self.query_one("#results", DataTable).focus()

    def run_search(self) -> bool:
        """Search for the words typed, in a worker; False when they were searched already."""
        words = self.query_one("#query", Input).value
        if words == self.words or self.app.store is None:
            return False
        self.words = words
        self._fetching = False
        self._search(self.app.store, words)
        return True

    @work(thread=True, exclusive=True, group="search")
    def _search(self, store: Store, words: str) -> None:
        hits = search_principles(store, words, limit=10) + search_notes(store, words, limit=10)
        page = search_answers(store, words, limit=PAGE, offset=0) if words.strip() else []
        self.post_message(self.Found(words, hits + page, len(page) < PAGE, first=True))

    def load_more(self) -> None:
        """Fetch the next page of answers (called again when the cursor reaches the end)."""
        if self._exhausted or self._fetching or not self.words.strip() or \
                self.app.store is None:
            return
        self._fetching = True
        answers = [hit for hit in self.hits if hit.kind == "answer"]
        self._more(self.app.store, self.words, answers[-1].position if answers else None,
                   len(answers))

    @work(thread=True, exclusive=True, group="search")
    def _more(self, store: Store, words: str, last: Position | None,
              offset: int) -> None:
        if last is not None:  # by key: after the last answer shown
            page = search_answers(store, words, limit=PAGE, before=last)
        else:
            page = search_answers(store, words, limit=PAGE, offset=offset)
        self.post_message(self.Found(words, page, len(page) < PAGE, first=False))

    def on_search_screen_found(self, message: Found) -> None:
        if message.words != self.words:  # typed on since: its own search follows
            return
        table = self.query_one("#results", DataTable)
        if message.first:
            table.clear()
            self.hits = []
        else:
            self._fetching = False
        self._exhausted = message.exhausted
        self.hits += message.hits
        self._add(message.hits)
        self._summarise()
        if message.first and self._focus_results and self.hits:
            table.focus()
        self._focus_results = False

    def _add(self, hits: list[SearchHit]) -> None:
        table = self.query_one("#results", DataTable)
        for hit in hits:
            table.add_row(hit.story_title, hit.who, hit.question, marked(hit.snippet),
                          key=f"{hit.kind}:{hit.ref_id}")

    def _summarise(self) -> None:
        count = len(self.hits)
        more = "" if self._exhausted else "+ " + _("(more load as you scroll)")
        self.query_one("#summary", Static).update(
            ngettext("{count} result", "{count} results", count).format(count=f"{count}{more}")
            if self.words.strip() else _("Type words to search."))

    @on(DataTable.RowHighlighted, "#results")
    def near_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.hits) - 1:
            self.load_more()

    @on(DataTable.RowSelected, "#results")
    def open_hit(self, event: DataTable.RowSelected) -> None:
        kind, ref = str(event.row_key.value).split(":", 1)
        hit = next(h for h in self.hits if h.kind == kind and str(h.ref_id) == ref)
        if kind == "principle":
            from reflect_tui.workshop import WorkshopScreen

            if hit.story_id is not None:
                self.app.push_screen(WorkshopScreen(hit.story_id))
            return
        from reflect_tui.session import SessionScreen

        if hit.session_id is not None:
            self.app.push_screen(SessionScreen(hit.session_id, question_id=hit.question_id))
