"""Small generic dialogs: ask for a line of text, pick one item, pick several and name them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from reflect.i18n import N_, _
from reflect_tui.bidi_view import FieldInput
from reflect_tui.safe import plain, text


class TextPrompt(ModalScreen[str | None]):
    """Ask for one non-empty line of text."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="text_prompt.cancel")]

    def __init__(self, title: str, label: str, value: str = "",
                 empty_message: str | None = None):
        super().__init__()
        self.title_text, self.label, self.value = title, label, value
        self.empty_message = empty_message or _("Type a name first.")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(text(self.title_text), classes="dialog-title")
            yield Label(text(self.label))
            yield FieldInput(self.value, id="text", compact=True)
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("OK"), variant="primary", id="ok")
                yield Button(_("Cancel"), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        value = self.query_one("#text", Input).value.strip()
        if not value:
            self.query_one("#form-error", Static).update(text(self.empty_message))
            return
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class PickDialog(ModalScreen[str | None]):
    """Pick one of several items; returns its id."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="pick.cancel")]

    def __init__(self, title: str, items: list[tuple[str, str | Text]]):
        super().__init__()
        self.title_text, self.items = title, items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(text(self.title_text), classes="dialog-title")
            yield OptionList(*[Option(plain(label), id=key) for key, label in self.items],
                             id="items")
            yield Static(_("Enter chooses · Esc cancels"), classes="hint")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SplitDialog(ModalScreen[tuple[list[str], str] | None]):
    """Choose items to move out, and the name of the new group they go to."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="split.cancel")]

    def __init__(self, title: str, items: list[tuple[str, str]]):
        super().__init__()
        self.title_text, self.items = title, items

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(text(self.title_text), classes="dialog-title")
            yield Label(_("Tick the principles to move (space):"))
            yield SelectionList[str](*[(text(label), key) for key, label in self.items],
                                     id="items")
            yield Label(_("Name of the new common principle"))
            yield FieldInput(id="name", compact=True)
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Split"), variant="primary", id="ok")
                yield Button(_("Cancel"), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        chosen = list(self.query_one("#items", SelectionList).selected)
        name = self.query_one("#name", Input).value.strip()
        error = self.query_one("#form-error", Static)
        if not chosen:
            error.update(_("Tick at least one principle to move."))
        elif not name:
            error.update(_("Name the new common principle."))
        else:
            self.dismiss((chosen, name))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
