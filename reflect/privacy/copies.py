"""The copies reflect keeps of a database follow its encryption (issue 29, item 1).

Beside a database file live the automatic backups (`<db>.backups/`), the copies made before
an upgrade or a restore (`<db>.v5-….bak`, `<db>.before-restore-….bak`) and, when a damaged
file could only be copied byte for byte, `<db>.before-restore-….raw` with its log. Encrypting
the database, or changing its passphrase, must not leave any of them readable with less:
each is re-keyed, and one that cannot be (a raw copy, a damaged file, an unknown
passphrase) is removed, and the caller says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reflect.errors import ReflectError
from reflect.privacy import encryption


@dataclass
class CopiesDone:
    rekeyed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def copies_of(db: Path) -> list[Path]:
    """Every file reflect made beside `db` that holds (or held) its contents."""
    found = [path for pattern in (f"{db.name}.*.bak", f"{db.name}.*.raw*")
             for path in db.parent.glob(pattern) if path.is_file()]
    folder = db.with_name(db.name + ".backups")
    if folder.is_dir():
        found += [path for path in folder.iterdir() if path.is_file()]
    main_files = {path.name for path in found}
    return sorted(path for path in found  # a log goes with its file (see _remove)
                  if not any(path.name == name + suffix for name in main_files
                             for suffix in ("-wal", "-shm", "-journal")))


def _is_database_copy(path: Path) -> bool:
    return path.suffix in (".bak", ".db") and not path.name.startswith(".")


def encrypt_copies(db: Path, passphrase: str) -> CopiesDone:
    """After `db` was encrypted: every plain copy encrypted with the same passphrase."""
    def key(copy: Path) -> bool:
        if encryption.is_encrypted(copy):
            return False  # already encrypted (an earlier passphrase is rekey_copies' business)
        encryption.encrypt_in_place(copy, passphrase)
        return True

    return _each_copy(db, key)


def rekey_copies(db: Path, old: str, new: str) -> CopiesDone:
    """After the passphrase of `db` changed: every copy re-keyed from the old one (a plain
    copy encrypted with the new one); those that open with neither are removed."""
    def key(copy: Path) -> bool:
        if not encryption.is_encrypted(copy):
            encryption.encrypt_in_place(copy, new)
            return True
        try:
            encryption.change_passphrase(copy, old, new)
        except encryption.WrongPassphrase:
            encryption.connect(copy, new).close()  # already on the new one: kept as it is
            return False
        return True

    return _each_copy(db, key)


def _each_copy(db: Path, key: Callable[[Path], bool]) -> CopiesDone:
    """Key every copy of `db` (`key` says whether it changed it); a copy that is no database
    (a raw copy, a half-written backup) or cannot be keyed is removed."""
    done = CopiesDone()
    for copy in copies_of(db):
        try:
            if not _is_database_copy(copy):
                _remove(copy, done)
            elif key(copy):
                done.rekeyed.append(copy)
        except (ReflectError, OSError, encryption.cipher().Error):
            _remove(copy, done)
    return done


def _remove(copy: Path, done: CopiesDone) -> None:
    for path in (copy, *encryption.sidecars(copy)):
        path.unlink(missing_ok=True)
    done.removed.append(copy)
