"""Transcribing a session (issue 34, point 4): each of its recordings heard by a local model
in the session's language, the words split at the questions' time codes, and each question's
part kept beside its answer (reflect.store.transcripts). The command line
(reflect.cli.transcribe) and the review screen's worker both run `transcribe_session`.

Where the words go: a question's asked time (the answer's `opened_code`, a RECORDING code:
seconds from the session's `recording_started_at`) points into a recording at
`code * 1000 - offset_ms` (reflect.models_audio.Recording); each question gets what was said
from there until the next question was asked. What was said before the first question (the
introduction, the consent) is no question's and is not transcribed. Questions whose codes
are on the interview's own clock (taken before any recording) cannot be placed, and are named.

The audio is read a window at a time (a question's span, at most WINDOW long), so an hour's
interview never sits in memory whole.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from reflect import formats, timecodes
from reflect.audio.transcribe import Mark, Part, Segment, Transcriber, Word, split
from reflect.errors import ReflectError
from reflect.i18n import _, ngettext
from reflect.store import Store

WINDOW_MS = 10 * 60 * 1000
"""The most audio heard in one go (about 40 MB of samples at 16 kHz)."""

Progress = Callable[[int, int], None]
"""(milliseconds of audio heard, milliseconds to hear in all)"""


@dataclass(frozen=True)
class Plan:
    """What a transcription of one session will hear."""

    session_id: uuid.UUID
    language: str
    windows: list[tuple[uuid.UUID, int, list[Mark], list[tuple[int, int]]]]
    """Per recording: its id, its offset_ms, its marks (questions' asked times on its
    timeline) and the windows (start, end in ms) to hear."""
    unplaced: list[str] = field(default_factory=list)
    """Questions answered without a recording time code (no place in any recording)."""

    @property
    def audio_ms(self) -> int:
        return sum(end - start for _id, _offset, _marks, spans in self.windows
                   for start, end in spans)


@dataclass(frozen=True)
class Outcome:
    questions: int
    """Questions that got a transcript."""
    audio_ms: int
    seconds: float
    model: str
    language: str
    unplaced: list[str]


def drafted(count: int) -> str:
    """'3 questions have a draft transcript.' (the command line and the review say it)"""
    return ngettext("{count} question has a draft transcript.",
                    "{count} questions have a draft transcript.", count).format(
        count=formats.number(count))


def _windows(marks: list[Mark], duration_ms: int) -> list[tuple[int, int]]:
    """From the first question's asked time to the recording's end, cut at each question
    and at most WINDOW_MS long."""
    cuts = sorted({m.at_ms for m in marks if m.at_ms < duration_ms} | {duration_ms})
    spans = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        for at in range(start, end, WINDOW_MS):
            spans.append((at, min(end, at + WINDOW_MS)))
    return spans


def plan(store: Store, session_id: uuid.UUID) -> Plan:
    """The recordings, their question marks and windows, and the session's language (its
    protocol's: never detected)."""
    session = store.session(session_id)
    if session is None:
        raise ReflectError(_("that session no longer exists"))
    language = store.protocol_of(session).language
    recordings = store.recordings(session_id)
    if not recordings:
        raise ReflectError(_("this session has no recording to transcribe (record it, or "
                             "attach one with 'reflect recording import')"))
    answers = store.answers(session_id)
    coded = {qid: a.opened_code for qid, a in answers.items()
             if a.opened_code is not None and a.opened_kind == timecodes.RECORDING}
    unplaced = sorted(qid for qid, a in answers.items() if qid not in coded
                      and a.opened_code is not None)
    if not coded:
        raise ReflectError(_("no question of this session has a time code in the recording, "
                             "so its words cannot be split by question"))
    windows = []
    for recording in recordings:
        marks = [Mark(qid, code * 1000 - recording.offset_ms) for qid, code in coded.items()]
        inside = [m for m in marks if m.at_ms < recording.duration_ms]
        if not inside:
            continue
        # a question asked before this recording began runs on into it: it starts at 0
        started = [m for m in inside if m.at_ms <= 0]
        if started:
            last = max(started, key=lambda m: m.at_ms)
            inside = [Mark(last.question_id, 0)] + [m for m in inside if m.at_ms > 0]
        windows.append((recording.id, recording.offset_ms, inside,
                        _windows(inside, recording.duration_ms)))
    return Plan(session_id, language, windows, unplaced)


def transcribe_session(store: Store, session_id: uuid.UUID, transcriber: Transcriber,
                       progress: Progress | None = None) -> Outcome:
    """Hear every recording of the session and keep each question's part; returns what was
    done. Raises ReflectError when the model cannot take the session's language."""
    began = time.monotonic()
    work = plan(store, session_id)
    transcriber.check_language(work.language)
    total, done = work.audio_ms, 0
    if progress is not None:
        progress(0, total)
    questions: set[str] = set()
    for recording_id, offset, marks, spans in work.windows:
        segments: list[Segment] = []
        for start, end in spans:
            pcm, rate = store.read_pcm(recording_id, start, end)

            def heard(ms: int, _total: int, base: int = done) -> None:
                if progress is not None:
                    progress(min(total, base + ms), total)

            for segment in transcriber.transcribe(pcm, rate, work.language, heard):
                segments.append(Segment(
                    segment.start_ms + start, segment.end_ms + start, segment.text,
                    tuple(Word(w.start_ms + start, w.end_ms + start, w.text)
                          for w in segment.words)))
            done += end - start
            if progress is not None:
                progress(done, total)
        parts, _before = split(segments, marks)
        # on the session's timeline (time codes), not the recording's
        kept = [Part(p.question_id, p.start_ms + offset, p.end_ms + offset, p.text)
                for p in parts]
        store.save_transcripts(session_id, recording_id, transcriber.name, work.language, kept)
        questions.update(p.question_id for p in kept)
    return Outcome(len(questions), total, time.monotonic() - began, transcriber.name,
                   work.language, work.unplaced)
