"""Writing files that hold answers: owner-only, and whole or not at all."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

_NOT_WORD = re.compile(r"[\W_]+")


def slug(text: str, limit: int = 50, fallback: str = "untitled") -> str:
    """A file-name part from a title: lower-case words of any script (Hebrew, Arabic, accented
    Latin stay as they are) joined by hyphens, cut at a word boundary, never mid-word unless
    one word is longer than `limit`. Safe on Windows, macOS and Linux."""
    words = [w for w in _NOT_WORD.split(text.lower()) if w]
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    if not kept and words:
        kept = [words[0][:limit]]
    return "-".join(kept) or fallback


def make_private_dirs(folder: Path) -> None:
    """Create a folder and any missing parents, each readable by the owner only (whatever the
    umask); existing folders are left as they are."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700, exist_ok=True)
        created.chmod(0o700)


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file if there is none (SQLite then gives its WAL, shared
    memory and journal files the same mode)."""
    make_private_dirs(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by the owner only, atomically (a crash leaves the old file or
    none, never half of one)."""
    make_private_dirs(path.parent)
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)
    path.chmod(0o600)


@contextlib.contextmanager
def private_writer(path: Path):
    """Like write_private, for a file written as it goes (an export of any size in constant
    memory): yields a binary file; the file appears whole at `path` when the block ends, and
    an error inside the block leaves no partial file behind."""
    make_private_dirs(path.parent)
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w+b") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    os.replace(partial, path)
    path.chmod(0o600)
