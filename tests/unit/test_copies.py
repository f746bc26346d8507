"""Every copy reflect keeps follows the database (issue 29, items 1 and 7): encryption covers
the backups and the copies beside the file, a restore never turns an encrypted database
plain, a backup that failed leaves nothing, and a clock set back prunes no good backup."""

from __future__ import annotations

import os
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.errors import ReflectError
from reflect.models import utcnow
from reflect.privacy.encryption import connect, is_encrypted
from reflect.store import Store
from reflect.store import backups as backups_module
from reflect.store.backups import automatic_backups, daily_backup, restore
from reflect.store.engine import backup_sqlite, open_engine
from tests.unit.test_encryption import (
    PASSPHRASE,
    SECRETS,
    assert_no_secret,
    everything_on_disk,
    fill,
)


def plain_database_with_copies(folder: Path, catalog) -> Path:
    """A plain database holding SECRETS, with every kind of copy reflect keeps beside it: an
    automatic backup, an upgrade's copy, a raw copy of a damaged file with its log, and a
    half-written backup a full disk left behind."""
    db = folder / "reflect.db"
    engine = open_engine(str(db))
    fill(Store(engine), catalog)
    daily_backup(engine)
    backup_sqlite(db, "v5")
    raw = db.with_name("reflect.db.before-restore-20261201T100000.raw")
    raw.write_bytes(db.read_bytes())
    raw.with_name(raw.name + "-wal").write_bytes(SECRETS[0].encode() * 10)
    (db.with_name("reflect.db.backups") / ".reflect-auto-20261202T100000.db.ab12.partial") \
        .write_bytes(db.read_bytes())
    engine.dispose()
    return db


def test_encrypt_leaves_no_readable_copy_anywhere(tmp_path, catalog, monkeypatch, capsys):
    db = plain_database_with_copies(tmp_path, catalog)
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db), "encrypt"]) == 0
    said = capsys.readouterr().out
    assert "2 backups and copies beside it are encrypted the same way" in said
    assert said.count("Removed ") == 2 and ".raw" in said and ".partial" in said
    assert_no_secret(everything_on_disk(tmp_path))
    [backup] = automatic_backups(db)
    assert is_encrypted(backup)
    assert Store(open_engine(str(backup), PASSPHRASE)).stories()[0].title == "Lotte's story"


def test_a_new_passphrase_rekeys_the_backups(tmp_path, catalog, monkeypatch, capsys):
    db = plain_database_with_copies(tmp_path, catalog)
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db), "encrypt"]) == 0
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", "an entirely new phrase")
    assert main(["--db", str(db), "passphrase"]) == 0
    assert "are encrypted the same way" in capsys.readouterr().out
    for copy in [*automatic_backups(db), *tmp_path.glob("reflect.db.*.bak")]:
        connect(copy, "an entirely new phrase").close()
        with pytest.raises(ReflectError):
            connect(copy, PASSPHRASE)


def test_restore_keeps_an_encrypted_database_encrypted(tmp_path, catalog, monkeypatch,
                                                       capsys):
    db = tmp_path / "reflect.db"
    engine = open_engine(str(db))
    fill(Store(engine), catalog)
    engine.dispose()
    plain_backup = tmp_path / "kept-elsewhere.db"
    plain_backup.write_bytes(db.read_bytes())
    monkeypatch.setenv("REFLECT_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db), "encrypt"]) == 0
    monkeypatch.delenv("REFLECT_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main(["--db", str(db), "restore", str(plain_backup), "--yes"]) == 1
    assert "passphrase" in capsys.readouterr().err  # asked for, not skipped
    with pytest.raises(ReflectError, match="is encrypted and .* is not"):
        restore(db, plain_backup, None)
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db), "restore", str(plain_backup), "--yes"]) == 0
    plain_backup.unlink()
    assert is_encrypted(db)
    assert_no_secret(everything_on_disk(tmp_path))
    assert Store(open_engine(str(db), PASSPHRASE)).stories()[0].title == "Lotte's story"


def test_a_backup_cut_short_by_a_full_disk_leaves_nothing_and_is_tried_again(
        tmp_path, catalog, monkeypatch):
    db = tmp_path / "reflect.db"
    engine = open_engine(str(db))
    fill(Store(engine), catalog)
    real = backups_module.backup_sqlite

    def disk_full(path, suffix, target=None, passphrase=None):
        target.write_bytes(b"")  # what the full disk let through
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups_module, "backup_sqlite", disk_full)
    with pytest.raises(ReflectError, match="could not be made .*database or disk is full"):
        daily_backup(engine)
    assert list((tmp_path / "reflect.db.backups").iterdir()) == []
    assert automatic_backups(db) == []
    monkeypatch.setattr(backups_module, "backup_sqlite", real)
    assert daily_backup(engine) is not None  # the next start makes it
    [backup] = automatic_backups(db)
    assert backup.stat().st_size > 0


def test_an_empty_backup_left_by_an_older_reflect_is_never_offered(tmp_path, catalog):
    db = tmp_path / "reflect.db"
    engine = open_engine(str(db))
    fill(Store(engine), catalog)
    folder = tmp_path / "reflect.db.backups"
    folder.mkdir()
    (folder / f"reflect-auto-{utcnow():%Y%m%dT%H%M%S}.db").write_bytes(b"")
    assert automatic_backups(db) == []
    assert daily_backup(engine) is not None  # not mistaken for today's


def test_a_clock_set_back_prunes_no_good_backup(tmp_path, catalog):
    db = tmp_path / "reflect.db"
    engine = open_engine(str(db))
    fill(Store(engine), catalog)
    start = utcnow()
    for day in range(7):
        daily_backup(engine, start + timedelta(days=day))
    before = automatic_backups(db)
    assert len(before) == 7
    assert daily_backup(engine, start - timedelta(days=3)) is None
    assert automatic_backups(db) == before


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_a_database_made_read_only_stays_read_only(tmp_path, catalog):
    db = tmp_path / "reflect.db"
    engine = open_engine(str(db))
    fill(Store(engine), catalog)
    engine.dispose()
    for path in (db, *tmp_path.glob("reflect.db-*")):
        path.chmod(0o400)
    try:
        open_engine(str(db)).dispose()
    except ReflectError as exc:  # as a user who is not root: it cannot be written
        assert "read-only" in str(exc)
    assert db.stat().st_mode & 0o777 == 0o400
