"""Files are private from the first byte: the database, its WAL and shared memory, the
folders reflect creates and the open marks are owner-only whatever the umask."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

WHILE_OPEN = textwrap.dedent("""
    import os, sys, json
    from pathlib import Path
    os.umask(0o022)
    from reflect.store import Store
    from reflect.store.engine import hold_open, open_engine
    db = Path(sys.argv[1])
    engine = open_engine(str(db))
    mark = hold_open(engine, "test")
    Store(engine).create_story("The first answer is about a family")
    modes = {}
    for path in [db, Path(str(db) + "-wal"), Path(str(db) + "-shm"), db.parent,
                 db.parent.parent, Path(str(db) + ".open"), mark.path]:
        modes[str(path)] = oct(path.stat().st_mode & 0o777) if path.exists() else "missing"
    print(json.dumps(modes))
""")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_database_wal_shm_and_new_folders_are_owner_only_with_umask_022(tmp_path):
    db = tmp_path / "outside" / "nested" / "reflect.db"
    result = subprocess.run([sys.executable, "-c", WHILE_OPEN, str(db)], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    import json

    modes = json.loads(result.stdout)
    files = [db, Path(str(db) + "-wal"), Path(str(db) + "-shm")]
    assert all(modes[str(f)] == "0o600" for f in files), modes
    assert modes[str(db.parent)] == modes[str(db.parent.parent)] == "0o700", modes
    assert modes[str(db) + ".open"] == "0o700", modes
    assert set(modes.values()) <= {"0o600", "0o700"}, modes
