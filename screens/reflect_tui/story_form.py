"""Dialog to create or edit a success story; returns the fields as a dict, or None."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from reflect.i18n import N_, _
from reflect.models import Story
from reflect.vocab import StoryStatus
from reflect_tui.bidi_view import FieldInput
from reflect_tui.labels import STORY_STATUS_LABELS
from reflect_tui.safe import SafeTextArea


class StoryForm(ModalScreen[dict | None]):
    CSS_PATH = "story_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="story_form.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="story_form.save", priority=True),
    ]

    def __init__(self, story: Story | None = None):
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        story = self.story
        with Vertical(classes="dialog"):
            yield Static(_("Edit story") if story else _("New success story"),
                         classes="dialog-title")
            yield Label(_("Title"))
            yield FieldInput(story.title if story else "", id="title", compact=True,
                        placeholder=_("e.g. A mother of six back on her feet"))
            yield Label(_("Service / team"))
            yield FieldInput(story.service if story else "", id="service", compact=True,
                        placeholder=_("e.g. Family support, north district"))
            yield Label(_("Why it counts as a success (criteria)"))
            yield SafeTextArea(story.success_criteria if story else "", id="criteria")
            yield Label(_("Short summary"))
            yield SafeTextArea(story.summary if story else "", id="summary")
            if story:
                with Horizontal(id="status-row"):
                    yield Label(_("Status") + " ")
                    yield Select([(STORY_STATUS_LABELS[s], s.value)
                                  for s in StoryStatus],
                                 value=story.status.value, allow_blank=False, id="status",
                                 compact=True)
                    yield Checkbox(_("Ready for the book"), story.ready_for_book, id="ready",
                                   compact=True)
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self._opened_with = self._fields()

    def _fields(self) -> tuple[str, ...]:
        """What the form holds now, to tell whether leaving would lose an edit."""
        return (self.query_one("#title", Input).value, self.query_one("#service", Input).value,
                self.query_one("#criteria", TextArea).text,
                self.query_one("#summary", TextArea).text)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        if not title:
            self.query_one("#form-error", Static).update(_("A story needs a title."))
            self.query_one("#title", Input).focus()
            return
        draft: dict[str, Any] = {
            "title": title,
            "service": self.query_one("#service", Input).value.strip(),
            "success_criteria": self.query_one("#criteria", TextArea).text,
            "summary": self.query_one("#summary", TextArea).text,
        }
        if self.story:
            # never blank (allow_blank=False): one of the statuses' values
            draft["status"] = StoryStatus(str(self.query_one("#status", Select).value))
            draft["ready_for_book"] = self.query_one("#ready", Checkbox).value
        self.dismiss(draft)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self._fields() == self._opened_with:
            self.dismiss(None)
            return
        from reflect_tui.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog(_("Discard your changes?"), _("What you typed in this form is not "
                                                        "saved yet. ctrl+s saves it."),
                          _("Discard"), _("Keep editing")), answered)
