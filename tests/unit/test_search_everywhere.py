"""Search finds the same answers on SQLite and PostgreSQL, in every language: stemmed words,
optional accents, prefixes (Hebrew and Arabic too), pointed and unpointed Hebrew and Arabic,
the items of list answers; never a withdrawn informant's words; never an error, whatever is
typed (issues 31 and 32). Every test runs on both databases with the same expectations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, text

from reflect.store import ConsentRecord, Store
from reflect.store.engine import make_engine, open_engine
from reflect.store.search import search_answers, search_principles, snippet_parts

pytestmark = pytest.mark.both_backends

ANSWERS = {
    "success-what": "ובמשבר הראשון היא התקשרה אליי, כשהמשפחה כבר הייתה בבית. ביקרנו בביקור "
                    "קצר.",
    "success-criteria": "ساعدنا العائلة وللأطفال في المدرسة، وبالبيت أيضاً. للمدرسين دور.",
    "before-situation": "A família não tinha rendimento; la città era lontana.",
    "before-expectation": "We visited the grandmother every week at her Home.",
    "before-others": "שָׁלוֹם לַמִּשְׁפָּחָה וَالْمُعَلِّمُونَ",
}

QUERIES = [
    # English: stemmed, any case, whole words; a * makes a prefix
    ("visits", ["before-expectation"]), ("VISITING grandmother", ["before-expectation"]),
    ("home", ["before-expectation"]), ("hom", []), ("hom*", ["before-expectation"]),
    ("grandmother week", ["before-expectation"]), ("grandmother família", []),
    # Portuguese and Italian: accents optional either way
    ("familia", ["before-situation"]), ("família", ["before-situation"]),
    ("citta", ["before-situation"]), ("città", ["before-situation"]),
    ("nao rendimento", ["before-situation"]), ("lontan*", ["before-situation"]),
    # Hebrew: behind its prefixes, as a prefix, pointed or not
    ("משבר", ["success-what"]), ("ובמשבר", ["success-what"]),
    ("משפחה", ["before-others", "success-what"]),
    ("ביק*", ["success-what"]), ("ביקור", ["success-what"]), ("ביק", []),
    ("שלום", ["before-others"]), ("שָׁלוֹם", ["before-others"]),
    ("מִשְׁבָּר", ["success-what"]), ("משפח*", ["before-others", "success-what"]),
    # Arabic: behind the article and conjunctions, as a prefix, with or without harakat
    ("عائلة", ["success-criteria"]), ("المدرس*", ["success-criteria"]),
    ("مدرس*", ["success-criteria"]), ("المدرس", []), ("مُدَرِّسَة", ["success-criteria"]),
    ("المعلمون", ["before-others"]), ("معلم*", ["before-others"]),
    # scripts together
    ("משבר בבית", ["success-what"]), ("משבר grandmother", []),
]


@pytest.fixture
def answered(store, interview):
    _, _, session = interview
    for question_id, body in ANSWERS.items():
        store.save_answer(session.id, question_id, text=body)
    return store


def found(store, words: str) -> list[str]:
    return sorted(hit.question_id for hit in search_answers(store, words))


@pytest.mark.parametrize(("words", "expected"), QUERIES)
def test_the_same_words_find_the_same_answers(answered, words, expected):
    assert found(answered, words) == expected


def test_a_pointed_answer_is_marked_where_an_unpointed_word_found_it(answered):
    [hit] = search_answers(answered, "שלום")
    assert [piece for piece, marked in snippet_parts(hit.snippet) if marked] == ["שָׁלוֹם"]
    [hit] = search_answers(answered, "ביק*")
    assert [piece for piece, marked in snippet_parts(hit.snippet) if marked] == ["ביקרנו"]


LISTS = {  # a language: (items, a word of an item as one searches it, a word of no item)
    "en": (["Listened before acting", "Kept the school informed"], "listening", "budget"),
    "he": (["הקשבה למשפחה", "בְּבִיקּוּרֵי בית"], "ביקורי", "תקציב"),
    "ar": (["الاستماع للعائلة", "زيارات منزلية"], "زيارات", "ميزانية"),
    "pt": (["Escuta ativa da família", "Visitas regulares"], "familia", "orçamento"),
    "it": (["Ascolto della città", "Visite a casa"], "citta", "bilancio"),
}


@pytest.mark.parametrize("language", sorted(LISTS))
def test_list_answers_are_found_by_their_items(store, catalog, language):
    items, word, absent = LISTS[language]
    session = store.start_reflection(catalog.get("family-preservation"), "Ana")
    store.save_answer(session.id, "strengths-shown", value=items)
    [hit] = search_answers(store, word)
    assert hit.question_id == "strengths-shown" and hit.who == "reflection"
    assert any(marked for _piece, marked in snippet_parts(hit.snippet))
    assert search_answers(store, absent) == []
    store.save_answer(session.id, "strengths-shown", text="note", value=[absent])
    assert search_answers(store, word) == []
    assert [h.question_id for h in search_answers(store, f"{absent} note")] == \
        ["strengths-shown"]  # the note and an item together
    store.save_answer(session.id, "strengths-shown", value=None)
    assert search_answers(store, absent) == [] and len(search_answers(store, "note")) == 1


def test_withdrawn_informants_are_never_found(store, interview, catalog):
    story, informant, session = interview
    store.save_answer(session.id, "success-what", text="ביקור בבית with the grandmother")
    store.save_answer(session.id, "success-criteria", value=["Listened to the family"])
    other = store.add_informant(story.id, "Noa", "client")
    kept = store.start_interview(other.id, catalog.get("lfs-practitioner"),
                                 ConsentRecord(True, "verbal", "Ana"))
    store.save_answer(kept.id, "success-what", text="grandmother ביקור family")
    assert len(search_answers(store, "grandmother")) == 2
    store.record_check(informant.id, "withdrawn", date(2026, 12, 3), "by letter")
    for words in ("grandmother", "ביק*", "family", "listened", "ביקור grandmother"):
        assert {h.session_id for h in search_answers(store, words)} <= {kept.id}, words


HOSTILE = ['"', "'", "*", "**", "[/]", "", "   ", "'; DROP TABLE answer; --", "%", "_", "\\",
           ":*", "a:*", "&|!()", "<->", "NEAR(", "AND OR NOT", "\u05b8", "\u0301", "''",
           '"ביק', "ביק'*", "ـ", "x" * 500, "home & visit | !x", "home:* !", "'home'",
           "$$", "--", "/* */", "\x00", "١٢٣*", "a" + "\u0301" * 3]


@pytest.mark.parametrize("words", HOSTILE)
def test_hostile_queries_never_fail(answered, words):
    hits = search_answers(answered, words)
    assert isinstance(hits, list)
    assert isinstance(search_principles(answered, words), list)
    if not any(c.isalnum() for c in words):
        assert hits == []


def test_an_old_database_is_indexed_by_the_upgrade_and_goes_back_down(new_database, catalog):
    """A database at revision 0019 with list answers and Hebrew text: the upgrade indexes
    what it holds; going down removes the search objects and a new upgrade builds them again."""
    from alembic import command

    from reflect.store import schema

    db = new_database()
    store = Store(open_engine(db))
    session = store.start_reflection(catalog.get("family-preservation"), "Ana")
    store.save_answer(session.id, "strengths-shown", text="הוא בא לביקורים")
    store.save_answer(session.id, "gaps", value=["x"])
    store.engine.dispose()
    engine = make_engine(db)
    with engine.connect() as conn:
        command.downgrade(schema._alembic_config(conn), "0019")
        conn.commit()
    with engine.begin() as conn:
        names = set(inspect(conn).get_table_names())
        columns = {c["name"] for c in inspect(conn).get_columns("answer")}
        assert "answer_items" not in names and not {"search", "search_forms"} & columns
        if conn.dialect.name == "postgresql":
            assert conn.execute(text("SELECT count(*) FROM pg_ts_config WHERE cfgname = "
                                     "'reflect_search'")).scalar_one() == 0
        # saved by a release before 0020: a list whose items no index holds
        conn.execute(text("UPDATE answer SET value = :v WHERE question_id = 'gaps'"),
                     {"v": '["Forgot the ביקורת", "Skipped the meeting"]'})
    engine.dispose()
    upgraded = Store(open_engine(db))
    assert [h.question_id for h in search_answers(upgraded, "meetings")] == ["gaps"]
    assert [h.question_id for h in search_answers(upgraded, "ביקורת")] == ["gaps"]
    assert [h.question_id for h in search_answers(upgraded, "ביקור*")] == \
        ["gaps", "strengths-shown"]
    upgraded.save_answer(session.id, "gaps", value=["Kept the meeting"])
    assert [h.question_id for h in search_answers(upgraded, "kept")] == ["gaps"]
    upgraded.engine.dispose()


def test_a_server_without_unaccent_still_searches(new_database, catalog, monkeypatch,
                                                    backend):
    """Where the unaccent extension cannot be made (not installed, or not ours to create),
    PostgreSQL's search is built without it: words are still stemmed and found, accents then
    count (SQLite folds them always)."""
    if backend != "postgresql":
        pytest.skip("about PostgreSQL's extensions (REFLECT_TEST_POSTGRES)")
    from reflect.store import fulltext

    monkeypatch.setattr(fulltext, "SERVER_UNACCENT",
                        "CREATE EXTENSION IF NOT EXISTS reflect_no_such_extension")
    store = Store(open_engine(new_database()))
    session = store.start_reflection(catalog.get("family-preservation"), "Ana")
    store.save_answer(session.id, "gaps", text="A família visitava a città")
    assert [h.question_id for h in search_answers(store, "Família visitava")] == ["gaps"]
    assert search_answers(store, "familia") == []
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'")
                            ).scalar_one() == 0
    store.engine.dispose()
