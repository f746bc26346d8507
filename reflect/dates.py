"""Review dates as people type them."""

from __future__ import annotations

from datetime import date, timedelta

from reflect.errors import ReflectError


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
    raise ReflectError(f"'{text}' is not a date: write YYYY-MM-DD (e.g. "
                       f"{(today + timedelta(days=14)).isoformat()}), +14 for 14 days, or +2w")
