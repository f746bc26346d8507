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
from textual.widgets.select import NoSelection

from reflect import paths
from reflect.bidi import display_line
from reflect.errors import ReflectError
from reflect.exchange.review_copy import CHECK_LABELS, check_label, export_review_copy
from reflect.i18n import _
from reflect.models import Informant
from reflect.text import visible
from reflect.vocab import CheckOutcome
from reflect_tui.bidi_view import Button, Input, Label, Static
from reflect_tui.export_progress import export_in_background
from reflect_tui.safe import text


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
            # on their state as it is (blank when never checked): one key never changes it
            yield Select([(display_line(_(CHECK_LABELS[o])), o.value) for o in CheckOutcome],
                         value=self._current_outcome(), prompt=display_line(_("choose")),
                         id="outcome", compact=True)
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

    def _current_outcome(self) -> str | NoSelection:
        check = self.app.store.latest_checks([self.informant.id]).get(self.informant.id)
        if self.informant.withdrawn:
            return CheckOutcome.WITHDRAWN.value
        return check.outcome if check is not None else Select.NULL

    def on_mount(self) -> None:
        self._show_state()
        self.query_one("#outcome", Select).focus()

    def _show_state(self) -> None:
        store = self.app.store
        self.informant = store.informant(self.informant.id)
        check = store.latest_checks([self.informant.id]).get(self.informant.id)
        self.query_one("#check-state", Static).update(text(display_line(
            _("Now: {state}").format(state=visible(check_label(check))))))
        self.query_one("#erase", Button).display = self.informant.withdrawn
        self.query_one("#copy", Button).disabled = self.informant.withdrawn

    def _error(self, message: str) -> None:
        """A message that may quote what was typed or stored: drawn as written."""
        self.query_one("#form-error", Static).update(text(message))

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
        chosen = self.query_one("#outcome", Select)
        if chosen.is_blank():
            self._error(_("Choose what they said first."))
            chosen.focus()
            return
        outcome = str(chosen.value)
        if self.informant.withdrawn and outcome != CheckOutcome.WITHDRAWN:
            self._confirm_reversal(outcome, checked_on)
            return
        self._save(outcome, checked_on)

    def _confirm_reversal(self, outcome: str, checked_on: date) -> None:
        """Taking back a withdrawal brings their words back everywhere: asked first."""
        from reflect_tui.confirm import ConfirmDialog

        who = self.informant.pseudonym
        self.app.push_screen(ConfirmDialog(
            _("Take back {who}'s withdrawal?").format(who=who),
            _("{who} withdrew. Recording '{outcome}' brings their words back into every view, "
              "export, book and bundle. Do it only if {who} said so.").format(
                who=who, outcome=_(CHECK_LABELS[CheckOutcome(outcome)])),
            _("Yes, take it back")),
            lambda yes: yes and self._save(outcome, checked_on, reverse_withdrawal=True))

    def _save(self, outcome: str, checked_on: date, reverse_withdrawal: bool = False) -> None:
        try:
            self.app.store.record_check(self.informant.id, outcome, checked_on,
                                        self.query_one("#how", Input).value,
                                        self.query_one("#note", Input).value,
                                        self.app.interviewer_name,
                                        reverse_withdrawal=reverse_withdrawal)
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
            if left := counts.compaction.message():  # another program still reads the file
                self.app.notify(visible(left), title=_("Still in the file"), severity="warning",
                                timeout=30, markup=False)
            self._show_state()

        self.app.push_screen(EraseDialog(who), typed)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(self.changed)


class EraseDialog(ModalScreen[str | None]):
    """The one step that cannot be undone: the whole warning, wrapped to the dialog's width
    (at 80x24 too), then the pseudonym typed to confirm. Returns what was typed."""

    BINDINGS = [Binding("escape", "cancel", display_line(_("Cancel")), id="erase.cancel")]
    DEFAULT_CSS = """
    EraseDialog #erase-warning {
        width: 100%;
        height: auto;
        margin-bottom: 1;
    }
    """

    def __init__(self, who: str) -> None:
        super().__init__()
        self.who = who

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Erase {who}'s words for good?").format(who=visible(self.who)),
                         classes="dialog-title", markup=False)
            yield Static(_("Their answers, your notes on them and the evidence cut from them "
                           "are deleted from this database and cannot be brought back. Type "
                           "{who} to confirm.").format(who=visible(self.who)),
                         id="erase-warning", markup=False)
            yield Input(id="typed", compact=True, placeholder=_("pseudonym"))
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Erase for good"), variant="error", id="ok")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#typed", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        typed = self.query_one("#typed", Input).value.strip()
        if not typed:
            self.query_one("#form-error", Static).update(
                _("Type the pseudonym, or press Esc."))
            return
        self.dismiss(typed)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
