"""Hearing a moment of a stored recording again (issue 34): playback from a position, pause,
seek five seconds either way, slower speed, and a short rewind on resume.

The player reads the stored PCM (16-bit mono, as `Store.read_pcm` gives it) a window at a time
through a `read(from_ms, to_ms)` function, so an hour's recording is never held whole, and
hands it to an output a block at a time: the sound card through miniaudio (its wheels carry
the C library for Windows, macOS and Linux), or `NullOutput`, which plays into nothing at the
speed a sound card would (tests, machines without sound).

Slower speed keeps the voice's pitch: a synchronous overlap-add (WSOLA) stretches the speech in
time, each frame placed where it best continues the one before, so 0.75x sounds like the same
person speaking more slowly rather than a lower voice, which is what transcribers expect
(plain resampling would drop the pitch by a quarter, a fourth lower). The position is always
the recording's own time, whatever the speed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from reflect.audio.output import NullOutput, Output, PlaybackUnavailable, SoundOutput, output_for

__all__ = ["NullOutput", "Output", "PlaybackUnavailable", "Player", "SoundOutput", "code_kind",
           "output_for", "place"]

SEEK_MS = 5000
"""How far ← and → move."""
REWIND_MS = 2000
"""How far playback goes back when it resumes after a pause (transcribers' habit: the last
words again, to pick up the thread)."""
SPEEDS = (1.0, 0.75, 0.5)
"""The speeds the speed key cycles through."""
WINDOW_MS = 10_000
"""PCM read from the store at a time."""

Reader = Callable[[int, int | None], bytes]
"""read(from_ms, to_ms): the recording's 16-bit mono PCM between the two times."""


class _Stretch:
    """WSOLA time-stretch of 16-bit mono samples: `step` gives the next HOP output samples
    from the input around a position, and says how far the input advanced."""

    FRAME = 640  # 40 ms at 16 kHz
    TOLERANCE = 160  # 10 ms either way to find the best continuation

    def __init__(self) -> None:
        import numpy

        self.np = numpy
        self.hop = self.FRAME // 2
        self.window = numpy.hanning(self.FRAME).astype(numpy.float32)
        self.tail = numpy.zeros(self.hop, dtype=numpy.float32)
        self.natural: Any = None
        """The input that would have followed the last frame: what the next should match."""

    def reset(self) -> None:
        self.tail[:] = 0
        self.natural = None

    def step(self, samples: Any, ideal: int) -> Any:
        """One hop of output from `samples` (float32 input), whose frame starts near
        `ideal`: the best-matching start within the tolerance, windowed and overlapped."""
        np, frame = self.np, self.FRAME
        best = ideal
        if self.natural is not None:
            low = max(0, ideal - self.TOLERANCE)
            high = min(len(samples) - frame, ideal + self.TOLERANCE)
            if high > low:
                region = samples[low:high + self.hop]
                target = self.natural[:self.hop]
                scores = np.correlate(region, target, mode="valid")
                best = low + int(np.argmax(scores))
        piece = samples[best:best + frame]
        if len(piece) < frame:
            piece = np.concatenate([piece, np.zeros(frame - len(piece), dtype=np.float32)])
        windowed = piece * self.window
        out = self.tail + windowed[:self.hop]
        self.tail = windowed[self.hop:].copy()
        self.natural = samples[best + self.hop:best + self.hop + frame]
        if len(self.natural) < self.hop:
            self.natural = None
        return out


