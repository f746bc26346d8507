"""Audio: recording, playback, import of recordings made elsewhere (issue 34)."""
