"""Stored times: every time column is UTCDateTime, and every time read back through the
models is aware UTC on SQLite and PostgreSQL (issue 30, point 4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import get_args

import pytest
from sqlalchemy import DateTime, text
from sqlmodel import Session as DBSession
from sqlmodel import SQLModel, select

from reflect.models import Session, UTCDateTime, utcnow

pytestmark = pytest.mark.both_backends


def _models():
    return [mapper.class_ for mapper in SQLModel._sa_registry.mappers]  # noqa: SLF001


def _time_columns(model):
    return [column for column in model.__table__.columns
            if isinstance(column.type, (DateTime, UTCDateTime))]


def test_every_time_column_of_the_models_is_utc_datetime(backend):
    columns = [(model.__name__, column.name, column.type) for model in _models()
               for column in _time_columns(model)]
    assert len(columns) > 20
    assert [(model, name) for model, name, type_ in columns
            if not isinstance(type_, UTCDateTime)] == []


def test_every_time_read_back_is_aware_utc(store, interview, engine):
    story, informant, session = interview
    store.take_lease(session.id, "the reflect app on laptop-07 (process 1)")
    with DBSession(engine) as db:
        row = db.get(Session, session.id)
        row.completed_at = row.locked_at = row.consent_at = utcnow()
        db.add(row)
        db.commit()
    seen = 0
    with DBSession(engine) as db:
        for model in _models():
            columns = _time_columns(model)
            for row in db.exec(select(model)).all() if columns else ():
                for column in columns:
                    value = getattr(row, column.key)
                    if value is not None:
                        assert value.tzinfo is UTC, (model.__name__, column.key, value)
                        seen += 1
    assert seen >= 10


def test_an_aware_time_in_another_zone_comes_back_as_the_same_instant_in_utc(
        interview, engine):
    _, _, session = interview
    jerusalem = datetime(2026, 3, 27, 9, 15, 30, 250000, tzinfo=timezone(timedelta(hours=3)))
    sao_paulo = datetime(2026, 3, 27, 2, 15, 30, tzinfo=timezone(timedelta(hours=-3)))
    naive_utc = datetime(2026, 3, 27, 6, 0, 0)
    with DBSession(engine) as db:
        row = db.get(Session, session.id)
        row.completed_at, row.locked_at, row.consent_at = jerusalem, sao_paulo, naive_utc
        db.add(row)
        db.commit()
    with DBSession(engine) as db:
        row = db.get(Session, session.id)
        assert row.completed_at == jerusalem and row.completed_at.tzinfo is UTC
        assert row.completed_at == datetime(2026, 3, 27, 6, 15, 30, 250000, tzinfo=UTC)
        assert row.locked_at == datetime(2026, 3, 27, 5, 15, 30, tzinfo=UTC)
        assert row.consent_at == naive_utc.replace(tzinfo=UTC)  # naive is taken as UTC
        # Stored as naive UTC, as before the type: files and servers need no data change
        stored = db.execute(text("SELECT completed_at FROM session WHERE completed_at IS NOT "
                                 "NULL")).scalar_one()
    if isinstance(stored, str):  # SQLite keeps the text
        assert stored.startswith("2026-03-27 06:15:30.250000")
    else:
        assert stored == datetime(2026, 3, 27, 6, 15, 30, 250000)


def test_a_query_compares_aware_times_with_the_stored_ones(interview, engine):
    _, _, session = interview
    with DBSession(engine) as db:
        started = db.get(Session, session.id).started_at
        later = started.astimezone(timezone(timedelta(hours=-5))) + timedelta(seconds=1)
        earlier = started.astimezone(timezone(timedelta(hours=2))) - timedelta(seconds=1)
        found = db.exec(select(Session.id).where(Session.started_at < later,
                                                 Session.started_at > earlier)).all()
    assert found == [session.id]


def test_every_time_field_of_the_models_has_a_utc_column(backend):
    """From the other side: every field typed as a time (datetime, not date) is stored in a
    UTCDateTime column, and every such column is a time field; none is kept as text or in a
    plain DateTime, so no caller has to mend a time read through the models (as_utc is left
    for times that do not come through them: raw driver rows, bundles)."""
    fields, columns = set(), set()
    for model in _models():
        for name, info in model.model_fields.items():
            if datetime in (info.annotation, *get_args(info.annotation)):
                fields.add((model.__name__, name, type(model.__table__.columns[name].type)))
        columns |= {(model.__name__, column.key, type(column.type))
                    for column in _time_columns(model)}
    assert fields == columns
    assert {type_ for _model, _name, type_ in fields} == {UTCDateTime}
    assert ("Session", "consent_at", UTCDateTime) in fields
