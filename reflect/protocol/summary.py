"""Each protocol's title and number of questions, kept in a small file beside the database so
that the home screen can fill its lists before the protocol files are read again.

Reading the protocols means importing pydantic and PyYAML and validating every file: about a
tenth of a second at start-up, which is most of what the home screen's lists waited for once
they were read at a glance (reflect.method.glance, issue 18). The summary is written after the
catalog has loaded and is trusted only while every protocol file is as it was then (same
names, sizes and modification times); otherwise the lists wait for the catalog. Imports
neither pydantic nor PyYAML.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from reflect import i18n, paths
from reflect.files import write_private

if TYPE_CHECKING:
    from reflect.protocol.catalog import ProtocolCatalog

SUMMARY_FILE = "protocol-summary.json"
Summary = dict[str, tuple[str, int]]
Fingerprint = list[list[str | int]]
"""Every protocol file's path, size and modification time (as JSON keeps them)."""
"""Protocol id -> (title, number of questions)."""


def default_folders() -> list[Path]:
    return [paths.shipped_protocols_dir(), paths.user_protocols_dir()]


def protocol_files(folder: Path) -> list[Path]:
    """The protocol files in a folder: sources (name.yaml) before translations (name.he.yaml)."""
    files = [*folder.glob("*.yaml"), *folder.glob("*.yml")] if folder.is_dir() else []
    return sorted(files, key=lambda f: (f.stem.count("."), f.name))


def fingerprint(folders: list[Path]) -> Fingerprint:
    """What the summary depends on: every protocol file's path, size and modification time."""
    found: Fingerprint = []
    for folder in folders:
        for path in protocol_files(folder):
            try:
                facts = path.stat()
            except OSError:  # a link to nothing: the catalog reports it, not loaded
                found.append([str(path), -1, -1])
                continue
            found.append([str(path), facts.st_size, facts.st_mtime_ns])
    return found


def summarize(catalog: ProtocolCatalog) -> Summary:
    """Each protocol's title in the interface's language (its translation's, when there is
    one; reading only that language's file) and its number of questions."""
    language = i18n.language()
    summary: Summary = {}
    for pid, protocol in catalog.protocols.items():
        shown = protocol if protocol.language == language else catalog.get(pid, language)
        summary[pid] = ((shown or protocol).title, len(protocol.questions))
    return summary


def read_summary(files: Fingerprint | None = None) -> Summary | None:
    """The summary written last, if the protocol files are still as they were (`files`: their
    fingerprint, when already taken); else None."""
    try:
        stored = json.loads((paths.data_dir() / SUMMARY_FILE).read_text(encoding="utf-8"))
        if stored["files"] != (files if files is not None else fingerprint(default_folders())):
            return None
        if stored.get("language", "en") != i18n.language():  # titles in another language
            return None
        return {pid: (title, int(count)) for pid, (title, count) in stored["protocols"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_summary(catalog: ProtocolCatalog, files: Fingerprint) -> None:
    """Keep the catalog's summary for the next start, with the fingerprint of the files taken
    before the catalog read them (so a file changed meanwhile makes the summary stale, never
    wrong). Only when it changed; best effort: a start without it only waits a little longer."""
    summary = summarize(catalog)
    if read_summary(files) == summary:
        return
    document = {"files": files, "language": i18n.language(), "protocols": summary}
    with contextlib.suppress(OSError):
        write_private(paths.data_dir() / SUMMARY_FILE,
                      json.dumps(document, ensure_ascii=False).encode("utf-8"))
