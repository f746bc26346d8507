"""The research team's key file: pseudonyms to real names, in a separate encrypted file.

The interview database holds pseudonyms only. Whoever needs to go back to a person (the
research lead, for consent follow-up) keeps this file, always encrypted with its own
passphrase (SQLCipher), apart from the database the students share. Redacted exports use
it too: every real name it holds is replaced by its pseudonym.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.models import utcnow
from reflect.privacy import encryption
from reflect.privacy.redact import Term

PASSPHRASE_ENV = "REFLECT_KEYS_PASSPHRASE"

SCHEMA = """CREATE TABLE IF NOT EXISTS person_key (
    id TEXT PRIMARY KEY,
    pseudonym TEXT NOT NULL,
    real_name TEXT NOT NULL,
    story TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
)"""


@dataclass(frozen=True)
class PersonKey:
    id: str
    pseudonym: str
    real_name: str
    story: str


class KeyFile:
    """Open (or create, with a new passphrase) the key file; WrongPassphrase if it does not
    open it."""

    def __init__(self, path: Path, passphrase: str):
        if not path.exists():
            encryption.check_new_passphrase(passphrase)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
        elif path.stat().st_size and not encryption.is_encrypted(path):
            raise ReflectError(_("{path} is not a reflect key file (it is not encrypted)").format(
                                   path=path))
        self.path = path
        self.connection = encryption.connect(path, passphrase)
        with self.connection:
            self.connection.execute(SCHEMA)
        path.chmod(0o600)

    def close(self) -> None:
        self.connection.close()

    def add(self, pseudonym: str, real_name: str, story: str = "") -> PersonKey:
        pseudonym, real_name = " ".join(pseudonym.split()), " ".join(real_name.split())
        if not pseudonym or not real_name:
            raise ReflectError(_("a key needs both the pseudonym and the real name"))
        key = PersonKey(str(uuid.uuid4()), pseudonym, real_name, story.strip())
        with self.connection:
            self.connection.execute(
                "INSERT INTO person_key VALUES (?, ?, ?, ?, ?)",
                (key.id, key.pseudonym, key.real_name, key.story, utcnow().isoformat()))
        return key

    def entries(self) -> list[PersonKey]:
        rows = self.connection.execute(
            "SELECT id, pseudonym, real_name, story FROM person_key ORDER BY pseudonym")
        return [PersonKey(*row) for row in rows]

    def remove(self, pseudonym: str) -> int:
        with self.connection:
            cursor = self.connection.execute(
                "DELETE FROM person_key WHERE lower(pseudonym) = lower(?)", (pseudonym.strip(),))
        removed: int = cursor.rowcount
        return removed

    def redaction_terms(self) -> list[Term]:
        """Each real name (and each part of it longer than 2 letters) -> its pseudonym."""
        terms = []
        for key in self.entries():
            terms.append(Term(key.real_name, key.pseudonym))
            terms += [Term(part, key.pseudonym) for part in key.real_name.split()
                      if len(part) > 2]
        return terms
