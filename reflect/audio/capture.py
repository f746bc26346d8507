"""Capturing a recording (issue 34, point 1): from the laptop's microphone, or from a file.

A `Source` delivers 16-bit mono PCM at RATE in small blocks, from its own thread: the
microphone (`MicrophoneSource`, through `miniaudio`, whose wheels carry the C library for
Windows, macOS and Linux) or a sound file played at real-time pace (`FileSource`, for tests
and for machines with no device). The `Recorder` takes the blocks whichever source gives
them, so the same pipeline runs in both: it keeps the level (peak and RMS, for a meter), and
its writer thread encodes about a second at a time (reflect.audio.codec) and hands each chunk
to a sink, the store's `add_chunk`, one short transaction each. A process killed at any
moment loses only the chunk being filled and the one being written: at most about two
seconds.

Positions are on the recording's timeline, in milliseconds from its start: within a run of
capture they are counted in samples; a resume starts where the clock says, so a pause leaves
a gap (time codes, which count from the start by the clock, keep pointing at what was said).
A chunk the sink refuses (the database is locked, a team server unreachable) is kept and
tried again with the next one; `error` says what went wrong meanwhile.
"""

from __future__ import annotations

import math
import os
import queue
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reflect.audio import codec
from reflect.errors import ReflectError
from reflect.i18n import _

RATE = 16_000
"""Samples per second captured: enough for speech and for speech recognition (Whisper's
rate), and a rate Opus carries."""
CHUNK_MS = 1000
"""About this much audio per stored chunk."""
BLOCK_MS = 100
"""What a source delivers at a time (the device's period; a file's step)."""

Deliver = Callable[[bytes], None]
ChunkSink = Callable[[int, int, int, bytes], None]
"""Keeps one chunk: (seq, start_ms, duration_ms, encoded bytes); `Store.add_chunk` bound to
a recording."""


@dataclass(frozen=True)
class Level:
    """How loud the last block was, from 0 (silence) to 1 (full scale)."""

    peak: float = 0.0
    rms: float = 0.0


def level_of(pcm: bytes) -> Level:
    """The peak and RMS level of 16-bit PCM."""
    values = codec.samples(pcm)
    if not len(values):
        return Level()
    wide = values.astype("float64")
    peak = float(abs(wide).max()) / 32768.0
    rms = math.sqrt(float((wide * wide).mean())) / 32768.0
    return Level(peak=min(peak, 1.0), rms=min(rms, 1.0))


class Source(Protocol):
    """Where PCM comes from: 16-bit mono at RATE, delivered from the source's own thread."""

    def open(self, deliver: Deliver) -> None:
        """Start delivering blocks; a ReflectError with a plain message if it cannot."""

    def close(self) -> None:
        """Stop delivering (no block arrives once this returns)."""


@contextmanager
def _quiet_stderr() -> Iterator[list[str]]:
    """Keep what native audio libraries print on the process's stderr (ALSA's 'Unknown PCM'
    lines when it probes) off the terminal, which the interface owns; what they said is
    handed back for an error message. POSIX only (elsewhere nothing is redirected)."""
    said: list[str] = []
    if os.name != "posix":
        yield said
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as caught:
        os.dup2(caught.fileno(), 2)
        try:
            yield said
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            caught.seek(0)
            said.extend(caught.read().decode("utf-8", "replace").splitlines())


def _no_device(detail: str) -> ReflectError:
    return ReflectError(_("No microphone could be opened ({detail}). Check that one is "
                          "connected and not muted or used by another program, or record "
                          "with a separate recorder and press F4.").format(detail=detail))


def _miniaudio_detail(exc: Exception) -> str:
    """miniaudio's ('failed to init device', -401) as 'failed to init device, -401'."""
    return ", ".join(str(arg) for arg in exc.args) or type(exc).__name__


def capture_devices() -> list[str]:
    """The names of the capture devices miniaudio finds (empty when none can be listed)."""
    import miniaudio

    try:
        with _quiet_stderr():
            return [str(device["name"]) for device in miniaudio.Devices().get_captures()]
    except miniaudio.MiniaudioError:
        return []


class MicrophoneSource:
    """The default capture device, or the first whose name contains `name`."""

    def __init__(self, name: str | None = None) -> None:
        self.name = name
        self._device: Any = None

    def open(self, deliver: Deliver) -> None:
        import miniaudio

        device_id = None
        try:
            with _quiet_stderr():
                if self.name:
                    found = [d for d in miniaudio.Devices().get_captures()
                             if self.name.casefold() in str(d["name"]).casefold()]
                    if not found:
                        raise _no_device(_("none is named '{name}'").format(name=self.name))
                    device_id = found[0]["id"]
                self._device = miniaudio.CaptureDevice(
                    input_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                    sample_rate=RATE, buffersize_msec=BLOCK_MS, device_id=device_id,
                    app_name="reflect")
                receiver = _receiver(deliver)
                next(receiver)
                self._device.start(receiver)
        except miniaudio.MiniaudioError as exc:
            self.close()
            raise _no_device(_miniaudio_detail(exc)) from exc

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            device.close()


def _receiver(deliver: Deliver) -> Generator[None, bytearray, None]:
    """miniaudio's capture callback: a generator sent each block."""
    while True:
        data = yield
        deliver(bytes(data))


