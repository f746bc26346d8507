"""An informant's say on their own words (issue 15): write their review copy, record what
they said (approved, approved with changes, withdrawn; when and how), and, once withdrawn,
erase their words for good after the pseudonym is typed."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Select

from reflect import paths
from reflect.bidi import display_line
from reflect.errors import ReflectError
from reflect.exchange.review_copy import CHECK_LABELS, check_label, export_review_copy
from reflect.i18n import _
from reflect.models import Informant
from reflect.text import visible
from reflect.vocab import CheckOutcome
from screens.bidi_view import Button, Input, Label, Static
from screens.export_progress import export_in_background


class MemberCheckDialog(ModalScreen[bool]):
    """Returns True when something was recorded or erased (the story screen redraws)."""

    BINDINGS = [Binding("escape", "close", display_line(_("Close")), id="member_check.close")]

    def __init__(self, informant: Informant) -> None:
        super().__init__()
        self.informant = informant
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Member check: {who}").format(who=visible(self.informant.pseudonym)),
                         classes="dialog-title", markup=False)
            yield Static("", id="check-state", markup=False)
            yield Button(_("Write their review copy (.docx and .md)"), id="copy", compact=True)
            yield Label(_("What they said"))
            yield Select([(display_line(_(CHECK_LABELS[o])), o.value) for o in CheckOutcome],
                         value=CheckOutcome.APPROVED.value, allow_blank=False, id="outcome",
                         compact=True)
            with Horizontal(id="check-when"):
                yield Input(date.today().isoformat(), id="checked-on", compact=True)
                yield Input(id="how", compact=True,
                            placeholder=_("how: in person, by phone, by letter"))
            yield Input(id="note", compact=True, placeholder=_("note (optional)"))
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), variant="primary", id="record")
                yield Button(_("Erase their words"), variant="error", id="erase")
                yield Button(_("Close"), id="close")

    def on_mount(self) -> None:
        self._show_state()
        self.query_one("#outcome", Select).focus()

    def _show_state(self) -> None:
        store = self.app.store
        self.informant = store.informant(self.informant.id)
        check = store.latest_checks([self.informant.id]).get(self.informant.id)
        self.query_one("#check-state", Static).update(display_line(
            _("Now: {state}").format(state=check_label(check))))
        self.query_one("#erase", Button).display = self.informant.withdrawn
        self.query_one("#copy", Button).disabled = self.informant.withdrawn

    def _error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    @on(Button.Pressed, "#copy")
    def write_copy(self) -> None:
        folder, store, informant_id = paths.data_dir() / "exports", self.app.store, \
            self.informant.id
        export_in_background(
            self.app, _("Writing the review copy"),
            lambda progress: export_review_copy(store, informant_id, folder, progress=progress),
            _("Review copy written"), folder)

    @on(Button.Pressed, "#record")
    def record(self) -> None:
        typed = self.query_one("#checked-on", Input).value.strip()
        try:
            checked_on = date.fromisoformat(typed)
        except ValueError:
            self._error(_("'{typed}' is not a date: write it as 2026-12-04.").format(typed=typed))
            return
        outcome = str(self.query_one("#outcome", Select).value)
        try:
            self.app.store.record_check(self.informant.id, outcome, checked_on,
                                        self.query_one("#how", Input).value,
                                        self.query_one("#note", Input).value,
                                        self.app.interviewer_name)
        except ReflectError as exc:
            self._error(str(exc))
            return
        self.changed = True
        self._error("")
        self._show_state()
        if outcome == CheckOutcome.WITHDRAWN:
            self.app.notify(_("{who}'s words are hidden from every view, export and bundle. "
                              "Nothing is deleted unless you erase them.").format(
                who=self.informant.pseudonym), title=_("Withdrawn"), timeout=10)

    @on(Button.Pressed, "#erase")
    def erase(self) -> None:
        from screens.prompts import TextPrompt

        who = self.informant.pseudonym

        def typed(answer: str | None) -> None:
            if answer is None:
                return
            if answer != who:
                self._error(_("Not erased: the name typed was not {who}.").format(who=who))
                return
            try:
                counts = self.app.store.erase_informant(self.informant.id,
                                                        self.app.interviewer_name)
            except ReflectError as exc:
                self._error(str(exc))
                return
            self.changed = True
            self.app.notify(_("Erased for good: {answers} answers, {notes} notes, {evidence} "
                              "evidence links. See the README on backups and bundles already "
                              "sent.").format(**counts), title=_("Erased"), timeout=12)
            self._show_state()

        self.app.push_screen(TextPrompt(
            _("Erase {who}'s words for good?").format(who=who),
            _("Their answers, your notes on them and the evidence cut from them are deleted "
              "from this database and cannot be brought back. Type {who} to confirm.").format(
                who=who), empty_message=_("Type the pseudonym, or press Esc.")), typed)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(self.changed)
