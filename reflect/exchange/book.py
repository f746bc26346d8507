"""The book of stories (issue 15: only stories whose quoted informants approved, unless
it is a draft, which says DRAFT on every page)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

from reflect import formats
from reflect.errors import ReflectError
from reflect.exchange.demo import demo_mark, real_work_first
from reflect.exchange.documents import (
    CHAPTER,
    Block,
    Cover,
    principle_block,
    redact_blocks,
    story_blocks,
    write_both,
)
from reflect.exchange.progress import Progress, no_progress
from reflect.exchange.review_copy import Held, book_gate, held_blocks
from reflect.files import slug
from reflect.i18n import _, ngettext
from reflect.models import Story
from reflect.privacy.redact import NO_REDACTION, Redactor
from reflect.store import Store


def book_blocks(store: Store, title: str, draft: bool = False,
                progress: Progress = no_progress) -> list[Block]:
    """Every story marked ready whose quoted informants approved (every ready one in a
    draft), after a chapter of the common principles they share. Only a draft says what is
    not final yet (which stories wait, principles not drawn yet): the book itself holds no
    status page."""
    ready = _ready(store)
    if not ready:
        raise ReflectError(_("no story is marked ready for the book (edit a story: 'Ready for "
                             "the book')"))
    printable, held = book_gate(store, ready)
    if not printable and not draft:
        raise ReflectError(_("no ready story can be printed yet ({waiting}). Mark stories "
                             "analysed and record the member checks in the story screen (c), "
                             "or print a draft (--draft).").format(
            waiting="; ".join(f"{h.story.title}: {h.reason}" for h in held)))
    stories = sorted(ready if draft else printable, key=lambda s: s.title.lower())
    in_book = {s.id: s for s in stories}
    blocks = [Block("heading", title, 1),
              Block("para", ngettext("{count} story of success, and the principles of action "
                                     "drawn from it. All names are pseudonyms.",
                                     "{count} stories of success, and the principles of action "
                                     "drawn from them. All names are pseudonyms.",
                                     len(stories)).format(count=formats.number(len(stories))))]
    reach = [r for r in store.themes_by_reach() if r.story_ids & in_book.keys()]
    if reach or draft:
        blocks.append(Block("heading", _("Common principles"), 2))
    if not reach and draft:
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
        members = [p for p in theme.principles if p.story_id in in_book]
        blocks += [replace(principle_block(number, p), source=in_book[p.story_id].title)
                   for number, p in enumerate(members, start=1)]
    for done, story in enumerate(stories):
        progress(_("stories"), done, len(stories))
        blocks.append(Block("page_break", "", CHAPTER))
        blocks += story_blocks(store, story, level=2, final=not draft)
    if draft and held:
        blocks.append(Block("page_break", ""))
        blocks += held_blocks(held)
    return blocks


def _ready(store: Store) -> list[Story]:
    """The stories marked ready; a demo story only in a book of demo stories (issue 28)."""
    return real_work_first([s for s in store.stories() if s.ready_for_book])


@dataclass(frozen=True)
class TitlePage:
    """What the book's title page says beyond its title; empty fields take their defaults
    (the standard subtitle, the services of the stories, this year) or are left out.
    `title` is the title the database remembers (reflect.exchange.book.remembered_page);
    export_book takes the title it prints as an argument of its own."""

    subtitle: str = ""
    department: str = ""
    editors: str = ""
    year: str = ""
    title: str = ""

    @property
    def author(self) -> str:
        """The document's author (PDF and .docx properties): the editors, or else the
        department, never the program that printed it; empty when neither is given."""
        return self.editors.strip() or self.department.strip()


BOOK_SETTING = "book."
"""The prefix of the database settings that keep the title page: book.title, book.subtitle..."""


def remembered_page(store: Store) -> TitlePage:
    """The title page last used with this database (empty fields where none was kept)."""
    kept = store.database_settings(BOOK_SETTING)
    return TitlePage(**{f.name: kept.get(BOOK_SETTING + f.name, "") for f in fields(TitlePage)})


TITLE_FIELDS = ("title", "subtitle", "department", "editors", "year")


def title_page(store: Store, given: dict[str, str | None]) -> TitlePage:
    """The title page a book is printed with: each field given (not None; an empty one
    clears it), else what the database remembers, else the default title."""
    page = replace(remembered_page(store), **{name: " ".join(value.split())
                                             for name, value in given.items()
                                             if value is not None})
    return replace(page, title=page.title or _("Learning from Success"))


def remember_page(store: Store, page: TitlePage) -> None:
    """Keep the title page in the database, for the next book printed from it (the app's
    dialog and `reflect export book` both start from it)."""
    store.save_database_settings({BOOK_SETTING + f.name: " ".join(getattr(page, f.name).split())
                                  for f in fields(TitlePage)})


def _cover(stories: list[Story], title: str, page: TitlePage, redactor: Redactor) -> Cover:
    services = sorted({s.service.strip() for s in stories if s.service.strip()})
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
    """The book as Markdown, .docx and PDF: a title page (from `page`), the contents, the
    common principles, then one chapter per story."""
    blocks = redact_blocks(book_blocks(store, title, draft, progress), redactor)
    stem = f"book-{slug(title, fallback='book')}" + ("-draft" if draft else "")
    ready = _ready(store)
    cover = _cover(ready, title, page, redactor)
    header = " · ".join(mark for mark in (_("DRAFT") if draft else "",
                                          demo_mark(s.id for s in ready)) if mark)
    return write_both(blocks, folder, stem, header=header, cover=cover,
                      toc=True, progress=progress, author=page.author)


def left_out(store: Store) -> list[Held]:
    """The stories marked ready that the final book leaves out, and why (the book itself
    does not say: the app and the command line tell whoever prints it)."""
    ready = _ready(store)
    return book_gate(store, ready)[1] if ready else []
