"""The REFI-QDA project as QDA programs read it: every code its own name, interviewer notes
as notes placed at their answer, the informant's variables on the source with their labels,
and valid XML whatever was typed. tools/check_qualcoder.py runs QualCoder's own importer on
such a file (outside the suite: it needs PyQt6)."""

from __future__ import annotations

import pytest

from reflect import i18n
from reflect.exchange.qdpx import NS, export_qdpx, unique_names
from reflect.store import ConsentRecord
from reflect.text import xml_text
from tests.unit.test_exports_analysis import SCHEMA, open_qdpx

pytestmark = pytest.mark.both_backends
Q = {"q": NS}
SAME = "Call the school before the first meeting"


def interview(store, catalog, story_title: str, pseudonym: str = "Maya",
              role: str = "social_worker", service: str = "Family support"):
    story = store.create_story(story_title, service)
    informant = store.add_informant(story.id, pseudonym, role)
    session = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                    ConsentRecord(True, "verbal", "Ana"))
    return story, informant, session


def coded(root, sources) -> dict[str, list[tuple[str, str]]]:
    """Code name -> (selection guid, the source's text at the selection) of each coding."""
    names = {c.get("guid"): c.get("name") for c in root.iter(f"{{{NS}}}Code")}
    found: dict[str, list[tuple[str, str]]] = {}
    for source in root.findall("q:Sources/q:TextSource", Q):
        text = sources[source.get("guid")]
        for selection in source.findall("q:PlainTextSelection", Q):
            [ref] = selection.findall("q:Coding/q:CodeRef", Q)
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            found.setdefault(names[ref.get("targetGUID")], []).append(
                (selection.get("guid"), text[start:end]))
    return found


def test_unique_names():
    names = unique_names([("t", "Ties", ""), ("a", "Ties", "Story A"), ("b", "ties", "Story A"),
                          ("c", "Call", "B"), ("d", "Call", "B"), ("e", "Alone", "C")])
    assert names == {"t": "Ties", "a": "Ties (Story A)", "b": "ties (Story A) (2)",
                     "c": "Call (B)", "d": "Call (B) (2)", "e": "Alone"}


def test_principles_with_the_same_do_part_stay_distinct_codes(store, catalog, tmp_path):
    """Two stories' principles (and two in one story) with the same 'do' text: four codes of
    four names, each coding on its own code with its exact text, the sentence described."""
    links = {}
    for title, situation in (("Back to school", "a child stops coming"),
                             ("A home of his own", "a tenant is evicted"),
                             ("A home of his own", "the rent is late")):
        story = next((s for s in store.stories() if s.title == title), None)
        if story is None:
            story, _informant, session = interview(store, catalog, title)
            answer = store.save_answer(session.id, "success-what",
                                       text=f"When {situation}, we called the school first.")
        principle = store.add_principle(story.id, situation=situation, action=SAME + ".",
                                        goal="keep the family together")
        start = answer.text.index("we called")
        links[principle.id] = store.add_evidence(principle.id, answer.id, start,
                                                 start + len("we called the school"))
    theme = store.create_theme(SAME)  # a common principle of the same name, too
    store.assign_theme([next(iter(links))], theme.id)
    summary = export_qdpx(store, tmp_path / "p.qdpx")
    root, sources = open_qdpx(tmp_path / "p.qdpx")
    SCHEMA.assertValid(root)
    codes = list(root.iter(f"{{{NS}}}Code"))
    names = [code.get("name") for code in codes]
    assert len(names) == len({name.casefold() for name in names}) == summary.codes == 4
    assert set(names) == {SAME, f"{SAME} (Back to school)", f"{SAME} (A home of his own)",
                          f"{SAME} (A home of his own) (2)"}
    principles = {str(p.id): p for p in store.principles()}
    for code in codes:
        if code.get("guid") in principles:
            description = code.find("q:Description", Q).text
            assert description == principles[code.get("guid")].sentence()
    found = coded(root, sources)
    assert sorted(len(found[name]) for name in names if name != SAME) == [1, 1, 1]
    for name, codings in found.items():
        for _guid, text in codings:
            assert text == "we called the school", name
    assert {guid for codings in found.values() for guid, _t in codings} == {
        str(link.id) for link in links.values()}


def test_notes_are_refi_qda_notes_at_their_answer(store, catalog, tmp_path):
    story, _informant, session = interview(store, catalog, "Back to school")
    answer = store.save_answer(session.id, "success-what", text="She went back in May.")
    protocol = catalog.get("lfs-practitioner")
    unanswered = next(q for q in protocol.questions if q.id != "success-what")
    notes = [store.add_note(session.id, "success-what", "She smiled here.", "Ana", code=754),
             store.add_note(session.id, unanswered.id, "A long silence.\nThen tears."),
             store.add_note(session.id, "gone-from-the-protocol", "The phone rang.")]
    summary = export_qdpx(store, tmp_path / "p.qdpx")
    root, sources = open_qdpx(tmp_path / "p.qdpx")
    SCHEMA.assertValid(root)
    assert summary.notes == 3
    [source] = root.findall("q:Sources/q:TextSource", Q)
    text = sources[str(session.id)]
    refs = [ref.get("targetGUID") for ref in source.findall("q:NoteRef", Q)]
    assert refs == [str(note.id) for note in notes]
    placed = {}
    for element in root.findall("q:Notes/q:Note", Q):
        [selection] = element.findall("q:PlainTextSelection", Q)
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        placed[element.find("q:PlainTextContent", Q).text] = (
            text[start:end], element.findtext("q:Description", None, Q))
    assert placed["She smiled here."] == (answer.text, "Ana, 00:12:34")
    # noted at an unanswered question: its heading is in the source, the note on it
    assert placed["A long silence.\nThen tears."][0].endswith(unanswered.prompt)
    assert placed["The phone rang."][0] == protocol.title
    assert str(story.id) in {c.get("guid") for c in root.findall("q:Cases/q:Case", Q)}


