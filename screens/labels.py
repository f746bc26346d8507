"""Short display texts shared by several screens (formatting only, no rules)."""

from __future__ import annotations

from datetime import UTC, datetime

from reflect.vocab import SessionStatus

STATUS_LABELS = {
    SessionStatus.IN_PROGRESS: "in progress",
    SessionStatus.COMPLETED: "completed",
    SessionStatus.ABANDONED: "abandoned",
    SessionStatus.DECLINED: "consent refused",
}


def when(moment: datetime | None) -> str:
    """A local date and time, short."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def clock(seconds: int) -> str:
    hours, rest = divmod(max(seconds, 0), 3600)
    return f"{hours:d}:{rest // 60:02d}:{rest % 60:02d}"
