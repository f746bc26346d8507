"""Every screen and dialog in Hebrew and Arabic reads in reading order (issue 32).

The screens are visited as test_screens_fit visits them, with a Hebrew or an Arabic interface
at 80x24 and 120x40, and every drawn line is checked the way a reader would notice:
- no word in typing order: a run of Hebrew or Arabic letters on screen that is a word of the
  catalogs, the protocols, the demo or the test data, while its mirror image is not, was
  drawn as typed (backwards for its reader);
- Arabic joined: no Arabic letter left in its unjoined (logical) form;
- whole: the labels, titles, buttons and footer keys test_screens_fit checks.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from reflect import i18n
from tests.functional import test_screens_fit as fit
from tests.functional.test_screens_fit import full_store  # noqa: F401 - a fixture used below
from tests.ui_helpers import screen_lines

ROOT = Path(__file__).parents[2]
_LETTERS = re.compile("[\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3]{3,}")
# shaped letters are presentation forms (FBxx-FExx); the tatweel (U+0640) is not a letter
_UNJOINED = re.compile("[\u0620-\u063f\u0641-\u064a]")


def letters(text: str) -> str:
    """Letters only: presentation forms back to their letters, vowel marks left out."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not unicodedata.combining(c))


@cache
def vocabulary() -> frozenset[str]:
    """Every Hebrew and Arabic word reflect or these tests can put on screen, as typed."""
    sources = [*ROOT.glob("reflect/locale/*/LC_MESSAGES/*.po"), *ROOT.glob("prompts/*.yaml"),
               *ROOT.glob("data/*.yaml"), Path(fit.__file__), Path(__file__)]
    words: set[str] = set()
    for source in sources:
        words.update(_LETTERS.findall(letters(source.read_text(encoding="utf-8"))))
    return frozenset(words)


def misdrawn(lines: list[str]) -> list[str]:
    """What a Hebrew or Arabic reader would find backwards or unjoined."""
    known = vocabulary()
    found = []
    for number, line in enumerate(lines):
        if _UNJOINED.search(line):
            found.append(f"line {number}: Arabic not joined: {line.strip()!r}")
        for word in _LETTERS.findall(letters(line)):
            if word in known and word[::-1] not in known:
                found.append(f"line {number}: {word!r} in typing order: {line.strip()!r}")
    return found


def test_the_check_sees_a_line_in_typing_order():
    from reflect import bidi

    logical = "ממתין לאישור הסכמה"
    assert misdrawn([logical])
    assert not misdrawn([bidi.display_line(logical)])
    arabic = "الموافقة على التسجيل"
    assert misdrawn([arabic]) and not misdrawn([bidi.display_line(arabic)])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("language", ["he", "ar"])
async def test_every_screen_reads_in_reading_order(engine, catalog, full_store, language,  # noqa: F811
                                                   size):
    i18n.use(language)  # key labels are translated as they are drawn: no restart needed
    store = full_store
    problems: list[str] = []
    app = fit.make_app(engine, catalog)
    async with app.run_test(size=size) as pilot:
        async def look(where: str) -> None:
            found: list[str] = []
            await fit.check(pilot, app, where, found)  # whole
            found += misdrawn(screen_lines(app))
            problems.extend(f"{where}: {thing}" for thing in found)

        titles = (fit.HEBREW, fit.ARABIC, "Back to school together")
        await fit.visit_every_screen(pilot, app, engine, catalog, store, titles, look,
                                     long_text=fit.HEBREW * 5)
    assert problems == [], "\n".join(problems)
