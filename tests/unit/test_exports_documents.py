"""Story and book exports: the .docx opened with python-docx, and the Markdown."""

from __future__ import annotations

import pytest
from docx import Document

from reflect.cli import main
from reflect.errors import ReflectError
from reflect.exchange.book import export_book
from reflect.exchange.demo import load_demo
from reflect.exchange.documents import export_story
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends


@pytest.fixture
def demo(store, catalog):
    load_demo(store, catalog)
    return store


def paragraphs(path):
    document = Document(str(path))
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_story_docx_and_markdown(demo, tmp_path):
    story = demo.find_story("Keeping Mrs. A at home")
    markdown_path, docx_path, pdf_path = export_story(demo, story.id, tmp_path)
    assert markdown_path.stat().st_mode & 0o777 == 0o600
    content = paragraphs(docx_path)
    headings = [text for style, text in content if style.startswith("Heading") or
                style == "Title"]
    assert headings[0] == "Keeping Mrs. A at home"
    assert {"The people interviewed", "The story, topic by topic", "Principles of action",
            "Before", "What was done"} <= set(headings)
    # a principle is a paragraph whose four parts stay visible, not a long heading
    assert any(text.startswith("1. When a family is in crisis over an elderly parent's care")
               for style, text in content if style == "Normal")
    quotes = [text for style, text in content if style == "Quote"]
    assert "“I asked each child to come to a family meeting at their mother's table, not at " \
           "our office.” — Dana (social worker)" in quotes
    assert ("List Bullet", "Ruth, family member") in content
    markdown = markdown_path.read_text()
    assert markdown.startswith("**DEMO: invented stories**\n\n# Keeping Mrs. A at home\n")
    assert "> She sat at Mum's table and asked Mum what she wanted, which nobody had done.\n" \
           "> — Ruth (family member)" in markdown
    assert "Demo student" not in markdown  # interviewers are not named


def test_book_has_ready_stories_and_common_principles(demo, tmp_path):
    markdown_path, docx_path, pdf_path = export_book(demo, tmp_path, "Our successes")
    content = paragraphs(docx_path)
    headings = [text for style, text in content if style.startswith("Heading") or
                style == "Title"]
    assert headings[:2] == ["Our successes", "Common principles"]
    stories = [text for style, text in content if style == "Heading 1"]
    assert stories == ["Common principles", "A way through the hoard", "Keeping Mrs. A at home",
                       "Six children, one plan"]
    assert "A home of his own" not in "\n".join(text for _, text in content)  # not ready
    # ready, but still at "interviewing": left out, and only a draft says why (issue 33)
    assert "Back to school together" not in "\n".join(text for _, text in content)
    draft = paragraphs(export_book(demo, tmp_path / "draft", "Our successes", draft=True)[1])
    assert ("List Bullet", "Back to school together: its status is interviewing; it goes in "
            "once analysed") in draft
    found_in = [text for _, text in content if text.startswith("Found in:")]
    assert found_in[0] == ("Found in: 2 of 3 stories: A way through the hoard, Keeping Mrs. A "
                           "at home")
    markdown = markdown_path.read_text()
    assert "Demo student" not in markdown and "consent" not in markdown.lower()
    assert markdown.count("\n## ") == 4


def test_book_needs_a_ready_story(store, tmp_path):
    store.create_story("Not ready")
    with pytest.raises(ReflectError, match="marked ready"):
        export_book(store, tmp_path, "Book")


def test_cli_story_and_book(demo, tmp_path, capsys):
    db = cli_db(demo.engine)
    assert main(["--db", db, "export", "book", "--out", str(tmp_path), "--title", "B"]) == 0
    assert main(["--db", db, "export", "story", "a way through the hoard", "--out",
                 str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "book-b.docx" in out and "story-a-way-through-the-hoard.md" in out
    assert main(["--db", db, "export", "story", "nothing like this", "--out",
                 str(tmp_path)]) == 1
    assert "No story matches" in capsys.readouterr().err


def test_hebrew_and_arabic_paragraphs_are_right_to_left_in_the_docx(store, catalog, tmp_path):
    from docx.oxml.ns import qn

    from reflect.store.interviews import ConsentRecord

    story = store.create_story("חזרה לבית הספר", "שירותי רווחה", "הבן חזר ללימודים",
                               "ساعدنا العائلة")
    informant = store.add_informant(story.id, "מרים", "social_worker")
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "נועה"))
    store.save_answer(session.id, "success-what", text="היא אמרה: ״סוף סוף שקט״ (2024)")
    store.save_answer(session.id, "before-situation", text="An English answer.")
    _, docx_path, _ = export_story(store, story.id, tmp_path)
    document = Document(str(docx_path))
    by_text = {p.text: p for p in document.paragraphs}
    title = by_text["חזרה לבית הספר"]
    hebrew = next(p for text, p in by_text.items() if "סוף סוף" in text)
    english = next(p for text, p in by_text.items() if text == "An English answer.")
    for paragraph in (title, hebrew):
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None
        rtl_runs = [r for r in paragraph.runs if any("\u0590" <= c <= "\u06ff" for c in r.text)]
        assert rtl_runs and all(r._r.rPr.find(qn("w:rtl")) is not None for r in rtl_runs)
        assert all(r._r.rPr.find(qn("w:rFonts")).get(qn("w:cs")) == "Arial" for r in rtl_runs)
    assert english._p.pPr is None or english._p.pPr.find(qn("w:bidi")) is None
    # "Summary: ساعدنا العائلة": the English label comes first, so the line reads left to
    # right (as the bidi algorithm would put it) and the Arabic run in it right to left
    arabic = next(p for p in document.paragraphs if "ساعدنا العائلة" in p.text)
    assert arabic._p.pPr is None or arabic._p.pPr.find(qn("w:bidi")) is None
    assert arabic.runs[-1]._r.rPr.find(qn("w:rtl")) is not None
    assert arabic.runs[-1]._r.rPr.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"


def test_the_book_and_a_session_speak_the_interface_language(demo, tmp_path):
    from reflect import i18n
    from reflect.exchange.markdown import session_markdown

    i18n.use("he")
    markdown_path, docx_path, pdf_path = export_book(demo, tmp_path, "הספר שלנו")
    content = paragraphs(docx_path)
    headings = [text for style, text in content if style.startswith("Heading") or
                style == "Title"]
    assert headings[:2] == ["הספר שלנו", "עקרונות משותפים"]
    assert {"המרואיינים", "מה נעשה", "עקרונות פעולה"} <= set(headings)
    assert any(text.startswith("נמצא ב: 2 מתוך 3 סיפורים: ") for _, text in content)
    after_title_page = content[content.index(("Title", "הספר שלנו")) + 1:]
    lead = next(text for style, text in after_title_page if style == "Normal")
    assert lead == "3 סיפורי הצלחה, ועקרונות הפעולה שנלמדו מהם. כל השמות בדויים."
    document = Document(str(docx_path))
    from docx.oxml.ns import qn
    heading = next(p for p in document.paragraphs if p.text == "עקרונות משותפים")
    assert heading._p.pPr.find(qn("w:bidi")) is not None  # a Hebrew heading reads right to left
    assert "## עקרונות משותפים" in markdown_path.read_text()
    session = next(s for s in demo.sessions_of_kind("interview"))
    text = session_markdown(demo, session)
    assert "- **התחיל:** " in text
    assert "Started" not in text and "Consent" not in text
    i18n.use("pt")
    _, docx_path, _ = export_book(demo, tmp_path, "O nosso livro")
    assert "Princípios comuns" in [text for _, text in paragraphs(docx_path)]
