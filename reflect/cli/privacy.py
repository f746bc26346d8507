"""Commands about keeping the data private: opening an encrypted database, encrypting one,
changing its passphrase, the redaction lists and the research team's key file."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from reflect import inuse, paths
from reflect.cli.console import PlainTable, console, one_line, say, warn
from reflect.errors import ReflectError
from reflect.i18n import _, ngettext

if TYPE_CHECKING:  # deferred at run time: each command imports only what it needs
    from sqlalchemy import Engine

    from reflect.privacy.copies import CopiesDone
    from reflect.privacy.keys import KeyFile
    from reflect.privacy.redact import Redactor
    from reflect.store import Store


def engine(db: str) -> Engine:
    """Open the database; an encrypted one takes REFLECT_PASSPHRASE, or asks on the terminal.
    With REFLECT_PASSPHRASE set, a database created now is encrypted."""
    from reflect.privacy.encryption import PassphraseNeeded, env_passphrase
    from reflect.store.engine import open_engine

    try:
        opened = open_engine(db, env_passphrase())
    except PassphraseNeeded:
        if not sys.stdin.isatty():
            raise
        opened = open_engine(db, getpass.getpass(one_line(_("Passphrase: "))))
    _OPENED.append(opened)
    return opened


_OPENED: list[Engine] = []
"""The engines this command opened (see close_opened)."""


def close_opened() -> None:
    """Dispose of every engine the command opened: its connections and its open mark go."""
    while _OPENED:
        _OPENED.pop().dispose()


def current_passphrase() -> str:
    """The database's passphrase: REFLECT_PASSPHRASE, else typed on the terminal."""
    from reflect.privacy.encryption import PASSPHRASE_ENV

    return _passphrase(PASSPHRASE_ENV, _("the passphrase"))


def _passphrase(env: str, what: str, new: bool = False) -> str:
    """A passphrase from the environment variable, else typed on the terminal (twice, and
    checked, when it is a new one)."""
    from reflect.privacy.encryption import check_new_passphrase

    if (given := os.environ.get(env)) is not None:
        return check_new_passphrase(given) if new else given
    if not sys.stdin.isatty():
        raise ReflectError(_("type {what} on a terminal (or set {env} for a script)").format(
            what=what, env=env))
    typed = getpass.getpass(one_line(f"{what[0].upper()}{what[1:]}: "))
    if not new:
        return typed
    again = getpass.getpass(one_line(_("The same passphrase again: ")))
    return check_new_passphrase(typed, again)


def ask_new_passphrase() -> str:
    return _passphrase("REFLECT_NEW_PASSPHRASE", _("the new passphrase"), new=True)


def encrypt(db: str) -> int:
    from reflect.privacy.copies import encrypt_copies
    from reflect.privacy.encryption import encrypt_file

    path = paths.sqlite_file(db)
    if path is None or not path.exists():
        raise ReflectError(_("reflect encrypt works on an existing SQLite database file; a "
                             "new one is offered encryption when the app first starts"))
    engine(db).dispose()  # refuses damaged or foreign files, upgrades an old schema first
    passphrase = ask_new_passphrase()
    with inuse.rewriting(path, inuse.ENCRYPT):
        encrypt_file(path, passphrase)
        copies = encrypt_copies(path, passphrase)
    say(_("{path} is now encrypted. Keep the passphrase safe: a forgotten passphrase cannot "
          "be recovered.").format(path=path))
    _say_copies(copies)
    return 0


def _say_copies(copies: CopiesDone) -> None:
    """What happened to the backups and other copies kept beside the database."""
    if copies.rekeyed:
        say(ngettext("{count} backup or copy beside it is encrypted the same way.",
                     "{count} backups and copies beside it are encrypted the same way.",
                     len(copies.rekeyed)).format(count=len(copies.rekeyed)))
    for removed in copies.removed:
        say(_("Removed {copy}: a copy that could not be encrypted (a raw or damaged copy, or "
              "one keyed with a passphrase no longer known), so nothing readable is left "
              "behind.").format(copy=removed))


def change_passphrase_command(db: str) -> int:
    from reflect.privacy.copies import rekey_copies
    from reflect.privacy.encryption import PASSPHRASE_ENV, change_passphrase, is_encrypted

    path = paths.sqlite_file(db)
    if path is None or not is_encrypted(path):
        raise ReflectError(_("{db} is not an encrypted database; 'reflect encrypt' encrypts "
                             "it").format(db=paths.shown_db(db)))
    old = _passphrase(PASSPHRASE_ENV, _("the current passphrase"))
    new = ask_new_passphrase()
    with inuse.rewriting(path, inuse.NEW_PASSPHRASE):
        change_passphrase(path, old, new)
        copies = rekey_copies(path, old, new)
    say(_("The passphrase of {path} is changed.").format(path=path))
    _say_copies(copies)
    return 0


