"""Time codes: where in the recording (or on the interview's own clock) something was said.

A code is a number of seconds and its kind: RECORDING counts from the recorder's 00:00:00
(the session's `recording_started_at`, on this laptop's clock), CLOCK is the interview's own
clock (the time the session has been open), used until a recording is started. Shown as
`[00:12:31]`; in an interview that has a recording, a code taken before it started is marked
with the clock sign, `[⏱00:12:31]`, since it does not point into the recording.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from reflect.i18n import _

if TYPE_CHECKING:
    from reflect.models import Answer, InterviewerNote

RECORDING = "recording"
CLOCK = "clock"

STAMP = re.compile(r"\[(?:⏱)?\d{2,}:\d{2}:\d{2}\] ?")
"""A time code stamped into an answer's text: taken out of stories, books and review copies."""

_TYPED = re.compile(r"^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{2})\s*$|^\s*(\d+)\s*$")


def hms(seconds: int) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def shown(code: int | None, kind: str, has_recording: bool) -> str:
    """'[00:12:31]', '[⏱00:12:31]' for a clock code in a recorded interview, '' for none."""
    if code is None:
        return ""
    mark = "⏱" if kind == CLOCK and has_recording else ""
    return f"[{mark}{hms(code)}]"


def parse_recorder_time(typed: str) -> int | None:
    """Seconds from what a recorder shows: '1:02:03', '12:31', '45' (seconds); None if it
    is not a time. An empty entry is 0 (the recorder has just started)."""
    if not typed.strip():
        return 0
    match = _TYPED.match(typed)
    if match is None:
        return None
    if match.group(4) is not None:
        return int(match.group(4))
    hours, minutes, seconds = (int(match.group(1) or 0), int(match.group(2)),
                               int(match.group(3)))
    if seconds > 59 or (match.group(1) is not None and minutes > 59):
        return None
    return hours * 3600 + minutes * 60 + seconds


def recording_start(now: datetime, recorder_seconds: int) -> datetime:
    """When the recorder's 00:00:00 was, given what it shows now."""
    return now - timedelta(seconds=recorder_seconds)


def code_now(recording_started_at: datetime | None, clock_seconds: int,
             now: datetime) -> tuple[int, str]:
    """The code for this moment: into the recording if one runs, else the interview clock."""
    if recording_started_at is not None:
        # Both aware UTC: the store reads times back aware (reflect.models.UTCDateTime)
        return max(0, int((now - recording_started_at).total_seconds())), RECORDING
    return max(0, int(clock_seconds)), CLOCK


def strip_stamps(text: str) -> str:
    """An answer's words without the time codes stamped into them (for published text)."""
    return STAMP.sub("", text)


def answer_codes(answer: Answer | None, has_recording: bool) -> list[str]:
    """'asked [00:12:31]', 'answered [00:12:40]': an answer's codes, those it has."""
    codes = []
    if answer is not None and answer.opened_code is not None:
        codes.append(_("asked {code}").format(
            code=shown(answer.opened_code, answer.opened_kind, has_recording)))
    if answer is not None and answer.typed_code is not None:
        codes.append(_("answered {code}").format(
            code=shown(answer.typed_code, answer.typed_kind, has_recording)))
    return codes


def note_line(note: InterviewerNote, has_recording: bool) -> str:
    """An interviewer's note as one line: '✎ [00:12:31] she cried'."""
    return " ".join(filter(None, ("✎", shown(note.code, note.code_kind, has_recording),
                                  note.text)))
