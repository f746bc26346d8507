"""Dialog to add an informant by pseudonym and role; returns (pseudonym, role) or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from reflect.i18n import N_, _
from reflect.roles import Role
from reflect_tui.bidi_view import FieldInput


class InformantForm(ModalScreen[tuple[str, Role] | None]):
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="informant_form.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Add an informant"), classes="dialog-title")
            yield Label(_("Pseudonym (never a real name)"))
            yield FieldInput(id="pseudonym", compact=True, placeholder=_("e.g. Maya"))
            yield Label(_("Role"))
            yield Select([(role.label, role.value) for role in Role], id="role",
                         compact=True, prompt=_("Choose a role"))
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Add"), variant="primary", id="add")
                yield Button(_("Cancel"), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#add")
    def add(self) -> None:
        pseudonym = self.query_one("#pseudonym", Input).value.strip()
        role = self.query_one("#role", Select).value
        error = self.query_one("#form-error", Static)
        if not pseudonym:
            error.update(_("Give a pseudonym: a first name that is not the person's own."))
            self.query_one("#pseudonym", Input).focus()
        elif role == Select.NULL:
            error.update(_("Choose the informant's role."))
            self.query_one("#role", Select).focus()
        else:
            self.dismiss((pseudonym, Role(str(role))))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
