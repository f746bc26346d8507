"""A recording in a process killed with SIGKILL (issue 34): the chunks written before the
kill are in the database and decode, and at most about two seconds of audio are lost. The
capture pipeline is the microphone's, fed from a file at real-time pace."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from reflect.audio import codec
from reflect.audio.capture import RATE
from reflect.store import ConsentRecord, Store
from tests.unit.test_capture import tone_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

CHILD = """
import sys, time, uuid
from pathlib import Path
from reflect.audio.capture import FileSource, Recorder
from reflect.models import utcnow
from reflect.store import Store
from reflect.store.engine import open_engine

store = Store(open_engine(sys.argv[1]))
rid = store.start_recording(uuid.UUID(sys.argv[2]), source="laptop", sample_rate=16000,
                            codec="opus", started_at=utcnow())
recorder = Recorder(FileSource(Path(sys.argv[3])), lambda *c: store.add_chunk(rid, *c))
print(time.time(), flush=True)
recorder.start()
time.sleep(600)
"""


def test_sigkill_while_recording_loses_at_most_two_seconds(db_path, engine, catalog,
                                                           tmp_path):
    store = Store(engine)
    story = store.create_story("Back to school", "Family support")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))
    tone_file(tmp_path / "long.wav", 30.0)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), str(session.id),
                              str(tmp_path / "long.wav")], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        began = float(child.stdout.readline())
        deadline = time.monotonic() + 60
        # wait for a moment that is no chunk's boundary, at least 3 s of audio written
        while time.time() < began + 4.6 or _duration(store, session.id) < 3000:
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.05)
        killed_at = time.time()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
    captured_ms = (killed_at - began) * 1000
    [info] = store.recordings(session.id)
    assert captured_ms - 2000 <= info.duration_ms <= captured_ms
    pcm, rate = store.read_pcm(info.id)
    assert rate == RATE and len(pcm) == info.duration_ms * RATE // 1000 * codec.SAMPLE_WIDTH
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _duration(store: Store, session_id) -> int:
    recordings = store.recordings(session_id)
    return recordings[0].duration_ms if recordings else 0
