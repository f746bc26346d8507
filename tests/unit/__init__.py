"""Unit tests: the core without the app or another process (method, store, exchange formats,
protocols, privacy). A module is here when most of its tests are; see tests/functional/."""
