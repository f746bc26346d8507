"""A protocol in another language is the same protocol: same ids, answers line up; the
interview is offered in the interface's language first (issue 13)."""

from __future__ import annotations

import shutil

from reflect import i18n
from reflect.cli import main
from reflect.protocol.catalog import load_catalog
from reflect_tui.app import make_app
from reflect_tui.consent import ConsentDialog
from reflect_tui.prompts import PickDialog
from reflect_tui.story import StoryScreen
from tests.conftest import PROMPTS
from tests.ui_helpers import rows


def test_every_shipped_protocol_loads_in_five_languages_with_the_same_questions(catalog):
    assert len(catalog.protocols) == 7
    for protocol_id, source in catalog.protocols.items():
        assert catalog.languages(protocol_id) == ["en", "ar", "he", "it", "pt"]
        for code in ("he", "ar", "pt", "it"):
            translated = catalog.get(protocol_id, code)
            assert translated.language == code and translated.version == source.version
            assert [q.id for q in translated.questions] == [q.id for q in source.questions]
            assert [q.type for q in translated.questions] == [q.type for q in source.questions]
            assert [s.topic for s in translated.stages] == [s.topic for s in source.stages]
            assert translated.title != source.title
            if source.consent:
                assert translated.consent.version != source.consent.version  # its own text
            assert translated.review.startswith("NEEDS REVIEW")
    assert catalog.problems == []
    assert catalog.get("lfs-client", "xx") is catalog.get("lfs-client")  # none: the source


def test_a_translation_that_differs_is_reported_and_not_loaded(tmp_path):
    shutil.copy(PROMPTS / "lfs-client.yaml", tmp_path)
    text = (PROMPTS / "lfs-client.he.yaml").read_text(encoding="utf-8")
    (tmp_path / "lfs-client.he.yaml").write_text(
        text.replace("id: help-self", "id: help-myself"), encoding="utf-8")
    catalog = load_catalog([tmp_path])
    assert catalog.languages("lfs-client") == ["en"]
    [problem] = catalog.problems
    assert "lfs-client.he.yaml" in str(problem) and "as a translation of lfs-client.yaml" in \
        str(problem) and "'help-myself'" in str(problem)


def test_reflect_protocols_check(capsys, isolated_data_dir):
    assert main(["protocols", "check"]) == 0
    assert "ok: 7 protocols, 28 translations" in capsys.readouterr().out
    user = isolated_data_dir / "protocols"
    user.mkdir(parents=True, exist_ok=True)
    text = (PROMPTS / "lfs-client.he.yaml").read_text(encoding="utf-8")
    (user / "lfs-client.fr.yaml").write_text(  # a French one of another version
        text.replace("language: he", "language: fr").replace('version: "1"', 'version: "2"'),
        encoding="utf-8")
    assert main(["protocols", "check"]) == 1
    assert "version '2' differs from the source's '1'" in capsys.readouterr().err


async def test_the_interview_is_offered_in_the_interface_language_first(engine, catalog,
                                                                       store):
    story = store.create_story("חזרה לבית הספר")
    store.add_informant(story.id, "מרים", "client")
    i18n.use("he")
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(StoryScreen(story.id))
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        first = app.screen.items[0]
        assert first[0] == "lfs-client|he" and "עברית" in first[1].plain
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConsentDialog)
        assert app.screen.protocol.language == "he"
        await pilot.press(*"נועה")
        app.screen.query_one("#recording").value = "no"
        await pilot.click("#given")
        await pilot.pause()
        assert "1. מה השתנה עבורך" in app.screen.query_one("#prompt").render().plain
    snapshot = rows(engine, "SELECT p.content FROM session s JOIN protocolsnapshot p "
                            "ON p.content_hash = s.protocol_hash")
    assert '"language":"he"' in snapshot[0][0]  # the session records the language it ran in


async def test_a_reflection_runs_in_the_interface_language(engine, catalog, store):
    from reflect_tui.reflection_start import StartReflection

    i18n.use("pt")
    app = make_app(engine, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, StartReflection)
        titles = [p.title for p in app.screen.protocols]
        assert "Autoavaliação de boas práticas (trabalho com famílias)" in titles
        assert all(p.language == "pt" for p in app.screen.protocols)
        index = next(i for i, p in enumerate(app.screen.protocols) if p.id == "self-critique")
        app.screen.query_one("#protocols").highlighted = index
        await pilot.click("#start")
        await pilot.pause()
        assert "Qual era a situação" in app.screen.query_one("#prompt").render().plain
    snapshot = rows(engine, "SELECT p.content FROM session s JOIN protocolsnapshot p "
                            "ON p.content_hash = s.protocol_hash")
    assert '"language":"pt"' in snapshot[0][0]
