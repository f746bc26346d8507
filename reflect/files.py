"""Writing files that hold answers: owner-only, whole or not at all, and without trusting the
folder they go into.

Every file is first written to a temporary file created exclusively in the target folder
(O_EXCL, O_NOFOLLOW where the system has it, mode 0600, a random name: tempfile.mkstemp), so
a symlink or a world-writable file planted in a shared folder never receives a byte; it is
renamed over the target only when complete and flushed to the disk. A failure removes the
temporary file and becomes a plain ReflectError naming the file (a full disk included).

Exports run inside `exporting()`: the files appear together when it ends (or none does), an
existing file is refused unless forced (the command line's --force, the app's question), and
the database and its own files are refused always. A file the user made read-only is never
written over, and no mode of an existing file is changed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reflect.errors import FileExists, ReflectError
from reflect.i18n import _

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
        try:
            created.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made meanwhile by another process: not ours to change
        created.chmod(0o700)


def private_folder(folder: Path) -> None:
    """make_private_dirs for an export: a failure is a plain ReflectError naming the folder."""
    try:
        make_private_dirs(folder)
    except OSError as exc:
        raise write_error(folder, exc) from None


def create_private_file(path: Path) -> None:
    """Create an empty owner-only file if there is none (SQLite then gives its WAL, shared
    memory and journal files the same mode)."""
    make_private_dirs(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


@dataclass
class _Batch:
    """The files of one export: written to temporary files, renamed together at the end."""

    force: bool
    protected: list[Path]
    pending: dict[Path, Path] = field(default_factory=dict)
    """target -> its complete temporary file"""


_batch: ContextVar[_Batch | None] = ContextVar("reflect_export_batch", default=None)


@contextlib.contextmanager
def exporting(force: bool = False, protected: Iterable[Path] = ()) -> Iterator[None]:
    """Every file written inside appears when the block ends, all together, or none does (an
    error inside removes every temporary file). An existing target is refused with FileExists
    unless `force`; the `protected` files (the database, its WAL, its backups) are refused
    even then. Per thread (and task): a worker enters its own."""
    if _batch.get() is not None:  # an export inside an export: one batch
        yield
        return
    batch = _Batch(force, [_real(p) for p in protected])
    token = _batch.set(batch)
    try:
        yield
        _commit_all(batch)
    finally:
        _batch.reset(token)
        for temporary in batch.pending.values():
            _remove(temporary)
        batch.pending.clear()


def check_new(paths: Iterable[Path]) -> None:
    """Before an export's slow part: refuse now, naming all of them, the targets that exist
    (unless forced) or may never be written over (read-only, the database)."""
    batch = _batch.get()
    existing = []
    for path in paths:
        with contextlib.suppress(FileExists):
            _check_target(path, batch)
            continue
        existing.append(path)
    if existing:
        raise FileExists(existing)


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by the owner only, atomically (a crash leaves the old file or
    none, never half of one)."""
    with private_writer(path) as out:
        out.write(data)


@contextlib.contextmanager
def private_writer(path: Path) -> Iterator[BinaryIO]:
    """Like write_private, for a file written as it goes (an export of any size in constant
    memory): yields a binary file; the file appears whole at `path` when the block ends (or
    when the export around it does), and an error inside the block leaves no file behind."""
    batch = _batch.get()
    _check_target(path, batch)
    private_folder(path.parent)
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".partial",
                                            dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from None
    temporary = Path(name)
    try:
        with _file_for(descriptor) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
    except BaseException as exc:
        _remove(temporary)
        if isinstance(exc, OSError):
            raise write_error(path, exc) from None
        raise
    if batch is None:
        _commit(temporary, path, replace=True)
        return
    if (earlier := batch.pending.pop(path, None)) is not None:
        _remove(earlier)
    batch.pending[path] = temporary


def _file_for(descriptor: int) -> BinaryIO:
    """The file object over a new temporary file (the seam the full-disk tests replace)."""
    return os.fdopen(descriptor, "w+b")


