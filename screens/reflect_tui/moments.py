"""The interview as it happens, on the session screen (issue 15): the recording's start
(F4), a time code stamped into the answer (F3), and the interviewer's own notes (F2).
F6 and F7 stay the answer area's (select the line, select all).

A mixin for SessionScreen: it uses the screen's `run`, `elapsed()`, `editable`, `kind`,
`persist()`, `draw_status()`, `show_question()` and its drawing helper `_set()`. Saving the
answer text is the autosave's (reflect.method.autosave), not the mixin's.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import TextArea

from reflect import timecodes
from reflect.bidi import display_line
from reflect.i18n import _, ngettext
from reflect_tui.safe import markup

MOMENT_BINDINGS = [
    Binding("f4", "recording", display_line(_("Recording")), id="session.recording",
            show=False, priority=True),
    Binding("f3", "stamp", display_line(_("Time code")), id="session.stamp", show=False,
            priority=True),
    Binding("f2", "note", display_line(_("Note")), id="session.note", show=False,
            priority=True),
]


class InterviewMoments:
    """Actions and drawing for recordings, time codes and interviewer notes."""

    _typing_code: tuple[int, str] | None = None

    # Time codes --------------------------------------------------------------------------
    def code_now(self) -> tuple[int, str]:
        return self.run.code_now(self.elapsed())

    def shown_code(self, code: int | None, kind: str) -> str:
        return timecodes.shown(code, kind, self.run.has_recording)

    @property
    def keeps_codes(self) -> bool:
        return self.run.session.kind == "interview" and self.editable

    def mark_question_opened(self) -> None:
        """The time code at which this question was first opened (interviews)."""
        self._typing_code = None
        if self.keeps_codes:
            self.persist(lambda: self.run.mark_opened(self.code_now()))

    def note_typing(self) -> None:
        """Called on every change of the answer: keeps the code of the first keystroke."""
        answer = self.run.answer()
        if (not self.keeps_codes or self._typing_code is not None or self.kind != "text"
                or (answer is not None and answer.typed_code is not None)):
            return
        typed = self.query_one("#answer", TextArea).text
        if typed.strip() and typed != self.run.text():  # not the text shown on opening
            self._typing_code = self.code_now()

    def typed_code(self) -> tuple[int, str] | None:
        return self._typing_code

    def moments_line(self) -> str:
        """The question's time codes, for the status line (plain text)."""
        if self.run.session.kind != "interview":
            return ""
        answer = self.run.answer()
        if self.editable and not self.run.text():  # the keys, until the answer is begun
            return _("F2 note · F3 time code · F4 recording")
        bits = []
        if answer is not None and answer.opened_code is not None:
            bits.append(_("asked {code}").format(
                code=self.shown_code(answer.opened_code, answer.opened_kind)))
        if notes := len(self.run.notes_on()):
            bits.append(f"✎{notes}")
        return " ".join(bits)

    def recording_mark(self) -> Content | None:
        """For the top bar: '● 00:12:31' (the recorder's time) while a recording runs, in
        place of the interview clock (interviews only)."""
        if self.run.session.kind != "interview" or not self.run.has_recording:
            return None
        code, _kind = self.run.code_now(self.elapsed())
        return markup("  [b $error]●[/] $code", code=timecodes.hms(code))

    # F4: the recording started -----------------------------------------------------------
    def action_recording(self) -> None:
        """Only with the interviewee's yes to a recording: refused on a no; asked first
        when their consent record holds no answer (interviews from before it was asked)."""
        from reflect_tui.consent import RecordingConsentDialog

        session = self.run.session
        if session.kind == "interview" and session.recording_consent is False:
            self.app.notify(_("{who} did not agree to be recorded (their consent record says "
                              "no): no recording may be made in this interview. Take notes "
                              "instead (F2).").format(who=self._interviewee()),
                            title=_("No recording"), severity="error", timeout=10)
            return
        if session.kind == "interview" and session.recording_consent is None:
            def answered(answer: tuple[bool, str] | None) -> None:
                if answer is None:
                    return
                agreed, how = answer

                def save() -> None:
                    self.run.session = self.run.store.record_recording_consent(
                        session.id, agreed, how, actor=session.interviewer)

                if not self.persist(save):
                    return
                self.draw_status()
                if agreed:
                    self._ask_recorder_time()
                else:
                    self.app.notify(_("Recorded: {who} does not agree to be recorded. No "
                                      "recording will be made.").format(
                                        who=self._interviewee()), title=_("No recording"))

            self.app.push_screen(RecordingConsentDialog(self._interviewee()), answered)
            return
        self._ask_recorder_time()

    def _interviewee(self) -> str:
        session = self.run.session
        informant = (self.run.store.informant(session.informant_id)
                     if session.informant_id else None)
        return informant.pseudonym if informant else _("the interviewee")

    def _ask_recorder_time(self) -> None:
        from reflect_tui.prompts import TextPrompt

        def entered(typed: str | None) -> None:
            if typed is None:
                return
            seconds = timecodes.parse_recorder_time(typed)
            if seconds is None:
                self.app.notify(_("'{typed}' is not a time: type what the recorder shows, "
                                  "as 12:31 or 1:02:03.").format(typed=typed),
                                title=_("Recording"), severity="error")
                return
            if self.persist(lambda: self.run.start_recording(seconds)):
                self.app.notify(_("Time codes now count from the recording."),
                                title=_("Recording"))
                self.show_question()

        self.app.push_screen(TextPrompt(
            _("The recording started"),
            _("What does the recorder show now? Press Enter on 0 if it has just started; "
              "type its time (12:31 or 1:02:03) if it started earlier."), value="0",
            empty_message=_("Type the recorder's time, or 0.")), entered)

    # F3: stamp a time code into the answer -----------------------------------------------
    def action_stamp(self) -> None:
        area = self.query_one("#answer", TextArea)
        if not area.display or area.read_only:
            return
        row, column = area.cursor_location
        before = area.document.get_line(row)[:column]
        space = " " if before and not before[-1].isspace() else ""
        area.insert(f"{space}{self.shown_code(*self.code_now())} ")
        area.focus()

    # F2: the interviewer's note ----------------------------------------------------------
    def action_note(self) -> None:
        from reflect_tui.prompts import TextPrompt

        code = self.code_now() if self.run.session.kind == "interview" else None

        def entered(text: str | None) -> None:
            if text and self.persist(lambda: self.run.add_note(text, code)):
                self.app.notify(_("Note kept (yours, apart from the answer)."),
                                title=_("Note"))
                self.draw_notes()
                self.draw_status()

        self.app.push_screen(TextPrompt(
            _("Interviewer's note"),
            _("What you observed (a silence, tears, someone came in), context, or something "
              "to check later. Kept apart from the informant's words; never published."),
            empty_message=_("Type the note, or press Esc.")), entered)

    def draw_notes(self) -> None:
        notes = self.run.notes_on()
        heading = ngettext("Your note:", "Your notes:", len(notes))
        lines = ["  " + timecodes.note_line(note, self.run.has_recording) for note in notes]
        self._set("#notes", markup("[b]$heading[/b]\n$lines", heading=heading,
                                   lines="\n".join(lines)) if notes else "")
