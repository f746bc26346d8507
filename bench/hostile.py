"""Hostile bundles beside the largest legitimate one (issue 29, point 5).

    .venv/bin/python bench/hostile.py DB        # DB: a generated database (bench/generate.py)

Each figure comes from a child process of its own (`--one KIND`), with its seconds and its
peak memory (bench/peak.py). The hostile files of the attack (tests/hostile_bundles.py) are
measured beside the floor of any import, a fresh process importing the demo set's bundle (135
rows); the import of the legitimate bundle exported from DB beside its own floor, a process
that only inflates the same bundle and splits its lines (what any reader of it must do).
bench/run.py prints the same rows for each size it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # tests.hostile_bundles builds the hostile files

from peak import peak_mb  # noqa: E402

from reflect.limits import size_text  # noqa: E402
from tests import hostile_bundles  # noqa: E402

HOSTILE = {
    "a manifest that inflates to 1.1 GB": hostile_bundles.manifest_bomb,
    "one line of 315 MB": hostile_bundles.long_line,
    "100 answers of 10 MB": hostile_bundles.many_long_answers,
    "a line nested 100,000 deep": hostile_bundles.nested_line,
}
TARGET = "refused, < 5 s, < 300 MB"


def one(kind: str, bundle: Path, db: Path) -> dict:
    """One figure, in this (fresh) process."""
    refused = ""
    began = time.perf_counter()
    if kind == "inflate":  # the floor of a legitimate import: its bytes, inflated and split
        lines = 0
        with zipfile.ZipFile(bundle) as source:
            for name in source.namelist():
                with source.open(name) as member:
                    rest = b""
                    while chunk := member.read(1 << 20):
                        parts = (rest + chunk).split(b"\n")
                        rest = parts.pop()
                        lines += len(parts)
        detail = lines
    elif kind == "export":
        from reflect.exchange.bundle import export_bundle
        from reflect.store import Store
        from reflect.store.engine import open_engine

        detail = sum(export_bundle(Store(open_engine(str(db))), bundle).values())
    else:  # import: the floor (the demo set's bundle), a hostile file, or the legitimate one
        from reflect.errors import ReflectError
        from reflect.exchange.bundle import import_bundle
        from reflect.store import Store
        from reflect.store.engine import open_engine

        store = Store(open_engine(str(db)))
        began = time.perf_counter()
        try:
            detail = import_bundle(store, bundle).changed
        except ReflectError as exc:
            detail, refused = 0, str(exc)
    return {"seconds": time.perf_counter() - began, "peak_mb": peak_mb(), "rows": detail,
            "refused": refused}


def child(kind: str, bundle: Path, db: Path) -> dict:
    run = subprocess.run([sys.executable, __file__, "--one", kind, str(bundle), str(db)],
                         capture_output=True, text=True, check=True, timeout=3600)
    return json.loads(run.stdout.splitlines()[-1])


def demo_bundle(folder: Path) -> Path:
    from reflect.exchange.bundle import export_bundle
    from reflect.exchange.demo import load_demo
    from reflect.protocol.catalog import load_catalog
    from reflect.store import Store
    from reflect.store.engine import open_engine

    store = Store(open_engine(str(folder / "demo.db")))
    load_demo(store, load_catalog())
    export_bundle(store, folder / "demo.zip")
    store.engine.dispose()
    return folder / "demo.zip"


def _ratio(figure: dict, floor: dict) -> str:
    return (f"{figure['seconds']:.2f} s, peak {figure['peak_mb']:.0f} MB = "
            f"{figure['seconds'] / floor['seconds']:.1f}x the time, "
            f"{figure['peak_mb'] / floor['peak_mb']:.1f}x the memory of {floor['name']} "
            f"({floor['seconds']:.2f} s, {floor['peak_mb']:.0f} MB)")


def rows(db: Path, bundle: Path | None = None, imported: dict | None = None
         ) -> list[tuple[str, str, str]]:
    """The hostile files and the legitimate bundle of DB (exported here unless `bundle` is
    given; its import measured here unless `imported` is)."""
    found = []
    with tempfile.TemporaryDirectory(prefix="reflect-hostile-") as tmp:
        folder = Path(tmp)
        floor = {**child("import", demo_bundle(folder), folder / "floor.db"),
                 "name": "the floor, a fresh process importing the demo set's bundle"}
        for name, build in HOSTILE.items():
            path = build(folder / "hostile.zip")
            figure = child("import", path, folder / "hostile.db")
            said = "refused" if figure["refused"] else "NOT REFUSED"
            found.append((f"hostile: {name} ({size_text(path.stat().st_size)} file)",
                          f"{said} in {_ratio(figure, floor)}", TARGET))
        if bundle is None:
            bundle = folder / "legit.zip"
            child("export", bundle, db)
        if imported is None:
            imported = child("import", bundle, folder / "legit.db")
        with zipfile.ZipFile(bundle) as source:
            inflated = sum(info.file_size for info in source.infolist())
        inflate = {**child("inflate", bundle, db),
                   "name": "its floor, inflating it and splitting its lines alone"}
        found.append((f"legitimate: this database's bundle imported ("
                      f"{size_text(bundle.stat().st_size)} file, {size_text(inflated)} of "
                      f"JSON Lines, {inflate['rows']:,} lines)", _ratio(imported, inflate),
                      "< 120 s, < 300 MB at 100,000 sessions"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, nargs="?")
    parser.add_argument("--one", nargs=3, metavar=("KIND", "BUNDLE", "DB"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one or args.db is None:
        if args.db is None and not args.one:
            parser.error("give the database to export the legitimate bundle from")
        kind, bundle, db = args.one
        print(json.dumps(one(kind, Path(bundle), Path(db))))
        return
    from rich.console import Console
    from rich.table import Table

    os.environ.setdefault("REFLECT_DATA_DIR", tempfile.mkdtemp(prefix="reflect-bench-data-"))
    table = Table("measure", "figure", "target", title="hostile bundles and the largest "
                  "legitimate one")
    for row in rows(args.db):
        table.add_row(*row)
    Console(width=160).print(table)


if __name__ == "__main__":
    main()
