"""Markdown export of reflections and interviews, from the core and the CLI."""

from __future__ import annotations

from datetime import date

import pytest

from reflect.cli import main
from reflect.dates import parse_review_date
from reflect.errors import ReflectError
from reflect.exchange.markdown import export_sessions, session_markdown
from reflect.method.session import SessionRun
from tests.backends import cli_db

pytestmark = pytest.mark.both_backends


def test_reflection_markdown_has_every_part(store, catalog):
    session = store.start_reflection(catalog.get("self-critique"), "Sam", "Family K")
    run = SessionRun.resume(store, session.id)
    run.save_text("A home visit.\n\nIt rained.")
    run.next()
    run.skip()
    run.go_to("did-well")
    run.save_value(["listened", "came back"])
    run.go_to("did-less-well")
    run.save_value(["arrived late"])
    run.go_to("overall")
    run.save_value(4)
    run.save_text("mostly fine")
    run.toggle_flag("follow_up")
    run.add_action("Call the school", date(2026, 12, 1))
    text = session_markdown(store, store.session(session.id))
    assert text.startswith("# Self-critique of a piece of work\n")
    assert "- **Case:** Family K" in text and "- **By:** Sam" in text
    assert "- **Balance:** 2 positive, 1 negative (balanced)" in text
    assert "## What went well" in text and "### 3. What did I do well? One thing per line." in text
    assert "A home visit.\n\nIt rained." in text
    assert "### 2. What happened, in order? What did you do at each step?\n\n_Skipped._" in text
    assert "- listened\n- came back" in text
    assert "4 of 5 (well)\nWhy this rating?: mostly fine\n\n_Flagged: follow up._" in text
    assert "- Call the school (review 2026-12-01)" in text
    assert "_Not answered._" in text


def test_interview_markdown_names_informant_and_consent(store, interview):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text="Back at school", flag_quote=True)
    text = session_markdown(store, store.session(session.id))
    assert "- **Story:** Back to school" in text
    assert "- **Informant:** Maya (social worker)" in text
    assert "- **Consent:** given, verbal, recorded by Ana (text lfs-consent-1)" in text
    assert "Back at school\n\n_Flagged: quote._" in text


def test_cli_export_markdown(store, catalog, interview, tmp_path, capsys):
    first = store.start_reflection(catalog.get("gibbs"), "Sam", "Family K")
    store.start_reflection(catalog.get("after-action-review"), "Sam")
    out = tmp_path / "out"
    assert main(["--db", cli_db(store.engine), "export", "markdown", "--out",
                 str(out)]) == 0
    assert "Wrote 2 Markdown files" in capsys.readouterr().out
    assert len(list(out.glob("*.md"))) == 2
    assert main(["--db", cli_db(store.engine), "export", "markdown", "--kind", "all",
                 "--out", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.md"))) == 3
    single = tmp_path / "one"
    assert main(["--db", cli_db(store.engine), "export", "markdown", "--session",
                 str(first.id)[:8], "--out", str(single)]) == 0
    [path] = single.glob("*.md")
    assert "gibbs-family-k" in path.name
    assert main(["--db", cli_db(store.engine), "export", "markdown", "--session",
                 "zzzz", "--out", str(single)]) == 1
    assert "No session has an id starting 'zzzz'" in capsys.readouterr().err


def test_export_overwrites_atomically(store, catalog, tmp_path):
    session = store.start_reflection(catalog.get("gibbs"), "Sam")
    [path] = export_sessions(store, [session], tmp_path)
    [again] = export_sessions(store, [session], tmp_path)
    assert path == again and not list(tmp_path.glob("*.part"))


def test_review_dates():
    today = date(2026, 11, 22)
    assert parse_review_date("", today) is None
    assert parse_review_date("2026-12-01", today) == date(2026, 12, 1)
    assert parse_review_date("+14", today) == date(2026, 12, 6)
    assert parse_review_date("+2w", today) == date(2026, 12, 6)
    assert parse_review_date("+3d", today) == date(2026, 11, 25)
    with pytest.raises(ReflectError, match="is not a date: write it as 2026-12-06, "):
        parse_review_date("next friday", today)
