"""Recording the interview on this laptop, from the session screen (issue 34, point 1).

F5 starts a recording (only when the interviewee's consent record says they agreed to be
recorded), pauses it and resumes it; F8 stops it; leaving the screen stops it too. While it
runs, the top bar begins with a red dot, the recording's time and a level meter (six steps
from silence to loud: a dead or muted microphone shows dots only), so the interviewer sees at
once that sound arrives. F4 stays for a separate recorder (reflect_tui.moments).

The capture is reflect.audio.capture's `Recorder`: its writer thread stores a chunk of about
a second at a time (`Store.add_chunk`), so nothing here waits for the database. Opening the
device and creating the recording go on the screen's write line, off the UI thread; a timer
on the UI thread (a few times a second, only while recording) redraws the top bar and says
what the threads found (a missing microphone, a refused chunk) as notifications.

The microphone is the system's default, or the first whose name contains the environment
variable REFLECT_MICROPHONE.
"""

from __future__ import annotations

import math
import os
import uuid
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.timer import Timer

from reflect import timecodes
from reflect.audio.capture import RATE, Level, MicrophoneSource, Recorder, Source
from reflect.errors import ReflectError
from reflect.i18n import NP_, _, ngettext
from reflect.models_audio import LAPTOP
from reflect_tui.safe import markup

if TYPE_CHECKING:
    from reflect.method.session import SessionRun
    from reflect.store import Store
    from reflect_tui.session import SessionScreen
    from reflect_tui.write_line import Job

RECORDER_BINDINGS = [
    # Translators: key labels ("key"): start, pause or resume the laptop's recording; stop it
    # not in the footer (full at 80 columns, as F2, F3, F4 are not): in the keys panel
    Binding("f5", "record", NP_("key", "Record"), id="session.record",
            show=False, priority=True),
    Binding("f8", "stop_recording", NP_("key", "Stop rec"),
            id="session.stop_recording", show=False, priority=True),
]

METER = "▁▂▃▄▅▆"
METER_FLOOR_DB = -54.0
"""The quietest level the meter shows (one step per 9 dB up to full scale)."""
DRAW_EVERY = 0.5
"""Seconds between redraws of the meter while recording."""

OFF, STARTING, RECORDING, PAUSED, STOPPING = "off", "starting", "recording", "paused", "stopping"


def meter(level: Level) -> str:
    """The level as six steps ('▁▂▃···' for a voice at a normal distance)."""
    if level.rms <= 0:
        return "·" * len(METER)
    db = 20 * math.log10(level.rms)
    steps = max(0, min(len(METER), math.ceil((db - METER_FLOOR_DB) / -METER_FLOOR_DB
                                             * len(METER))))
    return METER[:steps] + "·" * (len(METER) - steps)


def default_source() -> Source:
    return MicrophoneSource(os.environ.get("REFLECT_MICROPHONE") or None)


