"""Recordings from a phone and the rules of the words (issue 34, points 2 and 5):
`reflect recording import` of wav, flac, ogg, mp3 (and m4a with PyAV) made from espeak-ng
speech, aligned with the interview's time codes; a withdrawal hides the recording, an erasure
destroys it and says so; bundles carry audio only with --with-audio (sealed ones too) and
merge it back; the .qdpx holds the audio as an AudioSource with its synchronised transcript."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.exchange.bundle_zip import ZipBundleReader
from reflect.models import utcnow
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends

RATE = 16000
SPEECH = "The day centre stayed open late because the mothers asked for it."


@pytest.fixture(scope="module")
def speech(tmp_path_factory) -> Path:
    """About four seconds of English speech (espeak-ng), as a phone would record it: 22 kHz
    WAV; then the same sound as FLAC (stereo), Ogg Vorbis, Ogg Opus, MP3 and AAC (m4a)."""
    import numpy
    import soundfile

    folder = tmp_path_factory.mktemp("phone")
    wav = folder / "memo.wav"
    if shutil.which("espeak-ng"):
        subprocess.run(["espeak-ng", "-v", "en", "-s", "150", "-w", str(wav), SPEECH],
                       check=True, capture_output=True)
    else:  # a voice-like sound where espeak-ng is missing: the same lengths matter here
        t = numpy.arange(int(4.2 * 22050)) / 22050
        soundfile.write(wav, (8000 * numpy.sin(2 * numpy.pi * 180 * t)).astype("int16"), 22050)
    data, rate = soundfile.read(wav, dtype="int16")
    soundfile.write(folder / "memo.flac", numpy.stack([data, data], axis=1), rate,
                    format="FLAC")
    soundfile.write(folder / "memo.ogg", data, rate, format="OGG", subtype="VORBIS")
    up = numpy.interp(numpy.arange(len(data) * 48000 // rate) * rate / 48000,
                      numpy.arange(len(data)), data).astype("int16")
    soundfile.write(folder / "memo.opus", up, 48000, format="OGG", subtype="OPUS")
    # a libsndfile without an MP3 encoder: that file is not made (its test is skipped)
    with contextlib.suppress(RuntimeError, TypeError, soundfile.LibsndfileError):
        soundfile.write(folder / "memo.mp3", data, rate, format="MP3")
    _m4a(data, rate, folder / "memo.m4a")
    return folder


def _m4a(data, rate: int, path: Path) -> None:
    """AAC in an MP4 file, as phones' recorder apps write, made with PyAV when it is there."""
    try:
        import av
    except ImportError:
        return
    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("aac", rate=44100)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(data.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = rate
        for resampled in av.AudioResampler(format="fltp", layout="mono",
                                           rate=44100).resample(frame):
            for packet in stream.encode(resampled):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


@pytest.fixture
def recorded(store, catalog):
    """An interview recorded on a phone, with consent to record; answers taken at 00:00:01
    and 00:00:03 on the recorder's time (the F4 sync point)."""
    story = store.create_story("Back to school", "Family support", "Attendance back to 95%")
    informant = store.add_informant(story.id, "Maya", "social_worker")
    session = store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))
    store.set_recording_start(session.id, utcnow() - timedelta(seconds=30))
    store.mark_opened(session.id, "success-what", 1, "recording")
    store.save_answer(session.id, "success-what", text="The day centre stayed open late")
    store.mark_opened(session.id, "success-criteria", 3, "recording")
    store.save_answer(session.id, "success-criteria", text="because the mothers asked")
    return story, informant, store.session(session.id)


def attach(store: Store, session, path: Path, *more: str) -> int:
    return main(["--db", cli_db(store.engine), "recording", "import", session.id.hex[:8],
                 str(path), *more])


@pytest.mark.parametrize("name", ["memo.wav", "memo.flac", "memo.ogg", "memo.opus",
                                  "memo.mp3", "memo.m4a"])
def test_a_phone_file_is_attached_at_16_khz_and_can_be_deleted_after(
        store, recorded, speech, name, capsys):
    path = speech / name
    if not path.exists():
        pytest.skip(f"{name}: no encoder for it on this machine")
    _story, _informant, session = recorded
    assert attach(store, session, path) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "can now be deleted" in out and "synchronised with F4" in out
    [recording] = store.recordings(session.id)
    assert recording.source == "import" and recording.original_name == name
    assert recording.sample_rate == RATE and recording.offset_ms == 0
    assert abs(recording.duration_ms - 4150) < 150  # the speech's length, whatever the format
    pcm, rate = store.read_pcm(recording.id, 1000, 2000)
    assert rate == RATE and len(pcm) == 2 * RATE  # a second of 16-bit mono
    assert max(abs(int.from_bytes(pcm[i:i + 2], "little", signed=True))
               for i in range(0, len(pcm), 2)) > 1000  # speech, not silence


