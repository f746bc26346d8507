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

from reflect import __version__, i18n, paths
from reflect.cli import repair, settings_commands
from reflect.cli.console import PlainTable, console, errors, say, warn
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
from reflect.text import visible


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflect",
        description="Learning-from-Success interviews and reflection, saved safely in SQLite.")
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
    parser.add_argument("--db", help="database path or SQLAlchemy URL (default: REFLECT_DB, "
                        "else reflect.db in the user data dir)")
    parser.add_argument("--lang", help="interface language for this run: en, he, ar, pt or it "
                        "(default: REFLECT_LANG, 'reflect language', the system's)")
    parser.add_argument("--keys", type=Path, help="the research team's key file (default: "
                        "keys.db in the user data dir)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="start the app (the default)")
    protocols = commands.add_parser("protocols", help="list or check protocol files")
    protocol_commands = protocols.add_subparsers(dest="protocols_command", metavar="ACTION",
                                                 required=True)
    protocol_commands.add_parser("list", help="list the shipped and user protocols")
    protocol_commands.add_parser("check", help="check every protocol and its translations")
    validate = protocol_commands.add_parser("validate", help="check protocol files")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    commands.add_parser("where", help="show where the database and user protocols are")
    repair.add_commands(commands)
    settings_commands.add_commands(commands)
    commands.add_parser("demo", help="load the fictional demo set (5 stories) into the database")
    backup = commands.add_parser("backup", help="write a consistent copy of the database "
                                 "(safe while the app is running)")
    backup.add_argument("target", nargs="?", type=Path,
                        help="file or folder for the copy (default: beside the database)")
    search = commands.add_parser("search", help="search all answers and principles")
    search.add_argument("words", nargs="+", help="every word must occur; the last may be "
                        "the start of a word")
    search.add_argument("--limit", type=int, default=20, help="answers to show (default 20)")
    export = commands.add_parser("export", help="write sessions to files")
    export_formats = export.add_subparsers(dest="export_format", metavar="FORMAT", required=True)
    markdown = export_formats.add_parser("markdown", help="one Markdown file per session")
    markdown.add_argument("--session", action="append", default=[], metavar="ID",
                          help="export this session (repeatable; an id prefix is enough)")
    markdown.add_argument("--kind", choices=["reflection", "interview", "all"],
                          default="reflection", help="without --session: which sessions "
                          "(default: all reflections)")
    markdown.add_argument("--out", type=Path, help="folder (default: exports/ in the data dir)")
    story = export_formats.add_parser("story", help="one story as Markdown and .docx")
    story.add_argument("story", metavar="STORY", help="the story's title or id (prefix)")
    story.add_argument("--out", type=Path, help="folder (default: exports/ in the data dir)")
    book = export_formats.add_parser("book", help="the stories marked ready, with the common "
                                     "principles, as Markdown and .docx")
    book.add_argument("--title", default="Learning from Success", help="the book's title")
    book.add_argument("--out", type=Path, help="folder (default: exports/ in the data dir)")
    bundle = export_formats.add_parser("bundle", help="everything, as one JSON file that "
                                       "'reflect import' merges into another database")
    bundle.add_argument("--out", type=Path, help="file (default: exports/reflect-bundle-TIME"
                        ".json in the data dir)")
    tables = export_formats.add_parser("csv", help="tidy CSV files for spreadsheets, R, pandas")
    tables.add_argument("--out", type=Path, help="folder (default: exports/csv-TIME in the "
                        "data dir)")
    tables.add_argument("--raw-values", action="store_true",
                        help="write text exactly as stored, even cells a spreadsheet would run "
                        "as formulas (=, +, -, @); by default they get a leading '")
    qdpx = export_formats.add_parser("qdpx", help="a REFI-QDA project for NVivo, ATLAS.ti, "
                                     "MAXQDA, QualCoder")
    qdpx.add_argument("--out", type=Path, help="file (default: exports/reflect-TIME.qdpx in "
                      "the data dir)")
    commands.add_parser("encrypt", help="encrypt an existing database with a passphrase")
    commands.add_parser("passphrase", help="change the passphrase of an encrypted database")
    redact = commands.add_parser("redact", help="the names and places redacted exports hide")
    redact_actions = redact.add_subparsers(dest="redact_command", metavar="ACTION",
                                           required=True)
    redact_actions.add_parser("list", help="show every redaction list")
    for action, text in (("add", "hide a name or place"), ("remove", "stop hiding it")):
        entry = redact_actions.add_parser(action, help=text)
        entry.add_argument("term", metavar="TERM", help="a name, place or phrase")
        entry.add_argument("--story", help="only in this story (title or id); default: all")
        if action == "add":
            entry.add_argument("--as", dest="replacement", default="",
                               help="what to show instead (default: [redacted])")
    keys = commands.add_parser("keys", help="the research team's key file: pseudonym to real "
                               "name, encrypted")
    keys_actions = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    keys_actions.add_parser("list", help="show the keys")
    key_add = keys_actions.add_parser("add", help="record the real name behind a pseudonym")
    key_add.add_argument("pseudonym")
    key_add.add_argument("real_name", metavar="REAL_NAME")
    key_add.add_argument("--story", help="which story (free text)")
    key_remove = keys_actions.add_parser("remove", help="forget a pseudonym's real name")
    key_remove.add_argument("pseudonym")
    for export_parser in export_formats.choices.values():
        export_parser.add_argument("--redact", action="store_true",
                                   help="replace the names on the redaction lists (and in "
                                   "the key file) in all text")
    commands.add_parser("superseded", help="the versions imports kept because another edit "
                        "of the same row was newer")
    merge = commands.add_parser("import", help="merge a bundle (from 'reflect export bundle') "
                                "into this database")
    merge.add_argument("file", type=Path, metavar="FILE")
    return parser


def _protocols_list() -> int:
    from reflect.protocol.definition import load_catalog

    catalog = load_catalog()
    table = PlainTable(Column("id", no_wrap=True), "kind", "version", "title", "for roles",
                       "languages", "source")
    for protocol in sorted(catalog.protocols.values(), key=lambda p: (p.kind, p.id)):
        source = "user" if catalog.is_user_protocol(protocol.id) else "shipped"
        roles = ", ".join(role.label for role in protocol.roles)
        table.add_row(protocol.id, protocol.kind, protocol.version, protocol.title, roles,
                      ", ".join(catalog.languages(protocol.id)), source)
    console.print(table)
    console.print(f"User protocols folder: {paths.user_protocols_dir()}")
    return _report_problems(catalog)


def _protocols_check() -> int:
    """Every shipped and user protocol with its translations: the problems, or that all is
    well (a translation must have the source's stages and questions, with the same ids)."""
    from reflect.protocol.definition import load_catalog

    catalog = load_catalog()
    translations = sum(len(t) for t in catalog.translations.values())
    if not catalog.problems:
        say(f"ok: {len(catalog.protocols)} protocols, {translations} translations")
    return _report_problems(catalog)


def _report_problems(catalog) -> int:
    for problem in catalog.problems:
        errors.print(Text.assemble(("not loaded: ", "red"), visible(str(problem))),
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
            say(f"{path}: ok ({protocol.kind} '{protocol.id}', {len(protocol.stages)} stages, "
                f"{len(protocol.questions)} questions)")
    return 1 if failed else 0


def _where(db: str) -> int:
    from reflect.privacy.encryption import is_encrypted

    file = paths.sqlite_file(db)
    if file is None:
        state = "(a database server)"
    elif not file.exists():
        state = "(not created yet)"
    else:
        state = "(encrypted)" if is_encrypted(file) else \
            "(NOT encrypted: 'reflect encrypt' protects it with a passphrase)"
    say(f"database:        {db} {state}")
    say(f"user protocols:  {paths.user_protocols_dir()}")
    keys = paths.keys_file()
    say(f"key file:        {keys}" + ("" if keys.exists() else " (none)"))
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
            written = documents.export_book(store, folder, args.title, redactor_for(store, args))
        for path in written:
            say(f"Wrote {path} ({path.stat().st_size:,} bytes)")
        return 0
    if args.session:
        sessions = [store.find_session(prefix) for prefix in args.session]
    else:
        sessions = store.sessions_of_kind(None if args.kind == "all" else args.kind)
    written = export_sessions(store, sessions, folder, redactor_for(store, args))
    say(f"Wrote {len(written)} Markdown file(s) to {folder}")
    return 0


def _demo(db: str) -> int:
    from reflect.exchange.demo import load_demo
    from reflect.protocol.definition import load_catalog
    from reflect.store import Store

    counts = load_demo(Store(engine(db)), load_catalog())
    if not counts["stories"]:
        console.print("The demo set is already in this database; nothing changed.")
    else:
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        say(f"Loaded the demo set: {summary}.")
    return 0


def _search(db: str, words: str, limit: int) -> int:

    from reflect.store import Store
    from reflect.store.search import search_answers, search_principles, snippet_parts

    store = Store(engine(db))
    hits = search_principles(store, words, limit=10) + search_answers(store, words, limit=limit)
    table = PlainTable("story / case", "who", "question", "passage")
    for hit in hits:
        passage = Text()
        for piece, is_match in snippet_parts(hit.snippet):
            passage.append(visible(piece), style="bold yellow" if is_match else "")
        table.add_row(hit.story_title, hit.who, hit.question, passage)
    console.print(table)
    say(f"{len(hits)} result(s) for '{words}'")
    return 0 if hits else 1


def _backup(db: str, target: Path | None) -> int:
    from reflect.store.engine import backup_sqlite, passphrase_of

    path = paths.sqlite_file(db)
    if path is None:
        raise ReflectError("reflect backup copies SQLite databases; for a server database use "
                           "its own backup tools (pg_dump)")
    engine_ = engine(db)  # refuses damaged or foreign files with a plain message
    passphrase = passphrase_of(engine_)
    engine_.dispose()
    if target is not None and target.is_dir():
        target = target / f"{path.stem}-backup-{time.strftime('%Y%m%dT%H%M%S')}.db"
    written = backup_sqlite(path, "backup", target, passphrase)
    say(f"Wrote {written} ({written.stat().st_size:,} bytes)")
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
        errors.print(f"reflect: {explain_storage_error(detail)} Nothing was written; run "
                     "'reflect where' to check which database this is.",
                     highlight=False, markup=False)
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback: it can hold stored text
        from reflect.crash import plain_message, write_report

        warn(plain_message(write_report(exc)))
        return 2


if __name__ == "__main__":
    sys.exit(main())
