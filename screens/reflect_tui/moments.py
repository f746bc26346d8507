"""The interview as it happens, on the session screen (issue 15): the recording's start
(F4), a time code stamped into the answer (F3), and the interviewer's own notes (F2).
F6 and F7 stay the answer area's (select the line, select all).

`Moments` is a widget: it shows the interviewer's notes on the question on screen, keeps the
time codes (when a question was first opened, when its answer was begun), and runs the F2 and
F4 dialogs. It writes through the write line its screen gives it (`attach`), off the UI
thread, and tells the screen what changed with its own messages (NoteTaken, RecordingStarted,
RecordingConsentRecorded). The keys stay the screen's bindings (a binding acts only where the
focus is, and the focus is in the answer): the screen's actions call `take_note`,
`start_recording` and `stamp`. Saving the answer text is the autosave's
(reflect.method.autosave), not this widget's.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from reflect import timecodes
from reflect.i18n import N_, _, ngettext
from reflect.method.session import SessionRun
from reflect.models import InterviewerNote
from reflect_tui.safe import markup
from reflect_tui.typed_app import typed_app
from reflect_tui.write_line import Job

MOMENT_BINDINGS = [
    Binding("f4", "recording", N_("Recording"), id="session.recording",
            show=False, priority=True),
    Binding("f3", "stamp", N_("Time code"), id="session.stamp", show=False,
            priority=True),
    Binding("f2", "note", N_("Note"), id="session.note", show=False,
            priority=True),
]

Write = Callable[[Job], "Future[object]"]
"""Queues a store job on the screen's write line (reflect_tui.write_line)."""


