"""Typeset one document with Typst, in a process of its own: `python -m reflect.exchange.typeset`
reads the document's data (JSON, as reflect.exchange.pdf builds it) on stdin and writes the PDF
on stdout.

Why a process: Typst keeps what it laid out in a cache that the python binding empties only
of entries unused for ten documents, so every PDF made in the app stayed in its memory (a
534-page book: about 450 MB, still held after the export; the next ones added to it). A
child's memory goes back to the system when the document is written. The text goes through
a pipe, never a temporary file.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any, Literal

from reflect.errors import ReflectError
from reflect.i18n import _
from reflect.package import package_file

TEMPLATE = package_file("exchange", "document.typ")
FONTS = package_file("fonts")
PDF_STANDARD: Literal["ua-1"] = "ua-1"
"""PDF/UA-1 (ISO 14289-1): Typst tags the structure (headings, paragraphs, lists, reading
order), marks the running header and the page numbers as artifacts, records the language and
the title, asks viewers to show the title (DisplayDocTitle), writes the PDF/UA identification
into the XMP metadata, and refuses to write a document that breaks the rules it checks."""
UA_REFUSED = "PDF/UA-1 error"
"""How Typst's refusal of a PDF/UA rule begins."""
FAILED = 3
"""The child's exit status when Typst refused the document (its message on stderr)."""


class TypesetError(ReflectError):
    """Typst could not set the document: its message, as the child reported it."""


def typeset(data: dict[str, Any]) -> bytes:
    """The PDF of `data`, typeset by a child process."""
    document = json.dumps(data, ensure_ascii=False).encode("utf-8")
    done = subprocess.run([sys.executable, "-m", "reflect.exchange.typeset"], input=document,
                          capture_output=True, check=False)
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        problem = lines[-1] if lines else _("exit status {status}").format(
            status=done.returncode)
        if done.returncode < 0:  # a signal, most often the system's out-of-memory killer
            problem = _("Typst was stopped by the system (signal {signal}), most often because "
                        "the computer ran out of memory for a document this long; close other "
                        "programs and try again").format(signal=-done.returncode)
        raise TypesetError(_("Could not typeset the PDF (nothing was written): {problem}")
                           .format(problem=problem))
    return done.stdout


def typeset_here(document: str) -> bytes:
    """The PDF, as PDF/UA-1 when Typst finds the text fit for it. Text is printed whatever it
    holds: a letter the bundled fonts lack (Chinese, say) or a code point PDF/UA forbids
    (U+FEFF) makes Typst refuse PDF/UA, and the same pages are then written tagged but
    without claiming it."""
    import typst

    def compile_pdf(**standard: Any) -> bytes:
        pdf: bytes = typst.compile(str(TEMPLATE), root=str(TEMPLATE.parent),
                                   font_paths=[str(FONTS)], ignore_system_fonts=True,
                                   sys_inputs={"data": document}, **standard)
        return pdf

    try:
        return compile_pdf(pdf_standards=PDF_STANDARD)
    except typst.TypstError as exc:
        if UA_REFUSED not in str(exc):
            raise
        return compile_pdf()


def main() -> int:
    document = sys.stdin.buffer.read().decode("utf-8")
    try:
        pdf = typeset_here(document)
    except Exception as exc:  # Typst's errors: reported to the parent, which raises them
        print(f"{type(exc).__name__}: {exc}".replace("\n", " "), file=sys.stderr)
        return FAILED
    sys.stdout.buffer.write(pdf)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
