"""Dates as people type them, and times as exports write them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from reflect.errors import ReflectError
from reflect.i18n import _


def parse_review_date(text: str, today: date) -> date | None:
    """'' -> no date; '2026-12-01' -> that day; '+14' -> 14 days from today; '+2w' -> 2 weeks."""
    text = text.strip().lower()
    if not text:
        return None
    if text.startswith("+"):
        amount, unit = (text[1:-1], text[-1]) if text[-1] in "dw" else (text[1:], "d")
        if amount.isdigit():
            days = int(amount) * (7 if unit == "w" else 1)
            return today + timedelta(days=days)
    else:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ReflectError(_("'{text}' is not a date: write YYYY-MM-DD (e.g. {value}), +14 for 14 "
                         "days, or +2w").format(
                           text=text, value=(today + timedelta(days=14)).isoformat()))


def as_utc(moment: datetime) -> datetime:
    """A time read past the models as aware UTC: rows read with raw SQL or the sqlite3 driver
    (glance lists, exports' batches) and times from bundles carry naive UTC. Rows read through
    the models are aware UTC already (reflect.models.UTCDateTime)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso_utc(moment: datetime | None) -> str:
    """ISO 8601 with the UTC offset, '' for no time: the same text on every database."""
    return as_utc(moment).isoformat() if moment is not None else ""
