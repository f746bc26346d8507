"""Exports and import stream (issue 18): each completes in a process allowed less memory
than the database it reads holds, so none of them can hold the database at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bench.generate import generate

pytestmark = pytest.mark.skipif(sys.platform != "linux",
                                reason="RLIMIT_AS and /proc/self/statm are Linux's")

HEADROOM = 256 * 2**20
"""Address space the child may take beyond what it holds once reflect is imported and open:
what streaming needs, the import's 128 MB SQLite page cache included."""

CHILD = """
import resource, sys
from pathlib import Path
from reflect.exchange.bundle import export_bundle, import_bundle
from reflect.exchange.qdpx import export_qdpx
from reflect.exchange.tables import export_csv
from reflect.store import Store
from reflect.store.engine import open_engine

db, out, headroom = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
store, copy = Store(open_engine(db)), Store(open_engine(str(out / "copy.db")))
pages = int(Path("/proc/self/statm").read_text().split()[0])
limit = pages * resource.getpagesize() + headroom
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
try:
    bytearray(Path(db).stat().st_size)  # the limit holds: the database cannot be held at once
except MemoryError:
    print("limit holds")
export_bundle(store, out / "b.zip")
export_csv(store, out / "csv")
export_qdpx(store, out / "p.qdpx")
print("imported", import_bundle(copy, out / "b.zip").changed)
"""


def test_exports_and_import_of_a_database_larger_than_the_memory_allowed(tmp_path):
    db = tmp_path / "big.db"
    generate(db, 2000)
    padding = " ".join(["listening"] * 1000)  # ~10 KB more on each of 40,000 answers
    with sqlite3.connect(db) as conn:  # bench data: its search index need not follow
        conn.execute("DROP TRIGGER answer_fts_update")
        conn.execute("UPDATE answer SET text = text || ' ' || ?", (padding,))
    size = db.stat().st_size
    assert size > HEADROOM * 1.2
    out = tmp_path / "out"
    out.mkdir()
    run = subprocess.run([sys.executable, "-c", CHILD, str(db), str(out), str(HEADROOM)],
                         capture_output=True, text=True, cwd=Path(__file__).parents[2])
    assert run.returncode == 0, run.stderr[-2000:]
    assert "limit holds" in run.stdout
    answers = sqlite3.connect(db).execute("SELECT count(*) FROM answer").fetchone()[0]
    assert "imported" in run.stdout
    with sqlite3.connect(out / "copy.db") as conn:
        assert conn.execute("SELECT count(*) FROM answer").fetchone()[0] == answers
        assert conn.execute("SELECT count(*) FROM answer_fts WHERE answer_fts MATCH "
                            "'listening'").fetchone()[0] == answers
    assert (out / "csv" / "answers.csv").stat().st_size > HEADROOM
    with zipfile.ZipFile(out / "p.qdpx") as project:
        assert len([n for n in project.namelist() if n.startswith("sources/")]) > 1000
