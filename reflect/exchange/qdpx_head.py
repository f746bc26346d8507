"""The head of a REFI-QDA project.qde (reflect.exchange.qdpx): the code book (themes with
their principles, principles without a theme, "Marked as quote"), every code a name of its
own; the variables; a case per story and per informant, its variables as labels in the
interface's language."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator

from reflect.exchange.corpus import Corpus
from reflect.exchange.qdpx_xml import guid, tag, text_tag, variable_value
from reflect.i18n import N_, _, ngettext
from reflect.models import Principle
from reflect.roles import Role
from reflect.vocab import StoryStatus

VARIABLES = {"Service": N_("Service"), "Story status": N_("Story status"),
             "Ready for the book": N_("Ready for the book"), "Role": N_("Role"),
             "Story": N_("Story"),
             "Source informant": N_("Interview: informant"),
             "Source role": N_("Interview: role"), "Source story": N_("Interview: story"),
             "Source service": N_("Interview: service")}
"""Variables by key (their GUIDs are made from it) and name. The cases carry the first five,
the sources the last four: QualCoder keeps a variable for cases or for files, never both, so
the sources' variables have names of their own."""
STORY_STATUS = {StoryStatus.CANDIDATE: N_("candidate"), StoryStatus.SELECTED: N_("selected"),
                StoryStatus.INTERVIEWING: N_("interviewing"),
                StoryStatus.ANALYSED: N_("analysed"), StoryStatus.PUBLISHED: N_("published")}
"""A story's status as the screens name it."""
SESSION_STATUS = {"in_progress": N_("in progress"), "completed": N_("completed"),
                  "abandoned": N_("abandoned"), "declined": N_("consent refused")}
"""A session's status as the sources' descriptions name it (the screens' words)."""


def code_name(principle: Principle) -> str:
    """A principle's 'do' part (else its sentence) on one line, at most 80 characters."""
    name = " ".join((principle.action or principle.sentence()).split()).rstrip(".")
    return name if len(name) <= 80 else name[:79].rstrip() + "…"


def unique_names(wanted: list[tuple[str, str, str]]) -> dict[str, str]:
    """(key, name, hint) of every code -> key -> a name no other code has (compared without
    case, as QDA programs may): a name that more than one code wants gets its hint in
    brackets ("Call the school first (Back to school)"), then a number if still taken."""
    counts = Counter(name.casefold() for _key, name, _hint in wanted)
    used: set[str] = set()
    names: dict[str, str] = {}
    for key, name, hint in wanted:
        if counts[name.casefold()] > 1 and hint:
            name = f"{name} ({' '.join(hint.split())})"
        candidate, number = name, 2
        while candidate.casefold() in used:
            candidate, number = f"{name} ({number})", number + 1
        used.add(candidate.casefold())
        names[key] = candidate
    return names


def code_book(corpus: Corpus, stories: set[uuid.UUID], coded: set[uuid.UUID],
              quotes: int) -> tuple[str, int]:
    """The CodeBook: themes with their principles nested, principles without a theme, and
    'Marked as quote'; with how many codes it holds. Every code's name is its own
    (`unique_names`)."""
    principles = [p for p in corpus.principles if p.story_id in stories or p.id in coded]
    if not principles and not quotes:
        return "", 0
    themes = []
    for theme in sorted(corpus.themes.values(), key=lambda t: t.name.lower()):
        members = [p for p in principles if p.theme_id == theme.id]
        if members:
            themes.append((theme, members))
    loose = [p for p in principles if p.theme_id is None or p.theme_id not in corpus.themes]
    quote = guid("code", "quote")
    wanted = [(str(theme.id), " ".join(theme.name.split()), "") for theme, _m in themes]
    wanted += [(str(p.id), code_name(p), corpus.stories[p.story_id].title
                if p.story_id in corpus.stories else "")
               for p in [*(p for _t, members in themes for p in members), *loose]]
    if quotes:
        wanted.append((quote, _("Marked as quote"), ""))
    names = unique_names(wanted)

    def code(principle: Principle) -> str:
        return tag("Code", {"guid": principle.id, "name": names[str(principle.id)],
                            "isCodable": "true"},
                   text_tag("Description", principle.sentence()))

    codes = []
    for theme, members in themes:
        description = text_tag("Description", theme.description or ngettext(
            "Common principle drawn from {count} principle",
            "Common principle drawn from {count} principles", len(members)).format(
                count=len(members)))
        codes.append(tag("Code", {"guid": theme.id, "name": names[str(theme.id)],
                                  "isCodable": "true"},
                         description + "".join(code(p) for p in members)))
    codes += [code(p) for p in loose]
    if quotes:
        codes.append(tag("Code", {"guid": quote, "name": names[quote], "isCodable": "true"},
                         text_tag("Description",
                                  _("Passages the interviewer marked as quotes"))))
    return "<CodeBook><Codes>" + "".join(codes) + "</Codes></CodeBook>", len(wanted)


def cases(corpus: Corpus, by_story: dict[uuid.UUID, list[uuid.UUID]],
          by_informant: dict[uuid.UUID | None, list[uuid.UUID]]) -> Iterator[str]:
    """Variables, then a Case per story and per informant that has a source."""
    yield "<Variables>" + "".join(
        tag("Variable", {"guid": guid("variable", key), "name": _(name), "typeOfVariable":
                         "Boolean" if key == "Ready for the book" else "Text"})
        for key, name in VARIABLES.items()) + "</Variables><Cases>"

    def refs(sessions: list[uuid.UUID]) -> str:
        return "".join(tag("SourceRef", {"targetGUID": s}) for s in sessions)

    for story in sorted((corpus.stories[i] for i in by_story),
                        key=lambda story: story.title.lower()):
        body = text_tag("Description", story.summary) if story.summary else ""
        body += (variable_value("Service", story.service) +
                 variable_value("Story status", _(STORY_STATUS[story.status])) +
                 variable_value("Ready for the book",
                                "true" if story.ready_for_book else "false", "BooleanValue"))
        yield tag("Case", {"guid": story.id, "name": story.title},
                  body + refs(by_story[story.id]))
    informants = [corpus.informants[i] for i in by_informant if i in corpus.informants]
    for informant in sorted(informants, key=lambda i: (corpus.stories[i.story_id].title,
                                                       i.pseudonym)):
        body = (variable_value("Role", Role(informant.role).label) +
                variable_value("Story", corpus.stories[informant.story_id].title))
        yield tag("Case", {"guid": informant.id, "name": informant.pseudonym},
                  body + refs(by_informant[informant.id]))
    yield "</Cases>"
