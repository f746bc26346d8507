"""Commands that move data out and in: bundles, CSV tables, the REFI-QDA project, import."""

from __future__ import annotations

import argparse
import glob
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from reflect import paths
from reflect.cli.console import PlainTable, progress, say, wrote
from reflect.cli.privacy import engine, redactor_for
from reflect.errors import ReflectError
from reflect.files import exporting
from reflect.formats import number
from reflect.i18n import _, ngettext

if TYPE_CHECKING:
    from reflect.store import Store


def database_files(db: str, keys: Path | None = None) -> list[Path]:
    """The files no export may write over: the database, its journal, WAL and shared memory,
    the backups beside it (and in its .backups folder), the key file."""
    protected = [keys or paths.keys_file()]
    if (path := paths.sqlite_file(db)) is not None:
        protected += [path, *(path.with_name(path.name + end) for end in
                              ("-wal", "-shm", "-journal", ".backups", ".open"))]
        if path.parent.is_dir():
            protected += path.parent.glob(glob.escape(path.name) + "*")
    return protected


def writing(db: str, args: argparse.Namespace) -> AbstractContextManager[None]:
    """The export's files appear together at the end, or none does; existing files are
    refused unless --force, the database's files always (reflect.files.exporting)."""
    return exporting(force=args.force, protected=database_files(db, args.keys))


def out_file(out: Path | None, name: str) -> Path:
    """Where a one-file export goes: the file --out names, or `name` in the folder it names,
    or `name` in exports/."""
    if out is None:
        return paths.exports_dir() / name
    return out / name if out.is_dir() else out


