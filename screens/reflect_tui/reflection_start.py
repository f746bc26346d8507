"""Dialog to start a solo reflection: which protocol, who, and (optionally) which case or story."""

from __future__ import annotations

import textwrap

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from reflect.i18n import N_, _
from reflect.models import Story
from reflect.protocol.definition import Protocol
from reflect_tui.bidi_view import FieldInput
from reflect_tui.safe import markup, plain


class StartReflection(ModalScreen[dict | None]):
    CSS_PATH = "reflection_start.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"),
                        id="reflection_start.cancel")]

    def __init__(self, protocols: list[Protocol], stories: list[Story], author: str = ""):
        super().__init__()
        self.protocols = protocols
        self.stories = stories
        self.author = author

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Start a reflection"), classes="dialog-title")
            yield OptionList(*[Option(markup("[b]$title[/b]\n  [dim]$description[/dim]",
                                             title=p.title, description=_line(p.description)),
                                      id=p.id) for p in self.protocols],
                             id="protocols")
            yield Label(_("Your name (optional)"))
            yield FieldInput(self.author, id="author", compact=True)
            yield Label(_("About a case: pseudonym only (optional)"))
            yield FieldInput(id="case", compact=True, placeholder=_("e.g. Family K"))
            yield Label(_("About a story (optional)"))
            yield Select([(plain(s.title), str(s.id)) for s in self.stories], id="story",
                         compact=True,
                         prompt=_("no story"))
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Start"), variant="primary", id="start")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        protocols = self.query_one("#protocols", OptionList)
        protocols.highlighted = 0
        protocols.focus()

    @on(OptionList.OptionSelected, "#protocols")
    def protocol_chosen(self) -> None:
        self.query_one("#author", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#start")
    def start(self) -> None:
        index = self.query_one("#protocols", OptionList).highlighted
        if index is None:
            self.query_one("#form-error", Static).update(_("Choose a protocol."))
            return
        story = self.query_one("#story", Select).value
        self.dismiss({
            "protocol": self.protocols[index],
            "author": self.query_one("#author", Input).value.strip(),
            "case_label": self.query_one("#case", Input).value.strip(),
            "story_id": None if story == Select.NULL else story,
        })

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _line(description: str, width: int = 62) -> str:
    """A protocol's description on one line, so four protocols show at once at 80x24."""
    return textwrap.shorten(" ".join(description.split()), width, placeholder="…")
