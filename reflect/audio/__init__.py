"""Audio (issue 34): the codec that chunks are stored in, and capture from a microphone or a
file. Core code: never imports Textual; soundfile, numpy and miniaudio are imported only when
audio is encoded, decoded or captured, never when reflect starts."""
