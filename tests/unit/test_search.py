"""Full-text search: kept in step with answers and principles, ranked, paged, opened."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input

from reflect.cli import main
from reflect.exchange.demo import load_demo
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from reflect.store.search import fts_query, search_answers, search_principles, snippet_parts
from reflect_tui.app import make_app
from reflect_tui.home import HomeScreen
from reflect_tui.paged_table import PagedTable
from reflect_tui.search import SearchScreen
from reflect_tui.session import SessionScreen
from tests.backends import cli_db
from tests.ui_helpers import shown, table_rows

pytestmark = pytest.mark.both_backends


def test_index_follows_every_save(store, interview):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text="We visited the grandmother at home")
    assert [h.question_id for h in search_answers(store, "grandmother")] == ["success-what"]
    store.save_answer(session.id, "success-what", text="We phoned the school instead")
    assert search_answers(store, "grandmother") == []
    assert search_answers(store, "phon") == []  # whole words only...
    [hit] = search_answers(store, "phon*")  # ...unless asked for a prefix
    assert [h.ref_id for h in search_answers(store, "phone")] == [hit.ref_id]  # stemmed
    assert hit.story_title == "Back to school" and hit.who == "social worker"
    assert hit.question.startswith("In a few sentences")
    assert snippet_parts(hit.snippet) == [("We ", False), ("phoned", True),
                                          (" the school instead", False)]
    store.save_answer(session.id, "success-criteria", flag_quote=True)  # text unchanged
    assert len(search_answers(store, "school")) == 1


def test_snippets_fold_line_breaks_but_keep_control_characters():
    """A result shows on one line; a vertical tab or form feed stays, shown as ␋ or ␌."""
    assert snippet_parts("a\n\r\t b \x0b c\x0c\x1fd\u2003e") == [("a b \x0b c\x0c\x1fd e", False)]


def test_words_are_quoted_not_parsed():
    assert fts_query('home "visit" OR NEAR(') == '"home" "visit" "OR" "NEAR"'
    assert fts_query("vis* home") == '"vis"* "home"'
    assert fts_query("  ...  ") == ""


def test_odd_input_is_searched_as_plain_words(store, interview):
    """Quotes, operators and stars are no query syntax: input without a word finds nothing
    (not everything, not an error); operator names, accents and Arabic-Indic digits are
    words like any other, found where they were written and nowhere else."""
    story, _, session = interview
    store.save_answer(session.id, "success-what", text="She wrote NEAR( a note and ünïcödé ١٢٣")
    store.save_answer(session.id, "success-criteria", text="Nothing unusual here")
    principle = store.add_principle(story_id=story.id, action="Say NEAR( a word and ünïcödé ١٢٣")
    store.add_principle(story_id=story.id, action="Listen first")
    for words in ['"', "*", ""]:
        assert search_answers(store, words) == [], words
        assert search_principles(store, words) == [], words
    for words in ["NEAR(", "a AND", "ünïcödé", "١٢٣"]:
        assert [h.question_id for h in search_answers(store, words)] == ["success-what"], words
        assert [h.ref_id for h in search_principles(store, words)] == [principle.id], words


def test_principles_and_paging(store, catalog):
    load_demo(store, catalog)
    [principle] = search_principles(store, "emergency budget")
    assert principle.story_title == "Keeping Mrs. A at home"
    everything = search_answers(store, "the", limit=100)
    first, second = search_answers(store, "the", limit=5), \
        search_answers(store, "the", limit=5, offset=5)
    assert [h.ref_id for h in first + second] == [h.ref_id for h in everything[:10]]
    by_key = search_answers(store, "the", limit=5, before=first[-1].position)
    assert [h.ref_id for h in by_key] == [h.ref_id for h in second]  # the same page, by key
    accents = store.add_principle(story_id=principle.story_id, action="Écouter la famille")
    assert [h.ref_id for h in search_principles(store, "ecouter")] == [accents.id]


def test_search_works_on_a_database_upgraded_from_schema_1(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "schema_v1.db", path)
    store = Store(open_engine(str(path)))
    [hit] = search_answers(store, "every week")
    assert hit.question_id == "success-what"


def test_whole_words_are_matched_on_both_databases(store, interview):
    """PostgreSQL searches through its own full-text index as SQLite does through FTS5:
    whole words, any case, stemmed; punctuation and underscores only separate words."""
    _story, _informant, session = interview
    store.save_answer(session.id, "success-what", text="We phoned the School at 8%, not_late")
    assert [h.question_id for h in search_answers(store, "school phone")] == ["success-what"]
    assert search_answers(store, "8%") and search_answers(store, "not_late")
    assert search_answers(store, "not-late") and search_answers(store, "LATE not")
    assert search_answers(store, "9%") == [] and search_answers(store, "hool") == []
    assert search_answers(store, "hool*") == [] and search_answers(store, "scho*")


def test_server_database_search_pages_by_key(store, interview, catalog, backend):
    """PostgreSQL: the next page starts after the last hit's (updated_at, id), not at an
    offset; answers saved at the same moment are neither repeated nor skipped."""
    if backend != "postgresql":
        pytest.skip("runs against PostgreSQL (REFLECT_TEST_POSTGRES)")
    story, _informant, _session = interview
    for number in range(7):
        informant = store.add_informant(story.id, f"Worker {number}", "social_worker")
        session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                        ConsentRecord(True, "verbal", "Ana"))
        store.save_answer(session.id, "success-what", text=f"visit number {number}")
        store.save_answer(session.id, "success-criteria", text=f"the visit before {number}")
    everything = search_answers(store, "visit", limit=100)
    assert len(everything) == 14
    pages, last = [], None
    while True:
        page = search_answers(store, "visit", limit=3, before=last)
        if not page:
            break
        pages.append(page)
        last = page[-1].position
    assert [h.ref_id for page in pages for h in page] == [h.ref_id for h in everything]
    assert [len(page) for page in pages] == [3, 3, 3, 3, 2]


def test_cli_search(store, catalog, capsys):
    load_demo(store, catalog)
    db = cli_db(store.engine)
    assert main(["--db", db, "search", "table"]) == 0
    out = capsys.readouterr().out
    # whole words on both databases: not "stable"
    assert "6 results for 'table'" in out and "Back to school" in out
    assert main(["--db", db, "search", "zzzyyy"]) == 1


async def test_search_screen_opens_the_answer(engine, catalog):
    store = Store(engine)
    load_demo(store, catalog)
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        app.screen.query_one("#query", Input).value = "same day"
        await pilot.press("enter")
        await pilot.pause()
        results = table_rows(app, "#results")
        assert len(results) == 3
        assert sorted(row[1] for row in results) == ["family member", "family member", "principle"]
        target = next(i for i, row in enumerate(results) if row[2].startswith("What made you"))
        app.screen.query_one("#results").move_cursor(row=target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert shown(app, "#prompt").startswith("6. What made you trust the worker")


async def test_lists_load_a_page_at_a_time(engine, catalog, monkeypatch):
    store = Store(engine)
    for number in range(25):
        store.create_story(f"Story {number:02d}")
    monkeypatch.setattr(PagedTable, "PAGE", 10)
    app = make_app(engine, catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#stories", PagedTable)
        assert table.row_count == 10
        table.focus()
        for _ in range(12):
            await pilot.press("down")
        assert table.row_count == 20
        for _ in range(10):
            await pilot.press("down")
        await pilot.pause()
        assert table.row_count == 25 and table.exhausted


@pytest.mark.sqlite_only  # stemming, accents, whole words: SQLite FTS5
def test_saves_do_not_merge_the_index_and_tidying_keeps_results(store, catalog):
    from sqlalchemy import text

    load_demo(store, catalog)
    with store.engine.connect() as conn:
        automerge = conn.execute(text(
            "SELECT v FROM answer_fts_config WHERE k = 'automerge'")).scalar()
    assert automerge == 0
    before = [h.ref_id for h in search_answers(store, "home")]
    story = store.stories()[0]
    session = store.sessions_for_story(story.id)[0]
    for number in range(40):
        store.save_answer(session.id, "success-what", text=f"home visit number {number}")
    store.tidy_search_index(pages=500)
    after = [h.ref_id for h in search_answers(store, "home")]
    assert set(before) <= set(after) and len(search_answers(store, "number 39")) == 1
