"""Dialog to choose the protocol for an interview; those written for the role come first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reflect.protocols import Protocol


class ProtocolPicker(ModalScreen[Protocol | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="protocol_pick.cancel")]

    def __init__(self, protocols: list[Protocol], recommended: list[str], heading: str):
        super().__init__()
        self.protocols = {p.id: p for p in protocols}
        self.recommended = recommended
        self.heading = heading

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            options = []
            for protocol in self.protocols.values():
                tag = "  [b](for this role)[/b]" if protocol.id in self.recommended else ""
                count = len(protocol.questions)
                options.append(Option(f"{protocol.title}{tag}\n  [dim]{protocol.id} · "
                                      f"{len(protocol.stages)} stages · {count} questions[/dim]",
                                      id=protocol.id))
            yield OptionList(*options, id="protocols")
            yield Static("Enter chooses · Esc cancels", classes="hint")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.protocols[event.option.id])

    def action_cancel(self) -> None:
        self.dismiss(None)
