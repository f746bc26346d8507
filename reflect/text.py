"""Stored text as it may be shown on a terminal: data, never control codes.

Whatever a user typed or a bundle brought is shown exactly, except the characters a terminal
would act on instead of drawing: C0 controls (but newline and tab), DEL and C1 controls become
visible stand-ins (U+2400 "control pictures" such as ␛ for escape and ␋ for a vertical tab,
or `\\x9b` for C1), and lone surrogates become `\\udXXX`. Markup is never interpreted: screens
build rich Text from this, the CLI prints with markup off.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"  # ␡
    if code <= 0x9F:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold (.qdpx, .docx), one character for one, so that ranges into
    it stay right: a vertical tab or form feed (Word's line and page breaks) becomes a line
    break, any other character XML forbids becomes U+FFFD."""
    return _NOT_XML.sub(lambda m: "\n" if m.group() in "\x0b\x0c" else "\ufffd", text)


def line_ends(text: str) -> str:
    """The text with every line ending a newline: CR LF (Windows) becomes LF, a lone CR (old
    Mac, some pastes) becomes LF. What the database holds (reflect.store.line_ends), so that an
    offset into an answer counts the same in reflect, QDA programs, R and any text reader."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def visible(text: str) -> str:
    """The text with every character a terminal would obey replaced by a visible stand-in."""
    return _UNSAFE.sub(_stand_in, text)
