"""The interface's language: gettext catalogs under reflect/locale, chosen once at start.

Order of choice: `--lang`, then REFLECT_LANG, then the saved setting (`reflect language`),
then the system's locale, else English. Messages are marked with `_()` (and `N_()` where a
text is defined before the language is chosen and translated where it is shown); Babel
extracts them into reflect/locale/reflect.pot (see README, "Translating reflect").
"""

from __future__ import annotations

import contextlib
import gettext
import locale
import os
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


def N_(message: str) -> str:
    """Mark a text for translation without translating it yet (it is translated where shown)."""
    return message


def language() -> str:
    return _current["language"]


def is_rtl() -> bool:
    return _current["language"] in RIGHT_TO_LEFT


def use(code: str) -> None:
    """Switch the interface to a language of LANGUAGES."""
    if code not in LANGUAGES:
        raise ValueError(code)
    catalog = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    _current.update({"language": code, "catalog": catalog, "by": "option"})


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
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True).gettext(message)
