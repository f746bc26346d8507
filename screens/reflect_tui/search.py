"""Search every answer and principle; Enter opens the answer where it was given."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header

from reflect.bidi import display_line
from reflect.i18n import _, ngettext
from reflect.store.search import (
    PAGE,
    SearchHit,
    search_answers,
    search_notes,
    search_principles,
    snippet_parts,
)
from reflect.text import visible
from reflect_tui.bidi_view import Input, Static
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer


def marked(snippet: str) -> Text:
    """A snippet with its matches highlighted (markers from reflect.store.search)."""
    result = Text()
    for piece, is_match in snippet_parts(snippet):
        result.append(visible(piece), style="bold reverse" if is_match else "")
    return result


class SearchScreen(Screen[None]):
    CSS_PATH = "search.tcss"
    BINDINGS = [Binding("escape", "app.pop_screen", display_line(_("Back")), id="search.back")]
    DELAY = 0.25

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []
        self.words = ""
        self._timer: Timer | None = None
        self._exhausted = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="query", placeholder=_("search all answers and principles"))
        yield Static("", id="summary", classes="hint")
        results = FitTable(Col(_("Story / case"), squeeze=True), Col(_("Who"), squeeze=True),
                           Col(_("Question"), squeeze=True),
                           Col(_("Passage"), squeeze=True, weight=3), id="results",
                           zebra_stripes=True)
        yield results
        yield results.detail
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = display_line(_("Search"))
        self.query_one("#query", Input).focus()

    @on(Input.Changed, "#query")
    def typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.DELAY, self.run_search)

    @on(Input.Submitted, "#query")
    def submitted(self) -> None:
        self.run_search()
        if self.hits:
            self.query_one("#results", DataTable).focus()

    def run_search(self) -> None:
        words = self.query_one("#query", Input).value
        if words == self.words:
            return
        self.words = words
        table = self.query_one("#results", DataTable)
        table.clear()
        self.hits = search_principles(self.app.store, words, limit=10) + \
            search_notes(self.app.store, words, limit=10)
        self._exhausted = False
        self._add(self.hits)
        self.load_more()
        self._summarise()

    def load_more(self) -> None:
        """Fetch the next page of answers (called again when the cursor reaches the end)."""
        if self._exhausted or not self.words.strip():
            return
        answers = [hit for hit in self.hits if hit.kind == "answer"]
        last = answers[-1].position if answers else None
        if last is not None:  # by key: after the last answer shown
            page = search_answers(self.app.store, self.words, limit=PAGE, before=last)
        else:
            page = search_answers(self.app.store, self.words, limit=PAGE, offset=len(answers))
        self._exhausted = len(page) < PAGE
        self.hits += page
        self._add(page)
        self._summarise()

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
        kind, ref = event.row_key.value.split(":", 1)
        hit = next(h for h in self.hits if h.kind == kind and str(h.ref_id) == ref)
        if kind == "principle":
            from reflect_tui.workshop import WorkshopScreen

            self.app.push_screen(WorkshopScreen(hit.story_id))
            return
        from reflect_tui.session import SessionScreen

        self.app.push_screen(SessionScreen(hit.session_id, question_id=hit.question_id))
