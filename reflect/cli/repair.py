"""reflect check and reflect restore: find damage, and put an automatic backup back."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reflect import paths
from reflect.cli.console import one_line, say, warn
from reflect.cli.privacy import current_passphrase, engine
from reflect.errors import ReflectError
from reflect.i18n import _


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    commands.add_parser("check", help=_("check the database file for damage (quick_check)"))
    restore = commands.add_parser("restore", help=_("list the automatic backups, or put one "
                                  "back in place of the database"))
    restore.add_argument("backup", nargs="?", help=_("a number from the list (1 = newest) or a "
                         "backup file"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask before replacing"))


def check_command(db: str) -> int:
    from reflect.store.backups import automatic_backups, backup_date, quick_check

    problem = quick_check(engine(db))
    if problem is None:
        say(_("{db}: no damage found.").format(db=paths.shown_db(db)))
        return 0
    warn(_("{db} is damaged: {problem}").format(db=paths.shown_db(db), problem=problem))
    file = paths.sqlite_file(db)
    backups = automatic_backups(file) if file else []
    if backups:
        warn(_("The newest automatic backup is from {date}: 'reflect restore' lists them, "
               "'reflect restore 1' puts it back (the damaged file is kept).").format(
            date=backup_date(backups[0])))
    return 1


def restore_command(db: str, args: argparse.Namespace) -> int:
    from pathlib import Path

    from reflect.privacy.encryption import is_encrypted
    from reflect.store.backups import automatic_backups, backup_date, restore

    file = paths.sqlite_file(db)
    if file is None:
        raise ReflectError(_("reflect restore works on a SQLite file; a database server has "
                             "backups of its own"))
    backups = automatic_backups(file)
    if args.backup is None:
        if not backups:
            say(_("No automatic backups of {file} yet (the app makes one a day).").format(
                file=file))
        for number, backup in enumerate(backups, 1):
            say(f"{number}. {backup_date(backup)}  {backup}")
        return 0
    if args.backup.isdigit() and 1 <= int(args.backup) <= len(backups):
        chosen = backups[int(args.backup) - 1]
    else:
        chosen = Path(args.backup).expanduser()
        if not chosen.is_file():
            raise ReflectError(_("no backup numbered or named '{backup}'; 'reflect restore' "
                                 "lists them").format(backup=args.backup))
    if not args.yes:
        if not sys.stdin.isatty():
            raise ReflectError(_("add --yes to restore without being asked"))
        question = _("Replace {file} with the backup of {date}? The current file is kept "
                     "beside it. Type yes to go on: ").format(file=file, date=backup_date(chosen))
        answer = input(one_line(question))
        if answer.strip().lower() not in ("yes", _("yes")):
            say(_("Nothing was changed."))
            return 1
    passphrase = current_passphrase() if is_encrypted(chosen) or is_encrypted(file) else None
    kept = restore(file, chosen, passphrase)
    say(_("Restored {file} from {backup}.").format(file=file, backup=chosen) + (
        " " + _("The file it replaced is kept as {kept}.").format(kept=kept) if kept else ""))
    return 0
