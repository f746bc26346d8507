"""Statuses are stored by value, as roles and outcomes are (revision 0016, issue 30 point 4),
and the revision goes back down: on SQLite (text) and PostgreSQL (native enum types)."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import text

from reflect.models import ActionStatus, SessionStatus, StoryStatus
from reflect.store import Store, schema
from reflect.store.engine import open_engine

pytestmark = pytest.mark.both_backends


def _stored(engine) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT status FROM {table}")).scalar_one()
                     for table in ("story", "session", "actionitem"))


def _labels(engine, enum_type: str) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text(
            "SELECT enumlabel FROM pg_enum JOIN pg_type ON pg_type.oid = enumtypid "
            "WHERE typname = :name ORDER BY enumsortorder"), {"name": enum_type}).scalars())


def _to(engine, revision: str, *, down: bool) -> None:
    with engine.connect() as conn:
        config = schema._alembic_config(conn)  # noqa: SLF001
        (command.downgrade if down else command.upgrade)(config, revision)
        conn.commit()


def test_statuses_are_stored_by_value_and_0016_goes_down_and_up_again(
        backend, new_database, catalog):
    db = new_database()
    engine = open_engine(db)
    store = Store(engine)
    story = store.create_story("Back to school", status=StoryStatus.INTERVIEWING)
    reflection = store.start_reflection(catalog.get("good-practice"), "Dana")
    store.set_session_status(reflection.id, SessionStatus.COMPLETED)
    store.add_action(reflection.id, "Call the school", review_on=date(2026, 12, 20))
    assert _stored(engine) == ("interviewing", "completed", "open")

    _to(engine, "0015", down=True)
    assert _stored(engine) == ("INTERVIEWING", "COMPLETED", "OPEN")
    if backend == "postgresql":
        assert _labels(engine, "sessionstatus") == ["IN_PROGRESS", "COMPLETED", "ABANDONED",
                                                    "DECLINED"]
    engine.dispose()

    upgraded = open_engine(db)  # sees 0015 and upgrades, as for a database made before
    assert _stored(upgraded) == ("interviewing", "completed", "open")
    if backend == "postgresql":
        assert _labels(upgraded, "actionstatus") == ["open", "done", "partly", "not_done",
                                                     "dropped"]
    store = Store(upgraded)
    assert store.story(story.id).status is StoryStatus.INTERVIEWING
    assert store.session(reflection.id).status is SessionStatus.COMPLETED
    [item] = store.actions(reflection.id)
    assert item.status is ActionStatus.OPEN
    store.set_session_status(reflection.id, SessionStatus.ABANDONED)
    assert _stored(upgraded)[1] == "abandoned"
