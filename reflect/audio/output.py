"""Where played sound goes (issue 34): the computer's sound output through miniaudio, or
`NullOutput`, which takes samples at a sound card's pace and plays them into nothing (tests,
a machine without sound). Both are started with a function that gives the next block of
16-bit mono samples.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterator
from typing import Any, Protocol

from reflect.errors import ReflectError
from reflect.i18n import _


class PlaybackUnavailable(ReflectError):
    """No sound output: the message says so and what to do."""


class Output(Protocol):
    """Where the samples go: started with a function that gives the next block of 16-bit
    mono samples for a number of frames (empty when the recording ends)."""

    def start(self, pull: Callable[[int], bytes]) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


class NullOutput:
    """An output with no sound: it takes samples at the pace a sound card would (`realtime`),
    or only when told to (`advance`, for tests that step the clock themselves)."""

    BLOCK_MS = 20

    def __init__(self, rate: int = 16000, realtime: bool = True) -> None:
        self.rate = rate
        self.realtime = realtime
        self.played = 0
        """Frames taken since the output was made."""
        self._pull: Callable[[int], bytes] | None = None
        self._thread: threading.Thread | None = None
        self._running = threading.Event()

    def start(self, pull: Callable[[int], bytes]) -> None:
        self._pull = pull
        self._running.set()
        if self.realtime and (self._thread is None or not self._thread.is_alive()):
            self._thread = threading.Thread(target=self._run, name="reflect-null-output",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        frames = self.rate * self.BLOCK_MS // 1000
        next_at = time.monotonic()
        while self._running.is_set():
            self.advance(self.BLOCK_MS, frames)
            next_at += self.BLOCK_MS / 1000
            time.sleep(max(0.0, next_at - time.monotonic()))

    def advance(self, ms: int, frames: int | None = None) -> int:
        """Take `ms` of samples now, as a sound card would have; returns the frames taken."""
        pull = self._pull
        if pull is None or not self._running.is_set():
            return 0
        data = pull(frames if frames is not None else self.rate * ms // 1000)
        self.played += len(data) // 2
        return len(data) // 2

    def stop(self) -> None:
        self._running.clear()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=1)
        self._thread = None

    def close(self) -> None:
        self.stop()
        self._pull = None


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """ALSA's library prints its complaints about missing cards straight to the process's
    standard error, under any terminal UI; while a device is opened they go to /dev/null."""
    if sys.platform == "win32":
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def no_output_message() -> str:
    return _("No sound output was found on this computer (no speakers, headphones or sound "
             "server reachable): the recording cannot be played here. Connect headphones, or "
             "play it on a computer with sound.")


class SoundOutput:
    """The computer's sound output, through miniaudio (imported when playback starts)."""

    def __init__(self, rate: int = 16000) -> None:
        self.rate = rate
        self._device: Any = None

    def _open(self) -> Any:
        try:
            import miniaudio  # type: ignore[import-untyped, unused-ignore]
        except ImportError:
            raise PlaybackUnavailable(_("Playback needs the miniaudio package, which is "
                                        "missing from this installation: install reflect "
                                        "again (pip install --force-reinstall reflect).")
                                      ) from None
        attempts: list[list[Any] | None] = [None]
        if sys.platform.startswith("linux"):  # a sound server first: ALSA's noise only after
            attempts = [[miniaudio.Backend.PULSEAUDIO], [miniaudio.Backend.ALSA],
                        [miniaudio.Backend.JACK]]
        for backends in attempts:
            try:
                with _quiet_stderr():
                    return miniaudio.PlaybackDevice(
                        output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                        sample_rate=self.rate, buffersize_msec=100, backends=backends)
            except miniaudio.MiniaudioError:
                continue
        raise PlaybackUnavailable(no_output_message())

    def start(self, pull: Callable[[int], bytes]) -> None:
        if self._device is None:
            self._device = self._open()

        def feed() -> Generator[bytes, int, None]:
            frames = yield b""
            while True:
                frames = yield pull(frames) or bytes(2 * frames)  # silence after the end

        generator = feed()
        next(generator)
        self._device.start(generator)

    def stop(self) -> None:
        if self._device is not None:
            self._device.stop()

    def close(self) -> None:
        if self._device is not None:
            self._device.close()
            self._device = None


def output_for(rate: int) -> Output:
    """The sound card, or no sound when REFLECT_AUDIO_OUTPUT is 'null' (tests, a machine
    without sound where the position should still advance)."""
    if os.environ.get("REFLECT_AUDIO_OUTPUT", "").strip().lower() == "null":
        return NullOutput(rate)
    return SoundOutput(rate)
