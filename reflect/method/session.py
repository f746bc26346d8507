"""The flow of one session through its protocol, with no UI: cursor, progress, required.

`SessionRun` is what the session screen drives. Every change goes straight to the store, so
the database is always the truth and a run can be rebuilt from it at any time (`resume`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reflect import timecodes
from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import ActionItem, Answer, InterviewerNote, Session, utcnow
from reflect.protocol.balance import BalanceReading, read_balance
from reflect.protocol.definition import Protocol, Question, Stage
from reflect.store import Store
from reflect.vocab import SessionStatus


def refuse_withdrawn(store: Store, session: Session) -> None:
    """An informant who withdrew: their words are not opened, shown or exported (the gate,
    reflect.store.words), and the refusal does not name them."""
    if not store.gate().shows_session(session.id):
        raise ReflectError(_("This informant withdrew their consent: their words are hidden "
                             "everywhere and cannot be opened (their member check, c in the "
                             "story screen, can erase them for good)"))


@dataclass(frozen=True)
class Progress:
    answered: int
    skipped: int
    total: int

    @property
    def done(self) -> int:
        return self.answered + self.skipped


class SessionRun:
    def __init__(self, store: Store, session: Session, protocol: Protocol,
                 answers: dict[str, Answer], actions: list[ActionItem] | None = None,
                 earlier: dict[str, Answer] | None = None, earlier_session: Session | None = None):
        self.store = store
        self.session = session
        self.protocol = protocol
        self.answers = answers
        self.actions: list[ActionItem] = actions or []
        self.earlier_answers: dict[str, Answer] = earlier or {}
        """For a follow-up: the answers of the reflection it follows, by question id."""
        self.earlier_session = earlier_session
        self.notes: list[InterviewerNote] = []
        """The interviewer's own notes, in the order taken (filled by `resume`)."""
        self.questions: list[Question] = protocol.questions
        ids = [q.id for q in self.questions]
        self.index = ids.index(session.current_question_id) \
            if session.current_question_id in ids else 0

    @classmethod
    def resume(cls, store: Store, session_id: uuid.UUID) -> SessionRun:
        """Rebuild a run from the database, at the question where the person stopped (read
        in one transaction of the store: Store.reading)."""
        with store.reading():
            session = store.session(session_id)
            if session is None:
                raise ReflectError(_("that session no longer exists"))
            if session.status == SessionStatus.DECLINED:
                raise ReflectError(_("consent was refused for this interview; it cannot be "
                                     "opened"))
            refuse_withdrawn(store, session)
            earlier_session = store.session(session.follow_up_of) \
                if session.follow_up_of else None
            earlier = store.answers(earlier_session.id) if earlier_session else {}
            run = cls(store, session, store.protocol_of(session), store.answers(session_id),
                      store.actions(session_id), earlier, earlier_session)
            run.notes = store.notes(session_id)
        return run

    # Where we are ------------------------------------------------------------------------
    @property
    def question(self) -> Question:
        return self.questions[self.index]

    @property
    def stage(self) -> Stage:
        return self.protocol.stage_of(self.question.id)

    @property
    def is_first(self) -> bool:
        return self.index == 0

    @property
    def is_last(self) -> bool:
        return self.index == len(self.questions) - 1

    def answer(self, question_id: str | None = None) -> Answer | None:
        return self.answers.get(question_id or self.question.id)

    def text(self, question_id: str | None = None) -> str:
        answer = self.answer(question_id)
        return answer.text if answer else ""

    def state(self, question_id: str) -> str:
        """'answered', 'skipped' or 'open'."""
        answer = self.answers.get(question_id)
        if self._question(question_id).type == "actions" and self.actions:
            return "answered"
        if answer is None:
            return "open"
        if answer.has_content:
            return "answered"
        return "skipped" if answer.skipped else "open"

    def _question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def value(self, question_id: str | None = None) -> Any:
        answer = self.answer(question_id)
        return answer.decoded_value if answer else None

    def earlier(self, question_id: str | None = None) -> Answer | None:
        return self.earlier_answers.get(question_id or self.question.id)

    def balance(self) -> BalanceReading | None:
        return read_balance(self.protocol, self.answers)

    def progress(self, stage: Stage | None = None) -> Progress:
        questions = stage.questions if stage else self.questions
        states = [self.state(q.id) for q in questions]
        return Progress(states.count("answered"), states.count("skipped"), len(states))

    def missing_required(self) -> list[Question]:
        """Required questions neither answered nor explicitly skipped."""
        return [q for q in self.questions if q.required and self.state(q.id) == "open"]

    # Moving ------------------------------------------------------------------------------
    def go_to(self, question_id: str, elapsed_seconds: int | None = None) -> None:
        self.step_to(question_id, elapsed_seconds)
        self.save_position()

    def step_to(self, question_id: str, elapsed_seconds: int | None = None) -> None:
        """Move to a question in memory only; `save_position` stores where the run is (the
        session screen moves at once and stores the position in the background)."""
        ids = [q.id for q in self.questions]
        if question_id not in ids:
            raise ReflectError(_("no question '{question_id}' in {id}").format(
                                   question_id=question_id, id=self.protocol.id))
        self.index = ids.index(question_id)
        self._note_position(elapsed_seconds)

    def next(self, elapsed_seconds: int | None = None) -> bool:
        if self.is_last:
            return False
        self.go_to(self.questions[self.index + 1].id, elapsed_seconds)
        return True

    def previous(self, elapsed_seconds: int | None = None) -> bool:
        if self.is_first:
            return False
        self.go_to(self.questions[self.index - 1].id, elapsed_seconds)
        return True

    def _note_position(self, elapsed_seconds: int | None) -> None:
        if elapsed_seconds is not None:
            self.session.elapsed_seconds = max(self.session.elapsed_seconds, elapsed_seconds)
        self.session.current_question_id = self.question.id

    def save_position(self, question_id: str | None = None,
                      elapsed_seconds: int | None = None) -> None:
        """Store the question the run is at (or `question_id`, where it was when the save was
        asked for) and the clock."""
        elapsed = self.session.elapsed_seconds if elapsed_seconds is None \
            else max(self.session.elapsed_seconds, elapsed_seconds)
        self.store.save_position(self.session.id, question_id or self.question.id, elapsed)

    def save_elapsed(self, elapsed_seconds: int) -> None:
        self._note_position(elapsed_seconds)
        self.save_position()

    # Answering ---------------------------------------------------------------------------
    def _ensure_open(self) -> None:
        if self.session.status != SessionStatus.IN_PROGRESS:
            raise ReflectError(_("this session is {status}; reopen it to change answers").format(
                                   status=self.session.status.value.replace('_', ' ')))

    def save_text(self, text: str, typed_code: tuple[int, str] | None = None) -> None:
        """Store the current question's answer text, unless it is unchanged; `typed_code`
        is when typing began (kept the first time only)."""
        self.save_text_of(self.question.id, text, typed_code)

    def save_text_of(self, question_id: str, text: str,
                     typed_code: tuple[int, str] | None = None) -> None:
        """Store one question's answer text (a save in the background names the question
        it was typed for: the interviewer may have moved on since)."""
        if text == self.text(question_id):
            return
        self._ensure_open()
        self.answers[question_id] = self.store.save_answer(
            self.session.id, question_id, text=text, typed_code=typed_code)

    def save_typed(self, question_id: str, text: str,
                   typed_code: tuple[int, str] | None = None) -> None:
        """Store what was typed in a question's text area (reflect.method.autosave writes
        through this): a list question's items, one a line; any other's answer text."""
        if self._question(question_id).type == "list":
            self.save_value_of(question_id, text.splitlines())
        else:
            self.save_text_of(question_id, text, typed_code)

    # Time codes and notes ----------------------------------------------------------------
    @property
    def has_recording(self) -> bool:
        return self.session.recording_started_at is not None

    def code_now(self, clock_seconds: int, now: datetime | None = None) -> tuple[int, str]:
        """This moment's time code: into the recording if one runs, else the clock's."""
        return timecodes.code_now(self.session.recording_started_at, clock_seconds,
                                  now or utcnow())

    def start_recording(self, recorder_seconds: int = 0, now: datetime | None = None) -> None:
        """The recorder shows `recorder_seconds` now (0: it has just started)."""
        self._ensure_open()
        started = timecodes.recording_start(now or utcnow(), recorder_seconds)
        self.session = self.store.set_recording_start(self.session.id, started,
                                                      actor=self.session.interviewer)

    def mark_opened(self, code: tuple[int, str], question_id: str | None = None) -> None:
        """Keep the time code at which the current question (or `question_id`) was first
        opened."""
        if self.session.status != SessionStatus.IN_PROGRESS:
            return
        question_id = question_id or self.question.id
        answer = self.answer(question_id)
        if answer is not None and answer.opened_code is not None:
            return
        marked = self.store.mark_opened(self.session.id, question_id, *code)
        if marked is not None:
            self.answers[question_id] = marked

    def add_note(self, text: str, code: tuple[int, str] | None = None,
                 question_id: str | None = None) -> InterviewerNote:
        """The interviewer's note on the current question (or `question_id`); never the
        informant's words."""
        self._ensure_open()
        number, kind = code if code is not None else (None, "")
        note = self.store.add_note(self.session.id, question_id or self.question.id, text,
                                   author=self.session.interviewer, code=number, kind=kind)
        self.notes.append(note)
        return note

    def notes_on(self, question_id: str | None = None) -> list[InterviewerNote]:
        wanted = question_id or self.question.id
        return [note for note in self.notes if note.question_id == wanted]

    def skip(self, question_id: str | None = None) -> None:
        """Mark the current question (or `question_id`) as skipped (kept apart from 'not
        reached')."""
        self._ensure_open()
        question_id = question_id or self.question.id
        if self.state(question_id) == "answered":
            raise ReflectError(_("this question has an answer; clear it before skipping"))
        self.answers[question_id] = self.store.save_answer(
            self.session.id, question_id, skipped=True)

    def save_value(self, value: Any) -> None:
        """Store the current question's typed value (scale, choice, multi, list), checked."""
        self.save_value_of(self.question.id, value)

    def save_value_of(self, question_id: str, value: Any) -> None:
        """Store one question's typed value, checked."""
        self._ensure_open()
        question = self._question(question_id)
        try:
            value = question.check_value(value)
        except ValueError as exc:
            raise ReflectError(_("{prompt}: {exc}").format(
                                   prompt=question.prompt, exc=exc)) from None
        if value == self.value(question_id):
            return
        self.answers[question_id] = self.store.save_answer(self.session.id, question_id,
                                                           value=value)

    def add_action(self, text: str, review_on: date | None = None) -> ActionItem:
        self._ensure_open()
        item = self.store.add_action(self.session.id, text, review_on)
        self.actions.append(item)
        return item

    def remove_action(self, action_id: uuid.UUID) -> None:
        self._ensure_open()
        self.store.remove_action(action_id)
        self.actions = [a for a in self.actions if a.id != action_id]

    def toggle_flag(self, flag: str, question_id: str | None = None) -> bool:
        """Toggle 'quote' or 'follow_up' on the current answer (or `question_id`'s); returns
        the new value."""
        self._ensure_open()
        question_id = question_id or self.question.id
        answer = self.answer(question_id)
        current = bool(answer and getattr(answer, f"flag_{flag}"))
        if flag == "quote":
            saved = self.store.save_answer(self.session.id, question_id, flag_quote=not current)
        elif flag == "follow_up":
            saved = self.store.save_answer(self.session.id, question_id,
                                           flag_follow_up=not current)
        else:
            raise ValueError(f"no flag {flag!r}")
        self.answers[question_id] = saved
        return not current

    def complete(self) -> None:
        self._ensure_open()
        self.session = self.store.set_session_status(self.session.id, SessionStatus.COMPLETED,
                                                     actor=self.session.interviewer)

    def reopen(self, reason: str = "") -> None:
        """Back to in progress; a locked session needs the reason for the change."""
        self.session = self.store.set_session_status(self.session.id, SessionStatus.IN_PROGRESS,
                                                     actor=self.session.interviewer,
                                                     reason=reason)
