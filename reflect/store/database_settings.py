"""Settings kept in the database itself, shared by everyone who opens it (the book's title
page), as opposed to the user's own settings file (reflect.settings)."""

from __future__ import annotations

from sqlmodel import col, select

from reflect.models import AuditEvent, DatabaseSetting, utcnow
from reflect.store.base import StoreBase, digest

SETTING_LIMIT = 2_000
"""The longest value kept (a title page's line, not a document)."""


class DatabaseSettingStore(StoreBase):
    """Named values, read by prefix ('book.') and saved together in one transaction."""

    def database_settings(self, prefix: str) -> dict[str, str]:
        """The values whose key starts with `prefix`, by key."""
        with self._db() as db:
            rows = db.exec(select(DatabaseSetting)
                           .where(col(DatabaseSetting.key).startswith(prefix, autoescape=True)))
            return {row.key: row.value for row in rows}

    def save_database_settings(self, values: dict[str, str]) -> None:
        """Keep every value (an empty one removes its key), all in one transaction; the audit
        trail records which keys changed, their values by hash only."""
        with self._db() as db:
            for key, value in values.items():
                value = value[:SETTING_LIMIT]
                row = db.get(DatabaseSetting, key)
                old = row.value if row is not None else None
                if (old or "") == value:
                    continue
                if not value:
                    assert row is not None
                    db.delete(row)
                elif row is None:
                    db.add(DatabaseSetting(key=key, value=value))
                else:
                    row.value, row.updated_at = value, utcnow()
                    db.add(row)
                # the key stands for the id (a setting has no other)
                db.add(AuditEvent(entity="setting", entity_id=key, action="update",
                                  old_hash=digest(old), new_hash=digest(value or None)))
            db.commit()
