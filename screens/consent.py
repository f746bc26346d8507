"""The consent gate: no interview starts until consent is recorded as given or refused."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Select

from reflect.bidi import display_line
from reflect.i18n import N_, _
from reflect.protocol.definition import Protocol
from reflect.roles import PresentRole
from reflect.store import CONSENT_METHODS, ConsentRecord
from reflect.text import visible
from screens.bidi_view import Button, Input, Label, Static


class ConsentDialog(ModalScreen[ConsentRecord | None]):
    CSS_PATH = "consent.tcss"
    BINDINGS = [Binding("escape", "cancel", display_line(_("Cancel")), id="consent.cancel")]

    def __init__(self, protocol: Protocol, informant_label: str, interviewer: str = ""):
        super().__init__()
        self.protocol = protocol
        self.informant_label = informant_label
        self.interviewer = interviewer
        self.others: list[tuple[str, str]] = []
        """Everyone else present, as added: (name, PresentRole value)."""

    def compose(self) -> ComposeResult:
        consent = self.protocol.consent
        assert consent is not None  # interview protocols always have one (validated)
        with Vertical(classes="dialog"):
            yield Static(_("Consent of {who}").format(who=visible(self.informant_label)),
                         classes="dialog-title", markup=False)
            with VerticalScroll(id="consent-text"):
                if self.protocol.introduction:
                    yield Static(self.protocol.introduction.strip() + "\n", markup=False,
                                 id="introduction")
                yield Static(consent.text.strip(), markup=False, id="consent-body")
                yield Static(_("Consent text version: {version}").format(
                    version=consent.version), classes="hint", markup=False)
            yield Label(_("Interviewer (who asked and records consent)"))
            yield Input(self.interviewer, id="interviewer", compact=True,
                        placeholder=_("your name"))
            yield Static(_("Also present (co-interviewers, observers, interpreters)"),
                         id="present", markup=False)
            with Horizontal(id="present-row"):
                yield Input(id="other-name", compact=True, placeholder=_("name"))
                yield Select([(display_line(role.label), role.value) for role in PresentRole],
                             value=PresentRole.CO_INTERVIEWER.value, allow_blank=False,
                             id="other-role", compact=True)
                yield Button(_("Add"), id="add-person", compact=True)
                yield Button(_("Remove last"), id="remove-person", compact=True)
            yield Label(_("How consent was given"))
            yield Select([(display_line(_(method)), method) for method in CONSENT_METHODS],
                         value="verbal", allow_blank=False, id="method", compact=True)
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Consent given"), variant="success", id="given")
                yield Button(_("Consent refused"), variant="error", id="refused")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#interviewer", Input).focus()

    @on(Input.Submitted, "#other-name")
    @on(Button.Pressed, "#add-person")
    def add_person(self) -> None:
        name_input = self.query_one("#other-name", Input)
        name = name_input.value.strip()
        if not name:
            self.query_one("#form-error", Static).update(
                _("Type the name of the person present, then Add."))
            name_input.focus()
            return
        self.others.append((name, str(self.query_one("#other-role", Select).value)))
        name_input.value = ""
        self._show_present()
        name_input.focus()

    @on(Button.Pressed, "#remove-person")
    def remove_person(self) -> None:
        if self.others:
            self.others.pop()
            self._show_present()

    def _show_present(self) -> None:
        self.query_one("#form-error", Static).update("")
        listed = _(", ").join(f"{visible(name)} ({PresentRole(role).label})"
                              for name, role in self.others)
        self.query_one("#present", Static).update(display_line(
            _("{label}: {people}").format(label=_("Also present"), people=listed) if listed
            else _("Also present (co-interviewers, observers, interpreters)")))

    def _record(self, given: bool) -> None:
        interviewer = self.query_one("#interviewer", Input).value.strip()
        if not interviewer:
            self.query_one("#form-error", Static).update(
                _("Enter the interviewer's name: the consent record says who took it."))
            self.query_one("#interviewer", Input).focus()
            return
        method = str(self.query_one("#method", Select).value)
        pending = self.query_one("#other-name", Input).value.strip()
        if pending:  # a name typed but not added: add it rather than lose it
            self.add_person()
        self.dismiss(ConsentRecord(given=given, method=method, recorded_by=interviewer,
                                   others=tuple(self.others)))

    @on(Button.Pressed, "#given")
    def given(self) -> None:
        self._record(True)

    @on(Button.Pressed, "#refused")
    def refused(self) -> None:
        self._record(False)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


# the consent methods as the interface shows them (stored in English, as data)
_METHODS = (N_("verbal"), N_("written"), N_("recorded"))