class FileSource:
    """A sound file (wav, flac, ogg, mp3) as if it were a microphone: its audio at RATE, mono,
    delivered a block at a time at real-time pace (`realtime`), else as fast as it goes.
    `done` is set once the whole file was delivered."""

    def __init__(self, path: Path, realtime: bool = True) -> None:
        self.path = path
        self.realtime = realtime
        self.done = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self, deliver: Deliver) -> None:
        import miniaudio

        try:
            decoded = miniaudio.decode_file(str(self.path),
                                            output_format=miniaudio.SampleFormat.SIGNED16,
                                            nchannels=1, sample_rate=RATE)
        except (miniaudio.MiniaudioError, OSError) as exc:
            raise ReflectError(_("{file} could not be read as audio: {error}").format(
                file=self.path.name, error=exc)) from exc
        pcm = decoded.samples.tobytes()
        self._stop.clear()
        self._thread = threading.Thread(target=self._play, args=(pcm, deliver),
                                        name="reflect-file-source", daemon=True)
        self._thread.start()

    def _play(self, pcm: bytes, deliver: Deliver) -> None:
        step = RATE * BLOCK_MS // 1000 * codec.SAMPLE_WIDTH
        began = time.monotonic()
        for index, at in enumerate(range(0, len(pcm), step)):
            if self.realtime:
                due = began + index * BLOCK_MS / 1000
                if self._stop.wait(max(0.0, due - time.monotonic())):
                    return
            elif self._stop.is_set():
                return
            deliver(pcm[at:at + step])
        self.done.set()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join()
        self._thread = None


_FLUSH, _STOP = "flush", "stop"


class Recorder:
    """Capture from `source` into `sink`, a chunk of about CHUNK_MS at a time, with pause and
    resume. `start`, `pause`, `resume` and `stop` are called from one thread (the UI's);
    `level`, `elapsed_ms`, `error` and `chunks_written` may be read from any."""

    def __init__(self, source: Source, sink: ChunkSink, *, chunk_ms: int = CHUNK_MS,
                 audio_codec: str | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.source = source
        self.sink = sink
        self.codec = audio_codec or codec.codec_for(RATE)
        self.clock = clock
        self.chunk_bytes = RATE * chunk_ms // 1000 * codec.SAMPLE_WIDTH
        self.level = Level()
        self.error = ""
        """Why the last chunk could not be kept ('' once one is kept again)."""
        self.chunks_written = 0
        self.paused = False
        self.running = False
        self._queue: queue.Queue[bytes | str] = queue.Queue()
        self._waiting: deque[tuple[int, int, int, bytes]] = deque()
        self._began = 0.0
        self._paused_at: float | None = None
        self._writer: threading.Thread | None = None
        self._seq = 0
        self._segment_ms = 0
        """Where the current run of capture starts on the timeline."""
        self._segment_samples = 0

    # Control (the UI's thread) -----------------------------------------------------------
    def start(self) -> None:
        """Open the source and start writing; a ReflectError if the source cannot open."""
        self._began = self.clock()
        self._writer = threading.Thread(target=self._write, name="reflect-recorder",
                                        daemon=True)
        self._writer.start()
        self.running = True
        try:
            self.source.open(self._take)
        except BaseException:
            self.running = False
            self._queue.put(_STOP)
            self._writer.join()
            raise

    def pause(self) -> None:
        if self.running and not self.paused:
            self.paused, self._paused_at = True, self.clock()
            self._queue.put(_FLUSH)

    def resume(self) -> None:
        if self.running and self.paused:
            now_ms = max(0, round((self.clock() - self._began) * 1000))
            self._queue.put(f"{_FLUSH}:{now_ms}")
            self.paused, self._paused_at = False, None

    def stop(self) -> None:
        """Stop capturing, write what is left, and wait until it is written (or given up:
        `error` says so and `unsaved_chunks` counts what could not be kept)."""
        if not self.running:
            return
        self.source.close()
        self.running = False
        self._queue.put(_STOP)
        if self._writer is not None:
            self._writer.join()
        self.level = Level()

    @property
    def elapsed_ms(self) -> int:
        """Time on the recording's timeline now (pauses included, as time codes count)."""
        if not self._began:
            return 0
        now = self._paused_at if self._paused_at is not None else self.clock()
        return max(0, round((now - self._began) * 1000))

    @property
    def unsaved_chunks(self) -> int:
        return len(self._waiting)

    # The source's thread -----------------------------------------------------------------
    def _take(self, block: bytes) -> None:
        if not self.paused:
            self._queue.put(block)

    # The writer thread -------------------------------------------------------------------
    def _write(self) -> None:
        buffer = bytearray()
        while True:
            item = self._queue.get()
            if isinstance(item, bytes):
                self.level = level_of(item)
                buffer += item
                while len(buffer) >= self.chunk_bytes:
                    self._emit(bytes(buffer[:self.chunk_bytes]))
                    del buffer[:self.chunk_bytes]
                continue
            if buffer:
                self._emit(bytes(buffer))
                buffer.clear()
            self.level = Level()
            if item == _STOP:
                self._keep_waiting()
                return
            if item.startswith(f"{_FLUSH}:"):  # a resume: a new run from the clock's time
                self._segment_ms = max(int(item.split(":", 1)[1]), self._end_ms())
                self._segment_samples = 0

    def _end_ms(self) -> int:
        return self._segment_ms + self._segment_samples * 1000 // RATE

    def _emit(self, pcm: bytes) -> None:
        start = self._end_ms()
        self._segment_samples += len(pcm) // codec.SAMPLE_WIDTH
        duration = self._end_ms() - start
        self._waiting.append((self._seq, start, duration, codec.encode(pcm, RATE, self.codec)))
        self._seq += 1
        self._keep_waiting()

    def _keep_waiting(self) -> None:
        while self._waiting:
            try:
                self.sink(*self._waiting[0])
            except ReflectError as exc:
                self.error = str(exc)
                return
            self._waiting.popleft()
            self.chunks_written += 1
            self.error = ""