def _commit_all(batch: _Batch) -> None:
    """Rename every temporary file over its target; first check them all, so a refusal
    found now leaves every target as it was."""
    check_new(batch.pending)
    while batch.pending:
        target, temporary = next(iter(batch.pending.items()))
        _commit(temporary, target, replace=batch.force)
        del batch.pending[target]


def _commit(temporary: Path, target: Path, replace: bool) -> None:
    """Put the complete temporary file in the target's place: replacing what is there (a
    symlink planted there is replaced, never followed), or only if nothing is there."""
    try:
        _check_writable(target)
        if replace:
            os.replace(temporary, target)
            return
        try:
            os.link(temporary, target)  # fails if anything is there, even a symlink
        except FileExistsError:
            raise FileExists([target]) from None
        except OSError:  # a file system without hard links (FAT, some network shares)
            if os.path.lexists(target):
                raise FileExists([target]) from None
            os.rename(temporary, target)
        else:
            os.unlink(temporary)
    except OSError as exc:
        _remove(temporary)
        raise write_error(target, exc) from None
    except ReflectError:
        _remove(temporary)
        raise


def _check_target(path: Path, batch: _Batch | None) -> None:
    """Refuse a target the export may not write: the database's files, a read-only file, or
    (unless forced) any existing file."""
    if batch is not None:
        real = _real(path)
        for protected in batch.protected:
            if real == protected or protected in real.parents or _same_file(path, protected):
                raise ReflectError(_(
                    "{path} is the database or one of its own files (its journal, a backup); "
                    "an export never writes over it, even with --force. Choose another file "
                    "or folder with --out.").format(path=path))
    _check_writable(path)
    if batch is not None and not batch.force and os.path.lexists(path):
        raise FileExists([path])


def _check_writable(path: Path) -> None:
    """A file the user made read-only stays as it is: refused, and its mode left alone."""
    try:
        status = os.lstat(path)
    except OSError:
        return
    if stat.S_ISDIR(status.st_mode):
        raise ReflectError(_("{path} is a folder, so no file of that name can be written there. "
                             "Choose another name with --out.").format(path=path))
    if stat.S_ISREG(status.st_mode) and not status.st_mode & stat.S_IWUSR:
        raise ReflectError(_(
            "{path} is read-only, so reflect did not write over it (and did not change its "
            "permissions). Make it writable if it should be replaced, or write elsewhere with "
            "--out.").format(path=path))


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def write_error(path: Path, exc: OSError) -> ReflectError:
    """A failed write in words: what happened to which file, and what to do."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        reason = _("the disk is full (or your share of it is used up). Free some space and "
                   "try again")
    elif code == errno.EFBIG:
        reason = _("the file is larger than this disk or your limits allow (a FAT-formatted "
                   "USB stick takes at most 4 GB). Write it to another disk")
    elif code == errno.EROFS:
        reason = _("the disk is mounted read-only. Write to another disk or folder")
    elif code in (errno.EACCES, errno.EPERM):
        reason = _("you may not write in that folder (or over that file). Choose another "
                   "folder")
    elif code in (errno.ENOENT, errno.ENOTDIR):
        reason = _("its folder does not exist, or a file stands where a folder should be. "
                   "Check the path")
    elif code == errno.ENAMETOOLONG:
        reason = _("the name is too long for this disk. Choose a shorter path")
    elif code == errno.EIO:
        reason = _("the disk failed to write (removed, failing or a network share gone). "
                   "Check the disk and try again")
    else:
        reason = _("{problem}. Check the folder and the disk, then try again").format(
            problem=exc.strerror or type(exc).__name__)
    return ReflectError(_("could not write {path}: {reason}. Nothing was left half-written.")
                        .format(path=path, reason=reason))


def size_of(path: Path) -> int:
    """The size of a file just written: in place, or still waiting for its export to end."""
    batch = _batch.get()
    pending = batch.pending.get(path) if batch is not None else None
    return (pending or path).stat().st_size