def test_the_informants_variables_are_on_the_source_with_labels(store, catalog, tmp_path):
    interview(store, catalog, "Back to school", "Maya", "social_worker", "Family support")
    interview(store, catalog, "A home", "Yosef", "family_member", "")
    for store_session in store.sessions_of_kind("interview"):
        store.save_answer(store_session.id, "success-what", text="An answer.")
    i18n.use("he")
    export_qdpx(store, tmp_path / "he.qdpx")
    i18n.use("en")
    export_qdpx(store, tmp_path / "en.qdpx")
    for language, path, role, variable in (
            ("en", "en.qdpx", "social worker", "Interview: role"),
            ("he", "he.qdpx", "עובד/ת סוציאלי/ת", "ריאיון: תפקיד")):
        root, _sources = open_qdpx(tmp_path / path)
        SCHEMA.assertValid(root)
        variables = {v.get("guid"): v.get("name") for v in root.iter(f"{{{NS}}}Variable")}
        assert variable in variables.values(), language
        assert len(set(variables.values())) == len(variables) == 9
        on_source = {}
        for source in root.findall("q:Sources/q:TextSource", Q):
            values = {variables[v.find("q:VariableRef", Q).get("targetGUID")]:
                      v.find("q:TextValue", Q).text for v in source.findall("q:VariableValue", Q)}
            on_source[source.get("name")] = values
        maya = on_source["Back to school: Maya"]
        assert maya[variable] == role
        assert "social_worker" not in str(on_source)
        story_key = "Interview: story" if language == "en" else "ריאיון: סיפור"
        assert maya[story_key] == "Back to school"
        assert len(maya) == 4 and len(on_source["A home: Yosef"]) == 3  # no service given
        cases = {c.get("name"): c for c in root.findall("q:Cases/q:Case", Q)}
        role_values = [v.find("q:TextValue", Q).text for v in cases["Maya"].findall(
            "q:VariableValue", Q) if variables[v.find("q:VariableRef", Q).get("targetGUID")]
            in ("Role", "תפקיד")]
        assert role_values == [role]


@pytest.mark.parametrize("hostile", ["]]>", "[/]", "[bold]x[/bold]", "a\x0bb\x1b[2Jc\x07",
                                     "<Code name=\"x\"/>&amp;", "\ufffe\uffff", "שלום 👩‍👧 مرحبا"])
def test_hostile_text_still_gives_valid_xml_and_exact_ranges(store, catalog, tmp_path, hostile):
    story, _informant, session = interview(store, catalog, f"Story {hostile}", f"M{hostile}")
    answer = store.save_answer(session.id, "success-what", text=f"Before {hostile} after.",
                               flag_quote=True)
    store.add_note(session.id, "success-what", f"Note {hostile}", author=hostile)
    principle = store.add_principle(story.id, action=f"Do {hostile}", situation=hostile)
    store.add_principle(story.id, action=f"Do {hostile}")
    link = store.add_evidence(principle.id, answer.id, 0, len(answer.text))
    export_qdpx(store, tmp_path / "p.qdpx")
    root, sources = open_qdpx(tmp_path / "p.qdpx")
    SCHEMA.assertValid(root)
    [text] = sources.values()
    [selection] = [s for s in root.iter(f"{{{NS}}}PlainTextSelection")
                   if s.get("guid") == str(link.id)]
    start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
    assert text[start:end] == xml_text(link.excerpt)  # one character for one
    assert len({c.get("name") for c in root.iter(f"{{{NS}}}Code")}) == 3
    [note] = root.findall("q:Notes/q:Note", Q)
    assert note.findtext("q:PlainTextContent", None, Q) == xml_text(f"Note {hostile}")


def test_two_interviews_of_one_informant_are_sources_of_two_names(store, catalog, tmp_path):
    """QualCoder renames a source whose name is taken ('1_Back to school: Maya'): a second
    interview of the same informant is named with its start time instead."""
    _story, informant, first = interview(store, catalog, "Back to school")
    second = store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                                   ConsentRecord(True, "verbal", "Ana"))
    for session in (first, second):
        store.save_answer(session.id, "success-what", text="An answer.")
    export_qdpx(store, tmp_path / "p.qdpx")
    root, _sources = open_qdpx(tmp_path / "p.qdpx")
    names = sorted(s.get("name") for s in root.findall("q:Sources/q:TextSource", Q))
    assert names[0] == "Back to school: Maya"
    assert names[1].startswith("Back to school: Maya (") and len(set(names)) == 2
