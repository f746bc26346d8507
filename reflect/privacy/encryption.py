"""Encryption at rest with SQLCipher: the whole database file, its WAL and the search index.

SQLCipher (through the maintained `sqlcipher3` binding) encrypts every page with AES-256 and
authenticates it with HMAC-SHA512; the key comes from the passphrase by PBKDF2-HMAC-SHA512
(256,000 iterations, a random salt per file). Field-level encryption would have left the
full-text index, which holds every word, readable; whole-file encryption does not.

A database is encrypted or not from its creation (or from `reflect encrypt`); an encrypted
file does not start with SQLite's header, which is how reflect knows to ask for the passphrase.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

from reflect.errors import ReflectError
from reflect.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
PASSPHRASE_ENV = "REFLECT_PASSPHRASE"
MIN_LENGTH = 8


class PassphraseNeeded(ReflectError):
    """The database is encrypted and no passphrase was given."""


class WrongPassphrase(ReflectError):
    """The passphrase does not open the database (checked before anything is written)."""


def cipher() -> ModuleType:
    try:
        import sqlcipher3
    except ImportError:
        raise ReflectError(_("encryption needs the sqlcipher3 package, which is not installed "
                             "(pip install sqlcipher3)")) from None
    module: ModuleType = sqlcipher3
    return module


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like an encrypted database: whole pages (a multiple of 512
    bytes) not starting with SQLite's header. Only the passphrase can tell it from a damaged
    database; any other file (a document, a cut copy) is left to the 'not SQLite' message."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False
    return size >= 512 and size % 512 == 0 and header != SQLITE_HEADER


def normalized(passphrase: str) -> str:
    """The passphrase in Unicode NFC: 'é' typed as one character or as e + accent (macOS
    keyboards, some input methods) is the same passphrase."""
    return unicodedata.normalize("NFC", passphrase)


def forms(passphrase: str) -> list[str]:
    """The forms to try when opening: NFC first (every passphrase set since normalization
    came in), then as typed and NFD (databases keyed before it)."""
    return list(dict.fromkeys([normalized(passphrase), passphrase,
                               unicodedata.normalize("NFD", passphrase)]))


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> str:
    """The one rule for every new passphrase (app, commands, environment variables, key
    file): at least MIN_LENGTH characters besides spaces. Returns it normalized (NFC)."""
    passphrase = normalized(passphrase)
    if len(passphrase.strip()) < MIN_LENGTH or len("".join(passphrase.split())) < MIN_LENGTH:
        raise ReflectError(_("a passphrase needs at least {MIN_LENGTH} characters besides spaces;"
                             " several words are easier to remember and harder to guess").format(
                               MIN_LENGTH=MIN_LENGTH))
    if repeated is not None and normalized(repeated) != passphrase:
        raise ReflectError(_("the two passphrases differ; type the same one twice"))
    return passphrase


def key_pragma(passphrase: str) -> str:
    """PRAGMA key as SQL, the passphrase quoted safely (SQLCipher runs its KDF on it)."""
    return "PRAGMA key = '" + passphrase.replace("'", "''") + "'"


def connect(path: Path, passphrase: str) -> Any:  # a sqlcipher3 connection (no types)
    """A raw SQLCipher connection, keyed and checked (each form of the passphrase in turn):
    WrongPassphrase if none opens it."""
    for form in forms(passphrase):
        connection = cipher().connect(str(path))
        connection.execute("PRAGMA cipher_log_level = NONE")  # never write to the terminal
        connection.execute(key_pragma(form))
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except cipher().DatabaseError:
            connection.close()
            continue
        return connection
    raise WrongPassphrase(_("wrong passphrase for {where} (or it is not a reflect database); "
                            "nothing was changed").format(where=path))


def env_passphrase() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def encrypt_file(path: Path, passphrase: str) -> None:
    """Turn a plain SQLite database into an encrypted one in place. The copies kept beside
    it are the caller's to encrypt too (reflect.privacy.copies)."""
    passphrase = check_new_passphrase(passphrase)
    if is_encrypted(path):
        raise ReflectError(_("{path} is already encrypted; use 'reflect passphrase' to change its"
                             " passphrase").format(path=path))
    encrypt_in_place(path, passphrase)


def encrypt_in_place(path: Path, passphrase: str) -> None:
    """Encrypt a plain SQLite file: an encrypted copy under a temporary name, checked whole,
    then put in its place (with anything its write-ahead log held)."""
    partial = path.with_name(f".{path.name}.encrypting")
    partial.unlink(missing_ok=True)
    plain = cipher().connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(partial), passphrase))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    except cipher().Error:
        partial.unlink(missing_ok=True)
        raise
    finally:
        plain.close()
    check = connect(partial, passphrase)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            partial.unlink(missing_ok=True)
            raise ReflectError(_("the encrypted copy did not pass its check; the database was "
                                 "left as it was"))
        check.execute("PRAGMA journal_mode = WAL")
    finally:
        check.close()
    partial.chmod(0o600)
    for sidecar in sidecars(path):
        sidecar.unlink(missing_ok=True)
    os.replace(partial, path)


def change_passphrase(path: Path, old: str, new: str) -> None:
    new = check_new_passphrase(new)
    connection = connect(path, old)
    try:
        connection.execute("PRAGMA rekey = '" + new.replace("'", "''") + "'")
    finally:
        connection.close()
    connect(path, new).close()