class Moments(Static):
    """The notes on the question shown, the time codes, the recording (see the module)."""

    if TYPE_CHECKING:
        app = typed_app()

    class NoteTaken(Message):
        """The interviewer's note was stored (posted from the write line's thread)."""

        def __init__(self, note: InterviewerNote) -> None:
            super().__init__()
            self.note = note

    class RecordingStarted(Message):
        """Time codes count from the recording from now on."""

    class RecordingConsentRecorded(Message):
        """The interviewee's answer about being recorded was stored (asked at F4)."""

        def __init__(self, agreed: bool) -> None:
            super().__init__()
            self.agreed = agreed

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__("", id=id)
        self.run: SessionRun | None = None
        self._clock: Callable[[], int] = lambda: 0
        self._write: Write | None = None
        self.interviewee = ""
        self.editable = False
        self._typing_code: tuple[int, str] | None = None
        self._drawn: tuple[str, ...] | None = None

    def attach(self, run: SessionRun, clock: Callable[[], int], write: Write,
               interviewee: str) -> None:
        """The loaded session: its run, its clock (seconds), its write line, and the
        interviewee's pseudonym (for the recording's questions)."""
        self.run, self._clock, self._write = run, clock, write
        self.interviewee = interviewee or _("the interviewee")

    def _run(self) -> SessionRun:
        if self.run is None:
            raise RuntimeError("Moments used before its session was attached")
        return self.run

    # Time codes --------------------------------------------------------------------------
    def code_now(self) -> tuple[int, str]:
        return self._run().code_now(self._clock())

    def shown_code(self, code: int | None, kind: str) -> str:
        return timecodes.shown(code, kind, self._run().has_recording)

    @property
    def keeps_codes(self) -> bool:
        return self.run is not None and self.run.session.kind == "interview" and self.editable

    def show(self, editable: bool) -> None:
        """A question is shown: draw its notes and keep the time code at which it was first
        opened (interviews; stored in the background)."""
        self.editable = editable
        self._typing_code = None
        self.draw_notes()
        if self.keeps_codes and self._write is not None:
            run, code, question_id = self._run(), self.code_now(), self._run().question.id
            self._write(lambda: run.mark_opened(code, question_id))

    def typing(self, typed: str) -> None:
        """Called on every change of the answer: keeps the code of the first keystroke."""
        run = self._run()
        answer = run.answer()
        if (not self.keeps_codes or self._typing_code is not None
                or run.question.type != "text"
                or (answer is not None and answer.typed_code is not None)):
            return
        if typed.strip() and typed != run.text():  # not the text shown on opening
            self._typing_code = self.code_now()

    @property
    def typed_code(self) -> tuple[int, str] | None:
        """When typing this question's answer began (None: not begun here, or kept)."""
        return self._typing_code

    def stamp(self) -> str:
        """F3: the time code to put into the answer at the cursor, as shown there."""
        return self.shown_code(*self.code_now())

    def moments_line(self) -> str:
        """The question's time codes, for the status line (plain text)."""
        run = self._run()
        if run.session.kind != "interview":
            return ""
        answer = run.answer()
        if self.editable and not run.text():  # the keys, until the answer is begun
            return _("F2 note · F3 time code · F4 recording")
        bits = []
        if answer is not None and answer.opened_code is not None:
            bits.append(_("asked {code}").format(
                code=self.shown_code(answer.opened_code, answer.opened_kind)))
        if notes := len(run.notes_on()):
            bits.append(f"✎{notes}")
        return " ".join(bits)

    def recording_mark(self) -> Content | None:
        """For the top bar: '● 00:12:31' (the recorder's time) while a recording runs, in
        place of the interview clock (interviews only)."""
        run = self._run()
        if run.session.kind != "interview" or not run.has_recording:
            return None
        code, _kind = self.code_now()
        return markup("  [b $error]●[/] $code", code=timecodes.hms(code))

    # F4: the recording started -----------------------------------------------------------
    def start_recording(self) -> None:
        """Only with the interviewee's yes to a recording: refused on a no; asked first
        when their consent record holds no answer (interviews from before it was asked)."""
        from reflect_tui.consent import RecordingConsentDialog

        run = self._run()
        session = run.session
        if session.kind == "interview" and session.recording_consent is False:
            self.app.notify(_("{who} did not agree to be recorded (their consent record says "
                              "no): no recording may be made in this interview. Take notes "
                              "instead (F2).").format(who=self.interviewee),
                            title=_("No recording"), severity="error", timeout=10)
            return
        if session.kind == "interview" and session.recording_consent is None:
            def answered(answer: tuple[bool, str] | None) -> None:
                if answer is None or self._write is None:
                    return
                agreed, how = answer

                def save() -> None:
                    run.session = run.store.record_recording_consent(
                        session.id, agreed, how, actor=session.interviewer)
                    self.post_message(self.RecordingConsentRecorded(agreed))

                self._write(save)

            self.app.push_screen(RecordingConsentDialog(self.interviewee), answered)
            return
        self._ask_recorder_time()

    def on_moments_recording_consent_recorded(self,
                                              message: RecordingConsentRecorded) -> None:
        if message.agreed:
            self._ask_recorder_time()
        else:
            self.app.notify(_("Recorded: {who} does not agree to be recorded. No recording "
                              "will be made.").format(who=self.interviewee),
                            title=_("No recording"))

    def _ask_recorder_time(self) -> None:
        from reflect_tui.prompts import TextPrompt

        def entered(typed: str | None) -> None:
            if typed is None or self._write is None:
                return
            seconds = timecodes.parse_recorder_time(typed)
            if seconds is None:
                self.app.notify(_("'{typed}' is not a time: type what the recorder shows, "
                                  "as 12:31 or 1:02:03.").format(typed=typed),
                                title=_("Recording"), severity="error")
                return
            run = self._run()

            def start() -> None:
                run.start_recording(seconds)
                self.post_message(self.RecordingStarted())

            self._write(start)

        self.app.push_screen(TextPrompt(
            _("The recording started"),
            _("What does the recorder show now? Press Enter on 0 if it has just started; "
              "type its time (12:31 or 1:02:03) if it started earlier."), value="0",
            empty_message=_("Type the recorder's time, or 0.")), entered)

    def on_moments_recording_started(self) -> None:
        self.app.notify(_("Time codes now count from the recording."), title=_("Recording"))

    # F2: the interviewer's note ----------------------------------------------------------
    def take_note(self) -> None:
        from reflect_tui.prompts import TextPrompt

        run = self._run()
        code = self.code_now() if run.session.kind == "interview" else None
        question_id = run.question.id

        def entered(text: str | None) -> None:
            if text and self._write is not None:
                self._write(lambda: self.post_message(
                    self.NoteTaken(run.add_note(text, code, question_id))))

        self.app.push_screen(TextPrompt(
            _("Interviewer's note"),
            _("What you observed (a silence, tears, someone came in), context, or something "
              "to check later. Kept apart from the informant's words; never published."),
            empty_message=_("Type the note, or press Esc.")), entered)

    def on_moments_note_taken(self) -> None:
        self.app.notify(_("Note kept (yours, apart from the answer)."), title=_("Note"))
        self.draw_notes()

    def draw_notes(self) -> None:
        """The notes on the question shown (hidden when there are none)."""
        run = self._run()
        notes = run.notes_on()
        lines = tuple("  " + timecodes.note_line(note, run.has_recording) for note in notes)
        if lines == self._drawn:
            return
        self._drawn = lines
        heading = ngettext("Your note:", "Your notes:", len(notes))
        self.update(markup("[b]$heading[/b]\n$lines", heading=heading,
                           lines="\n".join(lines)) if notes else "")
        self.display = bool(notes)
