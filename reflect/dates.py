"""Dates as people type them, and times as exports write them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from reflect import formats
from reflect.errors import ReflectError
from reflect.i18n import _


def parse_day(text: str) -> date | None:
    """A date typed as the interface shows dates (20/12/2026 in Portuguese and Italian,
    20.12.2026 in Hebrew, day/month/year in Arabic, any separator, digits of any script) or as
    ISO 8601 (2026-12-20, in every language); None when it is neither."""
    text = _MARKS.sub("", text).strip()
    if match := _ISO.fullmatch(text):
        numbers = dict(zip("yMd", match.groups(), strict=True))
    elif _DISPLAYED.fullmatch(text):
        numbers = dict(zip(formats.day_order(), _NUMBER.findall(text), strict=True))
    else:
        return None
    if len(numbers["y"]) not in (2, 4):
        return None
    year = int(numbers["y"]) + (2000 if len(numbers["y"]) == 2 else 0)  # 20/12/26
    try:
        return date(year, int(numbers["M"]), int(numbers["d"]))
    except ValueError:
        return None


def not_a_date(text: str, today: date) -> str:
    """Why `text` is refused, with the ways to write a date: as shown, and ISO."""
    shown, iso = formats.day(today), today.isoformat()
    if shown == iso:  # English shows ISO dates
        return _("'{text}' is not a date: write it as {iso}.").format(text=text, iso=iso)
    return _("'{text}' is not a date: write it as {shown} or {iso}.").format(
        text=text, shown=shown, iso=iso)


def parse_review_date(text: str, today: date) -> date | None:
    """'' -> no date; '2026-12-01' or the date as shown ('01/12/2026') -> that day;
    '+14' -> 14 days from today; '+2w' -> 2 weeks."""
    text = text.strip().lower()
    if not text:
        return None
    if text.startswith("+"):
        amount, unit = (text[1:-1], text[-1]) if text[-1] in "dw" else (text[1:], "d")
        if amount.isdigit():
            days = int(amount) * (7 if unit == "w" else 1)
            return today + timedelta(days=days)
    elif (day := parse_day(text)) is not None:
        return day
    example = today + timedelta(days=14)
    shown, iso = formats.day(example), example.isoformat()
    if shown == iso:
        raise ReflectError(_("'{text}' is not a date: write it as {iso}, +14 for 14 days, or "
                             "+2w").format(text=text, iso=iso))
    raise ReflectError(_("'{text}' is not a date: write it as {shown} (or {iso}), +14 for 14 "
                         "days, or +2w").format(text=text, shown=shown, iso=iso))


_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
"""Direction marks, which Arabic dates carry between their parts (4\u200f/12\u200f/2026)."""
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DISPLAYED = re.compile(r"\d{1,4}\s*[./\-\s]\s*\d{1,2}\s*[./\-\s]\s*\d{1,4}")
_NUMBER = re.compile(r"\d+")


def as_utc(moment: datetime) -> datetime:
    """A time read past the models as aware UTC: rows read with raw SQL or the sqlite3 driver
    (glance lists, exports' batches) and times from bundles carry naive UTC. Rows read through
    the models are aware UTC already (reflect.models.UTCDateTime)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso_utc(moment: datetime | None) -> str:
    """ISO 8601 with the UTC offset, '' for no time: the same text on every database."""
    return as_utc(moment).isoformat() if moment is not None else ""
