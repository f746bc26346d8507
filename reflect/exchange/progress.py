"""How a long export or import reports how far it got: `progress(step, done, total)`.

The command line draws it as a rich bar (reflect.cli.console.progress), the app as a
progress dialog (reflect_tui.export_progress); `total` 0 means "not known yet".
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]


def no_progress(_step: str, _done: int, _total: int) -> None:
    """For callers that do not show progress."""
