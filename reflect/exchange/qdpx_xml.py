"""How reflect writes REFI-QDA XML (reflect.exchange.qdpx): elements as text, every typed or
stored value escaped, every character XML forbids replaced one for one (so positions hold),
GUIDs for what is not a row made from names."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from xml.sax.saxutils import escape

from reflect.dates import as_utc
from reflect.text import xml_text

NS = "urn:QDA-XML:project:1.0"
GUIDS = uuid.UUID("0b6f7a52-3c1d-4f7e-9a0b-5e2d8c4f1a36")
"""Namespace for the GUIDs of things that are not rows (variables, codings, the user)."""


def when(moment: datetime) -> str:
    """A time as the standard's examples write it, in whole seconds UTC ('2026-12-06T09:36:22Z'):
    QualCoder then shows it as it shows its own times."""
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def guid(*parts: object) -> str:
    return str(uuid.uuid5(GUIDS, "/".join(str(p) for p in parts)))


USER = guid("user", "reflect")
_ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


_PLAIN = re.compile(r"[\w .:/+-]*")
"""Attribute values with nothing to escape (ids, positions, times, most names)."""


def _attribute(value: object) -> str:
    text = str(value)
    return text if _PLAIN.fullmatch(text) else escape(xml_text(text), _ATTRIBUTE)


def tag(name: str, attrs: dict[str, object], body: str = "", close: bool = True) -> str:
    """An element as text; attribute values and text are stored text, escaped (and control
    characters dropped) so nothing typed can break the XML."""
    attributes = "".join(f' {key}="{_attribute(value)}"'
                         for key, value in attrs.items() if value is not None)
    if not close:
        return f"<{name}{attributes}>"
    return f"<{name}{attributes}>{body}</{name}>" if body else f"<{name}{attributes}/>"


def text_tag(name: str, text: str) -> str:
    return f"<{name}>{escape(xml_text(text))}</{name}>"


def variable_value(key: str, text: str, kind: str = "TextValue") -> str:
    """A VariableValue of the variable `key` (reflect.exchange.qdpx_head.VARIABLES)."""
    return tag("VariableValue", {}, tag("VariableRef", {"targetGUID": guid("variable", key)})
               + text_tag(kind, text))
