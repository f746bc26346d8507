"""Every filesystem location reflect uses, in one place.

| what                | default                                   | override            |
|---------------------|-------------------------------------------|---------------------|
| data dir            | platformdirs user data dir for "reflect"  | REFLECT_DATA_DIR    |
| database            | <data dir>/reflect.db                     | --db / REFLECT_DB   |
| demo database       | <data dir>/demo.db (`reflect demo`)       | --db                |
| user protocols      | <data dir>/protocols/*.yaml               |                     |
| key file            | <data dir>/keys.db (encrypted)            | --keys              |
| shipped protocols   | prompts/ (checkout) or reflect/_shipped/prompts (wheel) |       |
| shipped sample data | data/ (checkout) or reflect/_shipped/data (wheel)        |       |

The environment variables are the seam the tests use to stay out of the real data dir.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from reflect.files import make_private_dirs

APP_NAME = "reflect"
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The per-user directory holding the database and user protocols (created on demand)."""
    override = os.environ.get("REFLECT_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    if not path.exists():
        make_private_dirs(path)  # the answers are about vulnerable families
    return path


def default_db_url() -> str:
    """REFLECT_DB if set (a path or a SQLAlchemy URL), else SQLite in the data dir."""
    return os.environ.get("REFLECT_DB") or str(data_dir() / "reflect.db")


def demo_db_path() -> Path:
    """Where `reflect demo` keeps the invented stories: beside the real database, never in
    it (issue 28). REFLECT_DB names the real one and does not move this."""
    return data_dir() / "demo.db"


def keys_file() -> Path:
    """The research team's key file (pseudonym -> real name), encrypted, if there is one."""
    return data_dir() / "keys.db"


def user_protocols_dir() -> Path:
    """Where users drop their own protocol files; shown beside the shipped ones."""
    path = data_dir() / "protocols"
    make_private_dirs(path)
    return path


def _shipped(name: str) -> Path:
    """A folder shipped with the project: inside the wheel, or at the checkout's top level."""
    in_wheel = _PACKAGE_DIR / "_shipped" / name
    return in_wheel if in_wheel.is_dir() else _PACKAGE_DIR.parent / name


def shipped_protocols_dir() -> Path:
    return _shipped("prompts")


def shipped_data_dir() -> Path:
    return _shipped("data")


def sqlite_file(db: str) -> Path | None:
    """The SQLite file a --db value names (a path or a sqlite:/// URL), None for a server URL.
    Light on purpose: the app uses it before SQLAlchemy is imported."""
    if "://" not in db:
        return Path(db).expanduser().resolve()
    if db.startswith("sqlite:///") and db != "sqlite:///:memory:":
        return Path(db.removeprefix("sqlite:///"))
    return None
