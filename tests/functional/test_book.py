"""The book a department prints from the app (issue 33, point 3): its title page asked on b
and remembered by the database, no status page in the final book, common principles in their
four parts, a .docx with contents and page numbers, a PDF/UA PDF; review copies with their
questions, the interview record without Markdown syntax. Files are read back with pypdf and
python-docx."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from pypdf import PdfReader

from reflect.cli import main
from reflect.exchange.book import TitlePage, export_book, remember_page, remembered_page
from reflect.exchange.demo import load_demo
from reflect.exchange.markdown import export_session_record
from reflect.exchange.review_copy import export_review_copy
from reflect.method.session import SessionRun
from tests.documents import document_text


@pytest.fixture
def demo(store, catalog):
    load_demo(store, catalog)
    return store


def _pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def _docx_part(path, name: str) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read(name).decode("utf-8")


def test_the_final_book_has_no_status_page_and_a_draft_says_what_waits(demo, tmp_path):
    final = "\n".join(_pages(export_book(demo, tmp_path / "final", "Stories")[2]))
    for status in ("Not in the final book yet", "Not in this book yet", "Back to school together",
                   "No common principles drawn yet", "No principles formulated yet",
                   "No supporting passage linked yet", "DRAFT"):
        assert status not in final
    draft = _pages(export_book(demo, tmp_path / "draft", "Stories", draft=True)[2])
    waiting = draft[-1]
    assert waiting.splitlines()[1] == "Not in the final book yet"
    assert "Back to school together: its status is interviewing" in " ".join(waiting.split())


def test_common_principles_print_their_four_parts_with_their_story(demo, tmp_path):
    markdown, docx_path, pdf_path = export_book(demo, tmp_path, "Stories")
    chapter = markdown.read_text(encoding="utf-8").split("## Common principles")[1]
    chapter = chapter.split("\n## ")[0]
    assert "**1.** **When** a vulnerable person is at risk at home, **in order to** make the " \
           "plan real" in chapter
    assert "\\\n_Keeping Mrs. A at home_" in chapter  # the story it comes from, under it
    paragraph = next(p for p in Document(docx_path).paragraphs
                     if p.text.startswith("1. When a vulnerable person"))
    assert [run.text for run in paragraph.runs if run.bold][:3] == ["1. ", "When", "in order to"]
    assert paragraph.runs[-1].italic and paragraph.runs[-1].text == "Keeping Mrs. A at home"
    assert "1. When a vulnerable person is at risk at home, in order to make the plan real" in \
        document_text(pdf_path)


def test_the_docx_book_has_a_title_page_contents_field_and_page_numbers(demo, tmp_path):
    page = TitlePage(subtitle="Ten years of home visits", department="Welfare, north",
                     editors="N. Levi", year="2026")
    docx_path = export_book(demo, tmp_path, "Our successes", page=page)[1]
    body = _docx_part(docx_path, "word/document.xml")
    assert re.search(r'<w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText>',
                     body)
    assert body.index("Ten years of home visits") < body.index("TOC \\o") \
        < body.index("A way through the hoard")
    assert "<w:titlePg/>" in body  # the title page has a footer of its own: no number
    footers = [name for name in zipfile.ZipFile(docx_path).namelist()
               if name.startswith("word/footer")]
    assert any('w:instr=" PAGE "' in _docx_part(docx_path, name) for name in footers)
    assert '<w:updateFields w:val="true"/>' in _docx_part(docx_path, "word/settings.xml")
    texts = [p.text for p in Document(docx_path).paragraphs]
    assert texts[:6] == ["Our successes", "Ten years of home visits", "Welfare, north", "2026",
                         "Edited by N. Levi", texts[5]]
    contents = texts.index("Contents")
    assert texts[contents + 1:contents + 5] == ["Common principles", "A way through the hoard",
                                                 "Keeping Mrs. A at home",
                                                 "Six children, one plan"]
    styles = Document(docx_path).styles  # chapter, section, topic look different
    sizes = [styles[name].font.size.pt for name in ("Heading 1", "Heading 2", "Heading 3")]
    assert sizes == sorted(sizes, reverse=True) and len(set(sizes)) == 3
    assert styles["Heading 3"].font.small_caps


def test_the_pdf_is_tagged_pdf_ua_and_shows_its_title(demo, tmp_path):
    """The rules of PDF/UA-1 (ISO 14289-1) read here: marked and tagged, a language, a title
    the viewer shows (DisplayDocTitle), the PDF/UA identification in the XMP metadata."""
    page = TitlePage(editors="N. Levi, S. Amir", department="Welfare")
    reader = PdfReader(export_book(demo, tmp_path, "Our successes", page=page)[2])
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"].value and "/StructTreeRoot" in root
    assert root["/Lang"] == "en" and root["/ViewerPreferences"]["/DisplayDocTitle"].value
    xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and "Our successes" in xmp
    assert reader.metadata.title == "Our successes"
    assert reader.metadata.author == "N. Levi, S. Amir"  # the editors, not the program


def test_no_page_of_the_book_is_left_nearly_empty(demo, tmp_path):
    """A story starts on a new page only when the previous one used most of its page."""
    pages = _pages(export_book(demo, tmp_path, "Stories")[2])
    for number, text in enumerate(pages[2:-1], start=3):  # after the title page and contents
        assert len(text.splitlines()) > 25, f"page {number}: {text}"


@pytest.mark.parametrize("title, subtitle, department", [
    ("ספר ההצלחות של המחלקה", "سنوات من الزيارات المنزلية", "שירותי הרווחה"),
    ("*bold* _x_ #set [/] <b>\\", "#{1 + 1} $x$ `raw`", "=== Heading? // not a comment"),
])
def test_hostile_hebrew_and_arabic_titles_are_printed_as_written(demo, tmp_path, title,
                                                                  subtitle, department):
    page = TitlePage(subtitle=subtitle, department=department, editors=department)
    markdown, docx_path, pdf_path = export_book(demo, tmp_path, title, page=page)
    reader = PdfReader(pdf_path)
    assert reader.metadata.title == title and reader.metadata.author == department
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"].value
    properties = Document(docx_path).core_properties
    assert properties.title == title and properties.author == department
    texts = [p.text for p in Document(docx_path).paragraphs]
    assert texts[:3] == [title, subtitle, department]
    if title.isascii():  # pypdf gives Latin text in order; Hebrew is checked in the .docx
        cover = " ".join(reader.pages[0].extract_text().split())
        assert title in cover and subtitle in cover and department in cover


async def test_b_asks_the_title_page_and_the_database_remembers_it(engine, catalog, demo):
    from textual.widgets import Input

    from reflect import paths
    from reflect_tui.app import make_app
    from reflect_tui.book_dialog import BookDialog
    from reflect_tui.themes import ThemesScreen
    from tests.ui_helpers import Told, type_text, until

    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told) as pilot:
        app.push_screen(ThemesScreen())
        await pilot.pause()
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, BookDialog))
        dialog = app.screen
        assert dialog.query_one("#title", Input).value == "Learning from Success"
        dialog.query_one("#title", Input).value = ""
        await type_text(pilot, "What worked")
        for field, value in (("subtitle", "Home visits, 2024-2026"),
                             ("department", "Welfare, north district"),
                             ("editors", "N. Levi, S. Amir"), ("year", "2026")):
            dialog.query_one(f"#{field}", Input).focus()
            await type_text(pilot, value)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: told.messages, timeout=60)
        said = told.messages[0]
        assert "book-what-worked.pdf" in said and "Back to school together" in said
        await pilot.press("b")  # the next book starts from what was typed
        await until(pilot, lambda: isinstance(app.screen, BookDialog))
        assert app.screen.query_one("#editors", Input).value == "N. Levi, S. Amir"
        assert app.screen.query_one("#title", Input).value == "What worked"
        await pilot.press("escape")
    assert remembered_page(demo) == TitlePage(
        subtitle="Home visits, 2024-2026", department="Welfare, north district",
        editors="N. Levi, S. Amir", year="2026", title="What worked")
    reader = PdfReader(paths.data_dir() / "exports" / "book-what-worked.pdf")
    assert reader.metadata.title == "What worked"
    assert reader.metadata.author == "N. Levi, S. Amir"
    cover = " ".join(reader.pages[0].extract_text().split())
    for line in ("What worked", "Home visits, 2024-2026", "Welfare, north district", "2026",
                 "Edited by N. Levi, S. Amir"):
        assert line in cover


@pytest.mark.both_backends
def test_export_book_starts_from_the_remembered_title_page(demo, engine, tmp_path, capsys):
    remember_page(demo, TitlePage(subtitle="Kept subtitle", editors="Kept Editors",
                                  title="Kept title"))
    db = engine.url.render_as_string(hide_password=False)
    assert main(["--db", db, "export", "book", "--year", "2031",
                 "--out", str(tmp_path / "one")]) == 0
    reader = PdfReader(tmp_path / "one" / "book-kept-title.pdf")
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Kept subtitle" in cover and "2031" in cover and "Edited by Kept Editors" in cover
    assert reader.metadata.author == "Kept Editors"
    assert "Left out until analysed and approved (a draft lists them): Back to school " \
           "together." in " ".join(capsys.readouterr().out.split())
    assert remembered_page(demo).year == "2031"  # what it printed is kept for the next
    assert main(["--db", db, "export", "book", "--editors", "", "--out",
                 str(tmp_path / "two")]) == 0
    assert remembered_page(demo).editors == ""
    assert PdfReader(tmp_path / "two" / "book-kept-title.pdf").metadata.author is None


def test_a_review_copy_prints_each_answer_under_its_question(demo, tmp_path):
    story = next(s for s in demo.stories() if s.title == "A way through the hoard")
    yossi = next(i for i in demo.informants(story.id) if i.pseudonym == "Yossi")
    for path in export_review_copy(demo, yossi.id, tmp_path):
        text = document_text(path)
        question = text.index("In a few sentences, what was the success in this story?")
        assert question < text.index("Mr. B kept his flat."), path.suffix


def test_the_interview_record_has_no_markdown_syntax_in_pdf_and_docx(store, interview,
                                                                     tmp_path):
    _, _, session = interview
    run = SessionRun.resume(store, session.id)
    run.save_text("Back at school")
    run.toggle_flag("quote")
    run.next()
    run.skip()
    markdown, docx_path, pdf_path = export_session_record(store, store.session(session.id),
                                                          tmp_path)
    assert "_Skipped._" in markdown.read_text(encoding="utf-8")  # Markdown's own italics
    for path in (docx_path, pdf_path):
        text = document_text(path)
        assert "Skipped." in text and "Not answered." in text and "Flagged: quote." in text
        assert not re.search(r"(^|\s)_|_(\s|$)|\*\*", text), path.suffix
    lead = next(p for p in Document(docx_path).paragraphs if p.text == "Skipped.")
    assert all(run.italic for run in lead.runs)


@pytest.mark.both_backends
def test_the_title_page_settings_revision_goes_up_and_down(new_database):
    from alembic import command
    from sqlalchemy import inspect

    from reflect.store import Store, schema
    from reflect.store.engine import make_engine, open_engine

    db = new_database()
    store = Store(open_engine(db))
    remember_page(store, TitlePage(title="Kept"))
    store.engine.dispose()
    engine = make_engine(db)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0020")
        conn.commit()
    with engine.connect() as conn:
        assert not inspect(conn).has_table("databasesetting")
    engine.dispose()
    store = Store(open_engine(db))  # opening upgrades it again: an empty table
    assert remembered_page(store) == TitlePage()
    remember_page(store, TitlePage(title="Again", year="2027"))
    assert remembered_page(store) == TitlePage(title="Again", year="2027")


def test_text_the_fonts_cannot_show_is_still_printed_tagged_without_the_pdf_ua_claim(
        tmp_path):
    """PDF/UA forbids a letter with no glyph (the bundled fonts have no Chinese) and U+FEFF:
    Typst refuses the claim, and the same document is written tagged without it."""
    from reflect.exchange.documents import Block
    from reflect.exchange.pdf import pdf_bytes

    for text in ("家 and Hebrew: שלום", "a\ufeffb", "plain"):
        reader = PdfReader(io.BytesIO(pdf_bytes(
            [Block("heading", "Title", 1), Block("para", text)], "Title")))
        xmp = reader.xmp_metadata.stream.get_data().decode("utf-8")
        assert "/StructTreeRoot" in reader.trailer["/Root"]
        assert ("<pdfuaid:part>1</pdfuaid:part>" in xmp) == (text == "plain"), text
