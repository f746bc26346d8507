"""Looking over a whole interview (or reflection) before finishing it (issue 15).

Every question in protocol order with its answer or its state, the words it holds and its
flags; the highlighted row's full answer below. Enter opens that question; F10 finishes from
here (the same confirmation as before, with what is missing); Esc goes back to the question.
The answers are the session's own (in memory); the action items of a reflection are read by a
worker after the screen is shown (ActionsRead), and the table is filled then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from reflect import timecodes
from reflect.i18n import N_, NP_, _, ngettext
from reflect.method.session import SessionRun
from reflect.protocol.render import answer_text
from reflect.store.interviews import recording_consent_label
from reflect.text import visible
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer
from reflect_tui.playback import PLAYBACK_PRIORITY_BINDINGS, PlaybackBar, PlaybackKeys, Target
from reflect_tui.safe import text
from reflect_tui.transcript_view import (
    TRANSCRIPT_ACTIONS,
    TRANSCRIPT_BINDINGS,
    TranscriptActions,
    panel_widgets,
)

if TYPE_CHECKING:
    from reflect.models import ActionItem, Answer

FINISH = "\x00finish"
"""What the screen returns when the user finishes from it (a question id cannot be this)."""


def words_in(text: str) -> int:
    """The informant's words: time codes stamped into the answer do not count."""
    return len(timecodes.strip_stamps(text).split())


class ReviewScreen(PlaybackKeys, TranscriptActions, Screen[str | None]):
    """Returns the id of the question to open, FINISH, or None to go back."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("escape", "back", NP_("key", "Back"), id="review.back"),
        Binding("enter", "open", N_("Open"), id="review.open", show=False),
        Binding("f10", "finish", N_("Finish"), id="review.finish",
                priority=True),
        *PLAYBACK_PRIORITY_BINDINGS,
        *TRANSCRIPT_BINDINGS,
    ]

    class ActionsRead(Message):
        """The session's action items, read by a worker."""

        def __init__(self, actions: list[ActionItem]) -> None:
            super().__init__()
            self.actions = actions

    def __init__(self, run: SessionRun, editable: bool = True) -> None:
        super().__init__()
        self.run = run
        self.editable = editable
        self.texts: dict[str, str] = {}
        self.details: dict[str, str] = {}
        """Per question: its time codes and the interviewer's notes, under the answer."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="review-summary", classes="section-title")
        yield Static("", id="review-consent", classes="hint", markup=False)
        table = FitTable(Col("#"), Col(_("Question"), squeeze=True, weight=2),
                         Col(_("Answer"), squeeze=True, weight=3), Col(_("Words")),
                         Col(_("Flags")), Col(_("Time")), id="review-table")
        yield table
        yield table.detail
        with VerticalScroll(id="review-answer"):
            yield Static("", id="review-full", markup=False)
        yield from panel_widgets()
        yield PlaybackBar()
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = visible(self.run.protocol.title)
        self._show_consent()
        self._read_actions()
        self.read_transcripts()
        if self.run.session.kind == "interview":
            self.query_one(PlaybackBar).load(self.run.store, [self.run.session.id])

    @work(thread=True, group="review")
    def _read_actions(self) -> None:
        self.post_message(self.ActionsRead(self.run.store.actions(self.run.session.id)))

    def on_review_screen_actions_read(self, message: ActionsRead) -> None:
        table = self.query_one("#review-table", FitTable)
        actions = message.actions
        total_words = 0
        for number, question in enumerate(self.run.questions, start=1):
            state = self.run.state(question.id)
            answer = self.run.answer(question.id)
            text = answer_text(question, answer, actions)
            self.texts[question.id] = text
            words = words_in(text)
            total_words += words
            shown = " ".join(text.split()) if text else (
                _("skipped") if state == "skipped" else _("not answered"))
            notes = self.run.notes_on(question.id)
            flags = (("★" if answer and answer.flag_quote else "")
                     + ("⚑" if answer and answer.flag_follow_up else "")
                     + (f"✎{len(notes)}" if notes else ""))
            self.details[question.id] = self._details(answer, notes)
            code = timecodes.shown(answer.opened_code, answer.opened_kind,
                                   self.run.has_recording) if answer else ""
            table.add_row(str(number), question.prompt, shown, str(words) if words else "",
                          flags, code, key=question.id)
        progress = self.run.progress()
        self.query_one("#review-summary", Static).update(
            _("{answered} of {total} answered, {skipped} skipped; {words} words. Enter opens "
              "a question; F10 finishes.").format(
                answered=progress.answered, total=progress.total, skipped=progress.skipped,
                words=total_words))
        table.move_cursor(row=self.run.index)
        self.set_focus(table)
        self._show_full(self.run.question.id)

    def _show_consent(self) -> None:
        """An interview's consent record in a line: the interview, and the recording."""
        session, line = self.run.session, self.query_one("#review-consent", Static)
        if session.kind != "interview":
            line.display = False
            return
        method = _(session.consent_method) if session.consent_method else ""
        line.update(_("Consent: {state}, {method} ({who}) · Recording: {recording}")
                                 .format(state=_("given") if session.consent_given
                                         else _("refused"), method=method,
                                         who=visible(session.consent_recorded_by),
                                         recording=recording_consent_label(session)))

    def _details(self, answer: Answer | None, notes: list[Any]) -> str:
        recorded = self.run.has_recording
        codes = timecodes.answer_codes(answer, recorded)
        return "\n".join(([" ".join(codes)] if codes else [])
                         + [timecodes.note_line(note, recorded) for note in notes])

    @on(DataTable.RowHighlighted, "#review-table")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self._show_full(str(event.row_key.value))

    def _show_full(self, question_id: str) -> None:
        answer = self.texts.get(question_id, "")
        count = words_in(answer)
        heading = ngettext("{count} word", "{count} words", count).format(count=count)
        details = self.details.get(question_id, "")
        shown = f"{heading}\n{answer}" if answer else ""
        self.query_one("#review-full", Static).update(
            text("\n".join(part for part in (shown, details) if part)))
        self.show_transcript(question_id)

    @on(DataTable.RowSelected, "#review-table")
    def selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one("#review-table", FitTable)
        if table.row_count:
            self.dismiss(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_finish(self) -> None:
        self.dismiss(FINISH)

    def action_back(self) -> None:
        self.dismiss(None)

    def playback_target(self) -> Target | None:
        table = self.query_one("#review-table", FitTable)
        if not table.row_count:
            return None
        question_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return Target(question_id, self.run.session, self.run.answer(question_id))

    def playback_enabled(self) -> bool:
        return self.query_one(PlaybackBar).any_for([self.run.session.id])

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if (playback := self.check_playback(action)) is not None:
            return playback
        if action == "finish":
            return self.editable
        if action in TRANSCRIPT_ACTIONS:
            return self.check_transcript_action(action)
        return True
