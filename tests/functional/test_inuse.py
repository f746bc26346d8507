"""Nothing rewrites a database another process has open; a file replaced anyway is noticed
before the next save, which is refused rather than lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.errors import ReflectError, StorageError
from reflect.inuse import holders
from reflect.privacy.encryption import encrypt_file, is_encrypted
from reflect.protocol.catalog import load_catalog
from reflect.store import ConsentRecord, Store
from reflect.store.engine import hold_open, open_engine

ROOT = Path(__file__).resolve().parents[2]
PROMPTS = ROOT / "prompts"
WRITER = textwrap.dedent("""
    import sys, time
    from reflect.store import Store
    from reflect.store.engine import hold_open, open_engine
    db, session_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    engine = open_engine(db)
    mark = hold_open(engine, "the reflect app")
    store = Store(engine)
    import uuid
    print("ready", flush=True)
    for n in range(count):
        store.save_answer(uuid.UUID(session_id), "success-what", text=f"typed {n}")
        print(f"saved {n}", flush=True)
        time.sleep(0.02)  # the writer's pace, not a wait: it is still saving while tested
    sys.stdin.readline()  # stays open until told to go
""")


def _interview(db: Path):
    engine = open_engine(str(db))
    store = Store(engine)
    story = store.create_story("Back to school")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    catalog = load_catalog([PROMPTS])
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    return engine, store, session


def _writer(db: Path, session_id, count: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(session_id),
                                str(count)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True, cwd=ROOT)
    assert process.stdout.readline().strip() == "ready"
    return process


def test_encrypt_and_passphrase_refuse_while_a_writer_has_the_file_open(
        tmp_path, capsys, monkeypatch):
    db = tmp_path / "reflect.db"
    engine, store, session = _interview(db)
    engine.dispose()
    writer = _writer(db, session.id, 40)
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", "seven green lanterns")
    try:
        assert main(["--db", str(db), "encrypt"]) == 1
        err = capsys.readouterr().err
        assert "cannot encrypt" in err and "the reflect app" in err
        assert f"process {writer.pid}" in err and "Nothing was changed" in err
        assert not is_encrypted(db)
        saved = [writer.stdout.readline().strip() for _ in range(40)]
        assert saved[-1] == "saved 39"
    finally:
        writer.communicate("go\n", timeout=30)
    reopened = Store(open_engine(str(db)))
    assert reopened.answers(session.id)["success-what"].text == "typed 39"  # nothing lost
    reopened.engine.dispose()  # and with it this process's own mark
    assert holders(db) == []  # the writer's mark went with it
    assert main(["--db", str(db), "encrypt"]) == 0
    assert is_encrypted(db)


def test_passphrase_change_refuses_while_the_app_has_the_file_open(tmp_path, capsys,
                                                                   monkeypatch):
    db = tmp_path / "reflect.db"
    engine = open_engine(str(db), "seven green lanterns")
    mark = hold_open(engine, "the reflect app")
    monkeypatch.setenv("REFLECT_PASSPHRASE", "seven green lanterns")
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", "other words entirely")
    try:
        assert main(["--db", str(db), "passphrase"]) == 1
        assert "cannot change the passphrase" in capsys.readouterr().err
        Store(engine).create_story("still writable with the old passphrase")
    finally:
        mark.close()
        engine.dispose()
    assert main(["--db", str(db), "passphrase"]) == 0


def test_a_dead_process_does_not_keep_the_database_locked(tmp_path, monkeypatch):
    db = tmp_path / "reflect.db"
    engine, _store, session = _interview(db)
    engine.dispose()
    writer = _writer(db, session.id, 1)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert holders(db) == []
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", "seven green lanterns")
    assert main(["--db", str(db), "encrypt"]) == 0


def test_schema_upgrade_waits_for_the_other_program(tmp_path):
    import shutil

    db = tmp_path / "old.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema_v9.db", db)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from reflect.inuse import OpenMark; m = OpenMark(Path(sys.argv[1]), 'reflect 0.1'); "
         "print('ready', flush=True); sys.stdin.readline()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(ReflectError, match="cannot upgrade the schema of .* reflect 0.1"):
            open_engine(str(db))
        with sqlite3.connect(db) as conn:  # still the old schema; no backup was needed
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "reflect_schema" in tables and "alembic_version" not in tables
        assert not list(tmp_path.glob("*.bak"))
    finally:
        holder.communicate("go\n", timeout=30)
    assert Store(open_engine(str(db))).stories()


def test_a_file_replaced_under_the_store_is_noticed_before_the_next_save(tmp_path):
    db = tmp_path / "reflect.db"
    engine, store, session = _interview(db)
    store.save_answer(session.id, "success-what", text="before")
    engine.dispose()
    encrypt_file(db, "seven green lanterns")  # as a program that ignores the marks would
    with pytest.raises(StorageError, match="removed or replaced .* stays on screen"):
        store.save_answer(session.id, "success-what", text="after")
    db.unlink()
    with pytest.raises(StorageError, match="removed or replaced"):
        store.save_answer(session.id, "success-what", text="after")


async def test_the_app_marks_the_database_open_while_it_runs(tmp_path):
    from reflect_tui.app import make_app

    db = tmp_path / "reflect.db"
    engine = open_engine(str(db))
    app = make_app(engine, load_catalog([PROMPTS]))
    async with app.run_test() as pilot:
        await pilot.pause()
        [holder] = holders(db)
        assert holder.program == "the reflect app" and holder.pid == os.getpid()
    assert holders(db) == []


HOLDER = textwrap.dedent("""
    import sys
    import reflect.store.engine as engine_module
    taken = engine_module._hold_while_open
    def held(engine, path):  # the command has opened the database: it waits there
        taken(engine, path)
        print("ready", flush=True)
        sys.stdin.readline()
    engine_module._hold_while_open = held
    from reflect.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def _command_running(*argv: str) -> subprocess.Popen:
    """A real reflect command in another process, stopped just after opening the database."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, *argv], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=ROOT, env={**os.environ, "REFLECT_PASSPHRASE": ""})
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    return process


def _finish(process: subprocess.Popen) -> int:
    process.communicate("go\n", timeout=120)
    return process.returncode


@pytest.fixture
def two_databases(tmp_path):
    """A database with an interview and its automatic backup, and a bundle from another."""
    db = tmp_path / "reflect.db"
    engine, _store, _session = _interview(db)
    from reflect.store.backups import daily_backup

    daily_backup(engine)
    engine.dispose()
    other = tmp_path / "other.db"
    engine = open_engine(str(other))
    Store(engine).create_story("From the other laptop")
    engine.dispose()
    bundle = tmp_path / "other.reflect"
    assert main(["--db", str(other), "export", "bundle", "--out", str(bundle)]) == 0
    return db, bundle


def _titles(db: Path) -> set[str]:
    engine = open_engine(str(db))
    try:
        return {story.title for story in Store(engine).stories()}
    finally:
        engine.dispose()


@pytest.mark.parametrize("rewrite", [["encrypt"], ["restore", "1", "--yes"]])
def test_a_running_import_blocks_encrypt_and_restore(two_databases, rewrite, capsys,
                                                     monkeypatch):
    db, bundle = two_databases
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", "seven green lanterns")
    importing = _command_running("--db", str(db), "import", str(bundle))
    try:
        assert main(["--db", str(db), *rewrite]) == 1
        err = capsys.readouterr().err
        assert "reflect import" in err and f"process {importing.pid}" in err
        assert "Nothing was changed" in err
    finally:
        assert _finish(importing) == 0
    assert not is_encrypted(db)
    assert _titles(db) == {"Back to school", "From the other laptop"}  # the import is kept


def test_a_running_export_blocks_restore(two_databases, tmp_path, capsys):
    db, _bundle = two_databases
    exporting = _command_running("--db", str(db), "export", "csv", "--out",
                                 str(tmp_path / "csv"))
    try:
        assert main(["--db", str(db), "restore", "1", "--yes"]) == 1
        assert "reflect export" in capsys.readouterr().err
    finally:
        assert _finish(exporting) == 0
    assert main(["--db", str(db), "restore", "1", "--yes"]) == 0  # once it is done


def test_a_script_using_the_store_blocks_a_new_passphrase(tmp_path, capsys, monkeypatch):
    db = tmp_path / "reflect.db"
    open_engine(str(db), "seven green lanterns").dispose()
    script = textwrap.dedent("""
        import sys
        from reflect.store import Store
        from reflect.store.engine import open_engine
        store = Store(open_engine(sys.argv[1], "seven green lanterns"))
        print("ready", flush=True)
        sys.stdin.readline()
        store.create_story("written after the refusal")
    """)
    writer = subprocess.Popen([sys.executable, "-c", script, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert writer.stdout.readline().strip() == "ready"
    monkeypatch.setenv("REFLECT_PASSPHRASE", "seven green lanterns")
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", "other words entirely")
    try:
        assert main(["--db", str(db), "passphrase"]) == 1
        err = capsys.readouterr().err
        assert "cannot change the passphrase" in err and f"process {writer.pid}" in err
    finally:
        assert _finish(writer) == 0
    engine = open_engine(str(db), "seven green lanterns")  # the old one still opens it
    assert [story.title for story in Store(engine).stories()] == ["written after the refusal"]
    engine.dispose()
