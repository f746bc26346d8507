"""Exports and import at scale, each in a fresh process: seconds and that process's peak RSS.

    .venv/bin/python bench/exports.py DB    # bundle, import (empty db), csv, qdpx, markdown

Each figure comes from a child started for it alone (`--one KIND`), so its peak memory is
its own (bench/peak.py: VmHWM on Linux, not ru_maxrss, which a child inherits).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from peak import peak_mb

KINDS = ("bundle", "import", "csv", "qdpx", "markdown")


def one(kind: str, db: str, out: Path) -> dict:
    from reflect.store import Store
    from reflect.store.engine import open_engine

    began = time.perf_counter()
    if kind == "bundle":
        from reflect.exchange.bundle import export_bundle
        detail = sum(export_bundle(Store(open_engine(db)), out).values())
    elif kind == "import":
        from reflect.exchange.bundle import import_bundle
        detail = import_bundle(Store(open_engine(str(out.with_suffix(".db")))), out).changed
    elif kind == "csv":
        from reflect.exchange.tables import export_csv
        detail = sum(export_csv(Store(open_engine(db)), out).values())
    elif kind == "markdown":
        from reflect.exchange.markdown import export_sessions
        store = Store(open_engine(db))
        detail = len(export_sessions(store, store.each_session_of_kind(None), out,
                                     total=store.count_sessions(None)))
    else:
        from reflect.exchange.qdpx import export_qdpx
        detail = export_qdpx(Store(open_engine(db)), out).sources
    return {"seconds": time.perf_counter() - began, "rows": detail,
            "peak_mb": peak_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--one", choices=KINDS)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.db, args.out)))
        return
    for kind, figure in figures(args.db):
        print(f"{kind:7} {figure['seconds']:8.1f} s  peak {figure['peak_mb']:6.0f} MB  "
              f"{figure['rows']:,} rows/sources")


def figures(db: str, keep: Path | None = None):
    """(kind, figure) for each export and the import, each run in a child of its own; the
    files are written in `keep` when given (bench/run.py reads the bundle again)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = keep or scratch
        outputs = {"bundle": Path(folder) / "b.zip", "import": Path(folder) / "b.zip",
                   "csv": Path(folder) / "csv", "qdpx": Path(folder) / "p.qdpx",
                   "markdown": Path(folder) / "md"}
        for kind in KINDS:
            run = subprocess.run([sys.executable, __file__, str(db), "--one", kind,
                                  "--out", str(outputs[kind])],
                                 capture_output=True, text=True, check=True)
            yield kind, json.loads(run.stdout.splitlines()[-1])


if __name__ == "__main__":
    main()
