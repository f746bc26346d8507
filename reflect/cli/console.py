"""Where the command line prints: results on stdout, problems and progress on stderr."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from reflect import formats
from reflect.i18n import _
from reflect.text import visible

console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)


def reading_order(text: str, to_terminal: bool) -> str:
    """Hebrew or Arabic lines in reading order on a terminal that does not reorder them
    itself; logical order into a file or a pipe."""
    from reflect import bidi

    if not to_terminal or not bidi.has_rtl(text) or bidi.mode() != "app":
        return text
    return "\n".join(bidi.display_line(line) for line in text.split("\n"))


def say(message: str) -> None:
    """Print plain text (no rich markup: names and paths may hold brackets; control codes are
    shown, not obeyed)."""
    console.print(reading_order(visible(message), console.is_terminal), highlight=False,
                  markup=False)


def warn(message: str) -> None:
    errors.print(reading_order(visible(message), errors.is_terminal), highlight=False, markup=False)


def wrote(path: Path, detail: str = "") -> str:
    """'Wrote FILE (N bytes)', in the interface language."""
    size = formats.number(path.stat().st_size)
    if detail:
        return _("Wrote {path} ({detail}, {size} bytes)").format(path=path, size=size,
                                                                 detail=detail)
    return _("Wrote {path} ({size} bytes)").format(path=path, size=size)


class PlainTable(Table):
    """A rich Table whose string cells are stored text, shown as written (never markup)."""

    def add_row(self, *cells: RenderableType | None, **kwargs: Any) -> None:
        super().add_row(*(Text(visible(c)) if isinstance(c, str) else c for c in cells),
                        **kwargs)


@contextmanager
def progress(what: str) -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar on stderr (stdout keeps only the summary); gone when done.
    Nothing is drawn when stderr is not a terminal (scripts, CI logs)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if not errors.is_terminal:
        yield lambda _step, _done, _total: None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=errors, transient=True) as bar:
        task = bar.add_task(what, total=None)

        def update(step: str, done: int, total: int) -> None:
            bar.update(task, description=f"{what}: {step.replace('_', ' ')}", completed=done,
                       total=total)

        yield update
