"""Property: any database, exported as a bundle and imported into an empty one, is the same
database; importing the bundle once more changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.exchange.bundle import bundle_data, export_bundle, import_bundle
from reflect.protocol.catalog import load_catalog
from reflect.store import ConsentRecord, Store
from reflect.store.engine import open_engine
from tests.conftest import PROMPTS

pytestmark = pytest.mark.both_backends

CATALOG = load_catalog([PROMPTS])
INTERVIEW = CATALOG.get("lfs-practitioner")
REFLECTION = CATALOG.get("self-critique")

# Any text a person could paste: every Unicode character except lone surrogates and NUL
# (which PostgreSQL cannot store in text, and no keyboard types).
any_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
                   max_size=120)
a_name = any_text.filter(lambda t: t.strip())


@st.composite
def databases(draw):
    stories = draw(st.lists(st.fixed_dictionaries({
        "title": a_name, "service": any_text, "criteria": any_text,
        "informants": st.lists(st.fixed_dictionaries({
            "pseudonym": a_name,
            "role": st.sampled_from(["social_worker", "client", "family_member"]),
            "answers": st.dictionaries(
                st.sampled_from([q.id for q in INTERVIEW.questions if q.type == "text"]),
                any_text, max_size=4),
        }), min_size=1, max_size=2),
        "principles": st.lists(st.tuples(a_name, any_text, st.booleans()), max_size=2),
    }), min_size=1, max_size=2))
    actions = draw(st.lists(a_name, max_size=2))
    return stories, actions


def build(store: Store, stories: list, actions: list) -> None:
    theme = store.create_theme("Shared theme")
    for entry in stories:
        story = store.create_story(entry["title"], entry["service"], entry["criteria"])
        answers = []
        for person in entry["informants"]:
            informant = store.add_informant(story.id, person["pseudonym"], person["role"])
            session = store.start_interview(informant.id, INTERVIEW,
                                            ConsentRecord(True, "verbal", "Interviewer"))
            for question_id, text in person["answers"].items():
                answers.append(store.save_answer(session.id, question_id, text=text))
        for action, rationale, themed in entry["principles"]:
            principle = store.add_principle(story.id, action=action, rationale=rationale)
            if themed:
                store.assign_theme([principle.id], theme.id)
            if with_words := [a for a in answers if a.text.strip()]:
                store.add_evidence(principle.id, with_words[0].id, 0, len(with_words[0].text))
    if actions:
        reflection = store.start_reflection(REFLECTION, "Practitioner", "Case R.")
        for text in actions:
            store.add_action(reflection.id, text)


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=databases())
def test_export_then_import_gives_the_same_database(data, new_database, tmp_path_factory):
    stories, actions = data
    source = Store(open_engine(new_database()))
    target = Store(open_engine(new_database()))
    try:
        build(source, stories, actions)
        path = tmp_path_factory.mktemp("bundle") / "b.json"
        export_bundle(source, path)
        import_bundle(target, path)
        assert bundle_data(target)["tables"] == bundle_data(source)["tables"]
        assert import_bundle(target, path).changed == 0
    finally:
        source.engine.dispose()
        target.engine.dispose()