class Player:
    """Plays one recording from a position. Thread-safe: the output's thread pulls samples
    while the UI calls play, pause, seek and speed."""

    def __init__(self, read: Reader, duration_ms: int, rate: int = 16000,
                 output: Output | None = None) -> None:
        self.read = read
        self.duration_ms = max(0, duration_ms)
        self.rate = rate
        self.output: Output = output if output is not None else SoundOutput(rate)
        self.speed = 1.0
        self.playing = False
        self.ended = False
        """The recording played to its end (play starts it again from its start)."""
        self._lock = threading.RLock()
        self._sample = 0  # the next input sample to play
        self._window_start = 0  # first sample held in _window
        self._window = b""
        self._paused_once = False
        self._stretch: _Stretch | None = None
        self._spill = b""  # stretched samples made beyond what the output asked for
        self._fraction = 0.0  # input advanced by the stretch but not yet a whole sample

    # Positions ---------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self.duration_ms * self.rate // 1000

    @property
    def position_ms(self) -> int:
        """Where in the recording playback is (the recording's time, at any speed)."""
        with self._lock:
            return self._sample * 1000 // self.rate

    def _set(self, ms: int) -> None:
        self._sample = max(0, min(self.total, ms * self.rate // 1000))
        self.ended = self._sample >= self.total
        self._restretch()

    def _restretch(self) -> None:
        self._spill, self._fraction = b"", 0.0
        if self._stretch is not None:
            self._stretch.reset()

    # Controls ----------------------------------------------------------------------------
    def play(self, from_ms: int | None = None) -> None:
        """Play from `from_ms` (else from where it stands, a little earlier after a pause)."""
        with self._lock:
            if from_ms is not None:
                self._set(from_ms)
                self._paused_once = False
            elif self.ended:
                self._set(0)
            elif self._paused_once:
                self._set(self.position_ms - REWIND_MS)
            if self.playing:
                return
            self.playing = True
        try:
            self.output.start(self._pull)
        except BaseException:
            with self._lock:
                self.playing = False
            raise

    def pause(self) -> None:
        with self._lock:
            if not self.playing:
                return
            self.playing = False
            self._paused_once = True
        self.output.stop()

    def toggle(self) -> bool:
        """Play or pause; True when it now plays."""
        if self.playing:
            self.pause()
        else:
            self.play()
        return self.playing

    def seek(self, delta_ms: int) -> int:
        """Move by delta_ms (±SEEK_MS); returns the new position."""
        with self._lock:
            self._set(self.position_ms + delta_ms)
            self._paused_once = False
            return self.position_ms

    def next_speed(self) -> float:
        """The next of SPEEDS (1 -> 0.75 -> 0.5 -> 1)."""
        with self._lock:
            index = SPEEDS.index(self.speed) if self.speed in SPEEDS else 0
            self.speed = SPEEDS[(index + 1) % len(SPEEDS)]
            self._restretch()
            return self.speed

    def close(self) -> None:
        with self._lock:
            self.playing = False
        self.output.close()

    # Samples -----------------------------------------------------------------------------
    def _held(self, first: int, count: int) -> bytes:
        """Input samples [first, first+count) as bytes, read from the store a window at a
        time (fewer at the end of the recording)."""
        end = min(self.total, first + count)
        if first >= end:
            return b""
        held_end = self._window_start + len(self._window) // 2
        if first < self._window_start or end > held_end:
            window = max(count, self.rate * WINDOW_MS // 1000)
            from_ms = first * 1000 // self.rate
            to_ms = min(self.duration_ms, (first + window) * 1000 // self.rate + 1)
            self._window_start = from_ms * self.rate // 1000
            self._window = self.read(from_ms, to_ms)
            held_end = self._window_start + len(self._window) // 2
            end = min(end, held_end)
        offset = (first - self._window_start) * 2
        return self._window[offset:offset + (end - first) * 2]

    def _pull(self, frames: int) -> bytes:
        """The next `frames` output samples (fewer, then none, at the end)."""
        with self._lock:
            if not self.playing or self._sample >= self.total:
                if self.playing and self._sample >= self.total:
                    self.ended = True
                return b""
            if self.speed == 1.0:
                data = self._held(self._sample, frames)
                self._sample += len(data) // 2
            else:
                data = self._stretched(frames)
            if self._sample >= self.total:
                self.ended = True
            return data

    def _stretched(self, frames: int) -> bytes:
        """`frames` output samples of the input stretched to 1/speed of its pace (what is
        made beyond them waits for the next call)."""
        stretch = self._stretch = self._stretch or _Stretch()
        np, hop = stretch.np, stretch.hop
        wanted = frames - len(self._spill) // 2
        if wanted > 0:
            analysis = hop * self.speed  # input advanced per output hop
            hops = -(-wanted // hop)
            need = stretch.FRAME + stretch.TOLERANCE * 2 + int(analysis * (hops + 1))
            first = max(0, self._sample - stretch.TOLERANCE)
            samples = np.frombuffer(self._held(first, need), dtype=np.int16).astype(np.float32)
            out: list[Any] = []
            advanced = self._fraction
            for _hop in range(hops):
                ideal = self._sample - first + int(advanced)
                if ideal >= len(samples):
                    break
                out.append(stretch.step(samples, ideal))
                advanced += analysis
            self._sample = min(self.total, self._sample + int(advanced))
            self._fraction = advanced - int(advanced)
            if out:
                made = np.clip(np.concatenate(out), -32768, 32767).astype(np.int16)
                self._spill += bytes(made.tobytes())
        data, self._spill = self._spill[:frames * 2], self._spill[frames * 2:]
        return data


# Where an answer is in the recordings ------------------------------------------------------

class Placed(Protocol):
    """A recording as the store lists it: where it starts on the time codes, how long it is."""

    @property
    def offset_ms(self) -> int: ...

    @property
    def duration_ms(self) -> int: ...


R = TypeVar("R", bound=Placed)


def code_kind(recording_started_at: object) -> str:
    """The kind of time code a session's recordings are placed on: the recorder's (F4, or
    reflect's own recording) when it has a start, else the interview's clock."""
    from reflect.timecodes import CLOCK, RECORDING

    return RECORDING if recording_started_at is not None else CLOCK


def place(recordings: list[R], code: int | None, kind: str,
                     session_kind: str) -> tuple[R, int] | None:
    """The recording and the position in it (ms) where a time code points; None when there
    is no recording, no code, or the code is of the other kind (a clock code taken before the
    recorder started does not point into the recording)."""
    if not recordings or code is None or kind != session_kind:
        return None
    at = code * 1000
    ordered = sorted(recordings, key=lambda r: r.offset_ms)
    chosen = ordered[0]
    for recording in ordered:
        if recording.offset_ms <= at:
            chosen = recording
        if recording.offset_ms <= at < recording.offset_ms + recording.duration_ms:
            break
    return chosen, max(0, min(chosen.duration_ms, at - chosen.offset_ms))
