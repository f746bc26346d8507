"""The redaction list of a story: names and places that exports of the story and the book
replace (by a pseudonym, or by [redacted]).

The list is read, and names added and removed, by workers that post the list as it is then
(Listed); a name refused (empty, already there) is said under the form.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, Static

from reflect.errors import ReflectError
from reflect.i18n import N_, _
from reflect.privacy.redact import REDACTED
from reflect.text import visible
from reflect_tui.bidi_view import FieldInput
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.safe import text
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from reflect.models import Redaction
    from reflect.store import Store


class RedactionScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app = typed_app()

    DEFAULT_CSS = """
    RedactionScreen #redactions { height: auto; max-height: 12; min-height: 3; }
    RedactionScreen #redaction-form { height: auto; }
    RedactionScreen #term, RedactionScreen #replacement { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "close", N_("Close"), id="redaction.close"),
                Binding("delete", "remove", N_("Remove"), id="redaction.remove")]

    class Listed(Message):
        """The list as it is now; `added` after a name was added, `refused` the reason one
        was not."""

        def __init__(self, entries: list[Redaction], added: bool = False,
                     refused: str = "") -> None:
            super().__init__()
            self.entries = entries
            self.added = added
            self.refused = refused

    def __init__(self, story_id: uuid.UUID, story_title: str):
        super().__init__()
        self.story_id, self.story_title = story_id, story_title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Names to hide in exports"), classes="dialog-title")
            yield Static(_("Exports of '{story}' and of the book show these instead of the "
                           "names (whole words, any case). Del removes the selected one.").format(
                             story=visible(self.story_title)),
                         classes="hint", markup=False)
            yield FitTable(Col(_("Name or place"), squeeze=True), Col(_("Shown as"), squeeze=True),
                           Col(_("Where")), id="redactions")
            with Horizontal(id="redaction-form"):
                yield FieldInput(id="term", placeholder=_("name or place"), compact=True)
                yield FieldInput(id="replacement",
                            placeholder=_("show instead ({default})").format(default=REDACTED),
                            compact=True)
            yield Checkbox(_("in every story (else: this story only)"), id="everywhere",
                           compact=True)
            yield Static("", id="form-error", classes="error-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Add"), variant="primary", id="add")
                yield Button(_("Close"), id="close")

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#term", Input).focus()

    def refresh_list(self) -> None:
        self._change(None)

    def _store(self) -> Store:
        store = self.app.store
        assert store is not None, "the story is opened once the database is"
        return store

    @work(thread=True, group="redaction")
    def _change(self, add: tuple[str, uuid.UUID | None, str] | None = None,
                remove: uuid.UUID | None = None) -> None:
        """Add a name (term, story or None: every story, replacement) or remove one, then
        read the list again."""
        store, refused = self._store(), ""
        try:
            if add is not None:
                store.add_redaction(*add)
            if remove is not None:
                store.remove_redaction(remove)
        except ReflectError as exc:
            refused = str(exc)
        self.post_message(self.Listed(store.redactions(self.story_id),
                                      add is not None and not refused, refused))

    def on_redaction_screen_listed(self, message: Listed) -> None:
        if message.refused:
            self.query_one("#form-error", Static).update(text(message.refused))
            return
        if message.added:
            term = self.query_one("#term", Input)
            self.query_one("#form-error", Static).update("")
            term.value = self.query_one("#replacement", Input).value = ""
            term.focus()
        table = self.query_one("#redactions", DataTable)
        table.clear()
        for entry in message.entries:
            table.add_row(entry.term, entry.replacement or REDACTED,
                          _("this story") if entry.story_id else _("every story"),
                          key=str(entry.id))

    @on(Input.Submitted)
    @on(Button.Pressed, "#add")
    def add(self) -> None:
        everywhere = self.query_one("#everywhere", Checkbox).value
        self._change((self.query_one("#term", Input).value,
                      None if everywhere else self.story_id,
                      self.query_one("#replacement", Input).value))

    def action_remove(self) -> None:
        table = self.query_one("#redactions", DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        self._change(remove=uuid.UUID(key.value))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
