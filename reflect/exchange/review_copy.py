"""The member check on paper (issue 15, item 6): an informant's review copy, and which
stories the book may print.

A review copy holds one informant's words exactly as they may be quoted (their answers by
topic, each under its question, as the story sets them, then the passages cut from them as
evidence with the principles that rest on them) and nothing of anyone else's: no other
informant's words and no interviewer notes. The book prints a story only when everyone
quoted in it approved.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from reflect import formats
from reflect.errors import ReflectError
from reflect.exchange.documents import Block, redact_blocks, write_both
from reflect.exchange.progress import Progress, no_progress
from reflect.files import slug
from reflect.i18n import N_, _
from reflect.method.analysis import passages, topic_label, topics_of
from reflect.models import Informant, MemberCheck, Story
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.roles import Role
from reflect.store import Store
from reflect.store.member_checks import APPROVED
from reflect.timecodes import strip_stamps
from reflect.vocab import CheckOutcome, StoryStatus

STORY_STATUS = {StoryStatus.CANDIDATE: N_("candidate"), StoryStatus.SELECTED: N_("selected"),
                StoryStatus.INTERVIEWING: N_("interviewing"),
                StoryStatus.ANALYSED: N_("analysed"), StoryStatus.PUBLISHED: N_("published")}

CHECK_LABELS = {None: N_("not checked yet"), CheckOutcome.APPROVED: N_("approved"),
                CheckOutcome.APPROVED_WITH_CHANGES: N_("approved with changes"),
                CheckOutcome.WITHDRAWN: N_("withdrawn")}


def check_label(check: MemberCheck | None) -> str:
    """'approved (2026-12-04, by phone)', 'not checked yet'... in the interface language."""
    if check is None:
        return _(CHECK_LABELS[None])
    outcome = _(CHECK_LABELS[CheckOutcome(check.outcome)])
    how = f", {check.how}" if check.how else ""
    return f"{outcome} ({formats.day(check.checked_on)}{how})"


def review_copy_blocks(store: Store, informant: Informant) -> list[Block]:
    story = store.story(informant.story_id)
    assert story is not None  # an informant's story (a foreign key)
    if informant.withdrawn:
        raise ReflectError(_("{who} withdrew: there is nothing of theirs to review").format(
            who=informant.pseudonym))
    records = [r for r in store.interviews_of(story.id) if r.informant.id == informant.id]
    who = f"{informant.pseudonym} ({Role(informant.role).label})"
    blocks = [Block("heading", _("Your words in “{story}”").format(story=story.title), 1),
              Block("fact", who, source=_("For")),
              Block("para", _("This is everything of yours that may be quoted when the "
                              "story is published, exactly as it would appear. Please tell "
                              "us: you approve it, you approve it with changes (mark them), "
                              "or you withdraw (then nothing of yours is used)."))]
    blocks.append(Block("heading", _("What you said"), 2))
    said = [(topic, [p for r in records for p in passages(r, topic)])
            for topic in topics_of(records)]
    if not any(found for _topic, found in said):
        blocks.append(Block("para", _("No answers recorded.")))
    for topic, found in said:
        if found:
            blocks.append(Block("heading", topic_label(topic), 3))
            for passage in found:  # each answer under the question it answers
                blocks.append(Block("lead", passage.question.prompt))
                blocks.append(Block("para", strip_stamps(passage.answer.text).strip()))
    answer_ids = {a.id for r in records for a in r.answers.values()}
    principles = {p.id: p for p in store.principles(story.id)}
    cited = [(principles[pid], link) for pid, links in store.evidence(list(principles)).items()
             for link in links if link.answer_id in answer_ids]
    blocks.append(Block("heading", _("Passages quoted as evidence"), 2))
    if not cited:
        blocks.append(Block("para", _("None of your words is quoted as evidence yet.")))
    for principle, link in cited:
        blocks.append(Block("quote", strip_stamps(link.excerpt).strip(), source=who))
        blocks.append(Block("fact", principle.sentence(), source=_("Supports the principle")))
    return blocks


def export_review_copy(store: Store, informant_id: uuid.UUID, folder: Path,
                       redactor: Redactor = NO_REDACTION,
                       progress: Progress = no_progress) -> list[Path]:
    """An informant's review copy as Markdown, .docx and PDF."""
    informant = store.informant(informant_id)
    if informant is None:
        raise ReflectError(_("that informant no longer exists"))
    blocks = redact_blocks(review_copy_blocks(store, informant), redactor)
    from reflect.exchange.demo import demo_mark

    return write_both(blocks, folder, "review-copy-"
                      f"{slug(redactor(informant.pseudonym), limit=40, fallback='informant')}",
                      header=demo_mark([informant.story_id]), progress=progress)


PUBLISHABLE = (StoryStatus.ANALYSED, StoryStatus.PUBLISHED)
"""A story goes into the book once analysed (its principles drawn) or published."""


@dataclass(frozen=True)
class Held:
    """A story the book leaves out, and why: its status, or whose approval it waits for."""

    story: Story
    waiting: list[tuple[Informant, MemberCheck | None]]

    @property
    def reason(self) -> str:
        if self.story.status not in PUBLISHABLE:
            return _("its status is {status}; it goes in once analysed").format(
                status=_(STORY_STATUS[self.story.status]))
        return _(", ").join(f"{i.pseudonym}: {check_label(check)}" for i, check in self.waiting)


def quoted_informants(store: Store, story: Story) -> list[Informant]:
    """The informants whose words the story quotes (not those who withdrew)."""
    quoted = []
    for record in store.interviews_of(story.id):
        if record.informant not in quoted and passages(record):
            quoted.append(record.informant)
    return quoted


def book_gate(store: Store, stories: list[Story]) -> tuple[list[Story], list[Held]]:
    """Split the ready stories into those everyone quoted approved and those held back."""
    quoted = {s.id: quoted_informants(store, s) for s in stories}
    checks = store.latest_checks([i.id for people in quoted.values() for i in people])
    printed, held = [], []
    for story in stories:
        waiting = [(i, checks.get(i.id)) for i in quoted[story.id]
                   if checks.get(i.id) is None or checks[i.id].outcome not in APPROVED]
        if waiting or story.status not in PUBLISHABLE:
            held.append(Held(story, waiting))
        else:
            printed.append(story)
    return printed, held


def held_blocks(held: list[Held]) -> list[Block]:
    """A draft's status page: the stories it prints that the final book would leave out,
    with whose approval each waits for (the final book has no such page)."""
    if not held:
        return []
    blocks = [Block("heading", _("Not in the final book yet"), 2),
              Block("para", _("This draft prints these stories, but the book leaves them out "
                              "until they are analysed and their informants approved the words "
                              "quoted (the member check)."))]
    blocks += [Block("bullet", f"{item.story.title}: {item.reason}") for item in held]
    return blocks
