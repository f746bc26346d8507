"""Bundles: one file that carries a whole database to another one and merges there.

Format 4 (reflect.exchange.bundle_zip, documented in the README, "Bundles"): a zip of one
JSON Lines file per table, in the order they must be inserted, and a manifest with each
table's SHA-256, written and read a batch of rows at a time. Formats 1 to 3 still import
(format 3 and older carry deletions as audit events, read as deletions here).

This module reads and writes the file; the merge is the store's (reflect.store.transfer):
by id, the row edited later winning, the losing version kept; rows deleted here are not
brought back. Everything happens in one transaction: whatever is wrong with the file, found
on the way, rolls everything back.

Nothing irreversible follows from a file (issue 28): an erasure it carries hides the words
and waits for someone here to confirm it (reflect.store.member_checks, `settle_erasures`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reflect.errors import ReflectError
from reflect.exchange.bundle_export import (  # noqa: F401 - callers import them from here
    bundle_data,
    bundle_rows,
    export_bundle,
    plain_value,
    primary_key,
    withdrawn_placeholder,
)
from reflect.exchange.bundle_file import (  # noqa: F401 - checksum is read from here too
    ALL_TABLES,
    FORMAT,
    FORMAT_VERSION,
    TABLES,
    canonical,
    checksum,
)
from reflect.exchange.bundle_zip import ZipBundleReader, open_bundle
from reflect.exchange.demo import demo_story_ids, refuse_demo_stories
from reflect.exchange.import_report import (  # noqa: F401 - callers import them from here
    ImportSummary,
    TableResult,
    UnexplainedAnswers,
)
from reflect.exchange.progress import Progress, no_progress
from reflect.i18n import _
from reflect.models import AuditEvent, Story, SupersededVersion
from reflect.store import Store
from reflect.store.transfer import BrokenReference
from reflect.store.transfer_audio import CHUNKS, RECORDINGS, chunks_in, merge_audio

if TYPE_CHECKING:  # pyrage and cryptography load only when a sealed bundle is opened
    from reflect.privacy.sealed import Opened


def import_bundle(store: Store, path: Path, progress: Progress = no_progress,
                  opened: Opened | None = None) -> ImportSummary:
    """Merge a bundle file into the store's database in one transaction, a batch of rows at a
    time: whatever is wrong with the file, found on the way, rolls everything back.
    `opened`: the sealed bundle at path, opened and its signature checked
    (reflect.privacy.sealed); the versions it replaces name its sender."""
    bundle = ZipBundleReader(path, opened.bundle) if opened else open_bundle(path)
    total = sum(bundle.counts.values())
    summary = ImportSummary()
    done = 0
    source = f"{path.name} (exported {bundle.exported_at})"
    if opened is not None:
        source = f"{path.name} (exported {bundle.exported_at}, sealed by {opened.sender}, " \
                 f"key {opened.fingerprint})"
    deletions_as_audit = not bundle.carries("deletions")  # written before they had a table
    try:
        with store.merging(source) as merge:
            check = UnexplainedAnswers(merge)
            real_here = merge.holds_real_work(demo_story_ids())
            for name, model in ALL_TABLES.items():
                if name in (RECORDINGS, CHUNKS) and not bundle.carries(name):
                    continue  # a bundle without --with-audio: no audio tables to report
                result = summary.tables.setdefault(name, TableResult())
                with merge.table(model, bundle.counts.get(name, 0)):
                    for batch in bundle.batches(name):
                        if name in (RECORDINGS, CHUNKS):
                            if name == CHUNKS:
                                chunks_in(f"{path}: tables/{name}.jsonl", batch)
                            merge_audio(merge, name, batch, result)
                            done += len(batch)
                            progress(name, done, total)
                            continue
                        check.see(name, batch)
                        if model is Story and real_here:
                            refuse_demo_stories(path, batch)
                        merge.batch(name, model, batch, result)
                        if model is AuditEvent and deletions_as_audit:
                            merge.deletions_from_audit(batch)
                        done += len(batch)
                        progress(name, done, total)
            if deletions_as_audit:
                summary.tables.pop("deletions", None)
            summary.unexplained = check.found
            summary.withdrawn, summary.pending = merge.settle()
    except BrokenReference as exc:
        raise ReflectError(_("{path}: its rows refer to something that is neither in the "
                             "bundle nor in this database ({_constraint}). Nothing was "
                             "imported.").format(path=path, _constraint=exc.constraint)) from None
    finally:
        bundle.close()
    progress("done", total, total)
    return summary


def superseded_versions(store: Store) -> list[SupersededVersion]:
    """The versions that lost a merge, newest first (to read, or to copy back by hand)."""
    return store.superseded_versions()
