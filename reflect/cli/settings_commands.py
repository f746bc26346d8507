"""`reflect language` and `reflect bidi`: the settings kept between runs (reflect.settings)."""

from __future__ import annotations

import argparse
from typing import Any

from reflect import bidi, i18n, settings
from reflect.cli.console import say, say_columns, warn
from reflect.i18n import _


def lang_option(argv: list[str]) -> str | None:
    """The value of --lang (or --lang=X) in argv, read before the parser is built so that its
    help is already in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    language = commands.add_parser("language", help=_(
        "show or set the interface language (en, he, ar, pt, it)"))
    language.add_argument("code", nargs="?", choices=sorted(i18n.LANGUAGES))
    mode = commands.add_parser("bidi", help=_(
        "who puts right-to-left text in reading order: reflect (app, the default) or a "
        "terminal that does it itself (terminal)"))
    mode.add_argument("who", nargs="?", choices=["app", "terminal"])


def unknown_language(value: str) -> int:
    warn(_("reflect: there is no interface language '{value}'; choose one of {codes} "
           "(--lang, REFLECT_LANG or 'reflect language').").format(
        value=value, codes=", ".join(sorted(i18n.LANGUAGES))))
    return 1


def language_command(args: argparse.Namespace) -> int:
    if args.code is None:
        say_columns([("*" if code == i18n.language() else " ", code, name)
                     for code, name in i18n.LANGUAGES.items()], (1, 3))
        return 0
    path = settings.save(language=args.code)
    i18n.use(args.code)
    say(_("The interface language is now {name}; saved in {path}.").format(
        name=i18n.LANGUAGES[args.code], path=path))
    return 0


def bidi_command(args: argparse.Namespace) -> int:
    if args.who is None:
        say(bidi.mode())
        return 0
    path = settings.save(bidi=args.who)
    say(_("Right-to-left text is put in reading order by {who}; saved in {path}.").format(
        who=_("reflect") if args.who == "app" else _("the terminal"), path=path))
    return 0
