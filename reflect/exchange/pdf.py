"""Documents as PDF, typeset by Typst (issue 16) with no word processor installed.

The blocks of reflect.exchange.documents go to the template (document.typ) as JSON, so every
text is set as plain text, never read as Typst markup; the fonts travel inside the package
(DejaVu Sans: Latin, Hebrew and Arabic), and system fonts are ignored, so every machine
prints the same pages. Typst sets each document in a child process (reflect.exchange.typeset),
so that its memory goes back to the system once the document is written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reflect import i18n
from reflect.bidi import starts_rtl
from reflect.exchange.documents import Block, Cover, reads_rtl
from reflect.exchange.typeset import typeset
from reflect.files import write_private
from reflect.i18n import _
from reflect.text import xml_text


def _block(block: Block) -> dict[str, Any]:
    text, source = xml_text(block.text), xml_text(block.source)
    entry = {"kind": block.kind, "text": text, "level": block.level, "source": source,
             "rtl": reads_rtl(block)}
    if block.kind == "fact":
        entry["label"] = _("{label}:").format(label=source)
    elif block.kind == "speaker":
        entry["label"] = _("{label}:").format(label=text)
    elif block.kind == "quote":
        entry["quoted"] = _("“{quote}”").format(quote=text)
    elif block.kind == "principle":
        entry["parts"] = [[lead, xml_text(value)] for lead, value in block.parts]
        entry["comma"] = _(", ")
        entry["rtl"] = starts_rtl(text)
    return entry


def pdf_bytes(blocks: list[Block], title: str, header: str = "", cover: Cover | None = None,
              toc: bool = False, running: str = "", author: str = "reflect") -> bytes:
    """The blocks typeset as a PDF; `header` (e.g. DRAFT) is printed on every page."""
    today = date.today()
    data = {"title": xml_text(title), "author": xml_text(author), "lang": i18n.language() or "en",
            "rtl": starts_rtl(title), "header": header, "running": xml_text(running or title),
            "date": [today.year, today.month, today.day], "toc": toc,
            "contents": _("Contents"),
            "cover": None if cover is None else {
                "title": xml_text(cover.title), "subtitle": xml_text(cover.subtitle),
                "lines": [xml_text(line) for line in cover.lines]},
            "blocks": [_block(b) for b in blocks]}
    return typeset(data)


def to_pdf(blocks: list[Block], path: Path, title: str, **options: Any) -> None:
    write_private(path, pdf_bytes(blocks, title, **options))
