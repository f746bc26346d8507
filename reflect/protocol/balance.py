"""Is a self-critique balanced? Counts strengths against weaknesses, by the protocol's own rule.

The thresholds and the prompts live in the protocol file (`balance:`), so a team can tune them
without touching code. Entries: each item of a list answer, each ticked option, each non-empty
line of a text answer; each scale rating at or above / at or below the protocol's thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reflect.models import Answer
from reflect.protocol.definition import Protocol

Verdict = Literal["too_early", "balanced", "only_negative", "only_positive"]


@dataclass(frozen=True)
class BalanceReading:
    positive: int
    negative: int
    verdict: Verdict
    prompt: str
    """What to ask the person when the reflection is one-sided; empty otherwise."""

    @property
    def one_sided(self) -> bool:
        return self.verdict in ("only_negative", "only_positive")


def _entries(answer: Answer | None) -> int:
    if answer is None:
        return 0
    value = answer.decoded_value
    if isinstance(value, list):
        return len(value)
    return sum(1 for line in answer.text.splitlines() if line.strip())


def read_balance(protocol: Protocol, answers: dict[str, Answer]) -> BalanceReading | None:
    """The balance of these answers, or None when the protocol has no balance rule."""
    rule = protocol.balance
    if rule is None:
        return None
    positive = sum(_entries(answers.get(qid)) for qid in rule.positive)
    negative = sum(_entries(answers.get(qid)) for qid in rule.negative)
    for question in protocol.questions:
        answer = answers.get(question.id)
        if question.type != "scale" or answer is None or answer.decoded_value is None:
            continue
        rating = answer.decoded_value
        if rule.rating_positive_from is not None and rating >= rule.rating_positive_from:
            positive += 1
        elif rule.rating_negative_to is not None and rating <= rule.rating_negative_to:
            negative += 1
    if positive + negative < rule.min_entries:
        return BalanceReading(positive, negative, "too_early", "")
    if positive == 0 or negative > rule.max_ratio * positive:
        return BalanceReading(positive, negative, "only_negative", rule.ask_for_positive)
    if negative == 0 or positive > rule.max_ratio * negative:
        return BalanceReading(positive, negative, "only_positive", rule.ask_for_negative)
    return BalanceReading(positive, negative, "balanced", "")
