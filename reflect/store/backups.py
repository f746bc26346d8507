"""Finding damage and a way back: a quick check of the file, automatic daily backups (the
last seven kept, owner-only, encrypted like the database) and restoring one of them.

The app checks the database in the background after opening it and makes at most one
automatic backup a day, only of a database that passed the check (so a damaged file never
pushes good backups out). `reflect check` and `reflect restore` do the same from the shell.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from reflect import inuse
from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import utcnow
from reflect.privacy import encryption
from reflect.store.engine import backup_sqlite, passphrase_of, sqlite_path

KEEP = 7
"""Automatic backups kept; the oldest goes when an eighth is made."""


def backups_dir(db: Path) -> Path:
    return db.with_name(db.name + ".backups")


def automatic_backups(db: Path) -> list[Path]:
    """The automatic backups of a database file, newest first."""
    folder = backups_dir(db)
    found = folder.glob(f"{db.stem}-auto-*.db") if folder.is_dir() else []
    return sorted(found, reverse=True)


def quick_check(engine: Engine) -> str | None:
    """None when SQLite's quick_check finds nothing wrong, else what it found (first lines).
    A database server checks itself: None."""
    if sqlite_path(str(engine.url)) is None:
        return None
    try:
        with engine.connect() as conn:
            rows = [row[0] for row in conn.exec_driver_sql("PRAGMA quick_check").all()]
    except Exception as exc:  # noqa: BLE001 - a damaged file fails in many ways
        return str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return None if rows == ["ok"] else "; ".join(rows[:3])


def daily_backup(engine: Engine, now: datetime | None = None) -> Path | None:
    """Back the database up unless today's backup exists; keep the newest KEEP."""
    db = sqlite_path(str(engine.url))
    if db is None:
        return None
    now = now or utcnow()
    existing = automatic_backups(db)
    if existing and existing[0].name.startswith(f"{db.stem}-auto-{now:%Y%m%d}"):
        return None
    folder = backups_dir(db)
    folder.mkdir(mode=0o700, exist_ok=True)
    made = backup_sqlite(db, "auto", target=folder / f"{db.stem}-auto-{now:%Y%m%dT%H%M%S}.db",
                         passphrase=passphrase_of(engine))
    for old in automatic_backups(db)[KEEP:]:
        old.unlink(missing_ok=True)
    return made


def backup_date(backup: Path) -> str:
    stamp = backup.stem.rsplit("-auto-", 1)[-1]
    try:
        moment = datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _check_copy(backup: Path, passphrase: str | None) -> None:
    import sqlite3

    try:
        connection = encryption.connect(backup, passphrase) if passphrase is not None \
            else sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except (sqlite3.DatabaseError, encryption.cipher().DatabaseError) as exc:
        result = str(exc)
    if result != "ok":
        raise ReflectError(_("the backup {backup} is damaged too ({result}); choose "
                             "another").format(backup=backup, result=result))


def _keep_current(db: Path, passphrase: str | None) -> Path:
    """A copy of the file about to be replaced: through SQLite when it can still read it,
    else byte for byte (with its WAL) when it is too damaged for that."""
    try:
        return backup_sqlite(db, "before-restore", passphrase=passphrase)
    except Exception:  # noqa: BLE001 - damaged beyond reading: keep the bytes
        target = db.with_name(f"{db.name}.before-restore-{utcnow():%Y%m%dT%H%M%S}.raw")
        for source, suffix in ((db, ""), *((s, s.name[len(db.name):])
                                          for s in encryption.sidecars(db) if s.exists())):
            copy = target.with_name(target.name + suffix)
            copy.write_bytes(source.read_bytes())
            copy.chmod(0o600)
        return target


def restore(db: Path, backup: Path, passphrase: str | None = None) -> Path:
    """Put a backup in place of the database, after checking it. The current file is kept
    first (as `<db>.before-restore-<time>.bak`, with anything still in its WAL). Refused
    while another program has the database open. Returns the kept copy."""
    _check_copy(backup, passphrase)
    with inuse.rewriting(db, "restore a backup over"):
        kept = _keep_current(db, passphrase) if db.exists() else None
        partial = db.with_name(f".{db.name}.restoring")
        partial.write_bytes(backup.read_bytes())
        partial.chmod(0o600)
        for sidecar in encryption.sidecars(db):
            sidecar.unlink(missing_ok=True)
        os.replace(partial, db)
    return kept
