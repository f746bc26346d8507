"""Who has a database file open: marks beside the file, held with an OS file lock.

Every process that opens a database file holds a mark (`<db>.open/<pid>-<n>.mark`, an
exclusive lock on that file with the program, process and host written in it): the app, every
command, a script using the store (reflect.store.engine takes it with the engine and lets go
when the engine is disposed). A command that rewrites the file (encrypt,
passphrase, a schema upgrade) first takes the folder's `rewrite.lock`, then looks for marks
whose lock is still held: if there is one it refuses, naming the program. A mark whose lock is
free belongs to a process that died and is removed. An app that starts while a rewrite runs
sees `rewrite.lock` held and waits for the user to try again. The OS drops every lock of a
process that dies, so nothing stays locked after a crash. Works with fcntl (Linux, macOS) and
msvcrt (Windows).
"""

from __future__ import annotations

import json
import os
import re
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import IO

from reflect.errors import ReflectError
from reflect.i18n import N_, _

if sys.platform == "win32":  # pragma: no cover - exercised on Windows laptops
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        # Windows locks are mandatory: lock one byte far past the text, so that others can
        # still read who holds the mark.
        position = handle.tell()
        try:
            handle.seek(1 << 20)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(position)
        return True
else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


class InUse(ReflectError):
    """Another program has the database open (or is rewriting it)."""


@dataclass(frozen=True)
class Holder:
    program: str
    pid: int
    host: str
    since: str

    def describe(self) -> str:
        if self.host == socket.gethostname():
            return _("{program} (process {pid}, open since {since})").format(
                program=shown_program(self.program), pid=self.pid, since=self.since)
        return _("{program} (process {pid} on {host}, open since {since})").format(
            program=shown_program(self.program), pid=self.pid, host=self.host, since=self.since)


_PROGRAMS = {"the reflect app": N_("the reflect app"), "a program": N_("a program")}
_USING = re.compile(r"a program using reflect \((?P<name>.*)\)$")


def shown_program(program: str) -> str:
    """A program's name as another process wrote it into its mark (in English, whatever that
    process spoke), in the interface's language; a command (reflect import) as typed."""
    if program in _PROGRAMS:
        return _(_PROGRAMS[program])
    if using := _USING.match(program):
        return _("a program using reflect ({name})").format(name=using["name"])
    return program


_numbers = count()

program = f"a program using reflect ({Path(sys.argv[0]).name if sys.argv else 'python'})"
"""How this process is named to others in its marks; the command line sets 'reflect import'
and the like."""


def marks_dir(db: Path) -> Path:
    return db.with_name(db.name + ".open")


def _folder(db: Path) -> Path:
    folder = marks_dir(db)
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _open_private(path: Path) -> IO[str]:
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return os.fdopen(descriptor, "r+", encoding="utf-8")


class OpenMark:
    """This process has the database open; held until close() or the process ends."""

    def __init__(self, db: Path, program: str):
        folder = _folder(db)
        self.path = folder / f"{os.getpid()}-{next(_numbers)}.mark"
        self._handle: IO[str] | None = _open_private(self.path)
        _try_lock(self._handle)
        self.since = time.strftime("%Y-%m-%d %H:%M")
        self.name(program)
        with _open_private(folder / "rewrite.lock") as rewrite:
            if not _try_lock(rewrite):
                self.close()
                raise InUse(_("{db} is being rewritten by another reflect command (encrypt "
                              "or a new passphrase); try again when it has finished").format(
                                  db=db))

    def name(self, program: str) -> None:
        """Say (again) which program holds the mark: others name it when they refuse."""
        if self._handle is None:
            return
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(json.dumps({"program": program, "pid": os.getpid(),
                                       "host": socket.gethostname(), "since": self.since}))
        self._handle.flush()

    @property
    def held(self) -> bool:
        return self._handle is not None

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            with suppress(OSError):
                self.path.unlink()


def holders(db: Path) -> list[Holder]:
    """The programs that have the database open now; marks of dead processes are removed."""
    folder = marks_dir(db)
    found = []
    for mark in sorted(folder.glob("*.mark")) if folder.is_dir() else []:
        try:
            handle = _open_private(mark)
        except OSError:
            continue
        with handle:
            if _try_lock(handle):  # nobody holds it: its process is gone
                with suppress(OSError):
                    mark.unlink()
                continue
            try:
                found.append(Holder(**json.loads(handle.read() or "{}")))
            except (TypeError, ValueError):
                found.append(Holder("a program", 0, "?", "?"))
    return found


ENCRYPT = N_("cannot encrypt {db} while it is open in {holders}. Quit reflect there (ctrl+q "
             "saves first), then run this command again. Nothing was changed.")
NEW_PASSPHRASE = N_("cannot change the passphrase of {db} while it is open in {holders}. Quit "
                    "reflect there (ctrl+q saves first), then run this command again. Nothing "
                    "was changed.")
RESTORE = N_("cannot restore a backup over {db} while it is open in {holders}. Quit reflect "
             "there (ctrl+q saves first), then run this command again. Nothing was changed.")
UPGRADE = N_("cannot upgrade the schema of {db} while it is open in {holders}. Quit reflect "
             "there (ctrl+q saves first), then run this command again. Nothing was changed.")
"""The refusals of the rewrites (rewriting()), each a whole sentence to translate."""


@contextmanager
def rewriting(db: Path, refusal: str) -> Iterator[None]:
    """Run a rewrite of the database file only if no other program has it open; else say
    `refusal`, a whole sentence with {db} and {holders} (ENCRYPT, RESTORE... above)."""
    folder = _folder(db)
    with _open_private(folder / "rewrite.lock") as lock:
        if not _try_lock(lock):
            raise InUse(_("another reflect command is already rewriting {db}; let it "
                          "finish").format(db=db))
        if found := holders(db):
            names = "; ".join(holder.describe() for holder in found)
            raise InUse(_(refusal).format(db=db, holders=names))
        yield
