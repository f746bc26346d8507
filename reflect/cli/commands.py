"""The `reflect` command. Thin: parses arguments, calls the core, prints with rich.

The Textual app is imported only when the app is launched, so the core and the other
commands never load Textual (and start fast).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Column
from rich.text import Text

from reflect import formats, i18n, inuse, paths
from reflect.cli import repair, settings_commands
from reflect.cli.arguments import check_db, check_text
from reflect.cli.console import PlainTable, console, progress, say, warn, wrote
from reflect.cli.erase import erase_command
from reflect.cli.exchange import export_data, import_bundle_command, superseded_command, writing
from reflect.cli.parser import build_parser
from reflect.cli.privacy import (
    change_passphrase_command,
    close_opened,
    encrypt,
    engine,
    keys_command,
    redact_command,
    redactor_for,
)
from reflect.cli.transcribe import transcribe_command
from reflect.errors import ReflectError
from reflect.i18n import N_, _, ngettext
from reflect.text import visible

if TYPE_CHECKING:  # deferred at run time: each command imports only what it needs
    from reflect.models import Session
    from reflect.protocol.catalog import ProtocolCatalog

DEMO_COUNTS = {"stories": N_("stories"), "informants": N_("informants"),
               "interviews": N_("interviews"), "answers": N_("answers"),
               "principles": N_("principles"), "evidence": N_("evidence links"),
               "themes": N_("common principles")}


def _protocols_list() -> int:
    from reflect.protocol.catalog import load_catalog

    catalog = load_catalog()
    table = PlainTable(Column(_("id"), no_wrap=True), _("kind"), _("version"), _("title"),
                       _("for roles"), _("languages"), _("source"))
    for protocol in sorted(catalog.protocols.values(), key=lambda p: (p.kind, p.id)):
        protocol = catalog.get(protocol.id, i18n.language()) or protocol  # title in our language
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
    from reflect.protocol.catalog import load_catalog

    catalog = load_catalog()
    translations = sum(len(t) for t in catalog.translations.values())
    if not catalog.problems:
        say(_("ok: {protocols} protocols, {translations} translations").format(
            protocols=len(catalog.protocols), translations=translations))
    return _report_problems(catalog)


def _report_problems(catalog: ProtocolCatalog) -> int:
    for problem in catalog.problems:
        warn(Text.assemble((_("not loaded: "), "red"), visible(str(problem))))
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
    lines = ((_("database:"), f"{paths.shown_db(db)} {state}"),
             (_("user protocols:"), str(paths.user_protocols_dir())),
             (_("key file:"), f"{keys}{no_keys}"))
    width = max(len(label) for label, _value in lines) + 1
    for label, value in lines:
        say(f"{label:<{width}} {value}")
    return 0


def _export_paper(db: str, args: argparse.Namespace) -> int:
    """The interview guide or the consent form of a protocol, in one of its languages."""
    from reflect.exchange.guide import export_consent_form, export_guide
    from reflect.protocol.catalog import load_catalog

    catalog = load_catalog()
    if catalog.protocols.get(args.protocol) is None:
        raise ReflectError(_("no protocol '{id}'; these are: {ids}").format(
            id=args.protocol, ids=", ".join(sorted(catalog.protocols))))
    languages = catalog.languages(args.protocol)
    language = args.lang or (i18n.language() if i18n.language() in languages else languages[0])
    if language not in languages:
        raise ReflectError(_("'{id}' is not in {language}; it is in: {languages}").format(
            id=args.protocol, language=language, languages=", ".join(languages)))
    if language in i18n.LANGUAGES:
        i18n.use(language)  # the guide's own words (Stage, Suggested time) in its language
    protocol = catalog.get(args.protocol, language)
    assert protocol is not None  # an unknown id was refused above
    folder = args.out or paths.exports_dir()
    if args.export_format == "guide":
        write, what = export_guide, _("Writing the interview guide")
    else:
        write, what = export_consent_form, _("Writing the consent form")
    with writing(db, args), progress(what) as update:
        written = write(protocol, folder, update)
    for path in written:
        say(wrote(path))
    return 0


def _export(db: str, args: argparse.Namespace) -> int:
    from reflect.exchange import documents
    from reflect.exchange.book import TITLE_FIELDS, export_book, left_out, remember_page, title_page
    from reflect.exchange.markdown import export_session_record, export_sessions
    from reflect.exchange.review_copy import export_review_copy
    from reflect.store import Store, shown_name

    if args.export_format in ("guide", "consent-form"):
        return _export_paper(db, args)
    store = Store(engine(db))
    if args.export_format in ("bundle", "csv", "xlsx", "qdpx"):
        return export_data(db, store, args)
    folder = args.out or paths.exports_dir()
    if args.export_format in ("story", "book", "interview", "review-copy"):
        if args.export_format == "review-copy":
            story = store.find_story(args.story)
            informant = next((i for i in store.informants(story.id)
                              if i.pseudonym.casefold() == args.informant.casefold()), None)
            if informant is None:
                raise ReflectError(_("no informant '{name}' in '{story}' (they are: {names})")
                                   .format(name=args.informant, story=story.title,
                                           names=", ".join(
                                               shown_name(i.pseudonym, i.withdrawn)
                                               for i in store.informants(story.id))))
            with writing(db, args), progress(_("Writing the review copy")) as update:
                written = export_review_copy(store, informant.id, folder,
                                             redactor_for(store, args, story.id), update)
        elif args.export_format == "interview":
            session = store.find_session(args.session)
            with writing(db, args), progress(_("Writing the interview record")) as update:
                written = export_session_record(store, session, folder,
                                                redactor_for(store, args, session.story_id),
                                                update)
        elif args.export_format == "story":
            story_id = store.find_story(args.story).id
            with writing(db, args), progress(_("Writing the story")) as update:
                written = documents.export_story(store, story_id, folder,
                                                 redactor_for(store, args, story_id), update)
        else:
            page = title_page(store, {name: getattr(args, name) for name in TITLE_FIELDS})
            with writing(db, args), progress(_("Writing the book")) as update:
                written = export_book(store, folder, page.title, redactor_for(store, args),
                                      draft=args.draft, progress=update, page=page)
            remember_page(store, page)  # the next book, here or in the app, starts from it
            if not args.draft and (held := left_out(store)):
                say(_("Left out until analysed and approved (a draft lists them): {titles}.")
                    .format(titles=", ".join(h.story.title for h in held)))
        for path in written:
            say(wrote(path))
        return 0
    sessions: Iterable[Session]
    if args.session:
        sessions = [store.find_session(prefix) for prefix in args.session]
        total = len(sessions)
    else:  # read a page at a time: a large database's sessions are never all in memory
        kind = None if args.kind == "all" else args.kind
        sessions, total = store.each_session_of_kind(kind), store.count_sessions(kind)
    with writing(db, args), progress(_("Writing Markdown files")) as update:
        written = export_sessions(store, sessions, folder, redactor_for(store, args), update,
                                  total=total)
    say(ngettext("Wrote {count} Markdown file to {folder}",
                 "Wrote {count} Markdown files to {folder}", len(written)).format(
        count=formats.number(len(written)), folder=folder))
    return 0


def _demo(args: argparse.Namespace) -> int:
    """Load the demo set into its own database (demo.db in the data dir, or --db) and open
    the app there; the user's own database is never touched."""
    from reflect.exchange.demo import load_demo
    from reflect.protocol.catalog import load_catalog
    from reflect.store import Store

    db = args.db or str(paths.demo_db_path())
    counts = load_demo(Store(engine(db)), load_catalog())
    if not counts["stories"]:
        say(_("The demo set is already in this database; nothing changed."))
    else:
        summary = ", ".join(formats.number(n) + " " + _(DEMO_COUNTS.get(name, name))
                            for name, n in counts.items())
        say(_("Loaded the demo set: {summary}.").format(summary=summary))
    say(_("The demo's invented stories are in {db}, apart from your own work. Back to your "
          "own data: run reflect without 'demo'.").format(db=db))
    if args.no_app or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return 0
    return _run_app(db)


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
    try:
        written = backup_sqlite(path, "backup", target, passphrase)
    except OSError as exc:
        raise ReflectError(_("could not write the backup to {target}: {problem}. Give a file "
                             "or an existing folder you may write in.").format(
            target=target or path.parent, problem=exc.strerror or exc)) from None
    say(wrote(written))
    return 0


