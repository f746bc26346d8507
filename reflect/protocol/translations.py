"""A translated protocol is the same protocol in another language (issue 13).

Same id and version, same stages and questions with the same ids, types, scales, number of
options, topics and balance rule: only the words differ. Then answers given in Hebrew and in
English line up question by question, and the workshop puts them side by side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.i18n import _

if TYPE_CHECKING:
    from reflect.protocol.definition import Protocol


def _shape(protocol: Protocol) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [("kind", protocol.kind), ("roles", tuple(protocol.roles)),
                         ("consent", protocol.consent is not None)]
    if protocol.balance is not None:
        balance = protocol.balance
        rows.append(("balance", tuple(balance.positive), tuple(balance.negative),
                     balance.min_entries, balance.max_ratio))
    for stage in protocol.stages:
        rows.append(("stage", stage.id, stage.topic, stage.minutes))
        for question in stage.questions:
            scale = (question.scale.min, question.scale.max) if question.scale else None
            rows.append(("question", stage.id, question.id, question.type, question.required,
                         scale, len(question.options)))
    return rows


def translation_differences(source: Protocol, translation: Protocol) -> list[str]:
    """What makes `translation` not the same protocol as `source` (empty when it is)."""
    problems = []
    if translation.version != source.version:
        problems.append(_("version '{version}' differs from the source's '{source}'; translate "
                          "the same version").format(version=translation.version,
                                                     source=source.version))
    mine, theirs = _shape(translation), _shape(source)
    for index, (row, expected) in enumerate(zip(mine, theirs, strict=False)):
        if row != expected:
            problems.append(_("item {number} is {found} where the source has {expected}").format(
                number=index + 1, found=_say(row), expected=_say(expected)))
            break
    if len(mine) != len(theirs) and not problems:
        problems.append(_("it has {count} stages, questions and rules where the source has "
                          "{expected}").format(count=len(mine), expected=len(theirs)))
    return problems


def _say(row: tuple[object, ...]) -> str:
    if row[0] == "question":
        return _("question '{question}' ({type}) in stage '{stage}'").format(
            question=row[2], type=row[3], stage=row[1])
    if row[0] == "stage":
        return _("stage '{stage}' (topic '{topic}', {minutes} min)").format(
            stage=row[1], topic=row[2], minutes=row[3])
    return f"{row[0]} {row[1:]}"
