"""Recordings in the REFI-QDA project (issue 34): `reflect export qdpx --with-audio`.

Each recording of an interview written as a text source becomes an AudioSource: its sound as
an MP3 file under sources/ (MP3, since every QDA program that reads REFI-QDA plays it; written
by soundfile's libsndfile, whose wheels carry the LAME encoder), and a Transcript of it: the
interview's text as the text source has it, with a SyncPoint at the start of every answer
whose time code points into the recording, so a QDA program can jump from an answer to the
moment it was said. The typed answers are notes, not the words said: the transcript says so
in its description. A withdrawn informant's recording is never listed by the store, so it is
never written.
"""

from __future__ import annotations

import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reflect.audio.player import code_kind, place
from reflect.exchange.qdpx_xml import USER, guid, tag, text_tag, when
from reflect.i18n import _
from reflect.models import utcnow
from reflect.text import xml_text

if TYPE_CHECKING:
    from reflect.exchange.corpus import SessionData
    from reflect.store import Store

WINDOW_MS = 60_000
"""Sound read from the store and encoded at a time."""


@dataclass
class Transcribed:
    """What the text source of an interview tells its recordings: the source's name and
    text, and where each answer begins in it."""

    name: str
    text: str
    syncs: list[tuple[int, int, str]] = field(default_factory=list)
    """(position in the text, time code, its kind) for each answer with a code."""


def transcribed(store: Store, data: SessionData, name: str, text: str,
                starts: dict[uuid.UUID, int]) -> Transcribed:
    """The text source of one interview, with its answers' codes (read again whole: the
    exports' rows do not carry them), for its recordings."""
    syncs = []
    for answer in store.answers(data.session.id).values():
        code, kind = (answer.opened_code, answer.opened_kind) if answer.opened_code is not \
            None else (answer.typed_code, answer.typed_kind)
        if answer.id in starts and code is not None:
            syncs.append((starts[answer.id], code, kind))
    return Transcribed(name, text, sorted(syncs))


def _mp3(store: Store, recording: Any) -> Iterator[bytes]:
    """The recording as an MP3 file's bytes, encoded a minute at a time into a temporary
    file (never the whole sound in memory)."""
    import numpy
    import soundfile  # type: ignore[import-untyped, unused-ignore]

    rate = int(recording.sample_rate)
    with tempfile.TemporaryFile() as out:
        with soundfile.SoundFile(out, "w", samplerate=rate, channels=1, format="MP3",
                                 subtype="MPEG_LAYER_III") as mp3:
            for start in range(0, int(recording.duration_ms), WINDOW_MS):
                pcm, _rate = store.read_pcm(recording.id, start,
                                            min(start + WINDOW_MS, int(recording.duration_ms)))
                mp3.write(numpy.frombuffer(bytes(pcm), dtype="<i2"))
        out.seek(0)
        while block := out.read(1 << 20):
            yield block


def write_audio_sources(store: Store, archive: zipfile.ZipFile,
                        sessions: dict[uuid.UUID, tuple[Any, Transcribed]]) -> tuple[str, int]:
    """The AudioSource elements of these interviews' recordings (their sound written into
    the archive), and how many there are. `sessions`: session -> (the session, its text
    source's transcript)."""
    parts, count = [], 0
    now = when(utcnow())
    for session_id, (session, source) in sessions.items():
        recordings = store.recordings(session_id)
        for number, recording in enumerate(sorted(recordings, key=lambda r: r.offset_ms), 1):
            with archive.open(f"sources/{recording.id}.mp3", "w", force_zip64=True) as sound:
                for block in _mp3(store, recording):
                    sound.write(block)
            count += 1
            name = _("{source}: recording").format(source=source.name) if len(recordings) == 1 \
                else _("{source}: recording {number}").format(source=source.name, number=number)
            parts.append(tag("AudioSource", {
                "guid": recording.id, "name": name, "path": f"internal://{recording.id}.mp3",
                "creatingUser": USER, "creationDateTime": now},
                text_tag("Description", _("Recorded in the interview ({source}), kept by "
                                          "reflect; {length} s.").format(
                    source=_("this laptop") if recording.source == "laptop"
                    else _("imported file"), length=int(recording.duration_ms) // 1000))
                + _transcript(session, recording, source, recordings)))
    return "".join(parts), count


def _transcript(session: Any, recording: Any, source: Transcribed, recordings: list[Any]) -> str:
    """The interview's text synchronised with this recording at each answer that points
    into it."""
    kind_here = code_kind(session.recording_started_at)
    points = []
    for position, code, kind in source.syncs:
        found = place(recordings, code, kind, kind_here)
        if found is None or found[0].id != recording.id:
            continue
        points.append(tag("SyncPoint", {"guid": guid("sync", recording.id, position),
                                        "position": position, "timeStamp": found[1]}))
    return tag("Transcript", {
        "guid": guid("transcript", recording.id), "name": source.name,
        "creatingUser": USER, "creationDateTime": when(utcnow())},
        text_tag("Description", _("The answers as typed during the interview (notes, not a "
                                  "word-for-word transcript), each synchronised with the "
                                  "moment its question was asked."))
        + text_tag("PlainTextContent", xml_text(source.text)) + "".join(points))
