"""Reads for the tables (reflect.exchange.tables) that the Corpus does not give."""

from __future__ import annotations

import uuid
from collections import Counter

from sqlalchemy import func
from sqlmodel import col, select

from reflect.models import Session
from reflect.store import Store


def sessions_per_informant(store: Store) -> Counter[uuid.UUID]:
    """Each informant's number of sessions, counted in the database (no answer read). It
    counts every informant: the caller shows only those the gate lets through (an informant
    who withdrew is left out whole, with their sessions)."""
    with store._db() as db:  # noqa: SLF001  (the store's own transaction helper)
        rows = db.exec(select(Session.informant_id, func.count())
                       .where(col(Session.informant_id).is_not(None))
                       .group_by(col(Session.informant_id)))
        return Counter({informant: count for informant, count in rows
                        if informant is not None})
