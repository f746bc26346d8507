"""Search in every language: Hebrew and Arabic words found with their prefixes, accents
optional in Portuguese and Italian, English still stemmed (issue 13)."""

from __future__ import annotations

import pytest

from reflect.store.search import search_answers
from reflect.wordforms import arabic_forms, hebrew_forms, search_forms

pytestmark = pytest.mark.both_backends

ANSWERS = {
    "success-what": "ובמשבר הראשון היא התקשרה אליי, כשהמשפחה כבר הייתה בבית.",
    "success-criteria": "ساعدنا العائلة وللأطفال في المدرسة، وبالبيت أيضاً.",
    "before-situation": "A família não tinha rendimento; la città era lontana.",
    "before-expectation": "We visited the grandmother every week.",
}


@pytest.fixture
def answered(store, interview):
    _, _, session = interview
    for question_id, text in ANSWERS.items():
        store.save_answer(session.id, question_id, text=text)
    return store


def found(store, words: str) -> list[str]:
    return [hit.question_id for hit in search_answers(store, words)]


@pytest.mark.parametrize("words", ["משבר", "במשבר", "ובמשבר", "משפחה", "המשפחה", "בית",
                                   "ראשון"])
def test_hebrew_words_are_found_behind_their_prefixes(answered, words):
    assert found(answered, words) == ["success-what"]


@pytest.mark.parametrize("words", ["عائلة", "العائلة", "مدرسة", "بيت", "أطفال"])
def test_arabic_words_are_found_behind_the_article_and_conjunctions(answered, words):
    assert found(answered, words) == ["success-criteria"]


def test_hebrew_and_latin_words_together(answered):
    assert found(answered, "משבר בבית") == ["success-what"]
    assert found(answered, "משבר grandmother") == []


@pytest.mark.parametrize(("words", "question"), [
    ("familia", "before-situation"), ("família", "before-situation"),
    ("citta", "before-situation"), ("città", "before-situation"),
    ("nao", "before-situation"), ("visit", "before-expectation"),
    ("visits", "before-expectation")])
def test_accents_are_optional_and_english_is_stemmed(answered, words, question):
    assert found(answered, words) == [question]


def test_prefix_forms():
    assert {"משבר", "שבר"} <= hebrew_forms("ובמשבר")
    assert "בית" in hebrew_forms("בבית") and "ב" not in hebrew_forms("בב")
    assert {"عايلة"} <= arabic_forms("للعائلة")  # hamza made optional, as users type it
    assert "مدرسة" in arabic_forms("بالمدرسة")
    assert search_forms("plain English") == ""


@pytest.mark.sqlite_only
def test_answers_saved_before_the_forms_index_are_found_after_the_upgrade(tmp_path):
    """An older database (revision 9) with a Hebrew answer: once upgraded, it is found."""
    import shutil
    import sqlite3
    from pathlib import Path

    from reflect.store import Store
    from reflect.store.engine import open_engine

    db = tmp_path / "old.db"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "schema_v9.db", db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE answer SET text = 'ובמשבר הראשון' WHERE question_id = "
                     "'success-what' AND rowid = (SELECT min(rowid) FROM answer)")
    conn.close()
    store = Store(open_engine(str(db)))
    assert found(store, "משבר") == ["success-what"]


def test_an_answer_rewritten_in_english_is_no_longer_found_by_its_hebrew_forms(answered,
                                                                             interview):
    _, _, session = interview
    answered.save_answer(session.id, "success-what", flag_quote=True)  # text unchanged
    assert found(answered, "משבר") == ["success-what"]
    answered.save_answer(session.id, "success-what", text="Now in English.")
    assert found(answered, "משבר") == []
    assert found(answered, "English") == ["success-what"]


@pytest.mark.sqlite_only  # positions in the FTS index
def test_hebrew_results_page_by_key(store, interview):
    """The forms search pages after the last hit's place in the index, like the stemmed one."""
    _, _, session = interview
    for question_id in ("success-what", "success-criteria", "before-situation"):
        store.save_answer(session.id, question_id, text="המשפחה בבית")
    every = search_answers(store, "משפחה")
    first = search_answers(store, "משפחה", limit=1)
    rest = search_answers(store, "משפחה", limit=10, before=first[0].position)
    assert [h.ref_id for h in first + rest] == [h.ref_id for h in every] and len(every) == 3
