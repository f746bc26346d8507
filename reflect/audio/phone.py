"""Recordings made elsewhere (a phone beside the laptop, a dictaphone), read into 16 kHz mono
16-bit PCM a block at a time, for `reflect recording import` (issue 34).

The kind of file is told by its first bytes, not its name. WAV, FLAC, MP3 and Ogg Vorbis are
decoded by miniaudio (its wheels carry the decoders), Ogg Opus by soundfile (libsndfile in its
wheels), both always installed with reflect; AAC (.m4a, .aac: what phones' recorder apps
mostly write), AMR and anything else by PyAV (FFmpeg in its wheels) when it is installed: it
comes with the transcription extra. Without it such a file is refused with what to install or
how to convert it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.errors import ReflectError
from reflect.i18n import _

RATE = 16000
"""What every recording is kept at: enough for speech and for speech recognition."""
BLOCK_FRAMES = RATE * 10
"""Decoded at a time (ten seconds): memory stays flat for an hour's file."""


@dataclass(frozen=True)
class Kind:
    name: str
    """'wav', 'flac', 'mp3', 'vorbis', 'opus', 'aac', 'amr', or '' when unknown."""
    label: str
    """How people call it: 'WAV', 'AAC (m4a)'..."""


def kind_of(path: Path) -> Kind:
    """The file's kind from its first bytes."""
    with path.open("rb") as file:
        head = file.read(64)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE" or head[:4] == b"RF64":
        return Kind("wav", "WAV")
    if head[:4] == b"fLaC":
        return Kind("flac", "FLAC")
    if head[:4] == b"OggS":
        if b"OpusHead" in head:
            return Kind("opus", "Ogg Opus")
        if b"\x01vorbis" in head:
            return Kind("vorbis", "Ogg Vorbis")
        return Kind("", "Ogg")
    if head[4:8] == b"ftyp":
        return Kind("aac", "AAC (m4a)")
    if head[:4] == b"ADIF" or head[:2] in (b"\xff\xf1", b"\xff\xf9"):
        return Kind("aac", "AAC")
    if head[:6] == b"#!AMR\n" or head[:9] == b"#!AMR-WB\n":
        return Kind("amr", "AMR")
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return Kind("mp3", "MP3")
    return Kind("", "")


def _have_av() -> bool:
    try:
        import av  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def needs_av_message(path: Path, kind: Kind) -> str:
    return _("{path} is an {kind} recording. reflect reads those with PyAV, which is not "
             "installed here: install it with  pip install av  (it comes with the "
             "transcription extra,  pip install 'reflect[transcribe]'), or convert the file "
             "to WAV, FLAC or MP3 first (most phone recorder apps can share it as WAV; "
             "ffmpeg -i FILE recording.flac  on a computer). Nothing was imported.").format(
        path=path, kind=kind.label)


def pcm_blocks(path: Path) -> Iterator[bytes]:
    """The recording as 16 kHz mono 16-bit PCM, a block at a time; a ReflectError saying what
    to do when the file cannot be read."""
    if not path.is_file():
        raise ReflectError(_("{path}: no such file").format(path=path))
    kind = kind_of(path)
    if kind.name in ("wav", "flac", "mp3", "vorbis"):
        return _miniaudio_blocks(path, kind)
    if kind.name == "opus":
        return _soundfile_blocks(path)
    if _have_av():
        return _av_blocks(path)
    if kind.name:
        raise ReflectError(needs_av_message(path, kind))
    raise ReflectError(_("{path} is not a recording reflect can read: it reads WAV, FLAC, MP3 "
                         "and Ogg files, and AAC (m4a) with PyAV installed. Nothing was "
                         "imported.").format(path=path))


def _unreadable(path: Path, kind: Kind, problem: object) -> ReflectError:
    return ReflectError(_("{path} looks like a {kind} file but could not be decoded ({problem}): "
                          "it may be cut short or damaged. Nothing was imported.").format(
        path=path, kind=kind.label, problem=problem))


def _miniaudio_blocks(path: Path, kind: Kind) -> Iterator[bytes]:
    import miniaudio  # type: ignore[import-untyped, unused-ignore]

    try:
        stream = miniaudio.stream_file(str(path), output_format=miniaudio.SampleFormat.SIGNED16,
                                       nchannels=1, sample_rate=RATE,
                                       frames_to_read=BLOCK_FRAMES)
        first = next(stream, None)
    except miniaudio.DecodeError as exc:
        raise _unreadable(path, kind, exc) from None
    if first is None:
        return
    yield first.tobytes()
    for block in stream:
        yield block.tobytes()


def _soundfile_blocks(path: Path) -> Iterator[bytes]:
    """Opus (and anything libsndfile reads) resampled with miniaudio's converter."""
    import miniaudio  # type: ignore[import-untyped, unused-ignore]
    import soundfile  # type: ignore[import-untyped, unused-ignore]

    try:
        info = soundfile.info(str(path))
    except (RuntimeError, soundfile.LibsndfileError) as exc:
        raise _unreadable(path, kind_of(path), exc) from None
    rate, channels = int(info.samplerate), int(info.channels)
    block = max(1, rate * BLOCK_FRAMES // RATE)
    for samples in soundfile.blocks(str(path), blocksize=block, dtype="int16"):
        data = samples.tobytes()
        if rate == RATE and channels == 1:
            yield data
        else:
            yield bytes(miniaudio.convert_frames(
                miniaudio.SampleFormat.SIGNED16, channels, rate, data,
                miniaudio.SampleFormat.SIGNED16, 1, RATE))


def _av_blocks(path: Path) -> Iterator[bytes]:
    import av  # type: ignore[import-untyped, import-not-found, unused-ignore]

    try:
        container: Any = av.open(str(path))
    except (av.error.FFmpegError, ValueError) as exc:  # not a recording FFmpeg knows
        raise ReflectError(_("{path} is not a recording reflect can read ({problem}). "
                             "Nothing was imported.").format(path=path, problem=exc)) from None
    with container:
        streams = container.streams.audio
        if not streams:
            raise ReflectError(_("{path} holds no sound. Nothing was imported.").format(
                path=path))
        resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        pending: list[bytes] = []
        held = 0
        try:
            for frame in container.decode(streams[0]):
                for out in resampler.resample(frame):
                    data = bytes(out.to_ndarray().tobytes())
                    pending.append(data)
                    held += len(data)
                    if held >= BLOCK_FRAMES * 2:
                        yield b"".join(pending)
                        pending, held = [], 0
            for out in resampler.resample(None):
                pending.append(bytes(out.to_ndarray().tobytes()))
        except av.error.FFmpegError as exc:
            raise _unreadable(path, kind_of(path), exc) from None
        if pending:
            yield b"".join(pending)


def duration_seconds(path: Path) -> float | None:
    """The recording's length as its file says (for the progress bar), None if unknown."""
    kind = kind_of(path)
    try:
        if kind.name in ("wav", "flac", "mp3", "vorbis"):
            import miniaudio  # type: ignore[import-untyped, unused-ignore]

            return float(miniaudio.get_file_info(str(path)).duration)
        if kind.name == "opus":
            import soundfile  # type: ignore[import-untyped, unused-ignore]

            return float(soundfile.info(str(path)).duration)
        if _have_av():
            import av  # type: ignore[import-untyped, import-not-found, unused-ignore]

            with av.open(str(path)) as container:
                return float(container.duration or 0) / 1_000_000 or None
    except Exception:  # noqa: BLE001 - only the progress bar's total; decoding says what is wrong
        return None
    return None
