"""Functional tests: the app driven by its pilot, the CLI, other processes, a real terminal
(pty) and SIGKILL. Helpers shared by both kinds stay in tests/ (ui_helpers, terminal, ...)."""
