"""Paper for the interview (issue 16): the interview guide a student carries (the fallback
when a laptop dies mid-interview) and the consent form to sign, from any protocol in any of
its languages, as PDF, .docx and Markdown."""

from __future__ import annotations

from pathlib import Path

from reflect.errors import ReflectError
from reflect.exchange.documents import Block, write_both
from reflect.exchange.progress import Progress, no_progress
from reflect.files import slug
from reflect.i18n import _
from reflect.protocol.definition import Consent, Protocol

WRITING_LINES = {"text": 7, "list": 5, "actions": 6}
"""Lines left to write an answer by hand, by question type (others: 2, for a note)."""


def _consent(consent: Consent) -> list[Block]:
    return [Block("para", consent.text.strip()),
            Block("fact", consent.version, source=_("Consent text version"))]


def guide_blocks(protocol: Protocol) -> list[Block]:
    """Stages with suggested times, each question with its probes and guidance and room to
    write, and (for an interview) the consent text first; one page per stage."""
    minutes = sum(stage.minutes or 0 for stage in protocol.stages)
    blocks = [Block("heading", protocol.title, 1),
              Block("fact", _("{id} (version {version})").format(id=protocol.id,
                                                                 version=protocol.version),
                    source=_("Protocol"))]
    if minutes:
        blocks.append(Block("fact", _("{minutes} min").format(minutes=minutes),
                            source=_("Suggested time")))
    if protocol.introduction.strip():
        blocks.append(Block("para", protocol.introduction.strip()))
    if protocol.consent is not None:
        blocks += [Block("heading", _("Consent, before the first question"), 2),
                   *_consent(protocol.consent)]
    number = 0
    for index, stage in enumerate(protocol.stages, start=1):
        blocks.append(Block("page_break", ""))
        stage_time = " · " + _("suggested {minutes} min").format(minutes=stage.minutes) \
            if stage.minutes else ""
        blocks.append(Block("heading", _("Stage {number}/{total}:").format(
            number=index, total=len(protocol.stages)) + f" {stage.title}{stage_time}", 2))
        if stage.guidance.strip():
            blocks.append(Block("lead", stage.guidance.strip()))
        for question in stage.questions:
            number += 1
            required = " " + _("(required)") if question.required else ""
            blocks.append(Block("heading", f"{number}. {question.prompt}{required}", 3))
            blocks += [Block("bullet", probe) for probe in question.probes]
            if question.help.strip():
                blocks.append(Block("lead", question.help.strip()))
            points = question.points
            options = question.options or ([f"{p} {points.label(p)}".strip() for p in range(
                points.min, points.max + 1)] if question.type == "scale" else [])
            blocks += [Block("bullet", f"☐ {option}") for option in options]
            blocks.append(Block("lines", "", WRITING_LINES.get(question.type, 2)))
    return blocks


def consent_form_blocks(protocol: Protocol) -> list[Block]:
    """The introduction and the consent text with its version, then fields and signature
    lines for the informant and everyone present."""
    if protocol.consent is None:
        raise ReflectError(_("'{id}' is not an interview protocol: it has no consent text")
                           .format(id=protocol.id))
    blocks = [Block("heading", _("Consent form"), 1),
              Block("fact", protocol.title, source=_("Protocol"))]
    if protocol.introduction.strip():
        blocks.append(Block("para", protocol.introduction.strip()))
    blocks += _consent(protocol.consent)
    fields = [_("Informant (pseudonym)"), _("Signature of the informant"),
              _("How consent was given (verbal, written, recorded)"),
              _("Interviewer (name)"), _("Signature of the interviewer"),
              _("Also present (co-interviewers, observers, interpreters)"), _("Date")]
    for label in fields:
        blocks += [Block("speaker", label), Block("lines", "", 1)]
    return blocks


def export_guide(protocol: Protocol, folder: Path,
                 progress: Progress = no_progress) -> list[Path]:
    stem = f"guide-{slug(protocol.id, fallback='protocol')}-{protocol.language}"
    return write_both(guide_blocks(protocol), folder, stem, progress=progress)


def export_consent_form(protocol: Protocol, folder: Path,
                        progress: Progress = no_progress) -> list[Path]:
    stem = f"consent-form-{slug(protocol.id, fallback='protocol')}-{protocol.language}"
    return write_both(consent_form_blocks(protocol), folder, stem, progress=progress)
