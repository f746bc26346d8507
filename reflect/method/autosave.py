"""Autosave: the answer being typed reaches the database without the UI waiting for it.

One `Autosave` per open session. The screen calls `changed(question_id, text, code)` on every
change; the newest text of each question waits at most `delay` seconds (SAVE_DELAY) after the
first unsaved change, however fast one types, and is then written by ONE background thread,
in the order the questions were changed. `flush()` (before moving, leaving or quitting) waits
for a write in flight, writes everything still waiting on the calling thread, and says
whether it is all saved, so saves land in the order they were asked for.

When the store refuses a write with a StorageError (disk full, database locked) the text is
kept and written again every `retry_delay` seconds (RETRY_DELAY); text typed meanwhile
replaces it, and an older text is never written over a newer one. Any other error is
reported and the text dropped: the screen still shows it, and the next change queues it.

Outcomes are reported through the callbacks given at construction, `saved(question_id,
when)` (when: seconds since the epoch) and `failed(question_id, error)`. They run on the
thread that wrote (the writer's, or the one that called `flush()`), never while a lock is
held and after the write is marked finished, so a callback that hands its news to the UI
thread cannot hold up a `flush()` running there. A callback must be safe to call from any
thread (the session screen posts a Textual message: thread-safe, and it does not wait).

This module never imports Textual; tests/unit/test_autosave.py drives it with a plain store.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from reflect import crash
from reflect.errors import StorageError

SAVE_DELAY = 0.4
"""At most this many seconds pass between a change and its save, however fast one types."""
RETRY_DELAY = 3.0
"""Seconds before writing again after the database refused a write (disk full, locked)."""

Write = Callable[[str, str, Any], None]
"""Writes one question's text: (question_id, text, code); raises on failure."""


class Autosave:
    """The writer of one open session's typed answers (see the module's docstring)."""

    def __init__(self, write: Write, *, saved: Callable[[str, float], object],
                 failed: Callable[[str, BaseException], object], delay: float = SAVE_DELAY,
                 retry_delay: float = RETRY_DELAY, name: str = "autosave") -> None:
        self._write = write
        self._saved = saved
        self._failed = failed
        self.delay = delay
        self.retry_delay = retry_delay
        self._changed = threading.Condition()
        """Guards everything below; waited on by the writer and by flush()."""
        self._pending: OrderedDict[str, tuple[str, Any]] = OrderedDict()
        """The newest unsaved text (and code) of each question, oldest change first."""
        self._due: float | None = None
        """time.monotonic() at which the pending texts are written (None: nothing waits)."""
        self._busy = False
        """A write is in flight, on the writer or in flush(): no other starts meanwhile."""
        self._in_flight: tuple[str, str] | None = None
        """The question and text of the write in flight."""
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # Asked by the UI ---------------------------------------------------------------------
    def changed(self, question_id: str, text: str, code: Any = None) -> None:
        """The text of `question_id` is now `text`: write it within `delay` seconds."""
        with self._changed:
            self._pending.pop(question_id, None)
            self._pending[question_id] = (text, code)
            if self._due is None:
                self._due = time.monotonic() + self.delay
            self._changed.notify_all()

    def unsaved(self, question_id: str) -> str | None:
        """The newest text of `question_id` not written yet (waiting, in flight or refused),
        or None: what to show when the question is opened again before its save landed."""
        with self._changed:
            if question_id in self._pending:
                return self._pending[question_id][0]
            if self._in_flight is not None and self._in_flight[0] == question_id:
                return self._in_flight[1]
            return None

    @property
    def pending(self) -> bool:
        """Some text is not saved yet (waiting, in flight or refused)."""
        with self._changed:
            return bool(self._pending) or self._busy

    def flush(self) -> bool:
        """Write everything pending now, after any write in flight; True when all of it is
        saved. On a StorageError it stops there (False): what is left is kept, in order, and
        the writer tries again after `retry_delay` seconds."""
        saved = True
        while True:
            with self._changed:
                while self._busy:
                    self._changed.wait()
                if not self._pending:
                    return saved
                question_id, text, code = self._take()
            error = self._attempt(question_id, text, code)
            if error is not None:
                saved = False
                if isinstance(error, StorageError):
                    return False

    def close(self) -> bool:
        """Flush, then stop the writer thread; True when everything was saved."""
        saved = self.flush()
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        if self._thread is not threading.current_thread():
            self._thread.join()
        return saved

    # The writer --------------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._changed:
                while True:
                    if self._closed:
                        return
                    wait: float | None = None
                    if self._pending and not self._busy and self._due is not None:
                        wait = self._due - time.monotonic()
                        if wait <= 0:
                            break
                    self._changed.wait(wait)
                question_id, text, code = self._take()
            self._attempt(question_id, text, code)

    def _take(self) -> tuple[str, str, Any]:
        """The oldest pending text, marked in flight (called holding the lock)."""
        question_id, (text, code) = self._pending.popitem(last=False)
        if not self._pending:
            self._due = None
        self._busy = True
        self._in_flight = question_id, text
        return question_id, text, code

    def _attempt(self, question_id: str, text: str, code: Any) -> BaseException | None:
        """Write one text (without the lock), settle, then report; the error, if any."""
        try:
            self._write(question_id, text, code)
            error: BaseException | None = None
        except Exception as exc:  # noqa: BLE001 - reported through `failed` as it is
            error = exc
        with self._changed:
            self._busy = False
            self._in_flight = None
            if isinstance(error, StorageError):
                if question_id not in self._pending:  # nothing newer was typed meanwhile
                    self._pending[question_id] = (text, code)
                    self._pending.move_to_end(question_id, last=False)
                self._due = time.monotonic() + self.retry_delay
            self._changed.notify_all()
        try:
            if error is None:
                self._saved(question_id, time.time())
            else:
                self._failed(question_id, error)
        except Exception as exc:  # noqa: BLE001 - a broken callback must not stop the writer
            crash.write_report(exc)  # private, and without the text
        return error
