"""Short display texts shared by several screens (formatting only, no rules)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from reflect import formats, i18n
from reflect.i18n import N_, _
from reflect.vocab import SessionStatus, StoryStatus

if TYPE_CHECKING:
    from reflect.protocol.catalog import ProtocolCatalog
    from reflect.protocol.definition import Protocol

class _Translated(dict):
    """Labels marked for translation, translated when read (the language is chosen after
    this module is imported)."""

    def __getitem__(self, key):
        return _(super().__getitem__(key))


STORY_STATUS_LABELS = _Translated({
    StoryStatus.CANDIDATE: N_("candidate"),
    StoryStatus.SELECTED: N_("selected"),
    StoryStatus.INTERVIEWING: N_("interviewing"),
    StoryStatus.ANALYSED: N_("analysed"),
    StoryStatus.PUBLISHED: N_("published"),
})

STATUS_LABELS = _Translated({
    SessionStatus.IN_PROGRESS: N_("in progress"),
    SessionStatus.COMPLETED: N_("completed"),
    SessionStatus.ABANDONED: N_("abandoned"),
    SessionStatus.DECLINED: N_("consent refused"),
})


def when(moment: datetime | None) -> str:
    """A local date and time, short, in the interface language's conventions."""
    if moment is None:
        return ""
    local = formats.local_time(moment)
    return f"{formats.day(local)} {local:%H:%M}"


def when_short(moment: datetime | None) -> str:
    """A local date and time for a table column: the year only when it is not this one."""
    return formats.short_moment(moment) if moment is not None else ""


def clock(seconds: int) -> str:
    hours, rest = divmod(max(seconds, 0), 3600)
    return f"{hours:d}:{rest // 60:02d}:{rest % 60:02d}"


def progress(answered: int, protocol: Protocol | None) -> str:
    """Answers given out of the questions asked, e.g. 6/10."""
    return answered_of(answered, len(protocol.questions) if protocol else None)


def answered_of(answered: int, questions: int | None) -> str:
    return f"{answered}/{questions}" if questions is not None else str(answered)


def shorten(text: str, limit: int) -> str:
    """The text cut at a word before `limit` characters, with an ellipsis if anything was cut."""
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    return (head.rsplit(" ", 1)[0] if " " in head[limit // 2:] else head) + "…"


def shown_title(catalog: ProtocolCatalog | None, protocol_id: str,
                used: Protocol | None) -> str:
    """A protocol's title in the interface's language (its translation in the catalog), else
    the title of the protocol as the session used it, else its id."""
    translated = catalog.get(protocol_id, i18n.language()) if catalog is not None else None
    if translated is not None:
        return translated.title
    return used.title if used is not None else protocol_id
