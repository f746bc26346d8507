"""reflect.method.autosave without Textual: order, debounce, retry, flush (issue 30, point 3).

The end-to-end proof stays tests/functional/test_kill.py (SIGKILL while typing in a real terminal).
Waits here are on events set by the fake store, each with a timeout; no fixed sleeps.
"""

from __future__ import annotations

import queue
import threading
import time

import pytest

from reflect.errors import ReflectError, StorageError
from reflect.method.autosave import SAVE_DELAY, Autosave
from reflect.method.session import SessionRun

TIMEOUT = 5.0
"""Seconds any wait here may take before the test fails (a deadlock, not a slow machine)."""
NEVER = 3600.0
"""A delay the writer never reaches: only flush() writes."""


class Store:
    """Keeps written texts; refuses the first `refuse` writes; a write may wait on `gate`."""

    def __init__(self, refuse: int = 0, gate: threading.Event | None = None,
                 error: type[Exception] = StorageError):
        self.refuse = refuse
        self.error = error
        self.gate = gate
        self.started = threading.Event()
        self.rows: dict[str, str] = {}
        self.log: list[tuple[str, str]] = []
        self.threads: list[threading.Thread] = []
        self.times: list[float] = []
        self.attempts = 0
        self.wrote = threading.Condition()

    def write(self, question_id: str, text: str, code) -> None:
        self.started.set()
        if self.gate is not None:
            assert self.gate.wait(TIMEOUT)
        with self.wrote:
            self.attempts += 1
            if self.attempts <= self.refuse:
                raise self.error("database or disk is full")
            self.rows[question_id] = text
            self.log.append((question_id, text))
            self.threads.append(threading.current_thread())
            self.times.append(time.monotonic())
            self.wrote.notify_all()

    def wait_for(self, count: int) -> bool:
        with self.wrote:
            return self.wrote.wait_for(lambda: len(self.log) >= count, TIMEOUT)


class Outcomes:
    def __init__(self):
        self.saved: list[str] = []
        self.failed: list[tuple[str, BaseException]] = []
        self.failure = threading.Event()

    def on_saved(self, question_id: str, when: float) -> None:
        assert abs(when - time.time()) < TIMEOUT
        self.saved.append(question_id)

    def on_failed(self, question_id: str, error: BaseException) -> None:
        self.failed.append((question_id, error))
        self.failure.set()


def writer(store: Store, outcomes: Outcomes | None = None, **kwargs) -> Autosave:
    outcomes = outcomes or Outcomes()
    return Autosave(store.write, saved=outcomes.on_saved, failed=outcomes.on_failed, **kwargs)


@pytest.fixture
def closing():
    made: list[Autosave] = []
    yield made.append
    for autosave in made:
        autosave.close()


def test_the_last_text_wins_and_questions_are_written_in_the_order_changed(closing):
    store, outcomes = Store(), Outcomes()
    autosave = writer(store, outcomes, delay=NEVER)
    closing(autosave)
    for typed in ("I", "I c", "I called", "I called the"):
        autosave.changed("q1", typed)
    autosave.changed("q2", "She came")
    autosave.changed("q3", "ראיתי")
    autosave.changed("q1", "I called the school")  # changed last: written last
    assert autosave.flush()
    assert store.log == [("q2", "She came"), ("q3", "ראיתי"), ("q1", "I called the school")]
    assert outcomes.saved == ["q2", "q3", "q1"] and not outcomes.failed
    assert not autosave.pending


def test_the_writer_writes_in_order_on_one_background_thread(closing):
    store = Store()
    autosave = writer(store, delay=0.02)
    closing(autosave)
    for number in range(30):
        autosave.changed(f"q{number % 3}", f"text {number} [/] \x1b[2J")
    assert store.wait_for(3)
    assert store.rows == {"q0": "text 27 [/] \x1b[2J", "q1": "text 28 [/] \x1b[2J",
                          "q2": "text 29 [/] \x1b[2J"}
    assert [question for question, _ in store.log] == ["q0", "q1", "q2"]
    assert len(set(store.threads)) == 1
    assert store.threads[0] is not threading.current_thread()


