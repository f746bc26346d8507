"""Printing and publishing (issue 16): PDF typeset without a word processor, checked by
opening each file with a PDF library: text, pages, page numbers, contents, metadata."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time

import pytest
from docx import Document
from pypdf import PdfReader

from reflect import i18n
from reflect.cli import main
from reflect.exchange.book import export_book
from reflect.exchange.demo import load_demo
from reflect.exchange.documents import Block
from reflect.exchange.guide import export_consent_form, export_guide
from reflect.exchange.pdf import pdf_bytes
from reflect.exchange.typeset import TypesetError, typeset
from tests.documents import document_text


@pytest.fixture
def demo(store, catalog):
    load_demo(store, catalog)
    return store


def _outline(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def _reading_order(path, page: int) -> str:
    """A page's text in reading order (poppler's pdftotext applies the bidi algorithm)."""
    found = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
    return " ".join(re.sub("[\u202a-\u202e\u200e\u200f]", "", found).split())


def test_the_book_pdf_has_a_title_page_contents_numbers_and_properties(demo, tmp_path):
    _, docx_path, pdf_path = export_book(demo, tmp_path, "Our successes")
    reader = PdfReader(pdf_path)
    # no editors nor department given: no author (never "reflect", the program)
    assert reader.metadata.title == "Our successes" and reader.metadata.author is None
    assert "python-docx" not in str(reader.metadata.creator)
    cover = document_text_of(reader, 0)
    assert "Our successes" in cover and "All names are pseudonyms." in cover
    assert not cover.rstrip().endswith("1")  # the title page is not numbered
    contents = document_text_of(reader, 1)
    assert "Contents" in contents and "A way through the hoard" in contents
    assert _outline(reader)[:3] == ["Our successes", "Common principles",
                                    "A way through the hoard"]
    assert "Not in the final book yet" not in _outline(reader)  # a status page: drafts only
    for number in range(2, len(reader.pages) + 1):  # page numbers and the running header
        text = reader.pages[number - 1].extract_text()
        assert text.startswith("Our successes") and text.rstrip().endswith(str(number))
    assert len(reader.pages) >= 8
    whole = document_text(pdf_path)
    assert "When a family is in crisis over an elderly parent's care" in whole
    assert "DRAFT" not in whole
    properties = Document(docx_path).core_properties
    assert properties.title == "Our successes" and properties.author == ""
    draft = PdfReader(export_book(demo, tmp_path, "Our successes", draft=True)[2])
    assert all("DRAFT" in page.extract_text() for page in draft.pages)
    assert "Not in the final book yet" in _outline(draft)


def test_hostile_text_is_printed_as_written(tmp_path):
    hostile = '#set page(width: 1cm) [/] $x$ = "quoted" \\ `raw` <label> @ref *not bold*'
    pdf = pdf_bytes([Block("heading", hostile, 1), Block("para", hostile + "\nsecond line")],
                    hostile)
    (tmp_path / "h.pdf").write_bytes(pdf)
    text = document_text(tmp_path / "h.pdf")
    # the running header, the heading and the paragraph: all as typed
    assert text.count("#set page(width: 1cm) [/] $x$") == 3 and "second line" in text
    assert PdfReader(tmp_path / "h.pdf").metadata.title == hostile


def test_typst_sets_each_pdf_in_a_child_process_and_its_failure_is_explained():
    # the app keeps none of Typst's memory: the exporting process never imports it
    made = subprocess.run(
        [sys.executable, "-c", "import sys; from reflect.exchange.documents import Block; "
         "from reflect.exchange.pdf import pdf_bytes; "
         "pdf = pdf_bytes([Block('para', 'שלום [/] مرحبا')], 'T'); "
         "print(pdf[:5], 'typst' in sys.modules)"], capture_output=True, text=True, check=True)
    assert made.stdout.split() == ["b'%PDF-'", "False"]
    with pytest.raises(TypesetError, match="Could not typeset the PDF.*title"):
        typeset({"blocks": []})  # what the template needs is missing


def test_typst_stopped_by_the_system_is_explained(monkeypatch):
    """The out-of-memory killer ends the child with a signal and no message of its own."""
    from reflect.exchange import typeset as typeset_module

    def killed(command, **_options):
        return subprocess.CompletedProcess(command, -9, b"", b"")

    monkeypatch.setattr(typeset_module.subprocess, "run", killed)
    with pytest.raises(TypesetError, match=r"nothing was written\): Typst was stopped by the "
                                           r"system \(signal 9\).*out of memory"):
        typeset({"blocks": []})


def test_the_guide_and_consent_form_in_every_language(catalog, tmp_path):
    guide = export_guide(catalog.get("lfs-practitioner"), tmp_path)
    reader = PdfReader(guide[2])
    text = document_text(guide[2])
    assert "Consent, before the first question" in text and "lfs-consent-1" in text
    assert "Stage 1/6: The success · suggested 10 min" in text
    assert "Who was involved" in text  # a probe
    starts = [" ".join(page.extract_text().split())[47:60] for page in reader.pages]
    assert [start[:10] for start in starts if start.startswith("Stage")] == [
        f"Stage {n}/6:" for n in range(1, 7)]  # each stage begins a page
    form = export_consent_form(catalog.get("lfs-client"), tmp_path)
    text = document_text(form[2])
    assert "Consent form" in text and "Signature of the informant" in text
    assert [p.suffix for p in form] == [".md", ".docx", ".pdf"]
    with pytest.raises(Exception, match="not an interview protocol"):
        export_consent_form(catalog.get("after-action-review"), tmp_path)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_hebrew_and_arabic_read_in_reading_order(catalog, demo, tmp_path):
    i18n.use("he")
    try:
        guide = export_guide(catalog.get("lfs-client", "he"), tmp_path)
        page = _reading_order(guide[2], 2)
        assert "מה השתנה · מומלץ" in page
        assert "מה השתנה עבורך ועבור המשפחה שלך מאז שהתחלתם לעבוד עם השירות? (חובה)" in page
        assert "• האם היית קורא/ת לזה הצלחה? למה כן או למה לא?" in page
        _, _, book = export_book(demo, tmp_path, "הספר שלנו")
        assert "הספר שלנו" in _reading_order(book, 1)
        i18n.use("ar")
        form = export_consent_form(catalog.get("lfs-client", "ar"), tmp_path)
        assert "استمارة الموافقة" in _reading_order(form[2], 1)
    finally:
        i18n.use("en")


def test_cli_prints_the_guide_and_the_form(tmp_path, capsys):
    assert main(["export", "guide", "lfs-client", "--out", str(tmp_path)]) == 0
    assert main(["export", "consent-form", "lfs-client", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "guide-lfs-client-en.pdf" in out and "consent-form-lfs-client-en.pdf" in out
    assert main(["export", "guide", "nope", "--out", str(tmp_path)]) == 1
    assert "no protocol 'nope'" in capsys.readouterr().err


def document_text_of(reader: PdfReader, index: int) -> str:
    return " ".join(reader.pages[index].extract_text().split())


async def test_p_on_the_home_screen_prints_a_guide_and_its_consent_form(engine, catalog):
    from reflect import paths
    from reflect_tui.app import make_app
    from reflect_tui.prompts import PickDialog

    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        options = app.screen.query_one("#items")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        index = labels.index("Learning from Success - client interview  (en)")
        options.highlighted = index
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    written = sorted(p.name for p in (paths.data_dir() / "exports").glob("*.pdf"))
    assert written == ["consent-form-lfs-client-en.pdf", "guide-lfs-client-en.pdf"]


def test_the_book_reports_its_progress_story_by_story_then_each_file(demo, tmp_path):
    steps = []
    export_book(demo, tmp_path, "Book", draft=True,
                progress=lambda step, done, total: steps.append((step, done, total)))
    stories = [s for s in steps if s[0] == "stories"]
    assert stories and [done for _step, done, _total in stories] == list(range(len(stories)))
    assert steps[-4:] == [("Markdown", 0, 3), (".docx", 1, 3), ("PDF", 2, 3), ("PDF", 3, 3)]


async def test_a_long_export_shows_a_bar_and_then_where_it_wrote(engine, catalog, tmp_path):
    import threading

    from textual.widgets import ProgressBar

    from reflect_tui.app import make_app
    from reflect_tui.export_progress import SHOW_AFTER, ExportProgress, export_in_background
    from tests.ui_helpers import Told, until

    release = threading.Event()

    def slow(progress):  # a job still running until the test has seen its bar
        progress("PDF", 1, 3)
        release.wait(timeout=30)
        return [tmp_path / "book.pdf"]

    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told) as pilot:
        await pilot.pause()
        started = time.monotonic()
        export_in_background(app, "Writing the book", slow, "Book exported", tmp_path)
        await until(pilot, lambda: isinstance(app.screen, ExportProgress))
        dialog = app.screen
        # shown after SHOW_AFTER (0.3 s), while the job runs; never sooner (a loaded machine
        # may show it later, so the test asks only "not sooner")
        await until(pilot, lambda: dialog.has_class("shown"))
        assert time.monotonic() - started >= SHOW_AFTER
        bar = dialog.query_one("#export-bar", ProgressBar)
        await until(pilot, lambda: (bar.progress, bar.total) == (1, 3))
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportProgress)
        said = told.messages
        assert said == [f"book.pdf in {tmp_path}."]


async def test_an_export_that_cannot_write_says_where_and_what_to_do(engine, catalog, tmp_path):
    from reflect_tui.app import make_app
    from reflect_tui.export_progress import ExportProgress, export_in_background
    from tests.ui_helpers import Told

    def refused(_progress):
        raise PermissionError(13, "Permission denied", str(tmp_path / "book.pdf"))

    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told) as pilot:
        await pilot.pause()
        export_in_background(app, "Writing the book", refused, "Book exported", tmp_path)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportProgress)
        (said,) = told.messages
        assert said.startswith(f"Could not write {tmp_path / 'book.pdf'}: Permission denied.")
        assert "disk is not full" in said


async def test_b_offers_a_draft_when_no_ready_story_may_be_printed_yet(engine, catalog, demo):
    from reflect import paths
    from reflect.vocab import StoryStatus
    from reflect_tui.app import make_app
    from reflect_tui.book_dialog import BookDialog
    from reflect_tui.confirm import ConfirmDialog
    from reflect_tui.themes import ThemesScreen
    from tests.ui_helpers import Told, until

    for story in demo.stories():  # ready, but still being interviewed
        demo.update_story(story.id, status=StoryStatus.INTERVIEWING)
    app = make_app(engine, catalog)
    told = Told()
    async with app.run_test(size=(80, 24), message_hook=told) as pilot:
        await pilot.pause()
        app.push_screen(ThemesScreen())
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        body = str(app.screen.query_one("#confirm-body").render())
        assert "approved their words" in body and "Back to school together: its status is " \
            "interviewing; it goes in once analysed" in body
        await pilot.click("#yes")
        await until(pilot, lambda: isinstance(app.screen, BookDialog))
        assert "draft" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("ctrl+s")  # the title page as remembered (nothing yet): the default
        await until(pilot, lambda: told.messages, timeout=60)
        said = told.messages
    folder = paths.data_dir() / "exports"
    assert said == [f"book-learning-from-success-draft.md, book-learning-from-success-draft.docx, "
                    f"book-learning-from-success-draft.pdf in {folder}."]
    assert "DRAFT" in PdfReader(folder / "book-learning-from-success-draft.pdf").pages[1] \
        .extract_text()


def test_the_title_page_takes_subtitle_department_editors_and_year(demo, engine, tmp_path,
                                                                   capsys):
    db = engine.url.render_as_string(hide_password=False)
    assert main(["--db", db, "export", "book", "--title", "Ce qui a marché [/]",
                 "--subtitle", "Beer Sheva, 2024-2026", "--department", "שירותי הרווחה",
                 "--editors", "N. Levi, S. Amir", "--year", "2026", "--out", str(tmp_path)]) == 0
    pdf_path = next(tmp_path.glob("book-*.pdf"))
    reader = PdfReader(pdf_path)
    cover = document_text_of(reader, 0)
    for line in ("Ce qui a marché [/]", "Beer Sheva, 2024-2026", "2026",
                 "Edited by N. Levi, S. Amir"):
        assert line in cover
    if shutil.which("pdftotext"):
        assert "שירותי הרווחה" in _reading_order(pdf_path, 1)
    assert reader.metadata.author == "N. Levi, S. Amir"
    docx_path = next(tmp_path.glob("book-*.docx"))
    assert Document(docx_path).core_properties.author == "N. Levi, S. Amir"


def test_a_fact_reads_in_the_direction_of_its_label(catalog, tmp_path):
    """'نسخة نص الموافقة: lfs-consent-client-1-ar' is an Arabic line with a Latin id in it,
    not a Latin line: right to left in the .docx and in the PDF."""
    from docx.oxml.ns import qn

    from reflect.exchange.documents import reads_rtl

    i18n.use("ar")
    try:
        written = export_consent_form(catalog.get("lfs-client", "ar"), tmp_path)
    finally:
        i18n.use("en")
    version = next(p for p in Document(written[1]).paragraphs
                   if "lfs-consent-client-1-ar" in p.text)
    assert version._p.pPr.find(qn("w:bidi")) is not None
    assert reads_rtl(Block("fact", "lfs-consent-client-1-ar", source="نسخة نص الموافقة"))
    assert not reads_rtl(Block("fact", "מרים", source="Informant"))
