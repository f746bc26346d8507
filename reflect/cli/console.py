"""Where the command line prints: results on stdout, problems and progress on stderr.

On a terminal, with `bidi` at `app` (reflect.bidi.mode()), Hebrew and Arabic are put in reading
order here, since the terminal does not reorder them: every printed line is a paragraph in the
interface's direction, wrapped to the terminal in logical order and then reordered (paths,
commands, options and numbers kept as units), right-aligned in a Hebrew or Arabic interface;
a table's cells are laid out as rich lays them out in logical order (a word longer than its
column cut at its logical end), then each cell line is shaped and reordered, and the columns
run right to left in a Hebrew or Arabic interface.
Into a file or a pipe, and with `bidi terminal`, everything stays in logical order, unchanged.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reflect import bidi, bidi_lines, formats
from reflect.i18n import _
from reflect.text import visible

console = Console(soft_wrap=True)
errors = Console(stderr=True, soft_wrap=True)


def reorders(out: Console) -> bool:
    """Whether what goes to `out` is put in reading order: a terminal, and reflect (not the
    terminal) reorders."""
    return out.is_terminal and bidi.mode() == "app"


def _interface_rtl() -> bool:
    return bidi.interface_rtl()


def _styles(text: Text) -> list[Style | str]:
    """The style of every character of a rich Text (its spans over its base style)."""
    if not text.spans:
        return [text.style] * len(text.plain)
    layers: list[tuple[str | Style, ...]] = [(text.style,)] * len(text.plain)
    for span in text.spans:
        for index in range(span.start, min(span.end, len(layers))):
            layers[index] = (*layers[index], span.style)
    combined: dict[tuple[str | Style, ...], Style] = {}
    for layer in set(layers):
        combined[layer] = Style.combine(Style.parse(style) if isinstance(style, str) else style
                                        for style in layer)
    return [combined[layer] for layer in layers]


def _drawn(line: Text, rtl: bool, isolates: list[tuple[int, int]] | None = None) -> Text:
    """One logical line in drawing order, each character keeping its style."""
    styles = _styles(line)
    drawn = Text(end=line.end)
    for index, char in bidi_lines.drawn_line(line.plain, rtl, isolates):
        drawn.append(char, styles[index])
    return drawn


def reading_lines(message: Text, width: int, rtl: bool) -> list[Text]:
    """A message as a terminal that does not reorder must receive it: each line is a
    paragraph in direction `rtl`, wrapped to `width` in logical order, each piece reordered
    and right-aligned when `rtl`. In a left-to-right paragraph, lines without Hebrew or Arabic
    are left as they are."""
    shown: list[Text] = []
    for line in message.split("\n", allow_blank=True):
        if not bidi_lines.without_marks(line.plain).strip():
            shown.append(Text(end=line.end))  # blank but for direction marks: blank
            continue
        if not (rtl or bidi.has_rtl(line.plain)):
            shown.append(line)
            continue
        spans = bidi_lines.units(line.plain)
        for start, end in bidi_lines.wrap(line.plain, width):
            piece = _drawn(line[start:end], rtl, bidi_lines.line_units(spans, start, end))
            if rtl and width > 0:
                piece.pad_left(max(0, width - piece.cell_len))
            shown.append(piece)
    return shown


def _line_width(out: Console) -> int:
    """Lines end one cell before the terminal's edge: a mark written in the last column
    would join the cell before it (tmux), and a full line may wrap twice."""
    return max(out.width - 1, 1)


def reading_order(text: str, to_terminal: bool, width: int | None = None) -> str:
    """Hebrew or Arabic lines in reading order on a terminal that does not reorder them
    itself (in the interface's direction, wrapped to `width`); logical order into a file or a
    pipe."""
    rtl = _interface_rtl()
    if not to_terminal or not (rtl or bidi.has_rtl(text)) or bidi.mode() != "app":
        return text
    lines = reading_lines(Text(text), width or _line_width(console), rtl)
    return "\n".join(line.plain for line in lines)


def _emit(out: Console, message: Text) -> None:
    rtl = _interface_rtl()
    if not reorders(out) or not (rtl or bidi.has_rtl(message.plain)):
        out.print(message, highlight=False)
        return
    for line in reading_lines(message, _line_width(out), rtl):
        out.print(line, highlight=False)


def one_line(text: str) -> str:
    """A question answered on its line (a passphrase, yes) or a progress bar's label: in
    reading order when stderr is a terminal, neither wrapped nor right-aligned, since the
    answer or the bar follows it."""
    if not reorders(errors) or not bidi.has_rtl(text):
        return text
    body = text.rstrip()
    return bidi_lines.display_paragraph_line(body, _interface_rtl()) + text[len(body):]


def say(message: str) -> None:
    """Print plain text (no rich markup: names and paths may hold brackets; control codes are
    shown, not obeyed)."""
    _emit(console, Text(visible(message)))


def warn(message: str | Text) -> None:
    """Print a problem on stderr: plain text as `say`, or a rich Text with its styles."""
    _emit(errors, message if isinstance(message, Text) else Text(visible(message)))


def wrote(path: Path, detail: str = "") -> str:
    """'Wrote FILE (N bytes)', in the interface language."""
    size = formats.number(path.stat().st_size)
    if detail:
        return _("Wrote {path} ({detail}, {size} bytes)").format(path=path, size=size,
                                                                 detail=detail)
    return _("Wrote {path} ({size} bytes)").format(path=path, size=size)


class _Cell:
    """A table cell in reading order: wrapped to its column in logical order as rich wraps it
    (a word longer than the column, or a line of a no_wrap column, cut at its logical end),
    then each line shaped and reordered; right-aligned when the cell reads right to left (its
    own first strong letter, or the interface's direction when it has none)."""

    def __init__(self, text: Text, interface_rtl: bool) -> None:
        self.text = text
        self.interface_rtl = interface_rtl

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rtl = _reads_rtl(self.text.plain, self.interface_rtl)
        for line in self.text.wrap(console, options.max_width, overflow=options.overflow,
                                   no_wrap=options.no_wrap):
            line.rstrip()
            drawn = _drawn(line, rtl) if bidi.has_rtl(line.plain) else line
            drawn.justify = "right" if rtl else "left"
            drawn.no_wrap = True
            drawn.overflow = "crop"
            drawn.end = "\n"
            yield drawn


def _reads_rtl(text: str, interface_rtl: bool) -> bool:
    """A cell's direction: its first strong letter's (stored text reads the way it was
    written), else the interface's."""
    direction = bidi_lines.first_strong(text)
    return interface_rtl if direction is None else direction == "rtl"


def _cell(content: RenderableType | None, interface_rtl: bool) -> RenderableType:
    if isinstance(content, str):
        content = Text(visible(content))
    if isinstance(content, Text):
        return _Cell(content, interface_rtl)
    return content if content is not None else ""


def _has_rtl(content: object) -> bool:
    plain = content.plain if isinstance(content, Text) else content
    return isinstance(plain, str) and bidi.has_rtl(plain)


class PlainTable(Table):
    """A rich Table whose string cells are stored text, shown as written (never markup); in
    reading order on a terminal (see the module's docstring)."""

    def add_row(self, *cells: RenderableType | None, **kwargs: Any) -> None:
        super().add_row(*(Text(visible(c)) if isinstance(c, str) else c for c in cells),
                        **kwargs)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rtl = _interface_rtl()
        if not reorders(console) or not (rtl or any(
                _has_rtl(cell) for column in self.columns
                for cell in [column.header, *column._cells])):
            yield from super().__rich_console__(console, options)
            return
        table = copy.copy(self)
        columns = [dataclasses.replace(column, header=_cell(column.header, rtl),
                                       _cells=[_cell(cell, rtl) for cell in column._cells])
                   for column in self.columns]
        table.columns = columns[::-1] if rtl else columns
        for index, column in enumerate(table.columns):
            column._index = index
        yield from Table.__rich_console__(table, console, options)


def say_columns(rows: Iterable[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    """Rows of plain columns, each but the last padded to its width, as `say` prints them; on
    a terminal in reading order, the columns running right to left in a Hebrew or Arabic
    interface, each cell cut to its width at its logical end."""
    table = [tuple(visible(cell) for cell in row) for row in rows]
    rtl = _interface_rtl()
    if not reorders(console) or not (rtl or any(bidi.has_rtl("".join(row)) for row in table)):
        for row in table:
            padded = [f"{cell:<{width}}" for cell, width in zip(row, widths, strict=False)]
            say(" ".join([*padded, *row[len(widths):]]))
        return
    room = _line_width(console) - sum(widths) - len(widths)  # what the last column may take
    last = min(max((Text(" ".join(row[len(widths):])).cell_len for row in table), default=0),
               max(room, 1))
    for row in table:
        drawn = []
        for cell, width in zip([*row[:len(widths)], " ".join(row[len(widths):])],
                               [*widths, last], strict=True):
            text = Text(cell)
            text.truncate(width, overflow="ellipsis")
            reads_rtl = _reads_rtl(text.plain, rtl)
            shown = _drawn(text, reads_rtl) if bidi.has_rtl(text.plain) else text
            if reads_rtl:
                shown.pad_left(width - shown.cell_len)
            else:
                shown.pad_right(width - shown.cell_len)
            drawn.append(shown)
        line = Text(" ").join(drawn[::-1] if rtl else drawn)
        line.rstrip()
        if rtl:  # the table against the right edge, where right-to-left lines begin
            line.pad_left(_line_width(console) - line.cell_len)
        console.print(line, highlight=False)


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
        task = bar.add_task(one_line(what), total=None)

        def update(step: str, done: int, total: int) -> None:
            bar.update(task, description=one_line(f"{what}: {step.replace('_', ' ')}"),
                       completed=done, total=total)

        yield update