def test_a_change_is_written_within_the_save_delay_however_fast_one_types(closing):
    store = Store()
    autosave = writer(store)  # the real SAVE_DELAY
    closing(autosave)
    first = time.monotonic()
    typed = ""
    while not store.log and time.monotonic() - first < SAVE_DELAY + 1:
        typed += "a"
        autosave.changed("q1", typed)  # a key every 10 ms, never a pause
        store.started.wait(0.01)
    assert store.log, "nothing written while typing"
    took = store.times[0] - first
    assert SAVE_DELAY - 0.05 <= took <= SAVE_DELAY + 0.5, took  # README: within a second
    assert autosave.flush()
    assert store.rows["q1"] == typed


def test_a_refused_write_is_retried_and_text_typed_meanwhile_wins(closing):
    store, outcomes = Store(refuse=2), Outcomes()
    autosave = writer(store, outcomes, delay=0.01, retry_delay=0.05)
    closing(autosave)
    newer_typed = threading.Event()

    def failed(question_id, error):
        outcomes.on_failed(question_id, error)
        if not newer_typed.is_set():
            newer_typed.set()
            autosave.changed("q1", "the newer text")  # typed while the disk was full

    autosave._failed = failed  # noqa: SLF001 - this test types from within the callback
    autosave.changed("q1", "the older text")
    assert store.wait_for(1)
    assert store.log == [("q1", "the newer text")]  # the older text never lands after it
    assert [question for question, _ in outcomes.failed] == ["q1", "q1"]
    assert all(isinstance(error, StorageError) for _, error in outcomes.failed)
    assert autosave.flush() and not autosave.pending


def test_an_older_text_refused_in_flight_is_not_put_back_over_a_newer_one(closing):
    gate = threading.Event()
    store, outcomes = Store(refuse=1, gate=gate), Outcomes()
    autosave = writer(store, outcomes, delay=0, retry_delay=0.05)
    closing(autosave)
    autosave.changed("q1", "older")
    assert store.started.wait(TIMEOUT)  # in flight, held at the gate
    autosave.changed("q1", "newer")
    autosave.changed("q2", "other")
    gate.set()  # the older write is refused
    assert store.wait_for(2)
    assert store.log == [("q1", "newer"), ("q2", "other")]
    assert store.attempts == 3


def test_flush_waits_for_the_write_in_flight_then_writes_the_rest_in_order(closing):
    gate = threading.Event()
    store = Store(gate=gate)
    autosave = writer(store, delay=0)
    closing(autosave)
    autosave.changed("q1", "first")
    assert store.started.wait(TIMEOUT)
    autosave.changed("q2", "second")
    result: list[bool] = []
    flushing = threading.Thread(target=lambda: result.append(autosave.flush()))
    flushing.start()
    flushing.join(0.1)
    assert flushing.is_alive() and store.log == []  # waiting for the write in flight
    gate.set()
    flushing.join(TIMEOUT)
    assert not flushing.is_alive()
    assert result == [True]
    assert store.log == [("q1", "first"), ("q2", "second")]


def test_unsaved_is_the_newest_text_waiting_or_in_flight_then_none(closing):
    """What a question shows when it is opened again before its save landed (moving does
    not wait for the disk)."""
    gate = threading.Event()
    store = Store(gate=gate)
    autosave = writer(store, delay=0)
    closing(autosave)
    assert autosave.unsaved("q1") is None
    autosave.changed("q1", "first")
    assert store.started.wait(TIMEOUT)
    assert autosave.unsaved("q1") == "first"  # in flight
    autosave.changed("q1", "first, then more")
    autosave.changed("q2", "other")
    assert (autosave.unsaved("q1"), autosave.unsaved("q2")) == ("first, then more", "other")
    gate.set()
    assert autosave.flush()
    assert autosave.unsaved("q1") is None and autosave.unsaved("q2") is None


def test_flush_says_false_when_the_store_refuses_and_keeps_the_text(closing):
    store, outcomes = Store(refuse=10**6), Outcomes()
    autosave = writer(store, outcomes, delay=NEVER, retry_delay=NEVER)
    closing(autosave)
    autosave.changed("q1", "typed while full")
    assert autosave.flush() is False
    assert autosave.pending and store.rows == {}
    assert isinstance(outcomes.failed[0][1], StorageError)
    store.refuse = 0  # room again
    assert autosave.flush() and store.rows == {"q1": "typed while full"}


