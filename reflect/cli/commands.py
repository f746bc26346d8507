"""The `reflect` command. Thin: parses arguments, calls the core, prints with rich.

The Textual app is imported only when the app is launched, so the core and the other
commands never load Textual (and start fast).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rich.table import Column
from rich.text import Text

from reflect import __version__, formats, i18n, paths
from reflect.cli import repair, settings_commands
from reflect.cli.console import PlainTable, console, errors, reading_order, say, warn, wrote
from reflect.cli.exchange import export_data, import_bundle_command, superseded_command
from reflect.cli.privacy import (
    change_passphrase_command,
    encrypt,
    engine,
    keys_command,
    redact_command,
    redactor_for,
)
from reflect.errors import ReflectError
from reflect.i18n import N_, _, ngettext
from reflect.text import visible

DEMO_COUNTS = {"stories": N_("stories"), "informants": N_("informants"),
               "interviews": N_("interviews"), "answers": N_("answers"),
               "principles": N_("principles"), "evidence": N_("evidence links"),
               "themes": N_("common principles")}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
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

    def __init__(self, *args, **kwargs) -> None:
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

    def _print_message(self, message, file=None) -> None:
        if message:
            file = file or sys.stderr
            super()._print_message(reading_order(message, file.isatty()), file)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message)
                  + "\n")


def _parser() -> argparse.ArgumentParser:
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
    commands.add_parser("demo", help=_("load the fictional demo set (5 stories) into the database"))
    backup = commands.add_parser("backup", help=_("write a consistent copy of the database "
                                 "(safe while the app is running)"))
    backup.add_argument("target", nargs="?", type=Path,
                        help=_("file or folder for the copy (default: beside the database)"))
    search = commands.add_parser("search", help=_("search all answers and principles"))
    search.add_argument("words", nargs="+", help=_("every word must occur; the last may be "
                        "the start of a word"))
    search.add_argument("--limit", type=int, default=20, help=_("answers to show (default 20)"))
    export = commands.add_parser("export", help=_("write sessions to files"))
    export_formats = export.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    markdown = export_formats.add_parser("markdown", help=_("one Markdown file per session"))
    markdown.add_argument("--session", action="append", default=[], metavar="ID",
                          help=_("export this session (repeatable; an id prefix is enough)"))
    markdown.add_argument("--kind", choices=["reflection", "interview", "all"],
                          default="reflection", help=_("without --session: which sessions "
                          "(default: all reflections)"))
    markdown.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    story = export_formats.add_parser("story", help=_("one story as Markdown and .docx"))
    story.add_argument("story", metavar="STORY", help=_("the story's title or id (prefix)"))
    story.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    book = export_formats.add_parser("book", help=_("the stories marked ready, with the common "
                                     "principles, as Markdown and .docx"))
    book.add_argument("--title", default=None, help=_("the book's title (default: Learning "
                                                      "from Success, in the interface language)"))
    book.add_argument("--out", type=Path, help=_("folder (default: exports/ in the data dir)"))
    bundle = export_formats.add_parser("bundle", help=_("everything, as one JSON file that "
                                       "'reflect import' merges into another database"))
    bundle.add_argument("--out", type=Path, help=_("file (default: exports/reflect-bundle-TIME"
                        ".json in the data dir)"))
    tables = export_formats.add_parser("csv", help=_("tidy CSV files for spreadsheets, R, pandas"))
    tables.add_argument("--out", type=Path, help=_("folder (default: exports/csv-TIME in the "
                        "data dir)"))
    tables.add_argument("--raw-values", action="store_true",
                        help=_("write text exactly as stored, even cells a spreadsheet would run "
                        "as formulas (=, +, -, @); by default they get a leading '"))
    qdpx = export_formats.add_parser("qdpx", help=_("a REFI-QDA project for NVivo, ATLAS.ti, "
                                     "MAXQDA, QualCoder"))
    qdpx.add_argument("--out", type=Path, help=_("file (default: exports/reflect-TIME.qdpx in "
                      "the data dir)"))
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
    for export_parser in export_formats.choices.values():
        export_parser.add_argument("--redact", action="store_true",
                                   help=_("replace the names on the redaction lists (and in "
                                   "the key file) in all text"))
    commands.add_parser("superseded", help=_("the versions imports kept because another edit "
                        "of the same row was newer"))
    merge = commands.add_parser("import", help=_("merge a bundle (from 'reflect export bundle') "
                                "into this database"))
    merge.add_argument("file", type=Path, metavar="FILE")
    return parser


def _protocols_list() -> int:
    from reflect.protocol.definition import load_catalog

    catalog = load_catalog()
    table = PlainTable(Column(_("id"), no_wrap=True), _("kind"), _("version"), _("title"),
                       _("for roles"), _("languages"), _("source"))
    for protocol in sorted(catalog.protocols.values(), key=lambda p: (p.kind, p.id)):
        protocol = catalog.get(protocol.id, i18n.language())  # its title in our language
        source = _("user") if catalog.is_user_protocol(protocol.id) else _("shipped")
        roles = ", ".join(role.label for role in protocol.roles)
        kind = _("interview") if protocol.kind == "interview" else _("reflection")
        table.add_row(protocol.id, kind, protocol.version, protocol.title, roles,
                      ", ".join(catalog.languages(protocol.id)), source)
    console.print(table)
    say(_("User protocols folder: {path}").format(path=paths.user_protocols_dir()))
    return _report_problems(catalog)


def _protocols_check() -> int:
    """Every shipped and user protocol with its translations: the problems, or that all is
    well (a translation must have the source's stages and questions, with the same ids)."""
    from reflect.protocol.definition import load_catalog

    catalog = load_catalog()
    translations = sum(len(t) for t in catalog.translations.values())
    if not catalog.problems:
        say(_("ok: {protocols} protocols, {translations} translations").format(
            protocols=len(catalog.protocols), translations=translations))
    return _report_problems(catalog)


def _report_problems(catalog) -> int:
    for problem in catalog.problems:
        errors.print(Text.assemble((_("not loaded: "), "red"), visible(str(problem))),
                     highlight=False)
    return 1 if catalog.problems else 0


def _protocols_validate(files: list[Path]) -> int:
    from reflect.protocol.definition import ProtocolError, load_protocol_file

    failed = 0
    for path in files:
        try:
            protocol = load_protocol_file(path)
        except ProtocolError as exc:
            failed += 1
            for problem in exc.problems:
                warn(str(problem))
        else:
            say(_("{path}: ok ({kind} '{id}', {stages} stages, {questions} questions)").format(
                path=path, kind=protocol.kind, id=protocol.id, stages=len(protocol.stages),
                questions=len(protocol.questions)))
    return 1 if failed else 0


def _where(db: str) -> int:
    from reflect.privacy.encryption import is_encrypted

    file = paths.sqlite_file(db)
    if file is None:
        state = _("(a database server)")
    elif not file.exists():
        state = _("(not created yet)")
    else:
        state = _("(encrypted)") if is_encrypted(file) else \
            _("(NOT encrypted: 'reflect encrypt' protects it with a passphrase)")
    keys = paths.keys_file()
    no_keys = "" if keys.exists() else " " + _("(none)")
    lines = ((_("database:"), f"{db} {state}"),
             (_("user protocols:"), str(paths.user_protocols_dir())),
             (_("key file:"), f"{keys}{no_keys}"))
    width = max(len(label) for label, _value in lines) + 1
    for label, value in lines:
        say(f"{label:<{width}} {value}")
    return 0


def _export(db: str, args: argparse.Namespace) -> int:
    from reflect.exchange import documents
    from reflect.exchange.markdown import export_sessions
    from reflect.store import Store

    store = Store(engine(db))
    if args.export_format in ("bundle", "csv", "qdpx"):
        return export_data(store, args)
    folder = args.out or paths.data_dir() / "exports"
    if args.export_format in ("story", "book"):
        if args.export_format == "story":
            story_id = store.find_story(args.story).id
            written = documents.export_story(store, story_id, folder,
                                             redactor_for(store, args, story_id))
        else:
            written = documents.export_book(store, folder, args.title or _("Learning from Success"),
                                            redactor_for(store, args))
        for path in written:
            say(wrote(path))
        return 0
    if args.session:
        sessions = [store.find_session(prefix) for prefix in args.session]
    else:
        sessions = store.sessions_of_kind(None if args.kind == "all" else args.kind)
    written = export_sessions(store, sessions, folder, redactor_for(store, args))
    say(ngettext("Wrote {count} Markdown file to {folder}",
                 "Wrote {count} Markdown files to {folder}", len(written)).format(
        count=formats.number(len(written)), folder=folder))
    return 0


def _demo(db: str) -> int:
    from reflect.exchange.demo import load_demo
    from reflect.protocol.definition import load_catalog
    from reflect.store import Store

    counts = load_demo(Store(engine(db)), load_catalog())
    if not counts["stories"]:
        say(_("The demo set is already in this database; nothing changed."))
    else:
        summary = ", ".join(formats.number(n) + " " + _(DEMO_COUNTS.get(name, name))
                            for name, n in counts.items())
        say(_("Loaded the demo set: {summary}.").format(summary=summary))
    return 0


def _search(db: str, words: str, limit: int) -> int:

    from reflect.store import Store
    from reflect.store.search import search_answers, search_principles, snippet_parts

    store = Store(engine(db))
    hits = search_principles(store, words, limit=10) + search_answers(store, words, limit=limit)
    table = PlainTable(_("story / case"), _("who"), _("question"), _("passage"))
    for hit in hits:
        passage = Text()
        for piece, is_match in snippet_parts(hit.snippet):
            passage.append(visible(piece), style="bold yellow" if is_match else "")
        table.add_row(hit.story_title, hit.who, hit.question, passage)
    console.print(table)
    say(ngettext("{count} result for '{words}'", "{count} results for '{words}'",
                 len(hits)).format(count=formats.number(len(hits)), words=words))
    return 0 if hits else 1


def _backup(db: str, target: Path | None) -> int:
    from reflect.store.engine import backup_sqlite, passphrase_of

    path = paths.sqlite_file(db)
    if path is None:
        raise ReflectError(_("reflect backup copies SQLite databases; for a server database "
                             "use its own backup tools (pg_dump)"))
    engine_ = engine(db)  # refuses damaged or foreign files with a plain message
    passphrase = passphrase_of(engine_)
    engine_.dispose()
    if target is not None and target.is_dir():
        target = target / f"{path.stem}-backup-{time.strftime('%Y%m%dT%H%M%S')}.db"
    written = backup_sqlite(path, "backup", target, passphrase)
    say(wrote(written))
    return 0


def _run_app(db: str) -> int:
    from screens.first_run import first_run  # deferred: only the app needs Textual

    if not first_run():  # the language, then the right-to-left check, when still unsettled
        return 0
    from screens.app import make_app  # after first_run: its key labels speak the language

    app = make_app(db=db)  # draws first, opens the database in the background
    app.run()
    return app.return_code or 0


def _database_error() -> type[Exception]:
    """SQLAlchemy's base error, imported only when an error is being handled (the except
    clause is evaluated then), so starting the app does not wait for SQLAlchemy."""
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        i18n.choose(settings_commands.lang_option(argv))
    except ValueError as exc:
        return settings_commands.unknown_language(str(exc))
    args = _parser().parse_args(argv)
    db = args.db or paths.default_db_url()
    try:
        if args.command == "protocols" and args.protocols_command == "list":
            return _protocols_list()
        if args.command == "protocols" and args.protocols_command == "check":
            return _protocols_check()
        if args.command == "protocols":
            return _protocols_validate(args.files)
        if args.command == "where":
            return _where(db)
        if args.command == "language":
            return settings_commands.language_command(args)
        if args.command == "bidi":
            return settings_commands.bidi_command(args)
        if args.command == "check":
            return repair.check_command(db)
        if args.command == "restore":
            return repair.restore_command(db, args)
        if args.command == "search":
            return _search(db, " ".join(args.words), args.limit)
        if args.command == "backup":
            return _backup(db, args.target)
        if args.command == "demo":
            return _demo(db)
        if args.command == "export":
            return _export(db, args)
        if args.command == "encrypt":
            return encrypt(db)
        if args.command == "passphrase":
            return change_passphrase_command(db)
        if args.command == "redact":
            return redact_command(db, args)
        if args.command == "keys":
            return keys_command(args)
        if args.command == "superseded":
            return superseded_command(db)
        if args.command == "import":
            return import_bundle_command(db, args.file)
        return _run_app(db)
    except ReflectError as exc:
        warn(f"reflect: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    except _database_error() as exc:
        from reflect.errors import explain_storage_error

        detail = str(getattr(exc, "orig", None) or type(exc).__name__)
        warn(_("reflect: {problem} Nothing was written; run 'reflect where' to check which "
               "database this is.").format(problem=explain_storage_error(detail)))
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback: it can hold stored text
        from reflect.crash import plain_message, write_report

        warn(plain_message(write_report(exc)))
        return 2


if __name__ == "__main__":
    sys.exit(main())