def _key_passphrase(path: Path, creating: bool) -> str:
    from reflect.privacy.keys import PASSPHRASE_ENV

    if creating and PASSPHRASE_ENV not in os.environ:
        say(_("Creating the key file {path}. Give it its own passphrase; a forgotten one "
              "cannot be recovered.").format(path=path))
    return _passphrase(PASSPHRASE_ENV, _("the passphrase of the key file {path}").format(
        path=path), new=creating)


def open_keys(path: Path, creating: bool = False) -> KeyFile:
    from reflect.privacy.keys import KeyFile

    if not path.exists() and not creating:
        raise ReflectError(_("there is no key file at {path} yet; 'reflect keys add' makes "
                             "it").format(path=path))
    return KeyFile(path, _key_passphrase(path, creating=not path.exists()))


def keys_command(args: argparse.Namespace) -> int:
    path = args.keys or paths.keys_file()
    keys = open_keys(path, creating=args.keys_command == "add")
    try:
        if args.keys_command == "add":
            key = keys.add(args.pseudonym, args.real_name, args.story or "")
            say(_("Kept: {pseudonym} is a real person whose name is now in {path} "
                  "(encrypted).").format(pseudonym=key.pseudonym, path=path))
        elif args.keys_command == "remove":
            removed = keys.remove(args.pseudonym)
            say(_("Removed {count} key(s) for {pseudonym}.").format(count=removed,
                                                                  pseudonym=args.pseudonym))
        else:
            table = PlainTable(_("pseudonym"), _("real name"), _("story"))
            for key in keys.entries():
                table.add_row(key.pseudonym, key.real_name, key.story)
            console.print(table)
    finally:
        keys.close()
    return 0


def redactor_for(store: Store, args: argparse.Namespace,
                 story_id: uuid.UUID | None = None) -> Redactor:
    """The redactor an export uses: the redaction lists (one story's and the global one, or
    all of them for several stories) and the key file's real names when it can be opened."""
    from reflect.privacy.redact import NO_REDACTION

    if not getattr(args, "redact", False):
        return NO_REDACTION
    extra = []
    path = args.keys or paths.keys_file()
    if path.exists():
        try:
            keys = open_keys(path)
        except ReflectError as exc:
            warn(_("reflect: the key file is not used for this export ({problem})").format(
                problem=exc))
        else:
            extra = keys.redaction_terms()
            keys.close()
    redactor = store.redactor(story_id, everything=story_id is None, extra=extra)
    if not redactor:
        warn(_("reflect: --redact given, but the redaction list is empty: nothing is hidden. "
               "Add names with 'reflect redact add NAME'."))
    return redactor


def redact_command(db: str, args: argparse.Namespace) -> int:
    from reflect.privacy.redact import REDACTED
    from reflect.store import Store

    store = Store(engine(db))
    story = store.find_story(args.story) if getattr(args, "story", None) else None
    if args.redact_command == "add":
        entry = store.add_redaction(args.term, story.id if story else None, args.replacement)
        where = _("in '{story}'").format(story=story.title) if story else _("in every story")
        shown_as = entry.replacement or REDACTED
        say(_("Redacted exports will show {shown_as} for '{term}' {where}.").format(
            shown_as=shown_as, term=entry.term, where=where))
        return 0
    if args.redact_command == "remove":
        matches = [r for r in store.redactions(story.id if story else None)
                   if r.term.lower() == " ".join(args.term.split()).lower()
                   and r.story_id == (story.id if story else None)]
        if not matches:
            raise ReflectError(_("'{term}' is not on that redaction list").format(
                term=args.term))
        for entry in matches:
            store.remove_redaction(entry.id)
        say(_("Removed '{term}' from the redaction list.").format(term=args.term))
        return 0
    titles = {s.id: s.title for s in store.stories()}
    table = PlainTable(_("term"), _("shown as"), _("story"))
    for entry in store.redactions(everything=True):
        everywhere = _("every story")
        table.add_row(entry.term, entry.replacement or REDACTED,
                      titles.get(entry.story_id, everywhere) if entry.story_id else everywhere)
    console.print(table)
    return 0
