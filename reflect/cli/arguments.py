"""Arguments reflect refuses before doing anything: text that is not UTF-8, a database in
memory."""

from __future__ import annotations

import os

from reflect.errors import ReflectError
from reflect.i18n import _


def check_text(argv: list[str]) -> None:
    """Arguments and REFLECT_* variables must be text: bytes that are not UTF-8 (a file name
    from an old system, a passphrase typed in another encoding) are refused by name, before
    they can reach the database or the terminal."""
    for number, argument in enumerate(argv, 1):
        if not _is_text(argument):
            raise ReflectError(_("argument {number} ({shown}) is not valid UTF-8 text; reflect "
                                 "reads its arguments as UTF-8. Type it again in a UTF-8 "
                                 "terminal, or rename the file.").format(
                number=number, shown=argument.encode("utf-8", "surrogateescape")
                .decode("utf-8", "replace")))
    for name, value in sorted(os.environ.items()):
        if name.startswith("REFLECT_") and not _is_text(value):
            raise ReflectError(_("the environment variable {name} is not valid UTF-8 text; set "
                                 "it again in a UTF-8 terminal.").format(name=name))


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_db(db: str) -> None:
    """A database in memory would vanish when reflect ends, taking every answer with it."""
    if db.strip() in (":memory:", "sqlite://", "sqlite:///:memory:") or \
            db.startswith("sqlite:///:memory:") or "mode=memory" in db:
        raise ReflectError(_("{db} is a database in memory: everything written to it is lost "
                             "when reflect ends. Give a file path (or a server URL) with --db."
                             ).format(db=db))
