"""The pseudo-language of tests/functional/test_pseudo_locale.py: every translated message in ⟦ ⟧.

Installed by conftest.py when REFLECT_PSEUDO_LOCALE is set, before any screen is imported,
because screens translate their key labels when their module is imported."""

from __future__ import annotations

import gettext


class Pseudo(gettext.NullTranslations):
    def gettext(self, message):
        return f"⟦{message}⟧" if message else message

    def ngettext(self, singular, plural, n):
        return f"⟦{singular if n == 1 else plural}⟧"

    def pgettext(self, context, message):
        return self.gettext(message)

    def npgettext(self, context, singular, plural, n):
        return self.ngettext(singular, plural, n)


def install() -> None:
    from reflect import i18n

    i18n._current["catalog"] = Pseudo()  # noqa: SLF001 - the test language is no real one