def test_the_offset_aligns_the_file_with_the_time_codes(store, recorded, speech, capsys):
    from reflect.audio.player import code_kind, place

    _story, _informant, session = recorded
    assert attach(store, session, speech / "memo.wav", "--offset", "-0.5") == 0
    assert "file's start is at -00:00:00.5" in capsys.readouterr().out
    [recording] = store.recordings(session.id)
    assert recording.offset_ms == -500
    answer = store.answers(session.id)["success-criteria"]
    found = place([recording], answer.opened_code, answer.opened_kind,
                  code_kind(session.recording_started_at))
    assert found is not None and found[1] == 3500  # 3 s on the codes, 3.5 s into the file


def test_without_a_sync_point_the_file_starts_on_the_interview_clock(
        store, catalog, speech, capsys):
    story = store.create_story("No F4")
    informant = store.add_informant(story.id, "Dana", "client")
    session = store.start_interview(
        informant.id, catalog.get("lfs-practitioner"),
        ConsentRecord(True, "verbal", "Ana", recording=True, recording_method="verbal"))
    assert attach(store, session, speech / "memo.flac", "--offset", "0:01:00") == 0
    assert "no sync point (F4)" in capsys.readouterr().out
    assert store.recordings(session.id)[0].offset_ms == 60_000


def test_refused_without_consent_to_record_and_for_what_cannot_be_read(
        store, interview, speech, tmp_path, capsys):
    _story, _informant, session = interview  # consent to the interview, none to recording
    assert attach(store, session, speech / "memo.wav") == 1
    assert "Nobody recorded whether the interviewee agrees" in capsys.readouterr().err
    assert store.recordings(session.id) == []


def test_a_file_that_is_not_sound_leaves_nothing(store, recorded, tmp_path, capsys):
    _story, _informant, session = recorded
    text = tmp_path / "notes.mp3"
    text.write_text("not a recording at all\n" * 40)
    assert attach(store, session, text) == 1
    assert "Nothing was imported" in capsys.readouterr().err
    assert store.recordings(session.id) == []


def test_m4a_without_pyav_says_what_to_install_or_how_to_convert(
        store, recorded, tmp_path, monkeypatch, capsys):
    from reflect.audio import phone

    _story, _informant, session = recorded
    m4a = tmp_path / "Voice 001.m4a"
    m4a.write_bytes(b"\0\0\0\x20ftypM4A \0\0\0\0M4A mp42isom" + bytes(64))
    monkeypatch.setattr(phone, "_have_av", lambda: False)
    assert attach(store, session, m4a) == 1
    err = capsys.readouterr().err
    assert "AAC (m4a)" in err and "pip install av" in err and "reflect[transcribe]" in err
    assert "WAV, FLAC or MP3" in err and store.recordings(session.id) == []


def test_a_withdrawn_informants_recording_is_hidden_and_not_exported(
        store, recorded, speech, tmp_path, capsys):
    _story, informant, session = recorded
    assert attach(store, session, speech / "memo.wav") == 0
    store.record_check(informant.id, "withdrawn", utcnow().date())
    assert store.recordings(session.id) == []
    db = cli_db(store.engine)
    assert main(["--db", db, "recording", "list", session.id.hex[:8]]) == 0
    assert "No recording of this session to show" in capsys.readouterr().out
    assert main(["--db", db, "export", "bundle", "--with-audio", "--out",
                 str(tmp_path / "b.zip")]) == 0
    reader = ZipBundleReader(tmp_path / "b.zip")
    assert reader.counts["recordings"] == 0 and reader.counts["recording_chunks"] == 0
    reader.close()
    assert attach(store, session, speech / "memo.wav") == 1
    assert "withdrew" in capsys.readouterr().err


def test_an_erasure_destroys_the_recording_and_says_so(store, recorded, speech, capsys):
    from sqlmodel import Session as DBSession
    from sqlmodel import select

    from reflect.models_audio import Recording, RecordingChunk

    story, informant, session = recorded
    assert attach(store, session, speech / "memo.ogg") == 0
    store.record_check(informant.id, "withdrawn", utcnow().date())
    db = cli_db(store.engine)
    capsys.readouterr()
    assert main(["--db", db, "erase", story.id.hex[:8], "Maya"]) == 1
    assert "also destroys 1 recording" in capsys.readouterr().err
    assert main(["--db", db, "erase", story.id.hex[:8], "Maya", "--confirm"]) == 0
    assert "Destroyed for good: 1 recording" in capsys.readouterr().out
    with DBSession(store.engine) as check:
        assert check.exec(select(Recording)).all() == []
        assert check.exec(select(RecordingChunk)).all() == []


