"""A yes/no question as a dialog; returns True for the confirming choice."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reflect.i18n import N_, _
from reflect.text import visible


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="confirm.cancel")]

    def __init__(self, title: str, body: str, yes: str, no: str | None = None,
                 focus_yes: bool = False):
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no or _("Cancel")
        self.focus_yes = focus_yes
        """Focus the action the user came to do (finishing), not the way out (deleting)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(visible(self.title_text), classes="dialog-title", markup=False)
            yield Static(visible(self.body), id="confirm-body", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.focus_yes else "#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)
