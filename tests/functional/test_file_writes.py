"""Files are written without trusting the folder, and every failure is told in words
(issue 29, points 3 and 8): temporary files created exclusively with a random name, existing
files and the database refused unless --force (the app asks), exports/ owner-only, read-only
files left alone; a full disk, a huge --limit, bytes that are not UTF-8, a database in
memory, an unwritable backup target or data dir: a sentence, exit 1, no traceback, nothing
half-written."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reflect import files, paths
from reflect.cli import main
from reflect.errors import FileExists, ReflectError
from reflect.exchange.demo import load_demo
from reflect.protocol.catalog import load_catalog
from reflect.store import Store
from reflect.store.engine import open_engine

ROOT = Path(__file__).resolve().parents[2]
STORY = "Keeping Mrs. A at home"
STORY_FILES = ("story-keeping-mrs-a-at-home.md", "story-keeping-mrs-a-at-home.docx",
               "story-keeping-mrs-a-at-home.pdf")
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and symlinks")


@pytest.fixture
def demo_db(tmp_path) -> str:
    """A SQLite file holding the demo set, closed (no WAL left to replay)."""
    path = tmp_path / "db" / "reflect.db"
    engine = open_engine(str(path))
    load_demo(Store(engine), load_catalog())
    engine.dispose()
    return str(path)


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def no_crash_report() -> bool:
    return not (paths.data_dir() / "crash-reports").exists()


def said(capsys) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "unexpected error" not in captured.err
    return " ".join(captured.err.split())


# --- 3. the folder is not trusted ----------------------------------------------------------

def test_temporary_files_are_new_private_and_randomly_named(tmp_path):
    target = tmp_path / "out.md"
    with files.private_writer(target) as first, files.private_writer(target) as second:
        first.write(b"one")
        second.write(b"two")
        seen = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert len(seen) == 2
    for name, mode in seen.items():
        assert name.startswith(".out.md.") and name.endswith(".partial")
        assert name != ".out.md.partial"  # the old, guessable name
        assert mode == 0o600 or sys.platform == "win32"
    assert names(tmp_path) == {"out.md"} and target.read_bytes() == b"one"


@POSIX
def test_a_symlink_planted_at_the_old_partial_name_is_never_followed(demo_db, tmp_path, capsys):
    out, victim = tmp_path / "shared", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("the user's own notes")
    for name in STORY_FILES + ("all.zip",):
        (out / f".{name}.partial").symlink_to(victim)
    assert main(["--db", demo_db, "export", "story", STORY, "--out", str(out)]) == 0
    assert main(["--db", demo_db, "export", "bundle", "--out", str(out / "all.zip")]) == 0
    assert victim.read_text() == "the user's own notes"
    assert all((out / name).is_file() and not (out / name).is_symlink()
               for name in STORY_FILES + ("all.zip",))


@POSIX
def test_a_symlink_planted_at_the_target_is_refused_or_replaced_never_followed(
        demo_db, tmp_path, capsys):
    out, victim = tmp_path / "shared", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("the user's own notes")
    (out / "all.zip").symlink_to(victim)
    assert main(["--db", demo_db, "export", "bundle", "--out", str(out / "all.zip")]) == 1
    assert "already exists" in said(capsys)
    assert (out / "all.zip").is_symlink() and victim.read_text() == "the user's own notes"
    assert main(["--db", demo_db, "export", "bundle", "--out", str(out / "all.zip"),
                 "--force"]) == 0
    assert not (out / "all.zip").is_symlink() and victim.read_text() == "the user's own notes"
    assert (out / "all.zip").read_bytes()[:2] == b"PK"


@POSIX
def test_a_world_writable_file_planted_in_a_shared_folder_receives_nothing(
        demo_db, tmp_path, capsys):
    """In a 1777 folder another user plants 0666 files at the old partial name and at the
    target, keeping a second name (a hard link) to read what they receive."""
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    spies = {}
    for name in (".all.zip.partial", "all.zip"):
        planted = shared / name
        planted.write_bytes(b"planted")
        planted.chmod(0o666)
        spies[name] = tmp_path / f"spy-{name}"
        os.link(planted, spies[name])
    assert main(["--db", demo_db, "export", "bundle", "--out", str(shared / "all.zip")]) == 1
    assert "all.zip already exists" in said(capsys)
    assert main(["--db", demo_db, "export", "bundle", "--out", str(shared / "all.zip"),
                 "--force"]) == 0
    written = shared / "all.zip"
    assert all(spy.read_bytes() == b"planted" for spy in spies.values())  # not one byte
    assert not os.path.samefile(written, spies["all.zip"])
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert written.stat().st_uid == os.getuid() and written.read_bytes()[:2] == b"PK"


def test_an_existing_file_is_refused_unless_forced_and_nothing_is_written(
        demo_db, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / STORY_FILES[2]).write_bytes(b"last week's pdf")
    assert main(["--db", demo_db, "export", "story", STORY, "--out", str(out)]) == 1
    message = said(capsys)
    assert f"{out / STORY_FILES[2]} already exists" in message and "--force" in message
    assert names(out) == {STORY_FILES[2]}  # not the .md nor the .docx: none or all
    assert (out / STORY_FILES[2]).read_bytes() == b"last week's pdf"
    assert main(["--db", demo_db, "export", "story", STORY, "--out", str(out), "--force"]) == 0
    assert names(out) == set(STORY_FILES)
    assert (out / STORY_FILES[2]).read_bytes().startswith(b"%PDF")


def test_every_export_has_force(demo_db, tmp_path, capsys):
    for command in (["markdown", "--kind", "all"], ["csv"], ["qdpx", "--out", "{out}/p.qdpx"],
                    ["xlsx", "--out", "{out}/t.xlsx"], ["guide", "lfs-client"],
                    ["interview", "{session}"]):
        out = tmp_path / command[0]
        session = str(Store(open_engine(demo_db)).sessions_of_kind("interview")[0].id)[:8]
        command = [part.format(out=out, session=session) for part in command]
        if "--out" not in command:
            command += ["--out", str(out)]
        assert main(["--db", demo_db, "export", *command]) == 0, capsys.readouterr().err
        before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
        assert main(["--db", demo_db, "export", *command]) == 1, command
        assert "already exist" in said(capsys)
        assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
        assert main(["--db", demo_db, "export", *command, "--force"]) == 0, command


def test_out_naming_the_database_or_its_files_is_refused_even_with_force(
        demo_db, tmp_path, capsys):
    db = Path(demo_db)
    backups = db.with_name(db.name + ".backups")
    backups.mkdir()
    (backups / "reflect-auto-20261201T000000.db").write_bytes(b"a backup")
    beside = db.with_name(db.name + ".backup-20261201T000000.bak")
    beside.write_bytes(b"a backup")
    original = db.read_bytes()
    for target in (db, db.with_name(db.name + "-wal"),
                   backups / "reflect-auto-20261201T000000.db", beside):
        for force in ([], ["--force"]):
            assert main(["--db", demo_db, "export", "bundle", "--out", str(target),
                         *force]) == 1
            assert "is the database or one of its own files" in said(capsys)
    if sys.platform != "win32":  # a symlink to the database is the database
        link = tmp_path / "innocent.zip"
        link.symlink_to(db)
        assert main(["--db", demo_db, "export", "qdpx", "--out", str(link), "--force"]) == 1
        assert "is the database" in said(capsys)
    assert db.read_bytes() == original
    assert (backups / "reflect-auto-20261201T000000.db").read_bytes() == b"a backup"
    assert main(["--db", demo_db, "search", "Mrs"]) == 0  # still a database


@POSIX
def test_a_file_made_read_only_stays_read_only(demo_db, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["--db", demo_db, "export", "story", STORY, "--out", str(out)]) == 0
    kept = out / STORY_FILES[0]
    kept.chmod(0o400)
    before = kept.read_bytes()
    assert main(["--db", demo_db, "export", "story", STORY, "--out", str(out), "--force"]) == 1
    message = said(capsys)
    assert f"{kept} is read-only" in message and "did not change its permissions" in message
    assert stat.S_IMODE(kept.stat().st_mode) == 0o400 and kept.read_bytes() == before
    with pytest.raises(ReflectError, match="read-only"):
        files.write_private(kept, b"settings")  # the rule holds outside exports too
    assert stat.S_IMODE(kept.stat().st_mode) == 0o400


EXPORTS_FOLDER = textwrap.dedent("""
    import os, sys
    os.umask(0o022)
    from reflect.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@POSIX
