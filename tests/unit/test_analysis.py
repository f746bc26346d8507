"""Principles of action, evidence, themes (common principles) and the demo set, in the core."""

from __future__ import annotations

import pytest

from reflect.errors import ReflectError
from reflect.exchange.demo import load_demo, read_demo
from reflect.method.analysis import passages, topics_of
from reflect.store import ConsentRecord

pytestmark = pytest.mark.both_backends


@pytest.fixture
def demo(store, catalog):
    return load_demo(store, catalog)


def test_demo_loads_once_with_everything(store, catalog, demo):
    assert demo == {"stories": 5, "interviews": 10, "answers": 71, "principles": 13,
                    "evidence": 18, "themes": 6}
    assert load_demo(store, catalog)["stories"] == 0
    assert len(store.stories()) == 5
    for story in store.stories():
        roles = {r.informant.role for r in store.interviews_of(story.id)}
        assert "social_worker" in roles and roles & {"client", "family_member"}
    assert len(read_demo().stories) == 5


def test_the_hebrew_demo_is_hebrew_throughout(store, catalog):
    """With the interface in Hebrew, `reflect demo` loads stories told and interviewed in
    Hebrew, with the protocols in Hebrew, beside (not instead of) the English set."""
    from reflect import i18n
    from reflect.exchange.demo import demo_path

    assert demo_path("he").name == "demo.he.yaml" and demo_path("pt").name == "demo.yaml"
    i18n.use("he")
    try:
        counts = load_demo(store, catalog)
    finally:
        i18n.use("en")
    assert counts == {"stories": 2, "interviews": 4, "answers": 27, "principles": 4,
                      "evidence": 6, "themes": 3}
    assert {s.title for s in store.stories()} == {"בית משלה", "יונתן חוזר ללמוד"}
    for story in store.stories():
        for session in store.sessions_for_story(story.id):
            assert store.protocol_of(session).language == "he"
    assert load_demo(store, catalog)["stories"] == 5  # the English set still loads beside it


def test_principle_parts_and_sentence(store):
    story = store.create_story("S")
    with pytest.raises(ReflectError, match="'do' part"):
        store.add_principle(story.id, situation="a crisis")
    principle = store.add_principle(story.id, situation=" a family is in crisis ",
                                    goal="calm things", action="visit at home.",
                                    rationale="you see more")
    assert principle.sentence() == ("When a family is in crisis, in order to calm things, do "
                                    "visit at home, because you see more.")
    updated = store.update_principle(principle.id, rationale="")
    assert updated.sentence() == ("When a family is in crisis, in order to calm things, do "
                                  "visit at home.")
    with pytest.raises(ReflectError, match="no part"):
        store.update_principle(principle.id, colour="blue")


def test_evidence_keeps_excerpt_and_offsets(store, interview):
    story, _, session = interview
    answer = store.save_answer(session.id, "actions-sequence",
                               text="First I visited. Then I called the school.")
    principle = store.add_principle(story.id, action="call the school")
    link = store.add_evidence(principle.id, answer.id, 17, 43)
    assert link.excerpt == "Then I called the school."
    assert answer.text[link.start:link.end] == link.excerpt
    padded = store.add_evidence(principle.id, answer.id, 16, 21)  # " Then" -> "Then"
    assert (padded.excerpt, padded.start) == ("Then", 17)
    with pytest.raises(ReflectError, match="select some words"):
        store.add_evidence(principle.id, answer.id, 5, 5)
    assert [e.excerpt for e in store.evidence([principle.id])[principle.id]] == [
        "Then I called the school.", "Then"]
    store.delete_principle(principle.id)
    assert store.principles(story.id) == []
    assert store.answers(session.id)["actions-sequence"].text.startswith("First")


def test_themes_create_merge_split_and_reach(store, demo):
    reach = store.themes_by_reach()
    assert [len(r.story_ids) for r in reach] == [3, 3, 2, 2, 2, 1]
    assert reach[0].theme.name == "Availability in crisis, backed by the department"
    home, plan = (next(r for r in reach if r.theme.name.startswith(name))
                  for name in ("Home visits", "One plan"))
    store.merge_themes(plan.theme.id, home.theme.id)
    merged = next(r for r in store.themes_by_reach() if r.theme.id == home.theme.id)
    assert len(merged.story_ids) == 3 and len(merged.principles) == 3
    assert all(r.theme.id != plan.theme.id for r in store.themes_by_reach())
    moved = [p.id for p in merged.principles if p.story_id in plan.story_ids]
    new = store.split_theme(home.theme.id, moved, "One plan, one table")
    assert {p.id for p in store.principles() if p.theme_id == new.id} == set(moved)
    with pytest.raises(ReflectError, match="choose the principles"):
        store.split_theme(home.theme.id, [], "x")
    with pytest.raises(ReflectError, match="another theme"):
        store.merge_themes(home.theme.id, home.theme.id)
    renamed = store.rename_theme(new.id, "One table")
    assert renamed.name == "One table"
    store.assign_theme(moved, None)
    assert all(p.theme_id is None for p in store.principles() if p.id in moved)


def test_topics_put_worker_and_client_side_by_side(store, demo):
    story = next(s for s in store.stories() if s.title == "Keeping Mrs. A at home")
    records = store.interviews_of(story.id)
    assert topics_of(records) == ["The success", "Before", "After", "What was done",
                                  "Why it worked", "Lessons"]
    before = [[p.question.id for p in passages(r, "Before")] for r in records]
    assert before == [["before-situation"], ["before-situation"]]
    found = [p.answer.text for r in records for p in passages(r, search="TABLE")]
    assert len(found) == 2 and all("table" in text for text in found)


def test_search_finds_all_the_words_in_any_order(store, demo):
    story = next(s for s in store.stories() if s.title == "Back to school together")
    records = store.interviews_of(story.id)

    def found(search: str) -> list[str]:
        return [p.answer.text for r in records for p in passages(r, search=search)]

    phrase = found("reachable by phone in the evenings")
    assert phrase and found("evenings PHONE reachable") == phrase
    assert set(phrase) < set(found("reachable evenings"))  # "Being reachable in the evenings"
    assert found("evenings reachable nowhere-at-all") == []
    assert found("   ") == found("")


def test_declined_interviews_are_not_read(store, catalog, interview):
    story, _, _ = interview
    client = store.add_informant(story.id, "Rosa", "client")
    store.start_interview(client.id, catalog.get("lfs-client"),
                          ConsentRecord(False, "verbal", "Ana"))
    assert [r.informant.pseudonym for r in store.interviews_of(story.id)] == ["Maya"]
