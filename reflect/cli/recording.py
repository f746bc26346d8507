"""`reflect recording`: attach a recording made elsewhere (a phone) to an interview, aligned
with its time codes, and list a session's recordings (issue 34)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect import formats, timecodes
from reflect.cli.console import progress, say, warn
from reflect.cli.privacy import engine
from reflect.errors import ReflectError
from reflect.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from reflect.models import Session
    from reflect.store import Store

_OFFSET = re.compile(r"^\s*([+-]?)\s*(.+?)\s*$")


def offset_seconds(typed: str) -> float:
    """--offset: seconds ('12', '-3.5') or what a recorder shows ('1:02:03', '-0:45')."""
    match = _OFFSET.match(typed)
    sign, body = (match.group(1), match.group(2)) if match else ("", typed)
    try:
        value = float(body)
    except ValueError:
        whole = timecodes.parse_recorder_time(body) if ":" in body else None
        if whole is None:
            raise argparse.ArgumentTypeError(_(
                "'{typed}' is not a number of seconds nor a time like 1:02:03").format(
                typed=typed)) from None
        value = float(whole)
    if value != value or abs(value) > 24 * 3600:  # NaN, or more than a day
        raise argparse.ArgumentTypeError(_("'{typed}' is not an offset within a day").format(
            typed=typed))
    return -value if sign == "-" else value


SOURCES = {"laptop": N_("this laptop"), "import": N_("imported file")}


def source_label(source: str) -> str:
    """Where a recording was made, in the interface language."""
    return _(SOURCES[source]) if source in SOURCES else source


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    recording = commands.add_parser("recording", help=_(
        "an interview's recordings: attach one made on a phone, list them"))
    recording.set_defaults(handler=recording_command)
    actions = recording.add_subparsers(dest="recording_command", metavar="ACTION",
                                       required=True)
    attach = actions.add_parser("import", help=_(
        "attach a recording made elsewhere (wav, flac, mp3, ogg; m4a/aac with PyAV) to an "
        "interview, aligned with its time codes; reflect keeps the audio inside the database"))
    attach.add_argument("session", metavar="SESSION", help=_(
        "the interview's id, or its first characters"))
    attach.add_argument("file", type=Path, metavar="FILE")
    attach.add_argument("--offset", type=offset_seconds, metavar="SECONDS", help=_(
        "where the file's start falls on the interview's time codes, in seconds or as "
        "1:02:03 (negative: it started earlier); default: 0, the recorder's 00:00:00 as "
        "synchronised with F4 (or the interview's clock without F4)"))
    listing = actions.add_parser("list", help=_("a session's recordings"))
    listing.add_argument("session", metavar="SESSION", help=_(
        "the session's id, or its first characters"))
    delete = actions.add_parser("delete", help=_(
        "delete one of a session's recordings and all its sound (with --confirm)"))
    delete.add_argument("session", metavar="SESSION", help=_(
        "the session's id, or its first characters"))
    delete.add_argument("recording", metavar="RECORDING", help=_(
        "the recording's id, or its first characters (reflect recording list)"))
    delete.add_argument("--confirm", action="store_true", help=_(
        "delete now; without it, nothing is deleted and the command says what would go"))


def recording_command(db: str, args: argparse.Namespace) -> int:
    from reflect.store import Store

    store = Store(engine(db))
    session = store.find_session(args.session)
    if args.recording_command == "import":
        return _import(store, session, args.file, args.offset)
    if args.recording_command == "delete":
        return _delete(store, session, args.recording, args.confirm)
    return _list(store, session)


def _import(store: Store, session: Session, path: Path, offset: float | None) -> int:
    from reflect.exchange.recording_file import recording_import

    with progress(_("Importing the recording")) as update:
        done = recording_import(store, session, path, offset or 0.0,
                                lambda seconds, total: update(
                                    _("seconds"), int(seconds), int(total)))
    say(_("Attached {path} to the interview {session}: {length} of sound, kept inside the "
          "database ({size} bytes).").format(
        path=path, session=session.id.hex[:8], length=timecodes.hms(done.duration_ms // 1000),
        size=formats.number(done.stored_bytes)))
    say(done.alignment())
    say(_("reflect keeps its own copy of the audio (in the database, encrypted with it when "
          "the database is): the original file {path} can now be deleted, from the phone "
          "too.").format(path=path))
    return 0


def _list(store: Store, session: Session) -> int:
    from reflect.exchange.recording_file import offset_text

    recordings = store.recordings(session.id)
    if not recordings:
        say(_("No recording of this session to show (none was made or attached, or its "
              "informant withdrew)."))
        return 0
    for recording in recordings:
        say(_("{id}  {source}  {length}  starts at {start} on the time codes  {name}").format(
            id=recording.id.hex[:8], source=source_label(recording.source),
            length=timecodes.hms(recording.duration_ms // 1000),
            start=offset_text(recording.offset_ms), name=recording.original_name))
    return 0


def _delete(store: Store, session: Session, prefix: str, confirm: bool) -> int:
    wanted = prefix.strip().lower().replace("-", "")
    found = [r for r in store.recordings(session.id) if r.id.hex.startswith(wanted)]
    if len(found) != 1:
        raise ReflectError(ngettext(
            "{count} recording of this session has an id starting '{prefix}' (see reflect "
            "recording list)",
            "{count} recordings of this session have an id starting '{prefix}' (see reflect "
            "recording list)", len(found)).format(count=len(found), prefix=prefix))
    recording = found[0]
    length = timecodes.hms(recording.duration_ms // 1000)
    if not confirm:
        warn(_("Deleting the recording {id} ({length}) deletes its sound from this database "
               "for good. Nothing was deleted. To delete it: reflect recording delete {session} "
               "{id} --confirm").format(id=recording.id.hex[:8], length=length,
                                       session=session.id.hex[:8]))
        return 1
    store.delete_recording(recording.id)
    say(_("Deleted the recording {id} ({length}) and its sound.").format(
        id=recording.id.hex[:8], length=length))
    return 0

