"""Named SQL statements kept in a .sql file of the store (reflect/store/<name>.sql).

The store writes every query, but one set of them must also run before SQLAlchemy is
imported: the home screen's lists, read at a glance with the standard library's sqlite3
(reflect.method.glance). Importing any module of reflect.store imports the whole store and
SQLAlchemy with it, so those statements live in a plain file beside the store's modules, and
this module (which imports nothing of ours but reflect.package) reads them for both readers:
the same text runs through sqlite3 before the store opens and through the store's connection
after.
"""

from __future__ import annotations

from functools import cache

from reflect.package import package_file

MARK = "-- name: "
STORE = package_file("store")
"""Where the store's modules and its .sql files are (reflect.package: importlib.resources,
already imported on the glance's path by reflect.i18n)."""


@cache
def statements(name: str) -> dict[str, str]:
    """The statements of reflect/store/<name>.sql, each by the key on the '-- name: <key>'
    line above it; the comment lines are left out."""
    source = (STORE / f"{name}.sql").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    lines: list[str] | None = None
    for line in source.splitlines():
        if line.startswith(MARK):
            lines = found.setdefault(line.removeprefix(MARK).strip(), [])
        elif lines is not None and line.strip() and not line.lstrip().startswith("--"):
            lines.append(line.rstrip())
    return {key: "\n".join(body) for key, body in found.items()}
