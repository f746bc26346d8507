"""A story, and the book of stories, as documents: one block model, two renderers.

`story_blocks` (and reflect.exchange.book's `book_blocks`) decide what goes in (pseudonyms
only: informants by their pseudonym and role; interviewer names and consent details stay
out). `to_markdown` and `to_docx` only decide how it looks, so the Markdown and the .docx
never drift apart.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from reflect.bidi import has_rtl, starts_rtl
from reflect.errors import ReflectError
from reflect.exchange.progress import Progress, no_progress
from reflect.files import check_new, private_folder, slug, write_private
from reflect.i18n import _
from reflect.method.analysis import passages, topic_label, topics_of
from reflect.models import SENTENCE_LEADS, Principle, Story
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.roles import Role
from reflect.store import Store, shown_who
from reflect.store.words import HELD_REASON
from reflect.text import xml_text
from reflect.timecodes import strip_stamps

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

BlockKind = Literal["heading", "para", "quote", "bullet", "fact", "speaker", "page_break",
                    "lead", "principle", "lines"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    level: int = 0
    """Heading level (1 = document title); a principle's number; for `lines`, how many
    lines to leave for writing by hand; for a page break, ALWAYS or CHAPTER."""
    source: str = ""
    """For a quote, who said it; for a fact, its label; for a principle printed apart from
    its story (the book's common principles), the story's title."""
    parts: tuple[tuple[str, str], ...] = ()
    """For a principle: (lead, part) pairs, 'When' + the situation..., set with the lead
    marked so the four parts stay visible."""


ALWAYS = 0
"""A page break that always starts a new page (the guide's stages)."""
CHAPTER = 1
"""A page break before a chapter: a new page in the PDF only when the page is mostly used
(so a story never leaves a nearly empty page behind it); none in the .docx."""


def principle_block(number: int, principle: Principle) -> Block:
    parts = tuple((_(lead), getattr(principle, name).strip().rstrip("."))
                  for name, lead in SENTENCE_LEADS if getattr(principle, name).strip())
    return Block("principle", principle.sentence(), number, parts=parts)


def reads_rtl(block: Block) -> bool:
    """Whether a block's paragraph reads right to left: its first letter decides, and a
    fact's label comes first (an Arabic label before a Latin version id is an Arabic line)."""
    if block.kind == "fact":
        return starts_rtl(f"{block.source} {block.text}")
    return starts_rtl(block.text or block.source)


def parts_text(block: Block, mark: Callable[[str], str] = lambda lead: lead) -> str:
    """A principle's parts as one sentence, each lead passed through `mark`."""
    return _(", ").join(f"{mark(lead)} {value}" for lead, value in block.parts) + "."


def story_blocks(store: Store, story: Story, level: int = 1, final: bool = False) -> list[Block]:
    """The story: facts, informants, the reconstruction by topic, principles with quotes.
    Everything read through the gate (reflect.store.words): nothing of an informant who
    withdrew. A principle whose every passage was withdrawn is left out when `final` (the
    book), and otherwise printed with the reason in place of its quotes."""
    records = store.interviews_of(story.id)
    blocks = [Block("heading", story.title, level)]
    for name, value in ((_("Service"), story.service),
                        (_("Why it is a success"), story.success_criteria),
                        (_("Summary"), story.summary)):
        if value.strip():
            blocks.append(Block("fact", value.strip(), source=name))
    if records:
        blocks.append(Block("heading", _("The people interviewed"), level + 1))
        blocks += [Block("bullet", f"{r.informant.pseudonym}, {Role(r.informant.role).label}")
                   for r in records]
        blocks.append(Block("heading", _("The story, topic by topic"), level + 1))
        for topic in topics_of(records):
            said = [(r, passages(r, topic)) for r in records]
            if not any(found for _, found in said):
                continue
            blocks.append(Block("heading", topic_label(topic), level + 2))
            for record, found in said:
                if found:
                    speaker = f"{record.informant.pseudonym} ({Role(record.informant.role).label})"
                    blocks.append(Block("speaker", speaker))
                    # an answer flagged as a quote during the interview reads as one
                    for passage in found:  # each answer after its question: no fragments
                        text = strip_stamps(passage.answer.text).strip()
                        blocks.append(Block("lead", passage.question.prompt))
                        blocks.append(Block("quote", text, source=speaker)
                                      if passage.answer.flag_quote else Block("para", text))
    principles = store.principles(story.id)
    held = store.held_principles([p.id for p in principles])
    if final:
        principles = [p for p in principles if p.id not in held]
    evidence = store.evidence([p.id for p in principles])
    speakers = {r.session.id: r.informant for r in records}
    if principles or not final:  # the book prints no "not yet": only drafts do
        blocks.append(Block("heading", _("Principles of action"), level + 1))
    if not principles and not final:
        blocks.append(Block("para", _("No principles formulated yet.")))
    for number, principle in enumerate(principles, start=1):
        blocks.append(principle_block(number, principle))
        links = evidence[principle.id]
        if principle.id in held:
            blocks.append(Block("para", _(HELD_REASON)))
        elif not links and not final:
            blocks.append(Block("para", _("No supporting passage linked yet.")))
        for link in links:
            answer = store.answer_by_id(link.answer_id)
            who = speakers.get(answer.session_id) if answer else None
            source = shown_who(who) if who else ""
            blocks.append(Block("quote", strip_stamps(link.excerpt).strip(), source=source))
    return blocks


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind not in ("bullet", "fact") and lines and lines[-1].startswith("- "):
            lines.append("")
        if block.kind == "heading":
            lines += [f"{'#' * block.level} {block.text}", ""]
        elif block.kind == "fact":  # a list of labelled facts
            lines.append("- **" + _("{label}:").format(label=block.source) + f"** {block.text}")
        elif block.kind == "bullet":
            lines.append(f"- {block.text}")
        elif block.kind == "speaker":
            lines += ["**" + _("{label}:").format(label=block.text) + "**", ""]
        elif block.kind == "page_break":
            continue
        elif block.kind == "lead":
            lines += [f"_{block.text}_", ""]
        elif block.kind == "principle":
            lines += [f"**{block.level}.** " + parts_text(block, lambda lead: f"**{lead}**")
                      + (f"\\\n_{block.source}_" if block.source else ""), ""]
        elif block.kind == "lines":
            lines += ["\\_" * 60 + "\n" for _line in range(block.level)]
        elif block.kind == "quote":
            quoted = "\n".join(f"> {line}" for line in block.text.splitlines())
            lines += [f"{quoted}\n> — {block.source}" if block.source else quoted, ""]
        else:
            lines += [block.text, ""]
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class Cover:
    """A title page: the title, a subtitle and a few lines (service, year, editors...)."""

    title: str
    subtitle: str = ""
    lines: list[str] = field(default_factory=list)


def to_docx(blocks: list[Block], path: Path, header: str = "", author: str = "reflect",
            cover: Cover | None = None, toc: bool = False) -> None:
    """The blocks as a .docx; `header` (e.g. DRAFT) is printed at the top of every page, the
    page number at the foot; with a `cover`, a title page first (unnumbered), and with
    `toc`, the contents (a TOC field, reflect.exchange.docx_parts) after it."""
    from docx import Document  # deferred: only document exports need python-docx

    from reflect.exchange import docx_parts

    document = Document()
    properties = document.core_properties  # not python-docx's defaults (its name, 2013)
    properties.title = xml_text(next((b.text for b in blocks if b.kind == "heading"), ""))
    properties.author, properties.last_modified_by = xml_text(author), "reflect"
    properties.created = properties.modified = datetime.now(UTC)
    properties.revision, properties.comments = 1, ""
    docx_parts.style_headings(document)
    docx_parts.page_numbers(document, xml_text(header), numbered_first=cover is None)
    if cover is not None:
        docx_parts.title_page(document, xml_text(cover.title), xml_text(cover.subtitle),
                              [xml_text(line) for line in cover.lines], xml_text(header),
                              _shape)
    if toc:
        chapters = [xml_text(b.text) for b in blocks if b.kind == "heading" and b.level == 2]
        docx_parts.contents(document, _("Contents"), chapters, _shape)
        docx_parts.update_fields_on_open(document)
    for block in (replace(b, text=xml_text(b.text), source=xml_text(b.source),
                          parts=tuple((lead, xml_text(v)) for lead, v in b.parts))
                  for b in blocks):
        paragraph = _add_block(document, block)
        if paragraph is not None and (has_rtl(block.text) or has_rtl(block.source)
                                      or any(has_rtl(v) for _lead, v in block.parts)):
            _right_to_left(paragraph, rtl_paragraph=reads_rtl(block))
    buffer = io.BytesIO()
    document.save(buffer)
    write_private(path, buffer.getvalue())


def _shape(paragraph: Paragraph) -> None:
    """A paragraph of the title page or the contents, marked right to left where it holds
    Hebrew or Arabic."""
    if has_rtl(paragraph.text):
        _right_to_left(paragraph, rtl_paragraph=starts_rtl(paragraph.text))


def _add_block(document: DocxDocument, block: Block) -> Paragraph | None:
    """One block as a paragraph of the document (None for a page break)."""
    if block.kind == "heading":
        heading: Paragraph = document.add_heading(block.text, level=min(block.level - 1, 9))
        return heading
    if block.kind == "fact":
        paragraph = document.add_paragraph()
        paragraph.add_run(_("{label}: ").format(label=block.source)).bold = True
        paragraph.add_run(block.text)
        return paragraph
    if block.kind == "bullet":
        return document.add_paragraph(block.text, style="List Bullet")
    if block.kind == "speaker":
        paragraph = document.add_paragraph()
        paragraph.add_run(_("{label}:").format(label=block.text)).bold = True
        return paragraph
    if block.kind == "page_break":
        if block.level == ALWAYS:  # a chapter's Heading 1 needs no page of its own
            document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx: unannotated
        return None
    if block.kind == "lead":
        paragraph = document.add_paragraph()
        paragraph.add_run(block.text).italic = True
        return paragraph
    if block.kind == "principle":
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{block.level}. ").bold = True
        for index, (lead, value) in enumerate(block.parts):
            paragraph.add_run(lead).bold = True
            ending = "." if index == len(block.parts) - 1 else _(", ")
            paragraph.add_run(f" {value}{ending}")
        if block.source:  # the story of a common principle's member
            paragraph.add_run().add_break()
            paragraph.add_run(block.source).italic = True
        return paragraph
    if block.kind == "lines":
        for _line in range(block.level):
            paragraph = document.add_paragraph("_" * 70)
        return paragraph
    if block.kind == "quote":
        paragraph = document.add_paragraph(style="Quote")
        paragraph.add_run(_("“{quote}”").format(quote=block.text))
        if block.source:
            paragraph.add_run(f" — {block.source}").italic = True
        return paragraph
    return document.add_paragraph(block.text)


RTL_FONT = "Arial"
"""A font with Hebrew and Arabic letters on Windows and macOS (LibreOffice substitutes one)."""


def same_size(properties: Any) -> None:
    """The complex-script size (w:szCs, which Hebrew and Arabic are set in) equal to the
    size (w:sz) in run or style properties that set one."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    size = properties.find(qn("w:sz"))
    if size is None:
        return
    complex_size = properties.find(qn("w:szCs"))
    if complex_size is None:
        complex_size = OxmlElement("w:szCs")
        size.addnext(complex_size)
    complex_size.set(qn("w:val"), size.get(qn("w:val")))


def _right_to_left(paragraph: Paragraph, rtl_paragraph: bool) -> None:
    """Mark Hebrew or Arabic text for Word: the paragraph reads right to left (w:bidi, so it
    starts at the right margin) when its first letter does, and every run holding such
    letters is a right-to-left run (w:rtl) in a font that has them, tagged with its language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if rtl_paragraph:
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        if not has_rtl(run.text):
            continue
        properties = run._r.get_or_add_rPr()
        fonts = properties.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            properties.insert(0, fonts)
        fonts.set(qn("w:cs"), RTL_FONT)
        # Word sets right-to-left runs in their complex-script size, bold and italics
        run.font.cs_bold, run.font.cs_italic = run.bold, run.italic
        same_size(properties)
        properties.append(OxmlElement("w:rtl"))
        language = OxmlElement("w:lang")
        language.set(qn("w:bidi"), "ar-SA" if _ARABIC.search(run.text) else "he-IL")
        properties.append(language)


_ARABIC = re.compile("[\u0600-\u06ff]")


def write_both(blocks: list[Block], folder: Path, stem: str, header: str = "",
               progress: Progress = no_progress, author: str = "reflect",
               cover: Cover | None = None, toc: bool = False) -> list[Path]:
    """Markdown, .docx and PDF of the same blocks; `header` (DRAFT) on every page (in
    Markdown: at the top and at every page break); a title page (`cover`) and the contents
    (`toc`) in the .docx and the PDF."""
    from reflect.exchange.pdf import to_pdf

    progress("Markdown", 0, 3)

    markdown_path, docx_path = folder / f"{stem}.md", folder / f"{stem}.docx"
    pdf_path = folder / f"{stem}.pdf"
    check_new([markdown_path, docx_path, pdf_path])  # before the slow part, naming all three
    private_folder(folder)
    marked = blocks
    if header:
        marked = [Block("para", f"**{header}**")]
        for block in blocks:
            marked.append(block)
            if block.kind == "page_break":
                marked.append(Block("para", f"**{header}**"))
    write_private(markdown_path, to_markdown(marked).encode("utf-8"))
    progress(".docx", 1, 3)
    to_docx(blocks, docx_path, header, author, cover=cover, toc=toc)
    progress("PDF", 2, 3)
    title = next((b.text for b in blocks if b.kind == "heading"), stem)
    to_pdf(blocks, pdf_path, title, header=header, author=author, cover=cover, toc=toc)
    progress("PDF", 3, 3)
    return [markdown_path, docx_path, pdf_path]


def redact_blocks(blocks: list[Block], redactor: Redactor) -> list[Block]:
    return [replace(b, text=redactor(b.text), source=redactor(b.source),
                    parts=tuple((lead, redactor(value)) for lead, value in b.parts))
            for b in blocks]


def export_story(store: Store, story_id: uuid.UUID, folder: Path,
                 redactor: Redactor = NO_REDACTION,
                 progress: Progress = no_progress) -> list[Path]:
    story = store.story(story_id)
    if story is None:
        raise ReflectError(_("that story no longer exists"))
    blocks = redact_blocks(story_blocks(store, story), redactor)
    from reflect.exchange.demo import demo_mark

    return write_both(blocks, folder, f"story-{slug(redactor(story.title), fallback='story')}",
                      header=demo_mark([story.id]), progress=progress)
