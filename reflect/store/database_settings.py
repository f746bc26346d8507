"""Settings kept in the database itself, shared by everyone who opens it (the book's title
page), as opposed to the user's own settings file (reflect.settings).

The table is defined here rather than in reflect.models (which is at its size limit); it is
registered on SQLModel.metadata whenever reflect.store is imported, which reflect.store.schema
(a module of this package) always is before it creates or compares tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel, col, select

from reflect.models import AuditEvent, UTCDateTime, utcnow
from reflect.store.base import StoreBase, digest


class DatabaseSetting(SQLModel, table=True):
    """A choice remembered by this database rather than by the user's settings file: the
    book's title page (title, subtitle, department, editors, year), so that everyone who
    prints the book from the same database gets the same one. Keys name their use
    ('book.title'); never answer text."""

    key: str = Field(primary_key=True)
    value: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

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
