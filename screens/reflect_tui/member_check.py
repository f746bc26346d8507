"""An informant's say on their own words (issue 15): write their review copy, record what
they said (approved, approved with changes, withdrawn; when and how), and, once withdrawn,
erase their words for good after the pseudonym is typed.

The dialog reads and writes in workers (issue 30): their state is read once it is shown
(`Loaded`), and recording or erasing reports back with `Recorded`, `Erased` or `Refused`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static
from textual.widgets.select import NoSelection

from reflect import formats, paths
from reflect.dates import not_a_date, parse_day
from reflect.errors import ReflectError
from reflect.exchange.review_copy import CHECK_LABELS, check_label, export_review_copy
from reflect.i18n import N_, _
from reflect.models import Informant, MemberCheck
from reflect.store import Store
from reflect.store.member_checks import Erased as Erasure
from reflect.text import visible
from reflect.vocab import CheckOutcome
from reflect_tui.bidi_view import FieldInput
from reflect_tui.export_progress import export_in_background
from reflect_tui.safe import text
from reflect_tui.typed_app import typed_app


class MemberCheckDialog(ModalScreen[bool]):
    """Returns True when something was recorded or erased (the story screen redraws)."""

    BINDINGS = [Binding("escape", "close", N_("Close"), id="member_check.close")]

    if TYPE_CHECKING:
        app = typed_app()

    class Loaded(Message):
        """Their state as stored: the informant and their latest member check."""

        def __init__(self, informant: Informant, check: MemberCheck | None) -> None:
            super().__init__()
            self.informant = informant
            self.check = check

    class Recorded(Message):
        """What they said was recorded."""

        def __init__(self, outcome: str) -> None:
            super().__init__()
            self.outcome = outcome

    class Erased(Message):
        """Their words were erased; `counts` says what went (and what is still in the
        file)."""

        def __init__(self, counts: Erasure) -> None:
            super().__init__()
            self.counts = counts

    class Refused(Message):
        """The store refused to record or erase (said in the dialog)."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, informant: Informant) -> None:
        super().__init__()
        self.informant = informant
        self.changed = False
        self._shown_once = False

    @property
    def store(self) -> Store:
        store = self.app.store
        if store is None:
            raise RuntimeError("the database is not open")
        return store

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Member check: {who}").format(who=visible(self.informant.pseudonym)),
                         classes="dialog-title", markup=False)
            yield Static("", id="check-state", markup=False)
            yield Button(_("Write their review copy (.docx and .md)"), id="copy", compact=True)
            yield Label(_("What they said"))
            # set to their state as it is once read (blank when never checked): one key
            # never changes it
            yield Select([(_(CHECK_LABELS[o]), o.value) for o in CheckOutcome],
                         prompt=_("choose"), id="outcome", compact=True)
            with Horizontal(id="check-when"):
                yield FieldInput(formats.day(date.today()), id="checked-on", compact=True)
                yield FieldInput(id="how", compact=True,
                            placeholder=_("how: in person, by phone, by letter"))
            yield FieldInput(id="note", compact=True, placeholder=_("note (optional)"))
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), variant="primary", id="record")
                yield Button(_("Erase their words"), variant="error", id="erase")
                yield Button(_("Close"), id="close")

    def on_mount(self) -> None:
        self.query_one("#erase", Button).display = self.informant.withdrawn
        self.query_one("#outcome", Select).focus()
        self._load()

    def _state(self, store: Store) -> Loaded:
        """Their state as stored now (a worker thread)."""
        informant = store.informant(self.informant.id) or self.informant
        return self.Loaded(informant, store.latest_checks([informant.id]).get(informant.id))

    @work(thread=True, exclusive=True, group="member-check")
    def _load(self) -> None:
        self.post_message(self._state(self.store))

    @on(Loaded)
    def show_state(self, message: Loaded) -> None:
        self.informant, check = message.informant, message.check
        if not self._shown_once:  # the list opens on their state, once
            self._shown_once = True
            self.query_one("#outcome", Select).value = _outcome_of(self.informant, check)
        self.query_one("#check-state", Static).update(text(
            _("Now: {state}").format(state=visible(check_label(check)))))
        self.query_one("#erase", Button).display = self.informant.withdrawn
        self.query_one("#copy", Button).disabled = self.informant.withdrawn

    def _error(self, message: str) -> None:
        """A message that may quote what was typed or stored: drawn as written."""
        self.query_one("#form-error", Static).update(text(message))

    @on(Button.Pressed, "#copy")
    def write_copy(self) -> None:
        folder, store, informant_id = paths.data_dir() / "exports", self.store, \
            self.informant.id
        export_in_background(
            self.app, _("Writing the review copy"),
            lambda progress: export_review_copy(store, informant_id, folder, progress=progress),
            _("Review copy written"), folder)

    @on(Button.Pressed, "#record")
    def record(self) -> None:
        typed = self.query_one("#checked-on", Input).value.strip()
        checked_on = parse_day(typed)
        if checked_on is None:
            self._error(not_a_date(typed, date.today()))
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
            lambda yes: self._save(outcome, checked_on, reverse_withdrawal=True) if yes else None)

    def _save(self, outcome: str, checked_on: date, reverse_withdrawal: bool = False) -> None:
        self._record(outcome, checked_on, self.query_one("#how", Input).value,
                     self.query_one("#note", Input).value, self.app.interviewer_name,
                     reverse_withdrawal)

    @work(thread=True, group="member-check-write")
    def _record(self, outcome: str, checked_on: date, how: str, note: str, by: str,
                reverse_withdrawal: bool) -> None:
        store = self.store
        try:
            store.record_check(self.informant.id, outcome, checked_on, how, note, by,
                               reverse_withdrawal=reverse_withdrawal)
        except ReflectError as exc:
            self.post_message(self.Refused(str(exc)))
            return
        self.post_message(self._state(store))
        self.post_message(self.Recorded(outcome))

    @on(Refused)
    def refused(self, message: Refused) -> None:
        self._error(message.problem)

    @on(Recorded)
    def recorded(self, message: Recorded) -> None:
        self.changed = True
        self._error("")
        if message.outcome == CheckOutcome.WITHDRAWN:
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
            self._erase(self.app.interviewer_name)

        self.app.push_screen(EraseDialog(who), typed)

    @work(thread=True, group="member-check-write")
    def _erase(self, by: str) -> None:
        store = self.store
        try:
            counts = store.erase_informant(self.informant.id, by)
        except ReflectError as exc:
            self.post_message(self.Refused(str(exc)))
            return
        self.post_message(self._state(store))
        self.post_message(self.Erased(counts))

    @on(Erased)
    def erased(self, message: Erased) -> None:
        counts = message.counts
        self.changed = True
        self.app.notify(_("Erased for good: {answers} answers, {notes} notes, {evidence} "
                          "evidence links. See the README on backups and bundles already "
                          "sent.").format(**counts), title=_("Erased"), timeout=12)
        if counts.recordings:  # the interviews' sound went with the words (issue 34)
            from reflect.store.member_checks import recordings_line

            self.app.notify(recordings_line(counts.recordings, done=True), title=_("Erased"),
                            timeout=12)
        if left := counts.compaction.message():  # another program still reads the file
            self.app.notify(visible(left), title=_("Still in the file"), severity="warning",
                            timeout=30, markup=False)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(self.changed)


class EraseDialog(ModalScreen[str | None]):
    """The one step that cannot be undone: the whole warning, wrapped to the dialog's width
    (at 80x24 too), then the pseudonym typed to confirm. Returns what was typed."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="erase.cancel")]
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
            yield FieldInput(id="typed", compact=True, placeholder=_("pseudonym"))
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


def _outcome_of(informant: Informant, check: MemberCheck | None) -> str | NoSelection:
    """The outcome the list opens on: withdrawn, their latest check's, or none chosen."""
    if informant.withdrawn:
        return CheckOutcome.WITHDRAWN.value
    return check.outcome if check is not None else Select.NULL
