"""Dates and numbers as the interface language writes them (CLDR data through Babel).

English keeps ISO 8601 dates (12-04 15:18, 2026-12-04): unambiguous for teams across
countries, and what the first version showed. Hebrew, Arabic, Portuguese and Italian use the
conventions of the regions the project works in (Israel, Portugal, Italy): 4.12 15:18 in
Hebrew, 04/12/2026 in Portuguese, 12.345 for twelve thousand in Italian. Babel is imported
only when a date or number is first shown in one of those languages.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache

from reflect import i18n

REGIONS = {"he": "he_IL", "ar": "ar_IL", "pt": "pt_PT", "it": "it_IT"}
"""The CLDR locale of each non-English interface language (ar_IL: Arabic as written in
Israel, Latin digits and a 24-hour clock, like the Beer Sheva project's families)."""


def _region() -> str | None:
    return REGIONS.get(i18n.language())


@lru_cache(maxsize=32)
def _pattern(region: str, skeleton: str) -> str:
    from babel.core import Locale

    pattern: str = Locale.parse(region).datetime_skeletons[skeleton].pattern
    return pattern


def _format(moment: date, region: str, skeleton: str) -> str:
    from babel.dates import format_datetime

    return format_datetime(moment, _pattern(region, skeleton), locale=region)


def local_time(moment: datetime) -> datetime:
    """A stored UTC time (naive or aware) in the computer's time zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def short_moment(moment: datetime) -> str:
    """Day and time for a table column; the year instead of the time when it is not this one."""
    local = local_time(moment)
    this_year = local.year == datetime.now().year
    region = _region()
    if region is None:
        return local.strftime("%m-%d %H:%M" if this_year else "%Y-%m-%d")
    if not this_year:
        return _format(local, region, "yMd")
    return f"{_format(local, region, 'Md')} {_format(local, region, 'Hm')}"


def day(moment: date) -> str:
    """A date in full digits: 2026-12-04 in English, 4.12.2026 in Hebrew."""
    region = _region()
    if region is None:
        return moment.strftime("%Y-%m-%d")
    return _format(moment, region, "yMd")


def day_order() -> str:
    """The order of day (d), month (M) and year (y) in a date as day() writes it: "yMd" in
    English (ISO), "dMy" in Hebrew, Arabic, Portuguese and Italian."""
    region = _region()
    if region is None:
        return "yMd"
    pattern = _pattern(region, "yMd")
    return "".join(sorted("dMy", key=lambda letter: pattern.index(letter)))


def long_day(moment: date) -> str:
    """A date for a document: 4 December 2026, 4 בדצמבר 2026, 4 de dezembro de 2026."""
    from babel.dates import format_date

    return format_date(moment, "long", locale=_region() or "en_GB")


def number(value: int) -> str:
    """A whole number with the language's digit grouping: 12,345 / 12.345 / 12 345."""
    region = _region()
    if region is None:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return format_decimal(value, locale=region)