def test_exports_folder_is_owner_only_whoever_makes_it(demo_db, tmp_path, isolated_data_dir):
    exports = isolated_data_dir / "exports"
    env = {**os.environ, "REFLECT_DATA_DIR": str(isolated_data_dir)}
    for command in (["export", "markdown", "--kind", "all"], ["export", "story", STORY],
                    ["export", "csv"]):
        if exports.exists():
            for path in sorted(exports.rglob("*"), reverse=True):
                path.rmdir() if path.is_dir() else path.unlink()
            exports.rmdir()
        done = subprocess.run([sys.executable, "-c", EXPORTS_FOLDER, "--db", demo_db, *command],
                              capture_output=True, text=True, cwd=ROOT, env=env)
        assert done.returncode == 0, done.stderr
        assert stat.S_IMODE(exports.stat().st_mode) == 0o700, command
        assert all(stat.S_IMODE(p.stat().st_mode) in (0o600, 0o700)
                   for p in exports.rglob("*")), command
    exports.chmod(0o755)  # left open by an older version
    assert main(["--db", demo_db, "export", "bundle"]) == 0
    assert stat.S_IMODE(exports.stat().st_mode) == 0o700


def test_library_writes_without_an_export_still_replace_their_own_files(tmp_path):
    target = tmp_path / "settings.json"
    files.write_private(target, b"one")
    files.write_private(target, b"two")
    assert target.read_bytes() == b"two" and names(tmp_path) == {"settings.json"}
    with pytest.raises(FileExists), files.exporting():
        files.write_private(target, b"three")
    assert target.read_bytes() == b"two" and names(tmp_path) == {"settings.json"}


