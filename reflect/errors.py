"""The one exception type the UI and CLI show to users as a plain message."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class ReflectError(Exception):
    """A problem the user can act on; its text says what is wrong and what to do."""


class StorageError(ReflectError):
    """The database could not be written (disk full, read-only, locked): nothing was changed,
    and trying again later may work."""


# What went wrong with the database, as the driver classifies it ------------------------------
FULL, IO, READONLY, BUSY, CORRUPT, NOT_A_DATABASE, DENIED, CONNECTION, OTHER = (
    "full", "io", "readonly", "busy", "corrupt", "not a database", "denied", "connection", "")

SQLITE_NAMES = (("SQLITE_FULL", FULL), ("SQLITE_IOERR", IO), ("SQLITE_READONLY", READONLY),
                ("SQLITE_BUSY", BUSY), ("SQLITE_LOCKED", BUSY), ("SQLITE_CORRUPT", CORRUPT),
                ("SQLITE_NOTADB", NOT_A_DATABASE))
"""SQLite result codes by name (the extended ones, SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT,
SQLITE_READONLY_DBMOVED..., start with their primary's name). sqlite3 and sqlcipher3 set
`sqlite_errorname` on their exceptions."""

SQLSTATES = {"53100": FULL, "58030": IO, "25006": READONLY, "40P01": BUSY, "55P03": BUSY,
             "57014": BUSY, "40001": BUSY, "42501": DENIED, "XX001": CORRUPT,
             "XX002": CORRUPT}
"""PostgreSQL SQLSTATE codes (psycopg's `sqlstate`): disk_full, io_error,
read_only_sql_transaction, deadlock_detected, lock_not_available, query_canceled (a statement
or lock timeout), serialization_failure, insufficient_privilege, data_corrupted,
index_corrupted. Class 08 is the connection's."""


def driver_error(error: BaseException) -> BaseException:
    """The driver's own exception under SQLAlchemy's wrapper (or the error itself)."""
    return getattr(error, "orig", None) or error


def storage_problem(error: BaseException | str) -> str:
    """Which failure a database error is (FULL, IO, READONLY, BUSY, CORRUPT, NOT_A_DATABASE,
    DENIED, CONNECTION, or OTHER ''): by SQLite's error name or PostgreSQL's SQLSTATE. Only an
    error that carries neither (a plain message, an exception made by hand) is read by its
    words, in English as SQLite writes them."""
    if isinstance(error, BaseException):
        error = driver_error(error)
        if name := getattr(error, "sqlite_errorname", None):
            return next((kind for prefix, kind in SQLITE_NAMES if name.startswith(prefix)),
                        OTHER)
        if state := getattr(error, "sqlstate", None):
            return CONNECTION if state.startswith("08") else SQLSTATES.get(state, OTHER)
    return _by_words(str(error).lower())


def _by_words(lowered: str) -> str:
    if "disk is full" in lowered or "no space" in lowered:
        return FULL
    if "disk i/o error" in lowered:
        return IO
    if "readonly" in lowered or "read-only" in lowered:
        return READONLY
    if "locked" in lowered or "busy" in lowered:
        return BUSY
    if "file is not a database" in lowered or "file is encrypted" in lowered:
        return NOT_A_DATABASE
    if "malformed" in lowered:
        return CORRUPT
    return OTHER


def not_your_role() -> str:
    """What a team member is told when PostgreSQL refuses a change (a missing grant, or a row
    a row-level security policy keeps from their role): never a traceback."""
    from reflect.i18n import _

    return _("Not done: your role cannot make this change; the team server refused it and "
             "nothing was written. Ask the team's coordinator if it should be yours.")


def explain_storage_error(error: BaseException | str, where: str | None = None) -> str:
    """A plain sentence for a failed write, chosen by `storage_problem` (the driver's error,
    or its message)."""
    from reflect.i18n import _

    where = where or _("the database")
    kind = storage_problem(error)
    if kind == FULL:
        return _("the disk holding {where} is full: nothing more could be written. Free some "
                 "space; what you typed is kept and saved again when there is room.").format(
            where=where)
    if kind == IO:
        return _("the disk holding {where} failed to write (a disk I/O error: full, removed or "
                 "failing). What you typed is kept and saved again shortly.").format(where=where)
    if kind == READONLY:
        return _("{where} cannot be written: it is read-only (check the permissions of the file "
                 "and its folder, or whether the disk is mounted read-only).").format(where=where)
    if kind == BUSY:
        return _("{where} is busy: another program (or another reflect) has held it for more "
                 "than 5 seconds. Close that program; what you typed is kept and saved again "
                 "shortly.").format(where=where)
    if kind == DENIED:
        return not_your_role()
    message = str(driver_error(error)) if isinstance(error, BaseException) else error
    return _("{where} refused the change ({detail}); nothing was written.").format(
        where=where, detail=(message.splitlines() or [""])[0][:120])


class FileExists(ReflectError):
    """An export would write over files that are already there; it wrote nothing. The
    command line's --force, or the app's question, replaces them."""

    def __init__(self, paths: Iterable[Path]) -> None:
        from reflect.i18n import ngettext

        self.paths = list(paths)
        names = ", ".join(str(path) for path in self.paths[:3])
        if len(self.paths) > 3:
            names += " …"
        super().__init__(ngettext(
            "{files} already exists, and reflect does not write over a file unless told to: "
            "nothing was written. Add --force to replace it, or choose another name or folder "
            "with --out.",
            "{files} already exist, and reflect does not write over a file unless told to: "
            "nothing was written. Add --force to replace them, or choose another name or "
            "folder with --out.", len(self.paths)).format(files=names))
