"""Exchange figures: time and size of bundle, CSV and REFI-QDA exports, and of imports.

    python bench/exchange.py                    the demo set and 1,000 generated interviews
    python bench/exchange.py --sizes 1000,5000  other sizes (sessions of 20 answers each)

bench/run.py prints the same rows for each size it measures (up to 10,000 sessions: the
bundle is built in memory, ~1 kB per answer).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from reflect.exchange.bundle import export_bundle, import_bundle  # noqa: E402
from reflect.exchange.demo import load_demo  # noqa: E402
from reflect.exchange.qdpx import export_qdpx  # noqa: E402
from reflect.exchange.tables import export_csv  # noqa: E402
from reflect.protocol.catalog import load_catalog  # noqa: E402
from reflect.store import Store  # noqa: E402
from reflect.store.engine import open_engine  # noqa: E402


def _mb(size: int) -> str:
    return f"{size / 1e6:,.2f} MB"


def exchange_rows(store: Store, folder: Path) -> list[tuple[str, str, str]]:
    """Export everything three ways and import the bundle twice into an empty database."""
    rows = []
    bundle = folder / "bundle.zip"
    began = time.perf_counter()
    counts = export_bundle(store, bundle)
    rows.append(("export bundle", f"{time.perf_counter() - began:.2f} s, "
                 f"{_mb(bundle.stat().st_size)} ({counts['answers']:,} answers)", ""))
    target = Store(open_engine(str(folder / "imported.db")))
    began = time.perf_counter()
    summary = import_bundle(target, bundle)
    rows.append(("import bundle into an empty database",
                 f"{time.perf_counter() - began:.2f} s, {summary.changed:,} rows", ""))
    began = time.perf_counter()
    again = import_bundle(target, bundle)
    rows.append(("import the same bundle again", f"{time.perf_counter() - began:.2f} s, "
                 f"{again.changed} rows changed", "0 changed"))
    target.engine.dispose()
    began = time.perf_counter()
    written = export_csv(store, folder / "csv")
    rows.append((f"export csv ({len(written)} files)", f"{time.perf_counter() - began:.2f} s, "
                 f"{_mb(sum(p.stat().st_size for p in written))}", ""))
    began = time.perf_counter()
    qdpx = export_qdpx(store, folder / "project.qdpx")
    rows.append(("export qdpx", f"{time.perf_counter() - began:.2f} s, {_mb(qdpx.size)} "
                 f"({qdpx.sources:,} sources, {qdpx.codings} codings)", ""))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated session counts")
    args = parser.parse_args()
    table = Table("data", "measure", "figure", "target", title="reflect exchange benchmark")
    with tempfile.TemporaryDirectory(prefix="reflect-exchange-") as tmp:
        os.environ.setdefault("REFLECT_DATA_DIR", str(Path(tmp) / "data"))
        demo_dir = Path(tmp) / "demo"
        demo_dir.mkdir()
        demo = Store(open_engine(str(demo_dir / "demo.db")))
        load_demo(demo, load_catalog())
        for name, figure, target in exchange_rows(demo, demo_dir):
            table.add_row("demo set", name, figure, target)
        table.add_section()
        for size in (int(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / str(size)
            folder.mkdir()
            generate(folder / "source.db", size)
            store = Store(open_engine(str(folder / "source.db")))
            for name, figure, target in exchange_rows(store, folder):
                table.add_row(f"{size:,} sessions", name, figure, target)
            table.add_section()
    Console(width=140).print(table)


if __name__ == "__main__":
    main()