# --- 8. every failure in words -------------------------------------------------------------

class FullDisk:
    """A file object over the temporary file that takes `room` bytes, then says ENOSPC."""

    def __init__(self, descriptor: int, room: int):
        self.file, self.room = os.fdopen(descriptor, "w+b"), room

    def write(self, data) -> int:
        if self.file.tell() + len(data) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.file.write(data)

    def __getattr__(self, name):
        return getattr(self.file, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.file.close()


FULL_DISK_EXPORTS = {
    "bundle": ["bundle", "--out", "{out}/all.zip"],
    "qdpx": ["qdpx", "--out", "{out}/all.qdpx"],
    "csv": ["csv"],
    "xlsx": ["xlsx", "--out", "{out}/all.xlsx"],
    "markdown": ["markdown", "--kind", "all"],
    "story": ["story", STORY],
    "book": ["book"],
}


@pytest.mark.parametrize("kind", list(FULL_DISK_EXPORTS))
def test_a_full_disk_is_told_in_words_and_leaves_nothing(kind, demo_db, tmp_path, capsys,
                                                       monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr(files, "_file_for", lambda descriptor: FullDisk(descriptor, 600))
    command = [part.format(out=out) for part in FULL_DISK_EXPORTS[kind]]
    if "--out" not in command:
        command += ["--out", str(out)]
    assert main(["--db", demo_db, "export", *command]) == 1
    message = said(capsys)
    assert f"could not write {out}" in message and "the disk is full" in message
    assert "Nothing was left half-written" in message
    import gc

    gc.collect()
    assert unraisable == []  # no 'Exception ignored in ZipFile.__del__'
    assert [p for p in out.rglob("*") if p.is_file()] == []  # not a .partial, not a target
    assert no_crash_report()


FULL_DISK_CHILD = textwrap.dedent("""
    import sys
    from reflect import files
    from tests.functional.test_file_writes import FullDisk
    files._file_for = lambda descriptor: FullDisk(descriptor, 900)
    from reflect.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("kind", ["bundle", "qdpx", "story"])
def test_a_full_disk_in_a_real_process_prints_no_traceback(kind, demo_db, tmp_path,
                                                         isolated_data_dir):
    out = tmp_path / "out"
    command = [part.format(out=out) for part in FULL_DISK_EXPORTS[kind]]
    if "--out" not in command:
        command += ["--out", str(out)]
    env = {**os.environ, "REFLECT_DATA_DIR": str(isolated_data_dir)}
    done = subprocess.run([sys.executable, "-c", FULL_DISK_CHILD, "--db", demo_db, "export",
                           *command], capture_output=True, text=True, cwd=ROOT, env=env)
    assert done.returncode == 1
    assert "the disk is full" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert [p for p in out.rglob("*") if p.is_file()] == []


@POSIX
def test_a_file_size_limit_from_the_system_is_told_in_words(demo_db, tmp_path,
                                                            isolated_data_dir):
    """The operating system itself refuses the write (EFBIG past RLIMIT_FSIZE, as on a
    FAT-formatted stick past 4 GB): the same plain sentence, nothing left behind."""
    import resource
    import signal

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    out = tmp_path / "out"
    env = {**os.environ, "REFLECT_DATA_DIR": str(isolated_data_dir)}
    done = subprocess.run([sys.executable, "-m", "reflect", "--db", demo_db, "export", "story",
                           STORY, "--out", str(out)], capture_output=True, text=True, cwd=ROOT,
                          env=env, preexec_fn=limited)
    assert done.returncode == 1, done.stderr
    assert f"could not write {out / STORY_FILES[2]}: the file is larger" in \
        " ".join(done.stderr.split())
    assert "Traceback" not in done.stderr
    assert [p for p in out.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("limit", ["100000000000000000000", "10^20", "0", "-1"])
def test_a_limit_out_of_range_is_a_usage_error(limit, demo_db, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--db", demo_db, "search", "--limit", limit, "Mrs"])
    assert stopped.value.code == 2
    assert f"'{limit}' is not a whole number from 1 to 10,000" in capsys.readouterr().err
    assert no_crash_report()


def test_bytes_that_are_not_utf8_in_arguments_or_variables_are_named(demo_db, capsys,
                                                                     monkeypatch):
    assert main(["--db", demo_db, "search", "caf\udce9"]) == 1  # b"caf\xe9", Latin-1
    assert "argument 4 (caf\ufffd) is not valid UTF-8 text" in said(capsys)
    monkeypatch.setenv("REFLECT_PASSPHRASE", "\udcffa long enough passphrase")
    assert main(["--db", demo_db, "search", "Mrs"]) == 1
    message = said(capsys)
    assert "REFLECT_PASSPHRASE is not valid UTF-8 text" in message
    assert "long enough" not in message  # a passphrase is never printed
    assert no_crash_report()


@POSIX
def test_bytes_that_are_not_utf8_from_a_real_shell(demo_db, tmp_path, isolated_data_dir):
    env = {**os.environb, b"REFLECT_DATA_DIR": bytes(isolated_data_dir)}
    done = subprocess.run([sys.executable.encode(), b"-m", b"reflect", b"--db",
                           demo_db.encode(), b"search", b"\xff\xfe"], capture_output=True,
                          cwd=ROOT, env=env)
    assert done.returncode == 1
    assert b"is not valid UTF-8 text" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("db", ["sqlite:///:memory:", ":memory:", "sqlite://"])
def test_a_database_in_memory_is_refused(db, capsys):
    assert main(["--db", db, "demo"]) == 1
    assert "is a database in memory" in said(capsys)
    assert no_crash_report()


def test_a_backup_that_cannot_be_written_says_where(demo_db, tmp_path, capsys):
    target = tmp_path / "no such folder" / "x.db"
    assert main(["--db", demo_db, "backup", str(target)]) == 1
    message = said(capsys)
    assert f"could not write the backup to {target}" in message
    if Path("/proc").is_dir():
        assert main(["--db", demo_db, "backup", "/proc/x.db"]) == 1
        assert "could not write the backup to /proc/x.db" in said(capsys)
    assert no_crash_report()


def test_a_data_dir_that_cannot_be_made_is_told_in_words(tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("REFLECT_DATA_DIR", str(blocker / "reflect"))
    assert main(["where"]) == 1
    assert f"cannot create the data folder {blocker / 'reflect'}" in said(capsys)


def test_an_out_folder_blocked_by_a_file_is_told_in_words(demo_db, tmp_path, capsys):
    blocker = tmp_path / "a file"
    blocker.write_text("")
    assert main(["--db", demo_db, "export", "markdown", "--out", str(blocker / "md")]) == 1
    assert f"could not write {blocker / 'md'}: its folder does not exist" in said(capsys)
    assert blocker.read_text() == ""


def test_where_hides_a_password_in_the_url(capsys):
    assert main(["--db", "postgresql://bob:s3cret@db.example/reflect?password=s3cret2",
                 "where"]) == 0
    out = capsys.readouterr().out
    assert "s3cret" not in out and "postgresql://bob:***@db.example/reflect?password=***" in out
    assert main(["--db", "postgresql://bob:s3cret@db.example/reflect", "passphrase"]) == 1
    assert "postgresql://bob:***@db.example/reflect is not an encrypted" in said(capsys)
    assert paths.shown_db("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"
    assert paths.shown_db("postgresql://bob@h/x") == "postgresql://bob@h/x"


# --- the app asks before replacing ---------------------------------------------------------

async def test_the_app_asks_before_replacing_an_earlier_export(catalog, tmp_path,
                                                              isolated_data_dir):
    from reflect_tui.app import make_app
    from reflect_tui.confirm import ConfirmDialog
    from reflect_tui.story import StoryScreen
    from tests.ui_helpers import Told, shown

    engine = open_engine(str(tmp_path / "app.db"))
    store = Store(engine)
    load_demo(store, catalog)
    story = store.find_story(STORY)
    exports = isolated_data_dir / "exports"
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(100, 34), message_hook=told) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert names(exports) == set(STORY_FILES)
        (exports / STORY_FILES[0]).write_text("my own edits")
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        body = shown(app, "#confirm-body")
        assert STORY_FILES[0] in body and "from an earlier export" in body
        await pilot.click("#no")
        await pilot.pause()
        assert (exports / STORY_FILES[0]).read_text() == "my own edits"
        assert names(exports) == set(STORY_FILES)
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"# {STORY}" in (exports / STORY_FILES[0]).read_text()
        assert names(exports) == set(STORY_FILES)
        assert any("story-keeping-mrs-a-at-home.md" in said for said in told.messages)
    if sys.platform != "win32":
        assert stat.S_IMODE(exports.stat().st_mode) == 0o700
