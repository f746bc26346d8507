"""The parts of a .docx that are more than paragraphs (issue 33): a title page, the contents
as a TOC field, page numbers as a PAGE field in the footer, and heading styles that look
different at each level (chapter, section, topic), all as WordprocessingML that Word and
LibreOffice read. Word fills the contents with page numbers when it opens the file
(`updateFields` in its settings); until then the field shows the chapter titles, so a
program that never updates fields still shows what the book holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from reflect.exchange.documents import same_size

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

CHAPTER_BLUE = RGBColor(0x1F, 0x4E, 0x79)
TOPIC_GREY = RGBColor(0x4A, 0x67, 0x85)
TOC_LEVELS = "1-1"
"""The heading levels the contents lists: the chapters (Heading 1), as the PDF's do."""


def style_headings(document: DocxDocument) -> None:
    """Chapter, section and topic headings that cannot be taken for one another, nor for a
    speaker's name (bold body text): sizes 16, 13 and 11 points, the topic in small capitals
    in a lighter colour."""
    for name, size, color, small_caps in (("Heading 1", 16, CHAPTER_BLUE, False),
                                          ("Heading 2", 13, CHAPTER_BLUE, False),
                                          ("Heading 3", 11, TOPIC_GREY, True)):
        style = document.styles[name]
        font = style.font
        font.size, font.color.rgb, font.small_caps, font.bold = Pt(size), color, small_caps, True
        font.cs_bold = True  # Hebrew and Arabic headings too
        same_size(style.element.get_or_add_rPr())


def title_page(document: DocxDocument, title: str, subtitle: str, lines: list[str],
               mark: str, shape: Callable[[Paragraph], None]) -> None:
    """The book's first page: title, subtitle and the lines under them, centred, then a new
    page. `shape` marks Hebrew and Arabic paragraphs right to left."""
    for text, size, bold, space in ((title, 26, True, 160), (subtitle, 14, False, 12)):
        if text:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(text)
            run.bold, run.font.size = bold, Pt(size)
            paragraph.paragraph_format.space_before = Pt(space)
            _centre(paragraph, shape)
    for number, line in enumerate(lines):
        paragraph = document.add_paragraph(line)
        if number == 0:
            paragraph.paragraph_format.space_before = Pt(48)
        _centre(paragraph, shape)
    if mark:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(mark)
        run.bold, run.font.size, run.font.color.rgb = True, Pt(20), RGBColor(0xB0, 0x00, 0x20)
        paragraph.paragraph_format.space_before = Pt(30)
        _centre(paragraph, shape)
    document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx: unannotated


def _centre(paragraph: Paragraph, shape: Callable[[Paragraph], None]) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    shape(paragraph)


def contents(document: DocxDocument, heading: str, chapters: list[str],
             shape: Callable[[Paragraph], None]) -> None:
    """A "Contents" title and a TOC field over the chapters, then a new page. The field's
    shown text is the chapters' titles, one a line, until Word or LibreOffice updates it."""
    paragraph = document.add_paragraph()
    run = paragraph.add_run(heading)
    run.bold, run.font.size = True, Pt(16)
    shape(paragraph)
    first = document.add_paragraph()
    _field_start(first, f' TOC \\o "{TOC_LEVELS}" \\h \\z \\u ')
    paragraph = first
    for number, chapter in enumerate(chapters):
        if number:
            paragraph = document.add_paragraph()
        paragraph.add_run(chapter)
        shape(paragraph)
    _field_char(paragraph, "end")
    document.add_page_break()  # type: ignore[no-untyped-call]  # python-docx: unannotated


def page_numbers(document: DocxDocument, header: str, numbered_first: bool) -> None:
    """The page number (a PAGE field) centred in every footer, and `header` (DRAFT) at the
    top of every page; the first page (a title page) unnumbered unless `numbered_first`."""
    section = document.sections[0]
    if not numbered_first:
        section.different_first_page_header_footer = True
        if header:
            section.first_page_header.paragraphs[0].text = header
    if header:
        section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)


def update_fields_on_open(document: DocxDocument) -> None:
    """Ask Word to update the fields (the contents' page numbers) when it opens the file."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    later = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if later is None:
        settings.append(update)
    else:  # where the schema puts it: Word refuses settings out of order
        later.addprevious(update)


_AFTER_UPDATE_FIELDS = {qn(f"w:{name}") for name in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")} | {
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"} | {
    qn(f"w:{name}") for name in (
        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
        "decimalSymbol", "listSeparator")}
"""The elements of w:settings that come after w:updateFields (ECMA-376, CT_Settings)."""


def _field_start(paragraph: Paragraph, instruction: str) -> None:
    _field_char(paragraph, "begin", dirty=True)
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    run.append(text)
    paragraph._p.append(run)
    _field_char(paragraph, "separate")


def _field_char(paragraph: Paragraph, kind: str, dirty: bool = False) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    paragraph._p.append(run)
