"""Hearing the highlighted answer or evidence excerpt again (issue 34): the keys, and a line
that shows where playback is.

A screen that plays mixes in `PlaybackKeys`, adds `PLAYBACK_BINDINGS` (or
`PLAYBACK_PRIORITY_BINDINGS` where a table would take ← and → first) to its bindings, yields a
`PlaybackBar`, and says what is highlighted through `playback_target`: the session and the
answer whose time code playback starts from. Space plays and pauses (resuming two seconds
back), ← and → move five seconds, s slows down (1×, 0.75×, 0.5×). The player is
reflect.audio.player; recordings and their sound come from the store, through the gate (a
withdrawn informant's recording is neither listed nor played).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.widgets import Static

from reflect.audio.player import SEEK_MS, Player, code_kind, output_for, place
from reflect.i18n import NP_, _
from reflect.timecodes import hms
from reflect_tui.safe import text

if TYPE_CHECKING:
    from reflect.models import Answer, Session
    from reflect.store import Store


def _bindings(priority: bool) -> list[Binding]:
    return [
        Binding("space", "playback_toggle", NP_("key", "Play"),
                id="playback.toggle", priority=priority),
        Binding("left", f"playback_seek({-SEEK_MS})", NP_("key", "−5 s"),
                id="playback.back", show=False, priority=priority),
        Binding("right", f"playback_seek({SEEK_MS})", NP_("key", "+5 s"),
                id="playback.forward", show=False, priority=priority),
        Binding("s", "playback_speed", NP_("key", "Slower"),
                id="playback.speed", priority=priority),
    ]


PLAYBACK_BINDINGS = _bindings(priority=False)
PLAYBACK_PRIORITY_BINDINGS = _bindings(priority=True)
ACTIONS = frozenset({"playback_toggle", "playback_seek", "playback_speed"})


@dataclass(frozen=True)
class Target:
    """What playback would start from: an answer of a session (its key tells one apart)."""

    key: str
    session: Session
    answer: Answer | None


def start_code(answer: Answer | None) -> tuple[int | None, str]:
    """Where an answer starts in the recording: when its question was asked, else when its
    typing began."""
    if answer is None:
        return None, ""
    if answer.opened_code is not None:
        return answer.opened_code, answer.opened_kind
    return answer.typed_code, answer.typed_kind


class PlaybackBar(Static):
    """The line under what plays: ▶ 00:12:31 / 00:58:10 · 0.75×. Hidden until playback
    starts; owns the player, closed with the screen."""

    DEFAULT_CSS = """
    PlaybackBar { height: auto; padding: 0 1; color: $text-accent; display: none; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self.player: Player | None = None
        self.key: str | None = None
        """The target the player was made for."""
        self.recordings: dict[uuid.UUID, list[Any]] = {}
        """Per session, its recordings as the store lists them (through the gate)."""

    def on_mount(self) -> None:
        self.set_interval(0.25, self.show_state)

    def on_unmount(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self.player is not None:
            self.player.close()
        self.player, self.key = None, None
        self.display = False

    def show_state(self) -> None:
        player = self.player
        if player is None:
            self.display = False
            return
        self.display = True
        sign = "■" if player.ended else "▶" if player.playing else "⏸"
        speed = "" if player.speed == 1.0 else f" · {player.speed:g}×"
        line = _("{sign} {position} / {length}{speed}   space: play/pause · ←/→: 5 s · "
                 "s: slower").format(sign=sign, position=hms(player.position_ms // 1000),
                                     length=hms(player.duration_ms // 1000), speed=speed)
        self.update(text(line))

    def any_for(self, session_ids: list[uuid.UUID] | None = None) -> bool:
        """Whether these sessions (all read) have a recording to play."""
        return any(self.recordings.get(i) for i in (session_ids or list(self.recordings)))

    @work(thread=True, group="playback.read")
    def load(self, store: Store, session_ids: list[uuid.UUID]) -> None:
        """Read which of these sessions have recordings (the screen's keys show then)."""
        found = {session_id: store.recordings(session_id) for session_id in session_ids}
        self.app.call_from_thread(self._loaded, found)

    def _loaded(self, found: dict[uuid.UUID, list[Any]]) -> None:
        self.recordings.update(found)
        self.screen.refresh_bindings()

    # Starting ----------------------------------------------------------------------------
    def toggle(self, store: Store, target: Target | None) -> None:
        """Space: pause or resume what plays, or play the target from its time code."""
        player = self.player
        if player is not None and (target is None or target.key == self.key):
            if player.playing:
                player.pause()
                self.show_state()
            else:
                self._resume(player)
            return
        if target is None:
            self.app.notify(_("Highlight an answer to hear it."), timeout=4)
            return
        self._start(store, target)

    @work(thread=True, exclusive=True, group="playback")
    def _resume(self, player: Player) -> None:
        player.play()

    @work(thread=True, exclusive=True, group="playback")
    def _start(self, store: Store, target: Target) -> None:
        session = target.session
        if session.id not in self.recordings:
            self.recordings[session.id] = store.recordings(session.id)
        recordings = self.recordings[session.id]
        code, kind = start_code(target.answer)
        found = place(recordings, code, kind, code_kind(session.recording_started_at))
        if found is None:
            self.app.call_from_thread(self.app.notify, self._why_not(recordings, code),
                                      timeout=6)
            return
        recording, at_ms = found
        rate = int(recording.sample_rate)

        def read(from_ms: int, to_ms: int | None) -> bytes:
            pcm, _rate = store.read_pcm(recording.id, from_ms, to_ms)
            return bytes(pcm)

        player = Player(read, int(recording.duration_ms), rate, output_for(rate))
        self.app.call_from_thread(self.stop)  # one recording plays at a time
        player.play(at_ms)  # no sound output: its message is shown, the bar stays hidden
        self.app.call_from_thread(self._swap, player, target.key)

    def _swap(self, player: Player, key: str) -> None:
        self.stop()
        self.player, self.key = player, key
        self.show_state()
        self.screen.refresh_bindings()  # ←, → and s are live now

    @staticmethod
    def _why_not(recordings: list[Any], code: int | None) -> str:
        if not recordings:
            return _("There is no recording of this interview to play (none was made or "
                     "attached, or its informant withdrew).")
        if code is None:
            return _("This answer has no time code, so its place in the recording is not "
                     "known.")
        return _("This answer's time code was taken on the interview's clock before the "
                 "recorder started: it does not point into the recording.")

    # Moving ------------------------------------------------------------------------------
    def seek(self, delta_ms: int) -> None:
        if self.player is not None:
            self.player.seek(delta_ms)
            self.show_state()

    def slower(self) -> None:
        if self.player is not None:
            self.player.next_speed()
            self.show_state()


class PlaybackKeys:
    """The playback actions of a screen (mixed into a Screen with a PlaybackBar)."""

    def playback_target(self) -> Target | None:
        """The highlighted answer (the screen says which)."""
        raise NotImplementedError

    def playback_enabled(self) -> bool:
        """Whether the playback keys are active now (default: always)."""
        return True

    def _bar(self) -> PlaybackBar:
        screen: Any = self
        bar: PlaybackBar = screen.query_one(PlaybackBar)
        return bar

    def action_playback_toggle(self) -> None:
        screen: Any = self
        store = screen.app.store
        if store is not None:
            self._bar().toggle(store, self.playback_target())

    def action_playback_seek(self, delta_ms: int) -> None:
        self._bar().seek(int(delta_ms))

    def action_playback_speed(self) -> None:
        self._bar().slower()

    def check_playback(self, action: str) -> bool | None:
        """For the screen's check_action: None when it is not a playback action."""
        if action not in ACTIONS:
            return None
        if action != "playback_toggle" and self._bar().player is None:
            return False
        return self.playback_enabled()
