"""The `reflect` command line's arguments and help, in the interface language.

argparse's own words (usage, the section headings, -h, the error line) are translated here
too; the language is chosen before the parser is built (reflect.cli.commands.main).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reflect import __version__, i18n
from reflect.cli import erase, recording, repair, settings_commands, team, transcribe
from reflect.cli.console import reading_order
from reflect.i18n import N_, _


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def _marked_usage(text: str) -> str:
    """A left-to-right mark at the end of each line of the usage block: after a Hebrew or
    Arabic "usage:", its last bracket would otherwise take the line's direction and be
    drawn mirrored."""
    if not i18n.is_rtl():
        return text
    usage, blank, rest = text.partition("\n\n")
    return "\n".join(line + "\u200e" for line in usage.split("\n")) + blank + rest


class _Parser(argparse.ArgumentParser):
    """argparse speaking the interface language: its headings, -h and the error line too
    (argparse's own error details stay English)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(formatter_class=_Formatter, add_help=False)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help",
                          help=_("show this help message and exit"))

    def format_usage(self) -> str:
        return _marked_usage(super().format_usage())

    def format_help(self) -> str:
        return _marked_usage(super().format_help())

    # argparse passes sys.stdout or sys.stderr; typeshed's parameter takes any writer
    def _print_message(self, message: str,  # type: ignore[override]
                       file: TextIO | None = None) -> None:
        if message:
            file = file or sys.stderr
            super()._print_message(reading_order(message, file.isatty()), file)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message)
                  + "\n")


MOST = 10_000
"""The largest --limit: more rows than a terminal can show, far less than SQLite's integers."""


