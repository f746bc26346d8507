"""Recordings in bundles (issue 34): only when asked (`reflect export bundle --with-audio`),
never an informant's who withdrew, and merged in by id without bringing back what was
erased here.

A bundle carries the two audio tables after the interviewer's notes: `recordings` (one row
per recording) and `recording_chunks` (its sound, about a second per row, the encoded bytes
as base64 text in the JSON). A recording is never edited once made, apart from its length
growing while it records: a row both sides hold keeps the longer length; a chunk both hold
is the same sound and stays as it is.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import tuple_
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel, col, select, update

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import Session

if TYPE_CHECKING:
    from reflect.store.transfer import Merge, TableResult

RECORDINGS = "recordings"
CHUNKS = "recording_chunks"


def audio_tables() -> dict[str, type[SQLModel]]:
    """The bundle's audio tables, in insertion order."""
    from reflect.models_audio import Recording, RecordingChunk

    return {RECORDINGS: Recording, CHUNKS: RecordingChunk}


def hidden_recordings(db: DBSession, sessions: frozenset[uuid.UUID]) -> frozenset[uuid.UUID]:
    """The recordings of these sessions (an informant who withdrew): they stay here."""
    from reflect.models_audio import Recording

    if not sessions:
        return frozenset()
    return frozenset(db.exec(select(Recording.id).where(
        col(Recording.session_id).in_(list(sessions)))))


def chunk_out(row: dict[str, Any]) -> dict[str, Any]:
    """A chunk row as bundle JSON holds it: its bytes as base64 text."""
    data = row["data"]
    return {**row, "data": base64.b64encode(bytes(data)).decode("ascii")}


def chunks_in(where: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chunk rows read from a bundle (their data validated as the text it is) with their
    bytes back; a ReflectError when one is not base64."""
    for row in rows:
        data = row["data"]
        try:
            row["data"] = base64.b64decode(data if isinstance(data, bytes) else str(data),
                                           validate=True)
        except (binascii.Error, ValueError):
            raise ReflectError(_("{where}: a recording's sound is not base64 text; the file "
                                 "is damaged. Nothing was imported.").format(where=where)
                               ) from None
    return rows


def merge_audio(merge: Merge, name: str, rows: list[dict[str, Any]],
                result: TableResult) -> None:
    """Merge a batch of the bundle's recordings or chunks: new rows added; none of an
    informant erased here (nor the chunks of a recording left out); a recording both hold
    keeps the longer length; a chunk both hold stays."""
    from reflect.models_audio import Recording, RecordingChunk

    db = merge.db
    if name == RECORDINGS:
        erased = merge.erased  # read when the answers began; recordings come after them
        here = {r.id: r for r in db.exec(select(Recording).where(
            col(Recording.id).in_([row["id"] for row in rows])))}
        for row in rows:
            if row["session_id"] in erased or db.get(Session, row["session_id"]) is None:
                merge.not_restored.add(row["id"])
                result.not_restored += 1
            elif row["id"] in here:
                local = here[row["id"]]
                if row["duration_ms"] > local.duration_ms:
                    db.exec(update(Recording).where(col(Recording.id) == local.id)
                            .values(duration_ms=row["duration_ms"]))
                    result.updated += 1
                else:
                    result.unchanged += 1
            else:
                db.add(Recording(**row))
                result.added += 1
    else:
        keys = [(row["recording_id"], row["seq"]) for row in rows]
        here_keys = set(_present_chunks(db, keys))
        for row in rows:
            key = (row["recording_id"], row["seq"])
            if row["recording_id"] in merge.not_restored:
                result.not_restored += 1
            elif key in here_keys:
                result.unchanged += 1
            else:
                db.add(RecordingChunk(**row))
                result.added += 1
    db.flush()
    db.expunge_all()


def _present_chunks(db: DBSession, keys: list[tuple[uuid.UUID, int]]
                    ) -> Iterator[tuple[uuid.UUID, int]]:
    from reflect.models_audio import RecordingChunk

    for start in range(0, len(keys), 500):
        part = keys[start:start + 500]
        query = select(RecordingChunk.recording_id, RecordingChunk.seq).where(
            tuple_(col(RecordingChunk.recording_id), col(RecordingChunk.seq)).in_(part))
        yield from ((recording_id, seq) for recording_id, seq in db.exec(query))
