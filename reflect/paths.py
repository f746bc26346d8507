"""Every filesystem location reflect uses, in one place.

| what                | default                                   | override            |
|---------------------|-------------------------------------------|---------------------|
| data dir            | platformdirs user data dir for "reflect"  | REFLECT_DATA_DIR    |
| database            | <data dir>/reflect.db                     | --db / REFLECT_DB   |
| demo database       | <data dir>/demo.db (`reflect demo`)       | --db                |
| user protocols      | <data dir>/protocols/*.yaml               |                     |
| key file            | <data dir>/keys.db (encrypted)            | --keys              |
| secret keys of sealed bundles | <data dir>/sealing/NAME.key     | import --key        |
| this laptop's signing key | <data dir>/sender.json (sealed bundles) |                   |
| senders known here  | <data dir>/known-senders.json             |                     |
| shipped protocols   | prompts/ (checkout) or reflect/_shipped/prompts (wheel) |       |
| shipped sample data | data/ (checkout) or reflect/_shipped/data (wheel)        |       |

The environment variables are the seam the tests use to stay out of the real data dir.

Files shipped inside the package are found by reflect.package (importlib.resources).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from platformdirs import user_data_dir

from reflect.files import make_private_dirs
from reflect.package import package_file

APP_NAME = "reflect"


def data_dir() -> Path:
    """The per-user directory holding the database and user protocols (created on demand)."""
    override = os.environ.get("REFLECT_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    if not path.exists():
        try:
            make_private_dirs(path)  # the answers are about vulnerable families
        except OSError as exc:
            from reflect.errors import ReflectError
            from reflect.i18n import _

            raise ReflectError(_(
                "cannot create the data folder {path} ({problem}). Set REFLECT_DATA_DIR to a "
                "folder you may write in, or make this one writable.").format(
                path=path, problem=exc.strerror or exc)) from None
    return path


def exports_dir() -> Path:
    """Where exports go unless told otherwise: owner-only whoever made it (a folder an older
    version or another program left readable by others is closed again)."""
    path = data_dir() / "exports"
    make_private_dirs(path)
    status = path.lstat()
    owned = not hasattr(os, "getuid") or status.st_uid == os.getuid()
    if path.is_dir() and not path.is_symlink() and owned and status.st_mode & 0o077:
        path.chmod(0o700)
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


def sealing_keys_dir() -> Path:
    """Where 'reflect keys new' keeps a coordinator's secret keys (each encrypted with its
    passphrase) and where 'reflect import' looks for one when --key is not given."""
    return data_dir() / "sealing"


def sender_file() -> Path:
    """This laptop's key for signing sealed bundles and the name it signs with."""
    return data_dir() / "sender.json"


def known_senders_file() -> Path:
    """The signing keys sealed bundles were imported from here (trust on first use)."""
    return data_dir() / "known-senders.json"


def user_protocols_dir() -> Path:
    """Where users drop their own protocol files; shown beside the shipped ones."""
    path = data_dir() / "protocols"
    make_private_dirs(path)
    return path


def _shipped(name: str) -> Path:
    """A folder shipped with the project: inside the wheel (the build copies prompts/ and data/
    to reflect/_shipped/), or at the checkout's top level, where the design keeps them."""
    in_wheel = package_file("_shipped", name)
    return in_wheel if in_wheel.is_dir() else package_file().parent / name


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


def shown_db(db: str) -> str:
    """A --db value to print: a password in a server URL (user:password@, or password= in
    its query) becomes ***."""
    from urllib.parse import parse_qsl, urlencode, urlsplit

    if "://" not in db:
        return db
    try:
        parts = urlsplit(db)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        if parts.password is None and not any("password" in k.lower() for k, _v in pairs):
            return db
        netloc = parts.netloc
        if parts.password is not None:
            user, _sep, host = netloc.rpartition("@")
            netloc = f"{user.partition(':')[0]}:***@{host}"
        query = urlencode([(key, "***" if "password" in key.lower() else value)
                           for key, value in pairs], safe="*")
        return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")
    except ValueError:  # not a URL after all: hide whatever sits between ':' and '@'
        return re.sub(r"(//[^:/@]*):[^@]*@", r"\1:***@", db)

