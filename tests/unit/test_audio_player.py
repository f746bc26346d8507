"""Playback positions (issue 34): play from a time code, pause, seek, rewind on resume,
slower speed, the end; through the null output, which takes samples as a sound card would."""

from __future__ import annotations

import math
import struct

import pytest

from reflect.audio import player as player_module
from reflect.audio.player import REWIND_MS, NullOutput, PlaybackUnavailable, Player

RATE = 16000


def tone(seconds: float, hz: float = 220.0) -> bytes:
    count = int(seconds * RATE)
    return struct.pack(f"<{count}h", *(int(8000 * math.sin(2 * math.pi * hz * i / RATE))
                                       for i in range(count)))


class Source:
    """A recording's PCM read by time, as Store.read_pcm gives it; counts the reads."""

    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm
        self.reads: list[tuple[int, int | None]] = []

    def read(self, from_ms: int, to_ms: int | None) -> bytes:
        self.reads.append((from_ms, to_ms))
        first = from_ms * RATE // 1000 * 2
        last = len(self.pcm) if to_ms is None else to_ms * RATE // 1000 * 2
        return self.pcm[first:last]


def make(seconds: float = 60.0) -> tuple[Player, NullOutput, Source]:
    source = Source(tone(seconds))
    output = NullOutput(RATE, realtime=False)
    return Player(source.read, int(seconds * 1000), RATE, output), output, source


def test_plays_from_a_time_code_and_the_position_advances_with_the_output():
    player, output, _source = make()
    player.play(12_000)
    assert player.playing and player.position_ms == 12_000
    output.advance(1500)
    assert player.position_ms == 13_500
    assert output.played == 1.5 * RATE


def test_the_samples_played_are_the_recordings_own():
    pcm = bytes(range(256)) * 500  # 64,000 samples: 4 s
    source = Source(pcm)
    played = []
    output = NullOutput(RATE, realtime=False)
    player = Player(source.read, 4000, RATE, output)
    player.play(1000)
    played.append(player._pull(800))
    assert played[0] == pcm[2 * RATE: 2 * RATE + 1600]


def test_pause_stops_the_position_and_resume_goes_back_two_seconds():
    player, output, _source = make()
    player.play(20_000)
    output.advance(3000)
    player.pause()
    assert not player.playing and player.position_ms == 23_000
    assert output.advance(1000) == 0  # nothing is taken while paused
    assert player.position_ms == 23_000
    player.toggle()
    assert player.playing and player.position_ms == 23_000 - REWIND_MS


def test_seek_five_seconds_either_way_within_the_recording():
    player, output, _source = make(30)
    player.play(10_000)
    assert player.seek(5000) == 15_000
    assert player.seek(-5000) == 10_000
    player.seek(-60_000)
    assert player.position_ms == 0
    player.seek(90_000)
    assert player.position_ms == 30_000 and player.ended


def test_slower_speed_plays_the_recording_at_three_quarters_of_its_pace():
    player, output, _source = make()
    player.play(10_000)
    assert player.next_speed() == 0.75
    output.advance(4000)  # four seconds of sound
    assert player.position_ms == pytest.approx(13_000, abs=40)  # three of the recording
    assert output.played == 4 * RATE
    assert player.next_speed() == 0.5
    assert player.next_speed() == 1.0


def test_slower_speed_keeps_the_pitch():
    """The stretched sound has the recording's frequency (a lower voice would mean plain
    resampling)."""
    import numpy

    source = Source(tone(10, hz=300))
    output = NullOutput(RATE, realtime=False)
    player = Player(source.read, 10_000, RATE, output)
    player.play(1000)
    player.next_speed()
    samples = numpy.frombuffer(player._pull(RATE), dtype=numpy.int16).astype(float)
    spectrum = numpy.abs(numpy.fft.rfft(samples))
    peak_hz = numpy.argmax(spectrum) * RATE / len(samples)
    assert peak_hz == pytest.approx(300, abs=5)


def test_the_end_stops_and_play_starts_again_from_the_start():
    player, output, _source = make(5)
    player.play(4000)
    output.advance(2000)
    assert player.ended and player.position_ms == 5000
    player.pause()
    player.play()
    assert player.position_ms == 0


def test_an_hour_is_read_a_window_at_a_time():
    player, output, source = make(60)
    player.play(0)
    for _block in range(25_000 // 20):
        output.advance(20)
    assert player.position_ms == 25_000
    assert len(source.reads) == 3
    assert all(to is not None and to - start <= 10_001 for start, to in source.reads)


def test_the_null_output_plays_in_real_time():
    source = Source(tone(5))
    output = NullOutput(RATE, realtime=True)
    player = Player(source.read, 5000, RATE, output)
    player.play(0)
    try:
        import time

        deadline = time.monotonic() + 5
        while player.position_ms < 200 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert player.position_ms >= 200
    finally:
        player.close()
    stopped = player.position_ms
    assert output.advance(100) == 0 and player.position_ms == stopped


def test_no_sound_output_says_so(monkeypatch):
    """Without a sound card or server (this machine), starting playback says so in words."""
    miniaudio = pytest.importorskip("miniaudio")

    def no_device(*_args, **_kwargs):
        raise miniaudio.MiniaudioError("failed to init device", -401)

    monkeypatch.setattr(miniaudio, "PlaybackDevice", no_device)
    player = Player(Source(tone(1)).read, 1000, RATE, player_module.SoundOutput(RATE))
    with pytest.raises(PlaybackUnavailable, match="No sound output"):
        player.play(0)
    assert not player.playing
