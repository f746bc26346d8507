"""Passphrase dialogs: the first-run offer to encrypt, and asking for the passphrase."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from reflect.errors import ReflectError
from reflect.i18n import N_, _
from reflect.privacy.encryption import check_new_passphrase
from reflect.text import visible
from reflect_tui.bidi_view import FieldInput
from reflect_tui.safe import text

FORGOTTEN = N_("A forgotten passphrase cannot be recovered: nobody can open the answers "
               "without it, not the authors of reflect, not an administrator. Keep it where "
               "your team keeps secrets (a password manager, a sealed envelope).")


class FirstRunDialog(ModalScreen[str | None]):
    """At the first start on a new database: encrypt it (recommended) or keep it plain.
    Returns the new passphrase, or None for a plain file."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Protect the answers with a passphrase? (recommended)"),
                         classes="dialog-title")
            yield Static(
                _("The answers will be kept in {path}. With a passphrase the whole file is "
                  "encrypted (SQLCipher, AES-256), so a lost or stolen laptop does not expose "
                  "what families told you. You type the passphrase each time reflect "
                  "starts.").format(path=visible(str(self.path))), markup=False)
            yield Static(_(FORGOTTEN), classes="hint", markup=False)
            yield FieldInput(placeholder=_("passphrase (8 characters or more)"),
                        password=True, id="passphrase", compact=True)
            yield FieldInput(placeholder=_("the same passphrase again"),
                        password=True, id="repeat", compact=True)
            yield Static("", id="form-error", classes="error-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Encrypt"), variant="primary", id="encrypt")
                yield Button(_("Not now: plain file"), id="plain")

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted, "#passphrase")
    def next_field(self) -> None:
        if not self.query_one("#passphrase", Input).value.strip():
            self.query_one("#form-error", Static).update(
                _("Type a passphrase first (at least 8 characters besides spaces), or choose "
                  "'Not now: plain file'."))
            return
        self.query_one("#form-error", Static).update("")
        self.query_one("#repeat", Input).focus()

    @on(Input.Submitted, "#repeat")
    @on(Button.Pressed, "#encrypt")
    def encrypt(self) -> None:
        try:
            passphrase = check_new_passphrase(self.query_one("#passphrase", Input).value,
                                              self.query_one("#repeat", Input).value)
        except ReflectError as exc:
            self.query_one("#form-error", Static).update(text(str(exc)))
            return
        self.dismiss(passphrase)

    @on(Button.Pressed, "#plain")
    def plain(self) -> None:
        self.dismiss(None)


class PassphraseDialog(ModalScreen[str | None]):
    """Ask for the passphrase of an encrypted database; None means quit."""

    BINDINGS = [Binding("escape", "quit_app", N_("Quit"), id="passphrase.quit")]

    def __init__(self, path: Path, problem: str = ""):
        super().__init__()
        self.path, self.problem = path, problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Passphrase"), classes="dialog-title")
            yield Static(_("{path} is encrypted. Type its passphrase to open it.").format(
                path=visible(str(self.path))), markup=False)
            yield FieldInput(password=True, id="passphrase", placeholder=_("passphrase"),
                        compact=True)
            yield Static(text(self.problem), id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Open"), variant="primary", id="open")
                yield Button(_("Quit"), id="quit")

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#open")
    def open_database(self) -> None:
        value = self.query_one("#passphrase", Input).value
        if not value:
            self.query_one("#form-error", Static).update(_("Type the passphrase first."))
            return
        self.dismiss(value)

    @on(Button.Pressed, "#quit")
    def action_quit_app(self) -> None:
        self.dismiss(None)
