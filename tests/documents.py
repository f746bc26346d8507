"""Reading exported documents back as text, whatever their format, for assertions."""

from __future__ import annotations

from pathlib import Path


def document_text(path: Path) -> str:
    """The text of a .md, .docx or .pdf, white space folded to single spaces (a PDF breaks
    lines where the page does)."""
    if path.suffix == ".docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(path).paragraphs)
    elif path.suffix == ".pdf":
        from pypdf import PdfReader

        text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    else:
        text = path.read_text(encoding="utf-8")
    return " ".join(text.split())
