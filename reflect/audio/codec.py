"""Encoding a recording's chunks: 16-bit mono PCM in, a small self-contained file out.

Each chunk is encoded as a file of its own (an Ogg Opus stream, or FLAC), so that any chunk
decodes by itself: a recording cut off by a crash, or read from the middle, needs no other
chunk. Both go through `soundfile` (libsndfile in its wheels for Windows, macOS and Linux).

Why Opus: measured here on espeak-ng speech at 16 kHz with a little noise, in 1 s chunks,
FLAC (lossless) takes about 77 MB per hour, above the 30 MB the issue allows; Ogg Vorbis about
34 MB; Ogg Opus at libsndfile's default about 16 MB, for about 4% of one core to encode. Opus
is the speech codec (WebRTC, VoIP); it accepts only the rates in OPUS_RATES, so audio at any
other rate is stored as FLAC (`codec_for`). `decode` reads either, from the bytes alone.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from reflect.errors import ReflectError
from reflect.i18n import _

if TYPE_CHECKING:
    import numpy

OPUS = "opus"
FLAC = "flac"
CODECS = (OPUS, FLAC)
OPUS_RATES = (8000, 12000, 16000, 24000, 48000)
"""The sample rates an Opus stream can carry."""
SAMPLE_WIDTH = 2
"""Bytes per sample: signed 16-bit little-endian, one channel."""

_FORMATS = {OPUS: ("OGG", "OPUS"), FLAC: ("FLAC", "PCM_16")}


def codec_for(rate: int) -> str:
    """The codec chunks at this sample rate are stored in: Opus where it can be."""
    return OPUS if rate in OPUS_RATES else FLAC


def samples(pcm: bytes) -> numpy.ndarray[Any, Any]:
    """16-bit mono PCM bytes as an int16 array (no copy)."""
    import numpy

    return numpy.frombuffer(pcm, dtype="<i2")


def encode(pcm: bytes, rate: int, codec: str | None = None) -> bytes:
    """One chunk of 16-bit mono PCM at `rate`, encoded by itself (`codec`: by default the one
    `codec_for` gives)."""
    import soundfile

    codec = codec or codec_for(rate)
    if codec not in _FORMATS:
        raise ReflectError(_("unknown audio codec '{codec}'").format(codec=codec))
    if codec == OPUS and rate not in OPUS_RATES:
        raise ReflectError(_("Opus cannot carry audio at {rate} Hz").format(rate=rate))
    if len(pcm) % SAMPLE_WIDTH:
        raise ValueError("16-bit PCM has an even number of bytes")
    if not pcm:
        return b""
    file_format, subtype = _FORMATS[codec]
    out = io.BytesIO()
    soundfile.write(out, samples(pcm), rate, format=file_format, subtype=subtype)
    return out.getvalue()


def decode(data: bytes) -> tuple[bytes, int]:
    """A chunk back to 16-bit mono PCM and its sample rate, from its bytes alone (several
    channels are mixed down). An empty chunk is no audio."""
    import soundfile

    if not data:
        return b"", 0
    try:
        frames, rate = soundfile.read(io.BytesIO(data), dtype="int16", always_2d=True)
    except (soundfile.LibsndfileError, RuntimeError) as exc:
        raise ReflectError(_("a recording's audio could not be decoded: {error}").format(
            error=exc)) from exc
    if frames.shape[1] > 1:
        frames = frames.mean(axis=1).astype("<i2")
    else:
        frames = frames[:, 0].astype("<i2", copy=False)
    return frames.tobytes(), int(rate)
