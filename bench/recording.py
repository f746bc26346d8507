"""The recording's figures (issue 34): what recording costs while an interview goes on.

    python bench/recording.py              about a minute and a half
    python bench/recording.py --seconds 60 a longer capture for the CPU figure

Prints figures only (no thresholds, nothing fails):
- CPU of capture and encoding, as % of one core: the Recorder fed by a file at real-time
  pace (the microphone's pipeline: blocks in, level, Opus chunks, one transaction per chunk
  into SQLite), the process's CPU time over the wall time, the file's decoding left out;
- database growth per hour of speech (MB): the SQLite file's growth (checkpointed) for a
  recording of speech, scaled to an hour;
- the UI thread's CPU per key typed into an answer while recording, against the same
  without recording (their ratio, of the means and of the medians: a shared machine's
  outliers move the mean): Textual's pilot, headless, time.thread_time per key.
The speech is espeak-ng's where it is installed, else a speech-like signal (a tone with
syllable-rate pauses and noise). Each group of figures runs in a fresh process of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RATE = 16_000
SENTENCES = ("We met at her home every week, and she chose the next step herself. The school "
             "called her mother when something went well, and after three months she went "
             "back to class every morning. The family asked us to keep visiting until the "
             "summer, and the grandmother told us about the neighbour who drove the children.")


def speech_file(folder: Path, seconds: float) -> tuple[Path, str]:
    """A WAV of about `seconds` of speech at RATE, mono; and what made it."""
    path = folder / "speech.wav"
    if shutil.which("espeak-ng"):
        one = folder / "one.wav"
        subprocess.run(["espeak-ng", "-v", "en", "-s", "150", "-w", str(one), SENTENCES],
                       check=True, capture_output=True)
        import miniaudio

        decoded = miniaudio.decode_file(str(one), output_format=miniaudio.SampleFormat.SIGNED16,
                                        nchannels=1, sample_rate=RATE)
        pcm, made = decoded.samples.tobytes(), "espeak-ng speech"
    else:
        count = RATE * 10
        pcm = struct.pack(f"<{count}h", *(
            int(6000 * math.sin(2 * math.pi * 180 * i / RATE)
                * (1 if (i // 2400) % 3 else 0)) for i in range(count)))
        made = "a speech-like signal"
    repeat = max(1, math.ceil(seconds * RATE * 2 / len(pcm)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((pcm * repeat)[:int(seconds * RATE) * 2])
    return path, made


def interview(db: Path):
    """A store on a new SQLite file with an interview whose interviewee agreed to be recorded."""
    from reflect.protocol.catalog import load_catalog
    from reflect.store import ConsentRecord, Store
    from reflect.store.engine import open_engine

    store = Store(open_engine(str(db)))
    catalog = load_catalog([ROOT / "prompts"])
    story = store.create_story("Bench story", "Family support")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))
    return store, session


def record(store, session_id, source) -> tuple[float, float, int]:
    """Record `source` until it is done: (CPU seconds, wall seconds, recording id)."""
    from reflect.audio.capture import Recorder
    from reflect.models import utcnow

    rid = store.start_recording(session_id, source="laptop", sample_rate=RATE, codec="opus",
                                started_at=utcnow())
    recorder = Recorder(source, lambda *chunk: store.add_chunk(rid, *chunk))
    recorder.start()  # decodes the file first: left out of the CPU below
    cpu, wall = time.process_time(), time.monotonic()
    source.done.wait()
    recorder.stop()
    return time.process_time() - cpu, time.monotonic() - wall, rid


def cpu_figure(folder: Path, seconds: float) -> dict:
    from reflect.audio.capture import FileSource

    speech, made = speech_file(folder, seconds)
    store, session = interview(folder / "cpu.db")
    cpu, wall, _rid = record(store, session.id, FileSource(speech, realtime=True))
    return {"cpu_percent": 100 * cpu / wall, "seconds": wall, "speech": made}


def growth_figure(folder: Path, seconds: float) -> dict:
    from reflect.audio.capture import FileSource

    speech, made = speech_file(folder, seconds)
    db = folder / "growth.db"
    store, session = interview(db)
    store.engine.dispose()
    before = _checkpointed_size(db)
    _cpu, _wall, _rid = record(store, session.id, FileSource(speech, realtime=False))
    store.engine.dispose()
    grown = _checkpointed_size(db) - before
    return {"mb_per_hour": grown / seconds * 3600 / 1e6, "seconds": seconds, "speech": made}


def _checkpointed_size(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db.stat().st_size


async def keys_figure(folder: Path, keys: int) -> dict:
    from reflect.audio.capture import FileSource
    from reflect_tui.app import make_app
    from reflect_tui.recorder import LaptopRecording
    from reflect_tui.session import SessionScreen

    speech, _made = speech_file(folder, 600)
    LaptopRecording.make_source = staticmethod(lambda: FileSource(speech))  # type: ignore[method-assign]
    store, session = interview(folder / "keys.db")
    app = make_app(store.engine)
    figures: dict[str, list[float]] = {"idle": [], "recording": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(SessionScreen(session.id))
        while "Q 1/" not in str(app.screen.query_one("#topbar").content):
            await pilot.pause(0.05)
        area = app.screen.query_one("#answer")
        area.focus()
        # not recording, recording, not recording again: each phase types into an empty
        # answer (a longer text costs more per key), the two idle phases count as one
        for phase in ("idle", "recording", "idle"):
            area.clear()
            await pilot.pause(0.5)
            if phase == "recording":
                await pilot.press("f5")
                while app.screen.recording.state != "recording":
                    await pilot.pause(0.05)
            for number in range(keys):
                began = time.thread_time()
                await pilot.press("space" if number % 6 == 5 else "a")
                # now and then a pause as a person makes: the meter redraws meanwhile
                await pilot.pause(0.3 if number % 10 == 9 else None)
                figures[phase].append(time.thread_time() - began)
            if phase == "recording":
                await pilot.press("f8")
                while app.screen.recording.state != "off":
                    await pilot.pause(0.05)
        app.screen.leave_saving()
    return {f"{phase}_{name}": how(times) * 1000 for phase, times in figures.items()
            for name, how in (("mean", statistics.mean), ("median", statistics.median))}


def child(kind: str, seconds: float, keys: int) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        if kind == "cpu":
            return cpu_figure(Path(folder), seconds)
        if kind == "growth":
            return growth_figure(Path(folder), seconds)
        return asyncio.run(keys_figure(Path(folder), keys))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30,
                        help="seconds of real-time capture for the CPU figure")
    parser.add_argument("--keys", type=int, default=150, help="keys typed in each phase")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.seconds, args.keys)))
        return
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none"}

    def run(kind: str, seconds: float) -> dict:
        out = subprocess.run([sys.executable, __file__, "--child", kind, "--seconds",
                              str(seconds), "--keys", str(args.keys)], env=env, check=True,
                             capture_output=True, text=True, cwd=ROOT)
        return json.loads(out.stdout.strip().splitlines()[-1])

    cpu = run("cpu", args.seconds)
    print(f"capture + encoding CPU: {cpu['cpu_percent']:.2f}% of one core "
          f"({cpu['seconds']:.0f} s of {cpu['speech']} at real-time pace)")
    growth = run("growth", 600)
    print(f"database growth: {growth['mb_per_hour']:.1f} MB per hour of speech "
          f"(Ogg Opus chunks of 1 s, {growth['seconds']:.0f} s of {growth['speech']})")
    keys = run("keys", 0)
    for name in ("mean", "median"):
        recording, idle = keys[f"recording_{name}"], keys[f"idle_{name}"]
        print(f"UI thread per key ({name} of {args.keys}): {recording:.2f} ms recording, "
              f"{idle:.2f} ms not recording: ratio {recording / idle:.2f}")


if __name__ == "__main__":
    main()
