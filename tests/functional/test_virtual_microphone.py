"""The laptop's capture path against a virtual microphone (issue 34): a PulseAudio daemon of
the test's own with a null sink; espeak-ng's speech played into the sink is captured from its
monitor by miniaudio (the code path a laptop's microphone takes), through the Recorder, into
the database, and comes back out as speech, not silence. Skipped where PulseAudio, paplay or
espeak-ng is not installed (CI installs them: .ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from reflect.audio.capture import RATE, MicrophoneSource, Recorder, level_of
from reflect.models import utcnow
from reflect.store import ConsentRecord

MISSING = [tool for tool in ("pulseaudio", "paplay", "pactl", "espeak-ng")
           if shutil.which(tool) is None]
pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="PulseAudio's null sink: Linux only"),
    pytest.mark.skipif(bool(MISSING), reason="a virtual microphone needs "
                       + ", ".join(MISSING) + " (apt-get install pulseaudio "
                       "pulseaudio-utils espeak-ng)"),
]

DEVICE = "reflect-room"
"""The null sink's description: its monitor, the capture device, is 'Monitor of reflect-room'."""


@pytest.fixture
def virtual_microphone(tmp_path_factory, monkeypatch):
    """A private PulseAudio daemon (its own runtime dir, no default modules, so nothing
    suspends the sink when idle) with one null sink; this process talks to it alone."""
    home = tmp_path_factory.mktemp("pa")
    env = {**os.environ, "XDG_RUNTIME_DIR": str(home), "HOME": str(home),
           "PULSE_SERVER": f"unix:{home}/pulse/native"}
    subprocess.run(["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n",
                    "--load=module-native-protocol-unix",
                    f"--load=module-null-sink sink_name=room "
                    f"sink_properties=device.description={DEVICE}"],
                   env=env, check=True, capture_output=True, timeout=30)
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode:
        assert time.monotonic() < deadline, "the PulseAudio daemon did not answer"
        time.sleep(0.05)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    yield env
    subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)


def test_speech_played_into_the_virtual_microphone_is_recorded(virtual_microphone, store,
                                                               catalog, tmp_path):
    speech = tmp_path / "speech.wav"
    subprocess.run(["espeak-ng", "-v", "en", "-s", "150", "-w", str(speech),
                    "We met at her home every week, and she chose the next step herself."],
                   check=True, timeout=60)
    story = store.create_story("Back to school", "Family support")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))
    rid = store.start_recording(session.id, source="laptop", sample_rate=RATE,
                                codec="opus", started_at=utcnow())
    recorder = Recorder(MicrophoneSource(DEVICE), lambda *chunk: store.add_chunk(rid, *chunk))
    recorder.start()
    try:
        subprocess.run(["paplay", "-d", "room", str(speech)], env=virtual_microphone,
                       check=True, timeout=60)
    finally:
        recorder.stop()
    pcm, rate = store.read_pcm(rid)
    assert rate == RATE and store.recordings(session.id)[0].duration_ms >= 3000
    level = level_of(pcm)
    assert level.peak > 0.2 and level.rms > 0.02, level  # speech, not silence
    # the loud part is speech-long, not a click: most 100 ms blocks of it carry sound
    blocks = [level_of(pcm[at:at + RATE // 5]).rms for at in range(0, len(pcm), RATE // 5)]
    assert sum(rms > 0.01 for rms in blocks) >= 20
