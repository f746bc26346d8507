"""The book's title page, asked before the book is written (b in the common principles):
title, subtitle, department, editors and year, filled with what this database remembers
(reflect.exchange.book.remembered_page); returns the TitlePage, or None when cancelled."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from reflect.exchange.book import TitlePage
from reflect.i18n import N_, _
from reflect_tui.bidi_view import FieldInput
from reflect_tui.safe import text

FIELD_LIMIT = 200
"""The longest line a field takes (a title page's line)."""


class BookDialog(ModalScreen[TitlePage | None]):
    """Title, subtitle, department, editors and year of the book about to be written."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="book_dialog.cancel"),
        Binding("ctrl+s", "write", N_("Write the book"), id="book_dialog.write",
                priority=True),
    ]
    DEFAULT_CSS = """
    BookDialog #form-error { height: auto; }
    """

    def __init__(self, page: TitlePage, draft: bool = False) -> None:
        super().__init__()
        self.page, self.draft = page, draft

    def compose(self) -> ComposeResult:
        page = self.page
        with Vertical(classes="dialog"):
            yield Static(text(_("The book's title page (a draft)") if self.draft
                              else _("The book's title page")), classes="dialog-title")
            for field, label, value, placeholder in (
                    ("title", _("Title"), page.title or _("Learning from Success"), ""),
                    ("subtitle", _("Subtitle"), page.subtitle,
                     _("Stories of success and the principles of action drawn from them")),
                    ("department", _("Department or service"), page.department,
                     _("the services of the stories")),
                    ("editors", _("Edited by"), page.editors, _("e.g. N. Levi, S. Amir")),
                    ("year", _("Year"), page.year, str(date.today().year))):
                yield Label(text(label))
                yield FieldInput(value, id=field, compact=True, max_length=FIELD_LIMIT,
                            placeholder=placeholder)
            yield Static(text(_("Kept in this database for the next book.")), classes="hint")
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Write (ctrl+s)"), variant="primary", id="write")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def _value(self, field: str) -> str:
        return " ".join(self.query_one(f"#{field}", Input).value.split())

    @on(Input.Submitted)
    @on(Button.Pressed, "#write")
    def action_write(self) -> None:
        if not self._value("title"):
            self.query_one("#form-error", Static).update(text(_("The book needs a title.")))
            self.query_one("#title", Input).focus()
            return
        self.dismiss(TitlePage(subtitle=self._value("subtitle"),
                               department=self._value("department"),
                               editors=self._value("editors"), year=self._value("year"),
                               title=self._value("title")))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
