"""Finding damage and a way back: a quick check of the file, automatic daily backups (the
last seven kept, owner-only, encrypted like the database) and restoring one of them.

The app checks the database in the background after opening it and makes at most one
automatic backup a day, only of a database that passed the check (so a damaged file never
pushes good backups out). `reflect check` and `reflect restore` do the same from the shell.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from reflect import inuse
from reflect.errors import ReflectError
from reflect.files import make_private_dirs
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
    # an empty file is what a full disk left before backups were checked: never offered
    return sorted((backup for backup in found if backup.stat().st_size > 0), reverse=True)


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
    """Back the database up unless today's backup exists; keep the newest KEEP.

    The copy is written under a temporary name and takes its real name only once complete
    and checked, so a full disk leaves nothing that could pass for today's backup (the next
    start tries again). A backup is today's when the newest one's time is today or later: a
    clock set back makes no backup that would sort among the oldest and be pruned at once."""
    db = sqlite_path(str(engine.url))
    if db is None:
        return None
    now = now or utcnow()
    existing = automatic_backups(db)
    if existing and (newest := _made_at(existing[0])) is not None \
            and newest.date() >= now.date():
        return None
    folder = backups_dir(db)
    make_private_dirs(folder)
    target = folder / f"{db.stem}-auto-{now:%Y%m%dT%H%M%S}.db"
    partial = folder / f".{target.name}.{secrets.token_hex(6)}.partial"
    passphrase = passphrase_of(engine)
    try:
        backup_sqlite(db, "auto", target=partial, passphrase=passphrase)
        _check_copy(partial, passphrase)
        for log in encryption.sidecars(partial):  # left by the check's read-only connection
            log.unlink(missing_ok=True)
        os.replace(partial, target)
    except (OSError, sqlite3.Error, encryption.cipher().Error, ReflectError) as exc:
        for path in (partial, *encryption.sidecars(partial)):
            path.unlink(missing_ok=True)
        raise ReflectError(_("today's automatic backup could not be made ({problem}); it "
                             "is tried again at the next start").format(
            problem=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)) from None
    for old in automatic_backups(db)[KEEP:]:
        old.unlink(missing_ok=True)
    return target


def _made_at(backup: Path) -> datetime | None:
    try:
        return datetime.strptime(backup.stem.rsplit("-auto-", 1)[-1],
                                 "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def backup_date(backup: Path) -> str:
    moment = _made_at(backup)
    if moment is None:
        return backup.stem.rsplit("-auto-", 1)[-1]
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _check_copy(backup: Path, passphrase: str | None) -> None:
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


def restore(db: Path, backup: Path, passphrase: str | None = None) -> Path | None:
    """Put a backup in place of the database, after checking it. The current file is kept
    first (as `<db>.before-restore-<time>.bak`, with anything still in its WAL). Refused
    while another program has the database open. Returns the kept copy (None when there was
    no database to keep).

    An encrypted database stays encrypted: a plain backup is encrypted with the database's
    passphrase on its way in (refused without it)."""
    plain_backup = not encryption.is_encrypted(backup)
    _check_copy(backup, None if plain_backup else passphrase)
    rekey = plain_backup and db.exists() and encryption.is_encrypted(db)
    if rekey and passphrase is None:
        raise ReflectError(_("{db} is encrypted and {backup} is not: give the database's "
                             "passphrase, and the backup is encrypted with it on its way "
                             "in").format(db=db, backup=backup))
    with inuse.rewriting(db, inuse.RESTORE):
        kept = _keep_current(db, passphrase if encryption.is_encrypted(db) else None) \
            if db.exists() else None
        partial = db.with_name(f".{db.name}.restoring")
        partial.unlink(missing_ok=True)
        partial.write_bytes(backup.read_bytes())
        partial.chmod(0o600)
        if rekey:
            assert passphrase is not None  # refused above without one
            encryption.encrypt_in_place(partial, passphrase)
        for sidecar in encryption.sidecars(db):
            sidecar.unlink(missing_ok=True)
        os.replace(partial, db)
    return kept
