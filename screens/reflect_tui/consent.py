"""The consent gate: no interview starts until consent is recorded as given or refused."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from reflect.i18n import N_, _
from reflect.protocol.definition import Protocol
from reflect.roles import PresentRole
from reflect.store import CONSENT_METHODS, ConsentRecord
from reflect.text import visible
from reflect_tui.bidi_view import FieldInput
from reflect_tui.safe import text


class ConsentDialog(ModalScreen[ConsentRecord | None]):
    CSS_PATH = "consent.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="consent.cancel"),
                Binding("pagedown", "text_down", show=False),
                Binding("pageup", "text_up", show=False)]

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
                    # the protocol file's words, drawn as written (not markup, no controls)
                    yield Static(text(self.protocol.introduction.strip() + "\n"),
                                 id="introduction")
                yield Static(text(consent.text.strip()), id="consent-body")
                yield Static(text(_("Consent text version: {version}").format(
                    version=consent.version)), classes="hint")
            yield _row(Label(_("Interviewer (who asked and records consent)")),
                       FieldInput(self.interviewer, id="interviewer", compact=True,
                             placeholder=_("your name")))
            yield Static(_("Also present (co-interviewers, observers, interpreters)"),
                         id="present", markup=False)
            with Horizontal(id="present-row"):
                yield FieldInput(id="other-name", compact=True, placeholder=_("name"))
                yield Select([(role.label, role.value) for role in PresentRole],
                             value=PresentRole.CO_INTERVIEWER.value, allow_blank=False,
                             id="other-role", compact=True)
                yield Button(_("Add"), id="add-person", compact=True)
                yield Button(_("Remove last"), id="remove-person", compact=True)
            yield _row(Label(_("How consent was given")), _method_select("method"))
            yield _row(Label(_("Consent to record")),
                       Select(_recording_options(), prompt=_("ask: not answered"),
                              id="recording", compact=True),
                       Label(_("how"), id="recording-how"),
                       _method_select("recording-method"), id="recording-row")
            yield Static("", id="form-error", classes="error-text")
            with Horizontal(classes="buttons"):
                yield Button(_("Consent given"), variant="success", id="given")
                yield Button(_("Consent refused"), variant="error", id="refused")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#interviewer", Input).focus()
        # by keys, wheel or scrollbar: the frame's hint follows
        self.watch(self.query_one("#consent-text", VerticalScroll), "scroll_y",
                   lambda _y: self._show_more(), init=False)
        self.call_after_refresh(self._show_more)

    def on_resize(self) -> None:
        # the dialog's frame, title and form take 17 rows: the text's frame gets the rest
        box = self.query_one("#consent-text", VerticalScroll)
        box.styles.max_height = max(5, self.size.height - 17)
        self.call_after_refresh(self._show_more)

    def _show_more(self) -> None:
        """Say in the text's frame that more of it is below (and how to read it), so nobody
        takes the first lines for the whole consent text."""
        box = self.query_one("#consent-text", VerticalScroll)
        if not box.is_mounted:
            return
        if box.max_scroll_y == 0:
            hint = ""
        elif box.scroll_y < box.max_scroll_y:
            hint = _("↓ more below: PgDn, or scroll")
        else:
            hint = _("end of the text · PgUp goes back")
        box.border_subtitle = hint

    def action_text_down(self) -> None:
        box = self.query_one("#consent-text", VerticalScroll)
        box.scroll_page_down(animate=False)
        self._show_more()

    def action_text_up(self) -> None:
        box = self.query_one("#consent-text", VerticalScroll)
        box.scroll_page_up(animate=False)
        self._show_more()

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
        self.query_one("#present", Static).update(
            _("{label}: {people}").format(label=_("Also present"), people=listed) if listed
            else _("Also present (co-interviewers, observers, interpreters)"))

    def _record(self, given: bool) -> None:
        interviewer = self.query_one("#interviewer", Input).value.strip()
        if not interviewer:
            self.query_one("#form-error", Static).update(
                _("Enter the interviewer's name: the consent record says who took it."))
            self.query_one("#interviewer", Input).focus()
            return
        method = str(self.query_one("#method", Select).value)
        recording_select = self.query_one("#recording", Select)
        recording = None if recording_select.is_blank() else recording_select.value == "yes"
        if given and recording is None:
            self.query_one("#form-error", Static).update(
                _("Ask whether they agree to be recorded, and choose the answer under "
                  "'Consent to record'."))
            recording_select.focus()
            return
        pending = self.query_one("#other-name", Input).value.strip()
        if pending:  # a name typed but not added: add it rather than lose it
            self.add_person()
        self.dismiss(ConsentRecord(
            given=given, method=method, recorded_by=interviewer, others=tuple(self.others),
            recording=recording, recording_method=str(
                self.query_one("#recording-method", Select).value) if recording is not None
            else ""))

    @on(Button.Pressed, "#given")
    def given(self) -> None:
        self._record(True)

    @on(Button.Pressed, "#refused")
    def refused(self) -> None:
        self._record(False)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _row(*widgets, id: str | None = None) -> Horizontal:  # noqa: A002 (Textual's name)
    """A label and its field on one row (read from the right in a right-to-left interface:
    reflect_tui.mirror)."""
    return Horizontal(*widgets, classes="consent-row", id=id)


def _method_select(id_: str) -> Select:
    return Select([(_(method), method) for method in CONSENT_METHODS],
                  value="verbal", allow_blank=False, id=id_, compact=True)


def _recording_options() -> list[tuple[str, str]]:
    return [(_("yes, agrees to be recorded"), "yes"),
            (_("no recording"), "no")]


class RecordingConsentDialog(ModalScreen[tuple[bool, str] | None]):
    """Ask, before a recording starts, whether the interviewee agrees to be recorded (an
    interview whose consent record holds no answer about it): returns (agreed, how)."""

    CSS_PATH = "consent.tcss"
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"),
                        id="recording_consent.cancel")]

    def __init__(self, who: str):
        super().__init__()
        self.who = who

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="recording-consent"):
            yield Static(_("Consent to record"), classes="dialog-title", markup=False)
            yield Static(_("This interview's consent record does not say whether {who} agrees "
                           "to be recorded. Ask them now; no recording starts without a "
                           "yes. The answer is kept with the consent record and cannot be "
                           "changed later.").format(who=visible(self.who)), markup=False,
                         id="recording-question")
            yield _row(Label(_("How they answered")), _method_select("recording-method"))
            with Horizontal(classes="buttons"):
                yield Button(_("Agrees to be recorded"), variant="success", id="agrees")
                yield Button(_("Does not agree"), variant="error", id="declines")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()  # an answer is chosen, never defaulted

    def _answer(self, agreed: bool) -> None:
        self.dismiss((agreed, str(self.query_one("#recording-method", Select).value)))

    @on(Button.Pressed, "#agrees")
    def agrees(self) -> None:
        self._answer(True)

    @on(Button.Pressed, "#declines")
    def declines(self) -> None:
        self._answer(False)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


# the consent methods as the interface shows them (stored in English, as data)
_METHODS = (N_("verbal"), N_("written"), N_("recorded"))
