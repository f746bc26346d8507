"""Damage is found and explained, and there is a way back: the background check, automatic
daily backups (seven kept) and reflect restore."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reflect.cli import main
from reflect.exchange.demo import load_demo
from reflect.inuse import OpenMark
from reflect.models import utcnow
from reflect.privacy.encryption import is_encrypted
from reflect.store import Store
from reflect.store.backups import automatic_backups, daily_backup, quick_check
from reflect.store.engine import open_engine
from reflect_tui.app import make_app
from reflect_tui.confirm import ConfirmDialog

pytestmark = pytest.mark.sqlite_only


def demo_db(path, catalog, passphrase=None):
    engine = open_engine(str(path), passphrase)
    load_demo(Store(engine), catalog)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return engine


def damage(path) -> None:
    """Overwrite pages among the answers with noise, as a failing disk would: past the
    pages made with the schema (the tables' first pages, the schema's own, which a damaged
    file cannot even be opened without), in the data written after them."""
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page * 17 // 20) * page
    data[middle:middle + 3 * page] = bytes((i * 37) % 251 for i in range(3 * page))
    path.write_bytes(bytes(data))


def test_damage_in_the_middle_is_found_and_check_says_what_to_do(tmp_path, catalog, capsys):
    db = tmp_path / "reflect.db"
    engine = demo_db(db, catalog)
    assert quick_check(engine) is None
    daily_backup(engine)
    engine.dispose()
    damage(db)
    assert quick_check(open_engine(str(db))) is not None
    assert main(["--db", str(db), "check"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and "reflect restore 1" in err


def test_one_automatic_backup_a_day_seven_kept_owner_only(tmp_path, catalog):
    engine = demo_db(tmp_path / "reflect.db", catalog, "seven green lanterns")
    start = utcnow()
    assert daily_backup(engine, start) is not None
    assert daily_backup(engine, start + timedelta(minutes=5)) is None  # same day
    for day in range(1, 10):
        daily_backup(engine, start + timedelta(days=day))
    backups = automatic_backups(tmp_path / "reflect.db")
    assert len(backups) == 7
    assert all(b.stat().st_mode & 0o777 == 0o600 and is_encrypted(b) for b in backups)
    assert backups[0].name > backups[-1].name  # newest first


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file(tmp_path, catalog, capsys):
    db = tmp_path / "reflect.db"
    engine = demo_db(db, catalog)
    daily_backup(engine)
    engine.dispose()
    damage(db)
    assert main(["--db", str(db), "restore"]) == 0
    assert "1. " in capsys.readouterr().out
    mark = OpenMark(db, "the reflect app")
    assert main(["--db", str(db), "restore", "1", "--yes"]) == 1
    assert "while it is open in the reflect app" in capsys.readouterr().err
    mark.close()
    assert main(["--db", str(db), "restore", "1", "--yes"]) == 0
    assert "is kept as" in capsys.readouterr().out
    restored = open_engine(str(db))
    assert quick_check(restored) is None and len(Store(restored).stories()) == 5
    assert list(tmp_path.glob("reflect.db.before-restore-*"))


async def test_the_app_checks_after_opening_and_makes_the_days_backup(tmp_path, catalog):
    db = tmp_path / "reflect.db"
    demo_db(db, catalog).dispose()
    app = make_app(db=str(db))
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
    [backup] = automatic_backups(db)
    damage(db)
    app = make_app(db=str(db))
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "damage" in app.screen.body and "reflect restore 1" in app.screen.body
    assert automatic_backups(db) == [backup]  # a damaged file makes no backup
