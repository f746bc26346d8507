"""How much reflect reads of a file it is given, and how it reads it (issue 29, point 5).

A bundle or a protocol file comes from somewhere else: a small file must not cost gigabytes or
minutes. Each limit is generous for real work (README, "Limits") and is checked before the
cost is paid: sizes before reading, nesting before parsing, the kind of file before opening.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from reflect.errors import ReflectError

PROTOCOL_FILE = 1_000_000
"""Bytes of one protocol file (the shipped ones are 2 to 9 kB)."""
BUNDLE_MANIFEST = 1_000_000
"""Bytes of a bundle's manifest.json once inflated (reflect writes about 2 kB)."""
BUNDLE_DIRECTORY = 64_000
"""Bytes of a bundle zip's directory (15 members take about 1.5 kB)."""
BUNDLE_LINE = 8_000_000
"""Bytes of one row of a bundle (one answer, note or protocol snapshot): eight times a
1 MB answer pasted in a language of two bytes a character, or 1.3 MB of control characters
(six bytes each once escaped)."""
BUNDLE_TOTAL = 8_000_000_000
"""Bytes of a bundle's tables once inflated (the 100,000-interview benchmark bundle: 1.5 GB
of JSON Lines in a 447 MB file)."""
BUNDLE_BATCH = 16_000_000
"""Bytes of rows parsed and merged together (besides at most 1,000 rows)."""
OLD_BUNDLE = 64_000_000
"""Bytes of a bundle of format 1 or 2, which is read whole (about 3,000 interviews)."""
NESTING = 32
"""Levels of JSON nesting (a bundle row has one, an old bundle four)."""


class FileRefused(ReflectError):
    """A file reflect will not read: `kind` says what it is instead of an ordinary file, or
    `size` says how large it is."""

    def __init__(self, path: Path, kind: str = "", size: int = 0, target: Path | None = None):
        super().__init__(f"{path}: {kind or size}")
        self.path, self.kind, self.size, self.target = path, kind, size, target


def _kind(mode: int) -> str:
    """What a file that is not an ordinary one is, as a translated noun."""
    from reflect.i18n import _

    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("a special file")


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, if it is an ordinary file (a link is followed and its
    target checked): a named pipe, a device or a folder is refused before it is opened, and
    opened without blocking, so one swapped in meanwhile cannot hang reflect either."""
    target = path.resolve() if path.is_symlink() else None
    mode = os.stat(path).st_mode  # OSError (not found, no permission) is the caller's
    if not stat.S_ISREG(mode):
        raise FileRefused(path, _kind(mode), target=target)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise FileRefused(path, _kind(mode), target=target)
    return os.fdopen(descriptor, "rb")


def read_regular(path: Path, limit: int) -> bytes:
    """An ordinary file's bytes (see open_regular), if it holds at most `limit` of them;
    never more than `limit` + 1 are read, whatever its size says."""
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise FileRefused(path, size=size)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(path, size=len(data))
    return data


def size_text(size: int) -> str:
    """A size as people write it: 8 MB, 1.1 GB, 64 kB."""
    for unit, name in ((1e9, "GB"), (1e6, "MB"), (1e3, "kB")):
        if size >= unit:
            value = size / unit
            return f"{value:.0f} {name}" if value >= 10 or value == int(value) \
                else f"{value:.1f} {name}"
    return f"{size} B"


_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.S)
"""A JSON string (or one left open at the end), matched in time linear in its length."""
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))


def too_deep(data: bytes, limit: int = NESTING) -> bool:
    """Whether JSON text nests more than `limit` levels: found before any parser recurses
    into it, in time linear in its length. Brackets inside strings do not count; the
    brackets left are removed a level (the innermost matched pairs) a round, `limit` + 1
    rounds at most; an opening bracket never closed counts as a level of its own."""
    if data.count(b"[") + data.count(b"{") <= limit:
        return False
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    for levels in range(limit + 1):
        before = len(brackets)
        brackets = brackets.replace(b"[]", b"").replace(b"{}", b"")
        if len(brackets) == before:  # all matched, or the rest never closes
            return levels + brackets.count(b"[") + brackets.count(b"{") > limit
    return True
