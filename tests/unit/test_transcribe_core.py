"""The draft transcript's core without a model (issue 34, point 4): words split at the
question time codes, the model folder found locally or refused, the extra absent."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.audio import transcribe
from reflect.audio.transcribe import Mark, Part, Segment, Word, split
from reflect.errors import ReflectError


def _segment(*words: tuple[int, int, str]) -> Segment:
    return Segment(words[0][0], words[-1][1], "".join(w for _s, _e, w in words),
                   tuple(Word(s, e, w) for s, e, w in words))


def test_each_question_gets_the_words_between_its_time_code_and_the_next():
    segments = [_segment((200, 600, " Hello,"), (700, 900, " welcome.")),
                _segment((5_000, 5_400, " How"), (5_400, 5_800, " did"), (5_800, 6_200, " it"),
                         (6_200, 6_900, " start?")),
                _segment((7_000, 7_500, " With"), (7_500, 8_100, " a"),
                         # across the next code (9 s): most of it was said before
                         (8_100, 9_300, " phone"), (9_300, 9_900, " call.")),
                _segment((12_000, 12_400, " Then"), (12_400, 13_000, " school."))]
    marks = [Mark("second", 9_000), Mark("first", 4_000), Mark("silent", 11_000),
             Mark("third", 11_500)]
    parts, before = split(segments, marks, end_ms=20_000)
    assert parts == [Part("first", 4_000, 9_000, "How did it start? With a phone"),
                     Part("second", 9_000, 11_000, "call."),
                     Part("third", 11_500, 20_000, "Then school.")]
    assert "".join(w.text for w in before) == " Hello, welcome."  # before the first question


def test_a_segment_without_word_times_counts_as_one_word():
    parts, _before = split([Segment(1_000, 3_000, " All of it.", ())], [Mark("q", 0)])
    assert parts == [Part("q", 0, 3_000, "All of it.")]


def test_pcm_at_another_rate_is_heard_at_16_khz():
    import numpy as np

    tone = (np.sin(np.arange(22_050) / 10) * 12_000).astype("<i2").tobytes()
    samples = transcribe.to_16k(tone, 22_050)
    assert samples.dtype == np.float32 and samples.size == 16_000
    assert 0.3 < float(np.abs(samples).max()) < 0.4
    assert transcribe.to_16k(tone, 16_000).size == 22_050


def test_the_model_is_a_local_folder_that_loads_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_CONFIG_DIR", str(tmp_path / "config"))
    folder = tmp_path / "whisper-small-he"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"x")
    (folder / "config.json").write_text("{}")
    with pytest.raises(ReflectError, match="lacks tokenizer.json"):
        transcribe.find_model(folder)  # faster-whisper would download a tokenizer
    (folder / "tokenizer.json").write_text("{}")
    assert transcribe.find_model(str(folder)) == folder
    assert transcribe.model_name(folder) == "whisper-small-he"
    with pytest.raises(ReflectError, match="does not exist"):
        transcribe.find_model(tmp_path / "nowhere")
    with pytest.raises(ReflectError, match="does not exist"):  # a name faster-whisper would
        transcribe.find_model("large-v3")                     # download is not a folder here
    # the setting names the folder when --model is not given
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(
        json.dumps({transcribe.SETTING: str(folder)}))
    assert transcribe.find_model() == folder


def test_no_model_anywhere_says_how_to_give_one(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_CONFIG_DIR", str(tmp_path))
    monkeypatch.setattr(transcribe, "packaged_model", lambda: None)
    with pytest.raises(ReflectError, match="--model PATH"):
        transcribe.find_model()


BLOCKED = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("faster_whisper", "ctranslate2"):
            raise ImportError(f"blocked: {name}")
        return None
sys.meta_path.insert(0, Block())
from reflect.cli import main
code = main(sys.argv[1:])
assert "faster_whisper" not in sys.modules
sys.exit(code)
"""


def _without_extra(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """reflect as a user without the extra has it: faster-whisper cannot be imported."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-c", BLOCKED, *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120)


def test_without_the_extra_transcribe_says_how_to_install_it_and_the_rest_works(tmp_path):
    db = str(tmp_path / "reflect.db")
    done = _without_extra("--db", db, "transcribe", "0123abcd", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "pip install 'reflect[transcribe]'" in done.stderr and done.stdout == ""
    listed = _without_extra("--db", db, "protocols", "list", cwd=tmp_path)
    assert listed.returncode == 0 and "lfs-practitioner" in listed.stdout
    assert _without_extra("--db", db, "transcribe", "--help", cwd=tmp_path).returncode == 0


def test_without_the_extra_nothing_claims_it_is_there(monkeypatch):
    monkeypatch.setitem(sys.modules, "faster_whisper", None)  # as an import blocked
    assert not transcribe.available()
    with pytest.raises(transcribe.TranscriptionUnavailable, match=r"reflect\[transcribe\]"):
        transcribe.Transcriber(Path("."))


def test_starting_reflect_imports_no_transcription():
    code = ("import sys; import reflect.cli, reflect.store, reflect_tui.app, "
            "reflect_tui.review; "
            "print(sorted(m for m in sys.modules if m.startswith(('faster_whisper', "
            "'ctranslate2', 'reflect.audio.transcribe', 'reflect.method.transcription'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert out.strip() == "[]"