def test_bundles_carry_audio_only_with_audio_and_merge_it(
        store, recorded, speech, tmp_path, new_database, capsys):
    _story, _informant, session = recorded
    assert attach(store, session, speech / "memo.wav") == 0
    [recording] = store.recordings(session.id)
    sound, _rate = store.read_pcm(recording.id)
    db = cli_db(store.engine)
    assert main(["--db", db, "export", "bundle", "--out", str(tmp_path / "words.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "words.zip") as plain:
        assert not any("recording" in name for name in plain.namelist())
    assert main(["--db", db, "export", "bundle", "--with-audio", "--out",
                 str(tmp_path / "voices.zip")]) == 0
    assert "not sealed" in capsys.readouterr().out

    other = Store(open_engine(new_database()))
    other_db = cli_db(other.engine)
    assert main(["--db", other_db, "import", str(tmp_path / "words.zip")]) == 0
    assert other.recordings(session.id) == []
    assert main(["--db", other_db, "import", str(tmp_path / "voices.zip")]) == 0
    [copied] = other.recordings(session.id)
    assert copied.id == recording.id and copied.duration_ms == recording.duration_ms
    assert other.read_pcm(copied.id)[0] == sound
    assert main(["--db", other_db, "import", str(tmp_path / "voices.zip")]) == 0  # again
    assert len(other.recordings(session.id)) == 1
    other.engine.dispose()


def test_redacted_exports_refuse_the_audio(store, recorded, tmp_path, capsys):
    db = cli_db(store.engine)
    assert main(["--db", db, "export", "bundle", "--with-audio", "--redact", "--out",
                 str(tmp_path / "b.zip")]) == 1
    assert "cannot hide names in the recordings' sound" in capsys.readouterr().err
    assert not (tmp_path / "b.zip").exists()


def test_the_qdpx_holds_the_recording_as_an_audio_source_with_sync_points(
        store, recorded, speech, tmp_path, capsys):
    from xml.etree import ElementTree

    _story, _informant, session = recorded
    assert attach(store, session, speech / "memo.wav", "--offset", "0.5") == 0
    [recording] = store.recordings(session.id)
    db = cli_db(store.engine)
    assert main(["--db", db, "export", "qdpx", "--out", str(tmp_path / "plain.qdpx")]) == 0
    with zipfile.ZipFile(tmp_path / "plain.qdpx") as plain:
        assert b"AudioSource" not in plain.read("project.qde")
    assert main(["--db", db, "export", "qdpx", "--with-audio", "--out",
                 str(tmp_path / "p.qdpx")]) == 0
    assert "1 recording as an audio source" in capsys.readouterr().out
    with zipfile.ZipFile(tmp_path / "p.qdpx") as project:
        mp3 = project.read(f"sources/{recording.id}.mp3")
        root = ElementTree.fromstring(project.read("project.qde"))
    assert mp3[:3] == b"ID3" or mp3[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")
    ns = {"q": "urn:QDA-XML:project:1.0"}
    [audio] = root.findall(".//q:Sources/q:AudioSource", ns)
    assert audio.get("guid") == str(recording.id)
    assert audio.get("path") == f"internal://{recording.id}.mp3"
    transcript = audio.find("q:Transcript", ns)
    text = transcript.find("q:PlainTextContent", ns).text
    points = {int(p.get("timeStamp")): int(p.get("position"))
              for p in transcript.findall("q:SyncPoint", ns)}
    assert points.keys() == {500, 2500}  # codes 1 s and 3 s, the file starting at 0.5 s
    assert text[points[500]:].startswith("The day centre stayed open late")
    assert text[points[2500]:].startswith("because the mothers asked")
    from lxml import etree

    from tests.unit.test_exports_analysis import SCHEMA

    SCHEMA.assertValid(etree.fromstring(ElementTree.tostring(root)))


def test_a_sealed_bundle_carries_the_audio_sealed(store, recorded, speech, tmp_path,
                                                  new_database, capsys):
    """--with-audio --to: the sound travels sealed (no chunk readable in the file) and
    arrives whole with the coordinator's key."""
    import pyrage

    _story, _informant, session = recorded
    assert attach(store, session, speech / "memo.flac") == 0
    [recording] = store.recordings(session.id)
    sound, _rate = store.read_pcm(recording.id)
    identity = pyrage.x25519.Identity.generate()
    (tmp_path / "coord.pub").write_text(f"{identity.to_public()}\n")
    (tmp_path / "coord.key").write_text(f"{identity}\n")
    sealed = tmp_path / "voices.sealed"
    assert main(["--db", cli_db(store.engine), "export", "bundle", "--with-audio", "--to",
                 str(tmp_path / "coord.pub"), "--from", "Ana", "--out", str(sealed)]) == 0
    assert "not sealed" not in capsys.readouterr().out
    other = Store(open_engine(new_database()))
    assert main(["--db", cli_db(other.engine), "import", str(sealed), "--key",
                 str(tmp_path / "coord.key")]) == 0, capsys.readouterr().err
    [copied] = other.recordings(session.id)
    assert other.read_pcm(copied.id)[0] == sound
    other.engine.dispose()
