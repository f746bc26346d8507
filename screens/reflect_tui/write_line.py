"""One open session's store writes, off the UI thread, one at a time, in the order asked.

The session screen asks for a write (the position after a move, a flag, a skip, a note, the
recording's start) and goes on at once; `WriteLine.add` queues the job and the screen starts a
`@work(thread=True)` worker that calls `drain()`. Whichever worker holds the line runs every
queued job in order, so two quick moves store the second position last, and a job queued
after `Autosave.flush()` (inside it) lands after the text typed before it. A worker that never
started (its screen closed first) leaves its job to the next drain; the screen's last drain
runs in an app-level worker, which the screen's closing does not cancel.

A job reports what the screen must react to by posting a Message itself (thread-safe). A store
refusal (ReflectError, SQLAlchemyError) is handed to `failed` and set on the job's future; any
other error is set on the future and raised, for the worker's failure handling (the crash
report). Awaiting the future (asyncio.wrap_future) lets an action wait for its write without
the UI thread waiting: keys typed meanwhile stay queued in the app, in order.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future

from sqlalchemy.exc import SQLAlchemyError

from reflect.errors import ReflectError

Job = Callable[[], object]


class WriteLine:
    """The queue of one screen's store jobs (see the module's docstring)."""

    def __init__(self, failed: Callable[[BaseException], object]) -> None:
        self._failed = failed
        self._jobs: deque[tuple[Job, Future[object]]] = deque()
        self._running = threading.Lock()
        """Held by the one thread running jobs; others wait for it, then find the queue
        empty or take what is left, in order."""

    def add(self, job: Job) -> Future[object]:
        """Queue `job`; the future holds its result (or error) once a drain ran it."""
        future: Future[object] = Future()
        self._jobs.append((job, future))
        return future

    @property
    def pending(self) -> bool:
        return bool(self._jobs) or self._running.locked()

    def drain(self) -> None:
        """Run every queued job in order (blocking: a worker thread, or quitting)."""
        with self._running:
            while True:
                try:
                    job, future = self._jobs.popleft()
                except IndexError:
                    return
                try:
                    result = job()
                except (ReflectError, SQLAlchemyError) as exc:
                    future.set_exception(exc)
                    self._failed(exc)
                except BaseException as exc:
                    future.set_exception(exc)
                    raise
                else:
                    future.set_result(result)
