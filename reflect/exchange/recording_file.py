"""Attaching a recording made elsewhere (a phone) to an interview (issue 34, point 2):
`reflect recording import SESSION FILE [--offset SECONDS]`.

The file is decoded (reflect.audio.phone) to 16 kHz mono and stored in one-second chunks, each
encoded by itself (reflect.audio.codec), as a recording whose source is 'import'. Its place on
the interview's time codes is `offset_ms`: with the F4 sync point (the session's
`recording_started_at`, when the recorder's 00:00:00 was) a code of t seconds is t s into
the file when the offset is 0, the usual case (the phone was the recorder synchronised);
without it the codes are the interview's own clock, and the offset says where on that clock
the file began. Once stored, the original file is no longer needed: the audio is inside the
database, under its encryption.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.audio.phone import RATE, duration_seconds, pcm_blocks
from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.timecodes import hms

if TYPE_CHECKING:
    from reflect.models import Session
    from reflect.store import Store

CHUNK_MS = 1000
"""Stored chunks are a second each, as the laptop's own recordings are."""


def offset_text(offset_ms: int) -> str:
    """-00:00:02.5: where a recording starts on the time codes."""
    sign = "-" if offset_ms < 0 else ""
    whole, rest = divmod(abs(offset_ms), 1000)
    return sign + hms(whole) + (f".{rest:03d}".rstrip("0") if rest else "")


@dataclass(frozen=True)
class Imported:
    recording_id: uuid.UUID
    duration_ms: int
    stored_bytes: int
    offset_ms: int
    synced: bool
    """Aligned on the recorder's time codes (the F4 sync point), else on the interview's
    clock."""

    def alignment(self) -> str:
        start = offset_text(self.offset_ms)
        if self.synced:
            return _("Aligned with the time codes of the recorder synchronised with F4: the "
                     "file's start is at {start}. If the answers' times do not match what you "
                     "hear, delete it (reflect recording delete) and import it again with "
                     "--offset.").format(start=start)
        return _("This interview has no sync point (F4): the file's start was put at {start} "
                 "on the interview's own clock. If the answers' times do not match what you "
                 "hear, delete it (reflect recording delete) and import it again with "
                 "--offset.").format(start=start)


def refuse_import(session: Session, withdrawn: bool) -> None:
    """No recording of an interview the interviewee did not agree to have recorded, nor of
    one whose informant withdrew."""
    if session.kind != "interview":
        raise ReflectError(_("Recordings belong to interviews; this session is a "
                             "reflection. Nothing was imported."))
    if withdrawn:
        raise ReflectError(_("The informant of this interview withdrew: no recording of it "
                             "may be added. Nothing was imported."))
    from reflect.store.recording import refuse_unless_recording_agreed

    refuse_unless_recording_agreed(session)


def recording_import(store: Store, session: Session, path: Path, offset_seconds: float = 0.0,
                     progress: Callable[[float, float], None] | None = None) -> Imported:
    """Decode the file, store it in one-second chunks (source 'import') on the interview's
    timeline at `offset_seconds`, and return what was stored. A file that fails half-way
    leaves nothing behind."""
    from reflect.audio import codec
    from reflect.models_audio import IMPORTED

    informant = store.informant(session.informant_id) if session.informant_id else None
    refuse_import(session, informant is not None and informant.withdrawn)
    blocks = pcm_blocks(path)  # a file reflect cannot read is refused before anything is made
    total = duration_seconds(path) or 0.0
    offset_ms = round(offset_seconds * 1000)
    codec_name = codec.codec_for(RATE)
    recording_id = store.start_recording(session.id, source=IMPORTED, sample_rate=RATE,
                                         codec=codec_name, offset_ms=offset_ms,
                                         original_name=path.name)
    per_chunk = RATE * CHUNK_MS // 1000 * 2
    seq, start_ms, stored = 0, 0, 0
    pending = b""
    try:
        for block in blocks:
            pending += block
            while len(pending) >= per_chunk:
                piece, pending = pending[:per_chunk], pending[per_chunk:]
                stored += _store_chunk(store, recording_id, seq, start_ms, piece, codec_name)
                seq, start_ms = seq + 1, start_ms + CHUNK_MS
            if progress is not None:
                progress(start_ms / 1000, max(total, start_ms / 1000))
        if pending:
            stored += _store_chunk(store, recording_id, seq, start_ms, pending, codec_name)
            start_ms += len(pending) * 1000 // (2 * RATE)
    except BaseException:
        store.delete_recording(recording_id)
        raise
    if start_ms == 0:
        store.delete_recording(recording_id)
        raise ReflectError(_("{path} holds no sound. Nothing was imported.").format(path=path))
    return Imported(recording_id, start_ms, stored, offset_ms,
                    synced=session.recording_started_at is not None)


def _store_chunk(store: Store, recording_id: uuid.UUID, seq: int, start_ms: int, pcm: bytes,
                 codec_name: str) -> int:
    from reflect.audio import codec

    data = codec.encode(pcm, RATE, codec_name)
    store.add_chunk(recording_id, seq, start_ms, len(pcm) * 1000 // (2 * RATE), data)
    return len(data)
