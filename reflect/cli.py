"""The `reflect` command. Thin: parses arguments, calls the core, prints with rich.

The Textual app is imported only when the app is launched, so the core and the other
commands never load Textual (and start fast).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.table import Column, Table

from reflect import __version__, paths
from reflect.errors import ReflectError

console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflect",
        description="Learning-from-Success interviews and reflection, saved safely in SQLite.")
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
    parser.add_argument("--db", help="database path or SQLAlchemy URL (default: REFLECT_DB, "
                        "else reflect.db in the user data dir)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="start the app (the default)")
    protocols = commands.add_parser("protocols", help="list or check protocol files")
    protocol_commands = protocols.add_subparsers(dest="protocols_command", metavar="ACTION",
                                                 required=True)
    protocol_commands.add_parser("list", help="list the shipped and user protocols")
    validate = protocol_commands.add_parser("validate", help="check protocol files")
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    commands.add_parser("where", help="show where the database and user protocols are")
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
    qdpx = export_formats.add_parser("qdpx", help="a REFI-QDA project for NVivo, ATLAS.ti, "
                                     "MAXQDA, QualCoder")
    qdpx.add_argument("--out", type=Path, help="file (default: exports/reflect-TIME.qdpx in "
                      "the data dir)")
    commands.add_parser("encrypt", help="encrypt an existing database with a passphrase")
    commands.add_parser("passphrase", help="change the passphrase of an encrypted database")
    merge = commands.add_parser("import", help="merge a bundle (from 'reflect export bundle') "
                                "into this database")
    merge.add_argument("file", type=Path, metavar="FILE")
    return parser


def _engine(db: str):
    """Open the database; an encrypted one takes REFLECT_PASSPHRASE, or asks on the terminal.
    With REFLECT_PASSPHRASE set, a database created now is encrypted."""
    from reflect.db import open_engine
    from reflect.encryption import PassphraseNeeded, env_passphrase

    try:
        return open_engine(db, env_passphrase())
    except PassphraseNeeded:
        if not sys.stdin.isatty():
            raise
        return open_engine(db, getpass.getpass("Passphrase: "))


def _ask_new_passphrase() -> str:
    from reflect.encryption import check_new_passphrase

    if (given := os.environ.get("REFLECT_NEW_PASSPHRASE")) is not None:
        return check_new_passphrase(given)
    if not sys.stdin.isatty():
        raise ReflectError("type the new passphrase on a terminal (or set "
                           "REFLECT_NEW_PASSPHRASE for a script)")
    return check_new_passphrase(getpass.getpass("New passphrase: "),
                                getpass.getpass("The same passphrase again: "))


def _encrypt(db: str) -> int:
    from reflect.db import sqlite_path, to_url
    from reflect.encryption import encrypt_file

    path = sqlite_path(to_url(db))
    if path is None or not path.exists():
        raise ReflectError("reflect encrypt works on an existing SQLite database file; a new "
                           "one is offered encryption when the app first starts")
    _engine(db).dispose()  # refuses damaged or foreign files, upgrades an old schema first
    passphrase = _ask_new_passphrase()
    plain_backups = encrypt_file(path, passphrase)
    _say(f"{path} is now encrypted. Keep the passphrase safe: a forgotten passphrase cannot "
         "be recovered.")
    for backup in plain_backups:
        _say(f"Still readable without a passphrase: {backup} (delete it, or keep it somewhere "
             "as safe as the laptop)")
    return 0


def _change_passphrase(db: str) -> int:
    from reflect.db import sqlite_path, to_url
    from reflect.encryption import change_passphrase, env_passphrase, is_encrypted

    path = sqlite_path(to_url(db))
    if path is None or not is_encrypted(path):
        raise ReflectError(f"{db} is not an encrypted database; 'reflect encrypt' encrypts it")
    old = env_passphrase()
    if old is None:
        if not sys.stdin.isatty():
            raise ReflectError("type the current passphrase on a terminal (or set "
                               "REFLECT_PASSPHRASE)")
        old = getpass.getpass("Current passphrase: ")
    change_passphrase(path, old, _ask_new_passphrase())
    _say(f"The passphrase of {path} is changed. Backups made before keep the old one.")
    return 0


def _protocols_list() -> int:
    from reflect.protocols import load_catalog

    catalog = load_catalog()
    table = Table(Column("id", no_wrap=True), "kind", "version", "title", "for roles", "source")
    for protocol in sorted(catalog.protocols.values(), key=lambda p: (p.kind, p.id)):
        source = "user" if catalog.is_user_protocol(protocol.id) else "shipped"
        roles = ", ".join(role.label for role in protocol.roles)
        table.add_row(protocol.id, protocol.kind, protocol.version, protocol.title, roles, source)
    console.print(table)
    console.print(f"User protocols folder: {paths.user_protocols_dir()}")
    for problem in catalog.problems:
        errors.print(f"[red]not loaded:[/] {problem}", markup=True, highlight=False)
    return 1 if catalog.problems else 0


def _protocols_validate(files: list[Path]) -> int:
    from reflect.protocols import ProtocolError, load_protocol_file

    failed = 0
    for path in files:
        try:
            protocol = load_protocol_file(path)
        except ProtocolError as exc:
            failed += 1
            for problem in exc.problems:
                errors.print(str(problem), highlight=False, markup=False)
        else:
            console.print(f"{path}: ok ({protocol.kind} '{protocol.id}', "
                          f"{len(protocol.stages)} stages, {len(protocol.questions)} questions)",
                          highlight=False, markup=False)
    return 1 if failed else 0


def _where(db: str) -> int:
    console.print(f"database:        {db}", highlight=False, markup=False)
    console.print(f"user protocols:  {paths.user_protocols_dir()}", highlight=False,
                  markup=False)
    return 0


@contextmanager
def _progress(what: str) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar on stderr (stdout keeps only the summary); gone when done.
    Nothing is drawn when stderr is not a terminal (scripts, CI logs)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if not errors.is_terminal:
        yield lambda _step, _done, _total: None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=errors, transient=True) as bar:
        task = bar.add_task(what, total=None)

        def update(step: str, done: int, total: int) -> None:
            bar.update(task, description=f"{what}: {step.replace('_', ' ')}", completed=done,
                       total=total)

        yield update


def _say(message: str) -> None:
    console.print(message, highlight=False, markup=False)


def _export_data(store, args: argparse.Namespace) -> int:
    """bundle, csv, qdpx: the whole database, with progress and a summary."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    exports = paths.data_dir() / "exports"
    started = time.perf_counter()
    if args.export_format == "bundle":
        from reflect.bundle import export_bundle

        path = args.out or exports / f"reflect-bundle-{stamp}.json"
        with _progress("Writing the bundle") as progress:
            counts = export_bundle(store, path, progress)
        _say(f"Wrote {path} ({path.stat().st_size:,} bytes in "
             f"{time.perf_counter() - started:.1f} s)")
        _say(", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items()))
    elif args.export_format == "csv":
        from reflect.exports.tables import export_csv

        folder = args.out or exports / f"csv-{stamp}"
        with _progress("Writing CSV files") as progress:
            written = export_csv(store, folder, progress)
        for path, rows in written.items():
            _say(f"Wrote {path} ({rows:,} rows, {path.stat().st_size:,} bytes)")
    else:
        from reflect.exports.qdpx import export_qdpx

        path = args.out or exports / f"reflect-{stamp}.qdpx"
        with _progress("Writing the REFI-QDA project") as progress:
            summary = export_qdpx(store, path, progress)
        _say(f"Wrote {path} ({summary.size:,} bytes): {summary.sources} interviews as text "
             f"sources, {summary.cases} cases, {summary.codes} codes, {summary.codings} "
             f"coded passages ({summary.codings - summary.quotes} evidence excerpts, "
             f"{summary.quotes} marked as quotes)")
        if summary.unplaced:
            _say(f"{summary.unplaced} evidence excerpt(s) were not coded: the answer was edited "
                 "after the excerpt was attached and no longer contains it")
    return 0


def _import(db: str, path: Path) -> int:
    from reflect.bundle import import_bundle, summary_lines
    from reflect.store import Store

    store = Store(_engine(db))
    started = time.perf_counter()
    with _progress(f"Importing {path.name}") as progress:
        summary = import_bundle(store, path, progress)
    for line in summary_lines(summary):
        _say(line)
    _say(f"Imported {path} in {time.perf_counter() - started:.1f} s: "
         f"{summary.changed} rows added or updated.")
    return 0


def _export(db: str, args: argparse.Namespace) -> int:
    from reflect.exports import documents
    from reflect.exports.markdown import export_sessions
    from reflect.store import Store

    store = Store(_engine(db))
    if args.export_format in ("bundle", "csv", "qdpx"):
        return _export_data(store, args)
    folder = args.out or paths.data_dir() / "exports"
    if args.export_format in ("story", "book"):
        if args.export_format == "story":
            written = documents.export_story(store, store.find_story(args.story).id, folder)
        else:
            written = documents.export_book(store, folder, args.title)
        for path in written:
            console.print(f"Wrote {path} ({path.stat().st_size:,} bytes)", highlight=False,
                          markup=False)
        return 0
    if args.session:
        sessions = [store.find_session(prefix) for prefix in args.session]
    else:
        sessions = store.sessions_of_kind(None if args.kind == "all" else args.kind)
    written = export_sessions(store, sessions, folder)
    console.print(f"Wrote {len(written)} Markdown file(s) to {folder}", highlight=False,
                  markup=False)
    return 0


def _demo(db: str) -> int:
    from reflect.demo import load_demo
    from reflect.protocols import load_catalog
    from reflect.store import Store

    counts = load_demo(Store(_engine(db)), load_catalog())
    if not counts["stories"]:
        console.print("The demo set is already in this database; nothing changed.")
    else:
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        console.print(f"Loaded the demo set: {summary}.", highlight=False, markup=False)
    return 0


def _search(db: str, words: str, limit: int) -> int:
    from rich.text import Text

    from reflect.search import search_answers, search_principles, snippet_parts
    from reflect.store import Store

    store = Store(_engine(db))
    hits = search_principles(store, words, limit=10) + search_answers(store, words, limit=limit)
    table = Table("story / case", "who", "question", "passage")
    for hit in hits:
        passage = Text()
        for piece, is_match in snippet_parts(hit.snippet):
            passage.append(piece, style="bold yellow" if is_match else "")
        table.add_row(hit.story_title, hit.who, hit.question, passage)
    console.print(table)
    console.print(f"{len(hits)} result(s) for '{words}'", highlight=False, markup=False)
    return 0 if hits else 1


def _backup(db: str, target: Path | None) -> int:
    from reflect.db import backup_sqlite, passphrase_of, sqlite_path, to_url

    path = sqlite_path(to_url(db))
    if path is None:
        raise ReflectError("reflect backup copies SQLite databases; for a server database use "
                           "its own backup tools (pg_dump)")
    engine = _engine(db)  # refuses damaged or foreign files with a plain message
    passphrase = passphrase_of(engine)
    engine.dispose()
    if target is not None and target.is_dir():
        target = target / f"{path.stem}-backup-{time.strftime('%Y%m%dT%H%M%S')}.db"
    written = backup_sqlite(path, "backup", target, passphrase)
    console.print(f"Wrote {written} ({written.stat().st_size:,} bytes)", highlight=False,
                  markup=False)
    return 0


def _run_app(db: str) -> int:
    from screens.app import make_app  # deferred: only the app needs Textual

    app = make_app(db=db)  # draws first, opens the database in the background
    app.run()
    return app.return_code or 0


def _database_error() -> type[Exception]:
    """SQLAlchemy's base error, imported only when an error is being handled (the except
    clause is evaluated then), so starting the app does not wait for SQLAlchemy."""
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    db = args.db or paths.default_db_url()
    try:
        if args.command == "protocols" and args.protocols_command == "list":
            return _protocols_list()
        if args.command == "protocols":
            return _protocols_validate(args.files)
        if args.command == "where":
            return _where(db)
        if args.command == "search":
            return _search(db, " ".join(args.words), args.limit)
        if args.command == "backup":
            return _backup(db, args.target)
        if args.command == "demo":
            return _demo(db)
        if args.command == "export":
            return _export(db, args)
        if args.command == "encrypt":
            return _encrypt(db)
        if args.command == "passphrase":
            return _change_passphrase(db)
        if args.command == "import":
            return _import(db, args.file)
        return _run_app(db)
    except ReflectError as exc:
        errors.print(f"reflect: {exc}", highlight=False, markup=False)
        return 1
    except KeyboardInterrupt:
        return 130
    except _database_error() as exc:
        errors.print(f"reflect: the database refused the change ({type(exc).__name__}); "
                     "nothing was written. Run 'reflect where' to check which database this is.",
                     highlight=False, markup=False)
        return 1


if __name__ == "__main__":
    sys.exit(main())
