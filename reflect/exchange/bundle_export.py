"""Writing a bundle (format 3, reflect.exchange.bundle_zip) a row at a time, from batched
reads: memory stays flat whatever the size of the database (issue 18)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect import __version__
from reflect.exchange.bundle_file import FORMAT, FORMAT_VERSION, TABLES, checksum, tables_for
from reflect.exchange.bundle_zip import ZipBundleWriter
from reflect.exchange.progress import Progress, no_progress
from reflect.files import private_writer
from reflect.models import Session, utcnow
from reflect.privacy.redact import NO_REDACTION, Redactor, redact_row
from reflect.store import Store
from reflect.store.transfer_audio import CHUNKS, chunk_out
from reflect.store.transfer_rows import plain_value, primary_key, withdrawn_placeholder

if TYPE_CHECKING:  # pyrage and cryptography load only when a bundle is sealed
    from reflect.privacy.sealing_keys import Sender

__all__ = ["bundle_data", "bundle_rows", "export_bundle", "plain_value", "primary_key",
           "withdrawn_placeholder"]
"""The store's plain_value, primary_key and withdrawn_placeholder too: callers import them
from here (and from reflect.exchange.bundle)."""


def _parents_first(sessions: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Sessions ordered so a follow-up comes after the session it follows up (only the
    follow-ups, a few, are held back to be ordered)."""
    follow_ups = []
    for row in sessions:
        if row.get("follow_up_of") is None:
            yield row
        else:
            follow_ups.append(row)
    by_id = {row["id"]: row for row in follow_ups}

    def depth(row: dict[str, Any]) -> int:
        steps, seen = 0, set()
        while (parent := row.get("follow_up_of")) in by_id and parent not in seen:
            seen.add(parent)
            row, steps = by_id[parent], steps + 1
        return steps

    yield from sorted(follow_ups, key=depth)


def bundle_rows(tables: Iterator[tuple[str, Iterator[dict[str, Any]]]],
                redactor: Redactor = NO_REDACTION,
                ) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """(table, its rows) for every bundle table in insertion order (the store's rows, read
    by `Store.iter_rows`), sessions ordered for insertion, redacted as they stream."""
    for name, rows in tables:
        if name == CHUNKS:  # sound, not words: nothing to redact; its bytes as base64
            yield name, (chunk_out(row) for row in rows)
            continue
        if TABLES.get(name) is Session:
            rows = _parents_first(rows)
        yield name, (redact_row(name, row, redactor) for row in rows)


def bundle_data(store: Store, redactor: Redactor = NO_REDACTION) -> dict[str, Any]:
    """Everything as one dict (bundle format 2's shape), in memory: for tests and small
    databases; export_bundle streams the same rows to a file."""
    with contextlib.closing(store.iter_rows(TABLES)) as read:
        tables = {name: list(rows) for name, rows in bundle_rows(read, redactor)}
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "exported_at": utcnow().isoformat(), "reflect_version": __version__,
            "counts": {name: len(rows) for name, rows in tables.items()},
            "tables": tables, "checksum": checksum(tables)}


def export_bundle(store: Store, path: Path, progress: Progress = no_progress,
                  redactor: Redactor = NO_REDACTION, with_audio: bool = False,
                  ) -> dict[str, int]:
    """Write the bundle file (format 3, a zip of JSON Lines) one row at a time; returns the
    counts per table. The recordings and their sound only `with_audio`."""
    tables = tables_for(with_audio)
    with contextlib.closing(store.iter_rows(tables, progress)) as read, \
            private_writer(path) as out:
        writer = ZipBundleWriter(out, utcnow().isoformat(), __version__)
        try:
            for name, rows in bundle_rows(read, redactor):
                writer.table(name, rows)
            writer.close()
        except BaseException:
            with contextlib.suppress(Exception):  # a full disk fails this too
                writer.zip.close()
            writer.zip.fp = None  # else its finalizer prints a traceback about the closed file
            raise
    progress("done", len(tables), len(tables))
    return writer.counts


def export_sealed_bundle(store: Store, path: Path, recipients: Sequence[str], sender: Sender,
                         progress: Progress = no_progress,
                         redactor: Redactor = NO_REDACTION, with_audio: bool = False,
                         ) -> dict[str, int]:
    """The bundle sealed to the recipients' public keys and signed by the sender
    (reflect.privacy.sealed): the zip is built in memory and encrypted into the file, so no
    readable copy of it ever reaches a disk. Returns the counts per table. The recordings and
    their sound only `with_audio`."""
    from reflect.privacy.sealed import seal

    tables = tables_for(with_audio)
    buffer = io.BytesIO()
    with contextlib.closing(store.iter_rows(tables, progress)) as read:
        writer = ZipBundleWriter(buffer, utcnow().isoformat(), __version__)
        for name, rows in bundle_rows(read, redactor):
            writer.table(name, rows)
        writer.close()
    with private_writer(path) as out:
        seal(buffer.getbuffer(), recipients, sender, out)
    progress("done", len(tables), len(tables))
    return writer.counts
