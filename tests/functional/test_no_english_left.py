"""Nothing left in English in a translated interface (issue 32, point 4): the reflection
protocols' titles on home, in the due actions and the action-review dialog; "reflection" in
search's Who column; minutes and the quote mark in the session screen; crash messages; whole
sentences, with their number, where a count was spliced into a translated one; the demo's
member checks. Shown in Portuguese, drawn left to right, so each line reads as stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reflect import formats, i18n
from reflect.crash import plain_message
from reflect.errors import ReflectError
from reflect.exchange.demo import IN_PERSON
from reflect.protocol.summary import read_summary, summarize, write_summary
from reflect.store import ConsentRecord
from reflect.store.search import search_answers
from reflect_tui.action_review import ReviewAction
from reflect_tui.app import make_app
from reflect_tui.session import SessionScreen
from tests.ui_helpers import screen_lines, shown, table_rows, until


async def test_a_reflection_is_named_in_the_interface_language_on_home_and_in_its_review(
        engine, catalog, store):
    i18n.use("pt")
    reflection = store.start_reflection(catalog.get("gibbs"), "Ana")
    store.add_action(reflection.id, "Ligar à escola", review_on=date.today())
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: table_rows(app, "#due") and table_rows(app, "#sessions"))
        assert table_rows(app, "#due")[0][2] == "Ciclo reflexivo de Gibbs"
        assert table_rows(app, "#sessions")[0][1] == "Ana (Ciclo reflexivo de Gibbs)"
        app.screen.query_one("#due").focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewAction))
        said = " ".join(screen_lines(app))
        assert "Ciclo reflexivo de Gibbs de" in said
        assert formats.day(date.today()) in said  # 06/12/2026, as the interface writes dates
        assert "Gibbs reflective cycle" not in said


def test_the_titles_kept_for_the_next_start_are_in_the_language_they_were_read_in(catalog):
    from reflect.protocol.summary import default_folders, fingerprint

    files = fingerprint(default_folders())
    i18n.use("it")
    write_summary(catalog, files)
    assert read_summary(files)["gibbs"][0] == "Ciclo riflessivo di Gibbs"
    i18n.use("he")
    assert read_summary(files) is None  # another language: read again, not shown in Italian
    assert summarize(catalog)["gibbs"][0] == "מעגל הרפלקציה של גיבס"


def test_search_names_a_reflection_in_the_interface_language(store, catalog):
    i18n.use("pt")
    reflection = store.start_reflection(catalog.get("gibbs"), "Ana")
    question = catalog.get("gibbs").questions[0].id
    store.save_answer(reflection.id, question, text="A mãe ligou à escola")
    [hit] = search_answers(store, "escola")
    assert hit.who == "reflexão"


async def test_the_outline_minutes_and_the_quote_mark_are_translated(engine, catalog,
                                                                     interview):
    _, _, session = interview
    i18n.use("pt")
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(SessionScreen(session.id))
        await until(pilot, lambda: "10 min" in "\n".join(screen_lines(app)))
        assert not any(line.rstrip().endswith("10m") for line in screen_lines(app))
        await pilot.press("ctrl+t")
        await until(pilot, lambda: "★ citação" in shown(app, "#answer-status"))
        assert "quote" not in shown(app, "#answer-status")


def test_the_crash_message_is_in_the_interface_language():
    i18n.use("it")
    told = plain_message(Path("/tmp/crash-1.txt"))
    assert told.startswith("reflect si è fermato dopo un errore imprevisto")
    assert "/tmp/crash-1.txt" in told
    assert "Non è stato possibile scrivere" in plain_message(None)


def test_a_count_is_said_in_a_whole_sentence_with_its_plural(store, catalog, interview):
    _, informant, _ = interview
    store.start_interview(informant.id, catalog.get("lfs-practitioner"),
                          ConsentRecord(True, "verbal", "Ana"))
    i18n.use("pt")
    with pytest.raises(ReflectError, match="Nenhuma sessão tem um id começado por 'zz'"):
        store.find_session("zz")
    with pytest.raises(ReflectError, match="2 sessões têm um id começado por ''"):
        store.find_session("")
    store.create_story("De volta à escola")
    with pytest.raises(ReflectError, match="2 histórias correspondem a ''"):
        store.find_story("")
    with pytest.raises(ReflectError, match="Nenhuma história corresponde a 'xyz'"):
        store.find_story("xyz")


def test_the_demo_says_how_its_informants_checked_their_words_in_its_language():
    assert i18n.in_language("he", IN_PERSON) == "פנים אל פנים"
    assert i18n.in_language("en", IN_PERSON) == "in person"


async def test_the_member_check_takes_the_date_as_it_shows_it(engine, catalog, store,
                                                              interview):
    from textual.widgets import Input

    from reflect_tui.member_check import MemberCheckDialog

    _, informant, _ = interview
    i18n.use("pt")
    app = make_app(engine, catalog)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.push_screen(MemberCheckDialog(store.informant(informant.id)))
        await until(pilot, lambda: app.screen.query_one("#check-state").has_class("-never")
                    or "Agora" in shown(app, "#check-state"))
        field = app.screen.query_one("#checked-on", Input)
        assert field.value == formats.day(date.today())  # offered as the interface writes it
        field.value = "no dia 3"
        app.screen.query_one("#record").press()
        await until(pilot, lambda: "não é uma data" in " ".join(screen_lines(app)))
        assert formats.day(date.today()) in " ".join(screen_lines(app))
        field.value = "20/12/2026"
        app.screen.query_one("#outcome").value = "approved"
        await until(pilot, lambda: not app.screen.query_one("#record").has_class("-active"))
        app.screen.query_one("#record").press()
        await until(pilot, lambda: store.latest_checks([informant.id]))
    assert store.latest_checks([informant.id])[informant.id].checked_on == date(2026, 12, 20)


def test_who_holds_the_database_is_said_in_the_interface_language():
    import socket

    from reflect import inuse

    i18n.use("pt")
    here = inuse.Holder("the reflect app", 12, socket.gethostname(), "2026-12-06 09:00")
    assert here.describe() == "a aplicação reflect (processo 12, aberto desde 2026-12-06 09:00)"
    there = inuse.Holder("a program using reflect (script.py)", 7, "portatil", "09:00")
    assert there.describe() == ("um programa que usa o reflect (script.py) (processo 7 em "
                                "portatil, aberto desde 09:00)")
    assert inuse.shown_program("reflect import") == "reflect import"  # a command, as typed
    said = i18n._(inuse.RESTORE).format(db="r.db", holders=here.describe())
    assert said.startswith("não é possível repor uma cópia de segurança sobre r.db")


def test_the_import_summary_is_in_the_interface_language(store, catalog, interview, tmp_path):
    from reflect.exchange.bundle import export_bundle, import_bundle
    from reflect.exchange.import_report import summary_lines

    bundle = tmp_path / "all.json"
    export_bundle(store, bundle)
    i18n.use("it")
    lines = list(summary_lines(import_bundle(store, bundle)))
    assert "storie: 0 aggiunti, 0 aggiornati, 1 invariato" in lines
    assert not [line for line in lines if "added" in line or "unchanged" in line]


def test_the_qdpx_project_names_its_codes_and_variables_in_the_interface_language(
        store, catalog, interview, tmp_path):
    import zipfile

    from reflect.exchange.qdpx import export_qdpx

    _, _, session = interview
    question = catalog.get("lfs-practitioner").questions[0].id
    store.save_answer(session.id, question, text="Voltou à escola", flag_quote=True)
    i18n.use("pt")
    export_qdpx(store, tmp_path / "p.qdpx")
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        project = archive.read("project.qde").decode("utf-8")
        sources = " ".join(archive.read(name).decode("utf-8") for name in archive.namelist()
                           if name.startswith("sources/"))
    assert 'name="Estado da história"' in project and 'name="Marcado como citação"' in project
    assert "Story status" not in project and "Marked as quote" not in project
    assert "História: Back to school" in sources and "Informante: Maya" in sources
    assert "Início: " in sources and "Started" not in sources


def test_a_protocol_authors_problems_are_in_the_interface_language(tmp_path):
    from reflect.protocol.definition import ProtocolError, parse_protocol

    i18n.use("it")
    with pytest.raises(ProtocolError) as refused:
        parse_protocol("id: x\nid: y\n", tmp_path / "x.yaml")
    assert "questa chiave compare due volte; tienine una" in str(refused.value)
    with pytest.raises(ProtocolError) as refused:
        parse_protocol("id: x\ntitel: X\n", tmp_path / "x.yaml")
    said = str(refused.value)
    assert "campo sconosciuto 'titel'; intendevi 'title'?" in said
    assert "manca il campo obbligatorio" in said


def test_the_history_names_each_reflections_protocol_in_the_interface_language(store,
                                                                               catalog):
    from reflect_tui.history import timeline_page

    store.start_reflection(catalog.get("gibbs"), "Ana")  # written with the English protocol
    i18n.use("pt")
    page, _ = timeline_page(store, None, 10, catalog)
    [(_, row)] = page[0]
    assert row[1] == "Ciclo reflexivo de Gibbs"
