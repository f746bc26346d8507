"""Draft transcripts in the F10 review (issue 34, point 4): each question's transcript below
its typed answer, never in its place; keys take it into the answer.

- a: accept (the transcript replaces the answer's text; asks first when the answer has text)
- m: merge (the transcript is added after the answer's text)
- e: edit (the transcript opens in an editor; what is saved replaces the answer's text)
- t: transcribe the session's recordings now (in a worker, with progress), when the optional
  extra is installed; without it the key says how to install it.

The answer then records that its text came from a transcript, and from which model
(reflect.store.transcripts). ReviewScreen mixes `TranscriptActions` in and calls
`read_transcripts` once mounted and `show_transcript` for the highlighted question; the
widgets and the work are all here.
"""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reflect import timecodes
from reflect.errors import ReflectError
from reflect.i18n import N_, NP_, _, ngettext
from reflect.models_transcript import ACCEPTED, EDITED, MERGED
from reflect.protocol.render import answer_text
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.safe import SafeTextArea, cell_text, joined, text

if TYPE_CHECKING:
    from reflect.method.session import SessionRun
    from reflect.models import Answer
    from reflect.store.transcripts import AnswerSource, QuestionTranscript

TRANSCRIPT_BINDINGS = [
    Binding("a", "accept_transcript", NP_("key", "Accept"),
            id="review.accept_transcript", show=False),
    Binding("m", "merge_transcript", NP_("key", "Merge"),
            id="review.merge_transcript", show=False),
    Binding("e", "edit_transcript", NP_("key", "Edit"),
            id="review.edit_transcript", show=False),
    Binding("t", "transcribe", NP_("key", "Transcribe"),
            id="review.transcribe", show=False),
]
"""The review's transcript keys (shown in the panel's hint line rather than the footer)."""

TRANSCRIPT_ACTIONS = {"accept_transcript", "merge_transcript", "edit_transcript", "transcribe"}


class TranscriptPanel(Static):
    """The highlighted question's transcript, under its answer."""


class TranscriptBox(VerticalScroll):
    """The panel's own scrolled place under the answer (the table gives up the room)."""

    DEFAULT_CSS = """
    TranscriptBox {
        height: auto;
        max-height: 8;
        border-top: solid $primary-darken-2;
        padding: 0 1;
    }
    """


