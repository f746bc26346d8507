"""Interface lines in reading order: a message, a help line or an error is a paragraph in the
interface's direction, in which paths, commands, options and numbers are kept as units
(first-strong isolates, UAX #9 X5c: "/tmp/x", "reflect [-h] [--db DB]", "6 stages" stay whole
and in their order inside a Hebrew or Arabic sentence). It is wrapped in logical order first,
at spaces outside units, then each line is shaped and reordered (reflect.bidi)."""

from __future__ import annotations

import re
import unicodedata

from reflect.bidi import (
    clusters,
    embedding_levels,
    has_rtl,
    mirrored,
    order_of_levels,
    shape,
    starts_rtl,
)

_STRONG_RTL = {"R", "AL"}
CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Marks, embeddings, overrides and isolates: they steer the order and are not drawn."""
_BREAKS_SEGMENT = frozenset({"R", "AL", "LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI",
                             "PDI", "B", "S"})
_ARABIC_COMMA = "\u060c"  # separates the items of an Arabic sentence, never of a Latin list
_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
_QUOTES = "'\"`"
_SEPARATOR = re.compile(r"[.,;:!?]\s+(?=\d)|\s+·\s+")
"""Sentence punctuation before a number: in "'{id}', {count} stages" the number belongs to
the word after it, not to the Latin before it (rule W7 would join them); "en, he, ar" stays
one unit. A spaced middle dot separates the parts of a line ("English · lfs-client · 6
stages"): each part is a unit of its own."""
_DRAWING, _DRAWING_END = "\u2500", "\u259f"
"""Box drawing and block elements (a progress bar ░░██, a rule): they part units, never join
them ("1/14 ░░░░ 0" is two numbers around a bar)."""
_OBJECT = "\ufffc"  # an other-neutral (ON) character: what an isolate is to the text around it


def first_strong(text: str) -> str | None:
    """'rtl' or 'ltr' after the text's first strong letter; None when it has none (digits,
    punctuation)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RTL:
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


def without_marks(text: str) -> str:
    """The text without direction marks, embeddings and isolates (they are not drawn)."""
    return "".join(char for char in text if char not in CONTROLS)


def _anchors(char: str) -> bool:
    """Letters written left to right and digits: what makes a piece of text a unit."""
    return unicodedata.bidirectional(char) in ("L", "EN", "AN") and char not in CONTROLS


def _unmatched(text: str, start: int, end: int) -> set[int]:
    """Positions of the brackets in text[start:end] that have no partner there."""
    stack: list[int] = []
    lonely: set[int] = set()
    for index in range(start, end):
        char = text[index]
        if char in _PAIRS:
            stack.append(index)
        elif char in _CLOSERS:
            if stack and text[stack[-1]] == _CLOSERS[char]:
                stack.pop()
            else:
                lonely.add(index)
    return lonely | set(stack)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A piece without the sentence's punctuation and spaces around it; paths (/tmp, ~/x,
    C:\\x), options (-h, --db), and brackets and quotes closed inside it are kept."""
    while start < end:
        char, rest = text[start], text[start + 1:end]
        if _anchors(char) or char in "/\\~":
            break
        if rest[:1] and ((char == "-" and (rest[0] == "-" or rest[0].isalpha()))
                         or (char == "." and (rest[0].isalpha() or rest[0] in "./\\"))):
            break  # an option (-h, --db) or a dotted path (.venv, ./x, ../x)
        if (char in _PAIRS and _PAIRS[char] in rest) or (char in _QUOTES and char in rest):
            break
        start += 1
    while end > start:
        char, before = text[end - 1], text[start:end - 1]
        if _anchors(char) or char in "/\\%\u2026" or text[start:end].endswith("..."):
            break  # a path's last slash, a percentage, "COMMAND ..."
        if (char in _CLOSERS and _CLOSERS[char] in before) or (char in _QUOTES
                                                                and char in before):
            break
        end -= 1
    return start, end


_TOKEN = re.compile(r"\S+")
_DRIVE = re.compile(r"[A-Za-z]:[/\\]")


def _path_like(piece: str) -> bool:
    """A file's path (/tmp/x, ~/x, ./x, C:\\x, exports/x.pdf): drawn left to right whatever
    letters its names hold. 'ו/או' (and/or) is not one."""
    if not piece or any(char.isspace() for char in piece) or not ("/" in piece or "\\" in piece):
        return False
    return piece[0] in "/\\~." or _DRIVE.match(piece) is not None or _anchors(piece[0])


def _paths_with_rtl_names(text: str) -> list[tuple[int, int]]:
    """Paths whose names hold Hebrew or Arabic: one unit each, however their letters run."""
    found = []
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        while end > start and text[end - 1] in ".,;:!?'\")]}":
            end -= 1  # the sentence's punctuation after the path
        if has_rtl(text[start:end]) and _path_like(text[start:end]):
            found.append((start, end))
    return found


def units(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each run of left-to-right text in a line (a path, a command with
    its options, a number, a Latin phrase) that is drawn as one unit inside a right-to-left
    sentence. Runs stop at right-to-left letters, at brackets whose partner is outside them
    and at sentence punctuation, so "'lfs-client', 6 שלבים" keeps 6 with its word."""
    found = _paths_with_rtl_names(text)
    in_path: set[int] = set()
    for start, end in found:
        in_path.update(range(start, end))
    segment_start = 0
    for index in range(len(text) + 1):
        if index < len(text) and index not in in_path and text[index] != _ARABIC_COMMA and \
                not _DRAWING <= text[index] <= _DRAWING_END and \
                unicodedata.bidirectional(text[index]) not in _BREAKS_SEGMENT:
            continue
        cuts = sorted(_unmatched(text, segment_start, index))
        piece_start = segment_start
        for cut in [*cuts, index]:
            part = text[piece_start:cut]
            offset = piece_start
            for separator in [*_SEPARATOR.finditer(part), None]:
                piece_end = offset + separator.start() if separator else cut
                start, end = _trimmed(text, piece_start, piece_end)
                if any(_anchors(char) for char in text[start:end]):
                    found.append((start, end))
                if separator:
                    piece_start = offset + separator.end()
            piece_start = cut + 1
        segment_start = index + 1
    return sorted(found)


def isolated_levels(text: str, rtl: bool, isolates: list[tuple[int, int]]) -> list[int]:
    """Embedding levels as if each (start, end) span were wrapped in FSI ... PDI: the span is
    one neutral to the sentence around it and is resolved on its own, in the direction of its
    first strong letter (left to right when it has none)."""
    if not isolates:
        return embedding_levels(text, rtl)
    outer_text: list[str] = []
    outer_index: list[int] = []  # where each character of text is in the outer text
    spans = iter(sorted(isolates))
    span = next(spans, None)
    index = 0
    while index < len(text):
        if span is not None and index == span[0]:
            outer_index.extend([len(outer_text)] * (span[1] - span[0]))
            outer_text.append(_OBJECT)
            index = span[1]
            span = next(spans, None)
            continue
        outer_index.append(len(outer_text))
        outer_text.append(text[index])
        index += 1
    outer = embedding_levels("".join(outer_text), rtl)
    levels = [outer[position] for position in outer_index]
    for start, end in isolates:
        inner_text = text[start:end]
        inner_rtl = not _path_like(inner_text) and starts_rtl(inner_text)
        around = outer[outer_index[start]]
        base = around + 1 if (around + 1) % 2 == inner_rtl else around + 2
        inner = embedding_levels(inner_text, inner_rtl)
        levels[start:end] = [level - int(inner_rtl) + base for level in inner]
    return levels


def drawn_line(text: str, rtl: bool,
               isolates: list[tuple[int, int]] | None = None) -> list[tuple[int, str]]:
    """One line of a paragraph of the given direction, as a terminal that does not reorder
    must receive it: (logical index, character drawn) left to right, Arabic shaped, brackets
    mirrored inside right-to-left runs, units kept whole (`isolates`: the line's `units`
    unless given, e.g. the paragraph's units cut at the line's ends), direction marks left
    out."""
    if any(char in CONTROLS for char in text):
        # marks steer an algorithm that knows no units (an Arabic date's RLMs, 4\u200f/12):
        # the units are found without them, and they are not drawn
        kept = [index for index, char in enumerate(text) if char not in CONTROLS]
        position = {index: new for new, index in enumerate(kept)}
        clean = "".join(text[index] for index in kept)
        inner = None if isolates is None else [
            (min(inside), max(inside) + 1) for first, last in isolates
            if (inside := [position[i] for i in range(first, last) if i in position])]
        return [(kept[index], char) for index, char in drawn_line(clean, rtl, inner)]
    levels = isolated_levels(text, rtl, units(text) if isolates is None else isolates)
    shaped = shape(text)
    return [(index, mirrored(shaped[index], levels[index] % 2 == 1))
            for index in order_of_levels(text, levels) if text[index] not in CONTROLS]


def display_paragraph_line(text: str, rtl: bool) -> str:
    """`drawn_line` as a string (the expected screen line of a logical interface line)."""
    return "".join(char for _index, char in drawn_line(text, rtl))


def line_units(spans: list[tuple[int, int]], start: int,
               end: int) -> list[tuple[int, int]]:
    """A paragraph's units within its line text[start:end], counted from the line's start:
    a unit wrapped over two lines is a unit on each."""
    return [(max(first, start) - start, min(last, end) - start)
            for first, last in spans if first < end and last > start]


def cells(text: str) -> int:
    """How many terminal cells the text takes (marks take none, wide letters two)."""
    return sum(0 if unicodedata.combining(char) or char in CONTROLS
               else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _spaced(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of the space-separated words of text[start:end]."""
    return [(start + match.start(), start + match.end())
            for match in _TOKEN.finditer(text[start:end])]


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """The (start, end) of each line of a paragraph wrapped at `width` cells in logical order,
    at spaces outside units (a command or a path is cut only when longer than a line); the
    spaces at a break are left out."""
    if width < 1 or cells(text) <= width:
        return [(0, len(text))]
    inside = [False] * len(text)
    for start, end in units(text):
        inside[start:end] = [True] * (end - start)
    words: list[tuple[int, int]] = []  # (start, end) of the runs between breakable spaces
    start = 0
    for index, char in enumerate(text):
        if char == " " and not inside[index]:
            if index > start or not words:
                words.append((start, index))
            start = index + 1
    words.append((start, len(text)))
    lines: list[tuple[int, int]] = []
    line: tuple[int, int] | None = None
    if any(cells(text[start:end]) > width for start, end in words):  # a unit longer than a
        words = [piece for word in words for piece in _spaced(text, *word)]  # line: its words
    for word_start, word_end in words:
        if line is not None and cells(text[line[0]:word_end]) <= width:
            line = (line[0], word_end)
            continue
        if line is not None:
            lines.append(line)
        while cells(text[word_start:word_end]) > width:  # longer than a line: cut by cluster
            cut = word_start
            for _start, cluster_end in clusters(text[word_start:word_end]):
                if cells(text[word_start:word_start + cluster_end]) > width:
                    break
                cut = word_start + cluster_end
            cut = max(cut, word_start + 1)
            lines.append((word_start, cut))
            word_start = cut
        line = (word_start, word_end)
    if line is not None:
        lines.append(line)
    return lines
