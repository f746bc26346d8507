"""Dialog to review an action that is due: what happened, and whether to reflect again."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, Select, Static, TextArea

from reflect import formats
from reflect.i18n import N_, _
from reflect.models import ActionItem
from reflect.text import visible
from reflect.vocab import ActionStatus
from reflect_tui.safe import SafeTextArea

OUTCOMES = [(N_("done"), ActionStatus.DONE), (N_("partly done"), ActionStatus.PARTLY),
            (N_("not done"), ActionStatus.NOT_DONE), (N_("dropped"), ActionStatus.DROPPED)]


class ReviewAction(ModalScreen[tuple[ActionStatus, str, bool] | None]):
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="action_review.cancel")]

    def __init__(self, item: ActionItem, source: str):
        super().__init__()
        self.item = item
        self.source = source

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Review an action"), classes="dialog-title")
            yield Static(visible(self.item.text), id="review-step", markup=False)
            due = formats.day(self.item.review_on) if self.item.review_on else ""
            yield Static(_("From {source}; review was due {date}").format(
                source=visible(self.source), date=due),
                         classes="hint", markup=False)
            yield Label(_("What came of it?"))
            yield Select([(_(label), status.value) for label, status in OUTCOMES],
                         value="done", allow_blank=False, id="outcome", compact=True)
            yield Label(_("What happened? (what helped, what got in the way)"))
            yield SafeTextArea(id="review-note")
            yield Checkbox(_("Start a follow-up reflection now, with the earlier "
                                          "answers beside"), id="follow-up")
            with Horizontal(classes="buttons"):
                yield Button(_("Save review"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#review-note", TextArea).styles.height = 5
        self.query_one("#outcome", Select).focus()

    @on(Button.Pressed, "#save")
    def save(self) -> None:
        # never blank (allow_blank=False): one of the outcomes' values
        self.dismiss((ActionStatus(str(self.query_one("#outcome", Select).value)),
                      self.query_one("#review-note", TextArea).text,
                      self.query_one("#follow-up", Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