def export_data(db: str, store: Store, args: argparse.Namespace) -> int:
    """bundle, csv, xlsx, qdpx: the whole database, with progress and a summary."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    started = time.perf_counter()
    if getattr(args, "with_audio", False) and args.redact:
        raise ReflectError(_("--redact cannot hide names in the recordings' sound: export "
                             "with --with-audio or with --redact, not both. Nothing was "
                             "written."))
    if args.export_format == "bundle":
        from reflect.exchange.bundle_export import export_bundle, export_sealed_bundle

        if args.sender and not args.to:
            raise ReflectError(_("--from names who signs a sealed bundle: give the "
                                 "coordinator's public key with --to too (without it the "
                                 "bundle is not sealed). Nothing was written."))
        if args.to:  # sealed: the public keys and the signing key before the slow part
            from reflect.cli.sealed import recipients, sealed_summary, sender

            keys, signer = recipients(args.to), sender(args)
            path = out_file(args.out, f"reflect-bundle-{stamp}.sealed")
            with writing(db, args), progress(_("Writing the sealed bundle")) as update:
                counts = export_sealed_bundle(store, path, keys, signer, update,
                                              redactor_for(store, args), args.with_audio)
        else:
            path = out_file(args.out, f"reflect-bundle-{stamp}.zip")
            with writing(db, args), progress(_("Writing the bundle")) as update:
                counts = export_bundle(store, path, update, redactor_for(store, args),
                                       args.with_audio)
        say(wrote(path, _("{seconds} s").format(seconds=f"{time.perf_counter() - started:.1f}")))
        if args.to:
            say(sealed_summary(args.to, signer))
        elif args.with_audio and counts.get("recordings"):
            say(_("This bundle carries the interviews' voices and is not sealed: keep it as "
                  "safe as the database, or export it again with --to."))
        say(", ".join(f"{number(n)} {name.replace('_', ' ')}" for name, n in counts.items()))
    elif args.export_format == "csv":
        from reflect.exchange.tables import export_csv

        folder = args.out or paths.exports_dir() / f"csv-{stamp}"
        with writing(db, args), progress(_("Writing CSV files")) as update:
            written = export_csv(store, folder, update, redactor_for(store, args))
        for path, rows in written.items():
            say(wrote(path, ngettext("{count} row", "{count} rows", rows).format(
                count=number(rows))))
    elif args.export_format == "xlsx":
        from reflect.exchange.spreadsheet import export_xlsx

        path = out_file(args.out, f"reflect-{stamp}.xlsx")
        with writing(db, args), progress(_("Writing the workbook")) as update:
            book = export_xlsx(store, path, update, redactor_for(store, args))
        say(wrote(path))
        say(", ".join(f"{number(n)} {name.replace('_', ' ')}" for name, n in book.rows.items()))
        if book.cut:
            say(_("{count} cell(s) held more than the 32,767 characters a spreadsheet cell "
                  "can: they end there in the workbook; the CSV export holds them whole").format(
                count=number(book.cut)))
        if book.left_out:
            say(_("{count} row(s) did not fit: a sheet holds 1,048,576 rows; the CSV export "
                  "holds them all").format(count=number(book.left_out)))
    else:
        from reflect.exchange.qdpx import export_qdpx

        path = out_file(args.out, f"reflect-{stamp}.qdpx")
        with writing(db, args), progress(_("Writing the REFI-QDA project")) as update:
            summary = export_qdpx(store, path, update, redactor_for(store, args),
                                  args.with_audio)
        say(wrote(path) + " " + _(
            "{sources} interviews as text sources, {cases} cases, {codes} codes, {codings} "
            "coded passages ({excerpts} evidence excerpts, {quotes} marked as quotes)").format(
            sources=number(summary.sources), cases=number(summary.cases),
            codes=number(summary.codes), codings=number(summary.codings),
            excerpts=number(summary.codings - summary.quotes), quotes=number(summary.quotes)))
        if args.with_audio:
            say(ngettext("{count} recording as an audio source, with the typed answers as "
                         "its synchronised transcript",
                         "{count} recordings as audio sources, each with the typed answers as "
                         "its synchronised transcript", summary.recordings).format(
                count=number(summary.recordings)))
        if summary.unplaced:
            say(_("{count} evidence excerpt(s) were not coded: the answer was edited after the "
                  "excerpt was attached and no longer contains it").format(
                count=number(summary.unplaced)))
    return 0


def superseded_command(db: str) -> int:
    """List the versions imports replaced (or did not take), with the text they held."""
    import json

    from reflect.cli.console import console
    from reflect.exchange.bundle import superseded_versions
    from reflect.store import Store

    store = Store(engine(db))
    withheld = store.withheld_rows()  # the gate: nothing of an informant who withdrew
    versions = [v for v in superseded_versions(store) if v.entity_id not in withheld]
    table = PlainTable(_("kept at"), _("table"), _("id"), _("from"), _("content"))
    for version in versions:
        row = json.loads(version.content)
        words = next((row[k] for k in ("text", "title", "action", "name", "pseudonym")
                      if isinstance(row.get(k), str) and row[k]), "")
        where = f"{row['question_id']}: " if "question_id" in row else ""
        table.add_row(f"{version.recorded_at:%Y-%m-%d %H:%M}", version.entity,
                      version.entity_id[:8], version.source, where + words)
    console.print(table)
    say(_("{count} version(s) kept by imports because another edit was newer.").format(
        count=number(len(versions))))
    return 0


def import_bundle_command(db: str, args: argparse.Namespace) -> int:
    """Merge a bundle; a sealed one is opened with the secret key and its signature and
    sender checked first (reflect.cli.sealed), in memory."""
    from reflect.cli.sealed import open_if_sealed, remember_sender
    from reflect.exchange.bundle import import_bundle
    from reflect.exchange.import_report import pending_lines, summary_lines
    from reflect.store import Store

    path: Path = args.file
    opened = open_if_sealed(path, args)
    store = Store(engine(db))
    started = time.perf_counter()
    with progress(_("Importing {name}").format(name=path.name)) as update:
        summary = import_bundle(store, path, update, opened)
    if opened is not None:
        remember_sender(opened)
    for line in summary_lines(summary):
        say(line)
    say(_("Imported {path} in {seconds} s: {count} rows added or updated.").format(
        path=path, seconds=f"{time.perf_counter() - started:.1f}",
        count=number(summary.changed)))
    for line in pending_lines(summary.pending):  # last: what is left for someone to decide
        say(line)
    return 0
