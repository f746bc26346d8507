"""Unusual input is stored, found and exported exactly."""

from __future__ import annotations

import pytest

from reflect.exports.markdown import session_markdown
from reflect.search import search_answers
from reflect.session import SessionRun


def test_a_one_megabyte_paste_is_saved_whole_and_found(store, interview):
    _, _, session = interview
    run = SessionRun.resume(store, session.id)
    huge = ("Notes from the case file. " * 40_000)[:1_000_000] + " needleword"
    run.save_text(huge)
    assert len(store.answers(session.id)["success-what"].text) == len(huge)
    [hit] = search_answers(store, "needleword")
    assert hit.question_id == "success-what"


@pytest.mark.parametrize("text", [
    "שלום, הילד חזר לבית הספר",            # right-to-left (Hebrew)
    "عادت الأم إلى العمل",                  # right-to-left (Arabic)
    "tab\there, bell\x07, nul-free escape \x1b[31m red",
    "zero\u200bwidth and emoji 👩‍👧 and combining é",
])
def test_control_and_right_to_left_text_round_trips(store, interview, text):
    _, _, session = interview
    store.save_answer(session.id, "success-what", text=text)
    assert store.answers(session.id)["success-what"].text == text
    assert text in session_markdown(store, store.session(session.id))