class LaptopRecording:
    """The recording of one session screen: its keys' actions, its mark in the top bar."""

    make_source: Callable[[], Source] = staticmethod(default_source)
    """Where the sound comes from (tests and the benchmark give a file)."""

    def __init__(self, screen: SessionScreen) -> None:
        self.screen = screen
        self.state = OFF
        self.recorder: Recorder | None = None
        self.recording_id: uuid.UUID | None = None
        self._said: deque[tuple[str, str, SeverityLevel]] = deque()
        """(message, title, severity) found by the threads, said by the timer."""
        self._error_said = ""
        self._timer: Timer | None = None
        self._drawn_mark: Content | None = None
        """The mark last drawn: the top bar is redrawn only when it changes."""

    # The keys (UI thread) ----------------------------------------------------------------
    def record(self) -> None:
        """F5: start; pause a running recording; resume a paused one."""
        run = self.screen.loaded_run
        if run.session.kind != "interview":
            return
        if self.state == OFF:
            if self._refused(run):
                return
            self.state = STARTING
            self._watch()
            self.screen.write(self._start(run, self.screen.store))
        elif self.state == RECORDING and self.recorder is not None:
            self.recorder.pause()
            self.state = PAUSED
        elif self.state == PAUSED and self.recorder is not None:
            self.recorder.resume()
            self.state = RECORDING
        self.screen.redraw_topbar()

    def stop(self) -> None:
        """F8: stop; what was captured is written (off the UI thread)."""
        if self.state not in (RECORDING, PAUSED) or self.recorder is None:
            return
        self.state = STOPPING
        self.screen.write(self._stop(self.recorder))
        self.screen.redraw_topbar()

    def stop_now(self) -> None:
        """The screen closes: stop and write what is left, waiting for it."""
        if self.recorder is not None:
            self.recorder.stop()
        self.state = OFF
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def refuses_f4(self) -> bool:
        """F4 (a separate recorder's time) while this laptop records would move the time
        codes' 0 under the recording: refused, saying why."""
        if self.state == OFF:
            return False
        self.screen.app.notify(_("This laptop is recording: time codes count from its "
                                 "recording. Stop it (F8) before setting a separate "
                                 "recorder's time with F4."), title=_("Recording"),
                               severity="warning")
        return True

    def _refused(self, run: SessionRun) -> bool:
        """Say why no recording may start, when the consent record does not allow one."""
        consent, who = run.session.recording_consent, self.screen.moments.interviewee
        if consent is True:
            return False
        if consent is False:
            message = _("{who} did not agree to be recorded (their consent record says no): "
                        "no recording may be made in this interview. Take notes instead "
                        "(F2).").format(who=who)
        else:
            message = _("{who}'s consent record does not say whether they agree to be "
                        "recorded. Ask them, and record their answer with F4, before "
                        "recording with F5.").format(who=who)
        self.screen.app.notify(message, title=_("No recording"), severity="error", timeout=10)
        return True

    # The write line's thread -------------------------------------------------------------
    def _start(self, run: SessionRun, store: Store) -> Job:
        def start() -> None:
            recorder = Recorder(self.make_source(), self._keep)
            try:
                recorder.start()
            except ReflectError as exc:
                self.state = OFF
                self._said.append((str(exc), _("No recording"), "error"))
                return
            session = run.session
            try:
                assert recorder.started_at is not None
                self.recording_id = store.start_recording(
                    session.id, source=LAPTOP, sample_rate=RATE, codec=recorder.codec,
                    started_at=recorder.started_at, actor=session.interviewer)
            except ReflectError as exc:
                recorder.stop()
                self.state = OFF
                self._said.append((str(exc), _("No recording"), "error"))
                return
            first = session.recording_started_at is None
            if first:  # the store made it the session's: time codes count from it now
                session.recording_started_at = recorder.started_at
            self.recorder, self.state = recorder, RECORDING
            self._said.append((_("Time codes now count from the recording.") if first else
                               _("Recording on this laptop."), _("Recording"), "information"))
        return start

    def _keep(self, seq: int, start_ms: int, duration_ms: int, data: bytes) -> None:
        """The recorder's sink (its writer thread): one chunk, one short transaction."""
        if self.recording_id is None:  # the first second came before the recording's row
            raise ReflectError(_("the recording is being started"))
        self.screen.store.add_chunk(self.recording_id, seq, start_ms, duration_ms, data)

    def _stop(self, recorder: Recorder) -> Job:
        def stop() -> None:
            recorder.stop()
            self.state = OFF
            if recorder.unsaved_chunks:
                lost = recorder.unsaved_chunks  # about a second each
                self._said.append((ngettext(
                    "The last second of the recording could not be written: {error}",
                    "The last {count} seconds of the recording could not be written: {error}",
                    lost).format(count=lost, error=recorder.error), _("Recording"), "error"))
            else:
                self._said.append((_("Recording stopped: {time} kept in the database.").format(
                    time=timecodes.hms(recorder.elapsed_ms // 1000)), _("Recording"),
                    "information"))
        return stop

    # The top bar (UI thread) -------------------------------------------------------------
    def _watch(self) -> None:
        if self._timer is None:
            self._timer = self.screen.set_interval(DRAW_EVERY, self._tick)

    def _tick(self) -> None:
        while self._said:
            message, title, severity = self._said.popleft()
            self.screen.app.notify(message, title=title, severity=severity)
        recorder = self.recorder
        if recorder is not None and recorder.error != self._error_said:
            self._error_said = recorder.error
            if recorder.error:
                self.screen.app.notify(_("The recording is not being written: {error}. It "
                                         "is kept and tried again.").format(
                                             error=recorder.error),
                                       title=_("Recording"), severity="warning")
        if (mark := self.mark()) != self._drawn_mark or mark is None:
            self._drawn_mark = mark
            self.screen.redraw_topbar()
        if self.state == OFF and self._timer is not None:
            self._timer.stop()
            self._timer = None

    def mark(self) -> Content | None:
        """'● 00:12:31 ▁▂▃···' while recording, '⏸ 00:12:31 paused' while paused (the top
        bar's first words), None when this laptop is not recording."""
        recorder = self.recorder
        if self.state == STARTING:
            return markup("[b $error]●[/] $starting  ", starting=_("starting…"))
        if recorder is None or self.state not in (RECORDING, PAUSED, STOPPING):
            return None
        elapsed = timecodes.hms(recorder.elapsed_ms // 1000)
        if self.state == PAUSED:
            return markup("[b]⏸[/] $time [dim]$paused[/]  ", time=elapsed, paused=_("paused"))
        return markup("[b $error]●[/] $time $meter  ", time=elapsed, meter=meter(recorder.level))
