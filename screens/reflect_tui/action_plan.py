"""The action plan editor: steps with optional review dates, shown for 'actions' questions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Static

from reflect import formats
from reflect.dates import parse_review_date
from reflect.errors import ReflectError
from reflect.i18n import N_, _
from reflect.models import ActionItem
from reflect.protocol.render import ACTION_STATUS
from reflect_tui.bidi_view import FieldInput
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.safe import text


class ActionPlan(Vertical):
    """Lists the session's action items; posts Add and Remove for the screen to carry out."""

    DEFAULT_CSS = """
    ActionPlan { height: 1fr; }
    ActionPlan DataTable { height: 1fr; min-height: 3; }
    ActionPlan #action-form { height: auto; }
    ActionPlan #action-text { width: 1fr; }
    ActionPlan #action-date { width: 16; }
    ActionPlan #action-error { height: auto; color: $error; }
    """
    BINDINGS = [Binding("delete", "remove", N_("Remove step"),
                        id="action_plan.remove")]

    @dataclass
    class Add(Message):
        text: str
        review_on: date | None

    @dataclass
    class Remove(Message):
        action_id: uuid.UUID

    def compose(self) -> ComposeResult:
        steps = FitTable(Col(_("Step"), squeeze=True), Col(_("Review on")), Col(_("Status")),
                         id="action-table")
        yield steps
        yield steps.detail
        with Horizontal(id="action-form"):
            yield FieldInput(id="action-text", placeholder=_("a concrete step"),
                        compact=True)
            yield FieldInput(id="action-date", placeholder=_("review: +14"), compact=True)
            yield Button(_("Add"), id="action-add", compact=True)
        yield Static(_("Enter adds the step. Review date: {shown}, +14 (days) or +2w; empty "
                       "for none. Del removes the selected step.").format(
                           shown=formats.day(date.today() + timedelta(days=14))), classes="hint")
        yield Static("", id="action-error")

    def show(self, actions: list[ActionItem], editable: bool) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for item in actions:
            table.add_row(item.text, formats.day(item.review_on) if item.review_on else "",
                          _(ACTION_STATUS[item.status]), key=str(item.id))
        self.query_one("#action-form").display = editable
        self.query_one("#action-error", Static).update("")

    def focus_entry(self) -> None:
        self.screen.set_focus(self.query_one("#action-text", Input))

    @on(Input.Submitted)
    @on(Button.Pressed, "#action-add")
    def add(self) -> None:
        text_input = self.query_one("#action-text", Input)
        date_input = self.query_one("#action-date", Input)
        error = self.query_one("#action-error", Static)
        if not text_input.value.strip():
            error.update(_("Describe the step first."))
            text_input.focus()
            return
        try:
            review_on = parse_review_date(date_input.value, date.today())
        except ReflectError as exc:
            error.update(text(str(exc)))
            date_input.focus()
            return
        error.update("")
        self.post_message(self.Add(text_input.value.strip(), review_on))
        text_input.value = date_input.value = ""
        text_input.focus()

    def action_remove(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count and table.has_focus:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.post_message(self.Remove(uuid.UUID(key.value)))
