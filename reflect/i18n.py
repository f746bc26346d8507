"""The interface's language: gettext catalogs under reflect/locale, chosen once at start.

Order of choice: `--lang`, then REFLECT_LANG, then the saved setting (`reflect language`),
then the system's locale, else English. Messages are marked with `_()`, `ngettext()` for a
sentence with a number, `pgettext()` for a short label whose sense depends on where it stands
(the key label "Back" is not the noun), and `N_()` where a text is defined before the language
is chosen and translated where it is shown. `python3 tools/catalogs.py` extracts them with Babel
and updates the .po files, which translators edit (reflect/locale/GLOSSARY.md holds the terms).

The .po files are the source; the compiled .mo files are not kept in git. A wheel gets them
from its build (hatch_build.py); in a checkout (`python3 run.py`, an editable install) the
catalog of the language in use is compiled here the first time it is missing or older than its
.po, and written beside it (in memory only when that folder cannot be written).
"""

from __future__ import annotations

import contextlib
import gettext
import io
import locale
import os
from pathlib import Path
from typing import TypedDict

from reflect.package import package_file

LOCALE_DIR = package_file("locale")
DOMAIN = "reflect"
LANGUAGES = {"en": "English", "he": "עברית", "ar": "العربية", "pt": "Português",
             "it": "Italiano"}
RIGHT_TO_LEFT = {"he", "ar"}


class _State(TypedDict):
    language: str
    catalog: gettext.NullTranslations
    by: str


_current: _State = {"language": "en", "catalog": gettext.NullTranslations(), "by": "default"}


def _(message: str) -> str:
    return _current["catalog"].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current["catalog"].ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """A message whose translation depends on its context, e.g. pgettext("key", "Back")."""
    return _current["catalog"].pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, count: int) -> str:
    return _current["catalog"].npgettext(context, singular, plural, count)


def N_(message: str) -> str:
    """Mark a text for translation without translating it yet (it is translated where shown)."""
    return message


class InContext(str):
    """A message id that keeps its context (NP_), for a label translated where it is shown."""

    context: str

    def __new__(cls, context: str, message: str) -> InContext:
        made = super().__new__(cls, message)
        made.context = context
        return made


def NP_(context: str, message: str) -> str:
    """N_ with a context: NP_("key", "Back") is translated as pgettext("key", "Back") where it
    is shown (key labels are kept as message ids and translated when the keys are drawn)."""
    return InContext(context, message)


def translated(message: str) -> str:
    """A message id marked with N_ or NP_, in the language in use now."""
    if isinstance(message, InContext):
        return pgettext(message.context, message)
    return _(message) if message else message


def language() -> str:
    return _current["language"]


def is_rtl() -> bool:
    return _current["language"] in RIGHT_TO_LEFT


def use(code: str) -> None:
    """Switch the interface to a language of LANGUAGES."""
    if code not in LANGUAGES:
        raise ValueError(code)
    _current.update({"language": code, "catalog": translations(code), "by": "option"})


def catalog_files(code: str) -> tuple[Path, Path]:
    """A language's catalog as translators keep it (.po) and as gettext reads it (.mo)."""
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def compiled(po: Path) -> bytes:
    """A .po file compiled to .mo (fuzzy entries left out, as gettext's msgfmt does)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def translations(code: str) -> gettext.NullTranslations:
    """A language's messages; English (and a language with no catalog) as written."""
    if code == "en":
        return gettext.NullTranslations()
    po, mo = catalog_files(code)
    try:
        stale = po.is_file() and (not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime)
    except OSError:
        stale = False
    if stale:
        data = compiled(po)
        # kept for the next start; whole or not at all, whoever compiles it at the same time;
        # not at all in a folder that cannot be written (the catalog is used from memory)
        with contextlib.suppress(OSError):
            part = mo.with_name(f"{mo.name}.{os.getpid()}.part")
            part.write_bytes(data)
            os.replace(part, mo)
        return gettext.GNUTranslations(io.BytesIO(data))  # not gettext's copy of the old one
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)


def system_language() -> str | None:
    """The language of the user's locale, if reflect speaks it."""
    names = [os.environ.get(v, "") for v in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    with contextlib.suppress(ValueError):
        names.append(locale.getlocale()[0] or "")
    for name in names:
        for part in name.split(":"):
            code = part[:2].lower()
            if code == "iw":  # the old code for Hebrew
                code = "he"
            if code in LANGUAGES:
                return code
    return None


def choose(explicit: str | None = None) -> str:
    """Pick and switch to the interface language; raise ValueError for an unknown one."""
    from reflect import settings

    for by, candidate in (("option", explicit), ("environment", os.environ.get("REFLECT_LANG")),
                          ("setting", settings.load().get("language")),
                          ("system", system_language()), ("default", "en")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code not in LANGUAGES:
                raise ValueError(candidate)
            use(code)
            _current["by"] = by
            return code
    return "en"


def chosen_by() -> str:
    """Where the language came from: option, environment, setting, system or default (the
    first start asks the user when it is only a guess: system or default)."""
    return _current["by"]


def in_language(code: str, message: str) -> str:
    """A message in a given language, whatever the interface speaks (for the first start's
    question, asked in every language at once)."""
    return translations(code).gettext(message)
