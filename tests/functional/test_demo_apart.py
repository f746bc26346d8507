"""The demo is fiction and stays apart (issue 28, point 4): its own database, a DEMO mark on
every screen and document, refused beside real work, never in a book made from real work."""

from __future__ import annotations

from datetime import date

import pytest
from docx import Document

from reflect import paths
from reflect.cli import main
from reflect.errors import ReflectError
from reflect.exchange.book import export_book
from reflect.exchange.bundle import export_bundle, import_bundle
from reflect.exchange.demo import demo_story_ids, is_demo_database, load_demo
from reflect.exchange.documents import export_story
from reflect.exchange.markdown import export_session_record
from reflect.exchange.review_copy import export_review_copy
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from reflect_tui.app import make_app
from reflect_tui.story import StoryScreen
from tests.backends import cli_db
from tests.documents import document_text
from tests.ui_helpers import screen_lines, until

MARK = "DEMO: invented stories"
DEMO_TITLE = "Keeping Mrs. A at home"


def real_work(store: Store, catalog, title: str = "Our [b]own[/b] family") -> object:
    """A real story, ready for the book, with an approved client who answered."""
    story = store.create_story(title, "Family support", "Back home")
    store.update_story(story.id, ready_for_book=True, status="analysed")
    who = store.add_informant(story.id, "Dana", "client")
    session = store.start_interview(who.id, catalog.get("lfs-client"),
                                    ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(session.id, "change-what", text="We found a flat near the school.")
    store.record_check(who.id, "approved", date(2026, 12, 1), "in person")
    return story


def stories_in(db: str) -> list[str]:
    engine = open_engine(db)
    try:
        return sorted(s.title for s in Store(engine).stories())
    finally:
        engine.dispose()


def test_reflect_demo_opens_its_own_database_and_leaves_yours_alone(catalog, capsys):
    mine = paths.default_db_url()
    real_work(Store(open_engine(mine)), catalog)

    assert main(["demo"]) == 0  # not a terminal: loads, says where, starts no app
    out = capsys.readouterr().out
    demo = paths.data_dir() / "demo.db"
    assert "Loaded the demo set: 5 stories" in out
    assert f"The demo's invented stories are in {demo}" in out
    assert "Back to your own data: run reflect without 'demo'." in out
    assert stories_in(mine) == ["Our [b]own[/b] family"]
    assert DEMO_TITLE in stories_in(str(demo)) and len(stories_in(str(demo))) == 5
    assert main(["demo", "--no-app"]) == 0
    assert "already in this database; nothing changed" in capsys.readouterr().out


def test_the_demo_is_refused_in_a_database_that_holds_real_stories(catalog, tmp_path, capsys):
    mine = str(tmp_path / "department.db")
    real_work(Store(open_engine(mine)), catalog)

    assert main(["--db", mine, "demo"]) == 1
    err = capsys.readouterr().err
    assert "This database holds real stories; the demo's invented stories never go beside " \
           "them" in err
    assert f"'reflect demo' opens {paths.data_dir() / 'demo.db'}" in err
    assert "Nothing was changed." in err
    assert stories_in(mine) == ["Our [b]own[/b] family"]
    course = str(tmp_path / "course" / "demo.db")  # --db still puts it where a course wants
    assert main(["--db", course, "demo", "--no-app"]) == 0
    assert len(stories_in(course)) == 5
    with pytest.raises(ReflectError, match="holds real stories"):
        load_demo(Store(open_engine(mine)), catalog)


@pytest.mark.both_backends
def test_a_bundle_with_demo_stories_is_refused_by_a_database_with_real_work(
        store, catalog, new_database, tmp_path, capsys):
    demo = Store(open_engine(new_database()))
    load_demo(demo, catalog)
    export_bundle(demo, tmp_path / "course.zip")
    real_work(store, catalog)
    before = sorted(s.title for s in store.stories())

    with pytest.raises(ReflectError, match="carries the demo's invented stories"):
        import_bundle(store, tmp_path / "course.zip")
    assert main(["--db", cli_db(store.engine), "import", str(tmp_path / "course.zip")]) == 1
    err = capsys.readouterr().err
    assert "carries the demo's invented stories (" in err and ", …)" in err
    assert "this database holds real work" in err
    assert "Nothing was imported" in err and "import it into the demo database" in err
    assert sorted(s.title for s in store.stories()) == before
    empty = Store(open_engine(new_database()))  # an empty database may become a demo one
    import_bundle(empty, tmp_path / "course.zip")
    assert is_demo_database(empty) and not is_demo_database(store)


def test_a_book_made_from_real_work_never_prints_a_demo_story(store, catalog, tmp_path):
    load_demo(store, catalog)  # a database from before issue 28: the demo beside real work
    real_work(store, catalog)
    for draft in (False, True):
        for path in export_book(store, tmp_path / str(draft), "Our book", draft=draft):
            text = document_text(path)
            assert "Our [b]own[/b] family" in text and "We found a flat" in text
            assert DEMO_TITLE not in text and "Dana (social worker)" not in text
            assert "DEMO" not in text and "Elderly and family support" not in text


def test_every_document_of_the_demo_says_demo(store, catalog, tmp_path):
    load_demo(store, catalog)
    story = store.find_story(DEMO_TITLE)
    assert story.id in demo_story_ids()
    book = export_book(store, tmp_path / "book", "Demo book")
    draft = export_book(store, tmp_path / "draft", "Demo book", draft=True)
    record = export_session_record(store, store.interviews_of(story.id)[0].session,
                                   tmp_path / "record")
    copy = export_review_copy(store, store.informants(story.id)[0].id, tmp_path / "copy")
    for markdown, docx, pdf in (book, export_story(store, story.id, tmp_path / "story"),
                                record, copy):
        assert markdown.read_text(encoding="utf-8").startswith(f"**{MARK}**")
        assert Document(docx).sections[0].header.paragraphs[0].text == MARK
        assert MARK in document_text(pdf)
    assert draft[0].read_text(encoding="utf-8").startswith(f"**DRAFT · {MARK}**")
    # a real story's documents carry no mark
    real = real_work(Store(open_engine(str(tmp_path / "real.db"))), catalog)
    real_store = Store(open_engine(str(tmp_path / "real.db")))
    markdown, _, _ = export_story(real_store, real.id, tmp_path / "real")
    assert "DEMO" not in markdown.read_text(encoding="utf-8")


async def test_every_screen_of_the_demo_database_says_demo(engine, catalog):
    store = Store(engine)
    load_demo(store, catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "DEMO: invented stories" in screen_lines(app)[0]
        story = store.find_story(DEMO_TITLE)
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        assert "reflect · DEMO: invented stories" in screen_lines(app)[0]


async def test_the_app_started_on_the_demo_database_says_demo(catalog, tmp_path):
    """As `reflect demo` starts it: the database opened in the background."""
    demo = tmp_path / "demo.db"
    load_demo(Store(open_engine(str(demo))), catalog)
    app = make_app(db=str(demo))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.store is not None, what="the database opened")
        await pilot.pause()
        assert "DEMO" in screen_lines(app)[0]


async def test_a_real_database_has_no_demo_mark(engine, catalog):
    real_work(Store(engine), catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "DEMO" not in "\n".join(screen_lines(app))
