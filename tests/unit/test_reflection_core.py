"""Solo reflection in the core: typed answers, the balance rule, actions, follow-ups, history."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest

from reflect.errors import ReflectError
from reflect.method.session import SessionRun
from reflect.models import ActionStatus, Answer
from reflect.protocol.balance import read_balance
from reflect.protocol.definition import Balance, Protocol

pytestmark = pytest.mark.both_backends

REFLECTIONS = {"self-critique", "good-practice", "family-preservation", "gibbs",
               "after-action-review"}


def start(store, catalog, protocol_id="self-critique", **kwargs) -> SessionRun:
    session = store.start_reflection(catalog.get(protocol_id), "Sam", **kwargs)
    return SessionRun.resume(store, session.id)


def test_shipped_reflection_protocols(catalog):
    assert {p.id for p in catalog.of_kind("reflection")} >= REFLECTIONS
    for protocol_id in REFLECTIONS:
        protocol = catalog.get(protocol_id)
        assert protocol.balance is not None, protocol_id
        assert protocol.consent is None
    good = catalog.get("good-practice")
    rated = [q for q in good.questions if q.type == "scale"]
    assert len(rated) == 21 and all(q.note == "Example" for q in rated)
    assert good.questions[0].points.label(5) == "always"
    types = {q.type for pid in REFLECTIONS for q in catalog.get(pid).questions}
    assert types == {"text", "scale", "choice", "checklist", "list", "actions"}


def test_typed_values_are_checked_and_stored(store, catalog):
    run = start(store, catalog, "family-preservation", case_label="Family K")
    assert run.session.case_label == "Family K" and run.session.consent_given is None
    run.save_value(4)
    assert run.value() == 4 and run.state("multi-agency") == "answered"
    with pytest.raises(ReflectError, match="choose from 1 to 5"):
        run.save_value(9)
    with pytest.raises(ReflectError, match="whole number"):
        run.save_value("4")
    run.go_to("family-valued")
    run.save_value(["Working alongside them", "Building on their strengths"])
    assert run.value() == ["Building on their strengths", "Working alongside them"]
    with pytest.raises(ReflectError, match="not among the options"):
        run.save_value(["Free money"])
    run.go_to("continuity")
    run.save_value("One change of worker")
    with pytest.raises(ReflectError, match="not one of the options"):
        run.save_value("Never met")
    run.go_to("strengths-shown")
    run.save_value(["  quick first visit ", "", "kept every appointment"])
    assert run.value() == ["quick first visit", "kept every appointment"]
    run.save_value([])
    assert run.state("strengths-shown") == "open"
    again = SessionRun.resume(store, run.session.id)
    assert again.value("continuity") == "One change of worker"
    assert again.value("multi-agency") == 4


def test_balance_flags_one_sided_reflection_both_ways(store, catalog):
    run = start(store, catalog)
    assert run.balance().verdict == "too_early"
    run.go_to("did-less-well")
    run.save_value(["late for the meeting", "did not call the school", "lost my temper"])
    reading = run.balance()
    assert (reading.positive, reading.negative, reading.verdict) == (0, 3, "only_negative")
    assert "strengths" in reading.prompt
    run.go_to("did-well")
    run.save_value(["listened to the mother"])
    assert run.balance().verdict == "balanced"
    other = start(store, catalog)
    other.go_to("did-well")
    other.save_value(["a", "b", "c", "d"])
    reading = other.balance()
    assert reading.verdict == "only_positive" and "differently" in reading.prompt


def test_balance_rule_thresholds_come_from_the_protocol(catalog):
    base = catalog.get("good-practice")
    strict = base.model_copy(update={"balance": Balance(
        rating_positive_from=5, rating_negative_to=1, min_entries=2, max_ratio=1,
        ask_for_positive="more good", ask_for_negative="more bad")})
    session_id = uuid.uuid4()

    def rated(*values):
        return {q.id: Answer(session_id=session_id, question_id=q.id, value=str(v))
                for q, v in zip(base.questions, values, strict=False)}

    answers = rated(4, 4, 4, 4, 4, 2)
    assert read_balance(base, answers).verdict == "only_positive"  # 5 positive, 1 negative > 4x
    assert read_balance(strict, answers).verdict == "too_early"   # nothing is 5 or 1
    answers = rated(5, 1, 5)
    assert read_balance(strict, answers).verdict == "only_positive"  # 2 > 1 x 1
    assert read_balance(strict, rated(5, 1)).verdict == "balanced"
    assert read_balance(Protocol.model_validate(
        {**base.model_dump(), "balance": None}), answers) is None


def test_actions_due_review_and_follow_up(store, catalog):
    run = start(store, catalog, case_label="Family K")
    today = date(2026, 11, 22)
    call = run.add_action("Call the school", today - timedelta(days=1))
    run.add_action("Read the guidance on home visits", today + timedelta(days=7))
    run.add_action("No date for this one")
    run.go_to("actions")
    assert run.state("actions") == "answered"
    with pytest.raises(ReflectError, match="description"):
        run.add_action("   ")
    assert [a.text for a in store.due_actions(today)] == ["Call the school"]
    assert len(store.due_actions(today + timedelta(days=7))) == 2

    run.go_to("did-well")
    run.save_value(["called the family back the same day"])
    follow = store.start_reflection(catalog.get("self-critique"), "Sam", case_label="Family K",
                                    follow_up_of=run.session.id)
    store.review_action(call.id, ActionStatus.DONE, "school agreed to a meeting", follow.id)
    assert store.due_actions(today) == []
    follow_run = SessionRun.resume(store, follow.id)
    follow_run.go_to("did-well")
    assert follow_run.earlier().decoded_value == ["called the family back the same day"]
    assert follow_run.earlier_session.id == run.session.id
    with pytest.raises(ReflectError, match="what happened"):
        store.review_action(call.id, ActionStatus.OPEN, "")
    run.remove_action(call.id)
    assert [a.text for a in store.actions(run.session.id)][0] == "Read the guidance on home visits"


def test_rating_history_oldest_first(store, catalog):
    for rating in (2, 3, 5):
        run = start(store, catalog, "good-practice")
        run.save_value(rating)
    history = store.rating_history("good-practice")
    assert [value for _, value in history["goals"]] == [2, 3, 5]


def test_interview_protocol_cannot_start_a_reflection(store, catalog):
    with pytest.raises(ReflectError, match="not a reflection protocol"):
        store.start_reflection(catalog.get("lfs-client"), "Sam")
