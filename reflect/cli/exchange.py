"""Commands that move data out and in: bundles, CSV tables, the REFI-QDA project, import."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from reflect import paths
from reflect.cli.console import PlainTable, progress, say
from reflect.cli.privacy import engine, redactor_for


def export_data(store, args: argparse.Namespace) -> int:
    """bundle, csv, qdpx: the whole database, with progress and a summary."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    exports = paths.data_dir() / "exports"
    started = time.perf_counter()
    if args.export_format == "bundle":
        from reflect.exchange.bundle import export_bundle

        path = args.out or exports / f"reflect-bundle-{stamp}.json"
        with progress("Writing the bundle") as update:
            counts = export_bundle(store, path, update, redactor_for(store, args))
        say(f"Wrote {path} ({path.stat().st_size:,} bytes in "
             f"{time.perf_counter() - started:.1f} s)")
        say(", ".join(f"{n:,} {name.replace('_', ' ')}" for name, n in counts.items()))
    elif args.export_format == "csv":
        from reflect.exchange.tables import export_csv

        folder = args.out or exports / f"csv-{stamp}"
        with progress("Writing CSV files") as update:
            written = export_csv(store, folder, update, redactor_for(store, args),
                                 raw_values=args.raw_values)
        for path, rows in written.items():
            say(f"Wrote {path} ({rows:,} rows, {path.stat().st_size:,} bytes)")
    else:
        from reflect.exchange.qdpx import export_qdpx

        path = args.out or exports / f"reflect-{stamp}.qdpx"
        with progress("Writing the REFI-QDA project") as update:
            summary = export_qdpx(store, path, update, redactor_for(store, args))
        say(f"Wrote {path} ({summary.size:,} bytes): {summary.sources} interviews as text "
             f"sources, {summary.cases} cases, {summary.codes} codes, {summary.codings} "
             f"coded passages ({summary.codings - summary.quotes} evidence excerpts, "
             f"{summary.quotes} marked as quotes)")
        if summary.unplaced:
            say(f"{summary.unplaced} evidence excerpt(s) were not coded: the answer was edited "
                 "after the excerpt was attached and no longer contains it")
    return 0


def superseded_command(db: str) -> int:
    """List the versions imports replaced (or did not take), with the text they held."""
    import json

    from reflect.cli.console import console
    from reflect.exchange.bundle import superseded_versions
    from reflect.store import Store

    versions = superseded_versions(Store(engine(db)))
    table = PlainTable("kept at", "table", "id", "from", "content")
    for version in versions:
        row = json.loads(version.content)
        words = next((row[k] for k in ("text", "title", "action", "name", "pseudonym")
                      if isinstance(row.get(k), str) and row[k]), "")
        where = f"{row['question_id']}: " if "question_id" in row else ""
        table.add_row(f"{version.recorded_at:%Y-%m-%d %H:%M}", version.entity,
                      version.entity_id[:8], version.source, where + words)
    console.print(table)
    say(f"{len(versions)} version(s) kept by imports because another edit was newer.")
    return 0


def import_bundle_command(db: str, path: Path) -> int:
    from reflect.exchange.bundle import import_bundle
    from reflect.exchange.import_report import summary_lines
    from reflect.store import Store

    store = Store(engine(db))
    started = time.perf_counter()
    with progress(f"Importing {path.name}") as update:
        summary = import_bundle(store, path, update)
    for line in summary_lines(summary):
        say(line)
    say(f"Imported {path} in {time.perf_counter() - started:.1f} s: "
         f"{summary.changed:,} rows added or updated.")
    return 0
