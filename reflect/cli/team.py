"""`reflect team`: a team on a PostgreSQL server, each person with their own login and role,
enforced by the server's row-level security (reflect.store.team says what each role sees).

IT runs `init`, `add`, `remove` with the URL of an account that may create roles; the
coordinator runs `assign` and `unassign` with their own URL; anyone may `list`.
"""

from __future__ import annotations

import argparse
from typing import Any

from reflect.cli.console import say, say_columns
from reflect.cli.privacy import engine
from reflect.i18n import _


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    team = commands.add_parser("team", help=_(
        "a team on a PostgreSQL server: logins, roles and assigned stories, enforced by the "
        "server"))
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    team.set_defaults(handler=team_command)
    init = actions.add_parser("init", help=_(
        "prepare the database for a team: group roles, grants, row-level security (run "
        "again: harmless)"))
    init.add_argument("url", nargs="?", metavar="URL", help=_(
        "the database, as an account that may create roles (default: --db)"))
    add = actions.add_parser("add", help=_("create a login for a person in a role"))
    add.add_argument("name", metavar="NAME", help=_("their login name (lower case)"))
    add.add_argument("--role", required=True, choices=["coordinator", "interviewer", "analyst"],
                     help=_("what they may read and write"))
    add.add_argument("--no-password", action="store_true", help=_(
        "make no password: they sign in the server's own way (peer, certificate, Kerberos)"))
    actions.add_parser("list", help=_("the team: name, role, assigned stories"))
    remove = actions.add_parser("remove", help=_(
        "take a person out of the team (what they wrote stays)"))
    remove.add_argument("name", metavar="NAME")
    for action, words in (("assign", _("give a story to an interviewer (the coordinator)")),
                          ("unassign", _("take a story back from an interviewer"))):
        parser = actions.add_parser(action, help=words)
        parser.add_argument("story", metavar="STORY", help=_("the story's title or id (prefix)"))
        parser.add_argument("name", metavar="NAME")


def team_command(db: str, args: argparse.Namespace) -> int:
    from reflect.store import Store, team

    if args.team_command == "init":
        opened = engine(args.url or db)
        for line in team.init_team(opened):
            say(line)
        say(_("The database is ready for a team. Add each person: reflect team add NAME "
              "--role coordinator|interviewer|analyst"))
        return 0
    opened = engine(db)
    if args.team_command == "add":
        added = team.add_member(opened, args.name, args.role, password=not args.no_password)
        say(_("{name} is in the team as {role}.").format(name=added.name, role=added.role))
        if added.existed:
            say(_("The login was on the server already: it keeps its own password or way of "
                  "signing in."))
        elif added.password is None:
            say(_("No password was made: they sign in the server's own way (ask IT)."))
        say(_("Give them this, in private; they start reflect with it:"))
        say(f"  reflect --db '{added.url}'")
        return 0
    if args.team_command == "list":
        found = team.members(opened)
        if not found:
            say(_("Nobody is in the team yet: reflect team add NAME --role ROLE"))
        say_columns([(member.name, member.role,
                       (", ".join(member.stories) or _("no story assigned"))
                       + ("" if member.login else " " + _("(login gone from the server)")))
                      for member in found], (24, 12))
        return 0
    if args.team_command == "remove":
        dropped = team.remove_member(opened, args.name)
        say(_("{name} is out of the team; what they wrote stays.").format(name=args.name)
            + " " + (_("Their login was dropped.") if dropped else
                     _("Their login stays on the server (used elsewhere).")))
        return 0
    story = Store(opened).find_story(args.story)
    if args.team_command == "assign":
        changed = team.assign(opened, story.id, args.name)
        say((_("{story} is assigned to {name}.") if changed else
             _("{story} was assigned to {name} already.")).format(story=story.title,
                                                                  name=args.name))
        return 0
    changed = team.unassign(opened, story.id, args.name)
    say((_("{story} is no longer assigned to {name}.") if changed else
         _("{story} was not assigned to {name}.")).format(story=story.title, name=args.name))
    return 0