def test_an_error_that_retrying_cannot_mend_is_reported_and_not_retried(closing):
    store, outcomes = Store(refuse=1, error=ReflectError), Outcomes()
    autosave = writer(store, outcomes, delay=NEVER, retry_delay=0.01)
    closing(autosave)
    autosave.changed("q1", "in a completed session")
    autosave.changed("q2", "still written")
    assert autosave.flush() is False
    assert isinstance(outcomes.failed[0][1], ReflectError)
    assert store.log == [("q2", "still written")] and not autosave.pending


def test_flush_on_the_ui_thread_never_waits_for_a_callback_that_waits_for_the_ui(closing):
    """The screen's news goes to the UI thread; if the writer still counted as writing while
    it waited for the UI, a flush() on the UI thread would wait for it forever."""
    gate = threading.Event()
    store = Store(gate=gate)
    ui_jobs: queue.Queue = queue.Queue()
    ui_thread: list[threading.Thread] = []

    def saved(question_id, when):  # like App.call_from_thread: waits for the UI to run it
        if threading.current_thread() in ui_thread:
            return
        done = threading.Event()
        ui_jobs.put(done.set)
        assert done.wait(TIMEOUT)

    autosave = Autosave(store.write, saved=saved, failed=lambda *_: None, delay=0)
    closing(autosave)
    about_to_flush = threading.Event()
    result: list[bool] = []

    def ui() -> None:
        autosave.changed("q2", "typed after")
        about_to_flush.set()
        result.append(autosave.flush())
        while not ui_jobs.empty():
            ui_jobs.get()()

    autosave.changed("q1", "in flight")
    assert store.started.wait(TIMEOUT)
    ui_thread.append(threading.Thread(target=ui))
    ui_thread[0].start()
    assert about_to_flush.wait(TIMEOUT)
    gate.set()
    ui_thread[0].join(TIMEOUT)
    assert not ui_thread[0].is_alive(), "flush() deadlocked with the writer"
    assert result == [True]
    assert store.log == [("q1", "in flight"), ("q2", "typed after")]


def test_close_writes_what_waits_and_stops_the_writer():
    store = Store()
    autosave = writer(store, delay=NEVER)
    autosave.changed("q1", "last words")
    assert autosave.close()
    assert store.rows == {"q1": "last words"}
    assert not autosave._thread.is_alive()  # noqa: SLF001


@pytest.mark.both_backends
def test_with_a_session_run_text_and_list_answers_reach_the_database(store, catalog):
    session = store.start_reflection(catalog.get("after-action-review"), "Sam")
    run = SessionRun.resume(store, session.id)
    text_question = next(q for q in run.questions if q.type == "text")
    list_question = next(q for q in run.questions if q.type == "list")
    outcomes = Outcomes()
    autosave = Autosave(run.save_typed, saved=outcomes.on_saved, failed=outcomes.on_failed,
                        delay=NEVER)
    autosave.changed(text_question.id, "עשינו את זה ביחד [b]x[/b]", (12, "clock"))
    autosave.changed(list_question.id, "first step\nsecond step")
    assert autosave.close() and not outcomes.failed
    answers = store.answers(session.id)
    assert answers[text_question.id].text == "עשינו את זה ביחד [b]x[/b]"
    assert answers[text_question.id].typed_code == 12
    assert answers[list_question.id].decoded_value == ["first step", "second step"]


def test_a_callback_that_raises_does_not_stop_the_writer(closing):
    store = Store()

    def broken(question_id, when):
        raise KeyError(question_id)

    autosave = Autosave(store.write, saved=broken, failed=lambda *_: None, delay=0.01)
    closing(autosave)
    autosave.changed("q1", "first")
    assert store.wait_for(1)
    autosave.changed("q2", "second")
    assert store.wait_for(2)
    assert store.log == [("q1", "first"), ("q2", "second")]
