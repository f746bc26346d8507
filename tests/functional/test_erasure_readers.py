"""An erasure while another program reads the database (issue 29, point 8): the words stay in
the file and its write-ahead log until that program lets go; reflect says so, naming it, and
finishes the job with `reflect erase --compact` or at the next opening."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.store import ConsentRecord, Store
from reflect.store.compaction import mark_of
from reflect.store.engine import open_engine

SECRET = "Quokkawordsofdana"
ROOT = Path(__file__).resolve().parents[2]

READER = """
import sys
from reflect import inuse
from reflect.store.engine import open_engine
inuse.program = "reflect export"
engine = open_engine(sys.argv[1])
with engine.connect() as conn:  # a long export: one read transaction, held
    conn.exec_driver_sql("BEGIN")
    print(conn.exec_driver_sql("SELECT count(*) FROM answer").scalar(), flush=True)
    sys.stdin.readline()
"""


def on_disk(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*") if p.is_file())


@pytest.fixture
def withdrawn(db_path, catalog):
    """Dana withdrew; her words are in the database file itself (checkpointed)."""
    store = Store(open_engine(str(db_path)))
    story = store.create_story("Back home")
    dana = store.add_informant(story.id, "Dana", "client")
    session = store.start_interview(dana.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "success-what", text=f"We talked. {SECRET} at home. " * 20)
    store.record_check(dana.id, "withdrawn", date(2026, 12, 3), "by letter")
    store.engine.dispose()  # the last connection closes: the log goes into the file
    assert SECRET.encode() in Path(db_path).read_bytes()
    return Path(db_path), story


@pytest.fixture
def reader(withdrawn):
    db, _story = withdrawn
    process = subprocess.Popen([sys.executable, "-c", READER, str(db)], cwd=ROOT,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout.readline().strip() == "1"  # reading now
    yield process
    if process.poll() is None:
        process.stdin.write("\n")
        process.stdin.close()
        process.wait(timeout=60)


def let_go(process) -> None:
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.wait(timeout=60) == 0


def test_erasing_while_another_program_reads_says_so_and_compact_finishes_it(
        withdrawn, reader, capsys):
    db, story = withdrawn
    assert main(["--db", str(db), "erase", story.id.hex[:8], "Dana", "--confirm"]) == 0
    out, err = capsys.readouterr()
    assert "Erased for good: 1 answers" in out and "compacted" not in out
    assert "still open in reflect export (process" in err
    assert "reflect erase --compact" in err and "next start" in err
    assert "Traceback" not in out + err
    assert SECRET.encode() in on_disk(db)  # what the issue found: still in the file
    assert mark_of(db).exists()

    assert main(["--db", str(db), "erase", "--compact"]) == 1  # the reader still reads
    assert "still open in reflect export" in capsys.readouterr().err
    assert main(["--db", str(db), "erase"]) == 0  # the listing says it too
    assert "still open in reflect export" in capsys.readouterr().err

    let_go(reader)
    assert main(["--db", str(db), "erase", "--compact"]) == 0
    assert "erased words have left it" in capsys.readouterr().out
    assert SECRET.encode() not in on_disk(db)
    assert not mark_of(db).exists()


def test_the_next_opening_finishes_what_an_erasure_left(withdrawn, reader):
    db, _story = withdrawn
    store = Store(open_engine(str(db)))
    dana = store.informants(store.stories()[0].id)[0]
    erased = store.erase_informant(dana.id, actor="Ana")
    assert erased == {"answers": 1, "notes": 0, "evidence": 0}
    assert not erased.compaction.finished
    assert any("reflect export" in who for who in erased.compaction.holders)
    assert SECRET.encode() in on_disk(db)
    store.engine.dispose()

    let_go(reader)
    again = open_engine(str(db))  # the app or any command, starting
    assert not mark_of(db).exists()
    again.dispose()
    assert SECRET.encode() not in on_disk(db)


def test_an_erasure_nobody_else_reads_compacts_at_once(withdrawn, capsys):
    db, story = withdrawn
    assert main(["--db", str(db), "erase", story.id.hex[:8], "Dana", "--confirm"]) == 0
    out, err = capsys.readouterr()
    assert "the database file was compacted" in out and "still open" not in err
    assert SECRET.encode() not in on_disk(db) and not mark_of(db).exists()