def _run_app(db: str) -> int:
    from reflect_tui.first_run import first_run  # deferred: only the app needs Textual

    if not first_run():  # the language, then the right-to-left check, when still unsettled
        return 0
    from reflect_tui.app import make_app  # after first_run: its key labels speak the language

    app = make_app(db=db)  # draws first, opens the database in the background
    app.run()
    return app.return_code or 0


def _database_error() -> type[Exception]:
    """SQLAlchemy's base error, imported only when an error is being handled (the except
    clause is evaluated then), so starting the app does not wait for SQLAlchemy."""
    from sqlalchemy.exc import SQLAlchemyError

    return SQLAlchemyError


def main(argv: list[str] | None = None) -> int:
    """Run one command; the databases it opened are let go when it ends (their open marks
    with them), so a script or a test can run the next command in the same process."""
    try:
        return _command(sys.argv[1:] if argv is None else argv)
    finally:
        close_opened()


def _command(argv: list[str]) -> int:
    try:
        i18n.choose(settings_commands.lang_option(argv))
    except ValueError as exc:
        return settings_commands.unknown_language(str(exc))
    try:
        check_text(argv)
        args = build_parser().parse_args(argv)
        db = args.db or paths.default_db_url()
        check_db(db)
        inuse.program = f"reflect {args.command}" if args.command else "the reflect app"
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
            return _demo(args)
        if args.command == "export":
            return _export(db, args)
        if args.command == "encrypt":
            return encrypt(db)
        if args.command == "passphrase":
            return change_passphrase_command(db)
        if args.command == "redact":
            return redact_command(db, args)
        if args.command == "keys" and args.keys_command == "new":
            from reflect.cli.sealed import keys_new_command

            return keys_new_command(args)
        if args.command == "keys":
            return keys_command(args)
        if args.command == "superseded":
            return superseded_command(db)
        if args.command == "import":
            return import_bundle_command(db, args)
        if args.command == "erase":
            return erase_command(db, args)
        if args.command == "transcribe":
            return transcribe_command(db, args)
        if handler := getattr(args, "handler", None):  # team, recording: their own modules
            return int(handler(db, args))
        return _run_app(db)
    except ReflectError as exc:
        warn(f"reflect: {exc}")
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file or folder the command needed: in words, never a traceback
        warn(_("reflect: could not use {path}: {problem}. Check that it exists, that you may "
               "read and write there and that the disk is not full.").format(
            path=exc.filename or _("a file"), problem=exc.strerror or type(exc).__name__))
        return 1
    except _database_error() as exc:
        from reflect.errors import explain_storage_error

        # The driver's error (its code chooses the message), never SQLAlchemy's own text: it
        # can quote the statement's parameters, stored text among them
        error = getattr(exc, "orig", None) or type(exc).__name__
        warn(_("reflect: {problem} Nothing was written; run 'reflect where' to check which "
               "database this is.").format(problem=explain_storage_error(error)))
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback: it can hold stored text
        from reflect.crash import plain_message, write_report

        warn(plain_message(write_report(exc)))
        return 2


if __name__ == "__main__":
    sys.exit(main())