class TranscriptEditor(ModalScreen[str | None]):
    """The transcript in an editor: Ctrl+S puts what is there in the answer's place."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="transcript_editor.cancel"),
        Binding("ctrl+s", "save", NP_("key", "Save"),
                id="transcript_editor.save"),
    ]
    DEFAULT_CSS = """
    TranscriptEditor #transcript-edit {
        height: 12;
    }
    """

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text, self.value = title, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(text(self.title_text), classes="dialog-title")
            yield SafeTextArea(self.value, id="transcript-edit")
            with Horizontal(classes="buttons"):
                yield Button(_("Put in the answer"), variant="primary", id="save")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#transcript-edit", SafeTextArea).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss(self.query_one("#transcript-edit", SafeTextArea).text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def panel_widgets() -> ComposeResult:
    """What the review shows under the full answer."""
    yield TranscriptBox(TranscriptPanel("", id="review-transcript"), id="review-transcript-box")


def _span(heard: QuestionTranscript) -> str:
    return (f"{timecodes.hms(heard.start_ms // 1000)}–"
            f"{timecodes.hms(heard.end_ms // 1000)}")


def _taken(how: str) -> str:
    return {ACCEPTED: _("accepted into the answer"), MERGED: _("merged into the answer"),
            EDITED: _("edited into the answer")}.get(how, "")


class TranscriptActions:
    """Mixed into ReviewScreen (a Screen with `run`, `editable`, `texts` and a
    `#review-table`)."""

    run: SessionRun
    editable: bool
    texts: dict[str, str]

    class TranscriptsRead(Message):
        def __init__(self, transcripts: dict[str, QuestionTranscript],
                     sources: dict[str, AnswerSource], recordings: int) -> None:
            super().__init__()
            self.transcripts, self.sources, self.recordings = transcripts, sources, recordings

    class TranscriptTaken(Message):
        def __init__(self, answer: Answer) -> None:
            super().__init__()
            self.answer = answer

    class TranscriptionProgress(Message):
        def __init__(self, done: int, total: int, began: float) -> None:
            super().__init__()
            self.done, self.total, self.began = done, total, began

    class TranscriptionEnded(Message):
        def __init__(self, summary: str, error: str = "") -> None:
            super().__init__()
            self.summary, self.error = summary, error

    transcripts: dict[str, QuestionTranscript]
    sources: dict[str, AnswerSource]
    recording_count = 0
    transcribing = ""
    """The progress line while a transcription runs; '' when none does."""
    transcripts_taken: set[str]
    """Questions whose answers took a transcript here (the interview screen redraws)."""

    # Reading and showing -------------------------------------------------------------------
    def read_transcripts(self) -> None:
        self.transcripts, self.sources, self.transcripts_taken = {}, {}, set()
        self._read_transcripts()

    @work(thread=True, group="transcripts")
    def _read_transcripts(self) -> None:
        store, session_id = self.run.store, self.run.session.id
        self.post_message(self.TranscriptsRead(store.transcripts(session_id),  # type: ignore
                                               store.answer_sources(session_id),
                                               len(store.recordings(session_id))))

    def on_transcript_actions_transcripts_read(self, message: TranscriptsRead) -> None:
        self.transcripts, self.sources = message.transcripts, message.sources
        self.recording_count = message.recordings
        self.show_transcript(self._highlighted())

    def _highlighted(self) -> str | None:
        table = self.query_one("#review-table")  # type: ignore[attr-defined]
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def show_transcript(self, question_id: str | None) -> None:
        """The question's transcript, how it was used, and the keys; or how to get one."""
        panels = self.query("#review-transcript")  # type: ignore[attr-defined]
        if not panels:
            return
        panel = panels.first()
        heard = self.transcripts.get(question_id or "") if hasattr(self, "transcripts") else None
        lines: list[Any] = []
        if self.transcribing:
            lines.append(text(self.transcribing, "bold"))
        if heard is not None:
            used = _taken(heard.used)
            heading = _("Transcript ({model}, {span})").format(model=heard.model,
                                                               span=_span(heard))
            lines.append(text(heading + (f" · {used}" if used else ""), "bold"))
            lines.append(text(heard.text))
            if self.editable:
                lines.append(text(_("a accepts it into the answer (replacing its text), m "
                                    "merges it after the answer, e edits it first"), "dim"))
        elif self.recording_count and not self.transcribing:
            lines.append(text(self._no_transcript_hint(), "dim"))
        source = self.sources.get(question_id or "") if hasattr(self, "sources") else None
        if source is not None and (heard is None or not heard.used):
            lines.append(text(_("The answer's text came from a transcript ({how}, model "
                                "{model}).").format(how=_taken(source.used),
                                                    model=source.model), "dim"))
        panel.update(joined("\n", lines))
        self.query_one("#review-transcript-box").display = bool(lines)  # type: ignore

    def _no_transcript_hint(self) -> str:
        from reflect.audio import transcribe

        if not transcribe.available():
            return transcribe.missing_extra()
        return _("No transcript of this question: t transcribes the recordings on this "
                 "laptop.")

    # Taking a transcript into the answer --------------------------------------------------
    def check_transcript_action(self, action: str) -> bool:
        if action == "transcribe":
            return self.editable and not self.transcribing
        return self.editable

    def _chosen(self) -> tuple[str, QuestionTranscript] | None:
        question_id = self._highlighted()
        heard = self.transcripts.get(question_id or "")
        if question_id is None or heard is None:
            self.notify(_("This question has no transcript."),  # type: ignore[attr-defined]
                        severity="warning")
            return None
        return question_id, heard

    def action_accept_transcript(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        question_id, _heard = chosen
        typed = self.run.text(question_id)
        if not typed.strip():
            self._take(question_id, ACCEPTED)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._take(question_id, ACCEPTED)

        words = len(timecodes.strip_stamps(typed).split())
        self.app.push_screen(ConfirmDialog(  # type: ignore[attr-defined]
            _("Replace the answer with the transcript?"),
            ngettext("The answer's {count} typed word is replaced by the transcript (the audit "
                     "trail keeps that it changed). To keep it, merge instead (m).",
                     "The answer's {count} typed words are replaced by the transcript (the "
                     "audit trail keeps that they changed). To keep them, merge instead (m).",
                     words).format(count=words), _("Replace"), focus_yes=True), answered)

    def action_merge_transcript(self) -> None:
        chosen = self._chosen()
        if chosen is not None:
            self._take(chosen[0], MERGED)

    def action_edit_transcript(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        question_id, heard = chosen

        def edited(value: str | None) -> None:
            if value is not None:
                self._take(question_id, EDITED, value)

        self.app.push_screen(TranscriptEditor(  # type: ignore[attr-defined]
            _("Edit the transcript; Ctrl+S puts it in the answer's place"), heard.text), edited)

    @work(thread=True, group="transcripts", exclusive=True)
    def _take(self, question_id: str, how: str, edited: str | None = None) -> None:
        try:
            answer = self.run.store.take_transcript(self.run.session.id, question_id, how,
                                                    edited)
        except ReflectError as exc:
            self.post_message(self.TranscriptionEnded("", str(exc)))  # type: ignore
            return
        self.post_message(self.TranscriptTaken(answer))  # type: ignore[attr-defined]

    def on_transcript_actions_transcript_taken(self, message: TranscriptTaken) -> None:
        answer = message.answer
        self.run.answers[answer.question_id] = answer
        self.transcripts_taken.add(answer.question_id)
        question = next(q for q in self.run.questions if q.id == answer.question_id)
        shown = answer_text(question, answer, [])
        self.texts[answer.question_id] = shown
        table = self.query_one("#review-table")  # type: ignore[attr-defined]
        columns = list(table.columns)
        table.update_cell(answer.question_id, columns[2], cell_text(" ".join(shown.split())))
        table.update_cell(answer.question_id, columns[3],
                          cell_text(str(len(timecodes.strip_stamps(shown).split()))))
        self.notify(_("The transcript is in the answer."))  # type: ignore[attr-defined]
        self._read_transcripts()
        self._show_full(answer.question_id)  # type: ignore[attr-defined]

    # Transcribing from the review ---------------------------------------------------------
    def action_transcribe(self) -> None:
        from reflect.audio import transcribe

        if not transcribe.available():
            self.notify(transcribe.missing_extra(),  # type: ignore[attr-defined]
                        severity="warning", timeout=8)
            return
        self.transcribing = _("Transcribing: loading the model…")
        self.show_transcript(self._highlighted())
        self._transcribe(self.run.session.id)

    @work(thread=True, group="transcription", exclusive=True)
    def _transcribe(self, session_id: uuid.UUID) -> None:
        from reflect.audio import transcribe
        from reflect.method.transcription import drafted, transcribe_session

        began = time.monotonic()
        shown = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - shown[0] >= 0.5 or done >= total:
                shown[0] = now
                self.post_message(self.TranscriptionProgress(done, total, began))  # type: ignore

        try:
            transcriber = transcribe.Transcriber(transcribe.find_model())
            outcome = transcribe_session(self.run.store, session_id, transcriber, progress)
        except ReflectError as exc:
            self.post_message(self.TranscriptionEnded("", str(exc)))  # type: ignore
            return
        self.post_message(self.TranscriptionEnded(  # type: ignore[attr-defined]
            f"{drafted(outcome.questions)} ({outcome.model})"))

    def on_transcript_actions_transcription_progress(self,
                                                     message: TranscriptionProgress) -> None:
        if not self.transcribing:
            return
        done, total = message.done, max(1, message.total)
        spent = time.monotonic() - message.began
        left = spent * (total - done) / done if done else None
        minutes = max(1, round(left / 60)) if left is not None else 0
        estimate = ngettext("about {count} min left", "about {count} min left",
                            minutes).format(count=minutes) \
            if left is not None and left >= 60 else _("less than a minute left") \
            if left is not None else ""
        self.transcribing = _("Transcribing: {percent}% of {audio}").format(
            percent=round(100 * done / total), audio=timecodes.hms(total // 1000)) \
            + (f" · {estimate}" if estimate else "")
        self.show_transcript(self._highlighted())

    def on_transcript_actions_transcription_ended(self, message: TranscriptionEnded) -> None:
        self.transcribing = ""
        if message.error:
            self.notify(message.error, title=_("Not done"),  # type: ignore[attr-defined]
                        severity="error", timeout=8)
        else:
            self.notify(message.summary)  # type: ignore[attr-defined]
        self._read_transcripts()
