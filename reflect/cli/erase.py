"""`reflect erase`: the erasures waiting for confirmation, and erasing an informant's words
here for good (issue 28: an erasure that came in a bundle only hides the words until someone
here runs this, or the member-check dialog)."""

from __future__ import annotations

import argparse
import shlex
from typing import TYPE_CHECKING, Any

from reflect import formats
from reflect.cli.console import say, warn
from reflect.cli.privacy import engine
from reflect.errors import ReflectError
from reflect.i18n import _

if TYPE_CHECKING:
    from reflect.store import Store


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    erase = commands.add_parser("erase", help=_(
        "erase a withdrawn informant's words for good (with --confirm); without arguments, "
        "list the erasures from bundles waiting for confirmation"))
    erase.add_argument("story", nargs="?", metavar="STORY",
                       help=_("the story's title or id (prefix)"))
    erase.add_argument("informant", nargs="?", metavar="PSEUDONYM",
                       help=_("the informant's pseudonym"))
    erase.add_argument("--confirm", action="store_true", help=_(
        "erase now; without it, nothing is deleted and the command says what would go"))
    erase.add_argument("--by", default="", help=_("who erases (kept in the audit trail)"))
    erase.add_argument("--compact", action="store_true", help=_(
        "make erased words leave the database file now (after an erasure made while another "
        "program had the file open)"))


def erase_command(db: str, args: argparse.Namespace) -> int:
    from reflect.exchange.import_report import pending_lines
    from reflect.store import Store
    from reflect.store.member_checks import recordings_line

    store = Store(engine(db))
    if args.compact:
        if args.story is not None:
            raise ReflectError(_("--compact takes no story or pseudonym: reflect erase "
                                 "--compact"))
        return _compact(store)
    if args.story is None:
        pending = store.pending_erasures()
        if not pending:
            say(_("No erasure is waiting for confirmation."))
        for line in pending_lines(pending):
            say(line)
        if store.compaction_pending():  # opening tried to finish it: someone still reads
            warn(store.compact_now().message())
        return 0
    if args.informant is None:
        raise ReflectError(_("give the informant's pseudonym after the story: reflect erase "
                             "STORY PSEUDONYM --confirm"))
    story = store.find_story(args.story)
    informants = store.informants(story.id)
    named = [i for i in informants if i.pseudonym.casefold() == args.informant.casefold()]
    if len(named) != 1:
        raise ReflectError(_("{count} informants called '{name}' in '{story}' (they are: "
                             "{names})").format(count=len(named), name=args.informant,
                                                story=story.title,
                                                names=", ".join(i.pseudonym for i in informants)))
    informant = named[0]
    if not informant.withdrawn:
        raise ReflectError(_("{who} has not withdrawn: record the withdrawal first "
                             "(only a withdrawn informant's words can be erased)")
                           .format(who=informant.pseudonym))
    counts = {name: formats.number(n) for name, n in store.word_counts(informant.id).items()}
    warn(_("Erasing {who}'s words deletes {answers} answers, {notes} interviewer's notes and "
           "{evidence} evidence links from this database for good; they cannot be brought "
           "back. Backups, bundles and documents made before still hold them (README, 'What "
           "an erasure cannot reach').").format(who=informant.pseudonym, **counts))
    if recordings := store.recording_count(informant.id):
        warn(recordings_line(recordings, done=False))
    if not args.confirm:
        command = (f"reflect erase {story.id.hex[:8]} {shlex.quote(informant.pseudonym)} "
                   "--confirm")
        warn(_("Nothing was deleted. To erase them: {command}").format(command=command))
        return 1
    done = store.erase_informant(informant.id, args.by)
    counts = {name: formats.number(n) for name, n in done.items()}
    if done.recordings:
        say(recordings_line(done.recordings, done=True))
    if done.compaction.finished:
        say(_("Erased for good: {answers} answers, {notes} notes, {evidence} evidence links of "
              "{who}; the database file was compacted.").format(who=informant.pseudonym,
                                                                **counts))
        return 0
    say(_("Erased for good: {answers} answers, {notes} notes, {evidence} evidence links of "
          "{who}.").format(who=informant.pseudonym, **counts))
    warn(done.compaction.message())
    return 0


def _compact(store: Store) -> int:
    """`reflect erase --compact`: erased words out of the file now, or who still holds it."""
    done = store.compact_now()
    if done.finished:
        say(_("The database file was compacted: erased words have left it and its "
              "write-ahead log."))
        return 0
    warn(done.message())
    return 1
