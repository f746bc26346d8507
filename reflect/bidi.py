"""Right-to-left text in reading order on a terminal that does not reorder it.

A terminal puts characters in cells in the order it receives them, so Hebrew typed "שלום"
would read backwards and Arabic would lose its joining. Before drawing, one visual line at a
time (after wrapping, which works in logical order), we shape Arabic into its presentation
forms and reorder the line with the Unicode Bidirectional Algorithm (UAX #9, levels from
python-bidi; rule L2 reversal and L4 mirroring here, so that we know where every character
goes and styles, the cursor and clicks can follow it). The stored text is never changed.

`mode()` says who reorders: reflect ("app", the default) or a terminal that does it itself
("terminal": mlterm, Konsole or VTE with bidi on), set by REFLECT_BIDI or the settings file.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from typing import Any

RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
"""Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms."""

_STRONG_RTL = {"R", "AL"}
_SHAPING = {"delete_harakat": False, "support_ligatures": False,
            "shift_harakat_position": False}
_MODE: list[str] = []


def mode() -> str:
    """'app' (reflect reorders) or 'terminal' (the terminal does; we draw logical order):
    REFLECT_BIDI, else the saved setting (`reflect bidi terminal`), else 'app'."""
    if not _MODE:
        from reflect import settings

        chosen = os.environ.get("REFLECT_BIDI") or settings.load().get("bidi", "")
        _MODE.append("terminal" if chosen.lower() == "terminal" else "app")
    return _MODE[0]


def set_mode(value: str) -> None:
    if value not in ("app", "terminal"):
        raise ValueError("bidi must be 'app' or 'terminal'")
    _MODE[:] = [value]


def interface_rtl() -> bool:
    """Whether the interface's language is written right to left."""
    from reflect import i18n

    return i18n.is_rtl()


def has_rtl(text: str) -> bool:
    return RTL_CHARS.search(text) is not None


def starts_rtl(text: str) -> bool:
    """Whether the text's first strong character is right-to-left (the paragraph's direction,
    rules P2-P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RTL:
            return True
        if kind == "L":
            return False
    return False


@functools.cache
def _reshaper() -> Any:  # arabic_reshaper has no types
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(configuration=_SHAPING)


def shape(text: str) -> str:
    """Arabic letters in their joined (presentation) forms, one character for one."""
    if not any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in text):
        return text
    shaped = _reshaper().reshape(text)
    return shaped if len(shaped) == len(text) else text


def _levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of every character (rules X1-I2, then L1 for trailing spaces)."""
    from bidi import algorithm

    removed = algorithm.X9_REMOVED
    kept = [i for i, c in enumerate(text) if unicodedata.bidirectional(c) not in removed]
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(text, storage, False, False)
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    base = storage["base_level"]
    levels = [base] * len(text)
    for index, char in zip(kept, storage["chars"], strict=False):
        levels[index] = char["level"]
    for index in range(len(text) - 1, -1, -1):  # L1: trailing whitespace at the base level
        if not text[index].isspace():
            break
        levels[index] = base
    return levels


def _clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each base character with the combining marks (niqqud, harakat) that
    follow it: they move together and the terminal draws them in one cell."""
    clusters: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if clusters and unicodedata.combining(char):
            clusters[-1] = (clusters[-1][0], index + 1)
        else:
            clusters.append((index, index + 1))
    return clusters


def visual_order(text: str, rtl: bool | None = None) -> list[int]:
    """The logical indices of the text's characters, in the order they are drawn left to
    right (rule L2, by cluster)."""
    if not has_rtl(text) and not rtl:
        return list(range(len(text)))
    return order_of_levels(text, _levels(text, starts_rtl(text) if rtl is None else rtl))


def mirrored(char: str, level_odd: bool) -> str:
    """Brackets and the like point the other way inside right-to-left text (rule L4)."""
    if not level_odd:
        return char
    from bidi.algorithm import MIRRORED

    mirror: str = MIRRORED.get(char, char)
    return mirror


def odd_levels(text: str, rtl: bool | None = None) -> list[bool]:
    """Whether each character is drawn right-to-left (for mirroring)."""
    if not has_rtl(text) and not rtl:
        return [False] * len(text)
    return [level % 2 == 1 for level in _levels(text, starts_rtl(text) if rtl is None else rtl)]


def display_line(text: str, rtl: bool | None = None) -> str:
    """One line as a terminal that does not reorder must receive it."""
    if mode() == "terminal" or not has_rtl(text):
        return text
    shaped = shape(text)
    odd = odd_levels(text, rtl)
    return "".join(mirrored(shaped[i], odd[i]) for i in visual_order(text, rtl))


def embedding_levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of every character of a paragraph of the given direction."""
    return _levels(text, rtl)


def clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each letter with its marks (see _clusters)."""
    return _clusters(text)


def order_of_levels(text: str, levels: list[int]) -> list[int]:
    """The logical indices in drawing order for the given levels (rule L2, by cluster)."""
    pieces = _clusters(text)
    cluster_levels = [levels[start] for start, _ in pieces]
    order = list(range(len(pieces)))
    top = max(cluster_levels, default=0)
    lowest_odd = min((lv for lv in cluster_levels if lv % 2), default=top + 1)
    for level in range(top, lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if cluster_levels[order[index]] >= level:
                end = index
                while end < len(order) and cluster_levels[order[end]] >= level:
                    end += 1
                order[index:end] = reversed(order[index:end])
                index = end
            else:
                index += 1
    result: list[int] = []
    for cluster in order:
        start, end = pieces[cluster]
        result.extend(range(start, end))
    return result