def _count(text: str) -> int:
    """A whole number from 1 to MOST (argparse turns the ValueError into its usage error)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MOST:
        raise argparse.ArgumentTypeError(_("'{text}' is not a whole number from 1 to {most}")
                                         .format(text=text, most=f"{MOST:,}"))
    return value


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, its help in the interface language (chosen before this runs)."""
    parser = _Parser(
        prog="reflect",
        description=_("Learning-from-Success interviews and reflection, saved safely in SQLite."))
    parser.add_argument("--version", action="version", version=f"reflect {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--db", help=_("database path or SQLAlchemy URL (default: REFLECT_DB, "
                        "else reflect.db in the user data dir)"))
    parser.add_argument("--lang", help=_("interface language for this run: en, he, ar, pt or it "
                        "(default: REFLECT_LANG, 'reflect language', the system's)"))
    parser.add_argument("--keys", type=Path, help=_("the research team's key file (default: "
                        "keys.db in the user data dir)"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help=_("start the app (the default)"))
    protocols = commands.add_parser("protocols", help=_("list or check protocol files"))
    protocol_commands = protocols.add_subparsers(dest="protocols_command", metavar="ACTION",
                                                 required=True)
    protocol_commands.add_parser("list", help=_("list the shipped and user protocols"))
    protocol_commands.add_parser("check", help=_("check every protocol and its translations"))
    validate = protocol_commands.add_parser("validate", help=_("check protocol files"))
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    commands.add_parser("where", help=_("show where the database and user protocols are"))
    repair.add_commands(commands)
    settings_commands.add_commands(commands)
    demo = commands.add_parser("demo", help=_(
        "open the demo: invented stories in their own database (demo.db in the user data "
        "dir, or --db), never in yours"))
    demo.add_argument("--no-app", action="store_true",
                      help=_("only load the demo set; do not start the app"))
    backup = commands.add_parser("backup", help=_("write a consistent copy of the database "
                                 "(safe while the app is running)"))
    backup.add_argument("target", nargs="?", type=Path,
                        help=_("file or folder for the copy (default: beside the database)"))
    search = commands.add_parser("search", help=_("search all answers and principles"))
    search.add_argument("words", nargs="+", help=_("every word must occur; the last may be "
                        "the start of a word"))
    search.add_argument("--limit", type=_count, default=20, help=_("answers to show (default "
                        "20, at most 10,000)"))
    export = commands.add_parser("export", help=_("write sessions to files"))
    export_formats = export.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    markdown = export_formats.add_parser("markdown", help=_("one Markdown file per session"))
    markdown.add_argument("--session", action="append", default=[], metavar="ID",
                          help=_("export this session (repeatable; an id prefix is enough)"))
    markdown.add_argument("--kind", choices=["reflection", "interview", "all"],
                          default="reflection", help=_("without --session: which sessions "
                          "(default: all reflections)"))
    markdown.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    record = export_formats.add_parser("interview", help=_(
        "the record of one interview (or reflection): every question in order with its answer, "
        "flags and the consent, as Markdown, .docx and PDF"))
    record.add_argument("session", metavar="SESSION", help=_(
        "the session's id, or its first characters (Markdown exports end their file names "
        "with them; in the app, r on a story's interview writes the same record)"))
    record.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    story = export_formats.add_parser("story", help=_("one story as Markdown, .docx and PDF"))
    story.add_argument("story", metavar="STORY", help=_("the story's title or id (prefix)"))
    story.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    book = export_formats.add_parser("book", help=_("the stories marked ready, with the common "
                                     "principles, as Markdown, .docx and PDF"))
    book.add_argument("--title", default=None, help=_(
        "the book's title (default: the last book's from this database, or Learning from "
        "Success, in the interface language)"))
    book.add_argument("--subtitle", default=None, help=_(
        "the subtitle on the title page (default: the last book's)"))
    book.add_argument("--department", default=None, help=_(
        "the department or service on the title page, and the document's author when no "
        "editors are named (default: the last book's, or the stories' services)"))
    book.add_argument("--editors", default=None, help=_(
        "the editors' names, for the title page and the document's author (default: the "
        "last book's)"))
    book.add_argument("--year", default=None, help=_(
        "the year on the title page (default: the last book's, or this year)"))
    book.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    book.add_argument("--draft", action="store_true", help=_(
        "also the stories whose informants have not approved yet, with DRAFT on every page"))
    copy = export_formats.add_parser("review-copy", help=_(
        "an informant's own words as they will be quoted, for them to approve (member check)"))
    copy.add_argument("story", metavar="STORY", help=_("the story's title or id (prefix)"))
    copy.add_argument("informant", metavar="PSEUDONYM", help=_("the informant's pseudonym"))
    copy.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    for name, what in (("guide", _("the interview guide of a protocol, to print: stages, "
                                   "times, questions, probes, room to write, the consent text")),
                       ("consent-form", _("a protocol's consent form to print and sign"))):
        paper = export_formats.add_parser(name, help=what)
        paper.add_argument("protocol", metavar="PROTOCOL", help=_("the protocol's id (see "
                           "'reflect protocols list')"))
        paper.add_argument("--lang", help=_("one of its languages (default: the interface "
                           "language when the protocol has it, else its own)"))
        paper.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data "
                           "dir)"))
    bundle = export_formats.add_parser("bundle", help=_(
        "everything, as one file (a zip of JSON Lines) that 'reflect import' merges into "
        "another database"))
    bundle.add_argument("--out", type=Path, help=_("file (default: exports/reflect-bundle-TIME"
                        ".zip in the data dir)"))
    bundle.add_argument("--to", action="append", type=Path, metavar="KEY.pub", help=_(
        "seal the bundle to this public key (from 'reflect keys new'; repeatable): only its "
        "secret key opens the file, and it is signed by this laptop"))
    bundle.add_argument("--from", dest="sender", metavar="NAME", help=_(
        "with --to: the name the bundle is signed with (kept for the next time; default: "
        "your login name at this computer)"))
    bundle.add_argument("--with-audio", action="store_true", help=_(
        "also the interviews' recordings (their sound); without it a bundle carries none. "
        "Seal such a bundle (--to): voices identify people"))
    tables = export_formats.add_parser("csv", help=_(
        "tidy CSV files for R, pandas and other code, every cell exactly as stored (for a "
        "spreadsheet program: export xlsx)"))
    tables.add_argument("--out", type=Path, help=_("folder (default: exports/csv-TIME in the "
                        "data dir)"))
    # CSV cells are always exact now; the option older scripts pass is accepted and changes
    # nothing
    tables.add_argument("--raw-values", action="store_true", help=argparse.SUPPRESS)
    sheets = export_formats.add_parser("xlsx", help=_(
        "the same tables as one .xlsx workbook for spreadsheet programs: every text cell a "
        "string, never a formula"))
    sheets.add_argument("--out", type=Path, help=_("file (default: exports/reflect-TIME.xlsx "
                        "in the data dir)"))
    qdpx = export_formats.add_parser("qdpx", help=_("a REFI-QDA project for NVivo, ATLAS.ti, "
                                     "MAXQDA, QualCoder"))
    qdpx.add_argument("--out", type=Path, help=_("file (default: exports/reflect-TIME.qdpx in "
                      "the data dir)"))
    qdpx.add_argument("--with-audio", action="store_true", help=_(
        "also each interview's recording, as an audio source with its transcript and sync "
        "points where there is one"))
    commands.add_parser("encrypt", help=_("encrypt an existing database with a passphrase"))
    commands.add_parser("passphrase", help=_("change the passphrase of an encrypted database"))
    redact = commands.add_parser("redact", help=_("the names and places redacted exports hide"))
    redact_actions = redact.add_subparsers(dest="redact_command", metavar="ACTION",
                                           required=True)
    redact_actions.add_parser("list", help=_("show every redaction list"))
    for action, text in (("add", N_("hide a name or place")), ("remove", N_("stop hiding it"))):
        entry = redact_actions.add_parser(action, help=_(text))
        entry.add_argument("term", metavar="TERM", help=_("a name, place or phrase"))
        entry.add_argument("--story", help=_("only in this story (title or id); default: all"))
        if action == "add":
            entry.add_argument("--as", dest="replacement", default="",
                               help=_("what to show instead (default: [redacted])"))
    keys = commands.add_parser("keys", help=_("the research team's key file: pseudonym to real "
                               "name, encrypted"))
    keys_actions = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    keys_actions.add_parser("list", help=_("show the keys"))
    key_add = keys_actions.add_parser("add", help=_("record the real name behind a pseudonym"))
    key_add.add_argument("pseudonym")
    key_add.add_argument("real_name", metavar="REAL_NAME")
    key_add.add_argument("--story", help=_("which story (free text)"))
    key_remove = keys_actions.add_parser("remove", help=_("forget a pseudonym's real name"))
    key_remove.add_argument("pseudonym")
    key_new = keys_actions.add_parser("new", help=_(
        "make a key pair for sealed bundles (for a coordinator): NAME.pub to hand out, "
        "NAME.key protected by a passphrase"))
    key_new.add_argument("name", metavar="NAME", help=_("the key pair's name (its files' "
                         "names): letters, digits, '.', '-', '_'"))
    key_new.add_argument("--out", type=Path, help=_("folder for NAME.pub (default: the "
                         "current folder); NAME.key goes to sealing/ in the data dir"))
    key_new.add_argument("--passphrase-file", type=Path, metavar="FILE", help=_(
        "read the passphrase from the first line of FILE (for scripts; else "
        "REFLECT_SEALING_PASSPHRASE, else typed twice)"))
    for export_parser in export_formats.choices.values():
        export_parser.add_argument("--redact", action="store_true",
                                   help=_("replace the names on the redaction lists (and in "
                                   "the key file) in all text"))
        export_parser.add_argument("--force", action="store_true", help=_(
            "write over files that already exist (never over the database or its backups, "
            "nor a file made read-only)"))
    commands.add_parser("superseded", help=_("the versions imports kept because another edit "
                        "of the same row was newer"))
    merge = commands.add_parser("import", help=_("merge a bundle (from 'reflect export bundle') "
                                "into this database"))
    merge.add_argument("file", type=Path, metavar="FILE")
    merge.add_argument("--key", type=Path, metavar="FILE", help=_(
        "a sealed bundle: the secret key that opens it (default: the one key in sealing/ in "
        "the data dir)"))
    merge.add_argument("--passphrase-file", type=Path, metavar="FILE", help=_(
        "read the secret key's passphrase from the first line of FILE (for scripts; else "
        "REFLECT_SEALING_PASSPHRASE, else typed)"))
    merge.add_argument("--new-sender-key", action="store_true", help=_(
        "accept a sealed bundle signed with a new key under a name known here (after "
        "comparing the fingerprint with the sender)"))
    erase.add_command(commands)
    team.add_command(commands)
    recording.add_command(commands)
    transcribe.add_command(commands)
    return parser
