"""The book of stories (issue 15: only stories whose quoted informants approved, unless
it is a draft, which says DRAFT on every page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reflect import formats
from reflect.errors import ReflectError
from reflect.exchange.demo import demo_mark, real_work_first
from reflect.exchange.documents import Block, redact_blocks, story_blocks, write_both
from reflect.exchange.pdf import Cover
from reflect.exchange.progress import Progress, no_progress
from reflect.exchange.review_copy import book_gate, held_blocks
from reflect.files import slug
from reflect.i18n import _, ngettext
from reflect.models import Story
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.store import Store


def book_blocks(store: Store, title: str, draft: bool = False,
                progress: Progress = no_progress) -> list[Block]:
    """Every story marked ready whose quoted informants approved (every ready one in a
    draft), after a chapter of the common principles they share; then those held back."""
    ready = _ready(store)
    if not ready:
        raise ReflectError(_("no story is marked ready for the book (edit a story: 'Ready for "
                             "the book')"))
    stories, held = (ready, []) if draft else book_gate(store, ready)
    if not stories:
        raise ReflectError(_("no ready story can be printed yet ({waiting}). Mark stories "
                             "analysed and record the member checks in the story screen (c), "
                             "or print a draft (--draft).").format(
            waiting="; ".join(f"{h.story.title}: {h.reason}" for h in held)))
    stories.sort(key=lambda s: s.title.lower())
    in_book = {s.id: s for s in stories}
    blocks = [Block("heading", title, 1),
              Block("para", ngettext("{count} story of success, and the principles of action "
                                     "drawn from it. All names are pseudonyms.",
                                     "{count} stories of success, and the principles of action "
                                     "drawn from them. All names are pseudonyms.",
                                     len(stories)).format(count=formats.number(len(stories))))]
    blocks.append(Block("heading", _("Common principles"), 2))
    reach = [r for r in store.themes_by_reach() if r.story_ids & in_book.keys()]
    if not reach:
        blocks.append(Block("para", _("No common principles drawn yet.")))
    for theme in reach:
        spans = [in_book[sid].title for sid in sorted(theme.story_ids & in_book.keys(),
                                                      key=lambda sid: in_book[sid].title)]
        blocks.append(Block("heading", theme.theme.name, 3))
        found = ngettext("{spans} of {count} story: {titles}",
                         "{spans} of {count} stories: {titles}", len(stories)).format(
            spans=len(spans), count=len(stories), titles=", ".join(spans))
        blocks.append(Block("fact", found, source=_("Found in")))
        if theme.theme.description:
            blocks.append(Block("para", theme.theme.description))
        blocks += [Block("bullet", f"{in_book[p.story_id].title}: {p.sentence()}")
                   for p in theme.principles if p.story_id in in_book]
    for done, story in enumerate(stories):
        progress(_("stories"), done, len(stories))
        blocks.append(Block("page_break", ""))
        blocks += story_blocks(store, story, level=2, final=not draft)
    if held:
        blocks.append(Block("page_break", ""))
        blocks += held_blocks(held)
    return blocks


def _ready(store: Store) -> list[Story]:
    """The stories marked ready; a demo story only in a book of demo stories (issue 28)."""
    return real_work_first([s for s in store.stories() if s.ready_for_book])


@dataclass(frozen=True)
class TitlePage:
    """What the book's title page says beyond its title; empty fields take their defaults
    (the standard subtitle, the services of the stories, this year) or are left out."""

    subtitle: str = ""
    department: str = ""
    editors: str = ""
    year: str = ""


def _cover(store: Store, title: str, page: TitlePage, redactor: Redactor) -> Cover:
    services = sorted({s.service.strip() for s in _ready(store) if s.service.strip()})
    lines = [page.department.strip() or redactor(", ".join(services[:4])),
             page.year.strip() or str(date.today().year)]
    if page.editors.strip():
        lines.append(_("Edited by {editors}").format(editors=page.editors.strip()))
    lines += [_("Gathered with the Learning from Success method: interviews with the workers "
                "and the families about one success each."), _("All names are pseudonyms.")]
    return Cover(redactor(title), page.subtitle.strip() or _(
        "Stories of success and the principles of action drawn from them"), lines)


def export_book(store: Store, folder: Path, title: str,
                redactor: Redactor = NO_REDACTION, draft: bool = False,
                progress: Progress = no_progress, page: TitlePage = TitlePage()) -> list[Path]:
    blocks = redact_blocks(book_blocks(store, title, draft, progress), redactor)
    stem = f"book-{slug(title, fallback='book')}" + ("-draft" if draft else "")
    cover = _cover(store, title, page, redactor)
    header = " · ".join(mark for mark in (_("DRAFT") if draft else "",
                                          demo_mark(s.id for s in _ready(store))) if mark)
    return write_both(blocks, folder, stem, header=header, cover=cover,
                      toc=True, progress=progress,
                      author=page.editors.strip() or page.department.strip() or "reflect")
