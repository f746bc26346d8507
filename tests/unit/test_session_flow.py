"""The UI-free session flow: moving, skipping, flags, progress, required, resume."""

from __future__ import annotations

import pytest

from reflect.errors import ReflectError
from reflect.method.session import SessionRun
from reflect.models import SessionStatus


def test_walk_skip_flag_and_resume(store, interview):
    _, _, session = interview
    run = SessionRun.resume(store, session.id)
    assert run.question.id == "success-what" and run.is_first
    run.save_text("She went back to school.")
    assert not run.previous()
    assert run.next(elapsed_seconds=30)
    run.skip()
    assert run.state("success-criteria") == "skipped"
    assert run.toggle_flag("follow_up") is True
    run.go_to("actions-sequence", elapsed_seconds=90)
    run.save_text("First a home visit.")
    assert run.toggle_flag("quote") is True

    again = SessionRun.resume(store, session.id)
    assert again.question.id == "actions-sequence"
    assert again.session.elapsed_seconds == 90
    assert again.text("success-what") == "She went back to school."
    assert again.state("success-criteria") == "skipped"
    assert again.answer("success-criteria").flag_follow_up
    assert again.answer("actions-sequence").flag_quote
    progress = again.progress()
    assert (progress.answered, progress.skipped, progress.total) == (2, 1, 14)
    assert again.progress(again.stage).total == 4


def test_skip_is_not_empty_and_typing_unskips(store, interview):
    _, _, session = interview
    run = SessionRun.resume(store, session.id)
    run.save_text("")
    assert run.state(run.question.id) == "open"
    run.skip()
    assert run.state(run.question.id) == "skipped"
    run.save_text("Something after all")
    assert run.state(run.question.id) == "answered"
    with pytest.raises(ReflectError, match="has an answer"):
        run.skip()


def test_missing_required_and_complete(store, interview):
    _, _, session = interview
    run = SessionRun.resume(store, session.id)
    required = [q.id for q in run.missing_required()]
    assert "success-what" in required and "actions-almost" not in required
    for question_id in required:
        run.go_to(question_id)
        run.save_text("answer")
    assert run.missing_required() == []
    run.complete()
    assert store.session(session.id).status == SessionStatus.COMPLETED
    assert store.session(session.id).completed_at is not None
    with pytest.raises(ReflectError, match="completed"):
        run.save_text("late change")
    run.reopen()
    run.save_text("late change")
    assert store.answers(session.id)[run.question.id].text == "late change"


def test_unchanged_text_is_not_rewritten(store, interview):
    _, _, session = interview
    run = SessionRun.resume(store, session.id)
    run.save_text("same")
    first = store.answers(session.id)["success-what"].updated_at
    run.save_text("same")
    assert store.answers(session.id)["success-what"].updated_at == first


def test_jump_to_unknown_question(store, interview):
    run = SessionRun.resume(store, interview[2].id)
    with pytest.raises(ReflectError, match="no question"):
        run.go_to("nope")
